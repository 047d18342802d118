/**
 * Folding: every bracketed block and set that spans lines, multi-line
 * declarations, text blocks, block comments and runs of line comments or
 * imports. Brackets come from the tokens, so half-typed text still folds.
 */
import type * as A from "@pol/dsl";
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";

const OPEN = new Set(["{", "(", "["]);
const CLOSE: Record<string, string> = { "}": "{", ")": "(", "]": "[" };

/** Every foldable region of the document, one per start line (the largest wins). */
export function foldingRanges(a: DocumentAnalysis): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine <= startLine) return;
    const old = byStart.get(startLine);
    if (old && old.endLine >= endLine) return;
    byStart.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  // Brackets: fold up to the line before the closer, so `}` stays visible.
  const stack: { image: string; line: number }[] = [];
  for (const t of a.parsed.tokens) {
    const line = (t.startLine ?? 1) - 1;
    if (OPEN.has(t.image)) stack.push({ image: t.image, line });
    else if (t.image in CLOSE) {
      const i = lastIndexWhere(stack, (s) => s.image === CLOSE[t.image]);
      if (i < 0) continue;
      const open = stack[i];
      stack.length = i;
      add(open.line, line - 1);
    } else if (t.image.startsWith('"""')) add(line, (t.endLine ?? 1) - 1);
  }

  // Declarations without brackets that span lines (`define x =` and its condition on the next lines).
  for (const m of a.parsed.file.unit?.members ?? []) {
    if (m.kind === "define" || m.kind === "rule" || m.kind === "require" || m.kind === "ask") add(line0(m.span.start), line0(m.span.end));
  }

  let run: A.Comment[] = [];
  const flush = (): void => {
    if (run.length > 1) add(line0(run[0].span.start), line0(run[run.length - 1].span.end), FoldingRangeKind.Comment);
    run = [];
  };
  for (const c of a.parsed.file.comments) {
    if (c.style === "block") {
      flush();
      add(line0(c.span.start), line0(c.span.end), FoldingRangeKind.Comment);
      continue;
    }
    if (!startsLine(a.text, c.span.start.offset)) {
      flush();
      continue;
    }
    const last = run[run.length - 1];
    if (last && (line0(c.span.start) !== line0(last.span.start) + 1 || c.style !== last.style)) flush();
    run.push(c);
  }
  flush();

  const imports = a.parsed.file.imports;
  if (imports.length > 1) add(line0(imports[0].span.start), line0(imports[imports.length - 1].span.end), FoldingRangeKind.Imports);

  return [...byStart.values()].sort((x, y) => x.startLine - y.startLine);
}

/** Only comments on lines of their own fold together; trailing comments belong to their code. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0 && text[i] !== "\n"; i--) if (text[i] !== " " && text[i] !== "\t") return false;
  return true;
}

const line0 = (p: A.Position): number => p.line - 1;

function lastIndexWhere<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
}
