/** CodeIndex (generated modules' `has any` on a fact) answers exactly as hasAnyCode on each codeset. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeIndex, codeset, matchedCode, type CodeEntrySpec } from "../../src/runtime/code-matcher.js";
import { hasAnyCode } from "../../src/runtime/sets.js";

describe("code index", () => {
  it("unknown codes are unknown for every codeset", () => {
    const index = codeIndex([codeset(["C50"]), codeset([["C00", "C14"]])]);
    expect(matchedCode(index.matched(undefined), 0)).toBe(undefined);
    expect(matchedCode(index.matched([]), 1)).toBe(false);
    const bits = index.matched(["C509", "C101"]);
    expect([matchedCode(bits, 0), matchedCode(bits, 1)]).toEqual([true, true]);
  });

  it("agrees with hasAnyCode per codeset, past 32 codesets too", () => {
    const ch = fc.constantFrom("A", "C", "D", "Z", "0", "1", "4", "9");
    const code = (min: number, max: number) => fc.array(ch, { minLength: min, maxLength: max }).map((a) => a.join(""));
    const entry: fc.Arbitrary<CodeEntrySpec> = fc.oneof(
      code(1, 6),
      fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(code(n, n), code(n, n)).map(([a, b]): CodeEntrySpec => (a <= b ? [a, b] : [b, a]))),
    );
    const codesets = fc.array(fc.array(entry, { maxLength: 6 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(codesets, fc.array(fc.array(code(0, 7), { maxLength: 6 }), { maxLength: 8 }), (sets, cases) => {
        const matchers = sets.map((s) => codeset(s));
        const index = codeIndex(matchers);
        for (const codes of cases) {
          const bits = index.matched(codes);
          for (let i = 0; i < matchers.length; i++) if (matchedCode(bits, i) !== hasAnyCode(codes, matchers[i])) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
