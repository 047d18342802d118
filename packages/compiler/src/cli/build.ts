/**
 * `pol build <files or dirs> --out DIR` (LANGUAGE.md §10): one TypeScript
 * evaluator module and one case JSON Schema per policy, plus the shared
 * `pol-runtime.ts`. Libraries are compiled into the policies that import them.
 * Nothing is written unless every file checks without errors, and the output
 * is the same bytes for the same sources.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyModel } from "@pol/dsl";
import { emitTypeScript, RUNTIME_MODULE } from "../emit-typescript.js";
import { runtimeSource } from "../runtime-bundle.js";
import { parseArgs } from "./args.js";
import { collectPolFiles, displayPath } from "./files.js";
import { EXIT, usageError, type CommandIO } from "./io.js";
import { loadModel } from "./load.js";

export const BUILD_USAGE = `Usage: pol build <files or dirs>… --out DIR

Compiles every policy (directories are searched recursively; libraries are
compiled into the policies that import them) into DIR:
  <policy>.ts            a typed evaluator: evaluate(input, { trace? })
  <policy>.schema.json   the JSON Schema (2020-12) of the policy's cases
  ${RUNTIME_MODULE}.ts         the runtime the evaluators share
Output is deterministic. Nothing is written when a file has errors.

Exit status: 0 built, 1 a policy has errors, 2 bad usage or unreadable path.
`;

export interface BuiltFile {
  path: string;
  text: string;
}

/** The files a build writes, by name relative to the output folder (pure: for tests and tools). */
export function buildOutputs(models: readonly PolicyModel[]): BuiltFile[] {
  const files: BuiltFile[] = [];
  for (const model of models) {
    const { module, schema } = emitTypeScript(model);
    files.push({ path: `${model.name}.ts`, text: module });
    files.push({ path: `${model.name}.schema.json`, text: JSON.stringify(schema, null, 2) + "\n" });
  }
  files.push({ path: `${RUNTIME_MODULE}.ts`, text: runtimeSource() });
  return files;
}

export function runBuild(args: string[], io: CommandIO): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(BUILD_USAGE);
    return EXIT.ok;
  }
  const parsed = parseArgs(args, [], ["--out", "-o"]);
  if ("error" in parsed) return usageError(io, parsed.error, BUILD_USAGE);
  const out = parsed.options.get("--out") ?? parsed.options.get("-o");
  if (!out) return usageError(io, "say where to write with --out DIR", BUILD_USAGE);
  if (parsed.positionals.length === 0) return usageError(io, "name at least one file or directory", BUILD_USAGE);
  const found = collectPolFiles(parsed.positionals);
  if ("error" in found) return usageError(io, found.error, BUILD_USAGE);

  const models: PolicyModel[] = [];
  let failed = false;
  for (const file of [...found.files].sort()) {
    const loaded = loadModel(file, io);
    if ("failed" in loaded) failed = true;
    else if (loaded.model.kind === "policy") models.push(loaded.model);
  }
  if (failed) {
    io.stderr("pol: nothing built: fix the errors above\n");
    return EXIT.failed;
  }
  const byName = new Map<string, PolicyModel>();
  for (const m of models) {
    const other = byName.get(m.name);
    if (other) {
      io.stderr(`${displayPath(m.file)}:${m.decl.name.span.start.line}:${m.decl.name.span.start.column}: error: policy ${m.name} is also declared in ${displayPath(other.file)}; both would be written to ${m.name}.ts\n`);
      return EXIT.failed;
    }
    byName.set(m.name, m);
  }
  if (models.length === 0) {
    io.stderr("pol: no policy to build (only libraries)\n");
  }
  let files: BuiltFile[];
  try {
    files = buildOutputs(models);
    mkdirSync(out, { recursive: true });
    for (const f of files) writeFileSync(join(out, f.path), f.text);
  } catch (e) {
    io.stderr(`pol: cannot write to ${out}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  for (const m of models) io.stdout(`${displayPath(m.file)} → ${join(out, `${m.name}.ts`)}, ${join(out, `${m.name}.schema.json`)}\n`);
  io.stdout(`${models.length} ${models.length === 1 ? "policy" : "policies"} built into ${out} (with ${RUNTIME_MODULE}.ts)\n`);
  return EXIT.ok;
}
