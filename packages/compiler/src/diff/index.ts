/**
 * `diff(oldModel, newModel)`: what a revision of a policy changes — its
 * declarations, and what it decides for every request (ARCHITECTURE.md "pol
 * diff"). Pure: two checked models in, plain data out; `pol diff` prints it.
 */
import type { PolicyModel } from "@pol/dsl";
import { behaviorDiff, type BehaviorOptions } from "./behavior.js";
import { correspond } from "./correspondence.js";
import { declarationChanges } from "./declarations.js";
import type { PolicyDiff } from "./types.js";

export type * from "./types.js";
export { caseFor } from "./witness.js";
export { formatDiff } from "./report.js";
export type { BehaviorOptions as DiffOptions } from "./behavior.js";

/**
 * Compare two checked versions of a policy (both without errors). Declarations
 * are paired by name (rules by label, then content, then position; renames
 * when one-to-one); behaviour is compared over the whole input space.
 */
export function diff(oldModel: PolicyModel, newModel: PolicyModel, options: BehaviorOptions = {}): PolicyDiff {
  const c = correspond(oldModel, newModel);
  const declarations = declarationChanges(oldModel, newModel, c);
  const factRenames = c.facts.renamed.map(([o, n]) => ({ old: o, new: n }));
  const requirementRenames = c.requirements.renamed.map(([o, n]) => ({ old: o.id, new: n.id }));
  const b = behaviorDiff(oldModel, newModel, c, factRenames, options);
  return {
    old: { name: oldModel.name, version: oldModel.version ?? null },
    new: { name: newModel.name, version: newModel.version ?? null },
    declarations,
    behavior: b.behavior,
    documentation: b.documentation,
    summary: {
      outcomeChanges: b.behavior.length,
      documentationChanges: b.documentation.length,
      declarationChanges: declarations.length,
      exhaustive: b.exhaustive,
      regions: b.regions,
      nodes: b.nodes,
      notes: b.notes,
    },
    factRenames,
    requirementRenames,
  };
}
