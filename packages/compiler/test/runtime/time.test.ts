import { describe, expect, it } from "vitest";
import { parseDate, formatDate } from "../../../dsl/src/semantics/calendar.js";
import { compareNum, compareNumbers, equalNum, quantity } from "../../src/runtime/numbers.js";
import {
  addDurations, addToDate, compareDurations, compareTime, dateDifference, duration, equalTime, scaleDuration, shiftDate,
} from "../../src/runtime/time.js";

const day = (s: string) => parseDate(s)!;

describe("units (LANGUAGE.md §3)", () => {
  it("24 months is 2 years, exactly", () => {
    expect(compareTime(">=", duration(24, "months"), duration(2, "years"))).toBe(true);
    expect(equalTime(duration(24, "months"), duration(2, "years"))).toBe(true);
    expect(compareTime(">=", duration(23, "months"), duration(2, "years"))).toBe(false);
  });
  it("730.5 days is 2 years; 730 days is not", () => {
    expect(equalTime(duration(730.5, "days"), duration(2, "years"))).toBe(true);
    expect(compareTime(">=", duration(730, "days"), duration(2, "years"))).toBe(false);
  });
  it("5 months is exactly 5/12 year", () => {
    expect(equalTime(duration(5, "months"), scaleDuration(duration(1, "years"), 5 / 12, false))).toBe(true);
  });
  it("2.1 years is 25.2 months", () => {
    expect(equalTime(duration(2.1, "years"), duration(25.2, "months"))).toBe(true);
  });
  it("singular units and weeks", () => {
    expect(equalTime(duration(1, "week"), duration(7, "days"))).toBe(true);
    expect(equalTime(duration(1, "day"), duration(24, "hours"))).toBe(true);
  });
  it("dose and length convert to their base unit", () => {
    expect(quantity(50, "Gy")).toBe(5000);
    expect(compareNum("<=", quantity(5000, "cGy"), quantity(50, "Gy"))).toBe(true);
    expect(compareNum("<=", quantity(5001, "cGy"), quantity(50, "Gy"))).toBe(false);
    expect(quantity(3, "cm")).toBe(30);
    expect(quantity(35, "%")).toBe(35);
  });
  it("comparisons round to 12 significant digits", () => {
    expect(equalNum(0.1 + 0.2, 0.3)).toBe(true);
    expect(compareNumbers(1, 1 + 1e-9)).toBe(-1);
    expect(compareNum("<", undefined, 1)).toBe(undefined);
  });
});

describe("calendar arithmetic (LANGUAGE.md §4)", () => {
  const holds = (to: string, from: string, op: ">=" | ">" | "<" | "<=", d: ReturnType<typeof duration>) =>
    compareTime(op, dateDifference(day(to), day(from)), d);

  it("d1 - d2 >= N months iff d2 + N months <= d1", () => {
    expect(holds("2025-06-01", "2025-03-01", ">=", duration(3, "months"))).toBe(true);
    expect(holds("2025-06-01", "2025-03-02", ">=", duration(3, "months"))).toBe(false);
    expect(holds("2025-06-01", "2025-03-01", ">", duration(3, "months"))).toBe(false);
    expect(holds("2025-06-02", "2025-03-01", ">", duration(3, "months"))).toBe(true);
  });
  it("adding months clamps to the month's last day", () => {
    expect(formatDate(shiftDate(day("2025-01-31"), duration(1, "month"), 1))).toBe("2025-02-28");
    expect(formatDate(shiftDate(day("2024-01-31"), duration(1, "month"), 1))).toBe("2024-02-29");
    expect(holds("2025-02-28", "2024-11-30", ">=", duration(3, "months"))).toBe(true);
    expect(holds("2025-02-27", "2024-11-30", ">=", duration(3, "months"))).toBe(false);
    expect(formatDate(shiftDate(day("2025-03-31"), duration(1, "month"), -1))).toBe("2025-02-28");
  });
  it("years are 12 calendar months", () => {
    expect(holds("2026-02-28", "2024-02-29", ">=", duration(2, "years"))).toBe(true);
    expect(holds("2026-02-27", "2024-02-29", ">=", duration(2, "years"))).toBe(false);
  });
  it("days and weeks count days exactly", () => {
    // 2025-02-01 + 40 days is 2025-03-13.
    expect(holds("2025-03-13", "2025-02-01", ">", duration(40, "days"))).toBe(false);
    expect(holds("2025-03-13", "2025-02-01", ">=", duration(40, "days"))).toBe(true);
    expect(holds("2025-03-14", "2025-02-01", ">", duration(40, "days"))).toBe(true);
    expect(holds("2025-03-15", "2025-02-01", "<=", duration(6, "weeks"))).toBe(true);
    expect(holds("2025-03-16", "2025-02-01", "<=", duration(6, "weeks"))).toBe(false);
  });
  it("fractional months convert at the fixed ratio (30.4375 days)", () => {
    // 1.5 months = 45.65625 days: 45 days are not enough, 46 are.
    expect(holds("2025-02-15", "2025-01-01", ">=", duration(1.5, "months"))).toBe(false);
    expect(holds("2025-02-16", "2025-01-01", ">=", duration(1.5, "months"))).toBe(true);
  });
  it("mixed durations step months first, then days", () => {
    const d = addDurations(duration(1, "month"), duration(1, "day"), 1)!;
    expect(formatDate(shiftDate(day("2025-01-31"), d, 1))).toBe("2025-03-01");
  });
  it("date + duration and date - duration", () => {
    expect(formatDate(addToDate(day("2025-03-01"), duration(3, "months"), 1)!)).toBe("2025-06-01");
    expect(formatDate(addToDate(day("2025-03-01"), duration(2, "weeks"), -1)!)).toBe("2025-02-15");
    expect(addToDate(undefined, duration(1, "day"), 1)).toBe(undefined);
  });
  it("a duration on the left of a date difference mirrors", () => {
    expect(compareDurations(duration(3, "months"), dateDifference(day("2025-06-01"), day("2025-03-01"))!)).toBe(0);
    expect(compareTime("<", duration(3, "months"), dateDifference(day("2025-06-02"), day("2025-03-01")))).toBe(true);
  });
  it("a scaled date difference is exact days", () => {
    const twice = scaleDuration(dateDifference(day("2025-01-11"), day("2025-01-01")), 2, false)!;
    expect(equalTime(twice, duration(20, "days"))).toBe(true);
  });
});
