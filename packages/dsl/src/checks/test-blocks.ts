/**
 * `test` blocks (LANGUAGE.md §8): every `given` names a fact (or `procedures`,
 * `documents`, `as_of`) and gives it a value of its type; every `expect` names
 * requirements, facts and rule labels that exist.
 *
 * A fact with a unit takes a value with a unit of the same dimension (`23
 * months` for a fact in years, converted); a bare number is refused, as in
 * conditions, because the reader cannot tell which unit was meant.
 */
import type * as A from "../ast.js";
import type { PolType, RequirementModel, RuleModel } from "../model.js";
import { lookupUnit } from "../semantics/units.js";
import { reportUnknownMember, enumOf } from "./names.js";
import type { Reporter } from "./registry.js";
import { CASE_WORDS } from "./scope.js";
import type { CheckerState } from "./state.js";
import { closest, didYouMean, replaceWith } from "./suggest.js";
import { codeSystemsMatch, describeType, type ExpressionTyper } from "./types.js";
import { describeNumber } from "./units.js";

const PROCEDURE: PolType = { kind: "code", system: "procedure" };

export function checkTests(
  state: CheckerState,
  typer: ExpressionTyper,
  unit: A.PolicyDecl | A.LibraryDecl,
  requirements: RequirementModel[],
  rules: RuleModel[],
): void {
  for (const m of unit.members) {
    if (m.kind !== "test") continue;
    const given = new Map<string, A.GivenEntry>();
    for (const entry of m.given) {
      const name = entry.name.name;
      if (name === "") continue;
      const first = given.get(name);
      if (first) {
        typer.reporter.report("invalid-given", `\`${name}\` is given twice in this test`, { node: entry, property: "name" }, {
          related: [{ message: "the first value", node: first, file: typer.reporter.file }],
        });
        continue;
      }
      given.set(name, entry);
      checkGivenEntry(state, typer, entry, requirements);
    }
    for (const x of m.expectations) checkExpectation(state, typer.reporter, x, requirements, rules);
  }
}

function checkGivenEntry(state: CheckerState, typer: ExpressionTyper, entry: A.GivenEntry, requirements: RequirementModel[]): void {
  const { reporter } = typer;
  const name = entry.name.name;
  if (name === "procedures") return checkValue(typer, entry.value, { kind: "set", element: PROCEDURE }, name);
  if (name === "as_of") return checkValue(typer, entry.value, { kind: "date" }, name);
  if (name === "documents") return checkDocuments(reporter, entry.value, requirements);
  const d = state.scope.lookup(name, reporter.file);
  if (d?.kind === "fact") return checkValue(typer, entry.value, d.type, name);
  const facts = state.scope.visibleFrom(reporter.file).filter((x) => x.kind === "fact").map((x) => x.name);
  const guess = d ? undefined : closest(name, [...facts, ...CASE_WORDS]);
  const why =
    d?.kind === "define" ? `; \`${name}\` is a define, computed from facts: give the facts it uses` :
    d ? `; \`${name}\` is ${d.kind === "enum" ? "an enum" : `a ${d.kind}`}, and \`given\` sets facts, \`procedures\`, \`documents\` and \`as_of\`` :
    didYouMean(guess);
  reporter.report("unknown-name", `no fact \`${name}\` to give${why}`, entry.name, guess ? { suggestion: replaceWith(entry.name.span, guess) } : {});
}

/** `documents: [ids]` lists the `require`s the request carries (§6, §8). */
function checkDocuments(reporter: Reporter, value: A.GivenValue, requirements: RequirementModel[]): void {
  if (value.kind !== "given-list") {
    if ((value.kind as string) !== "error-expr") reporter.report("invalid-given", "`documents` is a list of required documents: `documents: [target_volume]`", value);
    return;
  }
  const documents = requirements.filter((r) => r.kind === "document").map((r) => r.id);
  for (const item of value.items) {
    if (item.kind !== "name") {
      reporter.report("invalid-given", "`documents` lists the ids of `require` declarations", item);
      continue;
    }
    if (documents.includes(item.name)) continue;
    const isQuestion = requirements.some((r) => r.kind === "question" && r.id === item.name);
    const guess = isQuestion ? undefined : closest(item.name, documents);
    const why = isQuestion ? `; \`${item.name}\` is an ask: give it a value instead (\`${item.name}: …\`)` : didYouMean(guess);
    reporter.report("unknown-requirement", `no required document \`${item.name}\`${why}`, item, guess ? { suggestion: replaceWith(item.span, guess) } : {});
  }
}

/** Does a given value fit the type of its fact? Reports `invalid-given` (or an unknown member) if not. */
function checkValue(typer: ExpressionTyper, value: A.GivenValue, type: PolType, fact: string): void {
  const { reporter } = typer;
  if ((value.kind as string) === "error-expr" || type.kind === "error") return;
  const wrong = (why: string, at: A.Node = value): void => {
    reporter.report("invalid-given", `\`${fact}\` is ${describeType(type)}: ${why}`, at);
  };
  if (type.kind === "set") {
    if (value.kind !== "given-list") return wrong(`write a list, e.g. \`[${reporter.quote(value)}]\``);
    for (const item of value.items) checkValue(typer, item, type.element, fact);
    return;
  }
  if (value.kind === "given-list") return wrong("give one value, not a list");
  if (value.kind !== "name") typer.infer(value);

  switch (type.kind) {
    case "bool":
      if (value.kind !== "bool") wrong("give `true` or `false`");
      return;
    case "date":
      if (value.kind !== "date") wrong("give a date, e.g. `2025-10-01`");
      return;
    case "text":
      if (value.kind !== "string") wrong('give a quoted text, e.g. `"…"`');
      return;
    case "number": {
      if (value.kind !== "number") return wrong("give a number");
      const unit = value.unit ? lookupUnit(value.unit.name) : undefined;
      if (!type.dimension) {
        if (unit) wrong(`give a number without a unit, not \`${reporter.quote(value)}\``);
        return;
      }
      if (!unit) {
        const fixed = `${value.raw} ${type.unit ?? ""}`.trim();
        reporter.report("invalid-given", `\`${fact}\` is ${describeNumber(type)}: write the unit, e.g. \`${fixed}\``, value, {
          suggestion: { title: `Write \`${fixed}\``, span: value.span, replacement: fixed },
        });
        return;
      }
      if (unit.dimension !== type.dimension) wrong(`\`${reporter.quote(value)}\` is ${describeNumber({ kind: "number", dimension: unit.dimension })}`);
      return;
    }
    case "enum": {
      const e = enumOf(typer.state, reporter.file, type.name);
      if (value.kind !== "name") return wrong(`give one of its members${e ? ` (${[...e.members.keys()].join(", ")})` : ""}`);
      const member = e?.members.get(value.name);
      if (member) {
        typer.state.model.names.set(value, member);
        typer.state.model.types.set(value, type);
      } else if (e) {
        reportUnknownMember(reporter, value, e);
      }
      return;
    }
    case "code": {
      if (value.kind !== "code") return wrong(`give a code with its system word, e.g. \`${type.system === "procedure" ? "CPT 77385" : `${type.system} …`}\``);
      if (value.rangeEnd !== undefined) return wrong("give single codes, not a range");
      if (!codeSystemsMatch(type.system, value.system)) wrong(`\`${reporter.quote(value)}\` is a ${value.system} code`);
      return;
    }
    default:
      return;
  }
}

function checkExpectation(state: CheckerState, reporter: Reporter, x: A.Expectation, requirements: RequirementModel[], rules: RuleModel[]): void {
  switch (x.kind) {
    case "expect-requires": {
      const ids = requirements.map((r) => r.id);
      for (const n of x.names) {
        if (n.name === "" || ids.includes(n.name)) continue;
        const guess = closest(n.name, ids);
        reporter.report("unknown-requirement", `no requirement \`${n.name}\` (a \`require\` or an \`ask\`)${didYouMean(guess)}`, n, guess ? { suggestion: replaceWith(n.span, guess) } : {});
      }
      return;
    }
    case "expect-missing": {
      for (const n of x.names) {
        if (n.name === "" || n.name === "as_of" || n.name === "procedures") continue;
        const d = state.scope.lookup(n.name, reporter.file);
        if (d?.kind === "fact") continue;
        const facts = state.scope.visibleFrom(reporter.file).filter((f) => f.kind === "fact").map((f) => f.name);
        const guess = d ? undefined : closest(n.name, [...facts, "as_of", "procedures"]);
        const why = d ? `; \`${n.name}\` is ${d.kind === "enum" ? "an enum" : `a ${d.kind}`}, and \`missing\` lists facts` : didYouMean(guess);
        reporter.report("unknown-name", `no fact \`${n.name}\`${why}`, n, guess ? { suggestion: replaceWith(n.span, guess) } : {});
      }
      return;
    }
    case "expect-rule": {
      const labels = [...rules.map((r) => r.label), "otherwise"];
      if (labels.includes(x.label.value)) return;
      const guess = closest(x.label.value, labels);
      reporter.report(
        "unknown-name",
        `no rule is labelled "${x.label.value}"${guess ? `; did you mean "${guess}"?` : ""}`,
        x.label,
        guess ? { suggestion: replaceWith(x.label.span, quoted(guess), `"${guess}"`) } : {},
      );
      return;
    }
    default:
      return;
  }
}

/** A Pol string literal (§1 escapes). */
const quoted = (s: string): string => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
