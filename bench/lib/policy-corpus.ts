/**
 * A large valid Pol policy for the front-end benchmark: a library and one
 * policy importing it, made of repeated blocks (an enum, facts, a codeset, a
 * define, rules, requirements and a test per block) until the policy has the
 * lines asked for. Names carry the block number, so the checker resolves
 * thousands of distinct declarations, as in a policy set merged for review.
 */
import { Prng } from "./prng.js";

export const CORPUS_LIBRARY = `// General criteria shared by every policy.
library general "General coverage indications" {
  fact ordered_by_provider: bool "Ordered by a provider"
  fact medically_necessary: bool "Medically necessary"

  /// Both general criteria hold.
  define general_criteria "General coverage indications" = all(
    ordered_by_provider,
    medically_necessary,
  )
}
`;

const SITES = ["C50", "C61", "C34.1", "C71", "D05", "C20", "C18.7", "C53.9", "C64.1", "C67"];

function block(k: number, r: Prng): string {
  const site = r.pick(SITES);
  const range = `C${String(r.int(80)).padStart(2, "0")}-C${String(80 + r.int(19)).padStart(2, "0")}`;
  const years = 1 + r.int(4);
  return `
  // ---------------------------------------------------------------------------
  // Block ${k}
  // ---------------------------------------------------------------------------

  enum Stage_${k} "Stage (block ${k})" {
    early "Early stage"
    late  "Late stage"
    other "Another stage"
  }

  fact stage_${k}: Stage_${k} "Stage of the disease in block ${k}"
  fact recurrence_${k}: bool "Local recurrence (block ${k})"
  fact interval_${k}: number years "Disease-free interval (block ${k})"
  fact dose_${k}: number Gy "Prescribed dose (block ${k})"
  fact diagnoses_${k}: set of ICD10 "Diagnosis codes (block ${k})"

  /// Sites of block ${k}: a range and single codes.
  codeset sites_${k} "Listed sites of block ${k}" {
    ICD10 ${range}
    ICD10 ${site}, D0${r.int(10)}.${r.int(10)}
  }

  /// Definitive therapy in block ${k}: early stage, and a recurrence only
  /// after a long disease-free interval.
  define eligible_${k} "Eligible (block ${k})" = all(
    general_criteria,
    stage_${k} is early,
    not recurrence_${k} or interval_${k} >= ${years} years,
    diagnoses_${k} has any sites_${k},
  )

  covered "Block ${k}: definitive therapy" if eligible_${k} and dose_${k} <= ${40 + r.int(40)} Gy

  review "Block ${k}: late stage" if all(
    general_criteria,
    stage_${k} in { late, other },
    at least 1 of (recurrence_${k}, dose_${k} > 70 Gy),
  )

  require plan_${k} "Treatment plan for block ${k}" when eligible_${k}
  ask prior_dose_${k}: number Gy "Prior dose to the site (block ${k})" when recurrence_${k}

  test "Block ${k}: early stage is covered" {
    given {
      ordered_by_provider: true
      medically_necessary: true
      stage_${k}: early
      recurrence_${k}: false
      dose_${k}: 30 Gy
      diagnoses_${k}: [ICD10 ${site}]
    }
    expect covered
  }
`;
}

/** The policy's text, about `lines` lines long, importing `general.pol`. */
export function corpusPolicy(lines: number, seed = 7): string {
  const r = new Prng(seed);
  const head = `import "general.pol"

policy corpus "Benchmark corpus" {
  id        "BENCH/1"
  effective 2025-10-01
  approved  2025-09-10 by "Benchmark"
`;
  const parts = [head];
  let count = head.split("\n").length;
  for (let k = 1; count < lines - 2; k++) {
    const b = block(k, r);
    parts.push(b);
    count += b.split("\n").length - 1;
  }
  parts.push("  otherwise not covered\n}\n");
  return parts.join("");
}
