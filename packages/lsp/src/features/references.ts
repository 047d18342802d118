/**
 * Find references: every place a fact, define, codeset, enum, member or
 * requirement is written, across the files whose program includes its
 * declaration (a library's names are found in the policies importing it).
 */
import type { Location, Position } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import { occurrenceAt, targetKey, type Occurrence, type Target } from "../occurrences.js";
import { spanToRange } from "../positions.js";

/** The analyses of every file that may mention a name declared in a file (the server's workspace answers this). */
export type ProgramsReading = (declaringFile: string) => readonly DocumentAnalysis[];

/** Every place the name at `position` is written, across the files that can see its declaration. */
export function references(
  a: DocumentAnalysis,
  position: Position,
  includeDeclaration: boolean,
  programsReading: ProgramsReading,
): Location[] {
  const o = occurrenceAt(a.occurrences, a.document.offsetAt(position));
  if (!o) return [];
  return occurrencesOf(o.target, a, programsReading)
    .filter(({ occurrence }) => includeDeclaration || !occurrence.isDeclaration)
    .map(({ uri, occurrence }) => ({ uri, range: spanToRange(occurrence.span) }));
}

/** Every written occurrence of `target` in the files that can see it, each once, in file then text order. */
export function occurrencesOf(
  target: Target,
  from: DocumentAnalysis,
  programsReading: ProgramsReading,
): { uri: string; occurrence: Occurrence }[] {
  // Built-ins are declared nowhere; their uses in this file are what the author asks about.
  const files = target.kind === "builtin" ? [from] : programsReading(target.file);
  const key = targetKey(target);
  const seen = new Set<string>();
  const out: { uri: string; occurrence: Occurrence }[] = [];
  for (const f of [...files].sort((x, y) => x.path.localeCompare(y.path))) {
    const uri = f.uri;
    for (const occurrence of f.occurrences) {
      if (targetKey(occurrence.target) !== key) continue;
      const id = `${uri}:${occurrence.span.start.offset}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ uri, occurrence });
    }
  }
  return out;
}
