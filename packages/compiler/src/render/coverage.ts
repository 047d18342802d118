/**
 * The coverage part of the document: the rules grouped the way a clinical
 * policy presents them. Criteria that every covered and review rule repeats
 * are said once as general criteria; criteria every indication repeats are
 * said once above the list; indications about the parts of one code group
 * are nested under it; and the decision order (LANGUAGE.md §5) is spelled out.
 */
import { stripSpans, type Expression, type RuleOutcome } from "@pol/dsl";
import type { PolicyModel, RuleModel } from "@pol/dsl";
import { ConditionWords, inlineText, labelOf, wordsOnOneLine, type Ref, type Words } from "./words.js";

/** A rule as the document lists it. */
export interface RuleItem {
  label: string;
  anchor: string;
  /** What the rule requires beyond the criteria stated once above the list; absent when nothing. */
  criteria?: Words;
  doc?: string;
  /** A heading over rules that share a code group ("V. Gastrointestinal tumors including"). */
  children?: RuleItem[];
  ref?: Ref;
}

/** One step of the decision procedure (LANGUAGE.md §5), in precedence order. */
export interface DecisionStep {
  key: "applicability" | "exclusions" | "covered" | "review" | "otherwise";
  title: string;
  /** What the step asks, in words; a yes decides with `outcome`. */
  question: string;
  outcome: string;
  rules: string[];
}

/** The coverage parts of a policy document. */
export interface Coverage {
  general?: { title: string; ref?: Ref; lead: string; items: Words[] };
  covered: { common: Words[]; commonLead: string; lead: string; rules: RuleItem[] };
  review: { lead: string; rules: RuleItem[] };
  exclusions: { lead: string; rules: RuleItem[] };
  otherwise: { outcome: RuleOutcome; sentence: string };
  decision: DecisionStep[];
}

const NOTHING = new Map<string, Expression>();

/** The rules of a policy as its coverage sections say them; `title` names the service in the lead-ins. */
export function buildCoverage(model: PolicyModel, words: ConditionWords, title: string): Coverage {
  const byOutcome = (o: RuleOutcome): RuleModel[] => model.rules.filter((r) => r.outcome === o);
  const coveredRules = byOutcome("covered");
  const reviewRules = byOutcome("review");
  const exclusionRules = byOutcome("not_covered");

  const decisive = [...coveredRules, ...reviewRules];
  const generalKeys = decisive.length >= 2 ? commonConjuncts(decisive) : NOTHING;
  const coveredCommon = coveredRules.length >= 2 ? commonConjuncts(coveredRules, generalKeys) : NOTHING;
  const reviewCommon = reviewRules.length >= 2 ? commonConjuncts(reviewRules, generalKeys) : NOTHING;
  const general = generalKeys.size ? generalSection(model, words, [...generalKeys.values()], coveredRules.length > 0, reviewRules.length > 0) : undefined;

  const ruleItem = (r: RuleModel, factored: Map<string, Expression>[]): RuleItem => {
    const rest = residual(r, factored);
    return {
      label: r.label,
      anchor: `rule-${r.index + 1}`,
      criteria: rest.length === 0 ? undefined : rest.length === 1 ? words.condition(rest[0]) : { parts: ["All of the following:"], items: rest.map((c) => words.condition(c)) },
      doc: r.decl.doc,
    };
  };
  const coveredFactored = [generalKeys, coveredCommon];
  const reviewTogether = [...reviewCommon.values()].map((c) => wordsOnOneLine(words.condition(c)));

  return {
    general,
    covered: {
      common: [...coveredCommon.values()].map((c) => words.condition(c)),
      commonLead: general ? `In addition to the ${general.title.toLowerCase()}, each indication below requires:` : "Each indication below requires:",
      lead: `${title} is considered medically necessary for the following:`,
      rules: groupByCodeset(model, coveredRules, coveredRules.map((r) => ruleItem(r, coveredFactored)), coveredFactored),
    },
    review: {
      lead:
        `${title} may be covered ${coveredRules.length ? "for a condition that is not listed above " : ""}on a case-by-case basis ` +
        `when at least one of the following conditions is present${reviewTogether.length ? `, together with ${reviewTogether.join("; ")}` : ""}:`,
      rules: reviewRules.map((r) => ruleItem(r, [generalKeys, reviewCommon])),
    },
    exclusions: {
      lead: `${title} is not covered when any of the following applies, whatever the indications above:`,
      rules: exclusionRules.map((r) => ruleItem(r, [])),
    },
    otherwise: { outcome: model.otherwise, sentence: OTHERWISE[model.otherwise](title) },
    decision: decisionSteps(model, coveredRules, reviewRules, exclusionRules),
  };
}

const OTHERWISE: Record<RuleOutcome, (title: string) => string> = {
  covered: (t) => `Otherwise, ${t} is covered.`,
  review: (t) => `Otherwise, ${t} is referred for case-by-case review.`,
  not_covered: (t) => `Otherwise, ${t} is not covered.`,
};

/** A rule's own criteria: its conjuncts without those said once above it. */
function residual(r: RuleModel, factored: Map<string, Expression>[]): Expression[] {
  return conjuncts(r.condition).filter((c) => !factored.some((f) => f.has(keyOf(c))));
}

const OUTCOME_WORDS: Record<RuleOutcome, string> = { covered: "Covered", review: "Case-by-case review", not_covered: "Not covered" };

/** The criteria joined by `and` at the top of a condition: `all(a, b)` and `a and b` both give a, b. */
function conjuncts(e: Expression): Expression[] {
  if (e.kind === "paren") return conjuncts(e.inner);
  if (e.kind === "logical" && e.op === "and") return e.operands.flatMap(conjuncts);
  if (e.kind === "combinator" && e.fn === "all") return e.args.flatMap(conjuncts);
  return [e];
}

/** Layout-free identity of a condition. */
export const keyOf = (e: Expression): string => JSON.stringify(stripSpans(e));

/** Conjuncts present in every rule (first rule's order), leaving out those already factored. */
function commonConjuncts(rules: RuleModel[], exclude = new Map<string, Expression>()): Map<string, Expression> {
  const [first, ...rest] = rules.map((r) => conjuncts(r.condition));
  const restKeys = rest.map((cs) => new Set(cs.map(keyOf)));
  const common = new Map<string, Expression>();
  for (const c of first ?? []) {
    const k = keyOf(c);
    if (!exclude.has(k) && restKeys.every((s) => s.has(k))) common.set(k, c);
  }
  // A rule left with nothing of its own would read as a bare label; keep the last criterion with it.
  if (rules.some((r) => conjuncts(r.condition).every((c) => common.has(keyOf(c)) || exclude.has(keyOf(c))))) {
    return new Map();
  }
  return common;
}

function generalSection(
  model: PolicyModel,
  words: ConditionWords,
  criteria: Expression[],
  hasCovered: boolean,
  hasReview: boolean,
): Coverage["general"] {
  const scope = [hasCovered ? "coverage indication" : "", hasReview ? "case-by-case condition" : ""].filter(Boolean).join(" and ");
  const lead = `Required for every ${scope} in this policy:`;
  // One define (`general_criteria`): its label heads the section and its own criteria are the list.
  if (criteria.length === 1 && criteria[0].kind === "name") {
    const define = model.defines.get(criteria[0].name);
    if (define) {
      const w = words.condition(define.value);
      const items = w.items && /^All of the following/.test(inlineText(w.parts)) ? w.items : [w];
      return { title: labelOf(define), ref: { text: labelOf(define), kind: "define", name: define.name }, lead, items };
    }
  }
  return { title: "General criteria", lead, items: criteria.map((c) => words.condition(c)) };
}

/**
 * Consecutive rules, each about one codeset, that together make up a codeset
 * including exactly theirs, are listed under that codeset's label, as the
 * policy nests its sub-indications ("V. Gastrointestinal tumors including
 * a. … b. …"). The number in front comes from the rules' labels ("V.a", "V.b").
 */
function groupByCodeset(model: PolicyModel, rules: RuleModel[], items: RuleItem[], factored: Map<string, Expression>[]): RuleItem[] {
  const codesetOf = rules.map((r) => {
    const rest = residual(r, factored);
    const e = rest.length === 1 ? rest[0] : undefined;
    if (e?.kind !== "has" || e.quantifier !== "any") return undefined;
    const v = e.value.kind === "paren" ? e.value.inner : e.value;
    return v.kind === "name" && model.codesets.has(v.name) ? `${keyOf(e.subject)}|${v.name}` : undefined;
  });
  const out: RuleItem[] = [];
  let i = 0;
  while (i < items.length) {
    const group = [...model.codesets.values()].find((g) => {
      const n = g.includes.length;
      if (n < 2 || i + n > items.length) return false;
      const run = codesetOf.slice(i, i + n);
      if (run.some((k) => !k)) return false;
      const subjects = new Set(run.map((k) => k!.split("|")[0]));
      const names = new Set(run.map((k) => k!.split("|")[1]));
      return subjects.size === 1 && names.size === n && g.includes.every((inc) => names.has(inc));
    });
    if (!group) {
      out.push(items[i++]);
      continue;
    }
    const children = items.slice(i, i + group.includes.length);
    const numbers = children.map((c) => /^([IVXLCDM]+|\d+)\.[a-z]\b/.exec(c.label)?.[1]);
    const prefix = numbers[0] && numbers.every((n) => n === numbers[0]) ? `${numbers[0]}. ` : "";
    out.push({
      label: `${prefix}${labelOf(group)} including`,
      anchor: `group-${group.name}`,
      children,
      ref: { text: labelOf(group), kind: "codeset", name: group.name },
    });
    i += group.includes.length;
  }
  return out;
}

function decisionSteps(model: PolicyModel, covered: RuleModel[], review: RuleModel[], exclusions: RuleModel[]): DecisionStep[] {
  const steps: DecisionStep[] = [];
  if (model.appliesTo) {
    steps.push({
      key: "applicability",
      title: "Applicable codes",
      question: "Does the request list procedure codes, none of them an applicable code?",
      outcome: "Not applicable",
      rules: [],
    });
  }
  steps.push(
    { key: "exclusions", title: "Exclusions", question: "Does any exclusion hold?", outcome: OUTCOME_WORDS.not_covered, rules: exclusions.map((r) => r.label) },
    { key: "covered", title: "Coverage indications", question: "Does any coverage indication hold?", outcome: OUTCOME_WORDS.covered, rules: covered.map((r) => r.label) },
    { key: "review", title: "Case-by-case review", question: "Does any case-by-case condition hold?", outcome: OUTCOME_WORDS.review, rules: review.map((r) => r.label) },
    { key: "otherwise", title: "Otherwise", question: "No rule above holds.", outcome: OUTCOME_WORDS[model.otherwise], rules: [] },
  );
  return steps;
}
