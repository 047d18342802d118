/**
 * Syntax error messages in the policy author's words ("expected a condition
 * after `if`"), not token names. Chevrotain calls this provider; the rule the
 * parser was in tells us what the author was writing.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

const TOKEN_WORDS: Record<string, string> = {
  Identifier: "a name",
  StringLit: "a quoted text",
  TextBlock: "a text block",
  DateLit: "a date (YYYY-MM-DD)",
  NumberLit: "a number",
  Code: "a code",
  Unit: "a unit",
  SystemWord: "a code system (ICD10, CPT, HCPCS)",
  LBrace: "`{`",
  RBrace: "`}`",
  LParen: "`(`",
  RParen: "`)`",
  LBracket: "`[`",
  RBracket: "`]`",
  Comma: "`,`",
  Colon: "`:`",
  Equals: "`=`",
};

/** What the author was writing when the parser was in this rule. */
const RULE_WORDS: Record<string, string> = {
  file: "`import`, `policy` or `library`",
  importDecl: "an import",
  member: "a declaration (fact, enum, codeset, define, a rule, require, ask, when, test or metadata)",
  body: "a declaration",
  text: "a quoted text",
  metadata: "metadata",
  typeExpr: "a type (bool, number, date, text, an enum name, ICD10, CPT or HCPCS)",
  ruleOutcome: "an outcome (covered, review or not covered)",
  outcomeWord: "an outcome (covered, review, not covered, incomplete or not applicable)",
  expectation: "an outcome, or requires/missing/possible { … }, or rule \"label\"",
  expectItem: "a name or an outcome",
  givenName: "a fact name",
  givenEntry: "a fact and its value (name: value)",
  givenValue: "a value",
  codeList: "a code",
  applicableCodes: "a code",
  applicableCode: "a code",
  includeEntry: "a codeset name",
  setItem: "an enum member or a code",
  setLiteral: "a set member",
  arguments: "a condition",
  expression: "a condition",
  orExpr: "a condition",
  andExpr: "a condition",
  notExpr: "a condition",
  predicate: "a condition",
  additive: "a value",
  multiplicative: "a value",
  primary: "a condition or a value",
  literal: "a value",
};

export function describeToken(t: IToken): string {
  if (t.tokenType === EOF) return "the end of the file";
  return `\`${t.image}\``;
}

export function describeTokenType(t: TokenType): string {
  if (TOKEN_WORDS[t.name]) return TOKEN_WORDS[t.name];
  const pattern = t.PATTERN;
  if (pattern instanceof RegExp) {
    const word = /^[a-z_]+/i.exec(pattern.source);
    if (word) return `\`${word[0]}\``;
  }
  return t.name;
}

const after = (previous: IToken | undefined): string =>
  previous && previous.tokenType !== EOF && previous.image ? ` after \`${previous.image}\`` : "";

export const syntaxErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    const what = expected === EOF ? "the end of the file" : describeTokenType(expected);
    const context = RULE_WORDS[ruleName] && expected.name === "Identifier" ? ` (${RULE_WORDS[ruleName]})` : "";
    return `expected ${what}${context}${after(previous)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}: a file holds imports and then one policy or library`;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    return `expected ${RULE_WORDS[ruleName] ?? "something else"}${after(previous)}, found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage({ actual, previous, ruleName }) {
    return `expected ${RULE_WORDS[ruleName] ?? "at least one item"}${after(previous)}, found ${describeToken(actual[0])}`;
  },
};
