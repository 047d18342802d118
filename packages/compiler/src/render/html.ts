/**
 * `renderHtml(model)`: the policy as one self-contained, accessible,
 * printable HTML file — inline CSS, inline SVG, no scripts, nothing fetched.
 * Every string from the policy passes through `escapeHtml` (html-escape.ts).
 */
import type { PolicyModel } from "@pol/dsl";
import { decisionDiagram } from "./diagram.js";
import { anchorOf, buildDocument, STANDARD_SECTIONS, type PolicyDocument, type RequirementItem, type RuleItem, type StandardSection } from "./document.js";
import { escapeHtml as esc, proseHtml } from "./html-escape.js";
import { proseBlocks } from "./prose.js";
import { STYLE } from "./style.js";
import { longDate, lowerParts, type Inline, type Words } from "./words.js";

/** The policy as a complete HTML document. Deterministic: the same model always gives the same bytes. */
export function renderHtml(model: PolicyModel): string {
  return htmlOf(buildDocument(model));
}

function htmlOf(doc: PolicyDocument): string {
  const body: string[] = [];
  const has = (s: StandardSection): boolean => doc.sections.some((x) => x.title === STANDARD_SECTIONS[s]);

  body.push(
    `<header class="doc-header">`,
    `<p class="doc-kind">${esc(doc.kindLabel)}</p>`,
    `<h1>${esc(doc.title)}</h1>`,
    doc.meta.length
      ? `<dl class="meta">\n${doc.meta.map((m) => `<div><dt>${esc(m.label)}</dt><dd>${esc(m.value)}</dd></div>`).join("\n")}\n</dl>`
      : "",
    `</header>`,
    `<nav class="toc" aria-labelledby="toc-title">`,
    `<h2 id="toc-title">Table of Contents</h2>`,
    `<ol>\n${doc.sections.map((s) => `<li><a href="#${esc(s.anchor)}">${esc(s.title)}</a></li>`).join("\n")}\n</ol>`,
    `</nav>`,
  );

  if (has("plans")) {
    body.push(section(STANDARD_SECTIONS.plans, [prose(doc.intro.plans), doc.plans.length ? `<ul>\n${doc.plans.map((p) => `<li>${esc(p)}</li>`).join("\n")}\n</ul>` : ""]));
  }
  for (const b of doc.background) body.push(section(b.title, [prose(b.body)], b.anchor));
  if (has("coverage")) body.push(section(STANDARD_SECTIONS.coverage, coverage(doc)));
  if (has("exclusions")) body.push(section(STANDARD_SECTIONS.exclusions, exclusions(doc)));
  if (has("documentation")) body.push(section(STANDARD_SECTIONS.documentation, documentation(doc)));
  body.push(section(STANDARD_SECTIONS.definitions, definitions(doc)));
  body.push(section(STANDARD_SECTIONS.codes, codes(doc)));
  if (has("history")) body.push(section(STANDARD_SECTIONS.history, [prose(doc.intro.history), revisionTable(doc)]));
  if (has("references")) {
    body.push(
      section(STANDARD_SECTIONS.references, [
        prose(doc.intro.references),
        doc.references.length ? `<ol class="references">\n${doc.references.map((r) => `<li>${proseHtml(r)}</li>`).join("\n")}\n</ol>` : "",
      ]),
    );
  }
  body.push(
    `<footer>Rendered by <code>pol render</code> from <code>${esc(doc.sourceFile)}</code> (${esc(doc.kind)} <code>${esc(doc.name)}</code>${
      doc.version ? `, version ${esc(doc.version)}` : ""
    }).</footer>`,
  );

  const pageTitle = doc.meta.find((m) => m.label === "Reference #");
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="pol render">`,
    `<title>${esc(pageTitle ? `${doc.title} (${pageTitle.value})` : doc.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    `</head>`,
    `<body>`,
    `<main class="page">`,
    ...body.filter(Boolean),
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

function section(title: string, content: string[], anchor = anchorOf(title)): string {
  return [`<section id="${esc(anchor)}" aria-labelledby="${esc(anchor)}-title">`, `<h2 id="${esc(anchor)}-title">${esc(title)}</h2>`, ...content.filter(Boolean), `</section>`].join("\n");
}

function prose(text: string | undefined): string {
  return proseBlocks(text ?? "")
    .map((b) => (b.kind === "paragraph" ? `<p>${proseHtml(b.text)}</p>` : `<ul>\n${b.items.map((i) => `<li>${proseHtml(i)}</li>`).join("\n")}\n</ul>`))
    .join("\n");
}

function coverage(doc: PolicyDocument): string[] {
  const out = [prose(doc.intro.coverage)];
  if (doc.general) {
    const g = doc.general;
    out.push(
      `<div class="general">`,
      `<h3>${esc(g.title)}</h3>`,
      `<p>${esc(g.lead)}</p>`,
      wordsList(g.items, "criteria-top"),
      `</div>`,
    );
  }
  if (doc.covered.rules.length) {
    out.push(`<h3>Covered indications</h3>`);
    if (doc.covered.common.length) out.push(`<p>${esc(doc.covered.commonLead)}</p>`, wordsList(doc.covered.common, "criteria-top"));
    out.push(`<p class="lead">${esc(doc.covered.lead)}</p>`, ruleList(doc.covered.rules));
  }
  if (doc.review.rules.length) {
    out.push(`<h3>Case-by-case review</h3>`, `<p class="lead">${esc(doc.review.lead)}</p>`, ruleList(doc.review.rules));
  }
  const o = doc.otherwise.outcome;
  out.push(`<p class="otherwise${o === "not_covered" ? "" : ` ${o}`}">${esc(doc.otherwise.sentence)}</p>`);
  out.push(
    `<h3>How a request is decided</h3>`,
    `<p>The rules apply in this order, whatever their order in the policy. The first step that holds decides.</p>`,
    `<figure>`,
    decisionDiagram(doc.decision, doc.title),
    `<figcaption>Decision diagram: each box lists its rules; a “yes” decides the outcome on the right, a “no” goes on to the next step. When a fact a rule needs is missing and it could change the outcome, the decision is <em>incomplete</em> and names the missing facts.</figcaption>`,
    `</figure>`,
  );
  return out;
}

function exclusions(doc: PolicyDocument): string[] {
  const out = [prose(doc.intro.exclusions)];
  if (doc.exclusions.rules.length) out.push(`<p class="lead">${esc(doc.exclusions.lead)}</p>`, ruleList(doc.exclusions.rules));
  else if (!doc.intro.exclusions) out.push(`<p class="na">N/A</p>`);
  return out;
}

/** A phrase with its references linked to their definitions and code lists. */
function inlineHtml(parts: readonly Inline[]): string {
  return parts
    .map((p) => (typeof p === "string" ? esc(p) : `<a href="#${p.kind === "define" ? "define" : "codeset"}-${esc(p.name)}">${esc(p.text)}</a>`))
    .join("");
}

function wordsItem(w: Words): string {
  return `<li>${inlineHtml(w.parts)}${w.items ? `\n${wordsList(w.items)}` : ""}</li>`;
}

function wordsList(items: Words[], cls = "criteria"): string {
  return `<ul class="${cls === "criteria-top" ? "criteria top" : "criteria"}">\n${items.map(wordsItem).join("\n")}\n</ul>`;
}

function ruleList(rules: RuleItem[]): string {
  return `<ul class="indications">\n${rules.map(ruleItem).join("\n")}\n</ul>`;
}

function ruleItem(r: RuleItem): string {
  const parts = [`<li id="${esc(r.anchor)}"><span class="rule-label">${esc(r.label)}</span>`];
  // The criterion goes on its own line under the label, so the labels (the policy's own list) stay easy to scan.
  if (r.criteria) parts.push(`<span class="rule-criteria">${inlineHtml(r.criteria.parts)}</span>`);
  if (r.doc) parts.push(`<p class="rule-doc">${proseHtml(r.doc)}</p>`);
  if (r.criteria?.items) parts.push(wordsList(r.criteria.items));
  if (r.children) parts.push(ruleList(r.children));
  return `${parts.join("\n")}</li>`;
}

function documentation(doc: PolicyDocument): string[] {
  const out = [prose(doc.intro.documentation)];
  if (!doc.documentation.groups.length) {
    if (!doc.intro.documentation) out.push(`<p class="na">N/A</p>`);
    return out;
  }
  out.push(`<p class="lead">${esc(doc.documentation.lead)}</p>`);
  for (const g of doc.documentation.groups) {
    if (!g.when) out.push(`<p class="when">For every request:</p>`);
    else if (!g.when.items) out.push(`<p class="when">When ${inlineHtml(lowerParts(g.when.parts))}:</p>`);
    else out.push(`<p class="when">When ${inlineHtml(lowerParts(g.when.parts))}</p>`, wordsList(g.when.items));
    out.push(`<ul class="checklist">\n${g.items.map(requirementItem).join("\n")}\n</ul>`);
  }
  return out;
}

function requirementItem(r: RequirementItem): string {
  const kind = r.kind === "question" ? "Question: " : "";
  const answer = r.answer ? ` <span class="answer">— answer: ${esc(r.answer)}</span>` : "";
  const doc = r.doc ? ` <span class="answer">${proseHtml(r.doc)}</span>` : "";
  return `<li><span class="box" aria-hidden="true"></span><span>${kind}${esc(r.text)}${answer} <code class="req-id">${esc(r.id)}</code>${doc}</span></li>`;
}

function definitions(doc: PolicyDocument): string[] {
  const out = [prose(doc.intro.definitions)];
  if (!doc.definitions.length) return out;
  out.push(`<dl class="definitions">`);
  for (const d of doc.definitions) {
    out.push(`<dt id="${esc(d.anchor)}">${esc(d.term)}</dt>`, `<dd>`);
    if (d.doc) out.push(prose(d.doc));
    if (d.criteria) {
      out.push(`<p>Criteria: ${inlineHtml(lowerParts(d.criteria.parts))}</p>`);
      if (d.criteria.items) out.push(wordsList(d.criteria.items));
    }
    out.push(`</dd>`);
  }
  out.push(`</dl>`);
  return out;
}

function codes(doc: PolicyDocument): string[] {
  const out = [prose(doc.intro.codes)];
  if (doc.applicableCodes) {
    out.push(
      `<table class="applicable-codes">`,
      `<caption>Procedure codes this policy applies to</caption>`,
      `<thead><tr><th scope="col">Code type</th><th scope="col">Code</th><th scope="col">Description</th></tr></thead>`,
      `<tbody>`,
      ...doc.applicableCodes.map((c) => `<tr><td>${esc(c.system)}</td><th scope="row">${esc(c.code)}</th><td>${esc(c.description)}</td></tr>`),
      `</tbody>`,
      `</table>`,
    );
  }
  if (doc.codeLists.length) {
    out.push(`<h3>Code groups</h3>`, `<div class="codesets">`);
    for (const c of doc.codeLists) {
      out.push(
        `<details id="${esc(c.anchor)}">`,
        `<summary><span class="codeset-label">${esc(c.label)}</span><span class="count">${esc(c.size)}</span></summary>`,
        `<p class="codeset-name">Name in the policy: <code>${esc(c.name)}</code></p>`,
      );
      if (c.doc) out.push(prose(c.doc));
      if (c.includes.length) out.push(`<p>Includes: ${c.includes.map((r) => `<a href="#codeset-${esc(r.name)}">${esc(r.text)}</a>`).join("; ")}</p>`);
      for (const s of c.systems) {
        out.push(`<p class="code-system">${esc(s.system)}</p>`, `<ul class="codes">${s.codes.map((x) => `<li><code>${esc(x)}</code></li>`).join("")}</ul>`);
      }
      out.push(`</details>`);
    }
    out.push(`</div>`);
  }
  return out;
}

function revisionTable(doc: PolicyDocument): string {
  if (!doc.revisions.length) return "";
  return [
    `<table class="revisions">`,
    `<caption>Revisions of this policy</caption>`,
    `<thead><tr><th scope="col">Date</th><th scope="col">Summary of changes</th><th scope="col">Approval by</th></tr></thead>`,
    `<tbody>`,
    ...doc.revisions.map((r) => `<tr><th scope="row">${esc(longDate(r.date))}</th><td>${esc(r.summary)}</td><td>${esc(r.by ?? "")}</td></tr>`),
    `</tbody>`,
    `</table>`,
  ].join("\n");
}
