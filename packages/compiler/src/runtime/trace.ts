/**
 * Explanation nodes: the tree of criteria under each rule, with the values
 * computed for this case. The same tree serves two purposes: the `trace` of a
 * decision (§9) and `missing` (§5), which is read off it — an unknown node
 * needs exactly the unknown facts under its unknown children, because every
 * operator that is unknown is so through its unknown operands only (a false
 * operand of `and` or a true one of `or` would have decided it). Part of the
 * shipped runtime.
 */
import { formatDate } from "../../../dsl/src/semantics/calendar.js";
import { inUnit, roundForComparison } from "./numbers.js";
import { durationIn, type Duration } from "./time.js";
import type { RuleOutcome, SourceSpan, TraceKind, TraceNode, TraceValue } from "./types.js";

/**
 * How a value is shown in the trace: `bool`, `text`, `number`, `number:<unit>`
 * (a base-unit number shown in that unit), `time:<unit>`, `date`, `code`,
 * `code:ICD10` (dot restored), `set:<element>`.
 */
export type Show = string;

/** A node of the explanation, holding the evaluator's own value (formatted only when a trace is written). */
export interface Explained<T = unknown> {
  readonly kind: TraceKind;
  readonly label: string;
  readonly name?: string;
  readonly outcome?: RuleOutcome;
  readonly value: T;
  readonly show: Show;
  readonly span: SourceSpan;
  readonly children: readonly Explained[];
}

/** Build a node. */
export function explained<T>(
  kind: TraceKind,
  label: string,
  span: SourceSpan,
  show: Show,
  value: T,
  children: readonly Explained[],
  name?: string,
): Explained<T> {
  return name === undefined ? { kind, label, value, show, span, children } : { kind, label, name, value, show, span, children };
}

/** A rule's node: its condition is its one child (none when the condition is a constant). */
export function ruleNode(outcome: RuleOutcome, label: string, span: SourceSpan, value: boolean | undefined, children: readonly Explained[]): Explained<boolean | undefined> {
  return { kind: "rule", label, outcome, value, show: "bool", span, children };
}

/** A source span (generated modules build one per node, once, at load time). */
export function span(file: string, line: number, column: number, endLine: number, endColumn: number): SourceSpan {
  return { file, line, column, endLine, endColumn };
}

/**
 * The unknown facts that would decide the given unknown nodes, in the order of
 * `order` (declaration order), names not in it last in alphabetical order.
 */
export function collectMissing(roots: readonly Explained[], order: ReadonlyMap<string, number>): string[] {
  const found: string[] = [];
  // Only a define's node is shared (by every rule that uses it): remember those, not every node.
  const seen: Explained[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.value !== undefined) continue;
    if (n.kind === "define") {
      if (seen.includes(n)) continue;
      seen.push(n);
    }
    if ((n.kind === "fact" || n.kind === "builtin") && n.name !== undefined) {
      if (!found.includes(n.name)) found.push(n.name);
    } else for (const c of n.children) stack.push(c);
  }
  const last = order.size;
  return found.sort((a, b) => (order.get(a) ?? last) - (order.get(b) ?? last) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The JSON trace of a node. A define's node is shared by every rule that uses
 * it; pass the same `done` map for all the nodes of one decision and each
 * shared node is converted once (the JSON is the same: the object appears
 * under each rule).
 */
export function toTraceNode(n: Explained, done?: Map<Explained, TraceNode>): TraceNode {
  // Only defines' nodes are shared between rules; looking others up would cost more than it saves.
  const shared = done !== undefined && n.kind === "define";
  const known = shared ? done.get(n) : undefined;
  if (known) return known;
  // One literal per combination of optional keys: the keys keep the order of TraceNode
  // without spreading objects, which costs more than everything else the trace does.
  const value = showValue(n.value, n.show);
  let node: TraceNode;
  if (n.name !== undefined && n.outcome !== undefined) node = { kind: n.kind, label: n.label, name: n.name, outcome: n.outcome, value, span: n.span };
  else if (n.name !== undefined) node = { kind: n.kind, label: n.label, name: n.name, value, span: n.span };
  else if (n.outcome !== undefined) node = { kind: n.kind, label: n.label, outcome: n.outcome, value, span: n.span };
  else node = { kind: n.kind, label: n.label, value, span: n.span };
  if (n.children.length > 0) {
    const children: TraceNode[] = new Array(n.children.length);
    for (let i = 0; i < children.length; i++) children[i] = toTraceNode(n.children[i]!, done);
    node.children = children;
  }
  if (shared) done.set(n, node);
  return node;
}

/** A value as the trace shows it (`null` for unknown). */
export function showValue(v: unknown, show: Show): TraceValue {
  if (v === undefined) return null;
  const colon = show.indexOf(":");
  const kind = colon < 0 ? show : show.slice(0, colon);
  const arg = colon < 0 ? "" : show.slice(colon + 1);
  switch (kind) {
    case "set":
      return Array.isArray(v) ? v.map((x) => showValue(x, arg)) : null;
    case "number":
      return arg ? { value: inUnit(v as number, arg), unit: arg } : roundForComparison(v as number);
    case "time":
      return { value: durationIn(v as Duration, arg), unit: arg };
    case "date": {
      const days = v as number;
      return formatDate(Math.floor(days));
    }
    case "code": {
      const code = v as string;
      return arg === "ICD10" && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
    }
    default:
      return typeof v === "boolean" || typeof v === "string" || typeof v === "number" ? v : null;
  }
}
