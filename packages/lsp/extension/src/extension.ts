/**
 * The VS Code side of Pol: starts the bundled language server (a Node
 * module, over IPC) for `.pol` files and lets vscode-languageclient turn its
 * answers into editor features.
 */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const configured = vscode.workspace.getConfiguration("pol").get<string>("server.path");
  const module = configured || context.asAbsolutePath("dist/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "pol" },
      { scheme: "untitled", language: "pol" },
    ],
    // Edits to .pol files on disk (a library changed by git, say) re-check the open policies that import them.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.pol") },
  };
  client = new LanguageClient("pol", "Pol", serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
