/**
 * Formatting Pol text with the project's Prettier plugin, for the CLI
 * (`pol fmt`), the language server and tests.
 */
import type { Plugin } from "prettier";

export { PolSyntaxError } from "./prettier/parser.js";

export interface FormatOptions {
  /** Shown in Prettier's messages; the formatting does not depend on it. */
  filepath?: string;
  /** Default 100 (the plugin's default). */
  printWidth?: number;
}

/**
 * The formatted text of a policy or library. Rejects with a `PolSyntaxError`
 * (its `diagnostics` and `loc` name the place) when the text does not parse:
 * a file with errors is never rewritten.
 */
export async function formatPol(text: string, options: FormatOptions = {}): Promise<string> {
  const { format, plugin } = await formatter();
  return format(text, {
    parser: "pol",
    plugins: [plugin],
    ...(options.filepath ? { filepath: options.filepath } : {}),
    ...(options.printWidth ? { printWidth: options.printWidth } : {}),
  });
}

/** Whether `text` is already formatted; rejects like `formatPol` on syntax errors. */
export async function checkFormatted(text: string, options: FormatOptions = {}): Promise<boolean> {
  return (await formatPol(text, options)) === text;
}

/**
 * Prettier and the plugin load on first use: most users of this package
 * (the checker, the CLI's other commands) never format.
 */
async function formatter(): Promise<{ format: typeof import("prettier").format; plugin: Plugin }> {
  const [{ format }, { default: plugin }] = await Promise.all([import("prettier"), import("./prettier/index.js")]);
  return { format, plugin };
}
