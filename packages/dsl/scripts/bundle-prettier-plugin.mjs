/**
 * The Prettier plugin as one ES module, so plain Prettier (the CLI, editor
 * extensions, `.prettierrc`) can load it without TypeScript:
 * `prettier --plugin ./packages/dsl/dist/prettier-plugin.mjs`. Prettier itself
 * stays external: the plugin must share the Prettier that loads it. Run
 * directly to build `packages/dsl/dist/prettier-plugin.mjs`.
 */
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The packages/dsl folder. */
export const dslRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function bundlePrettierPlugin(outfile = join(dslRoot, "dist/prettier-plugin.mjs")) {
  await build({
    entryPoints: [join(dslRoot, "src/prettier/index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["prettier", "prettier/*"],
    logLevel: "warning",
    legalComments: "none",
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await bundlePrettierPlugin();
  console.log(`built ${out}`);
}
