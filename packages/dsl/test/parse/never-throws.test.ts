/**
 * Law: parsing never throws, whatever the text — arbitrary strings, and
 * mutations of real policies (tokens deleted, duplicated, swapped), which look
 * like the half-typed text an editor sends on every keystroke.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { parse } from "../../src/index.js";
import { repositoryPolicies } from "../helpers/repo.js";
import { mutatedPolicy } from "../helpers/mutations.js";

const sources = repositoryPolicies().map((p) => readFileSync(p, "utf8"));

describe("parse never throws", () => {
  it("has policies to mutate", () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
  });

  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 400 }), (text) => {
        const r = parse(text);
        expect(r.file.kind).toBe("file");
      }),
      { numRuns: 500 },
    );
  });

  it("on text made of Pol's own words and symbols", () => {
    const words = ["policy", "p", "{", "}", "(", ")", "fact", "a", ":", "bool", "if", "covered", "not", "and", "or", "ICD10", "C50", ",", "\"x\"", "2", "years", "when", "require", "test", "given", "expect", "\n", "///", "is", "in", "has", "any", "at", "least", "of", "2025-01-01", "[", "]", "=", "define"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 120 }), (parts) => {
        expect(parse(parts.join(" ")).file.kind).toBe("file");
      }),
      { numRuns: 500 },
    );
  });

  it("on random mutations of the repository's policies", () => {
    fc.assert(
      fc.property(mutatedPolicy(sources), (text) => {
        expect(parse(text).file.kind).toBe("file");
      }),
      { numRuns: 300 },
    );
  });
});
