import { describe, expect, it } from "vitest";
import { check, expectDiagnostics, policy, withCode } from "../helpers/check.js";

describe("scopes (§2)", () => {
  it("resolves facts, defines and enum members, with forward references", () => {
    const result = expectDiagnostics(
      policy(`
  fact intent: Intent "Intent"
  define curative_intent = intent is curative
  covered if curative_intent
  enum Intent { curative, palliative }`),
      [],
    );
    const names = [...result.model!.names].map(([ref, r]) => `${ref.name}:${r.kind}`);
    expect(names).toEqual(["intent:fact", "curative:enum-member", "curative_intent:define"]);
  });

  it("looks members up in the enum the context expects, so two enums may share a member", () => {
    expectDiagnostics(
      policy(`
  enum Intent { curative, other }
  enum Side { left, right, other }
  fact intent: Intent
  fact side: Side
  fact organs: set of Side
  covered if intent is other and side in { left, other } and organs has other and other is side`),
      [],
    );
  });

  it("reports an unknown name with the closest valid name as a fix", () => {
    const result = expectDiagnostics(
      policy(`
  fact intent: bool
  covered if <|>intnet`),
      [{ code: "unknown-name" }],
    );
    const d = result.diagnostics.find((x) => x.code === "unknown-name")!;
    expect(d.message).toContain("did you mean `intent`?");
    expect(d.suggestion).toEqual({ title: "Replace with `intent`", span: d.span, replacement: "intent" });
  });

  it("suggests only names valid in the place: a codeset after `has any`, not in a condition", () => {
    const result = check(
      policy(`
  fact diagnoses: set of ICD10
  codeset breast_codes { ICD10 C50 }
  covered if diagnoses has any breast_code
  review if breast_codes`),
    );
    const [hasAny, bare] = result.diagnostics.filter((d) => d.code === "unknown-name");
    expect(hasAny.suggestion?.replacement).toBe("breast_codes");
    expect(bare.message).toContain("is a codeset: use it after `in`");
    expect(bare.suggestion).toBeUndefined();
  });

  it("says what a name is when it is used in the wrong place", () => {
    const result = expectDiagnostics(
      policy(`
  enum Intent { curative }
  fact intent: Intent
  require notes "Notes"
  covered if <|>curative and <|>Intent and <|>notes and intent is curative`),
      [{ code: "unknown-name" }, { code: "unknown-name" }, { code: "unknown-name" }],
    );
    const messages = result.diagnostics.filter((d) => d.code === "unknown-name").map((d) => d.message);
    expect(messages[0]).toContain("is a member of `Intent`");
    expect(messages[1]).toContain("is an enum");
    expect(messages[2]).toContain("required document");
  });

  it("reports an unknown enum member with a member of that enum as the fix", () => {
    const result = expectDiagnostics(
      policy(`
  enum Intent { curative, palliative }
  fact intent: Intent
  covered if intent is <|>curativ`),
      [{ code: "unknown-enum-member" }],
    );
    expect(withCode(result, "unknown-enum-member")[0].suggestion?.replacement).toBe("curative");
  });

  it("reports an unknown type with the closest enum or type word", () => {
    const result = expectDiagnostics(
      policy(`
  enum Organ { heart }
  fact organs: set of <|>Organs
  fact flag: <|>boool
  covered if flag and organs has heart`),
      [{ code: "unknown-type" }, { code: "unknown-type" }],
    );
    expect(withCode(result, "unknown-type").map((d) => d.suggestion?.replacement)).toEqual(["Organ", "bool"]);
  });

  it("reports a name declared twice, naming both places", () => {
    const result = expectDiagnostics(
      policy(`
  fact flag: bool
  define flag = true
  covered if flag`),
      [{ code: "duplicate-name", line: 4, column: 10 }],
    );
    expect(withCode(result, "duplicate-name")[0].related?.map((r) => r.span.start.line)).toEqual([3, 4]);
  });

  it("shares one namespace between facts, asks, requires, defines, codesets and enums", () => {
    expectDiagnostics(
      policy(`
  enum notes { a }
  codeset notes { ICD10 C50 }
  require notes "Notes"
  ask notes: bool "Notes?"
  covered if true
  otherwise not covered`),
      [
        { code: "duplicate-name", line: 4, column: 11 },
        { code: "duplicate-name", line: 5, column: 11 },
        { code: "duplicate-name", line: 6, column: 7 },
      ],
    );
  });

  it("reports two members of one enum with one name", () => {
    expectDiagnostics(policy(`  enum Intent { curative, palliative, curative }`), [{ code: "duplicate-member", line: 2, column: 39 }]);
  });

  it("keeps `documents` for tests", () => {
    expectDiagnostics(policy(`  fact documents: bool\n  covered if documents`), [{ code: "reserved-name", line: 2, column: 8 }]);
  });

  it("knows the built-ins `as_of` and `procedures`", () => {
    expectDiagnostics(
      policy(`
  fact surgery: date
  codeset imrt { CPT 77385 HCPCS G6015 }
  covered if as_of - surgery >= 3 months and procedures has any imrt`),
      [],
    );
  });
});
