/**
 * `diff` on revisions of the IMRT policy, each made by a text substitution:
 * what it reports, and that every witness shows, with both versions, exactly
 * the change reported.
 */
import { describe, expect, it } from "vitest";
import { formatPol, type PolicyModel } from "@pol/dsl";
import { diff } from "../../src/diff/index.js";
import { checked, edit, expectWitnessesHold, IMRT_TEXT, outcomePairs } from "./helpers.js";

const original = checked(IMRT_TEXT);

function revise(text: string): { before: PolicyModel; after: PolicyModel; d: ReturnType<typeof diff> } {
  const after = checked(text);
  const d = diff(original, after);
  expectWitnessesHold(d, original, after);
  return { before: original, after, d };
}

describe("diff of IMRT revisions", () => {
  it("reports nothing for the policy against itself, exhaustively", () => {
    const d = diff(original, original);
    expect(d.declarations).toEqual([]);
    expect(d.behavior).toEqual([]);
    expect(d.documentation).toEqual([]);
    expect(d.summary.exhaustive).toBe(true);
    expect(d.summary.notes).toEqual([]);
  });

  it("a threshold moved from 2 to 3 years: recurrences between 2 and 3 years are no longer definitive therapy", () => {
    const { d } = revise(edit(IMRT_TEXT, "disease_free_interval >= 2 years", "disease_free_interval >= 3 years"));
    expect(d.declarations).toMatchObject([{ kind: "define", name: "definitive_therapy", change: "changed" }]);
    expect(d.summary.exhaustive).toBe(true);
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) {
      // A recurrence (or a request that does not say): only then does the interval matter.
      expect(b.witness.facts.local_recurrence).not.toBe(false);
      const dfi = b.witness.facts.disease_free_interval as number;
      expect(dfi >= 2 && dfi < 3, `${dfi} years`).toBe(true);
      expect(["covered", "incomplete"]).toContain(b.old.outcome);
    }
    // The coverage that is lost goes to review, to no coverage, or waits for the review facts.
    expect(outcomePairs(d)).toEqual(new Set(["covered→review", "covered→not_covered", "covered→incomplete", "incomplete→review", "incomplete→not_covered", "incomplete→incomplete"].filter((p) => outcomePairs(d).has(p))));
    expect(outcomePairs(d).has("covered→not_covered")).toBe(true);
    const prostate = d.behavior.find((b) => b.old.rule === "XI. Prostate cancer" && b.new.outcome === "not_covered")!;
    expect(prostate.description).toContain("disease_free_interval 2.5 years (any value above 2 years and below 3 years)");
    expect(prostate.description).toContain(`was covered by "XI. Prostate cancer", now not covered`);
  });

  it("an indication removed: its diagnoses are no longer covered", () => {
    // The rule, and the test block's expectation that names it.
    const text = edit(edit(IMRT_TEXT, /  covered "XIII\. Bladder cancer" if all\([^)]*\)\n/, ""), `    expect rule "XIII. Bladder cancer"\n`, "");
    const { d } = revise(text);
    expect(d.declarations).toContainEqual(expect.objectContaining({ kind: "rule", name: "XIII. Bladder cancer", change: "removed" }));
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) {
      // Covered by XIII before, or an incomplete request that XIII could have covered.
      if (b.old.outcome === "incomplete") expect(b.old.possible).toContain("covered");
      else expect(b.old.rule).toBe("XIII. Bladder cancer");
      expect(b.witness.facts.diagnoses).toContain("C67");
    }
    expect(d.behavior.find((b) => b.new.outcome === "not_covered")?.witness.facts.diagnoses).toEqual(["C67"]);
    // With a ureteral cancer too, XIV (later in the file) now decides.
    expect(d.behavior.find((b) => b.new.rule === "XIV. Ureteral cancer")?.witness.facts.diagnoses).toEqual(["C66", "C67"]);
  });

  it("a code added to a codeset: only requests with that code change, and the codeset lists it", () => {
    const { d } = revise(edit(IMRT_TEXT, "ICD10 C45.0, C45.2", "ICD10 C45.0, C45.2, C49.3"));
    expect(d.declarations).toEqual([expect.objectContaining({ kind: "codeset", name: "thoracic_tumors", change: "changed", codesAdded: ["ICD10 C49.3"], codesRemoved: [] })]);
    for (const b of d.behavior) {
      expect(b.witness.facts.diagnoses).toContain("C49.3");
      // Covered by IV now, or IV is now among the possible outcomes of an incomplete request.
      if (b.new.outcome === "incomplete") expect(b.new.possible).toContain("covered");
      else expect(b.new).toMatchObject({ outcome: "covered", rule: "IV. Thoracic tumors" });
    }
    const gained = d.behavior.find((b) => b.old.outcome === "not_covered");
    expect(gained?.witness.facts.diagnoses).toEqual(["C49.3"]);
    // A request that was covered by a later indication is now covered by IV, which comes first.
    expect(d.behavior.some((b) => b.old.outcome === "covered" && b.old.rule !== "IV. Thoracic tumors")).toBe(true);
  });

  it("a review condition turned into a coverage indication", () => {
    const { d } = revise(edit(IMRT_TEXT, `review "III. Primary malignant or benign bone tumors"`, `covered "III. Primary malignant or benign bone tumors"`));
    expect(d.declarations).toContainEqual(expect.objectContaining({ kind: "rule", name: "III. Primary malignant or benign bone tumors", change: "changed", details: ["outcome: review → covered"] }));
    expect(outcomePairs(d).has("review→covered")).toBe(true);
    const bone = d.behavior.find((b) => b.old.outcome === "review" && b.new.outcome === "covered")!;
    expect(bone.witness.facts.diagnoses).toEqual(["C40"]);
    expect(bone.new.rule).toBe("III. Primary malignant or benign bone tumors");
    // The general criteria still apply: the witness needs them.
    expect(bone.facts).toEqual(expect.arrayContaining(["ordered_by_provider", "medically_necessary", "conservative_treatments_tried", "diagnoses"]));
  });

  it("a requirement added under a condition: required exactly when the condition holds", () => {
    const text = edit(
      IMRT_TEXT,
      `  require target_volume "Specific condition and target volume requiring IMRT"\n`,
      `  require target_volume "Specific condition and target volume requiring IMRT"\n  require escalation_plan "Dose escalation plan" when dose_escalation_required\n`,
    );
    const { d } = revise(text);
    expect(d.behavior).toEqual([]);
    expect(d.declarations).toEqual([expect.objectContaining({ kind: "requirement", name: "escalation_plan", change: "added" })]);
    const byNew = new Map(d.documentation.map((c) => [c.new, c]));
    expect(d.documentation.every((c) => c.requirement === "escalation_plan" && c.old === "absent")).toBe(true);
    expect(byNew.get("required")?.witness).toEqual({ facts: { dose_escalation_required: true } });
    expect(byNew.get("not_required")?.witness).toEqual({ facts: { dose_escalation_required: false } });
    expect(byNew.get("possibly_required")?.witness).toEqual({ facts: {} });
  });

  it("pure reformatting (the formatter, re-indented and re-wrapped prose) is no change at all", async () => {
    let text = await formatPol(IMRT_TEXT);
    text = edit(text, "The intent of this policy is to provide coverage guidelines for IMRT.", "The intent of this policy is\n        to provide coverage guidelines\n     for IMRT.");
    const { d } = revise(text);
    expect(d.declarations).toEqual([]);
    expect(d.behavior).toEqual([]);
    expect(d.documentation).toEqual([]);
  });

  it("a renamed define is a rename, not a change of every condition that uses it", () => {
    const text = IMRT_TEXT.replace(/definitive_therapy/g, "definitive_treatment");
    const { d } = revise(text);
    expect(d.declarations).toEqual([expect.objectContaining({ kind: "define", name: "definitive_treatment", change: "renamed", oldName: "definitive_therapy" })]);
    expect(d.behavior).toEqual([]);
  });

  it("a renamed fact: one rename; witnesses would use the new name, the tests that give it are unchanged", () => {
    const text = IMRT_TEXT.replace("fact intent:", "fact treatment_intent:")
      .replace(/\bintent is /g, "treatment_intent is ")
      .replace(/^(\s+)intent: /gm, "$1treatment_intent: ")
      .replace(/^(\s+)intent,$/gm, "$1treatment_intent,");
    const { d } = revise(text);
    expect(d.declarations).toEqual([expect.objectContaining({ kind: "fact", name: "treatment_intent", change: "renamed", oldName: "intent" })]);
    expect(d.factRenames).toEqual([{ old: "intent", new: "treatment_intent" }]);
    expect(d.behavior).toEqual([]);
    expect(d.documentation).toEqual([]);
  });

  it("a renamed fact whose threshold also moved: witnesses use the new name and the old version reads them through the rename", () => {
    const text = IMRT_TEXT.replace(/\bdisease_free_interval\b/g, "recurrence_free_interval").replace("recurrence_free_interval >= 2 years", "recurrence_free_interval >= 3 years");
    const { d } = revise(text);
    expect(d.factRenames).toEqual([{ old: "disease_free_interval", new: "recurrence_free_interval" }]);
    expect(d.behavior.length).toBeGreaterThan(0);
    for (const b of d.behavior) expect(b.witness.facts).toHaveProperty("recurrence_free_interval");
  });

  it("an indication moved to the top: it now names the decision when another indication also holds", () => {
    const rule = /  covered "XIV\. Ureteral cancer" if all\([^)]*\)\n/;
    const block = rule.exec(IMRT_TEXT)![0];
    const text = edit(edit(IMRT_TEXT, rule, ""), `  covered "I. Central nervous system tumors"`, `${block}\n  covered "I. Central nervous system tumors"`);
    const { d } = revise(text);
    expect(d.declarations).toEqual([
      expect.objectContaining({ kind: "rule", name: "XIV. Ureteral cancer", change: "changed", details: [expect.stringContaining("moved: 19th of 19 covered rules → 1st of 19 covered rules")] }),
    ]);
    for (const b of d.behavior) {
      expect(b.new.rule).toBe("XIV. Ureteral cancer");
      expect(b.witness.facts.diagnoses).toContain("C66");
    }
    expect(d.behavior.length).toBe(18);
  });

  it("a renamed codeset is a rename too", () => {
    const text = IMRT_TEXT.replace(/\bbone_tumors\b/g, "primary_bone_tumors");
    const { d } = revise(text);
    expect(d.declarations).toEqual([expect.objectContaining({ kind: "codeset", name: "primary_bone_tumors", change: "renamed", oldName: "bone_tumors" })]);
    expect(d.behavior).toEqual([]);
    expect(d.documentation).toEqual([]);
  });
});
