/**
 * The IMRT policy as json-rules-engine rules (npm json-rules-engine), giving
 * the outcome of a case. The engine is two-valued and asynchronous: every
 * `run` is a promise, measured here as an integrator would call it, one case
 * awaited after the other.
 *
 * Three-valued logic is encoded with two conditions per criterion: "surely
 * true" (T) and "possibly true" (P, i.e. not surely false); unknown is P and
 * not T. T(a and b) = T(a) and T(b), P(a and b) = P(a) and P(b), likewise for
 * `or`, and T(not a) = not P(a). The outcome is then: covered when the covered
 * class is T; review when covered is not P and review is T; not covered when
 * neither is P; otherwise incomplete. Code matching, the disease-free interval
 * in any time unit, and "is unknown" are custom operators (the engine has no
 * prefix match, unit conversion or null test); everything else is the
 * engine's own conditions, shared through named conditions.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from "json-rules-engine";
import type { ImrtCase } from "../lib/imrt-cases.js";
import { APPLIES_TO, BONE_TUMORS, LISTED_SITES, type CodeEntry } from "./imrt-codes.js";

const YEARS: Record<string, number> = { years: 1, months: 12, days: 365.25 };

/** A dotted code under an entry: a category range, a category, or a longer prefix. */
function under(code: string, e: CodeEntry): boolean {
  if (typeof e !== "string") {
    const category = code.slice(0, 3);
    return category >= e[0] && category <= e[1];
  }
  return code.startsWith(e);
}

function engine(): Engine {
  const e = new Engine([], { allowUndefinedFacts: true });
  e.addOperator<unknown, null>("isUnknown", (v) => v === undefined || v === null);
  e.addOperator<string[] | undefined, readonly CodeEntry[]>("hasAnyCode", (codes, entries) => Array.isArray(codes) && codes.some((c) => entries.some((x) => under(c, x))));
  e.addOperator<unknown[] | undefined, null>("notEmpty", (list) => Array.isArray(list) && list.length > 0);
  e.addOperator<string[] | undefined, readonly string[]>("listedNoneIn", (list, codes) => Array.isArray(list) && list.length > 0 && !list.some((c) => codes.includes(c)));
  e.addOperator<unknown, number>("yearsAtLeast", (v, n) => {
    if (typeof v === "number") return v >= n;
    if (typeof v === "object" && v !== null && "unit" in v && "value" in v) return (v.value as number) / (YEARS[v.unit as string] ?? NaN) >= n;
    return false;
  });

  const is = (fact: string, operator: string, value: unknown = null): NestedCondition => ({ fact, operator, value });
  const T = (fact: string): NestedCondition => is(fact, "equal", true);
  const P = (fact: string): NestedCondition => is(fact, "notEqual", false);
  /** Possibly true: unknown, or surely true. */
  const maybe = (fact: string, sure: NestedCondition): NestedCondition => ({ any: [is(fact, "isUnknown"), sure] });
  const ref = (name: string): NestedCondition => ({ condition: name });
  const named = (name: string, c: TopLevelCondition) => e.setCondition(name, c);

  const GENERAL = ["ordered_by_provider", "medically_necessary", "conservative_treatments_tried"];
  named("generalT", { all: GENERAL.map(T) });
  named("generalP", { all: GENERAL.map(P) });
  const longInterval = is("disease_free_interval", "yearsAtLeast", 2);
  named("definitiveT", { all: [is("intent", "equal", "curative"), { any: [is("local_recurrence", "equal", false), longInterval] }] });
  named("definitiveP", { all: [is("intent", "notEqual", "palliative"), { any: [is("local_recurrence", "notEqual", true), maybe("disease_free_interval", longInterval)] }] });
  const sites = is("diagnoses", "hasAnyCode", LISTED_SITES);
  named("coveredT", { all: [ref("generalT"), ref("definitiveT"), sites] });
  named("coveredP", { all: [ref("generalP"), ref("definitiveP"), maybe("diagnoses", sites)] });
  const bone = is("diagnoses", "hasAnyCode", BONE_TUMORS);
  const organs = is("organs_spared", "notEmpty");
  named("reviewT", {
    any: [
      { all: [ref("generalT"), T("medically_inoperable"), T("dose_escalation_required")] },
      { all: [ref("generalT"), T("reirradiation"), T("cumulative_dose_exceeds_tolerance")] },
      { all: [ref("generalT"), bone] },
      { all: [ref("generalT"), organs] },
    ],
  });
  named("reviewP", {
    any: [
      { all: [ref("generalP"), P("medically_inoperable"), P("dose_escalation_required")] },
      { all: [ref("generalP"), P("reirradiation"), P("cumulative_dose_exceeds_tolerance")] },
      { all: [ref("generalP"), maybe("diagnoses", bone)] },
      { all: [ref("generalP"), maybe("organs_spared", organs)] },
    ],
  });

  e.addRule({ name: "not_applicable", priority: 4, conditions: { all: [is("procedures", "listedNoneIn", APPLIES_TO)] }, event: { type: "not_applicable" } });
  e.addRule({ name: "covered", priority: 3, conditions: { all: [ref("coveredT")] }, event: { type: "covered" } });
  e.addRule({ name: "review", priority: 2, conditions: { all: [{ not: ref("coveredP") }, ref("reviewT")] }, event: { type: "review" } });
  e.addRule({ name: "not_covered", priority: 1, conditions: { all: [{ not: ref("coveredP") }, { not: ref("reviewP") }] }, event: { type: "not_covered" } });
  return e;
}

const ENGINE = engine();
const ORDER = ["not_applicable", "covered", "review", "not_covered"];

export async function jsonRulesEngineOutcome(c: ImrtCase): Promise<string> {
  const { events } = await ENGINE.run({ ...c.facts, procedures: c.procedures ?? undefined });
  const types = new Set(events.map((x) => x.type));
  return ORDER.find((t) => types.has(t)) ?? "incomplete";
}
