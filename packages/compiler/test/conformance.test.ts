/**
 * The shared conformance suite (../shared/conformance, see its README): every
 * policy against every line of its cases, through the reference evaluator and
 * through the generated evaluator, which must also agree with each other.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyModel } from "@pol/dsl";
import { evaluate } from "../src/evaluate.js";
import type { Decision, InputErrors } from "../src/runtime/index.js";
import { CONFORMANCE, generate, modelOf, readCases, type GeneratedModule } from "./helpers/policies.js";

const policies = readdirSync(CONFORMANCE).filter((f) => f.endsWith(".pol")).sort();

function checkExpectation(result: Decision | InputErrors, expected: Record<string, unknown>): void {
  if (expected.error) {
    expect("errors" in result, "a bad case must give errors and no decision").toBe(true);
    const paths = (result as InputErrors).errors.map((e) => e.path);
    for (const p of expected.error as string[]) expect(paths.some((x) => x.includes(p)), `an error path containing ${p} in ${paths}`).toBe(true);
    expect(result).not.toHaveProperty("outcome");
    return;
  }
  expect(result, JSON.stringify(result)).not.toHaveProperty("errors");
  const d = result as Decision;
  expect(d.outcome).toBe(expected.outcome);
  if ("rule" in expected) expect(d.rule).toBe(expected.rule);
  if (expected.possible) expect(new Set(d.possible)).toEqual(new Set(expected.possible as string[]));
  if (expected.missing) expect(new Set(d.missing)).toEqual(new Set(expected.missing as string[]));
  const status = (id: string) => d.documentation.find((r) => r.id === id);
  for (const s of ["required", "not_required", "possibly_required"]) {
    for (const id of (expected[s] as string[] | undefined) ?? []) expect(status(id)?.status, `${id} is ${s}`).toBe(s);
  }
  for (const id of (expected.provided as string[] | undefined) ?? []) expect(status(id)?.provided, `${id} is provided`).toBe(true);
  for (const id of (expected.not_provided as string[] | undefined) ?? []) expect(status(id)?.provided, `${id} is not provided`).toBe(false);
}

for (const file of policies) {
  const name = file.replace(/\.pol$/, "");
  describe(`conformance: ${name}`, () => {
    const cases = readCases(readFileSync(join(CONFORMANCE, `${name}.cases.jsonl`), "utf8"));
    let model: PolicyModel;
    let generated: GeneratedModule;
    beforeAll(async () => {
      model = modelOf(join(CONFORMANCE, file));
      generated = (await generate([model], `conformance-${name}`)).modules.get(model.name)!;
    });
    for (const c of cases) {
      it(`reference: ${c.name}`, () => checkExpectation(evaluate(model, c.case), c.expect));
      it(`generated: ${c.name}`, () => checkExpectation(generated.evaluate(c.case), c.expect));
      it(`both agree, with and without trace: ${c.name}`, () => {
        const withTrace = evaluate(model, c.case, { trace: true });
        expect(generated.evaluate(c.case, { trace: true })).toEqual(withTrace);
        const fast = evaluate(model, c.case);
        expect(generated.evaluate(c.case)).toEqual(fast);
        if (!("errors" in withTrace)) {
          const { trace, ...rest } = withTrace;
          expect(trace).toBeDefined();
          expect(fast).toEqual(rest);
        }
      });
    }
  });
}
