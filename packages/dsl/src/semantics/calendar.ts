/**
 * Dates as whole days since 1970-01-01 (UTC), and calendar arithmetic
 * (LANGUAGE.md §4). Pure and import-free: the generated evaluators' runtime
 * includes this file verbatim.
 */

/** Days since the epoch of a valid `YYYY-MM-DD`, or undefined for a malformed or impossible date. */
export function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Math.round(Date.UTC(y, mo - 1, d) / 86_400_000);
}

export function formatDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date + n months` on the calendar: the same day of the month n months on,
 * clamped to that month's last day (`2025-01-31 + 1 month` is `2025-02-28`).
 * A fractional n is not a calendar step; callers convert it at fixed ratio.
 */
export function addMonths(days: number, months: number): number {
  const d = new Date(days * 86_400_000);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
