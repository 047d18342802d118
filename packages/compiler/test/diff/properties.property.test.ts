/**
 * The diff's laws, with fast-check:
 * - a policy against itself, or against a reformatted text of itself, changes nothing;
 * - a single mutation of a condition on a small policy is reported with valid
 *   witnesses, or proven to change nothing — and a brute force over the small
 *   policy's input space (every fact unknown or on and around each
 *   threshold) finds no change of outcome or documentation the diff missed.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPol } from "@pol/dsl";
import { diff } from "../../src/diff/index.js";
import { evaluate } from "../../src/evaluate.js";
import type { Decision } from "../../src/runtime/index.js";
import { CONFORMANCE } from "../helpers/policies.js";
import { checked, expectWitnessesHold } from "./helpers.js";
import { bruteForceCases, factsOf, mutate, policyText, smallPolicyArb, type MutationKind, type SmallPolicy } from "./small-policies.js";

const FILE = join(CONFORMANCE, "small.pol");

const decisionKey = (d: Decision) => `${d.outcome}|${d.rule ?? ""}|${(d.possible ?? []).join(",")}`;
const statusOf = (d: Decision) => (d.outcome === "not_applicable" ? "absent" : (d.documentation.find((x) => x.id === "proof")?.status ?? "absent"));

/** The diff of two small policies is exhaustive, its witnesses hold, and brute force finds no change it did not report. */
function expectExactDiff(p: SmallPolicy, q: SmallPolicy): void {
  const before = checked(policyText(p), FILE);
  const after = checked(policyText(q), FILE);
  const d = diff(before, after);
  expectWitnessesHold(d, before, after);
  expect(d.summary.notes).toEqual([]);
  expect(d.summary.exhaustive).toBe(true);

  const reported = new Set(d.behavior.map((b) => `${decisionKey(b.old as Decision)}→${decisionKey(b.new as Decision)}`));
  const reportedDocs = new Set(d.documentation.map((c) => `${c.old}→${c.new}`));
  for (const c of bruteForceCases([p, q])) {
    const a = evaluate(before, c) as Decision;
    const b = evaluate(after, c) as Decision;
    const ka = decisionKey(a);
    const kb = decisionKey(b);
    if (ka !== kb) expect(reported, `${JSON.stringify(c)}: ${ka} → ${kb}\n${policyText(p)}\n${policyText(q)}`).toContain(`${ka}→${kb}`);
    if (a.outcome !== "not_applicable" && b.outcome !== "not_applicable" && statusOf(a) !== statusOf(b)) {
      expect(reportedDocs, `${JSON.stringify(c)}: proof ${statusOf(a)} → ${statusOf(b)}`).toContain(`${statusOf(a)}→${statusOf(b)}`);
    }
  }
}

describe("diff laws", () => {
  it("each conformance policy against itself and against its formatted text: no change", async () => {
    for (const f of readdirSync(CONFORMANCE).filter((x) => x.endsWith(".pol"))) {
      const file = join(CONFORMANCE, f);
      const { readFileSync } = await import("node:fs");
      const text = readFileSync(file, "utf8");
      const model = checked(text, file);
      const formatted = checked(await formatPol(text, { printWidth: 60 }), file);
      for (const other of [model, formatted]) {
        const d = diff(model, other);
        expect(d.declarations, f).toEqual([]);
        expect(d.behavior, f).toEqual([]);
        expect(d.documentation, f).toEqual([]);
        expect(d.summary.exhaustive, f).toBe(true);
      }
    }
  });

  it("a random small policy against itself and its formatted text: no change", async () => {
    await fc.assert(
      fc.asyncProperty(smallPolicyArb, async (p) => {
        const text = policyText(p);
        const model = checked(text, FILE);
        const formatted = checked(await formatPol(text, { printWidth: 50 }), FILE);
        for (const other of [model, formatted]) {
          const d = diff(model, other);
          expect(d.declarations).toEqual([]);
          expect(d.behavior).toEqual([]);
          expect(d.documentation).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a single mutation is reported with valid witnesses, and brute force finds nothing it missed", () => {
    const kinds: MutationKind[] = ["flip", "negate", "threshold", "operator", "drop"];
    fc.assert(
      fc.property(smallPolicyArb, fc.constantFrom(...kinds), fc.nat(), fc.nat(), (p, kind, which, pick) => {
        const q = mutate(p, kind, which, pick);
        fc.pre(q !== undefined);
        expectExactDiff(p, q!);
      }),
      { numRuns: 200 },
    );
  });

  it("two unrelated small policies: every change is reported, with valid witnesses", () => {
    fc.assert(
      fc.property(smallPolicyArb, smallPolicyArb, (p, q) => {
        fc.pre(new Set([...factsOf(p), ...factsOf(q)]).size <= 4);
        expectExactDiff(p, q);
      }),
      { numRuns: 60 },
    );
  });
});
