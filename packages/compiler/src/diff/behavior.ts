/**
 * What a revision changes for requests (issue 7, part 2): every distinct pair
 * (old decision → new decision) over the whole input space, and every change
 * of a requirement's status, each with a concrete, minimal witness checked
 * with the real evaluator.
 */
import type { PolicyModel } from "@pol/dsl";
import { walkExpression } from "@pol/dsl";
import type { Decision } from "../runtime/index.js";
import { AbstractEvaluator, evalState, UNKNOWN, type Assignment, type EvalState } from "./abstract-eval.js";
import { decide, decisionKey, isUndetermined, requirementStatus, applicability, type AbstractDecision, type Undetermined } from "./abstract-decide.js";
import { Breakpoints } from "./breakpoints.js";
import type { Correspondence } from "./correspondence.js";
import { decisionWords, readingNotes, requestWords, statusWords, type Reading } from "./describe.js";
import { decisionResidual, readsKey, ReadsOf, residual } from "./residual.js";
import { explore, type Answer, type Found } from "./search.js";
import { inputSpace, type Space } from "./space.js";
import type { BehaviorChange, CaseJson, DecisionSummary, DocumentationChange, FactRename, RequirementState } from "./types.js";
import { Version } from "./version.js";
import { caseFor, decisionFor, givenNames, minimize, witnessOf } from "./witness.js";

/** Options of the behavioural analysis. */
export interface BehaviorOptions {
  /** Stop after exploring this many nodes per question (default one million). */
  maxNodes?: number;
}

/** The behavioural part of a diff. */
export interface BehaviorResult {
  behavior: BehaviorChange[];
  documentation: DocumentationChange[];
  regions: number;
  /** Nodes of the search explored (memo hits not counted): the work done. */
  nodes: number;
  exhaustive: boolean;
  notes: string[];
}

/** A group of regions with the same change, and the best witness seen for it. */
interface Group {
  regions: number;
  witness: CaseJson;
  regionWords: Map<string, string>;
}

/** Compare what two policies decide, over every request. */
export function behaviorDiff(oldModel: PolicyModel, newModel: PolicyModel, c: Correspondence, factRenames: FactRename[], options: BehaviorOptions = {}): BehaviorResult {
  if (oldModel.kind !== "policy" || newModel.kind !== "policy") {
    return { behavior: [], documentation: [], regions: 0, nodes: 0, exhaustive: true, notes: ["a library decides nothing: only its declarations are compared"] };
  }
  const old = new Version(oldModel, "old", c.rules.oldIds);
  const now = new Version(newModel, "new", c.rules.newIds);
  const space = inputSpace(oldModel, newModel, c);
  const evOld = new AbstractEvaluator(old, space);
  const evNew = new AbstractEvaluator(now, space);
  const breakpoints = new Breakpoints(space, [evOld, evNew]);
  const fixed: Assignment = new Map();
  if (!proceduresMatter(oldModel, newModel)) fixed.set("procedures", UNKNOWN);
  const searchOptions = { fixed, ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}) };
  const notes: string[] = [];
  const readsOld = new ReadsOf(evOld);
  const readsNew = new ReadsOf(evNew);
  const units = unitsOf(space);
  let regions = 0;
  let nodes = 0;
  let complete = true;
  const groupsOf = (found: Map<string, Found>) =>
    [...found].map(([key, f]): [string, Group] => {
      const asg = new Map(fixed);
      for (const [k, v] of f.path) asg.set(k, v);
      const words = new Map(f.words.map(([k, w]) => [space.variables.get(k)?.name ?? k, w]));
      return [key, { regions: f.regions, witness: witnessOf(space, asg), regionWords: words }];
    });

  // ── outcomes ──
  const outcome = explore(
    space,
    breakpoints,
    (asg): Answer<{ old: AbstractDecision; new: AbstractDecision }> => {
      const s1 = evalState(asg);
      const s2 = evalState(asg);
      const a = decide(evOld, s1);
      const b = decide(evNew, s2);
      if (!isUndetermined(a) && !isUndetermined(b)) return { result: { old: a, new: b } };
      // Split for the walk that stopped earlier: the two walks then advance together, and neither
      // leaves a trail of undecided rules behind that would tell memo keys apart.
      const first = (x: AbstractDecision | Undetermined) => (isUndetermined(x) ? (x.at ?? 0) : Infinity);
      const blame = (first(a) <= first(b) ? (a as Undetermined) : (b as Undetermined)).blame;
      return { blame, key: `${decisionResidual(evOld, readsOld, s1)}||${decisionResidual(evNew, readsNew, s2)}` };
    },
    (r) => {
      const ka = decisionKey(r.old);
      const kb = decisionKey(r.new);
      return ka === kb ? undefined : `${ka}→${kb}`;
    },
    searchOptions,
  );
  regions += outcome.leaves;
  nodes += outcome.nodes;
  complete &&= outcome.complete;

  const behavior: BehaviorChange[] = [];
  for (const [, g] of groupsOf(outcome.found)) {
    const change = outcomeChange(g, old, now, factRenames, units);
    if (typeof change === "string") notes.push(change);
    else behavior.push(change);
  }

  // ── documentation ──
  const documentation: DocumentationChange[] = [];
  const reqRenames = new Map([...c.requirements.same, ...c.requirements.renamed].map(([a, b]) => [b.id, a.id]));
  const ids: { old?: string; new?: string }[] = [
    ...newModel.requirements.map((r) => ({ new: r.id, ...(reqRenames.has(r.id) ? { old: reqRenames.get(r.id) } : {}) })),
    ...c.requirements.removed.map((r) => ({ old: r.id })),
  ];
  const conditionsKey = (ev: AbstractEvaluator, reads: ReadsOf, id: string | undefined, s: EvalState) => {
    const r = id === undefined ? undefined : ev.version.requirements.get(id);
    const app = applicability(ev, s);
    const a = isUndetermined(app) ? `A(${readsKey(new Map([["procedures", "all"]]), s.asg, (k) => space.variables.get(k)!.elements.length)})` : String(app);
    return `${a}:${(r?.conditions ?? []).map((l) => residual(ev, reads, l, s)).join(";")}`;
  };
  for (const id of ids) {
    const result = explore(
      space,
      breakpoints,
      (asg): Answer<{ old: RequirementState; new: RequirementState } | "ignored"> => {
        const s1 = evalState(asg);
        const s2 = evalState(asg);
        const undetermined = (blame: string) => ({ blame, key: `${conditionsKey(evOld, readsOld, id.old, s1)}||${conditionsKey(evNew, readsNew, id.new, s2)}` });
        const a = requirementStatus(evOld, id.old, s1);
        if (isUndetermined(a)) return undetermined(a.blame);
        const b = requirementStatus(evNew, id.new, s2);
        if (isUndetermined(b)) return undetermined(b.blame);
        if (a === b) return { result: { old: a, new: b } };
        // A request one version does not apply to has no documentation at all: that is an outcome change.
        const appOld = applicability(evOld, s1);
        if (isUndetermined(appOld)) return undetermined(appOld.blame);
        const appNew = applicability(evNew, s2);
        if (isUndetermined(appNew)) return undetermined(appNew.blame);
        return { result: appOld && appNew ? { old: a, new: b } : "ignored" };
      },
      (r) => (r === "ignored" || r.old === r.new ? undefined : `${r.old}→${r.new}`),
      searchOptions,
    );
    regions += result.leaves;
    nodes += result.nodes;
    complete &&= result.complete;
    for (const [key, g] of groupsOf(result.found)) {
      const [a, b] = key.split("→") as [RequirementState, RequirementState];
      const change = documentationChange(g, id, a, b, old, now, factRenames, units);
      if (typeof change === "string") notes.push(change);
      else documentation.push(change);
    }
  }

  if (!complete) notes.push("the analysis stopped at its size limit: changes beyond it may be missing");
  notes.push(...breakpoints.notes, ...space.notes);
  return { behavior, documentation, regions, nodes, exhaustive: complete && breakpoints.notes.size === 0 && space.notes.length === 0, notes };
}

function unitsOf(space: Space): Map<string, string> {
  const units = new Map<string, string>();
  for (const v of space.variables.values()) if (v.number?.unit && !v.number.object) units.set(v.name, v.number.unit);
  return units;
}

/** The rule id a decision names (its label, in the deciding class). */
function ruleId(v: Version, d: Decision): string | null {
  if (d.rule === null || d.rule === "otherwise") return d.rule;
  return v.rules.find((r) => r.label === d.rule && r.outcome === d.outcome)?.id ?? d.rule;
}

function concreteKey(v: Version, d: Decision): string {
  return `${d.outcome}|${ruleId(v, d) ?? ""}|${(d.possible ?? []).join(",")}`;
}

function summary(d: Decision): DecisionSummary {
  return { outcome: d.outcome, rule: d.rule, ...(d.possible ? { possible: d.possible } : {}) };
}

function outcomeChange(g: Group, old: Version, now: Version, renames: FactRename[], units: Map<string, string>): BehaviorChange | string {
  const keys = (w: CaseJson) => {
    const a = decisionFor(old.model, w, renames, "old");
    const b = decisionFor(now.model, w, renames, "new");
    return { a, b, key: `${concreteKey(old, a)}→${concreteKey(now, b)}` };
  };
  const first = keys(g.witness);
  const [ka, kb] = first.key.split("→");
  if (ka === kb) return `internal: a witness does not show its change (${first.key})`;
  const witness = minimize(g.witness, (w) => keys(w).key === first.key);
  const final = keys(witness);
  const description = `${requestWords(witness, units, g.regionWords)} was ${decisionWords(summary(final.a))}, now ${decisionWords(summary(final.b))}.${notesOf(witness, old, now, renames)}`;
  return { old: summary(final.a), new: summary(final.b), witness, facts: givenNames(witness), description, regions: g.regions };
}

/** " The old version does not know …." for each part of the witness a version leaves out. */
function notesOf(witness: CaseJson, old: Version, now: Version, renames: FactRename[]): string {
  const toOld = new Map(renames.map((r) => [r.new, r.old]));
  const renamedAway = new Set(renames.map((r) => r.old));
  const readings: Reading[] = [
    {
      side: "old",
      facts: caseFor(old.model, witness, renames, "old").facts,
      ownName: (n) => {
        const own = toOld.get(n) ?? (renamedAway.has(n) ? undefined : n);
        return own !== undefined && old.model.facts.has(own) ? own : undefined;
      },
    },
    { side: "new", facts: caseFor(now.model, witness, renames, "new").facts, ownName: (n) => (now.model.facts.has(n) ? n : undefined) },
  ];
  const notes = readingNotes(witness, readings);
  return notes.map((n) => ` ${n.charAt(0).toUpperCase()}${n.slice(1)}.`).join("");
}

function statusOf(d: Decision, id: string | undefined): RequirementState {
  if (id === undefined || d.outcome === "not_applicable") return "absent";
  return d.documentation.find((x) => x.id === id)?.status ?? "absent";
}

function documentationChange(
  g: Group,
  id: { old?: string; new?: string },
  a: RequirementState,
  b: RequirementState,
  old: Version,
  now: Version,
  renames: FactRename[],
  units: Map<string, string>,
): DocumentationChange | string {
  const holds = (w: CaseJson) => {
    const da = decisionFor(old.model, w, renames, "old");
    const db = decisionFor(now.model, w, renames, "new");
    return da.outcome !== "not_applicable" && db.outcome !== "not_applicable" && statusOf(da, id.old) === a && statusOf(db, id.new) === b;
  };
  if (!holds(g.witness)) return `internal: a witness does not show the change of requirement ${id.new ?? id.old}`;
  const witness = minimize(g.witness, holds);
  const name = id.new ?? id.old!;
  const kind = (now.requirements.get(id.new ?? "") ?? old.requirements.get(id.old ?? ""))!.kind;
  const description = `${requestWords(witness, units, g.regionWords)}: \`${name}\` was ${statusWords(a)}, now ${statusWords(b)}.${notesOf(witness, old, now, renames)}`;
  return { requirement: name, kind, old: a, new: b, witness, facts: givenNames(witness), description, regions: g.regions };
}

/**
 * `procedures` matters when a condition reads it or the versions apply to
 * different codes; otherwise every request is decided alike by both with
 * any procedure codes, and the analysis leaves them out.
 */
function proceduresMatter(a: PolicyModel, b: PolicyModel): boolean {
  const codes = (m: PolicyModel) => (m.appliesTo ? m.appliesTo.map((x) => `${x.system} ${x.code}`).sort().join(",") : "-");
  if (codes(a) !== codes(b)) return true;
  for (const m of [a, b]) {
    const roots = [...m.rules.map((r) => r.condition), ...[...m.defines.values()].map((d) => d.value), ...m.requirements.flatMap((r) => r.conditions)];
    for (const root of roots) for (const e of walkExpression(root)) if (e.kind === "name" && m.names.get(e)?.kind === "builtin" && e.name === "procedures") return true;
  }
  return false;
}
