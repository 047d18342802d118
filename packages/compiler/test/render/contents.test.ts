/**
 * Nothing the policy says is lost in rendering: every rule label, requirement
 * text, fact label a condition uses, codeset code and applicable code appears
 * in both formats, as a reader sees the text.
 */
import { describe, expect, it } from "vitest";
import { walkExpression, type Expression, type PolicyModel } from "@pol/dsl";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { htmlText, imrtModel, markdownText } from "./helpers.js";

/** Facts named by a rule, a define or a requirement's condition. */
function factsUsed(model: PolicyModel): Set<string> {
  const roots: Expression[] = [
    ...model.rules.map((r) => r.condition),
    ...[...model.defines.values()].map((d) => d.value),
    ...model.requirements.flatMap((r) => r.conditions),
  ];
  const used = new Set<string>();
  for (const root of roots) for (const e of walkExpression(root)) if (e.kind === "name" && model.facts.has(e.name)) used.add(e.name);
  return used;
}

const model = imrtModel();
const formats = [
  ["Markdown", markdownText(renderMarkdown(model))],
  ["HTML", htmlText(renderHtml(model))],
] as const;

describe.each(formats)("%s carries everything the policy says", (_, text) => {
  const lower = text.toLowerCase();

  it("the title and metadata", () => {
    expect(text).toContain("Intensity-Modulated Radiation Therapy");
    expect(text).toContain("MC/L009");
    expect(text).toContain("Optum Medical and Pharmacy Subcommittee");
    expect(text).toContain("October 1, 2025");
    expect(text).toContain("September 10, 2025");
    expect(text).toContain("June 5, 2024");
    expect(text).toContain("Aspirus Health Plan");
  });

  it("every rule label", () => {
    expect(model.rules.length).toBeGreaterThan(0);
    for (const r of model.rules) expect(text).toContain(r.label);
  });

  it("every requirement text", () => {
    expect(model.requirements.length).toBeGreaterThan(0);
    for (const r of model.requirements) expect(text).toContain(r.text);
  });

  it("the label of every fact a condition uses (its first letter lower-case where it continues a sentence)", () => {
    const used = factsUsed(model);
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) {
      const label = model.facts.get(name)!.label ?? name;
      expect(lower, name).toContain(label.toLowerCase());
    }
  });

  it("every code of every codeset, as written, and every applicable code with its description", () => {
    for (const c of model.codesets.values()) {
      expect(text).toContain(c.label!);
      for (const e of c.entries) expect(text, `${c.name} ${e.source.code}`).toContain(e.source.code + (e.source.rangeEnd ? `-${e.source.rangeEnd}` : ""));
    }
    for (const a of model.appliesTo ?? []) {
      expect(text).toContain(a.decl.code.code);
      expect(text).toContain(a.description!);
    }
  });

  it("every section, revision and reference", () => {
    for (const s of model.metadata.sections) for (const p of s.body.split(/\n\s*\n/)) expect(text).toContain(p.replace(/\s+/g, " ").trim().replace(/\*/g, "").slice(0, 80));
    for (const r of model.metadata.revisions) expect(text).toContain(r.summary);
    for (const c of model.metadata.cites) expect(text).toContain(c.replace(/\*/g, "").replace(/<(https?:[^>]+)>/g, "$1").slice(0, 60));
  });
});
