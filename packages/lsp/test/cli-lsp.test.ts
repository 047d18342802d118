/**
 * `pol lsp --stdio`: the CLI starts the server on stdin/stdout, answers, and
 * exits 0 after `shutdown` and `exit`, as LSP asks.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMessageConnection, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";

const repo = join(import.meta.dirname, "../../..");

describe("pol lsp --stdio", () => {
  it("speaks LSP on stdio and exits cleanly", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/compiler/src/cli/bin.ts", "lsp", "--stdio"], { cwd: repo });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    client.listen();
    const init = await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    expect(init.capabilities.hoverProvider).toBe(true);
    expect(init.serverInfo?.name).toBe("pol-language-server");
    await client.sendRequest(ShutdownRequest.type);
    await client.sendNotification("exit");
    expect(await exited).toBe(0);
    client.dispose();
  });
});
