// ARM evaluates the body of every resource it deploys, and an expression that fails there fails
// the deployment. Which evaluation errors vtaplint reports must not depend on which rules are on,
// nor on which resources they happen to read: a web tier whose storage account, public IPs and
// VMs carry a tag no rule looks at fails in Azure all the same.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace } from './helpers.js';

const TAGS = { environment: "[parameters('tagValues').environment]", owner: "[parameters('tagValues').owner]" };

/** The web tier of a mirrored deployment; the TAP template joins its NICs to the collector's TAP. */
const WEB_TIER = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  metadata: { description: "The web tier of a mirrored deployment: VMs with public IPs and boot diagnostics. Their NICs are joined to the collector's virtual network TAP by the TAP template." },
  parameters: {
    location: { type: 'string', defaultValue: 'eastus' },
    webVmCount: { type: 'int', defaultValue: 2, minValue: 1, maxValue: 10 },
    adminUsername: { type: 'string', defaultValue: 'azureuser' },
    adminPublicKey: { type: 'securestring' },
    // No 'owner': every tag that reads it fails ("The language expression property 'owner' doesn't exist").
    tagValues: { type: 'object', defaultValue: { environment: 'prod', costCenter: '1234' } },
  },
  variables: {
    vnetName: 'web-vnet',
    subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', variables('vnetName'), 'web')]",
    diagStorageName: "[format('diag{0}', uniqueString(resourceGroup().id))]",
  },
  resources: [
    {
      type: 'Microsoft.Storage/storageAccounts',
      apiVersion: '2023-05-01',
      name: "[variables('diagStorageName')]",
      location: "[parameters('location')]",
      tags: TAGS,
      sku: { name: 'Standard_LRS' },
      kind: 'StorageV2',
      properties: { minimumTlsVersion: 'TLS1_2' },
    },
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: '2024-05-01',
      name: "[variables('vnetName')]",
      location: "[parameters('location')]",
      properties: { addressSpace: { addressPrefixes: ['10.20.0.0/16'] }, subnets: [{ name: 'web', properties: { addressPrefix: '10.20.1.0/24' } }] },
    },
    {
      copy: { name: 'webPips', count: "[parameters('webVmCount')]" },
      type: 'Microsoft.Network/publicIPAddresses',
      apiVersion: '2024-05-01',
      name: "[format('web-pip-{0}', copyIndex())]",
      location: "[parameters('location')]",
      tags: TAGS,
      sku: { name: 'Standard' },
      properties: { publicIPAllocationMethod: 'Static' },
    },
    {
      copy: { name: 'webNics', count: "[parameters('webVmCount')]" },
      type: 'Microsoft.Network/networkInterfaces',
      apiVersion: '2024-05-01',
      name: "[format('web-nic-{0}', copyIndex())]",
      location: "[parameters('location')]",
      tags: TAGS,
      dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]", "[resourceId('Microsoft.Network/publicIPAddresses', format('web-pip-{0}', copyIndex()))]"],
      properties: {
        ipConfigurations: [
          {
            name: 'ipconfig1',
            properties: {
              privateIPAllocationMethod: 'Dynamic',
              subnet: { id: "[variables('subnetId')]" },
              publicIPAddress: { id: "[resourceId('Microsoft.Network/publicIPAddresses', format('web-pip-{0}', copyIndex()))]" },
            },
          },
        ],
      },
    },
    {
      copy: { name: 'webVms', count: "[parameters('webVmCount')]" },
      type: 'Microsoft.Compute/virtualMachines',
      apiVersion: '2024-03-01',
      name: "[format('web-vm-{0}', copyIndex())]",
      location: "[parameters('location')]",
      tags: TAGS,
      dependsOn: ["[resourceId('Microsoft.Network/networkInterfaces', format('web-nic-{0}', copyIndex()))]", "[resourceId('Microsoft.Storage/storageAccounts', variables('diagStorageName'))]"],
      properties: {
        hardwareProfile: { vmSize: 'Standard_D2s_v5' },
        osProfile: {
          computerName: "[format('web-vm-{0}', copyIndex())]",
          adminUsername: "[parameters('adminUsername')]",
          linuxConfiguration: {
            disablePasswordAuthentication: true,
            ssh: { publicKeys: [{ path: "[format('/home/{0}/.ssh/authorized_keys', parameters('adminUsername'))]", keyData: "[parameters('adminPublicKey')]" }] },
          },
        },
        storageProfile: {
          imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
          osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } },
        },
        networkProfile: { networkInterfaces: [{ id: "[resourceId('Microsoft.Network/networkInterfaces', format('web-nic-{0}', copyIndex()))]" }] },
        diagnosticsProfile: {
          bootDiagnostics: { enabled: true, storageUri: "[format('https://{0}.blob.{1}/', variables('diagStorageName'), environment().suffixes.storage)]" },
        },
      },
    },
  ],
};

const TEXT = JSON.stringify(WEB_TIER, null, 2);

/** The same in Bicep: `object` lets the compiler pass `tagValues.owner`, and ARM fails on it. */
const WEB_TIER_BICEP = `// The web tier of a mirrored deployment; the TAP template joins its NICs to the collector's TAP.
param location string = 'eastus'
@minValue(1)
@maxValue(10)
param webVmCount int = 2
param tagValues object = {
  environment: 'prod'
  costCenter: '1234'
}

resource diag 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'diag\${uniqueString(resourceGroup().id)}'
  location: location
  tags: {
    environment: tagValues.environment
    owner: tagValues.owner
  }
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { minimumTlsVersion: 'TLS1_2' }
}

resource webPips 'Microsoft.Network/publicIPAddresses@2024-05-01' = [for i in range(0, webVmCount): {
  name: 'web-pip-\${i}'
  location: location
  tags: {
    environment: tagValues.environment
    owner: tagValues.owner
  }
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}]
`;

/** "line:column" of every `needle` in `text`, as findings place it. */
function places(text: string, needle: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text.slice(0, at).split('\n');
    out.push(`${before.length}:${(before.at(-1) as string).length + 1}`);
  }
  return out;
}

async function evaluationErrors(config?: unknown, file = 'webtier.json', text = TEXT): Promise<string[]> {
  const files: Record<string, string> = { [file]: text };
  if (config !== undefined) files['vtaplint.config.json'] = JSON.stringify(config);
  const dir = workspace(files);
  const { findings } = await findingsOf([file], dir);
  return findings.filter((f) => f.ruleId === 'evaluation-error').map((f) => `${f.line}:${f.column} ${f.message}`);
}

const MESSAGE = "The language expression property 'owner' doesn't exist, available properties are 'environment, costCenter'.";

describe('an expression that fails in a resource body', () => {
  // The storage account's, the public IPs', the NICs' and the VMs' tags: one finding each (the two
  // instances of a copy loop share the place), whether or not a rule reads the resource.
  const expected = places(TEXT, "parameters('tagValues').owner").map((p) => `${p} ${MESSAGE}`);

  test('is reported in every deployed resource, also those no rule reads', async () => {
    expect(expected).toHaveLength(4);
    expect(await evaluationErrors()).toEqual(expected);
  });

  test('is reported the same with a vTAP rule off, or all of them', async () => {
    expect(await evaluationErrors({ rules: { 'vtap-inline-config-readonly': 'off' } })).toEqual(expected);
    expect(await evaluationErrors({ tags: { vtap: 'off' } })).toEqual(expected);
  });

  test('is not reported with evaluation-error off', async () => {
    expect(await evaluationErrors({ rules: { 'evaluation-error': 'off' } })).toEqual([]);
  });

  test('in Bicep as well: the storage account once, the loop of public IPs once', async () => {
    const bicep = places(WEB_TIER_BICEP, 'tagValues.owner').map((p) => `${p} ${MESSAGE}`);
    expect(bicep).toHaveLength(2);
    expect(await evaluationErrors(undefined, 'main.bicep', WEB_TIER_BICEP)).toEqual(bicep);
    expect(await evaluationErrors({ tags: { vtap: 'off' } }, 'main.bicep', WEB_TIER_BICEP)).toEqual(bicep);
  });
});

// ARM evaluates the whole variables section of each template it deploys, read or not: a variable
// left over from an earlier version of the template fails the deployment all the same
// ("The template variable 'x' is not valid"). Each one once, with the same findings whatever
// rules are on; a nested template in the outer scope has no variables of its own to evaluate.
describe('a variable that fails, read or not', () => {
  const template = (variables: Record<string, unknown>, resources: unknown[] = []) =>
    `${JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { prefix: { type: 'string', defaultValue: 'web' }, tagValues: { type: 'object', defaultValue: { environment: 'prod' } } },
        variables,
        resources,
        outputs: { nicName: { type: 'string', value: "[variables('nicName')]" } },
      },
      null,
      2,
    )}\n`;
  const leftOver = {
    nicName: "[concat(parameters('prefix'), '-nic')]",
    // Left over: nothing reads them.
    legacyOwner: "[parameters('tagValues').owner]",
    legacySuffix: "[split(parameters('prefix'), '-')[1]]",
  };
  const text = template(leftOver);
  const expected = [
    `${places(text, "parameters('tagValues').owner")[0]} The language expression property 'owner' doesn't exist, available properties are 'environment'.`,
    `${places(text, "split(parameters('prefix'), '-')[1]")[0]} The language expression property array index '1' is out of bounds (the array has 1 elements).`,
  ];

  test('is reported once, also when nothing reads it, whatever rules are on', async () => {
    expect(await evaluationErrors(undefined, 'legacy.json', text)).toEqual(expected);
    expect(await evaluationErrors({ tags: { vtap: 'off' } }, 'legacy.json', text)).toEqual(expected);
    expect(await evaluationErrors({ rules: { 'evaluation-error': 'off' } }, 'legacy.json', text)).toEqual([]);
  });

  test("in a nested template with its own scope, not in one that uses its parent's", async () => {
    const nested = (scope: 'inner' | 'outer') => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: `nested-${scope}`,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope },
        template: {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          variables: { [`${scope}Broken`]: "[int('not a number')]" },
          resources: [],
        },
      },
    });
    const t = template({ nicName: 'web-nic' }, [nested('inner'), nested('outer')]);
    expect(await evaluationErrors(undefined, 'nested.json', t)).toEqual([`${places(t, "'not a number'")[0]} The template function 'int' can't convert the string 'not a number' to an integer.`]);
  });

  test('in Bicep as well; another scope as a value is the empty object the compiler writes', async () => {
    const bicep = [
      "param prefix string = 'web'",
      'var nicName = \'${prefix}-nic\'',
      "var legacySuffix = split(prefix, '-')[1]",
      "var otherScopes = { sub: subscription('00000000-0000-0000-0000-000000000001'), rg: resourceGroup('00000000-0000-0000-0000-000000000001', 'hub-rg') }",
      'output nicName string = nicName',
      '',
    ].join('\n');
    expect(await evaluationErrors(undefined, 'main.bicep', bicep)).toEqual([
      `${places(bicep, "split(prefix, '-')[1]")[0]} The language expression property array index '1' is out of bounds (the array has 1 elements).`,
    ]);
  });

  test('in Bicep, not when the compiler inlines the variable (it reads runtime state) and nothing uses it: it is not in the compiled template', async () => {
    // The web tier's storage accounts in a loop. `legacyIds` only reads their ids, which the
    // compiler writes as a variable of the template, and ARM evaluates it: index 2 of 2 fails.
    // `legacyEndpoints` reads their runtime state (reference()), and `legacyBoth` reads it through
    // `legacyEndpoints`: the compiler inlines both where they are used, and nothing uses them.
    const bicep = [
      "param location string = 'eastus'",
      "resource diag 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 2): {",
      "  name: 'webdiag${i}${uniqueString(resourceGroup().id)}'",
      '  location: location',
      "  sku: { name: 'Standard_LRS' }",
      "  kind: 'StorageV2'",
      '}]',
      'var legacyIds = [for i in range(0, 2): diag[i + 1].id]',
      'var legacyEndpoints = [for i in range(0, 2): diag[i + 1].properties.primaryEndpoints.blob]',
      'var legacyBoth = [for (e, i) in legacyEndpoints: { endpoint: e, id: diag[i + 2].id }]',
      "var legacyKeys = [for i in range(0, 2): { key: diag[i + 3].listKeys().keys[0].value }]",
      'output firstDiag string = diag[0].name',
      '',
    ].join('\n');
    expect(await evaluationErrors(undefined, 'web.bicep', bicep)).toEqual([
      `${places(bicep, 'i + 1].id]')[0]} The language expression property array index '2' is out of bounds (the array has 2 elements).`,
    ]);
  });
});
