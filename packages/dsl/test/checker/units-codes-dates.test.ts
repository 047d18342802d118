import { describe, expect, it } from "vitest";
import { check, expectDiagnostics, policy, withCode } from "../helpers/check.js";

describe("units (§3)", () => {
  it("converts within a dimension and refuses comparisons across dimensions", () => {
    const result = expectDiagnostics(
      policy(`
  fact disease_free_interval: number years
  fact dose: number Gy
  covered if disease_free_interval >= 24 months and dose <= 5000 cGy and disease_free_interval < 5 year
  review if disease_free_interval >= <|>2 cm`),
      [{ code: "unit-mismatch" }],
    );
    expect(withCode(result, "unit-mismatch")[0].message).toContain("a time (years) and a length");
  });

  it("asks for the unit of a bare number compared with a fact that has one, with a fix", () => {
    const result = expectDiagnostics(
      policy(`
  fact disease_free_interval: number years
  covered if disease_free_interval >= 2`),
      [{ code: "missing-unit", line: 4, column: 39 }],
    );
    const d = withCode(result, "missing-unit")[0];
    expect(d.suggestion?.replacement).toBe("2 years");
    expect(d.span).toEqual(d.suggestion?.span);
  });

  it("accepts a plain number against a plain number, and percent as its own dimension", () => {
    expectDiagnostics(
      policy(`
  fact ecog: number
  fact ejection_fraction: number percent
  covered if ecog <= 2 and ejection_fraction >= 35 % and ejection_fraction >= 35 percent`),
      [],
    );
  });
});

describe("codes (§1, §3)", () => {
  it("reports a code without its system's format, at the code, with the format", () => {
    const result = expectDiagnostics(
      policy(`
  codeset c { ICD10 61C, C50 }
  fact diagnoses: set of ICD10
  covered if diagnoses has any c and diagnoses has <|>ICD10 C5 and procedures has <|>CPT 7738
  review if procedures has <|>HCPCS 6015`),
      [
        { code: "invalid-code", line: 3, column: 21 },
        { code: "invalid-code" },
        { code: "invalid-code" },
        { code: "invalid-code" },
      ],
    );
    expect(withCode(result, "invalid-code")[0].message).toContain("a letter, a digit, a digit or letter");
  });

  it("accepts the formats of §3", () => {
    expectDiagnostics(
      policy(`
  codeset icd { ICD10 C71, C4A, D3A, C50.912, C50912, C70-C72, C75.1-C75.3 }
  codeset cpt { CPT 77385, 0001F, 0042T, 0001U, 77385-77387 }
  codeset hcpcs { HCPCS G6015, J9999 }
  fact diagnoses: set of ICD10
  covered if diagnoses has any icd and procedures has any cpt and procedures has any hcpcs`),
      [],
    );
  });

  it("reports ranges whose ends differ in length or run backwards", () => {
    expectDiagnostics(
      policy(`
  codeset c { ICD10 C70-C7A1, C72-C70 }
  fact diagnoses: set of ICD10
  covered if diagnoses has any c`),
      [
        { code: "invalid-range", line: 3, column: 21 },
        { code: "invalid-range", line: 3, column: 31 },
      ],
    );
  });

  it("flattens includes into normalized, deduplicated entries in source order", () => {
    const result = check(
      policy(`
  codeset a { ICD10 C50.1, C61 }
  codeset b { ICD10 C61 include a ICD10 D05 }
  codeset c { include b, a ICD10 c70 }`),
    );
    const entries = (name: string): string[] => result.model!.codesets.get(name)!.entries.map((e) => e.code + (e.rangeEnd ? `-${e.rangeEnd}` : ""));
    expect(entries("b")).toEqual(["C61", "C501", "D05"]);
    expect(entries("c")).toEqual(["C61", "C501", "D05"]);
    expect(result.model!.codesets.get("c")!.includes).toEqual(["b", "a"]);
  });

  it("reports include cycles on every codeset of the cycle, and unknown includes with a fix", () => {
    const result = expectDiagnostics(
      policy(`
  codeset a { include b ICD10 C50 }
  codeset b { include a, <|>breasts }
  codeset breast { ICD10 C50 }
  fact diagnoses: set of ICD10
  covered if diagnoses has any a and diagnoses has any breast`),
      [
        { code: "codeset-cycle", line: 3, column: 11 },
        { code: "codeset-cycle", line: 4, column: 11 },
        { code: "unknown-name" },
      ],
    );
    expect(withCode(result, "codeset-cycle")[0].message).toContain("a → b → a");
    expect(withCode(result, "unknown-name")[0].suggestion?.replacement).toBe("breast");
  });

  it("reports a codeset that mixes systems, but lets CPT and HCPCS go together", () => {
    expectDiagnostics(
      policy(`
  codeset procedures_ok { CPT 77385 HCPCS G6015 }
  codeset mixed { ICD10 C50 <|>CPT 77385 }
  fact diagnoses: set of ICD10
  covered if procedures has any procedures_ok and diagnoses has any mixed`),
      [{ code: "mixed-set" }],
    );
  });

  it("validates `applies to`: procedure codes, one by one; the model has it only when written", () => {
    const result = expectDiagnostics(
      policy(`
  applies to {
    CPT 77385 "IMRT, simple", 7738 "typo"
    HCPCS G6015
    ICD10 C50
    CPT 77385-77386
  }
  covered if true
  otherwise not covered`),
      [
        { code: "invalid-code", line: 4, column: 31 },
        { code: "type-mismatch", line: 6, column: 11 },
        { code: "invalid-range", line: 7, column: 9 },
      ],
    );
    expect(result.model!.appliesTo!.map((c) => `${c.system} ${c.code}`)).toEqual([
      "CPT 77385",
      "CPT 7738",
      "HCPCS G6015",
      "ICD10 C50",
      "CPT 77385",
    ]);
    expect(check(policy("  covered if true")).model!.appliesTo).toBeUndefined();
  });
});

describe("dates (§1, §7)", () => {
  it("reports impossible dates anywhere: metadata, conditions, tests", () => {
    const result = expectDiagnostics(
      policy(`
  effective 2025-02-30
  fact surgery: date
  covered if surgery < 2025-13-01
  test "t" { given { as_of: 2024-02-30 } expect covered }`),
      [
        { code: "invalid-date", line: 3, column: 13 },
        { code: "invalid-date", line: 5, column: 24 },
        { code: "invalid-date", line: 6, column: 29 },
      ],
    );
    expect(withCode(result, "invalid-date").map((d) => d.message.split(": ")[1])).toEqual([
      "February 2025 has 28 days",
      "there is no month 13",
      "February 2024 has 29 days",
    ]);
  });

  it("warns about metadata dates out of order", () => {
    expectDiagnostics(
      policy(`
  effective 2025-09-01
  approved 2025-09-10
  replaces 2025-09-01
  revision 2025-08-01 "Initial"
  revision 2025-10-01 "Later"
  covered if true
  otherwise not covered`),
      [
        { code: "date-order", line: 3, column: 13 },
        { code: "date-order", line: 5, column: 12 },
        { code: "date-order", line: 7, column: 12 },
      ],
    );
  });

  it("accepts the IMRT policy's metadata order", () => {
    expectDiagnostics(
      policy(`
  effective 2025-10-01
  approved 2025-09-10 by "Committee"
  replaces 2024-06-05
  revision 2025-09-10 "Initial Policy Development"
  covered if true
  otherwise not covered`),
      [],
    );
  });
});
