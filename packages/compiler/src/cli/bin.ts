/** Process entry of `pol`: run the command, set the exit code, never leave a stack trace for a user error. */
import { main } from "./main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pol: internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
