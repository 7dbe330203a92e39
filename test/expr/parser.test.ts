import { describe, expect, it } from 'vitest';
import { parseTemplateString, parseTemplateStringUncached } from '../../src/expr/parser.js';

describe('parseTemplateString', () => {
  it('treats strings that are not [ ... ] as literals', () => {
    expect(parseTemplateString('hello')).toEqual({ kind: 'literal', value: 'hello' });
    expect(parseTemplateString('[abc')).toEqual({ kind: 'literal', value: '[abc' });
    expect(parseTemplateString(' [concat()]')).toEqual({ kind: 'literal', value: ' [concat()]' });
    expect(parseTemplateString('')).toEqual({ kind: 'literal', value: '' });
  });

  it('removes the first [ of a [[ escape', () => {
    expect(parseTemplateString("[[concat('a')]")).toEqual({ kind: 'literal', value: "[concat('a')]" });
    expect(parseTemplateString('[[1,2,3]]')).toEqual({ kind: 'literal', value: '[1,2,3]]' });
  });

  it('parses calls, strings with quote escapes, negative integers and nesting, with offsets', () => {
    const r = parseTemplateString("[ concat('it''s', -12, add(1, 2)) ]");
    expect(r.kind).toBe('expr');
    if (r.kind !== 'expr') return;
    const call = r.ast;
    expect(call).toMatchObject({ k: 'call', name: 'concat', start: 2, end: 33 });
    if (call.k !== 'call') return;
    expect(call.args[0]).toEqual({ k: 'lit', value: "it's", start: 9, end: 16 });
    expect(call.args[1]).toEqual({ k: 'lit', value: -12, start: 18, end: 21 });
    expect(call.args[2]).toMatchObject({ k: 'call', name: 'add' });
  });

  it('parses namespaced calls, property access and indexing', () => {
    const r = parseTemplateString("[__bicep.fn(1).a.b['c'][0]]");
    expect(r.kind).toBe('expr');
    if (r.kind !== 'expr') return;
    expect(r.ast).toMatchObject({
      k: 'index',
      index: { k: 'lit', value: 0 },
      obj: { k: 'index', index: { value: 'c' }, obj: { k: 'member', name: 'b', obj: { k: 'member', name: 'a', obj: { k: 'call', ns: '__bicep', name: 'fn' } } } },
    });
  });

  it('reports syntax errors with offsets into the string', () => {
    const s = "[concat('a' 'b')]";
    const r = parseTemplateString(s);
    expect(r).toMatchObject({ kind: 'error', start: 12, end: 13 });
    const u = parseTemplateString("[concat('abc)]");
    expect(u.kind).toBe('error');
    if (u.kind === 'error') expect(u.start).toBe(8);
    expect(parseTemplateString('[]').kind).toBe('error');
    expect(parseTemplateString('[foo]')).toMatchObject({ kind: 'error', start: 1 });
    expect(parseTemplateString('[1.5]').kind).toBe('error');
    expect(parseTemplateString('[add(1,2) extra]').kind).toBe('error');
  });

  it('reads literals at the edges: quotes escaped first or last, empty strings, -0, 15 and 16 digits', () => {
    const lits = (s: string): unknown => {
      const r = parseTemplateString(s);
      return r.kind === 'expr' && r.ast.k === 'call' ? r.ast.args.map((a) => (a.k === 'lit' ? a.value : a.k)) : r.kind;
    };
    expect(lits("[concat('''a', 'a''', '', '''', 'x''''y')]")).toEqual(["'a", "a'", '', "'", "x''y"]);
    const nums = lits('[createArray(-0, 123456789012345, -1234567890123456, 0)]') as unknown[];
    expect(nums).toEqual([0, 123456789012345, -1234567890123456, 0]);
    expect(Object.is(nums[0], 0)).toBe(true);
    expect(parseTemplateString("[concat('abc'')]").kind).toBe('error');
  });

  it('rejects integers outside 64 bits', () => {
    expect(parseTemplateString('[add(99999999999999999999, 1)]').kind).toBe('error');
    expect(parseTemplateString('[add(9223372036854775807, 0)]').kind).toBe('expr');
  });

  it('limits nesting depth without overflowing the stack', () => {
    const deep = (n: number): string => `[${'not('.repeat(n)}true()${')'.repeat(n)}]`;
    expect(parseTemplateString(deep(200)).kind).toBe('expr');
    const r = parseTemplateString(deep(100_000));
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(/nested more than 256/);
    const chain = `[x()${'.a'.repeat(10_000)}]`;
    expect(parseTemplateString(chain).kind).toBe('error');
  });

  it('limits the length of an expression', () => {
    const r = parseTemplateStringUncached(`[concat('${'a'.repeat(100)}')]`, { maxDepth: 256, maxLength: 50 });
    expect(r.kind).toBe('error');
  });

  it('caches parses by content', () => {
    const a = parseTemplateString("[concat('cached')]");
    expect(parseTemplateString("[concat('cached')]")).toBe(a);
  });
});
