// dependsOn resolution as the Bicep compiler writes it: a loop's symbolic name stands for every
// instance, "coll[i]" for one instance; lowered Bicep must give the same edges as its JSON.
import { describe, expect, it } from 'vitest';
import { analyze } from '../deploy/helpers.js';
import type { Analysis } from '../../src/engine/analyze.js';
import { formatId } from '../../src/deploy/resource-id.js';
import { Unknown } from '../../src/expr/value.js';

type Done = Extract<Analysis, { kind: 'template' }>;

/** "from -> to" for every dependsOn edge, by resource name. */
function deps(a: Done): string[] {
  const name = (id: Parameters<typeof formatId>[0]): string => formatId(id).split('/').pop() ?? '';
  return a.graph
    .edges()
    .filter((e) => e.kind === 'dependsOn')
    .map((e) => `${name(e.from.id)} -> ${name(e.to.id)}`)
    .sort();
}

const loop20 = (dependsOn: string[]) => ({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  languageVersion: '2.0',
  contentVersion: '1.0.0.0',
  resources: {
    ips: { copy: { name: 'ips', count: 3 }, type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-04-01', name: "[format('ip{0}', copyIndex())]" },
    nic: { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2023-04-01', name: 'nic', dependsOn },
  },
});

describe('dependsOn on loops', () => {
  it('a loop symbol names all instances, coll[i] one instance', () => {
    expect(deps(analyze({ 'main.json': loop20(['ips']) }).a)).toEqual(['nic -> ip0', 'nic -> ip1', 'nic -> ip2']);
    expect(deps(analyze({ 'main.json': loop20(["[format('ips[{0}]', 1)]"]) }).a)).toEqual(['nic -> ip1']);
  });

  it('Bicep: indexed references depend on that instance, whole-loop references on all', () => {
    const bicep = [
      "resource ips 'Microsoft.Network/publicIPAddresses@2023-04-01' = [for i in range(0, 3): {",
      "  name: 'ip${i}'",
      '}]',
      "resource one 'Microsoft.Network/networkInterfaces@2023-04-01' = {",
      "  name: 'one'",
      '  properties: { ip: ips[1].id }',
      '}',
      "resource all 'Microsoft.Network/networkInterfaces@2023-04-01' = {",
      "  name: 'all'",
      '  properties: { ip: ips[0].id }',
      '  dependsOn: [ ips ]',
      '}',
      "resource each 'Microsoft.Network/networkInterfaces@2023-04-01' = [for i in range(0, 3): {",
      "  name: 'each${i}'",
      '  properties: { ip: ips[i].id }',
      '}]',
      "resource lambda 'Microsoft.Network/networkInterfaces@2023-04-01' = {",
      "  name: 'lambda'",
      '  properties: { ips: [for j in range(0, 2): ips[j].id] }',
      '}',
    ].join('\n');
    const a = analyze({ 'main.bicep': bicep }).a;
    expect(a.graph.unresolvedDependsOn).toEqual([]);
    expect(deps(a)).toEqual([
      'all -> ip0',
      'all -> ip1',
      'all -> ip2',
      'each0 -> ip0',
      'each1 -> ip1',
      'each2 -> ip2',
      // a property loop's variable does not exist at the resource level: the whole loop
      'lambda -> ip0',
      'lambda -> ip1',
      'lambda -> ip2',
      'one -> ip1',
    ]);
  });
});

describe('Bicep and its JSON agree', () => {
  it('a dependsOn on a symbol whose condition is false is ignored, not unresolved', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: {
        off: { condition: false, type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name: 'off' },
        nic: { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2023-04-01', name: 'nic', dependsOn: ['off'] },
      },
    };
    const a = analyze({ 'main.json': t }).a;
    expect(a.graph.edges().filter((e) => e.kind === 'dependsOn')).toEqual([]);
    expect(a.graph.unresolvedDependsOn).toEqual([]);
  });

  it('objects keyed by a partly known id keep their shape, in JSON and in Bicep', () => {
    const json = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Compute/virtualMachines',
          apiVersion: '2023-03-01',
          name: 'vm',
          identity: { type: 'UserAssigned', userAssignedIdentities: { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]": {} } },
        },
      ],
    };
    const bicep = [
      "resource id1 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = { name: 'id1' }",
      "resource vm 'Microsoft.Compute/virtualMachines@2023-03-01' = {",
      "  name: 'vm'",
      "  identity: { type: 'UserAssigned', userAssignedIdentities: { '${id1.id}': {} } }",
      '}',
    ].join('\n');
    const keys = (a: Done): string[] => {
      const vm = a.graph.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachines');
      const ids = vm?.body.get('identity');
      const uai = ids && typeof ids === 'object' && 'get' in ids ? ids.get('userAssignedIdentities') : undefined;
      return uai && typeof uai === 'object' && 'keys' in uai ? [...uai.keys()].map(String) : [];
    };
    const expected = [
      '{/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1}',
    ];
    expect(keys(analyze({ 'main.json': json }).a)).toEqual(expected);
    expect(keys(analyze({ 'main.bicep': bicep }).a)).toEqual(expected);
  });

  it("a child's .name is its own name, as declared", () => {
    const bicep = [
      "resource f 'Microsoft.DataFactory/factories@2018-06-01' = { name: 'df' }",
      "resource ls 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {",
      '  parent: f',
      "  name: 'store'",
      '}',
      "resource ds 'Microsoft.DataFactory/factories/datasets@2018-06-01' = {",
      '  parent: f',
      "  name: 'set'",
      '  properties: { linkedServiceName: { referenceName: ls.name } }',
      '}',
    ].join('\n');
    const a = analyze({ 'main.bicep': bicep }).a;
    const ds = a.graph.resources.find((r) => r.type.endsWith('/datasets'));
    const p = ds?.body.get('properties');
    const ref = p && typeof p === 'object' && 'get' in p ? p.get('linkedServiceName') : undefined;
    expect(ref && typeof ref === 'object' && 'get' in ref ? ref.get('referenceName') : undefined).toBe('store');
  });
});

describe('nested deployments into another resource group', () => {
  it('are created in that resource group, where a dependsOn by resourceId finds them', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'hub', resourceGroup: 'hub-rg', properties: { mode: 'Incremental', template: { resources: [] } } },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'spoke',
          resourceGroup: 'spoke-rg',
          properties: { mode: 'Incremental', template: { resources: [] } },
          dependsOn: ["[extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, 'hub-rg'), 'Microsoft.Resources/deployments', 'hub')]"],
        },
      ],
    };
    const a = analyze({ 'main.json': t }).a;
    expect(a.graph.unresolvedDependsOn).toEqual([]);
    expect(deps(a)).toEqual(['spoke -> hub']);
    expect(formatId(a.graph.resources[0]!.id)).toBe('/subscriptions/{subscription().subscriptionId}/resourceGroups/hub-rg/providers/Microsoft.Resources/deployments/hub');
  });
});


describe('Bicep lowering details the compiler shows in its JSON', () => {
  it('@description on resources and modules becomes metadata; a missing load*() file is unknown, not null', () => {
    const bicep = [
      "@description('the NIC')",
      "resource nic 'Microsoft.Network/networkInterfaces@2023-04-01' = {",
      "  name: 'nic'",
      "  properties: { note: loadTextContent('missing.txt') }",
      '}',
      "@description('the module')",
      "module m 'm.bicep' = { name: 'm' }",
    ].join('\n');
    const a = analyze({ 'main.bicep': bicep, 'm.bicep': "param x string = 'y'\n" }).a;
    const get = (v: unknown, k: string): unknown => (v && typeof v === 'object' && 'get' in v ? (v as { get(k: string): unknown }).get(k) : undefined);
    const nic = a.graph.resources.find((r) => r.type === 'Microsoft.Network/networkInterfaces');
    const m = a.graph.resources.find((r) => r.type === 'Microsoft.Resources/deployments');
    expect(get(get(nic?.body, 'metadata'), 'description')).toBe('the NIC');
    expect(get(get(m?.body, 'metadata'), 'description')).toBe('the module');
    const note = get(get(nic?.body, 'properties'), 'note');
    expect(note).toBeInstanceOf(Unknown);
    expect((note as Unknown).reason.code).toBe('not-fetched');
    expect(a.diagnostics.some((d) => /loadTextContent\(\): the file 'missing.txt' does not exist/.test(d.message))).toBe(true);
    // A module without `params` has no parameters entry (the compiler writes none).
    expect(get(m?.body, 'properties') && get(get(m?.body, 'properties'), 'parameters')).toBeUndefined();
  });
});

describe('module scopes as the compiler writes them', () => {
  it('from a resource group: subscription() gets the subscription id, and the location is resourceGroup().location', () => {
    const bicep = ["module sub 'sub.bicep' = {", "  name: 'sub'", '  scope: subscription()', '}'].join('\n');
    const a = analyze({ 'main.bicep': bicep, 'sub.bicep': "targetScope = 'subscription'\n" }).a;
    const m = a.graph.resources.find((r) => r.type === 'Microsoft.Resources/deployments');
    const sym = (v: unknown): unknown => (v instanceof Unknown ? v.symbol : v);
    expect(sym(m?.body.get('subscriptionId'))).toBe('subscription().subscriptionId');
    expect(sym(m?.body.get('location'))).toBe('resourceGroup().location');
  });
});

describe('instances of loops whose count is known only at deployment', () => {
  const bicep = (index: string) =>
    [
      'param names array',
      "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = [for n in names: { name: n }]",
      "resource fd 'Microsoft.Network/frontDoors@2020-05-01' = [for (n, i) in names: {",
      "  name: 'fd${i}'",
      `  properties: { a: sa[${index}].properties.primaryEndpoints, b: sa[${index}].properties.primaryEndpoints }`,
      '}]',
    ].join('\n');
  // What the compiler writes for it (languageVersion 1.0): the dependency as a resourceId().
  const json = (index: string) => ({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { names: { type: 'array' } },
    resources: [
      { copy: { name: 'sa', count: "[length(parameters('names'))]" }, type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[parameters('names')[copyIndex()]]" },
      {
        copy: { name: 'fd', count: "[length(parameters('names'))]" },
        type: 'Microsoft.Network/frontDoors',
        apiVersion: '2020-05-01',
        name: "[format('fd{0}', copyIndex())]",
        dependsOn: [`[resourceId('Microsoft.Storage/storageAccounts', parameters('names')[${index}])]`],
      },
    ],
  });

  it('coll[i] with the loop index names the representative instance, as its resourceId form does', () => {
    const fromBicep = analyze({ 'main.bicep': bicep('i') }).a;
    const fromJson = analyze({ 'main.json': json('copyIndex()') }).a;
    const expected = ["fd{copyIndex()} -> {parameters('names')[copyIndex()]}"];
    expect(deps(fromJson)).toEqual(expected);
    // two references, two entries (the compiler keeps one per referencing expression), one edge each
    expect(deps(fromBicep)).toEqual([...expected, ...expected]);
    expect(fromBicep.graph.unresolvedDependsOn).toHaveLength(0);
  });

  it('another index names no instance that can be told, in either form', () => {
    const fromBicep = analyze({ 'main.bicep': bicep('i + 1') }).a;
    const fromJson = analyze({ 'main.json': json('add(copyIndex(), 1)') }).a;
    expect(deps(fromJson)).toEqual([]);
    expect(deps(fromBicep)).toEqual([]);
    expect(fromBicep.graph.unresolvedDependsOn).toHaveLength(2);
  });
});

describe('existing resources in another resource group', () => {
  it('are scoped there in JSON (subscriptionId/resourceGroup) and in Bicep (scope: resourceGroup(...)) alike', () => {
    const json = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: {
        kv: { existing: true, type: 'Microsoft.KeyVault/vaults', apiVersion: '2019-09-01', subscriptionId: 'sub-1', resourceGroup: 'rg-1', name: 'kv1' },
      },
    };
    const bicep = [
      "resource kv 'Microsoft.KeyVault/vaults@2019-09-01' existing = {",
      "  name: 'kv1'",
      "  scope: resourceGroup('sub-1', 'rg-1')",
      '}',
      "resource sql 'Microsoft.Sql/servers@2021-11-01' = {",
      "  name: 'sql-${n}'",
      '}',
      "var cfg = { 'server-name': 'x' }",
      "var n = nameof(cfg['server-name'])",
    ].join('\n');
    const ids = (a: Done): string[] => a.graph.resources.map((r) => formatId(r.id));
    expect(ids(analyze({ 'main.json': json }).a)).toEqual(['/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.KeyVault/vaults/kv1']);
    expect(ids(analyze({ 'main.bicep': bicep }).a)).toEqual([
      '/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.KeyVault/vaults/kv1',
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Sql/servers/sql-server-name',
    ]);
  });
});

describe('nameof()', () => {
  it('depends on the module it names, as the compiler does', () => {
    const bicep = ["module a 'm.bicep' = { name: 'a' }", "module b 'm.bicep' = {", "  name: 'b'", '  params: { p: nameof(a) }', '}'].join('\n');
    const a = analyze({ 'main.bicep': bicep, 'm.bicep': "param p string = ''\n" }).a;
    expect(deps(a)).toEqual(['b -> a']);
  });
});

describe('scoped parents', () => {
  it("a child inherits its root's scope without depending on the scope resource itself", () => {
    const bicep = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = { name: 'vnet' }",
      "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {",
      '  scope: vnet',
      "  name: 'lock'",
      "  properties: { level: 'CanNotDelete' }",
      '}',
      "resource ext 'Microsoft.Authorization/locks/child@2020-05-01' = {",
      '  parent: lock',
      "  name: 'c'",
      '}',
    ].join('\n');
    expect(deps(analyze({ 'main.bicep': bicep }).a)).toEqual(['c -> lock', 'lock -> vnet']);
  });
});

describe('module parameters', () => {
  it('a conditional Key Vault reference is one if(...) entry, as the compiler writes it, and reaches the module', () => {
    const bicep = [
      "resource kv 'Microsoft.KeyVault/vaults@2019-09-01' existing = { name: 'kv1' }",
      "module m 'm.bicep' = {",
      "  name: 'm'",
      "  params: { s: true ? kv.getSecret('pw') : 'none' }",
      '}',
    ].join('\n');
    const a = analyze({ 'main.bicep': bicep, 'm.bicep': '@secure()\nparam s string\n' }).a;
    const refs = a.graph.edges().filter((e) => e.kind === 'reference').map((e) => e.path);
    expect(refs).toEqual(['properties.parameters.s.reference.keyVault.id']);
  });

  it('a parameter entry only known at deployment passes an unknown value, not none', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { c: { type: 'bool' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { n: "[if(parameters('c'), createObject('value', 'a'), createObject('value', 'b'))]" },
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              parameters: { n: { type: 'string' } },
              resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name: "[parameters('n')]" }],
            },
          },
        },
      ],
    };
    const a = analyze({ 'main.json': t }).a;
    const vnet = a.graph.resources.find((r) => r.type === 'Microsoft.Network/virtualNetworks');
    expect(vnet?.name).toBeInstanceOf(Unknown);
    // the outer unknown (c), not "the inner parameter n has no value"
    expect((vnet?.name as Unknown).reason.message).toMatch(/'c'/);
  });
});

describe('extensions', () => {
  it('module extensionConfigs lower as the compiler writes them; the `extension` key is not a resource property', () => {
    const bicep = [
      "resource kv 'Microsoft.KeyVault/vaults@2019-09-01' existing = { name: 'kv1' }",
      "module m 'm.bicep' = {",
      "  name: 'm'",
      "  extensionConfigs: { k8s: { kubeConfig: kv.getSecret('cfg'), namespace: 'ns' } }",
      '}',
    ].join('\n');
    const a = analyze({ 'main.bicep': bicep, 'm.bicep': '' }).a;
    const m = a.graph.resources.find((r) => r.type === 'Microsoft.Resources/deployments');
    const get = (v: unknown, k: string): unknown => (v && typeof v === 'object' && 'get' in v ? (v as { get(k: string): unknown }).get(k) : undefined);
    const k8s = get(get(get(m?.body, 'properties'), 'extensionConfigs'), 'k8s');
    expect(get(get(k8s, 'namespace'), 'value')).toBe('ns');
    expect(get(get(k8s, 'kubeConfig'), 'keyVaultReference')).toBeDefined();
    const json = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: { st: { extension: 'az', type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'st' } },
    };
    expect(analyze({ 'main.json': json }).a.graph.resources[0]?.body.has('extension')).toBe(false);
  });
});

describe('ids changed in case', () => {
  it('a lower-cased id still names its resource (ids compare without case)', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        { type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-04-01', name: 'IP1', location: 'eastus' },
        { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2023-04-01', name: 'nic', location: 'eastus', dependsOn: ["[toLower(resourceId('Microsoft.Network/publicIPAddresses', 'IP1'))]"] },
      ],
    };
    expect(deps(analyze({ 'main.json': t }).a)).toEqual(['nic -> IP1']);
  });
});
