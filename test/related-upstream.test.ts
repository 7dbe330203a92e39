// "The value of parameter 'x' is given here" follows a value through the modules (and nested or
// linked deployments) that pass it on: a finding in a module points at the module call that
// passed the value and at the parameters file or .bicepparam line that gave it, however many
// modules deep, also when the parent computed it with a ternary or a variable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace, type JsonFinding } from './helpers.js';

const WEB_VM = readFileSync(path.join(REPO, 'fixtures/bicep-modules/modules/web-vm.bicep'), 'utf8');

/** A network, a collector NIC and a TAP; `rest` deploys the source VM (a module call). */
function bicepMain(params: string, rest: string): string {
  return [
    params,
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
    "  name: 'vtap-vnet'",
    "  location: 'eastus'",
    "  properties: { addressSpace: { addressPrefixes: [ '10.40.0.0/16' ] }, subnets: [ { name: 'default', properties: { addressPrefix: '10.40.0.0/24' } } ] }",
    '}',
    "resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
    "  name: 'collector-nic'",
    "  location: 'eastus'",
    "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: '${vnet.id}/subnets/default' } } } ] }",
    '}',
    "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
    "  name: 'tap1'",
    "  location: 'eastus'",
    "  properties: { destinationNetworkInterfaceIPConfiguration: { id: '${collectorNic.id}/ipConfigurations/ipconfig1' } }",
    '}',
    rest,
    '',
  ].join('\n');
}

const tempDir = (files: Record<string, string>): string => workspace(files, 'vtaplint-upstream-');

/** The "given here" locations of the v6 finding, in order, as "file:line:column parameter". */
async function givenHere(dir: string, args = ['.']): Promise<string[]> {
  const { findings } = await findingsOf(args, dir);
  const v6 = findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
  expect(v6).toHaveLength(1);
  return given(v6[0] as JsonFinding);
}

function given(f: JsonFinding): string[] {
  return f.related.flatMap((r) => {
    // An entry of a parameter's value: "the value of 'vmConfig.size' (parameter 'vmConfig')".
    const m = /^the value of (?:parameter '(.*)'|'(.*)' \(parameter '.*'\)) is given here$/.exec(r.message);
    return m ? [`${r.file}:${r.line}:${r.column} ${m[1] ?? m[2]}`] : [];
  });
}

const MODULE_CALL = (value: string): string =>
  ["module web 'modules/web-vm.bicep' = {", "  name: 'web'", '  params: {', "    location: 'eastus'", "    subnetId: '${vnet.id}/subnets/default'", '    tapId: tap.id', `    vmSize: ${value}`, '  }', '}'].join('\n');

describe('values given through modules and nested deployments', () => {
  test('Bicep: a module parameter set from a .bicepparam value points at the module call and at the .bicepparam line', async () => {
    const dir = tempDir({
      'main.bicep': bicepMain('param workloadSize string = \'Standard_D4s_v5\'', MODULE_CALL('workloadSize')),
      'modules/web-vm.bicep': WEB_VM,
      'prod.bicepparam': "using 'main.bicep'\nparam workloadSize = 'Standard_D4s_v6'\n",
    });
    // Innermost hop first: the module call in main.bicep (line 23), then where main.bicep's value was given.
    expect(await givenHere(dir)).toEqual(['main.bicep:23:13 vmSize', 'prod.bicepparam:2:22 workloadSize']);
  });

  test('Bicep: through two module levels, every hop and then the .bicepparam line', async () => {
    const mid = [
      'param tapId string',
      'param subnetId string',
      'param size string',
      "module web 'web-vm.bicep' = {",
      "  name: 'web'",
      "  params: { location: 'eastus', subnetId: subnetId, tapId: tapId, vmSize: size }",
      '}',
      '',
    ].join('\n');
    const call = ["module tier 'modules/mid.bicep' = {", "  name: 'tier'", "  params: { tapId: tap.id, subnetId: '${vnet.id}/subnets/default', size: workloadSize }", '}'].join('\n');
    const dir = tempDir({
      'main.bicep': bicepMain("param workloadSize string = 'Standard_D4s_v5'", call),
      'modules/mid.bicep': mid,
      'modules/web-vm.bicep': WEB_VM,
      'prod.bicepparam': "using 'main.bicep'\nparam workloadSize = 'Standard_D4s_v6'\n",
    });
    expect(await givenHere(dir)).toEqual(['modules/mid.bicep:6:75 vmSize', 'main.bicep:19:74 size', 'prod.bicepparam:2:22 workloadSize']);
  });

  test('Bicep: a ternary and a variable of the parent lead to every .bicepparam value they read', async () => {
    const dir = tempDir({
      'main.bicep': bicepMain(
        "param big bool = false\nparam bigSize string = 'Standard_D8s_v5'\nvar size = big ? bigSize : 'Standard_D2s_v5'",
        MODULE_CALL('size'),
      ),
      'modules/web-vm.bicep': WEB_VM,
      'prod.bicepparam': "using 'main.bicep'\nparam big = true\nparam bigSize = 'Standard_D8s_v6'\n",
    });
    const sources = await givenHere(dir);
    expect(sources[0]).toBe('main.bicep:25:13 vmSize');
    expect(sources.slice(1).sort()).toEqual(['prod.bicepparam:2:13 big', 'prod.bicepparam:3:17 bigSize']);
  });

  test('Bicep: a ternary written in the module call itself', async () => {
    const dir = tempDir({
      'main.bicep': bicepMain("param big bool = false", MODULE_CALL("big ? 'Standard_D8s_v6' : 'Standard_D2s_v5'")),
      'modules/web-vm.bicep': WEB_VM,
      'prod.bicepparam': "using 'main.bicep'\nparam big = true\n",
    });
    expect(await givenHere(dir)).toEqual(['main.bicep:23:13 vmSize', 'prod.bicepparam:2:13 big']);
  });

  test('a module declared twice: a finding in one entry points at that entry\'s value only', async () => {
    // Both entries evaluate vm.bicep's `vmSize: vmSize`; the finding is about web1's VM.
    const second = MODULE_CALL("'Standard_D2s_v5'").replace("module web '", "module web2 '").replace("name: 'web'", "name: 'web2'\n  scope: resourceGroup('other-rg')");
    const dir = tempDir({
      'main.bicep': bicepMain('', `${MODULE_CALL("'Standard_D2s_v6'")}\n${second}`),
      'modules/web-vm.bicep': WEB_VM,
    });
    const sources = await givenHere(dir);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatch(/^main\.bicep:\d+:\d+ vmSize$/);
    const line = Number(/^main\.bicep:(\d+):/.exec(sources[0] as string)?.[1]);
    expect(readFileSync(path.join(dir, 'main.bicep'), 'utf8').split('\n')[line - 1]).toContain("'Standard_D2s_v6'");
  });

  test('each place is listed once, in the order the module read its parameters', async () => {
    // The module reads two parameters, both given from the one .bicepparam value.
    const leaf = WEB_VM.replace('param vmSize string', "param vmSize string\nparam sizeOverride string = ''").replace('vmSize: vmSize', 'vmSize: vmSize == sizeOverride ? sizeOverride : vmSize');
    const call = MODULE_CALL('workloadSize').replace('    vmSize: workloadSize', '    vmSize: workloadSize\n    sizeOverride: workloadSize');
    const dir = tempDir({
      'main.bicep': bicepMain("param workloadSize string = 'Standard_D4s_v5'", call),
      'modules/web-vm.bicep': leaf,
      'prod.bicepparam': "using 'main.bicep'\nparam workloadSize = 'Standard_D4s_v6'\n",
    });
    expect(await givenHere(dir)).toEqual(['main.bicep:23:13 vmSize', 'prod.bicepparam:2:22 workloadSize', 'main.bicep:24:19 sizeOverride']);
  });

  test('an object written out in the module call: the entry the module read, and the values read inside it', async () => {
    const leaf = WEB_VM.replace('param vmSize string', 'param vmConfig object').replace('vmSize: vmSize', 'vmSize: vmConfig.size');
    const call = MODULE_CALL('workloadSize').replace('    vmSize: workloadSize', "    vmConfig: {\n      size: workloadSize\n      tier: 'web'\n    }");
    const dir = tempDir({
      'main.bicep': bicepMain("param workloadSize string = 'Standard_D4s_v5'", call),
      'modules/web-vm.bicep': leaf,
      'prod.bicepparam': "using 'main.bicep'\nparam workloadSize = 'Standard_D4s_v6'\n",
    });
    // `vmConfig.size`: the `size: workloadSize` entry of the object (line 24), not the object's start.
    expect(await givenHere(dir)).toEqual(['main.bicep:24:13 vmConfig.size', 'prod.bicepparam:2:22 workloadSize']);
  });

  test('a literal in the module call has no source further up', async () => {
    const dir = tempDir({
      'main.bicep': bicepMain("param workloadSize string = 'Standard_D4s_v5'", MODULE_CALL("'Standard_D4s_v6'")),
      'modules/web-vm.bicep': WEB_VM,
      'prod.bicepparam': "using 'main.bicep'\nparam workloadSize = 'Standard_D4s_v6'\n",
    });
    expect(await givenHere(dir)).toEqual(['main.bicep:23:13 vmSize']);
  });
});

/** An ARM template deploying the web VM, its NIC and a TAP; vmSize is its parameter. */
function armInner(): object {
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { vmSize: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Network/networkInterfaces',
        apiVersion: '2024-05-01',
        name: 'collector-nic',
        location: 'eastus',
        properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]" } } }] },
      },
      {
        type: 'Microsoft.Network/networkInterfaces',
        apiVersion: '2024-05-01',
        name: 'web-nic',
        location: 'eastus',
        properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]" } } }] },
      },
      {
        type: 'Microsoft.Compute/virtualMachines',
        apiVersion: '2024-03-01',
        name: 'web-vm',
        location: 'eastus',
        properties: {
          hardwareProfile: { vmSize: "[parameters('vmSize')]" },
          networkProfile: { networkInterfaces: [{ id: "[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]" }] },
        },
      },
      {
        type: 'Microsoft.Network/virtualNetworkTaps',
        apiVersion: '2024-05-01',
        name: 'tap1',
        location: 'eastus',
        properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]" } },
      },
      {
        type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
        apiVersion: '2024-05-01',
        name: 'web-nic/to-collector',
        dependsOn: ["[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]"],
        properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]" } },
      },
    ],
  };
}

/** The parent template: its vmSize parameter (from the parameters file) passed to a deployment. */
function armParent(deploymentProperties: object): string {
  const doc = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { vmSize: { type: 'string', defaultValue: 'Standard_D4s_v5' } },
    resources: [
      { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'web', properties: { mode: 'Incremental', ...deploymentProperties } },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const PARAMETERS_FILE = `${JSON.stringify(
  { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { vmSize: { value: 'Standard_D4s_v6' } } },
  null,
  2,
)}\n`;

describe('ARM: values given through nested and linked deployments', () => {
  test("a nested deployment's parameter read from the parent's parameters('vmSize') points at the deployment's entry and at the parameters file", async () => {
    const dir = tempDir({
      'main.json': armParent({
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { vmSize: { value: "[parameters('vmSize')]" } },
        template: armInner(),
      }),
      'main.parameters.json': PARAMETERS_FILE,
    });
    const sources = await givenHere(dir, ['main.json']);
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatch(/^main\.json:\d+:\d+ vmSize$/);
    expect(sources[1]).toBe('main.parameters.json:6:16 vmSize');
    // The first is the nested deployment's parameters entry.
    const line = Number(sources[0]?.split(':')[1]);
    expect(readFileSync(path.join(dir, 'main.json'), 'utf8').split('\n')[line - 1]).toContain("[parameters('vmSize')]");
  });

  test('an object value of a nested deployment parameter, with the parent\'s parameter inside', async () => {
    const inner = armInner() as { parameters: object; resources: { properties: { hardwareProfile?: { vmSize: string } } }[] };
    inner.parameters = { vm: { type: 'object' } };
    const vm = inner.resources.find((r) => r.properties.hardwareProfile);
    if (vm?.properties.hardwareProfile) vm.properties.hardwareProfile.vmSize = "[parameters('vm').size]";
    const dir = tempDir({
      'main.json': armParent({
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { vm: { value: { size: "[parameters('vmSize')]", tier: 'web' } } },
        template: inner,
      }),
      'main.parameters.json': PARAMETERS_FILE,
    });
    const sources = await givenHere(dir, ['main.json']);
    expect(sources).toHaveLength(2);
    // parameters('vm').size: the deployment's `size` entry, not the start of its object.
    expect(sources[0]).toMatch(/^main\.json:\d+:\d+ vm\.size$/);
    const line = Number(sources[0]?.split(':')[1]);
    expect(readFileSync(path.join(dir, 'main.json'), 'utf8').split('\n')[line - 1]).toContain('"size": "[parameters(\'vmSize\')]"');
    expect(sources[1]).toBe('main.parameters.json:6:16 vmSize');
  });

  test('a linked template (relativePath) whose parameter the parent passes through a variable and a ternary', async () => {
    const dir = tempDir({
      'main.json': armParent({
        parameters: { vmSize: { value: "[if(equals(variables('size'), 'none'), 'Standard_D2s_v5', variables('size'))]" } },
        templateLink: { relativePath: 'linked/web.json' },
      }).replace('"resources"', '"variables": { "size": "[parameters(\'vmSize\')]" },\n  "resources"'),
      'main.parameters.json': PARAMETERS_FILE,
      'linked/web.json': `${JSON.stringify(armInner(), null, 2)}\n`,
    });
    const { findings } = await findingsOf(['main.json'], dir);
    const v6 = findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6).toHaveLength(1);
    expect(v6[0]?.file).toBe('linked/web.json');
    const sources = given(v6[0] as JsonFinding);
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatch(/^main\.json:\d+:\d+ vmSize$/);
    expect(sources[1]).toBe('main.parameters.json:6:16 vmSize');
  });
});
