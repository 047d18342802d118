/**
 * Pairing the declarations of two versions: by name first; then a
 * declaration that disappeared under one name and appeared under another with
 * the same content is a rename, but only when the pairing is one-to-one (two
 * candidates with the same content would be a guess).
 */

export interface Matching<T> {
  /** Same name in both versions. */
  same: [T, T][];
  /** Different names, same content, one-to-one. */
  renamed: [T, T][];
  removed: T[];
  added: T[];
}

/**
 * Pair `olds` with `news` by `name`, then unpaired ones by `content`.
 * Order follows the new version (then removed ones in old order).
 */
export function matchDeclarations<T>(
  olds: readonly T[],
  news: readonly T[],
  name: (t: T) => string,
  content: (t: T, side: "old" | "new") => string,
): Matching<T> {
  const byName = new Map<string, T>();
  for (const o of olds) if (!byName.has(name(o))) byName.set(name(o), o);
  const same: [T, T][] = [];
  const usedOld = new Set<T>();
  const unpairedNew: T[] = [];
  for (const n of news) {
    const o = byName.get(name(n));
    if (o !== undefined && !usedOld.has(o)) {
      same.push([o, n]);
      usedOld.add(o);
    } else unpairedNew.push(n);
  }
  const unpairedOld = olds.filter((o) => !usedOld.has(o));
  const { pairs, restOld, restNew } = pairByContent(unpairedOld, unpairedNew, content);
  return { same, renamed: pairs, removed: restOld, added: restNew };
}

/** One-to-one pairs of equal content; everything else is left over. */
export function pairByContent<T>(
  olds: readonly T[],
  news: readonly T[],
  content: (t: T, side: "old" | "new") => string,
): { pairs: [T, T][]; restOld: T[]; restNew: T[] } {
  const oldByContent = group(olds, (o) => content(o, "old"));
  const newByContent = group(news, (n) => content(n, "new"));
  const pairs: [T, T][] = [];
  const paired = new Set<T>();
  for (const [key, ns] of newByContent) {
    const os = oldByContent.get(key);
    if (os && os.length === 1 && ns.length === 1) {
      pairs.push([os[0], ns[0]]);
      paired.add(os[0]).add(ns[0]);
    }
  }
  return { pairs, restOld: olds.filter((o) => !paired.has(o)), restNew: news.filter((n) => !paired.has(n)) };
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

/** Elements of `a` not in `b` and of `b` not in `a`, as multisets (a repeated line counts twice). */
export function multisetDifference(a: readonly string[], b: readonly string[]): { removed: string[]; added: string[] } {
  const count = new Map<string, number>();
  for (const x of b) count.set(x, (count.get(x) ?? 0) + 1);
  const removed: string[] = [];
  for (const x of a) {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    else removed.push(x);
  }
  const left = new Map<string, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  const added: string[] = [];
  for (const x of b) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else added.push(x);
  }
  return { removed, added };
}
