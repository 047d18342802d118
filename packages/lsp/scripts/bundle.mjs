/**
 * Bundles of the language server and the VS Code extension: one CommonJS file
 * each, so the .vsix needs no node_modules and `node server.cjs --stdio`
 * runs anywhere Node 20 does. Run directly to build `packages/lsp/dist/server.cjs`.
 */
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The packages/lsp folder. */
export const lspRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The formatter imports `prettier`, whose Node entry loads plugins from disk
 * at run time; its standalone build has the same API and bundles cleanly.
 */
const prettierStandalone = {
  name: "prettier-standalone",
  setup(b) {
    b.onResolve({ filter: /^prettier$/ }, (args) => b.resolve("prettier/standalone", { resolveDir: args.resolveDir, kind: args.kind }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: false,
  minify: false,
  logLevel: "warning",
  legalComments: "none",
};

/** The server, started as `node <outfile> --stdio` (or `--node-ipc`). */
export async function bundleServer(outfile = join(lspRoot, "dist/server.cjs")) {
  await build({ ...common, entryPoints: [join(lspRoot, "src/main.ts")], outfile, plugins: [prettierStandalone] });
  return outfile;
}

/** The VS Code client; `vscode` is provided by the editor. */
export async function bundleExtension(outfile = join(lspRoot, "extension/dist/extension.cjs")) {
  await build({ ...common, entryPoints: [join(lspRoot, "extension/src/extension.ts")], outfile, external: ["vscode"] });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await bundleServer();
  console.log(`built ${out}`);
}
