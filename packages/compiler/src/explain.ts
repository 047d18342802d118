/**
 * A decision as a readable tree (`pol eval --explain`): the outcome and the
 * deciding rule, each rule walked with its criteria marked ✓ (holds), ✗ (does
 * not hold) or ? (unknown), down to the facts with their values; then what is
 * missing and the documentation checklist. Words are the policy's own labels.
 */
import type { Decision, DocumentationItem, TraceNode, TraceValue } from "./runtime/index.js";

export interface ExplainOptions {
  /** The policy's title, for the heading. */
  title?: string;
}

export function explainDecision(d: Decision, options: ExplainOptions = {}): string {
  const out: string[] = [];
  out.push(`Policy ${d.policy}${options.title ? ` "${options.title}"` : ""}${d.version ? `, version ${d.version}` : ""}`);
  out.push(`Outcome: ${words(d.outcome)}${d.rule !== null ? ` (rule "${d.rule}")` : ""}`);
  if (d.possible) out.push(`Possible outcomes: ${d.possible.map(words).join(", ")}`);
  if (d.missing) out.push(`Missing: ${d.missing.length > 0 ? d.missing.join(", ") : "nothing"}`);
  if (d.trace) {
    out.push("", "Criteria:");
    const expanded = new Set<string>();
    if (d.trace.applicability) node(d.trace.applicability, 1, out, expanded);
    if (d.trace.rules.length === 0 && !d.trace.applicability) out.push("  (no rules)");
    for (const r of d.trace.rules) node(r, 1, out, expanded);
    if (d.rule === "otherwise") out.push(`  → no rule decided: otherwise ${words(d.outcome)}`);
  }
  if (d.documentation.length > 0) {
    out.push("", "Documentation:");
    for (const item of d.documentation) out.push(`  ${documentationLine(item)}`);
  }
  return out.join("\n") + "\n";
}

/**
 * One line per criterion. A group shows the criteria that decided it (a false
 * "all of" shows what failed, a true "any of" what held, an unknown one what is
 * unknown); a define is expanded the first time only.
 */
function node(n: TraceNode, depth: number, out: string[], expanded = new Set<string>()): void {
  const indent = "  ".repeat(depth);
  const where = `  (${n.span.file}:${n.span.line}:${n.span.column})`;
  let text: string;
  if (n.kind === "rule") text = `${words(n.outcome ?? "")} "${n.label}"${where}`;
  else if (n.kind === "fact" || n.kind === "builtin") text = `${n.label}: ${valueText(n.value)}`;
  else if (n.kind === "define") text = `${n.label}${typeof n.value === "boolean" || n.value === null ? "" : ` = ${valueText(n.value)}`}${where}`;
  else text = typeof n.value === "boolean" || n.value === null ? n.label : `${n.label} = ${valueText(n.value)}`;
  if (n.kind === "define" && n.name !== undefined) {
    if (expanded.has(n.name)) {
      out.push(`${indent}${mark(n.value)} ${n.label} (as above)`);
      return;
    }
    expanded.add(n.name);
  }
  out.push(`${indent}${mark(n.value)} ${text}`);
  for (const c of deciding(n)) node(c, depth + 1, out, expanded);
}

/** The children that decided a group's value; every child of anything else. */
function deciding(n: TraceNode): TraceNode[] {
  const children = n.children ?? [];
  if (n.kind !== "condition" || !n.label.endsWith(" of the following") || n.label.startsWith("at least")) return children;
  const none = n.label.startsWith("none");
  const want = n.value === null ? null : none ? !n.value : n.value;
  const picked = children.filter((c) => c.value === want);
  return picked.length > 0 ? picked : children;
}

function mark(v: TraceValue): string {
  return v === true ? "✓" : v === false ? "✗" : v === null ? "?" : "•";
}

function valueText(v: TraceValue): string {
  if (v === null) return "unknown";
  if (Array.isArray(v)) return `[${v.map(valueText).join(", ")}]`;
  if (typeof v === "object") return `${v.value} ${v.unit}`;
  return String(v);
}

function documentationLine(item: DocumentationItem): string {
  const symbol =
    item.status === "not_required" ? "-" : item.status === "possibly_required" ? "?" : item.provided ? "✓" : "✗";
  const provided = item.status === "not_required" ? "" : item.provided ? ", provided" : ", not provided";
  return `${symbol} ${item.id} (${item.kind}, ${words(item.status)}${provided}): ${item.text}`;
}

function words(s: string): string {
  return s.replace(/_/g, " ");
}
