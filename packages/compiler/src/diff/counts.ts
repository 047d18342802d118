/**
 * `count(X)`: the one set operation that sees more than which classes a set
 * holds. A counted set gets one more variable, `<key>+`: how many elements
 * it holds beyond one per present class, from 0 to the largest count a
 * condition can tell apart. Its values are limited by what the present
 * classes can still supply (a class of one exact code has no second element),
 * so every value is a set a case can give; the witness lists those elements.
 */
import { isValidCode, normalizeCode } from "../runtime/index.js";
import { displayCode, matches, type CodeDomain, type CodePattern } from "./code-classes.js";

/** A set variable's count information: the largest extra count worth telling apart, and more elements per class. */
export interface CountInfo {
  limit: number;
  /** Further elements (JSON) of each class, distinct from its representative, at most `limit` of them. */
  more: unknown[][];
}

/** The key of a counted set's extra-elements variable. */
export const extraKey = (key: string): string => `${key}+`;

/**
 * The elements beyond one per present class that a counted set holds when its
 * extra count is `n`: taken from the present classes in order. The witness and
 * the evaluation take the same ones.
 */
export function extraElements(x: { count?: CountInfo }, present: readonly number[], n: number): unknown[] {
  const out: unknown[] = [];
  for (const i of present) for (const e of x.count?.more[i] ?? []) if (out.length < n) out.push(e);
  return out;
}

/** How many elements beyond one per present class the present classes can supply (at most the limit). */
export function extraCapacity(x: { count?: CountInfo }, present: readonly number[]): number {
  let total = 0;
  for (const i of present) total += x.count?.more[i]?.length ?? 0;
  return Math.min(total, x.count?.limit ?? 0);
}

/** Further codes with the representative's answers to every pattern, found by editing it one character at a time. */
export function moreCodes(rep: string, domain: CodeDomain, patterns: readonly CodePattern[], n: number): string[] {
  const code = normalizeCode(rep);
  const vector = (c: string) => patterns.map((p) => (matches(c, p) ? "1" : "0")).join("");
  const want = vector(code);
  const valid = (c: string) => (domain === "procedure" ? isValidCode("CPT", c) || isValidCode("HCPCS", c) : isValidCode(domain, c));
  const alphabet = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
  const out: string[] = [];
  const seen = new Set([code]);
  const queue = [code];
  for (let q = 0; q < queue.length && out.length < n && seen.size < 4_000; q++) {
    const c = queue[q];
    const edits: string[] = [];
    for (const ch of alphabet) edits.push(c + ch);
    for (let i = c.length - 1; i >= 0; i--) for (const ch of alphabet) edits.push(c.slice(0, i) + ch + c.slice(i + 1));
    for (const e of edits) {
      if (seen.has(e) || !valid(e)) continue;
      seen.add(e);
      if (vector(e) !== want) continue;
      out.push(e);
      queue.push(e);
      if (out.length >= n) break;
    }
  }
  return out.map((c) => displayCode(c, domain === "procedure" ? "CPT" : domain));
}
