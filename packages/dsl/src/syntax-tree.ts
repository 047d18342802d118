/**
 * Concrete syntax tree (Chevrotain) → syntax tree (ast.ts).
 *
 * Recovery means any child may be missing or an inserted placeholder token, so
 * every accessor here tolerates absence: a missing expression becomes an
 * `error-expr`, a missing name an empty identifier, and the builder never
 * throws. The few shape rules the grammar leaves generic (metadata lines,
 * `expect` words) are checked here, in the author's words.
 */
import type { CstNode, IToken } from "chevrotain";
import type * as A from "./ast.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";

type Child = CstNode | IToken;

const isToken = (c: Child): c is IToken => (c as IToken).image !== undefined;
const present = (t: IToken | undefined): t is IToken => !!t && !t.isInsertedInRecovery && !Number.isNaN(t.startOffset);

function tokens(n: CstNode | undefined, name: string): IToken[] {
  return ((n?.children[name] ?? []) as IToken[]).filter(present);
}
/** The i-th present token under `name`, without building the filtered list (this runs for every node). */
function token(n: CstNode | undefined, name: string, i = 0): IToken | undefined {
  const all = n?.children[name] as IToken[] | undefined;
  if (!all) return undefined;
  for (const t of all) if (present(t) && i-- === 0) return t;
  return undefined;
}
const nodes = (n: CstNode | undefined, name: string): CstNode[] => (n?.children[name] ?? []) as CstNode[];
const node = (n: CstNode | undefined, name: string, i = 0): CstNode | undefined => nodes(n, name)[i];

/** All children of `n` under `names`, in source order. */
function ordered(n: CstNode, names: string[]): Child[] {
  const all: Child[] = names.flatMap((k) => (n.children[k] ?? []) as Child[]);
  return all.filter((c) => !Number.isNaN(startOffset(c))).sort((a, b) => startOffset(a) - startOffset(b));
}
const startOffset = (c: Child): number => (isToken(c) ? c.startOffset : (c.location?.startOffset ?? NaN));

export function tokenSpan(t: IToken): A.Span {
  return {
    start: { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 },
    end: { offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? 0) + 1 },
  };
}

export const joinSpans = (a: A.Span, b: A.Span): A.Span => ({ start: a.start, end: b.end });

/** Parse state: diagnostics and doc comments found while building. */
export interface BuildContext {
  diagnostics: Diagnostic[];
  /** Doc comment text by the offset of the token the comment run precedes. */
  docs: Map<number, string>;
  /** A zero-width span at the end of the input, for nodes recovery left empty. */
  endSpan: A.Span;
}

export class SyntaxTreeBuilder {
  constructor(private readonly ctx: BuildContext) {}

  private spanOf(n: CstNode | undefined, fallback: A.Span = this.ctx.endSpan): A.Span {
    const l = n?.location;
    if (!l || Number.isNaN(l.startOffset) || Number.isNaN(l.endOffset ?? NaN)) return fallback;
    return {
      start: { offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 },
      end: { offset: (l.endOffset ?? l.startOffset) + 1, line: l.endLine ?? 1, column: (l.endColumn ?? 0) + 1 },
    };
  }

  private doc(span: A.Span): { doc?: string } {
    const doc = this.ctx.docs.get(span.start.offset);
    return doc === undefined ? {} : { doc };
  }

  private error(message: string, span: A.Span): void {
    this.ctx.diagnostics.push(diagnostic("syntax-error", message, span));
  }

  private identifier(t: IToken | undefined, fallback: A.Span): A.Identifier {
    return t ? { kind: "identifier", name: t.image, span: tokenSpan(t) } : { kind: "identifier", name: "", span: fallback };
  }

  // ─── file ───

  file(n: CstNode, span: A.Span, comments: A.Comment[]): A.SourceFile {
    const imports = nodes(n, "importDecl").flatMap((i): A.ImportDecl[] => {
      const s = token(i, "StringLit");
      return s ? [{ kind: "import", path: this.string(s), span: this.spanOf(i) }] : [];
    });
    const policy = node(n, "policyDecl");
    const library = node(n, "libraryDecl");
    const unit = policy ? this.unit("policy", policy) : library ? this.unit("library", library) : undefined;
    return { kind: "file", imports, ...(unit ? { unit } : {}), comments, span };
  }

  private unit<K extends "policy" | "library">(kind: K, n: CstNode): A.PolicyDecl | A.LibraryDecl {
    const span = this.spanOf(n);
    const title = this.optionalText(node(n, "text"));
    const members = nodes(node(n, "body"), "member").flatMap((m) => this.member(m));
    return {
      kind,
      name: this.identifier(token(n, "Identifier"), span),
      ...(title ? { title } : {}),
      members,
      span,
      ...this.doc(span),
    } as A.PolicyDecl | A.LibraryDecl;
  }

  private member(n: CstNode): A.Member[] {
    // A member node has exactly one child: the declaration it is.
    const key = Object.keys(n.children)[0];
    const child = key === undefined ? undefined : n.children[key][0];
    if (!child || isToken(child)) return [];
    const built = this.declaration(child);
    return built ? [built] : [];
  }

  private declaration(n: CstNode): A.Member | undefined {
    switch (n.name) {
      case "metadata": return this.metadata(n);
      case "enumDecl": return this.enumDecl(n);
      case "factDecl": return this.factDecl(n);
      case "codesetDecl": return this.codesetDecl(n);
      case "appliesTo": return this.appliesTo(n);
      case "defineDecl": return this.defineDecl(n);
      case "ruleDecl": return this.ruleDecl(n);
      case "otherwiseDecl": return this.otherwiseDecl(n);
      case "requireDecl": return this.requireDecl(n);
      case "askDecl": return this.askDecl(n);
      case "whenBlock": return this.whenBlock(n);
      case "testDecl": return this.testDecl(n);
      default: return undefined;
    }
  }

  // ─── text ───

  private optionalText(n: CstNode | undefined): A.StringLiteral | undefined {
    const t = token(n, "StringLit") ?? token(n, "TextBlock");
    return t ? this.string(t) : undefined;
  }

  private text(n: CstNode | undefined, fallback: A.Span): A.StringLiteral {
    return this.optionalText(n) ?? { kind: "string", value: "", raw: '""', block: false, span: fallback };
  }

  string(t: IToken): A.StringLiteral {
    const span = tokenSpan(t);
    if (t.image.startsWith('"""')) {
      return { kind: "string", value: dedentTextBlock(t.image.slice(3, -3)), raw: t.image, block: true, span };
    }
    return { kind: "string", value: this.unescape(t.image.slice(1, -1), span), raw: t.image, block: false, span };
  }

  /** §1: `\"`, `\\`, `\n`, `\u{…}`; anything else is reported and kept as written. */
  private unescape(body: string, span: A.Span): string {
    return body.replace(/\\(u\{([0-9A-Fa-f]{1,6})\}|.)/g, (whole, esc: string, hex: string | undefined) => {
      if (hex !== undefined) {
        const cp = parseInt(hex, 16);
        if (cp <= 0x10ffff) return String.fromCodePoint(cp);
      } else if (esc === '"' || esc === "\\") return esc;
      else if (esc === "n") return "\n";
      this.ctx.diagnostics.push(
        diagnostic("invalid-escape", `\`${whole}\` is not an escape: use \\", \\\\, \\n or \\u{…}`, span),
      );
      return whole;
    });
  }

  // ─── metadata (§7) ───

  private metadata(n: CstNode): A.Metadata | undefined {
    const span = this.spanOf(n);
    const word = token(n, "word")?.image ?? "";
    const dateTok = token(n, "DateLit");
    const date: A.DateLiteral | undefined = dateTok ? { kind: "date", raw: dateTok.image, span: tokenSpan(dateTok) } : undefined;
    const texts = nodes(n, "text").map((t) => this.optionalText(t)).filter((t): t is A.StringLiteral => !!t);
    const by = this.optionalText(node(n, "byText"));
    const byPart = by ? { by } : {};
    const shape = (ok: boolean, usage: string): boolean => {
      if (!ok) this.error(`\`${word}\` is written ${usage}`, span);
      return ok;
    };
    const noBy = (): boolean => shape(!token(n, "by"), "without `by`");
    switch (word) {
      case "id":
        return shape(!date && texts.length === 1, '`id "MC/L009"`') && noBy() ? { kind: "meta-id", value: texts[0], span } : undefined;
      case "effective":
      case "replaces":
        return shape(!!date && texts.length === 0, `\`${word} 2025-10-01\``) && noBy()
          ? { kind: word === "effective" ? "meta-effective" : "meta-replaces", date: date!, span }
          : undefined;
      case "approved":
        return shape(!!date && texts.length === 0, '`approved 2025-09-10 by "Committee"`')
          ? { kind: "meta-approved", date: date!, ...byPart, span }
          : undefined;
      case "plans":
        return shape(!date && texts.length >= 1, '`plans "Plan A", "Plan B"`') && noBy() ? { kind: "meta-plans", plans: texts, span } : undefined;
      case "revision":
        return shape(!!date && texts.length === 1, '`revision 2025-09-10 "Summary of changes" by "Committee"`')
          ? { kind: "meta-revision", date: date!, summary: texts[0], ...byPart, span }
          : undefined;
      case "cite":
        return shape(!date && texts.length === 1, '`cite "Reference"`') && noBy() ? { kind: "meta-cite", text: texts[0], span } : undefined;
      case "section":
        return shape(!date && texts.length === 2, '`section "Title" """Text"""`') && noBy()
          ? { kind: "meta-section", title: texts[0], body: texts[1], span }
          : undefined;
      default:
        return undefined;
    }
  }

  // ─── declarations (§3) ───

  private enumDecl(n: CstNode): A.EnumDecl {
    const span = this.spanOf(n);
    const label = this.optionalText(node(n, "text"));
    const members = nodes(n, "enumMember").flatMap((m): A.EnumMember[] => {
      const name = token(m, "Identifier");
      if (!name) return [];
      const mspan = this.spanOf(m);
      const mlabel = this.optionalText(node(m, "text"));
      return [{ kind: "enum-member", name: this.identifier(name, mspan), ...(mlabel ? { label: mlabel } : {}), span: mspan, ...this.doc(mspan) }];
    });
    return { kind: "enum", name: this.identifier(token(n, "Identifier"), span), ...(label ? { label } : {}), members, span, ...this.doc(span) };
  }

  private factDecl(n: CstNode): A.FactDecl {
    const span = this.spanOf(n);
    const label = this.optionalText(node(n, "text"));
    return {
      kind: "fact",
      name: this.identifier(token(n, "Identifier"), span),
      type: this.typeExpr(node(n, "typeExpr"), span),
      ...(label ? { label } : {}),
      span,
      ...this.doc(span),
    };
  }

  private typeExpr(n: CstNode | undefined, fallback: A.Span): A.TypeExpr {
    const span = this.spanOf(n, fallback);
    const set = !!token(n, "SetKw");
    const prim = (name: A.PrimitiveTypeName, t: IToken): A.PrimitiveType => {
      const unit = token(n, "Unit");
      return { kind: "primitive-type", name, ...(unit ? { unit: this.unit_(unit) } : {}), span: tokenSpan(t) };
    };
    let element: A.TypeExpr["element"];
    const b = token(n, "BoolKw"), num = token(n, "NumberKw"), d = token(n, "DateKw"), tx = token(n, "TextKw");
    const sys = token(n, "SystemWord"), id = token(n, "Identifier");
    if (b) element = prim("bool", b);
    else if (num) element = prim("number", num);
    else if (d) element = prim("date", d);
    else if (tx) element = prim("text", tx);
    else if (sys) element = { kind: "code-type", system: sys.image as A.CodeSystem, span: tokenSpan(sys) };
    else element = { kind: "enum-type", name: this.identifier(id, span), span: id ? tokenSpan(id) : span };
    return { kind: "type", set, element, span };
  }

  private unit_(t: IToken): A.UnitWord {
    return { kind: "unit", name: t.image, span: tokenSpan(t) };
  }

  private code(system: A.CodeSystem, t: IToken): A.CodeLiteral {
    const dash = t.image.indexOf("-");
    const span = tokenSpan(t);
    return dash < 0
      ? { kind: "code", system, code: t.image, span }
      : { kind: "code", system, code: t.image.slice(0, dash), rangeEnd: t.image.slice(dash + 1), span };
  }

  private codesetDecl(n: CstNode): A.CodesetDecl {
    const span = this.spanOf(n);
    const label = this.optionalText(node(n, "text"));
    const entries = ordered(n, ["codeList", "includeEntry"]).flatMap((c): (A.CodeListEntry | A.IncludeEntry)[] => {
      if (isToken(c)) return [];
      const espan = this.spanOf(c);
      if (c.name === "includeEntry") {
        return [{ kind: "include", names: tokens(c, "Identifier").map((t) => this.identifier(t, espan)), span: espan }];
      }
      const sys = token(c, "SystemWord");
      if (!sys) return [];
      const system = sys.image as A.CodeSystem;
      return [{ kind: "code-list", system, codes: tokens(c, "Code").map((t) => this.code(system, t)), span: espan }];
    });
    return { kind: "codeset", name: this.identifier(token(n, "Identifier"), span), ...(label ? { label } : {}), entries, span, ...this.doc(span) };
  }

  private appliesTo(n: CstNode): A.AppliesToDecl {
    const span = this.spanOf(n);
    const codes = nodes(n, "applicableCodes").flatMap((group) => {
      const sys = token(group, "SystemWord");
      if (!sys) return [];
      const system = sys.image as A.CodeSystem;
      return nodes(group, "applicableCode").flatMap((c, i): A.ApplicableCode[] => {
        const t = token(c, "Code");
        if (!t) return [];
        const cspan = i === 0 ? joinSpans(tokenSpan(sys), this.spanOf(c)) : this.spanOf(c);
        const description = this.optionalText(node(c, "text"));
        return [{ kind: "applicable-code", code: this.code(system, t), ...(description ? { description } : {}), span: cspan, ...this.doc(cspan) }];
      });
    });
    return { kind: "applies-to", codes, span, ...this.doc(span) };
  }

  private defineDecl(n: CstNode): A.DefineDecl {
    const span = this.spanOf(n);
    const label = this.optionalText(node(n, "text"));
    return {
      kind: "define",
      name: this.identifier(token(n, "Identifier"), span),
      ...(label ? { label } : {}),
      value: this.expression(node(n, "expression"), span),
      span,
      ...this.doc(span),
    };
  }

  private ruleOutcome(n: CstNode | undefined): A.RuleOutcome {
    if (token(n, "Not")) return "not_covered";
    if (token(n, "Review")) return "review";
    return "covered";
  }

  private ruleDecl(n: CstNode): A.RuleDecl {
    const span = this.spanOf(n);
    const label = this.optionalText(node(n, "text"));
    return {
      kind: "rule",
      outcome: this.ruleOutcome(node(n, "ruleOutcome")),
      ...(label ? { label } : {}),
      condition: this.expression(node(n, "expression"), span),
      span,
      ...this.doc(span),
    };
  }

  private otherwiseDecl(n: CstNode): A.OtherwiseDecl {
    const span = this.spanOf(n);
    return { kind: "otherwise", outcome: this.ruleOutcome(node(n, "ruleOutcome")), span, ...this.doc(span) };
  }

  private condition(n: CstNode, span: A.Span): { when?: A.Expression } {
    const e = node(n, "expression");
    return e ? { when: this.expression(e, span) } : {};
  }

  private requireDecl(n: CstNode): A.RequireDecl {
    const span = this.spanOf(n);
    return {
      kind: "require",
      name: this.identifier(token(n, "Identifier"), span),
      text: this.text(node(n, "text"), span),
      ...this.condition(n, span),
      span,
      ...this.doc(span),
    };
  }

  private askDecl(n: CstNode): A.AskDecl {
    const span = this.spanOf(n);
    return {
      kind: "ask",
      name: this.identifier(token(n, "Identifier"), span),
      type: this.typeExpr(node(n, "typeExpr"), span),
      text: this.text(node(n, "text"), span),
      ...this.condition(n, span),
      span,
      ...this.doc(span),
    };
  }

  private whenBlock(n: CstNode): A.WhenBlock {
    const span = this.spanOf(n);
    const members = ordered(n, ["requireDecl", "askDecl", "whenBlock"]).flatMap((c): A.Requirement[] => {
      if (isToken(c)) return [];
      if (c.name === "requireDecl") return [this.requireDecl(c)];
      if (c.name === "askDecl") return [this.askDecl(c)];
      return [this.whenBlock(c)];
    });
    return { kind: "when", condition: this.expression(node(n, "expression"), span), members, span, ...this.doc(span) };
  }

  // ─── tests (§8) ───

  private testDecl(n: CstNode): A.TestDecl {
    const span = this.spanOf(n);
    const given: A.GivenEntry[] = [];
    const expectations: A.Expectation[] = [];
    for (const c of ordered(n, ["givenBlock", "expectation"])) {
      if (isToken(c)) continue;
      if (c.name === "givenBlock") given.push(...nodes(c, "givenEntry").map((g) => this.givenEntry(g)));
      else {
        const e = this.expectation(c);
        if (e) expectations.push(e);
      }
    }
    return { kind: "test", name: this.text(node(n, "text"), span), given, expectations, span, ...this.doc(span) };
  }

  private nameToken(n: CstNode | undefined): IToken | undefined {
    return token(n, "Identifier") ?? token(n, "Procedures") ?? token(n, "AsOf");
  }

  private givenEntry(n: CstNode): A.GivenEntry {
    const span = this.spanOf(n);
    return {
      kind: "given-entry",
      name: this.identifier(this.nameToken(node(n, "givenName")), span),
      value: this.givenValue(node(n, "givenValue"), span, { system: undefined }),
      span,
    };
  }

  private givenValue(n: CstNode | undefined, fallback: A.Span, list: { system: A.CodeSystem | undefined }): A.GivenValue {
    const span = this.spanOf(n, fallback);
    const lit = node(n, "literal");
    if (lit) {
      const value = this.literal(lit, span);
      if (value.kind === "code") list.system = value.system;
      return value;
    }
    const id = token(n, "Identifier");
    if (id) return { kind: "name", name: id.image, span: tokenSpan(id) };
    const code = token(n, "Code");
    if (code) return this.code(list.system ?? "ICD10", code);
    if (token(n, "LBracket")) {
      const inner = { system: undefined as A.CodeSystem | undefined };
      return { kind: "given-list", items: nodes(n, "givenValue").map((v) => this.givenValue(v, span, inner)), span };
    }
    return { kind: "error-expr", span } as unknown as A.GivenValue;
  }

  private outcome(n: CstNode | undefined, span: A.Span): A.Outcome | undefined {
    if (token(n, "Covered") && !token(n, "Not")) return "covered";
    if (token(n, "Review")) return "review";
    if (token(n, "Not")) {
      if (token(n, "Covered")) return "not_covered";
      const word = token(n, "Identifier");
      if (word?.image === "applicable") return "not_applicable";
      this.error(`expected \`covered\` or \`applicable\` after \`not\`, found \`${word?.image ?? ""}\``, span);
    }
    return undefined;
  }

  private expectation(n: CstNode): A.Expectation | undefined {
    const span = this.spanOf(n);
    const outcomeNode = node(n, "outcomeWord");
    if (outcomeNode) {
      const outcome = this.outcome(outcomeNode, span);
      return outcome ? { kind: "expect-outcome", outcome, span } : undefined;
    }
    const word = token(n, "word")?.image ?? "";
    const items = nodes(n, "expectItem");
    const hasList = !!token(n, "LBrace");
    const textNode = node(n, "text");
    if (word === "incomplete" && !hasList && !textNode) return { kind: "expect-outcome", outcome: "incomplete", span };
    if (word === "rule" && textNode) return { kind: "expect-rule", label: this.text(textNode, span), span };
    if ((word === "requires" || word === "missing") && hasList) {
      const names = items.flatMap((i): A.Identifier[] => {
        const t = this.nameToken(i);
        if (t) return [this.identifier(t, span)];
        this.error(`\`expect ${word}\` lists names, not outcomes`, this.spanOf(i, span));
        return [];
      });
      return { kind: word === "requires" ? "expect-requires" : "expect-missing", names, span };
    }
    if (word === "possible" && hasList) {
      const outcomes = items.flatMap((i) => {
        const ispan = this.spanOf(i, span);
        const o = this.outcome(node(i, "outcomeWord"), ispan);
        if (o) return [{ outcome: o, span: ispan }];
        const t = this.nameToken(i);
        if (t?.image === "incomplete") return [{ outcome: "incomplete" as const, span: ispan }];
        this.error(`\`expect possible\` lists outcomes (covered, review, not covered), found \`${t?.image ?? ""}\``, ispan);
        return [];
      });
      return { kind: "expect-possible", outcomes, span };
    }
    this.error(
      `expected an outcome, \`requires { … }\`, \`missing { … }\`, \`possible { … }\` or \`rule "label"\` after \`expect\`, found \`${word}\``,
      span,
    );
    return undefined;
  }

  // ─── expressions (§4) ───

  expression(n: CstNode | undefined, fallback: A.Span): A.Expression {
    if (!n) return { kind: "error-expr", span: { start: fallback.end, end: fallback.end } };
    return this.orExpr(node(n, "orExpr"), this.spanOf(n, fallback));
  }

  private chain(op: "and" | "or", operands: A.Expression[], span: A.Span): A.Expression {
    return operands.length === 1 ? operands[0] : { kind: "logical", op, operands, span };
  }

  private orExpr(n: CstNode | undefined, fallback: A.Span): A.Expression {
    const span = this.spanOf(n, fallback);
    const operands = nodes(n, "andExpr").map((a) => this.andExpr(a, span));
    return operands.length ? this.chain("or", operands, span) : { kind: "error-expr", span };
  }

  private andExpr(n: CstNode, fallback: A.Span): A.Expression {
    const span = this.spanOf(n, fallback);
    const operands = nodes(n, "notExpr").map((a) => this.notExpr(a, span));
    return operands.length ? this.chain("and", operands, span) : { kind: "error-expr", span };
  }

  private notExpr(n: CstNode, fallback: A.Span): A.Expression {
    const span = this.spanOf(n, fallback);
    const inner = node(n, "notExpr");
    if (token(n, "Not")) return { kind: "not", operand: inner ? this.notExpr(inner, span) : { kind: "error-expr", span }, span };
    const p = node(n, "predicate");
    return p ? this.predicate(p, span) : { kind: "error-expr", span };
  }

  private predicate(n: CstNode, fallback: A.Span): A.Expression {
    const span = this.spanOf(n, fallback);
    const left = this.additive(node(n, "additive"), span);
    const right = (): A.Expression => this.additive(node(n, "right"), { start: span.end, end: span.end });
    const negated = !!token(n, "Not");
    if (token(n, "Is")) {
      if (token(n, "Known")) return { kind: "known", known: !negated, operand: left, writtenNot: negated, span };
      if (token(n, "Unknown")) return { kind: "known", known: negated, operand: left, writtenNot: negated, span };
      if (token(n, "Empty")) return { kind: "empty", negated, operand: left, span };
      return { kind: "is", negated, left, right: right(), span };
    }
    const cmp = token(n, "LessEq") ?? token(n, "GreaterEq") ?? token(n, "Less") ?? token(n, "Greater");
    if (cmp) return { kind: "compare", op: cmp.image as A.CompareExpr["op"], left, right: right(), span };
    if (token(n, "In")) return { kind: "in", negated, element: left, set: right(), span };
    if (token(n, "Has")) {
      const count = token(n, "NumberLit");
      const quantifier = token(n, "Any") ? "any" : token(n, "All") ? "all" : count ? "at-least" : "one";
      return {
        kind: "has",
        quantifier,
        subject: left,
        value: right(),
        ...(count ? { count: { kind: "number", value: Number(count.image), raw: count.image, span: tokenSpan(count) } } : {}),
        span,
      };
    }
    return left;
  }

  private binaryChain(
    n: CstNode | undefined,
    operandName: string,
    opNames: string[],
    build: (c: CstNode, span: A.Span) => A.Expression,
    fallback: A.Span,
  ): A.Expression {
    const span = this.spanOf(n, fallback);
    const operands = nodes(n, operandName).map((c) => build(c, span));
    if (!n || operands.length === 0) return { kind: "error-expr", span };
    const ops = ordered(n, opNames) as IToken[];
    let result = operands[0];
    for (let i = 1; i < operands.length; i++) {
      const op = (ops[i - 1]?.image ?? "+") as A.ArithmeticExpr["op"];
      result = { kind: "arithmetic", op, left: result, right: operands[i], span: joinSpans(result.span, operands[i].span) };
    }
    return result;
  }

  private additive(n: CstNode | undefined, fallback: A.Span): A.Expression {
    return this.binaryChain(n, "multiplicative", ["Plus", "Minus"], (c, s) => this.multiplicative(c, s), fallback);
  }

  private multiplicative(n: CstNode, fallback: A.Span): A.Expression {
    return this.binaryChain(n, "primary", ["Star", "Slash"], (c, s) => this.primary(c, s), fallback);
  }

  private literal(n: CstNode, fallback: A.Span): A.Literal {
    const span = this.spanOf(n, fallback);
    const num = token(n, "NumberLit");
    if (num) {
      const unit = token(n, "Unit");
      return { kind: "number", value: Number(num.image), raw: num.image, ...(unit ? { unit: this.unit_(unit) } : {}), span };
    }
    const date = token(n, "DateLit");
    if (date) return { kind: "date", raw: date.image, span };
    if (token(n, "True")) return { kind: "bool", value: true, span };
    if (token(n, "False")) return { kind: "bool", value: false, span };
    const sys = token(n, "SystemWord");
    const code = token(n, "Code");
    if (sys && code) return { ...this.code(sys.image as A.CodeSystem, code), span };
    return this.text(node(n, "text"), span);
  }

  private args(n: CstNode | undefined, span: A.Span): A.Expression[] {
    return nodes(n, "expression").map((e) => this.expression(e, span));
  }

  private primary(n: CstNode, fallback: A.Span): A.Expression {
    const span = this.spanOf(n, fallback);
    const lit = node(n, "literal");
    if (lit) return this.literal(lit, span);
    const name = token(n, "Identifier") ?? token(n, "AsOf") ?? token(n, "Procedures");
    if (name) return { kind: "name", name: name.image, span: tokenSpan(name) };
    if (token(n, "Count")) return { kind: "count", operand: this.expression(node(n, "expression"), span), span };
    const fn = token(n, "All") ?? token(n, "Any") ?? token(n, "None");
    if (fn) return { kind: "combinator", fn: fn.image as A.CombinatorExpr["fn"], args: this.args(node(n, "arguments"), span), span };
    const count = token(n, "NumberLit");
    if (token(n, "At") && count) {
      return {
        kind: "at-least",
        count: { kind: "number", value: Number(count.image), raw: count.image, span: tokenSpan(count) },
        args: this.args(node(n, "arguments"), span),
        span,
      };
    }
    const set = node(n, "setLiteral");
    if (set) return this.setLiteral(set, span);
    if (token(n, "LParen")) return { kind: "paren", inner: this.expression(node(n, "expression"), span), span };
    return { kind: "error-expr", span };
  }

  private setLiteral(n: CstNode, fallback: A.Span): A.SetLiteral {
    const span = this.spanOf(n, fallback);
    let system: A.CodeSystem | undefined;
    const items = nodes(n, "setItem").flatMap((item): A.Expression[] => {
      const id = token(item, "Identifier");
      if (id) return [{ kind: "name", name: id.image, span: tokenSpan(id) }];
      const sys = token(item, "SystemWord");
      if (sys) system = sys.image as A.CodeSystem;
      const code = token(item, "Code");
      if (!code) return [];
      const lit = this.code(system ?? "ICD10", code);
      return [sys ? { ...lit, span: joinSpans(tokenSpan(sys), lit.span) } : lit];
    });
    return { kind: "set", items, span };
  }
}

/**
 * Text blocks (§1) keep their line breaks; the line break right after the
 * opening quotes and the indentation common to all non-blank lines go.
 */
export function dedentTextBlock(body: string): string {
  let lines = body.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[0].trim() === "") lines = lines.slice(1);
  if (lines.length > 1 && lines[lines.length - 1].trim() === "") lines = lines.slice(0, -1);
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common).replace(/[ \t]+$/, "")).join("\n");
}
