/**
 * Units and dimensions in expressions (LANGUAGE.md §3, §4): values of one
 * dimension compare and add (converted exactly by semantics/units.ts at run
 * time); across dimensions it is `unit-mismatch`; a bare number against a
 * value with a unit is `missing-unit`, with a fix that writes the unit.
 */
import type * as A from "../ast.js";
import type { PolType } from "../model.js";
import { lookupUnit, type Dimension } from "../semantics/units.js";
import type { Reporter } from "./registry.js";

export type NumberType = Extract<PolType, { kind: "number" }>;

const DIMENSION_WORDS: Record<Dimension, string> = {
  time: "a time",
  length: "a length",
  dose: "a dose",
  fractions: "a number of fractions",
  percent: "a percentage",
  mass: "a mass",
  bmi: "a body-mass index",
  pressure: "a pressure",
  angle: "an angle",
};

/** "a time (years)", "a plain number". */
export function describeNumber(t: NumberType): string {
  if (!t.dimension) return "a plain number";
  return t.unit ? `${DIMENSION_WORDS[t.dimension]} (${t.unit})` : DIMENSION_WORDS[t.dimension];
}

/** The type of a number literal: its unit's dimension, or a plain number. */
export function numberLiteralType(n: A.NumberLiteral): NumberType {
  const unit = n.unit ? lookupUnit(n.unit.name) : undefined;
  return unit ? { kind: "number", dimension: unit.dimension, unit: unit.name } : { kind: "number" };
}

export interface Operand {
  node: A.Expression;
  type: NumberType;
}

/**
 * Do two numbers have one dimension? If not, report it (against the operand
 * without a unit, or the right one) and return false. `doing` completes
 * "… cannot be <doing>": "compared", "added".
 */
export function checkSameDimension(reporter: Reporter, left: Operand, right: Operand, doing: string): boolean {
  const a = left.type.dimension;
  const b = right.type.dimension;
  if (a === b) return true;
  if (a === undefined || b === undefined) {
    const [bare, other] = a === undefined ? [left, right] : [right, left];
    reportMissingUnit(reporter, bare.node, other.type, doing);
    return false;
  }
  reporter.report(
    "unit-mismatch",
    `${describeNumber(left.type)} and ${describeNumber(right.type)} cannot be ${doing}: \`${reporter.quote(left.node)}\` and \`${reporter.quote(right.node)}\` measure different things`,
    right.node,
  );
  return false;
}

/** A bare number where `expected` (a number with a unit) is needed; a literal gets a fix that writes the unit. */
export function reportMissingUnit(reporter: Reporter, bare: A.Expression, expected: NumberType, doing: string): void {
  const literal = unwrap(bare);
  const unit = expected.unit ?? firstUnitOf(expected.dimension);
  if (literal.kind === "number" && !literal.unit && unit) {
    const fixed = `${literal.raw} ${unit}`;
    reporter.report(
      "missing-unit",
      `\`${literal.raw}\` has no unit, but it is ${doing} with ${describeNumber(expected)}: write the unit, e.g. \`${fixed}\``,
      literal,
      { suggestion: { title: `Write \`${fixed}\``, span: literal.span, replacement: fixed } },
    );
    return;
  }
  reporter.report(
    "missing-unit",
    `\`${reporter.quote(bare)}\` is a plain number, but it is ${doing} with ${describeNumber(expected)}: give it a unit`,
    bare,
  );
}

const unwrap = (e: A.Expression): A.Expression => {
  let x = e;
  while (x.kind === "paren") x = x.inner;
  return x;
};

/** A unit to offer in a fix when only the dimension is known: a common one of that dimension. */
function firstUnitOf(d: Dimension | undefined): string | undefined {
  const preferred: Partial<Record<Dimension, string>> = { time: "days", length: "cm", dose: "Gy" };
  if (!d) return undefined;
  return preferred[d] ?? ["fractions", "percent", "kg", "kg/m2", "mmHg", "degrees"].find((u) => lookupUnit(u)?.dimension === d);
}
