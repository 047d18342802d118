/**
 * What a command needs from the outside world, so commands are plain
 * functions that tests call directly: output streams and whether stderr is a
 * terminal (for progress lines).
 */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is an interactive terminal: progress lines are welcome. */
  isTTY?: boolean;
}

/** Exit codes of every command (LANGUAGE.md §10). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const processIO: CommandIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
};

/** A usage error: the message and the command's usage, on stderr, exit 2. */
export function usageError(io: CommandIO, message: string, usage: string): number {
  io.stderr(`pol: ${message}\n\n${usage}`);
  return EXIT.usage;
}
