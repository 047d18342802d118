/**
 * Case validation (LANGUAGE.md §9). Turns the JSON a caller sends into the
 * values the evaluators compute with, or into input errors that name every
 * offending JSON path. A bad case never yields a decision, and nothing in a
 * case is silently dropped: an unknown key anywhere is an error too. Part of
 * the shipped runtime.
 */
import { parseDate } from "../../../dsl/src/semantics/calendar.js";
import { FORMAT_HINTS, isValidCode, normalizeCode, procedureSystem, type CodeSystemName } from "../../../dsl/src/semantics/codes.js";
import { lookupUnit, toBase } from "../../../dsl/src/semantics/units.js";
import { roundForComparison } from "./numbers.js";
import { duration, totalMinutes, type Duration } from "./time.js";
import type { InputError, InputErrors } from "./types.js";

export type FactKind = "bool" | "number" | "date" | "text" | "enum" | "code";

/** What a case may say about one fact (generated modules embed one per fact). */
export interface FactSpec {
  name: string;
  kind: FactKind;
  /** `set of …` */
  set?: boolean;
  /** number: the declared unit (canonical name); absent for a plain number. */
  unit?: string;
  /** enum: the enum's name and its members. */
  enumName?: string;
  members?: readonly string[];
  /** code: its system. */
  system?: CodeSystemName;
}

export interface CaseSchemaSpec {
  /** The policy's name, for messages. */
  policy: string;
  facts: readonly FactSpec[];
  /** Ids of `require`s: what `documents` may list. */
  documents: readonly string[];
  /** Ids of `ask`s (they are facts too), for a helpful message when one is listed as a document. */
  questions: readonly string[];
}

/** A schema with its lookups built once. */
export interface CaseSchema {
  readonly spec: CaseSchemaSpec;
  readonly facts: ReadonlyMap<string, FactSpec>;
  readonly documents: ReadonlySet<string>;
  readonly questions: ReadonlySet<string>;
}

export function caseSchema(spec: CaseSchemaSpec): CaseSchema {
  return {
    spec,
    facts: new Map(spec.facts.map((f) => [f.name, f])),
    documents: new Set(spec.documents),
    questions: new Set(spec.questions),
  };
}

/** A valid case, in evaluator values: unknown facts are `undefined`. */
export interface CheckedCase {
  /** Every declared fact by name (a null-prototype record, so any name is safe). */
  values: Record<string, unknown>;
  /** Normalized procedure codes; undefined when the case does not say. */
  procedures: string[] | undefined;
  documents: ReadonlySet<string>;
  /** `as_of` in days since the epoch; undefined when absent. */
  asOf: number | undefined;
}

const CASE_KEYS = ["facts", "procedures", "documents", "as_of"];

/** Check a case against a policy's schema: its values, or every error in it (in the order of the case). */
export function validateCase(input: unknown, schema: CaseSchema): CheckedCase | InputErrors {
  const errors: InputError[] = [];
  const fail = (path: string, message: string) => {
    errors.push({ path, message });
  };
  const values: Record<string, unknown> = Object.create(null);
  for (const f of schema.spec.facts) values[f.name] = undefined;
  let procedures: string[] | undefined;
  const documents = new Set<string>();
  let asOf: number | undefined;

  if (!isObject(input)) {
    fail("$", `a case is a JSON object with "facts", "procedures", "documents" and "as_of"; got ${describe(input)}`);
    return { errors };
  }
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key === "facts") {
      if (value === null || value === undefined) continue;
      if (!isObject(value)) {
        fail("facts", `"facts" is an object from fact names to values; got ${describe(value)}`);
        continue;
      }
      for (const name of Object.keys(value)) {
        const spec = schema.facts.get(name);
        if (!spec) {
          fail(`facts${pathKey(name)}`, `policy ${schema.spec.policy} has no fact \`${name}\`${didYouMean(name, [...schema.facts.keys()])}`);
          continue;
        }
        // Declared names are Pol identifiers, so the path needs no quoting.
        const path = `facts.${name}`;
        const v = value[name];
        if (v === null || v === undefined) continue;
        values[name] = spec.set ? readSet(spec, v, path, fail) : readValue(spec, v, path, fail);
      }
    } else if (key === "procedures") {
      if (value === null || value === undefined) continue;
      procedures = readProcedures(value, fail);
    } else if (key === "documents") {
      if (value === null || value === undefined) continue;
      readDocuments(value, schema, documents, fail);
    } else if (key === "as_of") {
      if (value === null || value === undefined) continue;
      const d = typeof value === "string" ? parseDate(value) : undefined;
      if (d === undefined) fail("as_of", `"as_of" is the case's reference date, "YYYY-MM-DD"; got ${describe(value)}`);
      else asOf = d;
    } else {
      fail(pathKey(key).replace(/^\./, ""), `a case has no key "${key}"; its keys are ${CASE_KEYS.map((k) => `"${k}"`).join(", ")}${didYouMean(key, CASE_KEYS)}`);
    }
  }
  return errors.length > 0 ? { errors } : { values, procedures, documents, asOf };
}

type Fail = (path: string, message: string) => void;

function readSet(spec: FactSpec, v: unknown, path: string, fail: Fail): unknown {
  if (!Array.isArray(v)) {
    fail(path, `\`${spec.name}\` is a set: give a list (JSON array) of ${expected(spec)}; got ${describe(v)}`);
    return undefined;
  }
  const out: unknown[] = [];
  const seen = new Set<unknown>();
  v.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (item === null || item === undefined) {
      fail(at, `a list cannot hold null: leave the fact out (or null) when it is unknown`);
      return;
    }
    const x = readValue(spec, item, at, fail);
    if (x === undefined) return;
    const key = dedupeKey(x);
    if (seen.has(key)) return; // duplicates are ignored (§9)
    seen.add(key);
    out.push(x);
  });
  return out;
}

function dedupeKey(x: unknown): unknown {
  if (typeof x === "number") return roundForComparison(x);
  if (typeof x === "object" && x !== null) return roundForComparison(totalMinutes(x as Duration));
  return x;
}

function readValue(spec: FactSpec, v: unknown, path: string, fail: Fail): unknown {
  switch (spec.kind) {
    case "bool":
      if (typeof v === "boolean") return v;
      break;
    case "text":
      if (typeof v === "string") return v;
      break;
    case "date": {
      if (typeof v !== "string") break;
      const d = parseDate(v);
      if (d === undefined) {
        fail(path, `not a date: ${describe(v)}; dates are "YYYY-MM-DD" and must exist in the calendar`);
        return undefined;
      }
      return d;
    }
    case "enum": {
      if (typeof v !== "string") break;
      const members = spec.members ?? [];
      if (members.includes(v)) return v;
      fail(path, `${spec.enumName ?? "the enum"} has no member ${describe(v)}; its members are ${members.join(", ")}${didYouMean(v, members)}`);
      return undefined;
    }
    case "code": {
      if (typeof v !== "string") break;
      const system = spec.system ?? "ICD10";
      if (isValidCode(system, v)) return normalizeCode(v);
      fail(path, `${describe(v)} is not a${system === "ICD10" ? "n ICD-10-CM" : ` ${system}`} code: expected ${FORMAT_HINTS[system]}`);
      return undefined;
    }
    case "number":
      return readNumber(spec, v, path, fail);
  }
  fail(path, `\`${spec.name}\` is ${expected(spec)}; got ${describe(v)}`);
  return undefined;
}

function readNumber(spec: FactSpec, v: unknown, path: string, fail: Fail): unknown {
  const declared = spec.unit === undefined ? undefined : lookupUnit(spec.unit);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) {
      fail(path, `not a finite number: ${describe(v)}`);
      return undefined;
    }
    if (!declared) return v;
    return declared.dimension === "time" ? duration(v, declared.name) : toBase(v, declared);
  }
  if (!isObject(v)) {
    fail(path, `\`${spec.name}\` is ${expected(spec)}; got ${describe(v)}`);
    return undefined;
  }
  if (!declared) {
    fail(path, `\`${spec.name}\` is a plain number without a unit: give a number; got ${describe(v)}`);
    return undefined;
  }
  let ok = true;
  for (const k of Object.keys(v)) {
    if (k !== "value" && k !== "unit") {
      fail(`${path}${pathKey(k)}`, `a quantity has only "value" and "unit"; "${k}" is not one of them`);
      ok = false;
    }
  }
  const value = v.value;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(`${path}.value`, `the quantity's "value" must be a finite number; got ${describe(value)}`);
    ok = false;
  }
  const unit = typeof v.unit === "string" ? lookupUnit(v.unit) : undefined;
  if (!unit) {
    fail(`${path}.unit`, `the quantity's "unit" must be a unit of ${declared.dimension} such as "${declared.name}"; got ${describe(v.unit)}`);
    ok = false;
  } else if (unit.dimension !== declared.dimension) {
    fail(`${path}.unit`, `"${v.unit}" is a unit of ${unit.dimension}, but \`${spec.name}\` is a ${declared.dimension} in ${declared.name}`);
    ok = false;
  }
  if (!ok || !unit || typeof value !== "number") return undefined;
  return unit.dimension === "time" ? duration(value, unit.name) : toBase(value, unit);
}

function readProcedures(value: unknown, fail: Fail): string[] | undefined {
  if (!Array.isArray(value)) {
    fail("procedures", `"procedures" is a list of CPT or HCPCS codes; got ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === "string" && procedureSystem(item) !== undefined) {
      const code = normalizeCode(item);
      if (!out.includes(code)) out.push(code);
    } else {
      fail(`procedures[${i}]`, `${describe(item)} is not a CPT or HCPCS code: CPT is ${FORMAT_HINTS.CPT}; HCPCS is ${FORMAT_HINTS.HCPCS}`);
    }
  });
  return out;
}

function readDocuments(value: unknown, schema: CaseSchema, out: Set<string>, fail: Fail): void {
  if (!Array.isArray(value)) {
    fail("documents", `"documents" is a list of the ids of the documents the request carries; got ${describe(value)}`);
    return;
  }
  value.forEach((item, i) => {
    const at = `documents[${i}]`;
    if (typeof item !== "string") fail(at, `a document id is a string; got ${describe(item)}`);
    else if (schema.documents.has(item)) out.add(item);
    else if (schema.questions.has(item)) fail(at, `\`${item}\` is a question, not a document: answer it under "facts"`);
    else fail(at, `policy ${schema.spec.policy} requires no document \`${item}\`${didYouMean(item, schema.spec.documents)}`);
  });
}

function expected(spec: FactSpec): string {
  switch (spec.kind) {
    case "bool": return "true or false";
    case "text": return "a string";
    case "date": return `a date "YYYY-MM-DD"`;
    case "enum": return `one of ${(spec.members ?? []).map((m) => `"${m}"`).join(", ")}`;
    case "code": return `a${spec.system === "ICD10" ? "n ICD-10-CM" : ` ${spec.system}`} code string`;
    case "number":
      return spec.unit === undefined
        ? "a number"
        : `a number in ${spec.unit}, or { "value": …, "unit": … } in another unit of ${lookupUnit(spec.unit)?.dimension ?? "its dimension"}`;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A value in a message: short JSON, or what kind of thing it is. */
function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object" && v !== null) return "an object";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** `.name` for a name that reads as an identifier, else `["…"]`. */
function pathKey(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** ` (did you mean `x`?)` for the closest candidate within a couple of typos, else "". */
export function didYouMean(name: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === undefined ? "" : ` (did you mean \`${best}\`?)`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    prev = row;
  }
  return prev[b.length] ?? 99;
}
