/** `pol render`: the policy as a document people read (Markdown or one self-contained HTML file). */
export { renderMarkdown } from "./markdown.js";
export { renderHtml } from "./html.js";
export { buildDocument, type PolicyDocument } from "./document.js";
export { ConditionWords, conditionWords, wordsOnOneLine, inlineText, type Words, type Inline, type Ref } from "./words.js";
export { escapeHtml } from "./html-escape.js";
