import { describe, expect, it } from "vitest";
import { references } from "../src/features/references.js";
import { pathToUri } from "../src/positions.js";
import { LIB, open, POLICY, ROOT } from "./helpers.js";

const where = (locations: { uri: string; range: { start: { line: number } } }[]) =>
  locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf("/") + 1)}:${l.range.start.line + 1}`);

describe("references", () => {
  it("finds a library fact in the library and in every policy that imports it", () => {
    const other = `import "lib.pol"\npolicy other {\n  covered if ordered_by_provider\n}\n`;
    const o = open(POLICY.replace("      ordered_by_provider: true", "      <|>ordered_by_provider: true"), { "lib.pol": LIB, "other.pol": other });
    const locations = references(o.analysis, o.cursor, true, (f) => o.workspace.programsReading(f));
    expect(where(locations)).toEqual(["lib.pol:2", "lib.pol:5", "other.pol:3", `policy.pol:${POLICY.split("\n").findIndex((l) => l.includes("ordered_by_provider: true")) + 1}`]);
  });

  it("leaves the declaration out when asked", () => {
    const o = open(POLICY.replace("fact intent:", "fact <|>intent:"));
    const locations = references(o.analysis, o.cursor, false, (f) => o.workspace.programsReading(f));
    expect(locations.every((l) => l.uri === pathToUri(`${ROOT}/policy.pol`))).toBe(true);
    const lines = POLICY.split("\n");
    expect(where(locations)).toEqual([
      `policy.pol:${lines.findIndex((l) => l.includes("intent is curative and")) + 1}`,
      `policy.pol:${lines.findIndex((l) => l.includes("intent: curative")) + 1}`,
    ]);
  });

  it("tells apart two enums' members with one name", () => {
    const source = POLICY.replace(`    other "Another organ"`, `    other "Another organ"\n  }\n  enum Site "Site" {\n    other "Other site"`).replace("{ heart, lungs }", "{ heart, lungs, <|>other }");
    const o = open(source);
    const locations = references(o.analysis, o.cursor, true, (f) => o.workspace.programsReading(f));
    expect(locations).toHaveLength(2);
  });
});
