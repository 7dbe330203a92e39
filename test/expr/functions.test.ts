// Built-in functions, per family (own examples, not the conformance data).
import { describe, expect, it } from 'vitest';
import { ev, plain, val } from './helpers.js';
import { uniqueString, armGuid } from '../../src/expr/hash.js';
import { lookupFunction } from '../../src/expr/functions/index.js';
import { ObjectValue, Unknown } from '../../src/expr/value.js';

describe('function lookup', () => {
  it('is case-insensitive', () => {
    expect(val("[CONCAT('a', ToUpper('b'))]")).toBe('aB');
    expect(lookupFunction('uniquestring')?.name).toBe('uniqueString');
  });
  it('reports unknown function names as unsupported', () => {
    const r = ev('[noSuchFunction(1)]');
    expect(r.plain).toEqual({ $unknown: 'unsupported' });
    expect(r.diags[0]?.message).toMatch(/noSuchFunction/);
  });
  it('checks arity', () => {
    const r = ev('[add(1)]');
    expect(r.plain).toEqual({ $unknown: 'error' });
    expect(r.diags[0]).toMatchObject({ code: 'evaluation-error' });
  });
});

describe('shallowMerge() of an object known only at deployment (a Bicep spread)', () => {
  const template = { parameters: { on: { type: 'bool' }, extra: { type: 'object' } }, resources: [] };
  const merged = (expr: string): ObjectValue => {
    const r = ev(expr, { template });
    expect(r.diags).toEqual([]);
    expect(r.value).toBeInstanceOf(ObjectValue);
    return r.value as ObjectValue;
  };
  it('keeps what a conditional object cannot change, and makes unknown what it may set', () => {
    // { a: 1, ...(on ? { b: 2, a: 5 } : {}), c: 3 }: it was unknown as a whole.
    const o = merged("[shallowMerge(createArray(createObject('a', 1), if(parameters('on'), createObject('b', 2, 'a', 5), createObject()), createObject('c', 3)))]");
    expect(plain(o)).toEqual({ a: { $unknown: 'parameter-without-value' }, b: { $unknown: 'parameter-without-value' }, c: 3 });
    // Both branches give 'a' a value (one by keeping the earlier 1): one of them, chosen by the condition.
    const a = o.get('a') as Unknown;
    expect(a.oneOf).toEqual([5, 1]);
    expect(a.choice?.whenTrue).toBe(5);
    expect(a.choice?.whenFalse).toBe(1);
    // 'b' is set by one branch only: present or not, which no value says.
    expect((o.get('b') as Unknown).oneOf).toBeUndefined();
    // Which properties it has is not known ('b' may be absent): functions that look at all of it get an unknown.
    expect(o.partial).toEqual({ reason: expect.objectContaining({ code: 'parameter-without-value' }), open: false });
    expect(ev("[length(shallowMerge(createArray(createObject('a', 1), if(parameters('on'), createObject('b', 2), createObject()))))]", { template }).plain).toEqual({ $unknown: 'parameter-without-value' });
    // A property no option sets is surely absent: reading it is ARM's error.
    expect(ev("[shallowMerge(createArray(createObject('a', 1), if(parameters('on'), createObject('b', 2), createObject()))).c]", { template }).diags[0]?.message).toMatch(/The language expression property 'c' doesn't exist/);
  });
  it('an object of which nothing is known may set any property: those before it are unknown, those after it known', () => {
    const after = merged("[shallowMerge(createArray(parameters('extra'), createObject('c', 3)))]");
    expect(plain(after)).toEqual({ c: 3 });
    expect(after.partial).toEqual({ reason: expect.objectContaining({ code: 'parameter-without-value' }), open: true });
    const before = merged("[shallowMerge(createArray(createObject('a', 1), parameters('extra')))]");
    expect(plain(before)).toEqual({ a: { $unknown: 'parameter-without-value' } });
    // Read through a property it does not list: unknown, not absent.
    expect(ev("[shallowMerge(createArray(parameters('extra'), createObject('c', 3))).d]", { template }).plain).toEqual({ $unknown: 'parameter-without-value' });
  });
  it('a function that looks at all of a partial object gets an unknown; one spread again, or an option that is partial, stays partial', () => {
    // These were definite answers from the properties listed (contains() false, length() 1, ...).
    const v0 = "shallowMerge(createArray(parameters('extra'), createObject('a', 0)))";
    for (const f of [`contains(${v0}, 'q')`, `length(${v0})`, `objectKeys(${v0})`, `empty(${v0})`, `string(${v0})`, `union(${v0}, createObject('b', 1))`, `equals(${v0}, createObject('a', 0))`]) {
      expect(ev(`[${f}]`, { template }).plain, f).toEqual({ $unknown: 'parameter-without-value' });
    }
    const again = merged(`[shallowMerge(createArray(${v0}, createObject('b', 1)))]`);
    expect(plain(again)).toEqual({ a: 0, b: 1 });
    expect(again.partial?.open).toBe(true);
    // A condition's option that is itself open: any property before it may be replaced.
    const opt = merged(`[shallowMerge(createArray(createObject('v', 'IPv4'), if(parameters('on'), ${v0}, createObject())))]`);
    expect(plain(opt)).toEqual({ v: { $unknown: 'parameter-without-value' } });
    expect(opt.partial?.open).toBe(true);
  });
  it('is known when every object is, and the same whichever branch', () => {
    expect(val("[shallowMerge(createArray(createObject('a', 1), if(parameters('on'), createObject('a', 1), createObject())))]", { template })).toEqual({ a: 1 });
  });
});

describe('strings', () => {
  it('concat, format, padLeft, replace, split, join', () => {
    expect(val("[concat('a', 1, true)]")).toBe('a1True');
    expect(val("[format('{0}-{1:D3}-{2:N2}-{{x}}', 'a', 7, json('1234.5'))]")).toBe('a-007-1,234.50-{x}');
    expect(val("[format('{0,5}|{0,-5}|', 'ab')]")).toBe('   ab|ab   |');
    expect(val("[format('{0:X}/{0:x4}/{1:P0}/{2:C}', 255, json('0.25'), 3)]")).toBe('FF/00ff/25 %/$3.00');
    expect(val("[format('{0:#,##0.0}', json('1234567.89'))]")).toBe('1,234,567.9');
    expect(val("[padLeft('7', 3, '0')]")).toBe('007');
    expect(val("[replace('a-b-c', '-', '+')]")).toBe('a+b+c');
    expect(val("[split('a,b;c', createArray(',', ';'))]")).toEqual(['a', 'b', 'c']);
    expect(val("[join(createArray('a', 'b'), '/')]")).toBe('a/b');
  });
  it('string() serialises like ARM', () => {
    expect(val("[string(createObject('a', 1, 'b', createArray(true, null())))]")).toBe('{"a":1,"b":[true,null]}');
    expect(val('[string(true())]')).toBe('True');
    expect(val('[string(12)]')).toBe('12');
  });
  it('substring errors point at the call', () => {
    const r = ev("[substring('abc', 1, 5)]");
    expect(r.plain).toEqual({ $unknown: 'error' });
    expect(r.diags[0]?.message).toMatch(/index and length/);
  });
  it('search functions: indexOf/startsWith/endsWith ignore case, contains does not', () => {
    expect(val("[indexOf('abcABC', 'B')]")).toBe(1);
    expect(val("[lastIndexOf('abcABC', 'b')]")).toBe(4);
    expect(val("[startsWith('Hello', 'he')]")).toBe(true);
    expect(val("[endsWith('Hello', 'LO')]")).toBe(true);
    expect(val("[contains('Hello', 'he')]")).toBe(false);
  });
  it('base64, dataUri, uri functions', () => {
    expect(val("[base64('hi')]")).toBe('aGk=');
    expect(val("[base64ToString('aGk=')]")).toBe('hi');
    expect(val("[base64ToJson(base64('{\"a\": 1}')).a]")).toBe(1);
    expect(val("[dataUriToString(dataUri('x'))]")).toBe('x');
    expect(val("[uriComponent('a b/c!')]")).toBe('a%20b%2Fc%21');
    expect(val("[uri('https://h/a/b', 'c')]")).toBe('https://h/a/c');
  });
  it('uniqueString and guid use the Azure algorithms', () => {
    expect(uniqueString(['test'])).toBe('rbgf3xv4ufgzg');
    expect(uniqueString(['tyeth'])).toBe('zcztcwvu6iyg6');
    expect(val("[uniqueString('foo', 'bar', 'baz')]")).toBe('xzi4ioaxtmth4');
    expect(armGuid(['a'])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(val("[guid('a')]")).toBe(armGuid(['a']));
    // RFC 4122 uuid5 in the ARM namespace of the '-'-joined arguments (cross-checked with Python's uuid.uuid5).
    expect(val("[guid('sub', 'rg', 'tap')]")).toBe('ec82059f-c447-56ac-9793-92d5ece98c83');
  });
  it('json accepts what ARM accepts', () => {
    expect(val("[json('{''a'': ''b'', c: [1, 2,]}')]")).toEqual({ a: 'b', c: [1, 2] });
    expect(val("[json('null')]")).toBe(null);
    expect(ev("[json('{')]").plain).toEqual({ $unknown: 'error' });
  });
});

describe('numbers', () => {
  it('64-bit arithmetic with overflow errors', () => {
    // Beyond 2^53 a JS number is not exact (9007199254740993 would read as ...992): the result is
    // unknown, with its exact digits, not a nearby number ARM would not give.
    const beyond = ev('[add(9007199254740991, 2)]');
    expect(beyond.plain).toEqual({ $unknown: 'unsupported' });
    expect((beyond.value as Unknown).reason.message).toMatch(/^the integer 9007199254740993 is beyond 2\^53/);
    // Integers beyond 2^53 written as literals are computed with exactly, back to exact numbers.
    expect(val('[sub(9007199254740993, 9007199254740992)]')).toBe(1);
    expect(val('[div(9223372036854775807, 1099511627776)]')).toBe(8388607);
    expect(ev('[add(9223372036854775807, 0)]').plain).toEqual({ $unknown: 'unsupported' });
    expect(val('[div(-7, 2)]')).toBe(-3);
    expect(val('[mod(-7, 2)]')).toBe(-1);
    const r = ev('[mul(9223372036854775807, 2)]');
    expect(r.plain).toEqual({ $unknown: 'error' });
    expect(r.diags[0]?.message).toMatch(/64-bit/);
    expect(ev('[div(1, 0)]').diags[0]?.message).toMatch(/zero/);
  });
  it('min, max, int, float', () => {
    expect(val('[max(createArray(1, 5, 3))]')).toBe(5);
    expect(val('[min(4, 2, 8)]')).toBe(2);
    expect(val("[int('42')]")).toBe(42);
    expect(val("[float('1.5')]")).toBe(1.5);
  });
});

describe('comparison and logic', () => {
  it('equals is exact for strings; ordering is culture-aware', () => {
    expect(val("[equals('a', 'A')]")).toBe(false);
    expect(val("[equals(createObject('A', 1), createObject('a', 1))]")).toBe(true);
    expect(val("[greater('A', 'a')]")).toBe(true);
    expect(val("[less('demo', 'Demo')]")).toBe(true);
    expect(val("[lessOrEquals(2, 2)]")).toBe(true);
  });
  it('if evaluates only the chosen branch; and/or short-circuit', () => {
    expect(val("[if(true(), 'yes', fail('never'))]")).toBe('yes');
    expect(val("[and(false(), fail('never'))]")).toBe(false);
    expect(val("[or(true(), fail('never'))]")).toBe(true);
    expect(val("[coalesce(null(), null(), 'x')]")).toBe('x');
    expect(val("[bool('TRUE')]")).toBe(true);
  });
  it('fail() reports its message', () => {
    const r = ev("[fail('bad input')]");
    expect(r.diags[0]).toEqual({ code: 'evaluation-error', message: 'bad input' });
  });
});

describe('arrays and objects', () => {
  it('collection basics', () => {
    expect(val('[range(2, 3)]')).toEqual([2, 3, 4]);
    expect(val("[union(createArray(1, 2), createArray(2, 3))]")).toEqual([1, 2, 3]);
    expect(val("[intersection(createArray(1, 2, 3), createArray(3, 2))]")).toEqual([2, 3]);
    expect(val("[union(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2)))]")).toEqual({ a: { x: 1, y: 2 } });
    expect(val("[shallowMerge(createArray(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2))))]")).toEqual({ a: { y: 2 } });
    expect(val("[flatten(createArray(createArray(1), createArray(2, 3)))]")).toEqual([1, 2, 3]);
    expect(val("[skip('abcdef', 4)]")).toBe('ef');
    expect(val("[take(createArray(1, 2, 3), 10)]")).toEqual([1, 2, 3]);
    expect(val("[first(createArray())]")).toBe(null);
    expect(val("[last('abc')]")).toBe('c');
    expect(val("[indexFromEnd(createArray(1, 2, 3), 1)]")).toBe(3);
    expect(val("[tryIndexFromEnd(createArray(1), 5)]")).toBe(null);
    expect(val("[tryGet(createObject('a', createObject('b', 1)), 'a', 'b')]")).toBe(1);
    expect(val("[tryGet(createObject('a', 1), 'missing')]")).toBe(null);
    expect(val("[items(createObject('b', 2, 'a', 1))]")).toEqual([{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
    expect(val("[objectKeys(createObject('b', 2, 'a', 1))]")).toEqual(['a', 'b']);
    expect(val("[contains(createObject('Key', 1), 'KEY')]")).toBe(true);
    expect(val("[empty(createObject())]")).toBe(true);
    expect(val("[distinct(createArray(1, 1, 'a', 'a'))]")).toEqual([1, 'a']);
  });
  it("path segments counted from the end (Bicep's a.?b[^n] and a[?^m][^n]) in tryGet and tryIndexFromEnd", () => {
    const obj = "createObject('a', createObject('b', createArray('x', 'y')))";
    const fromEnd = (n: number) => `createObject('value', ${n}, 'fromEnd', true())`;
    // baselines/Modules: x.?a.b[^1] compiles to tryGet(x, 'a', 'b', createObject('value', 1, 'fromEnd', true())).
    expect(val(`[tryGet(${obj}, 'a', 'b', ${fromEnd(1)})]`)).toBe('y');
    expect(val(`[tryGet(${obj}, 'a', 'b', ${fromEnd(2)})]`)).toBe('x');
    expect(val(`[tryGet(${obj}, 'a', 'b', ${fromEnd(3)})]`)).toBe(null);
    expect(val(`[tryGet(${obj}, 'a', 'b', ${fromEnd(0)})]`)).toBe(null);
    expect(val(`[tryGet(${obj}, 'missing', 'b', ${fromEnd(1)})]`)).toBe(null);
    expect(val(`[tryGet(${obj}, 'a', ${fromEnd(1)})]`)).toBe(null);
    expect(val(`[tryGet(${obj}, 'a', 'b', createObject('value', 0))]`)).toBe('x');
    expect(val(`[tryGet(${obj}, 'a', 'b', createObject('value', 1, 'fromEnd', false()))]`)).toBe('y');
    // A property named 'value' is still a key when the segment is a string.
    expect(val("[tryGet(createObject('value', 5), 'value')]")).toBe(5);
    // tryIndexFromEnd(array, n, segment...): the rest of a chain after [?^n].
    const arr = "createArray(createObject('foo', createArray(1, 2, 3)), createObject('foo', createArray(4, 5)))";
    expect(val(`[tryIndexFromEnd(${arr}, 1, 'foo')]`)).toEqual([4, 5]);
    expect(val(`[tryIndexFromEnd(${arr}, 2, 'foo', ${fromEnd(1)})]`)).toBe(3);
    expect(val(`[tryIndexFromEnd(${arr}, 2, 'foo', createObject('value', 0))]`)).toBe(1);
    expect(val(`[tryIndexFromEnd(${arr}, 1, 'bar', ${fromEnd(1)})]`)).toBe(null);
    expect(val(`[tryIndexFromEnd(${arr}, 3, 'foo')]`)).toBe(null);
    expect(ev(`[tryGet(${obj}, 'a', 'b', createObject('value', parameters('n'), 'fromEnd', true()))]`, { template: { parameters: { n: { type: 'int' } }, resources: [] } }).value).toBeInstanceOf(Unknown);
  });

  it('index errors', () => {
    expect(ev('[createArray(1)[3]]').diags[0]?.message).toMatch(/out of bounds/);
    expect(ev("[createObject('a', 1).b]").diags[0]?.message).toMatch(/doesn't exist/);
    expect(val("[createObject('a', 1)['A']]")).toBe(1);
  });
  it('keys such as __proto__ and constructor are data', () => {
    expect(val("[createObject('__proto__', 1, 'constructor', 2).constructor]")).toBe(2);
    const parsed = ev("[json('{\"__proto__\": {\"polluted\": true}}')]").value;
    expect(parsed instanceof ObjectValue && parsed.keys()).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(ev("[createObject('a', 1).prototype]").diags[0]?.message).toMatch(/doesn't exist/);
  });
});

describe('lambdas', () => {
  it('map, filter, reduce, sort, toObject, groupBy, mapValues', () => {
    expect(val("[map(range(1, 3), lambda('x', mul(lambdaVariables('x'), 2)))]")).toEqual([2, 4, 6]);
    expect(val("[map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i')))))]")).toEqual(['a0', 'b1']);
    expect(val("[filter(range(0, 6), lambda('x', equals(mod(lambdaVariables('x'), 2), 0)))]")).toEqual([0, 2, 4]);
    expect(val("[reduce(range(1, 4), 0, lambda('acc', 'x', add(lambdaVariables('acc'), lambdaVariables('x'))))]")).toBe(10);
    expect(val("[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]")).toEqual([1, 2, 3]);
    expect(val("[toObject(createArray('a', 'b'), lambda('x', lambdaVariables('x')), lambda('x', length(lambdaVariables('x'))))]")).toEqual({ a: 1, b: 1 });
    expect(val("[groupBy(createArray('ab', 'ac', 'b'), lambda('x', first(lambdaVariables('x'))))]")).toEqual({ a: ['ab', 'ac'], b: ['b'] });
    expect(val("[mapValues(createObject('a', 1), lambda('v', add(lambdaVariables('v'), 1)))]")).toEqual({ a: 2 });
  });
  it('nested lambdas see outer variables', () => {
    expect(val("[map(range(0, 2), lambda('x', map(range(0, 2), lambda('y', add(lambdaVariables('x'), lambdaVariables('y'))))))]")).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
  it('lambda outside a lambda function is an error', () => {
    expect(ev("[lambda('x', 1)]").plain).toEqual({ $unknown: 'error' });
  });
});

describe('date and CIDR', () => {
  it('date functions', () => {
    expect(val("[dateTimeAdd('2024-01-31T10:00:00Z', 'P1DT2H')]")).toBe('2024-02-01T12:00:00Z');
    expect(val("[dateTimeAdd('2024-01-01T00:00:00Z', '-PT30M', 'yyyy-MM-dd HH:mm')]")).toBe('2023-12-31 23:30');
    expect(val('[dateTimeFromEpoch(0)]')).toBe('1970-01-01T00:00:00Z');
    expect(val("[dateTimeToEpoch('1970-01-02T00:00:00Z')]")).toBe(86400);
    expect(ev('[utcNow()]').plain).toEqual({ $unknown: 'deployment-time' });
  });
  it('dateTimeAdd() past the year 9999 or before the year 1 is an evaluation error, not an internal error', () => {
    for (const dur of ['P999999999999Y', 'PT99999999999999999999999999H', '-P9999999Y']) {
      const r = ev(`[dateTimeAdd('2020-01-01', '${dur}')]`);
      expect(r.plain).toEqual({ $unknown: 'error' });
      expect(r.diags.map((d) => d.code)).toEqual(['evaluation-error']);
      expect(r.diags[0]?.message).toContain('outside 0001-01-01 to 9999-12-31');
    }
    expect(val("[dateTimeAdd('9999-12-31T00:00:00Z', 'PT23H')]")).toBe('9999-12-31T23:00:00Z');
    expect(val("[dateTimeAdd('0001-01-02T00:00:00Z', '-P1D')]")).toBe('0001-01-01T00:00:00Z');
    // Years below 100 are those years, not 1900 + year (Date.UTC's reading).
    expect(val("[dateTimeToEpoch('0001-01-01T00:00:00Z')]")).toBe(-62135596800);
  });
  it('CIDR functions', () => {
    expect(val("[parseCidr('10.0.0.0/24')]")).toEqual({
      network: '10.0.0.0',
      netmask: '255.255.255.0',
      broadcast: '10.0.0.255',
      firstUsable: '10.0.0.1',
      lastUsable: '10.0.0.254',
      cidr: 24,
    });
    expect(val("[cidrSubnet('10.0.0.0/16', 24, 3)]")).toBe('10.0.3.0/24');
    expect(val("[cidrHost('10.0.1.0/24', 4)]")).toBe('10.0.1.5');
    expect(val("[cidrSubnet('fd00::/48', 64, 1)]")).toBe('fd00:0:0:1::/64');
    expect(ev("[cidrSubnet('10.0.0.0/16', 8, 0)]").diags.length).toBe(1);
  });
});

describe('deployment values', () => {
  it('environment() is AzureCloud', () => {
    expect(val('[environment().suffixes.storage]')).toBe('core.windows.net');
  });
  it('uses the configured deployment context', () => {
    const deployment = { subscriptionId: 'sub1', resourceGroup: 'rg1', location: 'westeurope' };
    expect(val('[resourceGroup().location]', { deployment })).toBe('westeurope');
    expect(val("[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]", { deployment })).toBe(
      '/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworkTaps/tap1',
    );
  });
  it('resource id variants', () => {
    expect(val("[resourceId('s', 'g', 'Microsoft.Network/virtualNetworks/subnets', 'v', 's1')]")).toBe(
      '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s1',
    );
    expect(val("[tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p')]")).toBe('/providers/Microsoft.Authorization/policyDefinitions/p');
    expect(val("[subscriptionResourceId('s', 'Microsoft.Resources/resourceGroups', 'g')]")).toBe('/subscriptions/s/providers/Microsoft.Resources/resourceGroups/g');
    expect(val("[extensionResourceId('/x/y', 'Microsoft.Authorization/locks', 'l')]")).toBe('/x/y/providers/Microsoft.Authorization/locks/l');
    expect(val("[managementGroupResourceId('mg', 'Microsoft.Authorization/policyDefinitions', 'p')]")).toBe(
      '/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyDefinitions/p',
    );
    expect(ev("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'only-one')]").diags[0]?.message).toMatch(/requires 2/);
  });
  it('deployment() has a location at subscription, management group and tenant scope, not in a resource group deployment', () => {
    // template-functions-deployment.md: 'When you deploy to an Azure subscription, management group,
    // or tenant, the return object includes a location property' (not to a resource group); Bicep
    // types deployment().location only outside a resource-group file.
    expect(val('[deployment().location]', { deployment: { location: 'westeurope', scopeKind: 'subscription' } })).toBe('westeurope');
    expect(val('[deployment().location]', { deployment: { location: 'westeurope', scopeKind: 'tenant' } })).toBe('westeurope');
    const rg = { deployment: { location: 'westeurope', scopeKind: 'resourceGroup' as const } };
    expect(val("[contains(deployment(), 'location')]", rg)).toBe(false);
    expect(val("[contains(deployment(), 'properties')]", rg)).toBe(true);
    const r = ev('[deployment().location]', rg);
    expect(r.plain).toEqual({ $unknown: 'error' });
    expect(r.diags[0]?.message).toMatch(/property 'location' doesn't exist/);
    expect(val('[resourceGroup().location]', rg)).toBe('westeurope');
  });
  it('pickZones() and the zone mappings are deployment-time, but an argument of the wrong type is an error at it', () => {
    // pickZones(providerNamespace, resourceType, location, [numberOfZones], [offset]) (template-functions-resource.md).
    expect(ev("[pickZones('Microsoft.Compute', 'virtualMachines', 'westus2', 2, 1)]").plain).toEqual({ $unknown: 'deployment-time' });
    const loc = ev("[pickZones('Microsoft.Compute', 'virtualMachines', createArray('westus2'))]");
    expect(loc.plain).toEqual({ $unknown: 'error' });
    expect(loc.diags[0]?.message).toBe("The template function 'pickZones' expects its parameter 3 to be of type 'String'. The provided value is of type 'Array'.");
    expect(ev("[pickZones('Microsoft.Compute', 'virtualMachines', 'westus2', '3')]").diags[0]?.message).toMatch(/parameter 4 to be of type 'Integer'/);
    expect(ev("[toLogicalZone(subscription().subscriptionId, 'westus2', '1')]").plain).toEqual({ $unknown: 'deployment-time' });
    expect(ev("[toPhysicalZones(1, 'westus2', createArray('1'))]").diags[0]?.message).toMatch(/toPhysicalZones' expects its parameter 1 to be of type 'String'/);
    // The zone is a string for the singular functions, an array of them for the plural ones (bicep-functions-resource.md).
    expect(ev("[toLogicalZones('0000', 'westus2', 'westus2-az1')]").diags[0]?.message).toMatch(/toLogicalZones' expects its parameter 3 to be of type 'Array'/);
    expect(ev("[toPhysicalZone('0000', 'westus2', createArray('1'))]").diags[0]?.message).toMatch(/toPhysicalZone' expects its parameter 3 to be of type 'String'/);
    expect(ev("[toLogicalZones('0000', 'westus2', createArray('westus2-az1'))]").plain).toEqual({ $unknown: 'deployment-time' });
  });
  it('the scope functions take no argument: managementGroup(name) is an error, not the current group under another name', () => {
    // managementGroup() returns the current management group (template-functions-scope.md); a
    // named one is Bicep's scope syntax, which Bicep compiles to tenantResourceId/format, never to this.
    const deployment = { managementGroup: 'platform' };
    expect(val('[managementGroup().name]', { deployment })).toBe('platform');
    for (const call of ["managementGroup('landing-zones')", "subscription('0000')", "resourceGroup('rg')", "tenant('t')"]) {
      const r = ev(`[${call}.name]`, { deployment });
      expect(r.plain, call).toEqual({ $unknown: 'error' });
      expect(r.diags[0]?.message, call).toMatch(/expects 0 argument\(s\) but was called with 1\.$/);
    }
  });
});
