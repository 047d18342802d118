/**
 * Walking the syntax tree without recursion. Expressions are at most 200
 * brackets deep (parse.ts refuses deeper), but `a + b + c + …` nests to the
 * left once per operand, so a long sum in a 3,000-line policy would exhaust
 * the stack of a recursive walk.
 */
import type * as A from "../ast.js";

/** The direct children of a node, in source order. Tolerates the partial trees recovery builds. */
export function childrenOf(n: A.Node): A.Node[] {
  switch (n.kind) {
    case "file":
      return [...n.imports, ...(n.unit ? [n.unit] : [])];
    case "import":
      return [n.path];
    case "policy":
    case "library":
      return [n.name, ...opt(n.title), ...n.members];
    case "enum":
      return [n.name, ...opt(n.label), ...n.members];
    case "enum-member":
      return [n.name, ...opt(n.label)];
    case "fact":
      return [n.name, n.type, ...opt(n.label)];
    case "type":
      return [n.element];
    case "primitive-type":
      return opt(n.unit);
    case "enum-type":
      return [n.name];
    case "codeset":
      return [n.name, ...opt(n.label), ...n.entries];
    case "code-list":
      return n.codes;
    case "include":
      return n.names;
    case "applies-to":
      return n.codes;
    case "applicable-code":
      return [n.code, ...opt(n.description)];
    case "define":
      return [n.name, ...opt(n.label), n.value];
    case "rule":
      return [...opt(n.label), n.condition];
    case "require":
      return [n.name, n.text, ...opt(n.when)];
    case "ask":
      return [n.name, n.type, n.text, ...opt(n.when)];
    case "when":
      return [n.condition, ...n.members];
    case "test":
      return [n.name, ...n.given, ...n.expectations];
    case "given-entry":
      return [n.name, n.value];
    case "given-list":
      return n.items;
    case "expect-requires":
    case "expect-missing":
      return n.names;
    case "expect-rule":
      return [n.label];
    case "meta-id":
      return [n.value];
    case "meta-effective":
    case "meta-replaces":
      return [n.date];
    case "meta-approved":
      return [n.date, ...opt(n.by)];
    case "meta-plans":
      return n.plans;
    case "meta-revision":
      return [n.date, n.summary, ...opt(n.by)];
    case "meta-cite":
      return [n.text];
    case "meta-section":
      return [n.title, n.body];
    // expressions
    case "number":
      return opt(n.unit);
    case "set":
      return n.items;
    case "paren":
      return [n.inner];
    case "logical":
      return n.operands;
    case "not":
      return [n.operand];
    case "combinator":
      return n.args;
    case "at-least":
      return [n.count, ...n.args];
    case "is":
      return [n.left, n.right];
    case "known":
    case "empty":
    case "count":
      return [n.operand];
    case "compare":
    case "arithmetic":
      return [n.left, n.right];
    case "in":
      return [n.element, n.set];
    case "has":
      return [n.subject, ...opt(n.count), n.value];
    default:
      // Leaves: identifiers, strings, units, dates, bools, codes, names, error-expr,
      // otherwise, comments, expect-outcome, expect-possible, code-type.
      return [];
  }
}

const opt = <T>(x: T | undefined): T[] => (x === undefined ? [] : [x]);

/**
 * Visit `root` and every node under it, parents before children and children
 * in source order. Iterative: see the file comment.
 */
export function forEachNode(root: A.Node, visit: (n: A.Node) => void): void {
  const stack: A.Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** Every name reference under `root` (a condition, a define's value), in source order. */
export function nameRefsIn(root: A.Node): A.NameRef[] {
  const refs: A.NameRef[] = [];
  forEachNode(root, (n) => {
    if (n.kind === "name") refs.push(n);
  });
  return refs;
}
