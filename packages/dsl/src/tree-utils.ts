/**
 * Helpers over syntax trees that every stage needs: comparing trees with
 * ranges ignored (formatter soundness, golden tests, diff) and walking them.
 */
import type * as A from "./ast.js";

/** A deep copy of `value` without `span` keys: two trees that differ only in layout compare equal. */
export function stripSpans<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripSpans) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "span") out[k] = stripSpans(v);
    return out as T;
  }
  return value;
}

/** The direct child expressions of an expression, in source order. */
export function childExpressions(e: A.Expression): A.Expression[] {
  switch (e.kind) {
    case "set": return e.items;
    case "paren": return [e.inner];
    case "logical": return e.operands;
    case "not": return [e.operand];
    case "combinator": return e.args;
    case "at-least": return [e.count, ...e.args];
    case "is": return [e.left, e.right];
    case "known": return [e.operand];
    case "empty": return [e.operand];
    case "compare": return [e.left, e.right];
    case "in": return [e.element, e.set];
    case "has": return e.count ? [e.subject, e.count, e.value] : [e.subject, e.value];
    case "count": return [e.operand];
    case "arithmetic": return [e.left, e.right];
    default: return [];
  }
}

/** Every expression under `root` (itself included), visited without recursion so deep chains cannot overflow the stack. */
export function* walkExpression(root: A.Expression): Generator<A.Expression> {
  const stack: A.Expression[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    yield e;
    const children = childExpressions(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
