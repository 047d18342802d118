/**
 * The floor for `pol eval --batch`: a bare Node loop that reads JSON lines,
 * parses each and writes it back re-serialised, with the same streaming,
 * output blocks of 64 KiB and backpressure as the batch command, and nothing
 * else.
 *
 *   node batch-floor.mjs cases.jsonl > out.jsonl
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const lines = createInterface({ input: createReadStream(process.argv[2]!, { encoding: "utf8" }), crlfDelay: Infinity });
let block: string[] = [];
let size = 0;
for await (const line of lines) {
  if (line.trim() === "") continue;
  const out = JSON.stringify(JSON.parse(line));
  block.push(out, "\n");
  size += out.length + 1;
  if (size >= 64 * 1024) {
    process.stdout.write(block.join(""));
    block = [];
    size = 0;
    if (process.stdout.writableNeedDrain) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
}
process.stdout.write(block.join(""));
