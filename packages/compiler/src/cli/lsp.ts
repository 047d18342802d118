/**
 * `pol lsp --stdio`: run the language server for editors on stdin/stdout.
 * The server is loaded only when asked for, so other commands do not pay for it.
 */
import { EXIT, usageError, type CommandIO } from "./io.js";

/** `pol lsp --help`. */
export const LSP_USAGE = `Usage: pol lsp [--stdio | --node-ipc]

Runs the Pol language server. Editors start it and talk the Language Server
Protocol on stdin/stdout (--stdio, the default) or over Node IPC (--node-ipc).
`;

/** Options editors' clients add on their own; the server needs none of them. */
const IGNORED = /^--(?:clientProcessId(?:=.*)?|stdio|node-ipc)$/;

/** Start the server and resolve with its exit code when the client is done. */
export async function runLsp(args: string[], io: CommandIO): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(LSP_USAGE);
    return EXIT.ok;
  }
  const unknown = args.find((a) => !IGNORED.test(a) && !/^\d+$/.test(a));
  if (unknown) return usageError(io, `unknown option ${unknown}`, LSP_USAGE);
  const { runLanguageServer } = await import("@pol/lsp");
  return runLanguageServer(args);
}
