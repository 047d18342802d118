/**
 * Sets in the behavioural analysis: `count`, `has all`, `has at least N of`,
 * enum sets whose members no condition names, and set equality.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";
import { CONFORMANCE } from "../helpers/policies.js";
import { checked, edit, expectWitnessesHold } from "./helpers.js";

const FILE = join(CONFORMANCE, "sets.pol");

const BASE = `policy sets "Sets" {
  id "SETS"
  effective 2025-01-01

  enum Organ "Organ" {
    heart  "Heart"
    lungs  "Lungs"
    liver  "Liver"
    kidney "Kidney"
  }

  fact diagnoses: set of ICD10 "Diagnoses"
  fact organs: set of Organ "Organs spared"

  codeset breast "Breast" { ICD10 C50, D05 }

  covered "several diagnoses" if count(diagnoses) >= 2 and diagnoses has any breast
  review "two organs" if organs has at least 2 of { heart, lungs, liver }
  review "heart and lungs" if organs has all { heart, lungs }
  not covered "only the liver" if organs is { liver }
  otherwise not covered
}
`;

function run(change: (t: string) => string) {
  const before = checked(BASE, FILE);
  const after = checked(change(BASE), FILE);
  const d = diff(before, after);
  expectWitnessesHold(d, before, after);
  expect(d.summary.exhaustive).toBe(true);
  return d;
}

describe("diff on sets", () => {
  it("a count threshold raised: requests with exactly two diagnoses, one of them a breast code", () => {
    const d = run((t) => edit(t, "count(diagnoses) >= 2", "count(diagnoses) >= 3"));
    const lost = d.behavior.find((b) => b.old.outcome === "covered" && b.new.outcome === "not_covered")!;
    const codes = lost.witness.facts.diagnoses as string[];
    expect(codes).toHaveLength(2);
    expect(codes.some((c) => c.startsWith("C50") || c.startsWith("D05"))).toBe(true);
  });

  it("a count threshold lowered: one breast diagnosis is enough now", () => {
    const d = run((t) => edit(t, "count(diagnoses) >= 2", "count(diagnoses) >= 1"));
    expect(d.behavior.find((b) => b.new.outcome === "covered" && b.old.outcome === "not_covered")?.witness).toEqual({ facts: { diagnoses: ["C50"], organs: [] } });
  });

  it("counts beyond the classes present: the witness lists distinct codes of one class", () => {
    const three = edit(BASE, "count(diagnoses) >= 2 and diagnoses has any breast", "count(diagnoses) >= 3 and diagnoses has all { ICD10 C50 }");
    const before = checked(three, FILE);
    const after = checked(edit(three, ">= 3", ">= 4"), FILE);
    const d = diff(before, after);
    expectWitnessesHold(d, before, after);
    const lost = d.behavior.find((b) => b.old.outcome === "covered" && b.new.outcome === "not_covered")!;
    const codes = lost.witness.facts.diagnoses as string[];
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    expect(codes.some((c) => c.replace(".", "").startsWith("C50"))).toBe(true);
  });

  it("`has at least 2 of` against `has all`: a member no condition names changes nothing", () => {
    const d = run((t) => edit(t, "organs has at least 2 of { heart, lungs, liver }", "organs has at least 2 of { heart, lungs }"));
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) {
      expect(b.witness.facts.organs).toContain("liver");
      expect(b.witness.facts.organs).not.toContain("kidney");
    }
  });

  it("set equality: only the exact set changes", () => {
    const d = run((t) => edit(t, "organs is { liver }", "organs is { liver, kidney }"));
    const organs = d.behavior.map((b) => (b.witness.facts.organs as string[]).slice().sort().join(","));
    expect(new Set(organs)).toEqual(new Set(["liver", "kidney,liver"]));
  });
});
