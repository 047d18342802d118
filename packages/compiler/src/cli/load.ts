/**
 * Checking policies for the commands that need a model (eval, build, test):
 * problems are printed as `file:line:col: severity: message [code]` on stderr;
 * a file with errors gives no model.
 */
import { checkFile, formatDiagnostic, type Diagnostic, type PolicyModel } from "@pol/dsl";
import { displayPath } from "./files.js";
import type { CommandIO } from "./io.js";

export type Loaded = { model: PolicyModel } | { failed: true };

/** Check one file; print its errors (warnings too when `warnings`); a model only when there are no errors. */
export function loadModel(file: string, io: CommandIO, options: { warnings?: boolean } = {}): Loaded {
  const { model, diagnostics } = checkFile(file);
  printDiagnostics(diagnostics, io, options.warnings === true);
  if (!model || diagnostics.some((d) => d.severity === "error")) return { failed: true };
  return { model };
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CommandIO, warnings: boolean): void {
  for (const d of diagnostics) {
    if (d.severity !== "error" && !warnings) continue;
    io.stderr(formatDiagnostic(d, d.file ? displayPath(d.file) : undefined) + "\n");
  }
}
