// Cycles of a directed graph, for the dependency cycles ARM and the Bicep compiler reject: the
// strongly connected components (Tarjan, iteratively, linear in the edges), and in each one of two
// nodes or more the shortest cycle through its first node. Self edges are not followed (callers
// report a declaration naming itself on their own terms).

/** One cycle: its nodes in order (each has an edge to the next, the last to the first) and the last one's edge to the first. */
export interface Cycle<E> {
  nodes: number[];
  closing: E;
}

/**
 * One cycle per strongly connected component of two nodes or more, ordered by their first (lowest)
 * node. `edges(i)` gives node i's edges as [target, edge] pairs, in a fixed order (the cycle found
 * and the edge that closes it follow it, so the answer is the same on every run).
 */
export function cyclesOf<E>(n: number, edges: (i: number) => readonly (readonly [number, E])[]): Cycle<E>[] {
  const lists: (readonly (readonly [number, E])[])[] = [];
  for (let i = 0; i < n; i++) lists.push(edges(i).filter(([j]) => j !== i && j >= 0 && j < n));
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const frames: { v: number; k: number }[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    frames.push({ v: root, k: 0 });
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { v: number; k: number };
      const v = frame.v;
      const out = lists[v] as readonly (readonly [number, E])[];
      let descended = false;
      while (frame.k < out.length) {
        const w = (out[frame.k++] as readonly [number, E])[0];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push({ v: w, k: 0 });
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
      }
      if (descended) continue;
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] as number, low[v] as number);
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      for (;;) {
        const w = stack.pop() as number;
        onStack[w] = 0;
        component[w] = components.length;
        members.push(w);
        if (w === v) break;
      }
      components.push(members);
    }
  }
  const cycles: Cycle<E>[] = [];
  for (let c = 0; c < components.length; c++) {
    const members = components[c] as number[];
    if (members.length < 2) continue;
    const first = members.reduce((a, b) => Math.min(a, b));
    // The shortest way from the first node back to it inside the component (breadth first).
    const from = new Map<number, number>();
    const queue = [first];
    let closing: { last: number; edge: E } | undefined;
    for (let q = 0; q < queue.length && !closing; q++) {
      const u = queue[q] as number;
      for (const [w, edge] of lists[u] as readonly (readonly [number, E])[]) {
        if (component[w] !== c) continue;
        if (w === first) {
          closing = { last: u, edge };
          break;
        }
        if (from.has(w)) continue;
        from.set(w, u);
        queue.push(w);
      }
    }
    if (!closing) continue; // not possible in a component of two or more
    const nodes: number[] = [];
    for (let u = closing.last; u !== first; u = from.get(u) as number) nodes.push(u);
    nodes.push(first);
    nodes.reverse();
    cycles.push({ nodes, closing: closing.edge });
  }
  return cycles.sort((a, b) => (a.nodes[0] as number) - (b.nodes[0] as number));
}

/** Names a cycle's text shows at most: a cycle of 5,000 resources was one message of 54 KB. */
const SHOWN_HEAD = 5;
const SHOWN_TAIL = 2;

/**
 * A cycle's names joined with ' -> ' and closed by the first again ('a' -> 'b' -> 'a'). A long one
 * keeps its first few names, says how many more, and ends with its last two and the closing edge
 * back to the first: 'r0' -> ... -> 'r4' -> (4993 more) -> 'r4998' -> 'r4999' -> 'r0'.
 */
export function cycleText(names: readonly string[]): string {
  const omitted = names.length - SHOWN_HEAD - SHOWN_TAIL;
  // Up to ten names are all shown: eliding a few would not make the text much shorter.
  const shown = omitted < 4 ? [...names] : [...names.slice(0, SHOWN_HEAD), `(${omitted} more)`, ...names.slice(names.length - SHOWN_TAIL)];
  if (names.length > 0) shown.push(names[0] as string);
  return shown.join(' -> ');
}
