/**
 * The one way a string from a policy enters HTML or SVG. Every label, text,
 * code, id and attribute value goes through `escapeHtml`, so no policy text
 * can open a tag, end an attribute or start a script.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * Prose the author wrote Markdown-style (references in italics, `<https://…>`
 * links): escaped first, then only these two forms are turned back into
 * markup, matched on the escaped text. Because the matching runs after
 * escaping, the link target cannot contain a quote or an angle bracket, and
 * only http(s) links are made.
 */
export function proseHtml(text: string): string {
  return escapeHtml(text)
    .replace(/&lt;(https?:\/\/(?:[^\s&]|&amp;)+?)&gt;/g, (_, url: string) => `<a href="${url}">${url}</a>`)
    .replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, "<em>$1</em>");
}
