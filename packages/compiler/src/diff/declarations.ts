/**
 * What the text of a revision changes, declaration by declaration (issue 7,
 * part 1): metadata, enums, facts, codesets, applicable codes, defines, rules,
 * documentation requirements, tests, references, history and sections.
 * Conditions are compared and shown as canonical Pol (text.ts) with renames
 * applied, and prose by its words, so formatting alone is never a change.
 */
import { stripSpans, typeToString, type PolicyModel, type PolType, type RequirementModel, type RuleModel } from "@pol/dsl";
import { ownCodeEntries, type Correspondence } from "./correspondence.js";
import { OUTCOME_WORDS } from "./describe.js";
import { multisetDifference } from "./match.js";
import { proseKey, shorten } from "./text.js";
import type { DeclarationChange, DeclarationKind } from "./types.js";

/** Every declaration change between the two versions, in reading order (metadata first, tests and history last). */
export function declarationChanges(oldModel: PolicyModel, newModel: PolicyModel, c: Correspondence): DeclarationChange[] {
  return [
    ...metadataChanges(oldModel, newModel),
    ...enumChanges(oldModel, newModel, c),
    ...factChanges(oldModel, newModel, c),
    ...codesetChanges(oldModel, newModel, c),
    ...appliesToChanges(oldModel, newModel),
    ...defineChanges(oldModel, newModel, c),
    ...ruleChanges(oldModel, newModel, c),
    ...requirementChanges(c),
    ...testChanges(oldModel, newModel, c),
    ...citeChanges(oldModel, newModel),
    ...revisionChanges(oldModel, newModel),
    ...sectionChanges(oldModel, newModel),
  ];
}

function change(kind: DeclarationKind, name: string, how: DeclarationChange["change"], details: string[], old?: unknown, now?: unknown, oldName?: string): DeclarationChange {
  return {
    kind,
    name,
    change: how,
    ...(oldName !== undefined ? { oldName } : {}),
    ...(old !== undefined ? { old } : {}),
    ...(now !== undefined ? { new: now } : {}),
    details,
  };
}

/** `field: old → new` when the words differ. */
function field(details: string[], what: string, a: string | undefined, b: string | undefined, show = (x: string | undefined) => (x === undefined ? "(none)" : JSON.stringify(shorten(x)))): void {
  if (proseKey(a) !== proseKey(b) || (a === undefined) !== (b === undefined)) details.push(`${what}: ${show(a)} → ${show(b)}`);
}

function metadataChanges(o: PolicyModel, n: PolicyModel): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const scalar = (name: string, a: string | undefined, b: string | undefined) => {
    if (proseKey(a) === proseKey(b) && (a === undefined) === (b === undefined)) return;
    const how = a === undefined ? "added" : b === undefined ? "removed" : "changed";
    out.push(change("policy", name, how, [`${name}: ${a ?? "(none)"} → ${b ?? "(none)"}`], a, b));
  };
  scalar("name", o.name, n.name);
  scalar("title", o.title, n.title);
  scalar("id", o.metadata.id, n.metadata.id);
  scalar("effective", o.metadata.effective, n.metadata.effective);
  scalar("approved", o.metadata.approved, n.metadata.approved);
  scalar("approved by", o.metadata.approvedBy, n.metadata.approvedBy);
  scalar("replaces", o.metadata.replaces, n.metadata.replaces);
  const plans = multisetDifference(o.metadata.plans.map(proseKey), n.metadata.plans.map(proseKey));
  if (plans.added.length || plans.removed.length) {
    const details = [...plans.added.map((p) => `plan added: ${p}`), ...plans.removed.map((p) => `plan removed: ${p}`)];
    out.push(change("policy", "plans", "changed", details, o.metadata.plans, n.metadata.plans));
  }
  const docs: string[] = [];
  field(docs, "doc comment", o.doc, n.doc);
  if (docs.length) out.push(change("policy", "doc comment", "changed", docs, o.doc, n.doc));
  return out;
}

function enumChanges(o: PolicyModel, n: PolicyModel, c: Correspondence): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const summary = (m: PolicyModel, name: string) => {
    const e = m.enums.get(name)!;
    return { label: e.label, members: [...e.members.keys()] };
  };
  for (const name of c.enums.added) out.push(change("enum", name, "added", [`members: ${summary(n, name).members.join(", ")}`], undefined, summary(n, name)));
  for (const name of c.enums.removed) out.push(change("enum", name, "removed", [], summary(o, name)));
  for (const [a, b] of [...c.enums.same, ...c.enums.renamed]) {
    const ea = o.enums.get(a)!;
    const eb = n.enums.get(b)!;
    const details: string[] = [];
    field(details, "label", ea.label, eb.label);
    field(details, "doc comment", ea.doc, eb.doc);
    for (const m of eb.members.values()) {
      const before = ea.members.get(m.name);
      if (!before) details.push(`member added: ${m.name}${m.label ? ` "${m.label}"` : ""}`);
      else field(details, `label of ${m.name}`, before.label, m.label);
    }
    for (const m of ea.members.keys()) if (!eb.members.has(m)) details.push(`member removed: ${m}`);
    const renamed = a !== b;
    if (details.length || renamed) out.push(change("enum", b, renamed ? "renamed" : "changed", details, summary(o, a), summary(n, b), renamed ? a : undefined));
  }
  return out;
}

function typeText(t: PolType): string {
  return typeToString(t);
}

function factChanges(o: PolicyModel, n: PolicyModel, c: Correspondence): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  // An `ask` is a fact too, but it is reported once, as a requirement.
  const isAsk = (m: PolicyModel, name: string) => m.facts.get(name)!.decl.kind === "ask";
  const summary = (m: PolicyModel, name: string) => ({ type: typeText(m.facts.get(name)!.type), label: m.facts.get(name)!.label });
  for (const name of c.facts.added) if (!isAsk(n, name)) out.push(change("fact", name, "added", [`type: ${summary(n, name).type}`], undefined, summary(n, name)));
  for (const name of c.facts.removed) if (!isAsk(o, name)) out.push(change("fact", name, "removed", [], summary(o, name)));
  for (const [a, b] of [...c.facts.same, ...c.facts.renamed]) {
    if (isAsk(o, a) && isAsk(n, b)) continue;
    const fa = o.facts.get(a)!;
    const fb = n.facts.get(b)!;
    const details: string[] = [];
    const ta = fa.type.kind === "enum" ? (c.renamed.get(fa.type.name) ?? fa.type.name) : typeText(fa.type);
    const tb = fb.type.kind === "enum" ? fb.type.name : typeText(fb.type);
    if (ta !== tb) details.push(`type: ${typeText(fa.type)} → ${typeText(fb.type)}`);
    field(details, "label", fa.label, fb.label);
    field(details, "doc comment", fa.doc, fb.doc);
    if (fa.decl.kind !== fb.decl.kind) details.push(`now ${fb.decl.kind === "ask" ? "a question (ask)" : "a fact"}`);
    const renamed = a !== b;
    if (details.length || renamed) out.push(change("fact", b, renamed ? "renamed" : "changed", details, summary(o, a), summary(n, b), renamed ? a : undefined));
  }
  return out;
}

function codesetChanges(o: PolicyModel, n: PolicyModel, c: Correspondence): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const summary = (m: PolicyModel, name: string) => {
    const cs = m.codesets.get(name)!;
    return { label: cs.label, codes: ownCodeEntries(cs).map((e) => e.text), includes: cs.includes };
  };
  for (const name of c.codesets.added) {
    const s = summary(n, name);
    out.push(change("codeset", name, "added", [...(s.codes.length ? [`codes: ${s.codes.join(", ")}`] : []), ...(s.includes.length ? [`includes: ${s.includes.join(", ")}`] : [])], undefined, s));
  }
  for (const name of c.codesets.removed) out.push(change("codeset", name, "removed", [], summary(o, name)));
  for (const [a, b] of [...c.codesets.same, ...c.codesets.renamed]) {
    const ca = o.codesets.get(a)!;
    const cb = n.codesets.get(b)!;
    const details: string[] = [];
    field(details, "label", ca.label, cb.label);
    field(details, "doc comment", ca.doc, cb.doc);
    const before = ownCodeEntries(ca);
    const after = ownCodeEntries(cb);
    const keysBefore = new Set(before.map((e) => e.key));
    const keysAfter = new Set(after.map((e) => e.key));
    const added = after.filter((e) => !keysBefore.has(e.key)).map((e) => e.text);
    const removed = before.filter((e) => !keysAfter.has(e.key)).map((e) => e.text);
    if (added.length) details.push(`codes added: ${added.join(", ")}`);
    if (removed.length) details.push(`codes removed: ${removed.join(", ")}`);
    const incBefore = ca.includes.map((i) => c.renamed.get(i) ?? i);
    const incAdded = cb.includes.filter((i) => !incBefore.includes(i));
    const incRemoved = ca.includes.filter((i) => !cb.includes.includes(c.renamed.get(i) ?? i));
    if (incAdded.length) details.push(`includes added: ${incAdded.join(", ")}`);
    if (incRemoved.length) details.push(`includes removed: ${incRemoved.join(", ")}`);
    const renamed = a !== b;
    if (details.length || renamed) {
      const ch = change("codeset", b, renamed ? "renamed" : "changed", details, summary(o, a), summary(n, b), renamed ? a : undefined);
      out.push(added.length || removed.length ? { ...ch, codesAdded: added, codesRemoved: removed } : ch);
    }
  }
  return out;
}

function appliesToChanges(o: PolicyModel, n: PolicyModel): DeclarationChange[] {
  if (!o.appliesTo && !n.appliesTo) return [];
  if (!o.appliesTo) return [change("applies-to", "applies to", "added", [`codes: ${n.appliesTo!.map((a) => `${a.system} ${a.code}`).join(", ")}`])];
  if (!n.appliesTo) return [change("applies-to", "applies to", "removed", ["every request is now applicable"])];
  const out: DeclarationChange[] = [];
  const before = new Map(o.appliesTo.map((a) => [`${a.system} ${a.code}`, a]));
  const after = new Map(n.appliesTo.map((a) => [`${a.system} ${a.code}`, a]));
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b) out.push(change("applies-to", key, "added", a.description ? [`description: ${JSON.stringify(shorten(a.description))}`] : [], undefined, a.description ?? null));
    else if (proseKey(a.description) !== proseKey(b.description)) {
      out.push(change("applies-to", key, "changed", [`description: ${JSON.stringify(shorten(b.description ?? ""))} → ${JSON.stringify(shorten(a.description ?? ""))}`], b.description ?? null, a.description ?? null));
    }
  }
  for (const [key, b] of before) if (!after.has(key)) out.push(change("applies-to", key, "removed", [], b.description ?? null));
  return out;
}

function defineChanges(o: PolicyModel, n: PolicyModel, c: Correspondence): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const summary = (m: PolicyModel, name: string, text: string) => ({ label: m.defines.get(name)!.label, value: text });
  for (const name of c.defines.added) out.push(change("define", name, "added", [`= ${c.newText(n.defines.get(name)!.value)}`], undefined, summary(n, name, c.newText(n.defines.get(name)!.value))));
  for (const name of c.defines.removed) out.push(change("define", name, "removed", [], summary(o, name, c.oldText(o.defines.get(name)!.value))));
  for (const [a, b] of [...c.defines.same, ...c.defines.renamed]) {
    const da = o.defines.get(a)!;
    const db = n.defines.get(b)!;
    const details: string[] = [];
    field(details, "label", da.label, db.label);
    field(details, "doc comment", da.doc, db.doc);
    const ta = c.oldText(da.value);
    const tb = c.newText(db.value);
    if (ta !== tb) details.push(`value: ${ta}`, `    now: ${tb}`);
    const renamed = a !== b;
    if (details.length || renamed) out.push(change("define", b, renamed ? "renamed" : "changed", details, summary(o, a, ta), summary(n, b, tb), renamed ? a : undefined));
  }
  return out;
}

function ruleName(r: RuleModel): string {
  return r.label;
}

/**
 * Rules whose place among the rules of their outcome changed: the first true
 * rule of a class names the decision, so order matters. The pairs that keep
 * their relative order (a longest increasing run of old positions, taken in
 * new order) stay; the others moved.
 */
function movedRules(c: Correspondence): Set<RuleModel> {
  const pairs = c.rules.pairs.filter((p) => p.old.outcome === p.new.outcome).sort((a, b) => a.new.index - b.new.index);
  const moved = new Set<RuleModel>();
  for (const outcome of ["covered", "review", "not_covered"]) {
    const list = pairs.filter((p) => p.new.outcome === outcome);
    // Longest increasing subsequence of old indexes (n is small: quadratic is fine).
    const best = list.map(() => 1);
    const prev = list.map(() => -1);
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        if (list[j].old.index < list[i].old.index && best[j] + 1 > best[i]) {
          best[i] = best[j] + 1;
          prev[i] = j;
        }
      }
    }
    const keep = new Set<number>();
    let at = best.indexOf(Math.max(0, ...best));
    while (at >= 0) {
      keep.add(at);
      at = prev[at];
    }
    list.forEach((p, i) => keep.has(i) || moved.add(p.new));
  }
  return moved;
}

/** "2nd of 18 covered rules". */
function placeOf(m: PolicyModel, r: RuleModel): string {
  const same = m.rules.filter((x) => x.outcome === r.outcome);
  const k = same.indexOf(r) + 1;
  const suffix = k % 10 === 1 && k % 100 !== 11 ? "st" : k % 10 === 2 && k % 100 !== 12 ? "nd" : k % 10 === 3 && k % 100 !== 13 ? "rd" : "th";
  return `${k}${suffix} of ${same.length} ${OUTCOME_WORDS[r.outcome]} rules`;
}

function ruleChanges(o: PolicyModel, n: PolicyModel, c: Correspondence): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const summary = (r: RuleModel, text: string) => ({ outcome: r.outcome, label: r.label, condition: text });
  const moved = movedRules(c);
  for (const p of c.rules.pairs) {
    const ta = c.oldText(p.old.condition);
    const tb = c.newText(p.new.condition);
    const details: string[] = [];
    if (p.old.outcome !== p.new.outcome) details.push(`outcome: ${OUTCOME_WORDS[p.old.outcome]} → ${OUTCOME_WORDS[p.new.outcome]}`);
    const labelled = p.old.decl.label !== undefined || p.new.decl.label !== undefined;
    const relabelled = labelled && p.old.decl.label?.value !== p.new.decl.label?.value;
    if (ta !== tb) details.push(`condition: ${ta}`, `      now: ${tb}`);
    if (moved.has(p.new)) details.push(`moved: ${placeOf(o, p.old)} → ${placeOf(n, p.new)} (the first true rule of a kind names the decision)`);
    field(details, "doc comment", p.old.decl.doc, p.new.decl.doc);
    if (!details.length && !relabelled) continue;
    const how = relabelled && !details.length ? "renamed" : "changed";
    if (relabelled && how === "changed") details.unshift(`label: "${p.old.label}" → "${p.new.label}"`);
    out.push(change("rule", ruleName(p.new), how, details, summary(p.old, ta), summary(p.new, tb), relabelled ? ruleName(p.old) : undefined));
  }
  for (const r of c.rules.added) out.push(change("rule", ruleName(r), "added", [`${OUTCOME_WORDS[r.outcome]} if ${c.newText(r.condition)}`], undefined, summary(r, c.newText(r.condition))));
  for (const r of c.rules.removed) out.push(change("rule", ruleName(r), "removed", [`${OUTCOME_WORDS[r.outcome]} if ${c.oldText(r.condition)}`], summary(r, c.oldText(r.condition))));
  if (o.otherwise !== n.otherwise) {
    out.push(change("otherwise", "otherwise", "changed", [`otherwise ${OUTCOME_WORDS[o.otherwise]} → otherwise ${OUTCOME_WORDS[n.otherwise]}`], o.otherwise, n.otherwise));
  }
  return out;
}

function requirementChanges(c: Correspondence): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const when = (r: RequirementModel, text: (e: RequirementModel["conditions"][number]) => string) => r.conditions.map(text).join(" and ");
  const summary = (r: RequirementModel, text: (e: RequirementModel["conditions"][number]) => string) => ({
    kind: r.kind,
    text: r.text,
    ...(r.type ? { type: typeToString(r.type) } : {}),
    ...(r.conditions.length ? { when: when(r, text) } : {}),
  });
  const describe = (r: RequirementModel, text: (e: RequirementModel["conditions"][number]) => string) =>
    [`${r.kind === "document" ? "require" : "ask"} "${shorten(r.text)}"${r.conditions.length ? ` when ${when(r, text)}` : " (always)"}`];
  for (const r of c.requirements.added) out.push(change("requirement", r.id, "added", describe(r, c.newText), undefined, summary(r, c.newText)));
  for (const r of c.requirements.removed) out.push(change("requirement", r.id, "removed", describe(r, c.oldText), summary(r, c.oldText)));
  for (const [a, b] of [...c.requirements.same, ...c.requirements.renamed]) {
    const details: string[] = [];
    if (a.kind !== b.kind) details.push(`kind: ${a.kind} → ${b.kind}`);
    field(details, "text", a.text, b.text);
    const ta = a.type ? typeToString(a.type) : undefined;
    const tb = b.type ? typeToString(b.type) : undefined;
    if (ta !== tb) details.push(`answer type: ${ta ?? "(none)"} → ${tb ?? "(none)"}`);
    const wa = when(a, c.oldText);
    const wb = when(b, c.newText);
    if (wa !== wb) details.push(`when: ${wa || "(always)"}`, ` now: ${wb || "(always)"}`);
    field(details, "doc comment", a.decl.doc, b.decl.doc);
    const renamed = a.id !== b.id;
    if (details.length || renamed) out.push(change("requirement", b.id, renamed ? "renamed" : "changed", details, summary(a, c.oldText), summary(b, c.newText), renamed ? a.id : undefined));
  }
  return out;
}

function testChanges(o: PolicyModel, n: PolicyModel, c: Correspondence): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  // A renamed fact or requirement renames what the old tests give and expect, too.
  const renamed = new Map([...c.renamed, ...c.requirements.renamed.map(([a, b]): [string, string] => [a.id, b.id])]);
  const rename = (t: (typeof o.tests)[number], side: "old" | "new") =>
    side === "new"
      ? t
      : {
          ...t,
          given: t.given.map((g) => ({ ...g, name: { ...g.name, name: renamed.get(g.name.name) ?? g.name.name } })),
          expectations: t.expectations.map((e) =>
            e.kind === "expect-missing" || e.kind === "expect-requires" ? { ...e, names: e.names.map((x) => ({ ...x, name: renamed.get(x.name) ?? x.name })) } : e,
          ),
        };
  const content = (t: (typeof o.tests)[number], side: "old" | "new" = "new") => {
    const r = rename(t, side);
    return JSON.stringify(stripSpans({ given: r.given, expectations: r.expectations }), (k, v) => (k === "raw" ? undefined : v));
  };
  const before = new Map(o.tests.map((t) => [proseKey(t.name.value), t]));
  const after = new Map(n.tests.map((t) => [proseKey(t.name.value), t]));
  for (const [name, t] of after) {
    const b = before.get(name);
    if (!b) out.push(change("test", t.name.value, "added", []));
    else if (content(b, "old") !== content(t)) out.push(change("test", t.name.value, "changed", ["given values or expectations changed"]));
  }
  for (const [name, t] of before) if (!after.has(name)) out.push(change("test", t.name.value, "removed", []));
  return out;
}

function citeChanges(o: PolicyModel, n: PolicyModel): DeclarationChange[] {
  const { removed, added } = multisetDifference(o.metadata.cites.map(proseKey), n.metadata.cites.map(proseKey));
  return [...added.map((c) => change("cite", shorten(c), "added", [], undefined, c)), ...removed.map((c) => change("cite", shorten(c), "removed", [], c))];
}

function revisionChanges(o: PolicyModel, n: PolicyModel): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const key = (r: (typeof o.metadata.revisions)[number]) => `${r.date} ${proseKey(r.summary)}`;
  const before = new Map(o.metadata.revisions.map((r) => [key(r), r]));
  const after = new Map(n.metadata.revisions.map((r) => [key(r), r]));
  for (const [k, r] of after) {
    const b = before.get(k);
    if (!b) out.push(change("revision", `${r.date} ${shorten(r.summary, 60)}`, "added", r.by ? [`by ${r.by}`] : [], undefined, r));
    else if (proseKey(b.by) !== proseKey(r.by)) out.push(change("revision", `${r.date} ${shorten(r.summary, 60)}`, "changed", [`by: ${b.by ?? "(none)"} → ${r.by ?? "(none)"}`], b, r));
  }
  for (const [k, r] of before) if (!after.has(k)) out.push(change("revision", `${r.date} ${shorten(r.summary, 60)}`, "removed", [], r));
  return out;
}

function sectionChanges(o: PolicyModel, n: PolicyModel): DeclarationChange[] {
  const out: DeclarationChange[] = [];
  const before = new Map(o.metadata.sections.map((s) => [proseKey(s.title), s]));
  const after = new Map(n.metadata.sections.map((s) => [proseKey(s.title), s]));
  for (const [k, s] of after) {
    const b = before.get(k);
    if (!b) out.push(change("section", s.title, "added", [], undefined, s.body));
    else if (proseKey(b.body) !== proseKey(s.body)) out.push(change("section", s.title, "changed", ["text changed"], b.body, s.body));
  }
  for (const [k, s] of before) if (!after.has(k)) out.push(change("section", s.title, "removed", [], s.body));
  return out;
}
