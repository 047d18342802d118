/**
 * `pnpm --filter @pol/lsp package`: bundle the extension and the server into
 * extension/dist and package them as dist/pol-<version>.vsix with vsce.
 * `--no-dependencies` because everything the extension runs is bundled.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { bundleExtension, bundleServer, lspRoot } from "./bundle.mjs";

const extensionDir = join(lspRoot, "extension");
const { version } = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
const out = process.argv.includes("--out") ? process.argv[process.argv.indexOf("--out") + 1] : join(lspRoot, "dist", `pol-${version}.vsix`);

rmSync(join(extensionDir, "dist"), { recursive: true, force: true });
await bundleExtension(join(extensionDir, "dist/extension.cjs"));
await bundleServer(join(extensionDir, "dist/server.cjs"));
mkdirSync(join(out, ".."), { recursive: true });

const vsce = createRequire(join(lspRoot, "package.json")).resolve("@vscode/vsce/vsce");
execFileSync(
  process.execPath,
  // The project has not chosen a licence for the extension yet, and it lives in a monorepo without its own repository URL.
  [vsce, "package", "--no-dependencies", "--skip-license", "--allow-missing-repository", "--out", out],
  { cwd: extensionDir, stdio: ["ignore", "inherit", "inherit"] },
);
console.log(`packaged ${out}`);
