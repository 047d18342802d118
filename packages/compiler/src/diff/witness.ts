/**
 * Witnesses: the concrete case a region stands for, how each version reads
 * it, and making it small. A witness is written in the new version's names;
 * `caseFor` turns it into the case one version is given (ARCHITECTURE.md "pol
 * diff": a version leaves out what it does not declare or cannot hold).
 */
import type { PolicyModel } from "@pol/dsl";
import { evaluate } from "../evaluate.js";
import { caseSchema, validateCase, type CaseSchema, type Decision } from "../runtime/index.js";
import { caseSchemaSpec } from "../schema.js";
import { KNOWN, UNKNOWN, type Assignment } from "./abstract-eval.js";
import { extraElements, extraKey } from "./counts.js";
import type { Space } from "./space.js";
import type { CaseJson, FactRename } from "./types.js";

/** The case of a region: every given value of the assignment; what it leaves open is left out (unknown, or absent from a set). */
export function witnessOf(space: Space, asg: Assignment): CaseJson {
  const out: CaseJson = { facts: {} };
  const vars = [...space.variables.values()].sort((a, b) => a.order - b.order);
  for (const v of vars) {
    const value = asg.get(v.key);
    if (value === undefined || value === UNKNOWN) continue;
    let json = value;
    if (value === KNOWN) {
      const present = v.elements.flatMap((_, i) => (asg.get(`${v.key}#${i}`) === true ? [i] : []));
      json = [...present.map((i) => v.elements[i]), ...extraElements(v, present, (asg.get(extraKey(v.key)) as number | undefined) ?? 0)];
    }
    if (v.key === "as_of") out.as_of = json as string;
    else if (v.key === "procedures") out.procedures = json as string[];
    else out.facts[v.name] = json;
  }
  return out;
}

const schemas = new WeakMap<PolicyModel, CaseSchema>();

/**
 * The case `model` is given for a witness: facts in its own names (`renames`
 * maps new names to old ones for the old version), without the facts it does
 * not declare and the values (or set elements) its types cannot hold.
 */
export function caseFor(model: PolicyModel, witness: CaseJson, renames: readonly FactRename[] = [], side: "old" | "new" = "new"): CaseJson {
  let schema = schemas.get(model);
  if (!schema) schemas.set(model, (schema = caseSchema(caseSchemaSpec(model))));
  const toOwn = new Map(side === "old" ? renames.map((r) => [r.new, r.old]) : []);
  const facts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(witness.facts)) {
    const own = toOwn.get(name) ?? name;
    if (!model.facts.has(own)) continue;
    if (side === "old" && !toOwn.has(name) && renames.some((r) => r.old === name)) continue;
    const valid = (v: unknown) => !("errors" in validateCase({ facts: { [own]: v } }, schema!));
    if (valid(value)) facts[own] = value;
    else if (Array.isArray(value)) facts[own] = value.filter((x) => valid([x]));
  }
  return {
    facts,
    ...(witness.procedures !== undefined ? { procedures: witness.procedures } : {}),
    ...(witness.as_of !== undefined ? { as_of: witness.as_of } : {}),
  };
}

/** A decision of the real evaluator for a witness. */
export function decisionFor(model: PolicyModel, witness: CaseJson, renames: readonly FactRename[], side: "old" | "new"): Decision {
  const d = evaluate(model, caseFor(model, witness, renames, side));
  if ("errors" in d) throw new Error(`pol diff: a witness is not a valid case: ${d.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return d;
}

/** The names a witness gives values to (`procedures` and `as_of` included), in its order. */
export function givenNames(w: CaseJson): string[] {
  return [...Object.keys(w.facts), ...(w.procedures !== undefined ? ["procedures"] : []), ...(w.as_of !== undefined ? ["as_of"] : [])];
}

function without(w: CaseJson, name: string): CaseJson {
  if (name === "procedures") {
    const { procedures: _p, ...rest } = w;
    return rest;
  }
  if (name === "as_of") {
    const { as_of: _a, ...rest } = w;
    return rest;
  }
  const { [name]: _x, ...facts } = w.facts;
  return { ...w, facts };
}

/**
 * Leave out values while `keep` still holds, until none can go: then every
 * remaining value is needed (leaving out any one changes the pair). Set
 * elements are dropped the same way, so a witness lists only the codes that
 * matter.
 */
export function minimize(w: CaseJson, keep: (w: CaseJson) => boolean): CaseJson {
  let current = w;
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of givenNames(current)) {
      const next = without(current, name);
      if (keep(next)) {
        current = next;
        changed = true;
      }
    }
  }
  for (const [name, value] of Object.entries(current.facts)) {
    if (!Array.isArray(value)) continue;
    for (const item of [...value]) {
      const list = (current.facts[name] as unknown[]).filter((x) => x !== item);
      const next = { ...current, facts: { ...current.facts, [name]: list } };
      if (keep(next)) current = next;
    }
  }
  if (current.procedures) {
    for (const item of [...current.procedures]) {
      const next = { ...current, procedures: current.procedures!.filter((x) => x !== item) };
      if (keep(next)) current = next;
    }
  }
  return current;
}
