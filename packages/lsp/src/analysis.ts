/**
 * What the server knows about one document at one version: its tokens, its
 * syntax tree, the checked model of its program (it and its imports) and
 * every diagnostic. Features are pure functions of this.
 */
import {
  checkProgram,
  loadProgram,
  parse,
  type Diagnostic,
  type LibraryDecl,
  type ParseResult,
  type PolicyDecl,
  type PolicyModel,
  type SourceHost,
} from "@pol/dsl";
import { resolve } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { collectOccurrences, type Occurrence } from "./occurrences.js";

/** One document checked at one version: everything a feature needs, and nothing it must compute from text again. */
export interface DocumentAnalysis {
  readonly uri: string;
  /** Absolute path (or the URI itself for documents that are not files). */
  readonly path: string;
  readonly version: number;
  readonly text: string;
  /** For offset ↔ position conversions of this text. */
  readonly document: TextDocument;
  /** Tokens, comments and imports of this text. */
  readonly parsed: ParseResult;
  /** The checked model; undefined only if the checker failed outright. */
  readonly model: PolicyModel | undefined;
  /** Diagnostics of every file of the program (filter by `file` for one of them). */
  readonly diagnostics: readonly Diagnostic[];
  /** The policy or library of this file: the checker's tree when there is a model, so its names key `model.names`. */
  readonly unit: PolicyDecl | LibraryDecl | undefined;
  /** Every name written in this file and what it names (built on first use). */
  readonly occurrences: readonly Occurrence[];
  /** Every file read while checking (imports, their imports), for staleness: path → the content version read. */
  readonly inputs: ReadonlyMap<string, number>;
}

/** Where an analysis reads imported files from, and the version of each (for staleness). */
export interface VersionedHost extends SourceHost {
  versionOf(path: string): number;
}

/** Something that can report a failure without stopping the server. */
export type Logger = (message: string) => void;

/**
 * Check `text` as the file `path`. Never throws: if the checker fails on some
 * input, the analysis keeps the syntax diagnostics and has no model.
 */
export function analyze(
  doc: { uri: string; path: string; version: number; text: string },
  host: VersionedHost,
  log: Logger = () => {},
): DocumentAnalysis {
  // The checker keys files by absolute path; a document that is not a file (`untitled:…`) gets one too.
  const path = resolve(doc.path);
  const inputs = new Map<string, number>();
  const overlay: SourceHost = {
    readFile(p: string) {
      if (p === path) return doc.text;
      inputs.set(p, host.versionOf(p));
      return host.readFile(p);
    },
  };
  let parsed: ParseResult | undefined;
  let model: PolicyModel | undefined;
  let diagnostics: Diagnostic[] | undefined;
  try {
    // One parse serves both the checker and the token-based features.
    const program = loadProgram(path, overlay);
    parsed = program.files.get(program.root)?.parsed;
    const checked = checkProgram(program);
    model = checked.model;
    diagnostics = checked.diagnostics;
  } catch (e) {
    log(`pol: the checker failed on ${path}: ${(e as Error).stack ?? String(e)}`);
  }
  parsed ??= parse(doc.text, path);
  diagnostics ??= parsed.diagnostics;
  const unit = model?.file === path ? model.decl : parsed.file.unit;
  let occurrences: Occurrence[] | undefined;
  return {
    ...doc,
    path,
    document: TextDocument.create(doc.uri, "pol", doc.version, doc.text),
    parsed,
    model,
    diagnostics,
    unit,
    get occurrences() {
      occurrences ??= safely(() => collectOccurrences(unit, model, path), [], log);
      return occurrences;
    },
    inputs,
  };
}

function safely<T>(f: () => T, fallback: T, log: Logger): T {
  try {
    return f();
  } catch (e) {
    log(`pol: ${(e as Error).stack ?? String(e)}`);
    return fallback;
  }
}

/** The diagnostics of one file of the analysis's program. */
export function diagnosticsOf(a: DocumentAnalysis, path = a.path): Diagnostic[] {
  return a.diagnostics.filter((d) => (d.file ?? a.path) === path);
}
