/**
 * The IMRT policy as one JsonLogic rule (npm json-logic-js), giving the
 * outcome of a case. JsonLogic is two-valued and has no variables, so
 * three-valued logic is encoded in numbers: true 1, unknown 0.5, false 0;
 * Kleene `and` is then `min`, `or` is `max` and `not` is `1 - x`. The rule is
 * written the way an expert would hand it over: the fourteen covered
 * indications share their criteria, so the covered class is one `all` with
 * "diagnoses has any listed site" (the same value as the rules one by one, as
 * Kleene logic distributes); it gives the outcome, not the deciding rule.
 * Codes are matched on the dotted form the cases carry (`C50.912`): a
 * category by its first three characters, a longer entry by its prefix.
 */
import jsonLogic from "json-logic-js";
import type { ImrtCase } from "../lib/imrt-cases.js";
import { APPLIES_TO, BONE_TUMORS, LISTED_SITES, type CodeEntry } from "./imrt-codes.js";

type Rule = jsonLogic.RulesLogic;

const v = (path: string): Rule => ({ var: path });
const isNull = (x: Rule): Rule => ({ "==": [x, null] });
/** A three-valued number from a test that needs the value known. */
const known = (value: Rule, test: Rule): Rule => ({ if: [isNull(value), 0.5, test, 1, 0] });
const fact = (name: string): Rule => ({ if: [{ "===": [v(`facts.${name}`), true] }, 1, { "===": [v(`facts.${name}`), false] }, 0, 0.5] });
const all = (...xs: Rule[]): Rule => ({ min: xs });
const any = (...xs: Rule[]): Rule => ({ max: xs });
const not = (x: Rule): Rule => ({ "-": [1, x] });

/** Does the current element (a dotted code) fall under one of the entries? */
function codeTest(entries: readonly CodeEntry[]): Rule {
  const category: Rule = { substr: [v(""), 0, 3] };
  const categories = entries.filter((e): e is string => typeof e === "string" && e.length === 3);
  const tests: Rule[] = [];
  if (categories.length > 0) tests.push({ in: [category, categories] });
  for (const e of entries) {
    if (typeof e !== "string") tests.push({ "<=": [e[0], category, e[1]] });
    else if (e.length > 3) tests.push({ "===": [{ substr: [v(""), 0, e.length] }, e] });
  }
  return { or: tests };
}
const hasAny = (name: string, entries: readonly CodeEntry[]): Rule => known(v(`facts.${name}`), { some: [v(`facts.${name}`), codeTest(entries)] });

const general = all(fact("ordered_by_provider"), fact("medically_necessary"), fact("conservative_treatments_tried"));
/** disease_free_interval in years: a plain number is in years, a quantity in months, days or years. */
const intervalYears: Rule = {
  if: [
    { "===": [v("facts.disease_free_interval.unit"), "months"] }, { "/": [v("facts.disease_free_interval.value"), 12] },
    { "===": [v("facts.disease_free_interval.unit"), "days"] }, { "/": [v("facts.disease_free_interval.value"), 365.25] },
    { "===": [v("facts.disease_free_interval.unit"), "years"] }, v("facts.disease_free_interval.value"),
    v("facts.disease_free_interval"),
  ],
};
const definitive = all(
  known(v("facts.intent"), { "===": [v("facts.intent"), "curative"] }),
  any(not(fact("local_recurrence")), known(v("facts.disease_free_interval"), { ">=": [intervalYears, 2] })),
);
const covered = all(general, definitive, hasAny("diagnoses", LISTED_SITES));
const review = any(
  all(general, fact("medically_inoperable"), fact("dose_escalation_required")),
  all(general, fact("reirradiation"), fact("cumulative_dose_exceeds_tolerance")),
  all(general, hasAny("diagnoses", BONE_TUMORS)),
  all(general, known(v("facts.organs_spared"), { ">": [v("facts.organs_spared.length"), 0] })),
);
const notApplicable: Rule = { and: [{ "!!": [v("procedures.length")] }, { none: [v("procedures"), { in: [v(""), [...APPLIES_TO]] }] }] };

/** The outcome (§5): exclusions none, then covered, then review, otherwise not covered; incomplete when undecided. */
export const IMRT_RULE: Rule = {
  if: [
    notApplicable, "not_applicable",
    { "===": [covered, 1] }, "covered",
    { "===": [covered, 0] }, { if: [{ "===": [review, 1] }, "review", { "===": [review, 0] }, "not_covered", "incomplete"] },
    "incomplete",
  ],
};

export function jsonLogicOutcome(c: ImrtCase): string {
  return jsonLogic.apply(IMRT_RULE, c) as string;
}
