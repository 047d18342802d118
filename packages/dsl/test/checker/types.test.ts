import { describe, expect, it } from "vitest";
import type * as A from "../../src/index.js";
import { typeToString } from "../../src/index.js";
import { check, expectDiagnostics, policy, withCode } from "../helpers/check.js";

const FACTS = `
  enum Intent { curative, palliative }
  enum Side { left, right, bilateral }
  fact intent: Intent
  fact side: Side
  fact flag: bool
  fact interval: number years
  fact score: number
  fact surgery: date
  fact note: text
  fact diagnoses: set of ICD10
  fact organs: set of Side
  codeset breast { ICD10 C50 }
  codeset imrt { CPT 77385 HCPCS G6015 }
  codeset visits { CPT 99213 }`;

/** The type the checker recorded for the value of `define d = …`. */
function defineType(expr: string): string {
  const result = check(policy(`${FACTS}\n  define d = ${expr}`));
  const d = result.model!.defines.get("d")!;
  return typeToString(d.type);
}

describe("conditions are true/false (§4)", () => {
  it("reports a condition that is not bool, wherever a condition is expected", () => {
    expectDiagnostics(
      policy(`${FACTS}
  covered if <|>score
  review if flag and <|>intent
  not covered if not <|>organs
  require notes "Notes" when <|>surgery
  when <|>note { require more "More" }
  define d = all(flag, <|>interval) or at least 1 of (<|>diagnoses)`),
      Array(7).fill({ code: "condition-not-bool" }),
    );
  });

  it("accepts the conformance forms of and/or/not/all/any/none/at least", () => {
    expectDiagnostics(policy(`${FACTS}\n  covered if all(flag, any(flag, not flag), none(flag), at least 1 of (flag, flag))`), []);
  });
});

describe("comparisons (§4)", () => {
  it("compares numbers of one dimension and dates, nothing else", () => {
    expectDiagnostics(
      policy(`${FACTS}
  covered if interval >= 24 months and surgery < 2025-01-01 and score > 3
  review if <|>intent < palliative
  not covered if <|>surgery > 3`),
      [{ code: "type-mismatch" }, { code: "type-mismatch" }],
    );
  });

  it("compares `is` on equal types only, enum members against their own enum", () => {
    const result = expectDiagnostics(
      policy(`${FACTS}
  covered if intent is curative and side is not left and note is "x" and flag is true
  review if intent is <|>left
  not covered if flag is <|>3`),
      [{ code: "unknown-enum-member" }, { code: "type-mismatch" }],
    );
    expect(withCode(result, "type-mismatch")[0].message).toContain("`flag` is a bool and `3` is a plain number");
  });

  it("resolves the member from the right side too: `curative is intent`", () => {
    expectDiagnostics(policy(`${FACTS}\n  covered if curative is intent`), []);
  });
});

describe("sets (§4)", () => {
  it("`has` needs a set fact, and a value of its element type", () => {
    expectDiagnostics(
      policy(`${FACTS}
  covered if organs has left and diagnoses has ICD10 C50.1 and diagnoses has ICD10 C70-C72
  review if <|>flag has left
  not covered if organs has <|>curative or diagnoses has <|>CPT 77385`),
      [{ code: "not-a-set" }, { code: "unknown-enum-member" }, { code: "type-mismatch" }],
    );
  });

  it("`in` takes set literals, set defines and codesets of the element's type", () => {
    expectDiagnostics(
      policy(`${FACTS}
  define sides = { left, bilateral }
  covered if side in { left, bilateral } and side in sides and side not in { right }
  review if <|>diagnoses in breast or side in <|>flag`),
      [{ code: "type-mismatch" }, { code: "not-a-set" }],
    );
  });

  it("`procedures` matches CPT and HCPCS codesets, not ICD10 ones", () => {
    expectDiagnostics(
      policy(`${FACTS}
  covered if procedures has any imrt and procedures has any visits and procedures has CPT 77385
  review if procedures has any <|>breast or diagnoses has any <|>imrt`),
      [{ code: "type-mismatch" }, { code: "type-mismatch" }],
    );
  });

  it("`is empty` and `count` only on sets", () => {
    expectDiagnostics(
      policy(`${FACTS}
  covered if organs is not empty and count(diagnoses) >= 2
  review if <|>flag is empty or count(<|>score) > 1`),
      [{ code: "not-a-set" }, { code: "not-a-set" }],
    );
  });

  it("reports set literals that mix kinds, enums or code systems", () => {
    expectDiagnostics(
      policy(`${FACTS}
  define a = { left, <|>curative }
  define b = { ICD10 C50, <|>CPT 77385 }
  define c = { left, <|>ICD10 C50 }
  define ok = { CPT 77385, HCPCS G6015 }
  covered if side in a and diagnoses has any b and side in c and procedures has any ok`),
      [{ code: "mixed-set" }, { code: "mixed-set" }, { code: "mixed-set" }],
    );
  });

  it("checks `has at least N of` against the listed values", () => {
    expectDiagnostics(
      policy(`${FACTS}
  covered if organs has at least 2 of { left, right, bilateral }
  review if organs has at least <|>4 of { left, right } or organs has at least <|>1.5 of { left }`),
      [{ code: "at-least-too-many" }, { code: "invalid-count" }],
    );
  });

  it("types set literals from the context, or from their members when one enum has them all", () => {
    expect(defineType("{ left, bilateral }")).toBe("set of Side");
    expect(defineType("{ ICD10 C50, C61 }")).toBe("ICD10 codeset");
    expect(defineType("{ CPT 77385, HCPCS G6015 }")).toBe("codeset");
  });
});

describe("arithmetic (§4)", () => {
  it("keeps the unit when multiplying or dividing by a plain number", () => {
    expect(defineType("interval * 2 >= 4 years")).toBe("bool");
    expect(defineType("interval / 2")).toBe("number (time)");
    expect(defineType("score * 2 + 1")).toBe("number");
  });

  it("gives a duration for date - date and a date for date ± duration", () => {
    expect(defineType("as_of - surgery")).toBe("number (time)");
    expect(defineType("surgery + 3 months")).toBe("date");
    expect(defineType("3 months + surgery")).toBe("date");
  });

  it("reports arithmetic across dimensions or types", () => {
    expectDiagnostics(
      policy(`${FACTS}
  define a = interval + <|>2 cm
  define b = <|>interval * interval
  define c = <|>surgery + surgery
  define d = surgery + <|>3
  define e = <|>flag + 1
  covered if a >= 1 year and b and c > surgery and d > surgery and e > 1`),
      [{ code: "unit-mismatch" }, { code: "type-mismatch" }, { code: "type-mismatch" }, { code: "missing-unit" }, { code: "type-mismatch" }],
    );
  });

  it("types a long chain of additions without recursion", () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `${i} days`).join(" + ");
    expect(defineType(`${terms} > interval`)).toBe("bool");
  });
});

describe("model.types", () => {
  it("records the type of every expression of a condition", () => {
    const result = check(policy(`${FACTS}\n  covered if intent is curative and interval >= 2 years`));
    const types = [...result.model!.types].map(([e, t]: [A.Expression, unknown]) => `${e.kind}:${typeToString(t as never)}`);
    expect(types).toEqual([
      "name:Intent",
      "name:Intent",
      "is:bool",
      "name:number years",
      "number:number years",
      "compare:bool",
      "logical:bool",
    ]);
  });
});
