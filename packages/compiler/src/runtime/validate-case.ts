/**
 * Case validation (LANGUAGE.md §9). Turns the JSON a caller sends into the
 * values the evaluators compute with, or into input errors that name every
 * offending JSON path. A bad case never yields a decision, and nothing in a
 * case is silently dropped: an unknown key anywhere is an error too. Part of
 * the shipped runtime.
 */
import { parseDate } from "../../../dsl/src/semantics/calendar.js";
import { FORMAT_HINTS, isValidCode, procedureSystem, type CodeSystemName } from "../../../dsl/src/semantics/codes.js";
import { lookupUnit, toBase, type UnitInfo } from "../../../dsl/src/semantics/units.js";
import { roundForComparison } from "./numbers.js";
import { MINUTES_PER_MONTH, totalMinutes, type Duration } from "./time.js";
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
  /** Per fact, what reading its values needs, worked out once (validation is most of a decision's cost). */
  readonly readers: ReadonlyMap<string, FactReader>;
  /** Every declared fact, unknown: each case's values start as a copy of it. */
  readonly blank: Readonly<Record<string, unknown>>;
}

/** One fact's spec with its JSON path and declared unit looked up, so reading a value allocates nothing it does not return. */
interface FactReader {
  readonly spec: FactSpec;
  /** `facts.name` (declared names are Pol identifiers, so the path needs no quoting). */
  readonly path: string;
  readonly unit: UnitInfo | undefined;
}

export function caseSchema(spec: CaseSchemaSpec): CaseSchema {
  const template: Record<string, unknown> = Object.create(null);
  for (const f of spec.facts) template[f.name] = undefined;
  return {
    spec,
    facts: new Map(spec.facts.map((f) => [f.name, f])),
    documents: new Set(spec.documents),
    questions: new Set(spec.questions),
    readers: new Map(spec.facts.map((f) => [f.name, { spec: f, path: `facts.${f.name}`, unit: f.unit === undefined ? undefined : lookupUnit(f.unit) }])),
    // Copied by spread, the record has one fast hidden class that compiled rules read at fixed offsets;
    // a null-prototype record built key by key is a hash table. Every declared name is an own key
    // (spread defines even `__proto__` as a plain own property), and only declared names are read.
    blank: { ...template },
  };
}

/** A valid case, in evaluator values: unknown facts are `undefined`. */
export interface CheckedCase {
  /** Every declared fact by name, as an own property (so any fact name is safe). */
  values: Record<string, unknown>;
  /** Normalized procedure codes; undefined when the case does not say. */
  procedures: string[] | undefined;
  documents: ReadonlySet<string>;
  /** `as_of` in days since the epoch; undefined when absent. */
  asOf: number | undefined;
}

const CASE_KEYS = ["facts", "procedures", "documents", "as_of"];
/** Shared by cases that list no documents (never written to). */
const NO_DOCUMENTS: ReadonlySet<string> = new Set<string>();
const OWN = Object.prototype.hasOwnProperty;
/** What a reader returns for a value it reported as an error. */
const INVALID = undefined;

/** Check a case against a policy's schema: its values, or every error in it (in the order of the case). */
export function validateCase(input: unknown, schema: CaseSchema): CheckedCase | InputErrors {
  const errors: InputError[] = [];
  const fail = (path: string, message: string) => {
    errors.push({ path, message });
  };
  const values: Record<string, unknown> = { ...schema.blank };
  let procedures: string[] | undefined;
  let documents = NO_DOCUMENTS;
  let asOf: number | undefined;

  if (!isObject(input)) {
    fail("$", `a case is a JSON object with "facts", "procedures", "documents" and "as_of"; got ${describe(input)}`);
    return { errors };
  }
  // for-in with an own-key check visits exactly Object.keys, in its order, without building the array
  // and with fast loads from the object's enumeration cache.
  for (const key in input) {
    if (!OWN.call(input, key)) continue;
    const value = input[key];
    if (key === "facts") {
      if (value === null || value === undefined) continue;
      if (!isObject(value)) {
        fail("facts", `"facts" is an object from fact names to values; got ${describe(value)}`);
        continue;
      }
      for (const name in value) {
        if (!OWN.call(value, name)) continue;
        const reader = schema.readers.get(name);
        if (!reader) {
          fail(`facts${pathKey(name)}`, `policy ${schema.spec.policy} has no fact \`${name}\`${didYouMean(name, [...schema.facts.keys()])}`);
          continue;
        }
        const v = value[name];
        if (v === null || v === undefined) continue;
        values[name] = reader.spec.set ? readSet(reader, v, fail) : readValue(reader, v, reader.path, -1, fail);
      }
    } else if (key === "procedures") {
      if (value === null || value === undefined) continue;
      procedures = readProcedures(value, fail);
    } else if (key === "documents") {
      if (value === null || value === undefined) continue;
      documents = readDocuments(value, schema, fail);
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

/** `path[index]`, or `path` when index is -1: built only for a message, never for a valid value. */
function at(path: string, index: number): string {
  return index < 0 ? path : `${path}[${index}]`;
}

function readSet(reader: FactReader, v: unknown, fail: Fail): unknown {
  const { spec, path } = reader;
  if (!Array.isArray(v)) {
    fail(path, `\`${spec.name}\` is a set: give a list (JSON array) of ${expected(spec)}; got ${describe(v)}`);
    return INVALID;
  }
  const out: unknown[] = [];
  // Keys of the values kept, for sets whose values are not compared with === (numbers are rounded, durations totalled).
  const keys: unknown[] | undefined = spec.kind === "number" ? [] : undefined;
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (item === null || item === undefined) {
      fail(at(path, i), `a list cannot hold null: leave the fact out (or null) when it is unknown`);
      continue;
    }
    const x = readValue(reader, item, path, i, fail);
    if (x === INVALID) continue;
    // Duplicates are ignored (§9). Sets in a case are short: a scan beats building a Set.
    if (keys) {
      const key = dedupeKey(x);
      if (keys.includes(key)) continue;
      keys.push(key);
    } else if (out.includes(x)) continue;
    out.push(x);
  }
  return out;
}

function dedupeKey(x: unknown): unknown {
  if (typeof x === "number") return roundForComparison(x);
  if (typeof x === "object" && x !== null) return roundForComparison(totalMinutes(x as Duration));
  return x;
}

function readValue(reader: FactReader, v: unknown, path: string, index: number, fail: Fail): unknown {
  const spec = reader.spec;
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
        fail(at(path, index), `not a date: ${describe(v)}; dates are "YYYY-MM-DD" and must exist in the calendar`);
        return INVALID;
      }
      return d;
    }
    case "enum": {
      if (typeof v !== "string") break;
      const members = spec.members ?? [];
      if (members.includes(v)) return v;
      fail(at(path, index), `${spec.enumName ?? "the enum"} has no member ${describe(v)}; its members are ${members.join(", ")}${didYouMean(v, members)}`);
      return INVALID;
    }
    case "code": {
      if (typeof v !== "string") break;
      const system = spec.system ?? "ICD10";
      if (isValidCode(system, v)) return withoutDot(v);
      fail(at(path, index), `${describe(v)} is not a${system === "ICD10" ? "n ICD-10-CM" : ` ${system}`} code: expected ${FORMAT_HINTS[system]}`);
      return INVALID;
    }
    case "number":
      return readNumber(reader, v, at(path, index), fail);
  }
  fail(at(path, index), `\`${spec.name}\` is ${expected(spec)}; got ${describe(v)}`);
  return INVALID;
}

/**
 * normalizeCode for a code that passed isValidCode: upper case already, and
 * a dot can only be its fourth character.
 */
function withoutDot(code: string): string {
  return code.length > 3 && code.charCodeAt(3) === 46 ? code.slice(0, 3) + code.slice(4) : code;
}

/** toBase, skipping its rounding when the product is a whole number it would not change (the usual case). */
function inBase(value: number, unit: UnitInfo): number {
  const product = value * unit.factor;
  return Number.isInteger(product) && Math.abs(product) < 1e12 ? product : toBase(value, unit);
}

/** A number or quantity read in `unit` (the declared unit or the case's own): time as a Duration, else a base-unit number. */
function quantityIn(value: number, unit: UnitInfo): unknown {
  if (unit.dimension !== "time") return inBase(value, unit);
  const minutes = inBase(value, unit);
  // As time.ts `duration`: months and years are calendar steps, shorter units exact.
  return unit.factor % MINUTES_PER_MONTH === 0 ? { cal: minutes, exact: 0 } : { cal: 0, exact: minutes };
}

function readNumber(reader: FactReader, v: unknown, path: string, fail: Fail): unknown {
  const spec = reader.spec;
  const declared = reader.unit;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) {
      fail(path, `not a finite number: ${describe(v)}`);
      return INVALID;
    }
    return declared ? quantityIn(v, declared) : v;
  }
  if (!isObject(v)) {
    fail(path, `\`${spec.name}\` is ${expected(spec)}; got ${describe(v)}`);
    return INVALID;
  }
  if (!declared) {
    fail(path, `\`${spec.name}\` is a plain number without a unit: give a number; got ${describe(v)}`);
    return INVALID;
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
  if (!ok || !unit || typeof value !== "number") return INVALID;
  return quantityIn(value, unit);
}

function readProcedures(value: unknown, fail: Fail): string[] | undefined {
  if (!Array.isArray(value)) {
    fail("procedures", `"procedures" is a list of CPT or HCPCS codes; got ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === "string" && procedureSystem(item) !== undefined) {
      // CPT and HCPCS codes have no dot, and the formats admit upper case only: already normalized.
      if (!out.includes(item)) out.push(item);
    } else {
      fail(`procedures[${i}]`, `${describe(item)} is not a CPT or HCPCS code: CPT is ${FORMAT_HINTS.CPT}; HCPCS is ${FORMAT_HINTS.HCPCS}`);
    }
  }
  return out;
}

function readDocuments(value: unknown, schema: CaseSchema, fail: Fail): ReadonlySet<string> {
  if (!Array.isArray(value)) {
    fail("documents", `"documents" is a list of the ids of the documents the request carries; got ${describe(value)}`);
    return NO_DOCUMENTS;
  }
  const out = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== "string") fail(`documents[${i}]`, `a document id is a string; got ${describe(item)}`);
    else if (schema.documents.has(item)) out.add(item);
    else if (schema.questions.has(item)) fail(`documents[${i}]`, `\`${item}\` is a question, not a document: answer it under "facts"`);
    else fail(`documents[${i}]`, `policy ${schema.spec.policy} requires no document \`${item}\`${didYouMean(item, schema.spec.documents)}`);
  }
  return out;
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
