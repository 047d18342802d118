/**
 * Codeset matching (LANGUAGE.md §3) by category, so a policy with hundreds of
 * codes does not scan them all for every diagnosis. Part of the shipped
 * runtime. The answers are codes.ts `codeMatches` over every entry, exactly
 * (a property test checks this against the plain scan).
 *
 * A code's first three characters (its ICD-10 category; CPT and HCPCS codes
 * are longer) decide most entries at once: a prefix of up to three characters
 * or a range of three-character ends matches every code of a category or
 * none. What a category needs is worked out the first time a code of it is
 * tested and kept, so a test is one map lookup on a number computed from the
 * three characters (no string is cut), then at most the few longer entries of
 * that category.
 */
import { codeMatches } from "../../../dsl/src/semantics/codes.js";

/** A codeset entry, normalized (no dot, upper case): a code or a range `[low, high]`. */
export type CodeEntrySpec = string | readonly [string, string];

/** Length of the key that groups entries: the ICD-10 category (`C50`). */
const CATEGORY_LENGTH = 3;
/** Categories remembered per codeset; codes of further categories are still answered, by a scan. */
const MAX_CATEGORIES = 50_000;

interface MatcherEntry {
  readonly code: string;
  readonly rangeEnd?: string;
}

/** What a category needs: every code of it matches, none does, or these longer entries decide. */
type CategoryAnswer = boolean | readonly MatcherEntry[];

export class CodeMatcher {
  /** The entries as given, for `has all` / `has at least N of` (which count entries). */
  readonly entries: readonly MatcherEntry[];
  /** By category: characters below 128 packed into a number (see categoryNumber). */
  private readonly byNumber = new Map<number, CategoryAnswer>();
  /** Categories with a character from 128 up, by their text. */
  private readonly byText = new Map<string, CategoryAnswer>();

  constructor(entries: readonly CodeEntrySpec[]) {
    this.entries = entries.map((e) => (typeof e === "string" ? { code: e } : { code: e[0], rangeEnd: e[1] }));
  }

  /** Does the normalized code fall under any entry? */
  test(code: string): boolean {
    if (code.length < CATEGORY_LENGTH) return this.scan(code);
    const key = categoryNumber(code);
    let answer = key < 0 ? this.byText.get(code.slice(0, CATEGORY_LENGTH)) : this.byNumber.get(key);
    if (answer === undefined) {
      answer = this.answerFor(code.slice(0, CATEGORY_LENGTH));
      if (this.byNumber.size + this.byText.size < MAX_CATEGORIES) {
        if (key < 0) this.byText.set(code.slice(0, CATEGORY_LENGTH), answer);
        else this.byNumber.set(key, answer);
      }
    }
    if (typeof answer === "boolean") return answer;
    for (const e of answer) if (codeMatches(code, e.code, e.rangeEnd)) return true;
    return false;
  }

  /** Every entry, one by one (codes shorter than a category). */
  private scan(code: string): boolean {
    for (const e of this.entries) if (codeMatches(code, e.code, e.rangeEnd)) return true;
    return false;
  }

  /**
   * What codes of at least three characters starting with `category` need
   * (CodeIndex asks each codeset of a fact once per category).
   */
  categoryAnswer(category: string): CategoryAnswer {
    return this.answerFor(category);
  }

  /**
   * For codes of at least three characters starting with `category`: true if
   * an entry matches them all (a prefix of at most three characters that the
   * category starts with, or a range of ends that short containing the
   * category's head), else the longer entries that can match some of them.
   */
  private answerFor(category: string): CategoryAnswer {
    const longer: MatcherEntry[] = [];
    for (const e of this.entries) {
      const n = e.code.length;
      if (n <= CATEGORY_LENGTH) {
        if (codeMatches(category, e.code, e.rangeEnd)) return true;
      } else if (e.rangeEnd === undefined) {
        if (e.code.startsWith(category)) longer.push(e);
      } else if (e.code.slice(0, CATEGORY_LENGTH) <= category && category <= e.rangeEnd.slice(0, CATEGORY_LENGTH)) {
        longer.push(e);
      }
    }
    return longer.length > 0 ? longer : false;
  }
}

/** The first three characters as one number when all are below 128 (7 bits each), else -1. */
function categoryNumber(code: string): number {
  const a = code.charCodeAt(0);
  const b = code.charCodeAt(1);
  const c = code.charCodeAt(2);
  return (a | b | c) < 128 ? (a << 14) | (b << 7) | c : -1;
}

/**
 * The codesets a set-of-codes fact is tested against with `has any`, indexed
 * together: one lookup per code of the case gives every codeset it falls
 * under, so a policy with a rule per indication matches each diagnosis once,
 * not once per rule. Generated modules keep the result per case (a bit per
 * codeset) and test bits; the answers are CodeMatcher.test's exactly.
 */
export class CodeIndex {
  private readonly words: number;
  private readonly byNumber = new Map<number, IndexAnswer>();
  private readonly byText = new Map<string, IndexAnswer>();

  constructor(private readonly codesets: readonly CodeMatcher[]) {
    this.words = Math.max(1, Math.ceil(codesets.length / 32));
  }

  /** Bit i is set when some code falls under codeset i; undefined when the codes are unknown. */
  matched(codes: readonly string[] | undefined): number[] | undefined {
    if (codes === undefined) return undefined;
    const bits = new Array<number>(this.words).fill(0);
    for (const code of codes) {
      if (code.length < CATEGORY_LENGTH) {
        this.codesets.forEach((m, i) => {
          if (m.test(code)) bits[i >> 5]! |= 1 << (i & 31);
        });
        continue;
      }
      const answer = this.answer(code);
      for (let w = 0; w < this.words; w++) bits[w]! |= answer.all[w]!;
      for (const [i, entries] of answer.partial) {
        if (bits[i >> 5]! & (1 << (i & 31))) continue;
        for (const e of entries) {
          if (codeMatches(code, e.code, e.rangeEnd)) {
            bits[i >> 5]! |= 1 << (i & 31);
            break;
          }
        }
      }
    }
    return bits;
  }

  private answer(code: string): IndexAnswer {
    const key = categoryNumber(code);
    const category = code.slice(0, CATEGORY_LENGTH);
    let answer = key < 0 ? this.byText.get(category) : this.byNumber.get(key);
    if (answer === undefined) {
      const all = new Array<number>(this.words).fill(0);
      const partial: [number, readonly MatcherEntry[]][] = [];
      this.codesets.forEach((m, i) => {
        const a = m.categoryAnswer(category);
        if (a === true) all[i >> 5]! |= 1 << (i & 31);
        else if (a !== false) partial.push([i, a]);
      });
      answer = { all, partial };
      if (this.byNumber.size + this.byText.size < MAX_CATEGORIES) {
        if (key < 0) this.byText.set(category, answer);
        else this.byNumber.set(key, answer);
      }
    }
    return answer;
  }
}

/** For one category: the codesets every code of it falls under (bits), and those its longer entries decide. */
interface IndexAnswer {
  readonly all: readonly number[];
  readonly partial: readonly (readonly [number, readonly MatcherEntry[]])[];
}

/** An index of the codesets a fact is tested against (generated modules build one per such fact). */
export function codeIndex(codesets: readonly CodeMatcher[]): CodeIndex {
  return new CodeIndex(codesets);
}

/** `X has any S` read off the bits CodeIndex.matched gave for X, S being the index's codeset `i`. */
export function matchedCode(bits: readonly number[] | undefined, i: number): boolean | undefined {
  return bits === undefined ? undefined : (bits[i >> 5]! & (1 << (i & 31))) !== 0;
}

/** A codeset from its normalized entries (what generated modules call once per codeset). */
export function codeset(entries: readonly CodeEntrySpec[]): CodeMatcher {
  return new CodeMatcher(entries);
}
