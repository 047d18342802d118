/**
 * Lowering: each checked expression becomes a call of one runtime function,
 * chosen from the operand types (LANGUAGE.md §4). The reference evaluator
 * interprets the lowered form and the TypeScript emitter prints it, so both
 * pick the same runtime function for every operator: one decision about
 * semantics, two executions of it.
 *
 * Lowering also fixes the shape of the explanation: which sub-expressions are
 * trace nodes (everything that depends on the case; constants are not), their
 * labels, spans and how their values are shown.
 */
import { dirname, relative, sep } from "node:path";
import type * as A from "@pol/dsl";
import type { DefineSymbol, PolicyModel, PolType, RuleModel } from "@pol/dsl";
import { expressionText } from "./expression-text.js";
import { lookupUnit, normalizeCode, UNIT_NAMES, type Show, type SourceSpan } from "./runtime/index.js";

/** Runtime functions an operator lowers to (all exported by runtime/). */
export type RuntimeFunction =
  | "and" | "or" | "not" | "none" | "atLeast" | "isKnown"
  | "equal" | "equalNum" | "equalTime" | "compareNum" | "compareTime"
  | "arithmetic" | "dateDifference" | "addToDate" | "addDurations" | "scaleDuration"
  | "duration" | "quantity" | "dateValue" | "codeset"
  | "has" | "hasCode" | "hasAny" | "hasAnyCode" | "hasAll" | "hasAllCodes" | "hasAtLeast" | "hasAtLeastCodes"
  | "isIn" | "isInCodes" | "isEmpty" | "count" | "setEqual" | "setEqualCodes";

/** How set elements are compared (runtime/sets.ts). */
export type MatchFunction = "sameValue" | "sameNumber" | "sameDuration" | "codeUnder";

export type Ir =
  | { k: "lit"; value: string | number | boolean }
  | { k: "list"; items: Ir[] }
  | { k: "call"; fn: RuntimeFunction; args: Ir[] }
  | { k: "match"; fn: MatchFunction }
  /** A named codeset of the policy. */
  | { k: "codeset"; name: string }
  /** The value of a sub-expression (a trace child when it is not constant). */
  | { k: "sub"; node: Lowered };

export interface Lowered {
  kind: "fact" | "define" | "builtin" | "constant" | "condition";
  expr: A.Expression;
  type: PolType;
  /** Fact, define or built-in name. */
  name?: string;
  /** For `constant` and `condition`: how to compute the value. */
  ir: Ir;
  /** Does not depend on the case (never a trace node). */
  constant: boolean;
  /** For `condition`: the operands that are trace nodes, in source order. */
  children: Lowered[];
  label: string;
  show: Show;
  span: SourceSpan;
}

export interface LoweredDefine {
  symbol: DefineSymbol;
  body: Lowered;
  label: string;
  span: SourceSpan;
  show: Show;
  constant: boolean;
}

const BOOL: PolType = { kind: "bool" };

/** The lowered form of one checked policy (built once per model, cached). */
export class Lowering {
  private readonly cache = new Map<A.Expression, Lowered>();
  private readonly defines = new Map<string, LoweredDefine>();
  private readonly baseDir: string;

  constructor(readonly model: PolicyModel) {
    this.baseDir = dirname(model.file);
  }

  /** A rule's condition. */
  rule(rule: RuleModel): Lowered {
    return this.expression(rule.condition, this.model.file);
  }

  /** A requirement condition (in the policy's own file). */
  condition(e: A.Expression): Lowered {
    return this.expression(e, this.model.file);
  }

  define(name: string): LoweredDefine {
    const known = this.defines.get(name);
    if (known) return known;
    const symbol = this.model.defines.get(name);
    if (!symbol) throw new Error(`pol: define ${name} is not in the model`);
    const body = this.expression(symbol.value, symbol.file);
    const d: LoweredDefine = {
      symbol,
      body,
      label: symbol.label ?? symbol.name,
      span: this.span(symbol.decl.span, symbol.file),
      show: showOf(body.type, body.expr),
      constant: body.constant,
    };
    this.defines.set(name, d);
    return d;
  }

  /** A span as decisions report it: the file relative to the policy's folder, with `/`. */
  span(s: A.Span, file: string): SourceSpan {
    const rel = relative(this.baseDir, file).split(sep).join("/");
    return { file: rel, line: s.start.line, column: s.start.column, endLine: s.end.line, endColumn: s.end.column };
  }

  expression(e: A.Expression, file: string): Lowered {
    const known = this.cache.get(e);
    if (known) return known;
    const lowered = this.lower(e, file);
    this.cache.set(e, lowered);
    return lowered;
  }

  typeOf(e: A.Expression): PolType {
    return this.model.types.get(e) ?? this.infer(e);
  }

  private lower(e: A.Expression, file: string): Lowered {
    if (e.kind === "paren") return this.expression(e.inner, file);
    const type = this.typeOf(e);
    const base = { expr: e, type, label: expressionText(e), show: showOf(type, e), span: this.span(e.span, file) };
    if (e.kind === "name") {
      const r = this.model.names.get(e);
      if (!r) throw new Error(`pol: unresolved name ${e.name} (back ends need a model without errors)`);
      switch (r.kind) {
        case "fact":
          return { ...base, kind: "fact", name: r.name, label: r.label ?? r.name, ir: { k: "lit", value: r.name }, constant: false, children: [] };
        case "define": {
          const d = this.define(r.name);
          return { ...base, kind: "define", name: r.name, label: d.label, ir: { k: "lit", value: r.name }, constant: d.constant, children: [] };
        }
        case "builtin":
          return {
            ...base,
            kind: "builtin",
            name: r.name,
            label: r.name === "as_of" ? "Reference date (as_of)" : "Procedure codes (procedures)",
            ir: { k: "lit", value: r.name },
            constant: false,
            children: [],
          };
        case "codeset":
          return { ...base, kind: "constant", name: r.name, ir: { k: "codeset", name: r.name }, constant: true, children: [] };
        case "enum-member":
          return { ...base, kind: "constant", ir: { k: "lit", value: r.name }, constant: true, children: [] };
      }
    }
    const operands: Lowered[] = [];
    const sub = (x: A.Expression): Ir => {
      const l = this.expression(x, file);
      operands.push(l);
      return { k: "sub", node: l };
    };
    const ir = this.operation(e, sub);
    const children = operands.filter((o) => !o.constant).sort((a, b) => a.expr.span.start.offset - b.expr.span.start.offset);
    const label = e.kind === "logical" || e.kind === "combinator" || e.kind === "at-least" ? groupLabel(e) : base.label;
    return { ...base, kind: children.length === 0 ? "constant" : "condition", label, ir, constant: children.length === 0, children };
  }

  /** The runtime call for an operator, given a way to lower its operands. */
  private operation(e: A.Expression, sub: (x: A.Expression) => Ir): Ir {
    const call = (fn: RuntimeFunction, ...args: Ir[]): Ir => ({ k: "call", fn, args });
    const lit = (value: string | number | boolean): Ir => ({ k: "lit", value });
    const negate = (ir: Ir, negated: boolean): Ir => (negated ? call("not", ir) : ir);
    switch (e.kind) {
      case "bool":
        return lit(e.value);
      case "string":
        return lit(e.value);
      case "date":
        return call("dateValue", lit(e.raw));
      case "number": {
        const unit = e.unit ? lookupUnit(e.unit.name) : undefined;
        if (!unit) return lit(e.value);
        return call(unit.dimension === "time" ? "duration" : "quantity", lit(e.value), lit(unit.name));
      }
      case "code":
        return e.rangeEnd === undefined ? lit(normalizeCode(e.code)) : codesetCall([e]);
      case "set": {
        const codes = e.items.filter((i): i is A.CodeLiteral => i.kind === "code");
        if (codes.length > 0 && codes.length === e.items.length) return codesetCall(codes);
        return { k: "list", items: e.items.map(sub) };
      }
      case "logical":
        return call(e.op, ...e.operands.map(sub));
      case "not":
        return call("not", sub(e.operand));
      case "combinator":
        return call(e.fn === "all" ? "and" : e.fn === "any" ? "or" : "none", ...e.args.map(sub));
      case "at-least":
        return call("atLeast", lit(e.count.value), { k: "list", items: e.args.map(sub) });
      case "known":
        return negate(call("isKnown", sub(e.operand)), !e.known);
      case "empty":
        return negate(call("isEmpty", sub(e.operand)), e.negated);
      case "count":
        return call("count", sub(e.operand));
      case "is":
        return negate(this.equality(e, sub), e.negated);
      case "compare": {
        const time = isTime(this.typeOf(e.left)) || isTime(this.typeOf(e.right));
        return call(time ? "compareTime" : "compareNum", lit(e.op), sub(e.left), sub(e.right));
      }
      case "in": {
        const element = sub(e.element);
        const set = e.set;
        if (this.isCodes(set)) return negate(call("isInCodes", element, sub(set)), e.negated);
        return negate(call("isIn", element, sub(set), this.match(this.typeOf(e.element))), e.negated);
      }
      case "has":
        return this.has(e, sub);
      case "arithmetic":
        return this.arithmetic(e, sub);
      case "paren":
      case "name":
      case "error-expr":
        throw new Error(`pol: cannot lower ${e.kind} (back ends need a model without errors)`);
    }
  }

  private equality(e: A.IsExpr, sub: (x: A.Expression) => Ir): Ir {
    const left = this.typeOf(e.left);
    const right = this.typeOf(e.right);
    const t = left.kind === "error" ? right : left;
    const call = (fn: RuntimeFunction, ...args: Ir[]): Ir => ({ k: "call", fn, args });
    if (t.kind === "set" || t.kind === "codeset") {
      if (this.isCodes(e.right)) return call("setEqualCodes", sub(e.left), sub(e.right));
      if (this.isCodes(e.left)) return call("setEqualCodes", sub(e.right), sub(e.left));
      return call("setEqual", sub(e.left), sub(e.right), this.match(t.kind === "set" ? t.element : t));
    }
    if (isTime(t)) return call("equalTime", sub(e.left), sub(e.right));
    if (t.kind === "number" || t.kind === "date") return call("equalNum", sub(e.left), sub(e.right));
    return call("equal", sub(e.left), sub(e.right));
  }

  private has(e: A.HasExpr, sub: (x: A.Expression) => Ir): Ir {
    const call = (fn: RuntimeFunction, ...args: Ir[]): Ir => ({ k: "call", fn, args });
    const subjectType = this.typeOf(e.subject);
    const element = subjectType.kind === "set" ? subjectType.element : subjectType;
    const subject = sub(e.subject);
    const codes = this.isCodes(e.value);
    const n: Ir = { k: "lit", value: e.count?.value ?? 0 };
    switch (e.quantifier) {
      case "one":
        return codes ? call("hasCode", subject, sub(e.value)) : call("has", subject, sub(e.value), this.match(element));
      case "any":
        return codes ? call("hasAnyCode", subject, sub(e.value)) : call("hasAny", subject, sub(e.value), this.match(element));
      case "all":
        return codes ? call("hasAllCodes", subject, sub(e.value)) : call("hasAll", subject, sub(e.value), this.match(element));
      case "at-least":
        return codes
          ? call("hasAtLeastCodes", n, subject, sub(e.value))
          : call("hasAtLeast", n, subject, sub(e.value), this.match(element));
    }
  }

  private arithmetic(e: A.ArithmeticExpr, sub: (x: A.Expression) => Ir): Ir {
    const call = (fn: RuntimeFunction, ...args: Ir[]): Ir => ({ k: "call", fn, args });
    const lit = (value: string | number | boolean): Ir => ({ k: "lit", value });
    const l = this.typeOf(e.left);
    const r = this.typeOf(e.right);
    const left = sub(e.left);
    const right = sub(e.right);
    if (l.kind === "date" && r.kind === "date") return call("dateDifference", left, right);
    if (l.kind === "date" && isTime(r)) return call("addToDate", left, right, lit(e.op === "-" ? -1 : 1));
    if (isTime(l) && r.kind === "date" && e.op === "+") return call("addToDate", right, left, lit(1));
    if (isTime(l) && isTime(r)) return call("addDurations", left, right, lit(e.op === "-" ? -1 : 1));
    if (isTime(l)) return call("scaleDuration", left, right, lit(e.op === "/"));
    if (isTime(r)) return call("scaleDuration", right, left, lit(false));
    return call("arithmetic", lit(e.op), left, right);
  }

  /** Is the expression's value a codeset (a named codeset, a set literal of codes, a code range)? */
  private isCodes(e: A.Expression): boolean {
    if (e.kind === "paren") return this.isCodes(e.inner);
    if (e.kind === "code") return e.rangeEnd !== undefined;
    if (e.kind === "set") return e.items.length > 0 && e.items.every((i) => i.kind === "code");
    return this.typeOf(e).kind === "codeset";
  }

  private match(element: PolType): Ir {
    if (element.kind === "code" || element.kind === "codeset") return { k: "match", fn: "codeUnder" };
    if (isTime(element)) return { k: "match", fn: "sameDuration" };
    if (element.kind === "number" || element.kind === "date") return { k: "match", fn: "sameNumber" };
    return { k: "match", fn: "sameValue" };
  }

  /** Types for nodes the checker left out of `model.types` (it records what it visited). */
  private infer(e: A.Expression): PolType {
    switch (e.kind) {
      case "bool":
        return BOOL;
      case "number": {
        const unit = e.unit ? lookupUnit(e.unit.name) : undefined;
        return unit ? { kind: "number", dimension: unit.dimension, unit: unit.name } : { kind: "number" };
      }
      case "date":
        return { kind: "date" };
      case "string":
        return { kind: "text" };
      case "code":
        return e.rangeEnd === undefined ? { kind: "code", system: e.system } : { kind: "codeset", system: e.system };
      case "name": {
        const r = this.model.names.get(e);
        if (!r) return { kind: "error" };
        if (r.kind === "enum-member") return { kind: "enum", name: r.enumName };
        if (r.kind === "codeset") return { kind: "codeset", system: r.system ?? "ICD10" };
        return r.type;
      }
      case "set": {
        const first = e.items[0];
        if (!first) return { kind: "set", element: { kind: "error" } };
        if (first.kind === "code") return { kind: "codeset", system: first.system };
        return { kind: "set", element: this.typeOf(first) };
      }
      case "paren":
        return this.typeOf(e.inner);
      case "count":
        return { kind: "number" };
      case "arithmetic": {
        const l = this.typeOf(e.left);
        const r = this.typeOf(e.right);
        if (l.kind === "date" && r.kind === "date") return { kind: "number", dimension: "time" };
        if (l.kind === "date" || r.kind === "date") return { kind: "date" };
        if (l.kind === "number" && l.dimension) return { kind: "number", dimension: l.dimension };
        if (r.kind === "number" && r.dimension && e.op === "*") return { kind: "number", dimension: r.dimension };
        return { kind: "number" };
      }
      case "error-expr":
        return { kind: "error" };
      default:
        return BOOL;
    }
  }
}

function codesetCall(codes: A.CodeLiteral[]): Ir {
  const items: Ir[] = codes.map((c) =>
    c.rangeEnd === undefined
      ? { k: "lit", value: normalizeCode(c.code) }
      : { k: "list", items: [{ k: "lit", value: normalizeCode(c.code) }, { k: "lit", value: normalizeCode(c.rangeEnd) }] },
  );
  return { k: "call", fn: "codeset", args: [{ k: "list", items }] };
}

function groupLabel(e: A.LogicalExpr | A.CombinatorExpr | A.AtLeastExpr): string {
  if (e.kind === "at-least") return `at least ${e.count.raw} of the following`;
  const fn = e.kind === "logical" ? (e.op === "and" ? "all" : "any") : e.fn;
  return `${fn} of the following`;
}

export function isTime(t: PolType): boolean {
  return t.kind === "number" && t.dimension === "time";
}

/** The unit a value of this dimension is shown in when nothing says otherwise. */
export function displayUnit(dimension: string): string {
  if (dimension === "time") return "days";
  return UNIT_NAMES.find((u) => lookupUnit(u)?.dimension === dimension && lookupUnit(u)?.factor === 1) ?? dimension;
}

/** How the trace shows a value of this type (runtime/trace.ts `Show`). */
export function showOf(t: PolType, e?: A.Expression): Show {
  switch (t.kind) {
    case "bool":
      return "bool";
    case "number": {
      if (!t.dimension) return "number";
      const literalUnit = e?.kind === "number" && e.unit ? lookupUnit(e.unit.name)?.name : undefined;
      const unit = t.unit ?? literalUnit ?? displayUnit(t.dimension);
      return `${t.dimension === "time" ? "time" : "number"}:${unit}`;
    }
    case "date":
      return "date";
    case "code":
      return t.system === "procedure" ? "code" : `code:${t.system}`;
    case "set":
      return `set:${showOf(t.element)}`;
    case "codeset":
      return "codeset";
    default:
      return "text";
  }
}

const loweringCache = new WeakMap<PolicyModel, Lowering>();

/** The model's lowering, built once. */
export function lowering(model: PolicyModel): Lowering {
  let l = loweringCache.get(model);
  if (!l) loweringCache.set(model, (l = new Lowering(model)));
  return l;
}
