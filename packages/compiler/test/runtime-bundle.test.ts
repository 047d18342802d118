/** pol-runtime.ts: relative imports removed robustly, nothing else imported, deterministic. */
import { describe, expect, it } from "vitest";
import { concatenateRuntime, RUNTIME_FILES, runtimeSource, stripRelativeImports } from "../src/runtime-bundle.js";

describe("stripRelativeImports", () => {
  it("removes single-line, multi-line, type-only, side-effect and re-export forms", () => {
    const source = [
      'import { a, b } from "./a.js";',
      "import type { T } from '../t.js'",
      "import {",
      "  c,",
      "  type D,",
      '} from "./c.js";',
      'import * as ns from "./ns.js";',
      'import "./side.js";',
      'export * from "./re.js";',
      'export { e } from "../../e.js";',
      "  import { indented } from './i.js';",
      "export const from = 1;",
      "const s = 'import { x } from \"./not-at-line-start.js\"';",
      "export function f(): string { return \"from './x.js'\"; }",
    ].join("\n");
    expect(stripRelativeImports(source, "x.ts")).toBe(
      [
        "export const from = 1;",
        "const s = 'import { x } from \"./not-at-line-start.js\"';",
        "export function f(): string { return \"from './x.js'\"; }",
      ].join("\n"),
    );
  });

  it("refuses any other import: the runtime must be self-contained", () => {
    expect(() => stripRelativeImports('import { readFileSync } from "node:fs";\nexport const x = 1;', "bad.ts")).toThrow(/bad\.ts:1.*node:fs/);
    expect(() => stripRelativeImports('export const y = 1;\nimport fc from "fast-check";', "bad.ts")).toThrow(/bad\.ts:2/);
    expect(() => stripRelativeImports('export { z } from "lib";', "bad.ts")).toThrow();
  });

  it("keeps the file order and marks each part", () => {
    const out = concatenateRuntime([
      { name: "one.ts", text: 'import { b } from "./two.js";\nexport const a = b;\n' },
      { name: "two.ts", text: "export const b = 1;\n" },
    ]);
    expect(out.indexOf("// ─── one.ts ───")).toBeLessThan(out.indexOf("// ─── two.ts ───"));
    expect(out).not.toMatch(/^\s*import\b/m);
  });
});

describe("runtimeSource", () => {
  it("includes every runtime file, no imports, same bytes every time", () => {
    const text = runtimeSource();
    for (const f of RUNTIME_FILES) expect(text).toContain(`// ─── ${f.replace(/^(\.\.\/)+|^\.\//, "").replace(/^dsl\/src\//, "dsl/")} ───`);
    expect(text).not.toMatch(/^\s*import\b/m);
    expect(text).not.toMatch(/\bprocess\.|\brequire\(|["']node:/);
    expect(runtimeSource()).toBe(text);
  });
});
