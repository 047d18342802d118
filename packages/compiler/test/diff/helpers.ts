/**
 * Helpers for the diff tests: revisions of a policy made by text
 * substitution (checked as if saved at the policy's own path, so imports
 * resolve), and the check every reported change must pass — its witness,
 * evaluated with both versions by the real evaluator, gives what the diff says.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "vitest";
import { checkText, hasErrors, type PolicyModel } from "@pol/dsl";
import { caseFor, type PolicyDiff } from "../../src/diff/index.js";
import { evaluate } from "../../src/evaluate.js";
import type { Decision } from "../../src/runtime/index.js";
import { POLICIES } from "../helpers/policies.js";

export const IMRT = resolve(POLICIES, "imrt.pol");
export const IMRT_TEXT = readFileSync(IMRT, "utf8");

/** A checked model of `text` as if it were saved at `file`; fails on errors. */
export function checked(text: string, file = IMRT): PolicyModel {
  const { model, diagnostics } = checkText(text, file);
  if (!model || hasErrors(diagnostics)) {
    throw new Error(`the revision does not check:\n${diagnostics.filter((d) => d.severity === "error").map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message}`).join("\n")}`);
  }
  return model;
}

/** Replace `from` by `to` in `text`, failing when `from` is not there (a fixture that silently does nothing proves nothing). */
export function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`the edit found nothing to replace: ${String(from)}`);
  return out;
}

/** A decision of one version for a witness, read as that version reads it. */
export function decisionOf(d: PolicyDiff, model: PolicyModel, side: "old" | "new", witness: PolicyDiff["behavior"][number]["witness"]): Decision {
  const r = evaluate(model, caseFor(model, witness, d.factRenames, side));
  if ("errors" in r) throw new Error(`witness is not a valid case for the ${side} version: ${JSON.stringify(r.errors)}`);
  return r;
}

/** Every reported change's witness gives, with both versions, exactly what the diff says. */
export function expectWitnessesHold(d: PolicyDiff, oldModel: PolicyModel, newModel: PolicyModel): void {
  for (const b of d.behavior) {
    const a = decisionOf(d, oldModel, "old", b.witness);
    const n = decisionOf(d, newModel, "new", b.witness);
    expect({ outcome: a.outcome, rule: a.rule, possible: a.possible }, b.description).toEqual({ outcome: b.old.outcome, rule: b.old.rule, possible: b.old.possible });
    expect({ outcome: n.outcome, rule: n.rule, possible: n.possible }, b.description).toEqual({ outcome: b.new.outcome, rule: b.new.rule, possible: b.new.possible });
    expect(b.facts.sort()).toEqual(givenNames(b.witness).sort());
  }
  const renamed = new Map(d.requirementRenames.map((r) => [r.new, r.old]));
  for (const c of d.documentation) {
    const a = decisionOf(d, oldModel, "old", c.witness);
    const n = decisionOf(d, newModel, "new", c.witness);
    const oldId = renamed.get(c.requirement) ?? c.requirement;
    const status = (x: Decision, id: string) => x.documentation.find((i) => i.id === id)?.status ?? "absent";
    expect(status(a, oldId), c.description).toBe(c.old);
    expect(status(n, c.requirement), c.description).toBe(c.new);
  }
}

function givenNames(w: PolicyDiff["behavior"][number]["witness"]): string[] {
  return [...Object.keys(w.facts), ...(w.procedures ? ["procedures"] : []), ...(w.as_of ? ["as_of"] : [])];
}

/** The distinct (old outcome → new outcome) pairs a diff reports. */
export function outcomePairs(d: PolicyDiff): Set<string> {
  return new Set(d.behavior.map((b) => `${b.old.outcome}→${b.new.outcome}`));
}
