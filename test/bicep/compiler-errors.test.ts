// Errors the Bicep compiler raises that vtaplint now raises too, where the compiler puts them:
// a key written twice (BCP025), and a wrong number of arguments (BCP071) to a user-defined
// function, a list*() function or a decorator, also where nothing evaluates the call.
import { describe, expect, it } from 'vitest';
import { cli, findingsOf, workspace } from '../helpers.js';

async function errors(main: string, others: Record<string, string> = {}): Promise<string[]> {
  const dir = workspace({ 'main.bicep': main, ...others });
  const { findings } = await findingsOf(['main.bicep'], dir);
  return findings.filter((f) => f.level === 'error').map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('Bicep: errors the compiler raises', () => {
  it('a decorator named like an Object.prototype member (@constructor, @__proto__, @toString) is no internal error', async () => {
    const main = ["@constructor('x')", 'param a string', "@__proto__('x')", 'param b string', "@toString('x')", 'param c int', ''].join('\n');
    const r = await cli(['main.bicep', '--format', 'json'], workspace({ 'main.bicep': main }));
    expect(r.stdout).not.toMatch(/internal error/);
    // None of them is a decorator: the compiler rejects each (BCP057, BCP082), and so does vtaplint.
    expect(r.code).toBe(1);
    expect(await errors(main)).toEqual([
      "1:2 the name 'constructor' does not exist in the current context (BCP057): decorators are sys functions such as @description()",
      "3:2 the name '__proto__' does not exist in the current context (BCP057): decorators are sys functions such as @description()",
      "5:2 the name 'toString' does not exist in the current context (BCP082): did you mean 'string'?",
    ]);
  });

  it('a decorator that is no sys decorator is an error at its name, wherever it is written (BCP057, BCP082, BCP107, BCP141, BCP152, BCP063)', async () => {
    const main = [
      "@descriptio('The region')",
      "param location string = 'eastus'",
      '@foo()',
      "param a string = 'x'",
      "@sys.descriptio('x')",
      "param b string = 'x'",
      "@az.description('x')",
      "param c string = 'x'",
      "@concat('x')",
      "param d string = 'x'",
      '@a',
      "param e string = 'x'",
      '@secure',
      'param f string',
      '@tapName()',
      "param g string = 'x'",
      "func tapName() string => 'tap'",
      '@foo()',
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {",
      "  name: 'vnet'",
      '  location: location',
      '  @foo()',
      "  resource sub 'subnets' = {",
      "    name: 's'",
      '  }',
      '}',
      'type tap = {',
      '  @foo()',
      '  name: string',
      '}',
      '@Description(\'x\')',
      "output o string = 'x'",
      '@description(\'fine\')',
      "@sys.description('fine')",
      '@minLength(1)',
      "param ok string = 'ok'",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      "1:2 the name 'descriptio' does not exist in the current context (BCP082): did you mean 'description'?",
      "3:2 the name 'foo' does not exist in the current context (BCP057): decorators are sys functions such as @description()",
      "5:6 the function 'descriptio' does not exist in namespace 'sys' (BCP108): did you mean 'description'?",
      "7:5 the function 'description' does not exist in namespace 'az' (BCP108): did you mean 'subscription'?",
      "9:2 the function 'concat' cannot be used as a decorator (BCP152)",
      "11:2 'a' cannot be used as a decorator as it is not callable (BCP141): decorators are sys functions such as @description()",
      "13:2 the name 'secure' is not a parameter, variable, resource or module (BCP063): a decorator is called, write @secure(...)",
      "15:2 'tapName' cannot be used as a decorator as it is not callable (BCP141): decorators are sys functions such as @description()",
      "18:2 the name 'foo' does not exist in the current context (BCP057): decorators are sys functions such as @description()",
      "22:4 the name 'foo' does not exist in the current context (BCP057): decorators are sys functions such as @description()",
      "28:4 the name 'foo' does not exist in the current context (BCP057): decorators are sys functions such as @description()",
      "31:2 the name 'Description' does not exist in the current context (BCP082): did you mean 'description'?",
    ]);
  });

  it('a decorator before a property of an object value is an error (BCP132)', async () => {
    const main = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {",
      "  name: 'vnet'",
      "  location: 'eastus'",
      "  @description('the address space')",
      '  properties: {}',
      '}',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '4:3 a decorator must be followed by a declaration (BCP132): decorators apply to parameters, variables, resources, modules, outputs, types and functions, not to a property of an object',
    ]);
  });

  it("loadTextContent() with an encoding named like an Object.prototype member ('constructor') is an unknown encoding", async () => {
    const main = ["var t = loadTextContent('a.txt', 'constructor')", 'output o string = t', ''].join('\n');
    expect(await errors(main, { 'a.txt': 'hi\n' })).toEqual(["1:34 loadTextContent(): unknown encoding 'constructor' (one of: us-ascii, iso-8859-1, utf-16, utf-16be, utf-8)"]);
  });

  it('a key written twice in one object is reported at each (BCP025), quoted or not, at any depth', async () => {
    const main = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {",
      "  name: 'vnet1'",
      "  location: 'eastus'",
      "  'name': 'vnet2'",
      '  properties: {',
      "    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }",
      '    addressSpace: {}',
      '  }',
      '}',
      '',
    ].join('\n');
    const dup = (k: string) => `the property '${k}' is declared more than once in this object (BCP025): remove or rename the duplicates`;
    expect(await errors(main)).toEqual([`2:3 ${dup('name')}`, `4:3 ${dup('name')}`, `6:5 ${dup('addressSpace')}`, `7:5 ${dup('addressSpace')}`]);
  });

  it('a wrong number of arguments to a user function or a list*() function, in a variable nothing reads (BCP071)', async () => {
    const main = [
      'func tapName(prefix string, n int) string => \'${prefix}-${n}\'',
      "var a = tapName('x')",
      "var b = listKeys('id')",
      "var ok = tapName('x', 1)",
      "var ok2 = listKeys('id', '2023-01-01')",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual(['2:16 tapName() takes 2 arguments, but is given 1', "3:17 listKeys() takes 2 to 3 arguments (a resource id, an API version and optional values), but is given 1"]);
  });

  it('utcNow() and newGuid() anywhere but in a parameter default value, also in a branch not taken (BCP065)', async () => {
    const main = [
      "param stamp string = '${utcNow('yyyyMMdd')}-${newGuid()}'",
      "param later string = dateTimeAdd(utcNow(), 'P1D')",
      'param on bool = false',
      "var when = on ? utcNow() : 'never'",
      'output id string = sys.newGuid()',
      '',
    ].join('\n');
    const bcp065 = (fn: string): string => `Function "${fn}" is not valid at this location. It can only be used as a parameter default value. (BCP065)`;
    expect(await errors(main)).toEqual([`4:17 ${bcp065('utcNow')}`, `5:24 ${bcp065('newGuid')}`]);
  });

  it('a decorator given the wrong number of arguments (BCP071)', async () => {
    const main = [
      "@secure('yes')",
      'param key string',
      '@minLength()',
      'param name string',
      "@allowed(['a'], ['b'])",
      "param sku string = 'a'",
      "@sys.description('fine')",
      "param fine string = 'x'",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '1:1 @secure() takes no arguments, but is given 1',
      '3:1 @minLength() takes 1 argument, but is given 0',
      '5:1 @allowed() takes 1 argument, but is given 2',
    ]);
  });

  it('a module output that the module does not declare (BCP053), from a Bicep or an ARM JSON module, in a loop or a variable nothing reads', async () => {
    const main = [
      "module tap 'tap.bicep' = { name: 'tap' }",
      "module taps 'tap.json' = [for i in range(0, 2): { name: 'tap-${i}' }]",
      'output a string = tap.outputs.tapId',
      'output b string = tap.outputs.tapID',
      'output c string = taps[0].outputs.tapId',
      'output d string = taps[1].outputs.ID',
      'output e string = tap.outputs.?missing ?? \'\'',
      'var unread = tap.outputs.tapIds',
      '',
    ].join('\n');
    const json = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [],
      outputs: { id: { type: 'string', value: 'x' } },
    });
    expect(await errors(main, { 'tap.bicep': "output tapID string = 'x'\n", 'tap.json': json })).toEqual([
      // As the compiler says it (a compile error, not ARM's evaluation error at deployment).
      '5:19 The type "outputs" does not contain property "tapId". Available properties include "id". (BCP053)',
      // Spelt like one there is: the compiler's BCP083, naming it.
      '8:14 The type "outputs" does not contain property "tapIds". Did you mean "tapID"? (BCP083)',
    ]);
  });

  it('a property of a resource or module loop read without an index (BCP055), and a module property that is not one (BCP053), at the property', async () => {
    const main = [
      "param location string = 'eastus'",
      "param nicNames array = ['web-nic-0', 'web-nic-1']",
      "module nics 'nic.bicep' = [for (n, i) in nicNames: {",
      "  name: 'nic-${i}'",
      '  params: {',
      '    nicName: n',
      '    location: location',
      '  }',
      '}]',
      "module collector 'nic.bicep' = {",
      "  name: 'collector'",
      "  params: { nicName: 'collector-nic', location: location }",
      '}',
      "resource taps 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = [for (n, i) in nicNames: {",
      "  name: 'tap-${i}'",
      '  location: location',
      '  properties: {',
      '    destinationNetworkInterfaceIPConfiguration: {',
      '      id: collector.ipConfigId',
      '    }',
      '  }',
      '}]',
      'output tapId string = taps.id',
      'output firstNic string = nics.outputs.ipConfigId',
      'output nicName string = nics.name',
      'var unread = collector.properties',
      // What the compiler accepts: an instance, the outputs, the whole loop as a value.
      'output ok1 string = taps[0].id',
      'output ok2 string = nics[1].outputs.ipConfigId',
      'output ok3 string = collector.outputs.ipConfigId',
      'output ok4 array = [for (n, i) in nicNames: nics[i].outputs.ipConfigId]',
      'output ok5 string = collector.name',
      '',
    ].join('\n');
    const nic = [
      'param nicName string',
      'param location string',
      "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
      '  name: nicName',
      '  location: location',
      "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } } ] }",
      '}',
      "output ipConfigId string = '${nic.id}/ipConfigurations/ipconfig1'",
      '',
    ].join('\n');
    expect(await errors(main, { 'nic.bicep': nic })).toEqual([
      "19:21 The type \"module\" does not contain property \"ipConfigId\". Available properties include \"identity\", \"name\", \"outputs\". (BCP053): a module's outputs are read as 'collector.outputs.ipConfigId'",
      "23:28 Cannot access properties of type \"Microsoft.Network/virtualNetworkTaps@2024-05-01[]\". An \"object\" type is required. (BCP055): 'taps' is a loop; read one instance ('taps[i].id') or, in a for-expression, each of them",
      "24:31 Cannot access properties of type \"module[]\". An \"object\" type is required. (BCP055): 'nics' is a loop; read one instance ('nics[i].outputs') or, in a for-expression, each of them",
      "25:30 Cannot access properties of type \"module[]\". An \"object\" type is required. (BCP055): 'nics' is a loop; read one instance ('nics[i].name') or, in a for-expression, each of them",
      "26:24 The type \"module\" does not contain property \"properties\". Available properties include \"identity\", \"name\", \"outputs\". (BCP053): a module's outputs are read as 'collector.outputs.properties'",
    ]);
  });

  it("a module body property that a module does not have (BCP037: location, tags, sku as on a resource) or cannot set (BCP073: outputs), at its name", async () => {
    const main = [
      "param location string = 'eastus'",
      "module collector 'nic.bicep' = {",
      "  name: 'collector'",
      '  location: location',
      "  tags: { role: 'packet-collector' }",
      "  Sku: { name: 'Standard' }",
      '  params: {',
      "    nicName: 'collector-nic'",
      '    location: location',
      '  }',
      '  outputs: {}',
      '}',
      "module fine 'nic.bicep' = {",
      "  name: 'fine'",
      '  scope: resourceGroup()',
      '  dependsOn: [ collector ]',
      "  params: { nicName: 'web-nic', location: location }",
      '}',
      '',
    ].join('\n');
    const nic = [
      'param nicName string',
      'param location string',
      "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
      '  name: nicName',
      '  location: location',
      "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } } ] }",
      '}',
      '',
    ].join('\n');
    expect(await errors(main, { 'nic.bicep': nic })).toEqual([
      '4:3 The property "location" is not allowed on objects of type "module". Permissible properties include "dependsOn", "identity", "name", "params", "scope". (BCP037): pass it to the module as a parameter in \'params\' instead',
      '5:3 The property "tags" is not allowed on objects of type "module". Permissible properties include "dependsOn", "identity", "name", "params", "scope". (BCP037): pass it to the module as a parameter in \'params\' instead',
      '6:3 The property "Sku" is not allowed on objects of type "module". Permissible properties include "dependsOn", "identity", "name", "params", "scope". (BCP037)',
      "11:3 The property \"outputs\" is read-only. Expressions cannot be assigned to read-only properties. (BCP073): a module's outputs are those its file declares",
    ]);
  });

  it('ARM declaration keys written in a resource body (type, apiVersion, id: BCP073; condition, copy, resources: BCP037) are errors, and do not change what is deployed', async () => {
    const main = [
      "param location string = 'eastus'",
      "resource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
      "  name: 'web-nic'",
      '  location: location',
      "  type: 'Microsoft.Network/loadBalancers'",
      "  apiVersion: '2019-01-01'",
      '  condition: false',
      '  properties: {',
      "    ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } } ]",
      '  }',
      '}',
      "resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
      "  name: 'collector-nic'",
      '  location: location',
      "  id: resourceId('Microsoft.Network/networkInterfaces', 'other-nic')",
      "  copy: { name: 'nics', count: 3 }",
      '  resources: []',
      '  properties: {',
      "    ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } } ]",
      '  }',
      '}',
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {",
      "  name: 'hub-vnet'",
      '}',
      '',
    ].join('\n');
    const dir = workspace({ 'main.bicep': main });
    expect((await findingsOf(['main.bicep'], dir)).findings.filter((f) => f.level === 'error').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "5:3 The property \"type\" is read-only. Expressions cannot be assigned to read-only properties. (BCP073): the resource's type and API version are those it is declared with ('Microsoft.Network/networkInterfaces@2024-05-01')",
      "6:3 The property \"apiVersion\" is read-only. Expressions cannot be assigned to read-only properties. (BCP073): the resource's type and API version are those it is declared with ('Microsoft.Network/networkInterfaces@2024-05-01')",
      "7:3 The property \"condition\" is not allowed on objects of type \"Microsoft.Network/networkInterfaces\". (BCP037): a condition is written before the body: '= if (condition) { ... }'",
      "15:3 The property \"id\" is read-only. Expressions cannot be assigned to read-only properties. (BCP073): the resource's id is made of its scope, type and name",
      "16:3 The property \"copy\" is not allowed on objects of type \"Microsoft.Network/networkInterfaces\". (BCP037): a loop is written around the body: '= [for item in items: { ... }]'",
      "17:3 The property \"resources\" is not allowed on objects of type \"Microsoft.Network/networkInterfaces\". (BCP037): a child resource is declared as a nested 'resource' in the body or with 'parent:'",
    ]);
    // What is deployed is what is declared: two NICs, once each (not a load balancer, not three
    // copies of the collector, the web NIC not left out by its 'condition').
    const graph = await cli(['graph', 'main.bicep', '--format', 'json'], dir);
    const resources = (JSON.parse(graph.stdout) as { resources: { type: string; apiVersion: string; name: string; state: string }[] }).resources;
    expect(resources.filter((r) => r.state !== 'existing').map((r) => `${r.type}@${r.apiVersion} ${r.name}`).sort()).toEqual([
      'Microsoft.Network/networkInterfaces@2024-05-01 collector-nic',
      'Microsoft.Network/networkInterfaces@2024-05-01 web-nic',
    ]);
  });

  it("a scope given as a string (a resource group's name, a resource's id) is an error at it (BCP036); scope values pass", async () => {
    const main = [
      "targetScope = 'subscription'",
      "param tapRgName string = 'tap-rg'",
      "param location string = 'eastus'",
      "var hubRgName = 'hub-rg'",
      "resource hubRg 'Microsoft.Resources/resourceGroups@2024-03-01' existing = {",
      '  name: hubRgName',
      '}',
      "module tap 'tap.bicep' = {",
      "  name: 'tap'",
      '  scope: tapRgName',
      '  params: { location: location }',
      '}',
      "module tapHub 'tap.bicep' = {",
      "  name: 'tap-hub'",
      "  scope: '${hubRgName}'",
      '  params: { location: location }',
      '}',
      "module tapById 'tap.bicep' = {",
      "  name: 'tap-by-id'",
      '  scope: hubRg.id',
      '  params: { location: location }',
      '}',
      "module fine1 'tap.bicep' = {",
      "  name: 'fine1'",
      '  scope: resourceGroup(tapRgName)',
      '  params: { location: location }',
      '}',
      "module fine2 'tap.bicep' = {",
      "  name: 'fine2'",
      '  scope: hubRg',
      '  params: { location: location }',
      '}',
      '',
    ].join('\n');
    const tap = [
      'param location string',
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {",
      "  name: 'hub-vnet'",
      '}',
      "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {",
      "  name: 'tap-lock'",
      '  scope: vnet.id',
      "  properties: { level: 'CanNotDelete' }",
      '}',
      "resource lock2 'Microsoft.Authorization/locks@2020-05-01' = {",
      "  name: 'tap-lock2'",
      '  scope: vnet',
      "  properties: { level: 'CanNotDelete' }",
      '}',
      "output region string = location",
      '',
    ].join('\n');
    const module = (sym: string): string =>
      `The property "scope" of module '${sym}' expected a scope value but the provided value is of type "string". (BCP036): a module's resource group is named with resourceGroup('name') (or resourceGroup('subscriptionId', 'name')), its subscription with subscription('id')`;
    const errs = await errors(main, { 'tap.bicep': tap });
    expect(errs.filter((e) => e.includes('BCP036'))).toEqual([
      `10:10 ${module('tap')}`,
      `15:10 ${module('tapHub')}`,
      `20:10 ${module('tapById')}`,
      // (tap.bicep's own, reported once for the modules that deploy it.)
      `7:10 The property "scope" expected a scope value but the provided value is of type "string". (BCP036): a resource's scope is a resource symbol (scope: vnet, not vnet.id), or a scope function such as resourceGroup('name') for an existing resource`,
    ]);
    const dir = workspace({ 'tap.bicep': tap });
    expect((await findingsOf(['tap.bicep'], dir)).findings.filter((f) => f.level === 'error').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      `7:10 The property "scope" expected a scope value but the provided value is of type "string". (BCP036): a resource's scope is a resource symbol (scope: vnet, not vnet.id), or a scope function such as resourceGroup('name') for an existing resource`,
    ]);
  });

  it("a child resource's own scope is an error at it (BCP164), nested or with parent:", async () => {
    const main = [
      "param location string = 'eastus'",
      "resource hubVnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {",
      "  name: 'hub-vnet'",
      "  scope: resourceGroup('hub-rg')",
      "  resource tapSubnet 'subnets' existing = {",
      "    name: 'tap-subnet'",
      "    scope: resourceGroup('other-rg')",
      '  }',
      '}',
      "resource spokeVnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
      "  name: 'spoke-vnet'",
      '  location: location',
      "  properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } }",
      '}',
      "resource collectorSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {",
      '  parent: spokeVnet',
      '  scope: resourceGroup()',
      "  name: 'collector-subnet'",
      "  properties: { addressPrefix: '10.1.1.0/24' }",
      '}',
      "output subnetId string = hubVnet::tapSubnet.id",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      "7:5 A child resource's scope is computed based on the scope of its ancestor resource. This means that using the \"scope\" property on a child resource is unsupported. (BCP164): 'tapSubnet' is deployed where its parent 'hubVnet' is; remove its scope, or scope that parent",
      "17:3 A child resource's scope is computed based on the scope of its ancestor resource. This means that using the \"scope\" property on a child resource is unsupported. (BCP164): 'collectorSubnet' is deployed where its parent 'spokeVnet' is; remove its scope, or scope that parent",
    ]);
  });

  it('a for-expression where the compiler cannot write one (BCP138), a property loop inside another (BCP142) or under a computed name (BCP143), at its for keyword; the places it can be pass', async () => {
    const main = [
      "param location string = 'eastus'",
      "param subnetNames array = ['web', 'tap']",
      "param extraPrefixes array = []",
      // Allowed: a loop of a declaration, and one property loop in a resource body, in a loop or not.
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
      "  name: 'hub-vnet'",
      '  location: location',
      '  properties: {',
      "    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }",
      "    subnets: [for (n, i) in subnetNames: { name: n, properties: { addressPrefix: '10.0.${i}.0/24' } }]",
      '  }',
      '}',
      "resource nsgs 'Microsoft.Network/networkSecurityGroups@2024-05-01' = [for n in subnetNames: {",
      "  name: '${n}-nsg'",
      '  location: location',
      '  properties: {',
      "    securityRules: [for (p, j) in [4789, 443]: { name: 'allow-${p}', properties: { priority: 100 + j, protocol: 'Udp', access: 'Allow', direction: 'Inbound', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: string(p) } }]",
      '  }',
      '}]',
      "var subnetIds = [for n in subnetNames: resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub-vnet', n)]",
      // Not allowed.
      "resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
      "  name: 'spoke-vnet'",
      '  location: location',
      '  properties: {',
      "    addressSpace: { addressPrefixes: concat(['10.1.0.0/16'], [for p in extraPrefixes: p]) }",
      "    subnets: empty(subnetNames) ? [] : [for n in subnetNames: { name: n }]",
      "    dhcpOptions: { dnsServers: [for n in subnetNames: [for m in subnetNames: '${n}${m}']] }",
      '  }',
      '}',
      "resource rules 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {",
      "  name: 'rules-nsg'",
      '  location: location',
      '  properties: {',
      "    securityRules: [for n in subnetNames: { name: n, properties: { sourceAddressPrefixes: [for p in extraPrefixes: p] } }]",
      "    '${location}': [for n in subnetNames: n]",
      '  }',
      '}',
      "var tapConfig = { subnets: [for n in subnetNames: n] }",
      "output prefixes object = { all: [for p in extraPrefixes: p] }",
      "param defaults array = [for n in ['a']: n]",
      '',
    ].join('\n');
    const notHere =
      'For-expressions are not supported in this context. For-expressions may be used as values of resource, module, variable, and output declarations, or values of resource and module properties. (BCP138)';
    expect(await errors(main)).toEqual([
      // concat([for ...]), a ternary's branch, a loop as an array item (the body of another loop)
      `24:63 ${notHere}`,
      `25:41 ${notHere}`,
      `26:56 ${notHere}`,
      // a property loop inside a property loop, a loop under a computed property name
      '33:92 Property value for-expressions cannot be nested. (BCP142)',
      '34:5 For-expressions cannot be used with properties whose names are also expressions. (BCP143)',
      // inside a variable's or output's value, in a parameter's default
      `37:29 ${notHere}`,
      `38:34 ${notHere}`,
      `39:25 ${notHere}`,
    ]);
  });

  it("a loop's condition ('if') anywhere but the whole value of a resource or module declaration is the compiler's BCP100, at the if (it was lowered as a filter)", async () => {
    const main = [
      "param subnets array = [{ name: 'web', prefix: '10.0.0.0/24', on: true }, { name: 'tap', prefix: '10.0.1.0/24', on: false }]",
      // Allowed: a resource loop and a module loop with a condition.
      "resource nsgs 'Microsoft.Network/networkSecurityGroups@2024-05-01' = [for s in subnets: if (s.on) {",
      "  name: '${s.name}-nsg'",
      "  location: 'eastus'",
      '}]',
      // Not allowed: a variable's loop, a property loop, an output's loop.
      "var onNames = [for (s, i) in subnets: if (i > 0) s.name]",
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
      "  name: 'hub'",
      "  location: 'eastus'",
      '  properties: {',
      "    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }",
      "    subnets: [for s in subnets: if (s.on) { name: s.name, properties: { addressPrefix: s.prefix } }]",
      '  }',
      '}',
      "output names array = [for s in subnets: if (s.on) s.name]",
      'output n array = onNames',
      '',
    ].join('\n');
    const msg =
      'The function "if" is not supported. Use the "?:" (ternary conditional) operator instead, e.g. condition ? ValueIfTrue : ValueIfFalse (BCP100); a loop takes a condition only as the whole value of a resource or module declaration: filter the array instead (filter(array, x => condition))';
    expect(await errors(main)).toEqual([`6:39 ${msg}`, `12:33 ${msg}`, `15:41 ${msg}`]);
  });

  it('an az function in a parameters file, which has none but getSecret() (BCP057, BCP107), at its name', async () => {
    const main = [
      'param location string',
      'param collectorIpConfigId string',
      '@secure()',
      'param adminPassword string',
      'param tags object',
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      "  name: 'web-tap'",
      '  location: location',
      '  tags: tags',
      '  properties: {',
      '    destinationNetworkInterfaceIPConfiguration: { id: collectorIpConfigId }',
      '  }',
      '}',
      '',
    ].join('\n');
    const params = [
      "using 'main.bicep'",
      'param location = az.resourceGroup().location',
      "param collectorIpConfigId = '${resourceId('Microsoft.Network/networkInterfaces', 'collector-nic')}/ipConfigurations/ipconfig1'",
      "param adminPassword = az.getSecret('00000000-0000-0000-0000-000000000000', 'ops-rg', 'ops-kv', 'admin-password')",
      "param tags = { environment: environment().name, owner: toUpper('netops') }",
      '',
    ].join('\n');
    const dir = workspace({ 'main.bicep': main, 'main.bicepparam': params });
    const { findings } = await findingsOf(['main.bicepparam'], dir);
    const why = 'a parameters file is not deployed, so it has none of the az functions but getSecret(); compute the value in the template, or pass it in';
    expect(findings.filter((f) => f.level === 'error' && /BCP(057|107)/.test(f.message)).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      `2:21 The function "resourceGroup" does not exist in namespace "az". (BCP107): ${why}`,
      `3:32 The name "resourceId" does not exist in the current context. (BCP057): ${why}`,
      `5:29 The name "environment" does not exist in the current context. (BCP057): ${why}`,
    ]);
  });

  it("a parameter default that reads a variable, resource or module (BCP072), at the name; parameters, functions and lambda variables pass", async () => {
    const main = [
      "var prefix = 'prod'",
      "resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {",
      "  name: 'collector-nic'",
      '}',
      "param location string = 'eastus'",
      "param tapName string = '${prefix}-web-tap'",
      "param collectorIpConfigId string = '${collectorNic.id}/ipConfigurations/ipconfig1'",
      "param regionTag string = toUpper(location)",
      "param ports array = map([4789, 443], p => string(p))",
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      '  name: tapName',
      '  location: location',
      "  tags: { region: regionTag, ports: join(ports, ',') }",
      '  properties: {',
      '    destinationNetworkInterfaceIPConfiguration: { id: collectorIpConfigId }',
      '  }',
      '}',
      '',
    ].join('\n');
    const why = "does not exist yet when a parameter's default is calculated";
    expect((await errors(main)).filter((e) => e.includes('BCP072'))).toEqual([
      `6:27 This symbol cannot be referenced here. Only other parameters can be referenced in parameter default values. (BCP072): the variable 'prefix' ${why}`,
      `7:39 This symbol cannot be referenced here. Only other parameters can be referenced in parameter default values. (BCP072): the resource 'collectorNic' ${why}`,
    ]);
  });

  it('a decorator on a declaration of a type it does not apply to (BCP124)', async () => {
    const main = [
      '@secure()',
      'param port int',
      '@minLength(3)',
      'param count int = 3',
      '@minValue(1)',
      "param region string = 'eastus'",
      '@sealed()',
      'type tapName = string',
      '@secure()',
      "param fine string = ''",
      'type portName = string',
      '@minValue(1)',
      "param userTyped portName = 'x'",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '1:1 @secure() applies to string or object declarations, not to this int (BCP124)',
      '3:1 @minLength() applies to string or array declarations, not to this int (BCP124)',
      '5:1 @minValue() applies to int declarations, not to this string (BCP124)',
      '7:1 @sealed() applies to object declarations, not to this string (BCP124)',
    ]);
  });

  it('a literal default, output value or allowed value of another type than the one declared (BCP033, BCP034)', async () => {
    const main = [
      'param port string = 4789',
      "param enabled bool = 'true'",
      "@allowed([4789, 'vxlan'])",
      'param udpPort int = 4789',
      "@allowed([['a'], ['b']])",
      "param lists array = ['a']",
      'param nothing object = null',
      'param computed string = concat(\'a\', \'b\')',
      "output count int = '2'",
      'output negative int = -1',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '1:21 the default value is an int, but the declared type is string (BCP033)',
      '2:22 the default value is a string, but the declared type is bool (BCP033)',
      '3:17 @allowed() lists a string, but the declared type is int (BCP034)',
      '7:24 the default value is a null, but the declared type is object (BCP033)',
      '9:20 the value is a string, but the declared type is int (BCP033)',
    ]);
  });

  it("the compiler's error at a value is said once: ARM's output type error at the same place is left out", async () => {
    expect(await errors(["output o int = 'str'", ''].join('\n'))).toEqual(['1:16 the value is a string, but the declared type is int (BCP033)']);
  });

  it('a typed variable whose literal value is of another type than the one declared (BCP033)', async () => {
    const main = [
      'var port string = 4789',
      "var enabled bool = 'true'",
      "var name string = 'tap-1'",
      'var prefixes array = {}',
      "var typedObj object = { a: 'x' }",
      "var computed int = length('abc')",
      'output o string = \'${port}${enabled}${name}${length(prefixes)}${typedObj.a}${computed}\'',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '1:19 the value is an int, but the declared type is string (BCP033)',
      '2:20 the value is a string, but the declared type is bool (BCP033)',
      '4:22 the value is an object, but the declared type is array (BCP033)',
    ]);
    // A .bicepparam file's typed variables too.
    const dir = workspace({ 'main.bicep': 'param p string\noutput o string = p\n', 'main.bicepparam': "using 'main.bicep'\nvar v string = 42\nparam p = 'x'\n" });
    const { findings } = await findingsOf(['main.bicepparam'], dir);
    expect(findings.filter((f) => f.level === 'error').map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual(['main.bicepparam:2:16 the value is an int, but the declared type is string (BCP033)']);
  });

  it('@discriminator() on what is no union of objects each with a unique required string tag (BCP363-BCP366, BCP286), and not on valid ones', async () => {
    const main = [
      "type nicTap = { kind: 'nic', nicId: string }",
      "type lbTap = { kind: 'lb', frontendId: string }",
      "type optionalKind = { kind: 'opt'?, x: int }",
      'type nicOrLb = nicTap | lbTap',
      "@discriminator('kind')",
      'type single = nicTap',
      "@discriminator('kind')",
      "type missing = nicTap | { port: int } | optionalKind",
      "@discriminator('kind')",
      "type dup = nicTap | { kind: 'NIC', other: bool } | nicTap",
      "@discriminator('kind')",
      'type withNull = nicTap | null | lbTap',
      "@discriminator('port')",
      'type elsewhere = nicOrLb',
      'type holder = {',
      "  @discriminator('kind')",
      '  dest: nicTap | lbTap',
      "  @discriminator('kind')",
      '  *: string',
      '}',
      "@discriminator('kind')",
      "param good (nicTap | lbTap)? = { kind: 'nic', nicId: 'x' }",
      "@discriminator('kind')",
      "type nested = nicOrLb | { kind: 'vm', vmId: string }",
      "@discriminator('kind')",
      'type strict = (nicTap | lbTap)!',
      'output o object = { a: good }',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '5:1 The "discriminator" decorator can only be applied to object-only union types with unique member types. (BCP363)',
      '8:25 The property "kind" must be a required string literal on all union member types. (BCP364)',
      '8:41 The property "kind" must be a required string literal on all union member types. (BCP364)',
      `10:21 The value "'NIC'" for discriminator property "kind" is duplicated across multiple union member types. The value must be unique across all union member types. (BCP365)`,
      "12:26 This union member is invalid because it cannot be assigned to the 'object' type. (BCP286)",
      '13:1 The discriminator property name must be "port" on all union member types. (BCP366)',
      '18:3 The "discriminator" decorator can only be applied to object-only union types with unique member types. (BCP363)',
    ]);
  });

  it('a type name that names no type is BCP302 (a bare resourceInput BCP384), wherever a type is written; imported and namespaced names are not', async () => {
    const main = [
      "import { tapCfg } from 'shared.bicep'",
      "import * as sh from 'shared.bicep'",
      "import { fromRegistry } from 'br/public:avm/utl/types/avm-common-types:0.5.1'",
      "param port integer = 4789",
      "param cfg tapCfg = { name: 'tap' }",
      "param cfg2 sh.tapCfg = { name: 'tap' }",
      'param reg fromRegistry',
      "param s sys.string = 'x'",
      'type pair = { a: strng, b: (int | bol)[], c: tapCfg.name }',
      'type derived = resourceInput',
      "type named = resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>.name",
      'func f(x integr) strin => string(x)',
      "output o string = '${port}${cfg.name}${cfg2.name}${s}'",
      '',
    ].join('\n');
    const shared = "@export()\ntype tapCfg = { name: string }\n";
    expect(await errors(main, { 'shared.bicep': shared })).toEqual([
      '4:12 The name "integer" is not a valid type. Please specify one of the following types: "any", "array", "bool", "int", "object", "resourceInput", "resourceOutput", "string". (BCP302)',
      '9:18 The name "strng" is not a valid type. Please specify one of the following types: "any", "array", "bool", "int", "object", "resourceInput", "resourceOutput", "string". (BCP302)',
      '9:35 The name "bol" is not a valid type. Please specify one of the following types: "any", "array", "bool", "int", "object", "resourceInput", "resourceOutput", "string". (BCP302)',
      '10:16 The "resourceInput<ResourceTypeIdentifier>" type requires 1 argument(s). (BCP384)',
      '12:10 The name "integr" is not a valid type. Please specify one of the following types: "any", "array", "bool", "int", "object", "resourceInput", "resourceOutput", "string". (BCP302)',
      '12:18 The name "strin" is not a valid type. Please specify one of the following types: "any", "array", "bool", "int", "object", "resourceInput", "resourceOutput", "string". (BCP302)',
    ]);
    // In a .bicepparam file, a typed variable's type too.
    const dir = workspace({ 'main.bicep': 'param p string\noutput o string = p\n', 'main.bicepparam': "using 'main.bicep'\nvar v strng = 'x'\nparam p = v\n" });
    const { findings } = await findingsOf(['main.bicepparam'], dir);
    expect(findings.filter((f) => f.level === 'error').map((f) => `${f.file}:${f.line}:${f.column} ${f.message.replace(/ Please.*\(/, ' (')}`)).toEqual(['main.bicepparam:2:7 The name "strng" is not a valid type. (BCP302)']);
  });

  it("an extension's alias read anywhere but in a module's extensionConfigs is BCP418", async () => {
    const main = [
      'extension kubernetes with {',
      "  namespace: 'default'",
      "  kubeConfig: ''",
      '} as k8s',
      'param ns string = k8s.config.namespace',
      'var cfg = k8s.config',
      "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      '  name: k8s.config.namespace',
      "  location: 'eastus'",
      "  kind: 'StorageV2'",
      "  sku: { name: 'Standard_LRS' }",
      '}',
      "module m 'm.bicep' = {",
      "  name: 'm'",
      '  extensionConfigs: {',
      '    k8s: k8s.config',
      '  }',
      '}',
      'output o object = k8s',
      "output p string = '${ns}${cfg.namespace}'",
      '',
    ].join('\n');
    const message = 'Extensions cannot be referenced here. Extensions can only be referenced by module extension configurations. (BCP418)';
    expect(await errors(main, { 'm.bicep': '' })).toEqual([`5:19 ${message}`, `6:11 ${message}`, `8:9 ${message}`, `19:19 ${message}`]);
  });

  it('a lambda that is not directly a function argument is BCP242, once, without ARM\'s error where it is evaluated', async () => {
    const main = [
      "var ports = [4789, 443]",
      'var double = p => p * 2',
      'var pair = [ p => p, q => q ]',
      'var chosen = map(ports, length(ports) > 1 ? p => p : q => q)',
      'var fine = map(ports, (p => p + 1))',
      'var sorted = sort(ports, (a, b) => a < b)',
      "output o object = { f: (k => k), fine: fine, sorted: sorted }",
      '',
    ].join('\n');
    const message = 'Lambda functions may only be specified directly as function arguments. (BCP242)';
    expect(await errors(main)).toEqual([`2:14 ${message}`, `3:14 ${message}`, `3:22 ${message}`, `4:45 ${message}`, `4:54 ${message}`, `7:25 ${message}`]);
  });

  it("resourceInput<>/resourceOutput<> take one literal 'Type@version' (BCP071, BCP070, BCP032, BCP029); valid ones, az: and extensions' types pass", async () => {
    const main = [
      'type none = resourceInput<>.name',
      "type two = resourceInput<'a', 'b'>.name",
      'type notString = resourceOutput<123>.name',
      "type noVersion = resourceInput<'Microsoft.Network/virtualNetworkTaps'>.name",
      "type badVersion = sys.resourceInput<'Microsoft.Network/virtualNetworkTaps@latest'>.name",
      "type interpolated = resourceInput<'Microsoft.${'Network'}/virtualNetworkTaps@2023-09-01'>.name",
      "type ok1 = resourceInput<'Microsoft.Network/virtualNetworkTaps@2023-09-01'>.name",
      "type ok2 = resourceInput<'az:Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01'>.properties",
      "type ok3 = resourceOutput<'Astronomer.Astro/organizations@2023-08-01-preview'>.name",
      "type ok4 = resourceInput<'kubernetes:apps/Deployment@v1'>.metadata",
      // The namespace of ok4's type is the extension's: without it, 'kubernetes' names nothing (BCP208).
      "extension kubernetes with { namespace: 'default', kubeConfig: '' }",
      '',
    ].join('\n');
    const invalid = 'The resource type is not valid. Specify a valid resource type of format "<type-name>@<apiVersion>". (BCP029)';
    expect(await errors(main)).toEqual([
      '1:13 Expected 1 argument, but got 0. (BCP071)',
      '2:12 Expected 1 argument, but got 2. (BCP071)',
      '3:33 The argument of "resourceOutput<...>" must be a resource type string (\'Type@version\'). (BCP070)',
      `4:32 ${invalid}`,
      `5:37 ${invalid}`,
      '6:35 The value must be a compile-time constant. (BCP032)',
    ]);
  });

  it("a lambda's variable choosing an instance of a resource or module loop is BCP247; a for-expression's is not", async () => {
    const main = [
      "resource nics 'Microsoft.Network/networkInterfaces@2023-09-01' = [for i in range(0, 2): {",
      "  name: 'nic-${i}'",
      "  location: 'eastus'",
      '  properties: { ipConfigurations: [] }',
      '}]',
      'output ids array = map(range(0, 2), j => nics[j].id)',
      'output nested array = map(range(0, 2), x => map(range(0, 1), y => nics[x + y].name))',
      'output viaFor array = [for k in range(0, 2): nics[k].id]',
      "output inLambdaConst array = map(range(0, 2), j => '${j}-${nics[0].name}')",
      '',
    ].join('\n');
    const message = (vars: string): string => `Using lambda variables inside resource or module array access is not currently supported. Found the following lambda variable(s) being accessed: ${vars}. (BCP247)`;
    expect(await errors(main)).toEqual([`6:47 ${message('"j"')}`, `7:72 ${message('"x", "y"')}`]);
  });

  it('spreading null or a literal of another kind is BCP402 at the spread, not ARM\'s shallowMerge or flatten error', async () => {
    const main = [
      "var baseTags = { env: 'prod' }",
      'var tags = {',
      '  ...baseTags',
      '  ...null',
      '}',
      "var list = [ 'a', ...null, ...['b'] ]",
      "var mixed = { ...['x'] }",
      "var letters = [ ...'ab' ]",
      'output tags object = tags',
      'output list array = list',
      'output mixed object = mixed',
      'output letters array = letters',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '4:3 The spread operator "..." can only be used in this context for an expression assignable to type "object"; this one spreads null (BCP402)',
      '6:19 The spread operator "..." can only be used in this context for an expression assignable to type "array"; this one spreads null (BCP402)',
      '7:15 The spread operator "..." can only be used in this context for an expression assignable to type "object"; this one spreads an array (BCP402)',
      '8:17 The spread operator "..." can only be used in this context for an expression assignable to type "array"; this one spreads a string (BCP402)',
    ]);
  });

  it('a spread at the top level of a module body, in its params or at the top level of a resource body is BCP401, named as the compiler names it', async () => {
    // AVM-style shared values spread where the compiler does not take them.
    const vm = ['param location string', "param tags object = {}", "output where string = '${location}${string(tags)}'", ''].join('\n');
    const main = [
      "var common = { location: 'eastus', tags: { env: 'prod' } }",
      "var deployment = { name: 'vm-deployment' }",
      "module vm 'vm.bicep' = {",
      '  ...deployment',
      '  params: {',
      '    ...common',
      '  }',
      '}',
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      '  ...common',
      "  name: 'vtap-hub'",
      '  properties: {',
      '    ...common.tags',
      '  }',
      '}',
      '',
    ].join('\n');
    const found = await errors(main, { 'vm.bicep': vm });
    expect(found.filter((e) => e.includes('BCP401'))).toEqual([
      '4:3 The spread operator "..." is not permitted at the top level of the body of module \'vm\' (BCP401): write each property',
      '6:5 The spread operator "..." is not permitted in the params of module \'vm\' (BCP401): write each parameter as name: value',
      '10:3 The spread operator "..." is not permitted at the top level of the body of resource \'tap\' (BCP401): write each property (a spread inside properties is allowed)',
    ]);
  });

  it('a spread in an object that has a property for-expression is BCP417 at the spread (the compiler cannot emit the loop there)', async () => {
    // A collector load balancer built from the platform's defaults plus one rule per port: the
    // compiler rejects it (Azure/bicep#16660), vtaplint linted it as if it compiled.
    const main = [
      "param location string = 'eastus'",
      "var lbDefaults = { backendAddressPools: [ { name: 'sensors' } ] }",
      'var ports = [ 4789 ]',
      "resource lb 'Microsoft.Network/loadBalancers@2024-05-01' = {",
      "  name: 'collector-ilb'",
      '  location: location',
      "  sku: { name: 'Standard' }",
      '  properties: {',
      '    ...lbDefaults',
      '    loadBalancingRules: [for port in ports: {',
      "      name: 'vxlan-${port}'",
      "      properties: { protocol: 'Udp', frontendPort: port, backendPort: port }",
      '    }]',
      '  }',
      '}',
      'var ok = {',
      '  ...lbDefaults',
      "  probes: map(ports, p => { name: 'p${p}' })",
      '  nested: { list: [for p in ports: p] }',
      '}',
      'output ok object = ok',
      '',
    ].join('\n');
    expect((await errors(main)).filter((e) => e.includes('BCP417'))).toEqual(['9:5 The spread operator "..." cannot be used inside objects with property for-expressions (BCP417): build that property with map() instead of a for-expression, or write out the spread properties']);
  });

  it('importing a variable or function a Bicep file does not export is an error at the name (BCP360), and so is reading one through a namespace', async () => {
    // The platform file exports its sizes; its generation and naming helper are its own business.
    const platform = [
      "var generation = 'v6'",
      'func helper(kind string) string => \'${kind}-${generation}\'',
      '@export()',
      "var vmSizes = { web: 'Standard_D4s_${generation}' }",
      '@export()',
      "func resourceName(kind string) string => helper(kind)",
      '',
    ].join('\n');
    const main = [
      "import { vmSizes, generation, helper, resourceName } from 'platform.bicep'",
      "import * as platform from 'platform.bicep'",
      "output size string = vmSizes.web",
      "output gen string = platform.generation",
      "output name string = platform.helper('nic')",
      "output ok string = platform.resourceName('tap')",
      // Reported once, at the import: not again where the name is used.
      'output g string = generation',
      "output h string = helper('vm')",
      '',
    ].join('\n');
    expect(await errors(main, { 'platform.bicep': platform })).toEqual([
      "1:19 'generation' is not exported by 'platform.bicep'",
      "1:31 'helper' is not exported by 'platform.bicep'",
      "4:30 'generation' is not a variable exported by 'platform'",
      "5:31 'helper' is not a function exported by 'platform'",
    ]);
  });

  it('a function of `import * as ns` called without its namespace does not exist (BCP057), nor does a sibling it calls; the namespace is suggested', async () => {
    // Both were callable by their bare names: they are brought along for the imported bodies.
    const naming = [
      "func prefix() string => 'contoso'",
      '@export()',
      "func resourceName(kind string) string => '${prefix()}-${kind}'",
      '',
    ].join('\n');
    const main = [
      "import * as naming from 'naming.bicep'",
      "output ok string = naming.resourceName('tap')",
      "output bare string = resourceName('tap')",
      'output sibling string = prefix()',
      '',
    ].join('\n');
    expect(await errors(main, { 'naming.bicep': naming })).toEqual([
      "3:22 the function 'resourceName' does not exist; did you mean 'naming.resourceName'? (the functions of an `import * as` are called through its namespace)",
      "4:25 the function 'prefix' does not exist",
    ]);
  });

  it('variables that read themselves or each other are reported at each read of the cycle (BCP079, BCP080), once, read or not', async () => {
    const main = [
      "var prefix = '${prefix}-tap'",
      'var first = { next: second }',
      'var second = first.next',
      "var fine = '${first}'",
      'output o object = first',
      '',
    ].join('\n');
    const cycle = "the variables read each other in a cycle: 'first' -> 'second' -> 'first' (BCP080)";
    expect(await errors(main)).toEqual(["1:17 the variable 'prefix' reads itself (BCP079)", `2:21 ${cycle}`, `3:14 ${cycle}`]);
  });

  it("a resource's or module's name that reads runtime state, directly or through a variable (BCP120); an existing resource's may", async () => {
    const main = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {",
      "  name: 'vnet1'",
      "  location: 'eastus'",
      '}',
      'var guidOfVnet = vnet.properties.resourceGuid',
      "resource tap 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {",
      "  name: 'tap-${vnet.properties.resourceGuid}'",
      "  location: 'eastus'",
      '}',
      "module dep 'mod.bicep' = {",
      "  name: 'dep-${guidOfVnet}'",
      '}',
      "resource fine 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {",
      "  name: '${vnet.name}-tap-${uniqueString(vnet.id)}'",
      "  location: 'eastus'",
      '}',
      "resource read 'Microsoft.Network/networkSecurityGroups@2023-04-01' existing = {",
      '  name: vnet.properties.resourceGuid',
      '}',
      '',
    ].join('\n');
    const found = await errors(main, { 'mod.bicep': '' });
    expect(found.map((f) => f.replace(/ must be calculated at its start.*$/, ''))).toEqual([
      "7:16 'vnet' is known only during the deployment, but the name of the resource 'tap'",
      "11:16 'guidOfVnet' (through 'guidOfVnet' -> 'vnet') is known only during the deployment, but the name of the module 'dep'",
    ]);
  });

  it("a name built from an existing resource that is named from runtime state (BCP120): the string form of a child's name, its id, a module's name; not its type, nor one named from a parameter", async () => {
    const main = [
      "param vmName string = 'web-01'",
      'param nicName string',
      "param tapId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworkTaps/hub-tap'",
      "module lookup 'lookup.bicep' = {",
      "  name: 'lookup-nic'",
      '  params: { vmName: vmName }',
      '}',
      "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {",
      '  name: lookup.outputs.nicName',
      "  resource ipc 'ipConfigurations' existing = {",
      "    name: 'ipconfig1'",
      '  }',
      '}',
      "resource named 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {",
      '  name: nicName',
      '}',
      "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {",
      "  name: '${nic.name}/to-hub-tap'",
      '  properties: { virtualNetworkTap: { id: tapId } }',
      '}',
      "resource cfgOfIpc 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {",
      "  name: '${split(nic::ipc.id, '/')[8]}/to-hub-tap'",
      '  properties: { virtualNetworkTap: { id: tapId } }',
      '}',
      "module record 'record.bicep' = {",
      "  name: 'record-${nic.name}'",
      '}',
      "resource fine 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {",
      "  name: '${named.name}/from-${toLower(split(nic.type, '/')[1])}'",
      '  properties: { virtualNetworkTap: { id: tapId } }',
      '}',
      '',
    ].join('\n');
    const lookup = [
      'param vmName string',
      "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {",
      '  name: vmName',
      '}',
      "output nicName string = last(split(vm.properties.networkProfile.networkInterfaces[0].id, '/'))",
      '',
    ].join('\n');
    const found = await errors(main, { 'lookup.bicep': lookup, 'record.bicep': '' });
    expect(found.map((f) => f.replace(/ must be calculated at its start.*$/, ''))).toEqual([
      "18:12 'nic' (the existing resource 'nic', named from 'lookup') is known only during the deployment, but the name of the resource 'cfg'",
      "22:18 'nic::ipc' (under the existing resource 'nic', named from 'lookup') is known only during the deployment, but the name of the resource 'cfgOfIpc'",
      "26:19 'nic' (the existing resource 'nic', named from 'lookup') is known only during the deployment, but the name of the module 'record'",
    ]);
    expect(found.every((f) => f.includes('(BCP120)'))).toBe(true);
  });

  it("a property of a resource group or subscription named by its arguments (BCP052): resourceGroup('hub-rg').location is a scope's, not known here; resourceGroup().location is fine", async () => {
    const main = [
      "param collectorIpConfigId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers/Microsoft.Network/networkInterfaces/collector-nic/ipConfigurations/ipconfig1'",
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      "  name: 'hub-tap'",
      "  location: resourceGroup('hub-rg').location",
      '  properties: { destinationNetworkInterfaceIPConfiguration: { id: collectorIpConfigId } }',
      '}',
      "resource tap2 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      "  name: 'hub-tap2'",
      '  location: resourceGroup().location',
      "  tags: { hub: subscription('00000000-0000-0000-0000-000000000000').displayName }",
      '  properties: { destinationNetworkInterfaceIPConfiguration: { id: collectorIpConfigId } }',
      '}',
      '',
    ].join('\n');
    const found = await errors(main);
    expect(found.map((f) => f.replace(/ \(BCP052\).*$/, ''))).toEqual(['4:37 The type "resourceGroup" does not contain property "location".', '10:69 The type "subscription" does not contain property "displayName".']);
    expect(found[0]).toContain("resourceGroup('hub-rg') is a scope (for a module's or an existing resource's `scope:`), not the resource group, and its location is known only during the deployment; pass the location as a parameter");
    // Not also ARM's "doesn't exist, available properties are ''" where it is evaluated.
    expect(found.filter((f) => f.includes('available properties'))).toEqual([]);
  });

  it("a resource's location, a condition and a loop's collection that read runtime state (BCP120, BCP177, BCP178); what the declarations say may be read", async () => {
    const main = [
      "param location string = 'eastus'",
      "resource webApp 'Microsoft.Web/sites@2023-12-01' existing = {",
      "  name: 'my-web'",
      '}',
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {",
      "  name: 'vnet1'",
      '  location: webApp.location',
      '}',
      'var state = vnet.properties.provisioningState',
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2023-04-01' = if (state == 'Succeeded') {",
      "  name: 'tap1'",
      '  location: vnet.location',
      '}',
      "resource nics 'Microsoft.Network/networkInterfaces@2023-04-01' = [for i in range(0, length(vnet.properties.subnets)): {",
      "  name: 'nic${i}'",
      '  location: location',
      '}]',
      "module dep 'mod.bicep' = if (!empty(vnet.properties.subnets)) {",
      "  name: 'dep'",
      '}',
      "resource fine 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for (n, i) in ['a', 'b']: if (vnet.name != n) {",
      "  name: '${vnet.name}-${n}'",
      '  location: resourceGroup().location',
      '  tags: { region: vnet.location }',
      '}]',
      '',
    ].join('\n');
    const found = await errors(main, { 'mod.bicep': '' });
    expect(found.map((f) => f.replace(/ must be calculated at its start.*$/, ''))).toEqual([
      "7:13 'webApp' is known only during the deployment, but the location of the resource 'vnet'",
      "10:70 'state' (through 'state' -> 'vnet') is known only during the deployment, but the condition of the resource 'tap'",
      "12:13 'vnet' is known only during the deployment, but the location of the resource 'tap'",
      "14:92 'vnet' is known only during the deployment, but the collection the resource 'nics' loops over",
      "18:37 'vnet' is known only during the deployment, but the condition of the module 'dep'",
    ]);
    expect(found.filter((f) => f.includes('(BCP120)')).length).toBe(2);
    expect(found.filter((f) => f.includes('(BCP177)')).length).toBe(2);
    expect(found.filter((f) => f.includes('(BCP178)')).length).toBe(1);
  });

  it('an integer beyond 64 bits (BCP010), a batch size below 1 (BCP154) or on a declaration without a loop (BCP155), and what an existing resource may not set (BCP173)', async () => {
    const main = [
      'param big int = 99999999999999999999',
      'param smallest int = -9223372036854775808',
      "resource hub 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {",
      "  name: 'hub'",
      "  location: 'eastus'",
      '  properties: {}',
      '}',
      '@batchSize(0)',
      "resource nics 'Microsoft.Network/networkInterfaces@2023-09-01' = [for i in range(0, 2): {",
      "  name: 'nic${i}'",
      "  location: 'eastus'",
      '}]',
      '@batchSize(2)',
      "resource single 'Microsoft.Network/networkInterfaces@2023-09-01' = {",
      "  name: 'nic-single'",
      "  location: 'eastus'",
      '}',
      '@batchSize(1)',
      "resource fine 'Microsoft.Network/networkInterfaces@2023-09-01' = [for i in range(0, 2): {",
      "  name: 'fine${i}'",
      "  location: 'eastus'",
      '  dependsOn: [hub]',
      '}]',
      "resource spoke 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {",
      "  name: 'spoke'",
      "  scope: resourceGroup('spoke-rg')",
      '}',
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      '1:17 expected a valid 64-bit signed integer (BCP010)',
      '5:3 The property "location" cannot be used in an existing resource declaration (BCP173): an existing resource is only read; declare name, scope or parent',
      '6:3 The property "properties" cannot be used in an existing resource declaration (BCP173): an existing resource is only read; declare name, scope or parent',
      '8:12 Expected a batch size of at least 1 but the specified value was "0" (BCP154)',
      '13:1 The decorator "batchSize" can only be attached to resource or module collections (BCP155): this declaration has no for-expression',
    ]);
  });

  it('functions that call themselves or each other (BCP079, BCP080), nameof() of a name nothing declares (BCP057), and metadata declared twice', async () => {
    const main = [
      "func recursive() string => recursive()",
      "func recursiveA() string => recursiveB()",
      "func recursiveB() string => recursiveA()",
      "func fine(n string) string => toUpper(n)",
      "func usesFine() string => fine('x')",
      'var n = nameof(symbolNotFound)',
      "param region string = 'eastus'",
      'var m = nameof(region)',
      "metadata same = 'value1'",
      "metadata same = 'value2'",
      "output o string = '${recursiveA()}${usesFine()}${n}${m}'",
      '',
    ].join('\n');
    expect(await errors(main)).toEqual([
      "1:28 the function 'recursive' calls itself, which the Bicep compiler does not allow (BCP079): ARM functions cannot recurse",
      "2:29 the functions call each other in a cycle: 'recursiveA' -> 'recursiveB' -> 'recursiveA' (BCP080): ARM functions cannot recurse",
      "3:29 the functions call each other in a cycle: 'recursiveA' -> 'recursiveB' -> 'recursiveA' (BCP080): ARM functions cannot recurse",
      "6:16 unknown symbol 'symbolNotFound'",
      '9:10 Metadata "same" is declared multiple times. Remove or rename the duplicates.',
      '10:10 Metadata "same" is declared multiple times. Remove or rename the duplicates.',
    ]);
  });

  it('an empty @allowed() list (BCP099), also where no value is checked against it', async () => {
    const main = ['@allowed([])', 'param tier string', '@allowed([', '])', 'param size int', "@allowed(['a'])", "param fine string = 'a'", ''].join('\n');
    expect(await errors(main)).toEqual(['1:10 The "allowed" array must contain one or more items (BCP099)', '3:10 The "allowed" array must contain one or more items (BCP099)']);
  });

  it('a declaration named like a decorator hides it: @description() is then an error that says to write @sys.description()', async () => {
    const main = ["@description('The description to set')", 'param description string', "@sys.description('ok')", 'param other string = description', ''].join('\n');
    expect(await errors(main)).toEqual([
      "1:2 'description' is not a function (BCP059), so it cannot be a decorator: the file declares 'description', which hides the decorator; write @sys.description(...)",
    ]);
  });
  it('a type that includes itself as a required component, directly or through a cycle (BCP298, BCP299); recursion through a nullable property, element or item is legal', async () => {
    const main = [
      'type tautology = tautology',
      "type tautologicalUnion = tautologicalUnion | 'foo'",
      'type tautologicalArray = tautologicalArray[]',
      'type a = b',
      'type b = a',
      'type cycleRoot = connector',
      'type connector = { next: cycleBack }',
      'type cycleBack = [cycleRoot]',
      'type o = {',
      '  required: o',
      '}',
      'type topNullable = (o | topNullable)?',
      'type tree = {',
      '  parent: tree?',
      '  children: tree[]?',
      '  siblings: (tree | null)[]',
      '  pair: [maybeTree, string]',
      '  name: string',
      '}',
      'type maybeTree = tree?',
      "param t tree = { children: [], siblings: [], pair: [null, 'x'], name: 'root' }",
      'output name string = t.name',
      '',
    ].join('\n');
    const self = (n: string) => `the type '${n}' includes itself as a required component, which creates a constraint that cannot be fulfilled (BCP298)`;
    const cycle = (n: string, c: string) => `the type '${n}' includes itself as a required component via a cycle (${c}): no value can satisfy it (BCP299)`;
    expect(await errors(main)).toEqual([
      `1:6 ${self('tautology')}`,
      `2:6 ${self('tautologicalUnion')}`,
      `3:6 ${self('tautologicalArray')}`,
      `4:6 ${cycle('a', "'a' -> 'b'")}`,
      `5:6 ${cycle('b', "'b' -> 'a'")}`,
      `6:6 ${cycle('cycleRoot', "'cycleRoot' -> 'connector' -> 'cycleBack'")}`,
      `7:6 ${cycle('connector', "'connector' -> 'cycleBack' -> 'cycleRoot'")}`,
      `8:6 ${cycle('cycleBack', "'cycleBack' -> 'cycleRoot' -> 'connector'")}`,
      `9:6 ${self('o')}`,
      `12:6 ${self('topNullable')}`,
    ]);
  });
  it("a module's or resource's scope that reads runtime state (BCP120); a resource itself there (an extension resource's scope), any() of one, or its name and id are known", async () => {
    const main = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {",
      "  name: 'vnet'",
      "  location: 'eastus'",
      '}',
      "resource vnets 'Microsoft.Network/virtualNetworks@2023-09-01' = [for i in range(0, 2): {",
      "  name: 'vnet${i}'",
      "  location: 'eastus'",
      '}]',
      "module m 'mod.bicep' = {",
      "  name: 'm'",
      '  scope: resourceGroup(vnet.properties.resourceGuid)',
      '}',
      'var rg = vnet.properties.resourceGuid',
      "module viaVariable 'mod.bicep' = {",
      "  name: 'viaVariable'",
      '  scope: resourceGroup(rg)',
      '}',
      "module inLoop 'mod.bicep' = [for i in range(0, 2): {",
      "  name: 'inLoop${i}'",
      '  scope: resourceGroup(vnets[i].properties.resourceGuid)',
      '}]',
      "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {",
      "  name: 'lock'",
      '  scope: vnet',
      "  properties: { level: 'CanNotDelete' }",
      '}',
      "resource locks 'Microsoft.Authorization/locks@2020-05-01' = [for i in range(0, 2): {",
      "  name: 'lock${i}'",
      '  scope: (vnets[i])',
      "  properties: { level: 'CanNotDelete' }",
      '}]',
      "module byName 'mod.bicep' = {",
      "  name: 'byName'",
      "  scope: resourceGroup(vnet.name, split(vnets[0].id, '/')[4])",
      '}',
      '',
    ].join('\n');
    const msg = (what: string, who: string) =>
      `'${what}' is known only during the deployment, but the scope of the module '${who}' must be calculated at its start (BCP120): use parameters, variables, resources themselves and their names and ids`;
    expect(await errors(main, { 'mod.bicep': "output x string = 'y'\n" })).toEqual([
      `11:24 ${msg('vnet', 'm')}`,
      `16:24 ${msg('rg', 'viaVariable').replace("'rg'", "'rg' (through 'rg' -> 'vnet')")}`,
      `20:24 ${msg('vnets[i]', 'inLoop')}`,
    ]);
  });
});
