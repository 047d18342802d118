/**
 * Binding (LANGUAGE.md §2): which files are in scope, the one namespace of
 * facts, asks, requires, defines, codesets and enums, enum members inside
 * their enum, and the types of facts.
 *
 * Imports are transitive: a library that imports another passes its
 * declarations on, because the model is one namespace and the evaluator needs
 * every fact a define uses. A file sees only the declarations of the files it
 * reaches through its imports, so a library cannot lean on the policy that
 * imports it.
 */
import type * as A from "../ast.js";
import type { CodesetSymbol, DefineSymbol, EnumMemberSymbol, EnumSymbol, FactSymbol, PolType } from "../model.js";
import { displayPath, type Program, type ProgramFile } from "../program.js";
import { lookupUnit } from "../semantics/units.js";
import type { Reporter } from "./registry.js";
import { closest, didYouMean, replaceWith } from "./suggest.js";

/** A `require`: in the namespace (§2), but not a value an expression can use. */
export interface RequireSymbol {
  kind: "require";
  name: string;
  label?: string;
  doc?: string;
  file: string;
  decl: A.RequireDecl;
}

/** Everything the one namespace of a policy holds. */
export type Declared = FactSymbol | DefineSymbol | CodesetSymbol | EnumSymbol | RequireSymbol;

/** Names the built-in values and the case's document list take (§4, §5, §8). */
export const BUILTIN_NAMES = ["as_of", "procedures"] as const;
export const CASE_WORDS = ["as_of", "procedures", "documents"] as const;

/** Words a type may be, for "did you mean" on a misspelled type. */
const TYPE_WORDS = ["bool", "number", "date", "text", "ICD10", "CPT", "HCPCS"];

export class Scope {
  /** Every declaration that won its name, in declaration order (imports first). */
  readonly declarations: Declared[] = [];
  /** Declarations that lost their name to an earlier one (reported); still checked inside. */
  readonly duplicates: Declared[] = [];
  private readonly byName = new Map<string, Declared>();

  constructor(
    /** Files in scope, imports before the files that import them, the root last. */
    readonly files: ProgramFile[],
    /** For each file, the files whose declarations it sees (itself included). */
    private readonly visible: Map<string, Set<string>>,
  ) {}

  canSee(fromFile: string, file: string): boolean {
    return this.visible.get(fromFile)?.has(file) ?? false;
  }

  /** The declaration of `name` that `fromFile` sees, if any. */
  lookup(name: string, fromFile: string): Declared | undefined {
    const d = this.byName.get(name);
    return d && this.canSee(fromFile, d.file) ? d : undefined;
  }

  visibleFrom(fromFile: string): Declared[] {
    return this.declarations.filter((d) => this.canSee(fromFile, d.file));
  }

  /** Add a declaration; the earlier one keeps a name declared twice. Returns the one that holds the name. */
  add(d: Declared): Declared {
    const existing = this.byName.get(d.name);
    if (existing) {
      this.duplicates.push(d);
      return existing;
    }
    this.byName.set(d.name, d);
    this.declarations.push(d);
    return d;
  }
}

/** A `require` or `ask` with the conditions of the `when` blocks around it and its own, outermost first. */
export interface FoundRequirement {
  decl: A.RequireDecl | A.AskDecl;
  conditions: A.Expression[];
}

export interface BindResult {
  scope: Scope;
  /** Every ask and require of each file, in source order. */
  requirements: Map<string, FoundRequirement[]>;
}

/**
 * Bind the program: choose the files in scope (reporting imports of files that
 * are not libraries), declare every name (reporting clashes and reserved
 * names), and resolve the types of facts and asks (reporting unknown types).
 */
export function bind(program: Program, reporterFor: (file: string) => Reporter): BindResult {
  const { order, imports } = filesInScope(program, reporterFor);
  const visible = visibility(order, imports);
  const scope = new Scope(order, visible);
  const requirements = new Map<string, FoundRequirement[]>();

  for (const file of order) {
    const unit = file.parsed.file.unit;
    if (!unit) continue;
    const declare = (d: Declared, name: A.Identifier): void => declareName(scope, d, name, program.root, imports, reporterFor);
    const reqs: FoundRequirement[] = [];
    for (const m of unit.members) {
      switch (m.kind) {
        case "enum":
          declare(enumSymbol(m, file.path, reporterFor(file.path)), m.name);
          break;
        case "fact":
          declare({ kind: "fact", name: m.name.name, ...described(m.label, m.doc), file: file.path, type: ERROR, decl: m }, m.name);
          break;
        case "define":
          declare({ kind: "define", name: m.name.name, ...described(m.label, m.doc), file: file.path, type: ERROR, value: m.value, decl: m }, m.name);
          break;
        case "codeset":
          declare(
            { kind: "codeset", name: m.name.name, ...described(m.label, m.doc), file: file.path, entries: [], includes: [], decl: m },
            m.name,
          );
          break;
        case "require":
        case "ask":
        case "when": {
          const found: FoundRequirement[] = [];
          collectRequirements(m, [], found);
          for (const { decl } of found) {
            const common = { name: decl.name.name, ...described(decl.text, decl.doc), file: file.path };
            declare(decl.kind === "ask" ? { kind: "fact", ...common, type: ERROR, decl } : { kind: "require", ...common, decl }, decl.name);
          }
          reqs.push(...found);
          break;
        }
        default:
          break;
      }
    }
    requirements.set(file.path, reqs);
  }

  for (const d of [...scope.declarations, ...scope.duplicates]) {
    if (d.kind === "fact") d.type = resolveType(d.decl.type, scope, d.file, reporterFor(d.file));
  }
  return { scope, requirements };
}

const ERROR: PolType = { kind: "error" };

function described(label: A.StringLiteral | undefined, doc: string | undefined): { label?: string; doc?: string } {
  return { ...(label ? { label: label.value } : {}), ...(doc !== undefined ? { doc } : {}) };
}

function enumSymbol(e: A.EnumDecl, file: string, reporter: Reporter): EnumSymbol {
  const members = new Map<string, EnumMemberSymbol>();
  for (const m of e.members) {
    if (m.name.name === "") continue;
    const first = members.get(m.name.name);
    if (first) {
      reporter.report("duplicate-member", `\`${e.name.name}\` already has a member \`${m.name.name}\``, { node: m, property: "name" }, {
        related: [{ message: "the first one", node: first.decl.name, file }],
      });
      continue;
    }
    members.set(m.name.name, { kind: "enum-member", name: m.name.name, ...described(m.label, m.doc), file, enumName: e.name.name, decl: m });
  }
  return { kind: "enum", name: e.name.name, ...described(e.label, e.doc), file, members, decl: e };
}

/** Flatten `when` blocks: each requirement with the conditions of the blocks around it, outermost first. */
function collectRequirements(
  r: A.Requirement,
  outer: A.Expression[],
  out: FoundRequirement[],
): void {
  // Blocks nest at most as deep as braces may (parse.ts), so recursion is safe here.
  if (r.kind === "when") {
    const inner = [...outer, r.condition];
    for (const m of r.members) collectRequirements(m, inner, out);
    return;
  }
  out.push({ decl: r, conditions: r.when ? [...outer, r.when] : outer });
}

function declareName(
  scope: Scope,
  d: Declared,
  name: A.Identifier,
  root: string,
  imports: Map<string, { decl: A.ImportDecl; target: string }[]>,
  reporterFor: (file: string) => Reporter,
): void {
  if (d.name === "") return; // recovery left the name out; the parser has said so
  if (d.name === "documents") {
    reporterFor(d.file).report(
      "reserved-name",
      "`documents` is the list of documents a case carries (§8); give this declaration another name",
      name,
    );
  }
  const holder = scope.add(d);
  if (holder === d) return;
  const first = holder.decl.name;
  const where = (s: Declared): string => `${displayPath(root, s.file)}:${s.decl.name.span.start.line}`;
  const related = [
    { message: `\`${d.name}\` is first declared here`, node: first, file: holder.file },
    { message: "and again here", node: name, file: d.file },
  ];
  // Report where the author can see both: at the second declaration if its
  // file sees the first, else at the import that brings the two together.
  if (scope.canSee(d.file, holder.file)) {
    reporterFor(d.file).report(
      "duplicate-name",
      `\`${d.name}\` is already declared (${what(holder)} at ${where(holder)}); names of facts, asks, requires, defines, codesets and enums share one namespace`,
      name,
      { related },
    );
    return;
  }
  const meeting = scope.files.find((f) => scope.canSee(f.path, holder.file) && scope.canSee(f.path, d.file));
  const via = meeting && (imports.get(meeting.path) ?? []).find((i) => scope.canSee(i.target, d.file));
  if (!meeting || !via) return;
  reporterFor(meeting.path).report(
    "duplicate-name",
    `this import brings in \`${d.name}\` (${what(d)} at ${where(d)}), which is already declared (${what(holder)} at ${where(holder)})`,
    via.decl.path,
    { related },
  );
}

function what(d: Declared): string {
  if (d.kind === "fact") return d.decl.kind === "ask" ? "an ask" : "a fact";
  if (d.kind === "enum") return "an enum";
  return `a ${d.kind}`;
}

/**
 * The files in scope: the root and the libraries it reaches through imports,
 * imports first (post-order), so declarations come in the order the model
 * lists them. An import of a file that is not a library is reported and not
 * followed: a policy's rules cannot be shared (§2).
 */
function filesInScope(
  program: Program,
  reporterFor: (file: string) => Reporter,
): { order: ProgramFile[]; imports: Map<string, { decl: A.ImportDecl; target: string }[]> } {
  const order: ProgramFile[] = [];
  const imports = new Map<string, { decl: A.ImportDecl; target: string }[]>();
  const root = program.files.get(program.root);
  if (!root) return { order, imports };
  const seen = new Set<string>([root.path]);
  const stack: { file: ProgramFile; next: number }[] = [{ file: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const list = imports.get(top.file.path) ?? [];
    imports.set(top.file.path, list);
    const imp = top.file.imports[top.next++];
    if (!imp) {
      order.push(top.file);
      stack.pop();
      continue;
    }
    const target = program.files.get(imp.path);
    if (!target) continue; // not found: the program has reported it
    const unit = target.parsed.file.unit;
    if (unit?.kind !== "library") {
      const holds = unit ? `holds the policy \`${unit.name.name}\`` : "holds neither a policy nor a library";
      reporterFor(top.file.path).report(
        "import-not-library",
        `"${imp.decl.path.value}" ${holds}; only a \`library\` can be imported (its declarations come into scope)`,
        imp.decl.path,
      );
      continue;
    }
    list.push({ decl: imp.decl, target: target.path });
    if (seen.has(target.path)) continue; // already in scope, or a cycle the program has reported
    seen.add(target.path);
    stack.push({ file: target, next: 0 });
  }
  return { order, imports };
}

/** For each file, the files it reaches through library imports (itself included). */
function visibility(order: ProgramFile[], imports: Map<string, { target: string }[]>): Map<string, Set<string>> {
  const visible = new Map<string, Set<string>>();
  for (const f of order) {
    const reached = new Set<string>([f.path]);
    const todo = [f.path];
    while (todo.length > 0) {
      for (const i of imports.get(todo.pop()!) ?? []) {
        if (!reached.has(i.target)) {
          reached.add(i.target);
          todo.push(i.target);
        }
      }
    }
    visible.set(f.path, reached);
  }
  return visible;
}

/** The type a fact or ask declares (§3), reporting a type that is neither built in nor an enum. */
export function resolveType(t: A.TypeExpr, scope: Scope, file: string, reporter: Reporter): PolType {
  const element = resolveElementType(t.element, scope, file, reporter);
  return t.set ? { kind: "set", element } : element;
}

function resolveElementType(e: A.TypeExpr["element"], scope: Scope, file: string, reporter: Reporter): PolType {
  switch (e.kind) {
    case "primitive-type": {
      if (e.name !== "number") return { kind: e.name };
      const unit = e.unit ? lookupUnit(e.unit.name) : undefined;
      return unit ? { kind: "number", dimension: unit.dimension, unit: unit.name } : { kind: "number" };
    }
    case "code-type":
      return { kind: "code", system: e.system };
    case "enum-type": {
      const name = e.name.name;
      if (name === "") return ERROR;
      const found = scope.lookup(name, file);
      if (found?.kind === "enum") return { kind: "enum", name };
      const enums = scope.visibleFrom(file).filter((d) => d.kind === "enum").map((d) => d.name);
      const guess = closest(name, [...enums, ...TYPE_WORDS]);
      const hint =
        found?.kind === "codeset"
          ? `; \`${name}\` is a codeset: a fact holding codes has the type \`set of ICD10\` (or CPT, HCPCS)`
          : `; a type is bool, number, date, text, an enum, ICD10, CPT or HCPCS${didYouMean(guess)}`;
      reporter.report("unknown-type", `unknown type \`${name}\`${hint}`, e.name, guess ? { suggestion: replaceWith(e.name.span, guess) } : {});
      return ERROR;
    }
  }
}
