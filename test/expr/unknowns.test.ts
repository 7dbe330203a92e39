// Unknown values: propagation, partial strings, symbols, decidable cases.
import { describe, expect, it } from 'vitest';
import { ev, scopeOf, val } from './helpers.js';
import { Unknown } from '../../src/expr/value.js';
import { unknownText } from '../../src/expr/ops.js';

const noValue = { parameters: { p: { type: 'string' }, arr: { type: 'array' }, obj: { type: 'object' } }, resources: [] };

describe('unknown propagation', () => {
  it('deployment-time objects have symbolic fields', () => {
    const r = ev('[resourceGroup().location]');
    expect(r.value).toBeInstanceOf(Unknown);
    const u = r.value as Unknown;
    expect(u.reason.code).toBe('deployment-time');
    expect(u.symbol).toBe('resourceGroup().location');
    expect(u.reason.span).toBeDefined();
    expect(r.diags).toEqual([]);
  });

  it('equal symbols compare equal', () => {
    expect(val('[equals(resourceGroup().location, resourceGroup().location)]')).toBe(true);
    expect(val('[equals(resourceGroup().id, resourceGroup().id)]')).toBe(true);
    expect(val('[equals(uniqueString(resourceGroup().id), uniqueString(resourceGroup().id))]')).toBe(true);
    expect(ev('[equals(resourceGroup().location, subscription().subscriptionId)]').plain).toEqual({ $unknown: 'deployment-time' });
  });

  it('an element of range(0, n) with n unknown is its index (a Bicep loop over range(0, count) names its instances by it)', () => {
    const t = { parameters: { n: { type: 'int' }, start: { type: 'int' } }, resources: [] };
    expect(val("[range(0, parameters('n'))[3]]", { template: t })).toBe(3);
    expect(val("[equals(range(0, parameters('n'))[range(0, parameters('n'))[resourceGroup().location]], resourceGroup().location)]", { template: t })).toBe(true);
    // Another start is not simplified: its elements stay unknown.
    expect(ev("[range(parameters('start'), parameters('n'))[3]]", { template: t }).plain).toEqual({ $unknown: 'parameter-without-value' });
  });

  it('an array known in part (concat(), union() or flatten() of known arrays and one without a value) keeps the elements it surely holds', () => {
    const contains = (e: string) => {
      const v = ev(e, { template: noValue }).value;
      expect(v).toBeInstanceOf(Unknown);
      return (v as Unknown).contains;
    };
    expect(contains("[concat(createArray('a', 'b'), parameters('arr'), createArray('c'))]")).toEqual(['a', 'b', 'c']);
    expect((ev("[concat(createArray('a'), parameters('arr'))]", { template: noValue }).value as Unknown).type).toBe('array');
    expect(contains("[union(createArray('a'), parameters('arr'))]")).toEqual(['a']);
    expect(contains("[flatten(createArray(createArray('a'), parameters('arr')))]")).toEqual(['a']);
    // Through a second level, and not past what may drop elements.
    expect(contains("[concat(concat(createArray('a'), parameters('arr')), createArray('b'))]")).toEqual(['a', 'b']);
    expect(contains("[skip(concat(createArray('a'), parameters('arr')), 1)]")).toBeUndefined();
    expect(contains("[concat(parameters('arr'), parameters('arr'))]")).toBeUndefined();
    // Its length and elements stay unknown.
    expect(ev("[length(concat(createArray('a'), parameters('arr')))]", { template: noValue }).plain).toEqual({ $unknown: 'parameter-without-value' });
  });

  it('keeps the first unknown argument as the reason', () => {
    const r = ev("[toUpper(parameters('p'))]", { template: noValue });
    expect(r.plain).toEqual({ $unknown: 'parameter-without-value' });
    expect((r.value as Unknown).type).toBe('string');
  });

  it('builds partial strings from concat and format', () => {
    const r = ev("[concat('vm-', parameters('p'), '-nic')]", { template: noValue });
    const u = r.value as Unknown;
    expect(u.parts?.[0]).toBe('vm-');
    expect(u.parts?.[2]).toBe('-nic');
    expect(u.parts?.[1]).toBeInstanceOf(Unknown);
    const f = ev("[format('{0}/{1}', 'a', resourceGroup().name)]").value as Unknown;
    expect(f.parts).toHaveLength(2);
    expect((f.parts?.[1] as Unknown).symbol).toBe('resourceGroup().name');
    expect(val("[startsWith(concat('x', 'y'), 'x')]")).toBe(true);
    expect(val("[equals(concat('vm-', parameters('p')), 'db-1')]", { template: noValue })).toBe(false);
  });

  it('a number known within bounds compares with one beyond them: the length of a string known in part, an int with maxValue', () => {
    // Bicep's `length(tapId ?? '') > 0` for a module's tapId = tap.id: at least its written parts long.
    const id = "resourceId('Microsoft.Network/virtualNetworkTaps', parameters('p'))";
    expect(val(`[greater(length(${id}), 0)]`, { template: noValue })).toBe(true);
    expect(val(`[greater(length(coalesce(${id}, '')), 0)]`, { template: noValue })).toBe(true);
    expect(val(`[less(0, length(${id}))]`, { template: noValue })).toBe(true);
    // Within the bounds: still unknown (the id is at least '/subscriptions/' long, maybe more).
    expect(ev(`[greater(length(${id}), 20)]`, { template: noValue }).plain).toEqual({ $unknown: 'deployment-time' });
    // Only an id's start is trusted: uri() resolves '../' in an unknown part against the written
    // base, and a guessed split() piece may be cut short, so their written text bounds nothing.
    expect(ev("[greater(length(uri('https://a.com/aaaaaaaaaa/', concat('bbbbbbbbbb/', parameters('p')))), 20)]", { template: noValue }).plain).toEqual({ $unknown: 'parameter-without-value' });
    expect(ev("[greater(length(split(concat('/a/pre', parameters('p'), 'post/b'), '/')[2]), 5)]", { template: noValue }).plain).toEqual({ $unknown: 'parameter-without-value' });
    const bounded = { parameters: { n: { type: 'int', maxValue: 10 } }, resources: [] };
    expect(val("[less(parameters('n'), 100)]", { template: bounded })).toBe(true);
    expect(val("[greaterOrEquals(parameters('n'), 11)]", { template: bounded })).toBe(false);
    expect(ev("[less(parameters('n'), 5)]", { template: bounded }).plain).toEqual({ $unknown: 'parameter-without-value' });
  });

  it('a string known in part is never null; a value of a known type may be (a nullable parameter)', () => {
    // Bicep's `tapId != null` for a module parameter given tap.id: an id known in part.
    expect(val("[equals(resourceId('Microsoft.Network/virtualNetworkTaps', parameters('p')), null())]", { template: noValue })).toBe(false);
    expect(val("[not(equals(null(), concat(parameters('p'), '-nic')))]", { template: noValue })).toBe(true);
    expect(val("[equals(format('rg-{0}', resourceGroup().name), null())]")).toBe(false);
    // Its type alone does not say: a string parameter without a value may still be given null.
    expect(ev("[equals(parameters('p'), null())]", { template: noValue }).plain).toEqual({ $unknown: 'parameter-without-value' });
  });

  it('describes resource ids with unknown parts', () => {
    const r = ev("[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]");
    const u = r.value as Unknown;
    expect(u.type).toBe('string');
    expect(u.parts?.map((p) => (typeof p === 'string' ? p : `{${p.symbol}}`)).join('')).toBe(
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Network/virtualNetworkTaps/tap1',
    );
    expect(u.description).toMatch(/Microsoft.Network\/virtualNetworkTaps named 'tap1' in an unknown subscription/);
    expect(unknownText(u)).toMatch(/tap1/);
    expect(val("[equals(resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1'), resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1'))]")).toBe(true);
  });

  it('decides what it can despite unknown arguments', () => {
    const t = { template: noValue };
    expect(val("[if(true(), 'x', parameters('p'))]", t)).toBe('x');
    expect(val("[and(false(), equals(parameters('p'), 'a'))]", t)).toBe(false);
    expect(val("[or(equals(parameters('p'), 'a'), true())]", t)).toBe(true);
    expect(val("[length(createArray(parameters('p'), 1))]", t)).toBe(2);
    expect(val("[contains(createObject('k', parameters('p')), 'k')]", t)).toBe(true);
    expect(val("[empty(createArray(parameters('p')))]", t)).toBe(false);
    // a string known in part: not empty once a known part has text (a resource id in an unknown subscription)
    expect(val("[empty(resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1'))]")).toBe(false);
    expect(val("[empty(concat('x', parameters('p')))]", t)).toBe(false);
    expect(ev("[empty(concat('', parameters('p')))]", t).plain).toEqual({ $unknown: 'parameter-without-value' });
    // startsWith/endsWith/contains on a string known in part: decided where the known parts decide
    const id = "resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')";
    expect(val(`[startsWith(${id}, '/SUBSCRIPTIONS/')]`)).toBe(true);
    expect(val(`[startsWith(${id}, '/providers/')]`)).toBe(false);
    expect(val(`[endsWith(${id}, 'taps/TAP1')]`)).toBe(true);
    expect(val(`[endsWith(${id}, '/tap2')]`)).toBe(false);
    expect(val(`[contains(${id}, 'virtualNetworkTaps')]`)).toBe(true);
    // what the unknown part may hold stays unknown
    expect(ev(`[startsWith(${id}, '/subscriptions/0000')]`).plain).toEqual({ $unknown: 'deployment-time' });
    expect(ev(`[contains(${id}, 'nothere')]`).plain).toEqual({ $unknown: 'deployment-time' });
    expect(ev("[startsWith(concat(parameters('p'), 'x'), 'a')]", t).plain).toEqual({ $unknown: 'parameter-without-value' });
    // toLower/toUpper keep a string known in part in parts
    expect(val(`[equals(toLower(${id}), toLower(resourceId('Microsoft.Network/virtualNetworkTaps', 'TAP1')))]`)).toBe(true);
    expect(val(`[endsWith(toUpper(${id}), '/TAP1')]`)).toBe(true);
    // coalesce (Bicep `??`) keeps a string known in part: it is never null, so it is the result
    // (`!empty(tapId ?? '')` with a TAP id in an unknown subscription is true)
    expect(val(`[empty(coalesce(${id}, ''))]`)).toBe(false);
    expect(val(`[endsWith(coalesce(null(), ${id}), '/tap1')]`)).toBe(true);
    expect(ev("[coalesce(parameters('p'), 'x')]", t).plain).toEqual({ $unknown: 'parameter-without-value' });
    // a deployment-wide value keeps its symbol through empty()
    expect((ev('[empty(resourceGroup().name)]').value as Unknown).symbol).toBe('empty(resourceGroup().name)');
    expect(ev("[if(equals(parameters('p'), 'a'), 1, 2)]", t).plain).toEqual({ $unknown: 'parameter-without-value' });
    expect(ev("[length(parameters('arr'))]", t).plain).toEqual({ $unknown: 'parameter-without-value' });
    expect(ev("[parameters('obj').x.y]", t).plain).toEqual({ $unknown: 'parameter-without-value' });
  });

  it('never throws on unknown arguments to any function', () => {
    const fns = ['add', 'concat', 'format', 'split', 'json', 'union', 'range', 'parseCidr', 'dateTimeAdd', 'base64', 'uri', 'substring', 'padLeft', 'items', 'guid', 'createObject'];
    for (const f of fns) {
      const r = ev(`[${f}(parameters('p'), parameters('p'), parameters('p'))]`, { template: noValue });
      expect(r.value === null || typeof r.value !== 'undefined').toBe(true);
    }
  });

  it('reference() and list*() are runtime state', () => {
    expect(ev("[reference('x').properties]").plain).toEqual({ $unknown: 'runtime-state' });
    expect(ev("[listKeys('x', '2020-01-01').keys[0].value]").plain).toEqual({ $unknown: 'runtime-state' });
  });

  it('a list*() action takes a resource, an API version and optional values: other counts are errors, not runtime state', () => {
    // list{Value}(resourceName or resourceIdentifier, apiVersion, functionValues): Bicep's list* overload has the same 2 to 3.
    const st = "resourceId('Microsoft.Storage/storageAccounts', 'logs')";
    expect(ev(`[listAccountSas(${st}, '2023-01-01', createObject('signedExpiry', '2030-01-01T00:00:00Z'))]`).plain).toEqual({ $unknown: 'runtime-state' });
    const one = ev(`[listKeys(${st}).keys[0].value]`);
    expect(one.plain).toEqual({ $unknown: 'error' });
    expect(one.diags).toEqual([{ code: 'evaluation-error', message: "The template function 'listKeys' expects 2 to 3 argument(s) but was called with 1." }]);
    const four = ev(`[listSecrets(${st}, '2023-01-01', createObject(), 'extra')]`);
    expect(four.plain).toEqual({ $unknown: 'error' });
    expect(four.diags[0]?.message).toBe("The template function 'listSecrets' expects 2 to 3 argument(s) but was called with 4.");
  });
});

describe('contains with unknown elements', () => {
  const t = { template: { parameters: { p: { type: 'string' } }, resources: [] } };
  it('is true when a known element matches, unknown otherwise', () => {
    expect(val("[contains(createArray(parameters('p'), 'a'), 'a')]", t)).toBe(true);
    expect(ev("[contains(createArray(parameters('p'), 'a'), 'b')]", t).plain).toEqual({ $unknown: 'parameter-without-value' });
    expect(val("[contains(createArray('x', 'a'), 'b')]", t)).toBe(false);
  });
});

describe('if with an unknown condition', () => {
  const t = { template: { parameters: { p: { type: 'bool' } }, resources: [] } };
  it('is known when both branches agree, else one of them', () => {
    expect(val("[if(parameters('p'), 'x', 'x')]", t)).toBe('x');
    const r = ev("[if(parameters('p'), 'Enabled', 'Disabled')]", t);
    const u = r.value as Unknown;
    expect(u.oneOf).toEqual(['Enabled', 'Disabled']);
    expect(u.type).toBe('string');
  });
  it('does not report errors of branches that may not run', () => {
    const r = ev("[if(parameters('p'), createArray()[0], 1)]", t);
    expect(r.diags).toEqual([]);
  });
});

describe('resource ids in an unknown subscription and resource group', () => {
  it('share their subscription and resource group pieces, and each id has its reason at its own call', () => {
    const { scope, span } = scopeOf({ resources: [] });
    const a = scope.evaluateString("[resourceId('Microsoft.Network/virtualNetworks', 'a')]", span.sub(0, 10)) as Unknown;
    const b = scope.evaluateString("[resourceId('Microsoft.Network/virtualNetworks', 'b')]", span.sub(10, 20)) as Unknown;
    expect(a.parts?.[1]).toBe(b.parts?.[1]);
    expect(a.parts?.[3]).toBe(b.parts?.[3]);
    expect((a.parts?.[1] as Unknown).symbol).toBe('subscription().subscriptionId');
    expect(a.reason.message).toBe('subscription().subscriptionId is only known at deployment');
    expect(a.reason.span?.range()).not.toEqual(b.reason.span?.range());
    expect(a.reason.span?.range().start).toBeGreaterThanOrEqual(0);
    expect(b.reason.span?.range().start).toBeGreaterThanOrEqual(10);
    // A resource group known from the configuration: the subscription piece alone is unknown.
    const c = ev("[resourceId('Microsoft.Network/virtualNetworks', 'c')]", { deployment: { resourceGroup: 'rg1' } }).value as Unknown;
    expect(c.parts?.[2]).toBe('/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/c');
    expect(c.parts?.[1]).toBeInstanceOf(Unknown);
  });

  it('in a large deployment, the same id written at two calls shares its parts and description, and keeps each call as its reason', () => {
    const { scope, span } = scopeOf({ resources: [] });
    const expr = "[resourceId('Microsoft.Network/networkInterfaces', 'nic-1')]";
    // A small deployment does not share them (the memo's keys would cost more than they save).
    const small1 = scope.evaluateString(expr, span.sub(0, 10)) as Unknown;
    const small2 = scope.evaluateString(expr, span.sub(10, 20)) as Unknown;
    expect(small1.parts).not.toBe(small2.parts);
    expect(small1.parts).toEqual(small2.parts);
    // 2,000 ids make a large one.
    for (let i = 0; i < 2000; i++) scope.evaluateString(`[resourceId('Microsoft.Compute/virtualMachines', 'vm-${i}')]`, span.sub(0, 10));
    const a = scope.evaluateString(expr, span.sub(0, 10)) as Unknown;
    const b = scope.evaluateString(expr, span.sub(10, 20)) as Unknown;
    const other = scope.evaluateString("[resourceId('Microsoft.Network/networkInterfaces', 'nic-2')]", span.sub(20, 30)) as Unknown;
    expect(a).not.toBe(b);
    expect(a.parts).toBe(b.parts);
    expect(a.parts?.[4]).toBe('/providers/Microsoft.Network/networkInterfaces/nic-1');
    expect(a.reason).not.toBe(b.reason);
    expect(a.reason.span?.range().start).toBeLessThan(10);
    expect(b.reason.span?.range().start).toBeGreaterThanOrEqual(10);
    expect(b.description).toBe("a resource id of type Microsoft.Network/networkInterfaces named 'nic-1' in an unknown subscription and resource group");
    expect(other.parts).not.toBe(a.parts);
    expect(other.parts?.[4]).toBe('/providers/Microsoft.Network/networkInterfaces/nic-2');
    expect(other.description).toBe("a resource id of type Microsoft.Network/networkInterfaces named 'nic-2' in an unknown subscription and resource group");
    // Another deployment has pieces of its own: nothing is shared with it.
    const again = scopeOf({ resources: [] });
    for (let i = 0; i < 2000; i++) again.scope.evaluateString(`[resourceId('Microsoft.Compute/virtualMachines', 'vm-${i}')]`, again.span.sub(0, 10));
    const c = again.scope.evaluateString(expr, again.span.sub(0, 10)) as Unknown;
    expect(c.parts).not.toBe(a.parts);
    expect(c.parts?.[1]).not.toBe(a.parts?.[1]);
    // An id with a piece that is not the deployment's own (a parameter without a value) is not shared.
    const p = scopeOf({ parameters: { sub: { type: 'string' } }, resources: [] });
    for (let i = 0; i < 2000; i++) p.scope.evaluateString(`[resourceId('Microsoft.Compute/virtualMachines', 'vm-${i}')]`, p.span.sub(0, 10));
    const withParam = "[resourceId(parameters('sub'), 'rg', 'Microsoft.Network/networkInterfaces', 'nic-1')]";
    const d = p.scope.evaluateString(withParam, p.span.sub(0, 10)) as Unknown;
    const e = p.scope.evaluateString(withParam, p.span.sub(10, 20)) as Unknown;
    expect(d.parts).not.toBe(e.parts);
    expect(d.parts).toEqual(e.parts);
  });
});
