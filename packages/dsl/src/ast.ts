/**
 * The syntax tree of a `.pol` file (LANGUAGE.md §1–8).
 *
 * Every node is a plain object with a literal `kind` and a `span`. Nothing here
 * is resolved: names are strings, units are words as written, codes are text.
 * The checker (checker.ts) turns a set of these trees into a checked model.
 * Comparisons of trees must ignore `span` (see `stripSpans` in tree-utils.ts).
 */

/** A point in a source file. `line` and `column` are 1-based; `offset` is 0-based. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A half-open source range: `end` is the position just after the last character. */
export interface Span {
  start: Position;
  end: Position;
}

export type CodeSystem = "ICD10" | "CPT" | "HCPCS";
export const CODE_SYSTEMS: readonly CodeSystem[] = ["ICD10", "CPT", "HCPCS"];

/** The three decisions a rule can reach (§5). */
export type RuleOutcome = "covered" | "review" | "not_covered";
/** Every outcome a decision can have (§5). */
export type Outcome = RuleOutcome | "incomplete" | "not_applicable";

// ───────────────────────────── leaves ─────────────────────────────

export interface Identifier {
  kind: "identifier";
  name: string;
  span: Span;
}

export interface StringLiteral {
  kind: "string";
  /** The text with escapes decoded (and, for text blocks, common indentation removed). */
  value: string;
  /** The source text, quotes included, so the formatter can keep the author's choice. */
  raw: string;
  /** `"""…"""` */
  block: boolean;
  span: Span;
}

export interface UnitWord {
  kind: "unit";
  /** As written: `years`, `year`, `%`, `kg/m2`. The canonical unit comes from units.ts. */
  name: string;
  span: Span;
}

export interface NumberLiteral {
  kind: "number";
  value: number;
  /** As written (`2.50` stays `2.50`). */
  raw: string;
  unit?: UnitWord;
  span: Span;
}

export interface DateLiteral {
  kind: "date";
  /** `YYYY-MM-DD` as written; validity is the checker's business. */
  raw: string;
  span: Span;
}

export interface BoolLiteral {
  kind: "bool";
  value: boolean;
  span: Span;
}

/**
 * A clinical code after its system word: `ICD10 C71.9`, or a range `ICD10 C70-C72`.
 * `system` is inherited from the system word that opened the list.
 */
export interface CodeLiteral {
  kind: "code";
  system: CodeSystem;
  /** First code (or the code) exactly as written. */
  code: string;
  /** Upper end of a range, as written. */
  rangeEnd?: string;
  span: Span;
}

// ──────────────────────────── expressions ─────────────────────────

export interface NameRef {
  kind: "name";
  /** A fact, define, codeset, enum member, or the built-ins `as_of` / `procedures`. */
  name: string;
  span: Span;
}

export interface SetLiteral {
  kind: "set";
  /** Enum members (as `name`) or codes. */
  items: Expression[];
  span: Span;
}

export interface ParenExpr {
  kind: "paren";
  inner: Expression;
  span: Span;
}

/** `a and b and c` / `a or b` — a chain of one operator, kept flat. */
export interface LogicalExpr {
  kind: "logical";
  op: "and" | "or";
  operands: Expression[];
  span: Span;
}

export interface NotExpr {
  kind: "not";
  operand: Expression;
  span: Span;
}

/** `all(…)`, `any(…)`, `none(…)` */
export interface CombinatorExpr {
  kind: "combinator";
  fn: "all" | "any" | "none";
  args: Expression[];
  span: Span;
}

/** `at least N of (a, b, …)` */
export interface AtLeastExpr {
  kind: "at-least";
  count: NumberLiteral;
  args: Expression[];
  span: Span;
}

/** `x is v`, `x is not v` */
export interface IsExpr {
  kind: "is";
  negated: boolean;
  left: Expression;
  right: Expression;
  span: Span;
}

/** `x is known`, `x is unknown`, `x is not known` */
export interface KnownExpr {
  kind: "known";
  /** true for `is known`, false for `is unknown` / `is not known`. */
  known: boolean;
  operand: Expression;
  /** `is not known` rather than `is unknown`: only the formatter cares. */
  writtenNot: boolean;
  span: Span;
}

/** `X is empty`, `X is not empty` */
export interface EmptyExpr {
  kind: "empty";
  negated: boolean;
  operand: Expression;
  span: Span;
}

export interface CompareExpr {
  kind: "compare";
  op: "<" | "<=" | ">" | ">=";
  left: Expression;
  right: Expression;
  span: Span;
}

/** `x in S`, `x not in S` */
export interface InExpr {
  kind: "in";
  negated: boolean;
  element: Expression;
  set: Expression;
  span: Span;
}

/**
 * `X has v` (quantifier `one`), `X has any S`, `X has all S`,
 * `X has at least N of S`.
 */
export interface HasExpr {
  kind: "has";
  quantifier: "one" | "any" | "all" | "at-least";
  subject: Expression;
  value: Expression;
  count?: NumberLiteral;
  span: Span;
}

export interface CountExpr {
  kind: "count";
  operand: Expression;
  span: Span;
}

export interface ArithmeticExpr {
  kind: "arithmetic";
  op: "+" | "-" | "*" | "/";
  left: Expression;
  right: Expression;
  span: Span;
}

/** What the parser puts where it recovered from a syntax error. */
export interface ErrorExpr {
  kind: "error-expr";
  span: Span;
}

export type Literal = BoolLiteral | NumberLiteral | DateLiteral | StringLiteral | CodeLiteral;

export type Expression =
  | Literal
  | NameRef
  | SetLiteral
  | ParenExpr
  | LogicalExpr
  | NotExpr
  | CombinatorExpr
  | AtLeastExpr
  | IsExpr
  | KnownExpr
  | EmptyExpr
  | CompareExpr
  | InExpr
  | HasExpr
  | CountExpr
  | ArithmeticExpr
  | ErrorExpr;

// ───────────────────────────── types ──────────────────────────────

export type PrimitiveTypeName = "bool" | "number" | "date" | "text";

export interface PrimitiveType {
  kind: "primitive-type";
  name: PrimitiveTypeName;
  /** Only for `number`. */
  unit?: UnitWord;
  span: Span;
}

export interface CodeType {
  kind: "code-type";
  system: CodeSystem;
  span: Span;
}

export interface EnumTypeRef {
  kind: "enum-type";
  name: Identifier;
  span: Span;
}

export interface TypeExpr {
  kind: "type";
  /** `set of …` */
  set: boolean;
  element: PrimitiveType | CodeType | EnumTypeRef;
  span: Span;
}

// ─────────────────────────── declarations ─────────────────────────

interface Documented {
  /** Text of the `///` comments right before the declaration, one line each, prefix removed. */
  doc?: string;
}

export interface EnumMember extends Documented {
  kind: "enum-member";
  name: Identifier;
  label?: StringLiteral;
  span: Span;
}

export interface EnumDecl extends Documented {
  kind: "enum";
  name: Identifier;
  label?: StringLiteral;
  members: EnumMember[];
  span: Span;
}

export interface FactDecl extends Documented {
  kind: "fact";
  name: Identifier;
  type: TypeExpr;
  label?: StringLiteral;
  span: Span;
}

/** `ICD10 C70-C72, D32-D33` inside a codeset: one system word and its codes. */
export interface CodeListEntry {
  kind: "code-list";
  system: CodeSystem;
  codes: CodeLiteral[];
  span: Span;
}

/** `include cns, head_and_neck` */
export interface IncludeEntry {
  kind: "include";
  names: Identifier[];
  span: Span;
}

export interface CodesetDecl extends Documented {
  kind: "codeset";
  name: Identifier;
  label?: StringLiteral;
  entries: (CodeListEntry | IncludeEntry)[];
  span: Span;
}

/** `CPT 77385 "description"` in `applies to`. */
export interface ApplicableCode extends Documented {
  kind: "applicable-code";
  code: CodeLiteral;
  description?: StringLiteral;
  span: Span;
}

export interface AppliesToDecl extends Documented {
  kind: "applies-to";
  codes: ApplicableCode[];
  span: Span;
}

export interface DefineDecl extends Documented {
  kind: "define";
  name: Identifier;
  label?: StringLiteral;
  value: Expression;
  span: Span;
}

export interface RuleDecl extends Documented {
  kind: "rule";
  outcome: RuleOutcome;
  label?: StringLiteral;
  condition: Expression;
  span: Span;
}

export interface OtherwiseDecl extends Documented {
  kind: "otherwise";
  outcome: RuleOutcome;
  span: Span;
}

export interface RequireDecl extends Documented {
  kind: "require";
  name: Identifier;
  text: StringLiteral;
  when?: Expression;
  span: Span;
}

export interface AskDecl extends Documented {
  kind: "ask";
  name: Identifier;
  type: TypeExpr;
  text: StringLiteral;
  when?: Expression;
  span: Span;
}

export interface WhenBlock extends Documented {
  kind: "when";
  condition: Expression;
  members: Requirement[];
  span: Span;
}

export type Requirement = RequireDecl | AskDecl | WhenBlock;

// metadata (§7)

export interface IdMeta { kind: "meta-id"; value: StringLiteral; span: Span }
export interface EffectiveMeta { kind: "meta-effective"; date: DateLiteral; span: Span }
export interface ApprovedMeta { kind: "meta-approved"; date: DateLiteral; by?: StringLiteral; span: Span }
export interface ReplacesMeta { kind: "meta-replaces"; date: DateLiteral; span: Span }
export interface PlansMeta { kind: "meta-plans"; plans: StringLiteral[]; span: Span }
export interface RevisionMeta {
  kind: "meta-revision";
  date: DateLiteral;
  summary: StringLiteral;
  by?: StringLiteral;
  span: Span;
}
export interface CiteMeta { kind: "meta-cite"; text: StringLiteral; span: Span }
export interface SectionMeta { kind: "meta-section"; title: StringLiteral; body: StringLiteral; span: Span }

export type Metadata =
  | IdMeta
  | EffectiveMeta
  | ApprovedMeta
  | ReplacesMeta
  | PlansMeta
  | RevisionMeta
  | CiteMeta
  | SectionMeta;

// tests (§8)

/** A value in a `given` block: a literal, an enum member (as a name), or a `[…]` list. */
export type GivenValue = Literal | NameRef | GivenList;

export interface GivenList {
  kind: "given-list";
  items: GivenValue[];
  span: Span;
}

export interface GivenEntry {
  kind: "given-entry";
  /** A fact, or `procedures`, `documents`, `as_of`. */
  name: Identifier;
  value: GivenValue;
  span: Span;
}

export interface ExpectOutcome { kind: "expect-outcome"; outcome: Outcome; span: Span }
export interface ExpectRequires { kind: "expect-requires"; names: Identifier[]; span: Span }
export interface ExpectMissing { kind: "expect-missing"; names: Identifier[]; span: Span }
export interface ExpectPossible {
  kind: "expect-possible";
  outcomes: { outcome: Outcome; span: Span }[];
  span: Span;
}
export interface ExpectRule { kind: "expect-rule"; label: StringLiteral; span: Span }

export type Expectation = ExpectOutcome | ExpectRequires | ExpectMissing | ExpectPossible | ExpectRule;

export interface TestDecl extends Documented {
  kind: "test";
  name: StringLiteral;
  given: GivenEntry[];
  expectations: Expectation[];
  span: Span;
}

export type Declaration =
  | EnumDecl
  | FactDecl
  | CodesetDecl
  | AppliesToDecl
  | DefineDecl
  | RuleDecl
  | OtherwiseDecl
  | RequireDecl
  | AskDecl
  | WhenBlock
  | TestDecl;

export type Member = Declaration | Metadata;

export interface PolicyDecl extends Documented {
  kind: "policy";
  name: Identifier;
  title?: StringLiteral;
  members: Member[];
  span: Span;
}

export interface LibraryDecl extends Documented {
  kind: "library";
  name: Identifier;
  title?: StringLiteral;
  members: Member[];
  span: Span;
}

export interface ImportDecl {
  kind: "import";
  path: StringLiteral;
  span: Span;
}

export interface Comment {
  kind: "comment";
  style: "line" | "block" | "doc";
  /** The whole comment as written, markers included. */
  text: string;
  span: Span;
}

export interface SourceFile {
  kind: "file";
  imports: ImportDecl[];
  /** Absent when the file is empty or too broken to find one. */
  unit?: PolicyDecl | LibraryDecl;
  /** Every comment in source order (doc comments too): the formatter re-attaches them. */
  comments: Comment[];
  span: Span;
}

export type Node =
  | SourceFile
  | ImportDecl
  | PolicyDecl
  | LibraryDecl
  | Member
  | EnumMember
  | CodeListEntry
  | IncludeEntry
  | ApplicableCode
  | TypeExpr
  | PrimitiveType
  | CodeType
  | EnumTypeRef
  | Expression
  | GivenEntry
  | GivenList
  | Expectation
  | Identifier
  | UnitWord
  | Comment;
