/**
 * The build step (`pnpm install` runs it as `prepare`): the bundles that must
 * exist before editors and packaging use them. Sources run as TypeScript
 * through tsx everywhere else, so this is all there is to build.
 *
 * Add an entry per bundle: `what` it is and a `build` function returning the
 * file it wrote. Each package keeps its own esbuild options next to its code.
 */
const ENTRIES = [
  {
    what: "language server (node packages/lsp/dist/server.cjs --stdio)",
    build: async () => (await import("../packages/lsp/scripts/bundle.mjs")).bundleServer(),
  },
  {
    what: "Prettier plugin (prettier --plugin ./packages/dsl/dist/prettier-plugin.mjs)",
    build: async () => (await import("../packages/dsl/scripts/bundle-prettier-plugin.mjs")).bundlePrettierPlugin(),
  },
];

let failed = false;
for (const entry of ENTRIES) {
  try {
    const out = await entry.build();
    console.log(`built ${entry.what}: ${out}`);
  } catch (e) {
    failed = true;
    console.error(`build failed: ${entry.what}\n${e?.stack ?? e}`);
  }
}
process.exitCode = failed ? 1 : 0;
