/**
 * Turning command-line paths into `.pol` files: directories are searched
 * recursively (skipping node_modules and dot-folders), files are taken as
 * given, and an unreadable path is an error that names it.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export type FileList = { files: string[] } | { error: string };

export function collectPolFiles(paths: string[], cwd = process.cwd()): FileList {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      return { error: `cannot read ${p}: no such file or directory` };
    }
    if (isDir) files.push(...polFilesIn(abs));
    else files.push(abs);
  }
  return { files: [...new Set(files)] };
}

function polFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      if (e.name === "node_modules" || e.name.startsWith(".")) return [];
      const p = join(dir, e.name);
      if (e.isDirectory()) return polFilesIn(p);
      return e.name.endsWith(".pol") ? [p] : [];
    });
}

/** How a path is shown to the user: relative to the working directory when inside it. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith("..") ? rel : abs;
}
