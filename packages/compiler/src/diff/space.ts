/**
 * The combined input space of two versions, as variables with finite
 * representative domains (ARCHITECTURE.md "pol diff"):
 *
 * - a fact of either version (renamed facts are one variable), `as_of` and
 *   `procedures`; each may also be unknown (left out of the case);
 * - booleans, enum members, texts and codes: one value per class of values
 *   that no condition of either version tells apart (enum members a condition
 *   names, each text literal and another text, code-classes.ts);
 * - numbers and dates: split at run time at every point where a comparison
 *   of either version changes its answer (breakpoints.ts);
 * - sets: which element classes they hold, one presence variable per class.
 *
 * Documents are not variables: they only decide `provided`, which reads the
 * case, not the policy.
 */
import { walkExpression, type PolicyModel, type PolType } from "@pol/dsl";
import type * as A from "@pol/dsl";
import { formatDate, lookupUnit, normalizeCode, parseDate, toBase } from "../runtime/index.js";
import { codeClasses, displayCode, type CodeDomain, type CodePattern } from "./code-classes.js";
import type { Correspondence } from "./correspondence.js";
import { moreCodes, type CountInfo } from "./counts.js";

/** One dimension of the input space. */
export interface Variable {
  /** `f:<name>`, `as_of` or `procedures`; presence variables of a set are `<key>#<class>`. */
  key: string;
  /** As the witness writes it: the fact's name in the new version (old one if only the old has it). */
  name: string;
  /** The fact's name in each version, when it has it. */
  names: { old?: string; new?: string };
  label: string;
  kind: "scalar" | "set";
  /** Scalar values that are classes by themselves (JSON), without unknown. */
  discrete: unknown[];
  /** A number: its witness unit, and whether the witness must say the unit (the versions declare different ones). */
  number?: { unit?: string; object: boolean };
  /** A date (or `as_of`): split at breakpoints. */
  date?: boolean;
  /** A set: one element (JSON) per class. */
  elements: unknown[];
  /** A set that some condition counts: see counts.ts. */
  count?: CountInfo;
  /** Booleans on each side, so an unassigned one is a three-valued unknown and not an arbitrary value. */
  bool: { old: boolean; new: boolean };
  /** Declaration order, for a stable order of splitting. */
  order: number;
}

/** The variables of both versions, and what the classes were built from. */
export interface Space {
  variables: Map<string, Variable>;
  /** Variable of a fact by that version's name. */
  byFact: { old: Map<string, Variable>; new: Map<string, Variable> };
  asOf: Variable;
  procedures: Variable;
  /** Code patterns of both versions (for descriptions and tests). */
  patterns: CodePattern[];
  /** Date literals of both versions: where date breakpoints are looked for. */
  dates: string[];
  /** Why the classes may not cover every case (the diff is then not exhaustive). */
  notes: string[];
}

/** Literal values both versions mention, from which the class domains are built. */
interface Mentioned {
  patterns: CodePattern[];
  members: Set<string>;
  texts: Set<string>;
  numbers: { value: number; unit?: string }[];
  dates: Set<string>;
  /** Some `is` compares two case values: enum members cannot be grouped. */
  crossEquality: boolean;
  /** Set facts some condition counts, as `old:<name>` / `new:<name>` (`procedures` as is). */
  counted: Set<string>;
  /** The largest count worth telling apart: one more than the largest plain number either version writes. */
  countLimit: number;
  /** A count is scaled, added to, or compared with a value of the case: its breakpoints may lie beyond `countLimit`. */
  countInArithmetic: boolean;
}

/** Build the space of `oldModel` × `newModel` as paired by `c`. */
export function inputSpace(oldModel: PolicyModel, newModel: PolicyModel, c: Correspondence): Space {
  const m = mentioned([oldModel, newModel]);
  const variables = new Map<string, Variable>();
  const byFact = { old: new Map<string, Variable>(), new: new Map<string, Variable>() };
  let order = 0;
  const add = (oldName: string | undefined, newName: string | undefined) => {
    const name = newName ?? oldName!;
    const ot = oldName !== undefined ? oldModel.facts.get(oldName)?.type : undefined;
    const nt = newName !== undefined ? newModel.facts.get(newName)?.type : undefined;
    const label = (newName !== undefined ? newModel.facts.get(newName)?.label : undefined) ?? (oldName !== undefined ? oldModel.facts.get(oldName)?.label : undefined) ?? name;
    const v = factVariable(`f:${name}`, name, { old: oldName, new: newName }, label, ot, nt, m, oldModel, newModel, order++);
    variables.set(v.key, v);
    if (oldName !== undefined) byFact.old.set(oldName, v);
    if (newName !== undefined) byFact.new.set(newName, v);
  };
  const oldOrder = [...oldModel.facts.keys()];
  const pairedOld = new Map<string, string>([...c.facts.same, ...c.facts.renamed].map(([o, n]) => [n, o]));
  for (const n of newModel.facts.keys()) add(pairedOld.get(n), n);
  for (const o of oldOrder) if (!byFact.old.has(o)) add(o, undefined);

  const asOf: Variable = {
    key: "as_of", name: "as_of", names: {}, label: "Reference date (as_of)", kind: "scalar", discrete: [], date: true, elements: [],
    bool: { old: false, new: false }, order: order++,
  };
  const procedurePatterns = m.patterns;
  const procedures: Variable = {
    key: "procedures", name: "procedures", names: {}, label: "Procedure codes", kind: "set", discrete: [],
    elements: codeClasses("procedure", procedurePatterns), bool: { old: false, new: false }, order: order++,
  };
  if (m.counted.has("procedures")) {
    procedures.count = { limit: m.countLimit, more: procedures.elements.map((code) => moreCodes(code as string, "procedure", m.patterns, m.countLimit)) };
  }
  variables.set(asOf.key, asOf);
  variables.set(procedures.key, procedures);
  const notes = m.countInArithmetic ? [`\`count(…)\` in arithmetic or against a value of the case is analysed for up to ${m.countLimit} elements beyond one per class`] : [];
  return { variables, byFact, asOf, procedures, patterns: m.patterns, dates: [...m.dates], notes };
}

function factVariable(
  key: string,
  name: string,
  names: Variable["names"],
  label: string,
  ot: PolType | undefined,
  nt: PolType | undefined,
  m: Mentioned,
  oldModel: PolicyModel,
  newModel: PolicyModel,
  order: number,
): Variable {
  const types = [ot, nt].filter((t): t is PolType => t !== undefined);
  const isSet = types.some((t) => t.kind === "set");
  const v: Variable = {
    key, name, names, label, kind: isSet ? "set" : "scalar", discrete: [], elements: [],
    bool: { old: ot?.kind === "bool", new: nt?.kind === "bool" }, order,
  };
  const members = enumMembers(ot, nt, oldModel, newModel);
  // Each class's representative, and how to find more elements of the same class (for `count`).
  const values: { value: unknown; more: (n: number) => unknown[] }[] = [];
  const none = () => [];
  const single = (xs: unknown[]) => xs.map((value) => ({ value, more: none }));
  for (const t of types) {
    const e = t.kind === "set" ? t.element : t;
    switch (e.kind) {
      case "bool": values.push(...single([true, false])); break;
      case "text": {
        const other = otherText(m.texts);
        values.push(...single([...m.texts]), { value: other, more: (n) => Array.from({ length: n }, (_, i) => `${other} ${i + 2}`) });
        break;
      }
      case "enum":
        for (const c of memberClasses(members, m)) values.push({ value: c.name, more: (n) => c.others.slice(0, n) });
        break;
      case "code": {
        const domain = e.system as CodeDomain;
        for (const code of codeClasses(domain, m.patterns)) values.push({ value: displayCode(code, domain), more: (n) => moreCodes(code, domain, m.patterns, n) });
        break;
      }
      case "number": {
        const numbers = [ot, nt].map((x) => (x && (x.kind === "set" ? x.element : x)));
        const units = numbers.map((x) => (x && x.kind === "number" ? x.unit : undefined));
        const unit = units[1] ?? units[0];
        const object = units[0] !== undefined && units[1] !== undefined && units[0] !== units[1];
        v.number = { ...(unit ? { unit } : {}), object };
        if (t.kind === "set") {
          const { literals, other } = numberElements(e.dimension, unit, m);
          const json = (x: number) => (object && unit ? { value: x, unit } : x);
          values.push(...single(literals.map(json)), { value: json(other), more: (n) => Array.from({ length: n }, (_, i) => json(other + i + 1)) });
        }
        break;
      }
      case "date":
        if (t.kind === "set") {
          const other = otherDate(m.dates);
          const day = parseDate(other)!;
          const more = (n: number) => Array.from({ length: n }, (_, i) => formatDate(day - i - 1)).filter((d) => !m.dates.has(d));
          values.push(...single([...m.dates]), { value: other, more });
        } else v.date = true;
        break;
      default:
        break;
    }
  }
  const unique = dedupeBy(values, (x) => x.value);
  if (isSet) {
    v.elements = unique.map((x) => x.value);
    const counted = m.counted.has(`old:${names.old}`) || m.counted.has(`new:${names.new}`);
    if (counted) v.count = { limit: m.countLimit, more: unique.map((x) => x.more(m.countLimit)) };
  } else v.discrete = unique.map((x) => x.value);
  return v;
}

/** Members of the fact's enum in either version, in declaration order, each with the versions that have it. */
function enumMembers(ot: PolType | undefined, nt: PolType | undefined, oldModel: PolicyModel, newModel: PolicyModel): { name: string; old: boolean; new: boolean }[] {
  const enumOf = (t: PolType | undefined, model: PolicyModel) => {
    const e = t && (t.kind === "set" ? t.element : t);
    return e?.kind === "enum" ? [...(model.enums.get(e.name)?.members.keys() ?? [])] : [];
  };
  const o = enumOf(ot, oldModel);
  const n = enumOf(nt, newModel);
  const names = dedupe([...n, ...o]) as string[];
  return names.map((name) => ({ name, old: o.includes(name), new: n.includes(name) }));
}

/**
 * Members a condition names are classes of their own. The others cannot be
 * told apart by any condition (unless two case values are compared with
 * `is`), so one stands for all that both versions (or the same one) declare.
 */
function memberClasses(members: { name: string; old: boolean; new: boolean }[], m: Mentioned): { name: string; others: string[] }[] {
  const out: { name: string; others: string[] }[] = [];
  const groups = new Map<string, { name: string; others: string[] }>();
  for (const mb of members) {
    if (m.crossEquality || m.members.has(mb.name)) out.push({ name: mb.name, others: [] });
    else {
      const g = `${mb.old}|${mb.new}`;
      const known = groups.get(g);
      if (known) known.others.push(mb.name);
      else {
        const c = { name: mb.name, others: [] };
        groups.set(g, c);
        out.push(c);
      }
    }
  }
  return out;
}

/** Numbers a condition names (in the fact's unit), and one that no condition names. */
function numberElements(dimension: string | undefined, unit: string | undefined, m: Mentioned): { literals: number[]; other: number } {
  const target = unit ? lookupUnit(unit) : undefined;
  const values: number[] = [];
  for (const n of m.numbers) {
    const u = n.unit ? lookupUnit(n.unit) : undefined;
    if ((u?.dimension ?? undefined) !== dimension) continue;
    values.push(u && target ? toBase(n.value, u) / target.factor : n.value);
  }
  const literals = [...new Set(values)];
  return { literals, other: literals.length ? Math.max(...literals.map(Math.abs)) + 1 : 1 };
}

function otherText(texts: Set<string>): string {
  let t = "another text";
  while (texts.has(t)) t += "'";
  return t;
}

function otherDate(dates: Set<string>): string {
  const d = "1999-12-31";
  return dates.has(d) ? "1999-12-30" : d;
}

function dedupeBy<T>(values: T[], key: (t: T) => unknown): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = JSON.stringify(key(v));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = JSON.stringify(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every expression a decision can depend on: rules, defines (imports included), requirement conditions. */
export function decisionExpressions(model: PolicyModel): A.Expression[] {
  const roots = [...model.rules.map((r) => r.condition), ...[...model.defines.values()].map((d) => d.value), ...model.requirements.flatMap((r) => r.conditions)];
  return roots.flatMap((r) => [...walkExpression(r)]);
}

function mentioned(models: PolicyModel[]): Mentioned {
  const out: Mentioned = { patterns: [], members: new Set(), texts: new Set(), numbers: [], dates: new Set(), crossEquality: false, counted: new Set(), countLimit: 1, countInArithmetic: false };
  let largest = 0;
  const seen = new Set<string>();
  const pattern = (p: CodePattern) => {
    const k = `${p.code}-${p.rangeEnd ?? ""}-${p.exact ? 1 : 0}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.patterns.push(p);
    }
  };
  for (const model of models) {
    for (const cs of model.codesets.values()) for (const e of cs.entries) pattern({ code: e.code, ...(e.rangeEnd ? { rangeEnd: e.rangeEnd } : {}) });
    for (const a of model.appliesTo ?? []) pattern({ code: a.code });
    for (const e of decisionExpressions(model)) {
      switch (e.kind) {
        case "code": {
          const code = normalizeCode(e.code);
          if (e.rangeEnd) pattern({ code, rangeEnd: normalizeCode(e.rangeEnd) });
          else {
            pattern({ code });
            pattern({ code, exact: true });
          }
          break;
        }
        case "string": out.texts.add(e.value); break;
        case "number":
          out.numbers.push({ value: e.value, ...(e.unit ? { unit: e.unit.name } : {}) });
          if (!e.unit) largest = Math.max(largest, Math.abs(e.value));
          break;
        case "count":
          if (e.operand.kind === "name") {
            const r = model.names.get(e.operand);
            if (r?.kind === "builtin") out.counted.add(r.name);
            else if (r?.kind === "fact") out.counted.add(`${model === models[0] ? "old" : "new"}:${r.name}`);
          }
          break;
        case "date": out.dates.add(e.raw); break;
        case "name": {
          const r = model.names.get(e);
          if (r?.kind === "enum-member") out.members.add(r.name);
          break;
        }
        case "is":
          if (isCaseValue(e.left, model) && isCaseValue(e.right, model)) out.crossEquality = true;
          break;
        case "arithmetic":
          if ([...walkExpression(e)].some((x) => x.kind === "count")) out.countInArithmetic = true;
          break;
        case "compare": {
          // A count against another value of the case: its breakpoints are not among the plain numbers.
          const counts = (x: A.Expression) => [...walkExpression(x)].some((y) => y.kind === "count");
          if ((counts(e.left) && isCaseValue(e.right, model)) || (counts(e.right) && isCaseValue(e.left, model))) out.countInArithmetic = true;
          break;
        }
        default:
          break;
      }
    }
  }
  // Counts compare with plain numbers: beyond the largest one written, every count behaves alike.
  out.countLimit = Math.min(64, Math.ceil(largest) + 1);
  return out;
}

/** Does the operand depend on the case (a fact, a define, a built-in, or an expression of them)? */
function isCaseValue(e: A.Expression, model: PolicyModel): boolean {
  for (const x of walkExpression(e)) {
    if (x.kind !== "name") continue;
    const r = model.names.get(x);
    if (r && (r.kind === "fact" || r.kind === "define" || r.kind === "builtin")) return true;
  }
  return false;
}
