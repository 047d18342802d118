/**
 * `test` blocks (LANGUAGE.md §8): each `given` becomes a case (§9), the
 * reference evaluator decides it, and every `expect` is checked against the
 * decision. Results carry source locations so `pol test` and the editor can
 * point at the failing expectation.
 */
import type * as A from "@pol/dsl";
import type { PolicyModel } from "@pol/dsl";
import { evaluate } from "./evaluate.js";
import type { Decision } from "./runtime/index.js";

export interface TestFailure {
  /** What went wrong, in the author's words. */
  message: string;
  expected: string;
  actual: string;
  /** The expectation (or the test, for a bad `given`) that failed. */
  file: string;
  line: number;
  column: number;
}

export interface TestResult {
  policy: string;
  name: string;
  file: string;
  line: number;
  column: number;
  passed: boolean;
  failures: TestFailure[];
  /** The decision, when the `given` was a valid case. */
  decision?: Decision;
}

/** Run every test block of a policy. */
export function runTests(model: PolicyModel): TestResult[] {
  return model.tests.map((t) => runTest(model, t));
}

export function runTest(model: PolicyModel, test: A.TestDecl): TestResult {
  const at = (span: A.Span) => ({ file: model.file, line: span.start.line, column: span.start.column });
  const base = { policy: model.name, name: test.name.value, ...at(test.span) };
  const result = evaluate(model, givenToCase(test));
  if ("errors" in result) {
    const failures = result.errors.map((e) => ({
      message: `the given block is not a valid case: ${e.path}: ${e.message}`,
      expected: "a valid case",
      actual: `${e.path}: ${e.message}`,
      ...at(test.span),
    }));
    return { ...base, passed: false, failures };
  }
  const failures: TestFailure[] = [];
  for (const e of test.expectations) {
    const f = checkExpectation(e, result);
    if (f) failures.push({ ...f, ...at(e.span) });
  }
  return { ...base, passed: failures.length === 0, failures, decision: result };
}

type Failure = Pick<TestFailure, "message" | "expected" | "actual">;

function checkExpectation(e: A.Expectation, d: Decision): Failure | undefined {
  switch (e.kind) {
    case "expect-outcome":
      if (d.outcome === e.outcome) return undefined;
      return {
        message: `expected ${words(e.outcome)}, got ${words(d.outcome)}${d.rule ? ` (rule "${d.rule}")` : ""}`,
        expected: words(e.outcome),
        actual: words(d.outcome),
      };
    case "expect-rule": {
      const want = e.label.value;
      if (d.rule === want) return undefined;
      return { message: `expected rule "${want}", got ${d.rule === null ? "no rule" : `"${d.rule}"`}`, expected: want, actual: String(d.rule) };
    }
    case "expect-requires": {
      const wrong = e.names.filter((n) => d.documentation.find((r) => r.id === n.name)?.status !== "required");
      if (wrong.length === 0) return undefined;
      const actual = wrong.map((n) => `${n.name}: ${d.documentation.find((r) => r.id === n.name)?.status.replace("_", " ") ?? "not a requirement"}`);
      return {
        message: `expected ${wrong.map((n) => n.name).join(", ")} to be required (${actual.join("; ")})`,
        expected: e.names.map((n) => n.name).join(", "),
        actual: actual.join("; "),
      };
    }
    case "expect-missing":
      return sameSet("missing", e.names.map((n) => n.name), d.missing ?? []);
    case "expect-possible":
      return sameSet("possible", e.outcomes.map((o) => o.outcome), d.possible ?? [], words);
  }
}

function sameSet(what: string, expected: string[], actual: readonly string[], show = (s: string) => s): Failure | undefined {
  const want = new Set(expected);
  const got = new Set(actual);
  if (want.size === got.size && [...want].every((x) => got.has(x))) return undefined;
  const extra = [...got].filter((x) => !want.has(x)).map(show);
  const lacking = [...want].filter((x) => !got.has(x)).map(show);
  const parts = [lacking.length ? `lacks ${lacking.join(", ")}` : "", extra.length ? `also has ${extra.join(", ")}` : ""].filter(Boolean);
  return {
    message: `expected ${what} { ${expected.map(show).join(", ")} }, got { ${actual.map(show).join(", ")} } (${parts.join("; ")})`,
    expected: `{ ${expected.map(show).join(", ")} }`,
    actual: `{ ${actual.map(show).join(", ")} }`,
  };
}

/** `not_covered` → `not covered`: outcomes as the author writes them. */
function words(outcome: string): string {
  return outcome.replace("_", " ");
}

/** The case a `given` block describes (§8 → §9). */
export function givenToCase(test: A.TestDecl): { facts: Record<string, unknown>; procedures?: unknown; documents?: unknown; as_of?: unknown } {
  const facts: Record<string, unknown> = {};
  const out: { facts: Record<string, unknown>; procedures?: unknown; documents?: unknown; as_of?: unknown } = { facts };
  for (const g of test.given) {
    const value = givenValue(g.value);
    const name = g.name.name;
    if (name === "procedures" || name === "documents") out[name] = Array.isArray(value) ? value : [value];
    else if (name === "as_of") out.as_of = value;
    else Object.defineProperty(facts, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function givenValue(v: A.GivenValue): unknown {
  switch (v.kind) {
    case "given-list":
      return v.items.map(givenValue);
    case "bool":
      return v.value;
    case "number":
      return v.unit ? { value: v.value, unit: v.unit.name } : v.value;
    case "date":
      return v.raw;
    case "string":
      return v.value;
    case "code":
      return v.rangeEnd === undefined ? v.code : `${v.code}-${v.rangeEnd}`;
    case "name":
      return v.name;
  }
}
