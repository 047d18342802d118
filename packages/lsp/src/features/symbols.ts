/**
 * The outline of a file: its policy or library, then metadata, enums (with
 * members), facts, codesets, applicable codes, defines, rules, requirements
 * (with their `when` blocks) and tests, in file order.
 */
import type * as A from "@pol/dsl";
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import { typeText } from "../describe.js";
import { spanToRange } from "../positions.js";

/** The outline of the document, as a tree under its policy or library. */
export function documentSymbols(a: DocumentAnalysis): DocumentSymbol[] {
  const unit = a.parsed.file.unit;
  if (!unit) return [];
  const children: DocumentSymbol[] = [];
  const metadata = unit.members.filter(isMetadata);
  if (metadata.length) {
    const span = { start: metadata[0].span.start, end: metadata[metadata.length - 1].span.end };
    children.push(symbol("metadata", SymbolKind.Namespace, span, span, metadata.map(metadataSymbol), `${metadata.length} lines`));
  }
  for (const m of unit.members) if (!isMetadata(m)) children.push(...declarationSymbols(m));
  const kind = unit.kind === "policy" ? SymbolKind.Module : SymbolKind.Package;
  return [symbol(`${unit.kind} ${unit.name.name}`, kind, unit.span, unit.name.span, children, unit.title?.value)];
}

function symbol(
  name: string,
  kind: SymbolKind,
  span: A.Span,
  selection: A.Span,
  children: DocumentSymbol[] = [],
  detail?: string,
): DocumentSymbol {
  // Editors reject symbols with empty names, which half-typed text produces.
  const s: DocumentSymbol = { name: name.trim() || "(unnamed)", kind, range: spanToRange(span), selectionRange: spanToRange(within(selection, span)), children };
  if (detail) s.detail = detail;
  return s;
}

/** The selection must lie inside the range; a recovered node may have a name span outside it. */
const within = (inner: A.Span, outer: A.Span): A.Span =>
  inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset ? inner : outer;

const isMetadata = (m: A.Member): m is A.Metadata => m.kind.startsWith("meta-");

function metadataSymbol(m: A.Metadata): DocumentSymbol {
  const word = m.kind.slice("meta-".length);
  const detail = (() => {
    switch (m.kind) {
      case "meta-id": return m.value.value;
      case "meta-effective": case "meta-replaces": return m.date.raw;
      case "meta-approved": return m.by ? `${m.date.raw} by ${m.by.value}` : m.date.raw;
      case "meta-plans": return m.plans.map((p) => p.value).join(", ");
      case "meta-revision": return `${m.date.raw} ${m.summary.value}`;
      case "meta-cite": return m.text.value;
      case "meta-section": return m.title.value;
    }
  })();
  const name = m.kind === "meta-section" ? `section ${m.title.value}` : word;
  return symbol(name, SymbolKind.Property, m.span, m.span, [], truncate(detail));
}

const truncate = (s: string | undefined, n = 80): string | undefined => (s && s.length > n ? s.slice(0, n - 1) + "…" : s);

function declarationSymbols(m: A.Member): DocumentSymbol[] {
  switch (m.kind) {
    case "enum":
      return [
        symbol(m.name.name, SymbolKind.Enum, m.span, m.name.span,
          m.members.map((x) => symbol(x.name.name, SymbolKind.EnumMember, x.span, x.name.span, [], x.label?.value)), m.label?.value),
      ];
    case "fact":
      return [symbol(m.name.name, SymbolKind.Field, m.span, m.name.span, [], `${typeText(m.type)}${m.label ? ` — ${m.label.value}` : ""}`)];
    case "codeset":
      return [symbol(m.name.name, SymbolKind.Constant, m.span, m.name.span, [], m.label?.value)];
    case "applies-to":
      return [
        symbol("applies to", SymbolKind.Object, m.span, m.span,
          m.codes.map((c) => symbol(`${c.code.system} ${c.code.code}${c.code.rangeEnd ? `-${c.code.rangeEnd}` : ""}`, SymbolKind.Number, c.span, c.code.span, [], truncate(c.description?.value)))),
      ];
    case "define":
      return [symbol(m.name.name, SymbolKind.Function, m.span, m.name.span, [], m.label?.value)];
    case "rule":
      return [symbol(`${m.outcome.replace("_", " ")}${m.label ? ` "${truncate(m.label.value, 60)}"` : ""}`, SymbolKind.Event, m.span, m.label?.span ?? m.span)];
    case "otherwise":
      return [symbol(`otherwise ${m.outcome.replace("_", " ")}`, SymbolKind.Event, m.span, m.span)];
    case "require":
      return [symbol(m.name.name, SymbolKind.Property, m.span, m.name.span, [], truncate(m.text.value))];
    case "ask":
      return [symbol(m.name.name, SymbolKind.Field, m.span, m.name.span, [], truncate(`${typeText(m.type)} — ${m.text.value}`))];
    case "when":
      return [symbol("when …", SymbolKind.Namespace, m.span, m.condition.span, m.members.flatMap(declarationSymbols))];
    case "test":
      return [symbol(`test "${truncate(m.name.value, 60)}"`, SymbolKind.Method, m.span, m.name.span)];
    default:
      return [];
  }
}
