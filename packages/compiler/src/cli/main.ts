/**
 * The `pol` command: reads the command name and hands the rest of the
 * arguments to that command's function. Commands never call process.exit
 * themselves, so tests can run them in-process.
 */
import { runBuild } from "./build.js";
import { runCheck } from "./check.js";
import { runDiff } from "./diff.js";
import { runEval } from "./eval.js";
import { runFmt } from "./fmt.js";
import { runLsp } from "./lsp.js";
import { EXIT, processIO, type CommandIO } from "./io.js";
import { runRender } from "./render.js";
import { runTest } from "./test.js";

type Command = { summary: string; run: (args: string[], io: CommandIO) => number | Promise<number> };

const COMMANDS: Record<string, Command> = {
  check: { summary: "parse and check policies; diagnostics as file:line:col", run: runCheck },
  build: { summary: "compile policies into TypeScript evaluators and case JSON Schemas (--out DIR)", run: runBuild },
  eval: { summary: "decide a case (or a JSONL batch) as JSON; --explain for a readable tree", run: runEval },
  test: { summary: "run the policies' test blocks; ends with N passed, N failed", run: runTest },
  lsp: { summary: "run the language server for editors (--stdio)", run: runLsp },
  render: { summary: "the policy as a document people read (Markdown or HTML)", run: runRender },
  fmt: { summary: "format policies in place with the project's Prettier plugin (--check to only list)", run: runFmt },
  diff: { summary: "what a revision changes: outcomes and documentation (with a case for each), declarations", run: runDiff },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: pol <command> [arguments]

Pol compiles health-plan coverage policies into typed evaluators.

Commands:
${lines.join("\n")}

Run \`pol <command> --help\` for a command's options.
`;
}

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`pol: unknown command \`${name}\`\n\n${usage()}`);
    return EXIT.usage;
  }
  return command.run(rest, io);
}
