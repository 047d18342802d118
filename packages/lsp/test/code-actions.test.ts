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

  it("offers nothing where no diagnostic suggests a fix", () => {
    expect(fixesAt(POLICY.replace("intent is curative and", "<|>intent is curative and"))).toEqual([]);
  });
});
