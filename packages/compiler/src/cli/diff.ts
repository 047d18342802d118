/**
 * `pol diff <old.pol> <new.pol>` (LANGUAGE.md §10, issue 7): what a revision
 * really changes — for requests (every change of outcome or documentation,
 * each with a case that shows it) and in the declarations.
 *
 * Exit status: 0 done (or, with --exit-code, nothing changed); 1 with
 * --exit-code when anything changed; 2 bad usage, an unreadable file, or a
 * file with check errors. Check errors give 2, not 1, so that a script
 * running `pol diff --exit-code` can tell "this revision changes something"
 * from "this revision could not be compared".
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { diff } from "../diff/index.js";
import { formatDiff } from "../diff/report.js";
import { parseArgs } from "./args.js";
import { displayPath } from "./files.js";
import { EXIT, usageError, type CommandIO } from "./io.js";
import { loadModel } from "./load.js";

/** `pol diff --help`. */
export const DIFF_USAGE = `Usage: pol diff <old.pol> <new.pol> [--json] [--exit-code] [--all]

Compares two versions of a policy: which requests are decided differently
(each change with a case that shows it, checked with both versions), which
documentation requirements apply to different requests, and which
declarations changed. Formatting alone is never a change.

Options:
  --json        the comparison as JSON (declarations, behavior, documentation, summary)
  --exit-code   exit 1 when anything changed, 0 when nothing did
  --all         list every outcome change, not only the first five of each kind
  -h, --help    show this help

Exit status: 0 compared (with --exit-code: no change), 1 changes found with
--exit-code, 2 bad usage, an unreadable file, or a file with errors.
`;

/** The `diff` command: returns the exit code. */
export function runDiff(args: string[], io: CommandIO): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(DIFF_USAGE);
    return EXIT.ok;
  }
  const parsed = parseArgs(args, ["--json", "--exit-code", "--all"], []);
  if ("error" in parsed) return usageError(io, parsed.error, DIFF_USAGE);
  if (parsed.positionals.length !== 2) {
    return usageError(io, `name the old and the new version of the policy (got ${parsed.positionals.length} ${parsed.positionals.length === 1 ? "file" : "files"})`, DIFF_USAGE);
  }
  const paths = parsed.positionals.map((p) => resolve(p));
  for (const [i, p] of paths.entries()) {
    try {
      if (!statSync(p).isFile()) return usageError(io, `cannot read ${parsed.positionals[i]}: not a file`, DIFF_USAGE);
    } catch {
      return usageError(io, `cannot read ${parsed.positionals[i]}: no such file`, DIFF_USAGE);
    }
  }
  const loaded = paths.map((p) => loadModel(p, io));
  const failed = paths.filter((_, i) => "failed" in loaded[i]);
  if (failed.length) {
    io.stderr(`pol: ${failed.map((p) => displayPath(p)).join(" and ")} ${failed.length > 1 ? "have" : "has"} errors; not compared\n`);
    return EXIT.usage;
  }
  const [oldModel, newModel] = loaded.map((l) => ("model" in l ? l.model : undefined!));
  const result = diff(oldModel, newModel);
  io.stdout(parsed.flags.has("--json") ? `${JSON.stringify(result, null, 2)}\n` : formatDiff(result, { all: parsed.flags.has("--all") }));
  const s = result.summary;
  const changed = s.outcomeChanges + s.documentationChanges + s.declarationChanges > 0;
  return parsed.flags.has("--exit-code") && changed ? EXIT.failed : EXIT.ok;
}
