/**
 * What every `pol eval --batch` run does per line, in the main thread or in a
 * worker: parse it, decide it, write one JSON line. A worker imports only this
 * file and the policy's compiled module, so it starts in a few milliseconds
 * (no front end, no compiler).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Decision, EvaluateOptions, InputErrors } from "../runtime/types.js";

/** A policy's evaluator: the compiled module's `evaluate`, or the reference evaluator bound to the model. */
export type Evaluate = (input: unknown, options?: EvaluateOptions) => Decision | InputErrors;

/** The output line for one input line (not blank), exactly as every batch run writes it. */
export function batchLine(evaluate: Evaluate, line: string, lineNo: number, trace: boolean): { out: string; ok: boolean } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    return { out: JSON.stringify({ line: lineNo, errors: [{ path: "$", message: `line ${lineNo} is not valid JSON: ${(e as Error).message}` }] }), ok: false };
  }
  const result = evaluate(input, { trace });
  return "errors" in result ? { out: JSON.stringify({ line: lineNo, errors: result.errors }), ok: false } : { out: decisionJson(result), ok: true };
}

/** JSON of the strings a policy repeats in every decision (its name, rule labels, requirement texts), made once. */
const stringJson = new Map<string, string>();
const MAX_STRINGS = 10_000;

function jsonString(s: string): string {
  let json = stringJson.get(s);
  if (json === undefined) {
    json = JSON.stringify(s);
    if (stringJson.size < MAX_STRINGS) stringJson.set(s, json);
  }
  return json;
}

/**
 * `JSON.stringify(decision)`, byte for byte, for a decision as the runtime
 * builds it (keys in the order of §9). A decision repeats the policy's own
 * texts: the documentation checklist is most of its bytes, and
 * JSON.stringify would scan every text for characters to escape on every line.
 */
export function decisionJson(d: Decision): string {
  let s = `{"policy":${jsonString(d.policy)},"version":${d.version === null ? "null" : jsonString(d.version)},"outcome":"${d.outcome}","rule":${d.rule === null ? "null" : jsonString(d.rule)}`;
  if (d.possible !== undefined) s += `,"possible":${JSON.stringify(d.possible)}`;
  if (d.missing !== undefined) s += `,"missing":${JSON.stringify(d.missing)}`;
  s += ',"documentation":[';
  const items = d.documentation;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    s += `${i === 0 ? "" : ","}{"id":${jsonString(x.id)},"kind":"${x.kind}","text":${jsonString(x.text)},"status":"${x.status}","provided":${x.provided}}`;
  }
  s += "]";
  if (d.trace !== undefined) s += `,"trace":${JSON.stringify(d.trace)}`;
  return s + "}";
}

/** Lines sent to a worker: `lines[0]` is line `first` of the file (1-based). */
export interface Chunk {
  seq: number;
  first: number;
  lines: string[];
}

export interface ChunkResult {
  seq: number;
  text: string;
  decided: number;
  bad: number;
}

/** The worker's side: load the compiled policy module, then decide each chunk it is sent. */
export async function serveBatchWorker(): Promise<void> {
  const { modulePath, trace } = workerData as { modulePath: string; trace: boolean };
  const { evaluate } = (await import(modulePath)) as { evaluate: Evaluate };
  parentPort!.on("message", (chunk: Chunk) => {
    const out: string[] = [];
    let decided = 0;
    let bad = 0;
    chunk.lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const r = batchLine(evaluate, line, chunk.first + i, trace);
      out.push(r.out, "\n");
      if (r.ok) decided++;
      else bad++;
    });
    const result: ChunkResult = { seq: chunk.seq, text: out.join(""), decided, bad };
    parentPort!.postMessage(result);
  });
}
