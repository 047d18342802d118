/**
 * A small seeded PRNG (mulberry32) so every run generates the same cases and
 * the same policy corpus: figures from two runs compare like for like.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A few distinct items, in the order drawn. */
  some<T>(items: readonly T[], max: number): T[] {
    const n = 1 + this.int(max);
    const out: T[] = [];
    for (let i = 0; i < n; i++) {
      const x = this.pick(items);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  }

  /** Pick by weight: `[[item, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [x, w] of table) {
      r -= w;
      if (r < 0) return x;
    }
    return table[table.length - 1]![0];
  }
}
