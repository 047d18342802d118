import { describe, expect, it } from "vitest";
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from "../src/features/semantic-tokens.js";
import { open, POLICY } from "./helpers.js";

/** Decode LSP's relative encoding into `line:char text type[+modifiers]`. */
function decode(source: string): string[] {
  const o = open(source);
  const lines = o.analysis.text.split("\n");
  const data = semanticTokens(o.analysis).data;
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = TOKEN_MODIFIERS.filter((_, b) => data[i + 4] & (1 << b));
    out.push(`${lines[line].slice(char, char + data[i + 2])} ${TOKEN_TYPES[data[i + 3]]}${mods.length ? "+" + mods.join("+") : ""}`);
  }
  return out;
}

describe("semantic tokens", () => {
  const tokens = decode(POLICY);

  it("colours names by what they resolve to", () => {
    expect(tokens).toContain("intent variable+declaration");
    expect(tokens).toContain("intent variable");
    expect(tokens).toContain("definitive function");
    expect(tokens).toContain("general_criteria function");
    expect(tokens).toContain("curative enumMember");
    expect(tokens).toContain("Intent enum");
    expect(tokens).toContain("cns type");
    expect(tokens).toContain("target_volume property");
    expect(tokens).toContain("demo namespace+declaration");
  });

  it("colours keywords, metadata words, literals, codes, units and comments", () => {
    expect(tokens).toContain("policy keyword");
    expect(tokens).toContain("covered keyword");
    expect(tokens).toContain("effective keyword");
    expect(tokens).toContain("2025-10-01 date");
    expect(tokens).toContain("2 number");
    expect(tokens).toContain("years unit");
    expect(tokens).toContain("C70-C72 code");
    expect(tokens).toContain("ICD10 type+defaultLibrary");
    expect(tokens).toContain('"Demo policy" string');
    expect(tokens).toContain(">= operator");
    expect(tokens).toContain("/// How long the disease stayed away. comment+documentation");
  });

  it("splits tokens that span lines and leaves misspelt names plain", () => {
    const t = decode(`policy p {\n  section "S" """\n    a\n    """\n  covered if nope\n}\n`);
    expect(t.filter((x) => x.endsWith(" string"))).toEqual(['"S" string', '""" string', "    a string", '    """ string']);
    expect(t.some((x) => x.startsWith("nope"))).toBe(false);
  });
});
