/**
 * One side of the comparison: a checked policy with what the behavioural
 * analysis needs from it — its lowered rules and requirement conditions (the
 * same lowering the reference evaluator runs, so the analysis and `evaluate`
 * agree on every operator), and how it reads a value of a case.
 *
 * How a version reads a witness (the `caseFor` rule, ARCHITECTURE.md "pol
 * diff"): a fact it does not declare is left out, and so is a value its type
 * cannot hold (a member its enum lacks, a number where it expects a bool);
 * an element of a set that it cannot hold is left out of the set. That is
 * what a request means to a version that does not ask about something.
 */
import type { PolicyModel, PolType } from "@pol/dsl";
import { lowering, type Lowered, type Lowering } from "../lower.js";
import { caseSchema, codeset, normalizeCode, parseDate, ruleClasses, validateCase, type CaseSchema, type CodeMatcher, type RuleOutcome } from "../runtime/index.js";
import { caseSchemaSpec } from "../schema.js";

/** A value a version cannot hold: the element or fact is left out. */
export const INVALID: unique symbol = Symbol("invalid");

/** A rule of one version, lowered. */
export interface VersionRule {
  outcome: RuleOutcome;
  label: string;
  /** Comparable across versions (correspondence.ts). */
  id: string;
  condition: Lowered;
}

/** A requirement of one version, its conditions lowered. */
export interface VersionRequirement {
  id: string;
  kind: "document" | "question";
  conditions: Lowered[];
}

/** One version of the policy, as the analysis reads it. */
export class Version {
  readonly lowering: Lowering;
  readonly schema: CaseSchema;
  readonly rules: VersionRule[];
  /** Rule indexes per class in precedence order (runtime/decide.ts). */
  readonly classes: readonly (readonly number[])[];
  readonly otherwise: RuleOutcome;
  readonly requirements: Map<string, VersionRequirement>;
  readonly appliesTo?: CodeMatcher;
  private readonly converted = new Map<string, unknown>();

  constructor(
    readonly model: PolicyModel,
    readonly side: "old" | "new",
    ruleIds: readonly string[],
  ) {
    this.lowering = lowering(model);
    this.schema = caseSchema(caseSchemaSpec(model));
    this.rules = model.rules.map((r, i) => ({ outcome: r.outcome, label: r.label, id: ruleIds[i], condition: this.lowering.rule(r) }));
    this.classes = ruleClasses(this.rules);
    this.otherwise = model.otherwise;
    this.requirements = new Map(
      model.requirements.map((r) => [r.id, { id: r.id, kind: r.kind, conditions: r.conditions.map((e) => this.lowering.condition(e)) }]),
    );
    if (model.appliesTo) this.appliesTo = codeset(model.appliesTo.map((c) => c.code));
  }

  /** The declared type of one of this version's facts. */
  factType(name: string): PolType | undefined {
    return this.model.facts.get(name)?.type;
  }

  /** A fact's JSON value as this version reads it (runtime value), or INVALID when its type cannot hold it. */
  read(fact: string, json: unknown): unknown {
    const key = `${fact}\u0000${JSON.stringify(json)}`;
    if (this.converted.has(key)) return this.converted.get(key);
    let value: unknown = INVALID;
    if (this.model.facts.has(fact)) {
      const checked = validateCase({ facts: { [fact]: json } }, this.schema);
      if (!("errors" in checked)) value = checked.values[fact];
    }
    this.converted.set(key, value);
    return value;
  }

  /** One element of a set fact as this version reads it, or INVALID. */
  readElement(fact: string, json: unknown): unknown {
    const v = this.read(fact, [json]);
    return Array.isArray(v) && v.length === 1 ? v[0] : INVALID;
  }
}

/** `as_of` as the runtime holds it (days since the epoch). */
export function readDate(json: unknown): number | undefined {
  return typeof json === "string" ? parseDate(json) : undefined;
}

/** A procedure code as the runtime holds it. */
export function readProcedure(json: unknown): string {
  return normalizeCode(String(json));
}
