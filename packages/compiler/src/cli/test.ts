/**
 * `pol test <files or dirs>` (LANGUAGE.md §8, §10): runs every test block of
 * every policy with the reference evaluator, prints each failure with its
 * place and expected vs actual, and ends with `N passed, N failed`.
 */
import { runTests } from "../test-runner.js";
import { parseArgs } from "./args.js";
import { collectPolFiles, displayPath } from "./files.js";
import { EXIT, usageError, type CommandIO } from "./io.js";
import { loadModel } from "./load.js";

export const TEST_USAGE = `Usage: pol test <files or dirs>… [--verbose]

Runs the test blocks of every policy (directories are searched recursively)
and prints each failure as file:line:col with what was expected and what the
decision was. Ends with the line "N passed, N failed".

  --verbose   also list the tests that pass

Exit status: 0 all passed, 1 a test failed or a policy has errors, 2 bad usage.
`;

export function runTest(args: string[], io: CommandIO): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(TEST_USAGE);
    return EXIT.ok;
  }
  const parsed = parseArgs(args, ["--verbose"], []);
  if ("error" in parsed) return usageError(io, parsed.error, TEST_USAGE);
  if (parsed.positionals.length === 0) return usageError(io, "name at least one file or directory", TEST_USAGE);
  const found = collectPolFiles(parsed.positionals);
  if ("error" in found) return usageError(io, found.error, TEST_USAGE);

  let passed = 0;
  let failed = 0;
  let brokenFiles = 0;
  for (const file of found.files) {
    const loaded = loadModel(file, io);
    if ("failed" in loaded) {
      brokenFiles++;
      continue;
    }
    if (loaded.model.kind !== "policy") continue;
    for (const r of runTests(loaded.model)) {
      if (r.passed) {
        passed++;
        if (parsed.flags.has("--verbose")) io.stdout(`ok   ${displayPath(r.file)}:${r.line}:${r.column}: test "${r.name}"\n`);
        continue;
      }
      failed++;
      io.stdout(`FAIL ${displayPath(r.file)}:${r.line}:${r.column}: test "${r.name}"\n`);
      for (const f of r.failures) {
        io.stdout(`  ${displayPath(f.file)}:${f.line}:${f.column}: ${f.message}\n`);
        io.stdout(`    expected: ${f.expected}\n`);
        io.stdout(`    actual:   ${f.actual}\n`);
      }
    }
  }
  if (brokenFiles > 0) io.stderr(`pol: ${brokenFiles} ${brokenFiles === 1 ? "file has" : "files have"} errors; their tests did not run\n`);
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed > 0 || brokenFiles > 0 ? EXIT.failed : EXIT.ok;
}
