/**
 * Rename: a fact, define, codeset, enum, member or requirement, everywhere it
 * is written (across the files importing its library). A new name is refused
 * when it is not a name, is reserved, or is already taken in a program that
 * sees the declaration — a rename must never change what a policy means.
 */
import { RESERVED_WORDS } from "@pol/dsl";
import { basename } from "node:path";
import type { Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import type { DocumentAnalysis } from "../analysis.js";
import { occurrenceAt, type Target } from "../occurrences.js";
import { spanToRange } from "../positions.js";
import { occurrencesOf, type ProgramsReading } from "./references.js";

/** Why a rename cannot happen, in words for the author. */
export interface RenameRefusal {
  refused: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words that cannot be names though §1 does not list them: they lex as code systems, or `given` reads them specially (§8). */
const NOT_NAMES = new Set(["ICD10", "CPT", "HCPCS", "documents"]);

/** Whether the cursor is on something renameable: its range and current name, or why not. */
export function prepareRename(a: DocumentAnalysis, position: Position): { range: Range; placeholder: string } | RenameRefusal {
  const o = occurrenceAt(a.occurrences, a.document.offsetAt(position));
  if (!o) return { refused: "Only facts, defines, codesets, enums, enum members and requirements can be renamed." };
  if (o.target.kind === "builtin") return { refused: `\`${o.target.name}\` is built into the language and cannot be renamed.` };
  return { range: spanToRange(o.span), placeholder: o.target.name };
}

/** The edits that rename what is at `position` to `newName` everywhere, or why it must not. */
export function rename(
  a: DocumentAnalysis,
  position: Position,
  newName: string,
  programsReading: ProgramsReading,
): WorkspaceEdit | RenameRefusal {
  const prepared = prepareRename(a, position);
  if ("refused" in prepared) return prepared;
  const target = occurrenceAt(a.occurrences, a.document.offsetAt(position))!.target;
  if (newName === target.name) return { changes: {} };
  const invalid = invalidName(newName);
  if (invalid) return { refused: invalid };
  const programs = programsReading(target.file);
  const clash = findClash(target, newName, programs);
  if (clash) return { refused: clash };

  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, occurrence } of occurrencesOf(target, a, () => programs)) {
    (changes[uri] ??= []).push({ range: spanToRange(occurrence.span), newText: newName });
  }
  return { changes };
}

function invalidName(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return `\`${name}\` is not a name: use letters, digits and \`_\`, starting with a letter or \`_\`.`;
  if (RESERVED_WORDS.includes(name) || NOT_NAMES.has(name)) return `\`${name}\` is a reserved word of Pol and cannot be a name.`;
  return undefined;
}

/** The declaration `newName` would collide with in any program that sees `target`, described. */
function findClash(target: Target, newName: string, programs: readonly DocumentAnalysis[]): string | undefined {
  for (const p of programs) {
    const m = p.model;
    if (!m) continue;
    if (target.kind === "enum-member") {
      const member = m.enums.get(target.enumName ?? "")?.members.get(newName);
      if (member) return `\`${target.enumName}\` already has a member \`${newName}\` (${where(member.file, member.decl.name.span.start.line)}).`;
      continue;
    }
    // §2: facts, asks, requires, defines, codesets and enums share one namespace.
    const taken =
      (m.facts.get(newName) && { what: m.facts.get(newName)!.decl.kind === "ask" ? "question" : "fact", s: m.facts.get(newName)! }) ||
      (m.defines.get(newName) && { what: "define", s: m.defines.get(newName)! }) ||
      (m.codesets.get(newName) && { what: "codeset", s: m.codesets.get(newName)! }) ||
      (m.enums.get(newName) && { what: "enum", s: m.enums.get(newName)! });
    if (taken) return `\`${newName}\` is already ${taken.what === "enum" ? "an" : "a"} ${taken.what} (${where(taken.s.file, taken.s.decl.name.span.start.line)}).`;
    const req = m.requirements.find((r) => r.id === newName);
    if (req) return `\`${newName}\` is already a requirement (${where(m.file, req.decl.name.span.start.line)}).`;
  }
  return undefined;
}

const where = (file: string, line: number): string => `${basename(file)}, line ${line}`;
