/**
 * Start the language server on this process's stdin/stdout (`--stdio`, the
 * default) or on Node IPC (`--node-ipc`, what VS Code's client uses for a
 * Node module). `pol lsp` and the bundled `server.cjs` both come here.
 */
import { IPCMessageReader, IPCMessageWriter, ProposedFeatures, createConnection } from "vscode-languageserver/node";
import { startServer, type ServerOptions } from "./server.js";

/**
 * Run the server until the client disconnects; resolves with the exit code
 * the process should end with. Nothing else may write to stdout meanwhile:
 * it carries the protocol.
 */
export function runLanguageServer(args: readonly string[], options: ServerOptions = {}): Promise<number> {
  const ipc = args.includes("--node-ipc");
  const connection = ipc
    ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process))
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // A stray console.log from anywhere would corrupt the protocol stream: send it to the client's log instead.
  console.log = (...xs: unknown[]) => connection.console.log(xs.map(String).join(" "));
  console.info = console.log;
  // Whatever goes wrong in a handler is caught there; this is for the rest (timers, streams).
  process.on("uncaughtException", (e) => connection.console.error(`pol: ${e.stack ?? String(e)}`));
  process.on("unhandledRejection", (e) => connection.console.error(`pol: ${(e as Error)?.stack ?? String(e)}`));
  startServer(connection, options);
  return new Promise((resolve) => {
    let shutDown = false;
    connection.onShutdown(() => {
      shutDown = true;
    });
    // LSP: exit code 0 after `shutdown`, 1 when the client exits without asking first.
    connection.onExit(() => resolve(shutDown ? 0 : 1));
    connection.listen();
  });
}
