/**
 * Evaluation of one version under a partial assignment of the input space.
 * A value is either determined (the same for every completion of the
 * assignment) or not, and then it names a variable whose value would help
 * (its "blame"): the search splits on that variable next.
 *
 * Booleans keep the set of Kleene values still possible (true, false,
 * unknown), so `all(unknown, ?)` is known to be false-or-unknown — never
 * true — and a class of rules can be decided before every rule in it is.
 * Every operator runs the runtime's own function as soon as its operands are
 * determined, so the analysis and `evaluate` never disagree on semantics.
 * Soundness is all that matters here: "determined" must be true for every
 * completion; "undetermined" only costs another split.
 */
import type { Ir, Lowered, RuntimeFunction } from "../lower.js";
import { RUNTIME_FUNCTIONS } from "../evaluate.js";
import * as rt from "../runtime/index.js";
import { extraElements, extraKey } from "./counts.js";
import type { Space, Variable } from "./space.js";
import { INVALID, readDate, readProcedure, type Version } from "./version.js";

/** The value of a variable in an assignment. Set facts and `procedures` are KNOWN, with presence variables per class. */
export const UNKNOWN: unique symbol = Symbol("unknown");
export const KNOWN: unique symbol = Symbol("known");

/** Values of the variables split so far, by key (`f:<fact>`, `as_of`, `procedures`, `<key>#<class>`, `<key>+`). */
export type Assignment = Map<string, unknown>;

/** Kleene values as bits of a mask: true, false, unknown. */
export const T = 1;
export const F = 2;
export const U = 4;
const ALL = T | F | U;

/** An abstract value. */
export type AV =
  /** Determined: the runtime value (`undefined` is unknown). */
  | { k: "v"; v: unknown }
  /** A boolean with more than one possible Kleene value (`mask` of T, F, U). */
  | { k: "b"; mask: number; blame: string }
  /** Anything else not yet determined. */
  | { k: "top"; blame: string }
  /** A known set with some classes not yet decided: it holds the `present` classes, and may hold the `open` ones. */
  | PartialSet;

/** A known set with some classes not yet decided (class indexes into `elements`, this version's reading of each class). */
export interface PartialSet {
  k: "set";
  keys: readonly string[];
  elements: readonly unknown[];
  present: number[];
  open: number[];
  /** A counted set whose classes are all decided but not how many elements beyond one per class (counts.ts). */
  extraKey?: string;
}

/** The elements a partial set surely holds. */
export function lowerOf(p: PartialSet): unknown[] {
  const out: unknown[] = [];
  for (const i of p.present) if (!out.some((y) => sameElement(y, p.elements[i]))) out.push(p.elements[i]);
  return out;
}

const det = (v: unknown): AV => ({ k: "v", v });

function sameElement(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && JSON.stringify(a) === JSON.stringify(b));
}

/** The Kleene values a boolean value can still take, as a mask. */
export function maskOf(a: AV): number {
  if (a.k === "v") return a.v === true ? T : a.v === false ? F : U;
  if (a.k === "b") return a.mask;
  return ALL;
}

function fromMask(mask: number, blame: string): AV {
  if (mask === T) return det(true);
  if (mask === F) return det(false);
  if (mask === U) return det(undefined);
  return { k: "b", mask, blame };
}

/** The variable an undetermined value needs next. */
export function blameOf(a: AV): string | undefined {
  if (a.k === "b" || a.k === "top") return a.blame;
  if (a.k === "set") return a.open.length ? a.keys[a.open[0]] : a.extraKey;
  return undefined;
}

const kleene = (bit: number): rt.Kleene => (bit === T ? true : bit === F ? false : undefined);
const bitOf = (k: rt.Kleene): number => (k === true ? T : k === false ? F : U);

/** `AND[a][b]`, `OR[a][b]`: the Kleene values `x and y` / `x or y` can take for x in mask a, y in mask b. */
const AND: number[][] = table((x, y) => rt.and(x, y));
const OR: number[][] = table((x, y) => rt.or(x, y));

function table(op: (a: rt.Kleene, b: rt.Kleene) => rt.Kleene): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < 8; a++) {
    out.push([]);
    for (let b = 0; b < 8; b++) {
      let m = 0;
      for (const x of [T, F, U]) if (a & x) for (const y of [T, F, U]) if (b & y) m |= bitOf(op(kleene(x), kleene(y)));
      out[a].push(m);
    }
  }
  return out;
}

// Every runtime function the lowering can call, as the reference evaluator calls them.
const FUNCTIONS = RUNTIME_FUNCTIONS;

const BOOLEAN_FUNCTIONS = new Set<RuntimeFunction>([
  "and", "or", "not", "none", "atLeast", "isKnown", "equal", "equalNum", "equalTime", "compareNum", "compareTime",
  "has", "hasCode", "hasAny", "hasAnyCode", "hasAll", "hasAllCodes", "hasAtLeast", "hasAtLeastCodes", "isIn", "isInCodes",
  "isEmpty", "setEqual", "setEqualCodes",
]);

/** Set functions that can only become true as their subject grows (the subject's argument position). */
/** Set tests that hold when one element matches (`has v`, `has any S`). */
const ANY_TESTS = new Set<RuntimeFunction>(["has", "hasCode", "hasAny", "hasAnyCode"]);

const MONOTONE_IN_SUBJECT: Partial<Record<RuntimeFunction, number>> = {
  has: 0, hasCode: 0, hasAny: 0, hasAnyCode: 0, hasAll: 0, hasAllCodes: 0, hasAtLeast: 1, hasAtLeastCodes: 1,
};

/** Per-evaluation memory: facts read and defines computed under one assignment. */
export interface EvalState {
  asg: Assignment;
  facts: Map<string, AV>;
  defines: Map<string, AV>;
  /** Values of conditions already computed (rules are evaluated for the decision and again for the memo key). */
  nodes: Map<Lowered, AV>;
}

/** A fresh per-evaluation memory for an assignment. */
export function evalState(asg: Assignment): EvalState {
  return { asg, facts: new Map(), defines: new Map(), nodes: new Map() };
}

/** The abstract evaluator of one version. */
export class AbstractEvaluator {
  private readonly constants = new Map<Lowered, AV>();
  private readonly codesets = new Map<string, rt.CodeMatcher>();
  private readonly elementCache = new Map<string, readonly unknown[]>();
  private readonly keyCache = new Map<string, readonly string[]>();
  /** Per pattern (a codeset, a list, a code) and set variable: which classes match something in it. */
  private readonly matching = new Map<unknown, Map<string, Uint8Array>>();

  constructor(
    readonly version: Version,
    readonly space: Space,
  ) {}

  /** The value of a lowered expression. */
  value(l: Lowered, s: EvalState): AV {
    switch (l.kind) {
      case "fact":
        return this.fact(l.name!, s);
      case "builtin":
        return l.name === "as_of" ? this.variable(this.space.asOf, s) : this.variable(this.space.procedures, s);
      case "define": {
        const known = s.defines.get(l.name!);
        if (known) return known;
        const v = this.value(this.version.lowering.define(l.name!).body, s);
        s.defines.set(l.name!, v);
        return v;
      }
      case "constant": {
        let v = this.constants.get(l);
        if (!v) this.constants.set(l, (v = this.ir(l.ir, s)));
        return v;
      }
      case "condition": {
        let v = s.nodes.get(l);
        if (!v) s.nodes.set(l, (v = this.ir(l.ir, s)));
        return v;
      }
    }
  }

  /** The presence variables of a set variable's classes. */
  classKeys(x: Variable): readonly string[] {
    let k = this.keyCache.get(x.key);
    if (!k) this.keyCache.set(x.key, (k = x.elements.map((_, i) => `${x.key}#${i}`)));
    return k;
  }

  /** A set variable's elements as this version reads them, one per class (INVALID where it cannot hold one). */
  elements(x: Variable): readonly unknown[] {
    let e = this.elementCache.get(x.key);
    if (!e) {
      const side = this.version.side;
      e = x.elements.map((json) => (x.key === "procedures" ? readProcedure(json) : this.version.readElement(x.names[side]!, json)));
      this.elementCache.set(x.key, e);
    }
    return e;
  }

  /** A fact of this version, by this version's name. */
  fact(name: string, s: EvalState): AV {
    const known = s.facts.get(name);
    if (known) return known;
    const variable = this.space.byFact[this.version.side].get(name);
    const v = variable ? this.variable(variable, s) : det(undefined);
    s.facts.set(name, v);
    return v;
  }

  /** A variable as this version reads it under the assignment. */
  variable(x: Variable, s: EvalState): AV {
    const side = this.version.side;
    const value = s.asg.get(x.key);
    if (value === undefined) return x.bool[side] ? { k: "b", mask: ALL, blame: x.key } : { k: "top", blame: x.key };
    if (value === UNKNOWN) return det(undefined);
    if (x.key === "as_of") return det(readDate(value));
    if (value === KNOWN) {
      // A fact that this version holds as a single value reads a set as not given.
      if (x.key !== "procedures" && this.version.factType(x.names[side] ?? "")?.kind !== "set") return det(undefined);
      const elements = this.elements(x);
      const keys = this.classKeys(x);
      const present: number[] = [];
      const open: number[] = [];
      for (let i = 0; i < elements.length; i++) {
        if (elements[i] === INVALID) continue;
        const p = s.asg.get(keys[i]);
        if (p === true) present.push(i);
        else if (p === undefined) open.push(i);
      }
      if (open.length) return { k: "set", keys, elements, present, open };
      const lower = lowerOf({ k: "set", keys, elements, present, open });
      if (!x.count) return det(lower);
      const extra = s.asg.get(extraKey(x.key));
      if (extra === undefined) return { k: "set", keys, elements, present, open, extraKey: extraKey(x.key) };
      for (const more of extraElements(x, present, extra as number)) {
        const element = x.key === "procedures" ? readProcedure(more) : this.version.readElement(x.names[side]!, more);
        if (element !== INVALID && !lower.some((y) => sameElement(y, element))) lower.push(element);
      }
      return det(lower);
    }
    const read = this.version.read(x.names[side]!, value);
    return det(read === INVALID ? undefined : read);
  }

  /** The value of a piece of lowered code. */
  ir(ir: Ir, s: EvalState): AV {
    switch (ir.k) {
      case "lit":
        return det(ir.value);
      case "list": {
        const items = ir.items.map((i) => this.ir(i, s));
        const open = items.find((i) => i.k !== "v");
        return open ? { k: "top", blame: blameOf(open)! } : det(items.map((i) => (i as { v: unknown }).v));
      }
      case "match":
        return det(rt[ir.fn]);
      case "codeset":
        return det(this.codeset(ir.name));
      case "sub":
        return this.value(ir.node, s);
      case "call":
        return this.call(ir.fn, ir.args, s);
    }
  }

  private call(fn: RuntimeFunction, args: Ir[], s: EvalState): AV {
    switch (fn) {
      case "and":
      case "or":
        return this.logical(fn, args, s);
      case "not": {
        const a = this.ir(args[0], s);
        if (a.k === "v") return det(rt.not(a.v as rt.Kleene));
        const m = maskOf(a);
        return fromMask((m & T ? F : 0) | (m & F ? T : 0) | (m & U), blameOf(a)!);
      }
      case "none": {
        const any = this.logical("or", args, s);
        if (any.k === "v") return det(rt.not(any.v as rt.Kleene));
        const m = maskOf(any);
        return fromMask((m & T ? F : 0) | (m & F ? T : 0) | (m & U), blameOf(any)!);
      }
      case "atLeast":
        return this.atLeast(args, s);
      case "isKnown": {
        const a = this.ir(args[0], s);
        if (a.k === "v") return det(a.v !== undefined);
        if (a.k === "set") return det(true);
        const m = maskOf(a);
        if (a.k === "b" && !(m & U)) return det(true);
        return { k: "b", mask: T | F, blame: blameOf(a)! };
      }
    }
    const values = args.map((a) => this.ir(a, s));
    if (values.every((v) => v.k === "v")) return det(FUNCTIONS[fn](...values.map((v) => (v as { v: unknown }).v)));
    const setIndex = values.findIndex((v) => v.k === "set");
    if (setIndex >= 0 && (MONOTONE_IN_SUBJECT[fn] === setIndex || fn === "isEmpty")) {
      const bounded = this.bounded(fn, values, setIndex);
      if (bounded) return bounded;
    }
    const open = values.find((v) => v.k !== "v")!;
    const blame = blameOf(open)!;
    return BOOLEAN_FUNCTIONS.has(fn) ? { k: "b", mask: ALL, blame } : { k: "top", blame };
  }

  /**
   * A set function that can only grow true as its subject grows (or, for
   * `is empty`, only shrink), over a set still partly open: its value with
   * what the set surely holds and with all it may hold bound every completion.
   */
  private bounded(fn: RuntimeFunction, values: AV[], setIndex: number): AV | undefined {
    const args: unknown[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (i === setIndex) args.push(undefined);
      else if (v.k === "v") args.push(v.v);
      else return undefined;
    }
    const set = values[setIndex] as PartialSet;
    if (ANY_TESTS.has(fn)) return this.anyTest(fn, args[setIndex + 1], args[setIndex + 2], set);
    const f = FUNCTIONS[fn];
    const lower = lowerOf(set);
    args[setIndex] = lower;
    const low = f(...args) as rt.Kleene;
    args[setIndex] = lower.concat(set.open.map((i) => set.elements[i]));
    const high = f(...args) as rt.Kleene;
    if (low === high) return det(low);
    // Split first on a class that would change the answer by itself.
    let helpful = set.open[0];
    for (const i of set.open) {
      args[setIndex] = lower.concat([set.elements[i]]);
      if (f(...args) !== low) {
        helpful = i;
        break;
      }
    }
    return { k: "b", mask: bitOf(low) | bitOf(high), blame: set.keys[helpful] };
  }

  /** `X has v`, `X has any S`: true as soon as one class that matches is present, false when none may be. */
  private anyTest(fn: RuntimeFunction, pattern: unknown, match: unknown, set: PartialSet): AV {
    const hits = this.matches(fn, pattern, match, set);
    for (const i of set.present) if (hits[i]) return det(true);
    for (const i of set.open) if (hits[i]) return { k: "b", mask: T | F, blame: set.keys[i] };
    return det(false);
  }

  private matches(fn: RuntimeFunction, pattern: unknown, match: unknown, set: PartialSet): Uint8Array {
    let byVariable = this.matching.get(pattern);
    if (!byVariable) this.matching.set(pattern, (byVariable = new Map()));
    const id = set.keys[0] ?? "";
    let hits = byVariable.get(id);
    if (!hits) {
      hits = new Uint8Array(set.elements.length);
      set.elements.forEach((e, i) => {
        if (e === INVALID) return;
        const r = fn === "hasCode" || fn === "hasAnyCode" ? rt.hasAnyCode([e as string], pattern as rt.CodeMatcher) : fn === "has" ? rt.has([e], pattern, match as rt.Match<unknown>) : rt.hasAny([e], pattern as unknown[], match as rt.Match<unknown>);
        hits![i] = r ? 1 : 0;
      });
      byVariable.set(id, hits);
    }
    return hits;
  }

  private logical(fn: "and" | "or", args: Ir[], s: EvalState): AV {
    const decisive = fn !== "and";
    const tab = fn === "and" ? AND : OR;
    let mask = fn === "and" ? T : F;
    let blame: string | undefined;
    for (const a of args) {
      const v = this.ir(a, s);
      if (v.k === "v" && v.v === decisive) return det(decisive);
      mask = tab[mask][maskOf(v)];
      if (blame === undefined && v.k !== "v") blame = blameOf(v);
    }
    return blame === undefined ? det(kleene(mask)) : fromMask(mask, blame);
  }

  private atLeast(args: Ir[], s: EvalState): AV {
    const n = (this.ir(args[0], s) as { v: number }).v;
    const list = args[1];
    const items = list.k === "list" ? list.items.map((i) => this.ir(i, s)) : [];
    let blame: string | undefined;
    // Reachable (true count, unknown count) pairs.
    let states = new Set<string>(["0,0"]);
    for (const item of items) {
      if (blame === undefined && item.k !== "v") blame = blameOf(item);
      const next = new Set<string>();
      for (const st of states) {
        const [y, u] = st.split(",").map(Number);
        const m = maskOf(item);
        for (const b of [T, F, U]) if (m & b) next.add(b === T ? `${y + 1},${u}` : b === U ? `${y},${u + 1}` : `${y},${u}`);
      }
      states = next;
    }
    let mask = 0;
    for (const st of states) {
      const [y, u] = st.split(",").map(Number);
      mask |= bitOf(rt.atLeast(n, [...Array(y).fill(true), ...Array(u).fill(undefined)]));
    }
    return blame === undefined ? det(kleene(mask)) : fromMask(mask, blame);
  }

  private codeset(name: string): rt.CodeMatcher {
    let m = this.codesets.get(name);
    if (!m) {
      const symbol = this.version.model.codesets.get(name);
      if (!symbol) throw new Error(`pol diff: codeset ${name} is not in the model`);
      m = rt.codeset(symbol.entries.map((e) => (e.rangeEnd === undefined ? e.code : ([e.code, e.rangeEnd] as const))));
      this.codesets.set(name, m);
    }
    return m;
  }
}
