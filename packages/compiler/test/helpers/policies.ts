/**
 * Test helpers: checked models from files or inline text, the repository's
 * policies, and generated evaluators written to disk and imported.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkFile, checkText, hasErrors, type PolicyModel } from "@pol/dsl";
import { buildOutputs } from "../../src/cli/build.js";
import type { Decision, EvaluateOptions, InputErrors } from "../../src/runtime/index.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (/work/main). */
export const REPO = resolve(here, "../../../..");
/** The shared conformance suite, beside the repository. */
export const CONFORMANCE = resolve(REPO, "../shared/conformance");
export const POLICIES = resolve(REPO, "policies");

/** A checked policy from a file; fails the test on errors. */
export function modelOf(file: string): PolicyModel {
  const { model, diagnostics } = checkFile(file);
  if (!model || hasErrors(diagnostics)) {
    throw new Error(`${file} does not check:\n${diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message}`).join("\n")}`);
  }
  return model;
}

/** A checked policy from inline text (written to a temporary file so imports and spans behave as on disk). */
export function modelFromText(text: string, name = "inline.pol"): PolicyModel {
  const dir = generatedDir("inline");
  const file = join(dir, name);
  writeFileSync(file, text);
  const { model, diagnostics } = checkText(text, file);
  if (!model || hasErrors(diagnostics)) {
    throw new Error(`inline policy does not check:\n${diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message} [${d.code}]`).join("\n")}`);
  }
  return model;
}

/** Every policy in the repository that checks without errors (conformance + policies/), libraries excluded. */
export function repositoryPolicies(): { file: string; model: PolicyModel }[] {
  const files = [
    ...readdirSync(CONFORMANCE).filter((f) => f.endsWith(".pol")).map((f) => join(CONFORMANCE, f)),
    ...readdirSync(POLICIES).filter((f) => f.endsWith(".pol")).map((f) => join(POLICIES, f)),
  ].sort();
  const out: { file: string; model: PolicyModel }[] = [];
  for (const file of files) {
    const { model, diagnostics } = checkFile(file);
    if (model && model.kind === "policy" && !hasErrors(diagnostics)) out.push({ file, model });
  }
  return out;
}

const GENERATED = resolve(here, "../../.generated");
let counter = 0;

/** Remove folders left by test processes that are gone (test files run in parallel processes). */
function removeStaleFolders(): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(GENERATED);
  } catch {
    return;
  }
  for (const name of entries) {
    const pid = Number(/-(\d+)-\d+$/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(GENERATED, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A fresh folder under packages/compiler/.generated (gitignored), unique per process and call. */
export function generatedDir(label: string): string {
  if (counter === 0) removeStaleFolders();
  const dir = resolve(GENERATED, `${label}-${process.pid}-${counter++}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface GeneratedModule {
  evaluate(input: unknown, options?: EvaluateOptions): Decision | InputErrors;
  policy: { name: string; title: string | null; version: string | null };
}

/** Build the models into a fresh folder and import each generated module (by policy name). */
export async function generate(models: PolicyModel[], label = "gen"): Promise<{ dir: string; modules: Map<string, GeneratedModule> }> {
  const dir = generatedDir(label);
  for (const f of buildOutputs(models)) writeFileSync(join(dir, f.path), f.text);
  const modules = new Map<string, GeneratedModule>();
  for (const m of models) modules.set(m.name, (await import(pathToFileURL(join(dir, `${m.name}.ts`)).href)) as GeneratedModule);
  return { dir, modules };
}

/** Read a .cases.jsonl file. */
export function readCases(text: string): { name: string; case: unknown; expect: Record<string, unknown> }[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
}
