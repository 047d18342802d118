/** `pol diff` as the CLI runs it (in-process, captured output): output, options and exit codes. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff.js";
import type { CommandIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { CONFORMANCE, generatedDir } from "../helpers/policies.js";

function capture(): CommandIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}

const units = join(CONFORMANCE, "units.pol");

/** A revised copy of the units conformance policy in a fresh folder. */
function revised(change: (text: string) => string, name = "units.pol"): string {
  const file = join(generatedDir("diff-cli"), name);
  writeFileSync(file, change(readFileSync(units, "utf8")));
  return file;
}

describe("pol diff", () => {
  it("prints the summary line first, then outcome changes with their cases, then declarations", () => {
    const io = capture();
    const after = revised((t) => t.replace("interval >= 2 years", "interval >= 3 years"));
    expect(runDiff([units, after], io)).toBe(0);
    const lines = io.out.split("\n");
    expect(lines[0]).toMatch(/^units \(2025-01-01\) → units \(2025-01-01\): \d+ outcome changes?, 0 documentation changes, 1 declaration change$/);
    expect(io.out).toContain("Outcome changes\n  covered → not covered");
    expect(io.out).toContain(`interval 2.5 years (any value above 2 years and below 3 years)`);
    expect(io.out).toContain(`was covered by "all three", now not covered (no rule applies: otherwise).`);
    expect(io.out.indexOf("Outcome changes")).toBeLessThan(io.out.indexOf("Declaration changes"));
    expect(io.out).toContain("  define long_interval: changed\n      value: interval >= 2 years\n          now: interval >= 3 years\n");
    expect(io.err).toBe("");
  });

  it("--json gives declarations, behavior, documentation and summary", () => {
    const io = capture();
    const after = revised((t) => t.replace("interval >= 2 years", "interval >= 3 years"));
    expect(runDiff(["--json", units, after], io)).toBe(0);
    const d = JSON.parse(io.out);
    expect(Object.keys(d)).toEqual(expect.arrayContaining(["declarations", "behavior", "documentation", "summary"]));
    expect(d.declarations).toEqual([expect.objectContaining({ kind: "define", name: "long_interval", change: "changed" })]);
    expect(d.behavior[0]).toEqual(
      expect.objectContaining({ old: expect.any(Object), new: expect.any(Object), witness: expect.any(Object), facts: expect.any(Array), description: expect.any(String) }),
    );
    expect(d.summary).toMatchObject({ outcomeChanges: d.behavior.length, documentationChanges: 0, declarationChanges: 1, exhaustive: true });
  });

  it("--exit-code: 1 when anything changed, 0 when nothing did", () => {
    const same = revised((t) => `// only a comment\n${t}`);
    expect(runDiff(["--exit-code", units, same], capture())).toBe(0);
    const changed = revised((t) => t.replace("dose <= 5000 cGy", "dose <= 50 Gy"));
    // Same meaning, different text: a declaration change, and no outcome change.
    const io = capture();
    expect(runDiff(["--exit-code", units, changed], io)).toBe(1);
    expect(io.out.split("\n")[0]).toContain("0 outcome changes, 0 documentation changes, 1 declaration change");
    expect(io.out).toContain("None: every request is decided as before.");
  });

  it("bad usage, unreadable files and files with errors exit 2", async () => {
    let io = capture();
    expect(runDiff([units], io)).toBe(2);
    expect(io.err).toContain("name the old and the new version");
    io = capture();
    expect(runDiff([units, units, "--frobnicate"], io)).toBe(2);
    expect(io.err).toContain("unknown option --frobnicate");
    io = capture();
    expect(runDiff([units, join(CONFORMANCE, "missing.pol")], io)).toBe(2);
    expect(io.err).toContain("cannot read");
    io = capture();
    const broken = revised((t) => t.replace("interval >= 2 years", "interval >= 2 Gy"), "broken.pol");
    expect(runDiff([units, broken], io)).toBe(2);
    expect(io.err).toMatch(/broken\.pol:\d+:\d+: error/);
    expect(io.err).toContain("not compared");
    io = capture();
    expect(await main(["diff", "--help"], io)).toBe(0);
    expect(io.out).toContain("Usage: pol diff <old.pol> <new.pol>");
  });
});
