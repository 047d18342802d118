/**
 * fast-check arbitraries that damage real policies the way typing does:
 * a token deleted, duplicated, or swapped with its neighbour.
 */
import fc from "fast-check";

/** Split into tokens and the white space between them, so mutations keep the rest of the layout. */
const pieces = (text: string): string[] => text.match(/"(?:[^"\\\n]|\\.)*"|\s+|[A-Za-z0-9_.]+|./g) ?? [];

export function mutate(text: string, kind: "delete" | "duplicate" | "swap", at: number): string {
  const parts = pieces(text);
  const tokens = parts.map((p, i) => i).filter((i) => parts[i].trim() !== "");
  if (tokens.length < 2) return text;
  const i = tokens[at % tokens.length];
  const j = tokens[(at % tokens.length) + 1] ?? tokens[0];
  const out = [...parts];
  if (kind === "delete") out[i] = "";
  else if (kind === "duplicate") out[i] = `${parts[i]} ${parts[i]}`;
  else [out[i], out[j]] = [parts[j], parts[i]];
  return out.join("");
}

/** A repository policy with one to three random mutations. */
export function mutatedPolicy(sources: string[]): fc.Arbitrary<string> {
  const one = fc.tuple(fc.constantFrom("delete", "duplicate", "swap") as fc.Arbitrary<"delete" | "duplicate" | "swap">, fc.nat());
  return fc
    .tuple(fc.constantFrom(...sources), fc.array(one, { minLength: 1, maxLength: 3 }))
    .map(([src, ms]) => ms.reduce((t, [kind, at]) => mutate(t, kind, at), src));
}
