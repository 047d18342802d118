/**
 * The author's prose (sections, doc comments) as blocks. Policy text is
 * written the way Markdown reads it, so the same reading applies to both
 * outputs: a blank line ends a paragraph, lines starting with `- ` make a
 * list, and other line breaks inside a paragraph are soft.
 */

export type ProseBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/** Blocks of a text, in order. */
export function proseBlocks(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flush = (): void => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    if (list) blocks.push({ kind: "list", items: list });
    paragraph = [];
    list = undefined;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") {
      flush();
    } else if (/^- /.test(line)) {
      if (paragraph.length) {
        blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
        paragraph = [];
      }
      (list ??= []).push(line.slice(2).trim());
    } else if (list) {
      // A line after a list item without a marker continues that item.
      list[list.length - 1] += ` ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Text compared for sameness: white space collapsed, list markers and case ignored. */
export function normalizeProse(text: string): string {
  return text
    .replace(/^\s*- /gm, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
