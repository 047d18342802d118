/**
 * fast-check arbitraries for random Pol files that follow the grammar
 * (LANGUAGE.md §2–8), laid out at random (any gap between two tokens may be a
 * space, a line break or a blank line) and with random comments between
 * tokens. The formatter's laws are checked on them: the output parses to the
 * same tree, keeps every comment in order, and formats to itself.
 *
 * The text only has to parse: names need not resolve and types need not
 * agree. Where the grammar allows a rare text that the lexer reads otherwise
 * (a number right after `CODE,`), the property skips the case.
 */
import fc from "fast-check";

/** A token; `declaration` marks the first token of a declaration, where a `///` doc comment may go. */
export interface Tok {
  text: string;
  declaration?: boolean;
}

type Toks = Tok[];
const toks = (...texts: string[]): Toks => texts.map((text) => ({ text }));
const cat = (...parts: (Toks | string)[]): Toks => parts.flatMap((p) => (typeof p === "string" ? toks(p) : p));
const decl = (t: Toks): Toks => (t.length ? [{ ...t[0], declaration: true }, ...t.slice(1)] : t);
const joinWith = (sep: string, items: Toks[]): Toks => items.flatMap((it, i) => (i ? cat(sep, it) : it));

// ─── leaves ───

const nameText = fc.constantFrom("a", "b", "c", "x", "y", "intent", "dose", "organs", "diagnoses", "listed", "side", "id", "cite");
const name = nameText.map((n) => toks(n));
const unitText = fc.constantFrom("years", "year", "months", "days", "weeks", "hours", "minutes", "cm", "mm", "Gy", "cGy", "%", "percent", "kg", "kg/m2", "mmHg", "degrees", "fractions");
const numberText = fc
  .tuple(fc.integer({ min: 0, max: 500 }), fc.option(fc.constantFrom("5", "25", "50", "912"), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? `${i}` : `${i}.${f}`));
const number = fc.tuple(numberText, fc.option(unitText, { nil: undefined })).map(([n, u]) => (u ? toks(n, u) : toks(n)));
const count = fc.integer({ min: 1, max: 4 }).map((n) => toks(String(n)));
const date = fc.constantFrom("2025-10-01", "2024-02-29", "2025-02-30").map((d) => toks(d));
const string = fc.constantFrom('"text"', '"with \\"quotes\\""', '"emoji \\u{1F600}"', '"two\\nlines"', '""', '"Intensity modulated radiation treatment delivery (IMRT), includes guidance and tracking, when performed"').map((s) => toks(s));
const textBlock = fc.constantFrom('"""\n    One line.\n\n    Two: ≥ 2 years.\n    """', '"""inline"""', '"""\n  indented\n      more\n"""').map((s) => toks(s));
const bool = fc.constantFrom("true", "false").map((b) => toks(b));

const systemCodes = {
  ICD10: ["C50", "C61", "C71.9", "D32", "C4A", "C50.912", "C70-C72", "D32-D33"],
  CPT: ["77385", "77386", "0394T"],
  HCPCS: ["G6015", "G6016"],
} as const;
type System = keyof typeof systemCodes;
const system = fc.constantFrom<System>("ICD10", "CPT", "HCPCS");
const codeOf = (s: System): fc.Arbitrary<string> => fc.constantFrom(...systemCodes[s]);
const code = system.chain((s) => codeOf(s).map((c) => toks(s, c)));

/** Codes of one system after one system word: `ICD10 C50, C61`; with `repeat`, the word before each. */
const codeRun = (min: number, max: number): fc.Arbitrary<Toks> =>
  fc.tuple(system, fc.boolean()).chain(([s, repeat]) =>
    fc.array(codeOf(s), { minLength: min, maxLength: max }).map((cs) => joinWith(",", cs.map((c, i) => (i === 0 || repeat ? toks(s, c) : toks(c))))),
  );

// ─── expressions (§4) ───

const trailingComma = fc.boolean().map((b) => (b ? toks(",") : []));
const list = (item: fc.Arbitrary<Toks>, min: number, max: number): fc.Arbitrary<Toks> =>
  fc.tuple(fc.array(item, { minLength: min, maxLength: max, depthIdentifier: "expr" }), trailingComma).map(([items, comma]) => cat(joinWith(",", items), items.length ? comma : []));

const setLiteral = fc.oneof(list(name, 0, 4), codeRun(1, 4)).map((inner) => cat("{", inner, "}"));

type ExprLevel = "expr" | "and" | "not" | "predicate" | "additive" | "primary";

const { expr } = fc.letrec((looseTie) => {
  const tie = (level: ExprLevel): fc.Arbitrary<Toks> => looseTie(level) as fc.Arbitrary<Toks>;
  return {
    expr: fc.array(tie("and"), { minLength: 1, maxLength: 3, depthIdentifier: "expr" }).map((ops) => joinWith("or", ops)),
    and: fc.array(tie("not"), { minLength: 1, maxLength: 3, depthIdentifier: "expr" }).map((ops) => joinWith("and", ops)),
    not: fc.oneof({ maxDepth: 3, depthSize: "xsmall", depthIdentifier: "expr" }, tie("predicate"), tie("not").map((e) => cat("not", e))),
    predicate: fc.oneof(
      { maxDepth: 3, depthSize: "xsmall", depthIdentifier: "expr" },
      tie("additive"),
      fc.tuple(tie("additive"), fc.constantFrom("is", "is not"), tie("additive")).map(([l, op, r]) => cat(l, op, r)),
      fc.tuple(tie("additive"), fc.constantFrom("is known", "is unknown", "is not known", "is not unknown", "is empty", "is not empty")).map(([l, op]) => cat(l, ...op.split(" "))),
      fc.tuple(tie("additive"), fc.constantFrom("<", "<=", ">", ">="), tie("additive")).map(([l, op, r]) => cat(l, op, r)),
      fc.tuple(tie("additive"), fc.constantFrom("in", "not in"), fc.oneof(setLiteral, name)).map(([l, op, r]) => cat(l, ...op.split(" "), r)),
      fc
        .tuple(name, fc.oneof(fc.constant(toks("has")), fc.constant(toks("has", "any")), fc.constant(toks("has", "all")), count.map((n) => cat("has", "at", "least", n, "of"))), fc.oneof(name, setLiteral, code))
        .map(([s, q, v]) => cat(s, q, v)),
    ),
    additive: fc.oneof(
      { maxDepth: 3, depthSize: "xsmall", depthIdentifier: "expr" },
      tie("primary"),
      fc.tuple(tie("primary"), fc.constantFrom("+", "-", "*", "/"), tie("primary")).map(([l, op, r]) => cat(l, op, r)),
    ),
    primary: fc.oneof(
      { maxDepth: 3, depthSize: "xsmall", depthIdentifier: "expr" },
      name,
      number,
      date,
      bool,
      string,
      fc.constantFrom("as_of", "procedures").map((w) => toks(w)),
      setLiteral,
      tie("expr").map((e) => cat("(", e, ")")),
      fc.tuple(fc.constantFrom("all", "any", "none"), list(tie("expr"), 1, 4)).map(([fn, args]) => cat(`${fn}`, "(", args, ")")),
      fc.tuple(count, list(tie("expr"), 1, 4)).map(([n, args]) => cat("at", "least", n, "of", "(", args, ")")),
      tie("expr").map((e) => cat("count", "(", e, ")")),
    ),
  };
}) as Record<ExprLevel, fc.Arbitrary<Toks>>;

const condition = expr;
const label = fc.option(fc.oneof(string, string, textBlock), { nil: undefined }).map((l) => l ?? []);

// ─── declarations (§3–8) ───

const typeExpr = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.constantFrom("bool", "date", "text", "ICD10", "CPT", "HCPCS", "Intent").map((t) => toks(t)),
      fc.option(unitText, { nil: undefined }).map((u) => (u ? toks("number", u) : toks("number"))),
    ),
  )
  .map(([set, t]) => (set ? cat("set", "of", t) : t));

const enumDecl = fc
  .tuple(nameText, label, fc.array(fc.tuple(nameText, label, fc.boolean()), { maxLength: 4 }))
  .map(([n, l, members]) =>
    cat(decl(toks("enum", n)), l, "{", ...members.map(([m, ml, comma]) => cat(decl(toks(m)), ml, comma ? toks(",") : [])), "}"),
  );

const factDecl = fc.tuple(nameText, typeExpr, label).map(([n, t, l]) => decl(cat("fact", n, ":", t, l)));

const codesetEntry = fc.oneof(
  codeRun(1, 6).chain((run) => trailingComma.map((c) => cat(run, c))),
  fc.tuple(list(name, 1, 4)).map(([names]) => cat("include", names)),
);
const codesetDecl = fc
  .tuple(nameText, label, fc.array(codesetEntry, { maxLength: 4 }))
  .map(([n, l, entries]) => decl(cat("codeset", n, l, "{", ...entries, "}")));

const applicableCode = fc.tuple(system, fc.option(string, { nil: undefined })).chain(([s, desc]) =>
  fc.array(fc.tuple(codeOf(s), fc.option(string, { nil: undefined })), { minLength: 0, maxLength: 2 }).chain((more) =>
    codeOf(s).map((c) => cat(decl(toks(s, c)), desc ?? [], ...more.map(([mc, md]) => cat(",", mc, md ?? [])))),
  ),
);
const appliesTo = fc.array(applicableCode, { maxLength: 4 }).map((codes) => decl(cat("applies", "to", "{", ...codes, "}")));

const defineDecl = fc.tuple(nameText, label, condition).map(([n, l, e]) => decl(cat("define", n, l, "=", e)));

const outcome = fc.constantFrom("covered", "review", "not covered").map((o) => toks(...o.split(" ")));
const ruleDecl = fc.tuple(outcome, label, condition).map(([o, l, e]) => decl(cat(o, l, "if", e)));
const otherwiseDecl = outcome.map((o) => decl(cat("otherwise", o)));

const when = fc.option(condition, { nil: undefined }).map((e) => (e ? cat("when", e) : []));
const requireDecl = fc.tuple(nameText, string, when).map(([n, t, w]) => decl(cat("require", n, t, w)));
const askDecl = fc.tuple(nameText, typeExpr, string, when).map(([n, t, s, w]) => decl(cat("ask", n, ":", t, s, w)));
const { requirement } = fc.letrec((tie) => ({
  requirement: fc.oneof(
    { maxDepth: 2, depthSize: "small" },
    requireDecl,
    askDecl,
    fc
      .tuple(condition, fc.array(tie("requirement") as fc.Arbitrary<Toks>, { maxLength: 3 }))
      .map(([c, members]) => decl(cat("when", c, "{", ...members, "}"))),
  ),
})) as { requirement: fc.Arbitrary<Toks> };

const givenScalar = fc.oneof(bool, number, date, name, code, string);
const givenList = fc.oneof(list(name, 0, 3), codeRun(1, 3), list(number, 1, 3)).map((inner) => cat("[", inner, "]"));
const givenEntry = fc
  .tuple(fc.oneof(nameText, fc.constantFrom("procedures", "documents", "as_of")), fc.oneof(givenScalar, givenList), fc.boolean())
  .map(([n, v, comma]) => cat(n, ":", v, comma ? toks(",") : []));
const outcomeWord = fc.constantFrom("covered", "review", "not covered", "incomplete", "not applicable").map((o) => toks(...o.split(" ")));
const expectation = fc.oneof(
  outcomeWord.map((o) => cat("expect", o)),
  fc.tuple(fc.constantFrom("requires", "missing"), list(name, 0, 5)).map(([w, names]) => cat("expect", w, "{", names, "}")),
  list(outcomeWord, 0, 3).map((os) => cat("expect", "possible", "{", os, "}")),
  string.map((s) => cat("expect", "rule", s)),
);
const testItem = fc.oneof(fc.array(givenEntry, { maxLength: 4 }).map((es) => cat("given", "{", ...es, "}")), expectation);
const testDecl = fc.tuple(string, fc.array(testItem, { maxLength: 4 })).map(([n, items]) => decl(cat("test", n, "{", ...items, "}")));

const metadata = fc.oneof(
  string.map((s) => cat("id", s)),
  date.map((d) => cat("effective", d)),
  date.map((d) => cat("replaces", d)),
  fc.tuple(date, fc.option(string, { nil: undefined })).map(([d, by]) => cat("approved", d, by ? cat("by", by) : [])),
  fc.array(string, { minLength: 1, maxLength: 3 }).map((ps) => cat("plans", joinWith(",", ps))),
  fc.tuple(date, string, fc.option(string, { nil: undefined })).map(([d, s, by]) => cat("revision", d, s, by ? cat("by", by) : [])),
  string.map((s) => cat("cite", s)),
  fc.tuple(string, textBlock).map(([t, b]) => cat("section", t, b)),
);

const libraryMember = fc.oneof(enumDecl, factDecl, codesetDecl, defineDecl);
const policyMember = fc.oneof(
  { weight: 2, arbitrary: metadata },
  { weight: 3, arbitrary: libraryMember },
  { weight: 1, arbitrary: appliesTo },
  { weight: 3, arbitrary: ruleDecl },
  { weight: 1, arbitrary: otherwiseDecl },
  { weight: 2, arbitrary: requirement },
  { weight: 2, arbitrary: testDecl },
);

const imports = fc.array(fc.constantFrom('"common/general.pol"', '"lib.pol"').map((p) => decl(toks("import", p))), { maxLength: 2 });

/** The tokens of a random file: imports, then a policy or a library. */
export const randomFileTokens: fc.Arbitrary<Toks> = fc
  .tuple(imports, fc.boolean(), nameText, label, fc.array(policyMember, { maxLength: 6 }), fc.array(libraryMember, { maxLength: 4 }))
  .map(([imps, isPolicy, n, title, members, libMembers]) =>
    cat(...imps, decl(toks(isPolicy ? "policy" : "library", n)), title, "{", ...(isPolicy ? members : libMembers), "}"),
  );

// ─── layout and comments ───

type Gap = "space" | "newline" | "blank";
type Insert = "line" | "block" | "own" | "own-block" | "doc" | "multi-line-block";

interface Layout {
  gaps: Gap[];
  inserts: { at: number; kind: Insert }[];
}

const layout = (tokenCount: number): fc.Arbitrary<Layout> =>
  fc.record({
    gaps: fc.array(fc.constantFrom<Gap>("space", "space", "space", "newline", "newline", "blank"), { minLength: tokenCount + 1, maxLength: tokenCount + 1 }),
    inserts: fc.array(
      fc.record({ at: fc.nat({ max: tokenCount }), kind: fc.constantFrom<Insert>("line", "line", "block", "own", "own", "own-block", "doc", "multi-line-block") }),
      { maxLength: 12 },
    ),
  });

/**
 * Render tokens with a layout. Comments go into the gaps between tokens:
 * `// cN` ends a line, `/* cN *\/` sits inline or on a line of its own, and a
 * `/// dN` doc comment goes only before a declaration, where it documents it.
 */
export function render(tokens: Toks, { gaps, inserts }: Layout): string {
  const extra: string[][] = Array.from({ length: tokens.length + 1 }, () => []);
  let n = 0;
  for (const { at, kind } of inserts) {
    const i = at % (tokens.length + 1);
    if (kind === "doc" && !tokens[i]?.declaration) continue;
    n++;
    extra[i].push(
      kind === "line" ? ` // c${n}\n` : kind === "block" ? ` /* c${n} */ ` : kind === "own" ? `\n// c${n}\n` : kind === "own-block" ? `\n/* c${n} */\n` : kind === "doc" ? `\n/// d${n}\n` : ` /* c${n}\n   second line */ `,
    );
  }
  let out = "";
  for (let i = 0; i <= tokens.length; i++) {
    const gap = gaps[i] === "blank" ? "\n\n  " : gaps[i] === "newline" ? "\n  " : " ";
    out += (i === 0 ? "" : gap) + extra[i].join("") + (i < tokens.length ? tokens[i].text : "\n");
  }
  return out;
}

/** Random Pol files, laid out at random, with random comments. */
export const randomPolicyText: fc.Arbitrary<string> = randomFileTokens.chain((tokens) => layout(tokens.length).map((l) => render(tokens, l)));
