/**
 * The only ways text from a policy enters generated TypeScript. Every label,
 * title, code and name goes through one of these, so no policy text can end a
 * string, a comment or a line early.
 */

/**
 * A double-quoted TypeScript string literal for any text: JSON escaping
 * (quotes, backslashes, control characters, lone surrogates) plus U+2028 and
 * U+2029, which older JavaScript parsers and many tools treat as line ends.
 * Backticks and `${` need no escape inside double quotes.
 */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * Text safe inside a `//` or `/* … *\/` comment: line ends of every kind become
 * spaces (a line end would end a `//` comment and turn the rest into code) and
 * `*\/` cannot close a block comment.
 */
export function tsComment(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, " ").replace(/\*\//g, "*\\/");
}

/** A number literal (finite numbers only: policy literals are finite). */
export function tsNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`pol: cannot emit the number ${n}`);
  return Object.is(n, -0) ? "0" : String(n);
}

/** Words a generated identifier must not be, in TypeScript or in the generated module itself. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of async await never unknown object undefined bigint " +
    "Record ReadonlySet ReadonlyMap Set Map Array Error Object Number String Boolean Date Math JSON Promise " +
    "rt policy evaluate Facts Case Decision InputErrors DocumentId QuestionId Values Context SCHEMA PROGRAM context"
  ).split(" "),
);

/**
 * A TypeScript identifier for a name from the policy, with a prefix that keeps
 * it apart from the module's own identifiers. Pol names are already
 * identifiers (§1); anything else is made one, deterministically.
 */
export function tsIdent(name: string, prefix = ""): string {
  let id = prefix + name.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  return RESERVED.has(id) ? `${id}_` : id;
}

/** A short identifier-friendly slug of a label: `XI. Prostate cancer` → `xi_prostate_cancer`. */
export function slug(text: string, max = 40): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return s.slice(0, max).replace(/_+$/, "");
}
