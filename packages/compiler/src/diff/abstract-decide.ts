/**
 * The decision of one version under a partial assignment (LANGUAGE.md §5,
 * §6): applicability, the walk of the rule classes and each requirement's
 * status — each either determined for every completion of the assignment,
 * or undetermined with the variable to split on.
 */
import { PRECEDENCE, type Outcome, type RequirementStatus, type RuleOutcome } from "../runtime/index.js";
import { AbstractEvaluator, F, maskOf, T, U, blameOf, type AV, type EvalState } from "./abstract-eval.js";

/** A decision as compared: outcome, deciding rule (its comparable id) and, when incomplete, the possible outcomes. */
export interface AbstractDecision {
  outcome: Outcome;
  /** Comparable rule id (correspondence.ts), `"otherwise"`, or null. */
  rule: string | null;
  /** The rule's label in this version. */
  label: string | null;
  possible?: RuleOutcome[];
}

/**
 * Not determined yet: `blame` is the variable to split on; `at` orders blames
 * of the two versions by where the walk stopped (class, then rule in file
 * order), so the search follows both walks in step (see `decide`).
 */
export type Undetermined = { blame: string; at?: number };

/** Is this answer a variable to split on rather than a result? */
export const isUndetermined = (x: unknown): x is Undetermined => typeof x === "object" && x !== null && "blame" in x;

/** Is the request applicable (§5: listed procedure codes, none of them in `applies to`, is not)? */
export function applicability(ev: AbstractEvaluator, s: EvalState): boolean | Undetermined {
  const codes = ev.version.appliesTo;
  if (!codes) return true;
  const p = ev.variable(ev.space.procedures, s);
  if (p.k === "v") {
    const list = p.v as string[] | undefined;
    return list === undefined || list.length === 0 || list.some((c) => codes.test(c));
  }
  if (p.k !== "set") return { blame: blameOf(p)! };
  if (p.present.some((i) => codes.test(p.elements[i] as string))) return true;
  const matching = p.open.find((i) => codes.test(p.elements[i] as string));
  if (matching !== undefined) return { blame: p.keys[matching] };
  // No code it may still hold is applicable: it is not applicable exactly when it holds any code at all.
  return p.present.length > 0 ? false : { blame: p.keys[p.open[0]] };
}

/** The decision of one version (§5), or the variable to split on. */
export function decide(ev: AbstractEvaluator, s: EvalState): AbstractDecision | Undetermined {
  const applicable = applicability(ev, s);
  if (isUndetermined(applicable)) return { blame: applicable.blame, at: -1 };
  if (!applicable) return { outcome: "not_applicable", rule: null, label: null };
  const v = ev.version;
  const possible: RuleOutcome[] = [];
  let deciding = -1;
  for (let c = 0; c < PRECEDENCE.length && deciding < 0; c++) {
    let anyUnknown = false;
    for (const i of v.classes[c]) {
      const value = ev.value(v.rules[i].condition, s);
      const m = maskOf(value);
      if (m & T) {
        if (m === T) {
          deciding = i;
          break;
        }
        return { blame: blameOf(value)!, at: c * 1_000_000 + i };
      }
      if (m === U) anyUnknown = true;
      // Decide a rule that may be unknown now, in file order, unless the class already joins: leaving
      // several pending would make the memo keys (residual.ts) tell apart every subset of them.
      else if (m & U && !anyUnknown) return { blame: blameOf(value)!, at: c * 1_000_000 + i };
    }
    if (deciding >= 0) possible.push(PRECEDENCE[c]);
    else if (anyUnknown) possible.push(PRECEDENCE[c]);
  }
  if (deciding < 0 && !possible.includes(v.otherwise)) possible.push(v.otherwise);
  if (possible.length > 1) return { outcome: "incomplete", rule: null, label: null, possible };
  return deciding >= 0
    ? { outcome: possible[0], rule: v.rules[deciding].id, label: v.rules[deciding].label }
    : { outcome: possible[0], rule: "otherwise", label: "otherwise" };
}

/** A requirement's status in one version (§6); `absent` when the version has no such requirement. */
export function requirementStatus(ev: AbstractEvaluator, id: string | undefined, s: EvalState): RequirementStatus | "absent" | Undetermined {
  const r = id === undefined ? undefined : ev.version.requirements.get(id);
  if (!r) return "absent";
  let mask = T;
  let blame: string | undefined;
  for (const c of r.conditions) {
    const value: AV = ev.value(c, s);
    const m = maskOf(value);
    if (m === F) return "not_required";
    if (value.k !== "v") blame ??= blameOf(value);
    // Kleene `and` of the conditions, over the values still possible.
    let next = 0;
    for (const a of [T, F, U]) if (mask & a) for (const b of [T, F, U]) if (m & b) next |= a === F || b === F ? F : a === U || b === U ? U : T;
    mask = next;
  }
  if (mask === T) return "required";
  if (mask === U) return "possibly_required";
  if (mask === F) return "not_required";
  return { blame: blame! };
}

/** A comparable key of a decision: outcome, rule id and possible outcomes. */
export function decisionKey(d: AbstractDecision): string {
  return `${d.outcome}|${d.rule ?? ""}|${(d.possible ?? []).join(",")}`;
}
