/**
 * Set operators (LANGUAGE.md §4): `has`, `has any`, `has all`,
 * `has at least N of`, `in`, `is empty`, `count`, and set equality. Part of
 * the shipped runtime.
 *
 * A set value is a duplicate-free array (validation removes duplicates). The
 * right-hand set is either such an array or a CodeMatcher (a codeset or a set
 * literal of codes). Elements are compared with a `match` function: codes
 * match by prefix and range as §3 says (the right-hand code is the pattern);
 * everything else by equality.
 */
import { codeMatches } from "../../../dsl/src/semantics/codes.js";
import type { CodeMatcher } from "./code-matcher.js";
import type { Kleene } from "./kleene.js";
import { compareNumbers } from "./numbers.js";
import { compareDurations, type Duration } from "./time.js";

/** How an element of the subject is compared with an element of the other set. */
export type Match<T> = (element: T, pattern: T) => boolean;

export const sameValue: Match<unknown> = (a, b) => a === b;
export const sameNumber: Match<number> = (a, b) => compareNumbers(a, b) === 0;
export const sameDuration: Match<Duration> = (a, b) => compareDurations(a, b) === 0;
/** §3: `C71.9` matches `C71`; `has` with a single code matches the same way. */
export const codeUnder: Match<string> = (code, pattern) => codeMatches(code, pattern);

/** `a is b` for values compared with ===: booleans, text, enum members, codes (exactly), dates as strings. */
export function equal<T>(a: T | undefined, b: T | undefined): Kleene {
  return a === undefined || b === undefined ? undefined : a === b;
}

/** `X has v`: some element matches v. */
export function has<T>(subject: readonly T[] | undefined, value: T | undefined, match: Match<T>): Kleene {
  if (subject === undefined || value === undefined) return undefined;
  for (const x of subject) if (match(x, value)) return true;
  return false;
}

/** `X has c` where c is a code range literal, or any single code given as a codeset. */
export function hasCode(subject: readonly string[] | undefined, codes: CodeMatcher): Kleene {
  return hasAnyCode(subject, codes);
}

/** `X has any S` for a set S of values. */
export function hasAny<T>(subject: readonly T[] | undefined, set: readonly T[] | undefined, match: Match<T>): Kleene {
  if (subject === undefined || set === undefined) return undefined;
  for (const p of set) for (const x of subject) if (match(x, p)) return true;
  return false;
}

/** `X has any S` for a codeset S. */
export function hasAnyCode(subject: readonly string[] | undefined, codes: CodeMatcher | undefined): Kleene {
  if (subject === undefined || codes === undefined) return undefined;
  for (const x of subject) if (codes.test(x)) return true;
  return false;
}

/** `X has at least n of S`: at least n elements of S are matched (so `has all` is n = |S|). */
export function hasAtLeast<T>(n: number, subject: readonly T[] | undefined, set: readonly T[] | undefined, match: Match<T>): Kleene {
  if (subject === undefined || set === undefined) return undefined;
  let found = 0;
  for (const p of set) {
    for (const x of subject) {
      if (match(x, p)) {
        found++;
        break;
      }
    }
    if (found >= n) return true;
  }
  return found >= n;
}

/** `X has all S` for a set S of values. */
export function hasAll<T>(subject: readonly T[] | undefined, set: readonly T[] | undefined, match: Match<T>): Kleene {
  return set === undefined ? undefined : hasAtLeast(set.length, subject, set, match);
}

/** `X has at least n of S` for a codeset: at least n of its entries (codes or ranges) are matched. */
export function hasAtLeastCodes(n: number, subject: readonly string[] | undefined, codes: CodeMatcher | undefined): Kleene {
  if (subject === undefined || codes === undefined) return undefined;
  let found = 0;
  for (const e of codes.entries) {
    for (const x of subject) {
      if (codeMatches(x, e.code, e.rangeEnd)) {
        found++;
        break;
      }
    }
    if (found >= n) return true;
  }
  return found >= n;
}

/** `X has all S` for a codeset: every entry is matched by some code of X. */
export function hasAllCodes(subject: readonly string[] | undefined, codes: CodeMatcher | undefined): Kleene {
  return codes === undefined ? undefined : hasAtLeastCodes(codes.entries.length, subject, codes);
}

/** `x in S` for a set S of values. */
export function isIn<T>(value: T | undefined, set: readonly T[] | undefined, match: Match<T>): Kleene {
  if (value === undefined || set === undefined) return undefined;
  for (const p of set) if (match(value, p)) return true;
  return false;
}

/** `x in S` for a codeset. */
export function isInCodes(value: string | undefined, codes: CodeMatcher | undefined): Kleene {
  return value === undefined || codes === undefined ? undefined : codes.test(value);
}

/** `X is empty`. */
export function isEmpty(subject: readonly unknown[] | undefined): Kleene {
  return subject === undefined ? undefined : subject.length === 0;
}

/** `count(X)`. */
export function count(subject: readonly unknown[] | undefined): number | undefined {
  return subject === undefined ? undefined : subject.length;
}

/** `X is Y` on sets: the same elements, whatever the order. */
export function setEqual<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: Match<T>): Kleene {
  if (a === undefined || b === undefined) return undefined;
  const within = (xs: readonly T[], ys: readonly T[]) => xs.every((x) => ys.some((y) => same(x, y)));
  return within(a, b) && within(b, a);
}

/** `X is S` where S is a set literal of codes: the plain codes of S, exactly (a range is never equal to codes). */
export function setEqualCodes(a: readonly string[] | undefined, codes: CodeMatcher | undefined): Kleene {
  if (a === undefined || codes === undefined) return undefined;
  if (codes.entries.some((e) => e.rangeEnd !== undefined)) return false;
  return setEqual(a, codes.entries.map((e) => e.code), sameValue);
}
