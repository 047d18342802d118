/**
 * How comments print, once comments.ts has placed them: before and after
 * their nodes, after an opening bracket, inside an empty block.
 */
import type { AstPath, Doc, ParserOptions } from "prettier";
import { builders } from "prettier/doc";
import { BLOCKS, isAnchor } from "./comments.js";
import { locEnd, locStart, parentOf, type PolComment, type PolNode } from "./parser.js";

const { breakParent, hardline, line, lineSuffix, softline } = builders;

type Path = AstPath<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A node's leading and trailing comments. Prettier's own printing decides
 * between `// a` and a line break from the original text and puts every
 * trailing line comment at the end of the output line, where two of them
 * would merge into one; here the layout depends only on the kind of comment
 * and of node, so formatting twice changes nothing:
 * - before an anchor, a comment that had its own line keeps it (and a blank
 *   line after it); elsewhere a line comment ends the line and the node
 *   continues on the next, and a block comment stays inline;
 * - after a node, a line comment ends the node's output line, and any further
 *   one, or one that had its own line, gets a line of its own.
 */
export function printComments(path: Path, options: ParserOptions<PolNode>, printed: Doc): Doc {
  const node = path.node;
  if (!node.comments?.length) return printed;
  const text = options.originalText;
  const anchor = isAnchor(node);
  // Blank lines survive between the members of a block, not between the items of a list.
  const inBlock = BLOCKS.has(parentOf(node)?.kind ?? "file");
  const leading: Doc[] = [];
  const trailing: Doc[] = [];
  let lineEnded = false;
  for (const comment of node.comments) {
    if (comment.printed || !(comment.leading || comment.trailing)) continue;
    comment.printed = true;
    const doc = printCommentText(comment);
    if (comment.leading) {
      const ownLine = comment.style !== "block" || (anchor && newlineAfter(text, locEnd(comment)));
      leading.push(doc, ownLine ? hardline : " ");
      if (ownLine && anchor && blankLineAfter(text, locEnd(comment))) leading.push(hardline);
    } else if (startsLine(text, locStart(comment)) || lineEnded) {
      const blank = inBlock && blankLineBefore(text, locStart(comment));
      trailing.push(lineSuffix([hardline, blank ? hardline : "", doc]), breakParent);
      lineEnded = true;
    } else if (comment.style === "block") {
      trailing.push(" ", doc);
    } else {
      trailing.push(lineSuffix([" ", doc]), breakParent);
      lineEnded = true;
    }
  }
  return [leading, printed, trailing];
}

/**
 * A comment's text. A block comment's lines are kept verbatim, as one string:
 * as line breaks in the layout they would force the groups around them open,
 * and where a comment lands can differ between a first and a second run.
 */
export function printCommentText(comment: PolComment): Doc {
  return comment.style === "block" ? comment.text : comment.text.trimEnd();
}

/** Dangling comments of the current node that `keep` selects, printed and marked as printed. */
export function danglingComments(path: Path, keep: (c: PolComment) => boolean): { comment: PolComment; doc: Doc }[] {
  const out: { comment: PolComment; doc: Doc }[] = [];
  for (const comment of path.node.comments ?? []) {
    if (comment.leading || comment.trailing || comment.printed || !keep(comment)) continue;
    comment.printed = true;
    out.push({ comment, doc: printCommentText(comment) });
  }
  return out;
}

/**
 * Comments that follow an opening bracket (`when x { // why`): on the
 * bracket's line up to the first line comment, then one per line. A line
 * comment forces the container open.
 */
export function printOpenComments(path: Path): { docs: Doc[]; endsWithLine: boolean } {
  const docs: Doc[] = [];
  let endsWithLine = false;
  for (const { comment, doc } of danglingComments(path, (c) => c.marker === "open")) {
    docs.push(endsWithLine ? hardline : " ", doc);
    endsWithLine ||= comment.style !== "block";
  }
  if (endsWithLine) docs.push(breakParent);
  return { docs, endsWithLine };
}

/** What follows the opening bracket (and its comments) before the first item of a list. */
export function firstBreak(open: { docs: Doc[]; endsWithLine: boolean }, spaced: boolean): Doc {
  if (open.endsWithLine) return softline;
  if (open.docs.length) return [" ", softline];
  return spaced ? line : softline;
}

/**
 * A comment that attached to a node with no place for it (a block comment
 * inside `otherwise not covered`, say) follows the node rather than vanish.
 */
export function printLeftoverDangling(path: Path): Doc[] {
  return danglingComments(path, () => true).map(({ comment, doc }) =>
    comment.style === "block" ? [" ", doc] : [lineSuffix([" ", doc]), breakParent],
  );
}

/**
 * Is the line after the one holding `offset` blank? Comments that end the
 * line are skipped, so `fact a: bool // note` followed by a blank line counts.
 */
export function blankLineAfter(text: string, offset: number): boolean {
  let i = offset;
  for (;;) {
    while (text[i] === " " || text[i] === "\t") i++;
    if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    break;
  }
  if (text.startsWith("//", i)) while (i < text.length && text[i] !== "\n") i++;
  if (text[i] === "\r") i++;
  if (text[i] !== "\n") return false;
  i++;
  while (text[i] === " " || text[i] === "\t" || text[i] === "\r") i++;
  return text[i] === "\n";
}

/** Does a line start at `offset`, spaces aside? */
export function startsLine(text: string, offset: number): boolean {
  let i = offset - 1;
  while (text[i] === " " || text[i] === "\t") i--;
  return i < 0 || text[i] === "\n" || text[i] === "\r";
}

/** Does the line end at `offset`, spaces aside? */
function newlineAfter(text: string, offset: number): boolean {
  let i = offset;
  while (text[i] === " " || text[i] === "\t") i++;
  return i >= text.length || text[i] === "\n" || text[i] === "\r";
}

/** Is the line before the one holding `offset` blank? */
export function blankLineBefore(text: string, offset: number): boolean {
  let i = offset - 1;
  while (text[i] === " " || text[i] === "\t") i--;
  if (text[i] !== "\n") return false;
  i--;
  while (text[i] === " " || text[i] === "\t" || text[i] === "\r") i--;
  return text[i] === "\n";
}
