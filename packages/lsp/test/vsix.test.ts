/**
 * Packaging: `pnpm --filter @pol/lsp package` must produce a .vsix that holds
 * the extension manifest, the client, the bundled server, the grammar and the
 * language configuration. A .vsix is a zip; its central directory lists it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const lsp = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "pol-vsix-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Names and uncompressed sizes of the entries of a zip file, from its central directory. */
function zipEntries(zip: Buffer): { name: string; size: number }[] {
  const EOCD = 0x06054b50;
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) throw new Error("not a zip file: no end of central directory");
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString("utf8", at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe("VS Code extension package", () => {
  it("builds a .vsix with the manifest, the client, the server bundle, the grammar and the language configuration", async () => {
    const out = join(dir, "pol.vsix");
    await promisify(execFile)(process.execPath, ["scripts/package.mjs", "--out", out], { cwd: lsp });
    const entries = zipEntries(readFileSync(out));
    const names = entries.map((e) => e.name);
    for (const name of [
      "extension/package.json",
      "extension/dist/extension.cjs",
      "extension/dist/server.cjs",
      "extension/syntaxes/pol.tmLanguage.json",
      "extension/language-configuration.json",
      "extension/readme.md",
      "extension.vsixmanifest",
    ]) {
      expect(names).toContain(name);
    }
    // Sources and tests stay out: only the bundles run.
    expect(names.filter((n) => n.endsWith(".ts"))).toEqual([]);
    expect(entries.find((e) => e.name === "extension/dist/server.cjs")!.size).toBeGreaterThan(100_000);
  });
});
