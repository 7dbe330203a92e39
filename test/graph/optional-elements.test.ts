// The elements of an array chosen at deployment (cond ? a : b) are listed once each, with the
// options that hold them. That compared each element with every one seen and with every option's:
// quadratic, 8 s for two variables of 4,000 NIC IP configurations from a template of 1 KB. The
// comparisons are counted here (an object's entries() is read once per deep comparison), so the
// test fails on the count, not on time.
import { describe, expect, it } from 'vitest';
import { optionalElements } from '../../src/graph/vtap.js';
import { equalityHash, deepEquals } from '../../src/expr/ops.js';
import { ObjectValue, Unknown } from '../../src/expr/value.js';
import type { Value } from '../../src/expr/value.js';
import type { Span } from '../../src/model/span.js';

let reads = 0;
class Counted extends ObjectValue {
  override entries(): [string, Value][] {
    reads++;
    return super.entries();
  }
}
const config = (name: string): Counted => {
  const o = new Counted();
  o.set('name', name);
  o.set('properties', ObjectValue.from([['privateIPAllocationMethod', 'Dynamic']]));
  return o;
};
const span = {} as Span;
const chosen = (...options: Value[]) => new Unknown({ code: 'parameter-without-value', message: 'c has no value' }, 'array', undefined, undefined, undefined, options);

describe('optionalElements', () => {
  it('two options of 1,500 distinct elements each: a linear number of comparisons', () => {
    const a = Array.from({ length: 1500 }, (_, i) => config(`a${i}`));
    const b = Array.from({ length: 1500 }, (_, i) => config(`b${i}`));
    reads = 0;
    const out = optionalElements({ value: chosen(a, b), span }, { when: undefined });
    expect(out).toHaveLength(3000);
    expect(out.every((e) => e.options?.size === 1)).toBe(true);
    // One read per element to hash it, and a few for elements whose hashes meet; was over 11 million.
    expect(reads).toBeLessThan(10_000);
  });

  it('an element in both options (equal, not the same object, keys in another case) is listed once, held by both', () => {
    const shared = config('s');
    const again = new ObjectValue();
    again.set('PROPERTIES', ObjectValue.from([['privateipallocationmethod', 'Dynamic']]));
    again.set('Name', 's');
    expect(deepEquals(shared, again)).toBe(true);
    expect(equalityHash(shared)).toBe(equalityHash(again));
    const out = optionalElements({ value: chosen([config('x'), shared], [again]), span }, { when: undefined });
    expect(out.map((e) => [e.at.value instanceof ObjectValue ? e.at.value.get('name') : undefined, e.when === undefined, [...(e.options ?? [])]])).toEqual([
      ['x', false, [0]],
      ['s', true, []],
    ]);
  });
});
