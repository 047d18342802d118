/**
 * `pol diff` for people, read top-down: the summary line, then what changes
 * for requests (with a case for each change), then the declarations.
 */
import { OUTCOME_WORDS } from "./describe.js";
import type { DeclarationChange, PolicyDiff } from "./types.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The summary line: "3 outcome changes, 2 documentation changes, 5 declaration changes". */
export function summaryLine(d: PolicyDiff): string {
  const s = d.summary;
  return `${plural(s.outcomeChanges, "outcome change")}, ${plural(s.documentationChanges, "documentation change")}, ${plural(s.declarationChanges, "declaration change")}`;
}

/** Options of the text report. */
export interface ReportOptions {
  /** Every outcome change, not only the first few of each kind. */
  all?: boolean;
  /** How many changes of each kind (pair of outcomes) to show without `all` (default 5). */
  perHeading?: number;
}


/** The whole report as text. */
export function formatDiff(d: PolicyDiff, options: ReportOptions = {}): string {
  const out: string[] = [];
  const version = (v: PolicyDiff["old"]) => `${v.name}${v.version ? ` (${v.version})` : ""}`;
  out.push(`${version(d.old)} → ${version(d.new)}: ${summaryLine(d)}`);
  out.push("");

  out.push("Outcome changes");
  if (d.behavior.length === 0) out.push(d.summary.exhaustive ? "  None: every request is decided as before." : "  None found.");
  // Under one heading per pair of outcomes, each change of deciding rule with its case.
  const headings = new Map<string, PolicyDiff["behavior"]>();
  for (const b of d.behavior) {
    const h = `${OUTCOME_WORDS[b.old.outcome]} → ${OUTCOME_WORDS[b.new.outcome]}`;
    const list = headings.get(h);
    if (list) list.push(b);
    else headings.set(h, [b]);
  }
  let n = 0;
  for (const [h, list] of headings) {
    out.push(`  ${h} (${plural(list.length, "change")})`);
    const shown = options.all ? list : list.slice(0, options.perHeading ?? 5);
    for (const b of shown) {
      out.push(`    ${++n}. ${b.description}`);
      out.push(`       case: ${JSON.stringify(b.witness)}`);
    }
    if (shown.length < list.length) {
      n += list.length - shown.length;
      out.push(`    … and ${list.length - shown.length} more ${h} (--all lists every one)`);
    }
  }
  out.push("");

  out.push("Documentation changes");
  if (d.documentation.length === 0) out.push(d.summary.exhaustive ? "  None: every request needs the same documentation as before." : "  None found.");
  d.documentation.forEach((c, i) => {
    out.push(`  ${i + 1}. ${c.description}`);
    out.push(`     case: ${JSON.stringify(c.witness)}`);
  });
  out.push("");

  out.push("Declaration changes");
  if (d.declarations.length === 0) out.push("  None.");
  for (const c of d.declarations) out.push(...declarationLines(c));

  if (!d.summary.exhaustive || d.summary.notes.length) {
    out.push("");
    out.push(d.summary.exhaustive ? "Notes" : "Notes (the behavioural analysis is not exhaustive)");
    for (const n of d.summary.notes) out.push(`  - ${n}`);
  }
  return out.join("\n") + "\n";
}

const KIND_WORDS: Record<DeclarationChange["kind"], string> = {
  policy: "policy",
  enum: "enum",
  fact: "fact",
  codeset: "codeset",
  "applies-to": "applies to",
  define: "define",
  rule: "rule",
  otherwise: "otherwise",
  requirement: "requirement",
  test: "test",
  cite: "reference",
  revision: "revision",
  section: "section",
};

function declarationLines(c: DeclarationChange): string[] {
  const quoted = c.kind === "rule" || c.kind === "test" || c.kind === "section" || c.kind === "cite" ? `"${c.name}"` : c.name;
  const head = c.kind === "policy" || c.kind === "otherwise" || (c.kind === "applies-to" && c.name === "applies to") ? quoted : `${KIND_WORDS[c.kind]} ${quoted}`;
  const how = c.change === "renamed" ? `renamed from ${c.kind === "rule" ? `"${c.oldName}"` : c.oldName}` : c.change;
  return [`  ${head}: ${how}`, ...c.details.map((d) => `      ${d}`)];
}
