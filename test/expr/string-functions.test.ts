// String functions (format, concat, join) beyond the documented examples: what they give for an
// argument known only at deployment, and for an integer beyond 2^53 whose digits are known.
import { describe, expect, it } from 'vitest';
import { ev } from './helpers.js';

const template = { parameters: { n: { type: 'int' }, s: { type: 'string' } }, resources: [] };

describe('format(), concat() and join() of a value known only at deployment', () => {
  it('the text of an unknown integer is a string, not the integer itself', () => {
    for (const e of ["[format('{0}', parameters('n'))]", "[concat('', parameters('n'))]", "[join(createArray(parameters('n')), ',')]"]) {
      const r = ev(e, { template });
      expect(r.diags, e).toEqual([]);
      expect(r.value, e).toMatchObject({ type: 'string' });
      // ARM: equals('7', 7) is false; it is never true.
      expect(ev(`[equals(${e.slice(1, -1)}, parameters('n'))]`, { template }).plain, e).not.toBe(true);
    }
  });

  it('two texts of one value are still equal', () => {
    expect(ev("[equals(format('{0}', parameters('n')), concat('', parameters('n')))]", { template }).plain).toBe(true);
    expect(ev("[equals(format('x{0}', parameters('s')), concat('x', parameters('s')))]", { template }).plain).toBe(true);
  });

  it('a format string or an alignment makes another value, never the argument', () => {
    // '{0:D3}' of 7 is '007', '{0}' of 7 is '7'; '{0,5}' of 'ab' is '   ab'.
    expect(ev("[equals(format('{0:D3}', parameters('n')), format('{0}', parameters('n')))]", { template }).plain).not.toBe(true);
    expect(ev("[equals(format('{0,5}', parameters('s')), parameters('s'))]", { template }).plain).not.toBe(true);
    expect(ev("[equals(format('{0,-5}', parameters('s')), format('{0,5}', parameters('s')))]", { template }).plain).not.toBe(true);
    // The same format of the same value is the same text.
    expect(ev("[equals(format('{0:D3}', parameters('n')), format('{0:D3}', parameters('n')))]", { template }).plain).toBe(true);
    // .NET ignores a format string for a string argument.
    expect(ev("[equals(format('{0:D3}', parameters('s')), parameters('s'))]", { template }).plain).toBe(true);
  });

  it('an integer beyond 2^53 with known digits prints them', () => {
    expect(ev("[format('{0}', 9007199254740993)]").plain).toBe('9007199254740993');
    expect(ev("[format('id-{0}', 9223372036854775807)]").plain).toBe('id-9223372036854775807');
    expect(ev("[concat('id-', 9007199254740993)]").plain).toBe('id-9007199254740993');
  });
});
