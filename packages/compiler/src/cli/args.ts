/** A small argument reader shared by eval, build and test: flags, options with a value, positionals. */

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
}

/**
 * `flags` take no value (`--explain`), `options` take the next argument or
 * `--opt=value`. Anything else starting with `-` is an error.
 */
export function parseArgs(args: readonly string[], flags: readonly string[], options: readonly string[]): ParsedArgs | { error: string } {
  const out: ParsedArgs = { flags: new Set(), options: new Map(), positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (flags.includes(name) && eq < 0) out.flags.add(name);
    else if (options.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === "") return { error: `${name} needs a value` };
      out.options.set(name, value);
    } else return { error: `unknown option ${a}` };
  }
  return out;
}
