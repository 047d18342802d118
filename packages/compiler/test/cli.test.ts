/** `pol eval`, `pol build` and `pol test` as the CLI runs them (in-process, captured output). */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../src/cli/build.js";
import { runEval } from "../src/cli/eval.js";
import type { CommandIO } from "../src/cli/io.js";
import { runTest } from "../src/cli/test.js";
import { generatedDir, REPO } from "./helpers/policies.js";

function capture(isTTY = false): CommandIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    isTTY,
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);
const imrt = join(REPO, "policies/imrt.pol");
const example = (name: string) => join(REPO, "examples", name);

describe("pol eval", () => {
  it("prints the decision as 2-space JSON with its trace", async () => {
    const io = capture();
    expect(await runEval([imrt, example("breast-left.json")], io)).toBe(0);
    const d = JSON.parse(io.out);
    expect(d).toMatchObject({ policy: "imrt", version: "2025-09-10", outcome: "covered", rule: "III. Breast tumors" });
    expect(d.trace.rules.length).toBeGreaterThan(0);
    expect(io.out).toMatch(/^\{\n {2}"policy": "imrt",/);
    const quiet = capture();
    await runEval([imrt, example("breast-left.json"), "--no-trace"], quiet);
    expect(JSON.parse(quiet.out)).not.toHaveProperty("trace");
  });

  it("every example case decides as examples/README.md says", async () => {
    const expected: Record<string, Record<string, unknown>> = {
      "breast-left.json": { outcome: "covered", rule: "III. Breast tumors" },
      "reirradiation.json": { outcome: "review", rule: "II. Re-irradiation cases (where cumulative critical structure dose would exceed tolerance dose)" },
      "rectal.json": { outcome: "covered", rule: "VI. Anal and colorectal cancers" },
      "incomplete.json": { outcome: "incomplete", possible: ["covered", "review"], missing: ["disease_free_interval"] },
    };
    for (const [file, want] of Object.entries(expected)) {
      const io = capture();
      expect(await runEval([imrt, example(file), "--no-trace"], io)).toBe(0);
      expect(JSON.parse(io.out)).toMatchObject(want);
    }
  });

  it("--explain prints a readable tree", async () => {
    const io = capture();
    expect(await runEval([imrt, example("incomplete.json"), "--explain"], io)).toBe(0);
    expect(io.out).toContain("Outcome: incomplete");
    expect(io.out).toContain("Missing: disease_free_interval");
    expect(io.out).toMatch(/\? covered "IV\. Thoracic tumors"/);
    expect(io.out).toMatch(/✓ review "IV\. To spare organs/);
    expect(io.out).toContain("? Disease-free interval before the local recurrence: unknown");
    expect(io.out).toMatch(/Documentation:\n {2}✓ target_volume \(document, required, provided\)/);
  });

  it("a bad case: errors with paths on stdout, exit 2", async () => {
    const io = capture();
    expect(await runEval([imrt, example("bad-case.json")], io)).toBe(2);
    const paths = JSON.parse(io.out).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(["facts.local_recurrence", "facts.diagnoses[1]", "facts.tumour_size"]);
  });

  it("a policy with errors: diagnostics on stderr, exit 1", async () => {
    const io = capture();
    expect(await runEval([fixture("broken.pol"), example("rectal.json")], io)).toBe(1);
    expect(io.err).toMatch(/broken\.pol:4:\d+: error: .*\[unknown-name\]/);
    expect(io.out).toBe("");
  });

  it("usage errors and unreadable files exit 2", async () => {
    expect(await runEval([], capture())).toBe(2);
    expect(await runEval([imrt], capture())).toBe(2);
    expect(await runEval([imrt, "missing.json"], capture())).toBe(2);
    expect(await runEval([imrt, example("rectal.json"), "--frobnicate"], capture())).toBe(2);
    const dir = generatedDir("cli-json");
    writeFileSync(join(dir, "bad.json"), '{ "facts": { "a": tru }\n');
    const io = capture();
    expect(await runEval([imrt, join(dir, "bad.json")], io)).toBe(2);
    expect(io.err).toMatch(/bad\.json(:\d+:\d+)?: not valid JSON/);
  });

  it("--batch: one line per case, in order, blank lines skipped, errors name the line", async () => {
    const dir = generatedDir("cli-batch");
    const cases = [
      JSON.stringify(JSON.parse(readFileSync(example("rectal.json"), "utf8"))),
      "",
      "{ not json",
      JSON.stringify({ facts: { intent: "maybe" } }),
      JSON.stringify({ procedures: ["99213"] }),
    ];
    writeFileSync(join(dir, "cases.jsonl"), cases.join("\n") + "\n");
    const io = capture();
    expect(await runEval([imrt, "--batch", join(dir, "cases.jsonl")], io)).toBe(2);
    const lines = io.out.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ outcome: "covered", rule: "VI. Anal and colorectal cancers" });
    expect(lines[0]).not.toHaveProperty("trace");
    expect(lines[1]).toMatchObject({ line: 3, errors: [{ path: "$" }] });
    expect(lines[2]).toMatchObject({ line: 4, errors: [{ path: "facts.intent" }] });
    expect(lines[3]).toMatchObject({ outcome: "not_applicable" });
    expect(io.err).toBe(""); // no progress when stderr is not a terminal

    const tty = capture(true);
    writeFileSync(join(dir, "good.jsonl"), cases[0] + "\n" + cases[4] + "\n");
    expect(await runEval([imrt, "--batch", join(dir, "good.jsonl"), "--trace"], tty)).toBe(0);
    expect(tty.err).toContain("2 cases: 2 decided, 0 with errors");
    expect(JSON.parse(tty.out.split("\n")[0])).toHaveProperty("trace");
  });

  it("--help", async () => {
    const io = capture();
    expect(await runEval(["--help"], io)).toBe(0);
    expect(io.out).toContain("Usage: pol eval");
  });
});

describe("pol test", () => {
  it("prints each failure with expected and actual, then N passed, N failed", () => {
    const io = capture();
    expect(runTest([fixture("tested.pol")], io)).toBe(1);
    expect(io.out).toMatch(/FAIL .*tested\.pol:24:3: test "fails"/);
    expect(io.out).toMatch(/tested\.pol:28:5: expected covered, got incomplete/);
    expect(io.out).toMatch(/tested\.pol:29:5: expected missing \{ a \}, got \{ interval \}/);
    expect(io.out).toContain("expected: covered\n    actual:   incomplete");
    expect(io.out.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("the repository's policies pass their own tests", () => {
    const io = capture();
    expect(runTest([join(REPO, "policies")], io)).toBe(0);
    expect(io.out).toMatch(/^\d+ passed, 0 failed\n$/m);
    expect(io.out.trimEnd().split("\n").at(-1)).toMatch(/^(5\d|[6-9]\d|\d{3,}) passed, 0 failed$/);
  });

  it("a policy with errors fails the run", () => {
    const io = capture();
    expect(runTest([fixture("broken.pol")], io)).toBe(1);
    expect(io.err).toContain("[unknown-name]");
    expect(io.out.trimEnd().split("\n").at(-1)).toBe("0 passed, 0 failed");
  });

  it("--help and usage", () => {
    const io = capture();
    expect(runTest(["--help"], io)).toBe(0);
    expect(io.out).toContain("Usage: pol test");
    expect(runTest([], capture())).toBe(2);
  });
});

describe("pol build", () => {
  it("writes one module and schema per policy plus the runtime, skipping libraries, the same bytes twice", () => {
    const one = generatedDir("cli-build");
    const two = generatedDir("cli-build");
    const io = capture();
    expect(runBuild([join(REPO, "policies"), "--out", one], io)).toBe(0);
    expect(runBuild([join(REPO, "policies"), "--out", two], capture())).toBe(0);
    const files = readdirSync(one).sort();
    expect(files).toEqual(["imrt.schema.json", "imrt.ts", "pol-runtime.ts"]);
    for (const f of files) expect(readFileSync(join(two, f), "utf8")).toBe(readFileSync(join(one, f), "utf8"));
    const schema = JSON.parse(readFileSync(join(one, "imrt.schema.json"), "utf8"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.facts.anyOf[0].properties.intent.anyOf[0]).toEqual({ enum: ["curative", "palliative"] });
    expect(io.out).toContain("1 policy built");
  });

  it("nothing is written when a policy has errors", () => {
    const out = generatedDir("cli-build-broken");
    const io = capture();
    expect(runBuild([fixture("broken.pol"), "--out", out], io)).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(io.err).toContain("[unknown-name]");
  });

  it("usage", () => {
    expect(runBuild([join(REPO, "policies")], capture())).toBe(2);
    expect(runBuild(["--out", "x"], capture())).toBe(2);
    expect(runBuild(["nowhere", "--out", "x"], capture())).toBe(2);
    const io = capture();
    expect(runBuild(["--help"], io)).toBe(0);
    expect(io.out).toContain("Usage: pol build");
  });
});
