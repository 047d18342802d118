/**
 * The floor for `pol eval --batch`: a bare Node loop that reads JSON lines,
 * parses each and writes it back re-serialised, with the same streaming and
 * backpressure as the batch command and nothing else.
 *
 *   node batch-floor.mjs cases.jsonl > out.jsonl
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const lines = createInterface({ input: createReadStream(process.argv[2]!, { encoding: "utf8" }), crlfDelay: Infinity });
let n = 0;
for await (const line of lines) {
  if (line.trim() === "") continue;
  process.stdout.write(JSON.stringify(JSON.parse(line)) + "\n");
  if (++n % 256 === 0 && process.stdout.writableNeedDrain) await new Promise((resolve) => process.stdout.once("drain", resolve));
}
