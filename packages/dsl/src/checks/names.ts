/**
 * What a name in an expression refers to (LANGUAGE.md §2). The place decides
 * where to look:
 * - a value (a condition, an operand): facts, asks, defines, `as_of`, `procedures`;
 * - a set (after `in`, `has any`, `has all`, `has at least N of`): codesets too;
 * - where an enum is expected (`intent is curative`, `organs has heart`): the
 *   members of that enum first, then values of that enum (another fact).
 * A name that is not valid in its place is `unknown-name` (or, for a member,
 * `unknown-enum-member`) with the closest name that is valid there, and a
 * message that says what the name is when it exists elsewhere.
 */
import type * as A from "../ast.js";
import type { EnumSymbol, Resolved } from "../model.js";
import type { Reporter } from "./registry.js";
import { BUILTIN_NAMES, type Declared } from "./scope.js";
import { BUILTINS, isBuiltinName, type CheckerState } from "./state.js";
import { closest, didYouMean, replaceWith } from "./suggest.js";

export type NamePlace =
  | { kind: "value" }
  | { kind: "set" }
  | { kind: "member"; enumName: string }
  /**
   * The other side of the comparison is already wrong: accept a member of any
   * enum without a word, so one mistake is reported once.
   */
  | { kind: "lenient" };

/** The declaration a name stands for in `place`, without reporting anything. */
export function peekName(state: CheckerState, file: string, name: string, place: NamePlace): Resolved | undefined {
  if (place.kind === "member") {
    const member = enumOf(state, file, place.enumName)?.members.get(name);
    if (member) return member;
  }
  if (isBuiltinName(name)) return BUILTINS[name];
  const d = state.scope.lookup(name, file);
  if (!d) return place.kind === "lenient" ? anyMember(state, file, name) : undefined;
  if (d.kind === "fact" || d.kind === "define") return d;
  if (d.kind === "codeset" && place.kind !== "value") return d;
  return undefined;
}

/** Resolve a name, record it in `model.names`, and report it when it is not valid in its place. */
export function resolveName(state: CheckerState, reporter: Reporter, ref: A.NameRef, place: NamePlace): Resolved | undefined {
  const found = peekName(state, reporter.file, ref.name, place);
  if (found) {
    state.model.names.set(ref, found);
    return found;
  }
  if (place.kind === "lenient") {
    // Quiet about what might be right once the other side is fixed; a name
    // declared nowhere is a mistake whatever the other side turns out to be.
    const known = state.scope.lookup(ref.name, reporter.file) || enumsWithMember(state, reporter.file, ref.name).length > 0;
    if (!known) reportUnknownName(state, reporter, ref, place);
    return undefined;
  }
  if (place.kind === "member") {
    const e = enumOf(state, reporter.file, place.enumName);
    if (e) {
      reportUnknownMember(reporter, ref, e);
      return undefined;
    }
  }
  reportUnknownName(state, reporter, ref, place);
  return undefined;
}

export function enumOf(state: CheckerState, file: string, name: string): EnumSymbol | undefined {
  const d = state.scope.lookup(name, file);
  return d?.kind === "enum" ? d : undefined;
}

/** The member `name` of the one visible enum that has it (none when two enums have it). */
function anyMember(state: CheckerState, file: string, name: string): Resolved | undefined {
  const owners = enumsWithMember(state, file, name);
  return owners.length === 1 ? owners[0].members.get(name) : undefined;
}

export function enumsWithMember(state: CheckerState, file: string, name: string): EnumSymbol[] {
  return state.scope.visibleFrom(file).filter((d): d is EnumSymbol => d.kind === "enum" && d.members.has(name));
}

export function reportUnknownMember(reporter: Reporter, ref: A.NameRef, e: EnumSymbol): void {
  const guess = closest(ref.name, e.members.keys());
  const members = [...e.members.keys()].map((m) => `\`${m}\``).join(", ");
  reporter.report(
    "unknown-enum-member",
    `\`${e.name}\` has no member \`${ref.name}\`${didYouMean(guess)}${guess ? "" : `; its members are ${members || "none"}`}`,
    ref,
    guess ? { suggestion: replaceWith(ref.span, guess) } : {},
  );
}

/** Names valid in a place, in declaration order, for "did you mean". */
export function namesValidIn(state: CheckerState, file: string, place: NamePlace): string[] {
  const ok = (d: Declared): boolean => d.kind === "fact" || d.kind === "define" || (d.kind === "codeset" && place.kind === "set");
  return [...state.scope.visibleFrom(file).filter(ok).map((d) => d.name), ...BUILTIN_NAMES];
}

function reportUnknownName(state: CheckerState, reporter: Reporter, ref: A.NameRef, place: NamePlace): void {
  const name = ref.name;
  const d = state.scope.lookup(name, reporter.file);
  const owners = enumsWithMember(state, reporter.file, name);
  let why: string | undefined;
  if (d?.kind === "codeset") {
    why = `\`${name}\` is a codeset: use it after \`in\`, \`has any\`, \`has all\` or \`has at least N of\` (\`diagnoses has any ${name}\`)`;
  } else if (d?.kind === "enum") {
    why = `\`${name}\` is an enum, a type: compare a fact of this type with one of its members (\`… is ${[...d.members.keys()][0] ?? "member"}\`)`;
  } else if (d?.kind === "require") {
    why = `\`${name}\` is a required document, not a value a condition can use`;
  } else if (owners.length > 0) {
    const enums = owners.map((e) => `\`${e.name}\``).join(" and ");
    why = `\`${name}\` is a member of ${enums}: compare a fact with it (\`fact is ${name}\`), or use it in a set \`{ ${name}, … }\``;
  }
  if (why) {
    reporter.report("unknown-name", why, ref);
    return;
  }
  const guess = closest(name, namesValidIn(state, reporter.file, place));
  reporter.report("unknown-name", `unknown name \`${name}\`${didYouMean(guess)}`, ref, guess ? { suggestion: replaceWith(ref.span, guess) } : {});
}
