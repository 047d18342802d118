/**
 * Numbers and quantities (LANGUAGE.md §3, §4). A quantity other than time is
 * a plain number in its dimension's base unit (cGy, mm, …), converted with
 * units.ts; time is a Duration (time.ts). Part of the shipped runtime.
 */
import { lookupUnit, toBase, type UnitInfo } from "../../../dsl/src/semantics/units.js";
import type { Kleene } from "./kleene.js";

export type CompareOp = "<" | "<=" | ">" | ">=";
export type ArithmeticOp = "+" | "-" | "*" | "/";

/** The unit named `name` (any spelling units.ts accepts); throws on a name the checker would have rejected. */
export function unitNamed(name: string): UnitInfo {
  const info = lookupUnit(name);
  if (!info) throw new Error(`pol runtime: unknown unit ${name}`);
  return info;
}

/** `value` in `unit` as a number in the dimension's base unit (`45 Gy` is 4500). */
export function quantity(value: number, unit: string): number {
  return toBase(value, unitNamed(unit));
}

/** A base-unit number shown in `unit` (4500 shown in Gy is 45). */
export function inUnit(base: number, unit: string): number {
  return roundForComparison(base / unitNamed(unit).factor);
}

/**
 * Numbers are compared after rounding to 12 significant digits, the precision
 * of unit conversion (units.ts `toBase`), so that `0.1 + 0.2 >= 0.3` holds and
 * decimal inputs compare as written. Whole numbers are exact already.
 */
export function roundForComparison(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}

/** The sign of `a - b` after rounding (NaN when either is NaN: every comparison is then false). */
export function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  const x = roundForComparison(a);
  const y = roundForComparison(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

/** Whether a comparison holds, given the sign of `left - right`. */
export function holds(op: CompareOp, sign: number): boolean {
  switch (op) {
    case "<": return sign < 0;
    case "<=": return sign <= 0;
    case ">": return sign > 0;
    case ">=": return sign >= 0;
  }
}

/** `a < b` and friends on numbers or dates (days); unknown when either side is. */
export function compareNum(op: CompareOp, a: number | undefined, b: number | undefined): Kleene {
  return a === undefined || b === undefined ? undefined : holds(op, compareNumbers(a, b));
}

/** `a is b` on numbers or dates. */
export function equalNum(a: number | undefined, b: number | undefined): Kleene {
  return a === undefined || b === undefined ? undefined : compareNumbers(a, b) === 0;
}

/** `+ - * /` on plain numbers and same-dimension quantities; IEEE rules for division by zero. */
export function arithmetic(op: ArithmeticOp, a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
  }
}
