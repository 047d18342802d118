/**
 * Diagnostics: every front-end diagnostic of the document, as LSP data, with
 * its stable code, its severity, and the other places it mentions.
 */
import type { Diagnostic as PolDiagnostic, Severity } from "@pol/dsl";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver";
import { diagnosticsOf, type DocumentAnalysis } from "../analysis.js";
import { pathToUri, spanToRange } from "../positions.js";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Codes about something that could be deleted: editors grey it out. */
const UNNECESSARY = new Set<string>(["unused-fact", "unused-define", "unused-codeset"]);

/** The diagnostics to publish for the analysed document. */
export function documentDiagnostics(a: DocumentAnalysis): Diagnostic[] {
  return diagnosticsOf(a).map((d) => toLspDiagnostic(d, a.path));
}

/** One front-end diagnostic as LSP data; `path` is the file a related place without a file is in. */
export function toLspDiagnostic(d: PolDiagnostic, path: string): Diagnostic {
  const out: Diagnostic = {
    range: spanToRange(d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "pol",
    message: d.message,
  };
  if (UNNECESSARY.has(d.code)) out.tags = [DiagnosticTag.Unnecessary];
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: pathToUri(r.file ?? d.file ?? path), range: spanToRange(r.span) },
      message: r.message,
    }));
  }
  // Kept so a client that sends diagnostics back with a code-action request
  // can be matched to the fix without re-deriving it.
  if (d.suggestion) out.data = { suggestion: d.suggestion.title };
  return out;
}
