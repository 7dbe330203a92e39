// Resource ids split into segments, including partly known ids whose segments mix text and
// unknown pieces (what resourceId() gives without a deployment context).
import { describe, expect, it } from 'vitest';
import { parseResourceId, relativeKey, sameScope, splitSegments } from '../../src/deploy/resource-id.js';
import { Unknown } from '../../src/expr/value.js';

const reason = { code: 'deployment-time' as const, message: 'only known at deployment' };
const sub = new Unknown(reason, 'string', undefined, 'subscription().subscriptionId');
const opaque = new Unknown(reason, 'string');

describe('splitSegments', () => {
  it('splits known text at every slash, keeping empty segments', () => {
    expect(splitSegments('/a/b//c/')).toEqual([[], ['a'], ['b'], [], ['c'], []]);
    expect(splitSegments('plain')).toEqual([['plain']]);
    expect(splitSegments(3)).toBeUndefined();
  });

  it('keeps text and unknown pieces of one segment together, in order', () => {
    const v = new Unknown(reason, 'string', ['/subscriptions/', sub, '/resourceGroups/rg/x/nic-', opaque, '-a/b']);
    expect(splitSegments(v)).toEqual([[], ['subscriptions'], [sub], ['resourceGroups'], ['rg'], ['x'], ['nic-', opaque, '-a'], ['b']]);
    // A segment that is only an unknown and a segment made of two unknowns.
    const w = new Unknown(reason, 'string', [opaque, sub, '/', sub]);
    expect(splitSegments(w)).toEqual([[opaque, sub], [sub]]);
  });

  it('gives exact-size segment arrays (they are kept with every resource id)', () => {
    const v = new Unknown(reason, 'string', ['/x/a-', opaque, '-b-', sub, '-c']);
    const segs = splitSegments(v) as unknown[][];
    expect(segs[2]).toEqual(['a-', opaque, '-b-', sub, '-c']);
    expect(segs[2]?.length).toBe(5);
  });
});

describe('shared segments', () => {
  it('ids share one array per segment text and per deployment-wide unknown, not one each', () => {
    const a = new Unknown(reason, 'string', ['/subscriptions/', sub, '/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-1']);
    const b = new Unknown(reason, 'string', ['/subscriptions/', sub, '/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-2']);
    const [x, y] = [parseResourceId(a), parseResourceId(b)];
    expect(y?.scope[1]).toBe(x?.scope[1]); // [sub]
    expect(y?.scope[3]).toBe(x?.scope[3]); // ['rg']
    expect(y?.names[0]).not.toBe(x?.names[0]);
    expect(parseResourceId(`/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-1`)?.names[0]).toBe(x?.names[0]);
  });
});

describe('parseResourceId', () => {
  it('reads a partly known id and keys it by the symbols of its unknown pieces', () => {
    const v = new Unknown(reason, 'string', ['/subscriptions/', sub, '/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-', opaque]);
    const id = parseResourceId(v);
    expect(id?.namespace).toBe('Microsoft.Network');
    expect(id?.types).toEqual(['networkInterfaces']);
    expect(id?.names).toEqual([['nic-', opaque]]);
    expect(id && relativeKey(id)).toMatch(/^microsoft\.network\/networkinterfaces\/nic-\{\?\d+\}$/);
  });
});

describe('sameScope', () => {
  const rg = new Unknown(reason, 'string', undefined, 'resourceGroup().name');
  it('is true for the same texts (any case) and the same deployment-wide unknowns', () => {
    expect(sameScope([['subscriptions'], ['S1'], ['resourceGroups'], ['App-RG']], [['subscriptions'], ['s1'], ['resourceGroups'], ['app-rg']])).toBe(true);
    expect(sameScope([['subscriptions'], [sub], ['resourceGroups'], [rg]], [['subscriptions'], [sub], ['resourceGroups'], [rg]])).toBe(true);
  });
  it('is false when a known segment differs, or the scopes have different lengths', () => {
    expect(sameScope([['subscriptions'], [sub], ['resourceGroups'], ['a']], [['subscriptions'], [sub], ['resourceGroups'], ['b']])).toBe(false);
    expect(sameScope([['subscriptions'], [sub]], [['subscriptions'], [sub], ['resourceGroups'], ['b']])).toBe(false);
  });
  it("is undecided when an unknown may or may not be the other's text", () => {
    expect(sameScope([['subscriptions'], [sub], ['resourceGroups'], [rg]], [['subscriptions'], [sub], ['resourceGroups'], ['other-rg']])).toBeUndefined();
    expect(sameScope([['subscriptions'], [opaque], ['resourceGroups'], ['a']], [['subscriptions'], [sub], ['resourceGroups'], ['a']])).toBeUndefined();
  });
});
