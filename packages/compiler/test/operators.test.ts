/**
 * Every operator of LANGUAGE.md §4 under three-valued logic, through both
 * evaluators. fixtures/operators.pol exposes each expression as a requirement
 * condition, so a requirement's status is the expression's value:
 * required = true, not_required = false, possibly_required = unknown.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyModel } from "@pol/dsl";
import { evaluate } from "../src/evaluate.js";
import type { Decision } from "../src/runtime/index.js";
import { generate, modelOf, type GeneratedModule } from "./helpers/policies.js";

const T = "required";
const F = "not_required";
const U = "possibly_required";

let model: PolicyModel;
let generated: GeneratedModule;
beforeAll(async () => {
  model = modelOf(join(import.meta.dirname, "fixtures/operators.pol"));
  generated = (await generate([model], "operators")).modules.get("operators")!;
});

/** The status of each named expression for a case, the same through both evaluators. */
function statuses(input: unknown): Record<string, string> {
  const reference = evaluate(model, input) as Decision;
  expect(reference).not.toHaveProperty("errors");
  expect(generated.evaluate(input)).toEqual(reference);
  expect(generated.evaluate(input, { trace: true })).toEqual(evaluate(model, input, { trace: true }));
  return Object.fromEntries(reference.documentation.map((d) => [d.id, d.status]));
}

function expectStatuses(facts: Record<string, unknown>, expected: Record<string, string>, extra: Record<string, unknown> = {}) {
  const got = statuses({ facts, ...extra });
  expect(Object.fromEntries(Object.keys(expected).map((k) => [k, got[k]]))).toEqual(expected);
}

describe("logic", () => {
  const table: [boolean | undefined, boolean | undefined, Record<string, string>][] = [
    [true, true, { and_: T, or_: T, not_: F, all_: T, any_: T, none_: F, atleast_: T }],
    [true, false, { and_: F, or_: T, not_: F, all_: F, any_: T, none_: F, atleast_: T }],
    [false, false, { and_: F, or_: F, not_: T, all_: F, any_: F, none_: T, atleast_: F }],
    [true, undefined, { and_: U, or_: T, not_: F, all_: U, any_: T, none_: F, atleast_: T }],
    [false, undefined, { and_: F, or_: U, not_: T, all_: F, any_: U, none_: U, atleast_: U }],
    [undefined, undefined, { and_: U, or_: U, not_: U, all_: U, any_: U, none_: U, atleast_: U }],
  ];
  for (const [a, b, expected] of table) {
    it(`a=${a}, b=${b}`, () => expectStatuses({ a: a ?? null, ...(b === undefined ? {} : { b }) }, expected));
  }
  it("is known / is unknown never are unknown", () => {
    expectStatuses({}, { known_: F, unknown_: T });
    expectStatuses({ a: false }, { known_: T, unknown_: F });
  });
});

describe("enums and sets", () => {
  it("is, is not, in, not in", () => {
    expectStatuses({ side: "left" }, { is_enum: T, isnot_enum: F, in_set: T, notin_set: F });
    expectStatuses({ side: "right" }, { is_enum: F, isnot_enum: T, in_set: F, notin_set: T });
    expectStatuses({}, { is_enum: U, isnot_enum: U, in_set: U, notin_set: U });
  });
  it("has, has any, has all, has at least, is empty, count", () => {
    expectStatuses(
      { organs: ["heart", "lungs", "heart"] },
      { has_one: T, has_any: T, has_all: T, has_atleast: T, empty_: F, notempty_: T, count_: T },
    );
    expectStatuses({ organs: ["liver"] }, { has_one: F, has_any: F, has_all: F, has_atleast: F, empty_: F, count_: F });
    expectStatuses({ organs: [] }, { has_one: F, has_any: F, has_all: F, empty_: T, notempty_: F, count_: F });
    expectStatuses({}, { has_one: U, has_any: U, has_all: U, has_atleast: U, empty_: U, notempty_: U, count_: U });
  });
});

describe("codes", () => {
  it("prefix, codeset, all, at least, in, is", () => {
    expectStatuses({ dx: ["C50.912", "C61"], primary: "C10.9" }, { dx_code: T, dx_any: T, dx_all: T, dx_atleast: F, primary_in: T, primary_is: F });
    expectStatuses({ dx: ["C50912"], primary: "C61" }, { dx_code: T, dx_any: T, dx_all: F, primary_in: F, primary_is: T });
    expectStatuses({ dx: ["C14.8"], primary: "C15.0" }, { dx_code: F, dx_any: F, dx_atleast: T, primary_in: F });
    expectStatuses({}, { dx_code: U, dx_any: U, dx_all: U, primary_in: U, primary_is: U });
  });
});

describe("numbers and units", () => {
  it("24 months is 2 years; 730.5 days is 2 years", () => {
    expectStatuses({ interval: { value: 24, unit: "months" } }, { interval_ge: T, interval_lt: F, interval_is: T });
    expectStatuses({ interval: { value: 23, unit: "months" } }, { interval_ge: F, interval_lt: T, interval_is: F });
    expectStatuses({ interval: { value: 730.5, unit: "days" } }, { interval_ge: T, interval_is: T });
    expectStatuses({ interval: 2 }, { interval_ge: T, interval_is: T });
    expectStatuses({ interval: 1.99 }, { interval_ge: F });
  });
  it("dose, length, plain arithmetic, units kept through * and defines", () => {
    expectStatuses({ dose: { value: 5000, unit: "cGy" }, size: 2.6, n: 3 }, { dose_le: T, size_gt: T, n_arith: T, n_div: T });
    expectStatuses({ dose: 50.01, size: { value: 25, unit: "mm" }, n: 2.5 }, { dose_le: F, size_gt: F, n_arith: F, n_div: F });
    expectStatuses({ dose: 45 }, { total_: T });
    expectStatuses({ dose: 44.99 }, { total_: F });
    expectStatuses({}, { dose_le: U, n_arith: U, total_: U });
    expectStatuses({ fractions_planned: 5 }, { fractions_: T });
  });
  it("text", () => {
    expectStatuses({ note: "yes" }, { note_is: T });
    expectStatuses({ note: "Yes" }, { note_is: F });
  });
});

describe("dates and the calendar", () => {
  const on = (surgery: string | undefined, asOf: string | undefined) => ({
    facts: surgery ? { surgery } : {},
    extra: asOf ? { as_of: asOf } : {},
  });
  const check = (surgery: string | undefined, asOf: string | undefined, expected: Record<string, string>) => {
    const { facts, extra } = on(surgery, asOf);
    expectStatuses(facts, expected, extra);
  };
  it("d1 - d2 >= N months on the calendar, with month-end clamping", () => {
    check("2025-03-01", "2025-06-01", { healed: T, plus_months: T });
    check("2025-03-02", "2025-06-01", { healed: F, plus_months: F });
    check("2024-11-30", "2025-02-28", { healed: T, plus_months: T });
    check("2024-11-30", "2025-02-27", { healed: F, plus_months: F });
  });
  it("days and weeks count days exactly", () => {
    check("2025-02-01", "2025-03-12", { recent: T, minus_weeks: T });
    check("2025-02-01", "2025-03-13", { recent: F });
    check("2025-06-01", "2025-06-14", { minus_weeks: F });
    check("2025-06-01", "2025-06-16", { minus_weeks: T });
  });
  it("date literals", () => {
    check("2025-02-28", undefined, { before_date: T, healed: U, recent: U, plus_months: U });
    check("2025-03-01", undefined, { before_date: F });
    check(undefined, "2025-06-01", { before_date: U, healed: U });
  });
});
