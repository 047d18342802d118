/** `pol render` as a command: formats, output file, help, usage errors, policies with errors. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRender } from "../../src/cli/render.js";
import { imrtPath } from "./helpers.js";

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = runRender(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), "pol-render-"));

describe("pol render", () => {
  it("prints Markdown to stdout by default", () => {
    const r = run([imrtPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Intensity-Modulated Radiation Therapy\n/);
    expect(r.stderr).toBe("");
  });

  it("--format html prints one HTML document; --format=md is accepted too", () => {
    const r = run([imrtPath, "--format", "html"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(run(["--format=md", imrtPath]).stdout).toBe(run([imrtPath]).stdout);
  });

  it("--out writes the file and prints nothing", () => {
    const out = join(tmp(), "imrt.html");
    const r = run([imrtPath, "--format", "html", "--out", out]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(run([imrtPath, "--format", "html"]).stdout);
  });

  it("--help prints the usage and exits 0", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: pol render <policy.pol> [--format md|html] [--out FILE]");
  });

  it.each([
    [[], "name the policy file"],
    [[imrtPath, imrtPath], "one policy at a time"],
    [[imrtPath, "--format", "pdf"], "unknown format `pdf`"],
    [[imrtPath, "--format"], "--format needs a value"],
    [[imrtPath, "--out"], "--out needs a value"],
    [[imrtPath, "--verbose"], "unknown option --verbose"],
    [["no/such/policy.pol"], "cannot read no/such/policy.pol"],
  ])("bad usage %j exits 2 with a message and the usage", (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("Usage: pol render");
    expect(r.stdout).toBe("");
  });

  it("a policy with check errors is not rendered: diagnostics on stderr, exit 1", () => {
    const dir = tmp();
    const file = join(dir, "bad.pol");
    writeFileSync(file, 'policy p "P" {\n  fact intent: bool "Intent"\n  covered "x" if intnet\n}\n');
    const r = run([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad\.pol:3:18: error: .* \[unknown-name\]/);
    expect(r.stderr).toContain("not rendered");
  });

  it("an unwritable --out is reported, exit 2", () => {
    const r = run([imrtPath, "--out", join(tmp(), "missing-dir", "x.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot write");
  });
});
