/**
 * Dates (LANGUAGE.md §1, §7): every date written must exist in the calendar,
 * and the policy's metadata dates must come in an order that makes sense
 * (warnings: a policy may be recorded as it was, however odd).
 */
import type * as A from "../ast.js";
import { daysInMonth, parseDate } from "../semantics/calendar.js";
import type { CheckContext, ValidationRegistry } from "./registry.js";

export function registerDateChecks(registry: ValidationRegistry): void {
  registry.register("date", checkDateExists);
  registry.register("policy", checkMetadataDateOrder);
  registry.register("library", checkMetadataDateOrder);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2025-02-30` lexes as a date (§1); it is the checker that says it does not exist. */
function checkDateExists(d: A.DateLiteral, ctx: CheckContext): void {
  if (parseDate(d.raw) !== undefined) return;
  const [y, m, day] = d.raw.split("-").map(Number);
  const why =
    m < 1 || m > 12 ? `there is no month ${String(m).padStart(2, "0")}` :
    day < 1 ? "days of the month start at 01" :
    `${MONTHS[m - 1]} ${y} has ${daysInMonth(y, m)} days`;
  ctx.reporter.report("invalid-date", `\`${d.raw}\` is not a date: ${why}`, d);
}

/**
 * §7: `effective` not before `approved`, a `revision` not after `effective`,
 * `replaces` (the date of the version this one replaces) before `effective`.
 * The first of each line counts; repeats are reported as duplicates.
 */
function checkMetadataDateOrder(unit: A.PolicyDecl | A.LibraryDecl, ctx: CheckContext): void {
  const first = <K extends A.Metadata["kind"]>(kind: K): Extract<A.Metadata, { kind: K }> | undefined =>
    unit.members.find((m): m is Extract<A.Metadata, { kind: K }> => m.kind === kind);
  const day = (d: A.DateLiteral | undefined): number | undefined => (d ? parseDate(d.raw) : undefined);
  const effective = first("meta-effective")?.date;
  const approved = first("meta-approved")?.date;
  const replaces = first("meta-replaces")?.date;
  const e = day(effective);
  const a = day(approved);
  const r = day(replaces);

  if (e !== undefined && a !== undefined && e < a) {
    ctx.reporter.report("date-order", `the policy takes effect (${effective!.raw}) before it was approved (${approved!.raw})`, effective!);
  }
  if (e !== undefined && r !== undefined && r >= e) {
    ctx.reporter.report(
      "date-order",
      `\`replaces\` gives the date of the version this one replaces (${replaces!.raw}); it should come before this version takes effect (${effective!.raw})`,
      replaces!,
    );
  }
  for (const m of unit.members) {
    if (m.kind !== "meta-revision") continue;
    const rev = day(m.date);
    if (e !== undefined && rev !== undefined && rev > e) {
      ctx.reporter.report("date-order", `a revision dated ${m.date.raw} comes after the policy took effect (${effective!.raw})`, m.date);
    }
  }
}
