/** Conditions in words (words.ts), on small inline policies. */
import { describe, expect, it } from "vitest";
import { ConditionWords, lowerFirst, wordsOnOneLine, type Words } from "../../src/render/words.js";
import { modelOf } from "./helpers.js";

const DECLARATIONS = `
  enum Intent "Treatment intent" {
    curative   "Curative intent (definitive therapy)"
    palliative "Palliative intent"
  }
  enum Organ "Organ at risk" { heart "Heart" lungs "Lungs" kidneys "Kidneys" }
  fact intent: Intent "Treatment intent"
  fact local_recurrence: bool "Treatment of a local recurrence"
  fact disease_free_interval: number years "Disease-free interval before the recurrence"
  fact diagnoses: set of ICD10 "Diagnosis codes on the request"
  fact organs_spared: set of Organ "Organs at risk that the plan spares"
  fact mi_date: date "Date of the myocardial infarction"
  fact IMRT_whole_brain: bool "IMRT used for whole brain radiation"
  fact bmi: number kg/m2
  codeset breast_tumors "Breast tumors" { ICD10 C50, D05 }
  define definitive "Definitive therapy" = intent is curative
`;

/** The words of `condition`, as the only rule of a policy with the declarations above. */
function words(condition: string): Words {
  const model = modelOf(`policy t "Test" {\n${DECLARATIONS}\n  covered "rule" if ${condition}\n}\n`);
  return new ConditionWords(model).condition(model.rules[0].condition);
}
const line = (condition: string): string => wordsOnOneLine(words(condition));

describe("conditions in words", () => {
  it("a comparison starts with the fact's label and reads its operator", () => {
    expect(line("disease_free_interval >= 2 years")).toBe("Disease-free interval before the recurrence is at least 2 years");
    expect(line("disease_free_interval > 24 months")).toBe("Disease-free interval before the recurrence is more than 24 months");
    expect(line("disease_free_interval < 1 year")).toBe("Disease-free interval before the recurrence is less than 1 year");
    expect(line("disease_free_interval <= 6 months")).toBe("Disease-free interval before the recurrence is at most 6 months");
    expect(line("bmi >= 35 kg/m2")).toBe("Bmi is at least 35 kg/m2");
  });

  it("an enum value reads as its member's label", () => {
    expect(line("intent is curative")).toBe("Treatment intent is Curative intent (definitive therapy)");
    expect(line("intent is not palliative")).toBe("Treatment intent is not Palliative intent");
    expect(line("intent in { curative, palliative }")).toBe("Treatment intent is one of Curative intent (definitive therapy) or Palliative intent");
  });

  it("a bool fact is its label; `not` reads as negation", () => {
    expect(line("local_recurrence")).toBe("Treatment of a local recurrence");
    expect(line("not local_recurrence")).toBe("Not: Treatment of a local recurrence");
    expect(line("local_recurrence is false")).toBe("Not: Treatment of a local recurrence");
    expect(line("not (disease_free_interval >= 2 years)")).toBe("Disease-free interval before the recurrence is less than 2 years");
    expect(line("not not local_recurrence")).toBe("Treatment of a local recurrence");
  });

  it("a set against a codeset names the codeset by its label, as a reference", () => {
    const w = words("diagnoses has any breast_tumors");
    expect(wordsOnOneLine(w)).toBe("Diagnosis codes on the request include a code in Breast tumors");
    expect(w.parts).toContainEqual({ text: "Breast tumors", kind: "codeset", name: "breast_tumors" });
    expect(line("diagnoses has ICD10 C50.9")).toBe("Diagnosis codes on the request include ICD10 C50.9");
    expect(line("not (diagnoses has any breast_tumors)")).toBe("Diagnosis codes on the request include no code in Breast tumors");
  });

  it("sets of enum members, emptiness and counts", () => {
    expect(line("organs_spared has any { heart, lungs }")).toBe("Organs at risk that the plan spares include at least one of Heart or Lungs");
    expect(line("organs_spared has all { heart, lungs }")).toBe("Organs at risk that the plan spares include all of Heart and Lungs");
    expect(line("organs_spared has at least 2 of { heart, lungs, kidneys }")).toBe(
      "Organs at risk that the plan spares include at least 2 of Heart, Lungs and Kidneys",
    );
    expect(line("organs_spared is not empty")).toBe("Organs at risk that the plan spares: at least one");
    expect(line("organs_spared is empty")).toBe("Organs at risk that the plan spares: none");
    expect(line("count(organs_spared) >= 2")).toBe("The number of organs at risk that the plan spares is at least 2");
  });

  it("known, dates and the reference date", () => {
    expect(line("disease_free_interval is known")).toBe("Disease-free interval before the recurrence is known");
    expect(line("disease_free_interval is unknown")).toBe("Disease-free interval before the recurrence is not known");
    expect(line("mi_date >= 2025-01-31")).toBe("Date of the myocardial infarction is on or after January 31, 2025");
    expect(line("as_of - mi_date > 40 days")).toBe("The time from date of the myocardial infarction to the reference date of the request is more than 40 days");
  });

  it("defines are referenced by their label", () => {
    const w = words("definitive");
    expect(w.parts).toEqual([{ text: "Definitive therapy", kind: "define", name: "definitive" }]);
  });

  it("all / any / none / at least N of become a lead-in with a nested list", () => {
    const w = words("all(definitive, any(local_recurrence, disease_free_interval >= 2 years), none(intent is palliative))");
    expect(w.parts).toEqual(["All of the following:"]);
    expect(w.items!.map((i) => i.parts.map((p) => (typeof p === "string" ? p : p.text)).join(""))).toEqual([
      "Definitive therapy",
      "At least one of the following:",
      "None of the following:",
    ]);
    expect(w.items![1].items!.map((i) => wordsOnOneLine(i))).toEqual([
      "Treatment of a local recurrence",
      "Disease-free interval before the recurrence is at least 2 years",
    ]);
    expect(words("at least 2 of (local_recurrence, definitive, IMRT_whole_brain)").parts).toEqual(["At least 2 of the following:"]);
    expect(words("local_recurrence and (definitive and IMRT_whole_brain)").items).toHaveLength(3);
    expect(words("local_recurrence or definitive").parts).toEqual(["At least one of the following:"]);
    expect(words("not (local_recurrence or definitive)").parts).toEqual(["None of the following:"]);
    expect(words("not all(local_recurrence, definitive)").parts).toEqual(["Not all of the following:"]);
    expect(words("not at least 2 of (local_recurrence, definitive, IMRT_whole_brain)").parts).toEqual(["Fewer than 2 of the following:"]);
  });

  it("on one line, nested lists are parenthesized", () => {
    expect(line("local_recurrence and (definitive or IMRT_whole_brain)")).toBe(
      "All of the following: Treatment of a local recurrence; (At least one of the following: Definitive therapy; IMRT used for whole brain radiation)",
    );
  });

  it("lower-cases a continuing phrase, but not an acronym or a code", () => {
    expect(lowerFirst("Treatment intent")).toBe("treatment intent");
    expect(lowerFirst("IMRT used for whole brain radiation")).toBe("IMRT used for whole brain radiation");
    expect(lowerFirst("ICD10 C50")).toBe("ICD10 C50");
    expect(lowerFirst("A")).toBe("a");
  });
});
