/**
 * What the checker's passes share: the program, its scope, the model being
 * built and a reporter per file.
 */
import type { BuiltinSymbol, PolicyModel } from "../model.js";
import type { Program, ProgramFile } from "../program.js";
import type { Reporter } from "./registry.js";
import type { Scope } from "./scope.js";

export interface CheckerState {
  program: Program;
  /** The file being checked. */
  root: ProgramFile;
  scope: Scope;
  /** Filled in pass by pass; `names` and `types` by the type pass. */
  model: PolicyModel;
  reporterFor(file: string): Reporter;
}

/** The built-in values (§4, §5). One object each, so `model.names` entries compare by identity. */
export const BUILTINS: Record<BuiltinSymbol["name"], BuiltinSymbol> = {
  as_of: { kind: "builtin", name: "as_of", type: { kind: "date" } },
  procedures: { kind: "builtin", name: "procedures", type: { kind: "set", element: { kind: "code", system: "procedure" } } },
};

export const isBuiltinName = (name: string): name is BuiltinSymbol["name"] => name === "as_of" || name === "procedures";
