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
    expect(ev("[length(split(format('{0}/{1}/c', parameters('p'), parameters('q')), '/'))]", { template: noValue }).plain).toBe(3);
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
