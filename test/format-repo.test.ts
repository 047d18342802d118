/**
 * CI hook: every policy in the repository is formatted. When this fails, run
 * `pnpm pol fmt policies examples` and commit the result.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatPol } from "@pol/dsl";
import { repoRoot } from "./helpers/cli.js";

function polFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const p = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(p).isDirectory() ? polFiles(p) : name.endsWith(".pol") ? [p] : [];
  });
}

describe("the repository's policies", () => {
  it("are formatted (pol fmt policies examples)", async () => {
    const files = ["policies", "examples"].flatMap((d) => polFiles(join(repoRoot, d))).sort();
    const unformatted: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if ((await formatPol(text, { filepath: file })) !== text) unformatted.push(relative(repoRoot, file));
    }
    expect(unformatted, "not formatted; run `pnpm pol fmt policies examples`").toEqual([]);
  });
});
