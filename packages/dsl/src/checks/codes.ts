/**
 * Clinical codes (LANGUAGE.md §1, §3): the format of every code wherever it is
 * written (codesets, `applies to`, conditions, set literals, tests), ranges,
 * codesets flattened through their `include`s, and the policy's applicable codes.
 */
import type * as A from "../ast.js";
import type { ApplicableCodeModel, CodeEntry, CodesetSymbol } from "../model.js";
import { FORMAT_HINTS, isValidCode, normalizeCode } from "../semantics/codes.js";
import { describeCycles, isCycle, stronglyConnected } from "./graph.js";
import type { CheckContext, ValidationRegistry } from "./registry.js";
import type { CheckerState } from "./state.js";
import { closest, didYouMean, replaceWith } from "./suggest.js";

export function registerCodeChecks(registry: ValidationRegistry): void {
  registry.register("code", checkCodeFormat, checkRange);
  registry.register("applies-to", checkApplicableCodes);
}

/** `ICD10 61C`: each end of a code or range must have its system's format. */
function checkCodeFormat(c: A.CodeLiteral, ctx: CheckContext): void {
  const bad = [c.code, c.rangeEnd].find((code) => code !== undefined && !isValidCode(c.system, code));
  if (bad === undefined) return;
  ctx.reporter.report("invalid-code", `\`${bad}\` is not a valid ${c.system} code: expected ${FORMAT_HINTS[c.system]}`, c);
}

/** Both ends of a range have one length, and the range runs upwards (§3). */
function checkRange(c: A.CodeLiteral, ctx: CheckContext): void {
  if (c.rangeEnd === undefined || !isValidCode(c.system, c.code) || !isValidCode(c.system, c.rangeEnd)) return;
  const from = normalizeCode(c.code);
  const to = normalizeCode(c.rangeEnd);
  if (from.length !== to.length) {
    ctx.reporter.report(
      "invalid-range",
      `the ends of \`${c.code}-${c.rangeEnd}\` differ in length; a range compares the first ${from.length} characters of a code, so both ends need ${from.length} (e.g. \`C70-C72\`)`,
      c,
    );
  } else if (from > to) {
    ctx.reporter.report("invalid-range", `\`${c.code}-${c.rangeEnd}\` runs backwards and holds no code; write \`${c.rangeEnd}-${c.code}\``, c);
  }
}

/** `applies to` lists procedure codes (§3, §5), one by one. */
function checkApplicableCodes(a: A.AppliesToDecl, ctx: CheckContext): void {
  for (const { code } of a.codes) {
    if (code.system === "ICD10") {
      ctx.reporter.report(
        "type-mismatch",
        `\`applies to\` lists the procedure codes the policy governs (CPT or HCPCS); \`${code.code}\` is a diagnosis code`,
        code,
      );
    } else if (code.rangeEnd !== undefined) {
      ctx.reporter.report("invalid-range", "`applies to` lists single codes, not ranges: write each code of the range", code);
    }
  }
}

/** The policy's applicable codes, normalized; undefined when it has no `applies to` (§3). */
export function applicableCodes(unit: A.PolicyDecl | A.LibraryDecl): ApplicableCodeModel[] | undefined {
  const blocks = unit.members.filter((m): m is A.AppliesToDecl => m.kind === "applies-to");
  if (blocks.length === 0) return undefined;
  // Several `applies to` blocks are read as one list: splitting a long list is harmless.
  return blocks.flatMap((b) =>
    b.codes.map((c) => ({
      system: c.code.system,
      code: normalizeCode(c.code.code),
      ...(c.description ? { description: c.description.value } : {}),
      decl: c,
    })),
  );
}

/**
 * Flatten every codeset: its own codes and those of the codesets it includes,
 * in source order, normalized and without duplicates. Reports unknown
 * includes, include cycles, and codesets that mix code systems (CPT and HCPCS
 * together are procedure codes and may mix).
 */
export function flattenCodesets(state: CheckerState): void {
  const all = [...state.scope.declarations, ...state.scope.duplicates].filter((d): d is CodesetSymbol => d.kind === "codeset");
  const targets = new Map<A.Identifier, CodesetSymbol>();
  const included = new Map<CodesetSymbol, CodesetSymbol[]>();
  for (const c of all) included.set(c, resolveIncludes(state, c, targets));
  const edges = (c: CodesetSymbol): CodesetSymbol[] => included.get(c) ?? [];

  const components = stronglyConnected(all, edges);
  for (const component of components) {
    if (!isCycle(component, edges)) continue;
    const paths = describeCycles(component, edges, (x) => x.name);
    for (const c of component) {
      const path = paths.get(c) ?? "";
      state.reporterFor(c.file).report("codeset-cycle", `\`${c.name}\` includes itself: ${path}`, c.decl.name);
    }
  }

  // Components come dependencies first, so every included codeset is flat
  // before the codesets that include it; inside a cycle, an include of a
  // codeset not yet flat contributes that codeset's own codes.
  const done = new Set<CodesetSymbol>();
  for (const component of components) {
    for (const c of component) {
      c.entries = flatten(c, targets, done);
      done.add(c);
      checkOneSystem(state, c);
    }
  }
}

/** The codesets `c` includes, in source order; records each include's target and reports names that are not codesets. */
function resolveIncludes(state: CheckerState, c: CodesetSymbol, targets: Map<A.Identifier, CodesetSymbol>): CodesetSymbol[] {
  const out: CodesetSymbol[] = [];
  const reporter = state.reporterFor(c.file);
  for (const entry of c.decl.entries) {
    if (entry.kind !== "include") continue;
    for (const id of entry.names) {
      if (id.name === "") continue;
      c.includes.push(id.name);
      const d = state.scope.lookup(id.name, c.file);
      if (d?.kind === "codeset") {
        targets.set(id, d);
        out.push(d);
        continue;
      }
      const codesets = state.scope.visibleFrom(c.file).filter((x) => x.kind === "codeset").map((x) => x.name);
      const guess = d ? undefined : closest(id.name, codesets);
      const why = d ? `; \`${id.name}\` is ${d.kind === "enum" ? "an enum" : `a ${d.kind}`}, and \`include\` takes codesets` : didYouMean(guess);
      reporter.report("unknown-name", `no codeset \`${id.name}\`${why}`, id, guess ? { suggestion: replaceWith(id.span, guess) } : {});
    }
  }
  return out;
}

const codeEntries = (list: A.CodeListEntry): CodeEntry[] =>
  list.codes.map((code) => ({
    system: code.system,
    code: normalizeCode(code.code),
    ...(code.rangeEnd !== undefined ? { rangeEnd: normalizeCode(code.rangeEnd) } : {}),
    source: code,
  }));

const ownEntries = (c: CodesetSymbol): CodeEntry[] => c.decl.entries.flatMap((e) => (e.kind === "code-list" ? codeEntries(e) : []));

function flatten(c: CodesetSymbol, targets: Map<A.Identifier, CodesetSymbol>, done: Set<CodesetSymbol>): CodeEntry[] {
  const out: CodeEntry[] = [];
  const seen = new Set<string>();
  const add = (entries: CodeEntry[]): void => {
    for (const e of entries) {
      const key = `${e.system}:${e.code}:${e.rangeEnd ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  };
  for (const entry of c.decl.entries) {
    if (entry.kind === "code-list") {
      add(codeEntries(entry));
      continue;
    }
    for (const id of entry.names) {
      const inc = targets.get(id);
      if (inc) add(done.has(inc) ? inc.entries : ownEntries(inc));
    }
  }
  return out;
}

/** A codeset holds codes of one system, or CPT and HCPCS together (procedure codes). */
function checkOneSystem(state: CheckerState, c: CodesetSymbol): void {
  const systems = new Set(c.entries.map((e) => e.system));
  c.system = systems.size === 1 ? [...systems][0] : undefined;
  if (systems.size <= 1 || [...systems].every((s) => s === "CPT" || s === "HCPCS")) return;
  const first = c.entries[0].system;
  const odd = c.entries.find((e) => e.system !== first && !(first !== "ICD10" && e.system !== "ICD10"))!;
  const where = c.decl.entries.find((e) => e.kind === "code-list" && e.system === odd.system);
  state.reporterFor(c.file).report(
    "mixed-set",
    `\`${c.name}\` mixes ${first} and ${odd.system} codes; a codeset holds codes of one system (CPT and HCPCS may go together)`,
    where ?? c.decl.name,
  );
}
