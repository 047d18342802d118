/**
 * `pnpm bench`: every benchmark of issue 9, one table, bench/results.json.
 *
 *   pnpm bench [--quick]
 *
 * 1. Builds the IMRT evaluator with `pol build` and bundles it with esbuild,
 *    as an integrator ships it.
 * 2. Bundles each part (bench/parts/*.ts) and runs it in its own Node process,
 *    so no part's heap or JIT state colours another's: deciding cases,
 *    batch throughput, the front end.
 * 3. Runs bench/editor.ts (and bench/diff.ts when there is one) as they are,
 *    and reads their figures from their output.
 * Prints the table and writes bench/results.json:
 * `{ "name": { "value", "unit", "ratio" } }`.
 *
 * `--quick` runs every part on a tenth of the cases, to try changes.
 * Not part of `pnpm test`: times are never asserted.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Figure } from "./lib/measure.js";

const BENCH = fileURLToPath(new URL(".", import.meta.url));
const REPO = join(BENCH, "..");
/** Bundles and generated code; `out/` folders are ignored by git. */
const OUT = join(BENCH, "out");
const quick = process.argv.includes("--quick");
const scale = (n: number) => String(quick ? n / 10 : n);
const started = Date.now();
/** Other work on the machine colours every figure: the 1-minute load average is reported with them. */
const loadAtStart = loadavg()[0]!;

mkdirSync(OUT, { recursive: true });
const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

// 1. The generated evaluator, bundled without tsx's wrappers.
say("building the IMRT evaluator with pol build");
execFileSync(process.execPath, [join(REPO, "packages/compiler/bin/pol.js"), "build", join(REPO, "policies"), "--out", join(OUT, "generated")], { stdio: ["ignore", "ignore", "inherit"] });
const evaluator = join(OUT, "imrt.mjs");
await build({ entryPoints: [join(OUT, "generated/imrt.ts")], bundle: true, format: "esm", platform: "neutral", outfile: evaluator, logLevel: "warning" });

// 2. The parts.
const parts = ["deciding", "batch", "batch-floor", "front-end"];
await build({
  entryPoints: parts.map((p) => join(BENCH, "parts", `${p}.ts`)),
  bundle: true,
  format: "esm",
  platform: "node",
  outdir: OUT,
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
  // TypeScript reads its own __filename: load it from node_modules (bench/out resolves the repository's).
  external: ["typescript"],
  // cql-execution and json-rules-engine are CommonJS with require() of Node modules.
  banner: { js: "import { createRequire as __polRequire } from 'node:module'; const require = __polRequire(import.meta.url);" },
});

function part(name: string, args: string[]): Figure[] {
  say(`running ${name}`);
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", join(OUT, `${name}.mjs`), ...args], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    say(`${name} failed (exit ${r.status})`);
    process.exit(1);
  }
  const last = r.stdout.trim().split("\n").pop() ?? "{}";
  return (JSON.parse(last) as { figures: Figure[] }).figures;
}

const scratch = mkdtempSync(join(tmpdir(), "pol-bench-"));
const figures: Figure[] = [];
try {
  figures.push(...part("deciding", ["--evaluator", evaluator, "--cases", scale(1_000_000), "--sample", scale(100_000), "--slow-sample", scale(20_000)]));
  figures.push(...part("batch", ["--floor", join(OUT, "batch-floor.mjs"), "--jsonl", join(scratch, "cases.jsonl"), "--cases", scale(1_000_000)]));
  const corpus = join(scratch, "corpus");
  mkdirSync(corpus);
  figures.push(...part("front-end", ["--dir", corpus, "--lines", "50000"]));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// 3. Other people's benchmarks, run as they are.
figures.push(...external("editor", ["editor.ts", "--bundled"], 300));
if (existsSync(join(BENCH, "diff.ts"))) figures.push(...external("diff", ["diff.ts"], 180));

/**
 * Run another benchmark as it is (under tsx, from bench/) and read its figures
 * from what it prints; one that runs past `seconds` is stopped, keeping the
 * figures it printed, so the whole run stays within about ten minutes.
 */
function external(name: string, args: string[], seconds: number): Figure[] {
  say(`running bench/${args[0]}`);
  const r = spawnSync(process.execPath, [join(REPO, "node_modules/tsx/dist/cli.mjs"), ...args], {
    cwd: BENCH, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24, timeout: seconds * 1000,
  });
  const stopped = r.signal !== null || (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  if (stopped) say(`bench/${args[0]} stopped after ${seconds} s; keeping the figures it printed`);
  else if (r.status !== 0) {
    say(`bench/${args[0]} failed (exit ${r.status}); its figures are left out`);
    return [];
  }
  const out = [...latencyLines(name, r.stdout), ...tableRows(name, r.stdout)];
  if (out.length === 0) say(`bench/${args[0]} printed no figures this runner reads`);
  return out;
}

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "").toLowerCase();
}

/** Lines such as `hover   median 0.12 ms   p95 0.30 ms  (aim 5 ms: met)` (bench/editor.ts): p95, the median in the note. */
function latencyLines(name: string, stdout: string): Figure[] {
  const out: Figure[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^\s*(.+?)\s+median\s+([\d.]+)\s*ms\s+p95\s+([\d.]+)\s*ms(?:\s+\(aim ([\d.]+) ms: (met|missed[^)]*)\))?/.exec(line);
    if (!m) continue;
    const aim = m[4] === undefined ? undefined : Number(m[4]);
    out.push({
      name: `${name}.${slug(m[1]!)}`,
      value: Number(m[3]),
      unit: "ms p95",
      ratio: aim === undefined ? null : Number(m[3]) / aim,
      ...(aim === undefined ? {} : { against: "aim", aim: `p95 ≤ ${aim} ms`, met: m[5] === "met" }),
      note: `${m[1]!.trim()}; median ${m[2]} ms`,
    });
  }
  return out;
}

/**
 * Tables such as bench/diff.ts prints: a title line, a header line with a
 * `time ms` column (and maybe `ratio`), then rows. Each row's time is a figure
 * named after the table's title (up to its first parenthesis) and the row.
 */
function tableRows(name: string, stdout: string): Figure[] {
  const out: Figure[] = [];
  const lines = stdout.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const header = lines[i]!.trim().split(/\s{2,}/);
    const time = header.indexOf("time ms");
    if (time < 0) continue;
    const title = slug(lines[i - 1]!.split("(")[0]!).slice(0, 40);
    const ratio = header.indexOf("ratio");
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== ""; j++) {
      const cells = lines[j]!.trim().split(/\s{2,}/);
      if (cells.length !== header.length) break;
      out.push({
        name: `${name}.${title}.${slug(cells[0]!)}`,
        value: Number(cells[time]),
        unit: "ms",
        ratio: ratio < 0 ? null : Number.parseFloat(cells[ratio]!),
        against: ratio < 0 ? undefined : "first row",
        note: header.map((h, k) => (k === 0 || k === time || k === ratio ? "" : `${h} ${cells[k]}`)).filter(Boolean).join(", "),
      });
    }
  }
  return out;
}

// The table.
const rows = figures.map((f) => [
  f.name,
  f.value >= 100 ? Math.round(f.value).toLocaleString("en-US") : f.value.toPrecision(3),
  f.unit,
  f.ratio === null ? "" : `${f.ratio >= 100 ? Math.round(f.ratio) : f.ratio.toPrecision(3)}× ${f.against ?? ""}`.trim(),
  f.aim === undefined ? "" : `${f.aim}: ${f.met ? "met" : "MISSED"}`,
  f.note ?? "",
]);
const header = ["figure", "value", "unit", "ratio", "aim", "note"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
console.log(`\nPol benchmarks: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${load}${quick ? " (--quick: a tenth of the cases)" : ""}\n`);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log(`\n${figures.length} figures in ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/results.json`);

const results: Record<string, { value: number; unit: string; ratio: number | null }> = {};
for (const f of figures) results[f.name] = { value: f.value, unit: f.unit, ratio: f.ratio };
writeFileSync(join(BENCH, "results.json"), JSON.stringify(results, null, 2) + "\n");
