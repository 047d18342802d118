/** Paths of the repository and of the shared folder beside it, from any test. */
import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const sharedDir = resolve(repoRoot, "../shared");
export const conformanceDir = join(sharedDir, "conformance");

/** Every `.pol` file below `dir` (none if it does not exist), sorted. */
export function polFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => {
      const p = join(dir, e);
      if (e === "node_modules" || e.startsWith(".")) return [];
      return statSync(p).isDirectory() ? polFiles(p) : p.endsWith(".pol") ? [p] : [];
    })
    .sort();
}

/** Every `.pol` file of the repository's policies and the shared conformance suite. */
export const repositoryPolicies = (): string[] => [...polFiles(join(repoRoot, "policies")), ...polFiles(conformanceDir)];
