import { describe, expect, it } from "vitest";
import { caseSchema, validateCase, type CheckedCase } from "../../src/runtime/validate-case.js";
import { totalMinutes, type Duration } from "../../src/runtime/time.js";
import type { InputErrors } from "../../src/runtime/types.js";

const schema = caseSchema({
  policy: "p",
  facts: [
    { name: "flag", kind: "bool" },
    { name: "interval", kind: "number", unit: "years" },
    { name: "dose", kind: "number", unit: "Gy" },
    { name: "n", kind: "number" },
    { name: "when", kind: "date" },
    { name: "note", kind: "text" },
    { name: "intent", kind: "enum", enumName: "Intent", members: ["curative", "palliative"] },
    { name: "dx", kind: "code", system: "ICD10", set: true },
    { name: "cpt", kind: "code", system: "CPT" },
    { name: "left_nodes", kind: "bool" },
  ],
  documents: ["target"],
  questions: ["left_nodes"],
});

const ok = (input: unknown): CheckedCase => {
  const r = validateCase(input, schema);
  if ("errors" in r) throw new Error(JSON.stringify(r.errors));
  return r;
};
const paths = (input: unknown): string[] => {
  const r = validateCase(input, schema);
  expect("errors" in r).toBe(true);
  return (r as InputErrors).errors.map((e) => e.path);
};

describe("case validation (LANGUAGE.md §9)", () => {
  it("converts values: units, dates, codes; null and absent are unknown", () => {
    const c = ok({
      facts: { flag: true, interval: { value: 24, unit: "months" }, dose: { value: 5000, unit: "cGy" }, n: 2, when: "2025-01-31", dx: ["C50.912", "C50912", "C61"], intent: null },
      procedures: ["77385", "G6015"],
      documents: ["target"],
      as_of: "2025-06-01",
    });
    expect(c.values.flag).toBe(true);
    expect(totalMinutes(c.values.interval as Duration)).toBe(2 * 525960);
    expect(c.values.dose).toBe(5000);
    expect(c.values.n).toBe(2);
    expect(typeof c.values.when).toBe("number");
    expect(c.values.dx).toEqual(["C50912", "C61"]); // duplicates ignored
    expect(c.values.intent).toBe(undefined);
    expect(c.values.note).toBe(undefined);
    expect(c.procedures).toEqual(["77385", "G6015"]);
    expect([...c.documents]).toEqual(["target"]);
    expect(c.asOf).toBeTypeOf("number");
  });
  it("a plain number is in the declared unit", () => {
    expect(totalMinutes(ok({ facts: { interval: 3 } }).values.interval as Duration)).toBe(3 * 525960);
    expect(ok({ facts: { dose: 45 } }).values.dose).toBe(4500);
  });
  it("an empty case is valid; procedures absent is unknown", () => {
    const c = ok({});
    expect(c.procedures).toBe(undefined);
    expect(ok({ procedures: [] }).procedures).toEqual([]);
  });
  it("names every offending path and never drops anything", () => {
    expect(
      paths({
        facts: {
          flag: "yes",
          interval: { value: 3, unit: "cm" },
          dose: "45",
          n: { value: 2, unit: "cm" },
          when: "2025-02-30",
          intent: "curativ",
          dx: ["C61", "5C", null],
          cpt: "7738",
          intervall: 3,
        },
        procedures: ["99213", "C61"],
        documents: ["target", "moon_photo", "left_nodes", 3],
        as_of: "yesterday",
        extra: 1,
      }),
    ).toEqual([
      "facts.flag",
      "facts.interval.unit",
      "facts.dose",
      "facts.n",
      "facts.when",
      "facts.intent",
      "facts.dx[1]",
      "facts.dx[2]",
      "facts.cpt",
      "facts.intervall",
      "procedures[1]",
      "documents[1]",
      "documents[2]",
      "documents[3]",
      "as_of",
      "extra",
    ]);
  });
  it("rejects a non-object case and non-object facts", () => {
    expect(paths([])).toEqual(["$"]);
    expect(paths("x")).toEqual(["$"]);
    expect(paths(null)).toEqual(["$"]);
    expect(paths({ facts: [] })).toEqual(["facts"]);
  });
  it("quantities: extra keys, bad values, unknown units", () => {
    expect(paths({ facts: { interval: { value: "3", unit: "years" } } })).toEqual(["facts.interval.value"]);
    expect(paths({ facts: { interval: { value: 3, unit: "eons" } } })).toEqual(["facts.interval.unit"]);
    expect(paths({ facts: { interval: { value: 3, unit: "years", approx: true } } })).toEqual(["facts.interval.approx"]);
    expect(paths({ facts: { interval: [3] } })).toEqual(["facts.interval"]);
  });
  it("codes keep their system's format exactly", () => {
    expect(paths({ facts: { dx: ["c61"] } })).toEqual(["facts.dx[0]"]);
    expect(paths({ facts: { dx: "C61" } })).toEqual(["facts.dx"]);
    expect(ok({ facts: { cpt: "0001F" } }).values.cpt).toBe("0001F");
  });
  it("odd fact names are quoted in paths and are safe", () => {
    expect(paths(JSON.parse('{ "facts": { "__proto__": 1, "a b": 2 } }'))).toEqual(['facts.__proto__', 'facts["a b"]']);
  });
  it("messages suggest the closest name", () => {
    const r = validateCase({ facts: { intervall: 3 } }, schema) as InputErrors;
    expect(r.errors[0].message).toContain("did you mean `interval`?");
  });
});
