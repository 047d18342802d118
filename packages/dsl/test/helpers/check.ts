/**
 * Test helpers for the checker: inline sources, in-memory imports, and
 * `expectDiagnostics(source, [{ code, line, column }])`.
 *
 * A source may mark positions with `<|>` instead of counting columns: each
 * expected diagnostic without a line and column takes the next marker, in
 * order (markers are removed before checking).
 */
import * as path from "node:path";
import { expect } from "vitest";
import { checkText, formatDiagnostic, type CheckResult, type Diagnostic, type DiagnosticCode, type SourceHost } from "../../src/index.js";

export const VIRTUAL_ROOT = path.resolve("/virtual");
export const POLICY_PATH = path.join(VIRTUAL_ROOT, "policy.pol");

/** A host serving `files` (paths relative to /virtual) and nothing else. */
export function memoryHost(files: Record<string, string> = {}): SourceHost {
  const abs = new Map(Object.entries(files).map(([p, text]) => [path.resolve(VIRTUAL_ROOT, p), text]));
  return { readFile: (p) => abs.get(p) };
}

export interface ExpectedDiagnostic {
  code: DiagnosticCode;
  line?: number;
  column?: number;
  /** Absolute path, when the diagnostic is in another file than the one checked. */
  file?: string;
}

export interface CheckOptions {
  /** Other files, relative to /virtual (the checked source is /virtual/policy.pol). */
  files?: Record<string, string>;
}

/** Diagnostics that most small sources would produce and few tests are about: compared only when expected. */
const INCIDENTAL: readonly DiagnosticCode[] = ["missing-otherwise", "unused-fact", "unused-define", "unused-codeset"];

const MARKER = "<|>";

/** The source without its markers, and the 1-based line and column of each marker. */
export function stripMarkers(source: string): { text: string; markers: { line: number; column: number }[] } {
  const markers: { line: number; column: number }[] = [];
  let text = "";
  let rest = source;
  for (let i = rest.indexOf(MARKER); i >= 0; i = rest.indexOf(MARKER)) {
    text += rest.slice(0, i);
    rest = rest.slice(i + MARKER.length);
    const lines = text.split("\n");
    markers.push({ line: lines.length, column: lines[lines.length - 1].length + 1 });
  }
  return { text: text + rest, markers };
}

/** Check an inline source as /virtual/policy.pol. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  return checkText(stripMarkers(source).text, POLICY_PATH, memoryHost(options.files));
}

/**
 * Check `source` and compare its diagnostics with `expected` by code, line and
 * column (and file, for diagnostics outside the checked file). Incidental
 * codes (unused declarations, no `otherwise`) are compared only when the
 * expectation names them. Returns the result for further assertions.
 */
export function expectDiagnostics(source: string, expected: ExpectedDiagnostic[], options: CheckOptions = {}): CheckResult {
  const { markers } = stripMarkers(source);
  const result = check(source, options);
  let next = 0;
  const want = expected.map((e) => {
    const at = e.line !== undefined && e.column !== undefined ? { line: e.line, column: e.column } : markers[next++];
    if (!at) throw new Error(`expectDiagnostics: no marker left for ${e.code}`);
    return { code: e.code, line: at.line, column: at.column, file: e.file ?? POLICY_PATH };
  });
  const named = new Set(expected.map((e) => e.code));
  const relevant = (d: Diagnostic): boolean => !INCIDENTAL.includes(d.code) || named.has(d.code);
  const got = result.diagnostics.filter(relevant).map((d) => ({ code: d.code, line: d.span.start.line, column: d.span.start.column, file: d.file }));
  const order = (a: { line: number; column: number; code: string; file?: string }, b: typeof a): number =>
    (a.file ?? "").localeCompare(b.file ?? "") || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
  expect(got.sort(order), `diagnostics were:\n${result.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}`).toEqual(want.sort(order));
  return result;
}

/** A policy around `body`, which starts on line 2. */
export const policy = (body: string): string => `policy p "P" {\n${body}\n}\n`;

/** The diagnostics of one code, in order. */
export const withCode = (result: CheckResult, code: DiagnosticCode): Diagnostic[] => result.diagnostics.filter((d) => d.code === code);
