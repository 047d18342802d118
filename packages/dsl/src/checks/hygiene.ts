/**
 * Warnings that keep a policy readable: `and` mixed with `or` without
 * parentheses (§4), and declarations of the policy that nothing uses.
 *
 * Unused declarations are reported for the policy's own file only: a library
 * is shared, and what one policy leaves unused another may need.
 */
import type * as A from "../ast.js";
import type { CheckContext, ValidationRegistry } from "./registry.js";
import type { Declared } from "./scope.js";
import type { CheckerState } from "./state.js";

export function registerHygieneChecks(registry: ValidationRegistry): void {
  registry.register("logical", checkMixedAndOr);
}

/** `a or b and c` reads to many as `(a or b) and c`; it means `a or (b and c)`. */
function checkMixedAndOr(e: A.LogicalExpr, ctx: CheckContext): void {
  if (e.op !== "or") return;
  for (const operand of e.operands) {
    if (operand.kind !== "logical" || operand.op !== "and") continue;
    const text = ctx.reporter.source(operand);
    ctx.reporter.report(
      "mixed-and-or",
      `\`and\` binds tighter than \`or\`, so this means \`… or (${ctx.reporter.quote(operand)})\`; add the parentheses to say so`,
      operand,
      { suggestion: { title: "Add parentheses", span: operand.span, replacement: `(${text})` } },
    );
  }
}

/**
 * `unused-fact`, `unused-define`, `unused-codeset` for the root policy's own
 * declarations. A use anywhere counts: a rule, a define (even an unused one),
 * a `when`, a requirement's condition, an `include`, and a test's `given` or
 * `expect missing`. Asks are questions to answer, never unused; a codeset
 * made only of includes is a grouping, never unused.
 */
export function reportUnused(state: CheckerState): void {
  const unit = state.root.parsed.file.unit;
  if (unit?.kind !== "policy") return;
  const used = new Set<unknown>(state.model.names.values());
  const all = [...state.scope.declarations, ...state.scope.duplicates];
  for (const d of all) {
    if (d.kind !== "codeset") continue;
    for (const name of d.includes) used.add(state.scope.lookup(name, d.file));
  }
  for (const m of unit.members) {
    if (m.kind !== "test") continue;
    for (const g of m.given) used.add(state.scope.lookup(g.name.name, state.root.path));
    for (const x of m.expectations) {
      if (x.kind === "expect-missing") for (const n of x.names) used.add(state.scope.lookup(n.name, state.root.path));
    }
  }
  const reporter = state.reporterFor(state.root.path);
  for (const d of state.scope.declarations) {
    if (d.file !== state.root.path || used.has(d)) continue;
    const message = unusedMessage(d);
    if (message) reporter.report(message.code, message.text, d.decl.name);
  }
}

function unusedMessage(d: Declared): { code: "unused-fact" | "unused-define" | "unused-codeset"; text: string } | undefined {
  if (d.kind === "fact" && d.decl.kind === "fact") {
    return { code: "unused-fact", text: `fact \`${d.name}\` is not used by any rule, define, requirement or test` };
  }
  if (d.kind === "define") return { code: "unused-define", text: `define \`${d.name}\` is not used by any rule, define or requirement` };
  // A codeset made only of `include`s names a group of other codesets (the
  // listed sites, "V. Gastrointestinal tumors including …"): it has no codes
  // of its own that could go stale, and renderers and integrators read it.
  if (d.kind === "codeset" && d.decl.entries.every((e) => e.kind === "include") && d.decl.entries.length > 0) return undefined;
  if (d.kind === "codeset") return { code: "unused-codeset", text: `codeset \`${d.name}\` is not used by any condition or codeset` };
  return undefined;
}
