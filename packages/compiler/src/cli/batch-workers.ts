/**
 * `pol eval --batch`: the policy compiled for the batch, and `--jobs N`, the
 * batch spread over N worker threads.
 *
 * With workers, the main thread reads lines and cuts them into chunks of
 * CHUNK_LINES, sends the chunks to the workers in turn, and writes each
 * chunk's output once every earlier chunk's is written, so the output is in
 * input order and the same bytes as with one job. Memory stays bounded: at
 * most IN_FLIGHT_PER_JOB chunks per worker are out (read but not written; a
 * slow worker holds back the reading, not the whole file), and reading waits
 * while stdout is full.
 *
 * Workers do not inherit the TypeScript loader the CLI runs under, so each
 * starts from batch-worker.mjs, which registers tsx and loads batch-lines.ts.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { PolicyModel } from "@pol/dsl";
import { evaluate as evaluateReference } from "../evaluate.js";
import { batchLine, type Chunk, type ChunkResult, type Evaluate } from "./batch-lines.js";
import { buildOutputs } from "./build.js";
import { EXIT, processIO, type CommandIO } from "./io.js";

export { batchLine, type Evaluate };

const CHUNK_LINES = 1000;
const IN_FLIGHT_PER_JOB = 4;
const WRITE_BYTES = 64 * 1024;

/**
 * Run `work` with the policy's evaluator for a batch: the module `pol build`
 * writes, compiled into a temporary folder and imported (a batch decides many
 * cases, and the compiled rules repay the build within the first few
 * hundred), or the reference evaluator if that fails; both decide alike (the
 * agreement property test). The folder is removed afterwards.
 */
export async function withBatchEvaluator<T>(model: PolicyModel, work: (evaluate: Evaluate, moduleUrl: string | undefined) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "pol-batch-"));
  try {
    let evaluate: Evaluate = (input, options) => evaluateReference(model, input, options);
    let moduleUrl: string | undefined;
    try {
      for (const f of buildOutputs([model])) writeFileSync(join(dir, f.path), f.text);
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
      const url = pathToFileURL(join(dir, `${model.name}.ts`)).href;
      evaluate = ((await import(url)) as { evaluate: Evaluate }).evaluate;
      moduleUrl = url;
    } catch {
      // The reference evaluator decides the same cases, more slowly.
    }
    return await work(evaluate, moduleUrl);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Decide the batch in `jobs` worker threads; same output, progress and exit status as one job. */
export async function runBatchInWorkers(
  model: PolicyModel,
  file: string,
  trace: boolean,
  jobs: number,
  io: CommandIO,
  options: { chunkLines?: number } = {},
): Promise<number> {
  return withBatchEvaluator(model, async (evaluate, moduleUrl) =>
    moduleUrl === undefined
      ? runBatchHere(evaluate, file, trace, io)
      : runInWorkers(moduleUrl, file, trace, jobs, options.chunkLines ?? CHUNK_LINES, io),
  );
}

/** Counts and the progress line on stderr (only when it is a terminal). */
class Progress {
  decided = 0;
  bad = 0;
  private last = 0;
  constructor(private readonly io: CommandIO) {}
  show(final: boolean): void {
    const now = Date.now();
    if (!this.io.isTTY || (!final && now - this.last < 200)) return;
    this.last = now;
    this.io.stderr(`\r${this.decided + this.bad} cases: ${this.decided} decided, ${this.bad} with errors${final ? "\n" : ""}`);
  }
}

/** One job: stream the file, one line in, one line out. */
export async function runBatchHere(evaluate: Evaluate, file: string, trace: boolean, io: CommandIO): Promise<number> {
  const progress = new Progress(io);
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
    let lineNo = 0;
    // Output goes out in blocks of about WRITE_BYTES: one write per line would cost more than deciding it.
    let block: string[] = [];
    let size = 0;
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === "") continue;
      const { out, ok } = batchLine(evaluate, line, lineNo, trace);
      if (ok) progress.decided++;
      else progress.bad++;
      block.push(out, "\n");
      size += out.length + 1;
      if (size >= WRITE_BYTES) {
        io.stdout(block.join(""));
        block = [];
        size = 0;
        await drained(io);
        progress.show(false);
      }
    }
    if (block.length > 0) io.stdout(block.join(""));
  } catch (e) {
    io.stderr(`pol: cannot read ${file}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  progress.show(true);
  return progress.bad > 0 ? EXIT.usage : EXIT.ok;
}

async function runInWorkers(moduleUrl: string, file: string, trace: boolean, jobs: number, chunkLines: number, io: CommandIO): Promise<number> {
  // A worker's default young generation is small for the megabytes of decisions a chunk makes:
  // with it, scavenges took as long as deciding.
  const workers = Array.from(
    { length: jobs },
    () => new Worker(new URL("./batch-worker.mjs", import.meta.url), { workerData: { modulePath: moduleUrl, trace }, resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
  );
  const progress = new Progress(io);
  const pending = new Map<number, ChunkResult>();
  let nextToWrite = 0;
  let sent = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  for (const w of workers) {
    w.on("message", (r: ChunkResult) => {
      pending.set(r.seq, r);
      // Write every chunk whose turn has come: the reorder buffer holds at most the chunks in flight.
      for (let next = pending.get(nextToWrite); next; next = pending.get(nextToWrite)) {
        pending.delete(nextToWrite++);
        if (next.text) io.stdout(next.text);
        progress.decided += next.decided;
        progress.bad += next.bad;
      }
      progress.show(false);
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
  progress.show(true);
  return progress.bad > 0 ? EXIT.usage : EXIT.ok;
}

/** Wait while the process's stdout is full, so a slow reader cannot make memory grow. */
async function drained(io: CommandIO): Promise<void> {
  if (io !== processIO || !process.stdout.writableNeedDrain) return;
  await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}
