/**
 * Document formatting with the project's formatter. A file with syntax
 * errors is left alone: formatting a tree the parser had to guess at could
 * move the author's text somewhere they did not write it.
 */
import { formatPol } from "@pol/dsl";
import type { TextEdit } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";

export async function formatDocument(a: DocumentAnalysis): Promise<TextEdit[]> {
  if (a.parsed.diagnostics.some((d) => d.severity === "error")) return [];
  const formatted = await formatPol(a.text, { filepath: a.path });
  return minimalEdit(a, formatted);
}

/**
 * One edit covering only what changed between the first and last differing
 * characters, so the editor keeps the cursor and folds outside it.
 */
export function minimalEdit(a: DocumentAnalysis, formatted: string): TextEdit[] {
  const before = a.text;
  if (formatted === before) return [];
  let start = 0;
  const max = Math.min(before.length, formatted.length);
  while (start < max && before.charCodeAt(start) === formatted.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = formatted.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === formatted.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair or a CRLF between the kept and the replaced part.
  while (start > 0 && isLowHalfOrLf(before, start)) start--;
  while (endBefore < before.length && isLowHalfOrLf(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return [
    {
      range: { start: a.document.positionAt(start), end: a.document.positionAt(endBefore) },
      newText: formatted.slice(start, endAfter),
    },
  ];
}

function isLowHalfOrLf(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0xdc00 && c <= 0xdfff) || (c === 10 && text.charCodeAt(i - 1) === 13);
}
