import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import {
  createConnection,
  createMessageConnection,
  InitializeRequest,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node";
import { pathToUri } from "../src/positions.js";
import { startServer } from "../src/server.js";
import { LIB, memoryFileSystem, POLICY, ROOT } from "./helpers.js";

const policyUri = pathToUri(`${ROOT}/policy.pol`);
const libUri = pathToUri(`${ROOT}/lib.pol`);

interface Session {
  client: MessageConnection;
  published: PublishDiagnosticsParams[];
  logs: string[];
  /** Resolves with the next diagnostics published for `uri` that satisfy `ok`. */
  diagnostics(uri: string, ok?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
}

let sessions: MessageConnection[] = [];
afterEach(() => {
  for (const s of sessions) s.dispose();
  sessions = [];
});

/** A server and a client talking over in-memory streams, as an editor would. */
async function session(): Promise<Session> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server, { fs: memoryFileSystem({ [`${ROOT}/lib.pol`]: LIB, [`${ROOT}/policy.pol`]: POLICY }), debounceMs: 5 });
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  sessions.push(client);
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; ok: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.ok(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  client.onNotification("window/logMessage", (p: { message: string }) => {
    logs.push(p.message);
  });
  client.listen();
  await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: pathToUri(ROOT), capabilities: {} });
  client.sendNotification("initialized", {});
  return {
    client,
    published,
    logs,
    diagnostics: (uri, ok = () => true) => new Promise((resolve) => waiters.push({ uri, ok, resolve })),
  };
}

const open = (s: Session, uri: string, text: string, version = 1) =>
  s.client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "pol", version, text } });

const hasCode = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);

describe("server", () => {
  it("publishes diagnostics on open and after an incremental change", async () => {
    const s = await session();
    const first = s.diagnostics(policyUri);
    open(s, policyUri, POLICY);
    expect((await first).diagnostics.filter((d) => d.severity === 1)).toEqual([]);

    const line = POLICY.split("\n").findIndex((l) => l.includes("intent is curative and"));
    const broken = s.diagnostics(policyUri, hasCode("unknown-name"));
    s.client.sendNotification("textDocument/didChange", {
      textDocument: { uri: policyUri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 4 }, end: { line, character: 10 } }, text: "intnt" }],
    });
    const p = await broken;
    expect(p.version).toBe(2);
    // A request right after a change sees the new text, whether or not diagnostics went out yet.
    const hover = await s.client.sendRequest("textDocument/hover", { textDocument: { uri: policyUri }, position: { line, character: 5 } });
    expect(hover).toBeNull();
  });

  it("re-checks an open policy when the library it imports is edited", async () => {
    const s = await session();
    open(s, policyUri, POLICY);
    await s.diagnostics(policyUri);
    const again = s.diagnostics(policyUri, hasCode("unknown-name"));
    open(s, libUri, LIB.replace("define general_criteria", "define general_criterion"));
    expect((await again).diagnostics.find((d) => d.code === "unknown-name")!.message).toContain("general_criteria");
    const fixed = s.diagnostics(policyUri, (p) => !hasCode("unknown-name")(p));
    s.client.sendNotification("textDocument/didClose", { textDocument: { uri: libUri } });
    await fixed;
  });

  it("answers every request, even unknown ones, malformed ones and ones about closed files", async () => {
    const s = await session();
    open(s, policyUri, POLICY);
    await expect(s.client.sendRequest("pol/noSuchRequest", {})).rejects.toMatchObject({ code: -32601 });
    expect(await s.client.sendRequest("textDocument/hover", { textDocument: { uri: "file:///nowhere.pol" }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await s.client.sendRequest("textDocument/hover", { textDocument: { uri: policyUri }, position: { line: 9999, character: 9999 } })).toBeNull();
    expect(await s.client.sendRequest("textDocument/completion", { textDocument: { uri: policyUri } })).toEqual([]);
    const hover = await s.client.sendRequest("textDocument/hover", { textDocument: { uri: policyUri }, position: { line: 18, character: 8 } });
    expect(hover).not.toBeNull();
    expect(s.logs.some((l) => l.includes("completion failed"))).toBe(true);
  });

  it("refuses a rename with the reason", async () => {
    const s = await session();
    open(s, policyUri, POLICY);
    const line = POLICY.split("\n").findIndex((l) => l.includes("fact intent:"));
    await expect(
      s.client.sendRequest("textDocument/rename", { textDocument: { uri: policyUri }, position: { line, character: 8 }, newName: "diagnoses" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("already a fact") });
    await expect(
      s.client.sendRequest("textDocument/prepareRename", { textDocument: { uri: policyUri }, position: { line, character: 3 } }),
    ).rejects.toMatchObject({ message: expect.stringContaining("can be renamed") });
  });

  it("clears a closed document's diagnostics", async () => {
    const s = await session();
    open(s, policyUri, "policy p { covered if nope }");
    await s.diagnostics(policyUri, hasCode("unknown-name"));
    const cleared = s.diagnostics(policyUri, (p) => p.diagnostics.length === 0);
    s.client.sendNotification("textDocument/didClose", { textDocument: { uri: policyUri } });
    await cleared;
  });
});
