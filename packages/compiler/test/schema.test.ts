/** The case JSON Schema: code patterns equal codes.ts, unit spellings resolve, the shape of §9. */
import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isValidCode, lookupUnit, procedureSystem } from "@pol/dsl";
import { caseJsonSchema, CODE_PATTERNS, unitSpellings } from "../src/schema.js";
import { CONFORMANCE, modelOf } from "./helpers/policies.js";

describe("case JSON Schema", () => {
  it("code patterns accept exactly what the evaluator accepts", () => {
    const code = fc.array(fc.constantFrom("A", "C", "Z", "F", "T", "U", "0", "5", "9", ".", "a", "-"), { maxLength: 9 }).map((a) => a.join(""));
    fc.assert(
      fc.property(code, (c) => {
        for (const system of ["ICD10", "CPT", "HCPCS"] as const) {
          if (new RegExp(CODE_PATTERNS[system]).test(c) !== isValidCode(system, c)) return false;
        }
        return true;
      }),
      { numRuns: 5000 },
    );
  });

  it("procedure pattern is CPT or HCPCS", () => {
    const schema = caseJsonSchema(modelOf(join(CONFORMANCE, "codes.pol"))) as any;
    const pattern = new RegExp(schema.properties.procedures.anyOf[0].items.pattern);
    for (const c of ["77385", "0001F", "G6015", "C61", "7738", "g6015"]) expect(pattern.test(c)).toBe(procedureSystem(c) !== undefined);
  });

  it("every unit spelling resolves to its dimension", () => {
    for (const d of ["time", "dose", "length", "percent"]) {
      const spellings = unitSpellings(d);
      expect(spellings.length).toBeGreaterThan(0);
      for (const s of spellings) expect(lookupUnit(s)?.dimension).toBe(d);
    }
    expect(unitSpellings("time")).toEqual(expect.arrayContaining(["months", "month", "years", "year", "days", "weeks"]));
    expect(unitSpellings("percent")).toEqual(["percent", "%"]);
  });

  it("has the §9 shape, facts with labels, quantities by dimension", () => {
    const schema = caseJsonSchema(modelOf(join(CONFORMANCE, "units.pol"))) as any;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(["facts", "procedures", "documents", "as_of"]);
    const facts = schema.properties.facts.anyOf[0];
    expect(facts.additionalProperties).toBe(false);
    expect(facts.properties.interval).toEqual({
      description: "Disease-free interval",
      anyOf: [{ anyOf: [{ type: "number", description: "in years" }, { $ref: "#/$defs/time" }] }, { type: "null" }],
    });
    expect(facts.properties.surgery.anyOf[0]).toMatchObject({ type: "string", format: "date" });
    expect(Object.keys(schema.$defs)).toEqual(["dose", "time"]);
    expect(schema.$defs.time.properties.unit.enum).toContain("months");
  });
});
