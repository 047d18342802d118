/**
 * Lexical and syntax diagnostics reach the checker's result with their file,
 * beside the checker's own (which still run on the tree recovery built).
 */
import { describe, expect, it } from "vitest";
import { MAX_NESTING } from "../../src/index.js";
import { expectDiagnostics, POLICY_PATH, policy } from "../helpers/check.js";

describe("syntax diagnostics in a check", () => {
  it("reports characters that start no token", () => {
    expectDiagnostics(policy(`  fact flag: bool\n  covered if flag <|>@\n  otherwise not covered`), [{ code: "unexpected-character" }]);
  });

  it("reports unterminated strings and comments", () => {
    expectDiagnostics(`policy p <|>"P {\n}`, [{ code: "unterminated-string" }, { code: "syntax-error", line: 2, column: 1 }]);
    expectDiagnostics(`policy p "P" { covered if true\n otherwise not covered }\n<|>/* never closed`, [{ code: "unterminated-comment" }]);
  });

  it("reports escapes other than those of §1", () => {
    expectDiagnostics(`policy p <|>"P\\q" { covered if true\n otherwise not covered }`, [{ code: "invalid-escape" }]);
  });

  it("reports syntax errors and keeps checking what was understood", () => {
    const result = expectDiagnostics(
      policy(`  fact flag: bool\n  covered if <|>)\n  review if <|>flg\n  otherwise not covered`),
      [{ code: "syntax-error" }, { code: "unknown-name" }],
    );
    expect(result.diagnostics.every((d) => d.file === POLICY_PATH)).toBe(true);
  });

  it("reports nesting deeper than the parser supports", () => {
    // The policy's `{` counts as one level.
    const deep = "(".repeat(MAX_NESTING);
    expectDiagnostics(`policy p { covered if ${deep}`, [{ code: "nesting-too-deep", line: 1, column: 22 + MAX_NESTING }, { code: "missing-policy", line: 1, column: 1 }]);
  });
});
