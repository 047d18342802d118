/**
 * `at least N of (…)` and `X has at least N of { … }` (LANGUAGE.md §4): N is a
 * whole number from 1, and no larger than the list, or the condition could
 * never hold.
 */
import type * as A from "../ast.js";
import type { CheckContext, ValidationRegistry } from "./registry.js";

export function registerCountChecks(registry: ValidationRegistry): void {
  registry.register("at-least", (e, ctx) => checkCount(e.count, e.args.length, "conditions", ctx));
  registry.register("has", (e, ctx) => {
    if (e.quantifier !== "at-least" || !e.count) return;
    // Only a set written out has a known size; a codeset's entries are patterns, not members.
    const size = e.value.kind === "set" ? e.value.items.length : undefined;
    checkCount(e.count, size, "values", ctx);
  });
}

function checkCount(count: A.NumberLiteral, listed: number | undefined, what: string, ctx: CheckContext): void {
  if (!Number.isInteger(count.value) || count.value < 1) {
    ctx.reporter.report("invalid-count", `\`at least ${count.raw}\` needs a whole number from 1`, count);
    return;
  }
  if (listed !== undefined && count.value > listed) {
    ctx.reporter.report(
      "at-least-too-many",
      `\`at least ${count.raw} of\` ${listed} ${listed === 1 ? what.replace(/s$/, "") : what} can never hold`,
      count,
    );
  }
}
