/**
 * Metadata (LANGUAGE.md §7): `id`, `effective`, `approved`, `replaces` and
 * `plans` appear once; `revision`, `cite` and `section` repeat. Libraries may
 * carry metadata too: who approved the shared criteria, their references and
 * history are worth recording, and none of it affects a decision.
 */
import type * as A from "../ast.js";
import type { Metadata } from "../model.js";
import type { CheckContext, ValidationRegistry } from "./registry.js";

export function registerMetadataChecks(registry: ValidationRegistry): void {
  registry.register("policy", checkMetadataOnce);
  registry.register("library", checkMetadataOnce);
}

const ONCE: Partial<Record<A.Metadata["kind"], string>> = {
  "meta-id": "id",
  "meta-effective": "effective",
  "meta-approved": "approved",
  "meta-replaces": "replaces",
  "meta-plans": "plans",
};

function checkMetadataOnce(unit: A.PolicyDecl | A.LibraryDecl, ctx: CheckContext): void {
  const seen = new Map<string, A.Metadata>();
  for (const m of unit.members) {
    const word = ONCE[m.kind as A.Metadata["kind"]];
    if (!word) continue;
    const first = seen.get(word);
    if (!first) {
      seen.set(word, m as A.Metadata);
      continue;
    }
    const hint = word === "plans" ? ` (list every plan on one line: \`plans "A", "B"\`)` : "";
    ctx.reporter.report("duplicate-metadata", `\`${word}\` is given twice; a ${unit.kind} has one${hint}`, m, {
      related: [{ message: `the first \`${word}\``, node: first, file: ctx.reporter.file }],
    });
  }
}

/** The metadata of a policy or library; for a line given twice, the first counts. */
export function collectMetadata(unit: A.PolicyDecl | A.LibraryDecl): Metadata {
  const md: Metadata = { plans: [], revisions: [], cites: [], sections: [] };
  let plansSeen = false;
  for (const m of unit.members) {
    switch (m.kind) {
      case "meta-id":
        md.id ??= m.value.value;
        break;
      case "meta-effective":
        md.effective ??= m.date.raw;
        break;
      case "meta-approved":
        if (md.approved === undefined) {
          md.approved = m.date.raw;
          if (m.by) md.approvedBy = m.by.value;
        }
        break;
      case "meta-replaces":
        md.replaces ??= m.date.raw;
        break;
      case "meta-plans":
        if (!plansSeen) md.plans = m.plans.map((p) => p.value);
        plansSeen = true;
        break;
      case "meta-revision":
        md.revisions.push({ date: m.date.raw, summary: m.summary.value, ...(m.by ? { by: m.by.value } : {}) });
        break;
      case "meta-cite":
        md.cites.push(m.text.value);
        break;
      case "meta-section":
        md.sections.push({ title: m.title.value, body: m.body.value });
        break;
      default:
        break;
    }
  }
  return md;
}
