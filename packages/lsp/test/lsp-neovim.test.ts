/**
 * End to end: the bundled server, started over stdio by Neovim's built-in LSP
 * client (headless Neovim 0.7+), on a copy of the IMRT policy and its library.
 * The Lua side (nvim/e2e.lua) formats, hovers, jumps, completes, then types a
 * mistake and waits for its diagnostic; this side checks what came back.
 *
 * Neovim is a test dependency (.ci/run installs it): without it this test
 * fails rather than skips, so a missing editor cannot pass CI silently.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleServer } from "../scripts/bundle.mjs";
import { pathToUri } from "../src/positions.js";

const repo = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "pol-nvim-"));
const ws = join(dir, "policies");
const policy = join(ws, "imrt.pol");
const library = join(ws, "common/general.pol");
let server = "";

beforeAll(async () => {
  server = await bundleServer(join(dir, "server.cjs"));
  mkdirSync(join(ws, "common"), { recursive: true });
  writeFileSync(library, readFileSync(join(repo, "policies/common/general.pol"), "utf8"));
  // One badly laid out line for the formatter to fix.
  const imrt = readFileSync(join(repo, "policies/imrt.pol"), "utf8");
  const messy = imrt.replace(`  fact intent: Intent "Treatment intent"`, `  fact    intent :  Intent "Treatment intent"`);
  expect(messy).not.toBe(imrt);
  writeFileSync(policy, messy);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Results {
  error?: string;
  steps: Record<string, any>;
}

async function runNeovim(): Promise<Results> {
  const out = join(dir, "results.json");
  try {
    await promisify(execFile)("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(import.meta.dirname, "nvim/e2e.lua")}`], {
      env: { ...process.env, POL_SERVER: server, POL_FILE: policy, POL_ROOT: ws, POL_OUT: out },
      timeout: 120_000,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") throw new Error("nvim is not installed: this test needs Neovim 0.7+ (apt-get install neovim; .ci/run installs it)");
    // The script exits with an error code when an assertion of its own failed: report what it wrote.
    try {
      return JSON.parse(readFileSync(out, "utf8")) as Results;
    } catch {
      throw new Error(`nvim failed: ${err.message}\n${err.stderr ?? ""}`);
    }
  }
  return JSON.parse(readFileSync(out, "utf8")) as Results;
}

describe("the language server in Neovim", () => {
  it("diagnoses, formats, hovers, jumps across imports, completes and survives half-typed text", async () => {
    const r = await runNeovim();
    expect(r.error).toBeUndefined();
    const s = r.steps;

    expect(s.initial_diagnostics.filter((d: { severity: number }) => d.severity === 1)).toEqual([]);

    const edits = s.formatting.result as { range: { start: { line: number } }; newText: string }[];
    expect(edits.length).toBeGreaterThan(0);
    const messyLine = readFileSync(policy, "utf8").split("\n").findIndex((l) => l.includes("fact    intent"));
    expect(edits.some((e) => e.range.start.line === messyLine)).toBe(true);

    expect(s.hover.result.contents.value).toContain("fact intent: Intent");
    expect(s.hover.result.contents.value).toContain("Treatment intent");

    const definition = Array.isArray(s.definition.result) ? s.definition.result[0] : s.definition.result;
    expect(definition.uri).toBe(pathToUri(library));
    expect(definition.range.start.line).toBe(readFileSync(library, "utf8").split("\n").findIndex((l) => l.includes("define general_criteria")));

    const labels = (s.completion.result.items ?? s.completion.result).map((i: { label: string }) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["curative", "palliative"]));
    expect(labels).not.toContain("heart");

    expect(s.unknown_request[0].err.code).toBe(-32601);

    const mistake = s.diagnostics_after_mistake.find((d: { code: string }) => d.code === "unknown-name");
    expect(mistake.message).toContain("intnt");
    expect(mistake.lnum).toBe(readFileSync(policy, "utf8").split("\n").findIndex((l) => l.includes("intent is curative and")));

    expect(s.hover_after_garbage).toBeDefined();
  });
});
