/**
 * `pol fmt [--check] <files or dirs>` (LANGUAGE.md §10): format with the
 * project's Prettier plugin. A file that does not parse is never rewritten:
 * its syntax errors are printed as `file:line:col: error: message [code]`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { formatDiagnostic, formatPol, parse } from "@pol/dsl";
import { parseArgs } from "./args.js";
import { collectPolFiles, displayPath } from "./files.js";
import { EXIT, usageError, type CommandIO } from "./io.js";

export const FMT_USAGE = `Usage: pol fmt [--check] <files or dirs>…

Formats every .pol file in place (directories are searched recursively,
node_modules skipped) and prints the name of each file it changed.
A file with syntax errors is left untouched and its errors are printed.

Options:
  --check  change nothing; list the files that are not formatted
Exit status: 0 all formatted, 1 a file needs formatting (--check) or has
syntax errors, 2 bad usage or unreadable path.
`;

/** Run `pol fmt` with its arguments (the command name removed); returns the exit status. */
export async function runFmt(args: string[], io: Pick<CommandIO, "stdout" | "stderr">): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(FMT_USAGE);
    return EXIT.ok;
  }
  const parsed = parseArgs(args, ["--check"], []);
  if ("error" in parsed) return usageError(io, parsed.error, FMT_USAGE);
  if (parsed.positionals.length === 0) return usageError(io, "name at least one file or directory", FMT_USAGE);
  const found = collectPolFiles(parsed.positionals);
  if ("error" in found) return usageError(io, found.error, FMT_USAGE);

  const check = parsed.flags.has("--check");
  let failed = false;
  const unformatted: string[] = [];
  for (const file of found.files) {
    const shown = displayPath(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      io.stderr(`pol: cannot read ${shown}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    // Parse first: the plugin would refuse too, but this way every error is reported, in `pol check`'s words.
    const errors = parse(text, file).diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      for (const d of errors) io.stderr(formatDiagnostic(d, shown) + "\n");
      failed = true;
      continue;
    }
    const formatted = await formatPol(text, { filepath: file });
    if (formatted === text) continue;
    unformatted.push(shown);
    io.stdout(shown + "\n");
    if (!check) writeFileSync(file, formatted);
  }
  if (check && unformatted.length > 0) {
    const n = unformatted.length;
    io.stderr(`${n} ${n === 1 ? "file is" : "files are"} not formatted; run \`pol fmt\` to format ${n === 1 ? "it" : "them"}\n`);
    failed = true;
  }
  return failed ? EXIT.failed : EXIT.ok;
}
