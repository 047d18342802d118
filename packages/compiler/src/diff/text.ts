/**
 * Canonical text for the diff: conditions printed from the syntax tree (so
 * layout never shows as a change), and prose compared by its words (so
 * re-indenting or re-wrapping a text block is not a change either).
 */
import type * as A from "@pol/dsl";
import { lookupUnit } from "../runtime/index.js";

/** Maps a name as written to the name it is compared under (renames applied). */
export type Rename = (name: string, ref: A.NameRef) => string;

const SAME: Rename = (name) => name;

/**
 * A condition as canonical Pol: one line, single spaces, numbers and units in
 * one spelling (`2.0 year` prints `2 years`), `is not known` as `is unknown`.
 * Parentheses stay: they are part of what the author wrote and a formatter
 * keeps them, so two texts differ only when their trees do.
 */
export function conditionText(e: A.Expression, rename: Rename = SAME): string {
  const t = (x: A.Expression): string => conditionText(x, rename);
  switch (e.kind) {
    case "bool": return String(e.value);
    case "number": return numberText(e);
    case "date": return e.raw;
    case "string": return JSON.stringify(e.value);
    case "code": return `${e.system} ${codeText(e)}`;
    case "name": return rename(e.name, e);
    case "set": return setText(e.items, t);
    case "paren": return `(${t(e.inner)})`;
    case "logical": return e.operands.map(t).join(` ${e.op} `);
    case "not": return `not ${t(e.operand)}`;
    case "combinator": return `${e.fn}(${e.args.map(t).join(", ")})`;
    case "at-least": return `at least ${numberText(e.count)} of (${e.args.map(t).join(", ")})`;
    case "is": return `${t(e.left)} is ${e.negated ? "not " : ""}${t(e.right)}`;
    case "known": return `${t(e.operand)} is ${e.known ? "known" : "unknown"}`;
    case "empty": return `${t(e.operand)} is ${e.negated ? "not " : ""}empty`;
    case "compare": return `${t(e.left)} ${e.op} ${t(e.right)}`;
    case "in": return `${t(e.element)} ${e.negated ? "not in" : "in"} ${t(e.set)}`;
    case "has": {
      const q = e.quantifier === "one" ? "" : e.quantifier === "at-least" ? `at least ${e.count ? numberText(e.count) : "?"} of ` : `${e.quantifier} `;
      return `${t(e.subject)} has ${q}${t(e.value)}`;
    }
    case "count": return `count(${t(e.operand)})`;
    case "arithmetic": return `${t(e.left)} ${e.op} ${t(e.right)}`;
    case "error-expr": return "…";
  }
}

/** `2 years`, `1 year`, `45 Gy`: the value as a number and the unit's canonical name (singular for one). */
export function numberText(n: A.NumberLiteral): string {
  const value = String(Number(n.raw));
  if (!n.unit) return value;
  return `${value} ${unitWord(n.unit.name, Number(n.raw))}`;
}

/** A unit's canonical spelling, singular for exactly one where the language has a singular (`1 year`). */
export function unitWord(name: string, value: number): string {
  const canonical = lookupUnit(name)?.name ?? name;
  if (value === 1 && /^(minutes|hours|days|weeks|months|years|fractions|degrees)$/.test(canonical)) return canonical.slice(0, -1);
  return canonical;
}

/** A code or range as written, upper case. */
export function codeText(c: A.CodeLiteral): string {
  return c.rangeEnd === undefined ? c.code.toUpperCase() : `${c.code.toUpperCase()}-${c.rangeEnd.toUpperCase()}`;
}

/** `{ left, right }`, `{ ICD10 C50, C61 }`: a code's system word only where it changes. */
function setText(items: A.Expression[], t: (x: A.Expression) => string): string {
  let system: string | undefined;
  const parts = items.map((item) => {
    if (item.kind !== "code") {
      system = undefined;
      return t(item);
    }
    const text = item.system === system ? codeText(item) : `${item.system} ${codeText(item)}`;
    system = item.system;
    return text;
  });
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

/**
 * Prose as compared: paragraphs (split at blank lines) of words separated by
 * single spaces. Re-wrapping or re-indenting a section is not a change; a
 * new paragraph or a different word is.
 */
export function proseKey(text: string | undefined): string {
  if (text === undefined) return "";
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim().split(/\s+/).join(" "))
    .filter((p) => p !== "")
    .join("\n\n");
}

/** A short form of a long text for one line of output. */
export function shorten(text: string, max = 80): string {
  const one = text.split(/\s+/).join(" ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}
