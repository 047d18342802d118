import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineHunks, splitLines } from "../src/line-diff.js";

/** Apply hunks (in order, on old line numbers) to the old lines. */
function apply(a: string[], b: string[], hunks: NonNullable<ReturnType<typeof lineHunks>>): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    out.push(...a.slice(at, h.from), ...b.slice(h.newFrom, h.newTo));
    at = h.to;
  }
  return [...out, ...a.slice(at)];
}

describe("line diff", () => {
  it("turns one text into the other, touching only changed lines", () => {
    const lines = fc.array(fc.constantFrom("a\n", "b\n", "c\n", "  d\n", "e"), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const hunks = lineHunks(a, b)!;
        expect(apply(a, b, hunks)).toEqual(b);
        const touched = hunks.reduce((n, h) => n + (h.to - h.from) + (h.newTo - h.newFrom), 0);
        expect(touched).toBeLessThanOrEqual(a.length + b.length);
      }),
    );
  });

  it("finds the one changed line in a long text", () => {
    const a = Array.from({ length: 1000 }, (_, i) => `line ${i}\n`);
    const b = [...a];
    b[500] = "changed\n";
    b.splice(900, 0, "inserted\n");
    expect(lineHunks(a, b)).toEqual([
      { from: 500, to: 501, newFrom: 500, newTo: 501 },
      { from: 900, to: 900, newFrom: 900, newTo: 901 },
    ]);
  });

  it("keeps line breaks with their lines", () => {
    expect(splitLines("a\nb\n\nc")).toEqual(["a\n", "b\n", "\n", "c"]);
    expect(splitLines("")).toEqual([]);
  });
});
