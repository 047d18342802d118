/**
 * Defines (LANGUAGE.md §3): typed in dependency order, cycles reported, and
 * listed in the model so that every define comes after the defines it uses.
 *
 * The order to type them in comes from the names written in each value
 * (whether a name is a define or an enum member depends on types, which is
 * what we are computing). Defines that mention each other are typed in source
 * order; a use of one not typed yet has the `error` type, which reports
 * nothing. The cycles reported, and the order in the model, come from what
 * the names actually resolved to.
 */
import type { DefineSymbol } from "../model.js";
import { describeCycles, isCycle, stronglyConnected } from "./graph.js";
import type { CheckerState } from "./state.js";
import type { ExpressionTyper } from "./types.js";
import { nameRefsIn } from "./walk.js";

/** Type every define; returns the defines that hold their names, dependencies first. */
export function typeDefines(state: CheckerState, typerFor: (file: string) => ExpressionTyper): DefineSymbol[] {
  const all = [...state.scope.declarations, ...state.scope.duplicates].filter((d): d is DefineSymbol => d.kind === "define");
  const refs = new Map(all.map((d) => [d, nameRefsIn(d.value)]));

  const mentioned = (d: DefineSymbol): DefineSymbol[] =>
    (refs.get(d) ?? []).flatMap((r) => {
      const target = state.scope.lookup(r.name, d.file);
      return target?.kind === "define" ? [target] : [];
    });
  for (const component of stronglyConnected(all, mentioned)) {
    for (const d of component) d.type = typerFor(d.file).infer(d.value);
  }

  const uses = (d: DefineSymbol): DefineSymbol[] =>
    (refs.get(d) ?? []).flatMap((r) => {
      const target = state.model.names.get(r);
      return target?.kind === "define" ? [target] : [];
    });
  const ordered = stronglyConnected(all, uses);
  for (const component of ordered) {
    if (!isCycle(component, uses)) continue;
    const paths = describeCycles(component, uses, (x) => x.name);
    for (const d of component) {
      const path = paths.get(d) ?? "";
      state.reporterFor(d.file).report("define-cycle", `\`${d.name}\` is defined in terms of itself: ${path}`, d.decl.name);
    }
  }
  const holders = new Set(state.scope.declarations);
  return ordered.flat().filter((d) => holders.has(d));
}
