/**
 * The policy as a document outline, before any output format: what a
 * clinical policy document says and in which order (plans, background,
 * coverage indications, exclusions, documentation, definitions, codes,
 * history, references). Markdown and HTML both print this outline, so the
 * two formats cannot disagree on content.
 */
import { basename } from "node:path";
import type { PolicyModel, PolType, RequirementModel } from "@pol/dsl";
import { buildCoverage, keyOf, type Coverage } from "./coverage.js";
import { normalizeProse } from "./prose.js";
import { ConditionWords, codeText, humanize, labelOf, longDate, wordsOnOneLine, type Ref, type Words } from "./words.js";

export type { DecisionStep, RuleItem } from "./coverage.js";

export interface RequirementItem {
  id: string;
  kind: "document" | "question";
  text: string;
  /** For questions: what kind of answer is expected ("yes or no"). */
  answer?: string;
  doc?: string;
}

/** Requirements that apply under the same condition (`when` absent: every request). */
export interface RequirementGroup {
  when?: Words;
  items: RequirementItem[];
}

export interface Definition {
  term: string;
  anchor: string;
  doc?: string;
  /** For defines: the criterion in words. */
  criteria?: Words;
}

export interface CodeList {
  name: string;
  label: string;
  anchor: string;
  doc?: string;
  includes: Ref[];
  /** Codes as written, grouped by system. */
  systems: { system: string; codes: string[] }[];
  /** "13 codes", "10 codes and 3 ranges". */
  size: string;
}

export interface Section {
  title: string;
  anchor: string;
}

/** The whole document; its coverage parts come from coverage.ts. */
export interface PolicyDocument extends Coverage {
  kind: "policy" | "library";
  name: string;
  title: string;
  /** "Clinical Policy Document" or "Policy library". */
  kindLabel: string;
  /** The file name only: a path would make the output depend on the machine. */
  sourceFile: string;
  version?: string;
  meta: { label: string; value: string }[];
  plans: string[];
  background: { title: string; anchor: string; body: string }[];
  /** Every section in order, for the table of contents. */
  sections: Section[];
  intro: Partial<Record<StandardSection, string>>;
  documentation: { lead: string; groups: RequirementGroup[] };
  definitions: Definition[];
  applicableCodes?: { system: string; code: string; description: string }[];
  codeLists: CodeList[];
  revisions: { date: string; summary: string; by?: string }[];
  references: string[];
}

/** The sections every clinical policy document has, with the headings the published documents use. */
export const STANDARD_SECTIONS = {
  plans: "Plans in Scope",
  coverage: "Coverage Indications",
  exclusions: "Exclusions",
  documentation: "Medical Records Documentation",
  definitions: "Definitions",
  codes: "Applicable Codes",
  history: "Policy/Revision History",
  references: "References",
} as const;
export type StandardSection = keyof typeof STANDARD_SECTIONS;

/** Other titles an author may give a `section` whose prose belongs in a standard section. */
const SECTION_ALIASES: Record<string, StandardSection> = {
  plansinscope: "plans",
  plans: "plans",
  coverageindications: "coverage",
  coverage: "coverage",
  exclusions: "exclusions",
  medicalrecordsdocumentation: "documentation",
  documentation: "documentation",
  documentationrequirements: "documentation",
  definitions: "definitions",
  applicablecodes: "codes",
  codes: "codes",
  policyrevisionhistory: "history",
  revisionhistory: "history",
  references: "references",
};

/** GitHub's heading anchors, so Markdown links work where Markdown is read; HTML uses the same ids. */
export function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

/**
 * The outline of a checked policy. Run it only on a model without errors:
 * labels and names must resolve for the words to be right.
 */
export function buildDocument(model: PolicyModel): PolicyDocument {
  const words = new ConditionWords(model);
  const title = model.title ?? humanize(model.name);
  const md = model.metadata;

  const intro: Partial<Record<StandardSection, string>> = {};
  const background: PolicyDocument["background"] = [];
  // Anchors are unique as GitHub makes them (`notes`, `notes-1`): the standard sections keep theirs.
  const anchors = new Set(["table-of-contents", ...Object.values(STANDARD_SECTIONS).map(anchorOf)]);
  for (const s of md.sections) {
    const key = s.title.toLowerCase().replace(/[^a-z0-9]/g, "");
    const std = Object.hasOwn(SECTION_ALIASES, key) ? SECTION_ALIASES[key] : undefined;
    if (std) {
      intro[std] = intro[std] ? `${intro[std]}\n\n${s.body}` : s.body;
      continue;
    }
    const base = anchorOf(s.title);
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
    background.push({ title: s.title, anchor, body: s.body });
  }

  const coverage = buildCoverage(model, words, title);

  const doc: PolicyDocument = {
    kind: model.kind,
    name: model.name,
    title,
    kindLabel: model.kind === "policy" ? "Clinical Policy Document" : "Policy library",
    sourceFile: basename(model.file),
    version: model.version,
    meta: metaRows(model),
    plans: md.plans,
    background,
    sections: [],
    intro,
    ...coverage,
    documentation: {
      lead: "Medical notes documenting the following, when applicable:",
      groups: requirementGroups(model, words),
    },
    definitions: definitions(model, words, intro.definitions),
    applicableCodes: model.appliesTo?.map((c) => ({
      system: c.system,
      code: c.decl.code.code + (c.decl.code.rangeEnd ? `-${c.decl.code.rangeEnd}` : ""),
      description: c.description ?? "",
    })),
    codeLists: codeLists(model),
    revisions: md.revisions,
    references: md.cites,
  };
  doc.sections = sectionList(doc);
  return doc;
}

function metaRows(model: PolicyModel): PolicyDocument["meta"] {
  const md = model.metadata;
  const rows: PolicyDocument["meta"] = [];
  if (md.id) rows.push({ label: "Reference #", value: md.id });
  if (md.effective) rows.push({ label: "Effective date", value: longDate(md.effective) });
  if (md.approved) rows.push({ label: "Date approved", value: longDate(md.approved) });
  if (md.approvedBy) rows.push({ label: "Approved by", value: md.approvedBy });
  if (md.replaces) rows.push({ label: "Replaces effective clinical policy dated", value: longDate(md.replaces) });
  if (md.plans.length) rows.push({ label: md.plans.length === 1 ? "Plan" : "Plans", value: md.plans.join(", ") });
  return rows;
}

function sectionList(doc: PolicyDocument): Section[] {
  const s = (title: string): Section => ({ title, anchor: anchorOf(title) });
  const out: Section[] = [];
  if (doc.plans.length || doc.intro.plans) out.push(s(STANDARD_SECTIONS.plans));
  out.push(...doc.background.map((b) => ({ title: b.title, anchor: b.anchor })));
  // A library has no rules or requirements: it is rendered for its definitions and codes.
  if (doc.kind === "policy") out.push(s(STANDARD_SECTIONS.coverage), s(STANDARD_SECTIONS.exclusions), s(STANDARD_SECTIONS.documentation));
  out.push(s(STANDARD_SECTIONS.definitions), s(STANDARD_SECTIONS.codes));
  if (doc.revisions.length || doc.intro.history) out.push(s(STANDARD_SECTIONS.history));
  if (doc.references.length || doc.intro.references) out.push(s(STANDARD_SECTIONS.references));
  return out;
}

function requirementGroups(model: PolicyModel, words: ConditionWords): RequirementGroup[] {
  const groups = new Map<string, RequirementGroup>();
  // Requirements for every request come first; the others keep the order of their first appearance.
  groups.set("", { items: [] });
  for (const r of model.requirements) {
    const key = r.conditions.map(keyOf).join("&");
    let g = groups.get(key);
    if (!g) {
      const when =
        r.conditions.length === 1
          ? words.condition(r.conditions[0])
          : { parts: ["All of the following:"], items: r.conditions.map((c) => words.condition(c)) };
      g = { when, items: [] };
      groups.set(key, g);
    }
    g.items.push(requirementItem(model, r));
  }
  return [...groups.values()].filter((g) => g.items.length > 0);
}

function requirementItem(model: PolicyModel, r: RequirementModel): RequirementItem {
  return {
    id: r.id,
    kind: r.kind,
    text: r.text,
    answer: r.kind === "question" && r.type ? answerWords(model, r.type) : undefined,
    doc: r.decl.doc,
  };
}

/** What an answer to a question looks like, in words. */
function answerWords(model: PolicyModel, t: PolType): string {
  switch (t.kind) {
    case "bool":
      return "yes or no";
    case "number":
      return t.unit ? `a number of ${t.unit}` : "a number";
    case "date":
      return "a date";
    case "text":
      return "text";
    case "enum": {
      const e = model.enums.get(t.name);
      return e ? `one of: ${[...e.members.values()].map((m) => labelOf(m)).join("; ")}` : "a choice";
    }
    case "code":
      return t.system === "procedure" ? "a procedure code" : `an ${t.system} code`;
    case "set":
      return `a list (each ${answerWords(model, t.element)})`;
    default:
      return "an answer";
  }
}

/**
 * Definitions: every define (its label, doc comment and criterion in words),
 * then every other documented fact and enum. A doc comment that only repeats
 * the policy's own Definitions text or the criterion is left out, so a term
 * is not defined twice in a row.
 */
function definitions(model: PolicyModel, words: ConditionWords, sectionText: string | undefined): Definition[] {
  const section = normalizeProse(sectionText ?? "");
  const out: Definition[] = [];
  for (const d of model.defines.values()) {
    const criteria = words.condition(d.value);
    const term = labelOf(d);
    out.push({ term, anchor: `define-${d.name}`, doc: usefulDoc(d.doc, section, term, wordsOnOneLine(criteria)), criteria });
  }
  for (const s of [...model.facts.values(), ...model.enums.values()]) {
    if (s.doc) out.push({ term: labelOf(s), anchor: `${s.kind}-${s.name}`, doc: usefulDoc(s.doc, section, labelOf(s), "") });
  }
  return out;
}

function usefulDoc(doc: string | undefined, section: string, term: string, criteria: string): string | undefined {
  if (!doc) return undefined;
  const norm = normalizeProse(doc);
  if (section.includes(norm)) return undefined;
  const known = normalizeProse(`${term} ${criteria}`);
  const lines = doc.split("\n").map((l) => normalizeProse(l).replace(/:$/, "")).filter(Boolean);
  return lines.every((l) => known.includes(l)) ? undefined : doc;
}

function codeLists(model: PolicyModel): CodeList[] {
  return [...model.codesets.values()].map((c) => {
    const systems = new Map<string, string[]>();
    for (const e of c.entries) {
      const text = codeText(e.source).slice(e.source.system.length + 1);
      const list = systems.get(e.system) ?? [];
      if (!list.includes(text)) list.push(text);
      systems.set(e.system, list);
    }
    return {
      name: c.name,
      label: labelOf(c),
      anchor: `codeset-${c.name}`,
      doc: c.doc,
      includes: c.includes.map((n) => ({ text: labelOf(model.codesets.get(n) ?? { name: n }), kind: "codeset" as const, name: n })),
      systems: [...systems].map(([system, codes]) => ({ system, codes })),
      size: sizeText([...systems.values()].flat()),
    };
  });
}

function sizeText(codes: string[]): string {
  const ranges = codes.filter((c) => c.includes("-")).length;
  const single = codes.length - ranges;
  const n = (k: number, w: string): string => `${k} ${w}${k === 1 ? "" : "s"}`;
  if (!ranges) return n(single, "code");
  return single ? `${n(single, "code")} and ${n(ranges, "range")}` : n(ranges, "range");
}
