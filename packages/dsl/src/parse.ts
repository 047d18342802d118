/**
 * `parse(text)`: source text → syntax tree and syntax diagnostics. It never
 * throws: the editor needs a tree for half-typed text, and only the CLI decides
 * that an error stops a build.
 */
import type { ILexingError, IRecognitionException, IToken } from "chevrotain";
import type * as A from "./ast.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { polParser } from "./parser.js";
import { SyntaxTreeBuilder, tokenSpan } from "./syntax-tree.js";
import * as T from "./tokens.js";

export interface ParseResult {
  file: A.SourceFile;
  diagnostics: Diagnostic[];
  /** The main tokens (comments excluded), for editor features such as semantic tokens. */
  tokens: IToken[];
}

/**
 * Deeper than this, a file is not parsed: recursive descent would exhaust the
 * stack long before any real policy gets near it (the IMRT policy nests 4 deep; Chevrotain spends about eight rules per level of brackets).
 */
export const MAX_NESTING = 100;

export function parse(text: string, file?: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = T.polLexer.tokenize(text);
  for (const e of lexed.errors) diagnostics.push(lexingDiagnostic(e, text));
  for (const t of lexed.groups.unclosed ?? []) diagnostics.push(unclosedDiagnostic(t));
  const comments = (lexed.groups.comments ?? []).map(toComment);
  const endSpan = spanAtEnd(text);
  const empty: A.SourceFile = { kind: "file", imports: [], comments, span: { start: pos0, end: endSpan.end } };

  const tooDeep = findExcessiveNesting(lexed.tokens);
  if (tooDeep) {
    diagnostics.push(
      diagnostic("nesting-too-deep", `brackets or \`not\`s are nested more than ${MAX_NESTING} deep here; split the condition into defines`, tokenSpan(tooDeep)),
    );
    return finish({ file: empty, diagnostics, tokens: lexed.tokens }, file);
  }

  try {
    polParser.input = lexed.tokens;
    const cst = polParser.file();
    for (const e of polParser.errors) diagnostics.push(parsingDiagnostic(e, endSpan));
    const docs = docCommentsByNextToken(lexed.groups.comments ?? [], lexed.tokens);
    const builder = new SyntaxTreeBuilder({ diagnostics, docs, endSpan });
    const tree = builder.file(cst, { start: pos0, end: endSpan.end }, comments);
    return finish({ file: tree, diagnostics, tokens: lexed.tokens }, file);
  } catch (e) {
    // Only a stack overflow on pathological input gets here; report it, never crash.
    diagnostics.push(diagnostic("nesting-too-deep", `the file is too deeply nested to parse (${(e as Error).message})`, endSpan));
    return finish({ file: empty, diagnostics, tokens: lexed.tokens }, file);
  }
}

const pos0: A.Position = { offset: 0, line: 1, column: 1 };

function finish(result: ParseResult, file: string | undefined): ParseResult {
  if (file) for (const d of result.diagnostics) d.file = file;
  return result;
}

function spanAtEnd(text: string): A.Span {
  const lines = text.split(/\r\n|\r|\n/);
  const p: A.Position = { offset: text.length, line: lines.length, column: lines[lines.length - 1].length + 1 };
  return { start: p, end: p };
}

function toComment(t: IToken): A.Comment {
  const style = t.tokenType === T.DocComment ? "doc" : t.tokenType === T.BlockComment ? "block" : "line";
  return { kind: "comment", style, text: t.image, span: tokenSpan(t) };
}

function unclosedDiagnostic(t: IToken): Diagnostic {
  const at = tokenSpan(t).start;
  const span: A.Span = { start: at, end: { ...at, offset: at.offset + 1, column: at.column + 1 } };
  if (t.tokenType === T.UnclosedComment) return diagnostic("unterminated-comment", "this comment has no closing `*/`", span);
  if (t.tokenType === T.UnclosedTextBlock) return diagnostic("unterminated-string", "this text block has no closing `\"\"\"`", span);
  return diagnostic("unterminated-string", "this text has no closing `\"` on its line", span);
}

function lexingDiagnostic(e: ILexingError, text: string): Diagnostic {
  const at = e.offset;
  const span: A.Span = {
    start: { offset: at, line: e.line ?? 1, column: e.column ?? 1 },
    end: { offset: at + e.length, line: e.line ?? 1, column: (e.column ?? 1) + e.length },
  };
  const rest = text.slice(at);
  return diagnostic("unexpected-character", `unexpected character \`${rest.slice(0, e.length)}\``, span);
}

function parsingDiagnostic(e: IRecognitionException, endSpan: A.Span): Diagnostic {
  const t = e.token;
  const span = t && !Number.isNaN(t.startOffset) && t.tokenType !== undefined && t.image !== "" ? tokenSpan(t) : prevOrEnd(e, endSpan);
  return diagnostic("syntax-error", e.message, span);
}

/** At the end of input the token is EOF with no position: point after the previous token. */
function prevOrEnd(e: IRecognitionException, endSpan: A.Span): A.Span {
  const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  if (prev && !Number.isNaN(prev.startOffset)) {
    const s = tokenSpan(prev);
    return { start: s.end, end: s.end };
  }
  return endSpan;
}

/** The first token at which brackets and `not`s nest deeper than MAX_NESTING, if any. */
function findExcessiveNesting(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  let nots = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LBrace || type === T.LBracket) depth++;
    else if (type === T.RParen || type === T.RBrace || type === T.RBracket) depth = Math.max(0, depth - 1);
    nots = type === T.Not ? nots + 1 : type === T.LParen ? nots : 0;
    if (depth + nots > MAX_NESTING) return t;
  }
  return undefined;
}

/**
 * Doc comments (§1) attach to the declaration that follows: a run of `///`
 * lines maps to the offset of the first token after it, and the builder looks
 * declarations up by their first token's offset.
 */
function docCommentsByNextToken(comments: IToken[], tokens: IToken[]): Map<number, string> {
  const docs = new Map<number, string>();
  let run: string[] = [];
  let ti = 0;
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i];
    if (c.tokenType !== T.DocComment) {
      run = [];
      continue;
    }
    run.push(c.image.replace(/^\/\/\/ ?/, ""));
    const next = comments[i + 1];
    while (ti < tokens.length && tokens[ti].startOffset < c.startOffset) ti++;
    const nextToken = tokens[ti];
    const continues = next && next.tokenType === T.DocComment && (!nextToken || next.startOffset < nextToken.startOffset);
    if (continues) continue;
    if (nextToken && !(next && next.startOffset < nextToken.startOffset)) docs.set(nextToken.startOffset, run.join("\n"));
    run = [];
  }
  return docs;
}
