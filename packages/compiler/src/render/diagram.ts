/**
 * The decision diagram: the rules in their precedence (LANGUAGE.md §5) as
 * inline SVG. One box per step, top to bottom in the order the evaluator
 * walks them (applicability, exclusions, coverage, review, otherwise), each
 * listing its rules' labels, with a "yes" arrow to the outcome it decides.
 * Static markup only: it must read on paper and without scripts.
 */
import type { DecisionStep } from "./document.js";
import { escapeHtml as esc } from "./html-escape.js";

const WIDTH = 880;
const BOX_X = 16;
const BOX_W = 600;
const OUT_X = 672;
const OUT_W = 192;
const HEAD_H = 46;
const LINE_H = 17;
const GAP = 34;
/** Labels longer than this are shortened in the box (the full label is its tooltip); at 12px about 88 characters fit. */
const MAX_CHARS = 88;
/** A box lists at most this many labels; the rest are counted. */
const MAX_LINES = 24;

const PALETTE: Record<string, { fill: string; stroke: string; text: string }> = {
  "Not applicable": { fill: "#f3f4f6", stroke: "#9ca3af", text: "#374151" },
  "Not covered": { fill: "#fef2f2", stroke: "#f87171", text: "#991b1b" },
  Covered: { fill: "#f0fdf4", stroke: "#4ade80", text: "#166534" },
  "Case-by-case review": { fill: "#fffbeb", stroke: "#fbbf24", text: "#92400e" },
};

/** The diagram of a policy's decision steps as an `<svg>` element; `title` names the policy in its accessible name. */
export function decisionDiagram(steps: DecisionStep[], title: string): string {
  const parts: string[] = [];
  let y = 16;
  const boxes: string[] = [];
  steps.forEach((step, i) => {
    const lines = bodyLines(step);
    const h = HEAD_H + (lines.length ? lines.length * LINE_H + 12 : 0);
    boxes.push(stepBox(step, i, y, h, lines));
    if (i < steps.length - 1) boxes.push(arrowDown(y + h, y + h + GAP, step.key === "otherwise" ? "" : "no"));
    y += h + GAP;
  });
  const height = y - GAP + 16;
  const summary = steps.map((s, i) => `${i + 1}. ${s.title}: ${s.key === "otherwise" ? s.outcome : `${s.question} If so, ${s.outcome.toLowerCase()}`}`).join(" ");
  parts.push(
    `<svg class="decision-diagram" role="img" aria-labelledby="decision-diagram-title decision-diagram-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="decision-diagram-title">${esc(`How a request for ${title} is decided`)}</title>`,
    `<desc id="decision-diagram-desc">${esc(summary)}</desc>`,
    `<defs><marker id="decision-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/></marker></defs>`,
    ...boxes,
    `</svg>`,
  );
  return parts.join("\n");
}

/** The labels a box lists, shortened to fit, with the full label kept for the tooltip. */
function bodyLines(step: DecisionStep): { text: string; full: string }[] {
  if (step.key === "applicability" || step.key === "otherwise") return [];
  if (step.rules.length === 0) return [{ text: "None (N/A)", full: "None" }];
  const shown = step.rules.length > MAX_LINES ? step.rules.slice(0, MAX_LINES - 1) : step.rules;
  const lines = shown.map((label) => ({ text: shorten(label), full: label }));
  if (shown.length < step.rules.length) {
    const more = `… and ${step.rules.length - shown.length} more`;
    lines.push({ text: more, full: step.rules.slice(shown.length).join("; ") });
  }
  return lines;
}

function shorten(label: string): string {
  if (label.length <= MAX_CHARS) return label;
  const cut = label.slice(0, MAX_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

function stepBox(step: DecisionStep, i: number, y: number, h: number, lines: { text: string; full: string }[]): string {
  const color = PALETTE[step.outcome] ?? PALETTE["Not applicable"];
  const isOtherwise = step.key === "otherwise";
  const label = isOtherwise
    ? `Step ${i + 1}, ${step.title}: ${step.question} ${step.outcome}.`
    : `Step ${i + 1}, ${step.title}: ${step.question} If so, ${step.outcome.toLowerCase()}.${step.rules.length ? ` Rules: ${step.rules.join("; ")}.` : ""}`;
  const out: string[] = [
    `<g class="step step-${esc(step.key)}" role="group" aria-label="${esc(label)}">`,
    `<title>${esc(label)}</title>`,
    `<rect x="${BOX_X}" y="${y}" width="${BOX_W}" height="${h}" rx="8" fill="#ffffff" stroke="#cbd5e1"/>`,
    `<path d="M${BOX_X} ${y + 8} a8 8 0 0 1 8 -8 h${BOX_W - 16} a8 8 0 0 1 8 8 v${HEAD_H - 8} h-${BOX_W} z" fill="${color.fill}"/>`,
    `<rect x="${BOX_X}" y="${y}" width="5" height="${h}" rx="2" fill="${color.stroke}"/>`,
    `<text x="${BOX_X + 18}" y="${y + 19}" font-size="14" font-weight="700" fill="#0f172a">${esc(`${i + 1}. ${step.title}`)}${
      isOtherwise || step.key === "applicability" ? "" : `<tspan font-weight="400" fill="#475569">${esc(` — ${count(step.rules.length, step.key === "covered" ? "indication" : step.key === "review" ? "condition" : "exclusion")}`)}</tspan>`
    }</text>`,
    `<text x="${BOX_X + 18}" y="${y + 37}" font-size="12.5" fill="#334155">${esc(step.question)}</text>`,
  ];
  lines.forEach((l, j) => {
    const ly = y + HEAD_H + 16 + j * LINE_H;
    out.push(`<text x="${BOX_X + 26}" y="${ly}" font-size="12" fill="#1e293b"><title>${esc(l.full)}</title>${esc(`• ${l.text}`)}</text>`);
  });
  // The outcome this step decides, level with the question.
  const oy = y + HEAD_H / 2 - 17;
  const arrowLabel = isOtherwise ? "" : "yes";
  out.push(
    `<line x1="${BOX_X + BOX_W}" y1="${y + HEAD_H / 2}" x2="${OUT_X - 2}" y2="${y + HEAD_H / 2}" stroke="#64748b" stroke-width="1.5" marker-end="url(#decision-arrow)"/>`,
    arrowLabel ? `<text x="${(BOX_X + BOX_W + OUT_X) / 2}" y="${y + HEAD_H / 2 - 6}" font-size="11.5" text-anchor="middle" fill="#475569">${arrowLabel}</text>` : "",
    `<rect x="${OUT_X}" y="${oy}" width="${OUT_W}" height="34" rx="17" fill="${color.fill}" stroke="${color.stroke}" stroke-width="1.5"/>`,
    `<text x="${OUT_X + OUT_W / 2}" y="${oy + 22}" font-size="13.5" font-weight="700" text-anchor="middle" fill="${color.text}">${esc(step.outcome)}</text>`,
    `</g>`,
  );
  return out.filter(Boolean).join("\n");
}

function arrowDown(y1: number, y2: number, label: string): string {
  const x = BOX_X + 60;
  return [
    `<line x1="${x}" y1="${y1}" x2="${x}" y2="${y2 - 2}" stroke="#64748b" stroke-width="1.5" marker-end="url(#decision-arrow)" aria-hidden="true"/>`,
    label ? `<text x="${x + 8}" y="${(y1 + y2) / 2 + 4}" font-size="11.5" fill="#475569" aria-hidden="true">${label}</text>` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

const count = (n: number, word: string): string => (n === 0 ? `no ${word}s` : `${n} ${word}${n === 1 ? "" : "s"}`);
