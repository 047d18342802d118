/**
 * The main job (README, first command): check the policies, compile the IMRT
 * policy into a TypeScript evaluator, decide every example case with that
 * compiled evaluator, and run the policy's own tests. Each step prints a
 * short, readable summary; the exit code is the first failure's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { main as pol } from "../packages/compiler/src/cli/main.js";
import type { Decision, InputErrors } from "../packages/compiler/src/index.js";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "out");
const examples = join(root, "examples");

type Evaluate = (input: unknown, options?: { trace?: boolean }) => Decision | InputErrors;

async function step(title: string, args: string[]): Promise<number> {
  process.stdout.write(`\n▶ ${title}\n  $ pol ${args.join(" ")}\n`);
  const code = await pol(args, {
    stdout: (t) => process.stdout.write(indent(t)),
    stderr: (t) => process.stderr.write(indent(t)),
    isTTY: false,
  });
  if (code !== 0) process.stdout.write(`  ✗ failed (exit ${code})\n`);
  return code;
}

const indent = (text: string): string => text.replace(/^(?=.)/gm, "  ");

function summarize(name: string, result: Decision | InputErrors): string {
  if ("errors" in result) {
    const lines = result.errors.map((e) => `      ${e.path}: ${e.message}`);
    return `  ${name}\n    input errors (no decision):\n${lines.join("\n")}\n`;
  }
  const lines = [`  ${name}`, `    outcome: ${result.outcome}${result.rule ? ` — ${result.rule}` : ""}`];
  if (result.outcome === "incomplete") {
    lines.push(`    possible: ${result.possible?.join(", ")}`, `    missing:  ${result.missing?.join(", ")}`);
  }
  const owed = result.documentation.filter((d) => d.status !== "not_required" && !d.provided);
  const given = result.documentation.filter((d) => d.status === "required" && d.provided);
  if (given.length) lines.push(`    documentation provided: ${given.map((d) => d.id).join(", ")}`);
  if (owed.length) lines.push(`    documentation still owed: ${owed.map((d) => `${d.id} (${d.status.replace("_", " ")})`).join(", ")}`);
  return lines.join("\n") + "\n";
}

async function decideExamples(): Promise<number> {
  process.stdout.write(`\n▶ Decide the example cases with the compiled evaluator (out/imrt.ts)\n`);
  const compiled = (await import(pathToFileURL(join(out, "imrt.ts")).href)) as { evaluate: Evaluate };
  for (const file of readdirSync(examples).filter((f) => f.endsWith(".json")).sort()) {
    const input: unknown = JSON.parse(readFileSync(join(examples, file), "utf8"));
    process.stdout.write(summarize(`examples/${file}`, compiled.evaluate(input)));
  }
  return 0;
}

const codes: number[] = [
  await step("Check every policy", ["check", "policies"]),
  await step("Compile the policies to TypeScript evaluators", ["build", "policies", "--out", "out"]),
];
if (!codes.some((c) => c !== 0)) codes.push(await decideExamples());
codes.push(await step("Run the tests written in the policies", ["test", "policies"]));
process.exitCode = codes.find((c) => c !== 0) ?? 0;
