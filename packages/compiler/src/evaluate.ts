/**
 * The reference evaluator: decides a case against a checked model by
 * interpreting its lowered expressions (lower.ts) with the shared runtime.
 * `pol eval`, `pol test`, the editor and the conformance suite use it; every
 * generated module must agree with it on every case.
 */
import type * as A from "@pol/dsl";
import type { PolicyModel } from "@pol/dsl";
import { lowering, type Ir, type Lowered, type Lowering, type RuntimeFunction } from "./lower.js";
import * as rt from "./runtime/index.js";
import { caseSchemaSpec } from "./schema.js";

export type { Decision, EvaluateOptions, InputError, InputErrors } from "./runtime/index.js";

/**
 * Decide `caseJson` (LANGUAGE.md §9) against a checked policy without errors.
 * With `trace` off (the default) no explanation objects are built, except to
 * compute `missing` for an incomplete decision.
 */
export function evaluate(model: PolicyModel, caseJson: unknown, options?: rt.EvaluateOptions): rt.Decision | rt.InputErrors {
  return rt.run(referenceProgram(model), caseJson, options);
}

/** Per-case state: the case's values and the defines computed so far. */
interface Context {
  checked: rt.CheckedCase;
  defineValues: Map<string, unknown>;
  defineNodes: Map<string, rt.Explained>;
}

const programs = new WeakMap<PolicyModel, rt.Program<Context>>();

/** The model as a runtime Program (built once per model). */
export function referenceProgram(model: PolicyModel): rt.Program<Context> {
  const known = programs.get(model);
  if (known) return known;
  if (model.kind !== "policy") throw new Error(`pol: ${model.name} is a library; only a policy decides cases`);
  const L = lowering(model);
  const it = new Interpreter(L);
  const appliesDecl = model.decl.members.find((m): m is A.AppliesToDecl => m.kind === "applies-to");
  const p = rt.program<Context>({
    policy: model.name,
    version: model.version ?? null,
    schema: rt.caseSchema(caseSchemaSpec(model)),
    ...(model.appliesTo && appliesDecl
      ? { appliesTo: { codes: rt.codeset(model.appliesTo.map((c) => c.code)), span: L.span(appliesDecl.span, model.file) } }
      : {}),
    rules: model.rules.map((r) => {
      const condition = L.rule(r);
      const span = L.span(r.decl.span, model.file);
      return {
        outcome: r.outcome,
        label: r.label,
        value: (c: Context) => it.value(condition, c) as rt.Kleene,
        explain: (c: Context) => {
          if (condition.constant) return rt.ruleNode(r.outcome, r.label, span, it.value(condition, c) as rt.Kleene, []);
          const node = it.explain(condition, c);
          return rt.ruleNode(r.outcome, r.label, span, node.value as rt.Kleene, [node]);
        },
      };
    }),
    otherwise: model.otherwise,
    requirements: model.requirements.map((r) => {
      const conditions = r.conditions.map((e) => L.condition(e));
      return {
        id: r.id,
        kind: r.kind,
        text: r.text,
        condition: (c: Context) => rt.and(...conditions.map((l) => it.value(l, c) as rt.Kleene)),
      };
    }),
    context: (checked) => ({ checked, defineValues: new Map(), defineNodes: new Map() }),
  });
  programs.set(model, p);
  return p;
}

// The interpreter (and pol diff's abstract evaluator) calls runtime functions by
// name with operands it computed; lower.ts chose each function from the operand
// types, so the call is well typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFunction = (...args: any[]) => unknown;
export const RUNTIME_FUNCTIONS: Record<RuntimeFunction, AnyFunction> = {
  and: rt.and, or: rt.or, not: rt.not, none: rt.none, atLeast: rt.atLeast, isKnown: rt.isKnown,
  equal: rt.equal, equalNum: rt.equalNum, equalTime: rt.equalTime, compareNum: rt.compareNum, compareTime: rt.compareTime,
  arithmetic: rt.arithmetic, dateDifference: rt.dateDifference, addToDate: rt.addToDate, addDurations: rt.addDurations,
  scaleDuration: rt.scaleDuration, duration: rt.duration, quantity: rt.quantity, dateValue: rt.dateValue, codeset: rt.codeset,
  has: rt.has, hasCode: rt.hasCode, hasAny: rt.hasAny, hasAnyCode: rt.hasAnyCode, hasAll: rt.hasAll, hasAllCodes: rt.hasAllCodes,
  hasAtLeast: rt.hasAtLeast, hasAtLeastCodes: rt.hasAtLeastCodes, isIn: rt.isIn, isInCodes: rt.isInCodes,
  isEmpty: rt.isEmpty, count: rt.count, setEqual: rt.setEqual, setEqualCodes: rt.setEqualCodes,
};

class Interpreter {
  private readonly constants = new Map<Lowered, unknown>();
  private readonly codesets = new Map<string, rt.CodeMatcher>();

  constructor(private readonly L: Lowering) {}

  /** The value of an expression (fast path). */
  value(l: Lowered, c: Context): unknown {
    switch (l.kind) {
      case "fact":
        return c.checked.values[l.name!];
      case "builtin":
        return l.name === "as_of" ? c.checked.asOf : c.checked.procedures;
      case "define":
        return this.defineValue(l.name!, c);
      case "constant": {
        if (this.constants.has(l)) return this.constants.get(l);
        const v = this.ir(l.ir, c, undefined);
        this.constants.set(l, v);
        return v;
      }
      case "condition":
        return this.ir(l.ir, c, undefined);
    }
  }

  /** The explanation node of a non-constant expression; its children's values feed its own. */
  explain(l: Lowered, c: Context): rt.Explained {
    switch (l.kind) {
      case "fact":
      case "builtin":
        return rt.explained(l.kind, l.label, l.span, l.show, this.value(l, c), [], l.name);
      case "define":
        return this.defineNode(l.name!, c);
      case "constant":
        throw new Error("pol: a constant has no explanation node");
      case "condition": {
        const children = l.children.map((ch) => this.explain(ch, c));
        const values = new Map<Lowered, unknown>(l.children.map((ch, i) => [ch, children[i].value]));
        return rt.explained("condition", l.label, l.span, l.show, this.ir(l.ir, c, values), children);
      }
    }
  }

  private defineValue(name: string, c: Context): unknown {
    if (c.defineValues.has(name)) return c.defineValues.get(name);
    const v = this.value(this.L.define(name).body, c);
    c.defineValues.set(name, v);
    return v;
  }

  private defineNode(name: string, c: Context): rt.Explained {
    const known = c.defineNodes.get(name);
    if (known) return known;
    const d = this.L.define(name);
    const body = d.body.constant ? undefined : this.explain(d.body, c);
    const value = body ? body.value : this.value(d.body, c);
    const node = rt.explained("define", d.label, d.span, d.show, value, body ? [body] : [], name);
    c.defineNodes.set(name, node);
    return node;
  }

  private ir(ir: Ir, c: Context, subs: Map<Lowered, unknown> | undefined): unknown {
    switch (ir.k) {
      case "lit":
        return ir.value;
      case "list":
        return ir.items.map((i) => this.ir(i, c, subs));
      case "match":
        return rt[ir.fn];
      case "codeset":
        return this.codeset(ir.name);
      case "sub":
        return subs?.has(ir.node) ? subs.get(ir.node) : this.value(ir.node, c);
      case "call":
        return RUNTIME_FUNCTIONS[ir.fn](...ir.args.map((a) => this.ir(a, c, subs)));
    }
  }

  private codeset(name: string): rt.CodeMatcher {
    let m = this.codesets.get(name);
    if (!m) {
      const symbol = this.L.model.codesets.get(name);
      if (!symbol) throw new Error(`pol: codeset ${name} is not in the model`);
      m = rt.codeset(symbol.entries.map((e) => (e.rangeEnd === undefined ? e.code : ([e.code, e.rangeEnd] as const))));
      this.codesets.set(name, m);
    }
    return m;
  }
}
