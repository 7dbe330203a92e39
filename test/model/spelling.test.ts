import { describe, expect, it } from 'vitest';
import { distance, suggestion } from '../../src/model/spelling.js';

/** The textbook Levenshtein distance, to check the banded one against. */
function naive(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

describe('spelling suggestions', () => {
  it('the banded distance is exact below its limit and at least the limit otherwise', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const word = () => Array.from({ length: rnd(12) }, () => 'abc'[rnd(3)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = word();
      const d = naive(a, b);
      expect(distance(a, b)).toBe(d);
      const limit = 1 + rnd(6);
      const bounded = distance(a, b, limit);
      if (d < limit) expect(bounded).toBe(d);
      else expect(bounded).toBeGreaterThanOrEqual(limit);
    }
  });

  it('picks the same names as before: case first, then the nearest', () => {
    expect(suggestion('locaton', ['name', 'location', 'locations'])).toBe('location');
    expect(suggestion('CONCAT', ['concat'])).toBe('concat');
    expect(suggestion('pool0', ['pool1', 'pool2'])).toBe('pool1');
    expect(suggestion('xyz', ['location'])).toBeUndefined();
  });

  it('a name longer than any identifier gets only a case-only suggestion (an 80 KB template named two 40,000-character names and took 30 s)', () => {
    const declared = 'a'.repeat(40_000);
    expect(suggestion(`${'a'.repeat(39_999)}b`, [declared])).toBeUndefined();
    expect(suggestion('A'.repeat(40_000), [declared])).toBe(declared);
  });
});
