/**
 * A program: the file being checked and every file it imports, transitively
 * (LANGUAGE.md §2). Loading reads and parses files only; what their
 * declarations mean is the checker's business (checker.ts).
 *
 * Files are read through a `SourceHost` so that the language server can serve
 * unsaved editor buffers (an overlay host) and tests can use in-memory files.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type * as A from "./ast.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { parse, type ParseResult } from "./parse.js";

/** Where the program's files come from. */
export interface SourceHost {
  /** The file's text, or undefined when it cannot be read (missing, a directory, no permission). */
  readFile(absPath: string): string | undefined;
}

/** Files on disk, read as UTF-8. */
export const nodeHost: SourceHost = {
  readFile(absPath: string): string | undefined {
    try {
      return readFileSync(absPath, "utf8");
    } catch {
      // Unreadable is an answer, not a failure: the importer reports `import-not-found`.
      return undefined;
    }
  },
};

/** An `import` of a file and the absolute path it names. */
export interface ResolvedImport {
  decl: A.ImportDecl;
  path: string;
  /** False when the file could not be read; it is then absent from `Program.files`. */
  found: boolean;
}

export interface ProgramFile {
  /** Absolute, normalized. */
  path: string;
  text: string;
  parsed: ParseResult;
  /** Its imports in source order, resolved relative to this file. */
  imports: ResolvedImport[];
}

export interface Program {
  /** Absolute path of the file being checked. */
  root: string;
  /** Every file that could be read, keyed by absolute path; the root first, then in the order imports are met. */
  files: Map<string, ProgramFile>;
  /** `import-not-found` and `import-cycle`, each at the import's path string. */
  importDiagnostics: Diagnostic[];
}

/** The absolute path an `import "spec"` in `fromFile` names (relative to the importing file, §2). */
export function resolveImport(fromFile: string, spec: string): string {
  return path.resolve(path.dirname(fromFile), spec);
}

/**
 * Read and parse `rootPath` and every file it imports, transitively. Never
 * throws: a file that cannot be read is an `import-not-found` at the import
 * that names it (or, for the root, a program without files), and an import
 * that closes a cycle is an `import-cycle` and is not followed.
 */
export function loadProgram(rootPath: string, host: SourceHost = nodeHost): Program {
  const root = path.resolve(rootPath);
  const files = new Map<string, ProgramFile>();
  const importDiagnostics: Diagnostic[] = [];

  const load = (file: string): ProgramFile | undefined => {
    const text = host.readFile(file);
    if (text === undefined) return undefined;
    const parsed = parse(text, file);
    const imports = parsed.file.imports.map((decl): ResolvedImport => ({ decl, path: resolveImport(file, decl.path.value), found: false }));
    const loaded: ProgramFile = { path: file, text, parsed, imports };
    files.set(file, loaded);
    return loaded;
  };

  const rootFile = load(root);
  if (!rootFile) return { root, files, importDiagnostics };

  // Depth-first with an explicit stack (import chains can be long); `onPath`
  // holds the files being expanded, so an import of one of them closes a cycle.
  const stack: { file: ProgramFile; next: number }[] = [{ file: rootFile, next: 0 }];
  const onPath = new Set<string>([root]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const imp = top.file.imports[top.next++];
    if (!imp) {
      onPath.delete(top.file.path);
      stack.pop();
      continue;
    }
    if (onPath.has(imp.path)) {
      imp.found = true;
      const cycleStart = stack.findIndex((f) => f.file.path === imp.path);
      const names = [...stack.slice(cycleStart).map((f) => f.file.path), imp.path].map((p) => displayPath(root, p));
      importDiagnostics.push(
        diagnostic("import-cycle", `these files import each other: ${names.join(" → ")}`, imp.decl.path.span, { file: top.file.path }),
      );
      continue;
    }
    const known = files.get(imp.path);
    if (known) {
      imp.found = true;
      continue;
    }
    const loaded = load(imp.path);
    if (!loaded) {
      importDiagnostics.push(
        diagnostic("import-not-found", `cannot read "${imp.decl.path.value}" (looked for ${imp.path})`, imp.decl.path.span, {
          file: top.file.path,
        }),
      );
      continue;
    }
    imp.found = true;
    onPath.add(loaded.path);
    stack.push({ file: loaded, next: 0 });
  }
  return { root, files, importDiagnostics };
}

/** A path as messages show it: relative to the root's folder when that is shorter. */
export function displayPath(root: string, file: string): string {
  const rel = path.relative(path.dirname(root), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
