// One mistake in a .bicep file is one error, where the compiler reports it: not a cascade of
// errors from the stages after the lowering, and no error on Bicep the compiler accepts.
import { describe, expect, it } from 'vitest';
import { findingsOf, workspace } from '../helpers.js';

async function errors(files: Record<string, string>): Promise<string[]> {
  const dir = workspace(files);
  const { findings } = await findingsOf(['main.bicep'], dir);
  return findings.filter((f) => f.level === 'error').map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('Bicep errors: one per mistake', () => {
  it('a resource without a name is one error, at its symbolic name (BCP035), also for a child', async () => {
    const main = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {",
      "  location: 'eastus'",
      '}',
      "resource subnet 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = {",
      '  parent: vnet',
      '}',
      '',
    ].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual(["1:10 the resource 'vnet' has no name", "4:10 the resource 'subnet' has no name"]);
  });

  it("a tap configuration whose 'parent' names nothing: the unknown symbol once, and no rule reasons about a NIC named '{?}'", async () => {
    // The sample of Azure's type reference for tapConfigurations, whose parent is not declared.
    const main = [
      "resource exampleResource 'Microsoft.Network/networkInterfaces/tapConfigurations@2019-08-01' = {",
      '  parent: parentResource',
      "  name: 'example'",
      '  properties: {',
      "    virtualNetworkTap: { id: '/subscriptions/subid/resourceGroups/testrg/providers/Microsoft.Network/virtualNetworkTaps/testvtap' }",
      '  }',
      '}',
      'resource parentResourse \'Microsoft.Network/networkInterfaces@2023-09-01\' existing = {',
      "  name: 'web-nic'",
      '}',
      '',
    ].join('\n');
    const dir = workspace({ 'main.bicep': main });
    const { findings } = await findingsOf(['main.bicep'], dir);
    expect(findings.filter((f) => f.level !== 'note').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "2:11 unknown symbol 'parentResource'; did you mean 'parentResourse'?: 'parent' must be a resource symbol",
    ]);
    expect(findings.filter((f) => f.message.includes('{?}'))).toEqual([]);
  });

  it("an instance of a loop read from elsewhere that does not exist is out of bounds at the read, not in the loop's name", async () => {
    const main = [
      "resource nics 'Microsoft.Network/networkInterfaces@2023-09-01' = [for i in range(0, 2): {",
      "  name: 'nic-${i}'",
      "  location: 'eastus'",
      '  properties: { ipConfigurations: [] }',
      '}]',
      'output third string = nics[2].name',
      "output first string = nics[0].name",
      '',
    ].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual(["6:28 The language expression property array index '2' is out of bounds (the array has 2 elements)."]);
  });

  it('a resource body that does not parse reports the parse error, not a missing name the broken line may hold', async () => {
    const main = ["resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {", "  name 'vnet1'", "  location: 'eastus'", '}', ''].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual(["2:8 expected ':' after the object property name, found ''vnet1''"]);
  });

  it('an unknown symbol is reported once, not again by the function that reads it', async () => {
    const main = [
      "resource nsgs 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for x in missingList: {",
      "  name: 'nsg-${x}'",
      "  location: 'eastus'",
      '}]',
      '',
    ].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual(["1:80 unknown symbol 'missingList'"]);
  });

  it('a module or resource loop referenced as a whole is an array known at deployment, not an error', async () => {
    const main = [
      "var names = ['a', 'b']",
      "module loop 'mod.bicep' = [for x in names: {",
      "  name: 'dep-${x}'",
      '  params: { items: [] }',
      '}]',
      "resource nsgs 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for x in names: {",
      "  name: 'nsg-${x}'",
      "  location: 'eastus'",
      '}]',
      "module single 'mod.bicep' = {",
      "  name: 'single'",
      '  params: { items: concat(loop, nsgs) }',
      '}',
      'output all array = loop',
      '',
    ].join('\n');
    expect(await errors({ 'main.bicep': main, 'mod.bicep': 'param items array\n' })).toEqual([]);
  });

  it('an interpolated resource type is one error, not also a missing API version and a name that does not fit', async () => {
    const main = ["resource odd '${'Microsoft.Network'}/virtualNetworks@2023-04-01' = {", "  name: 'vnet1'", '}', ''].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual(['1:14 the resource type must be a literal string']);
  });

  it("a 'parent' cycle is reported at each 'parent' of it (BCP080, BCP079), and its names are not judged against their types", async () => {
    const main = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {",
      '  parent: subnet',
      "  name: 'vnet1'",
      '}',
      "resource subnet 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = {",
      '  parent: vnet',
      "  name: 'default'",
      '}',
      "resource selfish 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = {",
      '  parent: selfish',
      "  name: 'vnet2/default'",
      '}',
      '',
    ].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual([
      "2:11 the 'parent' chain forms a cycle",
      "6:11 the 'parent' chain forms a cycle",
      "10:11 'selfish' is its own parent: a declaration cannot reference itself (BCP079)",
    ]);
  });

  it('two copy loops that make the same names are one error, not one per copy', async () => {
    const main = [
      'resource a \'Microsoft.Network/networkSecurityGroups@2023-04-01\' = [for i in range(0, 3): {',
      "  name: 'nsg-${i}'",
      "  location: 'eastus'",
      '}]',
      'resource b \'Microsoft.Network/networkSecurityGroups@2023-04-01\' = [for i in range(0, 3): {',
      "  name: 'nsg-${i}'",
      "  location: 'eastus'",
      '}]',
      '',
    ].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual([
      "6:9 The resource 'Microsoft.Network/networkSecurityGroups/nsg-0' (and 2 more names of these copies) is defined multiple times in a template (also at line 2); ARM rejects the deployment: remove one of them or give them different names.",
    ]);
  });
});

describe('Bicep: modules written without a name', () => {
  it('a module loop without names deploys one deployment per instance: no duplicate names', async () => {
    const main = ["module m2 'mod.bicep' = [for i in range(0, 3): {", '  params: { n: i }', '}]', "module m3 'mod.bicep' = {}", ''].join('\n');
    expect(await errors({ 'main.bicep': main, 'mod.bicep': 'param n int = 0\n' })).toEqual([]);
  });
});

describe('Bicep errors: a variable for-body reads only what is known at the start (BCP182)', () => {
  const head = [
    "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {",
    "  name: 'nsg1'",
    "  location: 'eastus'",
    '}',
    "param pick bool = false",
    "var idKey = 'id'",
    'var rules = nsg.properties.securityRules',
  ];

  it('reports a runtime property, a whole resource and a variable that reads one, with the chain', async () => {
    const main = [
      ...head,
      'var bad = [for i in range(0, 2): {',
      '  a: nsg.properties',
      '  b: nsg',
      '  c: rules',
      '}]',
      '',
    ].join('\n');
    const found = await errors({ 'main.bicep': main });
    expect(found.map((f) => f.replace(/ is known only.*$/, ''))).toEqual(["9:6 'nsg'", "10:6 'nsg'", "11:6 'rules' (through 'rules' -> 'nsg')"]);
    expect(found[0]).toContain("the for-body of the variable 'bad' must be calculated at its start (BCP182)");
  });

  it("ends the chain at the symbol written, as the compiler does: a list*() call's resource, a module's outputs; a reference() written as such by its name", async () => {
    const main = [
      ...head,
      "resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: 'sa' }",
      "module m 'mod.bicep' = { name: 'm' }",
      'var key = sa.listKeys().keys[0].value',
      'var keyAgain = key',
      'var out = m.outputs.o',
      "var written = reference('x').y",
      'var bad = [for i in range(0, 2): {',
      '  a: keyAgain',
      '  b: out',
      '  c: written',
      '}]',
      '',
    ].join('\n');
    const found = await errors({ 'main.bicep': main, 'mod.bicep': "output o string = 'o'\n" });
    expect(found.map((f) => f.replace(/ is known only.*$/, ''))).toEqual([
      "15:6 'keyAgain' (through 'keyAgain' -> 'key' -> 'sa')",
      "16:6 'out' (through 'out' -> 'm')",
      "17:6 'written' (through 'written' -> 'reference')",
    ]);
  });

  it('accepts the id, name, type and apiVersion, also through a constant key, and runtime values outside a variable loop', async () => {
    const main = [
      ...head,
      'var ok = [for i in range(0, 2): {',
      '  a: nsg.id',
      "  b: nsg['name']",
      '  c: nsg[idKey]',
      "  d: nsg[pick ? 'id' : 'type']",
      '}]',
      'output o array = [for i in range(0, 2): nsg.properties]',
      'output r array = rules',
      '',
    ].join('\n');
    expect(await errors({ 'main.bicep': main })).toEqual([]);
  });
});
