/**
 * The decision algorithm and JSON of LANGUAGE.md §5 and §9 on small inline
 * policies, through both evaluators: precedence, incomplete with `possible`
 * and exactly the `missing` facts, `as_of` and `procedures`, applicability,
 * key order, and the trace.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyModel } from "@pol/dsl";
import { evaluate } from "../src/evaluate.js";
import type { Decision, InputErrors } from "../src/runtime/index.js";
import { generate, modelFromText, type GeneratedModule } from "./helpers/policies.js";

const SOURCE = `
policy decisions "Decisions" {
  id "TEST-DEC"
  effective 2025-01-01
  approved 2024-12-01 by "Committee"

  fact a: bool "A"
  fact b: bool "B"
  fact c: bool "C"
  fact x: bool "Excluded"
  fact surgery: date "Surgery"
  fact dx: set of ICD10 "Diagnoses"

  codeset imrt_codes "IMRT delivery" { CPT 77385, 77386 }

  define both "A and B" = a and b
  define healed "Healed" = as_of - surgery >= 3 months

  not covered "excluded" if x
  covered "c with a or b" if c and (a or b)
  covered "both" if both
  review "healed and billed" if healed and procedures has any imrt_codes
  otherwise not covered

  require target "Target volume"
  require history "History" when both

  applies to {
    CPT 77385 "IMRT simple"
    CPT 77386 "IMRT complex"
  }
}
`;

let model: PolicyModel;
let generated: GeneratedModule;
beforeAll(async () => {
  model = modelFromText(SOURCE, "decisions.pol");
  generated = (await generate([model], "decisions")).modules.get("decisions")!;
});

/** Decide through both evaluators (with and without trace), which must agree; returns the trace-free decision. */
function decide(input: unknown): Decision {
  const reference = evaluate(model, input);
  expect(generated.evaluate(input)).toEqual(reference);
  const traced = evaluate(model, input, { trace: true });
  expect(generated.evaluate(input, { trace: true })).toEqual(traced);
  expect(reference).not.toHaveProperty("errors");
  const { trace, ...rest } = traced as Decision;
  expect(trace).toBeDefined();
  expect(rest).toEqual(reference);
  return reference as Decision;
}

describe("decisions", () => {
  it("keys in the documented order; possible and missing only when incomplete", () => {
    const d = decide({ facts: { x: false, c: true, a: true } });
    expect(Object.keys(d)).toEqual(["policy", "version", "outcome", "rule", "documentation"]);
    expect(d).toMatchObject({ policy: "decisions", version: "2024-12-01", outcome: "covered", rule: "c with a or b" });
    const i = decide({ facts: { x: false } });
    expect(Object.keys(i)).toEqual(["policy", "version", "outcome", "rule", "possible", "missing", "documentation"]);
    const t = evaluate(model, { facts: {} }, { trace: true });
    expect(Object.keys(t)).toEqual(["policy", "version", "outcome", "rule", "possible", "missing", "documentation", "trace"]);
  });

  it("missing leaves out facts a sibling made irrelevant", () => {
    // c unknown, a true: `a or b` is decided, so b is not asked for; `both` needs b.
    const d = decide({ facts: { x: false, a: true }, procedures: ["77385"] });
    expect(d.outcome).toBe("incomplete");
    expect(d.possible).toEqual(["covered", "review", "not_covered"]);
    expect(d.missing).toEqual(["b", "c", "surgery", "as_of"]);
    // With a false, `both` is false and `c and (a or b)` needs c and b.
    expect(decide({ facts: { x: false, a: false }, procedures: ["77385"], as_of: "2025-06-01" }).missing).toEqual(["b", "c", "surgery"]);
  });

  it("as_of absent is the missing name as_of; procedures absent is missing only where a rule uses it", () => {
    const d = decide({ facts: { x: false, c: false, a: false, surgery: "2025-01-01" } });
    expect(d.missing).toEqual(["procedures", "as_of"]);
    expect(d.possible).toEqual(["review", "not_covered"]);
    const e = decide({ facts: { x: false, c: false, a: false, surgery: "2025-01-01" }, as_of: "2025-06-01", procedures: [] });
    expect(e).toMatchObject({ outcome: "not_covered", rule: "otherwise" });
  });

  it("an empty procedures list is applicable; listed codes outside applies to are not", () => {
    const d = decide({ facts: { x: true }, procedures: ["99213"] });
    expect(d).toEqual({ policy: "decisions", version: "2024-12-01", outcome: "not_applicable", rule: null, documentation: [] });
    expect(decide({ facts: { x: true }, procedures: ["99213", "77386"] })).toMatchObject({ outcome: "not_covered", rule: "excluded" });
    expect(decide({ facts: { x: true }, procedures: [] })).toMatchObject({ outcome: "not_covered" });
    const traced = evaluate(model, { procedures: ["99213"] }, { trace: true }) as Decision;
    expect(traced.trace?.applicability).toMatchObject({ kind: "applies-to", value: false });
    expect(traced.trace?.rules).toEqual([]);
  });

  it("exclusions decide first; an unknown exclusion makes a true coverage incomplete", () => {
    expect(decide({ facts: { x: true, c: true, a: true } })).toMatchObject({ outcome: "not_covered", rule: "excluded" });
    expect(decide({ facts: { c: true, a: true } })).toMatchObject({ outcome: "incomplete", possible: ["not_covered", "covered"], missing: ["x"] });
  });

  it("documentation statuses and provided", () => {
    const d = decide({ facts: { x: false, a: true, b: true }, documents: ["history"] });
    expect(d.documentation).toEqual([
      { id: "target", kind: "document", text: "Target volume", status: "required", provided: false },
      { id: "history", kind: "document", text: "History", status: "required", provided: true },
    ]);
    expect(decide({ facts: { a: true } }).documentation[1].status).toBe("possibly_required");
  });

  it("the trace names rules, defines and facts with values and spans", () => {
    const d = evaluate(model, { facts: { x: false, a: true, b: true, c: false } }, { trace: true }) as Decision;
    expect(d.outcome).toBe("covered");
    expect(d.rule).toBe("both");
    const rules = d.trace!.rules;
    expect(rules.map((r) => [r.label, r.value])).toEqual([["excluded", false], ["c with a or b", false], ["both", true]]);
    const both = rules[2].children![0];
    expect(both).toMatchObject({ kind: "define", name: "both", label: "A and B", value: true });
    expect(both.span).toMatchObject({ file: "decisions.pol", line: 16 });
    const facts = both.children![0].children!;
    expect(facts.map((f) => [f.kind, f.name, f.value])).toEqual([["fact", "a", true], ["fact", "b", true]]);
    expect(rules[0].span).toEqual({ file: "decisions.pol", line: 19, column: 3, endLine: 19, endColumn: 30 });
  });

  it("trace values show units, dates and unknown as null", () => {
    const d = evaluate(model, { facts: { x: false, c: false, a: false, surgery: "2025-01-31" }, as_of: "2025-06-01", procedures: ["77385"] }, { trace: true }) as Decision;
    const review = d.trace!.rules.find((r) => r.outcome === "review")!;
    const healed = review.children![0].children![0];
    expect(healed).toMatchObject({ kind: "define", name: "healed", value: true });
    const diff = healed.children![0].children![0];
    expect(diff).toMatchObject({ label: "as_of - surgery", value: { value: 121, unit: "days" } });
    expect(diff.children!.map((c) => c.value)).toEqual(["2025-06-01", "2025-01-31"]);
    const unknown = evaluate(model, { facts: {} }, { trace: true }) as Decision;
    expect(unknown.trace!.rules[0].children![0]).toMatchObject({ kind: "fact", name: "x", value: null });
  });

  it("a bad case never yields a decision", () => {
    for (const bad of [[], { facts: { a: "yes" } }, { procedures: ["C61"] }, { documents: ["nope"] }, { as_of: "2025-02-30" }]) {
      const r = evaluate(model, bad) as InputErrors;
      expect(r.errors.length).toBeGreaterThan(0);
      expect(generated.evaluate(bad)).toEqual(r);
    }
  });
});
