/**
 * Memo keys for the search: what is left of a question once part of the
 * input is assigned. Two partial assignments with the same key have the same
 * answers for every way of completing them, so the search explores what lies
 * under one key once (the structure a BDD would share).
 *
 * The key of a decision walks the rule classes as §5 does: a class already
 * settled (decided by a rule, joined as unknown, or out) is one word, and
 * later classes are left out once one decides; a class still open lists, for
 * each rule, its value or — when that is not determined yet — the values
 * assigned to what the rule reads. "What the rule reads" is per set class:
 * `diagnoses has any breast_tumors` reads only the classes of breast codes,
 * so which other diagnoses were present does not split the memo.
 */
import type { Ir, Lowered } from "../lower.js";
import * as rt from "../runtime/index.js";
import { evalState, maskOf, T, U, type AbstractEvaluator, type Assignment, type EvalState } from "./abstract-eval.js";
import { applicability, isUndetermined } from "./abstract-decide.js";
import { extraKey } from "./counts.js";
import { INVALID } from "./version.js";

/** What an expression reads: each variable, and for a set the classes it can see (`all`, or a subset; empty: only whether it is known). */
export type Reads = Map<string, "all" | Set<number>>;

const SET_TESTS = new Set(["has", "hasCode", "hasAny", "hasAnyCode", "hasAll", "hasAllCodes", "hasAtLeast", "hasAtLeastCodes"]);

/** Computes and caches what each lowered expression of one version reads. */
export class ReadsOf {
  private readonly cache = new Map<Lowered, Reads>();
  private readonly defines = new Map<string, Reads>();
  private readonly empty: EvalState = evalState(new Map());

  private readonly compiled = new Map<Lowered, { key: string; classKeys: string[] }[]>();

  constructor(private readonly ev: AbstractEvaluator) {}

  /** What `l` reads, as assigned in `asg` (see `readsKey`), with the reads compiled once. */
  key(l: Lowered, asg: Assignment): string {
    let c = this.compiled.get(l);
    if (!c) {
      const reads = this.of(l);
      c = [...reads.keys()].sort().map((key) => {
        const r = reads.get(key)!;
        const n = this.ev.space.variables.get(key)?.elements.length ?? 0;
        const classes = r === "all" ? [...Array(n).keys()] : [...r].sort((a, b) => a - b);
        const counted = this.ev.space.variables.get(key)?.count ? [extraKey(key)] : [];
        return { key, classKeys: [...classes.map((i) => `${key}#${i}`), ...(r === "all" ? counted : [])] };
      });
      this.compiled.set(l, c);
    }
    let out = "";
    for (const { key, classKeys } of c) {
      const v = asg.get(key);
      out += `${key}=${valueText(v)}`;
      if (v !== undefined && classKeys.length) {
        out += "[";
        for (const k of classKeys) out += flag(asg.get(k));
        out += "]";
      }
      out += ",";
    }
    return out;
  }

  of(l: Lowered): Reads {
    const known = this.cache.get(l);
    if (known) return known;
    const reads: Reads = new Map();
    this.cache.set(l, reads);
    switch (l.kind) {
      case "fact": {
        const v = this.ev.space.byFact[this.ev.version.side].get(l.name!);
        if (v) merge(reads, v.key, "all");
        break;
      }
      case "builtin":
        merge(reads, l.name === "as_of" ? "as_of" : "procedures", "all");
        break;
      case "define": {
        let d = this.defines.get(l.name!);
        if (!d) {
          d = new Map();
          this.defines.set(l.name!, d);
          for (const [k, r] of this.of(this.ev.version.lowering.define(l.name!).body)) merge(d, k, r);
        }
        for (const [k, r] of d) merge(reads, k, r);
        break;
      }
      case "constant":
        break;
      case "condition":
        this.ir(l.ir, reads);
        break;
    }
    return reads;
  }

  private ir(node: Ir, reads: Reads): void {
    switch (node.k) {
      case "sub":
        for (const [k, r] of this.of(node.node)) merge(reads, k, r);
        return;
      case "list":
        for (const i of node.items) this.ir(i, reads);
        return;
      case "call": {
        const narrowed = this.setTest(node);
        if (narrowed) {
          merge(reads, narrowed.key, narrowed.classes);
          node.args.forEach((a, i) => i !== narrowed.subject && this.ir(a, reads));
          return;
        }
        if (node.fn === "isKnown" && node.args[0].k === "sub") {
          const key = this.setKey(node.args[0].node);
          if (key) {
            merge(reads, key, new Set());
            return;
          }
        }
        for (const a of node.args) this.ir(a, reads);
        return;
      }
      default:
        return;
    }
  }

  /** `X has any S` with S constant: X is read only through the classes that match something in S. */
  private setTest(node: Extract<Ir, { k: "call" }>): { key: string; classes: Set<number>; subject: number } | undefined {
    if (!SET_TESTS.has(node.fn)) return undefined;
    const subject = node.fn === "hasAtLeast" || node.fn === "hasAtLeastCodes" ? 1 : 0;
    const s = node.args[subject];
    if (s.k !== "sub") return undefined;
    const key = this.setKey(s.node);
    if (!key) return undefined;
    const pattern = node.args[subject + 1];
    const p = this.ev.ir(pattern, this.empty);
    if (p.k !== "v") return undefined;
    const match = node.args[subject + 2] ? this.ev.ir(node.args[subject + 2], this.empty) : undefined;
    const variable = this.ev.space.variables.get(key)!;
    const elements = this.ev.elements(variable);
    const classes = new Set<number>();
    elements.forEach((e, i) => {
      if (e === INVALID) return;
      let hit: rt.Kleene;
      if (p.v instanceof rt.CodeMatcher) hit = rt.hasAnyCode([e as string], p.v);
      else if (Array.isArray(p.v)) hit = rt.hasAny([e], p.v, (match as { v: rt.Match<unknown> }).v);
      else hit = rt.has([e], p.v, (match as { v: rt.Match<unknown> }).v);
      if (hit) classes.add(i);
    });
    return { key, classes, subject };
  }

  private setKey(l: Lowered): string | undefined {
    if (l.kind === "builtin" && l.name === "procedures") return "procedures";
    if (l.kind !== "fact") return undefined;
    const v = this.ev.space.byFact[this.ev.version.side].get(l.name!);
    return v?.kind === "set" ? v.key : undefined;
  }
}

function merge(reads: Reads, key: string, r: "all" | Set<number>): void {
  const known = reads.get(key);
  if (known === "all") return;
  if (r === "all") reads.set(key, "all");
  else if (!known) reads.set(key, new Set(r));
  else for (const i of r) known.add(i);
}

/** The assigned values of what `reads` names, as text. */
export function readsKey(reads: Reads, asg: Assignment, classCount: (key: string) => number): string {
  const parts: string[] = [];
  for (const key of [...reads.keys()].sort()) {
    const r = reads.get(key)!;
    let part = `${key}=${valueText(asg.get(key))}`;
    if (asg.has(key) && (r === "all" || r.size)) {
      const classes = r === "all" ? [...Array(classCount(key)).keys()] : [...r].sort((a, b) => a - b);
      part += `[${classes.map((i) => flag(asg.get(`${key}#${i}`))).join("")}]`;
    }
    parts.push(part);
  }
  return parts.join(",");
}

function flag(v: unknown): string {
  return v === true ? "1" : v === false ? "0" : v === undefined ? "?" : String(v);
}

function valueText(v: unknown): string {
  if (v === undefined) return "?";
  if (typeof v === "symbol") return v.description ?? "";
  return JSON.stringify(v);
}

/** The residual of one expression: its value when determined, else what it reads. */
export function residual(ev: AbstractEvaluator, reads: ReadsOf, l: Lowered, s: EvalState): string {
  const m = maskOf(ev.value(l, s));
  return m === T || m === 2 || m === U ? String(m) : `(${reads.key(l, s.asg)})`;
}

/** The memo key of one version's decision (see the file comment). */
export function decisionResidual(ev: AbstractEvaluator, reads: ReadsOf, s: EvalState): string {
  const app = applicability(ev, s);
  const parts: string[] = [];
  if (isUndetermined(app)) parts.push(`A(${readsKey(new Map([["procedures", "all"]]), s.asg, (k) => ev.space.variables.get(k)!.elements.length)})`);
  else if (!app) return "NA";
  const v = ev.version;
  for (const rules of v.classes) {
    const { key, decides } = classResidual(rules, (i) => v.rules[i].condition, ev, reads, s);
    parts.push(key);
    if (decides) break;
  }
  return parts.join("|");
}

/**
 * What is left of one class of rules (§5): the first rule that is surely
 * true, and before it the rules that may still be true (it or one of them
 * decides: nothing else in the class or after it matters); with no sure rule,
 * also whether the class surely joins as unknown, or else the rules that may
 * still be unknown. A rule surely false says nothing, and a rule surely
 * unknown only that the class joins: so the order of false and unknown rules
 * met on the way is not part of the key.
 */
function classResidual(
  rules: readonly number[],
  condition: (i: number) => Lowered,
  ev: AbstractEvaluator,
  reads: ReadsOf,
  s: EvalState,
): { key: string; decides: boolean } {
  const masks = rules.map((i) => maskOf(ev.value(condition(i), s)));
  const sure = masks.findIndex((m) => m === T);
  const mayBeTrue: string[] = [];
  for (let j = 0; j < (sure < 0 ? rules.length : sure); j++) {
    if (masks[j] & T) mayBeTrue.push(`${rules[j]}:${reads.key(condition(rules[j]), s.asg)}`);
  }
  // The class decides, by the sure rule or by one before it: later classes do not matter.
  if (sure >= 0) return { key: `(${mayBeTrue.join(";")}>D${rules[sure]})`, decides: true };
  if (masks.some((m) => m === U)) return { key: `(${mayBeTrue.join(";")}>J)`, decides: false };
  const mayBeUnknown = rules.filter((_, j) => !(masks[j] & T) && masks[j] & U && masks[j] !== U).map((i) => `${i}:${reads.key(condition(i), s.asg)}`);
  return { key: `(${mayBeTrue.join(";")}>${mayBeUnknown.join(";")})`, decides: false };
}
