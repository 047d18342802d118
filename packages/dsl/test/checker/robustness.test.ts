import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NESTING } from "../../src/index.js";
import { check, expectDiagnostics, policy } from "../helpers/check.js";
import { mutatedPolicy } from "../helpers/mutations.js";
import { repositoryPolicies } from "../helpers/repo.js";

describe("recovery", () => {
  it("reports every error of a broken file and still checks the rest", () => {
    const result = expectDiagnostics(
      policy(`
  enum Intent { curative, palliative }
  fact intent: Intent
  fact interval: number years
  fact diagnoses: set of ICD10
  codeset bad { ICD10 <|>61C }
  define ok = intent is curative and interval >= 2 years
  define broken = intent is <|>curativ
  covered if ok and <|>undefined_name
  review if <|>interval
  covered if intent is <|>)
  not covered if diagnoses has any bad and interval >= <|>3
  otherwise not covered`),
      [
        { code: "invalid-code" },
        { code: "unknown-enum-member" },
        { code: "unknown-name" },
        { code: "condition-not-bool" },
        { code: "syntax-error" },
        { code: "missing-unit" },
      ],
    );
    const model = result.model!;
    expect([...model.defines.keys()]).toEqual(["ok", "broken"]);
    expect(model.defines.get("ok")!.type).toEqual({ kind: "bool" });
    expect(model.rules.length).toBe(4);
  });

  it("never throws on the trees parse returns for damaged repository policies", () => {
    const sources = repositoryPolicies().map((f) => readFileSync(f, "utf8"));
    fc.assert(
      fc.property(mutatedPolicy(sources), (text) => {
        const result = check(text);
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on any prefix of a policy (half-typed text)", () => {
    const text = policy(`
  import_marker
  enum Intent { curative, palliative }
  fact intent: Intent
  fact diagnoses: set of ICD10
  codeset cns { ICD10 C70-C72 include other }
  define d = intent is curative and diagnoses has at least 1 of { ICD10 C50 } or count(diagnoses) > 2
  covered "x" if all(d, any(d, none(d)), at least 1 of (d)) and as_of - 2025-01-01 >= 3 months
  when d { require r "R" when d ask a: number years "A" }
  test "t" { given { intent: curative diagnoses: [ICD10 C50] documents: [r] } expect requires { r } expect rule "x" }`);
    for (let i = 0; i <= text.length; i += 2) check(text.slice(0, i));
  });

  it("handles empty names and missing parts", () => {
    for (const text of [
      "policy {",
      "policy p { fact : bool }",
      "policy p { fact x: }",
      "policy p { define = }",
      "policy p { covered if }",
      "policy p { enum { } }",
      "policy p { codeset c { include } }",
      "policy p { test { given { : } expect } }",
      "policy p { when { require } }",
      "library { fact x: Nope define d = x has }",
      'import "" policy p {}',
    ]) {
      expect(() => check(text)).not.toThrow();
    }
  });
});

describe("size and depth", () => {
  it("checks a 3,000-line policy with long chains without overflowing the stack", () => {
    const lines: string[] = ["policy big {"];
    for (let i = 0; i < 1000; i++) lines.push(`  fact f${i}: bool`);
    lines.push("  define d0 = f0");
    for (let i = 1; i < 1000; i++) lines.push(`  define d${i} = d${i - 1} and f${i}`);
    lines.push(`  define total = ${Array.from({ length: 2000 }, (_, i) => `${i} days`).join(" + ")}`);
    for (let i = 0; i < 1000; i++) lines.push(`  covered if d${i} and total > 1 day`);
    lines.push("  otherwise not covered", "}");
    expect(lines.length).toBeGreaterThanOrEqual(3000);
    const result = check(lines.join("\n"));
    expect(result.diagnostics.filter((d) => d.severity !== "warning")).toEqual([]);
    const order = [...result.model!.defines.keys()];
    expect(order.indexOf("d998")).toBeLessThan(order.indexOf("d999"));
  });

  it("reports a long define cycle without recursion", () => {
    const n = 3000;
    const defines = Array.from({ length: n }, (_, i) => `  define d${i} = d${(i + 1) % n}`).join("\n");
    const result = check(policy(`${defines}\n  covered if d0\n  otherwise not covered`));
    expect(result.diagnostics.filter((d) => d.code === "define-cycle").length).toBe(n);
  });

  it("checks conditions nested as deep as the parser allows", () => {
    const depth = MAX_NESTING - 5;
    const condition = `${"(".repeat(depth)}flag${")".repeat(depth)}`;
    expectDiagnostics(policy(`  fact flag: bool\n  covered if ${condition} and ${"not ".repeat(depth - 2)}flag\n  otherwise not covered`), []);
  });
});
