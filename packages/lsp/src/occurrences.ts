/**
 * Every place in one file where a declared name is written, and what it
 * names: the index behind hover, go-to-definition, references, rename,
 * highlights and semantic tokens.
 *
 * Names in expressions come from the checker (`model.names`). The places the
 * checker does not record as expressions (types, `include`, `given`,
 * `expect requires`/`missing`) are resolved here with the model's tables, by
 * the rules of LANGUAGE.md §2 (one namespace; members live in their enum).
 */
import type * as A from "@pol/dsl";
import { childExpressions } from "@pol/dsl";
import type { PolicyModel, Resolved } from "@pol/dsl";

/** The kinds of things a name can stand for. */
export type TargetKind = "fact" | "define" | "codeset" | "enum" | "enum-member" | "requirement" | "builtin";

/** What a name stands for, independent of the file it is written in. */
export interface Target {
  kind: TargetKind;
  name: string;
  /** Absolute path of the declaring file; empty for built-ins. */
  file: string;
  /** For members: the enum they live in. */
  enumName?: string;
  /** The declaration's name, where go-to-definition lands; absent for built-ins and unresolved names. */
  declaration?: A.Span;
}

/** One written name. */
export interface Occurrence {
  span: A.Span;
  target: Target;
  /** This is the name in the declaration itself. */
  isDeclaration: boolean;
}

/** Two targets are the same thing when their keys are equal, in any file's index. */
export const targetKey = (t: Target): string => `${t.kind}\u0000${t.file}\u0000${t.enumName ?? ""}\u0000${t.name}`;

/** Built-in names of `given` (§8) besides facts. */
const GIVEN_BUILTINS = new Set(["procedures", "documents", "as_of"]);

/** Build the index of one file. `unit` must be the tree whose name nodes key `model.names`. */
export function collectOccurrences(
  unit: A.PolicyDecl | A.LibraryDecl | undefined,
  model: PolicyModel | undefined,
  file: string,
): Occurrence[] {
  const out: Occurrence[] = [];
  if (!unit) return out;
  const r = new Resolver(model, file);
  const add = (span: A.Span, target: Target | undefined, isDeclaration = false): void => {
    if (target && target.name) out.push({ span, target, isDeclaration });
  };
  const expr = (e: A.Expression | undefined): void => {
    if (e) r.expression(e, add);
  };

  const requirement = (m: A.Requirement): void => {
    if (m.kind === "when") {
      expr(m.condition);
      m.members.forEach(requirement);
    } else {
      add(m.name.span, m.kind === "ask" ? r.fact(m.name.name, m.name.span) : r.requirement(m.name.name, m.name.span), true);
      if (m.kind === "ask") r.type(m.type, add);
      expr(m.when);
    }
  };

  for (const m of unit.members) {
    switch (m.kind) {
      case "enum":
        add(m.name.span, r.enum(m.name.name, m.name.span), true);
        for (const member of m.members) add(member.name.span, r.member(m.name.name, member.name.name, member.name.span), true);
        break;
      case "fact":
        add(m.name.span, r.fact(m.name.name, m.name.span), true);
        r.type(m.type, add);
        break;
      case "codeset":
        add(m.name.span, r.codeset(m.name.name, m.name.span), true);
        for (const entry of m.entries) if (entry.kind === "include") for (const n of entry.names) add(n.span, r.codeset(n.name));
        break;
      case "define":
        add(m.name.span, r.define(m.name.name, m.name.span), true);
        expr(m.value);
        break;
      case "rule":
        expr(m.condition);
        break;
      case "require":
      case "ask":
      case "when":
        requirement(m);
        break;
      case "test":
        r.test(m, add);
        break;
      default:
        break;
    }
  }
  return out;
}

type Add = (span: A.Span, target: Target | undefined, isDeclaration?: boolean) => void;

/** Looks names up in the model, falling back to the declarations of this file when there is none. */
class Resolver {
  constructor(
    private readonly model: PolicyModel | undefined,
    private readonly file: string,
  ) {}

  fact(name: string, own?: A.Span): Target | undefined {
    const s = this.model?.facts.get(name);
    if (s) return { kind: "fact", name, file: s.file, declaration: s.decl.name.span };
    return own ? { kind: "fact", name, file: this.file, declaration: own } : undefined;
  }

  define(name: string, own?: A.Span): Target | undefined {
    const s = this.model?.defines.get(name);
    if (s) return { kind: "define", name, file: s.file, declaration: s.decl.name.span };
    return own ? { kind: "define", name, file: this.file, declaration: own } : undefined;
  }

  codeset(name: string, own?: A.Span): Target | undefined {
    const s = this.model?.codesets.get(name);
    if (s) return { kind: "codeset", name, file: s.file, declaration: s.decl.name.span };
    return own ? { kind: "codeset", name, file: this.file, declaration: own } : undefined;
  }

  enum(name: string, own?: A.Span): Target | undefined {
    const s = this.model?.enums.get(name);
    if (s) return { kind: "enum", name, file: s.file, declaration: s.decl.name.span };
    return own ? { kind: "enum", name, file: this.file, declaration: own } : undefined;
  }

  member(enumName: string, name: string, own?: A.Span): Target | undefined {
    const e = this.model?.enums.get(enumName);
    const s = e?.members.get(name);
    if (s) return { kind: "enum-member", name, enumName, file: s.file, declaration: s.decl.name.span };
    return own ? { kind: "enum-member", name, enumName, file: e?.file ?? this.file, declaration: own } : undefined;
  }

  requirement(name: string, own?: A.Span): Target | undefined {
    const s = this.model?.requirements.find((q) => q.id === name);
    if (s) {
      if (s.kind === "question") return this.fact(name, own);
      return { kind: "requirement", name, file: this.model!.file, declaration: s.decl.name.span };
    }
    return own ? { kind: "requirement", name, file: this.file, declaration: own } : undefined;
  }

  /** A name in `expect requires { … }`: a document, or an `ask` (which is a fact). */
  requirementOrQuestion(name: string): Target | undefined {
    return this.requirement(name) ?? (this.model?.facts.get(name)?.decl.kind === "ask" ? this.fact(name) : undefined);
  }

  fromResolved(s: Resolved): Target {
    switch (s.kind) {
      case "builtin":
        return { kind: "builtin", name: s.name, file: "" };
      case "enum-member":
        return { kind: "enum-member", name: s.name, enumName: s.enumName, file: s.file, declaration: s.decl.name.span };
      default:
        return { kind: s.kind, name: s.name, file: s.file, declaration: s.decl.name.span };
    }
  }

  /** The enum whose members a value compared with `e` must come from, if any. */
  private enumOf(e: A.Expression): string | undefined {
    const t = this.model?.types.get(e);
    if (t?.kind === "enum") return t.name;
    if (t?.kind === "set" && t.element.kind === "enum") return t.element.name;
    if (e.kind === "name") {
      const s = this.model?.names.get(e);
      const st = s && "type" in s ? s.type : undefined;
      if (st?.kind === "enum") return st.name;
      if (st?.kind === "set" && st.element.kind === "enum") return st.element.name;
    }
    return undefined;
  }

  /** Every name in an expression; members are looked up in the enum their context expects when the checker did not record them. */
  expression(root: A.Expression, add: Add): void {
    const stack: { e: A.Expression; enumName?: string }[] = [{ e: root }];
    while (stack.length) {
      const { e, enumName } = stack.pop()!;
      if (e.kind === "name") {
        const s = this.model?.names.get(e);
        if (s) add(e.span, this.fromResolved(s));
        else if (enumName && this.model?.enums.get(enumName)?.members.has(e.name)) add(e.span, this.member(enumName, e.name));
        else if (e.name === "as_of" || e.name === "procedures") add(e.span, { kind: "builtin", name: e.name, file: "" });
        else add(e.span, this.fact(e.name) ?? this.define(e.name) ?? (enumName ? undefined : this.codeset(e.name)));
        continue;
      }
      let expected: string | undefined;
      if (e.kind === "is") expected = this.enumOf(e.left);
      else if (e.kind === "in") expected = this.enumOf(e.element);
      else if (e.kind === "has") expected = this.enumOf(e.subject);
      else if (e.kind === "set" || e.kind === "paren") expected = enumName;
      const children = childExpressions(e);
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        const isValue = (e.kind === "is" && child === e.right) || (e.kind === "in" && child === e.set) || (e.kind === "has" && child === e.value);
        stack.push({ e: child, enumName: isValue || e.kind === "set" || e.kind === "paren" ? expected : undefined });
      }
    }
  }

  type(t: A.TypeExpr, add: Add): void {
    if (t.element.kind === "enum-type") add(t.element.name.span, this.enum(t.element.name.name));
  }

  test(t: A.TestDecl, add: Add): void {
    for (const g of t.given) {
      const name = g.name.name;
      if (GIVEN_BUILTINS.has(name) && !this.model?.facts.has(name)) add(g.name.span, { kind: "builtin", name, file: "" });
      else add(g.name.span, this.fact(name));
      const fact = this.model?.facts.get(name);
      const ft = fact?.type;
      const enumName = ft?.kind === "enum" ? ft.name : ft?.kind === "set" && ft.element.kind === "enum" ? ft.element.name : undefined;
      for (const v of givenNames(g.value)) {
        if (name === "documents") add(v.span, this.requirementOrQuestion(v.name));
        else if (enumName) add(v.span, this.member(enumName, v.name));
      }
    }
    for (const x of t.expectations) {
      if (x.kind === "expect-requires") for (const n of x.names) add(n.span, this.requirementOrQuestion(n.name));
      else if (x.kind === "expect-missing") for (const n of x.names) add(n.span, this.fact(n.name));
    }
  }
}

/** The bare names in a `given` value (enum members, document ids), lists flattened. */
function givenNames(v: A.GivenValue): A.NameRef[] {
  if (v.kind === "name") return [v];
  if (v.kind === "given-list") return v.items.flatMap(givenNames);
  return [];
}

/** The occurrence under `offset`, preferring the one that starts there when two touch. */
export function occurrenceAt(occurrences: readonly Occurrence[], offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of occurrences) {
    if (o.span.start.offset <= offset && offset <= o.span.end.offset) {
      if (!best || o.span.start.offset === offset) best = o;
    }
  }
  return best;
}
