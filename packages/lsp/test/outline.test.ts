import { describe, expect, it } from "vitest";
import { FoldingRangeKind, SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import { foldingRanges } from "../src/features/folding.js";
import { documentSymbols } from "../src/features/symbols.js";
import { open, POLICY } from "./helpers.js";

const names = (ss: DocumentSymbol[]): string[] => ss.map((s) => s.name);

describe("document symbols", () => {
  it("outlines metadata, enums, facts, codesets, defines, rules, requirements and tests in file order", () => {
    const [policy] = documentSymbols(open(POLICY).analysis);
    expect(policy.name).toBe("policy demo");
    expect(policy.kind).toBe(SymbolKind.Module);
    expect(names(policy.children!)).toEqual([
      "metadata", "Intent", "Organ", "disease_free_interval", "intent", "diagnoses", "organs_spared", "local_recurrence",
      "cns", "breast", "applies to", "definitive", 'covered "CNS"', 'review "Organs"', "otherwise not covered", "target_volume", 'test "CNS covered"',
    ]);
    const intent = policy.children!.find((s) => s.name === "Intent")!;
    expect(intent.kind).toBe(SymbolKind.Enum);
    expect(names(intent.children!)).toEqual(["curative", "palliative"]);
    expect(names(policy.children![0].children!)).toEqual(["id", "effective"]);
    expect(policy.children!.find((s) => s.name === "disease_free_interval")!.detail).toBe("number years — Disease-free interval");
  });

  it("never produces an empty name or a selection outside its range on broken text", () => {
    const [policy] = documentSymbols(open(POLICY.replace("otherwise not covered", "fact : \n  define = \n  enum {")).analysis);
    const walk = (ss: DocumentSymbol[]): void => {
      for (const s of ss) {
        expect(s.name.trim()).not.toBe("");
        walk(s.children ?? []);
      }
    };
    walk([policy]);
  });

  it("has nothing to outline in an empty file", () => {
    expect(documentSymbols(open("").analysis)).toEqual([]);
  });
});

describe("folding", () => {
  it("folds blocks up to their closing line, multi-line declarations and comment runs", () => {
    const source = `// one\n// two\npolicy p {\n  enum E {\n    a\n    b\n  }\n  define d =\n    true\n  section "S" """\n    text\n    """\n}\n`;
    const ranges = foldingRanges(open(source).analysis);
    expect(ranges).toEqual([
      { startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment },
      { startLine: 2, endLine: 11 },
      { startLine: 3, endLine: 5 },
      { startLine: 7, endLine: 8 },
      { startLine: 9, endLine: 11 },
    ]);
  });

  it("folds what it can of unbalanced text", () => {
    expect(() => foldingRanges(open("policy p {\n  enum E {\n  a\n}\n}\n}\n)").analysis)).not.toThrow();
  });
});
