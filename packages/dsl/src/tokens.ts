/**
 * Tokens of Pol (LANGUAGE.md §1) and the one ordered list the lexer uses.
 *
 * Three tokens are context-sensitive and use custom matchers that look at the
 * tokens already matched, instead of lexer modes:
 * - a code (`C71.9`, `C70-C72`) is read only after a code-system word, or after
 *   a comma that follows a code, so `ICD10 61C` is one (invalid) code for the
 *   checker to report, not a syntax error;
 * - a unit is read only right after a number or after the `number` type word,
 *   so `at least 2 of` never reads `of` as a unit and `kg/m2` is never a division.
 */
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\uFEFF]+/, group: Lexer.SKIPPED });
// Doc comments before line comments: `///` would otherwise lex as `//`.
export const DocComment = createToken({ name: "DocComment", pattern: /\/\/\/[^\n\r]*/, group: "comments" });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: "comments",
  line_breaks: true,
});

export const TextBlock = createToken({ name: "TextBlock", pattern: /"""[\s\S]*?"""/, line_breaks: true });
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\\r\n]|\\.)*"/ });

/**
 * Unclosed strings and comments are lexed whole into a group of their own, so
 * the parse reports one clear error instead of a cascade from their contents.
 */
export const UnclosedComment = createToken({ name: "UnclosedComment", pattern: /\/\*[\s\S]*/, group: "unclosed", line_breaks: true });
export const UnclosedTextBlock = createToken({ name: "UnclosedTextBlock", pattern: /"""[\s\S]*/, group: "unclosed", line_breaks: true });
export const UnclosedString = createToken({ name: "UnclosedString", pattern: /"(?:[^"\\\r\n]|\\.)*/, group: "unclosed" });

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

const keyword = (word: string, name = word[0].toUpperCase() + word.slice(1)): TokenType =>
  createToken({ name, pattern: new RegExp(`${word}(?![A-Za-z0-9_])`), longer_alt: Identifier });

// Reserved words (§1). Each uses `longer_alt: Identifier` and a word-boundary
// look-ahead so `covered_sites` or `anything` stay identifiers.
export const Policy = keyword("policy");
export const Library = keyword("library");
export const Import = keyword("import");
export const Enum = keyword("enum");
export const Fact = keyword("fact");
export const Define = keyword("define");
export const Codeset = keyword("codeset");
export const Applies = keyword("applies");
export const To = keyword("to");
export const Covered = keyword("covered");
export const Not = keyword("not");
export const Review = keyword("review");
export const If = keyword("if");
export const Otherwise = keyword("otherwise");
export const When = keyword("when");
export const Require = keyword("require");
export const Ask = keyword("ask");
export const Test = keyword("test");
export const Given = keyword("given");
export const Expect = keyword("expect");
export const All = keyword("all");
export const Any = keyword("any");
export const None = keyword("none");
export const Count = keyword("count");
export const At = keyword("at");
export const Least = keyword("least");
export const Of = keyword("of");
export const And = keyword("and");
export const Or = keyword("or");
export const Is = keyword("is");
export const In = keyword("in");
export const Has = keyword("has");
export const Known = keyword("known");
export const Unknown = keyword("unknown");
export const Empty = keyword("empty");
export const True = keyword("true");
export const False = keyword("false");
export const SetKw = keyword("set", "SetKw");
export const BoolKw = keyword("bool", "BoolKw");
export const NumberKw = keyword("number", "NumberKw");
export const DateKw = keyword("date", "DateKw");
export const TextKw = keyword("text", "TextKw");
export const Include = keyword("include");
export const AsOf = keyword("as_of", "AsOf");
export const Procedures = keyword("procedures");

/** `ICD10`, `CPT`, `HCPCS`: they open a list of codes. */
export const SystemWord = createToken({
  name: "SystemWord",
  pattern: /(?:ICD10|CPT|HCPCS)(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
});

const previousToken = (matched: IToken[]): IToken | undefined => matched[matched.length - 1];

/** A code right after a system word: permissive; the checker validates its format (§1). */
const codeAfterSystem = /[A-Z0-9][A-Z0-9.]*(?:-[A-Z0-9][A-Z0-9.]*)?/y;
/**
 * A code after a comma that follows a code: it must also contain a digit and end
 * at a word boundary, so `all(diagnoses has ICD10 C50, ECOG_known)` keeps its name.
 */
const codeAfterComma = /[A-Z0-9][A-Z0-9.]*(?:-[A-Z0-9][A-Z0-9.]*)?(?![A-Za-z0-9_])/y;

function matchCode(text: string, offset: number, matched: IToken[]): RegExpExecArray | null {
  const prev = previousToken(matched);
  if (!prev) return null;
  const afterSystem = prev.tokenType === SystemWord;
  const beforeComma = matched[matched.length - 2];
  // `applies to` lists continue after a description too: `CPT 77386 "…", 77387`.
  const afterComma =
    prev.tokenType === Comma &&
    (beforeComma?.tokenType === Code ||
      (beforeComma?.tokenType === StringLit && matched[matched.length - 3]?.tokenType === Code));
  if (!afterSystem && !afterComma) return null;
  const pattern = afterSystem ? codeAfterSystem : codeAfterComma;
  pattern.lastIndex = offset;
  const m = pattern.exec(text);
  // After a comma a new system word may start a new run: `[ICD10 C61, CPT 77385]`.
  if (!m || (afterComma && (!/[0-9]/.test(m[0]) || /^(?:ICD10|CPT|HCPCS)$/.test(m[0])))) return null;
  return m;
}

export const Code = createToken({
  name: "Code",
  pattern: { exec: matchCode },
  line_breaks: false,
  start_chars_hint: [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"],
});

/** Units of §3, longest spelling first so `kg/m2` wins over `kg` and `mmHg` over `mm`. */
export const UNIT_WORDS = [
  "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month", "years", "year",
  "mmHg", "mm", "cm", "cGy", "Gy", "fractions", "fraction", "percent", "%", "kg/m2", "kg", "degrees", "degree",
] as const;
const unitPattern = new RegExp(
  `(?:${[...UNIT_WORDS].sort((a, b) => b.length - a.length).map((u) => u.replace("/", "\\/")).join("|")})(?![A-Za-z0-9_])`,
  "y",
);

function matchUnit(text: string, offset: number, matched: IToken[]): RegExpExecArray | null {
  const prev = previousToken(matched);
  if (!prev || (prev.tokenType !== NumberLit && prev.tokenType !== NumberKw)) return null;
  unitPattern.lastIndex = offset;
  return unitPattern.exec(text);
}

export const Unit = createToken({
  name: "Unit",
  pattern: { exec: matchUnit },
  line_breaks: false,
  start_chars_hint: ["m", "h", "d", "w", "y", "c", "G", "f", "p", "%", "k"],
});

// Dates before numbers: `2025-10-01` must not lex as 2025, -, 10, -, 01.
export const DateLit = createToken({ name: "DateLit", pattern: /\d{4}-\d{2}-\d{2}(?![0-9])/ });
export const NumberLit = createToken({ name: "NumberLit", pattern: /\d+(?:\.\d+)?/ });

export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const LessEq = createToken({ name: "LessEq", pattern: /<=/ });
export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });

export const KEYWORDS: TokenType[] = [
  Policy, Library, Import, Enum, Fact, Define, Codeset, Applies, To, Covered, Not, Review, If, Otherwise,
  When, Require, Ask, Test, Given, Expect, All, Any, None, Count, At, Least, Of, And, Or, Is, In, Has,
  Known, Unknown, Empty, True, False, SetKw, BoolKw, NumberKw, DateKw, TextKw, Include, AsOf, Procedures,
];

/**
 * The lexer tries tokens in this order; the first match wins. Order matters:
 * - comments before `/` (division);
 * - context tokens (codes, units) before identifiers and keywords, because a
 *   code such as `C50` or a unit such as `days` would otherwise lex as a name;
 * - system words and keywords before identifiers (with `longer_alt` so a longer
 *   identifier that starts with a keyword still wins);
 * - text blocks before strings, dates before numbers, `<=` before `<`.
 */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  BlockComment,
  UnclosedComment,
  TextBlock,
  UnclosedTextBlock,
  StringLit,
  UnclosedString,
  Code,
  Unit,
  SystemWord,
  ...KEYWORDS,
  Identifier,
  DateLit,
  NumberLit,
  LBrace, RBrace, LParen, RParen, LBracket, RBracket, Comma, Colon,
  LessEq, GreaterEq, Less, Greater, Equals, Plus, Minus, Star, Slash,
];

export const polLexer = new Lexer(ALL_TOKENS, {
  positionTracking: "full",
  ensureOptimizations: false,
  recoveryEnabled: true,
});

/** Metadata words (§7): keywords only at the start of a metadata line, names elsewhere. */
export const METADATA_WORDS = ["id", "effective", "approved", "replaces", "plans", "revision", "cite", "section"] as const;
export type MetadataWord = (typeof METADATA_WORDS)[number];

/** Every reserved word, for the checker ("`set` is reserved") and editor completion. */
export const RESERVED_WORDS: readonly string[] = KEYWORDS.map((t) => {
  const src = (t.PATTERN as RegExp).source;
  return src.slice(0, src.indexOf("("));
});
