/**
 * fast-check arbitraries for cases of a given policy: each fact unknown (left
 * out or null) or a value of its type, biased towards the values that matter —
 * numbers near every threshold the policy mentions (in the declared unit and
 * in other units of the dimension), dates around calendar edges, codes from
 * its codesets and just outside their ranges — and bad cases with one known
 * offending path.
 */
import fc from "fast-check";
import type * as A from "@pol/dsl";
import { walkExpression, type PolicyModel, type PolType } from "@pol/dsl";
import { formatDate, parseDate } from "../../../dsl/src/semantics/calendar.js";
import { isValidCode } from "../../../dsl/src/semantics/codes.js";
import { lookupUnit, toBase, UNIT_NAMES } from "../../../dsl/src/semantics/units.js";

type Json = unknown;

/** Every expression of the policy: rules, defines (imports included), requirement conditions. */
function expressions(model: PolicyModel): A.Expression[] {
  const roots: A.Expression[] = [
    ...model.rules.map((r) => r.condition),
    ...[...model.defines.values()].map((d) => d.value),
    ...model.requirements.flatMap((r) => r.conditions),
  ];
  return roots.flatMap((r) => [...walkExpression(r)]);
}

/** Base-unit thresholds per dimension ("" for plain numbers), and date literals. */
function thresholds(model: PolicyModel): { numbers: Map<string, number[]>; dates: string[] } {
  const numbers = new Map<string, number[]>();
  const dates: string[] = [];
  for (const e of expressions(model)) {
    if (e.kind === "number" || (e.kind === "at-least" && false)) {
      const unit = e.unit ? lookupUnit(e.unit.name) : undefined;
      const key = unit?.dimension ?? "";
      const list = numbers.get(key) ?? [];
      list.push(unit ? toBase(e.value, unit) : e.value);
      numbers.set(key, list);
    }
    if (e.kind === "date") dates.push(e.raw);
  }
  return { numbers, dates };
}

const ANCHOR_DATES = ["2024-02-29", "2024-11-30", "2025-01-01", "2025-01-31", "2025-02-28", "2025-03-01", "2025-03-02", "2025-06-01", "2025-12-31"];

function dateArb(extra: string[]): fc.Arbitrary<string> {
  const anchors = [...new Set([...ANCHOR_DATES, ...extra])];
  return fc
    .tuple(fc.constantFrom(...anchors), fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -800, max: 800 })))
    .map(([d, offset]) => formatDate(parseDate(d)! + offset));
}

function unitsOf(dimension: string): string[] {
  return UNIT_NAMES.filter((u) => lookupUnit(u)?.dimension === dimension);
}

function numberArb(t: Extract<PolType, { kind: "number" }>, th: Map<string, number[]>): fc.Arbitrary<Json> {
  const declared = t.unit ? lookupUnit(t.unit) : undefined;
  const key = declared?.dimension ?? "";
  const bases = th.get(key) ?? [];
  const inDeclared = (base: number) => (declared ? base / declared.factor : base);
  const near = bases.flatMap((b) => {
    const v = inDeclared(b);
    return [v, v - 1, v + 1, v - 0.5, v + 0.5, v * 0.999, v * 1.001];
  });
  const plain = fc.oneof(
    ...(near.length > 0 ? [fc.constantFrom(...near.map((x) => Number(x.toPrecision(12))))] : []),
    fc.integer({ min: 0, max: 100 }),
    fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true }),
  );
  if (!declared) return plain;
  // The same amounts in another unit of the dimension, e.g. 24 months for 2 years.
  const units = unitsOf(declared.dimension);
  const other = fc.tuple(fc.constantFrom(...(bases.length > 0 ? bases : [declared.factor])), fc.constantFrom(...units), fc.constantFrom(0, 1, -1, 0.5)).map(
    ([base, u, delta]) => ({ value: Number((base / lookupUnit(u)!.factor + delta).toPrecision(12)), unit: u }),
  );
  return fc.oneof(plain, other);
}

/** Valid codes of a system, drawn from the policy's codesets (and just past their ranges) and at random. */
function codeArb(system: string, model: PolicyModel): fc.Arbitrary<string> {
  const pool = new Set<string>();
  const add = (c: string) => {
    if (isValidCode(system as "ICD10", c)) pool.add(c);
  };
  const bump = (c: string, by: number) => {
    const last = c.charCodeAt(c.length - 1) + by;
    return c.slice(0, -1) + String.fromCharCode(last);
  };
  for (const cs of model.codesets.values()) {
    for (const e of cs.entries) {
      if (e.system !== system) continue;
      add(e.code);
      add(bump(e.code, 1));
      add(bump(e.code, -1));
      if (e.rangeEnd !== undefined) {
        add(e.rangeEnd);
        add(bump(e.rangeEnd, 1));
      }
    }
  }
  if (system !== "ICD10") for (const c of model.appliesTo ?? []) if (c.system === system) add(c.code);
  const base = pool.size > 0 ? fc.constantFrom(...[...pool].sort()) : fc.constant(system === "ICD10" ? "C61" : system === "CPT" ? "77385" : "G6015");
  if (system === "ICD10") {
    // Extend a category with more characters, with or without the dot.
    return fc
      .tuple(base, fc.stringMatching(/^[0-9A-Z]{0,3}$/), fc.boolean())
      .map(([c, more, dot]) => {
        const full = (c + more).slice(0, 7);
        return dot && full.length > 3 ? `${full.slice(0, 3)}.${full.slice(3)}` : full;
      })
      .filter((c) => isValidCode("ICD10", c));
  }
  const random = system === "CPT" ? fc.stringMatching(/^[0-9]{5}$/) : fc.stringMatching(/^[A-Z][0-9]{4}$/);
  return fc.oneof(base, random);
}

function valueArb(t: PolType, model: PolicyModel, th: ReturnType<typeof thresholds>): fc.Arbitrary<Json> {
  switch (t.kind) {
    case "bool":
      return fc.boolean();
    case "number":
      return numberArb(t, th.numbers);
    case "date":
      return dateArb(th.dates);
    case "text":
      return fc.constantFrom("", "yes", "note", "Ünïcode ✓");
    case "enum": {
      const members = [...(model.enums.get(t.name)?.members.keys() ?? [])];
      return members.length > 0 ? fc.constantFrom(...members) : fc.constant("none");
    }
    case "code":
      return codeArb(t.system === "procedure" ? "CPT" : t.system, model);
    case "set":
      return fc.array(valueArb(t.element, model, th), { maxLength: 4 });
    default:
      return fc.constant(null);
  }
}

/** A valid case of the policy. */
export function caseArb(model: PolicyModel): fc.Arbitrary<Record<string, Json>> {
  const th = thresholds(model);
  const facts: Record<string, fc.Arbitrary<Json>> = {};
  for (const f of model.facts.values()) {
    facts[f.name] = fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 5, arbitrary: valueArb(f.type, model, th) },
    );
  }
  const documents = model.requirements.filter((r) => r.kind === "document").map((r) => r.id);
  const procedure = fc.oneof(codeArb("CPT", model), codeArb("HCPCS", model));
  return fc
    .record({
      facts: fc.record(facts),
      procedures: fc.oneof(fc.constant(undefined), fc.constant([]), fc.array(procedure, { minLength: 1, maxLength: 3 })),
      documents: documents.length > 0 ? fc.oneof(fc.constant(undefined), fc.subarray(documents)) : fc.constant(undefined),
      as_of: fc.oneof(fc.constant(undefined), dateArb(th.dates)),
    })
    .map((c) => {
      // Leave out what is undefined, as JSON would.
      const facts = Object.fromEntries(Object.entries(c.facts).filter(([, v]) => v !== undefined));
      const out: Record<string, Json> = { facts };
      for (const k of ["procedures", "documents", "as_of"] as const) if (c[k] !== undefined) out[k] = c[k];
      return out;
    });
}

/** A bad case: a valid one with one offending value, and the path an error must name. */
export function badCaseArb(model: PolicyModel): fc.Arbitrary<{ input: Record<string, Json>; path: string }> {
  const facts = [...model.facts.values()];
  const mutations: fc.Arbitrary<(c: Record<string, Json>) => string>[] = [
    fc.stringMatching(/^[a-z][a-z_]{2,12}$/).filter((n) => !model.facts.has(n)).map((name) => (c) => {
      setKey(c.facts, name, true);
      return `facts.${name}`;
    }),
    fc.constantFrom("99213x", "7738", "C61", "", "G601").map((code) => (c) => {
      c.procedures = ["77385", code];
      return "procedures[1]";
    }),
    fc.constantFrom("2025-02-30", "2025-13-01", "25-01-01", "today", 20250101).map((d) => (c) => {
      c.as_of = d;
      return "as_of";
    }),
    fc.constantFrom("moon_photo", "", 3).map((id) => (c) => {
      c.documents = [id];
      return "documents[0]";
    }),
    fc.constantFrom([], "x", 3, null).filter((v) => v !== null).map((v) => (c) => {
      c.facts = v;
      return "facts";
    }),
  ];
  if (facts.length > 0) {
    mutations.push(
      fc.tuple(fc.constantFrom(...facts), fc.constantFrom<Json>("yes", 3, true, { value: 1 }, [1], {})).chain(([f, wrong]) => {
        const bad = wrongFor(f.type, wrong);
        return bad === undefined
          ? fc.constant((c: Record<string, Json>) => {
              setKey(c.facts, f.name, { nonsense: 1 });
              return `facts.${f.name}`;
            })
          : fc.constant((c: Record<string, Json>) => {
              setKey(c.facts, f.name, bad.value);
              return `facts.${f.name}${bad.suffix}`;
            });
      }),
    );
  }
  return fc.tuple(caseArb(model), fc.oneof(...mutations)).map(([c, mutate]) => {
    const input = structuredClone(c);
    const path = mutate(input);
    return { input, path };
  });
}

/** `o[key] = value` as an own property, even for `__proto__` (a fact may have that name). */
function setKey(o: Json, key: string, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value of the wrong type (or a malformed one) for a fact, and where inside it the error is. */
function wrongFor(t: PolType, candidate: Json): { value: Json; suffix: string } | undefined {
  const set = t.kind === "set";
  const el = t.kind === "set" ? t.element : t;
  const wrap = (v: Json, inner = "") => (set ? { value: ["placeholder-valid", v].slice(1), suffix: `[0]${inner}` } : { value: v, suffix: inner });
  switch (el.kind) {
    case "bool":
      return wrap(typeof candidate === "boolean" ? "true" : candidate);
    case "enum":
      return wrap("no_such_member");
    case "date":
      return wrap("2025-02-30");
    case "code":
      return wrap(el.system === "ICD10" ? "61C" : "ABCDE");
    case "number":
      if (el.dimension) {
        const wrongDimension = el.dimension === "length" ? "Gy" : "cm";
        return wrap({ value: 3, unit: wrongDimension }, ".unit");
      }
      return wrap("3");
    case "text":
      return wrap(3);
    default:
      return undefined;
  }
}
