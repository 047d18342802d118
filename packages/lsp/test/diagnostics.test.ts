import { describe, expect, it } from "vitest";
import { DiagnosticSeverity, DiagnosticTag } from "vscode-languageserver";
import { documentDiagnostics } from "../src/features/diagnostics.js";
import { expectDiagnostics, LIB, open, POLICY, ROOT } from "./helpers.js";
import { pathToUri } from "../src/positions.js";

const errorsOf = (source: string, files?: Record<string, string>) =>
  documentDiagnostics(open(source, files).analysis).filter((d) => d.severity === DiagnosticSeverity.Error);

describe("diagnostics", () => {
  it("a correct policy has no errors", () => {
    expect(errorsOf(POLICY)).toEqual([]);
  });

  it("reports a misspelt name with its code, a 0-based range and the error severity", () => {
    const [d] = errorsOf(POLICY.replace("intent is curative and", "intnt is curative and"));
    expect(d.code).toBe("unknown-name");
    expect(d.source).toBe("pol");
    expect(d.severity).toBe(DiagnosticSeverity.Error);
    const line = POLICY.split("\n").findIndex((l) => l.includes("intent is curative and"));
    expect(d.range).toEqual({ start: { line, character: 4 }, end: { line, character: 9 } });
  });

  it("reports syntax errors of half-typed text", () => {
    const ds = errorsOf(POLICY.replace("otherwise not covered", "otherwise not covered\n  covered if intent is"));
    expect(ds.map((d) => d.code)).toContain("syntax-error");
  });

  it("reports a bare number compared with a fact that has a unit", () => {
    const ds = errorsOf(POLICY.replace(">= 2 years", ">= 2"));
    expect(ds.map((d) => d.code)).toEqual(["missing-unit"]);
  });

  it("points a duplicate at the first declaration through related information", () => {
    const ds = errorsOf(POLICY.replace(`fact local_recurrence: bool "Local recurrence"`, `fact local_recurrence: bool "Local recurrence"\n  fact intent: bool "Again"`));
    const dup = ds.find((d) => d.code === "duplicate-name");
    expect(dup).toBeDefined();
    expect(dup!.relatedInformation?.[0].location.uri).toBe(pathToUri(`${ROOT}/policy.pol`));
  });

  it("reports an import that cannot be read at the import", () => {
    const ds = errorsOf(POLICY.replace(`import "lib.pol"`, `import "missing.pol"`));
    expect(ds[0].code).toBe("import-not-found");
    expect(ds[0].range.start.line).toBe(0);
  });

  it("does not show a library's own problems in the policy that imports it", () => {
    const brokenLib = LIB.replace("all(ordered_by_provider, medically_necessary)", "all(ordered_by_provider, medically_necesary)");
    const ds = documentDiagnostics(open(POLICY, { "lib.pol": brokenLib }).analysis);
    expect(ds.every((d) => d.range.start.line < POLICY.split("\n").length)).toBe(true);
    expect(ds.map((d) => d.message).join()).not.toContain("medically_necesary");
  });

  it("maps warnings and infos, and greys out unused declarations", () => {
    const ds = documentDiagnostics(open(POLICY.replace("otherwise not covered", "").replace(`fact local_recurrence: bool "Local recurrence"`, `fact local_recurrence: bool "Local recurrence"\n  fact unused_fact: bool "Nobody asks"`)).analysis);
    const unused = ds.find((d) => d.code === "unused-fact");
    expect(unused?.severity).toBe(DiagnosticSeverity.Warning);
    expect(unused?.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(ds.find((d) => d.code === "missing-otherwise")?.severity).toBe(DiagnosticSeverity.Information);
  });

  it("lists codes in order with their lines", () => {
    expectDiagnostics(`policy p {\n  fact a: bool\n  covered if a and b\n  otherwise not covered\n}\n`, [{ code: "unknown-name", line: 3 }]);
  });
});
