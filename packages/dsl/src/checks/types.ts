/**
 * The type pass (LANGUAGE.md §3, §4): the type of every expression, recorded
 * in `model.types`, with its names resolved (names.ts) and its operands
 * checked. One small inference rule per expression kind, in `RULES`.
 *
 * Types flow both ways: up from operands, and down as an expectation, because
 * the other side of a comparison decides where a name is looked up
 * (`intent is curative`: `curative` is a member of `intent`'s enum) and what a
 * set literal holds (`laterality in { left, bilateral }`).
 *
 * A type already reported as wrong is `error`, which fits everything, so one
 * mistake gives one diagnostic.
 */
import type * as A from "../ast.js";
import type { CodeSystem } from "../ast.js";
import { typeToString, type CodesetSymbol, type EnumSymbol, type PolType, type Resolved } from "../model.js";
import { enumOf, enumsWithMember, peekName, reportUnknownMember, resolveName, type NamePlace } from "./names.js";
import type { Reporter } from "./registry.js";
import type { CheckerState } from "./state.js";
import { closest, didYouMean, replaceWith } from "./suggest.js";
import { checkSameDimension, describeNumber, numberLiteralType, reportMissingUnit, type NumberType } from "./units.js";

/** What the surroundings expect of an expression. */
export interface Expected {
  /** The element type a set literal should hold, or the enum a bare name is a member of. */
  element?: PolType;
  /** A set is expected here (after `in`, `has any/all/at least N of`): codesets are values. */
  set?: boolean;
  /** The other side is already wrong: resolve members of any enum quietly. */
  lenient?: boolean;
}

type Code = CodeSystem | "procedure";
type ExprOf<K extends A.Expression["kind"]> = Extract<A.Expression, { kind: K }>;
type Rule<K extends A.Expression["kind"]> = (t: ExpressionTyper, e: ExprOf<K>, x: Expected) => PolType;

export const ERROR: PolType = { kind: "error" };
const BOOL: PolType = { kind: "bool" };
const PLAIN: PolType = { kind: "number" };
const DURATION: PolType = { kind: "number", dimension: "time" };

/** Infers and checks expressions of one file. */
export class ExpressionTyper {
  constructor(
    readonly state: CheckerState,
    readonly reporter: Reporter,
  ) {}

  /** The type of `e`, recorded in `model.types`. */
  infer(e: A.Expression, x: Expected = {}): PolType {
    const t = e.kind === "arithmetic" ? this.arithmeticChain(e) : (RULES[e.kind] as Rule<typeof e.kind>)(this, e, x);
    this.state.model.types.set(e, t);
    return t;
  }

  /** `e` must be true/false: a rule's condition, a `when`, an operand of and/or/not/all/any/none/at least. */
  condition(e: A.Expression): void {
    const t = this.infer(e);
    if (t.kind === "bool" || t.kind === "error") return;
    const hint =
      t.kind === "set" ? `; to ask whether it holds anything, write \`${this.reporter.quote(e)} is not empty\`` :
      t.kind === "number" || t.kind === "date" ? "; compare it with something (`>=`, `<`, `is`)" :
      t.kind === "enum" ? `; compare it with a member (\`${this.reporter.quote(e)} is …\`)` :
      "";
    this.reporter.report("condition-not-bool", `\`${this.reporter.quote(e)}\` is ${describeType(t)}, not a condition (true or false)${hint}`, e);
  }

  /** Where a bare name is looked up, given what is expected. */
  placeFor(x: Expected): NamePlace {
    if (x.lenient) return { kind: "lenient" };
    if (x.set) return { kind: "set" };
    if (x.element?.kind === "enum") return { kind: "member", enumName: x.element.name };
    return { kind: "value" };
  }

  typeOfResolved(r: Resolved | undefined): PolType {
    if (!r) return ERROR;
    switch (r.kind) {
      case "enum-member":
        return { kind: "enum", name: r.enumName };
      case "codeset":
        return codesetType(r);
      default:
        return r.type;
    }
  }

  /**
   * `a + b - c …` nests to the left once per operand: walk the left spine
   * with a loop, so a long sum cannot exhaust the stack. Right operands are
   * one level down (`*` chains, then primaries), so recursion there is shallow.
   */
  private arithmeticChain(e: A.ArithmeticExpr): PolType {
    const spine: A.ArithmeticExpr[] = [];
    let leftmost: A.Expression = e;
    while (leftmost.kind === "arithmetic") {
      spine.push(leftmost);
      leftmost = leftmost.left;
    }
    let acc = this.infer(leftmost);
    for (let i = spine.length - 1; i >= 0; i--) {
      const node = spine[i];
      acc = arithmetic(this, node, acc, this.infer(node.right));
      this.state.model.types.set(node, acc);
    }
    return acc;
  }
}

/** The type a codeset has as a value: its system; CPT and HCPCS together are procedure codes (§5). */
export function codesetType(c: CodesetSymbol): PolType {
  const systems = new Set(c.entries.map((e) => e.system));
  if (systems.size === 0) return ERROR;
  if (systems.size === 1) return { kind: "codeset", system: [...systems][0] };
  if ([...systems].every((s) => s === "CPT" || s === "HCPCS")) return { kind: "codeset", system: "procedure" };
  return ERROR; // mixed systems: reported where the codeset is declared
}

/** "a number", "a time (years)", "a set of Organ", "an ICD10 code". */
export function describeType(t: PolType): string {
  switch (t.kind) {
    case "number":
      return describeNumber(t);
    case "enum":
      return `a value of \`${t.name}\``;
    case "error":
      return "unknown";
    default: {
      const s = typeToString(t);
      return `${/^[aeiouAEIO]/.test(s) ? "an" : "a"} ${s}`;
    }
  }
}

export function codeSystemsMatch(a: Code, b: Code): boolean {
  if (a === b) return true;
  const procedure = (s: Code): boolean => s === "procedure" || s === "CPT" || s === "HCPCS";
  return (a === "procedure" && procedure(b)) || (b === "procedure" && procedure(a));
}

/** Equal types for `is` (numbers are compared by dimension separately). */
export function sameType(a: PolType, b: PolType): boolean {
  if (a.kind === "error" || b.kind === "error") return true;
  switch (a.kind) {
    case "enum":
      return b.kind === "enum" && a.name === b.name;
    case "code":
      return (b.kind === "code" || b.kind === "codeset") && codeSystemsMatch(a.system, b.system);
    case "codeset":
      return (b.kind === "code" || b.kind === "codeset") && codeSystemsMatch(a.system, b.system);
    case "set":
      return b.kind === "set" ? sameType(a.element, b.element) : b.kind === "codeset" && sameType(a.element, { kind: "code", system: b.system });
    case "number":
      return b.kind === "number" && a.dimension === b.dimension;
    default:
      return a.kind === b.kind;
  }
}

/** The element type of a set-like value, or undefined when it is not a set. */
export function elementOf(t: PolType): PolType | undefined {
  if (t.kind === "set") return t.element;
  if (t.kind === "codeset") return { kind: "code", system: t.system };
  if (t.kind === "error") return ERROR;
  return undefined;
}

const isSetLike = (t: PolType): boolean => elementOf(t) !== undefined;

/** Expect, for the other side of `is`, what this side's type says. */
function expectationFrom(t: PolType): Expected {
  if (t.kind === "error") return { lenient: true };
  if (t.kind === "set") return { element: t.element };
  return { element: t };
}

function mismatch(typer: ExpressionTyper, at: A.Expression, message: string): void {
  typer.reporter.report("type-mismatch", message, at);
}

/** Are two operands of `is`, or a value and a set's element, of one type? Reports if not. */
function checkSame(typer: ExpressionTyper, left: A.Expression, lt: PolType, right: A.Expression, rt: PolType, doing: string): void {
  if (lt.kind === "number" && rt.kind === "number") {
    checkSameDimension(typer.reporter, { node: left, type: lt }, { node: right, type: rt }, doing);
    return;
  }
  if (sameType(lt, rt)) return;
  const q = (e: A.Expression): string => typer.reporter.quote(e);
  mismatch(typer, right, `\`${q(left)}\` is ${describeType(lt)} and \`${q(right)}\` is ${describeType(rt)}: they cannot be ${doing}`);
}

/** Does a value fit as an element of a set whose element type is `element`? A code fits by system; a range is a set of codes. */
function checkElement(typer: ExpressionTyper, value: A.Expression, vt: PolType, element: PolType, set: A.Expression, setType: PolType): void {
  if (vt.kind === "error" || element.kind === "error") return;
  if (vt.kind === "number" && element.kind === "number") {
    checkSameDimension(typer.reporter, { node: set, type: element }, { node: value, type: vt }, "compared");
    return;
  }
  if (sameType(vt, element)) return;
  const q = (e: A.Expression): string => typer.reporter.quote(e);
  mismatch(typer, value, `\`${q(value)}\` is ${describeType(vt)}, but \`${q(set)}\` is ${describeType(setType)}`);
}

// ───────────────────────────── the rules ─────────────────────────────

const RULES: { [K in A.Expression["kind"]]: Rule<K> } = {
  bool: () => BOOL,
  number: (_, e) => numberLiteralType(e),
  date: () => ({ kind: "date" }),
  string: () => ({ kind: "text" }),
  code: (_, e) => (e.rangeEnd === undefined ? { kind: "code", system: e.system } : { kind: "codeset", system: e.system }),
  "error-expr": () => ERROR,

  name: (t, e, x) => t.typeOfResolved(resolveName(t.state, t.reporter, e, t.placeFor(x))),

  paren: (t, e, x) => t.infer(e.inner, x),

  logical: (t, e) => {
    for (const o of e.operands) t.condition(o);
    return BOOL;
  },
  not: (t, e) => {
    t.condition(e.operand);
    return BOOL;
  },
  combinator: (t, e) => {
    for (const a of e.args) t.condition(a);
    return BOOL;
  },
  "at-least": (t, e) => {
    t.infer(e.count);
    for (const a of e.args) t.condition(a);
    return BOOL;
  },

  is: (t, e) => {
    // `curative is intent` reads as well as `intent is curative`: when the
    // left side is a bare name that is not a value, let the right side lead.
    const isValue = (x: A.Expression): boolean => x.kind !== "name" || !!peekName(t.state, t.reporter.file, x.name, { kind: "value" });
    const leftLeads = isValue(e.left) || !isValue(e.right);
    let lt: PolType, rt: PolType;
    if (leftLeads) {
      lt = t.infer(e.left);
      rt = t.infer(e.right, expectationFrom(lt));
    } else {
      rt = t.infer(e.right);
      lt = t.infer(e.left, expectationFrom(rt));
    }
    if (e.right.kind === "code" && e.right.rangeEnd !== undefined) {
      mismatch(t, e.right, "a code range is a set of codes: test it with `in` or `has`, not `is`");
      return BOOL;
    }
    checkSame(t, e.left, lt, e.right, rt, "compared");
    return BOOL;
  },

  known: (t, e) => {
    t.infer(e.operand);
    return BOOL;
  },

  empty: (t, e) => {
    const ot = t.infer(e.operand);
    if (!isSetLike(ot) || ot.kind === "codeset") {
      t.reporter.report("not-a-set", `\`${t.reporter.quote(e.operand)}\` is ${describeType(ot)}; only a set fact or define can be empty`, e.operand);
    }
    return BOOL;
  },

  count: (t, e) => {
    const ot = t.infer(e.operand);
    if (!isSetLike(ot) || ot.kind === "codeset") {
      t.reporter.report("not-a-set", `\`count\` counts the values of a set; \`${t.reporter.quote(e.operand)}\` is ${describeType(ot)}`, e.operand);
    }
    return PLAIN;
  },

  compare: (t, e) => {
    const lt = t.infer(e.left);
    const rt = t.infer(e.right, expectationFrom(lt));
    if (lt.kind === "error" || rt.kind === "error") return BOOL;
    if (lt.kind === "number" && rt.kind === "number") {
      checkSameDimension(t.reporter, { node: e.left, type: lt }, { node: e.right, type: rt }, "compared");
    } else if (!(lt.kind === "date" && rt.kind === "date")) {
      const q = (x: A.Expression): string => t.reporter.quote(x);
      mismatch(t, e, `\`${e.op}\` compares two numbers or two dates; \`${q(e.left)}\` is ${describeType(lt)} and \`${q(e.right)}\` is ${describeType(rt)}`);
    }
    return BOOL;
  },

  in: (t, e) => {
    const et = t.infer(e.element);
    const st = t.infer(e.set, { set: true, ...(et.kind === "error" ? { lenient: true } : { element: et }) });
    const element = elementOf(st);
    if (!element) {
      t.reporter.report(
        "not-a-set",
        `\`in\` needs a set: a set \`{ … }\`, a codeset, or a set fact or define; \`${t.reporter.quote(e.set)}\` is ${describeType(st)}`,
        e.set,
      );
      return BOOL;
    }
    if (et.kind === "set") {
      mismatch(t, e.element, `\`${t.reporter.quote(e.element)}\` is a set: to ask whether it holds any of these, write \`${t.reporter.quote(e.element)} has any …\``);
      return BOOL;
    }
    checkElement(t, e.element, et, element, e.set, st);
    return BOOL;
  },

  has: (t, e) => {
    const st = t.infer(e.subject);
    if (st.kind !== "set" && st.kind !== "error") {
      const why = st.kind === "codeset" ? "a codeset is a list of code patterns: test a fact against it (`diagnoses has any …`)" : `it is ${describeType(st)}`;
      t.reporter.report("not-a-set", `\`has\` needs a set fact or define on its left; \`${t.reporter.quote(e.subject)}\`: ${why}`, e.subject);
    }
    const element = st.kind === "set" ? st.element : ERROR;
    const lenient = element.kind === "error";
    if (e.quantifier === "one") {
      const vt = t.infer(e.value, lenient ? { lenient: true } : { element });
      if (vt.kind === "set") {
        mismatch(t, e.value, `\`has\` takes one value; to test several, write \`has any\` or \`has all\``);
        return BOOL;
      }
      checkElement(t, e.value, vt, element, e.subject, st);
      return BOOL;
    }
    if (e.count) t.infer(e.count);
    const vt = t.infer(e.value, { set: true, ...(lenient ? { lenient: true } : { element }) });
    const valueElement = elementOf(vt);
    if (!valueElement) {
      const how = e.quantifier === "at-least" ? `at least ${e.count?.raw ?? "N"} of` : e.quantifier;
      t.reporter.report("not-a-set", `\`has ${how}\` needs a set: a set \`{ … }\`, a codeset, or a set fact or define; \`${t.reporter.quote(e.value)}\` is ${describeType(vt)}`, e.value);
      return BOOL;
    }
    if (!lenient && valueElement.kind !== "error" && !sameType(element, valueElement)) {
      const q = (x: A.Expression): string => t.reporter.quote(x);
      mismatch(t, e.value, `\`${q(e.subject)}\` is ${describeType(st)}, but \`${q(e.value)}\` is ${describeType(vt)}`);
    }
    return BOOL;
  },

  set: (t, e, x) => setLiteral(t, e, x),

  // Handled by ExpressionTyper.arithmeticChain; kept for exhaustiveness.
  arithmetic: (t, e) => arithmetic(t, e, t.infer(e.left), t.infer(e.right)),
};

// ───────────────────────────── arithmetic ─────────────────────────────

/** §4: `*`, `/` by a plain number keep the unit; `+`, `-` need one dimension; dates and durations. */
function arithmetic(t: ExpressionTyper, e: A.ArithmeticExpr, lt: PolType, rt: PolType): PolType {
  if (lt.kind === "error" || rt.kind === "error") return ERROR;
  const q = (x: A.Expression): string => t.reporter.quote(x);
  const numbers = lt.kind === "number" && rt.kind === "number";
  switch (e.op) {
    case "+":
    case "-": {
      if (lt.kind === "number" && rt.kind === "number") {
        const ok = checkSameDimension(t.reporter, { node: e.left, type: lt }, { node: e.right, type: rt }, e.op === "+" ? "added" : "subtracted");
        return ok ? dimensionOf(lt) : ERROR;
      }
      if (lt.kind === "date" && rt.kind === "date") {
        if (e.op === "-") return DURATION;
        mismatch(t, e, "two dates cannot be added; subtract them for the time between (`d1 - d2`), or add a time to a date (`d + 3 months`)");
        return ERROR;
      }
      if (lt.kind === "date" && rt.kind === "number") return dateShift(t, e.right, rt);
      if (lt.kind === "number" && rt.kind === "date" && e.op === "+") return dateShift(t, e.left, lt);
      mismatch(t, e, `\`${e.op}\` works on numbers, and on dates with times; \`${q(e.left)}\` is ${describeType(lt)} and \`${q(e.right)}\` is ${describeType(rt)}`);
      return ERROR;
    }
    case "*":
      if (!numbers) break;
      if ((lt as NumberType).dimension && (rt as NumberType).dimension) {
        mismatch(t, e, `two values with units cannot be multiplied; multiply a value by a plain number (\`${q(e.left)} * 2\`)`);
        return ERROR;
      }
      return dimensionOf((lt as NumberType).dimension ? (lt as NumberType) : (rt as NumberType));
    case "/": {
      if (!numbers) break;
      const l = lt as NumberType;
      const r = rt as NumberType;
      if (!r.dimension) return dimensionOf(l);
      if (!l.dimension) {
        mismatch(t, e, `a plain number cannot be divided by ${describeNumber(r)}`);
        return ERROR;
      }
      // Dividing two values of one dimension gives their ratio, a plain number.
      return checkSameDimension(t.reporter, { node: e.left, type: l }, { node: e.right, type: r }, "divided") ? PLAIN : ERROR;
    }
  }
  mismatch(t, e, `\`${e.op}\` works on numbers; \`${q(e.left)}\` is ${describeType(lt)} and \`${q(e.right)}\` is ${describeType(rt)}`);
  return ERROR;
}

/** A computed number keeps its dimension, not the unit a fact was declared in. */
const dimensionOf = (n: NumberType): PolType => (n.dimension ? { kind: "number", dimension: n.dimension } : PLAIN);

/** `date ± time` is a date (§4); the time must have a unit of time. */
function dateShift(t: ExpressionTyper, amount: A.Expression, at: NumberType): PolType {
  if (!at.dimension) reportMissingUnit(t.reporter, amount, { kind: "number", dimension: "time" }, "added to a date");
  else if (at.dimension !== "time") {
    t.reporter.report("unit-mismatch", `only a time can be added to or subtracted from a date; \`${t.reporter.quote(amount)}\` is ${describeNumber(at)}`, amount);
  }
  return { kind: "date" };
}

// ───────────────────────────── set literals ─────────────────────────────

/**
 * `{ … }` holds members of one enum (a set of that enum) or codes of one
 * system (a codeset; CPT and HCPCS together are procedure codes). The enum
 * comes from the context (`laterality in { left, bilateral }`) or, without
 * one, from the members when exactly one enum has them all.
 */
function setLiteral(t: ExpressionTyper, e: A.SetLiteral, x: Expected): PolType {
  const want = x.element && x.element.kind !== "error" ? x.element : undefined;
  const first = e.items[0];
  if (!first) {
    if (want?.kind === "code") return { kind: "codeset", system: want.system };
    return { kind: "set", element: want ?? ERROR };
  }
  if (want?.kind === "enum" || (!want && first.kind === "name")) return enumSet(t, e, want?.kind === "enum" ? want.name : undefined, !!x.lenient);
  return codeSet(t, e, want?.kind === "code" ? want.system : undefined);
}

function mixed(t: ExpressionTyper, item: A.Expression, what: string): void {
  t.reporter.report("mixed-set", `a set holds members of one enum or codes of one system; ${what}`, item);
}

function enumSet(t: ExpressionTyper, e: A.SetLiteral, wanted: string | undefined, lenient: boolean): PolType {
  const file = t.reporter.file;
  const names = e.items.filter((i): i is A.NameRef => i.kind === "name");
  let target: EnumSymbol | undefined = wanted ? enumOf(t.state, file, wanted) : undefined;
  if (!target && !wanted) {
    // Without context: the one enum that has every member, else the enum of the first known member.
    const owners = names.map((n) => enumsWithMember(t.state, file, n.name));
    const all = owners[0]?.filter((o) => owners.every((list) => list.includes(o))) ?? [];
    if (all.length > 1 && !lenient) {
      const list = all.map((o) => `\`${o.name}\``).join(" and ");
      t.reporter.report("type-mismatch", `\`${t.reporter.quote(e)}\` could be a set of ${list}; compare it with a fact to say which`, e);
      return { kind: "set", element: ERROR };
    }
    target = all[0] ?? owners.find((o) => o.length > 0)?.[0];
  }
  for (const item of e.items) {
    if (item.kind === "code") {
      mixed(t, item, `\`${t.reporter.quote(item)}\` is a code among enum members`);
      continue;
    }
    if (item.kind !== "name") continue;
    if (!target) {
      if (!lenient) unknownMemberAnywhere(t, item);
      continue;
    }
    const member = target.members.get(item.name);
    if (member) {
      t.state.model.names.set(item, member);
      t.state.model.types.set(item, { kind: "enum", name: target.name });
      continue;
    }
    if (lenient) continue;
    const elsewhere = enumsWithMember(t.state, file, item.name);
    if (!wanted && elsewhere.length > 0) {
      mixed(t, item, `\`${item.name}\` is a member of \`${elsewhere[0].name}\`, the others of \`${target.name}\``);
    } else {
      reportUnknownMember(t.reporter, item, target);
    }
  }
  return { kind: "set", element: target ? { kind: "enum", name: target.name } : ERROR };
}

/** A name in a set that is no enum's member: suggest the closest member of any enum. */
function unknownMemberAnywhere(t: ExpressionTyper, item: A.NameRef): void {
  const members = t.state.scope
    .visibleFrom(t.reporter.file)
    .flatMap((d) => (d.kind === "enum" ? [...d.members.keys()] : []));
  const guess = closest(item.name, members);
  const what = t.state.scope.lookup(item.name, t.reporter.file);
  const why = what ? `; \`${item.name}\` is a ${what.kind}, and a set \`{ … }\` lists enum members or codes` : didYouMean(guess);
  t.reporter.report("unknown-name", `no enum has a member \`${item.name}\`${why}`, item, guess && !what ? { suggestion: replaceWith(item.span, guess) } : {});
}

function codeSet(t: ExpressionTyper, e: A.SetLiteral, wanted: Code | undefined): PolType {
  const codes = e.items.filter((i): i is A.CodeLiteral => i.kind === "code");
  for (const item of e.items) {
    if (item.kind === "name") mixed(t, item, `\`${item.name}\` is a name among codes`);
  }
  for (const c of codes) t.state.model.types.set(c, RULES.code(t, c, {}));
  if (codes.length === 0) return { kind: "codeset", system: wanted ?? "ICD10" };
  if (wanted) {
    for (const c of codes) {
      if (!codeSystemsMatch(wanted, c.system)) {
        const expected = wanted === "procedure" ? "CPT or HCPCS codes" : `${wanted} codes`;
        t.reporter.report("type-mismatch", `\`${t.reporter.quote(c)}\` is a ${c.system} code, but ${expected} are expected here`, c);
      }
    }
    return { kind: "codeset", system: wanted };
  }
  const systems = new Set(codes.map((c) => c.system));
  if (systems.size === 1) return { kind: "codeset", system: codes[0].system };
  if ([...systems].every((s) => s === "CPT" || s === "HCPCS")) return { kind: "codeset", system: "procedure" };
  const odd = codes.find((c) => c.system !== codes[0].system && !(codeSystemsMatch("procedure", c.system) && codeSystemsMatch("procedure", codes[0].system)));
  if (odd) mixed(t, odd, `\`${t.reporter.quote(odd)}\` is a ${odd.system} code among ${codes[0].system} codes`);
  return { kind: "codeset", system: codes[0].system };
}
