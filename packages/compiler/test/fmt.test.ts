import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFmt } from "../src/cli/fmt.js";

const unformatted = 'policy p "P" {\nfact a:bool "A"\ncovered if a\n}\n';
const formatted = 'policy p "P" {\n  fact a: bool "A"\n  covered if a\n}\n';
const broken = 'policy p "P" {\n  fact a: bool "A"\n  covered if a and\n}\n';

let dir: string;
let cwd: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pol-fmt-"));
  cwd = process.cwd();
  process.chdir(dir);
});
afterEach(() => process.chdir(cwd));

function files(tree: Record<string, string>): void {
  for (const [name, text] of Object.entries(tree)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

async function fmt(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runFmt(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const read = (name: string): string => readFileSync(join(dir, name), "utf8");

describe("pol fmt", () => {
  it("formats files in place, searching directories for .pol files and skipping node_modules", async () => {
    files({ "a.pol": unformatted, "sub/b.pol": formatted, "sub/c.txt": unformatted, "node_modules/d.pol": unformatted });
    const r = await fmt(".");
    expect(r).toEqual({ code: 0, stdout: "a.pol\n", stderr: "" });
    expect(read("a.pol")).toBe(formatted);
    expect(read("sub/c.txt")).toBe(unformatted);
    expect(read("node_modules/d.pol")).toBe(unformatted);
  });

  it("--check lists the files that would change, changes nothing, and exits 1", async () => {
    files({ "a.pol": unformatted, "b.pol": formatted });
    const r = await fmt("--check", "a.pol", "b.pol");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("a.pol\n");
    expect(r.stderr).toContain("1 file is not formatted");
    expect(read("a.pol")).toBe(unformatted);
  });

  it("--check exits 0 when everything is formatted", async () => {
    files({ "b.pol": formatted });
    expect(await fmt("--check", ".")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("leaves a file with a syntax error untouched and reports where the error is", async () => {
    files({ "bad.pol": broken, "a.pol": unformatted });
    const r = await fmt(".");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bad\.pol:4:1: error: .* \[syntax-error\]$/m);
    expect(read("bad.pol")).toBe(broken);
    // The other files are still formatted.
    expect(read("a.pol")).toBe(formatted);
  });

  it("rejects bad usage and unreadable paths with exit 2", async () => {
    expect((await fmt()).code).toBe(2);
    expect((await fmt("--frobnicate", "a.pol")).code).toBe(2);
    const missing = await fmt("missing.pol");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing.pol");
  });

  it("prints its usage with --help", async () => {
    const r = await fmt("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: pol fmt [--check]");
  });
});
