/**
 * The rendered IMRT HTML in a real browser: headless Chromium loads the file,
 * takes a screenshot (test/artifacts/imrt-render.png, for people to look at)
 * and dumps the DOM it built. CI installs Chromium (.ci/run), so a missing
 * browser is a failure, not a skip: the check must not silently stop running.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkFile } from "@pol/dsl";
import { renderHtml } from "../packages/compiler/src/render/html.js";
import { repoRoot } from "./helpers/cli.js";

const artifacts = join(repoRoot, "test/artifacts");

function chromiumPath(): string | undefined {
  const r = spawnSync("/bin/sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split("\n")[0] : undefined;
}

/** Run headless Chromium on `url` with extra flags; a fresh profile each time so parallel runs do not share a lock. */
function chromium(binary: string, flags: string[], url: string): { status: number | null; stdout: string; stderr: string } {
  const profile = mkdtempSync(join(tmpdir(), "pol-chromium-"));
  try {
    const r = spawnSync(
      binary,
      ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", `--user-data-dir=${profile}`, ...flags, url],
      { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

describe("the rendered HTML in headless Chromium", () => {
  it("renders the IMRT policy: a non-trivial screenshot, the title in the DOM, no console errors", () => {
    const binary = chromiumPath();
    expect(binary, "chromium is not installed (CI installs it in .ci/run; locally: apt-get install chromium)").toBeDefined();

    const { model, diagnostics } = checkFile(join(repoRoot, "policies/imrt.pol"));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    mkdirSync(artifacts, { recursive: true });
    const page = join(artifacts, "imrt-render.html");
    writeFileSync(page, renderHtml(model!));
    const url = pathToFileURL(page).href;

    const png = join(artifacts, "imrt-render.png");
    rmSync(png, { force: true });
    const shot = chromium(binary!, [`--screenshot=${png}`, "--window-size=1280,4000", "--enable-logging=stderr", "--v=0"], url);
    expect(existsSync(png), `no screenshot; chromium said:\n${shot.stderr}`).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
    // Console messages are logged as `…:CONSOLE(line)] "message", source: …`.
    const consoleLines = shot.stderr.split("\n").filter((l) => /CONSOLE|Uncaught/.test(l));
    expect(consoleLines).toEqual([]);

    const dom = chromium(binary!, ["--dump-dom"], url);
    expect(dom.stdout).toContain("<h1>Intensity-Modulated Radiation Therapy</h1>");
    expect(dom.stdout).toContain('<svg class="decision-diagram"');
    expect(dom.stdout).not.toContain("<script");
  });
});
