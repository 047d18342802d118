/**
 * Quick fixes: every diagnostic that carries a suggestion (a misspelt name, a
 * missing or wrong unit, unparenthesised `and`/`or` …) becomes a code action
 * that applies it. A few fixes the checker leaves to the editor because they
 * are about layout (where to add `otherwise`) are built here.
 */
import type { Diagnostic, Suggestion } from "@pol/dsl";
import { CodeActionKind, type CodeAction, type Range } from "vscode-languageserver";
import { diagnosticsOf, type DocumentAnalysis } from "../analysis.js";
import { rangesMeet, spanToRange } from "../positions.js";
import { toLspDiagnostic } from "./diagnostics.js";

/** The fixes for the diagnostics that touch `range` (the cursor or a selection). */
export function codeActions(a: DocumentAnalysis, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnosticsOf(a)) {
    if (!rangesMeet(spanToRange(d.span), range)) continue;
    const s = d.suggestion ?? EDITOR_FIXES[d.code]?.(a, d);
    if (!s) continue;
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

/** Fixes for diagnostics that come without a suggestion. */
const EDITOR_FIXES: Partial<Record<string, (a: DocumentAnalysis, d: Diagnostic) => Suggestion | undefined>> = {
  "missing-otherwise": (a) => {
    const unit = a.unit;
    if (!unit || a.text[unit.span.end.offset - 1] !== "}") return undefined;
    // Insert a line of its own before the policy's closing brace, indented like its members.
    const brace = unit.span.end.offset - 1;
    const lineStart = a.text.lastIndexOf("\n", brace - 1) + 1;
    const braceOnOwnLine = a.text.slice(lineStart, brace).trim() === "";
    const member = unit.members[0];
    const indent = member ? " ".repeat(member.span.start.column - 1) : "  ";
    const at = braceOnOwnLine ? lineStart : brace;
    const where = a.document.positionAt(at);
    const point = { offset: at, line: where.line + 1, column: where.character + 1 };
    return {
      title: "Add `otherwise not covered`",
      span: { start: point, end: point },
      replacement: `${braceOnOwnLine ? "" : "\n"}${indent}otherwise not covered\n`,
    };
  },
};
