/**
 * The lines that differ between two texts, as few replacements as Myers'
 * O(ND) diff finds: a formatter's edits then touch only the lines it changed,
 * so the editor keeps the cursor, folds and undo steps everywhere else.
 */

/** Lines `[from, to)` of the old text become lines `[newFrom, newTo)` of the new one. */
export interface Hunk {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

/** Each line with its line break, so joining the pieces gives the text back. */
export const splitLines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/**
 * The hunks turning `a` into `b`, in order; undefined when they differ in
 * more than `maxChanges` lines (then one replacement is as good).
 */
export function lineHunks(a: readonly string[], b: readonly string[], maxChanges = 2000): Hunk[] | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ from: start, to: endA, newFrom: start, newTo: endB }];

  // Myers: v[k] is the furthest x on diagonal k after d changes; keep each step's v to walk back.
  const max = Math.min(n + m, maxChanges);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;

  // Walk back from (n, m), collecting the non-diagonal moves as edited lines.
  const deleted: boolean[] = new Array(n).fill(false);
  const inserted: boolean[] = new Array(m).fill(false);
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const pv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && pv[offset + k - 1] < pv[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = pv[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (prevK === k + 1) inserted[prevY] = true;
    else deleted[prevX] = true;
    x = prevX;
    y = prevY;
  }

  // Group runs of edited lines between common lines into hunks.
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && !deleted[i] && !inserted[j]) {
      i++;
      j++;
      continue;
    }
    const h = { from: start + i, to: start + i, newFrom: start + j, newTo: start + j };
    while (i < n && deleted[i]) i++;
    while (j < m && inserted[j]) j++;
    h.to = start + i;
    h.newTo = start + j;
    hunks.push(h);
  }
  return hunks;
}
