/**
 * Every diagnostic code the parser or checker can produce is asserted, with
 * its line and column, by some test. Tests name the codes they expect as
 * `code: "…"` (expectDiagnostics entries and position records), so reading
 * the test files tells which codes are covered; a new code without a test
 * fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, type DiagnosticCode } from "../../src/index.js";

/**
 * Codes nothing can produce from source text, and why. Empty: a code that
 * cannot happen is removed (an unknown unit, for one, cannot lex: units come
 * from the closed list of §3 in tokens.ts).
 */
const NOT_PRODUCIBLE: Partial<Record<DiagnosticCode, string>> = {};

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("diagnostic coverage", () => {
  const testDir = join(dirname(fileURLToPath(import.meta.url)), "..");
  const asserted = new Set<string>();
  for (const file of testFiles(testDir)) {
    for (const m of readFileSync(file, "utf8").matchAll(/code: "([a-z-]+)"/g)) asserted.add(m[1]);
  }

  for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
    it(`${code} is asserted by a test${NOT_PRODUCIBLE[code] ? " (or cannot be produced)" : ""}`, () => {
      if (NOT_PRODUCIBLE[code]) expect(asserted.has(code)).toBe(false);
      else expect(asserted.has(code), `no test asserts \`code: "${code}"\``).toBe(true);
    });
  }
});
