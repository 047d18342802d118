/**
 * The decision algorithm of LANGUAGE.md §5, independent of how rule values are
 * computed: the reference evaluator and generated code both call it, so
 * precedence, `possible` and the deciding rule are defined once. Part of the
 * shipped runtime.
 */
import type { Kleene } from "./kleene.js";
import type { RuleOutcome } from "./types.js";

/** Classes in precedence order: exclusions decide first, then coverage, then review (§5). */
export const PRECEDENCE: readonly RuleOutcome[] = ["not_covered", "covered", "review"];

// Index accesses below are written to compile under `noUncheckedIndexedAccess`
// too: integrators compile pol-runtime.ts with their own settings.

export interface RuleHead {
  outcome: RuleOutcome;
  label: string;
}

export interface Walk {
  outcome: RuleOutcome | "incomplete";
  /** The first true rule's label of the deciding class, `"otherwise"`, or null when incomplete. */
  rule: string | null;
  /** Outcomes reached, in precedence order, the `otherwise` outcome last. */
  possible: RuleOutcome[];
  /** Unknown rules of the classes that joined `possible` without a true rule: their unknown facts are `missing`. */
  undecided: number[];
  /** Every rule evaluated, in the order evaluated: the rules the trace explains. */
  walked: number[];
}

/** Rule indexes per class, in PRECEDENCE order, each in file order. */
export function ruleClasses(rules: readonly RuleHead[]): number[][] {
  return PRECEDENCE.map((outcome) => rules.flatMap((r, i) => (r.outcome === outcome ? [i] : [])));
}

/**
 * Walk the classes in precedence order, asking for rule values only as needed
 * (a class stops at its first true rule in file order; later classes are not
 * evaluated once a class has a true rule).
 */
export function walkRules(
  rules: readonly RuleHead[],
  classes: readonly (readonly number[])[],
  valueOf: (index: number) => Kleene,
  otherwise: RuleOutcome,
): Walk {
  const possible: RuleOutcome[] = [];
  const undecided: number[] = [];
  const walked: number[] = [];
  let decidingRule = -1;
  for (let c = 0; c < PRECEDENCE.length && decidingRule < 0; c++) {
    const outcome = PRECEDENCE[c]!;
    const members = classes[c] ?? [];
    // This class's unknown rules go straight into `undecided`, and are taken back if a rule of it holds.
    const mark = undecided.length;
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      walked.push(i);
      const v = valueOf(i);
      if (v === true) {
        decidingRule = i;
        break;
      }
      if (v === undefined) undecided.push(i);
    }
    if (decidingRule >= 0) {
      undecided.length = mark;
      possible.push(outcome);
    } else if (undecided.length > mark) possible.push(outcome);
  }
  if (decidingRule < 0 && !possible.includes(otherwise)) possible.push(otherwise);
  const only = possible[0];
  if (possible.length > 1 || only === undefined) return { outcome: "incomplete", rule: null, possible, undecided, walked };
  return {
    outcome: only,
    rule: decidingRule >= 0 ? (rules[decidingRule]?.label ?? null) : "otherwise",
    possible,
    undecided,
    walked,
  };
}
