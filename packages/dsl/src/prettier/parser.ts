/**
 * The `pol` parser of the Prettier plugin: Pol's own `parse` (never throws),
 * then a refusal to format text with syntax errors, then the few facts about
 * the source that the syntax tree does not keep but a formatter needs (where
 * a `given { … }` block and each opening bracket are).
 *
 * The tree handed to Prettier is a copy: Prettier writes `comments` into the
 * nodes it gets, and nobody else should see that.
 */
import type { IToken } from "chevrotain";
import type { Parser } from "prettier";
import type * as A from "../ast.js";
import type { Diagnostic } from "../diagnostics.js";
import { parse } from "../parse.js";
import { joinSpans, tokenSpan } from "../syntax-tree.js";

/** A comment as Prettier sees it: `value` names it in Prettier's own error messages. */
export interface PolComment extends A.Comment {
  value: string;
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  marker?: CommentMarker;
  placement?: "ownLine" | "endOfLine" | "remaining";
  enclosingNode?: PolNode;
  precedingNode?: PolNode;
  followingNode?: PolNode;
}

/**
 * Where the printer puts a comment that belongs to no child: right after the
 * opening bracket, alone inside an empty block, or before the `n`th operand
 * (and its `and`/`or`) of a chain.
 */
export type CommentMarker = "open" | "inner" | { before: number };

/** Any node of the formatting tree: the syntax tree's nodes plus the two below. */
export interface PolNode {
  kind: string;
  span: A.Span;
  comments?: PolComment[];
}

/** One `given { … }` block of a test: the syntax tree merges all of a test's blocks into one list. */
export interface GivenBlock extends PolNode {
  kind: "given-block";
  entries: A.GivenEntry[];
}

/** An outcome in `expect possible { … }`, as a node so a comment can attach to it. */
export interface OutcomeWord extends PolNode {
  kind: "outcome-word";
  outcome: A.Outcome;
}

/** A test with its `given` blocks and expectations in source order. */
export interface TestNode extends PolNode {
  kind: "test";
  name: A.StringLiteral;
  items: (GivenBlock | A.Expectation)[];
}

export interface FileNode extends A.SourceFile {
  comments: PolComment[];
}

/** What the printer needs to know about a node beyond its fields. */
interface NodeInfo {
  parent?: PolNode;
  /** Offset of the node's opening `{`, `(` or `[`, for containers. */
  open?: number;
}

const info = new WeakMap<object, NodeInfo>();

export const parentOf = (node: PolNode): PolNode | undefined => info.get(node)?.parent;
export const openOf = (node: PolNode): number | undefined => info.get(node)?.open;

/** The syntax error Prettier reports: it prints `loc` as `(line:column)` with a code frame. */
export class PolSyntaxError extends SyntaxError {
  readonly loc: { start: { line: number; column: number } };
  constructor(readonly diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    const { line, column } = first.span.start;
    super(`${line}:${column}: ${first.message} [${first.code}]`);
    this.name = "PolSyntaxError";
    this.loc = { start: { line, column } };
  }
}

/**
 * Parse for formatting: the syntax tree with the layout facts above, or a
 * `PolSyntaxError` for the first error, so a file that does not parse is
 * never rewritten from a tree that recovery patched up.
 */
export function parseForFormatting(text: string): FileNode {
  const { file, diagnostics, tokens } = parse(text);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new PolSyntaxError(errors);
  return new Augmenter(tokens).file(file);
}

export const locStart = (node: PolNode): number => node.span.start.offset;
export const locEnd = (node: PolNode): number => node.span.end.offset;

export const polParser: Parser<PolNode> = {
  parse: (text) => parseForFormatting(text),
  astFormat: "pol-ast",
  locStart,
  locEnd,
};

/** Copies the tree, recording parents and bracket offsets, and reshaping tests. */
class Augmenter {
  constructor(private readonly tokens: IToken[]) {}

  file(file: A.SourceFile): FileNode {
    const comments: PolComment[] = file.comments.map((c) => ({ ...c, value: c.text }));
    const copy = this.copy(file, undefined) as FileNode;
    copy.comments = comments;
    return copy;
  }

  /** Offset of the first token of `type` at or after `offset`. */
  private tokenAfter(offset: number, type: string): number | undefined {
    for (let i = this.indexAt(offset); i < this.tokens.length; i++) {
      if (this.tokens[i].tokenType.name === type) return this.tokens[i].startOffset;
    }
    return undefined;
  }

  /** Index of the first token that starts at or after `offset`. */
  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].startOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private copy(value: unknown, parent: PolNode | undefined): unknown {
    if (Array.isArray(value)) return value.map((v) => this.copy(v, parent));
    if (!value || typeof value !== "object") return value;
    const source = value as Record<string, unknown>;
    if (source.kind === undefined || source.kind === "comment") return { ...source };
    const node = { ...source } as unknown as PolNode & Record<string, unknown>;
    info.set(node, { parent });
    if (node.kind === "test") this.reshapeTest(node);
    if (node.kind === "expect-possible") {
      node.outcomes = (source.outcomes as { outcome: A.Outcome; span: A.Span }[]).map(
        (o): OutcomeWord => ({ kind: "outcome-word", outcome: o.outcome, span: o.span }),
      );
    }
    if (node.kind === "applicable-code") {
      // `CPT 77385`: the code is printed with its system word, so its span starts there too.
      const code = node.code as A.CodeLiteral;
      node.code = { ...code, span: { start: node.span.start, end: code.span.end } };
    }
    if (node.kind === "primitive-type" && node.unit) {
      // The unit follows `number` but the builder's span stops before it; a
      // comment between the two must still fall inside this node.
      node.span = { start: node.span.start, end: (node.unit as A.UnitWord).span.end };
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === "span" || k === "kind") continue;
      if (v && typeof v === "object") node[k] = this.copy(v, node);
    }
    const open = this.openBracket(node);
    if (open !== undefined) info.get(node)!.open = open;
    return node;
  }

  /** A test's `given` blocks are not in the syntax tree: find them in the tokens. */
  private reshapeTest(node: PolNode & Record<string, unknown>): void {
    const given = node.given as A.GivenEntry[];
    const expectations = node.expectations as A.Expectation[];
    delete node.given;
    delete node.expectations;
    const blocks: GivenBlock[] = [];
    const end = node.span.end.offset;
    for (let i = this.indexAt(node.span.start.offset); i < this.tokens.length && this.tokens[i].startOffset < end; i++) {
      const t = this.tokens[i];
      if (t.tokenType.name !== "Given") continue;
      let depth = 0;
      let close: IToken | undefined;
      for (let j = i + 1; j < this.tokens.length && !close; j++) {
        const name = this.tokens[j].tokenType.name;
        if (name === "LBrace") depth++;
        else if (name === "RBrace" && --depth === 0) close = this.tokens[j];
      }
      if (!close) continue;
      const span = joinSpans(tokenSpan(t), tokenSpan(close));
      const inside = (g: A.GivenEntry): boolean => g.span.start.offset > span.start.offset && g.span.end.offset <= span.end.offset;
      blocks.push({ kind: "given-block", entries: given.filter(inside), span });
    }
    node.items = [...blocks, ...expectations].sort((a, b) => a.span.start.offset - b.span.start.offset);
  }

  private openBracket(node: PolNode & Record<string, unknown>): number | undefined {
    const endOf = (k: string): number | undefined => (node[k] as PolNode | undefined)?.span.end.offset;
    const start = node.span.start.offset;
    switch (node.kind) {
      case "policy":
      case "library":
        return this.tokenAfter(endOf("title") ?? endOf("name") ?? start, "LBrace");
      case "enum":
      case "codeset":
        return this.tokenAfter(endOf("label") ?? endOf("name") ?? start, "LBrace");
      case "when":
        return this.tokenAfter(endOf("condition") ?? start, "LBrace");
      case "test":
        return this.tokenAfter(endOf("name") ?? start, "LBrace");
      case "applies-to":
      case "given-block":
      case "expect-requires":
      case "expect-missing":
      case "expect-possible":
        return this.tokenAfter(start, "LBrace");
      case "combinator":
        return this.tokenAfter(start, "LParen");
      case "at-least":
        return this.tokenAfter(endOf("count") ?? start, "LParen");
      case "set":
      case "paren":
      case "given-list":
        return start;
      default:
        return undefined;
    }
  }
}
