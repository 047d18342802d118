import { describe, expect, it } from "vitest";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stripSpans } from "../../src/index.js";
import { expectedText, goldenCases } from "../helpers/golden.js";

const here = dirname(fileURLToPath(import.meta.url));

describe("every construct parses to the expected tree", () => {
  for (const c of goldenCases(join(here, "golden"))) {
    it(c.name, () => {
      const result = parse(c.input);
      expect(result.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message}`)).toEqual([]);
      const tree = JSON.stringify(stripSpans(result.file), null, 1) + "\n";
      expect(tree).toBe(expectedText(c.dir, "tree.json", tree));
    });
  }
});
