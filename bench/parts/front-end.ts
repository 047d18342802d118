/**
 * Part 3, the front end: parse + check of a generated 50,000-line policy
 * against TypeScript's own parser (`ts.createSourceFile`) on TypeScript source
 * of the same byte size: the repository's own .ts files in path order, then
 * the pinned typescript.d.ts if they fall short, cut at a line end.
 *
 *   node front-end.mjs --dir DIR [--lines 50000]
 *
 * Each measurement runs in its own process (this file again, with
 * `--measure`), started with --expose-gc, so heaps do not mix: best of five
 * runs for the time; for memory, the heap the result keeps after a full GC
 * and the growth of the process's peak resident set.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { checkText, parse } from "../../packages/dsl/src/index.js";
import { argument, fmt, log, report, type Figure } from "../lib/measure.js";
import { CORPUS_LIBRARY, corpusPolicy } from "../lib/policy-corpus.js";

const MB = 1024 * 1024;
const REPO = join(fileURLToPath(import.meta.url), "../../..");

interface Measured {
  bytes: number;
  ms: number;
  retainedMB: number;
  peakRssMB: number;
  errors: number;
}

const measure = process.argv.indexOf("--measure");
if (measure >= 0) measureOne(process.argv[measure + 1]!, argument("dir"));
else run();

function measureOne(what: string, dir: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("bench: run with --expose-gc");
  const policyPath = join(dir, "policy.pol");
  const text = readFileSync(what === "ts" ? join(dir, "source.ts") : policyPath, "utf8");
  const host = { readFile: (p: string) => (p === join(dir, "general.pol") ? CORPUS_LIBRARY : undefined) };
  const work = (): { errors: number; keep: unknown } => {
    if (what === "ts") {
      const sf = ts.createSourceFile("source.ts", text, ts.ScriptTarget.Latest, false);
      return { errors: (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length, keep: sf };
    }
    if (what === "pol-parse") {
      const p = parse(text, policyPath);
      return { errors: p.diagnostics.length, keep: p };
    }
    const r = checkText(text, policyPath, host);
    return { errors: r.diagnostics.filter((d) => d.severity === "error").length, keep: r };
  };
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  let best = Infinity;
  let last: { errors: number; keep: unknown } | undefined;
  for (let i = 0; i < 5; i++) {
    last = undefined;
    gc();
    const t0 = process.hrtime.bigint();
    last = work();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  gc();
  const out: Measured = {
    bytes: Buffer.byteLength(text),
    ms: best,
    retainedMB: (process.memoryUsage().heapUsed - heapBefore) / MB,
    peakRssMB: (process.resourceUsage().maxRSS * 1024 - rssBefore) / MB,
    errors: last!.errors,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

/** The repository's TypeScript, in path order, then typescript.d.ts, cut at a line end at `bytes`. */
function typescriptSource(bytes: number): string {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) files.push(p);
    }
  };
  walk(join(REPO, "packages"));
  files.push(join(REPO, "node_modules/typescript/lib/typescript.d.ts"));
  let text = "";
  for (const f of files) {
    if (Buffer.byteLength(text) >= bytes) break;
    text += `// ${relative(REPO, f)}\n${readFileSync(f, "utf8")}\n`;
  }
  const buf = Buffer.from(text).subarray(0, bytes);
  const cut = buf.lastIndexOf(10);
  return buf.subarray(0, cut + 1).toString("utf8");
}

function run(): void {
  const dir = argument("dir");
  const lines = Number(argument("lines", "50000"));
  const policy = corpusPolicy(lines);
  writeFileSync(join(dir, "general.pol"), CORPUS_LIBRARY);
  writeFileSync(join(dir, "policy.pol"), policy);
  writeFileSync(join(dir, "source.ts"), typescriptSource(Buffer.byteLength(policy)));
  log(`front end: ${fmt(policy.split("\n").length)} lines of Pol, ${fmt(Buffer.byteLength(policy) / MB, 2)} MB`);
  const child = (what: string): Measured => {
    const out = execFileSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--measure", what, "--dir", dir], { encoding: "utf8", maxBuffer: 1 << 20 });
    const m = JSON.parse(out.trim().split("\n").pop()!) as Measured;
    log(`front end: ${what} ${fmt(m.ms, 1)} ms, ${fmt(m.bytes / MB / (m.ms / 1000), 2)} MB/s, keeps ${fmt(m.retainedMB, 1)} MB of heap, peak RSS +${fmt(m.peakRssMB, 1)} MB (${m.errors} errors)`);
    return m;
  };
  const check = child("pol-check");
  if (check.errors > 0) throw new Error(`bench: the generated policy has ${check.errors} errors`);
  const polParse = child("pol-parse");
  const tsParse = child("ts");
  const speed = (m: Measured) => m.bytes / MB / (m.ms / 1000);
  const figures: Figure[] = [
    {
      name: "front.pol_parse_check", value: speed(check), unit: "MB/s", ratio: speed(check) / speed(tsParse), against: "TypeScript parser",
      aim: "≥ 1/3 of TypeScript's parser", met: speed(check) / speed(tsParse) >= 1 / 3, note: `${fmt(lines)} lines, ${fmt(check.bytes / MB, 2)} MB`,
    },
    { name: "front.pol_parse", value: speed(polParse), unit: "MB/s", ratio: speed(polParse) / speed(tsParse), against: "TypeScript parser", note: "parse only" },
    { name: "front.ts_parse", value: speed(tsParse), unit: "MB/s", ratio: 1, against: "TypeScript parser", note: `ts.createSourceFile, ${fmt(tsParse.bytes / MB, 2)} MB` },
    { name: "front.pol_parse_check_heap", value: check.retainedMB, unit: "MB kept", ratio: check.retainedMB / tsParse.retainedMB, against: "TypeScript tree" },
    { name: "front.pol_parse_check_peak_rss", value: check.peakRssMB, unit: "MB peak RSS growth", ratio: check.peakRssMB / tsParse.peakRssMB, against: "TypeScript parse" },
    { name: "front.ts_parse_heap", value: tsParse.retainedMB, unit: "MB kept", ratio: 1, against: "TypeScript tree" },
    { name: "front.ts_parse_peak_rss", value: tsParse.peakRssMB, unit: "MB peak RSS growth", ratio: 1, against: "TypeScript parse" },
  ];
  report(figures);
}
