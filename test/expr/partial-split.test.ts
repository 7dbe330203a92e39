// split() of partially known strings: the older Bicep compiler names child resources with
// `split(format('{0}/{1}', parent, child), '/')[i]`, which must come back to the symbols.
import { describe, expect, it } from 'vitest';
import { ev } from './helpers.js';
import { Unknown } from '../../src/expr/value.js';

const noValue = { parameters: { p: { type: 'string' }, q: { type: 'string' } }, resources: [] };

describe('split of partially known strings', () => {
  it('splits at known delimiters between symbolic pieces', () => {
    const a = ev("[split(format('{0}/{1}', parameters('p'), parameters('q')), '/')[0]]", { template: noValue }).value as Unknown;
    expect(a.symbol).toBe("parameters('p')");
    const b = ev("[split(format('{0}/x-{1}', parameters('p'), parameters('q')), '/')[1]]", { template: noValue }).value as Unknown;
    expect(b.parts?.[0]).toBe('x-');
    expect((b.parts?.[1] as Unknown).symbol).toBe("parameters('q')");
  });

  // The pieces are made on the guess that the unknown parts hold no delimiter, which names child
  // resources right; how many pieces there are is that guess alone: p = 'x/y' makes four here.
  it('does not know how many pieces there are: their count and an index past them are unknown, no error', () => {
    const t = { parameters: { p: { type: 'string' }, q: { type: 'string' } }, resources: [] };
    const count = ev("[length(split(format('{0}/{1}/c', parameters('p'), parameters('q')), '/'))]", { template: t });
    expect(count.value).toBeInstanceOf(Unknown);
    expect((count.value as Unknown).type).toBe('int');
    expect((count.value as Unknown).reason.message).toContain("parameter 'p'");
    for (const expr of [
      "[split(concat('a-b-', parameters('p')), '-')[4]]",
      "[indexFromEnd(split(concat('a-b-', parameters('p')), '-'), 5)]",
    ]) {
      const r = ev(expr, { template: t });
      expect(r.diags, expr).toEqual([]);
      expect(r.value, expr).toBeInstanceOf(Unknown);
    }
    // What comes before the first unknown part is known all the same, and so is a known array's end.
    expect(ev("[split(concat('a-b-', parameters('p')), '-')[1]]", { template: t }).plain).toBe('b');
    expect(ev("[last(split(concat(parameters('p'), '-x'), '-'))]", { template: t }).plain).toBe('x');
    expect(ev("[length(split('a-b-c', '-'))]").plain).toBe(3);
    expect(ev("[split('a-b', '-')[2]]").diags.map((d) => d.message)).toEqual(["The language expression property array index '2' is out of bounds (the array has 2 elements)."]);
    expect(ev("[split(concat('a-b-', parameters('p')), '-')[-1]]", { template: t }).diags).toHaveLength(1);
  });

  // A parameter's value may hold any delimiter but '/' (a resource name's segment holds none):
  // with p = 'x-y', split(concat('a-b-', p, '-c'), '-') is ['a', 'b', 'x', 'y', 'c'], so its
  // element 3 is 'y' and indexFromEnd(.., 3) is 'x'; both were 'c' and 'b', the guess's.
  it('knows the pieces before the first unknown part by index and those after the last from the end', () => {
    const t = { parameters: { p: { type: 'string' } }, resources: [] };
    const parts = "split(concat('a-b-', parameters('p'), '-c'), '-')";
    expect(ev(`[${parts}[0]]`, { template: t }).plain).toBe('a');
    expect(ev(`[first(${parts})]`, { template: t }).plain).toBe('a');
    expect(ev(`[${parts}[1]]`, { template: t }).plain).toBe('b');
    expect(ev(`[last(${parts})]`, { template: t }).plain).toBe('c');
    expect(ev(`[indexFromEnd(${parts}, 1)]`, { template: t }).plain).toBe('c');
    for (const expr of [`[${parts}[2]]`, `[${parts}[3]]`, `[${parts}[4]]`, `[indexFromEnd(${parts}, 2)]`, `[indexFromEnd(${parts}, 3)]`, `[length(${parts})]`]) {
      const r = ev(expr, { template: t });
      expect(r.diags, expr).toEqual([]);
      expect(r.value, expr).toBeInstanceOf(Unknown);
      expect((r.value as Unknown).symbol, expr).toBeUndefined();
      expect((r.value as Unknown).reason.message, expr).toContain("parameter 'p'");
    }
    expect(ev(`[concat(${parts}[1], '-', last(${parts}))]`, { template: t }).plain).toBe('b-c');
    // With a value, the pieces are Azure's.
    expect(ev(`[${parts}[3]]`, { template: t, params: { p: 'x-y' } }).plain).toBe('y');
    // A piece that starts with an unknown part is not known either, from either end.
    expect(ev("[first(split(concat(parameters('p'), '-x'), '-'))]", { template: t }).value).toBeInstanceOf(Unknown);
    expect(ev("[indexFromEnd(split(concat(parameters('p'), '-x'), '-'), 2)]", { template: t }).value).toBeInstanceOf(Unknown);
  });

  it('stays unknown (and symbolic) when the delimiter or a piece is not a symbol', () => {
    const r = ev("[split(parameters('p'), parameters('q'))]", { template: noValue });
    expect(r.value).toBeInstanceOf(Unknown);
    expect((r.value as Unknown).symbol).toBe("split(parameters('p'),parameters('q'))");
    expect(ev("[split('a/b', '/')]").plain).toEqual(['a', 'b']);
  });

  // A value only known at deployment may hold the delimiter any number of times: with no known
  // delimiter to split at, the pieces are not known, nor how many they are. Taking it for one
  // piece made an index past it an error Azure does not give (quickstarts: a VM size parameter
  // with no value split at '_', a storage account's blob endpoint from reference() split at
  // 'blob.' or '/', a Bicep image URN parameter split at ':').
  it('stays unknown when no known part holds the delimiter: an index into it is no error', () => {
    const t = { parameters: { masterVMSize: { type: 'string' }, imageURN: { type: 'string' } }, resources: [] };
    for (const expr of [
      "[toLower(split(parameters('masterVMSize'), '_')[1])]",
      "[split(parameters('imageURN'), ':')[2]]",
      "[split(concat('https://', parameters('imageURN')), ':')[1]]",
      "[replace(split(reference('witness', '2019-06-01').primaryEndpoints.blob, 'blob.')[1], '/', '')]",
      "[split(split(reference('witness', '2019-06-01').primaryEndpoints.blob, '/')[2], '.')[0]]",
    ]) {
      const r = ev(expr, { template: t });
      expect(r.diags, expr).toEqual([]);
      expect(r.value, expr).toBeInstanceOf(Unknown);
    }
    expect((ev("[split(parameters('imageURN'), ':')]", { template: t }).value as Unknown).symbol).toBe('split(parameters(\'imageURN\'),":")');
  });
});

describe('partly known property names', () => {
  it('keep objects keyed by partly known strings; unknown pieces without a symbol are {?}', () => {
    const t = { parameters: { p: { type: 'string' } }, resources: [] };
    const o = ev("[createObject(concat('a-', parameters('p')), 1)]", { template: t });
    expect(o.plain).toEqual({ "{a-{parameters('p')}}": 1 });
    const q = ev("[createObject(concat('a-', first(parameters('p'))), 1)]", { template: t });
    expect(Object.keys(q.plain as object)).toHaveLength(1);
  });
});
