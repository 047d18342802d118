/**
 * Property tests over every policy in the repository: the generated evaluator
 * and the reference evaluator return identical decisions (with and without
 * trace) on thousands of generated cases, trace off changes nothing but the
 * trace, and bad cases always get errors naming the offending path.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { badCaseArb, caseArb } from "./helpers/arbitraries.js";
import { join } from "node:path";
import { generate, modelOf, repositoryPolicies, type GeneratedModule } from "./helpers/policies.js";

// The repository's policies, and the test fixtures that exercise every operator.
const policies = [
  ...repositoryPolicies(),
  ...["operators.pol", "escaping.pol", "tested.pol"].map((f) => ({ file: f, model: modelOf(join(import.meta.dirname, "fixtures", f)) })),
];

describe("generated and reference evaluators agree", () => {
  let modules: Map<string, GeneratedModule>;
  beforeAll(async () => {
    modules = (await generate(policies.map((p) => p.model), "agreement")).modules;
  });

  it("there are policies to test", () => {
    expect(policies.map((p) => p.model.name)).toEqual(expect.arrayContaining(["codes", "documentation", "logic", "precedence", "units"]));
  });

  for (const { model } of policies) {
    it(`${model.name}: identical decisions on generated cases`, () => {
      const generated = modules.get(model.name)!;
      fc.assert(
        fc.property(caseArb(model), (input) => {
          const reference = evaluate(model, input, { trace: true });
          expect(generated.evaluate(input, { trace: true })).toEqual(reference);
          const fast = evaluate(model, input);
          expect(generated.evaluate(input)).toEqual(fast);
          expect("errors" in reference, JSON.stringify(reference)).toBe(false);
          if (!("errors" in reference)) {
            const { trace, ...rest } = reference;
            expect(trace).toBeDefined();
            expect(fast).toEqual(rest);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it(`${model.name}: bad cases get errors naming the path, never a decision`, () => {
      const generated = modules.get(model.name)!;
      fc.assert(
        fc.property(badCaseArb(model), ({ input, path }) => {
          for (const result of [evaluate(model, input), generated.evaluate(input, { trace: true })]) {
            expect(result).not.toHaveProperty("outcome");
            expect("errors" in result).toBe(true);
            if ("errors" in result) expect(result.errors.map((e) => e.path)).toContain(path);
          }
        }),
        { numRuns: 500 },
      );
    });
  }
});
