/**
 * `renderMarkdown(model)`: the policy as a GitHub-flavoured Markdown
 * document, for reading in a repository or a review tool. It prints the same
 * outline as the HTML (document.ts), so the two never disagree.
 */
import type { PolicyModel } from "@pol/dsl";
import {
  buildDocument,
  STANDARD_SECTIONS,
  type DecisionStep,
  type PolicyDocument,
  type RequirementItem,
  type RuleItem,
  type StandardSection,
} from "./document.js";
import { proseBlocks } from "./prose.js";
import { longDate, lowerParts, wordsOnOneLine, type Inline, type Words } from "./words.js";

/** The policy as Markdown. Deterministic: the same model always gives the same text. */
export function renderMarkdown(model: PolicyModel): string {
  return new MarkdownWriter(buildDocument(model)).document();
}

/** Plain text from the policy (labels, codes): every character Markdown would read as markup is escaped. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, "\\$&");
}

/**
 * The author's prose keeps its Markdown (italic titles in references,
 * `<https://…>` links), but raw HTML is neutralized: a rendered document must
 * not carry markup the author did not mean as text.
 */
export function mdProse(text: string): string {
  return text.replace(/<(?!https?:\/\/[^\s<>]*>)/g, "&lt;");
}

/** A phrase; references link to the section that explains them (Definitions, Code groups). */
function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) => (typeof p === "string" ? mdText(p) : `[${mdText(p.text)}](#${p.kind === "define" ? "definitions" : "code-groups"})`))
    .join("");
}

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ");
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

class MarkdownWriter {
  private readonly out: string[] = [];

  constructor(private readonly doc: PolicyDocument) {}

  document(): string {
    const { doc } = this;
    this.heading(1, doc.title);
    this.para(`*${doc.kindLabel}*`);
    if (doc.meta.length) this.list(doc.meta.map((m) => `- **${mdText(m.label)}:** ${mdText(m.value)}`));
    this.heading(2, "Table of Contents");
    this.list(doc.sections.map((s) => `- [${mdText(s.title)}](#${s.anchor})`));

    if (this.has("plans")) {
      this.section("plans");
      if (doc.plans.length) this.list(doc.plans.map((p) => `- ${mdText(p)}`));
    }
    for (const b of doc.background) {
      this.heading(2, b.title);
      this.prose(b.body);
    }
    if (this.has("coverage")) this.coverage();
    if (this.has("exclusions")) this.exclusions();
    if (this.has("documentation")) this.documentation();
    this.definitions();
    this.codes();
    if (this.has("history")) this.history();
    if (this.has("references")) {
      this.section("references");
      this.list(doc.references.map((r, i) => `${i + 1}. ${mdProse(r)}`));
    }
    this.out.push("---", "");
    this.para(`Rendered by \`pol render\` from ${code(doc.sourceFile)} (${doc.kind} ${code(doc.name)}${doc.version ? `, version ${doc.version}` : ""}).`);
    return this.out.join("\n").replace(/\n+$/, "\n");
  }

  private coverage(): void {
    const { doc } = this;
    this.section("coverage");
    if (doc.general) {
      this.heading(3, doc.general.title);
      this.para(mdText(doc.general.lead));
      this.list(doc.general.items.flatMap((w) => wordsLines(w, "")));
    }
    if (doc.covered.rules.length) {
      this.heading(3, "Covered indications");
      if (doc.covered.common.length) {
        this.para(mdText(doc.covered.commonLead));
        this.list(doc.covered.common.flatMap((w) => wordsLines(w, "")));
      }
      this.para(mdText(doc.covered.lead));
      this.list(doc.covered.rules.flatMap((r) => ruleLines(r, "")));
    }
    if (doc.review.rules.length) {
      this.heading(3, "Case-by-case review");
      this.para(mdText(doc.review.lead));
      this.list(doc.review.rules.flatMap((r) => ruleLines(r, "")));
    }
    this.para(mdText(doc.otherwise.sentence));
    this.heading(3, "How a request is decided");
    this.para("The rules apply in this order, whatever their order in the policy. The first step that holds decides:");
    this.list(doc.decision.map((s, i) => decisionLine(s, i)));
    this.para("When a fact a rule needs is missing and it could change the outcome, the decision is *incomplete* and names the missing facts.");
  }

  private exclusions(): void {
    const { doc } = this;
    this.section("exclusions");
    if (doc.exclusions.rules.length) {
      this.para(mdText(doc.exclusions.lead));
      this.list(doc.exclusions.rules.flatMap((r) => ruleLines(r, "")));
    } else if (!doc.intro.exclusions) {
      this.para("N/A");
    }
  }

  private documentation(): void {
    const { doc } = this;
    this.section("documentation");
    if (!doc.documentation.groups.length) {
      if (!doc.intro.documentation) this.para("N/A");
      return;
    }
    this.para(mdText(doc.documentation.lead));
    for (const g of doc.documentation.groups) {
      // Markdown cannot nest a list of conditions above a checklist without merging them: the condition goes on one line.
      const when = !g.when ? undefined : g.when.items ? mdText(wordsOnOneLine({ parts: lowerParts(g.when.parts), items: g.when.items })) : inline(lowerParts(g.when.parts));
      this.para(when ? `**When ${when}:**` : "**For every request:**");
      this.list(g.items.map(requirementLine));
    }
  }

  private definitions(): void {
    this.section("definitions");
    for (const d of this.doc.definitions) {
      this.para(`**${mdText(d.term)}**`);
      this.prose(d.doc);
      if (d.criteria) this.para(`Criteria: ${inline(lowerParts(d.criteria.parts))}`);
      if (d.criteria?.items) this.list(d.criteria.items.flatMap((w) => wordsLines(w, "")));
    }
  }

  private codes(): void {
    const { doc } = this;
    this.section("codes");
    if (doc.applicableCodes) {
      this.para("Procedure codes this policy applies to:");
      this.list([
        "| Code type | Code | Description |",
        "| --- | --- | --- |",
        ...doc.applicableCodes.map((c) => `| ${mdText(c.system)} | ${mdText(c.code)} | ${mdText(c.description)} |`),
      ]);
    }
    if (!doc.codeLists.length) return;
    this.heading(3, "Code groups");
    this.list(
      doc.codeLists.flatMap((c) => [
        `- **${mdText(c.label)}** (${code(c.name)}, ${mdText(c.size)})${c.includes.length ? ` — includes ${c.includes.map((r) => mdText(r.text)).join("; ")}` : ""}`,
        ...(c.doc ? [`  ${mdProse(oneLine(c.doc))}`] : []),
        ...c.systems.map((s) => `  - ${mdText(s.system)}: ${s.codes.map(mdText).join(", ")}`),
      ]),
    );
  }

  private history(): void {
    const { doc } = this;
    this.section("history");
    if (!doc.revisions.length) return;
    this.list([
      "| Date | Summary of changes | Approval by |",
      "| --- | --- | --- |",
      ...doc.revisions.map((r) => `| ${mdText(longDate(r.date))} | ${mdText(r.summary)} | ${mdText(r.by ?? "")} |`),
    ]);
  }

  private has(s: StandardSection): boolean {
    return this.doc.sections.some((x) => x.title === STANDARD_SECTIONS[s]);
  }

  /** A standard section's heading and the author's own prose for it. */
  private section(s: StandardSection): void {
    this.heading(2, STANDARD_SECTIONS[s]);
    this.prose(this.doc.intro[s]);
  }

  private heading(level: number, text: string): void {
    this.out.push(`${"#".repeat(level)} ${mdText(text)}`, "");
  }

  private para(text: string): void {
    this.out.push(text, "");
  }

  private list(lines: string[]): void {
    this.out.push(...lines, "");
  }

  private prose(text: string | undefined): void {
    for (const b of proseBlocks(text ?? "")) {
      if (b.kind === "paragraph") this.para(mdProse(b.text));
      else this.list(b.items.map((i) => `- ${mdProse(i)}`));
    }
  }
}

/** A condition as list lines: the phrase, and its own conditions indented under it. */
function wordsLines(w: Words, indent: string): string[] {
  return [`${indent}- ${inline(w.parts)}`, ...(w.items ?? []).flatMap((i) => wordsLines(i, `${indent}  `))];
}

function ruleLines(r: RuleItem, indent: string): string[] {
  const head = `${indent}- **${mdText(r.label)}**`;
  return [
    r.criteria ? `${head} — ${inline(lowerParts(r.criteria.parts))}` : head,
    ...(r.doc ? [`${indent}  ${mdProse(oneLine(r.doc))}`] : []),
    ...(r.criteria?.items ?? []).flatMap((i) => wordsLines(i, `${indent}  `)),
    ...(r.children ?? []).flatMap((c) => ruleLines(c, `${indent}  `)),
  ];
}

function requirementLine(r: RequirementItem): string {
  const kind = r.kind === "question" ? "Question: " : "";
  const answer = r.answer ? ` — answer: ${mdText(r.answer)}` : "";
  const doc = r.doc ? ` ${mdProse(oneLine(r.doc))}` : "";
  return `- [ ] ${kind}${mdText(r.text)}${answer} (${code(r.id)})${doc}`;
}

function decisionLine(s: DecisionStep, i: number): string {
  if (s.key === "otherwise") return `${i + 1}. **${mdText(s.title)}** — ${mdText(s.question)} **${mdText(s.outcome)}**.`;
  const rules = s.key === "applicability" ? "" : ` (${s.rules.length ? count(s.rules.length, "rule") : "none"})`;
  return `${i + 1}. **${mdText(s.title)}**${rules} — ${mdText(s.question)} If so: **${mdText(s.outcome)}**.`;
}
