/**
 * Quick fixes: every diagnostic that carries a suggestion (a misspelt name, a
 * missing or wrong unit, a missing `otherwise` …) becomes a code action that
 * applies it.
 */
import { CodeActionKind, type CodeAction, type Range } from "vscode-languageserver";
import { diagnosticsOf, type DocumentAnalysis } from "../analysis.js";
import { rangesMeet, spanToRange } from "../positions.js";
import { toLspDiagnostic } from "./diagnostics.js";

/** The fixes for the diagnostics that touch `range` (the cursor or a selection). */
export function codeActions(a: DocumentAnalysis, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnosticsOf(a)) {
    if (!d.suggestion || !rangesMeet(spanToRange(d.span), range)) continue;
    const s = d.suggestion;
    actions.push({
      title: s.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(d, a.path)],
      isPreferred: true,
      edit: { changes: { [a.uri]: [{ range: spanToRange(s.span), newText: s.replacement }] } },
    });
  }
  return actions;
}
