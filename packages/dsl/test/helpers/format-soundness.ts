/**
 * The formatter's laws, as one check (STYLE.md "Formatter"): the formatted
 * text parses without errors to the same tree (ranges ignored), with the same
 * comments in the same order, and formatting it again changes nothing.
 */
import { expect } from "vitest";
import { formatPol, parse, stripSpans, type SourceFile } from "../../src/index.js";

const errors = (text: string): string[] =>
  parse(text)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message}`);

/**
 * The tree as the formatter must keep it. Trailing blanks of line comments
 * (and so of doc text) are not kept: Prettier trims every line end.
 */
export function comparableTree(text: string): unknown {
  const file = parse(text).file;
  const trimDoc = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(trimDoc);
    if (!v || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = k === "doc" && typeof x === "string" ? x.split("\n").map((l) => l.trimEnd()).join("\n") : trimDoc(x);
    }
    return out;
  };
  const tree = trimDoc(stripSpans(file)) as SourceFile;
  return { ...tree, comments: tree.comments.map((c) => ({ ...c, text: c.style === "block" ? c.text : c.text.trimEnd() })) };
}

/** Format `input`, check the laws, and return the output. */
export async function expectSoundFormatting(input: string, options: { printWidth?: number } = {}): Promise<string> {
  expect(errors(input), "the input must parse").toEqual([]);
  const output = await formatPol(input, options);
  expect(errors(output), `the output must parse:\n${output}`).toEqual([]);
  expect(comparableTree(output), `the output must keep the tree:\n${output}`).toEqual(comparableTree(input));
  expect(await formatPol(output, options), "formatting twice must change nothing").toBe(output);
  return output;
}

/** Does `text` parse without errors? */
export const parsesCleanly = (text: string): boolean => errors(text).length === 0;
