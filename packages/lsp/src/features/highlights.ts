/**
 * Document highlights: the other places in this file where the name under
 * the cursor is written, its declaration marked as a write.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Position } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import { occurrenceAt, targetKey } from "../occurrences.js";
import { spanToRange } from "../positions.js";

/** Every occurrence in this file of the name at `position`. */
export function documentHighlights(a: DocumentAnalysis, position: Position): DocumentHighlight[] {
  const o = occurrenceAt(a.occurrences, a.document.offsetAt(position));
  if (!o) return [];
  const key = targetKey(o.target);
  return a.occurrences
    .filter((x) => targetKey(x.target) === key)
    .map((x) => ({ range: spanToRange(x.span), kind: x.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}
