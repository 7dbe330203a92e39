// "The value given here" of an expression that reads one entry of a parameter's value (a Bicep
// loop's `v.size`, ARM's `parameters('vms')[copyIndex()].size`, `vmConfig.size`): the related
// location is that entry in the .bicepparam file or parameters file, which tells which of many
// it is, not the start of the whole list.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace, type JsonFinding } from './helpers.js';
import { parameterPath, partGiven } from '../src/deploy/access-path.js';
import { parseTemplateString } from '../src/expr/parser.js';
import { ObjectValue, setElementSpans } from '../src/expr/value.js';
import { TextSpan } from '../src/model/span.js';
import type { Expr } from '../src/expr/ast.js';

const ARM_TEMPLATE = "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"parameters\": {\n    \"location\": { \"type\": \"string\", \"defaultValue\": \"eastus\" },\n    \"vms\": { \"type\": \"array\" }\n  },\n  \"resources\": [\n    {\n      \"type\": \"Microsoft.Network/virtualNetworkTaps\",\n      \"apiVersion\": \"2023-09-01\",\n      \"name\": \"tap1\",\n      \"location\": \"[parameters('location')]\",\n      \"properties\": {}\n    },\n    {\n      \"type\": \"Microsoft.Network/networkInterfaces\",\n      \"apiVersion\": \"2023-09-01\",\n      \"name\": \"[concat(parameters('vms')[copyIndex()].name, '-nic')]\",\n      \"location\": \"[parameters('location')]\",\n      \"copy\": { \"name\": \"nicLoop\", \"count\": \"[length(parameters('vms'))]\" },\n      \"properties\": {\n        \"ipConfigurations\": [\n          {\n            \"name\": \"ipconfig1\",\n            \"properties\": {\n              \"privateIPAllocationMethod\": \"Dynamic\",\n              \"subnet\": { \"id\": \"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]\" }\n            }\n          }\n        ]\n      }\n    },\n    {\n      \"type\": \"Microsoft.Network/networkInterfaces/tapConfigurations\",\n      \"apiVersion\": \"2023-09-01\",\n      \"name\": \"[concat(parameters('vms')[copyIndex()].name, '-nic/tapcfg')]\",\n      \"copy\": { \"name\": \"cfgLoop\", \"count\": \"[length(parameters('vms'))]\" },\n      \"dependsOn\": [ \"nicLoop\", \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\" ],\n      \"properties\": { \"virtualNetworkTap\": { \"id\": \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\" } }\n    },\n    {\n      \"type\": \"Microsoft.Compute/virtualMachines\",\n      \"apiVersion\": \"2023-09-01\",\n      \"name\": \"[parameters('vms')[copyIndex()].name]\",\n      \"location\": \"[parameters('location')]\",\n      \"copy\": { \"name\": \"vmLoop\", \"count\": \"[length(parameters('vms'))]\" },\n      \"dependsOn\": [ \"nicLoop\" ],\n      \"properties\": {\n        \"hardwareProfile\": { \"vmSize\": \"[parameters('vms')[copyIndex()].size]\" },\n        \"networkProfile\": { \"networkInterfaces\": [ { \"id\": \"[resourceId('Microsoft.Network/networkInterfaces', concat(parameters('vms')[copyIndex()].name, '-nic'))]\" } ] }\n      }\n    }\n  ]\n}\n";

const ARM_PARAMETERS = "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"parameters\": {\n    \"vms\": {\n      \"value\": [\n        { \"name\": \"web1\", \"size\": \"Standard_D2s_v5\" },\n        { \"name\": \"web2\", \"size\": \"Standard_D4s_v6\" },\n        { \"name\": \"web3\", \"size\": \"Standard_D8s_v6\" }\n      ]\n    }\n  }\n}\n";

const BICEP_MAIN = "targetScope = 'resourceGroup'\n\nparam location string = 'eastus'\nparam vms array\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = {\n  name: 'tap1'\n  location: location\n  properties: {}\n}\n\nmodule vm 'vm.bicep' = [for v in vms: {\n  name: 'vm-${v.name}'\n  params: {\n    location: location\n    vmName: v.name\n    vmSize: v.size\n    tapId: tap.id\n  }\n}]\n";

const BICEP_VM = "param location string\nparam vmName string\nparam vmSize string\nparam tapId string\n\nresource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {\n  name: 'vnet'\n}\n\nresource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = {\n  name: '${vmName}-nic'\n  location: location\n  properties: {\n    ipConfigurations: [\n      {\n        name: 'ipconfig1'\n        properties: {\n          subnet: { id: '${vnet.id}/subnets/default' }\n          privateIPAllocationMethod: 'Dynamic'\n        }\n      }\n    ]\n  }\n}\n\nresource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2023-09-01' = {\n  parent: nic\n  name: 'tapcfg'\n  properties: {\n    virtualNetworkTap: { id: tapId }\n  }\n}\n\nresource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {\n  name: vmName\n  location: location\n  properties: {\n    hardwareProfile: { vmSize: vmSize }\n    networkProfile: { networkInterfaces: [ { id: nic.id } ] }\n  }\n}\n";

const BICEP_PARAMS = "using 'main.bicep'\n\nparam vms = [\n  {\n    name: 'web1'\n    size: 'Standard_D2s_v5'\n  }\n  {\n    name: 'web2'\n    size: 'Standard_D4s_v6'\n  }\n]\n";

/** The v6 findings' "given here" related locations, as "file:line:column message", one list per finding. */
async function givenHere(dir: string): Promise<string[][]> {
  const { findings } = await findingsOf(['.'], dir);
  return findings
    .filter((f) => f.ruleId === 'vtap-source-vm-size-v6')
    .map((f: JsonFinding) => f.related.filter((r) => r.message.endsWith(' is given here')).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`));
}

describe('the entry of a list a loop read', () => {
  test('ARM: a copy loop over a parameters file list points at each instance\'s own entry', async () => {
    const dir = workspace({ 'azuredeploy.json': ARM_TEMPLATE, 'azuredeploy.parameters.json': ARM_PARAMETERS }, 'vtaplint-entries-');
    expect(await givenHere(dir)).toEqual([
      ["azuredeploy.parameters.json:8:35 the value of 'vms[1].size' (parameter 'vms') is given here"],
      ["azuredeploy.parameters.json:9:35 the value of 'vms[2].size' (parameter 'vms') is given here"],
    ]);
  });

  test('ARM: an index computed by a function (sub(copyIndex(1), 1)) keeps the whole value', async () => {
    const offset = ARM_TEMPLATE.replace(`"[parameters('vms')[copyIndex()].size]"`, `"[parameters('vms')[sub(copyIndex(1), 1)].size]"`);
    const dir = workspace({ 'azuredeploy.json': offset, 'azuredeploy.parameters.json': ARM_PARAMETERS }, 'vtaplint-entries-');
    expect(await givenHere(dir)).toEqual([
      ["azuredeploy.parameters.json:6:16 the value of parameter 'vms' is given here"],
      ["azuredeploy.parameters.json:6:16 the value of parameter 'vms' is given here"],
    ]);
  });

  test('Bicep: a module loop over a .bicepparam list points at the module parameter and at the entry', async () => {
    const dir = workspace({ 'main.bicep': BICEP_MAIN, 'vm.bicep': BICEP_VM, 'main.bicepparam': BICEP_PARAMS }, 'vtaplint-entries-');
    expect(await givenHere(dir)).toEqual([
      ["main.bicep:17:13 the value of parameter 'vmSize' is given here", "main.bicepparam:10:11 the value of 'vms[1].size' (parameter 'vms') is given here"],
    ]);
  });
});

describe('a default decides too', () => {
  test('Bicep: a loop over a parameter with no value given points at the entry of its default', async () => {
    const dir = workspace({ 'main.bicep': "param location string = 'eastus'\nparam vms array = [\n  {\n    name: 'web1'\n    size: 'Standard_D2s_v5'\n  }\n  {\n    name: 'web2'\n    size: 'Standard_D4s_v6'\n  }\n]\n\nresource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vtap-vnet'\n  location: location\n  properties: {\n    addressSpace: { addressPrefixes: [ '10.40.0.0/16' ] }\n    subnets: [ { name: 'default', properties: { addressPrefix: '10.40.0.0/24' } } ]\n  }\n}\n\nresource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {\n  name: 'collector-nic'\n  location: location\n  properties: {\n    ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: vnet.properties.subnets[0].id } } } ]\n  }\n}\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap1'\n  location: location\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: collectorNic.properties.ipConfigurations[0].id }\n  }\n}\n\nresource nics 'Microsoft.Network/networkInterfaces@2024-05-01' = [for v in vms: {\n  name: '${v.name}-nic'\n  location: location\n  properties: {\n    ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: vnet.properties.subnets[0].id } } } ]\n  }\n}]\n\nresource tapConfigs 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = [for (v, i) in vms: {\n  parent: nics[i]\n  name: 'tapcfg'\n  properties: {\n    virtualNetworkTap: { id: tap.id }\n  }\n}]\n\nresource vmRes 'Microsoft.Compute/virtualMachines@2024-07-01' = [for (v, i) in vms: {\n  name: v.name\n  location: location\n  properties: {\n    hardwareProfile: { vmSize: v.size }\n    networkProfile: { networkInterfaces: [ { id: nics[i].id } ] }\n  }\n}]\n" }, 'vtaplint-entries-');
    // Nothing was given: no "given here", the default instead.
    expect(await givenHere(dir)).toEqual([[]]);
    const { findings } = await findingsOf(['.'], dir);
    const v6 = findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6.map((f) => f.related.filter((r) => r.message.includes('default')).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`))).toEqual([
      ["main.bicep:9:11 the value of parameter 'vms' (vms[1].size) is its default, written here"],
    ]);
  });

  test('ARM: a default read whole is pointed at whole', async () => {
    const withDefault = ARM_TEMPLATE.replace('"vms": { "type": "array" }', '"vms": { "type": "array", "defaultValue": [ { "name": "web1", "size": "Standard_D2s_v6" } ] }').replace(`"[parameters('vms')[copyIndex()].size]"`, `"[parameters('size')]"`).replace('"location": { "type": "string", "defaultValue": "eastus" },', '"location": { "type": "string", "defaultValue": "eastus" },\n    "size": { "type": "string", "defaultValue": "Standard_E2s_v6" },');
    const dir = workspace({ 'azuredeploy.json': withDefault }, 'vtaplint-entries-');
    const { findings } = await findingsOf(['.'], dir);
    const v6 = findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6.map((f) => f.related.filter((r) => r.message.includes('default')).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`))).toEqual([
      ["azuredeploy.json:6:49 the value of parameter 'size' is its default, written here"],
    ]);
  });
});

describe('resourceGroup().location of a group the deployment creates', () => {
  const MAIN = "targetScope = 'subscription'\nparam rgLocation string = 'westeurope'\n\nresource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {\n  name: 'rg-ndr'\n  location: rgLocation\n}\n\nmodule ndr 'ndr.bicep' = {\n  name: 'ndr'\n  scope: rg\n}\n";
  const NDR = "param location string = resourceGroup().location\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {}\n}\n\nresource tap2 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap2'\n  location: resourceGroup().location\n  properties: {}\n}\n";
  const related = async (dir: string, args: string[] = []) =>
    (await findingsOf(['.', ...args], dir)).findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => [f.file, f.line, f.related.map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`)]);

  test('Bicep: a module deployed into it points at the location the group is created with, and at what gave that (a module default that reads it too)', async () => {
    const dir = workspace({ 'main.bicep': MAIN, 'ndr.bicep': NDR }, 'vtaplint-group-');
    expect(await related(dir)).toEqual([
      ['ndr.bicep', 5, ["ndr.bicep:1:25 the value of parameter 'location' is its default, written here", "main.bicep:6:13 the location of resource group 'rg-ndr' (resourceGroup().location) is given here", "main.bicep:2:27 the value of parameter 'rgLocation' is its default, written here"]],
      ['ndr.bicep', 11, ["main.bicep:6:13 the location of resource group 'rg-ndr' (resourceGroup().location) is given here", "main.bicep:2:27 the value of parameter 'rgLocation' is its default, written here"]],
    ]);
    // Given on the command line, the value is the one given; the group's declaration still decides.
    const given = await related(dir, ['-p', 'rgLocation=centraluseuap']);
    expect(given.map((g) => (g[2] as string[]).includes("main.bicep:6:13 the location of resource group 'rg-ndr' (resourceGroup().location) is given here"))).toEqual([true, true]);
  });

  test('ARM: a nested deployment into the group a subscription deployment creates points at the group\'s location', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { rgLocation: { type: 'string', defaultValue: 'westeurope' } },
      resources: [
        { type: 'Microsoft.Resources/resourceGroups', apiVersion: '2024-03-01', name: 'rg-ndr', location: "[parameters('rgLocation')]" },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'ndr',
          resourceGroup: 'rg-ndr',
          dependsOn: ["[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg-ndr')]"],
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: '[resourceGroup().location]', properties: {} }],
            },
          },
        },
      ],
    };
    const dir = workspace({ 'azuredeploy.json': `${JSON.stringify(template, null, 2)}\n` }, 'vtaplint-group-');
    const found = await related(dir);
    expect(found).toHaveLength(1);
    expect(found[0]?.[2]).toEqual(["azuredeploy.json:15:19 the location of resource group 'rg-ndr' (resourceGroup().location) is given here", "azuredeploy.json:7:23 the value of parameter 'rgLocation' is its default, written here"]);
  });
});

describe('the name of an existing NIC a module loop was given', () => {
  test('points at the module parameter and at the entry of the .bicepparam list that named it', async () => {
    const dir = workspace({ 'main.bicep': "param location string = 'eastus'\nparam nics array\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' existing = {\n  name: 'hub-tap'\n}\n\nmodule cfg 'tapcfg.bicep' = [for c in nics: {\n  name: 'tapcfg-${c.nic}'\n  params: {\n    nicName: c.nic\n    tapId: tap.id\n  }\n}]\n", 'tapcfg.bicep': "param nicName string\nparam tapId string\n\nresource nic 'Microsoft.Network/networkInterfaces@2023-09-01' existing = {\n  name: nicName\n}\n\nresource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2023-09-01' = {\n  parent: nic\n  name: 'tapcfg'\n  properties: {\n    virtualNetworkTap: { id: tapId }\n  }\n}\n", 'main.bicepparam': "using 'main.bicep'\n\nparam nics = [\n  { nic: 'web1-nic' }\n  { nic: 'web2-nic' }\n]\n" }, 'vtaplint-entries-');
    const { findings } = await findingsOf(['.'], dir);
    const named = findings
      .filter((f) => f.ruleId === 'vtap-source-vm-nic')
      .map((f) => f.related.filter((r) => r.message.startsWith('the name ')).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`));
    expect(named).toEqual([
      ["main.bicep:11:14 the name 'web1-nic' is given here", "main.bicepparam:4:10 the name 'web1-nic' is given here"],
      ["main.bicep:11:14 the name 'web2-nic' is given here", "main.bicepparam:5:10 the name 'web2-nic' is given here"],
    ]);
  });
});

describe('parameterPath', () => {
  const ast = (s: string): Expr => {
    const r = parseTemplateString(s);
    if (r.kind !== 'expr') throw new Error(s);
    return r.ast;
  };
  const loop = { name: 'vmLoop', index: 2 };

  test('a path of properties and indexes into parameters(), copyIndex() as the instance evaluated it', () => {
    expect(parameterPath(ast("[parameters('vms')[copyIndex()].size]"), loop)).toEqual({ parameter: 'vms', path: [2, 'size'] });
    expect(parameterPath(ast("[parameters('vms')[copyIndex(1)]['os-disk'].size]"), loop)).toEqual({ parameter: 'vms', path: [3, 'os-disk', 'size'] });
    expect(parameterPath(ast("[parameters('vms')[copyIndex('VMLOOP', -1)].name]"), loop)).toEqual({ parameter: 'vms', path: [1, 'name'] });
    expect(parameterPath(ast("[parameters('vmConfig').size]"), undefined)).toEqual({ parameter: 'vmConfig', path: ['size'] });
  });

  test('anything else is no path: a call on the way, another loop, no loop, the whole parameter', () => {
    expect(parameterPath(ast("[toLower(parameters('vms')[copyIndex()].size)]"), loop)).toBeUndefined();
    expect(parameterPath(ast("[parameters('vms')[copyIndex('nicLoop')].size]"), loop)).toBeUndefined();
    expect(parameterPath(ast("[parameters('vms')[copyIndex()].size]"), undefined)).toBeUndefined();
    expect(parameterPath(ast("[parameters('vms')[copyIndex()].size]"), { name: 'vmLoop', index: undefined })).toBeUndefined();
    expect(parameterPath(ast("[parameters('vmSize')]"), loop)).toBeUndefined();
    expect(parameterPath(ast("[variables('vms')[0].size]"), loop)).toBeUndefined();
  });
});

describe('partGiven', () => {
  test('the span of the entry, and no answer where the entry has no place of its own or is absent', () => {
    const file = { path: 'p.json', kind: 'arm', text: '0123456789' } as never;
    const whole = new TextSpan(file, 0, 10);
    const entry = new TextSpan(file, 2, 5);
    const list = [ObjectValue.from([['size', 'Standard_D2s_v6']])];
    setElementSpans(list, [entry]);
    expect(partGiven(list, whole, [0])).toEqual({ span: entry, text: '[0]' });
    // The object inside has no spans of its own: its property is not placed.
    expect(partGiven(list, whole, [0, 'size'])).toBeUndefined();
    expect(partGiven(list, whole, [3])).toBeUndefined();
  });
});
