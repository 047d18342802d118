/**
 * `pol eval --batch FILE --jobs N`: the batch spread over N worker threads.
 *
 * The main thread reads lines and cuts them into chunks of CHUNK_LINES, sends
 * the chunks to the workers in turn, and writes each chunk's output once every
 * earlier chunk's is written, so the output is in input order and the same
 * bytes as with one job. Memory stays bounded: at most IN_FLIGHT_PER_JOB
 * chunks per worker are out (read but not written; a slow worker holds back
 * the reading, not the whole file), and reading waits while stdout is full.
 *
 * Workers do not inherit the TypeScript loader the CLI runs under, so each
 * starts from batch-worker.mjs, which registers tsx and calls serveBatchWorker.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { checkFile, type PolicyModel } from "@pol/dsl";
import { evaluate } from "../evaluate.js";
import { EXIT, processIO, type CommandIO } from "./io.js";

const CHUNK_LINES = 1000;
const IN_FLIGHT_PER_JOB = 4;

/** The output line for one input line (not blank), exactly as every batch run writes it. */
export function batchLine(model: PolicyModel, line: string, lineNo: number, trace: boolean): { out: string; ok: boolean } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    return { out: JSON.stringify({ line: lineNo, errors: [{ path: "$", message: `line ${lineNo} is not valid JSON: ${(e as Error).message}` }] }), ok: false };
  }
  const result = evaluate(model, input, { trace });
  return "errors" in result ? { out: JSON.stringify({ line: lineNo, errors: result.errors }), ok: false } : { out: JSON.stringify(result), ok: true };
}

interface Chunk {
  seq: number;
  /** Line number of lines[0] (1-based). */
  first: number;
  lines: string[];
}

interface ChunkResult {
  seq: number;
  text: string;
  decided: number;
  bad: number;
}

/** Decide the batch in `jobs` worker threads; same output, progress and exit status as one job. */
export async function runBatchInWorkers(
  policyPath: string,
  file: string,
  trace: boolean,
  jobs: number,
  io: CommandIO,
  options: { chunkLines?: number } = {},
): Promise<number> {
  const chunkLines = options.chunkLines ?? CHUNK_LINES;
  const workers = Array.from({ length: jobs }, () => new Worker(new URL("./batch-worker.mjs", import.meta.url), { workerData: { policyPath, trace } }));
  const pending = new Map<number, ChunkResult>();
  let nextToWrite = 0;
  let sent = 0;
  let decided = 0;
  let bad = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  let lastProgress = 0;
  const progress = (final: boolean) => {
    const now = Date.now();
    if (!io.isTTY || (!final && now - lastProgress < 200)) return;
    lastProgress = now;
    io.stderr(`\r${decided + bad} cases: ${decided} decided, ${bad} with errors${final ? "\n" : ""}`);
  };

  for (const w of workers) {
    w.on("message", (r: ChunkResult) => {
      pending.set(r.seq, r);
      // Write every chunk whose turn has come: the reorder buffer holds at most the chunks in flight.
      for (let next = pending.get(nextToWrite); next; next = pending.get(nextToWrite)) {
        pending.delete(nextToWrite++);
        if (next.text) io.stdout(next.text);
        decided += next.decided;
        bad += next.bad;
      }
      progress(false);
      notify();
    });
    w.on("error", (e) => {
      failure ??= e;
      notify();
    });
  }
  /** Wait until a chunk is written (or a worker failed). */
  const settle = () => new Promise<void>((resolve) => (wake = resolve));
  const send = async (chunk: Chunk) => {
    while (!failure && sent - nextToWrite >= jobs * IN_FLIGHT_PER_JOB) await settle();
    await drained(io);
    workers[chunk.seq % jobs]!.postMessage(chunk);
    sent++;
  };

  let readError: Error | undefined;
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
    let chunk: Chunk = { seq: 0, first: 1, lines: [] };
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      chunk.lines.push(line);
      if (chunk.lines.length === chunkLines) {
        await send(chunk);
        chunk = { seq: chunk.seq + 1, first: lineNo + 1, lines: [] };
      }
      if (failure) break;
    }
    if (chunk.lines.length > 0 && !failure) await send(chunk);
    while (!failure && nextToWrite < sent) await settle();
  } catch (e) {
    readError = e as Error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (readError) {
    io.stderr(`pol: cannot read ${file}: ${readError.message}\n`);
    return EXIT.usage;
  }
  if (failure) throw failure;
  progress(true);
  return bad > 0 ? EXIT.usage : EXIT.ok;
}

/** Wait while the process's stdout is full, so a slow reader cannot make memory grow. */
async function drained(io: CommandIO): Promise<void> {
  if (io !== processIO || !process.stdout.writableNeedDrain) return;
  await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

/** A worker's side: check the policy once, then decide each chunk it is sent. */
export function serveBatchWorker(): void {
  const { policyPath, trace } = workerData as { policyPath: string; trace: boolean };
  const { model } = checkFile(policyPath);
  if (!model || model.kind !== "policy") throw new Error(`pol: ${policyPath} did not check in a batch worker`);
  parentPort!.on("message", (chunk: Chunk) => {
    const out: string[] = [];
    let decided = 0;
    let bad = 0;
    chunk.lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const r = batchLine(model, line, chunk.first + i, trace);
      out.push(r.out, "\n");
      if (r.ok) decided++;
      else bad++;
    });
    const result: ChunkResult = { seq: chunk.seq, text: out.join(""), decided, bad };
    parentPort!.postMessage(result);
  });
}
