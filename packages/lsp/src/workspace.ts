/**
 * The document store: open documents' text beats the file system (an overlay
 * host), analyses are cached per file and re-checked only when the file or
 * one of the files it read changed, and editing a library tells which open
 * policies import it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, type DocumentAnalysis, type Logger, type VersionedHost } from "./analysis.js";
import { pathToUri, uriToPath } from "./positions.js";

/** What the store needs from the disk; tests give an in-memory one. */
export interface FileSystem {
  /** The text of a file, or undefined when it cannot be read (missing, deleted, a directory). */
  readFile(path: string): string | undefined;
  /** Every `.pol` file under `root`. */
  listPolFiles(root: string): string[];
}

/** More files than this under a workspace root are not scanned: the root is probably not a policy repository. */
const MAX_SCANNED_FILES = 5_000;

/** The real disk. */
export const nodeFileSystem: FileSystem = {
  readFile(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  listPolFiles(root) {
    const found: string[] = [];
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (found.length >= MAX_SCANNED_FILES) return;
        if (e.name.startsWith(".") || e.name === "node_modules") continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".pol")) found.push(p);
      }
    };
    walk(root);
    return found.sort();
  },
};

interface OpenDocument {
  uri: string;
  path: string;
  version: number;
  text: string;
}

/** The open documents, the disk behind them, and the analyses of both. */
export class Workspace {
  private readonly open = new Map<string, OpenDocument>();
  private readonly openByPath = new Map<string, OpenDocument>();
  /** Bumped whenever what a path reads as may have changed. */
  private readonly versions = new Map<string, number>();
  private readonly cache = new Map<string, DocumentAnalysis>();

  /** Folders whose `.pol` files references and rename search. */
  roots: string[] = [];

  constructor(
    private readonly fs: FileSystem = nodeFileSystem,
    private readonly log: Logger = () => {},
  ) {}

  /** Open documents first, then the disk. */
  readonly host: VersionedHost = {
    readFile: (path) => this.openByPath.get(path)?.text ?? this.fs.readFile(path),
    versionOf: (path) => this.versions.get(path) ?? 0,
  };

  /** A document was opened or edited: `text` is its whole new text. */
  setText(uri: string, text: string, version: number): void {
    const path = uriToPath(uri);
    const doc = { uri, path, version, text };
    this.open.set(uri, doc);
    this.openByPath.set(path, doc);
    this.bump(path);
  }

  /** A document was closed: from now on its file on disk counts. */
  close(uri: string): void {
    const doc = this.open.get(uri);
    if (!doc) return;
    this.open.delete(uri);
    this.openByPath.delete(doc.path);
    this.cache.delete(doc.path);
    this.bump(doc.path);
  }

  /** A file changed, appeared or disappeared on disk (watched files). */
  fileChanged(uri: string): void {
    const path = uriToPath(uri);
    if (!this.openByPath.has(path)) this.cache.delete(path);
    this.bump(path);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /**
   * The analysis of an open document at its latest text, checked now if the
   * text or anything it imports changed since the last check.
   */
  get(uri: string): DocumentAnalysis | undefined {
    const doc = this.open.get(uri);
    return doc ? this.fresh(doc) : undefined;
  }

  /** Open documents whose last check read `uri`'s file (they import it, directly or not). */
  dependents(uri: string): string[] {
    const path = uriToPath(uri);
    return [...this.open.values()]
      .filter((d) => d.path !== path && this.cache.get(d.path)?.inputs.has(path))
      .map((d) => d.uri);
  }

  /**
   * Analyses of every file that may mention a name declared in `declaringFile`:
   * open documents and the `.pol` files under the roots whose program reads it.
   */
  programsReading(declaringFile: string): DocumentAnalysis[] {
    // Only libraries are imported (§2): a policy's own names are found in the policy alone.
    const declaring = this.analysisOfPath(declaringFile);
    if (declaring?.model?.kind === "policy") return [declaring];
    const paths = new Set<string>([...this.openByPath.keys()]);
    for (const root of this.roots) for (const p of this.fs.listPolFiles(root)) paths.add(p);
    const out: DocumentAnalysis[] = [];
    for (const path of paths) {
      const a = this.analysisOfPath(path);
      if (a && (a.path === declaringFile || a.inputs.has(declaringFile))) out.push(a);
    }
    return out;
  }

  private analysisOfPath(path: string): DocumentAnalysis | undefined {
    const doc = this.openByPath.get(path);
    if (doc) return this.fresh(doc);
    const text = this.fs.readFile(path);
    if (text === undefined) return undefined;
    return this.fresh({ uri: pathToUri(path), path, version: -1, text });
  }

  private fresh(doc: OpenDocument): DocumentAnalysis {
    const cached = this.cache.get(doc.path);
    if (cached && cached.text === doc.text && cached.uri === doc.uri && cached.version === doc.version && !this.changedSince(cached)) return cached;
    const a = analyze(doc, this.host, this.log);
    this.cache.set(doc.path, a);
    return a;
  }

  private changedSince(a: DocumentAnalysis): boolean {
    for (const [path, version] of a.inputs) if (this.host.versionOf(path) !== version) return true;
    return false;
  }

  private bump(path: string): void {
    this.versions.set(path, (this.versions.get(path) ?? 0) + 1);
  }
}
