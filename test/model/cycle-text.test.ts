import { describe, expect, it } from 'vitest';
import { cycleText } from '../../src/model/cycles.js';

describe('cycleText', () => {
  it('a short cycle is every name, closed by the first', () => {
    expect(cycleText(['a', 'b', 'c'])).toBe('a -> b -> c -> a');
    const ten = Array.from({ length: 10 }, (_, i) => `n${i}`);
    expect(cycleText(ten)).toBe([...ten, 'n0'].join(' -> '));
  });

  it('a long one names the first few, how many more, and the closing edge', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `'r${i}'`);
    expect(cycleText(names)).toBe("'r0' -> 'r1' -> 'r2' -> 'r3' -> 'r4' -> (4993 more) -> 'r4998' -> 'r4999' -> 'r0'");
    expect(cycleText(names.slice(0, 11))).toBe("'r0' -> 'r1' -> 'r2' -> 'r3' -> 'r4' -> (4 more) -> 'r9' -> 'r10' -> 'r0'");
  });
});
