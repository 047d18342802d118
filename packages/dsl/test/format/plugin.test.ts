import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { formatPol, PolSyntaxError } from "../../src/index.js";
import plugin from "../../src/prettier/index.js";
import { repoRoot } from "../helpers/repo.js";

const source = 'policy p "P" {\nfact a:bool\ncovered if all(a,b)\n}\n';
const formatted = 'policy p "P" {\n  fact a: bool\n  covered if all(a, b)\n}\n';

describe("the Prettier plugin", () => {
  it("refuses text with a syntax error, naming line and column, so nothing is rewritten", async () => {
    const error = await formatPol('policy p {\n  fact a: bool\n  covered if a and\n}\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolSyntaxError);
    expect((error as PolSyntaxError).loc).toEqual({ start: { line: 4, column: 1 } });
    expect((error as Error).message).toMatch(/^4:1: .*\[syntax-error\]/);
  });

  it("is chosen by Prettier for .pol files", async () => {
    expect(await prettier.format(source, { filepath: "policies/p.pol", plugins: [plugin] })).toBe(formatted);
  });

  it("honours printWidth", async () => {
    expect(await formatPol(source, { printWidth: 20 })).toBe('policy p "P" {\n  fact a: bool\n  covered if all(\n    a,\n    b,\n  )\n}\n');
  });

  it("works from its bundle, as plain Prettier loads it", async () => {
    const { bundlePrettierPlugin } = await import(pathToFileURL(join(repoRoot, "packages/dsl/scripts/bundle-prettier-plugin.mjs")).href);
    // Inside the package, where `prettier` (external to the bundle) resolves.
    const dist = join(repoRoot, "packages/dsl/dist");
    mkdirSync(dist, { recursive: true });
    const dir = mkdtempSync(join(dist, "test-"));
    try {
      const outfile = join(dir, "prettier-plugin.mjs");
      await bundlePrettierPlugin(outfile);
      expect(await prettier.format(source, { parser: "pol", plugins: [outfile] })).toBe(formatted);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
