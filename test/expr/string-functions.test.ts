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

describe('format() with .NET format strings beyond the documented ones', () => {
  const fmt = (spec: string, arg: string): unknown => ev(`[format('{0:${spec}}', ${arg})]`).plain;
  const failure = (e: string): string | undefined => ev(e).diags[0]?.message;

  it('G with a precision switches to scientific notation as .NET does', () => {
    expect(fmt('G2', '1234')).toBe('1.2E+03');
    expect(fmt('G4', '1000000')).toBe('1E+06');
    expect(fmt('G5', '1234')).toBe('1234');
    expect(fmt('g3', "json('0.000012345')")).toBe('1.23e-05');
    expect(fmt('G3', "json('0.00012345')")).toBe('0.000123');
    expect(fmt('G1', '-5')).toBe('-5');
  });

  it('D and X of a non-integer fail, as .NET throws for a double', () => {
    expect(failure("[format('{0:D}', json('1.5'))]")).toMatch(/Format specifier was invalid/);
    expect(failure("[format('x{0:X2}', json('2.5'))]")).toMatch(/Format specifier was invalid/);
  });

  it('a letter .NET defines no standard format for fails; two letters are a custom pattern', () => {
    expect(failure("[format('{0:Z}', 5)]")).toMatch(/Format specifier was invalid/);
    expect(failure("[format('{0:q2}', 5)]")).toMatch(/Format specifier was invalid/);
    expect(fmt('ZZ', '5')).toBe('ZZ');
  });

  it("the index follows '{' at once; spaces may follow the index and the alignment", () => {
    expect(failure("[format('{ 0}', 5)]")).toMatch(/Input string was not in a correct format/);
    expect(ev("[format('{0 , 3 }|{0 }', 5)]").plain).toBe('  5|5');
  });

  it('.NET reads an index or a width only while it is below a million: more digits are a format error, not a clamped field', () => {
    // The width was clamped to a million characters: a two-billion-wide field gave a string.
    expect(failure("[format('{0,2000000000}', 'a')]")).toMatch(/Input string was not in a correct format/);
    expect(failure("[format('{0,-10000000}', 'a')]")).toMatch(/Input string was not in a correct format/);
    expect(failure("[format('{10000000}', 'a')]")).toMatch(/Input string was not in a correct format/);
    // Seven digits are read whole: an index that is out of range, a field that wide.
    expect(failure("[format('{1000000}', 'a')]")).toMatch(/Index \(zero based\)/);
    expect(ev("[length(format('{0,1000000}', 'a'))]").plain).toBe(1_000_000);
  });

  it('custom patterns keep literal text between the digit placeholders', () => {
    expect(fmt('00-00', '1234')).toBe('12-34');
    expect(fmt('000-000', '12')).toBe('000-012');
    expect(fmt('000-000', '1234567')).toBe('1234-567');
    expect(fmt('(###) ###-####', '5551234567')).toBe('(555) 123-4567');
    expect(fmt('#-#', '5')).toBe('-5');
    expect(fmt('0x0', '-12')).toBe('-1x2');
    // with group separators the digits are still written together
    expect(fmt('#,##0.00', '1234567')).toBe('1,234,567.00');
    // no integer placeholder: the digits go before the point
    expect(fmt('.00', "json('12.5')")).toBe('12.50');
    expect(fmt('.00', "json('0.5')")).toBe('.50');
  });

  it('a custom pattern without placeholders is its literal text', () => {
    expect(fmt('abc', '5')).toBe('abc');
  });
});

describe('format() precisions that cannot be written', () => {
  it("'{0:D999999999}' and '{0:X999999999}' are the maxStringLength limit, not an internal error (V8's longest string)", () => {
    for (const spec of ['D999999999', 'X999999999', 'E999999999', 'D400000000']) {
      const r = ev(`[format('{0:${spec}}', 7)]`);
      expect(r.plain).toEqual({ $unknown: 'limit' });
      expect(r.diags).toEqual([{ code: 'limit-exceeded', message: 'The string would be longer than 4194304 characters (limit maxStringLength).' }]);
    }
    // Within the limit, the digits are written.
    expect(ev("[length(format('{0:D5000}', 7))]").plain).toBe(5000);
  });

  it("'{0:E101}' writes 101 decimals, as .NET does (toExponential stops at 100: it was an internal error)", () => {
    const r = ev("[format('{0:E101}', 7)]");
    expect(r.diags).toEqual([]);
    expect(r.plain).toBe(`7.${'0'.repeat(101)}E+000`);
  });
});
