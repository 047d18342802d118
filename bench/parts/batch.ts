/**
 * Part 2, batch throughput: `pol eval --batch` over a JSONL file of generated
 * IMRT cases, as a user runs it (the CLI in its own process, output to
 * /dev/null), against the floor of a bare Node loop that only parses and
 * re-serialises each line (batch-floor.ts), and with --jobs 1 and 2.
 *
 *   node batch.mjs --floor batch-floor.mjs --jsonl FILE [--cases 1000000]
 *
 * Times are wall-clock for the whole process, start-up included (about a
 * second for `pol`, which checks the policy first), divided by the lines.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { caseStream } from "../lib/imrt-cases.js";
import { argument, fmt, log, report, type Figure } from "../lib/measure.js";

const REPO = join(fileURLToPath(import.meta.url), "../../..");
const total = Number(argument("cases", "1000000"));
const file = argument("jsonl");

// The same cases as part 1, one JSON object a line.
log(`batch: writing ${fmt(total)} cases to ${file}`);
const out = createWriteStream(file);
let chunk: string[] = [];
for (const c of caseStream(total)) {
  chunk.push(JSON.stringify(c));
  if (chunk.length === 10_000) {
    if (!out.write(chunk.join("\n") + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    chunk = [];
  }
}
if (chunk.length > 0) out.write(chunk.join("\n") + "\n");
await new Promise<void>((resolve) => out.end(resolve));

/** Wall-clock nanoseconds per line of a command whose output goes to /dev/null. */
function perLine(label: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 24 });
  const ns = Number(process.hrtime.bigint() - t0) / total;
  if (r.status !== 0) throw new Error(`bench: ${label} exited ${r.status}: ${r.stderr.toString().slice(-2000)}`);
  log(`batch: ${label} ${fmt(ns)} ns/line (${fmt((ns * total) / 1e9, 1)} s)`);
  return ns;
}

const floor = perLine("parse/serialise floor", [argument("floor"), file]);
const pol = (jobs: number) => perLine(`pol eval --batch --jobs ${jobs}`, ["packages/compiler/bin/pol.js", "eval", "policies/imrt.pol", "--batch", file, "--jobs", String(jobs)]);
const one = pol(1);
const two = pol(2);
const figures: Figure[] = [
  { name: "batch.floor", value: floor, unit: "ns/line", ratio: 1, against: "floor", note: "readline + JSON.parse + JSON.stringify" },
  {
    name: "batch.pol_jobs_1", value: one, unit: "ns/line", ratio: one / floor, against: "floor",
    aim: "within 1.5× of the floor", met: one / floor <= 1.5, note: `${fmt(total)} lines, start-up included`,
  },
  {
    name: "batch.pol_jobs_2", value: two, unit: "ns/line", ratio: one / two, against: "speed-up over --jobs 1",
    aim: "scales with cores", met: one / two >= 1.5, note: `${availableParallelism()} cores`,
  },
];
report(figures);
