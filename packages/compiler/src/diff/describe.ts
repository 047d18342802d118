/**
 * Plain words for behavioural changes: what a request held, and what each
 * version decided ("was covered by "I. …", now not covered").
 */
import type { DecisionSummary, RequirementState, CaseJson } from "./types.js";
import { unitWord } from "./text.js";

/** Outcomes as a reviewer reads them; the one table every part of the diff report uses. */
export const OUTCOME_WORDS: Record<string, string> = {
  covered: "covered",
  review: "review",
  not_covered: "not covered",
  incomplete: "incomplete",
  not_applicable: "not applicable",
};

/** `covered by "I. …"`, `not covered (no rule applies)`, `incomplete (covered or review)`. */
export function decisionWords(d: DecisionSummary): string {
  switch (d.outcome) {
    case "incomplete":
      return `incomplete (could be ${(d.possible ?? []).map((o) => OUTCOME_WORDS[o]).join(" or ")})`;
    case "not_applicable":
      return "not applicable (no procedure code in `applies to`)";
    default: {
      const what = d.outcome === "review" ? "sent to case-by-case review" : OUTCOME_WORDS[d.outcome];
      return d.rule === "otherwise" || d.rule === null ? `${what} (no rule applies: otherwise)` : `${what} by "${d.rule}"`;
    }
  }
}

const STATUS_WORDS: Record<RequirementState, string> = {
  required: "required",
  not_required: "not required",
  possibly_required: "possibly required (its condition is unknown)",
  absent: "not asked for",
};

/** A requirement status in words. */
export function statusWords(s: RequirementState): string {
  return STATUS_WORDS[s];
}

/** A value as a reader would say it: `2.5 years`, `C71`, `[C61, C50.9]`, `true`. */
export function valueWords(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(valueWords).join(", ");
  if (value && typeof value === "object" && "value" in value && "unit" in value) {
    const q = value as { value: number; unit: string };
    return `${q.value} ${unitWord(q.unit, q.value)}`;
  }
  return String(value);
}

/** One given value: `disease_free_interval 2.5 years (any value above 2 years and below 3 years)`. */
export function givenWords(name: string, value: unknown, unit: string | undefined, region: string | undefined): string {
  const shown = typeof value === "number" && unit ? `${value} ${unitWord(unit, value)}` : valueWords(value);
  return `${name} ${shown}${region && region !== "any value" && region !== "any date" && !region.startsWith("exactly") ? ` (${region})` : ""}`;
}

/** "A request with a, b and c" (or "Any request" when the witness gives nothing). */
export function requestWords(w: CaseJson, units: Map<string, string>, regions: Map<string, string>): string {
  const parts = [
    ...Object.entries(w.facts).map(([name, v]) => givenWords(name, v, units.get(name), regions.get(name))),
    ...(w.procedures !== undefined ? [`procedures ${w.procedures.length ? w.procedures.join(", ") : "none listed"}`] : []),
    ...(w.as_of !== undefined ? [givenWords("as_of", w.as_of, undefined, regions.get("as_of"))] : []),
  ];
  if (parts.length === 0) return "Any request";
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `A request with ${list}`;
}

/** How one version read a witness: the facts of the case it was given (`caseFor`), and whether it declares a fact. */
export interface Reading {
  side: "old" | "new";
  facts: Record<string, unknown>;
  /** The version's own name of a witness fact, when it declares one. */
  ownName(name: string): string | undefined;
}

/**
 * What a version leaves out of a witness (see `caseFor`), in words: "the old
 * version does not ask about x", "the old version does not know intent
 * adjuvant: it reads it as not given".
 */
export function readingNotes(witness: CaseJson, readings: readonly Reading[]): string[] {
  const notes: string[] = [];
  for (const { side, facts, ownName } of readings) {
    for (const [name, value] of Object.entries(witness.facts)) {
      const own = ownName(name);
      if (own === undefined) notes.push(`the ${side} version does not ask about ${name}`);
      else if (!(own in facts)) notes.push(`the ${side} version does not know ${name} ${valueWords(value)}: it reads it as not given`);
      else if (Array.isArray(value) && (facts[own] as unknown[]).length < value.length) {
        const kept = new Set((facts[own] as unknown[]).map((x) => JSON.stringify(x)));
        const dropped = value.filter((x) => !kept.has(JSON.stringify(x)));
        notes.push(`the ${side} version does not know ${name} ${valueWords(dropped)}: it leaves ${dropped.length === 1 ? "it" : "them"} out`);
      }
    }
  }
  return notes;
}
