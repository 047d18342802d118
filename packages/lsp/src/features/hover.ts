/**
 * Hover: what the name under the cursor stands for (a fact's type, unit,
 * label and doc comment; a define's label, type and doc; a codeset's codes;
 * an enum's members; a member's label), or the description of a code in
 * `applies to`.
 */
import type * as A from "@pol/dsl";
import { MarkupKind, type Hover, type Position } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import { describeTarget } from "../describe.js";
import { occurrenceAt } from "../occurrences.js";
import { spanHas, spanToRange } from "../positions.js";

/** Markdown about what is under `position`, or null when there is nothing to say. */
export function hover(a: DocumentAnalysis, position: Position): Hover | null {
  const offset = a.document.offsetAt(position);
  const o = occurrenceAt(a.occurrences, offset);
  if (o) {
    const text = describeTarget(o.target, a.model, a.path);
    return text ? markdown(text, o.span) : null;
  }
  const applicable = applicableCodeAt(a, offset);
  if (applicable) {
    const c = applicable.code;
    const written = c.rangeEnd ? `${c.code}-${c.rangeEnd}` : c.code;
    const description = applicable.description?.value ?? "No description.";
    return markdown(`\`\`\`pol\n${c.system} ${written}\n\`\`\`\n\n${description}`, c.span);
  }
  return null;
}

function markdown(value: string, span: A.Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(span) };
}

/** The `applies to` code under the cursor (§3 "Applicable codes"). */
function applicableCodeAt(a: DocumentAnalysis, offset: number): A.ApplicableCode | undefined {
  for (const m of a.unit?.members ?? []) {
    if (m.kind !== "applies-to" || !spanHas(m.span, offset)) continue;
    return m.codes.find((c) => spanHas(c.code.span, offset));
  }
  return undefined;
}
