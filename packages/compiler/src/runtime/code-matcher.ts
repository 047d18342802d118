/**
 * Codeset matching (LANGUAGE.md §3) with a lookup by category, so a policy
 * with hundreds of codes does not scan them all for every diagnosis. Part of
 * the shipped runtime. The answers are codes.ts `codeMatches` over every
 * entry, exactly (a test checks this against the plain scan).
 */
import { codeMatches } from "../../../dsl/src/semantics/codes.js";

/** A codeset entry, normalized (no dot, upper case): a code or a range `[low, high]`. */
export type CodeEntrySpec = string | readonly [string, string];

/** Length of the key that groups prefix entries: the ICD-10 category (`C50`); CPT and HCPCS codes are longer. */
const CATEGORY_LENGTH = 3;

export class CodeMatcher {
  /** The entries as given, for `has all` / `has at least N of` (which count entries). */
  readonly entries: readonly { readonly code: string; readonly rangeEnd?: string }[];
  private readonly byCategory = new Map<string, string[]>();
  private readonly short: string[] = [];
  private readonly ranges: { readonly low: string; readonly high: string }[] = [];

  constructor(entries: readonly CodeEntrySpec[]) {
    this.entries = entries.map((e) => (typeof e === "string" ? { code: e } : { code: e[0], rangeEnd: e[1] }));
    for (const e of entries) {
      if (typeof e !== "string") this.ranges.push({ low: e[0], high: e[1] });
      else if (e.length < CATEGORY_LENGTH) this.short.push(e);
      else {
        const key = e.slice(0, CATEGORY_LENGTH);
        const list = this.byCategory.get(key);
        if (list) list.push(e);
        else this.byCategory.set(key, [e]);
      }
    }
  }

  /** Does the normalized code fall under any entry? */
  test(code: string): boolean {
    const list = this.byCategory.get(code.slice(0, CATEGORY_LENGTH));
    if (list) for (const p of list) if (code.startsWith(p)) return true;
    for (const p of this.short) if (code.startsWith(p)) return true;
    for (const r of this.ranges) if (codeMatches(code, r.low, r.high)) return true;
    return false;
  }
}

/** A codeset from its normalized entries (what generated modules call once per codeset). */
export function codeset(entries: readonly CodeEntrySpec[]): CodeMatcher {
  return new CodeMatcher(entries);
}
