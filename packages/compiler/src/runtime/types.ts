/**
 * The JSON contract of a decision (LANGUAGE.md §9), shared by the reference
 * evaluator and every generated evaluator. Part of the shipped runtime: pure,
 * no imports outside runtime/ and dsl/src/semantics/.
 */

/** The three outcomes a rule can reach (§5). */
export type RuleOutcome = "covered" | "review" | "not_covered";
/** Every outcome a decision can have (§5). */
export type Outcome = RuleOutcome | "incomplete" | "not_applicable";

/** One problem with a case, at a JSON path such as `facts.diagnoses[1]` (`$` is the case itself). */
export interface InputError {
  path: string;
  message: string;
}

/** What an evaluator returns for a bad case: never a decision (§9). */
export interface InputErrors {
  errors: InputError[];
}

/** Where something is in the policy source; `file` is relative to the policy's own folder. */
export interface SourceSpan {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** §6: a requirement's condition is true, false or unknown. */
export type RequirementStatus = "required" | "not_required" | "possibly_required";

/** One line of the documentation checklist (§6, §9). */
export interface DocumentationItem {
  id: string;
  /** `document` for `require`, `question` for `ask`. */
  kind: "document" | "question";
  text: string;
  status: RequirementStatus;
  /** A document is provided when its id is in `documents`; a question when its fact has a value. */
  provided: boolean;
}

/** A value as the trace shows it: `null` is unknown; quantities keep their unit. */
export type TraceValue = boolean | number | string | null | { value: number; unit: string } | TraceValue[];

/** What a trace node stands for. */
export type TraceKind = "rule" | "define" | "fact" | "builtin" | "condition" | "applies-to";

/** One criterion of the explanation: its label, value, place in the source and the criteria it was decided from. */
export interface TraceNode {
  kind: TraceKind;
  /** Rule, define or fact label (the name when there is none), or the expression's text. */
  label: string;
  /** Fact, define or built-in name. */
  name?: string;
  /** For rules: the outcome the rule reaches when it holds. */
  outcome?: RuleOutcome;
  value: TraceValue;
  span: SourceSpan;
  /** Omitted when there are none (facts, constants). */
  children?: TraceNode[];
}

/** The explanation of a decision: the rules walked, in the order the decision walked them (§5). */
export interface Trace {
  /** Present when the applicability check ran (the case lists procedures and the policy has `applies to`). */
  applicability?: TraceNode;
  rules: TraceNode[];
}

/**
 * A decision (§9). Keys always appear in this order; `possible` and `missing`
 * only when the outcome is `incomplete`; `trace` only when asked for.
 */
export interface Decision {
  policy: string;
  /** The policy's `approved` date, else its `effective` date; null when it has neither. */
  version: string | null;
  outcome: Outcome;
  /** The deciding rule's label, `"otherwise"`, or null (incomplete, not applicable). */
  rule: string | null;
  /** Outcomes still possible, in precedence order (exclusions, covered, review, otherwise). */
  possible?: RuleOutcome[];
  /** Facts (and `procedures` / `as_of`) whose value would decide, in declaration order. */
  missing?: string[];
  documentation: DocumentationItem[];
  trace?: Trace;
}

export interface EvaluateOptions {
  /** Build the explanation tree (default false: the fast path builds no trace objects). */
  trace?: boolean;
}

/** A quantity in a case: `{ "value": 30, "unit": "months" }`. */
export interface QuantityInput {
  value: number;
  unit: string;
}
