/**
 * The declaration part of `diff`: each kind of declaration added, removed,
 * changed or renamed, on a small inline policy, and what is not a change
 * (layout, re-wrapped prose, unlabelled rules that moved lines).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/diff/index.js";
import { formatDiff } from "../../src/diff/report.js";
import { CONFORMANCE } from "../helpers/policies.js";
import { checked, edit, expectWitnessesHold } from "./helpers.js";

const FILE = join(CONFORMANCE, "declarations.pol");

const BASE = `policy demo "Demo" {
  id        "D-1"
  effective 2025-01-01
  approved  2024-12-01 by "Committee"
  plans     "Plan A"
  revision  2024-12-01 "First version"
  cite "Reference one."
  section "Background" """
    Some words about
    the policy.
    """

  enum Intent "Intent" {
    curative   "Curative"
    palliative "Palliative"
  }

  fact intent: Intent "Intent"
  fact recurrence: bool "Recurrence"
  fact interval: number years "Interval"
  fact diagnoses: set of ICD10 "Diagnoses"

  codeset breast "Breast" { ICD10 C50 }
  codeset sites "Sites" { include breast }

  define long_interval "Long interval" = interval >= 2 years

  applies to {
    CPT 77385 "IMRT delivery"
  }

  covered "Breast" if intent is curative and diagnoses has any sites and (not recurrence or long_interval)
  review if recurrence
  otherwise not covered

  require plan "Treatment plan"
  require history "Prior radiation" when recurrence

  test "Curative breast" {
    given {
      intent: curative
      recurrence: false
      diagnoses: [ICD10 C50.9]
    }
    expect covered
  }
}
`;

const base = checked(BASE, FILE);

function changes(text: string) {
  const after = checked(text, FILE);
  const d = diff(base, after);
  expectWitnessesHold(d, base, after);
  return d;
}

describe("declaration changes", () => {
  it("layout, comments and re-wrapped prose are no change; unlabelled rules that moved lines are the same rules", () => {
    const text = edit(edit(BASE, "  covered \"Breast\"", "  // a comment\n\n\n  covered   \"Breast\""), "Some words about\n    the policy.", "Some words\n        about the\n    policy.");
    const d = changes(text);
    expect(d.declarations).toEqual([]);
    expect(d.behavior).toEqual([]);
  });

  it("metadata: dates, plans, id, title, references, history and sections", () => {
    let text = edit(BASE, `effective 2025-01-01`, `effective 2025-02-01`);
    text = edit(text, `plans     "Plan A"`, `plans     "Plan A", "Plan B"`);
    text = edit(text, `id        "D-1"`, `id        "D-2"`);
    text = edit(text, `"Demo"`, `"Demo policy"`);
    text = edit(text, `cite "Reference one."`, `cite "Reference two."`);
    text = edit(text, `revision  2024-12-01 "First version"`, `revision  2024-12-01 "First version"\n  revision  2025-01-15 "Second version"`);
    text = edit(text, "the policy.", "the revised policy.");
    const d = changes(text);
    const named = Object.fromEntries(d.declarations.map((c) => [`${c.kind}:${c.name}`, c]));
    expect(named["policy:effective"]).toMatchObject({ change: "changed", old: "2025-01-01", new: "2025-02-01" });
    expect(named["policy:id"]).toMatchObject({ change: "changed", old: "D-1", new: "D-2" });
    expect(named["policy:title"]).toMatchObject({ change: "changed", old: "Demo", new: "Demo policy" });
    expect(named["policy:plans"]).toMatchObject({ change: "changed", details: ["plan added: Plan B"] });
    expect(named["cite:Reference two."]).toMatchObject({ change: "added" });
    expect(named["cite:Reference one."]).toMatchObject({ change: "removed" });
    expect(named["revision:2025-01-15 Second version"]).toMatchObject({ change: "added" });
    expect(named["section:Background"]).toMatchObject({ change: "changed" });
    expect(d.behavior).toEqual([]);
  });

  it("enums and facts: members added, types and labels changed", () => {
    let text = edit(BASE, `palliative "Palliative"`, `palliative "Palliative"\n    adjuvant "Adjuvant"`);
    text = edit(text, `fact interval: number years "Interval"`, `fact interval: number months "Interval"`);
    text = edit(text, `fact recurrence: bool "Recurrence"`, `fact recurrence: bool "Local recurrence"`);
    const d = changes(text);
    expect(d.declarations).toEqual([
      expect.objectContaining({ kind: "enum", name: "Intent", change: "changed", details: [`member added: adjuvant "Adjuvant"`] }),
      expect.objectContaining({ kind: "fact", name: "recurrence", change: "changed", details: [`label: "Recurrence" → "Local recurrence"`] }),
      expect.objectContaining({ kind: "fact", name: "interval", change: "changed", details: ["type: number years → number months"] }),
    ]);
    // The unit changed, not the meaning of `>= 2 years`. The old version cannot take `adjuvant`: it reads it as not given.
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) {
      expect(b.witness.facts.intent).toBe("adjuvant");
      expect(b.description).toContain("The old version does not know intent adjuvant: it reads it as not given.");
    }
  });

  it("codesets: codes and includes added and removed", () => {
    let text = edit(BASE, `codeset breast "Breast" { ICD10 C50 }`, `codeset breast "Breast" { ICD10 C50, D05 }\n  codeset thorax "Thorax" { ICD10 C34 }`);
    text = edit(text, `{ include breast }`, `{ include breast, thorax }`);
    const d = changes(text);
    const byName = Object.fromEntries(d.declarations.map((c) => [c.name, c]));
    expect(byName.breast).toMatchObject({ change: "changed", codesAdded: ["ICD10 D05"], codesRemoved: [] });
    expect(byName.thorax).toMatchObject({ change: "added" });
    expect(byName.sites).toMatchObject({ change: "changed", details: ["includes added: thorax"] });
    // D05 and C34 change requests the same way, so one witness stands for both.
    for (const b of d.behavior) expect([["D05"], ["C34"]]).toContainEqual(b.witness.facts.diagnoses);
  });

  it("applies to: a code added, its description changed, one removed", () => {
    const text = edit(BASE, `CPT 77385 "IMRT delivery"`, `CPT 77385 "IMRT delivery, simple"\n    CPT 77386 "IMRT delivery, complex"`);
    const d = changes(text);
    expect(d.declarations).toEqual([
      expect.objectContaining({ kind: "applies-to", name: "CPT 77385", change: "changed" }),
      expect.objectContaining({ kind: "applies-to", name: "CPT 77386", change: "added" }),
    ]);
    // A request for 77386 alone was not applicable; now it is decided.
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) {
      expect(b.old.outcome).toBe("not_applicable");
      expect(b.witness.procedures).toEqual(["77386"]);
    }
  });

  it("rules: a relabelled rule is a rename; a condition change shows both conditions in canonical Pol", () => {
    let text = edit(BASE, `covered "Breast" if`, `covered "Breast cancer" if`);
    let d = changes(text);
    expect(d.declarations).toEqual([expect.objectContaining({ kind: "rule", name: "Breast cancer", change: "renamed", oldName: "Breast" })]);
    expect(d.behavior).toEqual([]);

    text = edit(BASE, `(not recurrence or long_interval)`, `(not recurrence or   long_interval or intent is palliative)`);
    d = changes(text);
    expect(d.declarations).toEqual([
      expect.objectContaining({
        kind: "rule",
        name: "Breast",
        change: "changed",
        details: [
          "condition: intent is curative and diagnoses has any sites and (not recurrence or long_interval)",
          "      now: intent is curative and diagnoses has any sites and (not recurrence or long_interval or intent is palliative)",
        ],
      }),
    ]);
    // `intent is curative and … intent is palliative` adds no coverage, but with the intent unknown
    // the condition is now unknown instead of false (Kleene logic), so the review no longer decides.
    expect(d.behavior).toEqual([
      expect.objectContaining({
        old: { outcome: "review", rule: "review rule at line 33" },
        new: { outcome: "incomplete", rule: null, possible: ["covered", "review"] },
        witness: { facts: { recurrence: true, interval: 1 } },
      }),
    ]);
  });

  it("otherwise and requirements: outcome, text and condition changes", () => {
    let text = edit(BASE, "otherwise not covered", "otherwise review");
    text = edit(text, `require history "Prior radiation" when recurrence`, `require history "Prior radiation history" when recurrence and interval < 1 year`);
    const d = changes(text);
    expect(d.declarations).toEqual([
      expect.objectContaining({ kind: "otherwise", change: "changed" }),
      expect.objectContaining({
        kind: "requirement",
        name: "history",
        change: "changed",
        details: [`text: "Prior radiation" → "Prior radiation history"`, "when: recurrence", " now: recurrence and interval < 1 year"],
      }),
    ]);
    const reaches = (x: { outcome: string; possible?: string[] }, o: string) => x.outcome === o || (x.possible ?? []).includes(o);
    expect(d.behavior.every((b) => reaches(b.old, "not_covered") && reaches(b.new, "review"))).toBe(true);
    // A recurrence with a known interval of a year or more; with the interval unknown; and, with the recurrence
    // unknown, an interval of a year or more now rules the requirement out.
    expect(d.documentation.map((c) => `${c.old}→${c.new}`).sort()).toEqual(["possibly_required→not_required", "required→not_required", "required→possibly_required"]);
    const report = formatDiff(d);
    expect(report.split("\n")[0]).toMatch(/^demo \(2024-12-01\) → demo \(2024-12-01\): \d+ outcome changes?, 3 documentation changes, 2 declaration changes$/);
  });

  it("tests: a test whose expectation changed, and one added", () => {
    let text = edit(BASE, "    expect covered\n", "    expect covered\n    expect rule \"Breast\"\n");
    text = edit(text, `  test "Curative breast" {`, `  test "Palliative" {\n    given {\n      intent: palliative\n    }\n    expect not covered\n  }\n\n  test "Curative breast" {`);
    const d = changes(text);
    expect(d.declarations).toEqual([
      expect.objectContaining({ kind: "test", name: "Palliative", change: "added" }),
      expect.objectContaining({ kind: "test", name: "Curative breast", change: "changed" }),
    ]);
  });
});
