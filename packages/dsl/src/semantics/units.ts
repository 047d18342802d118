/**
 * Units and dimensions (LANGUAGE.md §3). Pure and import-free: the generated
 * evaluators' runtime includes this file verbatim.
 *
 * Every dimension has a base unit and every unit an exact factor to it, chosen
 * so that all factors are whole numbers (time in minutes: 1 year = 365.25 days
 * = 525,960 minutes), which keeps `24 months >= 2 years` exact.
 */

export type Dimension = "time" | "length" | "dose" | "fractions" | "percent" | "mass" | "bmi" | "pressure" | "angle";

export interface UnitInfo {
  /** Canonical spelling (plural where the language has one): `years`, `cm`, `%` is `percent`. */
  name: string;
  dimension: Dimension;
  /** How many base units one of this unit is. */
  factor: number;
}

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR = 365.25 * DAY;
const MONTH = YEAR / 12;

const TABLE: Record<string, UnitInfo> = {
  minutes: { name: "minutes", dimension: "time", factor: MINUTE },
  hours: { name: "hours", dimension: "time", factor: HOUR },
  days: { name: "days", dimension: "time", factor: DAY },
  weeks: { name: "weeks", dimension: "time", factor: WEEK },
  months: { name: "months", dimension: "time", factor: MONTH },
  years: { name: "years", dimension: "time", factor: YEAR },
  mm: { name: "mm", dimension: "length", factor: 1 },
  cm: { name: "cm", dimension: "length", factor: 10 },
  cGy: { name: "cGy", dimension: "dose", factor: 1 },
  Gy: { name: "Gy", dimension: "dose", factor: 100 },
  fractions: { name: "fractions", dimension: "fractions", factor: 1 },
  percent: { name: "percent", dimension: "percent", factor: 1 },
  kg: { name: "kg", dimension: "mass", factor: 1 },
  "kg/m2": { name: "kg/m2", dimension: "bmi", factor: 1 },
  mmHg: { name: "mmHg", dimension: "pressure", factor: 1 },
  degrees: { name: "degrees", dimension: "angle", factor: 1 },
};

const SPELLINGS: Record<string, string> = {
  minute: "minutes", hour: "hours", day: "days", week: "weeks", month: "months", year: "years",
  fraction: "fractions", "%": "percent", degree: "degrees",
};

/** The unit a word names (`year`, `years`, `%`…), or undefined if it is not a unit of §3. */
export function lookupUnit(word: string): UnitInfo | undefined {
  return TABLE[SPELLINGS[word] ?? word];
}

/** Every canonical unit name, for completion and case validation messages. */
export const UNIT_NAMES: readonly string[] = Object.keys(TABLE);

/**
 * `value` in `unit`, in the dimension's base unit. Rounded to 12 significant
 * digits so that decimal inputs compare as written (2.1 years is 25.2 months).
 */
export function toBase(value: number, unit: UnitInfo): number {
  return Number((value * unit.factor).toPrecision(12));
}
