/**
 * Policies shaped unlike IMRT: hostile text, exclusions, a review default,
 * nested `when` blocks, a library. Every string from a policy must reach the
 * HTML escaped, and each part of the document must follow the policy's shape.
 */
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { htmlText, markdownText, modelOf } from "./helpers.js";

const HOSTILE = `policy evil "Title <script>alert(1)</script>" {
  id "A&B"
  plans "Plan \\"x\\" onmouseover=\\"alert(1)"
  section "Notes <b>" """
    Text with <img src=x onerror=alert(1)> and <javascript:alert(1)> and *emphasis* and <https://example.org/a?b=1&c=2>.
    """
  cite "Ref <svg onload=alert(1)>"
  enum Kind "Kind" { a "A <i>" b "B" }
  fact kind: Kind "Kind </li><script>"
  fact flag: bool "Flag ' \\" & <"
  codeset cs "Codes <details open>" { ICD10 C50 }
  fact dx: set of ICD10 "Diagnoses"
  covered "Rule \\"quoted\\" <em>" if kind is a and dx has any cs
  not covered "Excluded <script>" if flag
  require doc1 "Document <script>" when flag
  applies to { CPT 77385 "Delivery <script>" }
}
`;

describe("every string from the policy reaches the HTML escaped", () => {
  const html = renderHtml(modelOf(HOSTILE));

  it("opens no tag the renderer did not write", () => {
    expect(html).not.toMatch(/<(script|img|b|i|svg onload|details open)\b[^>]*>(?!<\/?)/i);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<svg onload/);
    expect(html).toContain("Title &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Kind &lt;/li&gt;&lt;script&gt;");
  });

  it("ends no attribute early: quotes inside labels are escaped", () => {
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain("Rule &quot;quoted&quot; &lt;em&gt;");
    expect(html).toContain("Flag &#39; &quot; &amp; &lt;");
  });

  it("makes links only of http(s) addresses, and italics of *text*", () => {
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("&lt;javascript:alert(1)&gt;");
    expect(html).toContain("<em>emphasis</em>");
  });

  it("escapes Markdown too: labels are text, raw HTML in prose is neutralized", () => {
    const md = renderMarkdown(modelOf(HOSTILE));
    expect(md).not.toMatch(/(?<!\\)<(script|img|svg|b|i|em|details)\b/);
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("<https://example.org/a?b=1&c=2>");
  });
});

describe("the document follows the policy's shape", () => {
  const policy = (body: string): string => `policy p "Pet therapy" {\n${body}\n}\n`;
  const FACTS = `
    fact adult: bool "The patient is an adult"
    fact allergy: bool "The patient has an animal allergy"
    fact anxious: bool "The patient has an anxiety disorder"
    fact ward: bool "The patient is on a closed ward"
  `;

  it("lists exclusions (not N/A) and puts them first in the decision order", () => {
    const model = modelOf(policy(`${FACTS}
      covered "Anxiety" if adult and anxious
      not covered "Animal allergy" if allergy
      otherwise review`));
    const md = markdownText(renderMarkdown(model));
    expect(md).toContain("Exclusions Pet therapy is not covered when any of the following applies, whatever the indications above: - Animal allergy — the patient has an animal allergy");
    expect(md).not.toMatch(/## Exclusions N\/A/);
    expect(md).toContain("Otherwise, Pet therapy is referred for case-by-case review.");
    expect(md).toMatch(/1\. Exclusions \(1 rule\).*2\. Coverage indications \(1 rule\).*3\. Case-by-case review \(none\).*4\. Otherwise — No rule above holds\. Case-by-case review\./);
    // One covered rule: nothing is factored out as general criteria.
    expect(md).not.toContain("General coverage indications");
    const html = renderHtml(model);
    expect(html).toContain('aria-label="Step 1, Exclusions: Does any exclusion hold? If so, not covered. Rules: Animal allergy."');
  });

  it("says the criteria every covered and review rule shares once, as general criteria", () => {
    const model = modelOf(policy(`${FACTS}
      covered "Anxiety" if all(adult, anxious)
      covered "Ward" if all(adult, ward)
      review "Other" if all(adult, not anxious)`));
    const md = markdownText(renderMarkdown(model));
    expect(md).toContain("### General criteria Required for every coverage indication and case-by-case condition in this policy: - The patient is an adult");
    expect(md).toContain("- Anxiety — the patient has an anxiety disorder");
    expect(md).toContain("- Other — not: The patient has an anxiety disorder");
  });

  it("groups documentation by condition, nested `when` blocks as all of their conditions", () => {
    const model = modelOf(policy(`${FACTS}
      covered "Anxiety" if adult and anxious
      require referral "Referral letter"
      when ward {
        require consent "Ward consent" when allergy
        ask animal: text "Which animal?"
      }`));
    const md = markdownText(renderMarkdown(model));
    expect(md).toContain("For every request: - [ ] Referral letter (`referral`)");
    expect(md).toContain("When the patient is on a closed ward: - [ ] Question: Which animal? — answer: text (`animal`)");
    expect(md).toContain("When all of the following: The patient is on a closed ward; The patient has an animal allergy: - [ ] Ward consent (`consent`)");
    const html = htmlText(renderHtml(model));
    expect(html).toContain("When all of the following: The patient is on a closed ward The patient has an animal allergy Ward consent");
  });

  it("renders a library: definitions and codes, no coverage sections", () => {
    const model = modelOf(`library lib "Shared criteria" {
      fact adult: bool "The patient is an adult"
      /// Adults only.
      define grown "Grown-up" = adult
      codeset cs "Some codes" { ICD10 C50, C61 }
    }`);
    const md = renderMarkdown(model);
    expect(md).toContain("*Policy library*");
    expect(md).not.toContain("## Coverage Indications");
    expect(md).toContain("**Grown-up**\n\nAdults only.\n\nCriteria: the patient is an adult");
    expect(md).toContain("- **Some codes** (`cs`, 2 codes)\n  - ICD10: C50, C61");
    expect(renderHtml(model)).not.toContain("<svg");
  });
});
