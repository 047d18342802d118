/**
 * `diff` on revisions of the conformance policies: edges the analysis must
 * find exactly — a boundary that moves by one comparison operator, calendar
 * months against days, code ranges, applicability and precedence.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";
import { CONFORMANCE } from "../helpers/policies.js";
import { checked, edit, expectWitnessesHold, outcomePairs } from "./helpers.js";

function revision(name: string, change: (text: string) => string) {
  const file = join(CONFORMANCE, `${name}.pol`);
  const text = readFileSync(file, "utf8");
  const before = checked(text, file);
  const after = checked(change(text), file);
  const d = diff(before, after);
  expectWitnessesHold(d, before, after);
  expect(d.summary.exhaustive).toBe(true);
  return d;
}

describe("diff on conformance revisions", () => {
  it("`>=` to `>` changes exactly the threshold itself", () => {
    const d = revision("units", (t) => edit(t, "interval >= 2 years", "interval > 2 years"));
    expect(outcomePairs(d)).toEqual(new Set(["covered→not_covered", "incomplete→not_covered"]));
    for (const b of d.behavior) expect(b.witness.facts.interval).toBe(2);
    // Without the other facts the old version could still cover; the new one cannot.
    expect(d.behavior.find((b) => b.old.outcome === "incomplete")?.witness).toEqual({ facts: { interval: 2 } });
  });

  it("a threshold in another unit of the same value is no change: 5000 cGy is 50 Gy", () => {
    const d = revision("units", (t) => edit(t, "dose <= 5000 cGy", "dose <= 50 Gy"));
    expect(d.behavior).toEqual([]);
    expect(d.declarations).toMatchObject([{ kind: "define", name: "dose_ok", change: "changed" }]);
  });

  it("3 calendar months against 90 days: each is longer for some dates", () => {
    const d = revision("units", (t) => edit(t, "as_of - surgery >= 3 months", "as_of - surgery >= 90 days"));
    expect(outcomePairs(d)).toEqual(new Set(["covered→not_covered", "not_covered→covered", "not_covered→incomplete", "incomplete→not_covered"]));
    for (const b of d.behavior) expect(b.facts).toEqual(expect.arrayContaining(["surgery", "as_of"]));
    const days = (b: (typeof d.behavior)[number]) => (Date.parse(b.witness.as_of!) - Date.parse(b.witness.facts.surgery as string)) / 86_400_000;
    // Three months can be 89 days (2025-01-31 to 2025-04-30) and 92 days (2024-10-01 to 2025-01-01).
    const lost = d.behavior.find((b) => b.old.outcome === "covered")!;
    expect(days(lost)).toBeLessThan(90);
    const gained = d.behavior.find((b) => b.new.outcome === "covered")!;
    expect(days(gained)).toBeGreaterThanOrEqual(90);
  });

  it("a code range narrowed: the codes it no longer reaches, and only those", () => {
    const d = revision("codes", (t) => edit(t, "ICD10 C00-C14, C30-C32", "ICD10 C00-C13, C30-C32"));
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) expect((b.witness.facts.diagnoses as string[]).some((c) => c.startsWith("C14"))).toBe(true);
    expect(d.declarations).toMatchObject([{ kind: "codeset", name: "head_and_neck", codesAdded: ["ICD10 C00-C13"], codesRemoved: ["ICD10 C00-C14"] }]);
  });

  it("a procedure code no longer applicable", () => {
    const d = revision("codes", (t) => edit(t, `    HCPCS G6015 "IMRT delivery, per session"\n`, ""));
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) {
      expect(b.new.outcome).toBe("not_applicable");
      expect(b.witness.procedures).toEqual(["G6015"]);
    }
  });

  it("an exclusion turned into a review condition", () => {
    const d = revision("precedence", (t) => edit(t, `not covered "exclusion" if x`, `review "exclusion" if x`));
    const pairs = outcomePairs(d);
    expect(pairs.has("not_covered→covered")).toBe(true);
    expect(pairs.has("not_covered→review")).toBe(true);
    const covered = d.behavior.find((b) => b.new.outcome === "covered")!;
    expect(covered.witness.facts).toEqual({ x: true, c: true });
  });

  it("a requirement's condition changed: documentation changes with witnesses, outcomes do not", () => {
    const d = revision("documentation", (t) => edit(t, `require history "Prior radiation history" when reirradiation`, `require history "Prior radiation history" when reirradiation or breast`));
    expect(d.behavior).toEqual([]);
    expect(d.documentation.map((c) => `${c.requirement}:${c.old}→${c.new}`).sort()).toEqual([
      "history:not_required→possibly_required",
      "history:not_required→required",
      "history:possibly_required→required",
    ]);
    expect(d.documentation.find((c) => c.new === "required" && c.old === "not_required")?.witness).toEqual({ facts: { breast: true, reirradiation: false } });
  });

  it("`and` flipped to `or`", () => {
    const d = revision("logic", (t) => edit(t, "mode is and_ and (a and b)", "mode is and_ and (a or b)"));
    expect(d.behavior.every((b) => b.witness.facts.mode === "and_")).toBe(true);
    expect(outcomePairs(d).has("not_covered→covered")).toBe(true);
  });
});
