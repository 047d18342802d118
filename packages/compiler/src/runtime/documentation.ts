/**
 * Documentation requirements (LANGUAGE.md §6): each `require` and `ask` is
 * required, not required or possibly required as its conditions are true,
 * false or unknown, and provided or not. Part of the shipped runtime.
 */
import type { Kleene } from "./kleene.js";
import type { DocumentationItem, RequirementStatus } from "./types.js";

export interface RequirementHead {
  id: string;
  kind: "document" | "question";
  text: string;
}

export function requirementStatus(condition: Kleene): RequirementStatus {
  return condition === true ? "required" : condition === false ? "not_required" : "possibly_required";
}

/**
 * One checklist line. A document is provided when its id is in the case's
 * `documents`; a question when the case gives its fact a value (null is no value).
 */
export function documentationItem(
  head: RequirementHead,
  condition: Kleene,
  documents: ReadonlySet<string>,
  values: Record<string, unknown>,
): DocumentationItem {
  const provided = head.kind === "document" ? documents.has(head.id) : values[head.id] !== undefined;
  return { id: head.id, kind: head.kind, text: head.text, status: requirementStatus(condition), provided };
}
