/** Process entry of the bundled server (`node server.cjs --stdio`). */
import { runLanguageServer } from "./run.js";

runLanguageServer(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`pol language server: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(70);
  },
);
