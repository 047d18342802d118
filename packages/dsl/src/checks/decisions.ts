/**
 * Decisions and documentation (LANGUAGE.md §5, §6): rules with their labels,
 * the `otherwise` outcome, requirements flattened with their `when` chain,
 * and the conditions of all of them type-checked as true/false.
 */
import type * as A from "../ast.js";
import type { RequirementModel, RuleModel } from "../model.js";
import type { CheckContext, ValidationRegistry } from "./registry.js";
import type { FoundRequirement } from "./scope.js";
import type { ExpressionTyper } from "./types.js";

export function registerDecisionChecks(registry: ValidationRegistry): void {
  registry.register("policy", checkOneOtherwise, checkHasOtherwise);
  registry.register("library", checkNoRulesInLibrary);
}

const OUTCOME_WORDS: Record<A.RuleOutcome, string> = { covered: "covered", review: "review", not_covered: "not covered" };

function checkOneOtherwise(unit: A.PolicyDecl, ctx: CheckContext): void {
  const all = unit.members.filter((m): m is A.OtherwiseDecl => m.kind === "otherwise");
  for (const extra of all.slice(1)) {
    ctx.reporter.report("duplicate-otherwise", "a policy has at most one `otherwise`; the first one counts", extra, {
      related: [{ message: "the first `otherwise`", node: all[0], file: ctx.reporter.file }],
    });
  }
}

/** An info, not a warning: leaving `otherwise` out is allowed (§5), but a reader may not know the default. */
function checkHasOtherwise(unit: A.PolicyDecl, ctx: CheckContext): void {
  if (!ctx.isRoot || unit.members.some((m) => m.kind === "otherwise")) return;
  ctx.reporter.report(
    "missing-otherwise",
    "no `otherwise`: a request that no rule decides is `not covered`; write `otherwise not covered` to say so",
    { node: unit, property: "name" },
  );
}

/** A library shares criteria (§2); rules, requirements, tests and `applies to` belong to a policy. Metadata is fine (metadata.ts). */
function checkNoRulesInLibrary(unit: A.LibraryDecl, ctx: CheckContext): void {
  for (const m of unit.members) {
    const what =
      m.kind === "rule" ? `a \`${OUTCOME_WORDS[m.outcome]}\` rule` :
      m.kind === "otherwise" ? "`otherwise`" :
      m.kind === "require" || m.kind === "ask" || m.kind === "when" ? "a documentation requirement" :
      m.kind === "test" ? "a test" :
      m.kind === "applies-to" ? "`applies to`" :
      undefined;
    if (!what) continue;
    ctx.reporter.report(
      "rule-in-library",
      `${what} cannot be in a library: a library holds enums, facts, codesets and defines that policies share; move it to a policy`,
      m,
    );
  }
}

/** The rules in file order, each with its label or a generated one that names its line. */
export function collectRules(unit: A.PolicyDecl | A.LibraryDecl): RuleModel[] {
  return unit.members
    .filter((m): m is A.RuleDecl => m.kind === "rule")
    .map((decl, index) => ({
      outcome: decl.outcome,
      label: decl.label?.value ?? `${OUTCOME_WORDS[decl.outcome]} rule at line ${decl.span.start.line}`,
      condition: decl.condition,
      decl,
      index,
    }));
}

export function otherwiseOutcome(unit: A.PolicyDecl | A.LibraryDecl): A.RuleOutcome {
  return unit.members.find((m): m is A.OtherwiseDecl => m.kind === "otherwise")?.outcome ?? "not_covered";
}

/** Requirements in source order, from the binder's flattening of `when` blocks. */
export function requirementModels(
  found: FoundRequirement[],
  typeOfAsk: (decl: A.AskDecl) => RequirementModel["type"],
): RequirementModel[] {
  return found
    .filter(({ decl }) => decl.name.name !== "")
    .map(({ decl, conditions }) => ({
      kind: decl.kind === "ask" ? "question" : "document",
      id: decl.name.name,
      text: decl.text.value,
      conditions,
      ...(decl.kind === "ask" ? { type: typeOfAsk(decl) } : {}),
      decl,
    }));
}

/** Type-check every condition of a file's rules, `when` blocks and requirements. */
export function checkDecisionConditions(typer: ExpressionTyper, unit: A.PolicyDecl | A.LibraryDecl): void {
  const requirement = (r: A.Requirement): void => {
    if (r.kind === "when") {
      typer.condition(r.condition);
      for (const m of r.members) requirement(m);
    } else if (r.when) {
      typer.condition(r.when);
    }
  };
  for (const m of unit.members) {
    if (m.kind === "rule") typer.condition(m.condition);
    else if (m.kind === "require" || m.kind === "ask" || m.kind === "when") requirement(m);
  }
}
