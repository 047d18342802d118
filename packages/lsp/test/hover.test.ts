import { describe, it } from "vitest";
import { expectHover, expectNoHover, LIB, POLICY } from "./helpers.js";

/** POLICY with the cursor marker put before the first `what` after the first `after` (if any). */
const at = (what: string, after?: string): string => {
  const from = after ? POLICY.indexOf(after) : 0;
  const i = POLICY.indexOf(what, from);
  if (i < 0) throw new Error(`${what} not in POLICY`);
  return POLICY.slice(0, i) + "<|>" + POLICY.slice(i);
};

describe("hover", () => {
  it("shows a fact's type, unit, label and doc comment", () => {
    expectHover(at("disease_free_interval >="), "fact disease_free_interval: number years", "Unit: years", "Disease-free interval", "How long the disease stayed away.");
  });

  it("shows a fact declared in an imported library, saying where it comes from", () => {
    expectHover(at("ordered_by_provider: true"), "fact ordered_by_provider: bool", "Ordered by a provider", "From lib.pol");
  });

  it("shows a define's label, type and doc", () => {
    expectHover(at("general_criteria,"), "define general_criteria: bool", "General criteria");
    expectHover(at("definitive,"), "define definitive: bool", "Definitive therapy");
  });

  it("shows a codeset's codes", () => {
    expectHover(at("cns)"), "codeset cns", "Central nervous system tumors", "ICD10 C70-C72, D32-D33");
  });

  it("shows an enum member's label", () => {
    expectHover(at("curative and"), "Intent.curative", "Curative intent");
    expectHover(at("heart, lungs"), "Organ.heart", "Heart");
  });

  it("shows an enum's members", () => {
    expectHover(at("Intent \"Treatment intent\"\n  fact"), "enum Intent", "`curative` — Curative intent", "`palliative` — Palliative intent");
  });

  it("shows the description of a code in `applies to`", () => {
    expectHover(at("77385"), "CPT 77385", "IMRT delivery, simple");
  });

  it("works on declarations, `given` entries and `expect requires`", () => {
    expectHover(at("intent: Intent"), "fact intent: Intent");
    expectHover(at("intent: curative"), "fact intent: Intent");
    expectHover(at("curative\n      diagnoses"), "Intent.curative");
    expectHover(at("target_volume }"), "require target_volume", "Target volume");
  });

  it("explains built-in values", () => {
    expectHover(POLICY.replace("diagnoses has any breast", "<|>procedures has any breast"), "procedures", "procedure codes");
  });

  it("has nothing to say about keywords, strings and comments", () => {
    expectNoHover(at("covered \"CNS\""));
    expectNoHover(at("Demo policy"));
  });

  it("keeps answering on half-typed text", () => {
    expectHover(POLICY.replace("otherwise not covered", "covered if <|>intent is (((\n  otherwise not covered"), "fact intent: Intent");
  });

  it("reads the library's doc comment for its facts", () => {
    expectHover(POLICY.replace("ordered_by_provider: true\n      medically_necessary", "ordered_by_provider: true\n      <|>medically_necessary"), "Needed for every service.");
    void LIB;
  });
});
