/**
 * Shared by the render tests: the IMRT policy's checked model, inline
 * policies, golden files (UPDATE_GOLDEN=1 rewrites them), and the readable
 * text of rendered output.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkFile, checkText, type CheckResult, type PolicyModel } from "@pol/dsl";
import { expect } from "vitest";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const sharedDir = resolve(repoRoot, "../shared");
export const imrtPath = join(repoRoot, "policies/imrt.pol");
export const goldenDir = join(dirname(fileURLToPath(import.meta.url)), "golden");

/** A checked model that must have no errors (a renderer never sees one that has). */
function withoutErrors(result: CheckResult): PolicyModel {
  const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.span.start.line}:${d.span.start.column}: ${d.message}`);
  expect(errors).toEqual([]);
  expect(result.model).toBeDefined();
  return result.model!;
}

export const imrtModel = (): PolicyModel => withoutErrors(checkFile(imrtPath));

/** An inline policy's model. */
export const modelOf = (text: string): PolicyModel => withoutErrors(checkText(text, join(repoRoot, "policies/inline-test.pol")));

/** The expected content of a golden file, written from `actual` first when updating or new. */
export function golden(file: string, actual: string): string {
  const path = join(goldenDir, file);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) writeFileSync(path, actual);
  return readFileSync(path, "utf8");
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** What a reader sees of an HTML document: text without tags, entities decoded, white space collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    // Inline markup joins its text to its neighbours; block markup separates.
    .replace(/<\/?(em|a|strong|span|code)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .replace(/\s+/g, " ");
}

/** What a reader sees of Markdown: escapes and emphasis markers removed, white space collapsed. */
export function markdownText(md: string): string {
  return md
    .replace(/\[((?:\\.|[^\]\\])*)\]\(#[^)\s]*\)/g, "$1")
    .replace(/(?<!\\)\|/g, " ")
    .replace(/\\([\\`*_[\]<>|#])/g, "$1")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ");
}

/** White space collapsed, for comparing sentences across line breaks. */
export const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
