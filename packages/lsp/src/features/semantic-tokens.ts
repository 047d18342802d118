/**
 * Semantic tokens: the lexer's tokens, with each name coloured by what the
 * checker resolved it to (facts as variables, defines as functions, members
 * as enum members, codesets as types), so a misspelt name stays plain.
 */
import { METADATA_WORDS, RESERVED_WORDS } from "@pol/dsl";
import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import type { Occurrence, TargetKind } from "../occurrences.js";

/**
 * Standard types where one fits; `unit`, `code` and `date` are Pol's own (the
 * VS Code extension declares them with a standard super type, so every theme
 * colours them).
 */
export const TOKEN_TYPES = [
  "keyword", "variable", "function", "enumMember", "enum", "type", "number", "string", "comment", "operator",
  "namespace", "property", "unit", "code", "date",
] as const;
/** Modifiers: declarations, built-ins, doc comments. */
export const TOKEN_MODIFIERS = ["declaration", "readonly", "defaultLibrary", "documentation"] as const;

/** The legend the server announces in its capabilities. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

type TokenType = (typeof TOKEN_TYPES)[number];
type Modifier = (typeof TOKEN_MODIFIERS)[number];

interface Piece {
  offset: number;
  end: number;
  type: TokenType;
  modifiers: Modifier[];
}

const BY_TARGET: Record<TargetKind, TokenType> = {
  fact: "variable",
  define: "function",
  codeset: "type",
  enum: "enum",
  "enum-member": "enumMember",
  requirement: "property",
  builtin: "variable",
};

const TYPE_WORDS = new Set(["bool", "number", "date", "text"]);
const OPERATORS = new Set(["<", "<=", ">", ">=", "=", "+", "-", "*", "/"]);
const RESERVED = new Set(RESERVED_WORDS);
const METADATA = new Set<string>(METADATA_WORDS);

/** The document's semantic tokens, in LSP's relative encoding. */
export function semanticTokens(a: DocumentAnalysis): SemanticTokens {
  const byOffset = new Map<number, Occurrence>();
  for (const o of a.occurrences) byOffset.set(o.span.start.offset, o);
  const pieces: Piece[] = [];
  const push = (offset: number, end: number, type: TokenType, ...modifiers: Modifier[]): void => {
    if (end > offset) pieces.push({ offset, end, type, modifiers });
  };

  const tokens = a.parsed.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const start = t.startOffset;
    const end = (t.endOffset ?? start) + 1;
    const kind = t.tokenType.name;
    const prev = tokens[i - 1];
    switch (kind) {
      case "Identifier": {
        const o = byOffset.get(start);
        if (o) {
          const mods: Modifier[] = [];
          if (o.isDeclaration) mods.push("declaration");
          if (o.target.kind === "builtin") mods.push("defaultLibrary");
          push(start, end, BY_TARGET[o.target.kind], ...mods);
        } else if (prev && (prev.image === "policy" || prev.image === "library") && prev.tokenType.name !== "Identifier") {
          push(start, end, "namespace", "declaration");
        } else if (METADATA.has(t.image) && (!prev || (prev.endLine ?? 0) < (t.startLine ?? 0))) {
          push(start, end, "keyword");
        } else if (t.image === "by" && prev && (prev.tokenType.name === "DateLit" || prev.tokenType.name === "StringLit")) {
          push(start, end, "keyword");
        }
        break;
      }
      case "StringLit":
      case "TextBlock":
        push(start, end, "string");
        break;
      case "NumberLit":
        push(start, end, "number");
        break;
      case "DateLit":
        push(start, end, "date");
        break;
      case "Code":
        push(start, end, "code");
        break;
      case "Unit":
        push(start, end, "unit");
        break;
      case "SystemWord":
        push(start, end, "type", "defaultLibrary");
        break;
      default:
        if (OPERATORS.has(t.image)) push(start, end, "operator");
        else if (TYPE_WORDS.has(t.image)) push(start, end, "type", "defaultLibrary");
        else if (t.image === "as_of" || t.image === "procedures") push(start, end, "variable", "defaultLibrary", "readonly");
        else if (RESERVED.has(t.image)) push(start, end, "keyword");
    }
  }
  for (const c of a.parsed.file.comments) {
    if (c.style === "doc") push(c.span.start.offset, c.span.end.offset, "comment", "documentation");
    else push(c.span.start.offset, c.span.end.offset, "comment");
  }
  pieces.sort((x, y) => x.offset - y.offset);
  return { data: encode(pieces, a.text) };
}

/** LSP's relative encoding, one entry per line of a token (clients need not support tokens across lines). */
function encode(pieces: Piece[], text: string): number[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  let line = 0;
  let lastEnd = 0;
  for (const p of pieces) {
    if (p.offset < lastEnd) continue; // never overlap (a recovered token inside a comment)
    lastEnd = p.end;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= p.offset) line++;
    let l = line;
    let from = p.offset;
    const typeIndex = TOKEN_TYPES.indexOf(p.type);
    const mods = p.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    while (from < p.end) {
      const lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
      let to = Math.min(p.end, lineEnd);
      if (to > from && text.charCodeAt(to - 1) === 13) to--; // leave `\r` of CRLF out
      const char = from - lineStarts[l];
      if (to > from) {
        data.push(l - lastLine, l === lastLine ? char - lastChar : char, to - from, typeIndex, mods);
        lastLine = l;
        lastChar = char;
      }
      l++;
      from = l < lineStarts.length ? lineStarts[l] : p.end;
    }
  }
  return data;
}
