import { describe, expect, it } from "vitest";
import { check, expectDiagnostics, policy, withCode } from "../helpers/check.js";

describe("metadata and decisions (§5, §7)", () => {
  it("reports metadata lines that may appear once, naming the first", () => {
    const result = expectDiagnostics(
      policy(`
  id "A"
  effective 2025-01-01
  approved 2024-12-01
  replaces 2024-01-01
  plans "Plan A"
  id "B"
  effective 2025-01-02
  approved 2024-12-02
  replaces 2024-01-02
  plans "Plan B"
  cite "one"
  cite "two"
  revision 2024-12-01 "r1"
  revision 2024-12-02 "r2"
  covered if true
  otherwise not covered`),
      [8, 9, 10, 11, 12].map((line) => ({ code: "duplicate-metadata" as const, line, column: 3 })),
    );
    expect(withCode(result, "duplicate-metadata")[0].related?.[0].span.start.line).toBe(3);
    const md = result.model!.metadata;
    expect([md.id, md.effective, md.approved, md.replaces, md.plans, md.cites.length, md.revisions.length]).toEqual([
      "A",
      "2025-01-01",
      "2024-12-01",
      "2024-01-01",
      ["Plan A"],
      2,
      2,
    ]);
    expect(result.model!.version).toBe("2024-12-01");
  });

  it("allows one `otherwise`, and says when it is left out", () => {
    expectDiagnostics(policy(`  covered if true\n  otherwise not covered\n  otherwise review`), [{ code: "duplicate-otherwise", line: 4, column: 3 }]);
    const result = expectDiagnostics(policy(`  covered if true`), [{ code: "missing-otherwise", line: 1, column: 8 }]);
    expect(result.model!.otherwise).toBe("not_covered");
    expect(check(policy(`  covered if true\n  otherwise review`)).model!.otherwise).toBe("review");
  });

  it("keeps rules, requirements, tests and `applies to` out of libraries, but allows metadata", () => {
    expectDiagnostics(
      `library common "Common" {
  effective 2025-01-01
  cite "Shared criteria"
  fact flag: bool
  covered if flag
  otherwise review
  require notes "Notes"
  when flag { ask more: bool "More?" }
  test "t" { expect covered }
  applies to { CPT 77385 }
}`,
      [5, 6, 7, 8, 9, 10].map((line) => ({ code: "rule-in-library" as const, line, column: 3 })),
    );
  });

  it("reports a file with neither policy nor library", () => {
    expectDiagnostics(`// nothing here\n`, [{ code: "missing-policy", line: 1, column: 1 }]);
    expect(check(`// nothing here\n`).model).toBeUndefined();
  });

  it("labels rules, defaulting to their outcome and line", () => {
    const result = check(policy(`  covered "Listed site" if true\n  review if true\n  not covered if false`));
    expect(result.model!.rules.map((r) => [r.label, r.index])).toEqual([
      ["Listed site", 0],
      ["review rule at line 3", 1],
      ["not covered rule at line 4", 2],
    ]);
  });

  it("checks `at least N of (…)`", () => {
    expectDiagnostics(
      policy(`
  fact a: bool
  fact b: bool
  covered if at least 2 of (a, b, a)
  review if at least <|>3 of (a, b) or at least <|>0 of (a) or at least <|>1.5 of (a, b)`),
      [{ code: "at-least-too-many" }, { code: "invalid-count" }, { code: "invalid-count" }],
    );
  });
});

describe("hygiene", () => {
  it("warns about `and` and `or` mixed at one level, offering parentheses; parentheses silence it", () => {
    const result = expectDiagnostics(
      policy(`
  fact a: bool
  fact b: bool
  fact c: bool
  covered if a or <|>b and c
  review if a or (b and c)
  not covered if (a or b) and c`),
      [{ code: "mixed-and-or" }],
    );
    const fix = withCode(result, "mixed-and-or")[0].suggestion!;
    expect(fix.replacement).toBe("(b and c)");
  });

  it("reports unused facts, defines and codesets of the policy", () => {
    expectDiagnostics(
      policy(`
  fact <|>unused_fact: bool
  fact in_test_only: bool
  fact in_when_only: bool
  ask question: bool "Asks are never unused"
  define <|>unused_define = true
  codeset <|>unused_codeset { ICD10 C50 }
  codeset included { ICD10 C61 }
  codeset used { include included }
  codeset grouping "Made only of includes: a grouping, never unused" { include used }
  fact diagnoses: set of ICD10
  covered if diagnoses has any used
  otherwise not covered
  when in_when_only { require notes "Notes" }
  test "t" { given { in_test_only: true } expect covered }`),
      [{ code: "unused-fact" }, { code: "unused-define" }, { code: "unused-codeset" }],
    );
  });

  it("does not report unused declarations of libraries", () => {
    expectDiagnostics(`import "lib.pol"\n${policy("  covered if true\n  otherwise not covered")}`, [], {
      files: { "lib.pol": `library lib { fact spare: bool\n define spare_define = spare\n codeset spare_codes { ICD10 C50 } }` },
    });
    expectDiagnostics(`library lib { fact spare: bool }`, []);
  });
});

describe("defines (§3)", () => {
  it("reports a cycle on every define in it, with the path", () => {
    const result = expectDiagnostics(
      policy(`
  fact flag: bool
  define <|>a = b and flag
  define <|>b = flag or a
  define <|>itself = not itself
  define fine = flag
  covered if a and itself and fine
  otherwise not covered`),
      [{ code: "define-cycle" }, { code: "define-cycle" }, { code: "define-cycle" }],
    );
    expect(withCode(result, "define-cycle").map((d) => d.message.split(": ")[1])).toEqual(["a → b → a", "b → a → b", "itself → itself"]);
    expect(new Set(result.model!.defines.keys())).toEqual(new Set(["a", "b", "itself", "fine"]));
  });

  it("does not mistake an enum member for a define of the same name", () => {
    expectDiagnostics(
      policy(`
  enum Choice { palliative, other }
  fact choice: Choice
  define other = choice is other
  covered if other
  otherwise not covered`),
      [],
    );
  });
});
