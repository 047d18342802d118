/**
 * `pol render <policy.pol> [--format md|html] [--out FILE]` (LANGUAGE.md §10):
 * the policy as a document people read. Markdown to stdout by default; a
 * policy with check errors is not rendered (its words would be wrong), and
 * its diagnostics go to stderr.
 */
import { statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkFile, formatDiagnostic } from "@pol/dsl";
import { renderHtml } from "../render/html.js";
import { renderMarkdown } from "../render/markdown.js";
import { displayPath } from "./files.js";
import { EXIT, usageError, type CommandIO } from "./io.js";

export const RENDER_USAGE = `Usage: pol render <policy.pol> [--format md|html] [--out FILE]

Renders the policy as a document people read: its metadata, background,
coverage indications, case-by-case conditions, exclusions, documentation
requirements, definitions, codes, history and references.

Options:
  --format md|html  Markdown (the default) or one self-contained HTML file
  --out FILE        write the document to FILE instead of standard output
  -h, --help        show this help

Exit status: 0 rendered, 1 the policy has errors, 2 bad usage or unreadable file.
`;

interface RenderOptions {
  file: string;
  format: "md" | "html";
  out?: string;
}

/** Reads the arguments; a string is a usage error message. */
function parseArgs(args: string[]): RenderOptions | string {
  let format: string | undefined;
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (flag === "--format" || flag === "--out") {
      const value = inline ?? args[++i];
      if (value === undefined || value === "") return `${flag} needs a value`;
      if (flag === "--format") format = value;
      else out = value;
    } else if (a.startsWith("-") && a !== "-") {
      return `unknown option ${a}`;
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) return "name the policy file to render";
  if (files.length > 1) return `render one policy at a time (got ${files.length} files)`;
  const f = format ?? "md";
  if (f !== "md" && f !== "html" && f !== "markdown") return `unknown format \`${f}\`: use md or html`;
  return { file: files[0], format: f === "html" ? "html" : "md", out };
}

/** The `render` command: returns the exit code (0 rendered, 1 policy errors, 2 usage). */
export function runRender(args: string[], io: CommandIO): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(RENDER_USAGE);
    return EXIT.ok;
  }
  const options = parseArgs(args);
  if (typeof options === "string") return usageError(io, options, RENDER_USAGE);

  const path = resolve(options.file);
  try {
    if (!statSync(path).isFile()) return usageError(io, `cannot read ${options.file}: not a file`, RENDER_USAGE);
  } catch {
    return usageError(io, `cannot read ${options.file}: no such file`, RENDER_USAGE);
  }

  const { model, diagnostics } = checkFile(path);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length || !model) {
    for (const d of errors) io.stderr(formatDiagnostic(d, d.file ? displayPath(d.file) : displayPath(path)) + "\n");
    io.stderr(`pol: ${displayPath(path)} has ${Math.max(errors.length, 1)} ${errors.length > 1 ? "errors" : "error"}; not rendered\n`);
    return EXIT.failed;
  }

  const text = options.format === "html" ? renderHtml(model) : renderMarkdown(model);
  if (!options.out) {
    io.stdout(text);
    return EXIT.ok;
  }
  try {
    writeFileSync(resolve(options.out), text);
  } catch (e) {
    io.stderr(`pol: cannot write ${options.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}
