/**
 * Editor latency on a generated 5,000-line policy: the time from an edit to
 * its diagnostics, and of hover and completion, median and p95.
 *
 *   npx tsx bench/editor.ts [lines] [--bundled]
 *
 * `--bundled` measures an esbuild bundle of this file, as the shipped server
 * is built: tsx keeps function names by wrapping every closure it creates,
 * which the parser's rule closures pay for on every call.
 *
 * Aims: diagnostics under 50 ms p95, hover and completion under 5 ms. The
 * edit → diagnostics time is what the server spends after its debounce: a
 * full parse and check of the policy (and its library) and the conversion to
 * LSP diagnostics. Hover and completion are measured on a checked document,
 * as an editor asks for them between edits; "first hover" includes building
 * the document's name index, which happens once per edit.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { completion } from "../packages/lsp/src/features/completion.js";
import { documentDiagnostics } from "../packages/lsp/src/features/diagnostics.js";
import { hover } from "../packages/lsp/src/features/hover.js";
import { Workspace, type FileSystem } from "../packages/lsp/src/workspace.js";
import { pathToUri } from "../packages/lsp/src/positions.js";

if (process.argv.includes("--bundled")) {
  const { build } = await import("esbuild");
  const outfile = join(mkdtempSync(join(tmpdir(), "pol-bench-")), "editor.mjs");
  await build({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: "node", format: "esm", outfile, logLevel: "warning" });
  execFileSync(process.execPath, [outfile, ...process.argv.slice(2).filter((a) => a !== "--bundled")], { stdio: "inherit" });
  process.exit(0);
}

/** An LSP position (0-based line and UTF-16 character). */
type Position = { line: number; character: number };

const LIBRARY = `library general "General coverage indications" {
  fact ordered_by_provider: bool "Ordered by a provider"
  fact medically_necessary: bool "Medically necessary"
  define general_criteria "General criteria" = all(ordered_by_provider, medically_necessary)
}
`;

/** A policy of about `lines` lines with every kind of declaration, each group referring to the one before. */
export function generatePolicy(lines: number): string {
  const out = ['import "general.pol"', "", 'policy big "A large generated policy" {', '  id "BENCH-1"', "  effective 2025-10-01", ""];
  out.push('  enum Intent "Treatment intent" {', '    curative "Curative"', '    palliative "Palliative"', "  }", "");
  let i = 0;
  while (out.length < lines - 30) {
    out.push(
      `  /// How long, for group ${i}.`,
      `  fact interval_${i}: number years "Interval ${i}"`,
      `  fact intent_${i}: Intent "Intent ${i}"`,
      `  fact diagnoses_${i}: set of ICD10 "Diagnoses ${i}"`,
      `  codeset sites_${i} "Sites ${i}" {`,
      `    ICD10 C${10 + (i % 80)}, D${10 + (i % 80)}.${i % 10}`,
      "  }",
      `  define eligible_${i} "Eligible ${i}" =`,
      `    intent_${i} is curative and (interval_${i} >= 2 years or diagnoses_${i} has any sites_${i})`,
      `  covered "Group ${i}" if all(general_criteria, eligible_${i}${i > 0 ? `, eligible_${i - 1}` : ""})`,
      "",
    );
    i++;
  }
  out.push("  otherwise not covered", "", '  test "first group" {', "    given {", "      ordered_by_provider: true", "      medically_necessary: true");
  out.push("      intent_0: curative", "      interval_0: 3 years", "      diagnoses_0: [ICD10 C10]", "    }", "    expect covered", "  }", "}");
  return out.join("\n") + "\n";
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const lines = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5000);
const text = generatePolicy(lines);
const policyPath = "/bench/policy.pol";
const files: Record<string, string> = { "/bench/general.pol": LIBRARY, [policyPath]: text };
const fs: FileSystem = { readFile: (p) => files[p], listPolFiles: () => Object.keys(files) };
const workspace = new Workspace(fs, (m) => console.error(m));
const uri = pathToUri(policyPath);

// An edit in the middle of the policy: the digit of a comparison, changed each time.
const editAt = text.indexOf(">= 2 years", Math.floor(text.length / 2));
const edited = (k: number): string => text.slice(0, editAt + 3) + String(2 + (k % 7)) + text.slice(editAt + 4);

const positionOf = (needle: string, from = 0, delta = 0): Position => {
  const offset = text.indexOf(needle, from) + delta;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
};

workspace.setText(uri, text, 0);
let diagnosticsCount = documentDiagnostics(workspace.get(uri)!).length;

// Warm up the JIT the way a session would.
for (let k = 0; k < 10; k++) {
  workspace.setText(uri, edited(k), k + 1);
  documentDiagnostics(workspace.get(uri)!);
}

const diagnostics: number[] = [];
const firstHover: number[] = [];
let version = 100;
for (let k = 0; k < 40; k++) {
  const changed = edited(k);
  diagnostics.push(
    time(() => {
      workspace.setText(uri, changed, ++version);
      diagnosticsCount = documentDiagnostics(workspace.get(uri)!).length;
    }),
  );
  firstHover.push(time(() => hover(workspace.get(uri)!, positionOf("interval_", editAt - 200))));
}
workspace.setText(uri, text, ++version);

const middle = Math.floor(text.length / 2);
const hoverTargets = [
  positionOf("intent_", middle, 0),
  positionOf("eligible_", middle + 500, 0),
  positionOf("sites_", middle + 1000, 2),
  positionOf("general_criteria", middle, 3),
  positionOf("curative", middle, 1),
];
const completionTargets: [string, Position][] = [
  ["after `is`", positionOf("is curative", middle, 3)], // the members of Intent
  ["in a condition", positionOf("all(general_criteria", middle, 4)], // every fact and define
  ["after `has any`", positionOf("has any sites_", middle, 8)], // codesets
  ["after a number", positionOf(">= 2 years", middle, 5)], // units
];
const hovers: number[] = [];
const completions: number[] = [];
const byContext = new Map<string, { samples: number[]; items: number }>();
for (let k = 0; k < 400; k++) {
  const a = workspace.get(uri)!;
  hovers.push(time(() => void hover(a, hoverTargets[k % hoverTargets.length])));
  const [context, at] = completionTargets[k % completionTargets.length];
  let items = 0;
  const t = time(() => void (items = completion(a, at).length));
  completions.push(t);
  const entry = byContext.get(context) ?? { samples: [], items };
  entry.samples.push(t);
  byContext.set(context, entry);
}

const fmt = (name: string, samples: number[], aim?: number): string => {
  const { median, p95 } = stats(samples);
  const verdict = aim === undefined ? "" : p95 <= aim ? `  (aim ${aim} ms: met)` : `  (aim ${aim} ms: missed by ${(p95 / aim).toFixed(1)}x)`;
  return `${name.padEnd(24)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms${verdict}`;
};

console.log(`policy: ${text.split("\n").length} lines, ${text.length} characters; ${diagnosticsCount} diagnostics`);
console.log(fmt("edit → diagnostics", diagnostics, 50));
console.log(fmt("first hover after edit", firstHover));
console.log(fmt("hover", hovers, 5));
console.log(fmt("completion", completions, 5));
for (const [context, { samples, items }] of byContext) console.log(fmt(`  ${context} (${items} items)`, samples));
