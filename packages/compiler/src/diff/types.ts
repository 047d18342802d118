/**
 * What `diff(oldModel, newModel)` returns: the JSON contract of `pol diff
 * --json`. Declarations are what the text says; behaviour and documentation
 * are what the two versions decide, each change with a concrete case.
 */
import type { Outcome, RequirementStatus, RuleOutcome } from "../runtime/index.js";

/** What kind of declaration a change is about. */
export type DeclarationKind =
  | "policy"
  | "enum"
  | "fact"
  | "codeset"
  | "applies-to"
  | "define"
  | "rule"
  | "otherwise"
  | "requirement"
  | "test"
  | "cite"
  | "revision"
  | "section";

/** How a declaration changed. */
export type ChangeKind = "added" | "removed" | "changed" | "renamed";

/** One declaration added, removed, changed or renamed. */
export interface DeclarationChange {
  kind: DeclarationKind;
  /** The name in the new version (the old one when removed): a fact's name, a rule's label, a metadata field, a code. */
  name: string;
  change: ChangeKind;
  /** For `renamed`: the old name. */
  oldName?: string;
  /** What the declaration was / is, in Pol's words (conditions printed canonically). */
  old?: unknown;
  new?: unknown;
  /** One line per difference, for people ("codes added: ICD10 C49.3"). */
  details: string[];
  /** For a codeset: its own codes added and removed, as written. */
  codesAdded?: string[];
  codesRemoved?: string[];
}

/** The part of a decision that the comparison looks at (LANGUAGE.md §9). */
export interface DecisionSummary {
  outcome: Outcome;
  /** The deciding rule's label in that version, `"otherwise"`, or null. */
  rule: string | null;
  /** Only for `incomplete`. */
  possible?: RuleOutcome[];
}

/** A case in the JSON shape of LANGUAGE.md §9. */
export interface CaseJson {
  facts: Record<string, unknown>;
  procedures?: string[];
  as_of?: string;
}

/** Every case in one group goes from `old` to `new`; `witness` is one of them. */
export interface BehaviorChange {
  old: DecisionSummary;
  new: DecisionSummary;
  /** A concrete case (in the new version's names; see `caseFor`) that both versions decide as stated. */
  witness: CaseJson;
  /** The facts the witness gives (`procedures` and `as_of` included): leaving out any one of them changes the pair. */
  facts: string[];
  /** Plain words: "A request with … was covered by "I. …", now not covered". */
  description: string;
  /** How many of the analysis' regions of the input space make this change (a measure of its breadth). */
  regions: number;
}

/** `absent`: the version has no requirement with this id (or the request is not applicable). */
export type RequirementState = RequirementStatus | "absent";

/** A change in whether one requirement is required, with a case that shows it. */
export interface DocumentationChange {
  requirement: string;
  kind: "document" | "question";
  old: RequirementState;
  new: RequirementState;
  witness: CaseJson;
  facts: string[];
  description: string;
  regions: number;
}

/** Counts, and whether "no change" is a proof. */
export interface DiffSummary {
  outcomeChanges: number;
  documentationChanges: number;
  declarationChanges: number;
  /**
   * True when the behavioural analysis covered the whole input space through
   * representative classes (ARCHITECTURE.md "pol diff"): then "no change" is a
   * proof. False when it had to sample (see `notes`).
   */
  exhaustive: boolean;
  /** Regions of the input space the analysis decided (leaves of the search). */
  regions: number;
  /** Nodes of the search it explored (the work done; shared sub-searches count once). */
  nodes: number;
  notes: string[];
}

/** A fact known by another name in the old version; witnesses use the new name. */
export interface FactRename {
  old: string;
  new: string;
}

/** The result of `diff(oldModel, newModel)`. */
export interface PolicyDiff {
  old: { name: string; version: string | null };
  new: { name: string; version: string | null };
  declarations: DeclarationChange[];
  behavior: BehaviorChange[];
  documentation: DocumentationChange[];
  summary: DiffSummary;
  /** How to read a witness with the old version (see `caseFor`). */
  factRenames: FactRename[];
  /** Requirement ids renamed (old → new). */
  requirementRenames: FactRename[];
}
