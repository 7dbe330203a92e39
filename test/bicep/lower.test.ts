// Bicep lowering: shapes of the lowered template, spans on .bicep lines, and values end to end
// through TemplateScope. All sources are written here (in-memory host).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Expr } from '../../src/expr/ast.js';
import { SourceText } from '../../src/model/source.js';
import { TExpr, isTObject, type TNode, type TObject } from '../../src/model/template.js';
import { TemplateScope } from '../../src/deploy/scope.js';
import { loadBicepTemplate, type BicepHost } from '../../src/bicep/load.js';
import { loadBicepParams } from '../../src/bicep/params.js';
import { Unknown, type ObjectValue } from '../../src/expr/value.js';
import { plain } from '../expr/helpers.js';

const ROOT = '/virtual';

function host(files: Record<string, string>): BicepHost {
  return {
    root: ROOT,
    read(abs: string) {
      if (!abs.startsWith(`${ROOT}/`)) return { error: 'the path is outside the lint root' };
      const rel = path.relative(ROOT, abs);
      const text = files[rel];
      if (text === undefined) return { error: 'the file does not exist' };
      return new SourceText(abs, text, rel.endsWith('.bicepparam') ? 'bicepparam' : 'bicep');
    },
  };
}

function load(main: string, others: Record<string, string> = {}) {
  const h = host({ 'main.bicep': main, ...others });
  const src = h.read(`${ROOT}/main.bicep`) as SourceText;
  return { ...loadBicepTemplate(src, h), src };
}

function show(e: Expr): string {
  switch (e.k) {
    case 'lit':
      return typeof e.value === 'string' ? `'${e.value}'` : String(e.value);
    case 'member':
      return `${show(e.obj)}.${e.name}`;
    case 'index':
      return `${show(e.obj)}[${show(e.index)}]`;
    case 'call':
      return `${e.ns ? `${e.ns}.` : ''}${e.name}(${e.args.map(show).join(', ')})`;
  }
}

function node(n: TNode | undefined): string {
  if (n instanceof TExpr) return show(n.ast);
  return JSON.stringify(n);
}

function obj(n: TNode | undefined): TObject {
  if (!isTObject(n)) throw new Error(`not an object: ${JSON.stringify(n)}`);
  return n;
}

function section(root: TObject | undefined, name: string): TObject {
  return obj(obj(root)[name]);
}

function scopeOf(r: ReturnType<typeof load>): TemplateScope {
  return new TemplateScope(r.root, r.span);
}

describe('Bicep lowering: template shape', () => {
  it('emits the 2.0 header and schema per targetScope', () => {
    const r = load("targetScope = 'subscription'\n");
    expect(r.diagnostics).toEqual([]);
    const root = obj(r.root);
    expect(root.languageVersion).toBe('2.0');
    expect(root.$schema).toContain('subscriptionDeploymentTemplate.json');
    expect(obj(obj(root.metadata)._generator).name).toBe('vtaplint-bicep');
  });

  it('lowers parameters with decorators and types', () => {
    const r = load(
      [
        "@description('The name')",
        '@minLength(3)',
        '@maxLength(10)',
        "param name string = 'tap'",
        '@secure()',
        'param pwd string',
        "@allowed(['a', 'b'])",
        "param sku string = 'a'",
        "param kind 'x' | 'y'",
        'param opt int?',
        '@minValue(1)',
        'param count int = 2',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const p = section(r.root, 'parameters');
    expect(obj(p.name)).toMatchObject({ type: 'string', defaultValue: 'tap', minLength: 3, maxLength: 10, metadata: { description: 'The name' } });
    expect(obj(p.pwd).type).toBe('securestring');
    expect(obj(p.sku).allowedValues).toEqual(['a', 'b']);
    expect(obj(p.kind)).toMatchObject({ type: 'string', allowedValues: ['x', 'y'] });
    expect(obj(p.opt)).toMatchObject({ type: 'int', nullable: true });
    expect(obj(p.count).minValue).toBe(1);
  });

  it('types parameters and outputs of imported and @secure() user-defined types as the types they name', () => {
    const r = load(
      [
        "import { pop, num as n, tags } from 'lib.bicep'",
        "import * as lib from 'lib.bicep'",
        '@secure()',
        'type secret = string',
        "param p pop = 'abcd'",
        'param q n = 4',
        'param w lib.pop',
        "param s secret = 'hush'",
        'param t tags?',
        'output o pop = p',
        'output o2 n = q + 1',
        'output o3 lib.num = 3',
        'output o4 lib.kind = lib.kinds[0]',
        'output o5 secret = s',
      ].join('\n'),
      {
        // `kind` names another type of its own file (the importing file has no `choice`).
        'lib.bicep': [
          '@export()',
          '@minLength(3)',
          'type pop = string',
          '@export()',
          'type num = int',
          "type choice = 'a' | 'b'",
          '@export()',
          'type kind = choice',
          '@export()',
          "var kinds = ['a']",
          '@export()',
          'type tags = { *: string }',
        ].join('\n'),
      },
    );
    expect(r.diagnostics).toEqual([]);
    const p = section(r.root, 'parameters');
    expect(obj(p.p).type).toBe('string');
    expect(obj(p.q).type).toBe('int');
    expect(obj(p.w).type).toBe('string');
    expect(obj(p.s).type).toBe('securestring');
    expect(obj(p.t)).toMatchObject({ type: 'object', nullable: true });
    const o = section(r.root, 'outputs');
    expect([o.o, o.o2, o.o3, o.o4, o.o5].map((x) => obj(x).type)).toEqual(['string', 'int', 'int', 'string', 'securestring']);
    const scope = new TemplateScope(r.root, r.span, { parameters: new Map([['w', { value: 'wxyz' }]]) });
    const values = Object.fromEntries(scope.outputs().map((x) => [x.name, x.value]));
    expect(values.o).toBe('abcd');
    expect(values.o2).toBe(5);
    expect(values.o4).toBe('a');
    // A secure output is never shown.
    expect(values.o5).toBeInstanceOf(Unknown);
  });

  it('gives an array of literal types, and a parameter of a constrained type alias, the constraints the compiler writes', () => {
    // The compiler writes `('a' | 'b')[]` as an array with allowedValues (any subset of them), and a
    // parameter of `@minValue(1) @maxValue(100) type count = int` as a $ref to a definition with
    // those bounds; ARM checks both before it deploys anything.
    const r = load(
      [
        "param sizes ('Standard_D2s_v5' | 'Standard_D4s_v5')[]",
        "type size = 'Standard_D2s_v5' | 'Standard_D4s_v5'",
        'param sizes2 size[]',
        "param maybe ('a' | null)[] = []",
        'param nested string[][] = []',
        '@minValue(1)',
        '@maxValue(100)',
        'type tapCount = int',
        'type alias = tapCount',
        'param count tapCount',
        'param count2 alias?',
        '@maxValue(5)',
        'param own tapCount',
        "import { shortName } from 'lib.bicep'",
        'param nm shortName',
      ].join('\n'),
      { 'lib.bicep': ['@export()', '@minLength(3)', '@maxLength(12)', 'type shortName = string'].join('\n') },
    );
    expect(r.diagnostics).toEqual([]);
    const p = section(r.root, 'parameters');
    expect(obj(p.sizes)).toMatchObject({ type: 'array', allowedValues: ['Standard_D2s_v5', 'Standard_D4s_v5'] });
    expect(obj(p.sizes2)).toMatchObject({ type: 'array', allowedValues: ['Standard_D2s_v5', 'Standard_D4s_v5'] });
    expect(obj(p.maybe).allowedValues).toEqual(['a', null]);
    expect(obj(p.nested).allowedValues).toBeUndefined();
    expect(obj(p.count)).toMatchObject({ type: 'int', minValue: 1, maxValue: 100 });
    expect(obj(p.count2)).toMatchObject({ type: 'int', nullable: true, minValue: 1, maxValue: 100 });
    // The parameter's own decorator wins over its type's.
    expect(obj(p.own)).toMatchObject({ minValue: 1, maxValue: 5 });
    expect(obj(p.nm)).toMatchObject({ type: 'string', minLength: 3, maxLength: 12 });
    // End to end: ARM rejects these values.
    const bad = new TemplateScope(r.root, r.span, {
      parameters: new Map<string, { value: never }>(
        Object.entries({ sizes: ['Standard_A1'], sizes2: ['Standard_D2s_v5', 'Standard_D2s_v6'], count: 0, count2: 101, own: 6, nm: 'ab' }).map(([k, v]) => [k, { value: v as never }]),
      ),
    });
    for (const n of ['sizes', 'sizes2', 'count', 'count2', 'own', 'nm']) bad.parameterInfo(n);
    expect(bad.diagnostics.items.map((d) => d.message)).toEqual([
      "The provided value for the template parameter 'sizes' is not valid: it is not one of the allowedValues.",
      "The provided value for the template parameter 'sizes2' is not valid: it is not one of the allowedValues.",
      "The provided value for the template parameter 'count' is not valid: 0 is less than the minValue 1.",
      "The provided value for the template parameter 'count2' is not valid: 101 is greater than the maxValue 100.",
      "The provided value for the template parameter 'own' is not valid: 6 is greater than the maxValue 5.",
      "The provided value for the template parameter 'nm' is not valid: it has 2 characters, fewer than the minLength 3.",
    ]);
  });

  it("writes a parameter's user-defined type as the compiler does: definitions with properties, sealed, discriminator, tuples, and $ref (recursive types too)", () => {
    const r = load(
      [
        '@sealed()',
        'type spec = {',
        '  @minLength(3)',
        '  name: string',
        '  port: int?',
        '  tags: { *: string }?',
        '}',
        "type lbDest = { kind: 'lb', frontendId: string }",
        "type nicDest = { kind: 'nic', ipConfigId: string }",
        "@discriminator('kind')",
        'type dest = lbDest | nicDest',
        'type tree = { name: string, children: tree[]? }',
        'param s spec',
        'param d dest?',
        'param p [',
        '  string',
        '  @minValue(1)',
        '  int',
        ']',
        'param t tree',
        'param specs spec[]',
        'param n sys.int',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const p = section(r.root, 'parameters');
    const defs = section(r.root, 'definitions');
    expect(obj(p.s)).toMatchObject({ type: 'object', $ref: '#/definitions/spec' });
    expect(defs.spec).toEqual({
      type: 'object',
      properties: { name: { type: 'string', minLength: 3 }, port: { type: 'int', nullable: true }, tags: { type: 'object', properties: {}, additionalProperties: { type: 'string' }, nullable: true } },
      additionalProperties: false,
    });
    expect(obj(p.d)).toMatchObject({ type: 'object', nullable: true, $ref: '#/definitions/dest' });
    expect(defs.dest).toEqual({ type: 'object', discriminator: { propertyName: 'kind', mapping: { lb: { $ref: '#/definitions/lbDest' }, nic: { $ref: '#/definitions/nicDest' } } } });
    expect(obj(p.p)).toEqual({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'int', minValue: 1 }], items: false });
    expect(defs.tree).toEqual({ type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/tree' }, nullable: true } } });
    expect(obj(p.specs)).toEqual({ type: 'array', items: { $ref: '#/definitions/spec' } });
    expect(obj(p.n)).toEqual({ type: 'int' });
  });

  it('types a parameter declared with a member of a user-defined type (spec.name, spec.ports[*], spec.pair[1], spec.tags.*) as that member', () => {
    const r = load(
      [
        'type spec = {',
        '  @minLength(3)',
        '  name: string',
        '  ports: int[]',
        '  pair: [string, bool]',
        '  tags: { *: string }',
        '}',
        'param n spec.name',
        'param port spec.ports[*]',
        'param second spec.pair[1]',
        'param tag spec.tags.*',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const p = section(r.root, 'parameters');
    expect(obj(p.n)).toEqual({ type: 'string', minLength: 3 });
    expect(obj(p.port)).toEqual({ type: 'int' });
    expect(obj(p.second)).toEqual({ type: 'bool' });
    expect(obj(p.tag)).toEqual({ type: 'string' });
    const bad = new TemplateScope(r.root, r.span, {
      parameters: new Map<string, { value: never; typeChecked: boolean }>(Object.entries({ n: 'ab', port: 'x' }).map(([k, v]) => [k, { value: v as never, typeChecked: true }])),
    });
    for (const n of ['n', 'port']) bad.parameterInfo(n);
    expect(bad.diagnostics.items.map((d) => d.message)).toEqual([
      "The provided value for the template parameter 'n' is not valid: it has 2 characters, fewer than the minLength 3.",
      "The provided value for the template parameter 'port' is not valid. Expected a value of type 'Integer', but received a value of type 'String'.",
    ]);
  });

  it('lowers operators the way the compiler does', () => {
    const r = load(
      [
        'param a int = 1',
        'param s string = \'x\'',
        'var t = a > 0 ? \'pos\' : \'neg\'',
        'var c = s ?? \'d\' ?? \'e\'',
        'var n = !(a == 2) && s =~ \'X\' || a != 3',
        'var m = -a + 2 * 3 % 4 - 6 / 2',
        'var i = \'{${s}}-${a}\'',
        'var o = { k: s }.?k',
        'var arr = [1, 2, 3]',
        'var last = arr[^1]',
        'var neg = -5',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const v = section(r.root, 'variables');
    expect(node(v.t)).toBe("if(greater(parameters('a'), 0), 'pos', 'neg')");
    expect(node(v.c)).toBe("coalesce(parameters('s'), 'd', 'e')");
    expect(node(v.n)).toBe("or(and(not(equals(parameters('a'), 2)), equals(toLower(parameters('s')), toLower('X'))), not(equals(parameters('a'), 3)))");
    expect(node(v.m)).toBe("sub(add(sub(0, parameters('a')), mod(mul(2, 3), 4)), div(6, 2))");
    expect(node(v.i)).toBe("format('{{{0}}}-{1}', parameters('s'), parameters('a'))");
    expect(node(v.o)).toBe("tryGet(createObject('k', parameters('s')), 'k')");
    expect(node(v.last)).toBe("indexFromEnd(variables('arr'), 1)");
    expect(v.neg).toBe(-5);
    const scope = scopeOf(r);
    expect(scope.variable('t', r.span)).toBe('pos');
    expect(scope.variable('c', r.span)).toBe('x');
    expect(scope.variable('n', r.span)).toBe(true);
    expect(scope.variable('i', r.span)).toBe('{x}-1');
    expect(scope.variable('o', r.span)).toBe('x');
    expect(scope.variable('last', r.span)).toBe(3);
  });

  it('evaluates for-expressions, lambdas, spreads and user functions end to end', () => {
    const r = load(
      [
        'var nums = [1, 2, 3, 4]',
        'var doubled = [for n in nums: n * 2]',
        'var indexed = [for (n, i) in nums: n + i]',
        'var evens = filter(nums, n => n % 2 == 0)',
        'var sum = reduce(nums, 0, (acc, x) => acc + x)',
        'var big = filter(nums, x => x > 2)',
        'var merged = { a: 1, ...{ b: 2 } }',
        'var joined = [0, ...nums]',
        'func greet(name string) string => \'hi ${name}\'',
        "var hello = greet('tap')",
        "output out string = greet('o')",
        'output count int = length(doubled)',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const scope = scopeOf(r);
    expect(scope.variable('doubled', r.span)).toEqual([2, 4, 6, 8]);
    expect(scope.variable('indexed', r.span)).toEqual([1, 3, 5, 7]);
    expect(scope.variable('evens', r.span)).toEqual([2, 4]);
    expect(scope.variable('sum', r.span)).toBe(10);
    expect(scope.variable('big', r.span)).toEqual([3, 4]);
    expect(scope.variable('joined', r.span)).toEqual([0, 1, 2, 3, 4]);
    expect(scope.variable('hello', r.span)).toBe('hi tap');
    const merged = scope.variable('merged', r.span);
    expect(merged && typeof merged === 'object' && 'get' in merged ? [merged.get('a'), merged.get('b')] : merged).toEqual([1, 2]);
    expect(scope.outputs().map((o) => [o.name, o.value])).toEqual([
      ['out', 'hi o'],
      ['count', 4],
    ]);
    expect(scope.diagnostics.items).toEqual([]);
  });
});

describe('Bicep lowering: a named scope used as a value', () => {
  it("is an empty object, as the compiler writes it (createObject()): not the current scope's object, not an ARM arity error", () => {
    // AzNamespaceType's GetRestricted{ResourceGroup,Subscription,ManagementGroup}ReturnResult: an
    // object type without properties, emitted as an empty ObjectExpression; the compiler's own
    // Variables sample has `scopesWithoutArmRepresentation` compiled to createObject() values.
    const r = load(
      [
        "targetScope = 'managementGroup'",
        'var named = {',
        "  subscription: subscription('10b57a01-6350-4ce2-972a-6a13642f00bf')",
        "  resourceGroup: resourceGroup('10b57a01-6350-4ce2-972a-6a13642f00bf', 'myRgName')",
        "  managementGroup: managementGroup('landing-zones')",
        '}',
        'output scopes object = named',
        'output current string = managementGroup().name',
        '',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    expect(node(section(section(r.root, 'variables'), 'named').managementGroup)).toBe('createObject()');
    const scope = new TemplateScope(r.root, r.span, { deployment: { managementGroup: 'platform' } });
    const outputs = new Map(scope.outputs().map((o) => [o.name, o.value]));
    expect(plain(outputs.get('scopes') ?? null)).toEqual({ subscription: {}, resourceGroup: {}, managementGroup: {} });
    expect(outputs.get('current')).toBe('platform');
    expect(scope.diagnostics.items).toEqual([]);
  });

  it('has no properties: managementGroup(name).id is an error, not the current group\'s id', () => {
    const r = load(["targetScope = 'managementGroup'", "output other string = managementGroup('landing-zones').id", ''].join('\n'));
    // The compiler's error where it is written (BCP052), not ARM's at evaluation ("doesn't exist").
    expect(r.diagnostics.map((d) => [d.code, d.message.split(' (BCP052)')[0]])).toEqual([['invalid-template', 'The type "managementGroup" does not contain property "id".']]);
    const scope = new TemplateScope(r.root, r.span, { deployment: { managementGroup: 'platform' } });
    expect(scope.outputs()[0]?.value).toBeInstanceOf(Unknown);
    expect(scope.diagnostics.items).toEqual([]);
  });
});

describe('Bicep lowering: declarations that do not parse', () => {
  it('are declared with an unknown value: no "unknown symbol" at each use, and no null that decides a verdict', () => {
    const r = load(['var obj = { a: 1 }', 'var x = obj.', 'var region =', "output o string = '${x}-${region}'", ''].join('\n'));
    expect(r.diagnostics.map((d) => d.message)).toEqual(["expected a property name after '.', found a new line", 'expected an expression, found a new line']);
    const scope = scopeOf(r);
    expect(scope.variable('x', r.span)).toBeInstanceOf(Unknown);
    expect(scope.variable('region', r.span)).toBeInstanceOf(Unknown);
    expect(scope.outputs()[0]?.value).toBeInstanceOf(Unknown);
    expect(scope.diagnostics.items).toEqual([]);
  });
});

describe('Bicep lowering: resources', () => {
  const vtap = [
    "param location string = 'westeurope'",
    "var prefix = 'tap'",
    "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {",
    "  name: '${prefix}-vnet'",
    '  location: location',
    '  properties: {',
    "    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }",
    '  }',
    "  resource sub 'subnets' = {",
    "    name: 'default'",
    "    properties: { addressPrefix: '10.0.0.0/24' }",
    '  }',
    '}',
    "resource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = {",
    "  name: 'tap1'",
    '  location: location',
    '  properties: {',
    '    destinationNetworkInterfaceIPConfiguration: {',
    '      id: vnet::sub.id',
    '    }',
    '  }',
    '}',
    'var tapRef = { id: tap.id }',
    "resource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = [for i in range(0, 2): {",
    "  name: 'nic${i}'",
    '  location: location',
    '  properties: {',
    '    ipConfigurations: [',
    "      { name: 'ipc', properties: { virtualNetworkTap: tapRef, subnet: { id: vnet::sub.id } } }",
    '    ]',
    '  }',
    '}]',
    "resource rule 'Microsoft.Network/networkInterfaces/tapConfigurations@2023-09-01' = if (location == 'westeurope') {",
    '  parent: nic[0]',
    "  name: 'cfg'",
    '  properties: { virtualNetworkTap: { id: tap.id } }',
    '}',
    'output tapId string = tap.id',
    'output tapState string = tap.properties.provisioningState',
    'output tapLoc string = tap.location',
  ].join('\n');

  it('keys resources by symbolic name with full names and types', () => {
    const r = load(vtap);
    expect(r.diagnostics).toEqual([]);
    const res = section(r.root, 'resources');
    expect(Object.keys(res)).toEqual(['vnet', 'tap', 'nic', 'rule', 'sub']);
    expect(obj(res.sub)).toMatchObject({ type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2023-09-01' });
    expect(node(obj(res.sub).name)).toBe("format('{0}/{1}', format('{0}-vnet', variables('prefix')), 'default')");
    expect(node(obj(res.vnet).name)).toBe("format('{0}-vnet', variables('prefix'))");
    expect(node(obj(obj(obj(res.tap).properties).destinationNetworkInterfaceIPConfiguration).id)).toBe(
      "resourceId('Microsoft.Network/virtualNetworks/subnets', format('{0}-vnet', variables('prefix')), 'default')",
    );
  });

  it('lowers loops, conditions, parents and implicit dependsOn', () => {
    const r = load(vtap);
    const res = section(r.root, 'resources');
    const nic = obj(res.nic);
    expect(node(obj(nic.copy).count)).toBe('length(range(0, 2))');
    expect(obj(nic.copy).name).toBe('nic');
    expect(node(nic.name)).toBe("format('nic{0}', range(0, 2)[copyIndex()])");
    // tap through the variable tapRef, the subnet directly; the parent of sub is vnet.
    expect(nic.dependsOn).toEqual(['sub', 'tap']);
    expect(obj(res.sub).dependsOn).toEqual(['vnet']);
    const rule = obj(res.rule);
    expect(node(rule.condition)).toBe("equals(parameters('location'), 'westeurope')");
    expect(node(rule.name)).toBe("format('{0}/{1}', format('nic{0}', range(0, 2)[0]), 'cfg')");
    // `parent: nic[0]`: that instance only, as the compiler writes it ("nic[0]").
    expect((rule.dependsOn as TNode[]).map(node)).toEqual(['"tap"', "format('{0}[{1}]', 'nic', 0)"]);
    expect(res.vnet && obj(res.vnet).dependsOn).toBeUndefined();
  });

  it('lowers symbolic references like the compiler', () => {
    const r = load(vtap);
    const out = section(r.root, 'outputs');
    expect(node(obj(out.tapId).value)).toBe("resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')");
    expect(node(obj(out.tapState).value)).toBe("reference(resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1'), '2023-09-01').provisioningState");
    expect(node(obj(out.tapLoc).value)).toBe("reference(resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1'), '2023-09-01', 'full').location");
  });

  it('records .bicep spans for declarations, names, types and properties', () => {
    const r = load(vtap);
    const root = obj(r.root);
    const resSpan = r.span.child(root, 'resources');
    const res = obj(root.resources);
    const tapSpan = resSpan.child(res, 'tap');
    expect(tapSpan.region().start).toEqual({ line: 14, column: 1 });
    const tap = obj(res.tap);
    expect(tapSpan.child(tap, 'name').region().start).toEqual({ line: 15, column: 9 });
    expect(tapSpan.keySpan(tap, 'location').region().start).toEqual({ line: 16, column: 3 });
    expect(tapSpan.child(tap, 'type').region().start).toEqual({ line: 14, column: 14 });
    const props = obj(tap.properties);
    const propsSpan = tapSpan.child(tap, 'properties');
    const cfg = obj(props.destinationNetworkInterfaceIPConfiguration);
    const idSpan = propsSpan.child(props, 'destinationNetworkInterfaceIPConfiguration').child(cfg, 'id');
    expect(idSpan.region().start).toEqual({ line: 19, column: 11 });
    // A TExpr's base makes each AST node's span the .bicep text of that node.
    const idNode = cfg.id as TExpr;
    expect(idNode.base.sub(idNode.ast.start, idNode.ast.end).region().start).toEqual({ line: 19, column: 11 });
  });

  it('lowers existing resources with scopes and extension resources', () => {
    const r = load(
      [
        "resource other 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {",
        "  name: 'shared'",
        "  scope: resourceGroup('net-rg')",
        '}',
        "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {",
        "  name: 'lock'",
        '  scope: other',
        "  properties: { level: 'CanNotDelete' }",
        '}',
        'output otherId string = other.id',
      ].join('\n'),
    );
    // The lock extends a resource in another resource group: the compiler lowers it so, and
    // rejects the file (BCP139; a module scoped to 'net-rg' must deploy it).
    expect(r.diagnostics.map((d) => [d.code, d.span.text(), d.message.match(/BCP\d+/)?.[0]])).toEqual([['invalid-template', 'other', 'BCP139']]);
    const res = section(r.root, 'resources');
    expect(obj(res.other).existing).toBe(true);
    // As the compiler writes it (languageVersion 2.0): resourceGroup, not a scope id.
    expect(obj(res.other).resourceGroup).toBe('net-rg');
    expect(obj(res.other).scope).toBeUndefined();
    expect(node(obj(res.lock).scope)).toBe("resourceId('net-rg', 'Microsoft.Network/virtualNetworks', 'shared')");
    expect(obj(res.lock).dependsOn).toBeUndefined();
    expect(node(obj(section(r.root, 'outputs').otherId).value)).toBe("resourceId('net-rg', 'Microsoft.Network/virtualNetworks', 'shared')");
  });

  it('scopes a resource to a resource group declared as a resource in the subscription that declaration names, as the compiler does', () => {
    // `scope: monitoringRg`, a resource group declared `existing` with `scope: subscription(...)`:
    // the compiler (ScopeHelper) takes the resource group's name and the subscription of its own
    // scope. It writes the NIC's id as
    //   extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', parameters('monitoringSubscriptionId'), 'rg-monitoring'), 'Microsoft.Network/networkInterfaces', 'nic-collector')
    // and, in languageVersion 2.0, the NIC as { "existing": true, "subscriptionId": "[parameters('monitoringSubscriptionId')]", "resourceGroup": "rg-monitoring", ... }.
    const r = load(
      [
        "param monitoringSubscriptionId string = '33333333-3333-3333-3333-333333333333'",
        "resource monitoringRg 'Microsoft.Resources/resourceGroups@2024-03-01' existing = {",
        "  name: 'rg-monitoring'",
        '  scope: subscription(monitoringSubscriptionId)',
        '}',
        "resource localRg 'Microsoft.Resources/resourceGroups@2024-03-01' existing = {",
        "  name: 'rg-local'",
        '}',
        "resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {",
        "  name: 'nic-collector'",
        '  scope: monitoringRg',
        "  resource ipConfig 'ipConfigurations' existing = {",
        "    name: 'ipconfig1'",
        '  }',
        '}',
        "resource localNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {",
        "  name: 'nic-local'",
        '  scope: localRg',
        '}',
        'output nicId string = collectorNic.id',
        'output ipConfigId string = collectorNic::ipConfig.id',
        'output localNicId string = localNic.id',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const res = section(r.root, 'resources');
    const nic = obj(res.collectorNic);
    expect(node(nic.subscriptionId as TNode)).toBe("parameters('monitoringSubscriptionId')");
    expect(node(nic.resourceGroup)).toBe("'rg-monitoring'");
    expect(nic.scope).toBeUndefined();
    expect(obj(res.localNic).subscriptionId).toBeUndefined();
    expect(node(obj(res.localNic).resourceGroup)).toBe("'rg-local'");
    const s = new TemplateScope(r.root, r.span, { deployment: { subscriptionId: '11111111-1111-1111-1111-111111111111', resourceGroup: 'rg-app' } });
    const outputs = new Map(s.outputs().map((o) => [o.name, o.value]));
    const value = (k: string) => outputs.get(k);
    expect(value('nicId')).toBe('/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-monitoring/providers/Microsoft.Network/networkInterfaces/nic-collector');
    expect(value('ipConfigId')).toBe('/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-monitoring/providers/Microsoft.Network/networkInterfaces/nic-collector/ipConfigurations/ipconfig1');
    expect(value('localNicId')).toBe('/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-local/providers/Microsoft.Network/networkInterfaces/nic-local');
  });

  it('rejects, as the compiler does, a deployed resource whose scope or existing ancestor is outside the file scope (BCP139, BCP165)', () => {
    const r = load(
      [
        "param tapId string = 'x'",
        "param apps array = ['app1-rg', 'app2-rg']",
        "resource srcNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {",
        "  name: 'app-nic'",
        "  scope: resourceGroup('app-rg')",
        "  resource nested 'tapConfigurations' = { name: 'nested', properties: { virtualNetworkTap: { id: tapId } } }",
        "  resource nestedExisting 'tapConfigurations' existing = { name: 'old' }",
        '}',
        "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {",
        '  parent: srcNic',
        "  name: 'tapcfg'",
        '  properties: { virtualNetworkTap: { id: tapId } }',
        '}',
        "resource appNics 'Microsoft.Network/networkInterfaces@2024-05-01' existing = [for rg in apps: {",
        "  name: 'nic'",
        '  scope: resourceGroup(rg)',
        '}]',
        "resource cfgs 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = [for (rg, i) in apps: {",
        '  parent: appNics[i]',
        "  name: 'tapcfg'",
        '}]',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'tap'",
        "  scope: resourceGroup('net-rg')",
        '}',
        "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {",
        "  name: 'lock'",
        '  scope: appNics[0]',
        "  properties: { level: 'CanNotDelete' }",
        '}',
        // Deployable: the file's own scope, a resource in it, the tenant.
        "resource localNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = { name: 'local-nic' }",
        "resource here 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = { parent: localNic, name: 'cfg' }",
        "resource hereLock 'Microsoft.Authorization/locks@2020-05-01' = { name: 'l', scope: localNic }",
        "resource sameRg 'Microsoft.Authorization/locks@2020-05-01' = { name: 'l2', scope: resourceGroup() }",
        "resource alias 'Microsoft.Subscription/aliases@2021-10-01' = { name: 'a', scope: tenant() }",
      ].join('\n'),
    );
    const byLine = [...r.diagnostics].sort((a, b) => a.span.region().start.line - b.span.region().start.line);
    expect(byLine.map((d) => [d.span.region().start.line, d.message.match(/BCP\d+/)?.[0], d.message.match(/^the resource '([^']+)'/)?.[1]])).toEqual([
      [6, 'BCP165', 'nested'],
      [9, 'BCP165', 'cfg'],
      [18, 'BCP165', 'cfgs'],
      [24, 'BCP139', 'tap'],
      [28, 'BCP139', 'lock'],
    ]);
    expect(r.diagnostics.every((d) => d.code === 'invalid-template')).toBe(true);
    expect(byLine[1]?.message).toBe(
      "the resource 'cfg' would be deployed to the scope resourceGroup('app-rg') of its existing ancestor 'srcNic', not to this file's resource group; the Bicep compiler rejects it (BCP165): deploy it from a module with that scope",
    );
    // A subscription file deploys at subscription() and at the tenant, not in a resource group.
    const sub = load(
      [
        "targetScope = 'subscription'",
        "resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' existing = { name: 'net-rg' }",
        "resource def 'Microsoft.Authorization/roleDefinitions@2022-04-01' = { name: 'd', scope: subscription() }",
        "resource lock 'Microsoft.Authorization/locks@2020-05-01' = { name: 'l', scope: rg }",
      ].join('\n'),
    );
    expect(sub.diagnostics.map((d) => [d.span.text(), d.message.match(/BCP\d+/)?.[0]])).toEqual([['rg', 'BCP139']]);
  });

  it('a misspelt name or function names the one spelt alike in reach (BCP082), loop variables included', () => {
    const r = load(
      [
        "param location string = 'eastus'",
        "var names = ['a']",
        'var a = locaton',
        'var b = [for nm in names: toUpper(nme)]',
        "var c = toUpperr('x')",
        "var d = Toupper('x')",
        'output o string = a',
      ].join('\n'),
    );
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "unknown symbol 'locaton'; did you mean 'location'?",
      "unknown symbol 'nme'; did you mean 'nm'?",
      "the function 'toUpperr' does not exist; did you mean 'toUpper'?",
      "the function 'Toupper' does not exist; did you mean 'toUpper'? (Bicep names are case-sensitive)",
    ]);
  });

  it("a misspelt call of the file's own function names that function", () => {
    const r = load(["func buildName(p string) string => '${p}-x'", "var a = buildNme('a')", 'output o string = a'].join('\n'));
    expect(r.diagnostics.map((d) => d.message)).toEqual(["the function 'buildNme' does not exist; did you mean 'buildName'?"]);
  });

  it("this.existingResource() (Bicep 0.46's runtime values in tags and sku) lowers to target('full'); with arguments it is an error", () => {
    const ok = load(["resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {", "  name: 'st1'", "  location: 'eastus'", '  tags: this.existingResource().?tags ?? {}', "  sku: { name: this.existingResource().?sku.name ?? 'Standard_LRS' }", "  kind: 'StorageV2'", '}'].join('\n'));
    expect(ok.diagnostics.map((d) => d.message)).toEqual([]);
    expect(JSON.stringify(ok.root)).toContain('{"k":"call","name":"tryGet","args":[{"k":"call","name":"target","args":[{"k":"lit","value":"full"');
    const bad = load(["resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {", "  name: 'st1'", "  location: 'eastus'", '  tags: this.existingResource(1)', '}'].join('\n'));
    expect(bad.diagnostics.map((d) => d.message)).toEqual(['existingResource() takes no arguments, but is given 1']);
  });

  it("this.exists(), this.existingProperties() and this.existingResource() lower to target('exists'), target() and target('full') in a resource's body, and are errors at their name anywhere else (the compiler's ThisFunctionOnlyAllowedInResourceProperties)", () => {
    const ok = load(
      [
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
        "  name: 'v1'",
        "  location: 'eastus'",
        "  properties: {",
        "    addressSpace: this.existingProperties().?addressSpace ?? { addressPrefixes: ['10.0.0.0/16'] }",
        "    enableDdosProtection: this.exists()",
        "  }",
        "  resource sn 'subnets' = {",
        "    name: 's1'",
        "    properties: { addressPrefix: this.existingResource().?properties.addressPrefix ?? '10.0.0.0/24' }",
        "  }",
        "}",
      ].join('\n'),
    );
    expect(ok.diagnostics.map((d) => d.message)).toEqual([]);
    const text = JSON.stringify(ok.root);
    expect(text).toContain('{"k":"call","name":"target","args":[{"k":"lit","value":"exists"');
    expect(text).toContain('{"k":"call","name":"target","args":[]');
    expect(text).toContain('{"k":"call","name":"target","args":[{"k":"lit","value":"full"');
    const bad = load(
      [
        'var prev = this.existingResource()',
        "resource v2 'Microsoft.Network/virtualNetworks@2024-05-01' = if (this.exists()) {",
        "  name: this.exists() ? 'a' : 'b'",
        '  location: this.existingResource().location',
        '}',
        "module m 'mod.bicep' = {",
        "  name: 'm'",
        '  params: { x: this.existingProperties() }',
        '}',
        'output e bool = this.exists()',
      ].join('\n'),
      { 'mod.bicep': 'param x object' },
    );
    const at = bad.diagnostics.map((d) => ({ p: bad.src.position(d.span.range().start), m: d.message.slice(0, d.message.indexOf(' can only')) }));
    expect(at.sort((x, y) => x.p.line - y.p.line).map(({ p, m }) => `${p.line}:${p.column} ${m}`)).toEqual([
      "1:17 'this.existingResource()'",
      "2:71 'this.exists()'",
      "3:14 'this.exists()'",
      "4:18 'this.existingResource()'",
      "8:21 'this.existingProperties()'",
      "10:22 'this.exists()'",
    ]);
  });

  it('reports unknown symbols at their exact span', () => {
    const r = load("var x = nope.id\n");
    expect(r.diagnostics.map((d) => [d.code, d.message, d.span.region().start])).toEqual([
      ['invalid-template', "unknown symbol 'nope'", { line: 1, column: 9 }],
    ]);
  });
});

describe('Bicep lowering: modules and imports', () => {
  it('rejects, as the compiler does, a module deployed at a scope its file does not target or this file cannot reach (BCP134, BCP113-BCP116)', () => {
    const modules = {
      'rg.bicep': "param location string = 'eastus'",
      'sub.bicep': "targetScope = 'subscription'",
      'mg.bicep': "targetScope = 'managementGroup'",
      'sub.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] }),
    };
    const codes = (text: string) =>
      load(text, modules)
        .diagnostics.map((d) => [d.span.region().start.line, d.message.match(/BCP\d+/)?.[0]])
        .sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(
      codes(
        [
          "targetScope = 'subscription'",
          "resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = { name: 'tap-rg', location: 'eastus' }",
          "module noScope 'rg.bicep' = { name: 'a' }",
          "module inRg 'rg.bicep' = { name: 'b', scope: rg }",
          "module named 'rg.bicep' = { name: 'c', scope: resourceGroup('x') }",
          "module currentRg 'rg.bicep' = { name: 'd', scope: resourceGroup() }",
          "module here 'sub.bicep' = { name: 'e' }",
          "module json 'sub.json' = { name: 'f', scope: subscription('11111111-1111-1111-1111-111111111111') }",
          "module onModule 'rg.bicep' = { name: 'g', scope: inRg }",
        ].join('\n'),
      ),
    ).toEqual([
      [3, 'BCP134'],
      [6, 'BCP115'],
      [9, 'BCP134'],
    ]);
    expect(
      codes(
        [
          "module toMg 'mg.bicep' = { name: 'a', scope: managementGroup('mg') }",
          "module sub 'sub.bicep' = { name: 'b', scope: subscription() }",
          "module json 'sub.json' = { name: 'c' }",
          "module other 'rg.bicep' = { name: 'd', scope: resourceGroup('22222222-2222-2222-2222-222222222222', 'x') }",
        ].join('\n'),
      ),
    ).toEqual([
      [1, 'BCP116'],
      [3, 'BCP134'],
    ]);
    expect(
      codes(
        [
          "targetScope = 'managementGroup'",
          "module rgOnly 'rg.bicep' = { name: 'a', scope: resourceGroup('x') }",
          "module rgInSub 'rg.bicep' = { name: 'b', scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'x') }",
          "module sub 'sub.bicep' = { name: 'c', scope: subscription('11111111-1111-1111-1111-111111111111') }",
          "module mg 'mg.bicep' = { name: 'd', scope: managementGroup('other') }",
        ].join('\n'),
      ),
    ).toEqual([[2, 'BCP114']]);
    const message = load("targetScope = 'subscription'\nmodule tapMod 'rg.bicep' = { name: 'a' }", modules).diagnostics[0]?.message;
    expect(message).toBe(
      "the module 'tapMod' targets a resource group (its targetScope), but without a scope it is deployed at this file's subscription; the Bicep compiler rejects it (BCP134): give it a scope of that kind (scope: resourceGroup('name'), or a resource group the file declares)",
    );
  });

  it('inlines a local module as a nested deployment with outputs wired', () => {
    const r = load(
      [
        "module net 'modules/net.bicep' = {",
        "  name: 'net-deploy'",
        "  params: { prefix: 'x' }",
        '}',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = {",
        "  name: 'tap'",
        '  properties: { destinationLoadBalancerFrontEndIPConfiguration: { id: net.outputs.feId } }',
        '}',
      ].join('\n'),
      { 'modules/net.bicep': "param prefix string\noutput feId string = '${prefix}-fe'\n" },
    );
    expect(r.diagnostics).toEqual([]);
    const res = section(r.root, 'resources');
    const net = obj(res.net);
    expect(net).toMatchObject({ type: 'Microsoft.Resources/deployments', name: 'net-deploy' });
    const props = obj(net.properties);
    expect(props).toMatchObject({ expressionEvaluationOptions: { scope: 'inner' }, mode: 'Incremental', parameters: { prefix: { value: 'x' } } });
    expect(Object.keys(section(obj(props.template), 'outputs'))).toEqual(['feId']);
    expect(obj(res.tap).dependsOn).toEqual(['net']);
    const id = obj(obj(obj(res.tap).properties).destinationLoadBalancerFrontEndIPConfiguration).id;
    expect(node(id)).toBe("reference(resourceId('Microsoft.Resources/deployments', 'net-deploy'), '2022-09-01').outputs.feId.value");
  });

  it("lowers a safe module output access (mod.outputs.?x) to tryGet, as the compiler does", () => {
    const r = load(
      [
        "module net 'modules/net.bicep' = {",
        "  name: 'net-deploy'",
        '}',
        "output fe string = net.outputs.?feId ?? ''",
        "output other string = net.outputs.?missing ?? 'none'",
      ].join('\n'),
      { 'modules/net.bicep': "output feId string = 'fe'\n" },
    );
    expect(r.diagnostics).toEqual([]);
    const outs = section(r.root, 'outputs');
    expect(node(obj(outs.fe).value)).toBe("coalesce(tryGet(reference(resourceId('Microsoft.Resources/deployments', 'net-deploy'), '2022-09-01').outputs, 'feId', 'value'), '')");
  });

  it('names a module written without a name as the compiler does: the symbol cut to 50 characters (46 and the index in a loop), and a hash', () => {
    const long = 'module_symbolic_name_with_a_super_long_name_that_has_seventy_seven_characters';
    const r = load(
      [
        "module m2 'mod.bicep' = [for i in range(0, 2): {",
        '  params: { n: i }',
        '}]',
        `module ${long} 'mod.bicep' = {}`,
        `module ${long}s 'mod.bicep' = [for i in range(0, 2): {}]`,
        'output first string = m2[0].name',
        `output long string = ${long}.name`,
      ].join('\n'),
      { 'mod.bicep': 'param n int = 0\n' },
    );
    expect(r.diagnostics).toEqual([]);
    const res = section(r.root, 'resources');
    expect(node(obj(res.m2).name)).toBe("format('m2-{0}-{1}', copyIndex(), uniqueString('m2', deployment().name))");
    expect(node(obj(res[long]).name)).toBe(`format('module_symbolic_name_with_a_super_long_name_that_h-{0}', uniqueString('${long}', deployment().name))`);
    expect(node(obj(res[`${long}s`]).name)).toBe(`format('module_symbolic_name_with_a_super_long_name_th-{0}-{1}', copyIndex(), uniqueString('${long}s', deployment().name))`);
    const outs = section(r.root, 'outputs');
    expect(node(obj(outs.first).value)).toBe("format('m2-{0}-{1}', 0, uniqueString('m2', deployment().name))");
  });

  it('emits module scopes as the compiler does', () => {
    const r = load("module m 'm.bicep' = {\n  name: 'm'\n  scope: resourceGroup('sub1', 'rg1')\n}\n", { 'm.bicep': '' });
    const m = obj(section(r.root, 'resources').m);
    expect(m.subscriptionId).toBe('sub1');
    expect(m.resourceGroup).toBe('rg1');
  });

  it('scopes a module loop to a loop of resource groups in their own subscriptions, as the compiler does', () => {
    // `scope: spokeRgs[i]`: the compiler writes the group's subscription (its own
    // `scope: subscription(s.sub)`) with the group's loop variable replaced by the module's index:
    //   "subscriptionId": "[parameters('spokes')[copyIndex()].sub]", "resourceGroup": "[parameters('spokes')[copyIndex()].rg]"
    const r = load(
      [
        "targetScope = 'subscription'",
        'param spokes array = [',
        "  { sub: '11111111-1111-1111-1111-111111111111', rg: 'rg-spoke1' }",
        "  { sub: '22222222-2222-2222-2222-222222222222', rg: 'rg-spoke2' }",
        ']',
        "resource spokeRgs 'Microsoft.Resources/resourceGroups@2024-03-01' existing = [for s in spokes: {",
        '  name: s.rg',
        '  scope: subscription(s.sub)',
        '}]',
        "module spokeTaps 'spoke.bicep' = [for (s, i) in spokes: {",
        "  name: 'spoke-tap-${i}'",
        '  scope: spokeRgs[i]',
        '}]',
        'output subs array = [for (s, i) in spokes: spokeTaps[i].outputs.sub]',
      ].join('\n'),
      { 'spoke.bicep': 'output sub string = subscription().subscriptionId\n' },
    );
    expect(r.diagnostics).toEqual([]);
    const m = obj(section(r.root, 'resources').spokeTaps);
    expect(node(m.subscriptionId)).toBe("parameters('spokes')[copyIndex()].sub");
    expect(node(m.resourceGroup)).toBe("parameters('spokes')[copyIndex()].rg");
  });

  it('refuses module paths outside the root, missing files and cycles', () => {
    const outside = load("module m '../../etc/x.bicep' = {\n  name: 'm'\n}\n");
    expect(outside.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('outside the lint root')]);
    expect(outside.diagnostics[0]?.span.region().start).toEqual({ line: 1, column: 10 });
    const cyc = load("module a 'a.bicep' = {\n  name: 'a'\n}\n", { 'a.bicep': "module b 'b.bicep' = {\n  name: 'b'\n}\n", 'b.bicep': "module a 'a.bicep' = {\n  name: 'a'\n}\n" });
    expect(cyc.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('cycle: a.bicep -> b.bicep -> a.bicep')]);
    const self = load("module me 'main.bicep' = {\n  name: 'me'\n}\n");
    expect(self.diagnostics.map((d) => d.code)).toEqual(['invalid-template']);
  });

  it('limits module depth', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`m${i}.bicep`] = `module n 'm${i + 1}.bicep' = {\n  name: 'n'\n}\n`;
    files['m20.bicep'] = '';
    const r = load("module n 'm0.bicep' = {\n  name: 'n'\n}\n", files);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
  });

  it('keeps registry modules as template links', () => {
    const r = load("module m 'br/public:avm/res/network/virtual-network:0.1.0' = {\n  name: 'm'\n}\n");
    expect(r.diagnostics).toEqual([]);
    const props = obj(obj(section(r.root, 'resources').m).properties);
    expect(obj(props.templateLink).uri).toBe('br/public:avm/res/network/virtual-network:0.1.0');
  });

  it('makes variables imported from a registry unknown, with a note at the import and no error where they are used', () => {
    const r = load(
      [
        "import { subnetConfig } from 'br/public:avm/utl/types/avm-common-types:0.5.1'",
        "import * as shared from 'shared.json'",
        'var cfg = subnetConfig',
        'var d = shared.defaults',
        '',
      ].join('\n'),
      { 'shared.json': '{"metadata": {"__bicep_exported_variables!": [{"name": "defaults"}]}, "variables": {"defaults": {"name": "x"}}, "resources": []}' },
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['note']);
    const scope = scopeOf(r);
    const cfg = scope.variable('cfg', r.span);
    expect(cfg).toBeInstanceOf(Unknown);
    expect((cfg as Unknown).reason.message).toBe("'subnetConfig', imported from 'br/public:avm/utl/types/avm-common-types:0.5.1', which is not read");
    // An ARM JSON template is read (see test/bicep/import-json.test.ts): its exported variable has its value.
    expect(plain(scope.variable('d', r.span))).toEqual({ name: 'x' });
    expect(scope.diagnostics.items).toEqual([]);
  });

  it("lets functions use the file's variables, also through imports (Bicep 0.29 and later), and nothing else", () => {
    const r = load(
      [
        "var prefix = 'contoso'",
        "func tapName(env string) string => '${prefix}-tap-${env}'",
        "import { resName } from 'naming.bicep'",
        "import * as naming from 'naming.bicep'",
        // This file has an 'org' of its own: the imported function still reads its file's.
        "var org = 'local-org'",
        "output local string = tapName('prod')",
        "output imported string = resName('nic', 'eastus')",
        "output wildcard string = naming.resName('vm', 'uksouth')",
        'output mine string = org',
      ].join('\n'),
      {
        // Neither variable is exported: the compiler copies what the function uses.
        'naming.bicep': "var org = 'fab'\nvar short = { eastus: 'eus', uksouth: 'uks' }\n@export()\nfunc resName(kind string, r string) string => '${org}-${kind}-${short[r]}'\n",
      },
    );
    expect(r.diagnostics).toEqual([]);
    const scope = scopeOf(r);
    expect(scope.outputs().map((o) => [o.name, o.value])).toEqual([
      ['local', 'contoso-tap-prod'],
      ['imported', 'fab-nic-eus'],
      ['wildcard', 'fab-vm-uks'],
      ['mine', 'local-org'],
    ]);
    expect(scope.diagnostics.items).toEqual([]);
    const bad = load(
      [
        "param region string = 'eastus'",
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = { name: 'v' }",
        'func a() string => region',
        'func b() string => vnet.name',
        'func c() string => nothing',
      ].join('\n'),
    );
    expect(bad.diagnostics.map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message])).toEqual([
      ['3:20', "a function cannot use the parameter 'region'"],
      ['4:20', "a function cannot use the resource 'vnet'"],
      ['5:20', "unknown symbol 'nothing'"],
    ]);
  });

  it('reports every output declared twice (BCP145)', () => {
    const r = load("output v int = 1\noutput w int = 2\noutput v int = 3\n");
    expect(r.diagnostics.map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message])).toEqual([
      ['1:8', 'Output "v" is declared multiple times. Remove or rename the duplicates.'],
      ['3:8', 'Output "v" is declared multiple times. Remove or rename the duplicates.'],
    ]);
  });

  it('rejects a nested resource inside a resource loop (BCP160) and does not lower it', () => {
    const r = load(
      [
        "resource nics 'Microsoft.Network/networkInterfaces@2024-05-01' = [for i in range(0, 2): {",
        "  name: 'web-nic-${i}'",
        "  resource cfg 'tapConfigurations' = {",
        "    name: 'tapcfg'",
        '  }',
        '}]',
      ].join('\n'),
    );
    expect(r.diagnostics.map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message])).toEqual([
      ['3:12', 'A nested resource cannot appear inside of a resource with a for-expression; declare it at the top level with a loop of its own and parent: <resource>[i].'],
    ]);
    expect(Object.keys((r.root as TObject).resources as TObject)).toEqual(['nics']);
  });

  it('reports every declaration of a name declared twice (BCP028); outputs have names of their own', () => {
    const r = load(
      [
        "param location string = 'eastus'",
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = { name: 'tap1', location: location }",
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = { name: 'tap2', location: location }",
        "import { double as location } from 'lib.bicep'",
        'output location string = location',
        'output tapId string = tap.id',
      ].join('\n'),
      { 'lib.bicep': '@export()\nfunc double(x int) int => x * 2\n' },
    );
    const dup = r.diagnostics.filter((d) => d.message.includes('declared multiple times'));
    expect(dup.map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message])).toEqual([
      ['1:7', 'Identifier "location" is declared multiple times. Remove or rename the duplicates.'],
      ['4:20', 'Identifier "location" is declared multiple times. Remove or rename the duplicates.'],
      ['2:10', 'Identifier "tap" is declared multiple times. Remove or rename the duplicates.'],
      ['3:10', 'Identifier "tap" is declared multiple times. Remove or rename the duplicates.'],
    ]);
  });

  it('inlines compile-time imports and load functions', () => {
    const r = load(
      [
        "import { base, double as twice } from 'lib.bicep'",
        "import * as lib from 'lib.bicep'",
        'var a = twice(base)',
        'var b = lib.base',
        "var text = loadTextContent('data.txt')",
        "var cfg = loadJsonContent('cfg.json', '$.ports')",
        "var strict = loadJsonContent('strict.json')",
      ].join('\n'),
      {
        'lib.bicep': "var inner = 20\n@export()\nvar base = inner + 1\n@export()\nfunc double(x int) int => x * 2\n",
        'data.txt': 'hello',
        'cfg.json': '{ "ports": [80, 443] // comment\n}',
        // Strict JSON (read with JSON.parse): '__proto__' stays a key like any other.
        'strict.json': '{"__proto__": {"polluted": true}, "ok": 1}',
      },
    );
    expect(r.diagnostics).toEqual([]);
    const scope = scopeOf(r);
    expect(scope.variable('a', r.span)).toBe(42);
    expect(scope.variable('b', r.span)).toBe(21);
    expect(scope.variable('text', r.span)).toBe('hello');
    // Element by element: an array built by createArray() keeps where its elements are written under a symbol, which toEqual sees.
    expect([...(scope.variable('cfg', r.span) as unknown[])]).toEqual([80, 443]);
    const strict = scope.variable('strict', r.span) as ObjectValue;
    expect(strict.keys()).toEqual(['__proto__', 'ok']);
    expect((strict.get('__proto__') as ObjectValue).get('polluted')).toBe(true);
  });

  it('brings along what an imported variable or function reads that its file imports itself, by name or through a namespace', () => {
    // The network team's file builds on the platform's: the compiler copies the platform's symbols
    // too. They were "The template variable 'sizes' is not found" in the network file, and the
    // values unknown in the file that imported them.
    const r = load(
      [
        "import { webTier, tapName } from 'network/conventions.bicep'",
        "import * as conv from 'network/conventions.bicep'",
        // A variable of this file named as one the network file imports: each keeps its own.
        "var sizes = 'mine'",
        'output web object = webTier',
        "output tap string = tapName('prod')",
        'output collector object = conv.collectorTier',
        'output mine string = sizes',
      ].join('\n'),
      {
        'platform/sizes.bicep': "var generation = 'v6'\n@export()\nvar sizes = { web: 'Standard_D4s_${generation}', collector: 'Standard_D8s_v5' }\n@export()\nfunc resourceName(kind string, workload string) string => '${kind}-${workload}-${generation}'\n",
        'network/conventions.bicep': [
          "import { sizes, resourceName } from '../platform/sizes.bicep'",
          "import * as platform from '../platform/sizes.bicep'",
          'func collectorSize() string => platform.sizes.collector',
          '@export()',
          "var webTier = { vmSize: sizes.web, nicName: resourceName('nic', 'web') }",
          '@export()',
          "var collectorTier = { vmSize: collectorSize(), nicName: platform.resourceName('nic', 'collector') }",
          '@export()',
          "func tapName(env string) string => resourceName('tap', env)",
          '',
        ].join('\n'),
      },
    );
    expect(r.diagnostics).toEqual([]);
    const scope = scopeOf(r);
    expect(scope.outputs().map((o) => [o.name, plain(o.value)])).toEqual([
      ['web', { vmSize: 'Standard_D4s_v6', nicName: 'nic-web-v6' }],
      ['tap', 'tap-prod-v6'],
      ['collector', { vmSize: 'Standard_D8s_v5', nicName: 'nic-collector-v6' }],
      ['mine', 'mine'],
    ]);
    expect(scope.diagnostics.items).toEqual([]);
  });

  it('keeps the functions an import brings along apart from this file\'s and another import\'s of the same name', () => {
    // Each file's naming helper is its own: the compiler copies each under a name of its own. The
    // importing file's `resourceName` (or the first file's) was called in their place: the NIC and
    // TAP names computed in the shared files came out as this file's.
    const r = load(
      [
        "import { webTier } from 'network.bicep'",
        "import { sensorTier } from 'security.bicep'",
        "import { toolName } from 'tools.bicep'",
        "import { collectorTier } from 'collector.bicep'",
        "func resourceName(kind string, workload string) string => 'main-${kind}-${workload}'",
        'output web object = webTier',
        'output sensor object = sensorTier',
        "output mine string = resourceName('tap', 'prod')",
        'output collector object = collectorTier',
        "output tool string = toolName('x')",
      ].join('\n'),
      {
        'network.bicep': "func resourceName(kind string, workload string) string => '${kind}-${workload}-net'\n@export()\nvar webTier = { nicName: resourceName('nic', 'web') }\n",
        'security.bicep': "func resourceName(kind string, workload string) string => 'sec-${kind}-${workload}'\n@export()\nvar sensorTier = { nicName: resourceName('nic', 'sensor') }\n",
        // A function imported by name, and another file's private function of that name.
        'tools.bicep': "@export()\nfunc toolName(s string) string => 'tool-${s}'\n",
        'collector.bicep': "func toolName(s string) string => 'col-${s}'\n@export()\nvar collectorTier = { nicName: toolName('nic') }\n",
      },
    );
    expect(r.diagnostics).toEqual([]);
    const scope = scopeOf(r);
    expect(scope.outputs().map((o) => [o.name, plain(o.value)])).toEqual([
      ['web', { nicName: 'nic-web-net' }],
      ['sensor', { nicName: 'sec-nic-sensor' }],
      ['mine', 'main-tap-prod'],
      ['collector', { nicName: 'col-nic' }],
      ['tool', 'tool-x'],
    ]);
    expect(scope.diagnostics.items).toEqual([]);
  });

  it('reads YAML with loadYamlContent (with a path into it), and reports what JSON cannot hold', () => {
    const r = load(
      [
        "var net = loadYamlContent('net.yaml')",
        "var region = loadYamlContent('net.yaml', '$.tap.region')",
        "var first = loadYamlContent('net.yaml', '$.subnets[0]')",
        "var loop = loadYamlContent('loop.yaml')",
        "var dup = loadYamlContent('dup.yaml')",
        "var tagged = loadYamlContent('tagged.yaml')",
        "var names = loadYamlContent('net.yaml', '$.subnets[*]')",
      ].join('\n'),
      {
        'tagged.yaml': 'x: !custom foo\n',
        'net.yaml': '# collector network\ntap:\n  region: westeurope\n  port: 4789\nsubnets: &s\n  - default\n  - collectors\nagain: *s\n__proto__: {polluted: true}\n',
        'loop.yaml': 'a: &x [*x]\n',
        'dup.yaml': 'a: 1\na: 2\n',
      },
    );
    const scope = scopeOf(r);
    const net = scope.variable('net', r.span) as ObjectValue;
    expect(net.keys()).toEqual(['tap', 'subnets', 'again', '__proto__']);
    expect([...(net.get('again') as unknown[])]).toEqual(['default', 'collectors']);
    expect(scope.variable('region', r.span)).toBe('westeurope');
    expect(scope.variable('first', r.span)).toBe('default');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A file that does not parse is unknown, not null (a null would decide verdicts); so is a
    // JSONPath with wildcards (a note says so), never a call ARM would reject.
    expect(scope.variable('loop', r.span)).toBeInstanceOf(Unknown);
    expect(scope.variable('names', r.span)).toBeInstanceOf(Unknown);
    expect(scope.diagnostics.items).toEqual([]);
    // An unknown tag is read as its plain value, without a warning of the process.
    expect((scope.variable('tagged', r.span) as ObjectValue).get('x')).toBe('foo');
    expect(r.diagnostics.filter((d) => d.code !== 'note').map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message.replace(/:? at line.*$/, '')])).toEqual([
      ['4:28', 'loadYamlContent(): the file is not valid YAML: an alias refers to a node that contains it, which has no JSON value'],
      ['5:27', 'loadYamlContent(): the file is not valid YAML: Map keys must be unique'],
    ]);
  });

  it('loads binary files as bytes, and text in the encodings loadTextContent takes', () => {
    const bytes: Record<string, Uint8Array> = {
      'cert.bin': Uint8Array.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0a]),
      'ascii.txt': Uint8Array.from([0x41, 0xe9, 0x42]),
      'latin.txt': Uint8Array.from([0x41, 0xe9, 0x80]),
      'le.txt': Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde]),
      'be.txt': Uint8Array.from([0x00, 0x41, 0x00, 0xe9]),
    };
    const h = host({
      'main.bicep': [
        "var b64 = loadFileAsBase64('cert.bin')",
        "var ascii = loadTextContent('ascii.txt', 'us-ascii')",
        "var latin = loadTextContent('latin.txt', 'iso-8859-1')",
        "var le = loadTextContent('le.txt', 'utf-16')",
        "var be = loadTextContent('be.txt', 'utf-16BE')",
      ].join('\n'),
    });
    h.readBytes = (abs: string) => bytes[path.relative(ROOT, abs)] ? { bytes: bytes[path.relative(ROOT, abs)] as Uint8Array } : { error: 'the file does not exist' };
    const src = h.read(`${ROOT}/main.bicep`) as SourceText;
    const r = { ...loadBicepTemplate(src, h), src };
    expect(r.diagnostics.filter((d) => d.code !== 'note')).toEqual([]);
    const scope = scopeOf(r);
    expect(scope.variable('b64', r.span)).toBe(Buffer.from(bytes['cert.bin'] as Uint8Array).toString('base64'));
    expect(scope.variable('ascii', r.span)).toBe('A?B');
    expect(scope.variable('latin', r.span)).toBe('A\u00e9\u0080');
    expect(scope.variable('le', r.span)).toBe('A\u{1F600}');
    expect(scope.variable('be', r.span)).toBe('A\u00e9');
  });

  it("refuses files over the compiler's load limits (BCP184), at exactly those limits, without parsing them", () => {
    const yamlAt = (chars: number): string => `k: ${'x'.repeat(chars - 4)}\n`;
    const jsonAt = (chars: number): string => `"${'x'.repeat(chars - 2)}"`;
    const files: Record<string, string> = {
      'text-ok.txt': 'a'.repeat(131_072),
      'text-big.txt': 'a'.repeat(131_073),
      'ok.json': jsonAt(1_048_576),
      'big.json': jsonAt(1_048_577),
      'ok.yaml': yamlAt(1_048_576),
      'big.yaml': yamlAt(1_048_577),
    };
    const bytes: Record<string, Uint8Array> = {
      'ok.bin': new Uint8Array(98_304),
      'big.bin': new Uint8Array(98_305),
      'latin-big.txt': new Uint8Array(131_073).fill(0x41),
    };
    const names = ['text-ok', 'text-big', 'json-ok', 'json-big', 'yaml-ok', 'yaml-big', 'bin-ok', 'bin-big', 'latin-big'];
    const h = host({
      ...files,
      'main.bicep': [
        "var textOk = loadTextContent('text-ok.txt')",
        "var textBig = loadTextContent('text-big.txt')",
        "var jsonOk = loadJsonContent('ok.json')",
        "var jsonBig = loadJsonContent('big.json')",
        "var yamlOk = loadYamlContent('ok.yaml')",
        "var yamlBig = loadYamlContent('big.yaml')",
        "var binOk = loadFileAsBase64('ok.bin')",
        "var binBig = loadFileAsBase64('big.bin')",
        "var latinBig = loadTextContent('latin-big.txt', 'iso-8859-1')",
      ].join('\n'),
    });
    // (The load functions read every file as bytes: the text files too.)
    h.readBytes = (abs: string) => {
      const rel = path.relative(ROOT, abs);
      if (bytes[rel]) return { bytes: bytes[rel] as Uint8Array };
      return files[rel] !== undefined ? { bytes: Buffer.from(files[rel] as string, 'utf8') } : { error: 'the file does not exist' };
    };
    const src = h.read(`${ROOT}/main.bicep`) as SourceText;
    const r = { ...loadBicepTemplate(src, h), src };
    expect(r.diagnostics.filter((d) => d.code !== 'note').map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message])).toEqual([
      ['2:31', 'loadTextContent(): the file exceeds the maximum size of 131072 characters that the Bicep compiler loads (BCP184)'],
      ['4:31', 'loadJsonContent(): the file exceeds the maximum size of 1048576 characters that the Bicep compiler loads (BCP184)'],
      ['6:31', 'loadYamlContent(): the file exceeds the maximum size of 1048576 characters that the Bicep compiler loads (BCP184)'],
      ['8:31', 'loadFileAsBase64(): the file exceeds the maximum size of 98304 bytes that the Bicep compiler loads (BCP184)'],
      ['9:32', 'loadTextContent(): the file exceeds the maximum size of 131072 characters that the Bicep compiler loads (BCP184)'],
    ]);
    const scope = scopeOf(r);
    const value = (n: string) => scope.variable(n.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), r.span);
    for (const n of names) expect(value(n) instanceof Unknown, n).toBe(n.endsWith('-big'));
    expect((value('text-ok') as string).length).toBe(131_072);
    expect((value('bin-ok') as string).length).toBe(131_072);
  });

  it('reads a YAML map of many keys within the limit, and still finds a duplicate key among them', () => {
    // 90,000 keys in under 1 MB: the parser's own uniqueKeys check compared each key with all
    // those before it (most of a minute; the time is the bench's 'loadYamlContent' row); the
    // duplicate is the last line's key, as the parser reported it.
    const keys = Array.from({ length: 90_000 }, (_, i) => `k${i}: 1`);
    const h = host({
      'many.yaml': `${keys.join('\n')}\n`,
      'dup.yaml': `${keys.join('\n')}\nk7: 2\n`,
      'flow.yaml': 'a: {x: 1, y: 2, x: 3}\n',
      'main.bicep': ["var many = loadYamlContent('many.yaml')", "var dup = loadYamlContent('dup.yaml')", "var flow = loadYamlContent('flow.yaml')"].join('\n'),
    });
    const src = h.read(`${ROOT}/main.bicep`) as SourceText;
    const r = { ...loadBicepTemplate(src, h), src };
    expect(r.diagnostics.filter((d) => d.code !== 'note').map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message])).toEqual([
      ['2:27', 'loadYamlContent(): the file is not valid YAML: Map keys must be unique at line 90001, column 1:'],
      ['3:28', 'loadYamlContent(): the file is not valid YAML: Map keys must be unique at line 1, column 17:'],
    ]);
    const many = plain(scopeOf(r).variable('many', r.span)) as Record<string, unknown>;
    expect(Object.keys(many).length).toBe(90_000);
  });
});

describe('safe access chains', () => {
  it('continue the tryGet()/tryIndexFromEnd() of the safe access, as the compiler writes them, so a missing value is null', () => {
    const r = load(
      [
        "param p object = { a: { b: ['x', 'y'] }, arr: [{ foo: [1, 2, 3] }, { foo: [4, 5] }] }",
        'var last = p.?a.b[^1]',
        'var first = p.?a.b[0]',
        'var missing = p.?c.b[^1]',
        'var missingProp = p.?c.b.d',
        'var twoSafe = p.?a.b.?c.d',
        'var paren = (p.?a).b',
        'var fromEndChain = p.arr[?^2].foo[^1]',
        'var fromEndMissing = p.arr[?^3].foo[^1]',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const v = section(r.root, 'variables');
    // baselines/Modules: `x.?a.deeply.nested.array[^1]` is tryGet(x, 'a', ..., 'array', createObject('value', 1, 'fromEnd', true())).
    expect(node(v.last)).toBe("tryGet(parameters('p'), 'a', 'b', createObject('value', 1, 'fromEnd', true))");
    expect(node(v.first)).toBe("tryGet(parameters('p'), 'a', 'b', 0)");
    expect(node(v.twoSafe)).toBe("tryGet(tryGet(parameters('p'), 'a', 'b'), 'c', 'd')");
    expect(node(v.paren)).toBe("tryGet(parameters('p'), 'a').b");
    expect(node(v.fromEndChain)).toBe("tryIndexFromEnd(parameters('p').arr, 2, 'foo', createObject('value', 1, 'fromEnd', true))");
    const scope = scopeOf(r);
    expect(scope.variable('last', r.span)).toBe('y');
    expect(scope.variable('first', r.span)).toBe('x');
    expect(scope.variable('missing', r.span)).toBe(null);
    expect(scope.variable('missingProp', r.span)).toBe(null);
    expect(scope.variable('twoSafe', r.span)).toBe(null);
    expect(scope.variable('fromEndChain', r.span)).toBe(3);
    expect(scope.variable('fromEndMissing', r.span)).toBe(null);
    expect(scope.diagnostics.items).toEqual([]);
  });
});

describe('resource-derived types', () => {
  it("lower to the envelope property's primitive type, as the compiler writes them; unknown paths stay object", () => {
    const r = load(
      [
        "type idName = resourceInput<'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31'>.name",
        "type rg = sys.resourceOutput<'Microsoft.Resources/resourceGroups@2022-09-01'>",
        "param bar resourceInput<'Microsoft.Resources/tags@2022-09-01'>.properties = { tags: { fizz: 'buzz' } }",
        "param loc (resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>.location)?",
        "param zones resourceInput<'Microsoft.Network/publicIPAddresses@2023-09-01'>.zones = []",
        "output baz resourceInput<'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31'>.name = 'myId'",
        "output viaAlias idName = 'x'",
        "output aliasProp rg.id = 'y'",
        "output kind sys.resourceInput<'Microsoft.Storage/storageAccounts@2023-01-01'>.kind = 'StorageV2'",
        "output deep resourceInput<'Microsoft.Resources/tags@2022-09-01'>.properties.tags = {}",
        "output other resourceInput<'Microsoft.Storage/storageAccounts@2023-01-01'>.accessTier = 'Hot'",
        "output whole resourceInput<'Microsoft.Storage/storageAccounts@2023-01-01'> = { name: 'sa', location: 'x' }",
      ].join('\n'),
    );
    // A whole resource body as a type is the compiler's BCP394 (its own test
    // Using_a_complete_resource_body_as_a_type_should_not_throw_exception); it still lowers to object.
    expect(r.diagnostics.map((d) => `${d.span.region().start.line} ${d.message}`)).toEqual([
      '12 Resource-derived type expressions must dereference a property within the resource body. Using the entire resource body type is not permitted. (BCP394)',
    ]);
    const types = (sec: string) => Object.fromEntries(Object.entries(section(r.root, sec)).map(([k, v]) => [k, obj(v).type]));
    // baselines/ResourceDerivedTypes: `output baz resourceInput<...>.name` is "type": "string".
    expect(types('outputs')).toEqual({ baz: 'string', viaAlias: 'string', aliasProp: 'string', kind: 'string', deep: 'object', other: 'object', whole: 'object' });
    expect(types('parameters')).toEqual({ bar: 'object', loc: 'string', zones: 'array' });
    expect(obj(section(r.root, 'parameters').loc).nullable).toBe(true);
  });
});

describe('loadDirectoryFileInfo()', () => {
  // The compiler's own sample (baselines/LoadFunctions): the names of its Assets folder.
  const assets = ['TextFile.LF.txt', 'binary', 'encoding-utf8.txt', 'test2.json.txt', 'TextFile.CRLF.txt', 'test.json.txt', 'encoding-ascii.txt', 'test.yaml.txt'];
  function loadDir(main: string, dirs: Record<string, string[]>) {
    const h = host({ 'main.bicep': main });
    h.listFiles = (abs: string) => {
      const names = dirs[path.relative(ROOT, abs)];
      return names ? { names } : { error: 'the directory does not exist' };
    };
    const src = h.read(`${ROOT}/main.bicep`) as SourceText;
    return { ...loadBicepTemplate(src, h), src };
  }
  const info = (rel: string) => {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    return { relativePath: rel, baseName: base, extension: dot >= 0 ? base.slice(dot) : '' };
  };

  it("lists the folder's files as the compiler does: relative path, name, extension, ordered ignoring case", () => {
    const r = loadDir(
      [
        "var all = loadDirectoryFileInfo('./Assets')",
        "var txt = loadDirectoryFileInfo('Assets/', '*.txt')",
        "var one = loadDirectoryFileInfo('Assets', 'test?.json.*')",
        "var mods = loadDirectoryFileInfo('../virtual/mods')",
      ].join('\n'),
      { Assets: assets, mods: ['b.bicep', '_a.bicep', 'A.bicep', 'noext.'] },
    );
    expect(r.diagnostics).toEqual([]);
    const scope = scopeOf(r);
    // As in the compiled main.json: 'test*' before 'TextFile*' (OrdinalIgnoreCase), '' for no extension.
    const sorted = ['binary', 'encoding-ascii.txt', 'encoding-utf8.txt', 'test.json.txt', 'test.yaml.txt', 'test2.json.txt', 'TextFile.CRLF.txt', 'TextFile.LF.txt'];
    expect(plain(scope.variable('all', r.span))).toEqual(sorted.map((n) => info(`Assets/${n}`)));
    expect(plain(scope.variable('txt', r.span))).toEqual(sorted.filter((n) => n.endsWith('.txt')).map((n) => info(`Assets/${n}`)));
    expect(plain(scope.variable('one', r.span))).toEqual([info('Assets/test2.json.txt')]);
    // Upper-cased for comparison, as .NET does: 'A' < 'B' < '_'; a name ending in '.' has no extension.
    expect(plain(scope.variable('mods', r.span))).toEqual([info('mods/A.bicep'), info('mods/b.bicep'), { relativePath: 'mods/noext.', baseName: 'noext.', extension: '' }, info('mods/_a.bicep')]);
  });

  it('a folder that cannot be read is an error at the argument and an unknown value; a listed one evaluates', () => {
    const r = loadDir(
      [
        "var files = loadDirectoryFileInfo('missing')",
        "var n = 'nsg-${length(loadDirectoryFileInfo('dir'))}'",
      ].join('\n'),
      { dir: ['one.txt', 'two.json'] },
    );
    expect(r.diagnostics.map((d) => [d.span.toString().replace(/^.*main\.bicep:/, ''), d.message])).toEqual([
      ['1:35', "loadDirectoryFileInfo(): the directory does not exist"],
    ]);
    const scope = scopeOf(r);
    expect(scope.variable('files', r.span)).toBeInstanceOf(Unknown);
    expect(scope.variable('n', r.span)).toBe('nsg-2');
    expect(scope.diagnostics.items).toEqual([]);
  });
});

describe('Bicep parameters files', () => {
  it('reads using and lowers values, which read the file\'s variables from its scope', () => {
    const h = host({
      'main.bicepparam': "using 'main.bicep'\nvar p = 'tap'\nparam name = '${p}-1'\nparam count = 2 + 1\n",
    });
    const src = h.read(`${ROOT}/main.bicepparam`) as SourceText;
    const r = loadBicepParams(src, h);
    expect(r.diagnostics).toEqual([]);
    expect(r.templatePath).toBe(`${ROOT}/main.bicep`);
    const scope = new TemplateScope(r.scope, r.values.get('name')?.span as never);
    const name = r.values.get('name');
    expect(name && scope.evaluateNode(name.node, name.span)).toBe('tap-1');
    const count = r.values.get('count');
    expect(count && scope.evaluateNode(count.node, count.span)).toBe(3);
    expect(name?.span.region().start).toEqual({ line: 3, column: 14 });
  });
});

describe('Bicep lowering: extension resources', () => {
  it('are written as the compiler writes them: marked, the body under properties, properties read at runtime', () => {
    const r = load(
      [
        'extension microsoftGraphV1',
        "resource app 'Microsoft.Graph/applications@v1.0' = {",
        "  uniqueName: 'app'",
        "  displayName: 'App'",
        "  resource fic 'federatedIdentityCredentials' = {",
        "    name: '${app.uniqueName}/fic'",
        "    issuer: 'issuer'",
        '  }',
        '}',
        "resource grant 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = {",
        '  clientId: app.id',
        "  scope: 'Read.All'",
        '}',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const res = section(r.root, 'resources');
    expect(obj(res.app).import).toBe('microsoftGraphV1');
    expect(obj(obj(res.app).properties).uniqueName).toBe('app');
    expect(obj(res.fic).import).toBe('microsoftGraphV1');
    expect(node(obj(obj(res.fic).properties).name)).toContain('uniqueName');
    // scope is the extension's own property, not an ARM scope; ids are runtime properties
    expect(obj(res.grant).scope).toBeUndefined();
    expect(obj(obj(res.grant).properties).scope).toBe('Read.All');
    expect(node(obj(obj(res.grant).properties).clientId)).toMatch(/^reference\(.*\)\.id$/);
  });

  it("a module's extensionConfigs pass on the parent's configuration as the compiler writes it (extensions('k8s').config)", () => {
    const r = load(
      [
        'param useOwn bool',
        'param ns string',
        'extension kubernetes as k8s',
        "resource kv 'Microsoft.KeyVault/vaults@2019-09-01' existing = { name: 'kv1' }",
        "module whole 'm.bicep' = {",
        "  name: 'whole'",
        '  extensionConfigs: { k8s: k8s.config }',
        '}',
        "module piecemeal 'm.bicep' = {",
        "  name: 'piecemeal'",
        '  extensionConfigs: {',
        '    k8s: {',
        '      kubeConfig: k8s.config.kubeConfig',
        "      namespace: useOwn ? ns : (k8s.config.namespace)",
        "      context: useOwn ? kv.getSecret('ctx') : 'default'",
        '    }',
        '    other: {}',
        '  }',
        '}',
      ].join('\n'),
      { 'm.bicep': '' },
    );
    expect(r.diagnostics).toEqual([]);
    const res = section(r.root, 'resources');
    const configs = (m: string): TObject => obj(obj(obj(res[m]).properties).extensionConfigs);
    expect(node(configs('whole').k8s)).toBe("extensions('k8s').config");
    const k8s = obj(configs('piecemeal').k8s);
    expect(node(k8s.kubeConfig)).toBe("extensions('k8s').config.kubeConfig");
    expect(node(k8s.namespace)).toBe("if(parameters('useOwn'), createObject('value', parameters('ns')), extensions('k8s').config.namespace)");
    expect(node(k8s.context)).toMatch(/^if\(parameters\('useOwn'\), createObject\('keyVaultReference', createObject\('keyVault', createObject\('id', .*\), 'secretName', 'ctx'\)\), createObject\('value', 'default'\)\)$/);
    expect(configs('piecemeal').other).toEqual({});
  });

  it('only an extension that brings resource types excuses a resource without a name', () => {
    const nameless = "resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {\n  location: 'eastus'\n}";
    expect(load(`extension az\n${nameless}`).diagnostics.map((d) => d.message)).toContain("the resource 'nsg' has no name");
    expect(load(`extension microsoftGraphV1\n${nameless}`).diagnostics).toEqual([]);
  });
});

describe('Bicep lowering: a property named copy', () => {
  // The compiler writes a property named `copy` as "[string('copy')]" (ExpressionEmitter), so
  // that ARM does not read it as a property copy loop: in Bicep it is a plain property.
  const template = [
    "param location string = 'eastus'",
    'var retention = {',
    '  copy: [',
    "    { name: 'daily', count: 7, input: 'snapshot' }",
    "    { name: 'weekly', count: '[notAFunction()]', input: {} }",
    '  ]',
    '}',
    "resource flow 'Microsoft.Logic/workflows@2019-05-01' = {",
    "  name: 'backup-flow'",
    '  location: location',
    '  properties: {',
    '    definition: {',
    "      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'",
    '      parameters: {',
    "        retention: { type: 'Object', defaultValue: retention }",
    "        Copy: { type: 'Array', defaultValue: [ { name: 'x', count: 2, input: 'y' } ] }",
    '      }',
    '    }',
    '  }',
    '}',
    'output plan object = retention',
  ].join('\n');

  it('is a plain property whose value is what is written, not an ARM property loop', () => {
    const r = load(template);
    expect(r.diagnostics).toEqual([]);
    const scope = scopeOf(r);
    const plan = [
      { name: 'daily', count: 7, input: 'snapshot' },
      { name: 'weekly', count: '[notAFunction()]', input: {} },
    ];
    expect(plain(scope.variable('retention', r.span))).toEqual({ copy: plan });
    expect(scope.outputs().map((o) => [o.name, plain(o.value)])).toEqual([['plan', { copy: plan }]]);
    const flow = obj(section(r.root, 'resources').flow);
    const props = scope.evaluateNode(flow.properties ?? null, r.span.child(flow, 'properties'));
    const params = (plain(props) as { definition: { parameters: Record<string, { defaultValue: unknown }> } }).definition.parameters;
    expect(params.retention?.defaultValue).toEqual({ copy: plan });
    expect(params.Copy?.defaultValue).toEqual([{ name: 'x', count: 2, input: 'y' }]);
    expect(scope.diagnostics.items).toEqual([]);
  });
});
