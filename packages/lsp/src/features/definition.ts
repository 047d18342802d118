/**
 * Go to definition: from a name to its declaration, in this file or in the
 * library that declares it; from an `import` to the imported file.
 */
import type { Location, Position } from "vscode-languageserver";
import { dirname, resolve } from "node:path";
import type { DocumentAnalysis } from "../analysis.js";
import { occurrenceAt } from "../occurrences.js";
import { pathToUri, spanHas, spanToRange } from "../positions.js";

/** Where the name (or import) at `position` is declared, or null. */
export function definition(a: DocumentAnalysis, position: Position): Location | null {
  const offset = a.document.offsetAt(position);
  const o = occurrenceAt(a.occurrences, offset);
  if (o?.target.declaration) {
    return { uri: pathToUri(o.target.file), range: spanToRange(o.target.declaration) };
  }
  const imported = a.parsed.file.imports.find((i) => spanHas(i.path.span, offset));
  if (imported && /^(?:\/|[A-Za-z]:[\\/])/.test(a.path)) {
    const start = { line: 0, character: 0 };
    return { uri: pathToUri(resolve(dirname(a.path), imported.path.value)), range: { start, end: start } };
  }
  return null;
}
