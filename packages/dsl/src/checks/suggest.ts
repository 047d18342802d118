/**
 * "Did you mean …?" for unknown names, enum members, types and rule labels.
 * The suggestion is a fix a code action can apply, so it only ever offers a
 * name that would be valid in that place.
 */
import type * as A from "../ast.js";
import type { Suggestion } from "../diagnostics.js";

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where a transposition
 * of two neighbours costs one edit: `intnet` is one edit from `intent`).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * How far a candidate may be from what was written: two edits, or a third of
 * the length for long names and labels; a single edit for names of up to
 * three letters, where two edits would turn `age` into any other short word.
 */
function tolerance(written: string): number {
  if (written.length <= 3) return 1;
  return Math.max(2, Math.floor(written.length / 3));
}

/** The closest candidate within tolerance (the earlier one on ties), or undefined. */
export function closest(written: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = tolerance(written);
  const lower = written.toLowerCase();
  for (const c of candidates) {
    if (c === written || c === "") continue;
    // A difference only in case is the likeliest slip: rank it first.
    const dist = c.toLowerCase() === lower ? 0.5 : editDistance(written, c);
    if (dist <= limit && dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

/** A "Replace with `x`" fix for the text at `span`. */
export function replaceWith(span: A.Span, replacement: string, shown = replacement): Suggestion {
  return { title: `Replace with \`${shown}\``, span, replacement };
}

/** "; did you mean `x`?" or nothing. */
export const didYouMean = (s: string | undefined): string => (s === undefined ? "" : `; did you mean \`${s}\`?`);
