import { describe, expect, it } from "vitest";
import type { WorkspaceEdit } from "vscode-languageserver";
import { prepareRename, rename } from "../src/features/rename.js";
import { pathToUri } from "../src/positions.js";
import { LIB, open, POLICY, ROOT } from "./helpers.js";

function renameAt(source: string, newName: string, files?: Record<string, string>) {
  const o = open(source, files);
  return { o, result: rename(o.analysis, o.cursor, newName, (f) => o.workspace.programsReading(f)) };
}

/** Apply a workspace edit to the in-memory files and return the new texts by file name. */
function apply(edit: WorkspaceEdit, files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = Object.keys(files).find((p) => pathToUri(p) === uri)!;
    const lines = files[path].split("\n");
    for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
      const l = lines[e.range.start.line];
      lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    out[path.slice(ROOT.length + 1)] = lines.join("\n");
  }
  return out;
}

describe("rename", () => {
  it("renames a library fact in the library and in the policies importing it", () => {
    const { o, result } = renameAt(POLICY.replace("      ordered_by_provider: true", "      <|>ordered_by_provider: true"), "ordered");
    const texts = apply(result as WorkspaceEdit, o.fs.files);
    expect(Object.keys(texts).sort()).toEqual(["lib.pol", "policy.pol"]);
    expect(texts["lib.pol"]).toContain("fact ordered: bool");
    expect(texts["lib.pol"]).toContain("all(ordered, medically_necessary)");
    expect(texts["policy.pol"]).toContain("      ordered: true");
  });

  it("renames an enum member everywhere, and only that enum's", () => {
    const source = POLICY.replace("intent is curative", "intent is <|>curative");
    const { o, result } = renameAt(source, "definitive_intent");
    const policy = apply(result as WorkspaceEdit, o.fs.files)["policy.pol"];
    expect(policy).toContain(`definitive_intent "Curative intent"`);
    expect(policy).toContain("intent is definitive_intent and");
    expect(policy).toContain("intent: definitive_intent");
  });

  it("renames an enum with its uses as a type", () => {
    const { o, result } = renameAt(POLICY.replace("fact intent: Intent", "fact intent: <|>Intent"), "TreatmentIntent");
    const policy = apply(result as WorkspaceEdit, o.fs.files)["policy.pol"];
    expect(policy).toContain("enum TreatmentIntent");
    expect(policy).toContain("fact intent: TreatmentIntent");
  });

  it("renames a codeset and a define", () => {
    let r = renameAt(POLICY.replace("has any cns", "has any <|>cns"), "cns_tumors");
    expect(apply(r.result as WorkspaceEdit, r.o.fs.files)["policy.pol"]).toMatch(/codeset cns_tumors[\s\S]*has any cns_tumors/);
    r = renameAt(POLICY.replace("all(general_criteria", "all(<|>general_criteria"), "general");
    const texts = apply(r.result as WorkspaceEdit, r.o.fs.files);
    expect(texts["lib.pol"]).toContain("define general ");
    expect(texts["policy.pol"]).toContain("all(general, definitive");
  });

  it("refuses a name that is taken, reserved, or not a name", () => {
    const source = POLICY.replace("fact intent:", "fact <|>intent:");
    expect(renameAt(source, "diagnoses").result).toEqual({ refused: expect.stringContaining("already a fact") });
    expect(renameAt(source, "general_criteria").result).toEqual({ refused: expect.stringContaining("lib.pol") });
    expect(renameAt(source, "cns").result).toEqual({ refused: expect.stringContaining("already a codeset") });
    expect(renameAt(source, "Organ").result).toEqual({ refused: expect.stringContaining("already an enum") });
    expect(renameAt(source, "covered").result).toEqual({ refused: expect.stringContaining("reserved") });
    expect(renameAt(source, "procedures").result).toEqual({ refused: expect.stringContaining("reserved") });
    expect(renameAt(source, "ICD10").result).toEqual({ refused: expect.stringContaining("reserved") });
    expect(renameAt(source, "2x").result).toEqual({ refused: expect.stringContaining("not a name") });
    expect(renameAt(source, "has space").result).toEqual({ refused: expect.stringContaining("not a name") });
    const member = POLICY.replace("intent is curative", "intent is <|>curative");
    expect(renameAt(member, "palliative").result).toEqual({ refused: expect.stringContaining("already has a member") });
  });

  it("lets a member take a name used by another enum or a fact", () => {
    const member = POLICY.replace("intent is curative", "intent is <|>curative");
    expect(renameAt(member, "heart").result).toHaveProperty("changes");
    expect(renameAt(member, "diagnoses").result).toHaveProperty("changes");
  });

  it("prepares a rename on names only", () => {
    const ok = open(POLICY.replace("fact intent:", "fact int<|>ent:"));
    expect(prepareRename(ok.analysis, ok.cursor)).toMatchObject({ placeholder: "intent" });
    const keyword = open(POLICY.replace("covered \"CNS\"", "<|>covered \"CNS\""));
    expect(prepareRename(keyword.analysis, keyword.cursor)).toHaveProperty("refused");
    const builtin = open(POLICY.replace("diagnoses has any breast", "<|>procedures has any breast"));
    expect(prepareRename(builtin.analysis, builtin.cursor)).toEqual({ refused: expect.stringContaining("built into") });
    void LIB;
  });
});
