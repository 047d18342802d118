/**
 * Part 1, deciding cases: the generated Pol evaluator (trace off and on)
 * against a hand-written TypeScript function and three engines users would
 * otherwise pick (json-logic-js, json-rules-engine, cql-execution), on the
 * same deterministic IMRT cases. Each contender is first checked against Pol
 * on every case it is timed on; a mismatch prints the case and fails the run.
 *
 *   node deciding.mjs --evaluator imrt.mjs [--cases 1000000] [--sample 100000] [--slow-sample 20000]
 *
 * Fast contenders are timed on every case; trace on and json-logic on the
 * first `--sample` cases, the asynchronous engines on the first
 * `--slow-sample` (the per-decision figure is the mean over the cases timed).
 */
import { pathToFileURL } from "node:url";
import { cqlOutcomes } from "../contenders/cql-execution.js";
import { decideImrt } from "../contenders/hand-written.js";
import { jsonLogicOutcome } from "../contenders/json-logic.js";
import { jsonRulesEngineOutcome } from "../contenders/json-rules-engine.js";
import { generateCases, type ImrtCase } from "../lib/imrt-cases.js";
import { argument, fmt, log, report, timePerItem, timePerItemAsync, type Figure } from "../lib/measure.js";

interface Decision {
  outcome: string;
  trace?: unknown;
}
interface Evaluator {
  evaluate(input: unknown, options?: { trace?: boolean }): Decision | { errors: unknown[] };
}

const total = Number(argument("cases", "1000000"));
const sample = Math.min(total, Number(argument("sample", "100000")));
const slowSample = Math.min(total, Number(argument("slow-sample", "20000")));
const pol = (await import(pathToFileURL(argument("evaluator")).href)) as Evaluator;

log(`deciding: generating ${fmt(total)} IMRT cases`);
const cases = generateCases(total);
const decide = (c: ImrtCase, trace = false): Decision => {
  const d = pol.evaluate(c, { trace });
  if ("errors" in d) fail(c, `Pol rejected a generated case: ${JSON.stringify(d.errors)}`);
  return d;
};
const outcomes = cases.map((c) => decide(c).outcome);
const distribution = new Map<string, number>();
for (const o of outcomes) distribution.set(o, (distribution.get(o) ?? 0) + 1);
log(`deciding: outcomes ${[...distribution].sort().map(([o, n]) => `${o} ${fmt(n)} (${fmt((100 * n) / total, 1)}%)`).join(", ")}`);

function fail(c: ImrtCase, message: string): never {
  log(`deciding: MISMATCH ${message}\n  case: ${JSON.stringify(c)}`);
  process.exit(1);
}

/** Every contender must give Pol's outcome on each case it is timed on. */
function check(name: string, n: number, outcomeOf: (i: number) => string): void {
  for (let i = 0; i < n; i++) {
    const got = outcomeOf(i);
    if (got !== outcomes[i]) fail(cases[i]!, `${name} decided ${got}, Pol ${outcomes[i]} (case ${i})`);
  }
  log(`deciding: ${name} agrees with Pol on ${fmt(n)} cases`);
}

const figures: Figure[] = [];
const all = cases;
const first = (n: number) => cases.slice(0, n);

// Pol, trace off: the reference every other row is compared with.
const polOff = timePerItem(all, 3, (c) => pol.evaluate(c));
log(`deciding: Pol trace off ${fmt(polOff)} ns/decision`);
figures.push({ name: "decide.pol_trace_off", value: polOff, unit: "ns/decision", ratio: 1, against: "Pol trace off", note: `${fmt(total)} cases` });

// Pol, trace on: the same decision plus its explanation tree.
for (let i = 0; i < sample; i++) {
  const { trace, ...rest } = decide(cases[i]!, true);
  if (trace === undefined || JSON.stringify(rest) !== JSON.stringify(decide(cases[i]!))) fail(cases[i]!, "trace on changed the decision");
}
const polOn = timePerItem(first(sample), 3, (c) => pol.evaluate(c, { trace: true }));
log(`deciding: Pol trace on ${fmt(polOn)} ns/decision`);
figures.push({
  name: "decide.pol_trace_on", value: polOn, unit: "ns/decision", ratio: polOn / polOff, against: "Pol trace off",
  aim: "within 5× of trace off", met: polOn / polOff <= 5, note: `first ${fmt(sample)} cases`,
});

// Hand-written TypeScript: the whole decision, compared as JSON.
for (let i = 0; i < total; i++) {
  const mine = JSON.stringify(decideImrt(cases[i]!));
  if (mine !== JSON.stringify(pol.evaluate(cases[i]!))) fail(cases[i]!, `hand-written decided ${mine}`);
}
log(`deciding: hand-written agrees with Pol (whole decision) on ${fmt(total)} cases`);
const hand = timePerItem(all, 3, decideImrt);
log(`deciding: hand-written ${fmt(hand)} ns/decision`);
figures.push({
  name: "decide.hand_written", value: hand, unit: "ns/decision", ratio: hand / polOff, against: "Pol trace off",
  aim: "Pol at least as fast (ratio ≥ 1)", met: hand / polOff >= 1, note: `${fmt(total)} cases, whole decision`,
});

// json-logic-js: outcome only.
check("json-logic-js", sample, (i) => jsonLogicOutcome(cases[i]!));
const logic = timePerItem(first(sample), 2, jsonLogicOutcome);
log(`deciding: json-logic-js ${fmt(logic)} ns/decision`);
figures.push({
  name: "decide.json_logic_js", value: logic, unit: "ns/decision", ratio: logic / polOff, against: "Pol trace off",
  aim: "Pol ≥ 30× faster", met: logic / polOff >= 30, note: `first ${fmt(sample)} cases, outcome only`,
});

// json-rules-engine: outcome only, each run awaited.
const engineOutcomes: string[] = [];
for (let i = 0; i < slowSample; i++) engineOutcomes.push(await jsonRulesEngineOutcome(cases[i]!));
check("json-rules-engine", slowSample, (i) => engineOutcomes[i]!);
const engine = await timePerItemAsync(first(slowSample), 1, jsonRulesEngineOutcome);
log(`deciding: json-rules-engine ${fmt(engine)} ns/decision`);
figures.push({
  name: "decide.json_rules_engine", value: engine, unit: "ns/decision", ratio: engine / polOff, against: "Pol trace off",
  aim: "Pol ≥ 150× faster", met: engine / polOff >= 150, note: `first ${fmt(slowSample)} cases, outcome only, awaited one by one`,
});

// cql-execution: outcome only, the library run over the cases in populations of 1,000.
const cqlRun = async (list: readonly ImrtCase[]) => {
  const out: string[] = [];
  for (let i = 0; i < list.length; i += 1000) out.push(...(await cqlOutcomes(list.slice(i, i + 1000))));
  return out;
};
const cqlChecked = await cqlRun(first(slowSample));
check("cql-execution", slowSample, (i) => cqlChecked[i]!);
const t0 = process.hrtime.bigint();
await cqlRun(first(slowSample));
const cql = Number(process.hrtime.bigint() - t0) / slowSample;
log(`deciding: cql-execution ${fmt(cql)} ns/decision`);
figures.push({
  name: "decide.cql_execution", value: cql, unit: "ns/decision", ratio: cql / polOff, against: "Pol trace off",
  aim: "Pol ≥ 150× faster", met: cql / polOff >= 150, note: `first ${fmt(slowSample)} cases, outcome only, 1,000 patients per run`,
});

for (const [o, n] of [...distribution].sort()) figures.push({ name: `cases.${o}`, value: n, unit: "cases", ratio: n / total, against: "all cases" });
report(figures);
