// A value a module's (or a nested deployment's) output computed: the finding it decides points at
// the output expression ("the value of output 'y' of module 'x' is computed here"), as it points
// at a parameters file entry, and `--context` with that module's file (the pre-commit hook after
// committing it) reports the finding.
import { describe, expect, test } from 'vitest';
import { cli, findingsOf, workspace, type JsonFinding } from './helpers.js';

const VNET = [
  "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
  "  name: 'vtap-vnet'",
  '  location: location',
  "  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }, subnets: [ { name: 'default', properties: { addressPrefix: '10.0.0.0/24' } } ] }",
  '}',
].join('\n');

const COLLECTOR = (output: string): string =>
  [
    'param location string',
    'param subnetId string',
    "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
    "  name: 'collector-nic'",
    '  location: location',
    "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId } } } ] }",
    '}',
    `output ipConfigurationId string = ${output}`,
    '',
  ].join('\n');

const TAP = [
  'param location string',
  'param destinationId string',
  "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
  "  name: 'tap1'",
  '  location: location',
  '  properties: { destinationNetworkInterfaceIPConfiguration: { id: destinationId } }',
  '}',
  '',
].join('\n');

const MAIN = [
  "param location string = 'eastus'",
  VNET,
  "module collector 'modules/collector.bicep' = {",
  "  name: 'collector'",
  "  params: { location: location, subnetId: '${vnet.id}/subnets/default' }",
  '}',
  "module tap 'modules/tap.bicep' = {",
  "  name: 'tap'",
  '  params: { location: location, destinationId: collector.outputs.ipConfigurationId }',
  '}',
  '',
].join('\n');

function related(f: JsonFinding): string[] {
  return f.related.map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`);
}

async function destinationType(args: string[], dir: string): Promise<JsonFinding[]> {
  const { findings } = await findingsOf(args, dir);
  return findings.filter((f) => f.ruleId === 'vtap-destination-type');
}

describe('values computed by module and deployment outputs', () => {
  test("Bicep: the TAP module's finding points at the module parameter and at the collector module's output", async () => {
    const dir = workspace({ 'main.bicep': MAIN, 'modules/collector.bicep': COLLECTOR('nic.id'), 'modules/tap.bicep': TAP }, 'vtaplint-outputs-');
    const found = await destinationType(['.'], dir);
    expect(found).toHaveLength(1);
    const f = found[0] as JsonFinding;
    expect(f.file).toBe('modules/tap.bicep');
    expect(related(f)).toEqual([
      "main.bicep:13:48 the value of parameter 'destinationId' is given here",
      "modules/collector.bicep:8:35 the value of output 'ipConfigurationId' of module 'collector' is computed here",
    ]);
    // The pre-commit hook after committing only collector.bicep: the finding its output decides.
    expect(await destinationType(['--context', '.', 'modules/collector.bicep'], dir)).toHaveLength(1);
    // The right output: no finding at all.
    const ok = workspace({ 'main.bicep': MAIN, 'modules/collector.bicep': COLLECTOR('nic.properties.ipConfigurations[0].id'), 'modules/tap.bicep': TAP }, 'vtaplint-outputs-');
    expect(await destinationType(['.'], ok)).toEqual([]);
  });

  test('Bicep: an output read with safe access (`mod.outputs.?x`, tryGet) is pointed at too', async () => {
    const main = MAIN.replace('destinationId: collector.outputs.ipConfigurationId', "destinationId: collector.outputs.?ipConfigurationId ?? ''");
    const dir = workspace({ 'main.bicep': main, 'modules/collector.bicep': COLLECTOR('nic.id'), 'modules/tap.bicep': TAP }, 'vtaplint-outputs-');
    const found = await destinationType(['.'], dir);
    expect(found).toHaveLength(1);
    expect(related(found[0] as JsonFinding)).toContain("modules/collector.bicep:8:35 the value of output 'ipConfigurationId' of module 'collector' is computed here");
  });

  test("Bicep: an output computed from the module's parameter points on at the value its parent gave", async () => {
    const collector = COLLECTOR('destination').replace('param subnetId string', 'param subnetId string\nparam destination string');
    const main = MAIN.replace("subnetId: '${vnet.id}/subnets/default' }", "subnetId: '${vnet.id}/subnets/default', destination: vnet.id }");
    const dir = workspace({ 'main.bicep': main, 'modules/collector.bicep': collector, 'modules/tap.bicep': TAP }, 'vtaplint-outputs-');
    const found = await destinationType(['.'], dir);
    expect(found).toHaveLength(1);
    expect(related(found[0] as JsonFinding)).toEqual([
      "main.bicep:13:48 the value of parameter 'destinationId' is given here",
      "modules/collector.bicep:9:35 the value of output 'ipConfigurationId' of module 'collector' is computed here",
      "main.bicep:9:86 the value of parameter 'destination' is given here",
    ]);
  });

  test('Bicep: a module declared before the one whose output it reads: that module\'s own parameters are not where the value came from', async () => {
    // Module src reads t.outputs.tapId; reading it deploys module t then, whose parameters read
    // vmt.outputs.nicId (and vmt's `secret`): none of that is what tapId was computed from.
    const dir = workspace(
      {
        'main.bicep': [
          "param secret string = 'x'",
          "module src 'src.bicep' = {",
          "  name: 's'",
          '  params: { tapId: t.outputs.tapId }',
          '}',
          "module t 'tap.bicep' = {",
          "  name: 't'",
          "  params: { nicId: vmt.outputs.nicId, tapName: 'tap' }",
          '}',
          "module vmt 'vm.bicep' = {",
          "  name: 'vmt'",
          "  params: { vmName: 'collector', secret: secret }",
          '}',
          '',
        ].join('\n'),
        'vm.bicep': [
          'param vmName string',
          '@secure()',
          'param secret string',
          "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
          "  name: '${vmName}-nic'",
          "  location: 'eastus'",
          "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 's') } } } ] }",
          '}',
          "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {",
          '  name: vmName',
          "  location: 'eastus'",
          "  properties: { osProfile: { adminPassword: secret }, hardwareProfile: { vmSize: 'Standard_D2s_v5' }, networkProfile: { networkInterfaces: [ { id: nic.id } ] } }",
          '}',
          'output nicId string = vm.properties.networkProfile.networkInterfaces[0].id',
          '',
        ].join('\n'),
        'tap.bicep': [
          'param nicId string',
          'param tapName string',
          "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
          '  name: tapName',
          "  location: 'eastus'",
          "  properties: { destinationNetworkInterfaceIPConfiguration: { id: '${nicId}/ipConfigurations/ipconfig1' } }",
          '}',
          'output tapId string = tap.id',
          '',
        ].join('\n'),
        'src.bicep': ['param tapId string', "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {", "  name: 'ext-nic/tap'", '  properties: { virtualNetworkTap: { id: tapId } }', '}', ''].join('\n'),
      },
      'vtaplint-outputs-',
    );
    const { findings } = await findingsOf(['.'], dir);
    const outside = findings.filter((f) => f.ruleId === 'vtap-source-vm-nic');
    expect(outside).toHaveLength(1);
    expect(related(outside[0] as JsonFinding)).toEqual([
      "main.bicep:4:20 the value of parameter 'tapId' is given here",
      "tap.bicep:8:23 the value of output 'tapId' of module 't' is computed here",
      "main.bicep:8:48 the value of parameter 'tapName' is given here",
    ]);
  });

  test('Bicep: a chain of modules passing an output on points at the output main read and at the one that computed the value', async () => {
    const files: Record<string, string> = { 'modules/tap.bicep': TAP, 'modules/collector.bicep': COLLECTOR('nic.id') };
    // main -> hop1 -> hop2 -> ... -> hop5 -> collector; each hop passes the collector's output on.
    const HOPS = 5;
    for (let i = 1; i <= HOPS; i++) {
      const inner = i === HOPS ? "'collector.bicep'" : `'hop${i + 1}.bicep'`;
      files[`modules/hop${i}.bicep`] = [
        'param location string',
        'param subnetId string',
        `module inner ${inner} = {`,
        // Each its own name: two deployments of one name in a resource group are one deployment.
        `  name: 'hop${i + 1}'`,
        '  params: { location: location, subnetId: subnetId }',
        '}',
        'output ipConfigurationId string = inner.outputs.ipConfigurationId',
        '',
      ].join('\n');
    }
    files['main.bicep'] = MAIN.replace("'modules/collector.bicep'", "'modules/hop1.bicep'");
    const dir = workspace(files, 'vtaplint-outputs-');
    const found = await destinationType(['.'], dir);
    expect(found).toHaveLength(1);
    // The output main read, and the one that computed the value; not the four that pass it on.
    expect(related(found[0] as JsonFinding)).toEqual([
      "main.bicep:13:48 the value of parameter 'destinationId' is given here",
      "modules/hop1.bicep:7:35 the value of output 'ipConfigurationId' of module 'collector' is computed here",
      "modules/collector.bicep:8:35 the value of output 'ipConfigurationId' of module 'inner' is computed here",
    ]);
    expect(await destinationType(['--context', '.', 'modules/collector.bicep'], dir)).toHaveLength(1);
    // The hook names the staged file's place first: stylish and unix name two places, then "and N more".
    for (const format of ['stylish', 'unix']) {
      const out = (await cli(['--context', '.', 'modules/collector.bicep', '--format', format], dir)).stdout;
      expect(out).toContain("(modules/collector.bicep:8:35: the value of output 'ipConfigurationId' of module 'inner' is computed here; main.bicep:13:48: the value of parameter 'destinationId' is given here; and 1 more)");
    }
    // Without --context, in the order the value was passed.
    expect((await cli(['.', '--format', 'unix'], dir)).stdout).toContain("(main.bicep:13:48: the value of parameter 'destinationId' is given here; modules/hop1.bicep:7:35: the value of output 'ipConfigurationId' of module 'collector' is computed here; and 1 more)");
  });

  test("ARM: reference('x').outputs.y.value of a linked template points at the output", async () => {
    const collector = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Network/networkInterfaces',
          apiVersion: '2024-05-01',
          name: 'collector-nic',
          location: "[parameters('location')]",
          properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]" } } }] },
        },
      ],
      outputs: { ipConfigurationId: { type: 'string', value: "[resourceId('Microsoft.Network/networkInterfaces', 'collector-nic')]" } },
    };
    const main = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'collector',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'linked/collector.json' }, parameters: { location: { value: 'eastus' } } },
        },
        {
          type: 'Microsoft.Network/virtualNetworkTaps',
          apiVersion: '2024-05-01',
          name: 'tap1',
          location: 'eastus',
          properties: { destinationNetworkInterfaceIPConfiguration: { id: "[reference('collector').outputs.ipConfigurationId.value]" } },
        },
      ],
    };
    const dir = workspace({ 'main.json': JSON.stringify(main, null, 2), 'linked/collector.json': JSON.stringify(collector, null, 2) }, 'vtaplint-outputs-');
    const found = await destinationType(['.'], dir);
    expect(found).toHaveLength(1);
    const f = found[0] as JsonFinding;
    expect(f.file).toBe('main.json');
    expect(related(f).filter((r) => r.includes('of output'))).toEqual([expect.stringMatching(/^linked\/collector\.json:\d+:\d+ the value of output 'ipConfigurationId' of deployment 'collector' is computed here$/)]);
    expect(await destinationType(['--context', '.', 'linked/collector.json'], dir)).toHaveLength(1);
  });
});
