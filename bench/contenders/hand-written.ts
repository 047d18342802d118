/**
 * The IMRT policy written by hand in TypeScript, as a careful engineer would
 * write it for speed: the practical limit for a compiler. It keeps the whole
 * contract of LANGUAGE.md §9 so the comparison is like for like: it validates
 * the case (wrong types, unknown names, malformed codes and dates give
 * errors), applies three-valued logic to unknown facts, names the deciding
 * rule, lists `possible` and `missing` for an incomplete decision, and builds
 * the documentation checklist. Its decisions must equal the generated
 * evaluator's (trace off) on every benchmark case, byte for byte as JSON.
 *
 * Codes are matched with one map lookup per diagnosis: each ICD-10 category
 * gives the first covered rule that takes the whole category, and the few
 * entries longer than a category are checked after it.
 */
import { COVERED, type CodeEntry } from "./imrt-codes.js";

type K = boolean | undefined;

interface Decision {
  policy: string;
  version: string | null;
  outcome: string;
  rule: string | null;
  possible?: string[];
  missing?: string[];
  documentation: { id: string; kind: "document" | "question"; text: string; status: string; provided: boolean }[];
}

// ─── Codes ───

/** Category → index of the first covered rule whose entry takes the whole category. */
const WHOLE = new Map<string, number>();
/** Category → its longer entries (normalized prefix, rule index), in rule order. */
const PARTS = new Map<string, [string, number][]>();
const CATEGORY_THIRD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

COVERED.forEach((rule, index) => {
  for (const e of rule.codes) for (const [category, prefix] of expand(e)) addEntry(category, prefix, index);
});

function addEntry(category: string, prefix: string | undefined, index: number): void {
  if (prefix === undefined) {
    if (!WHOLE.has(category)) WHOLE.set(category, index);
  } else {
    const list = PARTS.get(category) ?? [];
    list.push([prefix, index]);
    PARTS.set(category, list);
  }
}

/** The categories an entry covers; a longer prefix keeps its normalized text. */
function expand(e: CodeEntry): [string, string | undefined][] {
  if (typeof e === "string") {
    const code = e.replace(".", "");
    return [[code.slice(0, 3), code.length > 3 ? code : undefined]];
  }
  // A range of categories: valid ICD-10 categories are a letter, a digit, then a digit or letter.
  const out: [string, undefined][] = [];
  for (let d = 0; d <= 9; d++) for (const c of CATEGORY_THIRD) {
    const category = `${e[0][0]}${d}${c}`;
    if (category >= e[0] && category <= e[1]) out.push([category, undefined]);
  }
  return out;
}

/** The first covered rule (0-based) a normalized code falls under, or -1. */
function indicationOf(code: string): number {
  const category = code.slice(0, 3);
  let best = WHOLE.get(category) ?? -1;
  const parts = PARTS.get(category);
  if (parts !== undefined) {
    for (const [prefix, index] of parts) if ((best < 0 || index < best) && code.startsWith(prefix)) best = index;
  }
  return best;
}

function isBone(code: string): boolean {
  const c = code.slice(0, 3);
  return c === "C40" || c === "C41" || c === "D16" || code.startsWith("D480");
}
const isBreast = (code: string) => code.startsWith("C50") || code.startsWith("D05");
const isRectal = (code: string) => code.startsWith("C20");

// ─── Validation ───

const ICD10 = /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;
const PROCEDURE = /^(?:[0-9]{5}|[0-9]{4}[FTU]|[A-Z][0-9]{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const APPLIES = new Set(["77014", "77293", "77300", "77301", "77332", "77333", "77334", "77338", "77385", "77386", "77387", "G6001", "G6002", "G6015", "G6016", "G6017"]);
const ORGANS = new Set(["heart", "lungs", "kidneys", "liver", "spinal_cord", "esophagus", "bone_marrow", "breasts", "stomach", "muscle_soft_tissue", "salivary_glands", "other"]);
const DOCUMENT_IDS = new Set(["target_volume", "prior_rt_history", "special_need", "dose_constraint_citation", "dose_prescription_dvh", "rtog_protocol_number", "abutting_portals", "dibh_comparison", "ecog_or_kps"]);
/** Quantity facts and the units they accept, with how many of each make one of the declared unit (a division keeps 24 months exactly 2 years). */
const TIME: Record<string, number> = { minutes: 525960, hours: 8766, days: 365.25, weeks: 365.25 / 7, months: 12, years: 1, minute: 525960, hour: 8766, day: 365.25, week: 365.25 / 7, month: 12, year: 1 };
const LENGTH: Record<string, number> = { mm: 10, cm: 1 };
const MONTHS: Record<string, number> = Object.fromEntries(Object.entries(TIME).map(([unit, n]) => [unit, n / 12]));

/** The case's facts in one fixed shape (unknown is undefined): every read below is a fixed offset. */
class Facts {
  ordered_by_provider: K = undefined;
  medically_necessary: K = undefined;
  conservative_treatments_tried: K = undefined;
  intent: string | undefined = undefined;
  local_recurrence: K = undefined;
  /** In years. */
  disease_free_interval: number | undefined = undefined;
  diagnoses: string[] | undefined = undefined;
  medically_inoperable: K = undefined;
  dose_escalation_required: K = undefined;
  reirradiation: K = undefined;
  cumulative_dose_exceeds_tolerance: K = undefined;
  organs_spared: string[] | undefined = undefined;
  dose_constraint_failure: K = undefined;
  rtog_constraint_cited: K = undefined;
  standard_fractionation: K = undefined;
  adjacent_area_irradiated: K = undefined;
  whole_brain: K = undefined;
  left_imn_treated: K = undefined;
  partial_breast: K = undefined;
  brain_metastasis: K = undefined;
  /** In months. */
  prognosis_months: number | undefined = undefined;
  leptomeningeal_disease: K = undefined;
  /** In cm. */
  distal_to_anal_verge: number | undefined = undefined;
}

type Problem = { path: string; message: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function bool(v: unknown, name: string, errors: Problem[]): K {
  if (typeof v === "boolean") return v;
  errors.push({ path: `facts.${name}`, message: "expected true or false" });
  return undefined;
}

/** A number in the fact's unit, or a quantity in another (`years` for time facts given in years). */
function quantity(v: unknown, name: string, units: Record<string, number>, errors: Problem[]): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (isObject(v) && typeof v.value === "number" && Number.isFinite(v.value) && typeof v.unit === "string" && Object.hasOwn(units, v.unit) && Object.keys(v).length === 2) {
    return v.value / units[v.unit]!;
  }
  errors.push({ path: `facts.${name}`, message: "expected a number or a quantity" });
  return undefined;
}

function codes(v: unknown, errors: Problem[]): string[] | undefined {
  if (!Array.isArray(v)) {
    errors.push({ path: "facts.diagnoses", message: "expected a list of ICD-10-CM codes" });
    return undefined;
  }
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const c: unknown = v[i];
    if (typeof c !== "string" || !ICD10.test(c)) errors.push({ path: `facts.diagnoses[${i}]`, message: "not an ICD-10-CM code" });
    else {
      const code = c.length > 3 && c.charCodeAt(3) === 46 ? c.slice(0, 3) + c.slice(4) : c;
      if (!out.includes(code)) out.push(code);
    }
  }
  return out;
}

function organs(v: unknown, errors: Problem[]): string[] | undefined {
  if (!Array.isArray(v)) {
    errors.push({ path: "facts.organs_spared", message: "expected a list of organs" });
    return undefined;
  }
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const o: unknown = v[i];
    if (typeof o !== "string" || !ORGANS.has(o)) errors.push({ path: `facts.organs_spared[${i}]`, message: "not an organ at risk" });
    else if (!out.includes(o)) out.push(o);
  }
  return out;
}

function readFacts(raw: Record<string, unknown>, errors: Problem[]): Facts {
  const f = new Facts();
  for (const name in raw) {
    const v = raw[name];
    if (v === null || v === undefined) continue;
    switch (name) {
      case "ordered_by_provider": f.ordered_by_provider = bool(v, name, errors); break;
      case "medically_necessary": f.medically_necessary = bool(v, name, errors); break;
      case "conservative_treatments_tried": f.conservative_treatments_tried = bool(v, name, errors); break;
      case "intent":
        if (v === "curative" || v === "palliative") f.intent = v;
        else errors.push({ path: "facts.intent", message: "expected curative or palliative" });
        break;
      case "local_recurrence": f.local_recurrence = bool(v, name, errors); break;
      case "disease_free_interval": f.disease_free_interval = quantity(v, name, TIME, errors); break;
      case "diagnoses": f.diagnoses = codes(v, errors); break;
      case "medically_inoperable": f.medically_inoperable = bool(v, name, errors); break;
      case "dose_escalation_required": f.dose_escalation_required = bool(v, name, errors); break;
      case "reirradiation": f.reirradiation = bool(v, name, errors); break;
      case "cumulative_dose_exceeds_tolerance": f.cumulative_dose_exceeds_tolerance = bool(v, name, errors); break;
      case "organs_spared": f.organs_spared = organs(v, errors); break;
      case "dose_constraint_failure": f.dose_constraint_failure = bool(v, name, errors); break;
      case "rtog_constraint_cited": f.rtog_constraint_cited = bool(v, name, errors); break;
      case "standard_fractionation": f.standard_fractionation = bool(v, name, errors); break;
      case "adjacent_area_irradiated": f.adjacent_area_irradiated = bool(v, name, errors); break;
      case "whole_brain": f.whole_brain = bool(v, name, errors); break;
      case "left_imn_treated": f.left_imn_treated = bool(v, name, errors); break;
      case "partial_breast": f.partial_breast = bool(v, name, errors); break;
      case "brain_metastasis": f.brain_metastasis = bool(v, name, errors); break;
      case "prognosis_months": f.prognosis_months = quantity(v, name, MONTHS, errors); break;
      case "leptomeningeal_disease": f.leptomeningeal_disease = bool(v, name, errors); break;
      case "distal_to_anal_verge": f.distal_to_anal_verge = quantity(v, name, LENGTH, errors); break;
      default: errors.push({ path: `facts.${name}`, message: `the policy has no fact ${name}` });
    }
  }
  return f;
}

// ─── Three-valued logic ───

const and = (a: K, b: K): K => (a === false || b === false ? false : a === undefined || b === undefined ? undefined : true);
const or = (a: K, b: K): K => (a === true || b === true ? true : a === undefined || b === undefined ? undefined : false);
const not = (a: K): K => (a === undefined ? undefined : !a);

const COVERED_LABELS = COVERED.map((r) => r.label);
const REVIEW_LABELS = [
  "I. Medically inoperable patients with a diagnosis of cancer are typically treated with surgery where dose escalation is required due to the inability to receive surgery",
  "II. Re-irradiation cases (where cumulative critical structure dose would exceed tolerance dose)",
  "III. Primary malignant or benign bone tumors",
  "IV. To spare organs at risk such as the heart, lungs, kidneys, liver, spinal cord, esophagus, bone marrow, breasts, stomach, muscle/soft tissue, and salivary glands to decrease the risk for late, normal tissue toxicity while providing local tumor control",
];
/** Declaration order of the facts that can be missing (the library's first). */
const ORDER = [
  "ordered_by_provider", "medically_necessary", "conservative_treatments_tried", "intent", "local_recurrence", "disease_free_interval",
  "diagnoses", "medically_inoperable", "dose_escalation_required", "reirradiation", "cumulative_dose_exceeds_tolerance", "organs_spared",
];

const REQUIREMENTS: [string, "document" | "question", string][] = [
  ["target_volume", "document", "Specific condition and target volume requiring IMRT"],
  ["prior_rt_history", "document", "Specific history of prior radiation therapy; information to include sites of delivery, total dose, and dose per fraction"],
  ["special_need", "document", "A statement documenting the special need for performing IMRT versus conventional or 3-dimensional radiation treatment"],
  ["dose_constraint_citation", "document", "If failure of dose constraints, cite the specific constraint, including protocol number, if applicable (only QUANTEC or RTOG dose constraints are applicable)"],
  ["dose_prescription_dvh", "document", "Dose prescription along with documentation in the form of a clearly labeled, color comparative 3D, and IMRT dose volume histogram and dose table, in absolute doses"],
  ["rtog_protocol_number", "document", "When citing an RTOG dose constraint, provide the RTOG protocol number"],
  ["abutting_portals", "document", "An immediately adjacent area has been previously irradiated or will be irradiated, and abutting portals must be established with high precision"],
  ["dibh_comparison", "document", "Comparison plans utilizing deep inspiration breath hold technique when IMRT is requested for breast cancer"],
  ["left_imn_treated", "question", "Will the left-sided internal mammary nodes be treated?"],
  ["partial_breast", "question", "Will the patient be receiving partial breast irradiation (when dose is up to 5 fractions)?"],
  ["brain_metastasis", "question", "Presence or absence of brain metastasis: are brain metastases present?"],
  ["ecog_or_kps", "document", "ECOG or KPS results"],
  ["prognosis_months", "question", "Prognosis time period"],
  ["leptomeningeal_disease", "question", "Presence or absence of leptomeningeal disease: is leptomeningeal disease present?"],
  ["distal_to_anal_verge", "question", "What is the measurement, in centimeters, from the distal aspect of the rectal tumor to the anal verge?"],
];

const status = (k: K) => (k === true ? "required" : k === false ? "not_required" : "possibly_required");

// Bits of `missing`, in declaration order (the library's facts first).
const OBP = 1, MN = 2, CTT = 4, INTENT = 8, LR = 16, DFI = 32, DX = 64, MI = 128, DER = 256, REIRR = 512, CDET = 1024, ORG = 2048;

/** The unknown facts of general_criteria when it is unknown. */
function generalMissing(f: Facts): number {
  return (f.ordered_by_provider === undefined ? OBP : 0) | (f.medically_necessary === undefined ? MN : 0) | (f.conservative_treatments_tried === undefined ? CTT : 0);
}

function missingNames(bits: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < ORDER.length; i++) if (bits & (1 << i)) out.push(ORDER[i]!);
  return out;
}

function item(index: number, condition: K, provided: boolean) {
  const [id, kind, text] = REQUIREMENTS[index]!;
  return { id, kind, text, status: status(condition), provided };
}

/** Decide an IMRT case, or return its input errors. */
export function decideImrt(input: unknown): Decision | { errors: Problem[] } {
  const errors: Problem[] = [];
  if (!isObject(input)) return { errors: [{ path: "$", message: "a case is a JSON object" }] };
  let f: Facts | undefined;
  let procedures: string[] | undefined;
  let documents: string[] | undefined;
  for (const key in input) {
    const v = input[key];
    if (v === null || v === undefined) continue;
    if (key === "facts") {
      if (isObject(v)) f = readFacts(v, errors);
      else errors.push({ path: "facts", message: "expected an object" });
    } else if (key === "procedures") {
      if (!Array.isArray(v)) errors.push({ path: "procedures", message: "expected a list" });
      else {
        procedures = [];
        for (let i = 0; i < v.length; i++) {
          const p: unknown = v[i];
          if (typeof p === "string" && PROCEDURE.test(p)) procedures.push(p);
          else errors.push({ path: `procedures[${i}]`, message: "not a CPT or HCPCS code" });
        }
      }
    } else if (key === "documents") {
      if (!Array.isArray(v)) errors.push({ path: "documents", message: "expected a list" });
      else {
        documents = [];
        for (let i = 0; i < v.length; i++) {
          const d: unknown = v[i];
          if (typeof d === "string" && DOCUMENT_IDS.has(d)) documents.push(d);
          else errors.push({ path: `documents[${i}]`, message: "not a document of the policy" });
        }
      }
    } else if (key === "as_of") {
      if (typeof v !== "string" || !validDate(v)) errors.push({ path: "as_of", message: "expected a date" });
    } else errors.push({ path: key, message: "not a key of a case" });
  }
  if (errors.length > 0) return { errors };

  if (procedures !== undefined && procedures.length > 0) {
    let applies = false;
    for (const p of procedures) if (APPLIES.has(p)) applies = true;
    if (!applies) return { policy: "imrt", version: "2025-09-10", outcome: "not_applicable", rule: null, documentation: [] };
  }
  f ??= new Facts();

  const general = and(and(f.ordered_by_provider, f.medically_necessary), f.conservative_treatments_tried);
  const curative = f.intent === undefined ? undefined : f.intent === "curative";
  const longInterval = f.disease_free_interval === undefined ? undefined : f.disease_free_interval >= 2;
  const interval = or(not(f.local_recurrence), longInterval);
  const definitive = and(curative, interval);

  const dx = f.diagnoses;
  let indication = -1;
  let bone: K = undefined;
  let breast: K = undefined;
  let rectal: K = undefined;
  if (dx !== undefined) {
    bone = breast = rectal = false;
    for (const code of dx) {
      const i = indicationOf(code);
      if (i >= 0 && (indication < 0 || i < indication)) indication = i;
      if (isBone(code)) bone = true;
      if (isBreast(code)) breast = true;
      if (isRectal(code)) rectal = true;
    }
  }

  // Covered rules are all(general, definitive, diagnoses has any <site>): as a class they hold, fail or are unknown together.
  const sites: K = dx === undefined ? undefined : indication >= 0;
  const covered = and(and(general, definitive), sites);
  let outcome: string;
  let rule: string | null = null;
  let possible: string[] | undefined;
  let missing = 0;
  if (covered === true) {
    outcome = "covered";
    rule = COVERED_LABELS[indication]!;
  } else {
    possible = [];
    if (covered === undefined) {
      possible.push("covered");
      if (general === undefined) missing |= generalMissing(f);
      if (definitive === undefined) {
        if (curative === undefined) missing |= INTENT;
        if (interval === undefined) missing |= (f.local_recurrence === undefined ? LR : 0) | (longInterval === undefined ? DFI : 0);
      }
      if (sites === undefined) missing |= DX;
    }
    const organs: K = f.organs_spared === undefined ? undefined : f.organs_spared.length > 0;
    const r1 = and(general, and(f.medically_inoperable, f.dose_escalation_required));
    const r2 = and(general, and(f.reirradiation, f.cumulative_dose_exceeds_tolerance));
    const r3 = and(general, bone);
    const r4 = and(general, organs);
    const first = r1 === true ? 0 : r2 === true ? 1 : r3 === true ? 2 : r4 === true ? 3 : -1;
    if (first >= 0) {
      possible.push("review");
      rule = REVIEW_LABELS[first]!;
    } else {
      if (r1 === undefined || r2 === undefined || r3 === undefined || r4 === undefined) {
        possible.push("review");
        if (general === undefined) missing |= generalMissing(f);
        if (r1 === undefined) missing |= (f.medically_inoperable === undefined ? MI : 0) | (f.dose_escalation_required === undefined ? DER : 0);
        if (r2 === undefined) missing |= (f.reirradiation === undefined ? REIRR : 0) | (f.cumulative_dose_exceeds_tolerance === undefined ? CDET : 0);
        if (r3 === undefined && bone === undefined) missing |= DX;
        if (r4 === undefined && organs === undefined) missing |= ORG;
      }
      possible.push("not_covered");
      rule = "otherwise";
    }
    outcome = possible.length === 1 ? possible[0]! : "incomplete";
    if (outcome === "incomplete") rule = null;
  }

  const has = (id: string) => documents !== undefined && documents.includes(id);
  const documentation = [
    item(0, true, has("target_volume")),
    item(1, f.reirradiation, has("prior_rt_history")),
    item(2, true, has("special_need")),
    item(3, f.dose_constraint_failure, has("dose_constraint_citation")),
    item(4, f.standard_fractionation, has("dose_prescription_dvh")),
    item(5, f.rtog_constraint_cited, has("rtog_protocol_number")),
    item(6, f.adjacent_area_irradiated, has("abutting_portals")),
    item(7, breast, has("dibh_comparison")),
    item(8, breast, f.left_imn_treated !== undefined),
    item(9, breast, f.partial_breast !== undefined),
    item(10, f.whole_brain, f.brain_metastasis !== undefined),
    item(11, f.whole_brain, has("ecog_or_kps")),
    item(12, f.whole_brain, f.prognosis_months !== undefined),
    item(13, f.whole_brain, f.leptomeningeal_disease !== undefined),
    item(14, rectal, f.distal_to_anal_verge !== undefined),
  ];
  if (outcome === "incomplete") {
    return { policy: "imrt", version: "2025-09-10", outcome, rule, possible, missing: missingNames(missing), documentation };
  }
  return { policy: "imrt", version: "2025-09-10", outcome, rule, documentation };
}
