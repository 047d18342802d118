import { describe, expect, it } from "vitest";
import { typeToString, type Expression } from "../../src/index.js";
import { check } from "../helpers/check.js";
import { conformanceDir, polFiles, repositoryPolicies } from "../helpers/repo.js";
import { checkFile } from "../../src/index.js";

const SOURCE = `policy small "Small" {
  id "S-1"
  effective 2025-10-01
  approved 2025-09-10 by "Committee"

  /// Why the treatment is given.
  enum Intent "Treatment intent" { curative "Curative", palliative "Palliative" }
  fact intent: Intent "Intent"
  fact interval: number years "Disease-free interval"
  fact diagnoses: set of ICD10 "Diagnoses"
  fact recurrence: bool "Recurrence"

  codeset cns "CNS" { ICD10 C70-C72, D32 }
  codeset breast "Breast" { ICD10 C50 }
  codeset listed "Listed" { include cns, breast ICD10 C70-C72, C61 }

  define eligible "Eligible" = definitive and diagnoses has any listed
  define definitive "Definitive" = intent is curative and (not recurrence or long_interval)
  define long_interval = interval >= 2 years

  covered "Eligible" if eligible
  otherwise not covered

  require target "Target volume"
  when recurrence {
    require history "Prior radiation" when interval < 5 years
    when diagnoses has any breast {
      ask left_nodes: bool "Left nodes treated?"
    }
  }
}`;

describe("the model of a small policy", () => {
  const result = check(SOURCE);
  const model = result.model!;

  it("checks without diagnostics", () => {
    expect(result.diagnostics).toEqual([]);
  });

  it("has its metadata and version", () => {
    expect([model.kind, model.name, model.title, model.version, model.metadata.approvedBy]).toEqual([
      "policy",
      "small",
      "Small",
      "2025-09-10",
      "Committee",
    ]);
  });

  it("lists facts (asks too), enums with members, labels and docs", () => {
    expect([...model.facts].map(([n, f]) => `${n}: ${typeToString(f.type)}`)).toEqual([
      "intent: Intent",
      "interval: number years",
      "diagnoses: set of ICD10 code",
      "recurrence: bool",
      "left_nodes: bool",
    ]);
    const intent = model.enums.get("Intent")!;
    expect([intent.label, intent.doc, [...intent.members.keys()], intent.members.get("curative")!.label]).toEqual([
      "Treatment intent",
      "Why the treatment is given.",
      ["curative", "palliative"],
      "Curative",
    ]);
  });

  it("flattens codesets through includes: normalized, deduplicated, in source order", () => {
    const listed = model.codesets.get("listed")!;
    expect(listed.entries.map((e) => `${e.code}${e.rangeEnd ? `-${e.rangeEnd}` : ""}`)).toEqual(["C70-C72", "D32", "C50", "C61"]);
    expect([listed.system, listed.includes]).toEqual(["ICD10", ["cns", "breast"]]);
  });

  it("orders defines so that each comes after those it uses, with inferred types", () => {
    expect([...model.defines].map(([n, d]) => `${n}: ${typeToString(d.type)}`)).toEqual([
      "long_interval: bool",
      "definitive: bool",
      "eligible: bool",
    ]);
  });

  it("flattens requirements with their when chain, outermost first; asks are questions", () => {
    const text = (e: Expression): string => SOURCE.slice(e.span.start.offset, e.span.end.offset);
    expect(model.requirements.map((r) => [r.kind, r.id, r.conditions.map(text)])).toEqual([
      ["document", "target", []],
      ["document", "history", ["recurrence", "interval < 5 years"]],
      ["question", "left_nodes", ["recurrence", "diagnoses has any breast"]],
    ]);
    expect(typeToString(model.requirements[2].type!)).toBe("bool");
  });

  it("records what names resolve to and the types of expressions", () => {
    const eligible = model.defines.get("eligible")!;
    expect(typeToString(model.types.get(eligible.value)!)).toBe("bool");
    const resolved = [...model.names].filter(([ref]) => ref.span.start.line === 17).map(([ref, r]) => `${ref.name}→${r.kind}`);
    expect(resolved).toEqual(["definitive→define", "diagnoses→fact", "listed→codeset"]);
    expect(model.rules.map((r) => [r.label, r.outcome])).toEqual([["Eligible", "covered"]]);
    expect(model.otherwise).toBe("not_covered");
  });
});

describe("the policies of the repository and the conformance suite", () => {
  it("finds the conformance suite", () => {
    expect(polFiles(conformanceDir).length).toBeGreaterThan(0);
  });

  for (const file of repositoryPolicies()) {
    it(`checks ${file.split("/").slice(-2).join("/")} without errors`, () => {
      const result = checkFile(file);
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.model).toBeDefined();
    });
  }
});
