/**
 * Feature tests in a few lines: inline sources with a cursor marker `<|>`,
 * an in-memory file system, and `expect…` helpers for each request.
 *
 * A test's files live under /virtual/; the first file (or the only source)
 * is the document under test. Other markers: `<@>` marks where a definition
 * should land.
 */
import { expect } from "vitest";
import type { CompletionItem, Hover, Location, MarkupContent, Position } from "vscode-languageserver";
import type { DocumentAnalysis } from "../src/analysis.js";
import { completion } from "../src/features/completion.js";
import { definition } from "../src/features/definition.js";
import { documentDiagnostics } from "../src/features/diagnostics.js";
import { hover } from "../src/features/hover.js";
import { pathToUri } from "../src/positions.js";
import { Workspace, type FileSystem } from "../src/workspace.js";

export const ROOT = "/virtual";
export const CURSOR = "<|>";
export const TARGET = "<@>";

/** A library every test may import as "lib.pol". */
export const LIB = `library lib "Shared criteria" {
  fact ordered_by_provider: bool "Ordered by a provider"
  /// Needed for every service.
  fact medically_necessary: bool "Medically necessary"
  define general_criteria "General criteria" = all(ordered_by_provider, medically_necessary)
  enum Side "Side" {
    left "Left"
    right "Right"
  }
}
`;

/** A policy with one of each kind of declaration, to put cursors into. */
export const POLICY = `import "lib.pol"

policy demo "Demo policy" {
  id "DEMO-1"
  effective 2025-10-01

  enum Intent "Treatment intent" {
    curative "Curative intent"
    palliative "Palliative intent"
  }
  enum Organ "Organ at risk" {
    heart "Heart"
    lungs "Lungs"
    other "Another organ"
  }

  /// How long the disease stayed away.
  fact disease_free_interval: number years "Disease-free interval"
  fact intent: Intent "Treatment intent"
  fact diagnoses: set of ICD10 "Diagnosis codes"
  fact organs_spared: set of Organ "Organs spared"
  fact local_recurrence: bool "Local recurrence"

  codeset cns "Central nervous system tumors" {
    ICD10 C70-C72, D32-D33
  }
  codeset breast "Breast tumors" {
    ICD10 C50
  }

  applies to {
    CPT 77385 "IMRT delivery, simple"
  }

  define definitive "Definitive therapy" =
    intent is curative and (not local_recurrence or disease_free_interval >= 2 years)

  covered "CNS" if all(general_criteria, definitive, diagnoses has any cns)
  review "Organs" if organs_spared has any { heart, lungs } and diagnoses has any breast
  otherwise not covered

  require target_volume "Target volume"

  test "CNS covered" {
    given {
      ordered_by_provider: true
      medically_necessary: true
      intent: curative
      diagnoses: [ICD10 C71.9]
    }
    expect covered
    expect requires { target_volume }
  }
}
`;

/** An in-memory file system; paths are absolute. */
export function memoryFileSystem(files: Record<string, string>): FileSystem & { files: Record<string, string> } {
  return {
    files,
    readFile: (p) => files[p],
    listPolFiles: (root) => Object.keys(files).filter((p) => p.startsWith(root + "/") && p.endsWith(".pol")).sort(),
  };
}

/** Text without markers, and the position of each marker in it. */
export function markers(source: string): { text: string; cursor?: Position; target?: Position; cursorOffset?: number } {
  let text = "";
  let cursor: Position | undefined;
  let target: Position | undefined;
  let cursorOffset: number | undefined;
  let line = 0;
  let character = 0;
  for (let i = 0; i < source.length; ) {
    if (source.startsWith(CURSOR, i)) {
      cursor = { line, character };
      cursorOffset = text.length;
      i += CURSOR.length;
    } else if (source.startsWith(TARGET, i)) {
      target = { line, character };
      i += TARGET.length;
    } else {
      const c = source[i++];
      text += c;
      if (c === "\n") {
        line++;
        character = 0;
      } else character++;
    }
  }
  return { text, cursor, target, cursorOffset };
}

export interface Opened {
  workspace: Workspace;
  fs: ReturnType<typeof memoryFileSystem>;
  analysis: DocumentAnalysis;
  uri: string;
  cursor: Position;
  target?: Position;
  /** Marker positions in the other files. */
  targets: Record<string, Position | undefined>;
}

/**
 * Open `source` as /virtual/policy.pol (or `files`' first entry when `source`
 * is omitted) beside `files` ("lib.pol" → LIB by default), cursor at `<|>`.
 */
export function open(source: string, files: Record<string, string> = { "lib.pol": LIB }): Opened {
  const m = markers(source);
  const fsFiles: Record<string, string> = {};
  const targets: Record<string, Position | undefined> = {};
  for (const [name, text] of Object.entries(files)) {
    const mm = markers(text);
    fsFiles[`${ROOT}/${name}`] = mm.text;
    targets[name] = mm.target;
  }
  const path = `${ROOT}/policy.pol`;
  fsFiles[path] = m.text;
  const fs = memoryFileSystem(fsFiles);
  const workspace = new Workspace(fs, (msg) => {
    throw new Error(msg);
  });
  workspace.roots = [ROOT];
  const uri = pathToUri(path);
  workspace.setText(uri, m.text, 1);
  return { workspace, fs, analysis: workspace.get(uri)!, uri, cursor: m.cursor ?? { line: 0, character: 0 }, target: m.target, targets };
}

const hoverText = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value : "");

/** The hover at `<|>` contains every string given. */
export function expectHover(source: string, ...contains: string[]): string {
  const o = open(source);
  const text = hoverText(hover(o.analysis, o.cursor));
  expect(text, "no hover").not.toBe("");
  for (const c of contains) expect(text).toContain(c);
  return text;
}

export function expectNoHover(source: string): void {
  const o = open(source);
  expect(hover(o.analysis, o.cursor)).toBeNull();
}

/** The completion at `<|>` offers every label of `includes` and none of `excludes`. */
export function expectCompletion(source: string, includes: string[], excludes: string[] = [], files?: Record<string, string>): CompletionItem[] {
  const o = open(source, files);
  const items = completion(o.analysis, o.cursor);
  const labels = items.map((i) => i.label);
  for (const l of includes) expect(labels, `expected ${l}`).toContain(l);
  for (const l of excludes) expect(labels, `did not expect ${l}`).not.toContain(l);
  return items;
}

/**
 * Definition at `<|>` lands on `<@>`: in the source itself, or in the file
 * `inFile` of `files`.
 */
export function expectDefinition(source: string, files: Record<string, string> = { "lib.pol": LIB }, inFile?: string): Location {
  const o = open(source, files);
  const loc = definition(o.analysis, o.cursor);
  expect(loc, "no definition").not.toBeNull();
  const where = inFile ? o.targets[inFile] : o.target;
  expect(where, "the test has no <@> marker").toBeDefined();
  expect(loc!.uri).toBe(pathToUri(inFile ? `${ROOT}/${inFile}` : `${ROOT}/policy.pol`));
  expect(loc!.range.start).toEqual(where);
  return loc!;
}

/** The document's diagnostics have exactly these codes (in order), each on the given 1-based line when one is given. */
export function expectDiagnostics(source: string, expected: (string | { code: string; line?: number })[], files?: Record<string, string>) {
  const o = open(source, files);
  const ds = documentDiagnostics(o.analysis);
  const want = expected.map((e) => (typeof e === "string" ? { code: e } : e));
  expect(ds.map((d) => d.code)).toEqual(want.map((w) => w.code));
  want.forEach((w, i) => {
    if (w.line !== undefined) expect(ds[i].range.start.line + 1).toBe(w.line);
  });
  return ds;
}
