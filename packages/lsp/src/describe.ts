/**
 * How declarations read in hovers and completion details: the declaration
 * line as the author would write it, its label, its doc comment.
 */
import type * as A from "@pol/dsl";
import { typeToString, type CodesetSymbol, type EnumSymbol, type PolicyModel } from "@pol/dsl";
import { basename } from "node:path";
import type { Target } from "./occurrences.js";

/** A type as written in a declaration: `set of ICD10`, `number years`, `Intent`. */
export function typeText(t: A.TypeExpr): string {
  const e = t.element;
  const element =
    e.kind === "primitive-type" ? (e.unit ? `${e.name} ${e.unit.name}` : e.name) : e.kind === "code-type" ? e.system : e.name.name;
  return t.set ? `set of ${element}` : element;
}

/** Longest list of codes or members a hover shows before "… and N more". */
const MAX_LISTED = 30;

const code = (pol: string): string => "```pol\n" + pol + "\n```";
const paragraphs = (...parts: (string | undefined)[]): string => parts.filter((p) => p && p.trim()).join("\n\n");

/** The declaration line of a fact or ask: `fact intent: Intent`. */
export function factSignature(decl: A.FactDecl | A.AskDecl): string {
  return `${decl.kind} ${decl.name.name}: ${typeText(decl.type)}`;
}

/** Markdown describing what `target` names, or undefined if the model does not know it. */
export function describeTarget(target: Target, model: PolicyModel | undefined, fromFile: string): string | undefined {
  const where = (file: string): string | undefined => (file && file !== fromFile ? `*From ${basename(file)}*` : undefined);
  switch (target.kind) {
    case "fact": {
      const s = model?.facts.get(target.name);
      if (!s) return undefined;
      const d = s.decl;
      const text = d.kind === "ask" ? d.text.value : d.label?.value;
      const unit = s.type.kind === "number" && s.type.unit ? `Unit: ${s.type.unit}` : undefined;
      return paragraphs(code(factSignature(d)), text, unit, s.doc ?? d.doc, where(s.file));
    }
    case "define": {
      const s = model?.defines.get(target.name);
      if (!s) return undefined;
      return paragraphs(code(`define ${s.name}: ${typeToString(s.type)}`), s.label, s.doc ?? s.decl.doc, where(s.file));
    }
    case "codeset": {
      const s = model?.codesets.get(target.name);
      return s && paragraphs(code(`codeset ${s.name}`), s.label, s.doc ?? s.decl.doc, codesetCodes(s), where(s.file));
    }
    case "enum": {
      const s = model?.enums.get(target.name);
      return s && paragraphs(code(`enum ${s.name}`), s.label, s.doc ?? s.decl.doc, enumMembers(s), where(s.file));
    }
    case "enum-member": {
      const e = model?.enums.get(target.enumName ?? "");
      const m = e?.members.get(target.name);
      if (!e || !m) return undefined;
      return paragraphs(code(`${e.name}.${m.name}`), m.label, m.doc ?? m.decl.doc, e.label ? `A value of ${e.name} (${e.label})` : undefined);
    }
    case "requirement": {
      const r = model?.requirements.find((q) => q.id === target.name);
      if (!r) return undefined;
      const when = r.conditions.length ? "Required only when its `when` conditions hold." : "Always required.";
      return paragraphs(code(`require ${r.id}`), r.text, r.decl.doc, when);
    }
    case "builtin":
      return BUILTINS[target.name];
  }
}

const BUILTINS: Record<string, string> = {
  as_of: paragraphs(code("as_of: date"), "The case's reference date (`\"as_of\"` in the case; unknown when absent)."),
  procedures: paragraphs(code("procedures: set of CPT/HCPCS code"), "The procedure codes the request lists."),
  documents: paragraphs(code("documents: [requirement ids]"), "The documents the request carries, by requirement id."),
};

function codesetCodes(s: CodesetSymbol): string | undefined {
  const bySystem = new Map<string, string[]>();
  for (const e of s.entries) {
    const written = e.source.rangeEnd ? `${e.source.code}-${e.source.rangeEnd}` : e.source.code;
    const list = bySystem.get(e.system) ?? [];
    list.push(written);
    bySystem.set(e.system, list);
  }
  const lines: string[] = [];
  let shown = 0;
  for (const [system, codes] of bySystem) {
    const room = Math.max(0, MAX_LISTED - shown);
    const listed = codes.slice(0, room);
    shown += listed.length;
    if (listed.length) lines.push(`${system} ${listed.join(", ")}`);
  }
  const more = s.entries.length - shown;
  const includes = s.includes.length ? `Includes ${s.includes.map((i) => `\`${i}\``).join(", ")}.` : undefined;
  const body = lines.length ? code(lines.join("\n")) + (more > 0 ? `\n… and ${more} more` : "") : "No codes.";
  return paragraphs(includes, body);
}

function enumMembers(s: EnumSymbol): string {
  const members = [...s.members.values()];
  const listed = members.slice(0, MAX_LISTED).map((m) => `- \`${m.name}\`${m.label ? ` — ${m.label}` : ""}`);
  if (members.length > MAX_LISTED) listed.push(`- … and ${members.length - MAX_LISTED} more`);
  return listed.join("\n");
}
