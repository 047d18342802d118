export * from "./ast.js";
export * from "./diagnostics.js";
export { parse, MAX_NESTING, type ParseResult } from "./parse.js";
export { RESERVED_WORDS, METADATA_WORDS, UNIT_WORDS } from "./tokens.js";
export * from "./tree-utils.js";
