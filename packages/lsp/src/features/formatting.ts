/**
 * Document formatting with the project's formatter. A file with syntax
 * errors is left alone: formatting a tree the parser had to guess at could
 * move the author's text somewhere they did not write it.
 */
import { formatPol } from "@pol/dsl";
import type { TextEdit } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import { lineHunks, splitLines } from "../line-diff.js";

/** The edits that format the document, or none when it has syntax errors or is formatted already. */
export async function formatDocument(a: DocumentAnalysis): Promise<TextEdit[]> {
  if (a.parsed.diagnostics.some((d) => d.severity === "error")) return [];
  const formatted = await formatPol(a.text, { filepath: a.path });
  return minimalEdit(a, formatted);
}

/**
 * Edits that replace only the lines that changed (one edit per run of
 * changed lines), so the editor keeps the cursor and folds elsewhere.
 */
export function minimalEdit(a: DocumentAnalysis, formatted: string): TextEdit[] {
  if (formatted === a.text) return [];
  const before = splitLines(a.text);
  const after = splitLines(formatted);
  const hunks = lineHunks(before, after) ?? [{ from: 0, to: before.length, newFrom: 0, newTo: after.length }];
  const lineStart: number[] = [0];
  for (const l of before) lineStart.push(lineStart[lineStart.length - 1] + l.length);
  return hunks.map((h) => ({
    range: { start: a.document.positionAt(lineStart[h.from]), end: a.document.positionAt(lineStart[h.to]) },
    newText: after.slice(h.newFrom, h.newTo).join(""),
  }));
}
