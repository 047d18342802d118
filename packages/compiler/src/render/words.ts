/**
 * Conditions in words: a checked expression → English built from the labels
 * the author wrote (fact, define, enum member and codeset labels), so a
 * rendered policy reads as a policy, not as code.
 *
 * The scheme, applied everywhere:
 * - A clause starts with its subject's label as written ("Disease-free
 *   interval before the local recurrence is at least 2 years").
 * - Values keep their labels as written, as names do: enum members ("Treatment
 *   intent is Curative intent"), codesets and defines ("… include a code in
 *   Breast tumors"). A fact's label in any other place starts lower-case.
 * - `all`/`and`, `any`/`or`, `none`, `at least N of` become a lead-in ("All of
 *   the following:") with the conditions as a nested list, as policies write
 *   criteria; `not` flips the operator where English has the opposite
 *   ("is less than", "is not one of"), else reads "Not: …".
 *
 * Pure: the output depends only on the model and the expression.
 */
import type * as A from "@pol/dsl";
import type { PolicyModel, Resolved } from "@pol/dsl";

/** A name inside a phrase that a renderer may link to its definition or code list. */
export interface Ref {
  text: string;
  kind: "define" | "codeset";
  name: string;
}

/** A piece of a phrase: plain text, or a reference. */
export type Inline = string | Ref;

/** A condition in words: a sentence, or (with `items`) a lead-in and the conditions listed under it. */
export interface Words {
  parts: Inline[];
  items?: Words[];
}

/** The plain text of a phrase. */
export function inlineText(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
}

/**
 * A condition on one line: a list becomes "all of the following: a; b"
 * (nested lists in parentheses), for places that cannot hold a list (a
 * diagram, a tooltip).
 */
export function wordsOnOneLine(w: Words): string {
  const head = inlineText(w.parts);
  if (!w.items) return head;
  return `${head} ${w.items.map((i) => (i.items ? `(${wordsOnOneLine(i)})` : wordsOnOneLine(i))).join("; ")}`;
}

/**
 * Lower-case the first letter of a phrase that continues a sentence, unless
 * its first word is an acronym or a code (`IMRT used for…`, `ICD10 C50`),
 * whose case carries meaning.
 */
export function lowerFirst(text: string): string {
  const firstWord = /^[^\s]+/.exec(text)?.[0] ?? "";
  if (firstWord.length > 1 && /[A-Z0-9]/.test(firstWord.slice(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The same phrase with its first piece lower-cased (see `lowerFirst`). */
export function lowerParts(parts: readonly Inline[]): Inline[] {
  const [first, ...rest] = parts;
  if (first === undefined) return [];
  if (typeof first === "string") return [lowerFirst(first), ...rest];
  // A reference keeps its label as written: it is a name.
  return [first, ...rest];
}

/** A capital first letter: lists and clauses begin with one. */
function upperParts(parts: readonly Inline[]): Inline[] {
  const [first, ...rest] = parts;
  if (typeof first === "string") return [first.charAt(0).toUpperCase() + first.slice(1), ...rest];
  return [...parts];
}

/** A name without a label, read as words: `local_recurrence` → "local recurrence". */
export function humanize(name: string): string {
  return name.replace(/_+/g, " ").trim();
}

/** A declaration's label, or its name read as words. */
export function labelOf(sym: { name: string; label?: string }): string {
  return sym.label ?? humanize(sym.name);
}

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** `2025-10-01` → "October 1, 2025": unambiguous for every reader. Anything else is returned as is. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

/** Renders expressions of one model. */
export class ConditionWords {
  constructor(private readonly model: PolicyModel) {}

  /** A condition (a boolean expression) in words. */
  condition(e: A.Expression): Words {
    switch (e.kind) {
      case "paren":
        return this.condition(e.inner);
      case "bool":
        return { parts: [e.value ? "Always" : "Never"] };
      case "not":
        return this.negated(e.operand);
      case "logical":
        return this.list(e.op === "and" ? "All of the following:" : "At least one of the following:", this.flatten(e));
      case "combinator":
        if (e.args.length === 1 && e.fn !== "none") return this.condition(e.args[0]);
        return this.list(COMBINATOR_LEAD[e.fn], e.args);
      case "at-least":
        return this.list(`At least ${e.count.raw} of the following:`, e.args);
      case "is":
        return this.isWords(e, e.negated);
      case "known":
        return this.clause(e.operand, e.known ? " is known" : " is not known");
      case "empty":
        return this.clause(e.operand, e.negated ? ": at least one" : ": none");
      case "compare":
        return this.compareWords(e.op, e.left, e.right);
      case "in":
        return this.inWords(e, e.negated);
      case "has":
        return this.hasWords(e, false);
      case "error-expr":
        return { parts: ["(a condition that could not be read)"] };
      default:
        return { parts: upperParts(this.value(e, "subject")) };
    }
  }

  /** The negation of a condition, in the opposite English where there is one. */
  negated(e: A.Expression): Words {
    switch (e.kind) {
      case "paren":
        return this.negated(e.inner);
      case "not":
        return this.condition(e.operand);
      case "bool":
        return { parts: [e.value ? "Never" : "Always"] };
      case "logical":
        return this.list(e.op === "and" ? "Not all of the following:" : "None of the following:", this.flatten(e));
      case "combinator":
        return this.list(NEGATED_COMBINATOR_LEAD[e.fn], e.args);
      case "at-least":
        return this.list(`Fewer than ${e.count.raw} of the following:`, e.args);
      case "is":
        return this.isWords(e, !e.negated);
      case "known":
        return this.clause(e.operand, e.known ? " is not known" : " is known");
      case "empty":
        return this.clause(e.operand, e.negated ? ": none" : ": at least one");
      case "compare":
        // Exact under three-valued logic too: both sides are unknown together.
        return this.compareWords(OPPOSITE[e.op], e.left, e.right);
      case "in":
        return this.inWords(e, !e.negated);
      case "has":
        return this.hasWords(e, true);
      default: {
        const inner = this.condition(e);
        return { parts: ["Not: ", ...inner.parts], items: inner.items };
      }
    }
  }

  /**
   * A value (anything that is not a condition of its own) as a noun phrase.
   * `position` decides the case of a fact's label: as written where it is the
   * subject, lower-case where it continues a sentence.
   */
  value(e: A.Expression, position: "subject" | "object"): Inline[] {
    switch (e.kind) {
      case "paren":
        return this.value(e.inner, position);
      case "number":
        return [numberText(e)];
      case "date":
        return [longDate(e.raw)];
      case "string":
        return [`“${e.value}”`];
      case "bool":
        return [e.value ? "yes" : "no"];
      case "code":
        return [codeText(e)];
      case "name":
        return this.nameWords(e, position);
      case "set": {
        const items = this.setItems(e);
        return [items.length ? joinList(items, "or") : "no values"];
      }
      case "count":
        return ["the number of ", ...lowerParts(this.value(e.operand, "object"))];
      case "arithmetic":
        return this.arithmetic(e, position);
      default:
        // A condition used as a value (`flag is (a and b)`): say it on one line.
        return [lowerFirst(wordsOnOneLine(this.condition(e)))];
    }
  }

  private nameWords(e: A.NameRef, position: "subject" | "object"): Inline[] {
    const sym = this.resolve(e);
    if (!sym) return [humanize(e.name)];
    switch (sym.kind) {
      case "fact": {
        const text = labelOf(sym);
        return [position === "subject" ? text : lowerFirst(text)];
      }
      case "define":
        return [{ text: labelOf(sym), kind: "define", name: sym.name }];
      case "codeset":
        return [{ text: labelOf(sym), kind: "codeset", name: sym.name }];
      case "enum-member":
        return [labelOf(sym)];
      case "builtin":
        return [sym.name === "as_of" ? "the reference date of the request" : "the procedure codes on the request"];
    }
  }

  /** What a name refers to: the checker's answer, else an enum member of the expected enum. */
  private resolve(e: A.NameRef, expectedEnum?: string): Resolved | undefined {
    const found = this.model.names.get(e);
    if (found) return found;
    if (expectedEnum) {
      const member = this.model.enums.get(expectedEnum)?.members.get(e.name);
      if (member) return member;
    }
    if (Object.hasOwn(BUILTINS, e.name)) return BUILTINS[e.name];
    return this.model.facts.get(e.name) ?? this.model.defines.get(e.name) ?? this.model.codesets.get(e.name);
  }

  /** The enum whose members a value is compared with, if any. */
  private enumOf(e: A.Expression): string | undefined {
    const t = this.model.types.get(e);
    if (t?.kind === "enum") return t.name;
    if (t?.kind === "set" && t.element.kind === "enum") return t.element.name;
    if (e.kind === "name") {
      const sym = this.resolve(e);
      if (sym && (sym.kind === "fact" || sym.kind === "define")) {
        if (sym.type.kind === "enum") return sym.type.name;
        if (sym.type.kind === "set" && sym.type.element.kind === "enum") return sym.type.element.name;
      }
    }
    return undefined;
  }

  /** A value that an enum is expected in (the right of `is`, members of a set). */
  private valueIn(e: A.Expression, enumName: string | undefined): Inline[] {
    if (e.kind === "name" && enumName) {
      const member = this.model.enums.get(enumName)?.members.get(e.name);
      if (member) return [labelOf(member)];
    }
    if (e.kind === "set") return [joinList(this.setItems(e, enumName), "or")];
    return this.value(e, "object");
  }

  private setItems(e: A.SetLiteral, enumName?: string): string[] {
    return e.items.map((i) => inlineText(this.valueIn(i, enumName)));
  }

  private isWords(e: A.IsExpr, negated: boolean): Words {
    if (e.right.kind === "bool") {
      // `x is true` is x; `x is false` is not x.
      return e.right.value !== negated ? this.condition(e.left) : this.negated(e.left);
    }
    const right = this.valueIn(e.right, this.enumOf(e.left));
    return this.clauseParts(e.left, [negated ? " is not " : " is ", ...right]);
  }

  private compareWords(op: A.CompareExpr["op"], left: A.Expression, right: A.Expression): Words {
    const dates = this.isDate(left) || this.isDate(right);
    const words = dates ? DATE_COMPARISON[op] : NUMBER_COMPARISON[op];
    return this.clauseParts(left, [` ${words} `, ...this.value(right, "object")]);
  }

  private inWords(e: A.InExpr, negated: boolean): Words {
    const set = e.set.kind === "paren" ? e.set.inner : e.set;
    const target = this.value(set, "object");
    if (set.kind === "name" && this.resolve(set)?.kind === "codeset") {
      return this.clauseParts(e.element, [negated ? " is not a code in " : " is a code in ", ...target]);
    }
    if (set.kind === "set" && set.items.length === 1) {
      return this.clauseParts(e.element, [negated ? " is not " : " is ", ...this.valueIn(set, this.enumOf(e.element))]);
    }
    const items = set.kind === "set" ? [joinList(this.setItems(set, this.enumOf(e.element)), "or")] : target;
    return this.clauseParts(e.element, [negated ? " is not one of " : " is one of ", ...items]);
  }

  private hasWords(e: A.HasExpr, negated: boolean): Words {
    const value = e.value.kind === "paren" ? e.value.inner : e.value;
    const isCodeset = value.kind === "name" && this.resolve(value)?.kind === "codeset";
    const enumName = this.enumOf(e.subject);
    const members = (conj: "or" | "and"): Inline[] =>
      value.kind === "set" ? [joinList(this.setItems(value, enumName), conj)] : this.valueIn(value, enumName);
    let verb: Inline[];
    switch (e.quantifier) {
      case "one":
        verb = [negated ? " do not include " : " include ", ...this.valueIn(value, enumName)];
        break;
      case "any":
        if (isCodeset) verb = [negated ? " include no code in " : " include a code in ", ...this.value(value, "object")];
        else verb = [negated ? " include none of " : " include at least one of ", ...members("or")];
        break;
      case "all":
        verb = [negated ? " do not include all of " : " include all of ", ...members("and")];
        break;
      case "at-least": {
        const n = e.count?.raw ?? "?";
        verb = [negated ? ` include fewer than ${n} of ` : ` include at least ${n} of `, ...members("and")];
        break;
      }
    }
    return this.clauseParts(e.subject, verb);
  }

  private arithmetic(e: A.ArithmeticExpr, position: "subject" | "object"): Inline[] {
    if (e.op === "-" && this.isDate(e.left) && this.isDate(e.right)) {
      const from = lowerParts(this.value(e.right, "object"));
      const to = lowerParts(this.value(e.left, "object"));
      return [position === "subject" ? "The time from " : "the time from ", ...from, " to ", ...to];
    }
    return [...this.value(e.left, position), ` ${ARITHMETIC[e.op]} `, ...this.value(e.right, "object")];
  }

  private isDate(e: A.Expression): boolean {
    if (e.kind === "date") return true;
    const t = this.model.types.get(e);
    if (t) return t.kind === "date";
    if (e.kind === "name") {
      const sym = this.resolve(e);
      return (sym?.kind === "fact" && sym.type.kind === "date") || (sym?.kind === "builtin" && sym.name === "as_of");
    }
    if (e.kind === "paren") return this.isDate(e.inner);
    if (e.kind === "arithmetic") return this.isDate(e.left) && e.op !== "-";
    return false;
  }

  /** A clause about a subject: "<subject><rest>". */
  private clause(subject: A.Expression, rest: string): Words {
    return this.clauseParts(subject, [rest]);
  }

  private clauseParts(subject: A.Expression, rest: Inline[]): Words {
    return { parts: upperParts([...this.value(subject, "subject"), ...rest]) };
  }

  private list(lead: string, operands: A.Expression[]): Words {
    return { parts: [lead], items: operands.map((o) => this.condition(o)) };
  }

  /** `a and (b and c)` is one list of three: the parentheses change nothing. */
  private flatten(e: A.LogicalExpr): A.Expression[] {
    return e.operands.flatMap((o) => {
      const inner = o.kind === "paren" ? o.inner : o;
      return inner.kind === "logical" && inner.op === e.op ? this.flatten(inner) : [o];
    });
  }
}

/** The built-in values (§4, §5): reserved words, so a name can only mean them. */
const BUILTINS: Record<string, Resolved> = {
  as_of: { kind: "builtin", name: "as_of", type: { kind: "date" } },
  procedures: { kind: "builtin", name: "procedures", type: { kind: "set", element: { kind: "code", system: "procedure" } } },
};

const COMBINATOR_LEAD = {
  all: "All of the following:",
  any: "At least one of the following:",
  none: "None of the following:",
} as const;

const NEGATED_COMBINATOR_LEAD = {
  all: "Not all of the following:",
  any: "None of the following:",
  none: "At least one of the following:",
} as const;

const OPPOSITE = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;

const NUMBER_COMPARISON = { "<": "is less than", "<=": "is at most", ">": "is more than", ">=": "is at least" } as const;
const DATE_COMPARISON = { "<": "is before", "<=": "is on or before", ">": "is after", ">=": "is on or after" } as const;
const ARITHMETIC = { "+": "plus", "-": "minus", "*": "times", "/": "divided by" } as const;

/** `2 years`, `45 Gy`, `30%`: the number as written with its unit as written. */
function numberText(e: A.NumberLiteral): string {
  if (!e.unit) return e.raw;
  return e.unit.name === "%" ? `${e.raw}%` : `${e.raw} ${e.unit.name}`;
}

/** `ICD10 C50.9`, `ICD10 C70-C72`: the code as written, with its system. */
export function codeText(c: Pick<A.CodeLiteral, "system" | "code" | "rangeEnd">): string {
  return `${c.system} ${c.code}${c.rangeEnd ? `-${c.rangeEnd}` : ""}`;
}

/** "A", "A or B", "A, B or C". */
export function joinList(items: readonly string[], conj: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conj} ${items[items.length - 1]}`;
}

/** A condition in words, for one-off use (tests, tools). */
export function conditionWords(model: PolicyModel, e: A.Expression): Words {
  return new ConditionWords(model).condition(e);
}
