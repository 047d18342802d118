/**
 * @pol/compiler: the back ends of Pol. Each is a pure function of the checked
 * model (see ARCHITECTURE.md); the CLI under cli/ only reads files and calls them.
 */
export { evaluate, referenceProgram } from "./evaluate.js";
export { emitTypeScript, RUNTIME_MODULE, type EmitResult } from "./emit-typescript.js";
export { runtimeSource, RUNTIME_FILES } from "./runtime-bundle.js";
export { caseJsonSchema, caseSchemaSpec } from "./schema.js";
export { runTests, runTest, givenToCase, type TestResult, type TestFailure } from "./test-runner.js";
export { explainDecision } from "./explain.js";
export type {
  Decision,
  DocumentationItem,
  EvaluateOptions,
  InputError,
  InputErrors,
  Outcome,
  RequirementStatus,
  RuleOutcome,
  SourceSpan,
  Trace,
  TraceNode,
  TraceValue,
} from "./runtime/index.js";
