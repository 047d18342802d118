/**
 * The search over the input space (ARCHITECTURE.md "pol diff"): evaluate both
 * versions under a partial assignment; when either is not determined, split
 * on the variable it names, one representative value at a time (unknown
 * included), and recurse. A leaf is a region of cases — every completion of
 * its assignment — that both versions decide the same way throughout.
 *
 * Only variables some undetermined condition needs are ever split, in the
 * order the decisions need them, so facts that cannot matter cost nothing and
 * a decision fixed early (an unmet general criterion) ends its branch at once.
 * What lies under a node depends only on its memo key (residual.ts), so each
 * key is explored once and its summary reused: the groups of changes found
 * under it, each with the smallest assignment (relative to the node) that
 * shows it.
 */
import { KNOWN, UNKNOWN, type Assignment } from "./abstract-eval.js";
import type { Breakpoints } from "./breakpoints.js";
import { extraCapacity } from "./counts.js";
import type { Space, Variable } from "./space.js";

/** What a question says about a partial assignment. */
export type Answer<R> = { result: R } | { blame: string; key: string };

/** One kind of change found under a node. */
export interface Found {
  /** Leaves (regions of the input space) under the node with this change. */
  regions: number;
  /** Assignments made below the node, in order, that lead to one such leaf. */
  path: [string, unknown][];
  /** How many facts that path gives a value. */
  given: number;
  /** Words for the stretch of values each number or date on the path stands for. */
  words: [string, string][];
}

/** What the search found under a node. */
export interface Summary {
  leaves: number;
  /** By change (group key). */
  found: Map<string, Found>;
}

/** What the search found in the whole space, and whether it finished. */
export interface SearchResult extends Summary {
  /** False when the search stopped at `maxLeaves`. */
  complete: boolean;
  /** Nodes explored (memo hits not counted). */
  nodes: number;
}

/** Limits and fixed variables of a search. */
export interface SearchOptions {
  /** Stop after exploring this many nodes (the diff then says it is not exhaustive). */
  maxNodes?: number;
  /** Variables fixed before the search starts (e.g. `procedures` when it cannot matter). */
  fixed?: Assignment;
}

/**
 * Explore the space for one question: `ask` answers a partial assignment
 * (determined, or a variable to split and a memo key); `group` names the
 * change a result is (undefined for no change).
 */
export function explore<R>(
  space: Space,
  breakpoints: Breakpoints,
  ask: (asg: Assignment) => Answer<R>,
  group: (result: R) => string | undefined,
  options: SearchOptions = {},
): SearchResult {
  const max = options.maxNodes ?? 1_000_000;
  const asg: Assignment = new Map(options.fixed ?? []);
  const memo = new Map<string, Summary>();
  const dateKeys = [...space.variables.values()].filter((v) => v.date).map((v) => v.key);
  let nodes = 0;
  let complete = true;

  const visit = (): Summary => {
    const answer = ask(asg);
    if ("result" in answer) {
      const g = group(answer.result);
      return { leaves: 1, found: g === undefined ? new Map() : new Map([[g, { regions: 1, path: [], given: 0, words: [] }]]) };
    }
    // Which dates are assigned steers the order of splitting (chooseVariable), so it is part of the key.
    const key = `${answer.key}#${dateKeys.map((k) => String(asg.get(k) ?? "")).join(",")}`;
    const known = memo.get(key);
    if (known) return known;
    if (++nodes > max) {
      complete = false;
      return { leaves: 0, found: new Map() };
    }
    const variable = chooseVariable(space, breakpoints, answer.blame, asg);
    if (asg.has(variable)) throw new Error(`pol diff: the analysis asked for ${variable} twice`);
    const summary: Summary = { leaves: 0, found: new Map() };
    for (const { value, region } of domainOf(space, breakpoints, variable, asg)) {
      asg.set(variable, value);
      const below = visit();
      asg.delete(variable);
      summary.leaves += below.leaves;
      const gives = !variable.includes("#") && !variable.endsWith("+") && value !== UNKNOWN ? 1 : 0;
      for (const [g, f] of below.found) {
        const mine = summary.found.get(g);
        const given = f.given + gives;
        if (mine && mine.given <= given) {
          mine.regions += f.regions;
          continue;
        }
        summary.found.set(g, {
          regions: (mine?.regions ?? 0) + f.regions,
          path: [[variable, value], ...f.path],
          given,
          words: region === undefined ? f.words : [[variable, region], ...f.words],
        });
      }
      if (!complete) break;
    }
    if (complete) memo.set(key, summary);
    return summary;
  };
  const root = visit();
  return { ...root, complete, nodes };
}

/**
 * The variable to split on for a blame. A date related to another date not yet
 * assigned waits for it (`as_of` first, then in declaration order), so that
 * its breakpoints can be computed from the other's value.
 */
function chooseVariable(space: Space, breakpoints: Breakpoints, blame: string, asg: Assignment): string {
  const v = space.variables.get(blame);
  if (!v || !v.date || v.key === "as_of") return blame;
  const earlier = breakpoints
    .partners(v.key)
    .map((k) => space.variables.get(k))
    .filter((p): p is Variable => !!p && !!p.date && !asg.has(p.key) && (p.key === "as_of" || p.order < v.order));
  earlier.sort((a, b) => (a.key === "as_of" ? -1 : b.key === "as_of" ? 1 : a.order - b.order));
  return earlier[0]?.key ?? blame;
}

function domainOf(space: Space, breakpoints: Breakpoints, key: string, asg: Assignment): { value: unknown; region?: string }[] {
  if (key.includes("#")) return [{ value: true }, { value: false }];
  if (key.endsWith("+")) {
    // How many elements a counted set holds beyond one per present class (counts.ts).
    const x = space.variables.get(key.slice(0, -1))!;
    const present = x.elements.flatMap((_, i) => (asg.get(`${x.key}#${i}`) === true ? [i] : []));
    return Array.from({ length: extraCapacity(x, present) + 1 }, (_, n) => ({ value: n }));
  }
  const v = space.variables.get(key);
  if (!v) throw new Error(`pol diff: no variable ${key}`);
  if (v.kind === "set") return [{ value: KNOWN }, { value: UNKNOWN }];
  const out: { value: unknown; region?: string }[] = v.discrete.map((value) => ({ value }));
  if (v.number || v.date) {
    const reps = breakpoints.representatives(v, asg);
    for (const value of reps.values) out.push({ value, region: reps.regions.get(JSON.stringify(value)) });
  }
  out.push({ value: UNKNOWN });
  return out;
}
