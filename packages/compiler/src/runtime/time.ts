/**
 * Durations and calendar arithmetic (LANGUAGE.md §4). Part of the shipped runtime.
 *
 * A Duration keeps apart the part written in calendar units (months, years)
 * and the part written in exact units (minutes … weeks), both in minutes, the
 * base unit of time. That is what lets `as_of - surgery >= 3 months` step on
 * the calendar while `730.5 days >= 2 years` still compares at the fixed ratio
 * of §3 (1 year = 12 months = 365.25 days).
 *
 * - Comparing two durations compares their totals at the fixed ratio.
 * - `d1 - d2` (two dates) is a duration that remembers its dates; comparing it
 *   with a duration D compares `d1` with `d2 + D` (§4): the calendar part of D
 *   is added first, as whole months with month-end clamping (calendar.ts),
 *   then the exact part, in days. A calendar part that is not a whole number of
 *   months (`1.5 months`, `0.3 years`) is converted at the fixed ratio instead.
 * - `date ± D` uses the same stepping.
 */
import { addMonths, parseDate } from "../../../dsl/src/semantics/calendar.js";
import { lookupUnit, toBase } from "../../../dsl/src/semantics/units.js";
import type { Kleene } from "./kleene.js";
import { compareNumbers, holds, roundForComparison, unitNamed, type CompareOp } from "./numbers.js";

export interface Duration {
  /** Minutes written in months or years. */
  readonly cal: number;
  /** Minutes written in minutes, hours, days or weeks. */
  readonly exact: number;
  /** For `to - from` of two dates (days since the epoch): compared on the calendar. */
  readonly from?: number;
  readonly to?: number;
}

const MINUTES_PER_DAY = lookupUnit("days")!.factor;
export const MINUTES_PER_MONTH = lookupUnit("months")!.factor;

/** `value unit` as a duration: months and years are calendar steps, shorter units exact. */
export function duration(value: number, unit: string): Duration {
  const info = unitNamed(unit);
  if (info.dimension !== "time") throw new Error(`pol runtime: ${unit} is not a unit of time`);
  const minutes = toBase(value, info);
  return info.factor % MINUTES_PER_MONTH === 0 ? { cal: minutes, exact: 0 } : { cal: 0, exact: minutes };
}

/** A date literal of the policy (checked by the checker) in days since the epoch. */
export function dateValue(text: string): number {
  const days = parseDate(text);
  if (days === undefined) throw new Error(`pol runtime: invalid date ${text}`);
  return days;
}

/** The total at the fixed ratio, in minutes. */
export function totalMinutes(d: Duration): number {
  return d.cal + d.exact;
}

/** `to - from` for two dates (days since the epoch). */
export function dateDifference(to: number | undefined, from: number | undefined): Duration | undefined {
  if (to === undefined || from === undefined) return undefined;
  return { cal: 0, exact: (to - from) * MINUTES_PER_DAY, from, to };
}

/** `date + d` (sign 1) or `date - d` (sign -1) on the calendar: months first (clamped), then exact time. */
export function shiftDate(date: number, d: Duration, sign: 1 | -1): number {
  const months = (sign * d.cal) / MINUTES_PER_MONTH;
  let exactMinutes = sign * d.exact;
  let day = date;
  if (Number.isInteger(months)) {
    // addMonths works on whole days; keep any time of day that exact units added.
    const whole = Math.floor(date);
    day = addMonths(whole, months) + (date - whole);
  } else {
    exactMinutes += sign * d.cal;
  }
  return day + exactMinutes / MINUTES_PER_DAY;
}

/** `date + d` / `date - d`, unknown when either is. */
export function addToDate(date: number | undefined, d: Duration | undefined, sign: 1 | -1): number | undefined {
  return date === undefined || d === undefined ? undefined : shiftDate(date, d, sign);
}

/**
 * The sign of `a - b`. A date difference against any other duration compares
 * on the calendar (`d1 - d2 >= N months` iff `d2 + N months <= d1`); anything
 * else compares totals.
 */
export function compareDurations(a: Duration, b: Duration): number {
  if (a.from !== undefined && a.to !== undefined && b.from === undefined) {
    return compareNumbers(a.to, shiftDate(a.from, b, 1));
  }
  if (b.from !== undefined && b.to !== undefined && a.from === undefined) {
    return compareNumbers(shiftDate(b.from, a, 1), b.to);
  }
  return compareNumbers(totalMinutes(a), totalMinutes(b));
}

/** `a < b` and friends on durations. */
export function compareTime(op: CompareOp, a: Duration | undefined, b: Duration | undefined): Kleene {
  return a === undefined || b === undefined ? undefined : holds(op, compareDurations(a, b));
}

/** `a is b` on durations. */
export function equalTime(a: Duration | undefined, b: Duration | undefined): Kleene {
  return a === undefined || b === undefined ? undefined : compareDurations(a, b) === 0;
}

/** `a + b` (sign 1) or `a - b` (sign -1): each part adds up; a date difference becomes exact days. */
export function addDurations(a: Duration | undefined, b: Duration | undefined, sign: 1 | -1): Duration | undefined {
  if (a === undefined || b === undefined) return undefined;
  return { cal: a.cal + sign * b.cal, exact: a.exact + sign * b.exact };
}

/** `d * n` or `d / n`: both parts scale, so `2 * 3 months` is still a calendar step. */
export function scaleDuration(d: Duration | undefined, n: number | undefined, divide: boolean): Duration | undefined {
  if (d === undefined || n === undefined) return undefined;
  return divide ? { cal: d.cal / n, exact: d.exact / n } : { cal: d.cal * n, exact: d.exact * n };
}

/** A duration shown in `unit` at the fixed ratio (for traces). */
export function durationIn(d: Duration, unit: string): number {
  return roundForComparison(totalMinutes(d) / unitNamed(unit).factor);
}
