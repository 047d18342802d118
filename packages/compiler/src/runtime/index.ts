/**
 * The runtime as one module for the compiler's own use. Not part of the
 * shipped `pol-runtime.ts` (runtime-bundle.ts concatenates the files below
 * instead, in RUNTIME_FILES order).
 */
export * from "../../../dsl/src/semantics/units.js";
export * from "../../../dsl/src/semantics/codes.js";
export * from "../../../dsl/src/semantics/calendar.js";
export * from "./types.js";
export * from "./kleene.js";
export * from "./numbers.js";
export * from "./time.js";
export * from "./code-matcher.js";
export * from "./sets.js";
export * from "./trace.js";
export * from "./validate-case.js";
export * from "./decide.js";
export * from "./documentation.js";
export * from "./run.js";
