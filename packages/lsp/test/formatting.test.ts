import { formatPol } from "@pol/dsl";
import { describe, expect, it } from "vitest";
import { formatDocument } from "../src/features/formatting.js";
import { open, POLICY } from "./helpers.js";

/** Apply edits (given in document order, non-overlapping) to `text`. */
function apply(text: string, o: ReturnType<typeof open>, edits: Awaited<ReturnType<typeof formatDocument>>): string {
  let out = text;
  for (const e of [...edits].reverse()) {
    out = out.slice(0, o.analysis.document.offsetAt(e.range.start)) + e.newText + out.slice(o.analysis.document.offsetAt(e.range.end));
  }
  return out;
}

describe("formatting", () => {
  it("formats with the project's formatter", async () => {
    const messy = POLICY.replace(`fact intent: Intent "Treatment intent"`, `fact    intent :Intent   "Treatment intent"`);
    const o = open(messy);
    const edits = await formatDocument(o.analysis);
    expect(edits.length).toBeGreaterThan(0);
    expect(apply(messy, o, edits)).toBe(await formatPol(messy));
  });

  it("edits only the lines that change", async () => {
    const formatted = await formatPol(POLICY);
    const messy = formatted.replace("fact intent: Intent", "fact   intent:   Intent").replace("require target_volume", "require    target_volume");
    const o = open(messy);
    const edits = await formatDocument(o.analysis);
    expect(edits).toHaveLength(2);
    expect(edits.map((e) => e.range.end.line - e.range.start.line)).toEqual([1, 1]);
    expect(apply(messy, o, edits)).toBe(formatted);
  });

  it("changes nothing in a formatted file", async () => {
    const formatted = await formatPol(POLICY);
    expect(await formatDocument(open(formatted).analysis)).toEqual([]);
  });

  it("leaves a file with syntax errors alone", async () => {
    expect(await formatDocument(open(POLICY.replace("otherwise not covered", "otherwise not")).analysis)).toEqual([]);
  });
});
