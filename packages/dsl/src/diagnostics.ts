/**
 * One diagnostic shape for every stage (lexer, parser, checker) and every
 * consumer (CLI, language server, formatter). Codes are stable kebab-case
 * strings listed once here, so tests, docs and editors can rely on them.
 */
import type { Span } from "./ast.js";

export type Severity = "error" | "warning" | "info";

/** Every diagnostic code, with its default severity and what it means. */
export const DIAGNOSTIC_CODES = {
  // lexical (§1)
  "unexpected-character": { severity: "error", about: "a character that cannot start any token" },
  "unterminated-string": { severity: "error", about: "a string or text block without its closing quote" },
  "unterminated-comment": { severity: "error", about: "a block comment without `*/`" },
  "invalid-escape": { severity: "error", about: "an escape other than \\\" \\\\ \\n \\u{…} in a string" },
  // syntax (§2–8)
  "syntax-error": { severity: "error", about: "the text does not follow the grammar" },
  "nesting-too-deep": { severity: "error", about: "brackets nested deeper than the parser supports" },
  // names (§2)
  "unknown-name": { severity: "error", about: "a name that no declaration in scope defines" },
  "unknown-enum-member": { severity: "error", about: "a member that the expected enum does not have" },
  "unknown-type": { severity: "error", about: "a type that is neither built in nor an enum" },
  "duplicate-name": { severity: "error", about: "two declarations with one name" },
  "duplicate-member": { severity: "error", about: "two members of one enum with one name" },
  "duplicate-metadata": { severity: "error", about: "a metadata line that may appear once appears again" },
  "duplicate-otherwise": { severity: "error", about: "more than one `otherwise`" },
  "import-not-found": { severity: "error", about: "an import whose file cannot be read" },
  "import-not-library": { severity: "error", about: "an import of a file that holds a policy, not a library" },
  "import-cycle": { severity: "error", about: "files that import each other" },
  "define-cycle": { severity: "error", about: "defines that use each other" },
  "codeset-cycle": { severity: "error", about: "codesets that include each other" },
  "rule-in-library": { severity: "error", about: "a rule, requirement or test inside a library" },
  "missing-policy": { severity: "error", about: "a file with neither policy nor library" },
  "reserved-name": { severity: "error", about: "a declaration named after a built-in value" },
  // types and units (§3, §4)
  "type-mismatch": { severity: "error", about: "an operand of the wrong type" },
  "condition-not-bool": { severity: "error", about: "a condition that is not true/false" },
  "unit-mismatch": { severity: "error", about: "values of different dimensions compared or added" },
  "missing-unit": { severity: "error", about: "a bare number compared with a value that has a unit" },
  "not-a-set": { severity: "error", about: "`has`, `is empty` or `count` on something that is not a set" },
  "mixed-set": { severity: "error", about: "a set literal whose members are of different kinds" },
  "at-least-too-many": { severity: "error", about: "`at least N of` with N larger than its list" },
  "invalid-count": { severity: "error", about: "`at least N` where N is not a whole number" },
  // codes and dates (§1, §3)
  "invalid-code": { severity: "error", about: "a code that does not have its system's format" },
  "invalid-range": { severity: "error", about: "a code range whose ends differ in length or are reversed" },
  "invalid-date": { severity: "error", about: "a date that does not exist in the calendar" },
  "date-order": { severity: "warning", about: "metadata dates in an order that makes no sense" },
  // style and hygiene
  "mixed-and-or": { severity: "warning", about: "`and` and `or` at one level without parentheses" },
  "unused-fact": { severity: "warning", about: "a fact no rule, define or requirement uses" },
  "unused-define": { severity: "warning", about: "a define no rule, define or requirement uses" },
  "unused-codeset": { severity: "warning", about: "a codeset nothing uses" },
  "missing-otherwise": { severity: "info", about: "no `otherwise`: the default `otherwise not covered` applies" },
  // tests (§8)
  "unknown-requirement": { severity: "error", about: "a test or document list names a requirement that does not exist" },
  "invalid-given": { severity: "error", about: "a `given` value that does not fit its fact" },
} as const satisfies Record<string, { severity: Severity; about: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A text edit that a code action can apply. */
export interface Suggestion {
  /** What the fix does, shown as the code action's title: "Replace with `intent`". */
  title: string;
  span: Span;
  replacement: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  /** Absolute path of the file the span is in (unset for in-memory text). */
  file?: string;
  suggestion?: Suggestion;
  /** Other places that matter (e.g. the first declaration of a duplicate name). */
  related?: { message: string; span: Span; file?: string }[];
}

/** Build a diagnostic with the code's default severity. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  span: Span,
  extra: Partial<Pick<Diagnostic, "suggestion" | "related" | "file" | "severity">> = {},
): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, message, span, ...extra };
}

/** `file:line:col: severity: message [code]` — the format of `pol check`. */
export function formatDiagnostic(d: Diagnostic, displayPath = d.file ?? "<input>"): string {
  const hint = d.suggestion ? ` (${d.suggestion.title})` : "";
  return `${displayPath}:${d.span.start.line}:${d.span.start.column}: ${d.severity}: ${d.message}${hint} [${d.code}]`;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");
