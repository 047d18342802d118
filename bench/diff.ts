/**
 * `pol diff` timings: the IMRT policy against revisions of itself, and how
 * the behavioural analysis grows with the number of facts and of thresholds
 * on generated policies (ARCHITECTURE.md "pol diff").
 *
 *   npx tsx bench/diff.ts
 *
 * Each figure is the median of a few runs of `diff(old, new)` in one process
 * (models checked once, outside the timing). `nodes` is the search's work
 * (nodes explored; shared sub-searches count once); `regions` the regions of
 * the input space they stand for.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkText, hasErrors, type PolicyModel } from "../packages/dsl/src/index.js";
import { diff } from "../packages/compiler/src/diff/index.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const IMRT = resolve(ROOT, "policies/imrt.pol");
const RUNS = 3;

function model(text: string, file: string): PolicyModel {
  const { model, diagnostics } = checkText(text, file);
  if (!model || hasErrors(diagnostics)) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join("; ")}`);
  return model;
}

interface Row {
  name: string;
  ms: number;
  nodes: number;
  regions: number;
  changes: number;
  exhaustive: boolean;
}

function measure(name: string, a: PolicyModel, b: PolicyModel): Row {
  const times: number[] = [];
  let d = diff(a, b);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    d = diff(a, b);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const s = d.summary;
  return { name, ms: times[Math.floor(RUNS / 2)], nodes: s.nodes, regions: s.regions, changes: s.outcomeChanges + s.documentationChanges, exhaustive: s.exhaustive };
}

function table(title: string, rows: Row[], ratioTo?: Row): void {
  console.log(`\n${title}`);
  const head = ["revision", "time ms", "ratio", "nodes", "regions", "changes", "exhaustive"];
  const body = rows.map((r) => [
    r.name,
    r.ms.toFixed(0),
    ratioTo ? `${(r.ms / ratioTo.ms).toFixed(2)}×` : "",
    String(r.nodes),
    String(r.regions),
    String(r.changes),
    r.exhaustive ? "yes" : "no",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(head));
  for (const b of body) console.log(line(b));
}

// ─────────────────────────── IMRT revisions ───────────────────────────

const imrtText = readFileSync(IMRT, "utf8");
const imrt = model(imrtText, IMRT);
const revisions: [string, (t: string) => string][] = [
  ["itself", (t) => t],
  ["threshold 2 → 3 years", (t) => t.replace("disease_free_interval >= 2 years", "disease_free_interval >= 3 years")],
  ["code added to a codeset", (t) => t.replace("ICD10 C45.0, C45.2", "ICD10 C45.0, C45.2, C49.3")],
  ["review condition → covered", (t) => t.replace(`review "III. Primary`, `covered "III. Primary`)],
  ["requirement added", (t) => t.replace(`  require target_volume`, `  require plan "Plan" when dose_escalation_required\n  require target_volume`)],
];
const imrtRows = revisions.map(([name, change]) => measure(name, imrt, model(change(imrtText), IMRT)));
table(`IMRT (${imrt.facts.size} facts, ${imrt.rules.length} rules, ${imrt.requirements.length} requirements) against a revision`, imrtRows, imrtRows[0]);

// ─────────────────────────── growth ───────────────────────────

/**
 * A policy in IMRT's shape with `n` facts: general criteria, then indications
 * that each need a criterion fact and a number over its own threshold, and a
 * review condition per criterion.
 */
function byFacts(n: number, shift = 0): string {
  const k = Math.max(1, Math.floor((n - 2) / 2));
  const lines = ['policy gen "Generated" {', '  id "GEN"', "  effective 2025-01-01", '  fact ordered: bool "Ordered"', '  fact necessary: bool "Necessary"'];
  for (let i = 0; i < k; i++) lines.push(`  fact criterion_${i}: bool "Criterion ${i}"`, `  fact measure_${i}: number years "Measure ${i}"`);
  lines.push('  define general "General" = all(ordered, necessary)');
  for (let i = 0; i < k; i++) lines.push(`  covered "indication ${i}" if all(general, criterion_${i}, measure_${i} >= ${2 + (i === 0 ? shift : 0)} years)`);
  for (let i = 0; i < k; i++) lines.push(`  review "condition ${i}" if all(general, criterion_${i})`);
  lines.push("  otherwise not covered", "}");
  return lines.join("\n");
}

/**
 * Four number facts and `n` thresholds among them: rule i needs one fact at or
 * over a threshold and the next under another, so the rules overlap and the
 * bands of each fact combine with the others'.
 */
function byThresholds(n: number, shift = 0): string {
  const lines = ['policy gen "Generated" {', '  id "GEN"', "  effective 2025-01-01", '  fact ordered: bool "Ordered"'];
  for (let f = 0; f < 4; f++) lines.push(`  fact score_${f}: number "Score ${f}"`);
  for (let i = 0; i < n / 2; i++) {
    const low = 10 * (i + 1) + (i === 0 ? shift : 0);
    lines.push(`  covered "band ${i}" if ordered and score_${i % 4} >= ${low} and score_${(i + 1) % 4} < ${low + 5}`);
  }
  lines.push("  otherwise not covered", "}");
  return lines.join("\n");
}

const file = resolve(ROOT, "bench/out/generated.pol");
const growth = (label: string, make: (n: number, shift?: number) => string) => {
  const rows = [10, 20, 40].map((n) => measure(`${n} ${label}`, model(make(n), file), model(make(n, 1), file)));
  table(`Growth with the number of ${label} (one threshold moved)`, rows, rows[0]);
};
growth("facts", byFacts);
growth("thresholds", byThresholds);
