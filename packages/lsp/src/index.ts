/**
 * The Pol language server. Each feature is a pure function of a document's
 * analysis (see analysis.ts); `startServer` routes LSP requests to them.
 */
export { analyze, diagnosticsOf, type DocumentAnalysis, type VersionedHost } from "./analysis.js";
export { Workspace, nodeFileSystem, type FileSystem } from "./workspace.js";
export { startServer, type ServerOptions } from "./server.js";
export { runLanguageServer } from "./run.js";
export { documentDiagnostics } from "./features/diagnostics.js";
export { hover } from "./features/hover.js";
export { completion } from "./features/completion.js";
export { definition } from "./features/definition.js";
export { references } from "./features/references.js";
export { prepareRename, rename } from "./features/rename.js";
export { documentSymbols } from "./features/symbols.js";
export { foldingRanges } from "./features/folding.js";
export { semanticTokens, SEMANTIC_TOKENS_LEGEND } from "./features/semantic-tokens.js";
export { codeActions } from "./features/code-actions.js";
export { formatDocument } from "./features/formatting.js";
export { documentHighlights } from "./features/highlights.js";
