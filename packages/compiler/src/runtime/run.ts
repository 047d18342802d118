/**
 * The evaluator driver: case validation, applicability, the rule walk,
 * `missing`, documentation and the trace, assembled into the decision JSON of
 * LANGUAGE.md §9. The reference evaluator and every generated module are a
 * `Program` — they differ only in how expressions are computed (walking the
 * syntax tree, or compiled code) — so everything else lives here, once. Part
 * of the shipped runtime.
 */
import type { CodeMatcher } from "./code-matcher.js";
import { ruleClasses, walkRules, type RuleHead } from "./decide.js";
import { documentationItem, type RequirementHead } from "./documentation.js";
import type { Kleene } from "./kleene.js";
import { collectMissing, explained, toTraceNode, type Explained } from "./trace.js";
import type { Decision, DocumentationItem, EvaluateOptions, InputErrors, RuleOutcome, SourceSpan, TraceNode } from "./types.js";
import { validateCase, type CaseSchema, type CheckedCase } from "./validate-case.js";

export interface ProgramRule<C> extends RuleHead {
  /** The condition's value (fast path: no trace objects). */
  value(context: C): Kleene;
  /** The rule's explanation node (for the trace, and for `missing`). */
  explain(context: C): Explained<Kleene>;
}

export interface ProgramRequirement<C> extends RequirementHead {
  /** All of the requirement's conditions (its `when`s), Kleene `and`; true when it has none. */
  condition(context: C): Kleene;
}

export interface ProgramSpec<C> {
  policy: string;
  version: string | null;
  schema: CaseSchema;
  /** The policy's `applies to` codes and where they are declared; absent when it has none. */
  appliesTo?: { codes: CodeMatcher; span: SourceSpan };
  /** In file order. */
  rules: readonly ProgramRule<C>[];
  otherwise: RuleOutcome;
  requirements: readonly ProgramRequirement<C>[];
  /** The per-case state (values and memoized defines) for a valid case. */
  context(checked: CheckedCase): C;
}

export interface Program<C> extends ProgramSpec<C> {
  readonly classes: readonly (readonly number[])[];
  /** Position of each name in `missing`: facts in declaration order, then `procedures`, then `as_of`. */
  readonly missingOrder: ReadonlyMap<string, number>;
}

/** Precompute what every evaluation needs. */
export function program<C>(spec: ProgramSpec<C>): Program<C> {
  const names = [...spec.schema.spec.facts.map((f) => f.name), "procedures", "as_of"];
  return { ...spec, classes: ruleClasses(spec.rules), missingOrder: new Map(names.map((n, i) => [n, i])) };
}

/** Decide a case (§5, §6, §9), or return its input errors. */
export function run<C>(p: Program<C>, input: unknown, options?: EvaluateOptions): Decision | InputErrors {
  const checked = validateCase(input, p.schema);
  if ("errors" in checked) return checked;
  const tracing = options?.trace === true;
  const c = p.context(checked);
  const procedures = checked.procedures;
  const applies = p.appliesTo !== undefined && procedures !== undefined && procedures.length > 0;

  if (applies && !anyApplicable(p.appliesTo!.codes, procedures!)) {
    const decision: Decision = { policy: p.policy, version: p.version, outcome: "not_applicable", rule: null, documentation: [] };
    if (tracing) decision.trace = { applicability: applicabilityNode(p.appliesTo!.span, false, procedures!), rules: [] };
    return decision;
  }

  // With the trace on, every rule walked keeps its explanation node; off, rules compute values only
  // and the nodes of an incomplete decision's undecided rules are built afterwards, for `missing`.
  const nodes: (Explained<Kleene> | undefined)[] | undefined = tracing ? [] : undefined;
  const walk = walkRules(p.rules, p.classes, nodes ? (i) => (nodes[i] = p.rules[i]!.explain(c)).value : (i) => p.rules[i]!.value(c), p.otherwise);
  const documentation = documentationOf(p, c, checked);
  // Two literals, so the key order of §9 holds and every decision of a kind has the same shape.
  const decision: Decision =
    walk.outcome === "incomplete"
      ? {
          policy: p.policy,
          version: p.version,
          outcome: walk.outcome,
          rule: walk.rule,
          possible: walk.possible,
          missing: collectMissing(walk.undecided.map((i) => nodes?.[i] ?? p.rules[i]!.explain(c)), p.missingOrder),
          documentation,
        }
      : { policy: p.policy, version: p.version, outcome: walk.outcome, rule: walk.rule, documentation };
  if (nodes) {
    const done = new Map<Explained, TraceNode>();
    const rules = walk.walked.map((i) => toTraceNode(nodes[i] ?? p.rules[i]!.explain(c), done));
    decision.trace = applies ? { applicability: applicabilityNode(p.appliesTo!.span, true, procedures!), rules } : { rules };
  }
  return decision;
}

function anyApplicable(codes: CodeMatcher, procedures: readonly string[]): boolean {
  for (const code of procedures) if (codes.test(code)) return true;
  return false;
}

function documentationOf<C>(p: Program<C>, c: C, checked: CheckedCase): DocumentationItem[] {
  const out: DocumentationItem[] = new Array(p.requirements.length);
  for (let i = 0; i < out.length; i++) {
    const r = p.requirements[i]!;
    out[i] = documentationItem(r, r.condition(c), checked.documents, checked.values);
  }
  return out;
}

function applicabilityNode(span: SourceSpan, applicable: boolean, procedures: string[]): TraceNode {
  const list = explained("builtin", "procedures", span, "set:code", procedures, [], "procedures");
  return toTraceNode(explained("applies-to", "applies to", span, "bool", applicable, [list]));
}
