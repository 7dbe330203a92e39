// A module (or linked template) that another linted file deploys is judged where it is deployed,
// with the values its parent gives it, not a second time on its own without them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findingsOf } from './helpers.js';

const WEB_VM = 'fixtures/bicep-modules/modules/web-vm.bicep';

describe('modules linted through their parents', () => {
  test('linting the folder reports the module as its parent deploys it, without its "no value" notes', async () => {
    const { findings } = await findingsOf(['fixtures/bicep-modules']);
    const inModule = findings.filter((f) => f.file === WEB_VM).map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.level}`);
    // The parent passes vmSize 'Standard_E4s_v6' and a TAP id: an error, and no note that they have no value.
    expect(inModule.sort()).toEqual(['vtap-live-migration@16:9 note', 'vtap-source-vm-size-v6@20:15 error']);
    expect(findings.some((f) => f.message.includes("parameter 'vmSize' has no value"))).toBe(false);
  });

  test('a module named on the command line is also linted on its own, as asked', async () => {
    const { findings } = await findingsOf(['fixtures/bicep-modules', WEB_VM]);
    const notes = findings.filter((f) => f.file === WEB_VM && f.message.includes('has no value'));
    expect(notes.map((f) => f.ruleId).sort()).toEqual(['vtap-config-target', 'vtap-source-vm-size-v6']);
  });

  test('a module file no linted file deploys is linted on its own', async () => {
    const { findings } = await findingsOf(['fixtures/bicep-modules/modules']);
    expect(findings.some((f) => f.file === WEB_VM && f.message.includes("parameter 'vmSize' has no value"))).toBe(true);
  });

  test("a suppression comment in a module applies to what its parent places there, and is not called unused by the module's own analysis", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'mods'));
    writeFileSync(path.join(dir, 'main.bicep'), "module t 'mods/tap.bicep' = {\n  name: 't'\n  params: { location: 'westeurope' }\n}\n");
    writeFileSync(
      path.join(dir, 'mods/tap.bicep'),
      [
        "param location string = 'eastus'",
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'tap'",
        '  // vtaplint-disable-next-line vtap-supported-region -- westeurope enabled by support ticket 42',
        '  location: location',
        '  // vtaplint-disable-next-line vtap-destination-type -- destination added later',
        '  properties: {}',
        '}',
        '',
      ].join('\n'),
    );
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => f.ruleId)).toEqual([]);
  });

  test('a finding in a module that two parents deploy with the same value is one finding, pointing at both', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'mods'));
    writeFileSync(path.join(dir, 'mods/tap.bicep'), "param location string\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {}\n}\n");
    for (const parent of ['a.bicep', 'b.bicep']) writeFileSync(path.join(dir, parent), "module t 'mods/tap.bicep' = {\n  name: 't'\n  params: { location: 'westeurope' }\n}\n");
    const { findings } = await findingsOf(['.'], dir);
    const region = findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(region).toHaveLength(1);
    expect(region[0]?.related.filter((r) => r.message === "the value of parameter 'location' is given here").map((r) => r.file).sort()).toEqual(['a.bicep', 'b.bicep']);
  });

  /** A subscription deployment whose TAP hub and source spokes are modules deployed only `if (deployTap)`, one spoke per entry of `spokes`. */
  function hubAndSpokes(paramsFile: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'modules'));
    writeFileSync(
      path.join(dir, 'main.bicep'),
      [
        "targetScope = 'subscription'",
        "param location string = 'eastus'",
        'param deployTap bool = true',
        "param spokes array = [ 'web', 'app' ]",
        '',
        "resource hubRg 'Microsoft.Resources/resourceGroups@2024-03-01' = {",
        "  name: 'rg-hub'",
        '  location: location',
        '}',
        '',
        "module hub 'modules/hub.bicep' = if (deployTap) {",
        "  name: 'hub'",
        '  scope: hubRg',
        '  params: { location: location }',
        '}',
        '',
        '@batchSize(1)',
        "module spoke 'modules/spoke.bicep' = [for s in spokes: if (deployTap) {",
        "  name: 'spoke-${s}'",
        "  scope: resourceGroup('rg-hub')",
        '  params: {',
        '    location: location',
        '    name: s',
        '    subnetId: hub.outputs.subnetId',
        '    tapId: hub.outputs.tapId',
        '  }',
        '}]',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'modules/hub.bicep'),
      [
        'param location string',
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
        "  name: 'hub-vnet'",
        '  location: location',
        "  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }, subnets: [ { name: 'default', properties: { addressPrefix: '10.0.0.0/24' } } ] }",
        '}',
        "resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
        "  name: 'collector-nic'",
        '  location: location',
        "  properties: { ipConfigurations: [ { name: 'vxlan', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: vnet.properties.subnets[0].id } } } ] }",
        '}',
        "resource collectorVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {",
        "  name: 'collector-vm'",
        '  location: location',
        "  properties: { hardwareProfile: { vmSize: 'Standard_D4s_v5' }, networkProfile: { networkInterfaces: [ { id: collectorNic.id } ] } }",
        '}',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'hub-tap'",
        '  location: location',
        '  properties: { destinationNetworkInterfaceIPConfiguration: { id: collectorNic.properties.ipConfigurations[0].id } }',
        '}',
        'output tapId string = tap.id',
        'output subnetId string = vnet.properties.subnets[0].id',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'modules/spoke.bicep'),
      [
        'param location string',
        'param name string',
        'param subnetId string',
        'param tapId string',
        "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
        "  name: '${name}-nic'",
        '  location: location',
        "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId } } } ] }",
        '}',
        "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {",
        "  name: '${name}-vm'",
        '  location: location',
        "  properties: { hardwareProfile: { vmSize: 'Standard_D2s_v5' }, networkProfile: { networkInterfaces: [ { id: nic.id } ] } }",
        '}',
        "resource tapConfig 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {",
        '  parent: nic',
        "  name: 'to-hub'",
        '  properties: { virtualNetworkTap: { id: tapId } }',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'env.bicepparam'), paramsFile);
    return dir;
  }

  test('a module its parent does not deploy with these values (condition false) is still judged through that parent, not on its own', async () => {
    // The only deployment linted is env.bicepparam's, which turns the TAP off: nothing is deployed,
    // so nothing is reported, and above all no "parameter 'location' has no value" from the modules.
    const dir = hubAndSpokes("using 'main.bicep'\n\nparam deployTap = false\n");
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });

  test('a module in a loop that is empty with these values is still judged through its parent', async () => {
    const dir = hubAndSpokes("using 'main.bicep'\n\nparam spokes = []\n");
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });
});
