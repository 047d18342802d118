import { describe, expect, it } from "vitest";
import { definition } from "../src/features/definition.js";
import { pathToUri } from "../src/positions.js";
import { expectDefinition, LIB, open, POLICY, ROOT } from "./helpers.js";

const LIB_TARGETED = LIB.replace("define general_criteria", "define <@>general_criteria").replace("fact ordered_by_provider", "fact <@>ordered_by_provider");

describe("definition", () => {
  it("goes from a fact to its declaration", () => {
    expectDefinition(POLICY.replace("fact intent:", "fact <@>intent:").replace("intent is curative and", "<|>intent is curative and"));
  });

  it("goes from a name to its declaration in an imported library", () => {
    const source = POLICY.replace("all(general_criteria", "all(<|>general_criteria");
    expectDefinition(source, { "lib.pol": LIB.replace("define general_criteria", "define <@>general_criteria") }, "lib.pol");
  });

  it("goes from a library fact in a `given` block to the library", () => {
    const source = POLICY.replace("      ordered_by_provider: true", "      <|>ordered_by_provider: true");
    expectDefinition(source, { "lib.pol": LIB.replace("fact ordered_by_provider", "fact <@>ordered_by_provider") }, "lib.pol");
  });

  it("goes from a member to its enum's member, and from a type to its enum", () => {
    expectDefinition(POLICY.replace(`    curative "Curative intent"`, `    <@>curative "Curative intent"`).replace("intent is curative", "intent is <|>curative"));
    expectDefinition(POLICY.replace("enum Intent", "enum <@>Intent").replace("fact intent: Intent", "fact intent: <|>Intent"));
    expectDefinition(POLICY.replace(`    lungs "Lungs"`, `    <@>lungs "Lungs"`).replace("{ heart, lungs }", "{ heart, <|>lungs }"));
  });

  it("goes from a codeset use and a requirement in a test to their declarations", () => {
    expectDefinition(POLICY.replace("codeset cns", "codeset <@>cns").replace("has any cns", "has any <|>cns"));
    expectDefinition(POLICY.replace("require target_volume", "require <@>target_volume").replace("{ target_volume }", "{ <|>target_volume }"));
  });

  it("goes from an import to the imported file", () => {
    const o = open(POLICY.replace(`import "lib.pol"`, `import "li<|>b.pol"`));
    expect(definition(o.analysis, o.cursor)).toEqual({ uri: pathToUri(`${ROOT}/lib.pol`), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  });

  it("has no definition for keywords, unknown names and built-ins", () => {
    for (const source of [
      POLICY.replace("covered \"CNS\"", "<|>covered \"CNS\""),
      POLICY.replace("intent is curative and", "<|>intnt is curative and"),
      POLICY.replace("diagnoses has any breast", "<|>procedures has any breast"),
    ]) {
      const o = open(source);
      expect(definition(o.analysis, o.cursor)).toBeNull();
    }
    void LIB_TARGETED;
  });
});
