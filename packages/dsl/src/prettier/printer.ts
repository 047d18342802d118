/**
 * The `pol-ast` printer: one small function per node kind. Comments are
 * placed by comments.ts and printed by print-comments.ts.
 * The layout is described, with an example, in README.md next to this file.
 */
import type { AstPath, Doc, ParserOptions, Printer } from "prettier";
import { builders } from "prettier/doc";
import type * as A from "../ast.js";
import { isTailOf, placeComment } from "./comments.js";
import { locEnd, locStart, type FileNode, type OutcomeWord, type PolComment, type PolNode } from "./parser.js";
import {
  blankLineAfter,
  blankLineBefore,
  danglingComments,
  firstBreak,
  printCommentText,
  printComments,
  printLeftoverDangling,
  printOpenComments,
  startsLine,
} from "./print-comments.js";

const { group, hardline, ifBreak, indent, join, line, literalline, softline } = builders;

// Prettier types `path.call(print, "field")` against one node shape; the
// printer walks a union of shapes, so paths are untyped and nodes are cast.
type Path = AstPath<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Options = ParserOptions<PolNode>;
type Print = (selector?: string | number | (string | number)[] | AstPath) => Doc;
type Fields = Record<string, unknown>;

/** Width of the word column of metadata lines and enum members, per node, set by the block that aligns them. */
const padding = new WeakMap<PolNode, number>();

export const printer: Printer<PolNode> = {
  print(path, options, print) {
    const printed = printNode(path as Path, options, print as Print);
    const leftover = printLeftoverDangling(path as Path);
    return printComments(path as Path, options, leftover.length ? [printed, leftover] : printed);
  },
  // Comments are printed by `printComments` (print-comments.ts), not by Prettier: see there why.
  willPrintOwnComments: () => true,
  printComment: (path) => printCommentText(path.node as PolComment),
  isBlockComment: (node) => (node as PolComment).style === "block",
  canAttachComment: (node) => typeof node.kind === "string" && node.kind !== "comment",
  getVisitorKeys: (node) =>
    Object.keys(node).filter((k) => k !== "span" && k !== "comments" && typeof (node as unknown as Fields)[k] === "object" && (node as unknown as Fields)[k] !== null),
  handleComments: { ownLine: placeComment, endOfLine: placeComment, remaining: placeComment },
};

function printNode(path: Path, options: Options, print: Print): Doc {
  const node = path.node;
  const n = node as unknown as Fields;
  const field = (key: string): Doc => path.call(print, key);
  const optional = (key: string, before: Doc = " "): Doc => (n[key] ? [before, field(key)] : "");
  switch (node.kind) {
    case "file":
      return printFile(path as Path, options, print);
    case "import":
      return ["import ", indent(field("path"))];
    case "policy":
    case "library":
      return [node.kind, " ", indent([field("name"), optional("title")]), " ", printBlock(path, options, print, "members")];

    // metadata (§7)
    case "meta-id":
      return [metaWord(node, "id"), indent([field("value")])];
    case "meta-effective":
      return [metaWord(node, "effective"), indent([field("date")])];
    case "meta-replaces":
      return [metaWord(node, "replaces"), indent([field("date")])];
    case "meta-approved":
      return [metaWord(node, "approved"), indent([field("date"), optional("by", " by ")])];
    case "meta-plans":
      return [metaWord(node, "plans"), indent([join(", ", path.map(print, "plans"))])];
    case "meta-revision":
      return [metaWord(node, "revision"), indent([field("date"), " ", field("summary"), optional("by", " by ")])];
    case "meta-cite":
      return [metaWord(node, "cite"), indent([field("text")])];
    case "meta-section":
      return [metaWord(node, "section"), indent([field("title"), " ", field("body")])];

    // declarations (§3)
    case "enum":
      return ["enum ", indent([field("name"), optional("label")]), " ", printBlock(path, options, print, "members")];
    case "enum-member":
      return n.label ? [field("name"), indent([" ".repeat(padAfter(node, (n.name as A.Identifier).name)), field("label")])] : field("name");
    case "fact":
      return ["fact ", indent([field("name"), ": ", field("type"), optional("label")])];
    case "type":
      return [n.set ? "set of " : "", field("element")];
    case "primitive-type":
      return [n.name as string, optional("unit")];
    case "code-type":
      return n.system as string;
    case "enum-type":
      return field("name");
    case "codeset":
      return ["codeset ", indent([field("name"), optional("label")]), " ", printBlock(path, options, print, "entries")];
    case "code-list":
      return printCodeList(path as Path, print);
    case "include":
      return group(["include", indent([line, join([",", line], path.map(print, "names"))]), ifBreak(",")]);
    case "applies-to":
      return ["applies to ", printBlock(path, options, print, "codes")];
    case "applicable-code":
      return [field("code"), indent(optional("description"))];
    case "define":
      return ["define ", indent([field("name"), optional("label"), " ="]), printTail(path, print, "value")];

    // decisions and documentation (§5, §6)
    case "rule":
      return [outcomeWords(n.outcome as A.Outcome), indent([optional("label"), " if"]), printTail(path, print, "condition")];
    case "otherwise":
      return ["otherwise ", outcomeWords(n.outcome as A.Outcome)];
    case "require":
      return ["require ", indent([field("name"), " ", field("text"), n.when ? " when" : ""]), n.when ? printTail(path, print, "when") : ""];
    case "ask":
      return ["ask ", indent([field("name"), ": ", field("type"), " ", field("text"), n.when ? " when" : ""]), n.when ? printTail(path, print, "when") : ""];
    case "when":
      return ["when", printTail(path, print, "condition"), " ", printBlock(path, options, print, "members")];

    // tests (§8)
    case "test":
      return ["test ", indent(field("name")), " ", printBlock(path as Path, options, print, "items")];
    case "given-block":
      return ["given ", printBlock(path as Path, options, print, "entries")];
    case "given-entry":
      return [field("name"), ": ", field("value")];
    case "given-list":
      return printList(path, print, "items", "[", "]", false);
    case "expect-outcome":
      return ["expect ", outcomeWords(n.outcome as A.Outcome)];
    case "expect-requires":
      return ["expect requires ", printList(path, print, "names", "{", "}", true)];
    case "expect-missing":
      return ["expect missing ", printList(path, print, "names", "{", "}", true)];
    case "expect-possible":
      return ["expect possible ", printList(path, print, "outcomes", "{", "}", true)];
    case "outcome-word":
      return outcomeWords((node as OutcomeWord).outcome);
    case "expect-rule":
      return ["expect rule ", field("label")];

    // leaves
    case "identifier":
    case "name":
    case "unit":
      return n.name as string;
    case "string":
      return printString(node as unknown as A.StringLiteral);
    case "number":
      return [n.raw as string, optional("unit")];
    case "date":
      return n.raw as string;
    case "bool":
      return n.value ? "true" : "false";
    case "code":
      return printCode(path as Path);

    // expressions (§4)
    case "set":
      return printList(path, print, "items", "{", "}", true);
    case "paren":
      return printParen(path, print);
    case "logical":
      return printLogical(path as Path, print);
    case "not":
      return ["not ", field("operand")];
    case "combinator":
      return printList(path, print, "args", `${n.fn as string}(`, ")", false);
    case "at-least":
      return printList(path, print, "args", ["at least ", field("count"), " of ("], ")", false);
    case "is":
      return [field("left"), n.negated ? " is not " : " is ", field("right")];
    case "known":
      return [field("operand"), " is ", n.writtenNot ? "not " : "", n.known === !n.writtenNot ? "known" : "unknown"];
    case "empty":
      return [field("operand"), n.negated ? " is not empty" : " is empty"];
    case "compare":
      return [field("left"), ` ${n.op as string} `, field("right")];
    case "in":
      return [field("element"), n.negated ? " not in " : " in ", field("set")];
    case "has":
      return [field("subject"), " has ", hasQuantifier(path, print), field("value")];
    case "count":
      return ["count(", field("operand"), ")"];
    case "arithmetic":
      return [field("left"), ` ${n.op as string} `, field("right")];
    default:
      throw new Error(`the Pol formatter cannot print a \`${node.kind}\` node`);
  }
}

// ─── file and blocks ───

function printFile(path: Path, options: Options, print: Print): Doc {
  const file = path.node;
  const parts: Doc[] = [];
  const top: PolNode[] = [...file.imports, ...(file.unit ? [file.unit] : [])];
  top.forEach((node, i) => {
    if (i > 0) parts.push(hardline, blankLineAfter(options.originalText, locEnd(top[i - 1])) ? hardline : "");
    parts.push(i < file.imports.length ? path.call(print, "imports", i) : path.call(print, "unit"));
  });
  const dangling = danglingComments(path, () => true);
  if (dangling.length) {
    const lines: Doc[] = [];
    dangling.forEach(({ comment, doc }, i) => {
      const before = i > 0 ? dangling[i - 1].comment : undefined;
      if (before) lines.push(hardline, blankLineAfter(options.originalText, locEnd(before)) ? hardline : "");
      lines.push(doc);
    });
    parts.push(parts.length ? hardline : "", lines);
  }
  return parts.length ? [parts, hardline] : "";
}

/**
 * `{ … }` with one item per line: a blank line between two items is kept
 * (at most one), blank lines at either end are not. Metadata lines and enum
 * members get their value column aligned within each run of lines that no
 * blank line interrupts.
 */
function printBlock(path: Path, options: Options, print: Print, key: string): Doc {
  const items = (path.node as unknown as Fields)[key] as PolNode[];
  const text = options.originalText;
  const blankBefore = items.map((item, i) => i > 0 && blankLineAfter(text, locEnd(items[i - 1])));
  alignColumns(items, items.map((item, i) => i > 0 && (blankBefore[i] || blankFromComments(text, items[i - 1], item))));
  const open = printOpenComments(path).docs;
  const inner = danglingComments(path, (c) => c.marker === "inner" || c.marker === undefined).map((c) => c.doc);
  if (items.length === 0 && inner.length === 0) return open.length ? ["{", indent(open), hardline, "}"] : "{}";
  const body: Doc[] = [];
  path.each((_, i) => {
    if (i > 0) body.push(hardline, blankBefore[i] ? hardline : "");
    body.push(print());
  }, key);
  if (inner.length) body.push(join(hardline, inner));
  return ["{", indent([open, hardline, body]), hardline, "}"];
}

/** Do the comments between two items print a blank line between them (see printComments)? */
function blankFromComments(text: string, before: PolNode, after: PolNode): boolean {
  const trailing = (before.comments ?? []).some((c) => c.trailing && startsLine(text, locStart(c)) && blankLineBefore(text, locStart(c)));
  const leading = (after.comments ?? []).some((c) => c.leading && blankLineAfter(text, locEnd(c)));
  return trailing || leading;
}

/** Which members line up, and on which column (LANGUAGE.md writes `id        "MC/L009"`). */
function alignColumns(items: PolNode[], blankBefore: boolean[]): void {
  const width = (item: PolNode): number | undefined => {
    if (item.kind.startsWith("meta-")) return item.kind.length - "meta-".length;
    if (item.kind === "enum-member" && (item as unknown as A.EnumMember).label) return (item as unknown as A.EnumMember).name.name.length;
    return undefined;
  };
  let run: PolNode[] = [];
  const close = (): void => {
    const widest = Math.max(0, ...run.map((r) => width(r)!));
    for (const r of run) padding.set(r, widest + 1);
    run = [];
  };
  items.forEach((item, i) => {
    const w = width(item);
    const sameKind = run.length === 0 || run[0].kind.startsWith("meta-") === item.kind.startsWith("meta-");
    if (w === undefined || blankBefore[i] || !sameKind) close();
    if (w !== undefined) run.push(item);
  });
  close();
}

function metaWord(node: PolNode, word: string): Doc {
  return word + " ".repeat(padAfter(node, word));
}

function padAfter(node: PolNode, word: string): number {
  return Math.max(1, (padding.get(node) ?? word.length + 1) - word.length);
}

// ─── conditions ───

/**
 * The condition after `if`, `=`, `when`: on the same line when it fits or
 * when it brings its own brackets (`if all(` …), otherwise an `and`/`or`
 * chain moves to the next lines, one operand per line. A comment before the
 * condition also moves it down, so the comment starts a line.
 */
function printTail(path: Path, print: Print, key: string): Doc {
  const condition = (path.node as unknown as Fields)[key] as PolNode;
  const printed = path.call(print, key);
  const ownLine = condition.kind === "logical" || !!condition.comments?.some((c) => c.leading);
  if (!ownLine) return [" ", printed];
  // A `when` block's members sit one level in: its condition goes two levels in.
  const body = indent([line, printed]);
  return group(path.node.kind === "when" ? indent(body) : body);
}

/** `a and b and c`: broken before each operator; operands line up under a tail, else they hang one level in. */
function printLogical(path: Path, print: Print): Doc {
  const node = path.node;
  const parent = path.parent as PolNode;
  const aligned = isTailOf(node, parent) || parent.kind === "paren";
  const before = new Map<number, { comment: PolComment; doc: Doc }[]>();
  for (const c of danglingComments(path, (c) => typeof c.marker === "object")) {
    const i = (c.comment.marker as { before: number }).before;
    before.set(i, [...(before.get(i) ?? []), c]);
  }
  const rest: Doc[] = [];
  path.each((_, i) => {
    if (i === 0) return;
    const comments = before.get(i) ?? [];
    // `a and /* why */ b` stays inline; any other comment gets its own line before the operator.
    const inline = comments.every((c) => c.comment.style === "block" && c.comment.placement === "remaining");
    const own = inline ? [] : comments.flatMap((c) => [c.doc, hardline]);
    const after = inline ? comments.flatMap((c) => [c.doc, " "]) : [];
    rest.push(line, own, node.op, " ", after, print());
  }, "operands");
  return group([path.call(print, "operands", 0), aligned ? rest : indent(rest)]);
}

function printParen(path: Path, print: Print): Doc {
  const open = printOpenComments(path);
  return group(["(", indent([open.docs, firstBreak(open, false), path.call(print, "inner")]), softline, ")"]);
}

function hasQuantifier(path: Path, print: Print): Doc {
  const node = path.node as unknown as A.HasExpr;
  if (node.quantifier === "any") return "any ";
  if (node.quantifier === "all") return "all ";
  if (node.quantifier === "at-least") return ["at least ", path.call(print, "count"), " of "];
  return "";
}

// ─── lists ───

/**
 * A bracketed list: on one line when it fits (`{ a, b }` with spaces inside
 * braces, `[a, b]` and `all(a, b)` without), else one item per line with a
 * trailing comma.
 */
function printList(path: Path, print: Print, key: string, open: Doc, close: string, spaced: boolean): Doc {
  const items = path.map(print, key);
  const openComments = printOpenComments(path);
  const inner = danglingComments(path, (c) => c.marker === "inner" || c.marker === undefined).map((c) => c.doc);
  if (items.length === 0) {
    if (inner.length) return [open, indent([openComments.docs, hardline, join(hardline, inner)]), hardline, close];
    if (openComments.docs.length) return [open, indent(openComments.docs), openComments.endsWithLine ? hardline : " ", close];
    return [open, close];
  }
  return group([
    open,
    indent([openComments.docs, firstBreak(openComments, spaced), join([",", line], items)]),
    ifBreak(","),
    spaced ? line : softline,
    close,
  ]);
}

/** `ICD10 C70-C72, D32-D33`, or the system word and then one code per line with a trailing comma. */
function printCodeList(path: Path, print: Print): Doc {
  return group([path.node.system, indent([line, join([",", line], path.map(print, "codes"))]), ifBreak(",")]);
}

/**
 * A code carries its system word except where the list it is in continues a
 * system after a comma (`{ ICD10 C61, C50 }`, `[CPT 77301, 77338]`), and in a
 * codeset line, where the line starts with the word.
 */
function printCode(path: Path): Doc {
  const node = path.node;
  const code = node.rangeEnd === undefined ? node.code : `${node.code}-${node.rangeEnd}`;
  const parent = path.parent as PolNode;
  if (parent.kind === "code-list") return code;
  if (parent.kind === "set" || parent.kind === "given-list") {
    const previous = path.index ? (path.siblings as PolNode[])[path.index - 1] : undefined;
    if (previous?.kind === "code" && (previous as unknown as A.CodeLiteral).system === node.system) return code;
  }
  return `${node.system} ${code}`;
}

// ─── text ───

/** Strings as written; a text block's lines verbatim, so its dedented value cannot change. */
function printString(node: A.StringLiteral): Doc {
  return node.block ? join(literalline, node.raw.split("\n")) : node.raw;
}

function outcomeWords(outcome: A.Outcome): string {
  return outcome.replace("_", " ");
}
