// Type and placement errors the Bicep compiler raises that vtaplint raises too, with the
// compiler's wording: a decorator on a kind of declaration it does not apply to (BCP125-BCP129,
// BCP269, BCP297), ...
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { findingsOf, workspace } from '../helpers.js';

async function errors(main: string, others: Record<string, string> = {}): Promise<string[]> {
  const dir = workspace({ 'main.bicep': main, ...others });
  const { findings } = await findingsOf(['main.bicep'], dir);
  return findings.filter((f) => f.level === 'error').map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('Bicep: type and placement errors the compiler raises', () => {
  it('a decorator on a kind of declaration it does not apply to (BCP125, BCP126, BCP127, BCP128, BCP129, BCP269, BCP297); where it applies, none', async () => {
    const main = [
      '@batchSize(2)',
      "param location string = 'eastus'",
      '@sys.secure()',
      "var tapName = 'tap'",
      '@minLength(3)',
      "var collectorName = 'collector'",
      '@secure()',
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {",
      '  name: tapName',
      '  location: location',
      '}',
      '@minValue(1)',
      "module collector 'collector.bicep' = {",
      "  name: 'collector'",
      '}',
      '@batchSize(1)',
      'output vnetId string = vnet.id',
      '@allowed([',
      "  'a'",
      '])',
      'metadata owner = \'a\'',
      "@allowed(['tap', 'mirror'])",
      'type mode = string',
      'type settings = {',
      "  @allowed(['x'])",
      '  name: string',
      '  @sealed()',
      '  port: int',
      '}',
      // Where they apply: no error.
      "@description('the region')",
      '@minLength(2)',
      "param region string = 'eastus'",
      "@description('a name')",
      "var vnetName = 'vnet'",
      '@batchSize(1)',
      "resource nics 'Microsoft.Network/networkInterfaces@2023-09-01' = [for i in range(0, 2): {",
      "  name: '${vnetName}-nic${i}'",
      '  location: region',
      '}]',
      '@secure()',
      '@minLength(1)',
      "output secret string = 'x'",
      "@description('owner')",
      "metadata team = 'net'",
      '@minLength(1)',
      'type shortName = string',
      'type labelled = {',
      '  @minLength(1)',
      '  @secure()',
      '  label: string',
      '}',
      '',
    ].join('\n');
    expect(await errors(main, { 'collector.bicep': "param p string = 'x'\n" })).toEqual([
      '1:2 Function "batchSize" cannot be used as a parameter decorator. (BCP125)',
      '3:6 Function "secure" cannot be used as a variable decorator. (BCP126)',
      '5:2 Function "minLength" cannot be used as a variable decorator. (BCP126)',
      '7:2 Function "secure" cannot be used as a resource decorator. (BCP127)',
      '12:2 Function "minValue" cannot be used as a module decorator. (BCP128)',
      '16:2 Function "batchSize" cannot be used as an output decorator. (BCP129)',
      '18:2 Function "allowed" cannot be used as a metadata decorator. (BCP269)',
      '22:2 Function "allowed" cannot be used as a type decorator. (BCP297)',
      '25:4 Function "allowed" cannot be used as a type decorator. (BCP297)',
    ]);
  });

  // @onlyIfNotExists() (Bicep 0.38) deploys a resource only when none of its name exists: a
  // resource decorator, which the compiler rejects on a parameter, variable or output. On the
  // TAP it is linted as declared, with a $''' multi-line interpolated name.
  it('@onlyIfNotExists() on a parameter, variable or output (BCP125, BCP126, BCP129); on a resource, none', async () => {
    const main = [
      '@onlyIfNotExists()',
      "param env string = 'prod'",
      '@onlyIfNotExists()',
      "var collectorName = 'collector-${env}'",
      "resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {",
      '  name: collectorName',
      '}',
      '@onlyIfNotExists()',
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      "  name: $'''",
      "tap-${env}'''",
      "  location: 'eastus'",
      '  properties: {',
      '    destinationNetworkInterfaceIPConfiguration: {',
      "      id: '${collectorNic.id}/ipConfigurations/ipconfig1'",
      '    }',
      '  }',
      '}',
      '@onlyIfNotExists()',
      'output tapName string = tap.name',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '1:2 Function "onlyIfNotExists" cannot be used as a parameter decorator. (BCP125)',
      '3:2 Function "onlyIfNotExists" cannot be used as a variable decorator. (BCP126)',
      '19:2 Function "onlyIfNotExists" cannot be used as an output decorator. (BCP129)',
    ]);
  });

  it("a user-defined function's result and arguments, and a typed array's items, against their declared plain types (BCP033, BCP070)", async () => {
    const main = [
      "func wrongResult() int => 'str'",
      'func takesInt(x int) int => x',
      "func suffixed(name string, n int) string => '${name}-${n}'",
      "var names string[] = ['a', 1, 'b', true]",
      'var counts int[] = [1, 2, -3]',
      "output o1 int = takesInt('x')",
      "output o2 string = suffixed('web', 2)",
      "output o3 string = suffixed(3, '4')",
      'output o4 array = concat(names, counts)',
      'output o5 int = wrongResult()',
      '',
    ].join('\n');
    const found = (await errors(main)).filter((e) => /BCP0(33|70)/.test(e));
    expect(found).toEqual([
      "1:27 the function's result is a string, but the declared type is int (BCP033)",
      '4:28 an item of the value is an int, but the declared item type is string (BCP033)',
      '4:36 an item of the value is a bool, but the declared item type is string (BCP033)',
      '6:26 Argument of type "\'x\'" is not assignable to parameter of type "int". (BCP070)',
      '8:29 Argument of type "3" is not assignable to parameter of type "string". (BCP070)',
      '8:32 Argument of type "\'4\'" is not assignable to parameter of type "int". (BCP070)',
    ]);
  });

  it('a literal that a union of literal types does not allow is the compiler\'s BCP033, whatever value -p gives later', async () => {
    const main = [
      "param color 'red' | 'blue' = 'green'",
      "param shade ('red' | 'blue') = 'blue'",
      'param n 1 | 2 | -3 = -3',
      'param m 1 | 2 = 4',
      "var v 'a' | 'b' = 'c'",
      'output lol 2 = true',
      "output p string = '${color}${shade}${n}${m}${v}'",
      "param maybe ('x' | 'y')? = null",
      "param paren ('x' | 'y') = 'z'",
      '',
    ].join('\n');
    const expected = [
      `1:30 Expected a value of type "'red' | 'blue'" but the provided value is of type "'green'". (BCP033)`,
      '4:17 Expected a value of type "1 | 2" but the provided value is of type "4". (BCP033)',
      `5:19 Expected a value of type "'a' | 'b'" but the provided value is of type "'c'". (BCP033)`,
      '6:16 Expected a value of type "2" but the provided value is of type "true". (BCP033)',
      `9:27 Expected a value of type "'x' | 'y'" but the provided value is of type "'z'". (BCP033)`,
    ];
    expect(await errors(main)).toEqual(expected);
    const dir = workspace({ 'main.bicep': main });
    const given = await findingsOf([path.join(dir, 'main.bicep'), '-p', 'color=red', '-p', 'm=1'], dir);
    expect(given.findings.filter((f) => f.ruleId === 'invalid-template').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(expected);
    // A nullable parameter's null default is no value outside its allowed ones (ARM takes null for it).
    expect(given.findings.filter((f) => f.line === 8)).toEqual([]);
  });

  it("a built-in function's argument of another plain type than every overload takes (BCP070, the compiler's words); any(), parameters and sys. calls", async () => {
    const main = [
      "param name string = 'web'",
      'output a string = toUpper(1)',
      "output b string = substring('abcdef', '1', 2)",
      "output c string = uniqueString('a', 2)",
      'output d string = toUpper(name)',
      'output e array = range(0, 3)',
      "output f string = cidrSubnet('10.0.0.0/16', 24, 0)",
      'output g string = toUpper(any(1))',
      'output h string = sys.toLower(true)',
      "output i array = filter('abc', x => true)",
      '',
    ].join('\n');
    expect((await errors(main)).filter((e) => e.includes('BCP070'))).toEqual([
      '2:27 Argument of type "1" is not assignable to parameter of type "string". (BCP070)',
      `3:39 Argument of type "'1'" is not assignable to parameter of type "int". (BCP070)`,
      '4:37 Argument of type "2" is not assignable to parameter of type "string". (BCP070)',
      '9:31 Argument of type "true" is not assignable to parameter of type "string". (BCP070)',
      `10:25 Argument of type "'abc'" is not assignable to parameter of type "array". (BCP070)`,
    ]);
  });

  it('@export() on a parameter, resource, module or output (BCP125, BCP127, BCP128, BCP129); on a type, variable or function, none', async () => {
    const main = [
      '@export()',
      "param env string = 'prod'",
      '@export()',
      "var collectorName = 'collector'",
      '@export()',
      'type region = string',
      '@export()',
      "func tapName(e string) string => 'tap-${e}'",
      '@export()',
      "resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {",
      "  name: 'nsg-${env}'",
      "  location: 'eastus'",
      '}',
      '@export()',
      "module m 'm.bicep' = {",
      "  name: 'm'",
      '}',
      '@export()',
      'output o string = collectorName',
      '',
    ].join('\n');
    expect(await errors(main, { 'm.bicep': '' })).toEqual([
      '1:2 Function "export" cannot be used as a parameter decorator. (BCP125)',
      '9:2 Function "export" cannot be used as a resource decorator. (BCP127)',
      '14:2 Function "export" cannot be used as a module decorator. (BCP128)',
      '18:2 Function "export" cannot be used as an output decorator. (BCP129)',
    ]);
  });

  it("resourceInput<> of a whole resource body (BCP394) or of a namespace the file does not have (BCP208); a property of it, az: and an extension's namespace pass", async () => {
    const main = [
      "type tapProps = resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>",
      "param nics resourceInput<'Microsoft.Network/networkInterfaces@2023-09-01'>[]",
      'type mirror = {',
      "  tap: resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>?",
      '}',
      "type other = resourceInput<'kubernetes:Microsoft.Network/virtualNetworkTaps@2023-09-01'>.properties",
      // Valid: a property of the body, az:, an element of an array property.
      "type tapSettings = resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>.properties",
      "type nicName = resourceInput<'az:Microsoft.Network/networkInterfaces@2023-09-01'>.name",
      "type ipConfig = resourceInput<'Microsoft.Network/networkInterfaces@2023-09-01'>.properties.ipConfigurations[*]",
      "param tags resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>.tags = {}",
      '',
    ].join('\n');
    const want = 'Resource-derived type expressions must dereference a property within the resource body. Using the entire resource body type is not permitted. (BCP394)';
    expect(await errors(main)).toEqual([
      `1:17 ${want}`,
      `2:12 ${want}`,
      `4:8 ${want}`,
      '6:28 The specified namespace "kubernetes" is not recognized. Specify a resource reference using one of the following namespaces: "az", "sys". (BCP208)',
    ]);
    // With an extension, its namespace is one the file has: not judged.
    const withExtension = ['extension kubernetes with {', "  namespace: 'default'", "  kubeConfig: ''", '}', main.split('\n')[5], ''].join('\n');
    expect((await errors(withExtension)).filter((e) => e.includes('BCP208'))).toEqual([]);
  });

  it("a lambda's variable in reference() or a list*() function is BCP248; a for-expression's variable, or a resource's own listKeys(), is not", async () => {
    const main = [
      'param nicIds array',
      "resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 2): {",
      "  name: 'stg${i}'",
      "  location: 'eastus'",
      "  sku: { name: 'Standard_LRS' }",
      "  kind: 'StorageV2'",
      '}]',
      "output nicStates array = map(nicIds, id => reference(id, '2023-09-01').provisioningState)",
      'output keys array = map(nicIds, (id, i) => listKeys(id, stg[0].apiVersion).keys[i].value)',
      // Valid: a for-expression's variable; a lambda over values that are not passed to them.
      "output nicStates2 array = [for id in nicIds: reference(id, '2023-09-01').provisioningState]",
      "output names array = map(nicIds, id => last(split(id, '/')))",
      "output first string = reference(nicIds[0], '2023-09-01').provisioningState",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '8:44 Using lambda variables inside the "reference" function is not currently supported. Found the following lambda variable(s) being accessed: "id". (BCP248)',
      '9:44 Using lambda variables inside the "listKeys" function is not currently supported. Found the following lambda variable(s) being accessed: "id". (BCP248)',
    ]);
  });

  it("a module that does not pass its template's required parameters (BCP035), also in a loop over nothing or under a false condition; nullable ones and ones with a default may be left out", async () => {
    const tap = [
      "param location string = 'germanywestcentral'",
      'param tapName string',
      'param destinationIpConfigId string',
      'param tags object?',
      'type lockType = {',
      '  kind: string',
      '}?',
      'param lock lockType',
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = {",
      '  name: tapName',
      '  location: location',
      '  tags: tags',
      '  properties: {',
      '    destinationNetworkInterfaceIPConfiguration: {',
      '      id: destinationIpConfigId',
      '    }',
      '  }',
      '}',
      'output kind string = lock.?kind ?? \'none\'',
      '',
    ].join('\n');
    const main = [
      "module noParams 'tap.bicep' = {",
      "  name: 'noParams'",
      '}',
      "module someParams 'tap.bicep' = {",
      "  name: 'someParams'",
      '  params: {',
      "    tapName: 'tap1'",
      '  }',
      '}',
      "module neverDeployed 'tap.bicep' = [for x in []: {",
      "  name: 'never${x}'",
      '  params: {}',
      '}]',
      // A loop body that is no object is the compiler's BCP167 (not the params' error).
      "module broken 'tap.bicep' = [for x in []: 4]",
      "module allGiven 'tap.bicep' = {",
      "  name: 'allGiven'",
      '  params: {',
      "    TapName: 'tap2'",
      "    destinationIpConfigId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/c/ipConfigurations/ip'",
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await errors(main, { 'tap.bicep': tap })).toEqual([
      '1:8 The specified "module" declaration is missing the following required properties: "params". (BCP035)',
      '6:3 The specified "object" declaration is missing the following required properties: "destinationIpConfigId". (BCP035)',
      '12:3 The specified "object" declaration is missing the following required properties: "destinationIpConfigId", "tapName". (BCP035)',
    ]);
  });

  it("a declared type against a value whose type the expression fixes: arithmetic, comparisons, interpolation, built-ins of one return type (BCP033); 'any', a user function of the same name and matching values pass", async () => {
    const main = [
      'param tapCount string = 2 + 3',
      "param mirrorAll string = 'eastus' == 'westus'",
      "param region int = '${resourceGroup().location}-tap'",
      "var vtapEnabled bool = length('tap')",
      "output collectorName string = startsWith('collector', 'c')",
      "output port int = toLower('VXLAN')",
      "output twice string = (1 + 1) * 2",
      // Valid: the same kinds, any(), a ternary of different kinds, a user function named like a built-in.
      'param count int = 2 + 3',
      "param name string = '${resourceGroup().name}-tap'",
      "output enabled bool = !empty('x') && contains('tap', 'a')",
      "output maybe string = any(1 + 1)",
      "output either string = true ? 'a' : 'b'",
      'func trim(s string) int => length(s)',
      "output trimmed int = trim(' a ')",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '1:25 the default value is an int, but the declared type is string (BCP033)',
      '2:26 the default value is a bool, but the declared type is string (BCP033)',
      '3:20 the default value is a string, but the declared type is int (BCP033)',
      '4:24 the value is an int, but the declared type is bool (BCP033)',
      '5:31 the value is a bool, but the declared type is string (BCP033)',
      '6:19 the value is a string, but the declared type is int (BCP033)',
      '7:23 the value is an int, but the declared type is string (BCP033)',
    ]);
  });

  it('an assert whose value is not a bool (BCP350), with the type as the compiler writes it; comparisons and bool functions pass', async () => {
    const main = [
      "param tapName string = 'tap'",
      "param region string = 'eastus'",
      'assert one = 1',
      'assert sum = 1 + 2',
      'assert nothing = null',
      'assert ports = [4789, 4790]',
      'assert none = []',
      "assert settings = { port: 4789 }",
      "assert joined = concat('a', 'b')",
      "assert named = 'tap'",
      "assert withRegion = '${region}-tap'",
      "assert count = length(tapName)",
      // Valid: bools.
      "assert nameIsShort = length(tapName) < 24",
      "assert inRegion = contains(['eastus', 'westus'], region)",
      "assert notEmpty = !empty(tapName) && region != ''",
      '',
    ].join('\n');
    const msg = (t: string): string => `Value of type "${t}" cannot be assigned to an assert. Asserts can take values of type 'bool' only. (BCP350)`;
    expect(await errors(main)).toEqual([
      `3:14 ${msg('1')}`,
      `4:14 ${msg('3')}`,
      `5:18 ${msg('null')}`,
      `6:16 ${msg('[4789, 4790]')}`,
      `7:15 ${msg('<empty array>')}`,
      `8:19 ${msg('object')}`,
      `9:17 ${msg('string')}`,
      `10:16 ${msg("'tap'")}`,
      `11:21 ${msg('string')}`,
      `12:16 ${msg('int')}`,
    ]);
  });

  it("a union of literals of several ARM types, or of nulls only (BCP294), also through a type's name; one type, nullable, an array's element and discriminated objects pass", async () => {
    const main = [
      "type tapMode = 'mirror' | 4789",
      "type protocol = 'vxlan' | 'gre'",
      'type protocolOrPort = protocol | 4789',
      'type nothing = null | null',
      "param udpPort 'auto' | -1 = 'auto'",
      'type settings = {',
      "  enabled: true | 'yes'",
      '}',
      // Valid.
      'type ports = 4789 | 4790',
      "type maybeProtocol = ('vxlan' | 'gre')?",
      "type flags = ('on' | 1 | true)[]",
      "type nullableMode = 'mirror' | 'filter' | null",
      "param region protocol = 'vxlan'",
      '',
    ].join('\n');
    const msg = "Type unions must be reducible to a single ARM type (such as 'string', 'int', or 'bool'). (BCP294)";
    expect(await errors(main)).toEqual([`1:16 ${msg}`, `3:23 ${msg}`, `4:16 ${msg}`, `5:15 ${msg}`, `7:12 ${msg}`]);
  });

  it('a property an object literal variable does not have (BCP053, BCP083 when one is spelt alike), read or not; typed variables, safe access and other cases pass', async () => {
    const main = [
      'var tapConfig = {',
      "  name: 'tap'",
      '  collector: {',
      "    nicName: 'collector-nic'",
      '    port: 4789',
      '  }',
      '}',
      'var unused = tapConfig.destination',
      'var typo = tapConfig.collector.nicNme',
      'output port int = tapConfig.collector.udpPort',
      // Valid: present properties (any case), safe access, a typed variable, a loop's item.
      'output nic string = tapConfig.collector.NicName',
      "output maybe string = tapConfig.?region ?? 'eastus'",
      'var loose object = { a: 1 }',
      'output b int = loose.b',
      "output names array = [for c in [tapConfig]: c.name]",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '8:14 The type "object" does not contain property "destination". Available properties include "collector", "name". (BCP053)',
      '9:12 The type "object" does not contain property "nicNme". Did you mean "nicName"? (BCP083)',
      '10:19 The type "object" does not contain property "udpPort". Available properties include "nicName", "port". (BCP053)',
      // A variable declared 'object' is any object to the compiler; ARM still fails the read.
      "14:16 The language expression property 'b' doesn't exist, available properties are 'a'.",
    ]);
  });

  it("a module that passes a parameter its template does not declare (BCP037), also in a loop over nothing; the template's own names in any case pass", async () => {
    const tap = ["param tapName string", "param location string = 'eastus'", "param tags object = {}", "output name string = tapName", ''].join('\n');
    const main = [
      "module tap 'tap.bicep' = {",
      "  name: 'tap'",
      '  params: {',
      "    tapName: 'tap1'",
      "    destinationPort: 4789",
      '  }',
      '}',
      "module never 'tap.bicep' = [for x in []: {",
      "  name: 'never${x}'",
      '  params: {',
      "    TAPNAME: 'tap2'",
      "    location: 'westus'",
      '    tags: {}',
      "    region: 'x'",
      '  }',
      '}]',
      '',
    ].join('\n');
    expect(await errors(main, { 'tap.bicep': tap })).toEqual([
      '5:5 The property "destinationPort" is not allowed on objects of type "params". Permissible properties include "location", "tags". (BCP037)',
      '14:5 The property "region" is not allowed on objects of type "params". No other properties are allowed. (BCP037)',
    ]);
  });

  it("arithmetic on a string, bool, null, array or object literal (BCP045), with the interpolation hint for strings, said once where ARM evaluates it too; ints pass", async () => {
    const main = [
      "param prefix string = 'tap'",
      'param port int = 4789',
      "var tapName = 'tap-' + prefix",
      "var unused = 'vxlan' + 'gre'",
      'var flag = true * 2',
      "output name string = '${prefix}-' + 'collector'",
      // Valid: ints, interpolation.
      'var next = port + 1',
      "var label = '${prefix}-${port}'",
      'output total int = next * 2',
      'output tap string = tapName',
      'output l string = label',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      `3:15 Cannot apply operator "+" to operands of type "'tap-'" and "string". Use string interpolation instead. (BCP045)`,
      `4:14 Cannot apply operator "+" to operands of type "'vxlan'" and "'gre'". Use string interpolation instead. (BCP045)`,
      '5:12 Cannot apply operator "*" to operands of type "true" and "2". (BCP045)',
      `6:22 Cannot apply operator "+" to operands of type "string" and "'collector'". Use string interpolation instead. (BCP045)`,
    ]);
  });

  it('a decorator argument that is not a compile-time constant (BCP032), at the part that is not; literals, lists and objects of them pass', async () => {
    const main = [
      "param prefix string = 'tap'",
      '@maxLength(20 + 4)',
      "param tapName string = 'tap'",
      "@description('The region of ${prefix}')",
      "param location string = 'eastus'",
      '@allowed([',
      "  'eastus'",
      '  resourceGroup().location',
      '])',
      "param region string = 'eastus'",
      '@metadata({',
      "  owner: 'net'",
      '  enabled: !false',
      '})',
      "param owner string = 'net'",
      "@description('The TAP name')",
      '@minLength(-1 * -1)',
      "param other string = 'x'",
      // Valid.
      "@allowed([-1, 0, 1])",
      '@metadata({ tier: { level: 2, tags: [\'a\'] } })',
      'param level int = 0',
      '',
    ].join('\n');
    const msg = 'The value must be a compile-time constant. (BCP032)';
    expect(await errors(main)).toEqual([`2:12 ${msg}`, `4:14 ${msg}`, `8:3 ${msg}`, `13:12 ${msg}`, `17:12 ${msg}`]);
  });
});
