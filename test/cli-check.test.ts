import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pol } from "./helpers/cli.js";

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pol-check-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("pol check", () => {
  it("passes the repository's policies with no errors and no warnings", () => {
    const r = pol(["check", "policies"]);
    expect(r.stdout).toMatch(/^\d+ files checked: 0 errors, 0 warnings$/m);
    expect(r.code).toBe(0);
  });

  it("prints file:line:col: severity: message [code] and exits 1 on errors", () => {
    const dir = workspace({
      "bad.pol": 'policy p "P" {\n  fact intent: bool "Intent"\n  covered "x" if intnet\n}\n',
    });
    const r = pol(["check", "."], { cwd: dir });
    expect(r.stdout).toContain("bad.pol:3:18: error: ");
    expect(r.stdout).toMatch(/\[unknown-name\]/);
    expect(r.stdout).toContain("intent");
    expect(r.stdout).toMatch(/1 file checked: 1 error, \d+ warnings?/);
    expect(r.code).toBe(1);
  });

  it("reports syntax errors with their position", () => {
    const dir = workspace({ "broken.pol": 'policy p {\n  covered "x" if\n}\n' });
    const r = pol(["check", "broken.pol"], { cwd: dir });
    expect(r.stdout).toMatch(/broken\.pol:3:1: error: expected a condition .*\[syntax-error\]/);
    expect(r.code).toBe(1);
  });

  it("searches directories recursively and checks imports relative to the importing file", () => {
    const dir = workspace({
      "lib/general.pol": 'library general {\n  fact ordered: bool "Ordered by a provider"\n}\n',
      "policies/p.pol": 'import "../lib/general.pol"\npolicy p {\n  covered "ok" if ordered\n}\n',
    });
    const r = pol(["check", "policies"], { cwd: dir });
    expect(r.stdout).toContain("1 file checked: 0 errors");
    expect(r.code).toBe(0);
  });

  it("exits 2 on bad usage or an unreadable path, and explains itself with --help", () => {
    expect(pol(["check"]).code).toBe(2);
    const missing = pol(["check", "no/such/dir"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no/such/dir");
    const help = pol(["check", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: pol check");
    expect(pol(["frobnicate"]).code).toBe(2);
    expect(pol(["--help"]).stdout).toContain("check");
  });
});
