/**
 * `pol eval <policy.pol> <case.json>` and `pol eval <policy.pol> --batch
 * <cases.jsonl>` (LANGUAGE.md §9, §10): decide one case with the reference
 * evaluator, or a batch with the policy compiled (batch-workers.ts), in
 * worker threads with --jobs.
 */
import { accessSync, constants, readFileSync, statSync } from "node:fs";
import type { PolicyModel } from "@pol/dsl";
import { evaluate } from "../evaluate.js";
import { explainDecision } from "../explain.js";
import { parseArgs } from "./args.js";
import { runBatchHere, runBatchInWorkers, withBatchEvaluator } from "./batch-workers.js";
import { EXIT, usageError, type CommandIO } from "./io.js";
import { loadModel } from "./load.js";

export const EVAL_USAGE = `Usage: pol eval <policy.pol> <case.json> [--explain] [--no-trace]
       pol eval <policy.pol> --batch <cases.jsonl> [--trace] [--jobs N]

Decides a case (LANGUAGE.md §9) and prints the decision as JSON, with the
trace of the criteria that decided it.

  --explain        print the decision as a readable tree instead of JSON
  --no-trace       leave the trace out of the JSON
  --batch FILE     one case per line (JSON Lines; blank lines are skipped):
                   one decision per line on stdout, in order, streaming;
                   a line that is not a valid case gives
                   { "line": N, "errors": [...] }. Progress goes to stderr
                   when it is a terminal.
  --trace          with --batch: include the trace in each decision
  --jobs N         with --batch: decide in N worker threads (default 1);
                   the output is the same, in the same order

Exit status: 0 decided; 1 the policy has errors; 2 bad usage, an unreadable
file, or a case with input errors (printed as { "errors": [...] } on stdout).
`;

export async function runEval(args: string[], io: CommandIO): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(EVAL_USAGE);
    return EXIT.ok;
  }
  const parsed = parseArgs(args, ["--explain", "--no-trace", "--trace"], ["--batch", "--jobs"]);
  if ("error" in parsed) return usageError(io, parsed.error, EVAL_USAGE);
  const batch = parsed.options.get("--batch");
  const [policyPath, casePath, ...extra] = parsed.positionals;
  if (!policyPath) return usageError(io, "name the policy file", EVAL_USAGE);
  if (batch !== undefined && casePath !== undefined) return usageError(io, "give either a case file or --batch, not both", EVAL_USAGE);
  if (batch === undefined && casePath === undefined) return usageError(io, "name the case file (or --batch cases.jsonl)", EVAL_USAGE);
  if (extra.length > 0) return usageError(io, `unexpected argument ${extra[0]}`, EVAL_USAGE);
  if (batch !== undefined && parsed.flags.has("--explain")) return usageError(io, "--explain works on one case, not with --batch", EVAL_USAGE);
  const jobs = Number(parsed.options.get("--jobs") ?? 1);
  if (!Number.isInteger(jobs) || jobs < 1) return usageError(io, "--jobs takes a whole number of worker threads, 1 or more", EVAL_USAGE);
  if (jobs > 1 && batch === undefined) return usageError(io, "--jobs works with --batch", EVAL_USAGE);

  if (!isReadable(policyPath)) return usageError(io, `cannot read ${policyPath}`, EVAL_USAGE);
  const loaded = loadModel(policyPath, io);
  if ("failed" in loaded) return EXIT.failed;
  const model = loaded.model;
  if (model.kind !== "policy") {
    io.stderr(`pol: ${policyPath} holds library ${model.name}; only a policy decides cases\n`);
    return EXIT.usage;
  }
  if (batch !== undefined) {
    if (!isReadable(batch)) {
      io.stderr(`pol: cannot read ${batch}\n`);
      return EXIT.usage;
    }
    const trace = parsed.flags.has("--trace");
    if (jobs > 1) return runBatchInWorkers(model, batch, trace, jobs, io);
    return withBatchEvaluator(model, (evaluate) => runBatchHere(evaluate, batch, trace, io));
  }
  return evalOne(model, casePath!, parsed.flags, io);
}

function evalOne(model: PolicyModel, casePath: string, flags: Set<string>, io: CommandIO): number {
  let text: string;
  try {
    text = readFileSync(casePath, "utf8");
  } catch (e) {
    io.stderr(`pol: cannot read ${casePath}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    io.stderr(`pol: ${casePath}${jsonErrorPlace(text, e as Error)}: not valid JSON: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const explain = flags.has("--explain");
  const result = evaluate(model, input, { trace: explain || !flags.has("--no-trace") });
  if ("errors" in result) {
    io.stdout(JSON.stringify(result, null, 2) + "\n");
    return EXIT.usage;
  }
  io.stdout(explain ? explainDecision(result, { title: model.title }) : JSON.stringify(result, null, 2) + "\n");
  return EXIT.ok;
}

/** A readable file (checked without reading it: batch files may be huge). */
function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `:line:col` of a JSON syntax error when the engine reports a position. */
function jsonErrorPlace(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const lines = before.split("\n");
  return `:${lines.length}:${lines[lines.length - 1].length + 1}`;
}
