/**
 * Run the real `pol` CLI as a user would (a child process through tsx), or
 * in-process for speed where only the command's logic is under test.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedDir = resolve(repoRoot, "../shared");

/** tsx's loader by absolute URL, so the CLI runs from any working directory. */
const tsxLoader = pathToFileURL(createRequire(resolve(repoRoot, "package.json")).resolve("tsx/esm")).href;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pol <args>` in a child process, from `cwd` (the repository root by default). */
export function pol(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, ["--import", tsxLoader, resolve(repoRoot, "packages/compiler/src/cli/bin.ts"), ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
