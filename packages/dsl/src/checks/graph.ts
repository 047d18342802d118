/**
 * Dependency graphs (defines using defines, codesets including codesets):
 * strongly connected components and cycle paths, without recursion, because a
 * 3,000-line policy can chain hundreds of defines.
 */

/**
 * Tarjan's algorithm, iterative. Components come out dependencies first: a
 * node's component follows the components of every node it has an edge to.
 * Nodes are visited in the given order, so independent nodes keep it.
 */
export function stronglyConnected<T>(nodes: readonly T[], edges: (n: T) => readonly T[]): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: T; next: number; succ: readonly T[] }[] = [];
    const open = (n: T): void => {
      index.set(n, counter);
      low.set(n, counter);
      counter++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, next: 0, succ: edges(n) });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.next < frame.succ.length) {
        const s = frame.succ[frame.next++];
        if (!index.has(s)) open(s);
        else if (onStack.has(s)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(s)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: T[] = [];
        let x: T;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          component.push(x);
        } while (x !== frame.node);
        out.push(component.reverse());
      }
    }
  }
  return out;
}

/** Is this component a cycle (more than one node, or one node with an edge to itself)? */
export function isCycle<T>(component: readonly T[], edges: (n: T) => readonly T[]): boolean {
  return component.length > 1 || edges(component[0]).includes(component[0]);
}

/** A shortest path `start → … → start` inside a cycle. */
export function cyclePath<T>(start: T, component: readonly T[], edges: (n: T) => readonly T[]): T[] {
  const inside = new Set(component);
  const previous = new Map<T, T>();
  const queue: T[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head];
    for (const s of edges(n)) {
      if (!inside.has(s)) continue;
      if (s === start) {
        const between: T[] = [];
        for (let x = n; x !== start; x = previous.get(x)!) between.unshift(x);
        return [start, ...between, start];
      }
      if (!previous.has(s)) {
        previous.set(s, n);
        queue.push(s);
      }
    }
  }
  return [start, start];
}

/**
 * For every node of a cycle, the path from it back to itself as a message
 * shows it: `a → b → a`, shortened in the middle when long. One search serves
 * every node on the first cycle found (rotated to start there), so a long
 * cycle costs linear time, not quadratic.
 */
export function describeCycles<T>(component: readonly T[], edges: (n: T) => readonly T[], name: (n: T) => string): Map<T, string> {
  const out = new Map<T, string>();
  const describe = (loop: readonly T[], from: number): string => {
    const at = (k: number): string => name(loop[(from + k) % loop.length]);
    const steps = loop.length + 1; // back to the start
    const shown =
      steps > 8
        ? [at(0), at(1), at(2), at(3), `… (${steps - 6} more)`, at(steps - 2), at(steps - 1)]
        : Array.from({ length: steps }, (_, k) => at(k));
    return shown.join(" → ");
  };
  const loop = cyclePath(component[0], component, edges).slice(0, -1);
  loop.forEach((n, i) => out.set(n, describe(loop, i)));
  for (const n of component) if (!out.has(n)) out.set(n, describe(cyclePath(n, component, edges).slice(0, -1), 0));
  return out;
}
