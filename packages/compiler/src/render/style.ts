/**
 * The stylesheet of the rendered HTML, inlined so the document is one file
 * that can be mailed, archived or printed as is. System fonts only: a
 * document must not fetch anything to be read.
 */
export const STYLE = `
:root {
  --ink: #1f2933; --muted: #52606d; --faint: #7b8794; --rule: #d9e2ec; --wash: #f5f7fa;
  --brand: #0b4f6c; --brand-soft: #e6f0f5; --accent: #127a8a;
}
* { box-sizing: border-box; }
html { background: #e9edf2; }
body {
  margin: 0; color: var(--ink);
  font: 15px/1.6 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  -webkit-text-size-adjust: 100%;
}
.page {
  max-width: 60rem; margin: 2rem auto; background: #fff; padding: 2.75rem 3.25rem 2rem;
  border-top: 6px solid var(--brand); box-shadow: 0 1px 3px rgba(15, 23, 42, .12), 0 8px 24px rgba(15, 23, 42, .06);
}
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
h1, h2, h3 { color: var(--brand); line-height: 1.25; }
h1 { font-size: 2rem; margin: .1rem 0 1.25rem; letter-spacing: -.01em; }
h2 {
  font-size: 1.3rem; margin: 2.4rem 0 .9rem; padding-bottom: .35rem;
  border-bottom: 2px solid var(--brand-soft); text-transform: uppercase; letter-spacing: .04em;
}
h3 { font-size: 1.06rem; margin: 1.6rem 0 .6rem; }
p { margin: .55rem 0; }
code { font: .86em/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: var(--wash); padding: .05em .35em; border-radius: 4px; }
.doc-kind { margin: 0; color: var(--accent); font-size: .8rem; font-weight: 700; letter-spacing: .12em; text-transform: uppercase; }
.meta {
  display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .1rem 1.5rem; margin: 0;
  padding: 1rem 1.25rem; background: var(--wash); border: 1px solid var(--rule); border-radius: 8px;
}
.meta div { padding: .35rem 0; }
.meta dt { font-size: .72rem; font-weight: 700; color: var(--faint); text-transform: uppercase; letter-spacing: .06em; }
.meta dd { margin: 0; font-weight: 600; }
.toc { margin: 1.75rem 0 0; padding: .9rem 1.25rem 1rem; border: 1px solid var(--rule); border-radius: 8px; }
.toc h2 { margin: 0 0 .4rem; border: 0; padding: 0; font-size: .85rem; color: var(--muted); }
.toc ol { columns: 2; column-gap: 2rem; margin: 0; padding-left: 1.4rem; }
.toc li { break-inside: avoid; margin: 0; padding: .1rem 0; }
ul, ol { padding-left: 1.5rem; margin: .45rem 0 .8rem; }
li { margin: .22rem 0; }
li > ul, li > ol { margin: .2rem 0 .3rem; }
.lead { font-weight: 600; }
.criteria { color: var(--muted); }
.criteria li { margin: .12rem 0; }
.indications > li { margin: .45rem 0; }
.rule-label { font-weight: 650; color: var(--ink); }
.rule-criteria { display: block; color: var(--muted); font-size: .9em; }
.rule-criteria a, .criteria a { text-decoration-style: dotted; text-underline-offset: 2px; }
.rule-doc { color: var(--muted); font-style: italic; margin: .15rem 0; }
.general { background: var(--brand-soft); border-radius: 8px; padding: .6rem 1.25rem .5rem; }
.general h3 { margin-top: .4rem; }
.otherwise { padding: .55rem .9rem; border-left: 4px solid #e12d39; background: #fff5f5; }
.otherwise.covered { border-color: #3ebd93; background: #effcf6; }
.otherwise.review { border-color: #f0b429; background: #fffbea; }
.na { color: var(--muted); font-weight: 600; }
.when { margin: 1rem 0 .25rem; font-weight: 650; }
.checklist { list-style: none; padding-left: .25rem; }
.checklist li { display: grid; grid-template-columns: 1.4rem 1fr; align-items: start; }
.box { width: .95rem; height: .95rem; margin-top: .3rem; border: 1.5px solid var(--muted); border-radius: 3px; }
.answer, .req-id { color: var(--faint); font-size: .88em; }
.req-id { margin-left: .35rem; }
dl.definitions dt { font-weight: 700; margin-top: .9rem; }
dl.definitions dd { margin: .2rem 0 0 1.25rem; }
table { width: 100%; border-collapse: collapse; margin: .75rem 0 1.25rem; font-size: .92rem; }
caption { caption-side: top; text-align: left; font-weight: 650; color: var(--muted); padding: 0 0 .4rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .65rem; border-bottom: 1px solid var(--rule); }
thead th { background: var(--brand); color: #fff; font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; white-space: nowrap; }
tbody th { font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: var(--wash); }
.codesets { display: grid; gap: .4rem; margin: .6rem 0 1rem; }
details { border: 1px solid var(--rule); border-radius: 6px; padding: .45rem .8rem; background: #fff; }
details[open] { background: var(--wash); }
summary { cursor: pointer; font-weight: 600; list-style: none; display: flex; gap: .5rem; align-items: baseline; }
summary::-webkit-details-marker { display: none; }
summary::before { content: "▸"; color: var(--accent); width: .8rem; flex: none; }
details[open] > summary::before { content: "▾"; }
.codeset-label { flex: 1; }
.count { color: var(--faint); font-weight: 400; font-size: .85em; white-space: nowrap; }
.codeset-name { font-size: .85em; color: var(--muted); margin: .4rem 0 0; }
.code-system { margin: .45rem 0 .2rem; font-size: .8rem; font-weight: 700; color: var(--faint); letter-spacing: .05em; }
.codes { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.codes li { margin: 0; }
.codes code { background: #fff; border: 1px solid var(--rule); }
.references li { margin: .4rem 0; overflow-wrap: anywhere; }
figure { margin: 1rem 0; }
.decision-diagram { display: block; max-width: 100%; height: auto; font-family: inherit; }
figcaption { color: var(--muted); font-size: .88rem; margin-top: .4rem; }
footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--rule); color: var(--faint); font-size: .82rem; }
@media (max-width: 720px) {
  .page { margin: 0; padding: 1.5rem 1.1rem; }
  .meta { grid-template-columns: 1fr 1fr; }
  .toc ol { columns: 1; }
}
@media print {
  @page { margin: 16mm 14mm; }
  html, body { background: #fff; }
  body { font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; border: 0; box-shadow: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, .when, caption { break-after: avoid; }
  tr, li, .general, figure, details { break-inside: avoid; }
  thead { display: table-header-group; }
  thead th { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); }
  details { border: 0; padding: 0; background: #fff; }
  details::details-content { content-visibility: visible; display: block; }
  summary::before { content: none; }
}
`.trim();
