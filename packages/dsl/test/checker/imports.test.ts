import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFile, checkText, loadProgram, type Diagnostic } from "../../src/index.js";
import { expectDiagnostics, policy, VIRTUAL_ROOT } from "../helpers/check.js";

let dir: string;
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const brief = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, file: d.file, line: d.span.start.line, column: d.span.start.column }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pol-imports-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("imports on disk (§2)", () => {
  it("brings a library's declarations into scope, relative to the importing file", () => {
    write("common/general.pol", `library general { fact ordered: bool\n define general_criteria = ordered }`);
    const p = write("policies/p.pol", `import "../common/general.pol"\npolicy p { covered if general_criteria\n otherwise not covered }`);
    const result = checkFile(p);
    expect(brief(result.diagnostics)).toEqual([]);
    expect([...result.model!.facts.keys()]).toEqual(["ordered"]);
    expect(result.model!.defines.get("general_criteria")!.file).toBe(join(dir, "common/general.pol"));
    expect(result.model!.files).toEqual([p, join(dir, "common/general.pol")]);
  });

  it("reports a missing file at the import's string", () => {
    const p = write("missing.pol", `import "nowhere.pol"\npolicy p { covered if true\n otherwise not covered }`);
    expect(brief(checkFile(p).diagnostics)).toEqual([{ code: "import-not-found", file: p, line: 1, column: 8 }]);
  });

  it("reports an import cycle, naming the files, and does not loop", () => {
    const a = write("cycle/a.pol", `import "b.pol"\nlibrary a { fact x: bool }`);
    write("cycle/b.pol", `import "a.pol"\nlibrary b { fact y: bool }`);
    const root = write("cycle/root.pol", `import "a.pol"\npolicy p { covered if x and y\n otherwise not covered }`);
    const result = checkFile(root);
    expect(brief(result.diagnostics)).toEqual([{ code: "import-cycle", file: join(dir, "cycle/b.pol"), line: 1, column: 8 }]);
    expect(result.diagnostics[0].message).toContain("a.pol → b.pol → a.pol");
    expect(loadProgram(a).files.size).toBe(2);
  });

  it("reports an import of a policy", () => {
    write("other.pol", `policy other { covered if true }`);
    const p = write("imports-policy.pol", `import "other.pol"\npolicy p { covered if true\n otherwise not covered }`);
    expect(brief(checkFile(p).diagnostics)).toEqual([{ code: "import-not-library", file: p, line: 1, column: 8 }]);
  });

  it("reports a clash of names, naming both places", () => {
    write("clash/lib.pol", `library lib {\n  fact intent: bool\n}`);
    const p = write("clash/p.pol", `import "lib.pol"\npolicy p {\n  fact intent: bool\n  covered if intent\n  otherwise not covered\n}`);
    const [d] = checkFile(p).diagnostics;
    expect(brief([d])).toEqual([{ code: "duplicate-name", file: p, line: 3, column: 8 }]);
    expect(d.message).toContain("lib.pol:2");
    expect(d.related?.map((r) => [r.file, r.span.start.line])).toEqual([
      [join(dir, "clash/lib.pol"), 2],
      [p, 3],
    ]);
  });

  it("reports a clash between two imported libraries at the import that brings the second", () => {
    write("clash2/a.pol", `library a { fact x: bool }`);
    write("clash2/b.pol", `library b { fact x: bool }`);
    const p = write("clash2/p.pol", `import "a.pol"\nimport "b.pol"\npolicy p { covered if x\n otherwise not covered }`);
    expect(brief(checkFile(p).diagnostics)).toEqual([{ code: "duplicate-name", file: p, line: 2, column: 8 }]);
  });

  it("checks an unsaved buffer over files on disk", () => {
    write("buffer/lib.pol", `library lib { fact flag: bool }`);
    const result = checkText(`import "lib.pol"\npolicy p { covered if flag\n otherwise not covered }`, join(dir, "buffer/p.pol"));
    expect(brief(result.diagnostics)).toEqual([]);
  });
});

describe("imports in memory", () => {
  it("lets a library see only what it imports, not the policy that imports it", () => {
    expectDiagnostics(
      `import "lib.pol"\n${policy("  fact from_policy: bool\n  covered if shared\n  otherwise not covered")}`,
      [{ code: "unknown-name", line: 1, column: 31, file: `${VIRTUAL_ROOT}/lib.pol` }],
      { files: { "lib.pol": `library lib { define shared = from_policy }` } },
    );
  });

  it("reports the syntax errors of imported files, in those files", () => {
    expectDiagnostics(`import "lib.pol"\n${policy("  covered if true\n  otherwise not covered")}`, [
      { code: "syntax-error", line: 1, column: 20, file: `${VIRTUAL_ROOT}/lib.pol` },
    ], { files: { "lib.pol": `library lib { fact : bool }` } });
  });
});
