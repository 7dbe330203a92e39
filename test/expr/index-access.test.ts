// Indexing (x[i]) with an integer beyond 2^53: ARM's out-of-bounds error, as for any index past
// the end, not an unknown (no array has that many elements).
import { describe, expect, it } from 'vitest';
import { ev } from './helpers.js';

describe('an index beyond 2^53', () => {
  it('of an array is out of bounds', () => {
    const r = ev('[createArray(1, 2)[9223372036854775807]]');
    expect(r.diags.map((d) => d.message)).toEqual(["The language expression property array index '9223372036854775807' is out of bounds (the array has 2 elements)."]);
    const computed = ev('[createArray(1, 2)[add(9007199254740992, 1)]]');
    expect(computed.diags.map((d) => d.message)).toEqual(["The language expression property array index '9007199254740993' is out of bounds (the array has 2 elements)."]);
  });

  it('of an object is no property name', () => {
    const r = ev("[createObject('a', 1)[9007199254740993]]");
    expect(r.diags.map((d) => d.message)).toEqual(["The language expression property name must be a string; the provided value is of type 'Integer'."]);
  });
});
