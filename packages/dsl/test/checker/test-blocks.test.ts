import { describe, expect, it } from "vitest";
import { check, expectDiagnostics, policy, withCode } from "../helpers/check.js";

const DECLS = `
  enum Intent { curative, palliative }
  fact intent: Intent
  fact flag: bool
  fact interval: number years
  fact score: number
  fact surgery: date
  fact note: text
  fact diagnoses: set of ICD10
  require target_volume "Target volume"
  ask left_nodes: bool "Left nodes?"
  covered "Listed" if flag and intent is curative and interval >= 2 years and score > 1 and surgery < as_of and note is "x" and diagnoses has ICD10 C50
  otherwise not covered`;

describe("tests (§8)", () => {
  it("accepts values that fit their facts, converting units", () => {
    const result = expectDiagnostics(
      policy(`${DECLS}
  test "fits" {
    given {
      intent: curative
      flag: true
      interval: 23 months
      score: 3
      surgery: 2025-01-01
      note: "x"
      diagnoses: [ICD10 C50.1, C61]
      left_nodes: false
      procedures: [CPT 77385, HCPCS G6015]
      documents: [target_volume]
      as_of: 2025-06-01
    }
    expect covered
    expect rule "Listed"
    expect requires { target_volume, left_nodes }
    expect missing { flag, as_of }
    expect possible { covered, not covered }
  }`),
      [],
    );
    const member = [...result.model!.names].find(([ref]) => ref.name === "curative" && ref.span.start.line > 15);
    expect(member?.[1].kind).toBe("enum-member");
  });

  it("reports values that do not fit their facts", () => {
    const result = expectDiagnostics(
      policy(`${DECLS}
  test "misfits" {
    given {
      intent: <|>curativ
      flag: <|>1
      interval: <|>23
      score: <|>3 cm
      surgery: <|>"yesterday"
      diagnoses: <|>ICD10 C50
      procedures: [<|>ICD10 C50]
      as_of: <|>true
      left_nodes: <|>[true]
    }
    expect covered
  }`),
      [
        { code: "unknown-enum-member" },
        ...Array(8).fill({ code: "invalid-given" }),
      ],
    );
    const missingUnit = withCode(result, "invalid-given")[1];
    expect(missingUnit.suggestion?.replacement).toBe("23 years");
  });

  it("reports a value given twice", () => {
    expectDiagnostics(policy(`${DECLS}\n  test "t" { given { flag: true <|>flag: false } expect covered }`), [{ code: "invalid-given" }]);
  });

  it("reports names that are not facts, requirements or rule labels", () => {
    const result = expectDiagnostics(
      policy(`${DECLS}
  define computed = flag
  test "names" {
    given { <|>flg: true <|>computed: true documents: [<|>target_volum, <|>left_nodes] }
    expect requires { <|>targt_volume }
    expect missing { <|>intnt, <|>target_volume }
    expect rule <|>"Listd"
  }`),
      [
        { code: "unknown-name" },
        { code: "unknown-name" },
        { code: "unknown-requirement" },
        { code: "unknown-requirement" },
        { code: "unknown-requirement" },
        { code: "unknown-name" },
        { code: "unknown-name" },
        { code: "unknown-name" },
      ],
    );
    const fixes = result.diagnostics.map((d) => d.suggestion?.replacement).filter((x) => x !== undefined);
    expect(fixes).toEqual(["flag", "target_volume", "target_volume", "intent", '"Listed"']);
    expect(withCode(result, "unknown-requirement")[1].message).toContain("is an ask: give it a value");
  });

  it("accepts `expect rule \"otherwise\"` and generated labels", () => {
    const result = check(policy(`  fact flag: bool\n  covered if flag\n  test "t" { given { flag: true } expect rule "covered rule at line 3" }\n  test "u" { expect rule "otherwise" }`));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
