/**
 * Small random policies (conformance-sized) for the diff's property tests,
 * their single mutations, and a brute-force enumeration of their input space
 * to check the diff against.
 */
import fc from "fast-check";
import { formatDate, parseDate } from "../../../dsl/src/semantics/calendar.js";
import { addMonths } from "../../../dsl/src/semantics/calendar.js";

export type Op = "<" | "<=" | ">" | ">=";
const OPS: Op[] = ["<", "<=", ">", ">="];

/** One condition that reads the case. */
export type Atom =
  | { t: "bool"; fact: "a" | "b" }
  | { t: "is"; member: "x" | "y" | "z"; negated: boolean }
  | { t: "in"; members: ("x" | "y" | "z")[] }
  | { t: "cmp"; fact: "interval" | "dose"; op: Op; value: number; unit: string }
  | { t: "since"; op: Op; value: number; unit: "days" | "months" | "years" }
  | { t: "date"; op: Op; date: string }
  | { t: "has"; codeset: "breast" | "head_and_neck" }
  | { t: "code"; code: string }
  | { t: "known"; fact: "a" | "interval" | "diagnoses"; known: boolean }
  | { t: "empty"; negated: boolean }
  | { t: "count"; op: Op; value: number };

export type Cond = { k: "atom"; atom: Atom } | { k: "and" | "or"; items: Cond[] } | { k: "not"; c: Cond };

export interface SmallPolicy {
  rules: { outcome: "covered" | "review" | "not covered"; condition: Cond }[];
  requirement?: Cond;
  otherwise: "covered" | "review" | "not covered";
}

const THRESHOLDS: Record<string, { value: number; unit: string }[]> = {
  interval: [{ value: 2, unit: "years" }, { value: 18, unit: "months" }, { value: 3, unit: "years" }, { value: 730, unit: "days" }],
  dose: [{ value: 50, unit: "Gy" }, { value: 4500, unit: "cGy" }, { value: 60, unit: "Gy" }],
};
const SINCE = [{ value: 3, unit: "months" as const }, { value: 90, unit: "days" as const }, { value: 1, unit: "years" as const }, { value: 6, unit: "months" as const }];
const DATES = ["2025-01-01", "2024-02-29", "2025-03-31"];
const CODES = ["C50.1", "C14", "C50"];

const atomArb: fc.Arbitrary<Atom> = fc.oneof(
  fc.record({ t: fc.constant("bool" as const), fact: fc.constantFrom("a" as const, "b" as const) }),
  fc.record({ t: fc.constant("is" as const), member: fc.constantFrom("x" as const, "y" as const, "z" as const), negated: fc.boolean() }),
  fc.record({ t: fc.constant("in" as const), members: fc.subarray(["x" as const, "y" as const, "z" as const], { minLength: 1 }) }),
  fc.constantFrom("interval" as const, "dose" as const).chain((fact) =>
    fc.record({ t: fc.constant("cmp" as const), fact: fc.constant(fact), op: fc.constantFrom(...OPS), th: fc.constantFrom(...THRESHOLDS[fact]) }).map(({ th, ...r }) => ({ ...r, ...th })),
  ),
  fc.record({ t: fc.constant("since" as const), op: fc.constantFrom(...OPS), th: fc.constantFrom(...SINCE) }).map(({ th, ...r }) => ({ ...r, ...th })),
  fc.record({ t: fc.constant("date" as const), op: fc.constantFrom(...OPS), date: fc.constantFrom(...DATES) }),
  fc.record({ t: fc.constant("has" as const), codeset: fc.constantFrom("breast" as const, "head_and_neck" as const) }),
  fc.record({ t: fc.constant("code" as const), code: fc.constantFrom(...CODES) }),
  fc.record({ t: fc.constant("known" as const), fact: fc.constantFrom("a" as const, "interval" as const, "diagnoses" as const), known: fc.boolean() }),
  fc.record({ t: fc.constant("empty" as const), negated: fc.boolean() }),
  fc.record({ t: fc.constant("count" as const), op: fc.constantFrom(...OPS), value: fc.constantFrom(1, 2) }),
);

const condArb: fc.Arbitrary<Cond> = fc.letrec<{ cond: Cond }>((tie) => ({
  cond: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atomArb.map((atom): Cond => ({ k: "atom", atom })),
    fc.record({ k: fc.constantFrom("and" as const, "or" as const), items: fc.array(tie("cond"), { minLength: 2, maxLength: 3 }) }).map((c): Cond => c),
    tie("cond").map((c): Cond => ({ k: "not", c })),
  ),
})).cond;

/** Small policies whose conditions read at most three different facts (so brute force stays small). */
export const smallPolicyArb: fc.Arbitrary<SmallPolicy> = fc
  .record({
    rules: fc.array(fc.record({ outcome: fc.constantFrom("covered" as const, "review" as const, "not covered" as const), condition: condArb }), { minLength: 1, maxLength: 3 }),
    requirement: fc.option(condArb, { nil: undefined }),
    otherwise: fc.constantFrom("covered" as const, "review" as const, "not covered" as const),
  })
  .filter((p) => factsOf(p).size <= 3 && depth(p) <= 3);

function depth(p: SmallPolicy): number {
  const d = (c: Cond): number => (c.k === "atom" ? 0 : c.k === "not" ? 1 + d(c.c) : 1 + Math.max(...c.items.map(d)));
  return Math.max(...p.rules.map((r) => d(r.condition)), p.requirement ? d(p.requirement) : 0);
}

export function atomFact(a: Atom): string[] {
  switch (a.t) {
    case "bool": return [a.fact];
    case "is": case "in": return ["mode"];
    case "cmp": return [a.fact];
    case "since": return ["surgery", "as_of"];
    case "date": return ["surgery"];
    case "has": case "code": case "empty": case "count": return ["diagnoses"];
    case "known": return [a.fact];
  }
}

/** The facts (and `as_of`) the policy's conditions read. */
export function factsOf(p: SmallPolicy): Set<string> {
  const out = new Set<string>();
  const walk = (c: Cond) => {
    if (c.k === "atom") for (const f of atomFact(c.atom)) out.add(f);
    else if (c.k === "not") walk(c.c);
    else c.items.forEach(walk);
  };
  p.rules.forEach((r) => walk(r.condition));
  if (p.requirement) walk(p.requirement);
  return out;
}

function atomText(a: Atom): string {
  switch (a.t) {
    case "bool": return a.fact;
    case "is": return `mode is ${a.negated ? "not " : ""}${a.member}`;
    case "in": return `mode in { ${a.members.join(", ")} }`;
    case "cmp": return `${a.fact} ${a.op} ${a.value} ${a.unit}`;
    case "since": return `as_of - surgery ${a.op} ${a.value} ${a.unit}`;
    case "date": return `surgery ${a.op} ${a.date}`;
    case "has": return `diagnoses has any ${a.codeset}`;
    case "code": return `diagnoses has ICD10 ${a.code}`;
    case "known": return `${a.fact} is ${a.known ? "known" : "unknown"}`;
    case "empty": return `diagnoses is ${a.negated ? "not " : ""}empty`;
    case "count": return `count(diagnoses) ${a.op} ${a.value}`;
  }
}

export function condText(c: Cond): string {
  if (c.k === "atom") return atomText(c.atom);
  if (c.k === "not") return `not (${condText(c.c)})`;
  return c.items.map((i) => (i.k === "atom" ? condText(i) : `(${condText(i)})`)).join(` ${c.k} `);
}

/** The policy as Pol text. */
export function policyText(p: SmallPolicy): string {
  return `policy small "Small" {
  id "SMALL"
  effective 2025-01-01

  enum Mode "Mode" {
    x "X"
    y "Y"
    z "Z"
  }

  fact a: bool "A"
  fact b: bool "B"
  fact mode: Mode "Mode"
  fact interval: number years "Interval"
  fact dose: number Gy "Dose"
  fact surgery: date "Surgery"
  fact diagnoses: set of ICD10 "Diagnoses"

  codeset breast "Breast" { ICD10 C50 }
  codeset head_and_neck "Head and neck" { ICD10 C00-C14, C30-C32 }

${p.rules.map((r, i) => `  ${r.outcome} "r${i + 1}" if ${condText(r.condition)}`).join("\n")}
  otherwise ${p.otherwise}
${p.requirement ? `\n  require proof "Proof" when ${condText(p.requirement)}\n` : ""}}
`;
}

// ───────────────────────────── mutations ─────────────────────────────

export type MutationKind = "flip" | "negate" | "threshold" | "operator" | "drop";

/** Every node of a condition, with a way to replace it. */
function slots(c: Cond, replace: (n: Cond) => void): { node: Cond; replace: (n: Cond) => void }[] {
  const out = [{ node: c, replace }];
  if (c.k === "not") out.push(...slots(c.c, (n) => (c.c = n)));
  else if (c.k !== "atom") c.items.forEach((item, i) => out.push(...slots(item, (n) => (c.items[i] = n))));
  return out;
}

/** One mutation of one condition, or undefined when the chosen node does not allow that kind. */
export function mutate(p: SmallPolicy, kind: MutationKind, which: number, pick: number): SmallPolicy | undefined {
  const copy: SmallPolicy = structuredClone(p);
  const roots: { get: () => Cond; set: (c: Cond) => void }[] = copy.rules.map((r) => ({ get: () => r.condition, set: (c: Cond) => (r.condition = c) }));
  if (copy.requirement) roots.push({ get: () => copy.requirement!, set: (c) => (copy.requirement = c) });
  const root = roots[which % roots.length];
  const candidates = slots(root.get(), root.set).filter(({ node }) => {
    if (kind === "flip") return node.k === "and" || node.k === "or";
    if (kind === "drop") return node.k === "and" || node.k === "or";
    if (kind === "negate") return true;
    if (node.k !== "atom") return false;
    const t = node.atom.t;
    return t === "cmp" || t === "since" || t === "date" || t === "count";
  });
  if (candidates.length === 0) return undefined;
  const { node, replace } = candidates[pick % candidates.length];
  switch (kind) {
    case "flip":
      if (node.k === "and" || node.k === "or") node.k = node.k === "and" ? "or" : "and";
      break;
    case "drop":
      if (node.k === "and" || node.k === "or") {
        node.items.splice(pick % node.items.length, 1);
        if (node.items.length === 1) replace(node.items[0]);
      }
      break;
    case "negate":
      replace({ k: "not", c: structuredClone(node) });
      break;
    case "threshold":
    case "operator": {
      if (node.k !== "atom") return undefined;
      const a = node.atom;
      if (kind === "operator" && (a.t === "cmp" || a.t === "since" || a.t === "date" || a.t === "count")) a.op = OPS[(OPS.indexOf(a.op) + 1 + (pick % 3)) % 4];
      if (kind === "threshold") {
        if (a.t === "cmp") Object.assign(a, THRESHOLDS[a.fact][(THRESHOLDS[a.fact].findIndex((x) => x.value === a.value && x.unit === a.unit) + 1 + (pick % 2)) % THRESHOLDS[a.fact].length]);
        if (a.t === "since") Object.assign(a, SINCE[(SINCE.findIndex((x) => x.value === a.value && x.unit === a.unit) + 1 + (pick % 3)) % SINCE.length]);
        if (a.t === "date") a.date = DATES[(DATES.indexOf(a.date) + 1 + (pick % 2)) % DATES.length];
        if (a.t === "count") a.value = a.value === 1 ? 2 : 1;
      }
      break;
    }
  }
  return copy;
}

// ───────────────────────────── brute force ─────────────────────────────

type Case = { facts: Record<string, unknown>; as_of?: string };

/** Values a brute force tries for each fact: unknown, and values on and around every threshold either version mentions. */
function domains(policies: SmallPolicy[]): Record<string, unknown[]> {
  const atoms: Atom[] = [];
  const walk = (c: Cond): void => {
    if (c.k === "atom") atoms.push(c.atom);
    else if (c.k === "not") walk(c.c);
    else c.items.forEach(walk);
  };
  for (const p of policies) {
    p.rules.forEach((r) => walk(r.condition));
    if (p.requirement) walk(p.requirement);
  }
  const around = (values: number[]) => [...new Set(values.flatMap((v) => [v - 0.5, v - 0.01, v, v + 0.01, v + 0.5]))].sort((x, y) => x - y);
  const years = (v: number, unit: string) => (unit === "years" ? v : unit === "months" ? v / 12 : v / 365.25);
  const interval = around(atoms.flatMap((a) => (a.t === "cmp" && a.fact === "interval" ? [years(a.value, a.unit)] : [])));
  const dose = around(atoms.flatMap((a) => (a.t === "cmp" && a.fact === "dose" ? [a.unit === "Gy" ? a.value : a.value / 100] : [])));
  const asOf = ["2025-03-31", "2025-02-28", "2024-02-29", "2025-01-31"];
  const surgeryDays = new Set<number>();
  for (const d of DATES) for (const k of [-1, 0, 1]) surgeryDays.add(parseDate(d)! + k);
  for (const a of asOf) {
    const day = parseDate(a)!;
    for (const s of SINCE) {
      const months = s.unit === "months" ? s.value : s.unit === "years" ? 12 * s.value : undefined;
      const back = months !== undefined ? addMonths(day, -months) : day - s.value;
      for (const k of [-2, -1, 0, 1, 2]) surgeryDays.add(back + k);
    }
  }
  return {
    a: [undefined, true, false],
    b: [undefined, true, false],
    mode: [undefined, "x", "y", "z"],
    interval: [undefined, 0, ...interval, { value: 18, unit: "months" }, { value: 730, unit: "days" }],
    dose: [undefined, 0, ...dose, { value: 4500, unit: "cGy" }],
    surgery: [undefined, ...[...surgeryDays].sort((x, y) => x - y).map(formatDate)],
    as_of: [undefined, ...asOf],
    diagnoses: [undefined, [], ["C50"], ["C50.1"], ["C50.12"], ["C14"], ["C14.9"], ["C15"], ["C32.1"], ["C61"], ["C50", "C00"], ["C50.1", "C61"], ["C50", "C50.1"], ["C61", "C62", "C15"], ["C50.1", "C50.2", "C14"]],
  };
}

/**
 * Every combination of the facts the policies read (others unknown). When the
 * product is larger than `limit`, a seeded sample of that size.
 */
export function bruteForceCases(policies: SmallPolicy[], limit = 40_000): Case[] {
  const facts = new Set<string>();
  for (const p of policies) for (const f of factsOf(p)) facts.add(f);
  const d = domains(policies);
  const names = [...facts].sort();
  const size = names.reduce((n, f) => n * d[f].length, 1);
  const make = (choice: (f: string, i: number) => unknown): Case => {
    const c: Case = { facts: {} };
    names.forEach((f, i) => {
      const v = choice(f, i);
      if (v === undefined) return;
      if (f === "as_of") c.as_of = v as string;
      else c.facts[f] = v;
    });
    return c;
  };
  const out: Case[] = [];
  if (size <= limit) {
    const idx = names.map(() => 0);
    for (let n = 0; n < size; n++) {
      out.push(make((f, i) => d[f][idx[i]]));
      for (let i = 0; i < idx.length; i++) {
        if (++idx[i] < d[names[i]].length) break;
        idx[i] = 0;
      }
    }
    return out;
  }
  let seed = 12345;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let n = 0; n < limit; n++) out.push(make((f) => d[f][rnd(d[f].length)]));
  return out;
}
