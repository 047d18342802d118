import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeMatches } from "../../../dsl/src/semantics/codes.js";
import { codeset, type CodeEntrySpec } from "../../src/runtime/code-matcher.js";
import { codeUnder, hasAllCodes, hasAnyCode, hasAtLeastCodes, isInCodes } from "../../src/runtime/sets.js";

describe("codesets (LANGUAGE.md §3)", () => {
  const headAndNeck = codeset([["C00", "C14"], ["C30", "C32"]]);
  it("ranges compare the first len(A) characters", () => {
    expect(headAndNeck.test("C109")).toBe(true);
    expect(headAndNeck.test("C148")).toBe(true);
    expect(headAndNeck.test("C00")).toBe(true);
    expect(headAndNeck.test("C159")).toBe(false);
    expect(headAndNeck.test("C320")).toBe(true);
    expect(headAndNeck.test("C33")).toBe(false);
  });
  it("prefixes match longer codes, letters in the third place", () => {
    const m = codeset(["C50", "C4A", "D4811"]);
    expect(m.test("C50912")).toBe(true);
    expect(m.test("C4A9")).toBe(true);
    expect(m.test("D4811")).toBe(true);
    expect(m.test("D48110")).toBe(true);
    expect(m.test("D481")).toBe(false);
    expect(m.test("C5")).toBe(false);
  });
  it("has any / all / at least count entries", () => {
    const m = codeset(["C50", "C61", ["C00", "C14"]]);
    expect(hasAnyCode(["Z170", "C509"], m)).toBe(true);
    expect(hasAnyCode([], m)).toBe(false);
    expect(hasAnyCode(undefined, m)).toBe(undefined);
    expect(hasAllCodes(["C509", "C61", "C01"], m)).toBe(true);
    expect(hasAllCodes(["C509", "C61"], m)).toBe(false);
    expect(hasAtLeastCodes(2, ["C509", "C01"], m)).toBe(true);
    expect(hasAtLeastCodes(2, ["C509", "C501"], m)).toBe(false);
    expect(isInCodes("C619", m)).toBe(true);
    expect(codeUnder("C719", "C71")).toBe(true);
  });

  it("the category lookup answers exactly as scanning every entry with codeMatches", () => {
    const ch = fc.constantFrom("A", "C", "D", "Z", "0", "1", "4", "9");
    const code = (min: number, max: number) => fc.array(ch, { minLength: min, maxLength: max }).map((a) => a.join(""));
    const entry: fc.Arbitrary<CodeEntrySpec> = fc.oneof(
      code(1, 6),
      fc.integer({ min: 1, max: 5 }).chain((n) =>
        fc.tuple(code(n, n), code(n, n)).map(([a, b]): CodeEntrySpec => (a <= b ? [a, b] : [b, a])),
      ),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.array(code(0, 7), { maxLength: 20 }), (entries, codes) => {
        const m = codeset(entries);
        for (const c of codes) {
          const naive = entries.some((e) => (typeof e === "string" ? codeMatches(c, e) : codeMatches(c, e[0], e[1])));
          if (m.test(c) !== naive) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
