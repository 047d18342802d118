import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatPol } from "../../src/index.js";
import { expectSoundFormatting } from "../helpers/format-soundness.js";
import { expectedText, goldenCases } from "../helpers/golden.js";

const here = dirname(fileURLToPath(import.meta.url));

describe("formatting every construct (golden folders; UPDATE_GOLDEN=1 rewrites output.pol)", () => {
  for (const c of goldenCases(join(here, "golden"))) {
    it(c.name, async () => {
      const output = await expectSoundFormatting(c.input);
      expect(output).toBe(expectedText(c.dir, "output.pol", output));
      // The expected output is itself formatted, and parses to the input's tree.
      expect(await expectSoundFormatting(output)).toBe(output);
    });
  }
});

describe("the layout README", () => {
  it("shows what the formatter does to its example", async () => {
    const readme = readFileSync(join(here, "../../src/prettier/README.md"), "utf8");
    const [before, after] = [...readme.matchAll(/^(?:Before|After):\n\n```pol\n([\s\S]*?)```/gm)].map((m) => m[1]);
    expect(await formatPol(before)).toBe(after);
  });
});
