/**
 * The checked model: what the checker (checker.ts) knows about one policy or
 * library once names are resolved and types and units are known. Every back
 * end (evaluator, TypeScript emitter, renderer, diff) and the language server
 * read this, never raw text.
 *
 * The model is built even when there are errors (the editor needs it for
 * half-typed text); back ends must only run on a model without errors.
 */
import type * as A from "./ast.js";
import type { Dimension } from "./semantics/units.js";

export type PolType =
  | { kind: "bool" }
  /** `dimension` absent: a plain number. `unit`: the declared unit of a fact (canonical name), if any. */
  | { kind: "number"; dimension?: Dimension; unit?: string }
  | { kind: "date" }
  | { kind: "text" }
  | { kind: "enum"; name: string }
  /** `procedure` is the element type of the built-in `procedures`: CPT or HCPCS, told apart by format. */
  | { kind: "code"; system: A.CodeSystem | "procedure" }
  | { kind: "set"; element: PolType }
  /** A named codeset, or a set literal of codes. */
  | { kind: "codeset"; system: A.CodeSystem | "procedure" }
  /** The type of something already reported as wrong: it matches everything, so errors do not cascade. */
  | { kind: "error" };

interface SymbolBase {
  name: string;
  /** Label text, if the author gave one. */
  label?: string;
  doc?: string;
  /** Absolute path of the file that declares it. */
  file: string;
}

export interface FactSymbol extends SymbolBase {
  kind: "fact";
  type: PolType;
  /** An `ask` is also a fact (§6). */
  decl: A.FactDecl | A.AskDecl;
}

export interface EnumMemberSymbol extends SymbolBase {
  kind: "enum-member";
  enumName: string;
  decl: A.EnumMember;
}

export interface EnumSymbol extends SymbolBase {
  kind: "enum";
  members: Map<string, EnumMemberSymbol>;
  decl: A.EnumDecl;
}

/** One entry of a codeset after includes are flattened, normalized (no dot, upper case). */
export interface CodeEntry {
  system: A.CodeSystem;
  code: string;
  rangeEnd?: string;
  /** The literal it came from (in this or an included codeset). */
  source: A.CodeLiteral;
}

export interface CodesetSymbol extends SymbolBase {
  kind: "codeset";
  /** The one system of its codes; undefined when empty or mixed (mixing is reported). */
  system?: A.CodeSystem;
  /** Own codes and those of included codesets, in source order, without duplicates. */
  entries: CodeEntry[];
  /** Names of codesets it includes directly. */
  includes: string[];
  decl: A.CodesetDecl;
}

export interface DefineSymbol extends SymbolBase {
  kind: "define";
  type: PolType;
  value: A.Expression;
  decl: A.DefineDecl;
}

export interface BuiltinSymbol {
  kind: "builtin";
  name: "as_of" | "procedures";
  type: PolType;
}

/** What a name in an expression refers to. */
export type Resolved = FactSymbol | DefineSymbol | CodesetSymbol | EnumMemberSymbol | BuiltinSymbol;

export interface RuleModel {
  outcome: A.RuleOutcome;
  /** The author's label, or a generated one ("covered rule at line 12") so decisions can always name it. */
  label: string;
  condition: A.Expression;
  decl: A.RuleDecl;
  /** Position in the file among all rules (0-based): "first true rule in file order" (§5). */
  index: number;
}

export interface RequirementModel {
  /** `document` for `require`, `question` for `ask` (§9 `kind`). */
  kind: "document" | "question";
  id: string;
  text: string;
  /** Conditions from the enclosing `when` blocks (outermost first) and its own `when`; all must hold. */
  conditions: A.Expression[];
  /** For questions: the type of the answer. */
  type?: PolType;
  decl: A.RequireDecl | A.AskDecl;
}

export interface ApplicableCodeModel {
  system: A.CodeSystem;
  /** Normalized. */
  code: string;
  description?: string;
  decl: A.ApplicableCode;
}

export interface Metadata {
  id?: string;
  effective?: string;
  approved?: string;
  approvedBy?: string;
  replaces?: string;
  plans: string[];
  revisions: { date: string; summary: string; by?: string }[];
  cites: string[];
  sections: { title: string; body: string }[];
}

export interface PolicyModel {
  kind: "policy" | "library";
  name: string;
  title?: string;
  doc?: string;
  /** Absolute path of the policy's own file. */
  file: string;
  decl: A.PolicyDecl | A.LibraryDecl;
  metadata: Metadata;
  /** §9: the `approved` date, else the `effective` date. */
  version?: string;
  /** Declarations of this file and its imports, in declaration order (imports first). */
  enums: Map<string, EnumSymbol>;
  facts: Map<string, FactSymbol>;
  codesets: Map<string, CodesetSymbol>;
  /** In an order where every define comes after the defines it uses. */
  defines: Map<string, DefineSymbol>;
  rules: RuleModel[];
  /** `otherwise` outcome; `not_covered` when the policy has none (§5). */
  otherwise: A.RuleOutcome;
  /** Undefined when the policy has no `applies to` (then every request is applicable). */
  appliesTo?: ApplicableCodeModel[];
  requirements: RequirementModel[];
  tests: A.TestDecl[];
  /** What each name in every expression refers to (unresolved names are absent). */
  names: Map<A.NameRef, Resolved>;
  /** The type of every expression node the checker visited. */
  types: Map<A.Expression, PolType>;
  /** Every file of the program (the policy's and its imports'), absolute paths. */
  files: string[];
}

export function typeToString(t: PolType): string {
  switch (t.kind) {
    case "number":
      return t.unit ? `number ${t.unit}` : t.dimension ? `number (${t.dimension})` : "number";
    case "enum":
      return t.name;
    case "code":
      return t.system === "procedure" ? "CPT/HCPCS code" : `${t.system} code`;
    case "set":
      return `set of ${typeToString(t.element)}`;
    case "codeset":
      return t.system === "procedure" ? "codeset" : `${t.system} codeset`;
    default:
      return t.kind;
  }
}
