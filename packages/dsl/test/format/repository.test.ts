import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "vitest";
import { expectSoundFormatting } from "../helpers/format-soundness.js";
import { polFiles, repoRoot, repositoryPolicies } from "../helpers/repo.js";

// Every policy we have, found when the tests run: the conformance suite, the
// repository's policies and examples, and the parser's golden inputs.
const files = [
  ...repositoryPolicies(),
  ...polFiles(join(repoRoot, "examples")),
  ...polFiles(join(repoRoot, "packages/dsl/test/parse/golden")),
];

describe("formatting every policy in the repository keeps its tree and comments, idempotently", () => {
  for (const file of files) {
    it(relative(repoRoot, file), async () => {
      await expectSoundFormatting(readFileSync(file, "utf8"));
    });
  }
});
