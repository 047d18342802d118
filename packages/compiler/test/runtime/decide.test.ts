import { describe, expect, it } from "vitest";
import { ruleClasses, walkRules, type RuleHead } from "../../src/runtime/decide.js";
import { documentationItem, requirementStatus } from "../../src/runtime/documentation.js";
import type { Kleene } from "../../src/runtime/kleene.js";
import { collectMissing, explained, type Explained } from "../../src/runtime/trace.js";

const rules: RuleHead[] = [
  { outcome: "covered", label: "c1" },
  { outcome: "review", label: "r1" },
  { outcome: "not_covered", label: "x1" },
  { outcome: "covered", label: "c2" },
];
const walk = (values: Kleene[], otherwise: "covered" | "review" | "not_covered" = "not_covered") =>
  walkRules(rules, ruleClasses(rules), (i) => values[i], otherwise);

describe("the decision walk (LANGUAGE.md §5)", () => {
  it("exclusions decide first, whatever the file order", () => {
    expect(walk([true, true, true, true])).toMatchObject({ outcome: "not_covered", rule: "x1" });
  });
  it("the first true rule of the deciding class in file order names the decision", () => {
    expect(walk([false, true, false, true])).toMatchObject({ outcome: "covered", rule: "c2" });
    expect(walk([true, true, false, true])).toMatchObject({ outcome: "covered", rule: "c1", walked: [2, 0] });
  });
  it("no true rule: otherwise", () => {
    expect(walk([false, false, false, false])).toMatchObject({ outcome: "not_covered", rule: "otherwise" });
    expect(walk([false, false, false, false], "review")).toMatchObject({ outcome: "review", rule: "otherwise" });
  });
  it("an unknown exclusion whose outcome is also otherwise's is decided", () => {
    expect(walk([false, false, undefined, false])).toMatchObject({ outcome: "not_covered", rule: "otherwise", possible: ["not_covered"] });
  });
  it("incomplete: possible in precedence order, undecided rules", () => {
    expect(walk([undefined, true, false, false])).toMatchObject({ outcome: "incomplete", rule: null, possible: ["covered", "review"], undecided: [0] });
    expect(walk([true, false, undefined, false])).toMatchObject({ outcome: "incomplete", possible: ["not_covered", "covered"], undecided: [2] });
    expect(walk([undefined, undefined, undefined, undefined])).toMatchObject({
      outcome: "incomplete",
      possible: ["not_covered", "covered", "review"],
      undecided: [2, 0, 3, 1],
    });
  });
  it("a true rule makes the rest of its class and later classes irrelevant", () => {
    const w = walk([undefined, undefined, false, true]);
    expect(w).toMatchObject({ outcome: "covered", rule: "c2", undecided: [] });
    expect(w.walked).toEqual([2, 0, 3]);
  });
});

describe("documentation (LANGUAGE.md §6)", () => {
  it("statuses", () => {
    expect(requirementStatus(true)).toBe("required");
    expect(requirementStatus(false)).toBe("not_required");
    expect(requirementStatus(undefined)).toBe("possibly_required");
  });
  it("a document is provided when listed, a question when answered", () => {
    const values = Object.assign(Object.create(null), { q: false, r: undefined });
    expect(documentationItem({ id: "d", kind: "document", text: "D" }, true, new Set(["d"]), values).provided).toBe(true);
    expect(documentationItem({ id: "d", kind: "document", text: "D" }, true, new Set(), values).provided).toBe(false);
    expect(documentationItem({ id: "q", kind: "question", text: "Q" }, undefined, new Set(), values)).toEqual({
      id: "q", kind: "question", text: "Q", status: "possibly_required", provided: true,
    });
    expect(documentationItem({ id: "r", kind: "question", text: "R" }, false, new Set(), values).provided).toBe(false);
  });
});

describe("missing (LANGUAGE.md §5)", () => {
  const span = { file: "p.pol", line: 1, column: 1, endLine: 1, endColumn: 2 };
  const fact = (name: string, value: unknown) => explained("fact", name, span, "bool", value, [], name);
  const cond = (value: Kleene, children: Explained[]) => explained("condition", "c", span, "bool", value, children);
  it("collects the unknown facts under unknown nodes only, in declaration order", () => {
    const a = fact("a", undefined);
    const b = fact("b", undefined);
    const c = fact("c", true);
    const decided = cond(false, [fact("d", undefined), fact("e", false)]); // all(unknown d, false e) needs nothing
    const root = cond(undefined, [b, c, a, decided]);
    expect(collectMissing([root], new Map([["a", 0], ["b", 1], ["d", 2]]))).toEqual(["a", "b"]);
  });
});
