import { describe, expect, it } from "vitest";
import { documentDiagnostics } from "../src/features/diagnostics.js";
import { pathToUri } from "../src/positions.js";
import { Workspace } from "../src/workspace.js";
import { LIB, memoryFileSystem, POLICY, ROOT } from "./helpers.js";

const policyUri = pathToUri(`${ROOT}/policy.pol`);
const libUri = pathToUri(`${ROOT}/lib.pol`);

function setup() {
  const fs = memoryFileSystem({ [`${ROOT}/lib.pol`]: LIB, [`${ROOT}/policy.pol`]: POLICY });
  const logged: string[] = [];
  const ws = new Workspace(fs, (m) => logged.push(m));
  ws.roots = [ROOT];
  ws.setText(policyUri, POLICY, 1);
  return { fs, ws, logged };
}
const codes = (ws: Workspace, uri = policyUri) => documentDiagnostics(ws.get(uri)!).map((d) => d.code);

describe("workspace", () => {
  it("answers from the latest text, checking again only when something changed", () => {
    const { ws } = setup();
    const first = ws.get(policyUri)!;
    expect(ws.get(policyUri)).toBe(first);
    ws.setText(policyUri, POLICY.replace("intent is curative and", "intnt is curative and"), 2);
    expect(codes(ws)).toContain("unknown-name");
    expect(ws.get(policyUri)!.version).toBe(2);
  });

  it("an open library's unsaved text beats the disk, and re-checks its dependents", () => {
    const { ws } = setup();
    expect(codes(ws)).not.toContain("unknown-name");
    ws.setText(libUri, LIB.replace("define general_criteria", "define general_criterion"), 1);
    expect(ws.dependents(libUri)).toEqual([policyUri]);
    expect(codes(ws)).toContain("unknown-name");
    ws.close(libUri);
    expect(codes(ws)).not.toContain("unknown-name");
  });

  it("notices a library deleted from disk, and its return", () => {
    const { ws, fs } = setup();
    delete fs.files[`${ROOT}/lib.pol`];
    ws.fileChanged(libUri);
    expect(codes(ws)).toContain("import-not-found");
    fs.files[`${ROOT}/lib.pol`] = LIB;
    ws.fileChanged(libUri);
    expect(codes(ws)).not.toContain("import-not-found");
  });

  it("finds the files that read a library, open or not", () => {
    const { ws, fs } = setup();
    fs.files[`${ROOT}/other.pol`] = `import "lib.pol"\npolicy other {\n  covered if ordered_by_provider\n}\n`;
    fs.files[`${ROOT}/alone.pol`] = `policy alone {\n  otherwise covered\n}\n`;
    const paths = ws.programsReading(`${ROOT}/lib.pol`).map((a) => a.path.slice(ROOT.length + 1)).sort();
    expect(paths).toEqual(["lib.pol", "other.pol", "policy.pol"]);
  });

  it("never throws on garbage, empty or enormous nesting", () => {
    const { ws, logged } = setup();
    for (const text of ["", "\u0000\u0001", "policy", "policy p { covered if " + "(".repeat(5000), "}}}}", '"""', "/*", "policy p {\n  fact x: set of set of\n}"]) {
      ws.setText(policyUri, text, 3);
      expect(() => documentDiagnostics(ws.get(policyUri)!)).not.toThrow();
    }
    expect(logged).toEqual([]);
  });
});
