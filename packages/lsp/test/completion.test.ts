import { describe, expect, it } from "vitest";
import { CompletionItemKind } from "vscode-languageserver";
import { expectCompletion, POLICY } from "./helpers.js";

/** POLICY with `line` added before `otherwise`, cursor in it. */
const rule = (line: string): string => POLICY.replace("  otherwise not covered", `  ${line}\n  otherwise not covered`);
const FACTS = ["intent", "disease_free_interval", "diagnoses", "organs_spared", "local_recurrence", "ordered_by_provider"];
const MEMBERS_INTENT = ["curative", "palliative"];
const MEMBERS_ORGAN = ["heart", "lungs", "other"];

describe("completion", () => {
  it("offers declaration words at the start of a member", () => {
    expectCompletion(rule("<|>"), ["fact", "define", "codeset", "covered", "not covered", "review", "require", "test", "effective"], ["intent", "curative"]);
    expectCompletion(rule("cov<|>"), ["covered"]);
  });

  it("offers only what a library may hold in a library", () => {
    expectCompletion(`library l {\n  <|>\n}\n`, ["fact", "enum", "codeset", "define"], ["covered", "test", "effective"]);
  });

  it("offers facts and defines in conditions, but not codesets or members", () => {
    expectCompletion(rule("covered \"x\" if <|>"), [...FACTS, "definitive", "general_criteria", "all", "any", "not", "at least"], ["cns", "curative", "fact"]);
    expectCompletion(rule("covered if all(definitive, <|>"), ["intent", "general_criteria"], ["cns"]);
    expectCompletion(rule("covered if definitive and not <|>"), ["local_recurrence"], ["not"]);
  });

  it("tolerates a half-typed name", () => {
    const items = expectCompletion(rule("covered if inte<|>"), ["intent"]);
    expect(items.find((i) => i.label === "intent")?.kind).toBe(CompletionItemKind.Variable);
  });

  it("offers the members of the right enum after `is`", () => {
    expectCompletion(rule("covered if intent is <|>"), [...MEMBERS_INTENT, "known", "unknown"], [...MEMBERS_ORGAN, "intent"]);
    expectCompletion(rule("covered if intent is pal<|>"), ["palliative"], ["heart"]);
    expectCompletion(rule("covered if intent is not <|>"), MEMBERS_INTENT, ["heart"]);
  });

  it("offers members inside a set after `in` and `has any`", () => {
    expectCompletion(rule("covered if intent in { <|>"), MEMBERS_INTENT, MEMBERS_ORGAN);
    expectCompletion(rule("covered if organs_spared has any { heart, <|>"), MEMBERS_ORGAN, MEMBERS_INTENT);
    expectCompletion(rule("covered if organs_spared has <|>"), ["any", "all", ...MEMBERS_ORGAN], MEMBERS_INTENT);
  });

  it("offers codesets after `has any` and `has all` on codes", () => {
    expectCompletion(rule("covered if diagnoses has any <|>"), ["cns", "breast"], ["intent", "curative"]);
    expectCompletion(rule("covered if diagnoses has all br<|>"), ["breast"]);
    expectCompletion(rule("covered if diagnoses has <|>"), ["any", "all", "ICD10"], ["cns"]);
  });

  it("offers units of the fact's dimension after a number, its own unit first", () => {
    const items = expectCompletion(rule("covered if disease_free_interval >= 2 <|>"), ["years", "months", "days"], ["cm", "Gy"]);
    expect(items.find((i) => i.label === "years")?.preselect).toBe(true);
    expectCompletion(rule("covered if disease_free_interval >= 2 mo<|>"), ["months"], ["cm"]);
  });

  it("offers operators after an operand", () => {
    expectCompletion(rule("covered if intent <|>"), ["is", "in", "and", "or"], ["curative"]);
  });

  it("offers fact names, then values, in a test's `given`", () => {
    const test = (body: string) => POLICY.replace("expect covered\n", `expect covered\n  }\n  test "t" {\n    given {\n${body}\n    }\n`);
    expectCompletion(test("      <|>"), ["intent", "diagnoses", "ordered_by_provider", "procedures", "documents", "as_of"], ["covered", "cns"]);
    expectCompletion(test("      intent: curative\n      <|>"), ["diagnoses"], ["intent"]);
    expectCompletion(test("      intent: <|>"), MEMBERS_INTENT, MEMBERS_ORGAN);
    expectCompletion(test("      organs_spared: [heart, <|>"), MEMBERS_ORGAN, MEMBERS_INTENT);
    expectCompletion(test("      local_recurrence: <|>"), ["true", "false"]);
    expectCompletion(test("      documents: [<|>"), ["target_volume"]);
    expectCompletion(test("      disease_free_interval: 3 <|>"), ["years", "months"], ["cm"]);
  });

  it("offers outcomes and expectations after `expect`", () => {
    expectCompletion(POLICY.replace("expect covered", "expect <|>"), ["covered", "not covered", "review", "incomplete", "not applicable", "requires"]);
    expectCompletion(POLICY.replace("expect requires { target_volume }", "expect requires { <|> }"), ["target_volume"], ["intent"]);
    expectCompletion(POLICY.replace("expect requires { target_volume }", "expect missing { <|> }"), ["intent"], ["target_volume"]);
  });

  it("offers types after `fact name:`", () => {
    expectCompletion(rule("fact stage: <|>"), ["bool", "number", "date", "text", "set of", "ICD10", "Intent", "Organ", "Side"], ["intent"]);
    expectCompletion(rule("fact stages: set of <|>"), ["Organ", "ICD10"], ["set of"]);
    expectCompletion(rule("fact size: number <|>"), ["cm", "mm", "years"]);
  });

  it("offers `include`, systems and codesets in a codeset", () => {
    expectCompletion(POLICY.replace("ICD10 C50\n", "ICD10 C50\n    <|>\n"), ["include", "ICD10"], ["intent"]);
    expectCompletion(POLICY.replace("ICD10 C50\n", "ICD10 C50\n    include <|>\n"), ["cns"], ["intent"]);
  });

  it("offers outcomes after `otherwise`", () => {
    expectCompletion(POLICY.replace("otherwise not covered", "otherwise <|>"), ["covered", "not covered", "review"], ["intent"]);
  });

  it("offers nothing inside comments, strings and enum bodies", () => {
    expectCompletion(POLICY.replace("  otherwise", "  // intent is <|>\n  otherwise"), [], ["curative", "intent"]);
    expectCompletion(POLICY.replace(`"Definitive therapy"`, `"Definitive <|>therapy"`), [], ["intent", "fact"]);
    expectCompletion(POLICY.replace(`palliative "Palliative intent"`, `palliative "Palliative intent"\n    <|>`), [], ["intent", "fact"]);
    expectCompletion(rule(`covered "unfinished <|>`), [], ["intent"]);
  });

  it("offers top-level words outside a policy", () => {
    expectCompletion(`<|>`, ["import", "policy", "library"]);
  });
});

describe("completion at member boundaries", () => {
  it("starts a new member on the line after one without its optional parts", () => {
    expectCompletion(POLICY.replace(`fact local_recurrence: bool "Local recurrence"`, `fact local_recurrence: bool\n  <|>`), ["fact", "define"], ["intent"]);
    expectCompletion(POLICY.replace(`effective 2025-10-01`, `effective 2025-10-01\n  <|>`), ["approved", "fact"]);
    expectCompletion(POLICY.replace(`effective 2025-10-01`, `approved 2025-09-01 <|>`), ["by"], ["fact"]);
  });
});
