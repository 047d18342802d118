/**
 * The Prettier plugin for Pol: `.pol` files, the `pol` parser and the
 * `pol-ast` printer. Plain Prettier loads the bundled copy
 * (packages/dsl/dist/prettier-plugin.mjs, built by scripts/build.mjs);
 * `formatPol` in ../format.ts uses this object directly.
 */
import type { Plugin } from "prettier";
import { polParser, type PolNode } from "./parser.js";
import { printer } from "./printer.js";

const plugin: Plugin<PolNode> = {
  languages: [{ name: "Pol", parsers: ["pol"], extensions: [".pol"], vscodeLanguageIds: ["pol"] }],
  parsers: { pol: polParser },
  printers: { "pol-ast": printer },
  // Policies carry long labels and conditions; 100 columns keeps most rules on one line.
  defaultOptions: { printWidth: 100, tabWidth: 2, useTabs: false },
};

export default plugin;
export const { languages, parsers, printers, defaultOptions } = plugin;
