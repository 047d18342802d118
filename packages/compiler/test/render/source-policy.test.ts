/**
 * The rendered IMRT document against the published policy it encodes
 * (shared/source-policies/imrt-MC-L009.txt): every heading of the source has
 * its section, in the same order, and the source's coverage content — the
 * general criteria, the 14 indications, the 4 case-by-case conditions, the
 * documentation items, definitions, codes, history and references — appears
 * in that section.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { htmlText, imrtModel, markdownText, sharedDir, squash } from "./helpers.js";

const source = readFileSync(join(sharedDir, "source-policies/imrt-MC-L009.txt"), "utf8");
const lines = source.split("\n");

/** The source's headings, after the table of contents, up to the plan-wide notice that is not part of the policy. */
const HEADINGS = ["PLANS IN SCOPE", "BACKGROUND & PURPOSE:", "COVERAGE INDICATIONS:", "Exclusions", "Medical Records Documentation", "DEFINITIONS", "APPLICABLE CODES", "POLICY/REVISION HISTORY", "REFERENCES:"];
const END = "Nondiscrimination & Language Access Policy";

const key = (title: string): string => title.toLowerCase().replace(/[^a-z]/g, "");

/** The source body under each heading. */
function sourceSections(): Map<string, string[]> {
  const starts = HEADINGS.map((h) => lines.findIndex((l, i) => i > lines.indexOf("TABLE OF CONTENTS") && l.trim() === h));
  expect(starts.every((s) => s > 0), "every heading found in the source").toBe(true);
  const end = lines.indexOf(END);
  return new Map(HEADINGS.map((h, i) => [key(h), lines.slice(starts[i] + 1, starts[i + 1] ?? end)]));
}

/** List items of a source block: `- I. text` (continuation lines joined), numbering removed. */
function items(block: string[]): { depth: number; text: string }[] {
  const out: { depth: number; text: string }[] = [];
  for (const l of block) {
    const m = /^(\s*)- (?:(?:[IVX]+|[a-z]|[ivx]+)\. )?(.*)$/.exec(l);
    if (m) out.push({ depth: m[1].length, text: m[2].trim() });
    else if (l.trim() && out.length && !/^[A-Z]/.test(l.trim())) out[out.length - 1].text += ` ${l.trim()}`;
    else if (l.trim()) out.push({ depth: -1, text: l.trim() });
  }
  return out;
}

/** Rendered sections by heading key, as a reader sees their text. */
function markdownSections(md: string): Map<string, string> {
  return new Map(
    md
      .split(/^## /m)
      .slice(1)
      .map((s) => [key(s.slice(0, s.indexOf("\n"))), squash(markdownText(s))]),
  );
}
function htmlSections(html: string): Map<string, string> {
  return new Map(
    [...html.matchAll(/<section id="[^"]*" aria-labelledby="[^"]*">\s*<h2[^>]*>([^<]*)<\/h2>([\s\S]*?)<\/section>/g)].map((m) => [
      key(m[1].replace(/&amp;/g, "&")),
      squash(htmlText(m[2])),
    ]),
  );
}

const model = imrtModel();
const src = sourceSections();

describe.each([
  ["Markdown", markdownSections(renderMarkdown(model)), renderMarkdown(model).match(/^## .*$/gm)!.map((h) => key(h))],
  ["HTML", htmlSections(renderHtml(model)), [...renderHtml(model).matchAll(/<h2 id="[^"]*">([^<]*)<\/h2>/g)].map((m) => key(m[1].replace(/&amp;/g, "&")))],
] as const)("%s against the published IMRT policy", (_, sections, order) => {
  const section = (h: string): string => {
    const s = sections.get(key(h));
    expect(s, `section ${h}`).toBeDefined();
    return s!;
  };

  it("has a section for every heading of the source, in the source's order", () => {
    const positions = HEADINGS.map((h) => order.indexOf(key(h)));
    expect(positions.every((p) => p >= 0), `headings: ${order.join(", ")}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("Plans in Scope and Background & Purpose", () => {
    expect(section("PLANS IN SCOPE")).toContain("Aspirus Health Plan");
    for (const p of src.get(key("BACKGROUND & PURPOSE:"))!.filter((l) => l.trim())) expect(section("BACKGROUND & PURPOSE:")).toContain(squash(p));
  });

  describe("Coverage Indications", () => {
    const block = src.get(key("COVERAGE INDICATIONS:"))!;
    const at = (prefix: string): number => block.findIndex((l) => l.startsWith(prefix));
    const general = items(block.slice(at("General coverage indications") + 1, at("IMRT is considered medically necessary")));
    const indications = items(block.slice(at("IMRT is considered medically necessary") + 1, at("IMRT may be covered")));
    const caseByCase = items(block.slice(at("IMRT may be covered") + 1));

    it("the general coverage indications come first", () => {
      const text = section("COVERAGE INDICATIONS:");
      expect(general).toHaveLength(3);
      expect(text.indexOf("General coverage indications")).toBeGreaterThanOrEqual(0);
      for (const g of general) {
        expect(text).toContain(g.text);
        expect(text.indexOf(g.text)).toBeLessThan(text.indexOf("is considered medically necessary"));
      }
    });

    it("the 14 indications and their sub-items, in order, after the lead-in", () => {
      const text = section("COVERAGE INDICATIONS:");
      const top = indications.filter((i) => i.depth === 0);
      expect(top).toHaveLength(14);
      expect(text).toContain("Intensity-Modulated Radiation Therapy is considered medically necessary for the following:");
      let last = text.indexOf("is considered medically necessary for the following");
      for (const i of indications) {
        const at = text.indexOf(i.text, last);
        expect(at, i.text).toBeGreaterThan(last);
        last = at;
      }
      expect(text).toContain("V. Gastrointestinal tumors including");
      expect(text).toContain("VII. Sarcomas including");
    });

    it("the 4 case-by-case conditions, after their lead-in", () => {
      const text = section("COVERAGE INDICATIONS:");
      expect(caseByCase).toHaveLength(4);
      const lead = text.indexOf("may be covered for a condition that is not listed above on a case-by-case basis when at least one of the following conditions is present");
      expect(lead).toBeGreaterThan(0);
      for (const c of caseByCase) expect(text.indexOf(c.text), c.text).toBeGreaterThan(lead);
    });

    it("defines definitive therapy where the indications need it", () => {
      expect(section("DEFINITIONS")).toContain("Definitive Therapy is treatment with curative intent.");
      expect(section("COVERAGE INDICATIONS:")).toContain("Definitive therapy");
    });
  });

  it("Exclusions: N/A", () => {
    expect(src.get(key("Exclusions"))!.join(" ").trim()).toBe("N/A");
    expect(section("Exclusions").trim()).toMatch(/N\/A$/);
  });

  it("Medical Records Documentation: the introduction and every documented item", () => {
    const text = section("Medical Records Documentation");
    const block = src.get(key("Medical Records Documentation"))!;
    expect(text).toContain(squash(block.find((l) => l.startsWith("Benefit coverage"))!));
    // The encoding rewords some items (one requirement per document, the
    // condition moved out of the text); each source item keeps this phrase.
    const phrases = [
      "Specific condition and target volume requiring IMRT",
      "Specific history of prior radiation therapy",
      "special need for performing IMRT versus conventional or 3-dimensional radiation treatment",
      "cite the specific constraint, including protocol number",
      "QUANTEC or RTOG dose constraints",
      "clearly labeled, color comparative 3D, and IMRT dose volume histogram and dose table, in absolute doses",
      "Comparison plans utilizing deep inspiration breath hold technique",
      "An immediately adjacent area has been previously irradiated or will be irradiated, and abutting portals must be established with high precision",
      "Will the left-sided internal mammary nodes be treated?",
      "Will the patient be receiving partial breast irradiation (when dose is up to 5 fractions)?",
      "IMRT used for whole brain radiation",
      "Presence or absence of brain metastasis",
      "ECOG or KPS results",
      "Prognosis time period",
      "Presence or absence of leptomeningeal disease",
      "What is the measurement, in centimeters, from the distal aspect of the rectal tumor to the anal verge?",
    ];
    const listed = items(block).filter((i) => i.depth >= 0);
    expect(listed).toHaveLength(16);
    for (const item of listed) {
      const phrase = phrases.find((p) => item.text.toLowerCase().includes(p.toLowerCase()));
      expect(phrase, `a phrase for the source item "${item.text}"`).toBeDefined();
      expect(text.toLowerCase()).toContain(phrase!.toLowerCase());
    }
    expect(text).toContain("When diagnosis codes (ICD-10-CM) on the request include a code in Breast tumors");
  });

  it("Definitions", () => {
    for (const l of src.get(key("DEFINITIONS"))!.filter((x) => x.trim())) expect(section("DEFINITIONS")).toContain(squash(l));
  });

  it("Applicable Codes: the note and every code with its type and description", () => {
    const text = section("APPLICABLE CODES");
    const block = src.get(key("APPLICABLE CODES"))!;
    expect(text).toContain(squash(block.find((l) => l.startsWith("Note:"))!));
    const rows = block.filter((l) => /^\w+\t(CPT|HCPCS)\t/.test(l)).map((l) => l.split("\t"));
    expect(rows).toHaveLength(16);
    for (const [code, type, description] of rows) expect(text).toContain(`${type} ${code} ${description}`);
  });

  it("Policy/Revision History", () => {
    const text = section("POLICY/REVISION HISTORY");
    expect(text).toContain("September 10, 2025 Initial Policy Development Optum Medical and Pharmacy Subcommittee");
  });

  it("References, every one in the source's order", () => {
    // Markdown keeps the source's *italics* and <links>; HTML makes them markup: compare without those marks.
    const plain = (t: string): string => squash(t).replace(/[*<>]/g, "");
    const text = plain(section("REFERENCES:"));
    let last = -1;
    for (const r of src.get(key("REFERENCES:"))!.filter((l) => l.trim())) {
      const at = text.indexOf(plain(r), last + 1);
      expect(at, r.slice(0, 60)).toBeGreaterThan(last);
      last = at;
    }
  });
});
