import fc from "fast-check";
import { describe, it } from "vitest";
import { expectSoundFormatting, parsesCleanly } from "../helpers/format-soundness.js";
import { randomPolicyText } from "../helpers/random-policy.js";

// POL_FUZZ_RUNS=20000 for a longer search (a few minutes).
const runs = Number(process.env.POL_FUZZ_RUNS ?? 300);

describe("formatting random policies", () => {
  it(
    "keeps the tree and every comment in order, and is idempotent",
    async () => {
      await fc.assert(
        fc.asyncProperty(randomPolicyText, fc.constantFrom(40, 100), async (text, printWidth) => {
          fc.pre(parsesCleanly(text));
          await expectSoundFormatting(text, { printWidth });
        }),
        { numRuns: runs },
      );
    },
    Math.max(60_000, runs * 50),
  );
});
