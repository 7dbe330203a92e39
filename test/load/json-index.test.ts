// The compact position index gives the same ranges as jsonc-parser's tree, for every value.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import { JsonIndex } from '../../src/load/json-index.js';
import type { PathKey } from '../../src/model/span.js';

function allPaths(n: Node, path: PathKey[] = [], out: PathKey[][] = []): PathKey[][] {
  out.push(path);
  if (n.type === 'object') for (const p of n.children ?? []) out.push(...allPaths(p.children![1]!, [...path, p.children![0]!.value as string], []));
  if (n.type === 'array') (n.children ?? []).forEach((c, i) => out.push(...allPaths(c, [...path, i], [])));
  return out;
}

describe('JsonIndex', () => {
  const samples = [
    '{"a": 1, "b": [true, null, -2.5e3, "x"], "c": {"d": {"e": []}, "f": {}}}',
    '{\r\n  // comment\r\n  "a": [1, 2,],\r\n  /* block */ "b": {"c\\"q": "v\\u0041",},\r\n}\r\n',
    '\ufeff[ {"k": "v"}, [ [ ] ], "s" ]',
    // Large containers are looked up through tables (an element of a long array, a member of a big object).
    JSON.stringify({ list: Array.from({ length: 80 }, (_, i) => ({ name: `n${i}`, v: [i, { i }] })), big: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i % 2 ? `s${i}` : [i]])) }, null, 1),
  ];
  for (const text of samples) {
    test(`ranges match jsonc-parser: ${JSON.stringify(text).slice(0, 40)}`, () => {
      const tree = parseTree(text, [], { allowTrailingComma: true })!;
      const idx = JsonIndex.build(text)!;
      expect(idx).toBeDefined();
      for (const path of allPaths(tree)) {
        const n = path.length ? findNodeAtLocation(tree, path)! : tree;
        const i = idx.find(path);
        expect(idx.range(i), JSON.stringify(path)).toEqual({ start: n.offset, end: n.offset + n.length });
        if (n.parent?.type === 'property') {
          const k = n.parent.children![0]!;
          expect(idx.findKey(path)).toEqual({ start: k.offset, end: k.offset + k.length });
        } else expect(idx.findKey(path)).toBeUndefined();
      }
    });
  }

  test('a duplicate key of a large object resolves to the last one too', () => {
    const members = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    const text = `{"dup": 1, ${members.join(', ')}, "dup": 333}`;
    const idx = JsonIndex.build(text)!;
    const at = text.lastIndexOf('333');
    expect(idx.range(idx.find(['dup']))).toEqual({ start: at, end: at + 3 });
    expect(idx.find(['missing'])).toBe(-1);
    expect(idx.find(['k39'])).toBeGreaterThan(0);
  });

  test('an index past the end of a long array is not found', () => {
    const idx = JsonIndex.build(JSON.stringify(Array.from({ length: 40 }, (_, i) => i)))!;
    expect(idx.find([39])).toBeGreaterThan(0);
    expect(idx.find([40])).toBe(-1);
    expect(idx.find([1000])).toBe(-1);
  });

  test('a duplicate key resolves to the last one, as JSON.parse keeps it', () => {
    const text = '{"a": 1, "a": 22}';
    const idx = JsonIndex.build(text)!;
    expect(idx.range(idx.find(['a']))).toEqual({ start: 14, end: 16 });
  });

  test('missing paths and non-JSON', () => {
    const idx = JsonIndex.build('{"a": [1]}')!;
    expect(idx.find(['b'])).toBe(-1);
    expect(idx.find(['a', 3])).toBe(-1);
    expect(idx.find(['a', 'x'])).toBe(-1);
    expect(JsonIndex.build('{"a": ')).toBeUndefined();
    expect(JsonIndex.build('')).toBeUndefined();
  });

  test('deep nesting is indexed without recursion', () => {
    const depth = 100_000;
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const idx = JsonIndex.build(text)!;
    expect(idx.range(idx.find(new Array<number>(depth - 1).fill(0)))).toEqual({ start: depth - 1, end: depth + 1 });
  });
});
