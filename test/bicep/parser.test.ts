import { describe, expect, it } from 'vitest';
import type { ObjectExpression, ResourceDeclaration, StringLiteral } from '../../src/bicep/syntax.js';
import { expr, parse, parseOk, parseParams, show } from './helpers.js';

describe('bicep parser: statements', () => {
  it('parses every declaration kind', () => {
    const text = [
      "targetScope = 'resourceGroup'",
      "metadata info = 'x'",
      "extension 'br:mcr.microsoft.com/ext:1.0' with { a: 1 } as ext",
      'extension microsoftGraphV1',
      "import 'az@1.0.0'",
      "import { a, b as c } from 'lib.bicep'",
      "import * as ns from 'lib.bicep'",
      '@secure()',
      "param p1 string = 'a'",
      "param p2 resource 'Microsoft.Storage/storageAccounts@2023-01-01'",
      'var v1 = 1',
      'var v2 int = 2',
      "type t = 'a' | 'b'",
      'func add(a int, b int) int => a + b',
      "resource r 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = { name: 'tap' }",
      "resource e 'Microsoft.Network/virtualNetworks@2023-09-01' existing = { name: 'vnet' }",
      "module m './m.bicep' = { name: 'm', scope: resourceGroup() }",
      'output o string = r.id',
      "output o2 resource 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = r",
      "test t1 './m.bicep' = { params: {} }",
      'assert a1 = true',
      '',
    ].join('\n');
    const kinds = parseOk(text).map((s) => s.kind);
    expect(kinds).toEqual([
      'TargetScope', 'Metadata', 'Extension', 'Extension', 'Extension', 'CompileTimeImport', 'CompileTimeImport', 'Parameter',
      'Parameter', 'Variable', 'Variable', 'TypeDeclaration', 'Function', 'Resource', 'Resource', 'Module', 'Output',
      'Output', 'Test', 'Assert',
    ]);
  });

  it('records exact spans of names, keywords, type strings, keys and values', () => {
    const text = "@description('tap')\nresource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' existing = {\n  name: 'x'\n}\n";
    const [s] = parseOk(text) as ResourceDeclaration[];
    const at = (n: { start: number; end: number }): string => text.slice(n.start, n.end);
    expect(s).toBeDefined();
    if (!s) return;
    expect(at(s)).toBe(text.slice(0, text.length - 1));
    expect(at(s.keyword)).toBe('resource');
    expect(at(s.name)).toBe('tap');
    expect(at(s.type)).toBe("'Microsoft.Network/virtualNetworkTaps@2023-09-01'");
    expect((s.type as StringLiteral).value).toBe('Microsoft.Network/virtualNetworkTaps@2023-09-01');
    expect(s.existing && at(s.existing)).toBe('existing');
    expect(s.decorators[0]?.name.name).toBe('description');
    expect(at(s.decorators[0]!)).toBe("@description('tap')");
    const body = s.value as ObjectExpression;
    const prop = body.properties[0];
    expect(prop?.kind).toBe('ObjectProperty');
    if (prop?.kind !== 'ObjectProperty') return;
    expect(at(prop.key)).toBe('name');
    expect(at(prop.value)).toBe("'x'");
    expect(prop.keyName).toBe('name');
  });

  it('parses decorators with namespaces, conditions and loops on resources', () => {
    const text = [
      "@sys.description('d')",
      '@batchSize(2)',
      "resource r 'T@1' = [for (x, i) in items: if (i > 0) {",
      '  name: x',
      '}]',
      "module m 'm.bicep' = if (deploy) {",
      "  name: 'm'",
      '}',
      '',
    ].join('\n');
    const [r, m] = parseOk(text);
    if (r?.kind !== 'Resource' || m?.kind !== 'Module') throw new Error('kinds');
    expect(r.decorators.map((d) => [d.namespace?.name, d.name.name])).toEqual([['sys', 'description'], [undefined, 'batchSize']]);
    expect(r.value.kind).toBe('For');
    if (r.value.kind === 'For') {
      expect(r.value.item.name).toBe('x');
      expect(r.value.index?.name).toBe('i');
      expect(r.value.body.kind).toBe('If');
    }
    expect(m.value.kind).toBe('If');
  });

  it('parses nested child resources inside a body', () => {
    const text = "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {\n  name: 'v'\n  resource sub 'subnets' = {\n    name: 's'\n  }\n}\nvar y = vnet::sub.id\n";
    const [vnet, y] = parseOk(text);
    if (vnet?.kind !== 'Resource' || vnet.value.kind !== 'Object') throw new Error('shape');
    expect(vnet.value.properties.map((p) => p.kind)).toEqual(['ObjectProperty', 'Resource']);
    if (y?.kind === 'Variable') expect(show(y.value)).toBe('vnet::sub.id');
  });

  it('parses type expressions', () => {
    const text = [
      'type a = string[]',
      'type b = { name: string, tags: { *: string }? }',
      "type c = ['x', int]",
      "type d = resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>.properties",
      "type e = sys.resourceOutput<'T@1'>",
      'type f = -1 | 2 | true | null',
      'type g = b.tags.*',
      'type h = c[0]',
      "type i = ('a' | 'b')[]",
      'type j = b!',
      'type k = {',
      "  @description('n')",
      '  n: int',
      "  'quoted key': string",
      '}',
      '',
    ].join('\n');
    const stmts = parseOk(text);
    const types = stmts.map((s) => (s.kind === 'TypeDeclaration' ? s.value.kind : s.kind));
    expect(types).toEqual([
      'ArrayType', 'ObjectType', 'TupleType', 'TypePropertyAccess', 'ParameterizedType', 'UnionType', 'TypeAdditionalPropertiesAccess',
      'TypeIndexAccess', 'ArrayType', 'NonNullableType', 'ObjectType',
    ]);
    const k = stmts[10];
    if (k?.kind === 'TypeDeclaration' && k.value.kind === 'ObjectType') {
      expect(k.value.properties.map((p) => p.keyName)).toEqual(['n', 'quoted key']);
      expect(k.value.properties[0]?.decorators[0]?.name.name).toBe('description');
    }
  });

  it('reads the layouts the Bicep formatter writes: unions from a leading | on the next line, function bodies after =>', () => {
    const text = [
      "@discriminator('kind')",
      'type pet =',
      "  | { kind: 'cat', lives: int }",
      "  | { kind: 'dog', bark: string }",
      'param env',
      "  | 'dev'",
      "  | 'prod' = 'prod'",
      'func greet(name string) string =>',
      "  'Hello ${name}'",
      'output g string = greet(env)',
      '',
    ].join('\n');
    const stmts = parseOk(text);
    expect(stmts.map((s) => s.kind)).toEqual(['TypeDeclaration', 'Parameter', 'Function', 'Output']);
    const [pet, env, greet] = stmts;
    expect(pet?.kind === 'TypeDeclaration' && pet.value.kind === 'UnionType' ? pet.value.members.map((m) => m.kind) : []).toEqual(['ObjectType', 'ObjectType']);
    expect(env?.kind === 'Parameter' && env.type?.kind === 'UnionType' ? env.type.members.length : 0).toBe(2);
    expect(greet?.kind === 'Function' ? greet.body.kind : '').toBe('String');
  });

  it('does not take the next declaration for a missing function body', () => {
    const r = parse(['func greet(name string) string =>', "var x = 'a'", ''].join('\n'));
    expect(r.diagnostics.map((d) => d.message)).toEqual(['expected an expression, found a new line']);
    expect(r.program.statements.map((s) => s.kind)).toEqual(['Function', 'Variable']);
  });

  it('parses .bicepparam files', () => {
    const r = parseParams("using 'main.bicep'\n\nparam a = 'x'\nparam b = concat('a', 'b')\nvar c = 1\nimport { t } from 'types.bicep'\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.program.statements.map((s) => s.kind)).toEqual(['Using', 'ParameterAssignment', 'ParameterAssignment', 'Variable', 'CompileTimeImport']);
    const none = parseParams('using none\nparam a = 1\n');
    expect(none.program.statements[0]).toMatchObject({ kind: 'Using', none: true });
  });
});

describe('bicep parser: expressions', () => {
  it('honours precedence and associativity', () => {
    expect(show(expr('a || b && c == d + e * f'))).toBe('(a || (b && (c == (d + (e * f)))))');
    expect(show(expr('a ?? b || c'))).toBe('(a ?? (b || c))');
    expect(show(expr('a - b - c'))).toBe('((a - b) - c)');
    expect(show(expr('!a && -b < +c'))).toBe('((!a) && ((-b) < (+c)))');
    expect(show(expr('a ? b : c ? d : e'))).toBe('(a ? b : (c ? d : e))');
    expect(show(expr('a =~ b != (c !~ d)'))).toBe('((a =~ b) != (c !~ d))');
    expect(show(expr('a >= 1 ? x.y : z'))).toBe('((a >= 1) ? x.y : z)');
  });

  it('parses member access forms, calls and postfix !', () => {
    expect(show(expr('a.b.?c[0][?1][^2][?^3]!'))).toBe('a.b.?c[0][?1][^2][?^3]!');
    expect(show(expr('sys.concat(a, b).length()'))).toBe('sys.concat(a, b).length()');
    expect(show(expr('r::child::grand.id'))).toBe('r::child::grand.id');
  });

  it('parses lambdas, arrays, objects, spread and loops', () => {
    expect(show(expr('map(xs, x => x.id)'))).toBe('map(xs, ((x) => x.id))');
    expect(show(expr('reduce(xs, 0, (acc, x) => acc + x)'))).toBe('reduce(xs, 0, ((acc, x) => (acc + x)))');
    const arr = expr("[\n  1\n  'two', ...rest\n]");
    expect(arr.kind === 'Array' && arr.items.map((i) => i.kind)).toEqual(['Integer', 'String', 'Spread']);
    const obj = expr("{\n  a: 1, 'b-c': 2\n  ...other\n  '${k}': 3\n}");
    expect(obj.kind === 'Object' && obj.properties.map((p) => (p.kind === 'ObjectProperty' ? (p.keyName ?? '<interp>') : p.kind))).toEqual([
      'a', 'b-c', 'Spread', '<interp>',
    ]);
    const loop = expr('[for (x, i) in range(0, 3): x * i]');
    expect(loop.kind).toBe('For');
    const filtered = expr('[for x in xs: if (x > 1) { v: x }]');
    expect(filtered.kind === 'For' && filtered.body.kind).toBe('If');
  });

  it('decodes strings, interpolations and multi-line strings', () => {
    const s = expr("'a${b}c\\n${d}'");
    expect(s.kind === 'String' && s.segments).toEqual(['a', 'c\n', '']);
    expect(s.kind === 'String' && s.expressions.map(show)).toEqual(['b', 'd']);
    const m = expr("'''\nline1\n  'quoted' ${notAHole}\n'''");
    expect(m.kind === 'String' && m.value).toBe("line1\n  'quoted' ${notAHole}\n");
    const mi = expr("$$'''\nhi ${x} $${y}\n'''");
    expect(mi.kind === 'String' && mi.segments).toEqual(['hi ${x} ', '\n']);
    expect(mi.kind === 'String' && mi.multiline).toBe(true);
  });

  it('allows line breaks inside parentheses and before ? and :', () => {
    expect(show(expr("concat(\n  'a',\n  'b'\n)"))).toBe("concat('a', 'b')");
    expect(show(expr('cond\n  ? a\n  : b'))).toBe('(cond ? a : b)');
    expect(show(expr('(\n a +\n b\n)'))).toBe('(a + b)');
  });

  it('handles CRLF and lone CR line endings', () => {
    expect(parseOk("var a = 1\r\nvar b = {\r\n  x: 1\r\n}\rvar c = 3").map((s) => s.kind)).toEqual(['Variable', 'Variable', 'Variable']);
  });
});

describe('bicep parser: for-expressions counted', () => {
  // The lowering walks the syntax tree for misplaced for-expressions (BCP138, BCP142, BCP143)
  // only when the parser began one: the count must never miss one, nested or dropped by recovery.
  it('counts every for-expression it begins: none in a file without loops', () => {
    const noLoops = [
      "param location string = 'eastus'",
      "@description('the mirrored NIC; for TAP sources')",
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      "  name: 'tap-for-web'",
      '  location: location',
      '  properties: {}',
      '}',
      '',
    ].join('\n');
    expect(parse(noLoops).forExpressions).toBe(0);
    const loops = [
      "param subnetNames array = ['web', 'tap']",
      "resource nsgs 'Microsoft.Network/networkSecurityGroups@2024-05-01' = [for n in subnetNames: {",
      "  name: '${n}-nsg'",
      '  properties: {',
      "    securityRules: [for (p, j) in [4789, 443]: { name: 'allow-${p}', properties: { priority: 100 + j } }]",
      '  }',
      '}]',
      'output names array = concat([for n in subnetNames: n], [])',
      '',
    ].join('\n');
    expect(parse(loops).forExpressions).toBe(3);
  });

  it('counts a for-expression that recovery drops', () => {
    const r = parse(["param subnetNames array = ['web']", 'var broken = [for n subnetNames: n]', ''].join('\n'));
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.forExpressions).toBe(1);
  });
});
