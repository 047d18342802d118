export * from "./ast.js";
export * from "./diagnostics.js";
export { parse, MAX_NESTING, type ParseResult } from "./parse.js";
export { RESERVED_WORDS, METADATA_WORDS, UNIT_WORDS } from "./tokens.js";
export * from "./tree-utils.js";
export { formatPol, checkFormatted, PolSyntaxError, type FormatOptions } from "./format.js";
export { loadProgram, nodeHost, resolveImport, type Program, type ProgramFile, type ResolvedImport, type SourceHost } from "./program.js";
export { checkFile, checkProgram, checkText, type CheckResult } from "./checker.js";
export {
  typeToString,
  type PolType,
  type FactSymbol,
  type EnumMemberSymbol,
  type EnumSymbol,
  type CodeEntry,
  type CodesetSymbol,
  type DefineSymbol,
  type BuiltinSymbol,
  type Resolved,
  type RuleModel,
  type RequirementModel,
  type ApplicableCodeModel,
  type Metadata as PolicyMetadata,
  type PolicyModel,
} from "./model.js";
export * from "./semantics/units.js";
export * from "./semantics/codes.js";
export * from "./semantics/calendar.js";
