/**
 * `pol check <files or dirs>` (LANGUAGE.md §10): parse and check, print
 * `file:line:col: severity: message [code]`, a summary line, exit 1 on errors.
 */
import { checkFile, formatDiagnostic, type Diagnostic } from "@pol/dsl";
import { collectPolFiles, displayPath } from "./files.js";
import { EXIT, usageError, type CommandIO } from "./io.js";

export const CHECK_USAGE = `Usage: pol check <files or dirs>…

Parses and checks every .pol file (directories are searched recursively) and
prints each problem as file:line:col: severity: message [code].
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable path.
`;

export function runCheck(args: string[], io: CommandIO): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(CHECK_USAGE);
    return EXIT.ok;
  }
  const unknown = args.find((a) => a.startsWith("-"));
  if (unknown) return usageError(io, `unknown option ${unknown}`, CHECK_USAGE);
  if (args.length === 0) return usageError(io, "name at least one file or directory", CHECK_USAGE);
  const found = collectPolFiles(args);
  if ("error" in found) return usageError(io, found.error, CHECK_USAGE);

  const diagnostics = uniqueDiagnostics(found.files.flatMap((f) => checkFile(f).diagnostics));
  for (const d of diagnostics) io.stdout(formatDiagnostic(d, d.file ? displayPath(d.file) : undefined) + "\n");
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const n = found.files.length;
  io.stdout(`${n} ${n === 1 ? "file" : "files"} checked: ${count(errors, "error")}, ${count(warnings, "warning")}\n`);
  return errors > 0 ? EXIT.failed : EXIT.ok;
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * A library imported by several checked policies is checked with each of
 * them; report each of its problems once, in file and position order.
 */
function uniqueDiagnostics(all: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const d of all) seen.set(`${d.file}:${d.span.start.offset}:${d.span.end.offset}:${d.code}:${d.message}`, d);
  return [...seen.values()].sort(
    (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || a.span.start.offset - b.span.start.offset,
  );
}
