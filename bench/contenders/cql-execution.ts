/**
 * The IMRT policy as a CQL library in ELM, its JSON form, run by
 * cql-execution (npm). ELM is written here by hand, with small helpers for
 * its node shapes; IMRT_ELM is the whole library. CQL is three-valued like
 * Pol (null is unknown, `and`/`or` are Kleene), so the rules read as the
 * policy does: one define per covered indication (I-XIV), one per review
 * condition, each class an `or` of its rules, and an Outcome that takes the
 * classes in precedence order (`is true` / `is false` tell a decided class from
 * an unknown one). Two places need care: `exists` of a null list is false in
 * CQL, so "has any" is null when the list is; and the disease-free interval
 * is a number in years or a { value, unit } quantity, converted to years.
 *
 * Each case is a patient of a small data source; a run executes the library
 * over a list of cases, as cql-execution is used for a population.
 */
import { Executor, Library, type PatientObject, type RecordObject } from "cql-execution";
import type { ImrtCase } from "../lib/imrt-cases.js";
import { APPLIES_TO, BONE_TUMORS, COVERED, type CodeEntry } from "./imrt-codes.js";

type Elm = Record<string, unknown>;
const SYSTEM = "{urn:hl7-org:elm-types:r1}";
const MODEL = "https://github.com/cqframework/cql-execution/simple";

const str = (value: string): Elm => ({ type: "Literal", valueType: `${SYSTEM}String`, value });
const num = (value: number): Elm => ({ type: "Literal", valueType: `${SYSTEM}Decimal`, value: String(value) });
const bool = (value: boolean): Elm => ({ type: "Literal", valueType: `${SYSTEM}Boolean`, value: String(value) });
const nul = (): Elm => ({ type: "Null" });
const ref = (name: string): Elm => ({ type: "ExpressionRef", name });
const prop = (path: string, source: Elm = ref("Patient")): Elm => ({ type: "Property", path, source });
const op = (type: string, ...operand: Elm[]): Elm => ({ type, operand });
/** Unary operators take one operand, not a list. */
const un = (type: string, operand: Elm): Elm => ({ type, operand });
const and = (...xs: Elm[]): Elm => xs.reduce((a, b) => op("And", a, b));
const or = (...xs: Elm[]): Elm => xs.reduce((a, b) => op("Or", a, b));
const iff = (condition: Elm, then: Elm, els: Elm): Elm => ({ type: "If", condition, then, else: els });
const isNull = (x: Elm): Elm => ({ type: "IsNull", operand: x });
const substring = (s: Elm, start: number, length: number): Elm => ({ type: "Substring", stringToSub: s, startIndex: num(start), length: num(length) });

/** `exists (List D where <test of D>)`, null when the list is null. */
function hasAny(list: Elm, test: (d: Elm) => Elm): Elm {
  const query: Elm = { type: "Query", source: [{ alias: "D", expression: list }], relationship: [], where: test({ type: "AliasRef", name: "D" }) };
  return iff(isNull(list), nul(), { type: "Exists", operand: query });
}

/** A dotted code under one of the entries: a category in a range, or a prefix. */
function under(d: Elm, entries: readonly CodeEntry[]): Elm {
  return or(
    ...entries.map((e) =>
      typeof e === "string"
        ? op("StartsWith", d, str(e))
        : and(op("GreaterOrEqual", substring(d, 0, 3), str(e[0])), op("LessOrEqual", substring(d, 0, 3), str(e[1]))),
    ),
  );
}

const interval = prop("disease_free_interval");
const unit = prop("unit", interval);
const intervalYears: Elm = {
  type: "Case",
  caseItem: [
    { when: op("Equal", unit, str("months")), then: op("Divide", prop("value", interval), num(12)) },
    { when: op("Equal", unit, str("days")), then: op("Divide", prop("value", interval), num(365.25)) },
    { when: op("Equal", unit, str("years")), then: prop("value", interval) },
  ],
  else: interval,
};

const defines: [string, Elm][] = [
  ["Patient", { type: "SingletonFrom", operand: { type: "Retrieve", dataType: `{${MODEL}}Patient` } }],
  ["GeneralCriteria", and(prop("ordered_by_provider"), prop("medically_necessary"), prop("conservative_treatments_tried"))],
  [
    "DefinitiveTherapy",
    and(op("Equal", prop("intent"), str("curative")), or(un("Not", prop("local_recurrence")), op("GreaterOrEqual", intervalYears, num(2)))),
  ],
  ...COVERED.map((r, i): [string, Elm] => [`Covered${i + 1}`, and(ref("GeneralCriteria"), ref("DefinitiveTherapy"), hasAny(prop("diagnoses"), (d) => under(d, r.codes)))]),
  ["Review1", and(ref("GeneralCriteria"), prop("medically_inoperable"), prop("dose_escalation_required"))],
  ["Review2", and(ref("GeneralCriteria"), prop("reirradiation"), prop("cumulative_dose_exceeds_tolerance"))],
  ["Review3", and(ref("GeneralCriteria"), hasAny(prop("diagnoses"), (d) => under(d, BONE_TUMORS)))],
  ["Review4", and(ref("GeneralCriteria"), iff(isNull(prop("organs_spared")), nul(), op("Greater", { type: "Count", source: prop("organs_spared") }, num(0))))],
  ["Covered", or(...COVERED.map((_, i) => ref(`Covered${i + 1}`)))],
  ["Review", or(ref("Review1"), ref("Review2"), ref("Review3"), ref("Review4"))],
  [
    "NotApplicable",
    iff(
      isNull(prop("procedures")),
      bool(false),
      and(op("Greater", { type: "Count", source: prop("procedures") }, num(0)), un("Not", { type: "Exists", operand: { type: "Query", source: [{ alias: "P", expression: prop("procedures") }], relationship: [], where: op("In", { type: "AliasRef", name: "P" }, { type: "List", element: APPLIES_TO.map(str) }) } })),
    ),
  ],
  [
    "Outcome",
    {
      type: "Case",
      caseItem: [
        { when: un("IsTrue", ref("NotApplicable")), then: str("not_applicable") },
        { when: un("IsTrue", ref("Covered")), then: str("covered") },
        { when: and(un("IsFalse", ref("Covered")), un("IsTrue", ref("Review"))), then: str("review") },
        { when: and(un("IsFalse", ref("Covered")), un("IsFalse", ref("Review"))), then: str("not_covered") },
      ],
      else: str("incomplete"),
    },
  ],
];

/** The library as ELM JSON. */
export const IMRT_ELM = {
  library: {
    identifier: { id: "IMRT", version: "2025.09.10" },
    schemaIdentifier: { id: "urn:hl7-org:elm", version: "r1" },
    usings: { def: [{ localIdentifier: "System", uri: "urn:hl7-org:elm-types:r1" }, { localIdentifier: "Simple", uri: MODEL, version: "1.0.0" }] },
    statements: { def: defines.map(([name, expression]) => ({ name, context: "Patient", accessLevel: "Public", expression })) },
  },
};

/** One case as a patient of the data model: its facts (and procedures) are the patient's properties. */
class CasePatient implements PatientObject {
  constructor(
    private readonly id: string,
    private readonly c: ImrtCase,
  ) {}
  get(field: string): unknown {
    return (field === "procedures" ? this.c.procedures : this.c.facts[field]) ?? null;
  }
  getId(): string {
    return this.id;
  }
  getCode(): undefined {
    return undefined;
  }
  getDate(): null {
    return null;
  }
  getDateOrInterval(): null {
    return null;
  }
  findRecords(profile: string | null): RecordObject[] {
    return profile === `{${MODEL}}Patient` ? [this] : [];
  }
}

class CaseSource {
  private i = 0;
  constructor(private readonly patients: CasePatient[]) {}
  currentPatient(): CasePatient | undefined {
    return this.patients[this.i];
  }
  nextPatient(): CasePatient | undefined {
    return this.patients[++this.i];
  }
}

const EXECUTOR = new Executor(new Library(IMRT_ELM));

/** The outcomes of a list of cases, in order, from one run of the library. */
export async function cqlOutcomes(cases: readonly ImrtCase[]): Promise<string[]> {
  const patients = cases.map((c, i) => new CasePatient(String(i), c));
  const results = await EXECUTOR.exec(new CaseSource(patients));
  return patients.map((p) => results.patientResults[p.getId()]!.Outcome as string);
}
