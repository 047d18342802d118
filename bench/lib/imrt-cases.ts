/**
 * A deterministic generator of IMRT cases (LANGUAGE.md §9) with a realistic
 * mix: every indication of the policy, the case-by-case conditions, facts
 * left out or given as null, recurrences with their interval in years, months
 * or days (boundaries included), procedures outside the policy, and the
 * documentation facts. Every generated case is valid: the engines compared
 * here do not validate, so input errors are measured by the batch part only.
 *
 * ICD-10 codes are always written with their dot after the category
 * (`C50.912`), as claims carry them; the contenders match that form.
 */
import { Prng } from "./prng.js";

/** A case as JSON: what every contender is given. */
export interface ImrtCase {
  facts: Record<string, unknown>;
  procedures?: string[] | null;
  documents?: string[];
  as_of?: string;
}

/** Realistic codes per indication of policies/imrt.pol (covered I-XIV, review III, and sites the policy does not list). */
export const DIAGNOSES: Record<string, readonly string[]> = {
  cns: ["C71.1", "C71.9", "C70.0", "C72.0", "D32.0", "D33.3", "D42.0", "D43.2", "C75.1", "D35.2", "D44.4", "D49.6"],
  head_and_neck: ["C01", "C02.1", "C07", "C08.0", "C09.9", "C10.9", "C11.9", "C13.9", "C30.0", "C31.0", "C32.0", "C73", "C76.0", "D00.0", "D02.0"],
  breast: ["C50.912", "C50.411", "C50.011", "C50.919", "D05.10", "D05.91"],
  thoracic: ["C34.11", "C34.90", "C33", "C37", "C38.1", "C39.0", "C45.0", "C45.2", "D15.0", "D38.4"],
  hepatobiliary: ["C22.0", "C22.1", "C23", "C24.0", "C24.1"],
  esophageal_gej: ["C15.5", "C15.9", "C16.0"],
  abdominal: ["C16.9", "C17.0", "C25.0", "C25.9", "C26.0", "C74.00"],
  liver: ["C22.2", "C22.7", "C78.7"],
  anal_colorectal: ["C18.7", "C19", "C20", "C21.0"],
  retroperitoneal: ["C48.0"],
  desmoid: ["D48.110", "D48.112", "D48.119"],
  extremity: ["C49.10", "C49.20", "C47.10", "C47.20"],
  cervical: ["C53.0", "C53.9"],
  vulvar_vaginal: ["C51.9", "C52"],
  endometrial: ["C54.1", "C54.0", "C54.9"],
  prostate: ["C61"],
  renal: ["C64.1", "C64.9", "C65.2"],
  bladder: ["C67.9", "C67.2"],
  ureteral: ["C66.1"],
  bone: ["C40.22", "C41.2", "D16.10", "D48.0"],
  not_listed: ["C79.31", "C81.12", "C44.42", "C90.00", "C56.9", "C43.9", "C45.1", "D48.1", "C55", "C54.2", "C7A.00", "C4A.9"],
};

const LISTED = Object.keys(DIAGNOSES).filter((k) => k !== "bone" && k !== "not_listed");
const SECONDARY = ["Z17.0", "Z92.3", "Z85.3", "Z79.811", "E11.9", "I10"];
const IMRT_PROCEDURES = ["77014", "77293", "77300", "77301", "77332", "77333", "77334", "77338", "77385", "77386", "77387", "G6001", "G6002", "G6015", "G6016", "G6017"];
const OTHER_PROCEDURES = ["99213", "70450", "77427", "77412", "G0463"];
const ORGANS = ["heart", "lungs", "kidneys", "liver", "spinal_cord", "esophagus", "bone_marrow", "breasts", "stomach", "muscle_soft_tissue", "salivary_glands", "other"];
const DOCUMENTS = ["target_volume", "prior_rt_history", "special_need", "dose_constraint_citation", "dose_prescription_dvh", "rtog_protocol_number", "abutting_portals", "dibh_comparison", "ecog_or_kps"];
const DOC_FACTS = ["dose_constraint_failure", "rtog_constraint_cited", "standard_fractionation", "adjacent_area_irradiated", "whole_brain"];

/** The seed of every benchmark's cases. */
export const CASES_SEED = 20251001;

/** The generated cases, the same for the same seed. */
export function generateCases(count: number, seed = CASES_SEED): ImrtCase[] {
  return [...caseStream(count, seed)];
}

/** The same cases one at a time, for files too large to hold as objects. */
export function* caseStream(count: number, seed = CASES_SEED): Generator<ImrtCase> {
  const r = new Prng(seed);
  for (let i = 0; i < count; i++) yield generateCase(r);
}

function generateCase(r: Prng): ImrtCase {
  const facts: Record<string, unknown> = {};
  // An unknown fact is usually left out, sometimes given as null (§9: the same).
  const put = (name: string, value: unknown, pUnknown: number) => {
    if (r.chance(pUnknown)) {
      if (r.chance(0.25)) facts[name] = null;
    } else facts[name] = value;
  };
  const bool = (pTrue: number) => r.chance(pTrue);

  for (const name of ["ordered_by_provider", "medically_necessary", "conservative_treatments_tried"]) put(name, bool(0.97), 0.04);
  put("intent", r.chance(0.8) ? "curative" : "palliative", 0.04);
  const recurrence = bool(0.25);
  put("local_recurrence", recurrence, 0.04);
  if (r.chance(recurrence ? 0.85 : 0.1)) facts.disease_free_interval = interval(r);

  const indication = r.weighted<string>([["listed", 75], ["bone", 7], ["not_listed", 18]]);
  const group = indication === "listed" ? r.pick(LISTED) : indication;
  const diagnoses = r.chance(0.04) ? undefined : r.chance(0.01) ? [] : diagnosisList(r, group);
  if (diagnoses !== undefined) facts.diagnoses = diagnoses;
  else if (r.chance(0.25)) facts.diagnoses = null;

  const inoperable = bool(0.12);
  put("medically_inoperable", inoperable, 0.08);
  if (inoperable || r.chance(0.1)) put("dose_escalation_required", bool(0.6), 0.1);
  const reirradiation = bool(0.12);
  put("reirradiation", reirradiation, 0.08);
  if (reirradiation || r.chance(0.1)) put("cumulative_dose_exceeds_tolerance", bool(0.5), 0.1);
  if (!r.chance(0.15)) facts.organs_spared = r.chance(0.45) ? [] : r.some(ORGANS, 3);

  for (const name of DOC_FACTS) if (r.chance(0.5)) facts[name] = bool(0.3);
  if (group === "breast") {
    if (r.chance(0.7)) facts.left_imn_treated = bool(0.5);
    if (r.chance(0.7)) facts.partial_breast = bool(0.2);
  }
  if (facts.whole_brain === true && r.chance(0.8)) {
    facts.brain_metastasis = bool(0.8);
    facts.prognosis_months = r.chance(0.7) ? 3 + r.int(24) : { value: 1 + r.int(3), unit: "years" };
    facts.leptomeningeal_disease = bool(0.1);
  }
  if (diagnoses?.includes("C20") && r.chance(0.8)) facts.distal_to_anal_verge = r.chance(0.8) ? 2 + r.int(14) : { value: 20 + r.int(100), unit: "mm" };

  const c: ImrtCase = { facts };
  const p = r.next();
  if (p < 0.8) c.procedures = r.some(IMRT_PROCEDURES, 4).concat(r.chance(0.1) ? [r.pick(OTHER_PROCEDURES)] : []);
  else if (p < 0.86) c.procedures = r.some(OTHER_PROCEDURES, 2);
  else if (p < 0.9) c.procedures = r.chance(0.5) ? [] : null;
  if (r.chance(0.8)) c.documents = r.some(DOCUMENTS, 4);
  if (r.chance(0.1)) c.as_of = `2025-${String(1 + r.int(12)).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")}`;
  return c;
}

/** A disease-free interval: years as a plain number, or months or days as a quantity; the 2-year boundary included. */
function interval(r: Prng): unknown {
  const form = r.next();
  if (form < 0.6) return r.chance(0.1) ? 2 : r.int(25) / 4;
  if (form < 0.9) return { value: r.chance(0.1) ? 24 : 3 + r.int(58), unit: "months" };
  return { value: r.chance(0.2) ? r.pick([730, 731]) : 100 + r.int(1400), unit: "days" };
}

function diagnosisList(r: Prng, group: string): string[] {
  const list = [r.pick(DIAGNOSES[group]!)];
  if (r.chance(0.1)) list.push(r.pick(DIAGNOSES[r.pick(Object.keys(DIAGNOSES))]!));
  if (r.chance(0.5)) list.push(...r.some(SECONDARY, 2));
  return list;
}
