/**
 * Golden folders: `<case>/input.pol` next to an expected output file. Set
 * UPDATE_GOLDEN=1 to rewrite the expected files from the current output
 * (then review the diff before committing).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const updateGolden = process.env.UPDATE_GOLDEN === "1";

export function goldenCases(dir: string): { name: string; dir: string; input: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, dir: join(dir, d.name), input: readFileSync(join(dir, d.name, "input.pol"), "utf8") }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The expected text of `file` in a golden folder, written first when updating. */
export function expectedText(dir: string, file: string, actual: string): string {
  const path = join(dir, file);
  if (updateGolden || !existsSync(path)) writeFileSync(path, actual);
  return readFileSync(path, "utf8");
}
