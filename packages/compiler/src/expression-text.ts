/**
 * An expression as the author would write it, for trace labels and
 * explanations. The syntax tree keeps parentheses, so printing each node in
 * its own words reproduces the source (with normalized spacing).
 */
import type * as A from "@pol/dsl";

export function expressionText(e: A.Expression): string {
  switch (e.kind) {
    case "bool": return String(e.value);
    case "number": return e.unit ? `${e.raw} ${e.unit.name}` : e.raw;
    case "date": return e.raw;
    case "string": return e.raw;
    case "code": return `${e.system} ${codeText(e)}`;
    case "name": return e.name;
    case "set": return setText(e.items);
    case "paren": return `(${expressionText(e.inner)})`;
    case "logical": return e.operands.map(expressionText).join(` ${e.op} `);
    case "not": return `not ${expressionText(e.operand)}`;
    case "combinator": return `${e.fn}(${e.args.map(expressionText).join(", ")})`;
    case "at-least": return `at least ${e.count.raw} of (${e.args.map(expressionText).join(", ")})`;
    case "is": return `${expressionText(e.left)} is ${e.negated ? "not " : ""}${expressionText(e.right)}`;
    case "known": return `${expressionText(e.operand)} is ${e.known ? "known" : e.writtenNot ? "not known" : "unknown"}`;
    case "empty": return `${expressionText(e.operand)} is ${e.negated ? "not " : ""}empty`;
    case "compare": return `${expressionText(e.left)} ${e.op} ${expressionText(e.right)}`;
    case "in": return `${expressionText(e.element)} ${e.negated ? "not in" : "in"} ${expressionText(e.set)}`;
    case "has": return hasText(e);
    case "count": return `count(${expressionText(e.operand)})`;
    case "arithmetic": return `${expressionText(e.left)} ${e.op} ${expressionText(e.right)}`;
    case "error-expr": return "…";
  }
}

function hasText(e: A.HasExpr): string {
  const subject = expressionText(e.subject);
  const value = expressionText(e.value);
  switch (e.quantifier) {
    case "one": return `${subject} has ${value}`;
    case "any": return `${subject} has any ${value}`;
    case "all": return `${subject} has all ${value}`;
    case "at-least": return `${subject} has at least ${e.count?.raw ?? "?"} of ${value}`;
  }
}

function codeText(c: A.CodeLiteral): string {
  return c.rangeEnd === undefined ? c.code : `${c.code}-${c.rangeEnd}`;
}

/** `{ left, right }`, `{ ICD10 C50, C61 }`: a code's system word only where it changes. */
function setText(items: A.Expression[]): string {
  let system: string | undefined;
  const parts = items.map((item) => {
    if (item.kind !== "code") {
      system = undefined;
      return expressionText(item);
    }
    const text = item.system === system ? codeText(item) : `${item.system} ${codeText(item)}`;
    system = item.system;
    return text;
  });
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}
