/**
 * The checker: a program (a file and its imports) → the checked model and
 * every diagnostic (LANGUAGE.md §1–8). It never throws on a tree `parse`
 * returns, and builds the model even when there are errors, because the
 * editor needs one for half-typed text; back ends run only on a model
 * without errors.
 *
 * The passes, in order (each in its own file under checks/):
 * 1. scope.ts      — files in scope, the one namespace, fact types
 * 2. the registry  — checks the tree alone decides (codes, dates, counts,
 *                    metadata, rules in libraries, `and`/`or`)
 * 3. codes.ts      — codesets flattened through their includes
 * 4. defines.ts    — defines typed in dependency order, cycles
 * 5. types.ts      — every condition of rules and requirements
 * 6. test-blocks.ts — `given` values and `expect` names
 * 7. hygiene.ts    — unused declarations of the policy
 */
import * as path from "node:path";
import type * as A from "./ast.js";
import type { Diagnostic } from "./diagnostics.js";
import type { CodesetSymbol, EnumSymbol, FactSymbol, PolicyModel } from "./model.js";
import { loadProgram, nodeHost, type Program, type SourceHost } from "./program.js";
import { applicableCodes, flattenCodesets, registerCodeChecks } from "./checks/codes.js";
import { registerCountChecks } from "./checks/counts.js";
import { registerDateChecks } from "./checks/dates.js";
import { checkDecisionConditions, collectRules, otherwiseOutcome, registerDecisionChecks, requirementModels } from "./checks/decisions.js";
import { typeDefines } from "./checks/defines.js";
import { registerHygieneChecks, reportUnused } from "./checks/hygiene.js";
import { collectMetadata, registerMetadataChecks } from "./checks/metadata.js";
import { Reporter, ValidationRegistry } from "./checks/registry.js";
import { bind } from "./checks/scope.js";
import type { CheckerState } from "./checks/state.js";
import { checkTests } from "./checks/test-blocks.js";
import { ExpressionTyper } from "./checks/types.js";

export interface CheckResult {
  /** Undefined only when the file holds neither a policy nor a library (or cannot be read). */
  model: PolicyModel | undefined;
  /** Syntax and import diagnostics of every file of the program, then the checker's; sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** Checks that the shape of the tree alone decides, run over every file in scope. */
const registry = new ValidationRegistry();
registry.register("file", (file, ctx) => {
  if (ctx.isRoot && !file.unit) {
    ctx.reporter.report("missing-policy", "this file has neither a `policy` nor a `library`; write `policy name \"Title\" { … }`", file);
  }
});
registerCodeChecks(registry);
registerDateChecks(registry);
registerCountChecks(registry);
registerMetadataChecks(registry);
registerDecisionChecks(registry);
registerHygieneChecks(registry);

/**
 * Check a loaded program: its root file in the scope of its imports. The
 * declarations of imported libraries are checked too, in the root's model.
 */
export function checkProgram(program: Program): CheckResult {
  const diagnostics: Diagnostic[] = [...program.importDiagnostics];
  for (const f of program.files.values()) diagnostics.push(...f.parsed.diagnostics);
  const root = program.files.get(program.root);
  if (!root) return { model: undefined, diagnostics };

  const reporters = new Map<string, Reporter>();
  const reporterFor = (file: string): Reporter => {
    let r = reporters.get(file);
    if (!r) {
      r = new Reporter(file, program.files.get(file)?.text ?? "", diagnostics);
      reporters.set(file, r);
    }
    return r;
  };

  const { scope, requirements } = bind(program, reporterFor);
  for (const f of scope.files) registry.run(f.parsed.file, { reporter: reporterFor(f.path), isRoot: f === root });
  const unit = root.parsed.file.unit;
  if (!unit) return { model: undefined, diagnostics: sorted(diagnostics, program) };

  const model = emptyModel(unit, root.path, program);
  const state: CheckerState = { program, root, scope, model, reporterFor };
  const typers = new Map<string, ExpressionTyper>();
  const typerFor = (file: string): ExpressionTyper => {
    let t = typers.get(file);
    if (!t) {
      t = new ExpressionTyper(state, reporterFor(file));
      typers.set(file, t);
    }
    return t;
  };

  flattenCodesets(state);
  const defines = typeDefines(state, typerFor);
  for (const f of scope.files) {
    const u = f.parsed.file.unit;
    if (u) checkDecisionConditions(typerFor(f.path), u);
  }

  for (const d of scope.declarations) {
    if (d.kind === "enum") model.enums.set(d.name, d);
    else if (d.kind === "fact") model.facts.set(d.name, d);
    else if (d.kind === "codeset") model.codesets.set(d.name, d);
  }
  for (const d of defines) model.defines.set(d.name, d);
  model.rules = collectRules(unit);
  const askTypes = new Map([...scope.declarations, ...scope.duplicates].flatMap((d) => (d.kind === "fact" ? [[d.decl, d.type] as const] : [])));
  model.requirements = requirementModels(requirements.get(root.path) ?? [], (ask) => askTypes.get(ask) ?? { kind: "error" });
  checkTests(state, typerFor(root.path), unit, model.requirements, model.rules);
  reportUnused(state);
  return { model, diagnostics: sorted(diagnostics, program) };
}

/** Read, parse and check a file and its imports from `host` (the file system by default). */
export function checkFile(filePath: string, host: SourceHost = nodeHost): CheckResult {
  return checkProgram(loadProgram(filePath, host));
}

/**
 * Check text that is not (or not yet) saved, as if it were the file at `filePath`
 * (imports are read from `host`, relative to that path). Without a path, the
 * text is `untitled.pol` in the working directory.
 */
export function checkText(text: string, filePath = "untitled.pol", host: SourceHost = nodeHost): CheckResult {
  const absolute = path.resolve(filePath);
  const overlay: SourceHost = { readFile: (p) => (p === absolute ? text : host.readFile(p)) };
  return checkProgram(loadProgram(absolute, overlay));
}

function emptyModel(unit: A.PolicyDecl | A.LibraryDecl, file: string, program: Program): PolicyModel {
  const metadata = collectMetadata(unit);
  const version = metadata.approved ?? metadata.effective;
  const appliesTo = unit.kind === "policy" ? applicableCodes(unit) : undefined;
  return {
    kind: unit.kind,
    name: unit.name.name,
    ...(unit.title ? { title: unit.title.value } : {}),
    ...(unit.doc !== undefined ? { doc: unit.doc } : {}),
    file,
    decl: unit,
    metadata,
    ...(version !== undefined ? { version } : {}),
    enums: new Map<string, EnumSymbol>(),
    facts: new Map<string, FactSymbol>(),
    codesets: new Map<string, CodesetSymbol>(),
    defines: new Map(),
    rules: [],
    otherwise: otherwiseOutcome(unit),
    ...(appliesTo ? { appliesTo } : {}),
    requirements: [],
    tests: unit.members.filter((m): m is A.TestDecl => m.kind === "test"),
    names: new Map(),
    types: new Map(),
    files: [...program.files.keys()],
  };
}

/** By file (the root first, then imports as loaded), then position; stable for equal positions. */
function sorted(diagnostics: Diagnostic[], program: Program): Diagnostic[] {
  const order = new Map([...program.files.keys()].map((f, i) => [f, i]));
  const rank = (d: Diagnostic): number => order.get(d.file ?? "") ?? order.size;
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.d.span.start.offset - b.d.span.start.offset || a.i - b.i)
    .map((x) => x.d);
}
