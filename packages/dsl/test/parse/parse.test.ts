import { describe, expect, it } from "vitest";
import { parse, MAX_NESTING } from "../../src/index.js";

const errors = (text: string) =>
  parse(text).diagnostics.map((d) => ({ code: d.code, line: d.span.start.line, column: d.span.start.column, message: d.message }));

const policy = (body: string) => `policy p "P" {\n${body}\n}\n`;

describe("positions", () => {
  it("gives 1-based lines and columns and half-open offsets", () => {
    const { file } = parse('policy p {\n  fact intent: bool "Intent"\n}');
    const fact = file.unit!.members[0];
    expect(fact.span.start).toEqual({ offset: 13, line: 2, column: 3 });
    expect(fact.kind === "fact" && fact.name.span).toEqual({
      start: { offset: 18, line: 2, column: 8 },
      end: { offset: 24, line: 2, column: 14 },
    });
  });

  it("attaches doc comments to the declaration that follows, and only to it", () => {
    const { file } = parse(policy("/// First line.\n/// Second line.\nfact a: bool\n// plain\nfact b: bool\n/// Orphan.\n\n// gap\nfact c: bool"));
    const docs = file.unit!.members.map((m) => ("doc" in m ? m.doc : undefined));
    expect(docs).toEqual(["First line.\nSecond line.", undefined, undefined]);
    expect(file.comments.map((c) => c.style)).toEqual(["doc", "doc", "line", "doc", "line"]);
  });
});

describe("lexical rules (§1)", () => {
  it("reads codes only after a system word, and keeps names after a comma", () => {
    const { file, diagnostics } = parse(policy("define d = all(diagnoses has ICD10 C50, ECOG_done, x)"));
    expect(diagnostics).toEqual([]);
    const d = file.unit!.members[0];
    expect(d.kind === "define" && d.value.kind === "combinator" && d.value.args.map((a) => a.kind)).toEqual(["has", "name", "name"]);
  });

  it("reads an invalid code as a code, for the checker to report", () => {
    const { file, diagnostics } = parse(policy("codeset c { ICD10 61C }"));
    expect(diagnostics).toEqual([]);
    const c = file.unit!.members[0];
    expect(c.kind === "codeset" && c.entries[0].kind === "code-list" && c.entries[0].codes[0].code).toBe("61C");
  });

  it("reads units only after a number or `number`, so `of` is never a unit", () => {
    const { file } = parse(policy("fact f: number years\ndefine d = at least 2 of (a, b) and f > 2 years"));
    expect(parse(policy("define d = 2 kg/m2")).diagnostics).toEqual([]);
    const f = file.unit!.members[0];
    expect(f.kind === "fact" && f.type.element.kind === "primitive-type" && f.type.element.unit?.name).toBe("years");
  });

  it("lexes impossible dates as dates", () => {
    const d = parse(policy("effective 2025-02-30")).file.unit!.members[0];
    expect(d.kind === "meta-effective" && d.date.raw).toBe("2025-02-30");
  });

  it("decodes escapes and dedents text blocks", () => {
    const { file } = parse(policy('cite "a \\"b\\" \\\\ \\n \\u{e9}"\nsection "T" """\n    line one\n      indented\n    line three\n  """'));
    const [cite, section] = file.unit!.members;
    expect(cite.kind === "meta-cite" && cite.text.value).toBe('a "b" \\ \n é');
    expect(section.kind === "meta-section" && section.body.value).toBe("line one\n  indented\nline three");
  });

  it("reports lexical errors with their position", () => {
    expect(errors(policy('cite "open'))).toContainEqual(expect.objectContaining({ code: "unterminated-string", line: 2, column: 6 }));
    expect(errors(policy("fact a: bool $"))).toContainEqual(expect.objectContaining({ code: "unexpected-character", line: 2, column: 14 }));
    expect(errors(policy("/* never closed"))).toContainEqual(expect.objectContaining({ code: "unterminated-comment", line: 2, column: 1 }));
    expect(errors(policy('cite "bad \\q"'))).toContainEqual(expect.objectContaining({ code: "invalid-escape", line: 2, column: 6 }));
  });

  it("keeps metadata words usable as names", () => {
    const { diagnostics, file } = parse(policy("fact section: bool\nfact id: bool\ncovered if section and id"));
    expect(diagnostics).toEqual([]);
    expect(file.unit!.members.map((m) => m.kind)).toEqual(["fact", "fact", "rule"]);
  });
});

describe("syntax errors in the author's words", () => {
  it("says a condition is expected after `if`", () => {
    expect(errors(policy("covered if"))[0]).toMatchObject({ code: "syntax-error", line: 3, message: expect.stringContaining("expected a condition") });
    expect(errors(policy("covered if"))[0].message).toContain("after `if`");
  });

  it("says which metadata shape was expected", () => {
    expect(errors(policy('approved "yesterday"'))[0]).toMatchObject({ code: "syntax-error", line: 2, column: 1, message: expect.stringContaining("approved 2025-09-10") });
  });

  it("says what may follow `expect`", () => {
    expect(errors(policy('test "t" { expect sometimes }'))[0].message).toContain("after `expect`");
  });

  it("recovers: several errors in one file are all reported and the rest is still built", () => {
    const { diagnostics, file } = parse(policy("fact a: \nfact b: bool\ncovered if (a and\nfact c: bool\ndefine d = a or b\nreview if = b"));
    expect(diagnostics.length).toBeGreaterThanOrEqual(3);
    const names = file.unit!.members.flatMap((m) => ("name" in m && m.name.kind === "identifier" ? [m.name.name] : []));
    expect(names).toEqual(expect.arrayContaining(["b", "d"]));
  });

  it("`when E {` after a requirement opens a block; a set literal in the condition does not", () => {
    const { file, diagnostics } = parse(policy('require a "A" when side in { left, right }\nrequire b "B"\nwhen c {\n require d "D"\n}'));
    expect(diagnostics).toEqual([]);
    expect(file.unit!.members.map((m) => m.kind)).toEqual(["require", "require", "when"]);
    const a = file.unit!.members[0];
    expect(a.kind === "require" && a.when?.kind).toBe("in");
  });
});

describe("limits", () => {
  it("refuses nesting 5,000 levels deep with a clear error, without crashing", () => {
    const deep = policy(`define d = ${"(".repeat(5000)}a${")".repeat(5000)}`);
    const ds = errors(deep);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "nesting-too-deep", line: 2, column: 111 });
    const nots = parse(policy(`define d = ${"not ".repeat(5000)}a`)).diagnostics;
    expect(nots[0].code).toBe("nesting-too-deep");
  });

  it("parses nesting right up to the limit", () => {
    const depth = MAX_NESTING - 2; // the policy braces count too
    const { diagnostics } = parse(policy(`define d = ${"(".repeat(depth)}a${")".repeat(depth)}`));
    expect(diagnostics).toEqual([]);
  });

  it("parses a 3,000-line policy and a 3,000-operand chain", () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `fact f${i}: bool "Fact ${i}"`);
    const chain = Array.from({ length: 3000 }, (_, i) => `f${i}`).join(" and\n  ");
    const { diagnostics, file } = parse(policy(`${lines.join("\n")}\ncovered "all" if ${chain}`));
    expect(diagnostics).toEqual([]);
    expect(file.unit!.members).toHaveLength(3001);
  });
});
