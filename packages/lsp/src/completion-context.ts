/**
 * Where the cursor is, in the author's terms ("right after `is` on `intent`",
 * "the start of a `given` entry"), read from the tokens before it. Tokens and
 * not the tree, because completion runs on half-typed text the parser could
 * only guess at; brackets are matched leniently for the same reason.
 */
import { METADATA_WORDS, type ParseResult } from "@pol/dsl";

/** A token of the lexer (chevrotain's `IToken`). */
type IToken = ParseResult["tokens"][number];

/** What the innermost open bracket belongs to. */
export type BlockKind =
  | "top" | "policy" | "library" | "enum" | "codeset" | "applies" | "when" | "test" | "given"
  | "expect-requires" | "expect-missing" | "expect-possible" | "set" | "paren" | "list";

/** Where the cursor is, as completion needs to know it. */
export type CompletionContext =
  | { kind: "none" }
  | { kind: "top" }
  /** The start of a declaration, rule, requirement or metadata line. */
  | { kind: "statement"; block: "policy" | "library" | "when" }
  | { kind: "type"; afterSetOf: boolean }
  /** Right after a number (or the `number` type): `subject` is what the number is compared with. */
  | { kind: "unit"; subject?: string; alsoOperators: boolean }
  | { kind: "operand" }
  /** After a complete operand; `newLine`: the cursor is on a later line, where a new member is likelier than `and`. */
  | { kind: "operator"; subject?: string; statementToo?: "policy" | "library" | "when"; newLine?: boolean }
  | { kind: "after-is"; subject?: string; negated: boolean }
  | { kind: "after-not" }
  | { kind: "after-in"; subject?: string }
  | { kind: "after-has"; subject?: string }
  | { kind: "after-has-quantifier"; subject?: string }
  | { kind: "set-members"; subject?: string }
  | { kind: "keywords"; words: string[] }
  | { kind: "codeset-entry" }
  | { kind: "include" }
  | { kind: "applies-entry" }
  | { kind: "test-statement" }
  | { kind: "expect" }
  | { kind: "given-entry"; given: string[] }
  | { kind: "given-value"; fact: string; inList: boolean }
  | { kind: "expect-list"; list: "requires" | "missing" | "possible" };

const OPENERS = new Set(["{", "(", "["]);
const CLOSERS: Record<string, string> = { "}": "{", ")": "(", "]": "[" };
/** After these, `{` opens a set literal, never a block. */
const SET_OPENERS = new Set(["in", "has", "any", "all", "of", "is", "not", ",", "(", "=", "{", "[", "when", "if", "and", "or"]);
const NAMED_BLOCKS: Record<string, BlockKind> = { policy: "policy", library: "library", enum: "enum", codeset: "codeset", test: "test" };
/** After these an operand must follow. */
const OPERAND_NEXT = new Set(["=", "if", "when", "and", "or", "not", "(", ",", "<", "<=", ">", ">=", "+", "-", "*", "/"]);
/** Words that begin a member of a policy or library (§3–8). */
const STATEMENT_WORDS = new Set(["fact", "ask", "define", "codeset", "enum", "covered", "review", "otherwise", "require", "applies", "test", "when"]);
const METADATA = new Set<string>(METADATA_WORDS);

const isName = (t: IToken | undefined): boolean => t?.tokenType.name === "Identifier";
const img = (t: IToken | undefined): string => (t ? t.image : "");

/** A token that ends an operand: after it an operator may follow. */
function endsOperand(t: IToken | undefined): boolean {
  if (!t) return false;
  const n = t.tokenType.name;
  return (
    n === "Identifier" || n === "NumberLit" || n === "Unit" || n === "DateLit" || n === "Code" || n === "StringLit" ||
    [")", "}", "]", "true", "false", "known", "unknown", "empty", "as_of", "procedures"].includes(t.image)
  );
}

/** The context at `offset` (on 1-based `line`); `tokens` are the document's tokens (comments excluded). */
export function completionContext(tokens: readonly IToken[], offset: number, line: number): CompletionContext {
  // The word being typed is not context: `intent is cur|` completes after `is`.
  let end = countBefore(tokens, offset);
  const last = tokens[end - 1];
  if (last && (last.endOffset ?? 0) + 1 >= offset && /^[A-Za-z_][A-Za-z0-9_]*$/.test(last.image)) {
    // A system word being typed (`ICD1`) or a code (`C7`) is also the word, not context.
    end--;
  }
  const stack = blockStack(tokens, end);
  const before = tokens.slice(0, end);
  const frame = stack[stack.length - 1];
  const prev = before[before.length - 1];
  const prev2 = before[before.length - 2];
  const parentKind = stack.length > 1 ? stack[stack.length - 2].kind : "top";

  switch (frame.kind) {
    case "top":
      return prev?.image === "import" ? { kind: "none" } : { kind: "top" };
    case "enum":
      return { kind: "none" };
    case "codeset":
      return codesetContext(before, frame.open);
    case "applies":
      return prev && prev.tokenType.name === "SystemWord" ? { kind: "none" } : { kind: "applies-entry" };
    case "given":
      return givenContext(before, frame.open);
    case "list":
      if (parentKind === "given") {
        const colon = frame.open - 1;
        if (img(before[colon]) === ":" && isName(before[colon - 1])) return { kind: "given-value", fact: before[colon - 1].image, inList: true };
      }
      return { kind: "none" };
    case "expect-requires":
      return { kind: "expect-list", list: "requires" };
    case "expect-missing":
      return { kind: "expect-list", list: "missing" };
    case "expect-possible":
      return prev?.image === "not" ? { kind: "keywords", words: ["covered"] } : { kind: "expect-list", list: "possible" };
    case "test":
      if (prev?.image === "expect") return { kind: "expect" };
      if (prev?.image === "not" && prev2?.image === "expect") return { kind: "keywords", words: ["covered", "applicable"] };
      return { kind: "test-statement" };
    case "set":
      if (prev?.image === "{" || prev?.image === ",") return { kind: "set-members", subject: setSubject(before, frame.open) };
      return { kind: "none" };
    case "paren":
      return expressionContext(before, undefined);
    default:
      return statementOrExpression(before, frame.open, frame.kind as "policy" | "library" | "when", line);
  }
}

/** How many tokens start before `offset` (tokens are in source order). */
export function countBefore(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Frame {
  kind: BlockKind;
  /** Index of the opening bracket in the tokens. */
  open: number;
}

/**
 * For each token, the index of the bracket whose group it ends up in (-1 at
 * top level), once per token list: completion then finds its enclosing
 * groups without rescanning the file on every keystroke.
 */
const enclosingCache = new WeakMap<readonly IToken[], { enclosing: Int32Array; kinds: Map<number, BlockKind> }>();

function bracketsOf(tokens: readonly IToken[]): { enclosing: Int32Array; kinds: Map<number, BlockKind> } {
  let cached = enclosingCache.get(tokens);
  if (cached) return cached;
  const enclosing = new Int32Array(tokens.length);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].image;
    if (OPENERS.has(t)) open.push(i);
    else if (t in CLOSERS) {
      // Lenient: a stray closer that matches nothing open is ignored.
      for (let j = open.length - 1; j >= 0; j--) {
        if (tokens[open[j]].image === CLOSERS[t]) {
          open.length = j;
          break;
        }
      }
    }
    enclosing[i] = open.length ? open[open.length - 1] : -1;
  }
  cached = { enclosing, kinds: new Map() };
  enclosingCache.set(tokens, cached);
  return cached;
}

/** The groups open after the first `end` tokens, outermost first. */
function blockStack(tokens: readonly IToken[], end: number): Frame[] {
  const { enclosing, kinds } = bracketsOf(tokens);
  const opens: number[] = [];
  for (let o = end > 0 ? enclosing[end - 1] : -1; o >= 0; o = o > 0 ? enclosing[o - 1] : -1) opens.push(o);
  opens.reverse();
  const stack: Frame[] = [{ kind: "top", open: -1 }];
  for (const o of opens) {
    let kind = kinds.get(o);
    if (!kind) {
      const t = tokens[o].image;
      kind = t === "(" ? "paren" : t === "[" ? "list" : braceKind(tokens, o, stack[stack.length - 1].kind);
      kinds.set(o, kind);
    }
    stack.push({ kind, open: o });
  }
  return stack;
}

function braceKind(tokens: readonly IToken[], i: number, parent: BlockKind): BlockKind {
  const p = tokens[i - 1];
  const p2 = tokens[i - 2];
  const p3 = tokens[i - 3];
  if (!p) return "set";
  if (p.image === "given" && p.tokenType.name !== "Identifier") return "given";
  if (p.image === "to" && img(p2) === "applies") return "applies";
  if (img(p2) === "expect" && ["requires", "missing", "possible"].includes(p.image)) return `expect-${p.image}` as BlockKind;
  const named = (k: IToken | undefined): BlockKind | undefined =>
    k && k.tokenType.name !== "Identifier" && k.tokenType.name !== "StringLit" ? NAMED_BLOCKS[k.image] : undefined;
  if (p.tokenType.name === "StringLit") {
    if (img(p2) === "test") return "test";
    if (isName(p2) && named(p3)) return named(p3)!;
  }
  if (isName(p) && named(p2)) return named(p2)!;
  if (SET_OPENERS.has(p.image)) return "set";
  return parent === "policy" || parent === "library" || parent === "when" ? "when" : "set";
}

/** The tokens of the current frame at its own depth, from its opener to the end (nested brackets skipped). */
function topLevelIndices(tokens: readonly IToken[], from: number): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = from + 1; i < tokens.length; i++) {
    const t = tokens[i].image;
    if (depth === 0) out.push(i);
    if (OPENERS.has(t)) depth++;
    else if (t in CLOSERS) depth = Math.max(0, depth - 1);
  }
  return out;
}

function statementOrExpression(tokens: readonly IToken[], open: number, block: "policy" | "library" | "when", line: number): CompletionContext {
  const prev = tokens[tokens.length - 1];
  const prev2 = tokens[tokens.length - 2];
  if (!prev || tokens.length - 1 === open) return { kind: "statement", block };
  // The last word at this level (outside nested brackets) that says what kind of member we are in.
  let anchor = -1;
  let depth = 0;
  for (let i = tokens.length - 1; i > open; i--) {
    const t = tokens[i];
    if (t.image in CLOSERS) depth++;
    else if (OPENERS.has(t.image)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (t.tokenType.name === "Identifier" ? METADATA.has(t.image) && startsLine(tokens, i) : STATEMENT_WORDS.has(t.image) || t.image === "=" || t.image === "if")) {
      anchor = i;
      break;
    }
  }
  const a = tokens[anchor];
  const word = a?.image;
  if (!a) return { kind: "statement", block };
  if (word === "=" || word === "if" || word === "when") {
    const ctx = expressionContext(tokens, block);
    return ctx.kind === "operator" ? { ...ctx, newLine: (prev.endLine ?? 0) < line } : ctx;
  }
  const ctx = memberContext(a, prev, prev2, block);
  // A member without its optional parts (`fact x: bool` with no label) ends at the line break.
  const newMember = (prev.endLine ?? 0) < line && (endsOperand(prev) || TYPE_WORDS.has(prev.image));
  return ctx.kind === "none" && newMember ? { kind: "statement", block } : ctx;
}

const TYPE_WORDS = new Set(["bool", "number", "date", "text"]);

/** Inside a member that is not a condition, from the word it starts with. */
function memberContext(a: IToken, prev: IToken, prev2: IToken | undefined, block: "policy" | "library" | "when"): CompletionContext {
  const word = a.image;
  if (a.tokenType.name === "Identifier") {
    // A metadata line: `by` may follow `approved DATE` and `revision DATE "summary"`.
    const by = (word === "approved" && prev.tokenType.name === "DateLit") || (word === "revision" && prev.tokenType.name === "StringLit");
    return by ? { kind: "keywords", words: ["by"] } : { kind: "none" };
  }
  switch (word) {
    case "fact":
    case "ask": {
      if (prev.image === ":") return { kind: "type", afterSetOf: false };
      if (prev.image === "set") return { kind: "keywords", words: ["of"] };
      if (prev.image === "of" && prev2?.image === "set") return { kind: "type", afterSetOf: true };
      if (prev.image === "number") return { kind: "unit", alsoOperators: false };
      if (prev.tokenType.name === "StringLit") return word === "ask" ? { kind: "keywords", words: ["when"] } : { kind: "statement", block };
      return { kind: "none" };
    }
    case "otherwise":
      if (prev.image === "otherwise") return { kind: "keywords", words: ["covered", "not covered", "review"] };
      if (prev.image === "not") return { kind: "keywords", words: ["covered"] };
      return { kind: "statement", block };
    case "covered":
    case "review":
      return prev.image === "covered" || prev.image === "review" || prev.tokenType.name === "StringLit" ? { kind: "keywords", words: ["if"] } : { kind: "none" };
    case "require":
      return prev.tokenType.name === "StringLit" ? { kind: "keywords", words: ["when"] } : { kind: "none" };
    case "applies":
      return prev.image === "applies" ? { kind: "keywords", words: ["to"] } : { kind: "none" };
    case "define":
      return prev.tokenType.name === "StringLit" || (isName(prev) && prev2?.image === "define") ? { kind: "keywords", words: ["="] } : { kind: "none" };
    default:
      // A closed enum, codeset, `applies to`, test or `when` block: a new member starts.
      return prev.image === "}" ? { kind: "statement", block } : prev.image === "not" ? { kind: "keywords", words: ["covered"] } : { kind: "none" };
  }
}

function startsLine(tokens: readonly IToken[], i: number): boolean {
  return i === 0 || (tokens[i - 1].endLine ?? 0) < (tokens[i].startLine ?? 0);
}

/** Inside a condition: what may follow the tokens so far. */
function expressionContext(tokens: readonly IToken[], block: "policy" | "library" | "when" | undefined): CompletionContext {
  const n = tokens.length;
  const prev = tokens[n - 1];
  const prev2 = tokens[n - 2];
  const prev3 = tokens[n - 3];
  if (!prev) return { kind: "operand" };
  switch (prev.image) {
    case "is":
      return { kind: "after-is", subject: subjectBefore(tokens, n - 1), negated: false };
    case "not":
      if (prev2?.image === "is") return { kind: "after-is", subject: subjectBefore(tokens, n - 2), negated: true };
      if (endsOperand(prev2)) return { kind: "keywords", words: ["in"] };
      return { kind: "after-not" };
    case "in":
      return { kind: "after-in", subject: subjectBefore(tokens, prev2?.image === "not" ? n - 2 : n - 1) };
    case "has":
      return { kind: "after-has", subject: subjectBefore(tokens, n - 1) };
    case "any":
    case "all":
      if (prev2?.image === "has") return { kind: "after-has-quantifier", subject: subjectBefore(tokens, n - 2) };
      return { kind: "none" };
    case "of": {
      // `X has at least 2 of S` or `at least 2 of (…)`.
      const hasAt = n - 5;
      if (prev3?.image === "least" && tokens[hasAt]?.image === "has") return { kind: "after-has-quantifier", subject: subjectBefore(tokens, hasAt) };
      return { kind: "none" };
    }
    case "at":
      return { kind: "keywords", words: ["least"] };
    case "least":
    case "count":
      return { kind: "none" };
  }
  if (prev.tokenType.name === "NumberLit") {
    if (prev2?.image === "least") return { kind: "keywords", words: ["of"] };
    const op = prev2?.image ?? "";
    const subject = ["<", "<=", ">", ">=", "is", "+", "-"].includes(op) ? subjectBefore(tokens, n - 2) : undefined;
    return { kind: "unit", subject, alsoOperators: true };
  }
  if (OPERAND_NEXT.has(prev.image)) return { kind: "operand" };
  if (endsOperand(prev)) return { kind: "operator", subject: isName(prev) ? prev.image : undefined, ...(block ? { statementToo: block } : {}) };
  return { kind: "none" };
}

/** The name an operator at `i` applies to (`intent` in `intent is`), if it is a plain name. */
function subjectBefore(tokens: readonly IToken[], i: number): string | undefined {
  const t = tokens[i - 1];
  return t && (isName(t) || t.image === "procedures" || t.image === "as_of") ? t.image : undefined;
}

/** For `X in {`, `X has any {`, `X has at least 2 of {`: the name X. */
function setSubject(tokens: readonly IToken[], open: number): string | undefined {
  const skip = new Set(["in", "not", "has", "any", "all", "at", "least", "of", "is"]);
  let i = open - 1;
  while (i >= 0 && (skip.has(tokens[i].image) || tokens[i].tokenType.name === "NumberLit") && tokens[i].tokenType.name !== "Identifier") i--;
  return i >= 0 && isName(tokens[i]) ? tokens[i].image : undefined;
}

function codesetContext(tokens: readonly IToken[], open: number): CompletionContext {
  const prev = tokens[tokens.length - 1];
  if (!prev || tokens.length - 1 === open) return { kind: "codeset-entry" };
  // `include a, b` continues after each comma; a system word starts codes.
  for (let i = tokens.length - 1; i > open; i--) {
    const t = tokens[i];
    if (t.image === "include" && t.tokenType.name !== "Identifier") {
      return prev.image === "include" || prev.image === "," ? { kind: "include" } : { kind: "codeset-entry" };
    }
    if (t.tokenType.name === "SystemWord") return prev === t || prev.image === "," ? { kind: "none" } : { kind: "codeset-entry" };
  }
  return { kind: "codeset-entry" };
}

function givenContext(tokens: readonly IToken[], open: number): CompletionContext {
  const prev = tokens[tokens.length - 1];
  const given: string[] = [];
  const level = topLevelIndices(tokens, open);
  for (const i of level) if (isName(tokens[i]) || tokens[i].image === "procedures" || tokens[i].image === "as_of") {
    if (img(tokens[i + 1]) === ":") given.push(tokens[i].image);
  }
  if (prev?.image === ":") {
    const name = tokens[tokens.length - 2];
    return name ? { kind: "given-value", fact: name.image, inList: false } : { kind: "none" };
  }
  if (prev?.tokenType.name === "NumberLit") {
    const name = tokens[tokens.length - 3];
    if (img(tokens[tokens.length - 2]) === ":" && name) return { kind: "unit", subject: name.image, alsoOperators: false };
  }
  if (!prev || tokens.length - 1 === open || endsOperand(prev)) return { kind: "given-entry", given };
  return { kind: "none" };
}
