// "The value of parameter 'x' is given here" for a value built inside an expression: a property of
// an object written in a union(), a spread or a ternary (Bicep), an argument of createObject()
// (ARM). The finding is at the part; the related location is where the value the part read was
// given, and not where the expression's other parts' values were.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace, type JsonFinding } from './helpers.js';

/** A network, a collector NIC and a TAP whose `properties` are `tapProperties`. */
function bicepMain(params: string, tapProperties: string): string {
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
    `  properties: ${tapProperties}`,
    '}',
    '',
  ].join('\n');
}

const DESTINATION = "destinationNetworkInterfaceIPConfiguration: { id: '${collectorNic.id}/ipConfigurations/ipconfig1' }";

/** The destination-port finding, as "file:line:column", and its "given here" locations. */
async function portFinding(dir: string, args: string[]): Promise<{ at: string; given: string[] }> {
  const { findings } = await findingsOf(args, dir);
  const port = findings.filter((f) => f.ruleId === 'vtap-destination-port');
  expect(port).toHaveLength(1);
  const f = port[0] as JsonFinding;
  return {
    at: `${f.file}:${f.line}:${f.column}`,
    given: f.related.flatMap((r) => {
      const m = /^the value of parameter '(.*)' is given here$/.exec(r.message);
      return m ? [`${r.file}:${r.line}:${r.column} ${m[1]}`] : [];
    }),
  };
}

describe('values given for a part of an expression', () => {
  const params = ['param port int = 4789', 'param collectorSettings object = {}', ''].join('\n');
  const bicepparam = "using 'main.bicep'\n\nparam port = 8888\nparam collectorSettings = { tags: { team: 'netops' } }\n";

  test('Bicep: a property of an object written in union() points at the .bicepparam line of its own parameter only', async () => {
    const dir = workspace({ 'main.bicep': bicepMain(params, `union(collectorSettings, { ${DESTINATION}, destinationPort: port })`), 'main.bicepparam': bicepparam });
    expect(await portFinding(dir, ['main.bicepparam'])).toEqual({ at: 'main.bicep:17:160', given: ['main.bicepparam:3:14 port'] });
  });

  test('Bicep: the same through a spread and through a variable', async () => {
    const withVar = `${params}var mirrorPort = port\n`;
    const dir = workspace({ 'main.bicep': bicepMain(withVar, `{ ...collectorSettings, ${DESTINATION}, destinationPort: mirrorPort }`), 'main.bicepparam': bicepparam });
    const r = await portFinding(dir, ['main.bicepparam']);
    expect(r.given).toEqual(['main.bicepparam:3:14 port']);
  });

  test('Bicep: the branch of a ternary the condition chose', async () => {
    const withFlag = `${params}param useDefaults bool = false\n`;
    const dir = workspace({
      'main.bicep': bicepMain(withFlag, `useDefaults ? { ${DESTINATION} } : { ${DESTINATION}, destinationPort: port }`),
      'main.bicepparam': bicepparam,
    });
    expect((await portFinding(dir, ['main.bicepparam'])).given).toEqual(['main.bicepparam:3:14 port']);
  });

  test('Bicep: a literal in the branch of a ternary points at the value that chose the branch', async () => {
    const withFlag = `${params}param customPort bool = false\n`;
    const dir = workspace({
      'main.bicep': bicepMain(withFlag, `customPort ? { ${DESTINATION}, destinationPort: 8888 } : { ${DESTINATION} }`),
      'main.bicepparam': "using 'main.bicep'\n\nparam customPort = true\n",
    });
    expect((await portFinding(dir, ['main.bicepparam'])).given).toEqual(['main.bicepparam:3:20 customPort']);
  });

  test('Bicep: a literal part of the object lists no parameter the rest of the expression read', async () => {
    const dir = workspace({ 'main.bicep': bicepMain(params, `union(collectorSettings, { ${DESTINATION}, destinationPort: 8888 })`), 'main.bicepparam': bicepparam });
    expect((await portFinding(dir, ['main.bicepparam'])).given).toEqual([]);
  });

  test('ARM JSON: an argument of createObject() read through a variable points at the parameters file entry', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { port: { type: 'int', defaultValue: 4789 }, extra: { type: 'object', defaultValue: {} } },
      variables: { mirrorPort: "[parameters('port')]" },
      resources: [
        {
          type: 'Microsoft.Network/networkInterfaces',
          apiVersion: '2024-05-01',
          name: 'collector-nic',
          location: 'eastus',
          properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/default' } } }] },
        },
        {
          type: 'Microsoft.Network/virtualNetworkTaps',
          apiVersion: '2024-05-01',
          name: 'tap1',
          location: 'eastus',
          dependsOn: ["[resourceId('Microsoft.Network/networkInterfaces', 'collector-nic')]"],
          properties:
            "[union(parameters('extra'), createObject('destinationNetworkInterfaceIPConfiguration', createObject('id', resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')), 'destinationPort', variables('mirrorPort')))]",
        },
      ],
    };
    const parameters = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: { port: { value: 8888 }, extra: { value: { tags: { team: 'netops' } } } },
    };
    const dir = workspace({ 'azuredeploy.json': JSON.stringify(template, null, 2), 'azuredeploy.parameters.json': JSON.stringify(parameters, null, 2) });
    const r = await portFinding(dir, ['azuredeploy.json']);
    expect(r.given).toEqual(['azuredeploy.parameters.json:6:16 port']);
  });
});
