/**
 * The language server: routes LSP requests to the feature functions and
 * publishes diagnostics. It holds no language knowledge of its own.
 *
 * Every handler is guarded: a failure on some input is logged and answered
 * with an empty result, so the server never crashes and never stops
 * answering, whatever the author has half typed.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { DocumentAnalysis } from "./analysis.js";
import { codeActions } from "./features/code-actions.js";
import { completion } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { documentDiagnostics } from "./features/diagnostics.js";
import { foldingRanges } from "./features/folding.js";
import { formatDocument } from "./features/formatting.js";
import { documentHighlights } from "./features/highlights.js";
import { hover } from "./features/hover.js";
import { references } from "./features/references.js";
import { prepareRename, rename } from "./features/rename.js";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./features/semantic-tokens.js";
import { documentSymbols } from "./features/symbols.js";
import { uriToPath } from "./positions.js";
import { Workspace, nodeFileSystem, type FileSystem } from "./workspace.js";

/** What tests and embedders may change about the server. */
export interface ServerOptions {
  /** How long after the last keystroke diagnostics are published; requests never wait for it. Default 25 ms. */
  debounceMs?: number;
  fs?: FileSystem;
}

/** Wire a connection to a new workspace. Call `connection.listen()` afterwards. */
export function startServer(connection: Connection, options: ServerOptions = {}): Workspace {
  const log = (message: string): void => connection.console.error(message);
  const workspace = new Workspace(options.fs ?? nodeFileSystem, log);
  const documents = new TextDocuments(TextDocument);
  const debounceMs = options.debounceMs ?? 25;

  /** Run a feature on the latest text of a document; on any failure, log it and answer `fallback`. */
  const guard =
    <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, f: (a: DocumentAnalysis, p: P) => R | Promise<R>) =>
    async (p: P): Promise<R> => {
      try {
        const a = workspace.get(p.textDocument.uri);
        return a ? await f(a, p) : fallback;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`pol: ${name} failed on ${p.textDocument.uri}: ${(e as Error).stack ?? String(e)}`);
        return fallback;
      }
    };

  // Diagnostics: debounced per document, and for the open documents that import an edited one.
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publishPending = (): void => {
    timer = undefined;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) {
      try {
        const a = workspace.get(uri);
        if (a) void connection.sendDiagnostics({ uri, version: a.version, diagnostics: documentDiagnostics(a) });
      } catch (e) {
        log(`pol: diagnostics failed on ${uri}: ${(e as Error).stack ?? String(e)}`);
      }
    }
  };
  const schedule = (uri: string): void => {
    pending.add(uri);
    for (const d of workspace.dependents(uri)) pending.add(d);
    if (timer) clearTimeout(timer);
    timer = setTimeout(publishPending, debounceMs);
  };

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.roots = folders.filter((u) => u.startsWith("file:")).map(uriToPath);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" ", "{", "[", ",", "("] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        documentFormattingProvider: true,
      },
      serverInfo: { name: "pol-language-server", version: "0.1.0" },
    };
  });

  documents.onDidChangeContent(({ document }) => {
    workspace.setText(document.uri, document.getText(), document.version);
    schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    const dependents = workspace.dependents(document.uri);
    workspace.close(document.uri);
    pending.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    for (const d of dependents) schedule(d);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      workspace.fileChanged(c.uri);
      for (const d of workspace.dependents(c.uri)) schedule(d);
    }
  });

  const programsReading = (file: string): DocumentAnalysis[] => workspace.programsReading(file);
  connection.onHover(guard("hover", null, (a, p) => hover(a, p.position)));
  connection.onCompletion(guard("completion", [], (a, p) => completion(a, p.position)));
  connection.onDefinition(guard("definition", null, (a, p) => definition(a, p.position)));
  connection.onReferences(guard("references", [], (a, p) => references(a, p.position, p.context.includeDeclaration, programsReading)));
  connection.onDocumentHighlight(guard("highlights", [], (a, p) => documentHighlights(a, p.position)));
  connection.onPrepareRename(
    guard("prepareRename", null, (a, p) => {
      const r = prepareRename(a, p.position);
      if ("refused" in r) throw new ResponseError(LSPErrorCodes.RequestFailed, r.refused);
      return r;
    }),
  );
  connection.onRenameRequest(
    guard("rename", null, (a, p) => {
      const r = rename(a, p.position, p.newName, programsReading);
      if ("refused" in r) throw new ResponseError(ErrorCodes.InvalidParams, r.refused);
      return r;
    }),
  );
  connection.onDocumentSymbol(guard("documentSymbol", [], (a) => documentSymbols(a)));
  connection.onFoldingRanges(guard("foldingRange", [], (a) => foldingRanges(a)));
  connection.languages.semanticTokens.on(guard("semanticTokens", { data: [] }, (a) => semanticTokens(a)));
  connection.onCodeAction(guard("codeAction", [], (a, p) => codeActions(a, p.range)));
  connection.onDocumentFormatting(guard("formatting", [], (a) => formatDocument(a)));
  connection.onShutdown(() => {
    if (timer) clearTimeout(timer);
  });

  documents.listen(connection);
  return workspace;
}
