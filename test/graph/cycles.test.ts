import { describe, expect, it } from 'vitest';
import { cyclesOf } from '../../src/model/cycles.js';

const graph = (edges: Record<number, number[]>) => (i: number) => (edges[i] ?? []).map((j) => [j, `${i}->${j}`] as const);

describe('cyclesOf', () => {
  it('finds one cycle per strongly connected component, from its first node, closed by the edge back to it', () => {
    // 0 -> 1 -> 2 -> 0 (and 1 -> 0 shorter), 3 -> 4 -> 3, 5 alone with a self edge, 6 -> 0 outside any cycle.
    const cycles = cyclesOf(7, graph({ 0: [1], 1: [2, 0], 2: [0], 3: [4], 4: [3], 5: [5], 6: [0] }));
    expect(cycles).toEqual([
      { nodes: [0, 1], closing: '1->0' },
      { nodes: [3, 4], closing: '4->3' },
    ]);
  });

  it('is iterative: a chain of 100,000 nodes closed at its end', () => {
    const n = 100_000;
    const cycles = cyclesOf(n, (i) => [[(i + 1) % n, i] as const]);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.nodes).toHaveLength(n);
    expect(cycles[0]?.closing).toBe(n - 1);
  });

  it('finds nothing in a graph without cycles', () => {
    expect(cyclesOf(4, graph({ 0: [1, 2], 1: [3], 2: [3] }))).toEqual([]);
  });
});
