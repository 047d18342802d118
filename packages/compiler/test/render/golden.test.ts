/**
 * Golden documents of the IMRT policy. After an intended change, refresh with
 * `UPDATE_GOLDEN=1 npx vitest run packages/compiler/test/render` and review
 * the diff of golden/ before committing.
 */
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { golden, imrtModel } from "./helpers.js";

describe("pol render golden documents (policies/imrt.pol)", () => {
  const model = imrtModel();

  it("Markdown", () => {
    const md = renderMarkdown(model);
    expect(md).toBe(golden("imrt.md", md));
  });

  it("HTML", () => {
    const html = renderHtml(model);
    expect(html).toBe(golden("imrt.html", html));
  });

  it("is deterministic: rendering twice, from two checks, gives identical bytes", () => {
    const again = imrtModel();
    expect(renderMarkdown(again)).toBe(renderMarkdown(model));
    expect(renderHtml(again)).toBe(renderHtml(model));
    expect(renderHtml(model)).toBe(renderHtml(model));
  });

  it("carries nothing that depends on the machine or the clock", () => {
    for (const out of [renderMarkdown(model), renderHtml(model)]) {
      expect(out).not.toContain(model.file);
      expect(out).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    }
  });
});
