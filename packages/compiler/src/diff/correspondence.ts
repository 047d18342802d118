/**
 * Which declaration of the old version is which of the new one: names paired
 * as they are, renames found by content, rules paired by label, then content,
 * then position. The declaration report and the behavioural comparison both
 * read this, so a renamed define never shows as a changed condition and a
 * relabelled rule never shows as a change of the deciding rule.
 */
import type * as A from "@pol/dsl";
import { typeToString, type CodesetSymbol, type PolicyModel, type PolType, type RequirementModel, type RuleModel } from "@pol/dsl";
import { matchDeclarations, pairByContent, type Matching } from "./match.js";
import { codeText, conditionText, proseKey, type Rename } from "./text.js";

/** A pairing of rules; `id`s are shared by paired rules so decisions can be compared across versions. */
export interface RulePairing {
  /** Paired rules; `how` says why they were paired. */
  pairs: { old: RuleModel; new: RuleModel; how: "label" | "content" | "position" }[];
  removed: RuleModel[];
  added: RuleModel[];
  /** Rule index → comparable id, per version. */
  oldIds: string[];
  newIds: string[];
}

/** How the declarations of two versions pair up. */
export interface Correspondence {
  enums: Matching<string>;
  facts: Matching<string>;
  codesets: Matching<string>;
  defines: Matching<string>;
  rules: RulePairing;
  requirements: Matching<RequirementModel>;
  /** Old name → new name for facts, defines, codesets and enums that were renamed. */
  renamed: Map<string, string>;
  /** Canonical text of an old-version expression with renames applied (comparable with the new version's text). */
  oldText(e: A.Expression): string;
  newText(e: A.Expression): string;
}

/** Pair the declarations of `oldModel` and `newModel`. */
export function correspond(oldModel: PolicyModel, newModel: PolicyModel): Correspondence {
  const renamed = new Map<string, string>();
  const renameIn = (model: PolicyModel, side: "old" | "new"): Rename => (name, ref) => {
    if (side === "new") return name;
    const r = model.names.get(ref);
    if (r && (r.kind === "fact" || r.kind === "define" || r.kind === "codeset")) return renamed.get(name) ?? name;
    return name;
  };
  const oldText = (e: A.Expression): string => conditionText(e, renameIn(oldModel, "old"));
  const newText = (e: A.Expression): string => conditionText(e, renameIn(newModel, "new"));
  const mapName = (name: string, side: "old" | "new"): string => (side === "old" ? (renamed.get(name) ?? name) : name);

  const enums = matchDeclarations([...oldModel.enums.keys()], [...newModel.enums.keys()], (n) => n, (n, side) => {
    const e = (side === "old" ? oldModel : newModel).enums.get(n)!;
    return [...e.members.values()].map((m) => `${m.name}=${proseKey(m.label)}`).join("|");
  });
  for (const [o, n] of enums.renamed) renamed.set(o, n);

  const typeKey = (t: PolType, side: "old" | "new"): string => {
    if (t.kind === "enum") return mapName(t.name, side);
    if (t.kind === "set" && t.element.kind === "enum") return `set of ${mapName(t.element.name, side)}`;
    return typeToString(t);
  };
  const facts = matchDeclarations([...oldModel.facts.keys()], [...newModel.facts.keys()], (n) => n, (n, side) => {
    const f = (side === "old" ? oldModel : newModel).facts.get(n)!;
    return `${f.decl.kind}|${typeKey(f.type, side)}|${proseKey(f.label)}`;
  });
  for (const [o, n] of facts.renamed) renamed.set(o, n);

  // Codesets include codesets and defines use defines: a second pass sees the renames the first found.
  let codesets = matchCodesets(oldModel, newModel, mapName);
  let defines = matchDefines(oldModel, newModel, oldText, newText);
  for (let pass = 0; pass < 2; pass++) {
    for (const [o, n] of [...codesets.renamed, ...defines.renamed]) renamed.set(o, n);
    codesets = matchCodesets(oldModel, newModel, mapName);
    defines = matchDefines(oldModel, newModel, oldText, newText);
  }
  for (const [o, n] of [...codesets.renamed, ...defines.renamed]) renamed.set(o, n);

  const rules = pairRules(oldModel.rules, newModel.rules, oldText, newText);
  const requirementContent = (r: RequirementModel, side: "old" | "new"): string =>
    [r.kind, proseKey(r.text), r.type ? typeKey(r.type, side) : "", ...r.conditions.map(side === "old" ? oldText : newText)].join("|");
  const requirements = matchDeclarations(oldModel.requirements, newModel.requirements, (r) => r.id, requirementContent);

  return { enums, facts, codesets, defines, rules, requirements, renamed, oldText, newText };
}

/** Own entries (normalized) and includes: what a codeset says, apart from its name and label. */
export function codesetContent(c: CodesetSymbol, mapName: (n: string) => string): string {
  return [...ownCodes(c).sort(), ...c.includes.map((i) => `include ${mapName(i)}`).sort()].join("|");
}

/** A codeset's own codes (`ICD10 C70-C72`), without those of included codesets: `key` normalized, `text` as written. */
export function ownCodeEntries(c: CodesetSymbol): { key: string; text: string }[] {
  return c.decl.entries.flatMap((e) =>
    e.kind === "code-list"
      ? e.codes.map((code) => ({ key: `${code.system} ${codeText(code).replace(/\./g, "")}`, text: `${code.system} ${codeText(code)}` }))
      : [],
  );
}

function ownCodes(c: CodesetSymbol): string[] {
  return ownCodeEntries(c).map((e) => e.key);
}

function matchCodesets(oldModel: PolicyModel, newModel: PolicyModel, mapName: (n: string, side: "old" | "new") => string): Matching<string> {
  return matchDeclarations([...oldModel.codesets.keys()], [...newModel.codesets.keys()], (n) => n, (n, side) =>
    codesetContent((side === "old" ? oldModel : newModel).codesets.get(n)!, (x) => mapName(x, side)),
  );
}

function matchDefines(
  oldModel: PolicyModel,
  newModel: PolicyModel,
  oldText: (e: A.Expression) => string,
  newText: (e: A.Expression) => string,
): Matching<string> {
  return matchDeclarations([...oldModel.defines.keys()], [...newModel.defines.keys()], (n) => n, (n, side) =>
    side === "old" ? oldText(oldModel.defines.get(n)!.value) : newText(newModel.defines.get(n)!.value),
  );
}

/**
 * Rules by author label; then rules whose outcome and condition are the same
 * (a relabelled rule, or an unlabelled one whose generated label moved with
 * its line); then, among what is left, rules of the same outcome in file order.
 */
export function pairRules(
  olds: readonly RuleModel[],
  news: readonly RuleModel[],
  oldText: (e: A.Expression) => string,
  newText: (e: A.Expression) => string,
): RulePairing {
  const pairs: RulePairing["pairs"] = [];
  const byLabel = new Map<string, RuleModel>();
  for (const o of olds) if (o.decl.label && !byLabel.has(o.decl.label.value)) byLabel.set(o.decl.label.value, o);
  const used = new Set<RuleModel>();
  let restNew: RuleModel[] = [];
  for (const n of news) {
    const o = n.decl.label ? byLabel.get(n.decl.label.value) : undefined;
    if (o && !used.has(o)) {
      pairs.push({ old: o, new: n, how: "label" });
      used.add(o);
    } else restNew.push(n);
  }
  let restOld = olds.filter((o) => !used.has(o));
  const content = (r: RuleModel, side: "old" | "new") => `${r.outcome}|${side === "old" ? oldText(r.condition) : newText(r.condition)}`;
  const byContent = pairByContent(restOld, restNew, content);
  for (const [o, n] of byContent.pairs) pairs.push({ old: o, new: n, how: "content" });
  restOld = byContent.restOld;
  restNew = byContent.restNew;
  const removed: RuleModel[] = [];
  const leftNew = [...restNew];
  for (const o of restOld) {
    const i = leftNew.findIndex((n) => n.outcome === o.outcome);
    if (i >= 0) {
      pairs.push({ old: o, new: leftNew[i], how: "position" });
      leftNew.splice(i, 1);
    } else removed.push(o);
  }
  const oldIds = olds.map((r) => `old:${r.index}`);
  const newIds = news.map((r) => `new:${r.index}`);
  for (const p of pairs) oldIds[p.old.index] = newIds[p.new.index];
  return { pairs: pairs.sort((a, b) => a.new.index - b.new.index), removed, added: leftNew, oldIds, newIds };
}
