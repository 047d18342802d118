/**
 * Representative values of a number or a date (ARCHITECTURE.md "pol diff"):
 * the points where some comparison of either version changes its answer, and
 * one value in every stretch between them. They are computed when the search
 * splits on the variable, with the variables already assigned fixed, so a
 * comparison such as `as_of - surgery >= 3 months` gives `surgery` concrete
 * breakpoints once `as_of` has a value.
 *
 * - Numbers: every comparison in which the variable is the only unassigned one
 *   is affine in it (units convert linearly, durations add up), so its answer
 *   changes at one root, found from two evaluations and checked with a third.
 * - Dates are whole days and every date operator is monotone (calendar steps
 *   too), so a comparison's sign changes at most twice over the days; a
 *   bisection finds those days.
 * - A date related to another date not yet assigned (`as_of - surgery`, with
 *   `as_of` split first) also gets the points where that relation crosses the
 *   other date's own breakpoints, and one day per calendar pattern (months of
 *   28 to 31 days, leap years) within each stretch, found by scanning four
 *   years of days: the pattern repeats every four years between 1901 and 2099.
 */
import type { Ir, Lowered } from "../lower.js";
import { compareDurations, compareNumbers, formatDate, parseDate, totalMinutes, type Duration } from "../runtime/index.js";
import { evalState, type AbstractEvaluator, type Assignment } from "./abstract-eval.js";
import type { Space, Variable } from "./space.js";
import { unitWord } from "./text.js";

type CompareFn = "compareNum" | "compareTime" | "equalNum" | "equalTime";
const COMPARISONS = new Set<string>(["compareNum", "compareTime", "equalNum", "equalTime"]);

/** A comparison of one version whose sides depend on the case. */
interface Atom {
  ev: AbstractEvaluator;
  fn: CompareFn;
  left: Ir;
  right: Ir;
  vars: Set<string>;
}

/** Representative values of a variable under an assignment, with words for the stretch each stands for. */
export interface Representatives {
  values: unknown[];
  regions: Map<string, string>;
}

const DAYS_IN_CYCLE = 1461;
const DEFAULT_DAY = parseDate("2025-01-01")!;

/** The comparisons of both versions, by variable, and the representatives they give numbers and dates. */
export class Breakpoints {
  private readonly atoms: Atom[] = [];
  private readonly byVariable = new Map<string, Atom[]>();
  private readonly cache = new Map<string, Representatives>();
  private readonly lo: number;
  private readonly hi: number;
  /** Why the analysis is not a proof (a comparison of two numbers of the case, a count). */
  readonly notes = new Set<string>();

  constructor(
    private readonly space: Space,
    evaluators: readonly AbstractEvaluator[],
  ) {
    for (const ev of evaluators) collectAtoms(ev, space, this.atoms, this.notes);
    for (const a of this.atoms) {
      for (const k of a.vars) {
        const list = this.byVariable.get(k);
        if (list) list.push(a);
        else this.byVariable.set(k, [a]);
      }
    }
    const days = space.dates.map((d) => parseDate(d)).filter((d): d is number => d !== undefined);
    this.lo = Math.min(DEFAULT_DAY, ...days) - 40_000;
    this.hi = Math.max(DEFAULT_DAY, ...days) + 40_000;
  }

  /** Variables that share a comparison with `key`. */
  partners(key: string): string[] {
    const out = new Set<string>();
    for (const a of this.byVariable.get(key) ?? []) for (const k of a.vars) if (k !== key) out.add(k);
    return [...out];
  }

  /** Representative values of a number or date variable under `asg` (which does not assign it). */
  representatives(v: Variable, asg: Assignment): Representatives {
    const context = this.contextKey(v, asg);
    const known = this.cache.get(context);
    if (known) return known;
    const r = v.date ? this.dates(v, asg) : this.numbers(v, asg);
    this.cache.set(context, r);
    return r;
  }

  private contextKey(v: Variable, asg: Assignment): string {
    const keys = new Set<string>();
    for (const p of this.partners(v.key)) {
      keys.add(p);
      for (const q of this.partners(p)) keys.add(q);
    }
    keys.delete(v.key);
    const parts = [...keys].sort().map((k) => {
      const x = this.space.variables.get(k);
      const classes = x?.kind === "set" ? x.elements.map((_, i) => String(asg.get(`${k}#${i}`))) : [];
      return `${k}=${String(typeof asg.get(k) === "symbol" ? (asg.get(k) as symbol).description : JSON.stringify(asg.get(k)))}${classes.join("")}`;
    });
    return `${v.key}|${parts.join("|")}`;
  }

  // ───────────────────────────── numbers ─────────────────────────────

  private numbers(v: Variable, asg: Assignment): Representatives {
    const roots: number[] = [];
    for (const atom of this.byVariable.get(v.key) ?? []) {
      const open = [...atom.vars].filter((k) => k !== v.key && !asg.has(k));
      if (open.length) {
        this.notes.add(`a comparison relates \`${v.name}\` to other values of the case; its values were chosen from its own comparisons`);
        continue;
      }
      const d = (x: number) => difference(atom, numberJson(v, x), v, asg);
      const d0 = d(0);
      const d1 = d(1);
      if (d0 === undefined || d1 === undefined || Number.isNaN(d0) || Number.isNaN(d1)) {
        if (Number.isNaN(d0 ?? 0) || Number.isNaN(d1 ?? 0)) this.notes.add(`\`${v.name}\` is compared on the calendar; its values were chosen from its other comparisons`);
        continue;
      }
      const slope = d1 - d0;
      if (slope === 0) continue;
      const d7 = d(7);
      if (d7 === undefined || Math.abs(d7 - (d0 + 7 * slope)) > 1e-6 * (Math.abs(d7) + Math.abs(d0) + 1)) {
        this.notes.add(`a comparison of \`${v.name}\` is not linear in it; its values were chosen from its roots`);
      }
      roots.push(Number((-d0 / slope).toPrecision(12)));
    }
    const sorted = [...new Set(roots)].sort((a, b) => a - b);
    const unit = v.number?.unit;
    const show = (x: number) => (unit ? `${x} ${unitWord(unit, x)}` : String(x));
    const values: number[] = [];
    const regions = new Map<string, string>();
    const put = (x: number, words: string) => {
      values.push(x);
      regions.set(JSON.stringify(numberJson(v, x)), words);
    };
    // Stretches first, then the breakpoints themselves: a witness then shows a typical value (2.5 years) before an edge (2 years).
    if (sorted.length === 0) put(1, "any value");
    else {
      const first = sorted[0];
      put(first >= 1 ? first - 1 : first > 0 ? first / 2 : first - 1, `any value below ${show(first)}`);
      sorted.forEach((r, i) => {
        const next = sorted[i + 1];
        if (next !== undefined) put(Number(((r + next) / 2).toPrecision(12)), `any value above ${show(r)} and below ${show(next)}`);
        else put(r + 1, `any value above ${show(r)}`);
      });
      for (const r of sorted) put(r, `exactly ${show(r)}`);
    }
    return { values: values.map((x) => numberJson(v, x)), regions };
  }

  // ────────────────────────────── dates ──────────────────────────────

  private dates(v: Variable, asg: Assignment): Representatives {
    const boundaries = new Set<number>();
    const pairs: { atom: Atom; partner: Variable }[] = [];
    for (const atom of this.byVariable.get(v.key) ?? []) {
      const open = [...atom.vars].filter((k) => k !== v.key && !asg.has(k));
      if (open.length === 0) {
        for (const b of this.transitions(atom, v, asg)) boundaries.add(b);
        continue;
      }
      const partner = open.length === 1 ? this.space.variables.get(open[0]) : undefined;
      if (!partner?.date) {
        this.notes.add(`a comparison relates \`${v.name}\` to several other values of the case; its dates were chosen from its own comparisons`);
        continue;
      }
      pairs.push({ atom, partner });
      // Where the relation crosses the partner's own breakpoints.
      for (const p of this.ownPoints(partner, v, asg)) {
        const withPartner = new Map(asg).set(partner.key, formatDate(p));
        for (const b of this.transitions(atom, v, withPartner)) boundaries.add(b);
      }
    }
    const sorted = [...boundaries].sort((a, b) => a - b);
    const days = new Set<number>(sorted.length ? [sorted[0] - 1, ...sorted] : [DEFAULT_DAY]);
    if (pairs.length) {
      // One day per calendar pattern in each stretch between breakpoints.
      const stretches: [number, number][] = [];
      const starts = sorted.length ? [sorted[0] - DAYS_IN_CYCLE, ...sorted] : [DEFAULT_DAY];
      starts.forEach((start, i) => stretches.push([start, Math.min(sorted[i] ?? Infinity, start + DAYS_IN_CYCLE) - 1]));
      for (const [from, to] of stretches) {
        const seen = new Set<string>();
        for (let x = from; x <= to; x++) {
          const at = new Map(asg).set(v.key, formatDate(x));
          const signature = pairs.map(({ atom, partner }) => this.transitions(atom, partner, at).map((t) => t - x).join(",")).join(";");
          if (!seen.has(signature)) {
            seen.add(signature);
            days.add(x);
          }
        }
      }
    }
    const values = [...days].sort((a, b) => a - b);
    const regions = new Map<string, string>();
    for (const d of values) regions.set(JSON.stringify(formatDate(d)), dateRegion(d, sorted));
    return { values: values.map(formatDate), regions };
  }

  /** The partner's breakpoints from comparisons that do not involve `other` (and the day before each). */
  private ownPoints(partner: Variable, other: Variable, asg: Assignment): number[] {
    const points = new Set<number>();
    for (const atom of this.byVariable.get(partner.key) ?? []) {
      if (atom.vars.has(other.key)) continue;
      if ([...atom.vars].some((k) => k !== partner.key && !asg.has(k))) continue;
      for (const b of this.transitions(atom, partner, asg)) points.add(b).add(b - 1);
    }
    return [...points];
  }

  /** The days where the atom's sign changes as `v` runs over the days (the first day of each new sign). */
  private transitions(atom: Atom, v: Variable, asg: Assignment): number[] {
    const label = (x: number) => String(sign(atom, formatDate(x), v, asg));
    const out: number[] = [];
    const search = (lo: number, hi: number, a: string, b: string) => {
      if (a === b) return;
      if (hi - lo <= 1) {
        out.push(hi);
        return;
      }
      const mid = Math.floor((lo + hi) / 2);
      const m = label(mid);
      search(lo, mid, a, m);
      search(mid, hi, m, b);
    };
    search(this.lo, this.hi, label(this.lo), label(this.hi));
    return out;
  }
}

function dateRegion(d: number, boundaries: number[]): string {
  if (boundaries.length === 0) return "any date";
  if (d < boundaries[0]) return `any date before ${formatDate(boundaries[0])}`;
  const i = boundaries.filter((b) => b <= d).length - 1;
  const start = boundaries[i];
  const next = boundaries[i + 1];
  if (next === undefined) return `any date from ${formatDate(start)} on`;
  if (next === start + 1) return `exactly ${formatDate(start)}`;
  return `any date from ${formatDate(start)} to ${formatDate(next - 1)}`;
}

/** A number of the variable as the witness writes it. */
export function numberJson(v: Variable, x: number): unknown {
  return v.number?.object && v.number.unit ? { value: x, unit: v.number.unit } : x;
}

/** The two sides of the atom with `v` set to `json`; undefined when not determined, or when a side is unknown. */
function sides(atom: Atom, json: unknown, v: Variable, asg: Assignment): [unknown, unknown] | undefined {
  const s = evalState(new Map(asg).set(v.key, json));
  const l = atom.ev.ir(atom.left, s);
  const r = atom.ev.ir(atom.right, s);
  if (l.k !== "v" || r.k !== "v") return undefined;
  return [l.v, r.v];
}

/** `left - right` as a number (durations by their total; NaN for a date difference, which compares on the calendar). */
function difference(atom: Atom, json: unknown, v: Variable, asg: Assignment): number | undefined {
  const lr = sides(atom, json, v, asg);
  if (!lr || lr[0] === undefined || lr[1] === undefined) return undefined;
  const num = (x: unknown): number => {
    if (typeof x === "number") return x;
    const d = x as Duration;
    return d.from !== undefined ? NaN : totalMinutes(d);
  };
  return num(lr[0]) - num(lr[1]);
}

/** The sign of `left - right` as the runtime compares them; undefined when a side is unknown. */
function sign(atom: Atom, json: unknown, v: Variable, asg: Assignment): number | undefined {
  const lr = sides(atom, json, v, asg);
  if (!lr || lr[0] === undefined || lr[1] === undefined) return undefined;
  const [l, r] = lr;
  if (typeof l === "number" && typeof r === "number") return compareNumbers(l, r);
  return compareDurations(l as Duration, r as Duration);
}

/** Every comparison reachable from the version's rules, requirements and defines. */
function collectAtoms(ev: AbstractEvaluator, space: Space, out: Atom[], notes: Set<string>): void {
  const version = ev.version;
  const varsOf = new Map<Lowered, Set<string>>();
  const defineVars = new Map<string, Set<string>>();
  const visitedIr = new Set<Ir>();

  const lowered = (l: Lowered): Set<string> => {
    const known = varsOf.get(l);
    if (known) return known;
    const vars = new Set<string>();
    varsOf.set(l, vars);
    switch (l.kind) {
      case "fact": {
        const v = space.byFact[version.side].get(l.name!);
        if (v) vars.add(v.key);
        break;
      }
      case "builtin":
        vars.add(l.name === "as_of" ? "as_of" : "procedures");
        break;
      case "define": {
        let dv = defineVars.get(l.name!);
        if (!dv) {
          dv = new Set();
          defineVars.set(l.name!, dv);
          for (const k of lowered(version.lowering.define(l.name!).body)) dv.add(k);
        }
        for (const k of dv) vars.add(k);
        break;
      }
      case "constant":
      case "condition":
        for (const k of ir(l.ir)) vars.add(k);
        break;
    }
    return vars;
  };

  const ir = (node: Ir): Set<string> => {
    const vars = new Set<string>();
    switch (node.k) {
      case "sub":
        for (const k of lowered(node.node)) vars.add(k);
        break;
      case "list":
        for (const i of node.items) for (const k of ir(i)) vars.add(k);
        break;
      case "call": {
        const argVars = node.args.map(ir);
        for (const a of argVars) for (const k of a) vars.add(k);
        if (!visitedIr.has(node)) {
          visitedIr.add(node);
          if (COMPARISONS.has(node.fn)) {
            const [left, right] = node.fn.startsWith("compare") ? [node.args[1], node.args[2]] : [node.args[0], node.args[1]];
            if (vars.size) out.push({ ev, fn: node.fn as CompareFn, left, right, vars });
          }
          if (node.fn === "arithmetic" || node.fn === "scaleDuration") {
            const withVars = argVars.filter((a) => a.size > 0).length;
            if (withVars > 1) notes.add("a condition multiplies or adds two values of the case");
          }
        }
        break;
      }
      default:
        break;
    }
    return vars;
  };

  for (const r of version.rules) lowered(r.condition);
  for (const req of version.requirements.values()) for (const c of req.conditions) lowered(c);
  for (const name of version.model.defines.keys()) lowered(version.lowering.define(name).body);
}
