/**
 * Generated TypeScript: strictly typed (tsc --strict on the output folder),
 * deterministic, every policy string escaped, and bundleable by esbuild into
 * one ESM file with no Node imports that decides cases when imported.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { buildOutputs } from "../src/cli/build.js";
import { emitTypeScript } from "../src/emit-typescript.js";
import { tsComment, tsString } from "../src/emit/ts-syntax.js";
import { evaluate } from "../src/evaluate.js";
import type { Decision } from "../src/runtime/index.js";
import { generate, generatedDir, modelOf, repositoryPolicies } from "./helpers/policies.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);

/** Type-check a folder of generated files with strict options; returns the diagnostics as text. */
function typecheck(dir: string, files: string[], options: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram(
    files.map((f) => join(dir, f)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts"],
      types: [],
      noUnusedLocals: false,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitReturns: true,
      skipLibCheck: false,
      ...options,
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("generated modules", () => {
  const policies = repositoryPolicies();
  const models = [...policies.map((p) => p.model), modelOf(fixture("operators.pol")), modelOf(fixture("escaping.pol"))];

  it("compile under tsc --strict (no DOM, no Node types), runtime included", () => {
    const dir = generatedDir("tsc");
    const files = buildOutputs(models);
    for (const f of files) writeFileSync(join(dir, f.path), f.text);
    expect(typecheck(dir, files.filter((f) => f.path.endsWith(".ts")).map((f) => f.path))).toEqual([]);
  });

  it("are deterministic: building twice gives the same bytes", () => {
    const once = buildOutputs(models);
    const again = buildOutputs(policies.map((p) => modelOf(p.file)).concat(modelOf(fixture("operators.pol")), modelOf(fixture("escaping.pol"))));
    expect(again.map((f) => f.path)).toEqual(once.map((f) => f.path));
    for (let i = 0; i < once.length; i++) expect(again[i].text, once[i].path).toBe(once[i].text);
  });

  it("never use eval or new Function, and import only the runtime", () => {
    for (const f of buildOutputs(models)) {
      expect(f.text).not.toMatch(/\beval\s*\(|new\s+Function\b/);
      const imports = [...f.text.matchAll(/^\s*import\b.*$/gm)].map((m) => m[0]);
      if (f.path === "pol-runtime.ts") expect(imports).toEqual([]);
      else if (f.path.endsWith(".ts")) expect(imports).toEqual(['import * as rt from "./pol-runtime.js";']);
    }
  });

  it("have one commented block per rule, naming its source line", () => {
    const { module } = emitTypeScript(modelOf(join(import.meta.dirname, "../../../policies/imrt.pol")));
    expect(module).toContain('// covered "XI. Prostate cancer" — imrt.pol:');
    expect(module).toContain("// define definitive_therapy \"Definitive therapy\" — imrt.pol:");
    expect(module).toContain("// define general_criteria \"General coverage indications\" — common/general.pol:");
    expect(module).toContain('export type Intent = "curative" | "palliative";');
    expect(module).toContain("export interface Facts {");
  });
});

describe("escaping", () => {
  it("tsString and tsComment neutralise every dangerous character", () => {
    const nasty = 'a"b\\c`d${e}*/f\u2028g\u2029h\ni\r\u0000';
    const literal = tsString(nasty);
    expect(literal).not.toMatch(/[\u2028\u2029\n\r]/);
    expect(JSON.parse(literal)).toBe(nasty);
    const comment = tsComment(nasty);
    expect(comment).not.toMatch(/\*\/|[\u2028\u2029\n\r]/);
  });

  it("a policy full of quotes, backslashes, backticks, */, ${ and U+2028 compiles and returns its text intact", async () => {
    const model = modelOf(fixture("escaping.pol"));
    const { dir, modules } = await generate([model], "escaping");
    expect(typecheck(dir, ["escaping.ts", "pol-runtime.ts"])).toEqual([]);
    const m = modules.get("escaping")!;
    expect(m.policy.title).toBe(model.title);
    expect(model.title).toContain("\u2028");
    expect(model.title).toContain("*/");
    const input = JSON.parse('{ "facts": { "constructor": true, "class": "new", "__proto__": true, "dx": ["C50.1"] }, "documents": ["doc"] }');
    const d = m.evaluate(input, { trace: true }) as Decision;
    expect(d).toEqual(evaluate(model, input, { trace: true }));
    expect(d.outcome).toBe("covered");
    expect(d.rule).toBe("Rule */ \" \\ ` ${r} \u2028 end");
    expect(d.documentation.map((r) => r.text)).toEqual(["Document */ \" \\ ` ${d} \u2028 text", "Question */ `?`"]);
    expect(JSON.stringify(d.trace)).toContain(JSON.stringify("Define */ \" \\ ` ${z} \u2029"));
    const source = readFileSync(join(dir, "escaping.ts"), "utf8");
    expect(source).not.toMatch(/[\u2028\u2029]/);
  });
});

describe("bundling", () => {
  it("esbuild bundles a generated evaluator and its runtime into one ESM file with no Node imports, which runs", async () => {
    const model = modelOf(join(import.meta.dirname, "../../../policies/imrt.pol"));
    const dir = generatedDir("bundle");
    for (const f of buildOutputs([model])) writeFileSync(join(dir, f.path), f.text);
    const out = join(dir, "imrt.bundle.mjs");
    // platform "browser": a `node:` import (or any Node built-in) would fail the build.
    const result = await build({ entryPoints: [join(dir, "imrt.ts")], bundle: true, format: "esm", platform: "browser", outfile: out, logLevel: "silent" });
    expect(result.errors).toEqual([]);
    const text = readFileSync(out, "utf8");
    expect(text).not.toMatch(/\brequire\(|from\s+["']node:|import\s*\(/);
    const bundled = (await import(pathToFileURL(out).href)) as { evaluate: (i: unknown, o?: { trace?: boolean }) => Decision };
    const input = JSON.parse(readFileSync(join(import.meta.dirname, "../../../examples/breast-left.json"), "utf8"));
    const d = bundled.evaluate(input);
    expect(d).toMatchObject({ outcome: "covered", rule: "III. Breast tumors" });
    expect(bundled.evaluate(input, { trace: true })).toEqual(evaluate(model, input, { trace: true }));
  });
});
