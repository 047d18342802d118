/**
 * Timing and reporting helpers shared by the benchmark parts. Each part runs
 * in its own Node process (bench/run.ts starts it) and reports its figures as
 * one JSON line on stdout, `{"figures": [...]}`; everything people read goes
 * to stderr as it happens.
 */

/** One figure of the results table. */
export interface Figure {
  /** Stable key in bench/results.json. */
  name: string;
  value: number;
  unit: string;
  /** Against the row's reference (see `against`); null when there is none. */
  ratio: number | null;
  /** What the ratio compares with, for the table. */
  against?: string;
  /** The aim from issue 9, in words, and whether this run met it. */
  aim?: string;
  met?: boolean;
  note?: string;
}

export function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Report a part's figures to bench/run.ts. */
export function report(figures: Figure[]): void {
  process.stdout.write(`${JSON.stringify({ figures })}\n`);
}

/** Nanoseconds per item of `fn` over `items`, best of `passes` timed passes. */
export function timePerItem<T>(items: readonly T[], passes: number, fn: (item: T) => unknown): number {
  let best = Infinity;
  let sink = 0;
  for (let p = 0; p < passes; p++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < items.length; i++) if (fn(items[i]!) !== undefined) sink++;
    const ns = Number(process.hrtime.bigint() - t0) / items.length;
    if (ns < best) best = ns;
  }
  if (sink < 0) log("unreachable");
  return best;
}

/** The same for an asynchronous function, each call awaited before the next. */
export async function timePerItemAsync<T>(items: readonly T[], passes: number, fn: (item: T) => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let p = 0; p < passes; p++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < items.length; i++) await fn(items[i]!);
    const ns = Number(process.hrtime.bigint() - t0) / items.length;
    if (ns < best) best = ns;
  }
  return best;
}

/** Arguments as `--name value` pairs. */
export function argument(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`bench: missing --${name}`);
  return value;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
