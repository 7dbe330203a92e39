// ObjectValue: ARM's case-insensitive objects, kept compact (one array; a key index only for large
// objects). The same behaviour below and above the size where the index starts.
import { describe, expect, test } from 'vitest';
import { ObjectValue } from '../../src/expr/value.js';

describe.each([3, 40])('an object of %i properties', (n) => {
  const make = (capacity: number) => {
    const o = new ObjectValue(capacity);
    for (let i = 0; i < n; i++) o.set(`Key${i}`, i);
    return o;
  };

  test('finds properties whatever their case, keeps insertion order, grows past its capacity', () => {
    for (const capacity of [0, 1, n, n * 2]) {
      const o = make(capacity);
      expect(o.size).toBe(n);
      expect(o.get(`key${n - 1}`)).toBe(n - 1);
      expect(o.get(`KEY0`)).toBe(0);
      expect(o.has('missing')).toBe(false);
      expect(o.keys()).toEqual(Array.from({ length: n }, (_, i) => `Key${i}`));
      expect(o.values()).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  test('keyAt/valueAt/spanAt read property i in insertion order, as entry() does', () => {
    const o = make(0);
    o.delete('key0'); // positions follow a deletion
    for (let i = 0; i < o.size; i++) {
      expect(o.keyAt(i)).toBe(`Key${i + 1}`);
      expect(o.valueAt(i)).toBe(i + 1);
      expect(o.spanAt(i)).toBe(o.entry(`Key${i + 1}`)?.span);
    }
  });

  test('setting an existing key keeps its place and takes the new spelling', () => {
    const o = make(0);
    o.get('key1'); // a lookup first: a large object's index is built, and must follow the change
    o.set('KEY1', 'new');
    expect(o.size).toBe(n);
    expect(o.keys()[1]).toBe('KEY1');
    expect(o.get('Key1')).toBe('new');
    o.set('Added', true);
    expect(o.keys().at(-1)).toBe('Added');
    expect(o.get('added')).toBe(true);
  });

  test('deleting shifts the rest and lookups stay right', () => {
    const o = make(0);
    o.get('key0');
    expect(o.delete('KEY0')).toBe(true);
    expect(o.delete('key0')).toBe(false);
    expect(o.size).toBe(n - 1);
    expect(o.get('key0')).toBeUndefined();
    expect(o.get(`key${n - 1}`)).toBe(n - 1);
    expect(o.keys()[0]).toBe('Key1');
  });

  test('__proto__ and constructor are ordinary keys', () => {
    const o = make(0);
    o.set('__proto__', 'p');
    o.set('constructor', 'c');
    expect(o.get('__PROTO__')).toBe('p');
    expect(o.get('Constructor')).toBe('c');
    expect(o.has('toString')).toBe(false);
    expect(Object.getPrototypeOf(o)).toBe(ObjectValue.prototype);
  });
});
