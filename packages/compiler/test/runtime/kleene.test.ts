import { describe, expect, it } from "vitest";
import { and, atLeast, isKnown, none, not, or, type Kleene } from "../../src/runtime/kleene.js";

const T = true;
const F = false;
const U = undefined;
const show = (v: Kleene) => (v === undefined ? "unknown" : String(v));

describe("Kleene logic (LANGUAGE.md §4)", () => {
  // Full truth tables: rows are a, columns b, over (true, false, unknown).
  const values: Kleene[] = [T, F, U];
  const AND: Kleene[][] = [
    [T, F, U],
    [F, F, F],
    [U, F, U],
  ];
  const OR: Kleene[][] = [
    [T, T, T],
    [T, F, U],
    [T, U, U],
  ];
  for (const [i, a] of values.entries()) {
    for (const [j, b] of values.entries()) {
      it(`${show(a)} and ${show(b)} is ${show(AND[i][j])}`, () => expect(and(a, b)).toBe(AND[i][j]));
      it(`${show(a)} or ${show(b)} is ${show(OR[i][j])}`, () => expect(or(a, b)).toBe(OR[i][j]));
      it(`none(${show(a)}, ${show(b)}) is not any`, () => expect(none(a, b)).toBe(not(OR[i][j])));
    }
  }

  it("not", () => {
    expect(not(T)).toBe(F);
    expect(not(F)).toBe(T);
    expect(not(U)).toBe(U);
  });

  it("all/any of nothing are true/false", () => {
    expect(and()).toBe(true);
    expect(or()).toBe(false);
  });

  it("at least N of", () => {
    expect(atLeast(2, [T, U, U])).toBe(U);
    expect(atLeast(1, [T, U])).toBe(T);
    expect(atLeast(2, [T, T, U])).toBe(T);
    expect(atLeast(2, [F, F, U])).toBe(F);
    expect(atLeast(2, [T, F, U])).toBe(U);
    expect(atLeast(0, [U])).toBe(T);
    expect(atLeast(3, [T, T])).toBe(F);
  });

  it("is known looks at presence only", () => {
    expect(isKnown(undefined)).toBe(false);
    expect(isKnown(false)).toBe(true);
    expect(isKnown(0)).toBe(true);
  });
});
