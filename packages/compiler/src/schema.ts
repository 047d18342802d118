/**
 * What a case may hold, from the checked model: the runtime's validation
 * schema (shared by the reference evaluator and generated modules, so both
 * accept exactly the same cases) and the JSON Schema that `pol build` writes
 * next to each generated module.
 */
import type { PolicyModel, PolType } from "@pol/dsl";
import { displayUnit } from "./lower.js";
import { lookupUnit, UNIT_NAMES, type CaseSchemaSpec, type FactSpec } from "./runtime/index.js";

/** The validation schema of a policy's cases (runtime/validate-case.ts). */
export function caseSchemaSpec(model: PolicyModel): CaseSchemaSpec {
  return {
    policy: model.name,
    facts: [...model.facts.values()].map((f) => factSpec(f.name, f.type, model)),
    documents: model.requirements.filter((r) => r.kind === "document").map((r) => r.id),
    questions: model.requirements.filter((r) => r.kind === "question").map((r) => r.id),
  };
}

function factSpec(name: string, type: PolType, model: PolicyModel): FactSpec {
  const set = type.kind === "set";
  const t = type.kind === "set" ? type.element : type;
  const spec: FactSpec = { name, kind: "text", ...(set ? { set } : {}) };
  switch (t.kind) {
    case "bool":
    case "date":
    case "text":
      return { ...spec, kind: t.kind };
    case "number": {
      const unit = t.unit ?? (t.dimension ? displayUnit(t.dimension) : undefined);
      return { ...spec, kind: "number", ...(unit ? { unit: lookupUnit(unit)?.name ?? unit } : {}) };
    }
    case "enum":
      return { ...spec, kind: "enum", enumName: t.name, members: [...(model.enums.get(t.name)?.members.keys() ?? [])] };
    case "code":
      return { ...spec, kind: "code", system: t.system === "procedure" ? "CPT" : t.system };
    default:
      throw new Error(`pol: fact ${name} has a type a case cannot give (${t.kind})`);
  }
}

// Kept equal to semantics/codes.ts by a test (the JSON Schema cannot call isValidCode).
export const CODE_PATTERNS = {
  ICD10: "^[A-Z][0-9][0-9A-Z](?:\\.?[0-9A-Z]{1,4})?$",
  CPT: "^(?:[0-9]{5}|[0-9]{4}[FTU])$",
  HCPCS: "^[A-Z][0-9]{4}$",
} as const;
const PROCEDURE_PATTERN = "^(?:[0-9]{5}|[0-9]{4}[FTU]|[A-Z][0-9]{4})$";
const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The JSON Schema (draft 2020-12) of the policy's cases (LANGUAGE.md §9). */
export function caseJsonSchema(model: PolicyModel): Record<string, Json> {
  const spec = caseSchemaSpec(model);
  const dimensions = new Set<string>();
  const facts: Record<string, Json> = {};
  for (const f of spec.facts) {
    const symbol = model.facts.get(f.name);
    let element = elementSchema(f, dimensions);
    if (f.set) element = { type: "array", items: element };
    setOwn(facts, f.name, {
      ...(symbol?.label ? { description: symbol.label } : {}),
      anyOf: [element, { type: "null" }],
    });
  }
  const defs: Record<string, Json> = {};
  for (const d of [...dimensions].sort()) setOwn(defs, d, quantitySchema(d));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `A case for policy ${model.name}${model.title ? ` (${model.title})` : ""}`,
    description: "The case shape of LANGUAGE.md §9. A fact left out, or null, is unknown.",
    type: "object",
    additionalProperties: false,
    properties: {
      facts: { anyOf: [{ type: "object", additionalProperties: false, properties: facts }, { type: "null" }] },
      procedures: {
        description: "Procedure codes on the request (CPT or HCPCS)",
        anyOf: [{ type: "array", items: { type: "string", pattern: PROCEDURE_PATTERN } }, { type: "null" }],
      },
      documents: {
        description: "Ids of the documents the request carries",
        anyOf: [{ type: "array", items: spec.documents.length > 0 ? { enum: [...spec.documents] } : false }, { type: "null" }],
      },
      as_of: { description: "The case's reference date", anyOf: [{ type: "string", pattern: DATE_PATTERN, format: "date" }, { type: "null" }] },
    },
    ...(dimensions.size > 0 ? { $defs: defs } : {}),
  };
}

function elementSchema(f: FactSpec, dimensions: Set<string>): Json {
  switch (f.kind) {
    case "bool":
      return { type: "boolean" };
    case "text":
      return { type: "string" };
    case "date":
      return { type: "string", pattern: DATE_PATTERN, format: "date" };
    case "enum":
      return { enum: [...(f.members ?? [])] };
    case "code":
      return { type: "string", pattern: CODE_PATTERNS[f.system ?? "ICD10"] };
    case "number": {
      const unit = f.unit === undefined ? undefined : lookupUnit(f.unit);
      if (!unit) return { type: "number" };
      dimensions.add(unit.dimension);
      return { anyOf: [{ type: "number", description: `in ${unit.name}` }, { $ref: `#/$defs/${unit.dimension}` }] };
    }
  }
}

function quantitySchema(dimension: string): Json {
  return {
    description: `A quantity of ${dimension} in any of its units`,
    type: "object",
    required: ["value", "unit"],
    additionalProperties: false,
    properties: { value: { type: "number" }, unit: { enum: unitSpellings(dimension) } },
  };
}

/** Every spelling units.ts accepts for the dimension: canonical names, singulars, `%`. */
export function unitSpellings(dimension: string): string[] {
  const out: string[] = [];
  for (const name of UNIT_NAMES) {
    if (lookupUnit(name)?.dimension !== dimension) continue;
    out.push(name);
    if (name.endsWith("s") && lookupUnit(name.slice(0, -1))?.name === name) out.push(name.slice(0, -1));
  }
  if (dimension === "percent" && lookupUnit("%")) out.push("%");
  return out;
}

/** Set a key even if it is `__proto__`: keys here are names from the policy. */
function setOwn(o: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
