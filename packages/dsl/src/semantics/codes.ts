/**
 * Clinical code formats and matching (LANGUAGE.md §3). Pure and import-free:
 * the generated evaluators' runtime includes this file verbatim.
 */

export type CodeSystemName = "ICD10" | "CPT" | "HCPCS";

const FORMATS: Record<CodeSystemName, RegExp> = {
  // A letter, a digit, a digit or letter, then up to four letters or digits, with or without a dot.
  ICD10: /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/,
  // Five digits, or four digits and F/T/U (Category II, III and PLA codes).
  CPT: /^(?:[0-9]{5}|[0-9]{4}[FTU])$/,
  // HCPCS Level II: a letter and four digits.
  HCPCS: /^[A-Z][0-9]{4}$/,
};

/** What a valid code of the system looks like, for messages. */
export const FORMAT_HINTS: Record<CodeSystemName, string> = {
  ICD10: "a letter, a digit, a digit or letter, then up to four more (C71, C50.912, C4A)",
  CPT: "five digits, or four digits and F, T or U (77385)",
  HCPCS: "a letter and four digits (G6015)",
};

export function isValidCode(system: CodeSystemName, code: string): boolean {
  return FORMATS[system].test(code);
}

/** `C50.912` and `C50912` are the same code. */
export function normalizeCode(code: string): string {
  return code.replace(".", "").toUpperCase();
}

/**
 * Does `code` (normalized) fall under an entry (normalized)? A code matches an
 * entry it starts with (`C719` under `C71`), or a range `A-B` when its first
 * `len(A)` characters lie between A and B inclusive.
 */
export function codeMatches(code: string, entry: string, rangeEnd?: string): boolean {
  if (rangeEnd === undefined) return code.startsWith(entry);
  const head = code.slice(0, entry.length);
  return head.length === entry.length && head >= entry && head <= rangeEnd;
}

/** A procedure code's system told apart by its format (§5: `procedures` holds CPT and HCPCS). */
export function procedureSystem(code: string): "CPT" | "HCPCS" | undefined {
  if (FORMATS.CPT.test(code)) return "CPT";
  if (FORMATS.HCPCS.test(code)) return "HCPCS";
  return undefined;
}
