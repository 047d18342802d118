/**
 * Golden files: the generated TypeScript of each conformance policy, so a
 * reviewer sees every change to generated code as a diff. They are named
 * `<policy>.ts.golden` so the project's type check skips them (they import a
 * runtime that is not beside them). Refresh with
 *   POL_UPDATE_GOLDEN=1 npx vitest run packages/compiler/test/golden.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitTypeScript } from "../src/emit-typescript.js";
import { CONFORMANCE, modelOf } from "./helpers/policies.js";

const GOLDEN = join(import.meta.dirname, "golden/emit");
const update = process.env.POL_UPDATE_GOLDEN === "1";

describe("generated TypeScript (golden)", () => {
  for (const file of readdirSync(CONFORMANCE).filter((f) => f.endsWith(".pol")).sort()) {
    it(file, () => {
      const { module } = emitTypeScript(modelOf(join(CONFORMANCE, file)));
      const golden = join(GOLDEN, file.replace(/\.pol$/, ".ts.golden"));
      if (update || !existsSync(golden)) writeFileSync(golden, module);
      expect(module).toBe(readFileSync(golden, "utf8"));
    });
  }
});
