/**
 * Representative codes: one code for every class of codes that no pattern of
 * either version can tell apart (LANGUAGE.md §3 matching: prefix, range of
 * heads, and exact equality for `is`).
 *
 * Why this is exact: whether a code matches a pattern depends only on its
 * length and, at each position, on how its character compares with the
 * characters the patterns have at that position (a prefix needs equality, a
 * range compares heads lexicographically, `is` needs equality and length).
 * So the codes of one format are walked as a tree, position by position,
 * branching on each critical character and on one character of every gap
 * between them (within the format's alphabet at that position), and stopping
 * as soon as no pattern's answer can depend on what follows. Every leaf is a
 * valid code; two codes that reach the same leaf match the same patterns.
 * Leaves with the same answers to every pattern are then merged.
 */
import { codeMatches } from "../runtime/index.js";

/** A pattern, normalized (no dot, upper case). `exact` for `is`: the code itself, not codes under it. */
export interface CodePattern {
  code: string;
  rangeEnd?: string;
  exact?: boolean;
}

/** The codes a variable holds: one system, or procedure codes (CPT or HCPCS). */
export type CodeDomain = "ICD10" | "CPT" | "HCPCS" | "procedure";

interface Format {
  /** Allowed characters at each position, sorted by code unit (the order ranges compare in). */
  alphabets: string[][];
  lengths: ReadonlySet<number>;
}

const DIGITS = [..."0123456789"];
const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const ALNUM = [...DIGITS, ...LETTERS];

// semantics/codes.ts FORMATS, position by position (normalized: no dot).
const ICD10: Format = { alphabets: [LETTERS, DIGITS, ALNUM, ALNUM, ALNUM, ALNUM, ALNUM], lengths: new Set([3, 4, 5, 6, 7]) };
const CPT: Format = { alphabets: [DIGITS, DIGITS, DIGITS, DIGITS, [...DIGITS, "F", "T", "U"]], lengths: new Set([5]) };
const HCPCS: Format = { alphabets: [LETTERS, DIGITS, DIGITS, DIGITS, DIGITS], lengths: new Set([5]) };

const FORMATS: Record<CodeDomain, Format[]> = { ICD10: [ICD10], CPT: [CPT], HCPCS: [HCPCS], procedure: [CPT, HCPCS] };

/**
 * One representative (normalized) code per class of the domain, the shortest
 * and then the first in code order; the class of codes matching no pattern is
 * among them.
 */
export function codeClasses(domain: CodeDomain, patterns: readonly CodePattern[]): string[] {
  const leaves: string[] = [];
  for (const format of FORMATS[domain]) walk("", format, patterns, leaves);
  const byVector = new Map<string, string>();
  for (const code of leaves) {
    const vector = patterns.map((p) => (matches(code, p) ? "1" : "0")).join("");
    const known = byVector.get(vector);
    if (known === undefined || code.length < known.length || (code.length === known.length && code < known)) byVector.set(vector, code);
  }
  return [...byVector.values()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** Does a normalized code match a pattern (§3)? */
export function matches(code: string, p: CodePattern): boolean {
  return p.exact ? code === p.code : codeMatches(code, p.code, p.rangeEnd);
}

/** The code as a case would write it: ICD-10-CM with its dot after the category. */
export function displayCode(code: string, domain: CodeDomain): string {
  return domain === "ICD10" && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

function walk(prefix: string, format: Format, patterns: readonly CodePattern[], leaves: string[]): void {
  const i = prefix.length;
  if (format.lengths.has(i)) leaves.push(prefix);
  if (i >= format.alphabets.length) return;
  const alive = patterns.filter((p) => isAlive(p, prefix));
  if (alive.length === 0) {
    // Nothing further can change any answer: one continuation stands for all.
    const continued = complete(prefix + format.alphabets[i][0], format);
    if (continued !== undefined) leaves.push(continued);
    return;
  }
  const critical = new Set<string>();
  for (const p of alive) {
    if (i < p.code.length) critical.add(p.code[i]);
    if (p.rangeEnd !== undefined && i < p.rangeEnd.length) critical.add(p.rangeEnd[i]);
  }
  for (const ch of representativeChars(format.alphabets[i], [...critical])) walk(prefix + ch, format, patterns, leaves);
}

/** The shortest valid code that starts with `prefix`, taking the first allowed character at each further position. */
function complete(prefix: string, format: Format): string | undefined {
  let s = prefix;
  while (!format.lengths.has(s.length)) {
    if (s.length >= format.alphabets.length) return undefined;
    s += format.alphabets[s.length][0];
  }
  return s;
}

/** Each critical character the alphabet allows, and the first character of each gap around and between them. */
function representativeChars(alphabet: readonly string[], critical: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of alphabet) {
    // The class of a character: how it compares with every critical character.
    const signature = critical.map((c) => (ch < c ? "<" : ch > c ? ">" : "=")).join("");
    if (!seen.has(signature)) {
      seen.add(signature);
      out.push(ch);
    }
  }
  return out;
}

/** Can a code that continues `prefix` (with at least one more character) still match the pattern or not, depending on what follows? */
function isAlive(p: CodePattern, prefix: string): boolean {
  const k = prefix.length;
  if (p.exact || p.rangeEnd === undefined) {
    // A prefix (or an exact code) decides once the code is as long as it, or as soon as they disagree.
    return k < p.code.length && p.code.startsWith(prefix);
  }
  if (k >= p.code.length) return false;
  const low = p.code.slice(0, k);
  const high = p.rangeEnd.slice(0, k);
  return !(prefix < low || prefix > high);
}
