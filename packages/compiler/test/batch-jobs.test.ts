/** `pol eval --batch --jobs N`: worker threads give the same bytes, in the same order, as one job. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batchLine, runBatchInWorkers, withBatchEvaluator } from "../src/cli/batch-workers.js";
import { evaluate } from "../src/evaluate.js";
import { runEval } from "../src/cli/eval.js";
import type { CommandIO } from "../src/cli/io.js";
import { generatedDir, modelOf, REPO } from "./helpers/policies.js";

function capture(): CommandIO & { out: string; err: string } {
  const io = { out: "", err: "", isTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

const imrt = join(REPO, "policies/imrt.pol");
const examples = ["breast-left.json", "rectal.json", "reirradiation.json", "incomplete.json"].map(
  (f) => JSON.parse(readFileSync(join(REPO, "examples", f), "utf8")) as { facts: Record<string, unknown> },
);
const DIAGNOSES = ["C50.912", "C61", "C34.11", "C20", "C10.9", "C40.22", "C79.31"];

/** A few hundred lines: valid cases of every kind, input errors, lines that are not JSON, blank lines. */
function batchText(): string {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    if (i % 31 === 5) lines.push("");
    else if (i % 17 === 3) lines.push(`{ "facts": { "intent": `);
    else if (i % 23 === 7) lines.push(JSON.stringify({ facts: { intent: "curativ", diagnoses: ["61C"] }, colour: "red" }));
    else {
      const base = structuredClone(examples[i % examples.length]!);
      base.facts.diagnoses = [DIAGNOSES[i % DIAGNOSES.length]!];
      if (i % 5 === 0) delete base.facts.medically_necessary;
      lines.push(JSON.stringify(base));
    }
  }
  return lines.join("\n") + "\n";
}

describe("pol eval --batch --jobs", () => {
  const dir = generatedDir("batch-jobs");
  const file = join(dir, "cases.jsonl");
  writeFileSync(file, batchText());

  it("--jobs 2 writes the same bytes as --jobs 1, error lines included", async () => {
    const one = capture();
    const two = capture();
    expect(await runEval([imrt, "--batch", file, "--jobs", "1"], one)).toBe(2);
    expect(await runEval([imrt, "--batch", file, "--jobs", "2"], two)).toBe(2);
    expect(one.out.split("\n").length).toBeGreaterThan(380);
    expect(one.out).toContain('"errors"');
    expect(two.out).toBe(one.out);
  });

  it("the batch writes JSON.stringify of what the reference evaluator decides", async () => {
    const model = modelOf(imrt);
    for (const trace of [false, true]) {
      const one = capture();
      await runEval([imrt, "--batch", file, ...(trace ? ["--trace"] : [])], one);
      const reference = batchText()
        .split("\n")
        .map((line, i) => {
          if (line.trim() === "") return "";
          const expected = batchLine((input, options) => evaluate(model, input, options), line, i + 1, trace);
          if (!expected.ok) return expected.out + "\n";
          return JSON.stringify(evaluate(model, JSON.parse(line), { trace })) + "\n";
        })
        .join("");
      expect(one.out).toBe(reference);
    }
  });

  it("a batch runs the policy's compiled module", async () => {
    expect(await withBatchEvaluator(modelOf(imrt), async (_, url) => url)).toMatch(/^file:.*imrt\.ts$/);
  });

  it("small chunks spread over workers come back in input order", async () => {
    const one = capture();
    await runEval([imrt, "--batch", file], one);
    for (const jobs of [2, 3]) {
      const many = capture();
      expect(await runBatchInWorkers(modelOf(imrt), file, false, jobs, many, { chunkLines: 7 })).toBe(2);
      expect(many.out).toBe(one.out);
    }
  });

  it("--trace with workers too", async () => {
    const one = capture();
    const two = capture();
    await runEval([imrt, "--batch", file, "--trace"], one);
    await runEval([imrt, "--batch", file, "--trace", "--jobs", "2"], two);
    expect(two.out).toBe(one.out);
  });

  it("--jobs needs a whole number and --batch", async () => {
    expect(await runEval([imrt, "--batch", file, "--jobs", "0"], capture())).toBe(2);
    expect(await runEval([imrt, join(REPO, "examples/rectal.json"), "--jobs", "2"], capture())).toBe(2);
  });
});
