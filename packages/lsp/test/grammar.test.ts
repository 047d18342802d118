/**
 * The TextMate grammar against scope assertions in test/grammar/*.pol
 * (`// ^^^ scope` under a line asserts the scope of the marked characters),
 * run by vscode-tmgrammar-test the way grammar authors do.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const lsp = join(import.meta.dirname, "..");
const cli = join(createRequire(join(lsp, "package.json")).resolve("vscode-tmgrammar-test/package.json"), "../dist/unit.js");

describe("TextMate grammar", () => {
  it("gives every token of the sample policy its scope", async () => {
    const run = promisify(execFile)(process.execPath, [cli, "--compact", "-g", "extension/syntaxes/pol.tmLanguage.json", "test/grammar/*.pol"], { cwd: lsp });
    const { stdout } = await run.catch((e: { stdout: string; stderr: string }) => {
      throw new Error(`grammar assertions failed:\n${e.stdout}\n${e.stderr}`);
    });
    expect(stdout).toContain("sample.pol");
  });
});
