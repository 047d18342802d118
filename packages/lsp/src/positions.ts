/**
 * Conversions between the front end's places (1-based line and column,
 * 0-based offsets) and LSP's (0-based line and UTF-16 character), and between
 * file paths and URIs. Both count UTF-16 code units, so a column maps to a
 * character one for one.
 */
import { pathToFileURL, fileURLToPath } from "node:url";
import type { Span } from "@pol/dsl";
import type { Position, Range } from "vscode-languageserver";

/** The LSP range of a front-end span. */
export function spanToRange(span: Span): Range {
  return {
    start: { line: span.start.line - 1, character: span.start.column - 1 },
    end: { line: span.end.line - 1, character: span.end.column - 1 },
  };
}

/** Whether `offset` lies in `span`, its end included: a cursor right after a name is still on it. */
export const spanHas = (span: Span, offset: number): boolean => span.start.offset <= offset && offset <= span.end.offset;

/** The absolute path of a `file:` URI; other schemes (untitled documents) keep the URI as their name. */
export function uriToPath(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
}

/** The `file:` URI of an absolute path (a name that is already a URI stays as it is). */
export function pathToUri(path: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? path : pathToFileURL(path).href;
}

/** Positions compare in document order. */
export const comparePositions = (a: Position, b: Position): number => a.line - b.line || a.character - b.character;

/** Whether two ranges share a character, or touch when one is empty (a cursor). */
export function rangesMeet(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
