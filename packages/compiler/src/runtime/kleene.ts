/**
 * Three-valued (Kleene) logic (LANGUAGE.md §4). Unknown is `undefined`, so a
 * fact the case leaves out flows through every operator without special cases.
 * Part of the shipped runtime.
 */

/** true, false, or unknown (`undefined`). */
export type Kleene = boolean | undefined;

/** `a and b and …`: false if any is false, else unknown if any is unknown. */
export function and(...operands: Kleene[]): Kleene {
  let unknown = false;
  for (const v of operands) {
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** `a or b or …`: true if any is true, else unknown if any is unknown. */
export function or(...operands: Kleene[]): Kleene {
  let unknown = false;
  for (const v of operands) {
    if (v === true) return true;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/** `not a`: unknown stays unknown. */
export function not(operand: Kleene): Kleene {
  return operand === undefined ? undefined : !operand;
}

/** `none(a, b, …)` is `not any(a, b, …)`. */
export function none(...operands: Kleene[]): Kleene {
  return not(or(...operands));
}

/**
 * `at least n of (…)`: true once n hold, false once n can no longer hold,
 * unknown otherwise (`at least 2 of (true, unknown, unknown)` is unknown).
 */
export function atLeast(n: number, operands: readonly Kleene[]): Kleene {
  let yes = 0;
  let unknown = 0;
  for (const v of operands) {
    if (v === true) yes++;
    else if (v === undefined) unknown++;
  }
  if (yes >= n) return true;
  if (yes + unknown < n) return false;
  return undefined;
}

/** `x is known`: whether the case supplied it (the one operator that looks at presence, §4). */
export function isKnown(value: unknown): boolean {
  return value !== undefined;
}
