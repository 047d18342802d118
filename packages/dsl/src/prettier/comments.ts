/**
 * Where each comment goes. Prettier finds, for every comment, the node that
 * encloses it and the nodes just before and after it; these hooks decide
 * which node it is printed with, and the printer (printComments in
 * printer.ts) how. Three promises: no comment is lost, none changes
 * declaration, and the order of comments never changes.
 *
 * "Anchors" are the nodes that start a line when their container breaks:
 * members and entries of blocks, items of lists (arguments, set members,
 * codes), operands of an `and`/`or` chain, and the condition after `if`, `=`
 * or `when`. A comment that needs a line of its own goes with an anchor:
 *
 * - On its own line: before the next item of its list or block, or after the
 *   last one; in an empty block, inside it.
 * - At the end of a line: after the item it follows (`a, // why`), or right
 *   after an opening bracket (`when x { // why`).
 * - Anywhere else (inside a declaration's header, inside `x is y`): before
 *   the next node, so `fact x: // why` keeps its place and the rest of the
 *   declaration continues on the next line; with no next node, after the
 *   smallest enclosing node that has one.
 * - Block comments between tokens (`a /* why *\/ and b`) stay inline.
 */
import { locEnd, locStart, openOf, parentOf, type PolComment, type PolNode } from "./parser.js";

type Fields = Record<string, unknown>;

// Prettier's `util.add*Comment`, here so the plugin needs nothing of Prettier at run time but `prettier/doc`.
const util = {
  addLeadingComment: (node: PolNode, comment: PolComment): true => attach(node, comment, { leading: true, trailing: false }),
  addTrailingComment: (node: PolNode, comment: PolComment): true => attach(node, comment, { leading: false, trailing: true }),
  addDanglingComment: (node: PolNode, comment: PolComment, marker: PolComment["marker"]): true =>
    attach(node, comment, { leading: false, trailing: false, marker }),
};

function attach(node: PolNode, comment: PolComment, how: Pick<PolComment, "leading" | "trailing" | "marker">): true {
  Object.assign(comment, how, { printed: false });
  (node.comments ??= []).push(comment);
  return true;
}

/** The items of a list, block or chain: each is printed at the start of a line when the container breaks. */
export function itemsOf(node: PolNode): PolNode[] | undefined {
  const n = node as unknown as Fields;
  switch (node.kind) {
    case "file":
      return [...(n.imports as PolNode[]), ...(n.unit ? [n.unit as PolNode] : [])];
    case "policy":
    case "library":
    case "enum":
    case "when":
      return n.members as PolNode[];
    case "codeset":
    case "given-block":
      return n.entries as PolNode[];
    case "applies-to":
    case "code-list":
      return n.codes as PolNode[];
    case "test":
    case "set":
    case "given-list":
      return n.items as PolNode[];
    case "include":
    case "expect-requires":
    case "expect-missing":
      return n.names as PolNode[];
    case "expect-possible":
      return n.outcomes as PolNode[];
    case "combinator":
    case "at-least":
      return n.args as PolNode[];
    case "paren":
      return [n.inner as PolNode];
    case "logical":
      return n.operands as PolNode[];
    default:
      return undefined;
  }
}

/** Containers always printed one item per line. */
export const BLOCKS = new Set(["file", "policy", "library", "enum", "codeset", "applies-to", "when", "test", "given-block"]);

/** The field holding the condition printed after `if`, `=` or `when`. */
const TAIL: Record<string, string> = { rule: "condition", define: "value", require: "when", ask: "when", when: "condition" };

export function isTailOf(node: PolNode, parent: PolNode | undefined): boolean {
  const key = parent && TAIL[parent.kind];
  return !!key && (parent as unknown as Fields)[key] === node;
}

const isItemOf = (node: PolNode, parent: PolNode | undefined): boolean => !!parent && !!itemsOf(parent)?.includes(node);

/** Does `node` start a line of its own once its container breaks? */
export function isAnchor(node: PolNode): boolean {
  const parent = parentOf(node);
  return !parent || isItemOf(node, parent) || isTailOf(node, parent);
}

/** The direct children of `node`, in source order. */
function childrenOf(node: PolNode): PolNode[] {
  const out: PolNode[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === "comments" || !v || typeof v !== "object") continue;
    for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === "object" && typeof c.kind === "string") out.push(c as PolNode);
  }
  return out.sort((a, b) => locStart(a) - locStart(b));
}

/**
 * Put `comment` before `node`, an anchor. Before an operand of a chain it
 * goes ahead of the operator (`// why` then `and b`): the chain prints it.
 * Before a chain's first operand it goes before the chain.
 */
function attachBefore(node: PolNode, comment: PolComment): true {
  let n = node;
  for (;;) {
    const parent = parentOf(n);
    if (parent?.kind !== "logical") return util.addLeadingComment(n, comment);
    const i = itemsOf(parent)!.indexOf(n);
    if (i > 0) return util.addDanglingComment(parent, comment, { before: i });
    n = parent;
  }
}

/** Nodes a comment inside them was moved out of, to after them (see placeComment). */
const movedAfter = new WeakSet<PolNode>();

/**
 * Put `comment`, found inside `node` after its last child, after `node`: as
 * a trailing comment of the anchor that ends there, or before the next node.
 */
function attachAfter(node: PolNode, comment: PolComment): true {
  let n = node;
  for (;;) {
    movedAfter.add(n);
    const parent = parentOf(n);
    if (!parent) return util.addTrailingComment(n, comment);
    if (isTailOf(n, parent)) {
      // After a `when` condition comes the block's `{`: the comment follows it.
      if (parent.kind === "when") return util.addDanglingComment(parent, comment, "open");
      n = parent;
      continue;
    }
    if (isItemOf(n, parent)) return trail(n, comment);
    const next = childrenOf(parent).find((c) => locStart(c) >= locEnd(n));
    if (next) return isItemOf(next, parent) ? attachBefore(next, comment) : util.addLeadingComment(next, comment);
    n = parent;
  }
}

/**
 * Put `comment` after `node`, an item: as a trailing comment of the largest
 * node ending there. A comment on a line of its own after an operand of a
 * chain reads as one before the next operator, and is printed there.
 */
function trail(node: PolNode, comment: PolComment): true {
  const target = outermostEndingAt(node);
  const parent = parentOf(target);
  // After a `when` condition comes the block's `{`: the comment follows it.
  if (parent?.kind === "when" && isTailOf(target, parent)) return util.addDanglingComment(parent, comment, "open");
  // After a trailing line comment, any further comment prints on a line of its own too.
  const ownLine = comment.placement === "ownLine" || !!target.comments?.some((c) => c.trailing && c.style !== "block");
  if (parent?.kind === "logical") {
    const next = itemsOf(parent)![itemsOf(parent)!.indexOf(target) + 1];
    if (ownLine || goesBefore(parent, next).length > 0) return attachBefore(next, comment);
  }
  return util.addTrailingComment(target, comment);
}

/**
 * The largest node that ends where `node` ends (`b` in `a and b` ends where
 * the whole chain and its rule end): every line comment that ends that line
 * must hang on one node, which prints them one per line. Two comments on
 * different nodes that end at one place would print on one line as one.
 */
function outermostEndingAt(node: PolNode): PolNode {
  let n = node;
  for (let p = parentOf(n); p && locEnd(p) === locEnd(n); p = parentOf(n)) n = p;
  return n;
}

/**
 * Put a comment after `item`. After the last code of a codeset
 * line (`ICD10 C50, // why`) that is the whole line: with no closing bracket,
 * the comment is printed after the line's trailing comma, outside it.
 */
function trailItem(container: PolNode, item: PolNode, comment: PolComment): true {
  const unbracketed = container.kind === "code-list" || container.kind === "include";
  return trail(unbracketed && itemsOf(container)!.at(-1) === item ? container : item, comment);
}

/**
 * A comment between a container's header and its first item: in the gap
 * before the opening bracket, or on the bracket's own line, it follows the
 * bracket (`when x { // why`); on a later line it goes before the first item,
 * or inside the container when it is empty. Undefined when the comment is
 * elsewhere.
 */
function attachAtOpening(comment: PolComment, text: string): true | undefined {
  const { enclosingNode: node, precedingNode: before, followingNode: after } = comment;
  const items = node && itemsOf(node);
  const open = node && openOf(node);
  if (!node || !items || open === undefined) return undefined;
  if ((before && items.includes(before)) || (after && !items.includes(after))) return undefined;
  // Keep the order: once a comment went before the first item (or inside the empty container), so do the rest.
  if (after && goesBefore(node, after).length > 0) return attachBefore(after, comment);
  if (!after && node.comments?.some((c) => c.marker === "inner")) return util.addDanglingComment(node, comment, "inner");
  const start = locStart(comment);
  // Line breaks inside block comments do not count: `{ /* a\n b */ // c` is one line of comments.
  const sameLine = !text.slice(open, start).replace(/\/\*[\s\S]*?\*\//g, " ").includes("\n");
  // In a list that may print on one line, `[\n /* a */ x]` becomes `[ /* a */ x]`: say so now.
  const inlineInList = !BLOCKS.has(node.kind) && comment.style === "block" && !/^[ \t]*(?:\r|\n|$)/.test(text.slice(locEnd(comment)));
  // A block comment amid the header (`when x /* why */ {`) stays inline where it is.
  const inlineBeforeOpen = start < open && comment.style === "block" && comment.placement !== "ownLine" && !!before;
  if (inlineBeforeOpen) return undefined;
  if (start < open || sameLine || inlineInList) return util.addDanglingComment(node, comment, "open");
  return after ? attachBefore(after, comment) : util.addDanglingComment(node, comment, "inner");
}

/**
 * Place a comment (Prettier's `handleComments` hooks, all three). Between a
 * node P and the next node F, a comment goes either after P or before F:
 * - on a line of its own: before F;
 * - a line comment at the end of a line: after P when P is an item (its
 *   line ends there), else before F, which then starts the next line;
 * - a block comment at the end of an item's line: after the item;
 * - a block comment amid code: before F when only blanks separate them,
 *   else after P (Prettier's own rule);
 * and once one comment went before F, every later one does, so the order of
 * comments never changes.
 */
export function placeComment(comment: PolComment, text: string): boolean {
  const { enclosingNode: node, precedingNode: before, followingNode: after } = comment;
  if (!node) return false;
  // Once a comment left a node for after it, every later one inside it follows.
  for (let n: PolNode | undefined = node; n; n = parentOf(n)) if (movedAfter.has(n)) return attachAfter(n, comment);
  if (attachAtOpening(comment, text)) return true;
  const items = itemsOf(node);
  const isItem = (n: PolNode | undefined): n is PolNode => !!n && !!items?.includes(n);
  const line = comment.style !== "block";
  let toNext: boolean;
  if (!after) toNext = false;
  else if (before && goesBefore(node, after).some((c) => locStart(c) > locStart(before))) toNext = true;
  else if (comment.placement === "ownLine") toNext = true;
  else if (comment.placement === "endOfLine" && isItem(before)) toNext = false;
  else if (line) toNext = true;
  else toNext = !before || onlyBlanksBetween(text, locEnd(comment), locStart(after));
  if (toNext) return isItem(after) ? attachBefore(after!, comment) : util.addLeadingComment(after!, comment);
  if (isItem(before)) return trailItem(node, before, comment);
  // A block comment amid code swallows nothing: after any node it may stay inline.
  const inline = !line && comment.placement !== "ownLine";
  if (inline && before) return util.addTrailingComment(before, comment);
  if (inline) return util.addDanglingComment(node, comment, undefined);
  return attachAfter(node, comment);
}

/** The comments already placed before `item`, an item of `container`. */
function goesBefore(container: PolNode, item: PolNode): PolComment[] {
  if (container.kind === "logical") {
    const i = itemsOf(container)!.indexOf(item);
    return (container.comments ?? []).filter((c) => typeof c.marker === "object" && c.marker.before === i);
  }
  return (item.comments ?? []).filter((c) => c.leading);
}

/** A block comment with code on both sides: inline, where Prettier puts it, except next to an opening bracket. */
export function attachRemaining(comment: PolComment, text: string): boolean {
  return !!comment.enclosingNode && !!attachAtOpening(comment, text);
}

/** Only white space and comments between `from` and `to`? */
function onlyBlanksBetween(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    if (/\s/.test(text[i])) i++;
    else if (text.startsWith("//", i)) i = text.indexOf("\n", i) < 0 ? to : text.indexOf("\n", i);
    else if (text.startsWith("/*", i)) i = text.indexOf("*/", i + 2) + 2;
    else return false;
  }
  return true;
}
