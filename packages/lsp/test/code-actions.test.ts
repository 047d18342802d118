import { describe, expect, it } from "vitest";
import { CodeActionKind } from "vscode-languageserver";
import { codeActions } from "../src/features/code-actions.js";
import { open, POLICY } from "./helpers.js";

function fixesAt(source: string) {
  const o = open(source);
  return codeActions(o.analysis, { start: o.cursor, end: o.cursor }).map((a) => ({
    title: a.title,
    kind: a.kind,
    newText: Object.values(a.edit!.changes!)[0][0].newText,
    code: a.diagnostics?.[0].code,
  }));
}

describe("code actions", () => {
  it("fixes a misspelt fact name", () => {
    expect(fixesAt(POLICY.replace("intent is curative and", "<|>intnt is curative and"))).toEqual([
      { title: expect.stringContaining("intent"), kind: CodeActionKind.QuickFix, newText: "intent", code: "unknown-name" },
    ]);
  });

  it("fixes a misspelt enum member", () => {
    expect(fixesAt(POLICY.replace("intent is curative and", "intent is <|>curativ and"))[0]).toMatchObject({ newText: "curative" });
  });

  it("adds the missing unit", () => {
    expect(fixesAt(POLICY.replace(">= 2 years", ">= <|>2"))[0]).toMatchObject({ code: "missing-unit", newText: "2 years" });
  });

  it("adds the missing `otherwise` before the policy's closing brace", () => {
    const source = POLICY.replace("  otherwise not covered\n", "").replace("policy demo", "policy <|>demo");
    const o = open(source);
    const [fix] = codeActions(o.analysis, { start: o.cursor, end: o.cursor });
    expect(fix.title).toBe("Add `otherwise not covered`");
    const edit = Object.values(fix.edit!.changes!)[0][0];
    const at = o.analysis.document.offsetAt(edit.range.start);
    const fixed = o.analysis.text.slice(0, at) + edit.newText + o.analysis.text.slice(at);
    expect(fixed.endsWith("  }\n  otherwise not covered\n}\n")).toBe(true);
  });

  it("offers nothing where no diagnostic suggests a fix", () => {
    expect(fixesAt(POLICY.replace("intent is curative and", "<|>intent is curative and"))).toEqual([]);
  });
});
