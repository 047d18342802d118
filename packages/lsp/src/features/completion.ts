/**
 * Completion that knows where it is: declaration words at the start of a
 * member, facts and defines in conditions, the members of the right enum
 * after `is`/`in`, codesets after `has any`/`has all`, units of the right
 * dimension after a number, fact names at the start of a `given` entry.
 */
import { lookupUnit, UNIT_NAMES, type PolType, type PolicyModel } from "@pol/dsl";
import { CompletionItemKind, type CompletionItem, type Position } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import { completionContext, countBefore, type CompletionContext } from "../completion-context.js";
import { typeText } from "../describe.js";
import { typeToString } from "@pol/dsl";

const POLICY_STATEMENTS = ["fact", "enum", "define", "codeset", "applies to", "covered", "not covered", "review", "otherwise", "require", "ask", "when", "test"];
const LIBRARY_STATEMENTS = ["fact", "enum", "define", "codeset"];
const WHEN_STATEMENTS = ["require", "ask", "when"];
const METADATA_STATEMENTS = ["id", "effective", "approved", "replaces", "plans", "revision", "cite", "section"];
const OPERAND_WORDS = ["not", "all", "any", "none", "at least", "count", "true", "false"];
const OPERATOR_WORDS = ["and", "or", "is", "is not", "in", "not in", "has", "has any", "has all"];
const TEST_OUTCOMES = ["covered", "not covered", "review", "incomplete", "not applicable"];
const PRIMITIVE_TYPES = ["bool", "number", "date", "text"];
const CODE_SYSTEMS = ["ICD10", "CPT", "HCPCS"];

/** The completion items that fit at `position`, ranked for the context; none inside comments and strings. */
export function completion(a: DocumentAnalysis, position: Position): CompletionItem[] {
  const offset = a.document.offsetAt(position);
  if (insideCommentOrText(a, offset)) return [];
  const ctx = completionContext(a.parsed.tokens, offset, position.line + 1);
  return itemsFor(ctx, a.model, a);
}

function itemsFor(ctx: CompletionContext, m: PolicyModel | undefined, a: DocumentAnalysis): CompletionItem[] {
  switch (ctx.kind) {
    case "none":
      return [];
    case "top":
      return keywords(a.parsed.file.unit ? ["import"] : ["import", "policy", "library"]);
    case "statement":
      return statementItems(ctx.block, a);
    case "type":
      return [
        ...keywords(ctx.afterSetOf ? PRIMITIVE_TYPES : [...PRIMITIVE_TYPES, "set of"]),
        ...keywords(CODE_SYSTEMS, CompletionItemKind.TypeParameter),
        ...[...(m?.enums.values() ?? [])].map((e) => item(e.name, CompletionItemKind.Enum, "enum", e.label)),
      ];
    case "unit":
      return [...unitItems(subjectType(m, ctx.subject)), ...(ctx.alsoOperators ? keywords(OPERATOR_WORDS) : [])];
    case "operand":
      return operandItems(m);
    case "after-not":
      return [...operandItems(m).filter((i) => i.label !== "not" && i.label !== "true" && i.label !== "false")];
    case "operator": {
      const operatorRank = ctx.newLine ? "y" : "n";
      return [
        ...keywords(OPERATOR_WORDS, CompletionItemKind.Keyword, operatorRank),
        ...(isSetType(subjectType(m, ctx.subject)) ? keywords(["is empty", "is not empty"], CompletionItemKind.Keyword, operatorRank) : []),
        ...(ctx.statementToo ? statementItems(ctx.statementToo, a, ctx.newLine ? "b" : "z") : []),
      ];
    }
    case "after-is": {
      const t = subjectType(m, ctx.subject);
      return [
        ...memberItems(m, enumOf(t)),
        ...(t?.kind === "bool" ? keywords(["true", "false"]) : []),
        ...keywords(ctx.negated ? ["known", "empty"] : ["not", "known", "unknown", "empty"], CompletionItemKind.Keyword, "z"),
      ];
    }
    case "after-in": {
      const t = subjectType(m, ctx.subject);
      const e = enumOf(t);
      if (e) return [...setDefines(m, e), ...keywords(["{"], CompletionItemKind.Operator)];
      return codesetItems(m, systemOf(t));
    }
    case "after-has": {
      const t = subjectType(m, ctx.subject);
      const e = enumOf(t);
      return [
        ...keywords(["any", "all", "at least"]),
        ...(e ? memberItems(m, e) : keywords(systemOf(t) ? [systemOf(t)!] : CODE_SYSTEMS, CompletionItemKind.TypeParameter)),
      ];
    }
    case "after-has-quantifier": {
      const t = subjectType(m, ctx.subject);
      const e = enumOf(t);
      return e ? setDefines(m, e) : codesetItems(m, systemOf(t));
    }
    case "set-members":
      return memberItems(m, enumOf(subjectType(m, ctx.subject)));
    case "keywords":
      return keywords(ctx.words);
    case "codeset-entry":
      return keywords(["include", ...CODE_SYSTEMS]);
    case "include":
      return codesetItems(m, undefined);
    case "applies-entry":
      return keywords(["CPT", "HCPCS"], CompletionItemKind.TypeParameter);
    case "test-statement":
      return keywords(["given", "expect"]);
    case "expect":
      return [...keywords(TEST_OUTCOMES, CompletionItemKind.EnumMember), ...keywords(["requires", "missing", "possible", "rule"])];
    case "given-entry": {
      const given = new Set(ctx.given);
      const facts = [...(m?.facts.values() ?? [])]
        .filter((f) => !given.has(f.name))
        .map((f) => item(f.name, CompletionItemKind.Field, typeText(f.decl.type), f.label ?? (f.decl.kind === "ask" ? f.decl.text.value : undefined)));
      const builtins = ["procedures", "documents", "as_of"].filter((b) => !given.has(b)).map((b) => item(b, CompletionItemKind.Field, "built in", undefined, "y"));
      return [...facts, ...builtins];
    }
    case "given-value":
      return givenValueItems(m, ctx.fact, ctx.inList);
    case "expect-list":
      if (ctx.list === "possible") return keywords(["covered", "not covered", "review"], CompletionItemKind.EnumMember);
      if (ctx.list === "missing") return factItems(m);
      return requirementItems(m);
  }
}

function statementItems(block: "policy" | "library" | "when", a: DocumentAnalysis, sortPrefix = "b"): CompletionItem[] {
  const words = block === "when" ? WHEN_STATEMENTS : block === "library" ? LIBRARY_STATEMENTS : POLICY_STATEMENTS;
  const meta = block === "policy" && a.parsed.file.unit?.kind !== "library" ? METADATA_STATEMENTS : [];
  return [...keywords(words, CompletionItemKind.Keyword, sortPrefix), ...keywords(meta, CompletionItemKind.Property, sortPrefix + "z")];
}

function operandItems(m: PolicyModel | undefined): CompletionItem[] {
  return [
    ...factItems(m),
    ...[...(m?.defines.values() ?? [])].map((d) => item(d.name, CompletionItemKind.Function, typeToString(d.type), d.label)),
    item("as_of", CompletionItemKind.Variable, "date", "The case's reference date", "y"),
    item("procedures", CompletionItemKind.Variable, "set of CPT/HCPCS code", "The procedure codes of the request", "y"),
    ...keywords(OPERAND_WORDS, CompletionItemKind.Keyword, "z"),
  ];
}

function factItems(m: PolicyModel | undefined): CompletionItem[] {
  return [...(m?.facts.values() ?? [])].map((f) =>
    item(f.name, CompletionItemKind.Variable, typeText(f.decl.type), f.label ?? (f.decl.kind === "ask" ? f.decl.text.value : undefined)),
  );
}

function requirementItems(m: PolicyModel | undefined): CompletionItem[] {
  return (m?.requirements ?? []).map((r) => item(r.id, r.kind === "question" ? CompletionItemKind.Field : CompletionItemKind.Property, r.kind, r.text));
}

function memberItems(m: PolicyModel | undefined, enumName: string | undefined): CompletionItem[] {
  const e = enumName ? m?.enums.get(enumName) : undefined;
  return [...(e?.members.values() ?? [])].map((x) => item(x.name, CompletionItemKind.EnumMember, e!.name, x.label, "a"));
}

function setDefines(m: PolicyModel | undefined, enumName: string): CompletionItem[] {
  return [...(m?.defines.values() ?? [])]
    .filter((d) => d.type.kind === "set" && d.type.element.kind === "enum" && d.type.element.name === enumName)
    .map((d) => item(d.name, CompletionItemKind.Function, typeToString(d.type), d.label));
}

function codesetItems(m: PolicyModel | undefined, system: string | undefined): CompletionItem[] {
  return [...(m?.codesets.values() ?? [])]
    .filter((c) => !system || system === "procedure" || !c.system || c.system === system)
    .map((c) => item(c.name, CompletionItemKind.Constant, c.system ? `${c.system} codeset` : "codeset", c.label));
}

function givenValueItems(m: PolicyModel | undefined, fact: string, inList: boolean): CompletionItem[] {
  if (fact === "documents") return inList ? requirementItems(m).filter((r) => r.kind === CompletionItemKind.Property) : keywords(["["], CompletionItemKind.Operator);
  if (fact === "procedures") return inList ? keywords(["CPT", "HCPCS"], CompletionItemKind.TypeParameter) : keywords(["["], CompletionItemKind.Operator);
  const t = m?.facts.get(fact)?.type;
  if (!t) return [];
  if (t.kind === "set" && !inList) return keywords(["["], CompletionItemKind.Operator);
  const element = t.kind === "set" ? t.element : t;
  if (element.kind === "enum") return memberItems(m, element.name);
  if (element.kind === "bool") return keywords(["true", "false"]);
  if (element.kind === "code") return keywords(element.system === "procedure" ? ["CPT", "HCPCS"] : [element.system], CompletionItemKind.TypeParameter);
  return [];
}

/** Units of the subject's dimension (its own unit first), or every unit when the subject has none. */
function unitItems(t: PolType | undefined): CompletionItem[] {
  const dimension = t?.kind === "number" ? t.dimension : undefined;
  const own = t?.kind === "number" ? t.unit : undefined;
  const units = UNIT_NAMES.filter((u) => !dimension || lookupUnit(u)?.dimension === dimension);
  return units.map((u) => {
    const i = item(u, CompletionItemKind.Unit, lookupUnit(u)?.dimension, undefined, u === own ? "0" : "a");
    if (u === own) i.preselect = true;
    return i;
  });
}

function subjectType(m: PolicyModel | undefined, name: string | undefined): PolType | undefined {
  if (!name) return undefined;
  if (name === "procedures") return { kind: "set", element: { kind: "code", system: "procedure" } };
  if (name === "as_of") return { kind: "date" };
  return m?.facts.get(name)?.type ?? m?.defines.get(name)?.type;
}

function enumOf(t: PolType | undefined): string | undefined {
  if (t?.kind === "enum") return t.name;
  if (t?.kind === "set" && t.element.kind === "enum") return t.element.name;
  return undefined;
}

function systemOf(t: PolType | undefined): string | undefined {
  if (t?.kind === "code" || t?.kind === "codeset") return t.system;
  if (t?.kind === "set" && t.element.kind === "code") return t.element.system;
  return undefined;
}

const isSetType = (t: PolType | undefined): boolean => t?.kind === "set";

function item(label: string, kind: CompletionItemKind, detail?: string, documentation?: string, sortPrefix = "m"): CompletionItem {
  const i: CompletionItem = { label, kind, sortText: `${sortPrefix}${label}` };
  if (detail) i.detail = detail;
  if (documentation) i.documentation = documentation;
  return i;
}

function keywords(words: readonly string[], kind: CompletionItemKind = CompletionItemKind.Keyword, sortPrefix = "n"): CompletionItem[] {
  return words.map((w) => item(w, kind, undefined, undefined, sortPrefix));
}

/** In a comment or a string (closed or still open), nothing is completed. */
function insideCommentOrText(a: DocumentAnalysis, offset: number): boolean {
  const comments = a.parsed.file.comments;
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].span.start.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  const c = comments[lo - 1];
  if (c && offset <= c.span.end.offset && (c.style !== "block" || offset < c.span.end.offset)) return true;
  const t = a.parsed.tokens[countBefore(a.parsed.tokens, offset) - 1];
  if (t && (t.tokenType.name === "StringLit" || t.tokenType.name === "TextBlock") && offset <= (t.endOffset ?? 0)) return true;
  // An unclosed string or block comment runs to the end of its line (or of the file): the lexer reports where it starts.
  for (const d of a.parsed.diagnostics) {
    if ((d.code === "unterminated-string" || d.code === "unterminated-comment") && d.span.start.offset < offset) {
      const lineOfCursor = a.document.positionAt(offset).line + 1;
      const block = d.code === "unterminated-comment" || d.message.includes('"""');
      if (block || d.span.start.line === lineOfCursor) return true;
    }
  }
  return false;
}
