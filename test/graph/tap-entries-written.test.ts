// Finding TAP sources evaluates a NIC's body only when its declaration, as written, may give it
// TAP entries: a VM quickstart's NICs (no TAP anywhere) are not evaluated for nothing, and every
// way a body can carry entries that only evaluation shows still counts as "may".
import { describe, expect, test } from 'vitest';
import { mayHoldTapEntries } from '../../src/graph/tap-entries-written.js';
import { tapSources } from '../../src/graph/vtap.js';
import { TExpr, type TObject } from '../../src/model/template.js';
import { analyze, arm } from '../deploy/helpers.js';

const SUBNET = { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]" };

/** A NIC declaration as in the VM quickstarts, with `properties` (or the usual ones). */
function nic(properties?: unknown): TObject {
  return {
    type: 'Microsoft.Network/networkInterfaces',
    apiVersion: '2023-09-01',
    name: "[variables('nicName')]",
    location: "[parameters('location')]",
    ...(properties === undefined ? {} : { properties }),
  } as TObject;
}

const plainIpConfig = { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: SUBNET } };

describe('mayHoldTapEntries', () => {
  test('a NIC written out with no TAP entry cannot hold one, whatever its values', () => {
    expect(mayHoldTapEntries(nic({ ipConfigurations: [plainIpConfig], enableAcceleratedNetworking: "[parameters('fast')]" }))).toBe(false);
    expect(mayHoldTapEntries(nic())).toBe(false);
    expect(mayHoldTapEntries(nic({ ipConfigurations: [{ name: 'ipconfig1' }] }))).toBe(false);
  });

  test('entries written in an ipConfiguration or inline, in any letter case, may be there', () => {
    expect(mayHoldTapEntries(nic({ ipConfigurations: [{ name: 'ipconfig1', properties: { subnet: SUBNET, virtualNetworkTaps: [{ id: "[parameters('tapId')]" }] } }] }))).toBe(true);
    expect(mayHoldTapEntries(nic({ IPConfigurations: [{ name: 'ipconfig1', Properties: { subnet: SUBNET, VirtualNetworkTaps: [] } }] }))).toBe(true);
    expect(mayHoldTapEntries(nic({ ipConfigurations: [plainIpConfig], tapConfigurations: [{ name: 'tap', properties: {} }] }))).toBe(true);
  });

  test('a part only evaluation tells may hold them: an expression, a Bicep expression, a property copy loop, a computed key', () => {
    expect(mayHoldTapEntries(nic("[variables('nicProperties')]"))).toBe(true);
    expect(mayHoldTapEntries(nic({ ipConfigurations: "[variables('ipConfigurations')]" }))).toBe(true);
    expect(mayHoldTapEntries(nic({ ipConfigurations: ["[variables('firstIpConfig')]"] }))).toBe(true);
    expect(mayHoldTapEntries(nic({ ipConfigurations: [{ name: 'ipconfig1', properties: "[variables('ipProperties')]" }] }))).toBe(true);
    const lowered = new TExpr({ k: 'call', ns: undefined, name: 'variables', args: [{ k: 'lit', value: 'ipProperties', start: 0, end: 0 }], start: 0, end: 0 }, undefined as never);
    expect(mayHoldTapEntries(nic({ ipConfigurations: [{ name: 'ipconfig1', properties: lowered }] }))).toBe(true);
    expect(mayHoldTapEntries(nic({ copy: [{ name: 'ipConfigurations', count: 2, input: plainIpConfig }] }))).toBe(true);
    expect(mayHoldTapEntries(nic({ ipConfigurations: [{ name: 'ipconfig1', properties: { subnet: SUBNET, "[variables('tapKey')]": [] } }] }))).toBe(true);
  });
});

describe('finding TAP sources', () => {
  test("does not evaluate the body of a NIC written with no TAP entry, and still finds the entries a variable gives another NIC", () => {
    const template = arm(
      [
        nic({ ipConfigurations: [plainIpConfig] }),
        { ...nic({ ipConfigurations: "[variables('tappedIpConfigs')]" }), name: 'web-nic' },
        { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2023-09-01', name: 'tap1', location: "[parameters('location')]", properties: {} },
      ],
      {
        parameters: { location: { type: 'string', defaultValue: 'eastus' } },
        variables: {
          nicName: 'vm1-nic',
          tappedIpConfigs: [{ name: 'ipconfig1', properties: { subnet: SUBNET, virtualNetworkTaps: [{ id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]" }] } }],
        },
      },
    );
    const graph = analyze({ 'azuredeploy.json': template }).a.graph;
    const sources = tapSources(graph);
    expect(sources.map((s) => (s.nic.kind === 'resource' ? s.nic.resource.displayName : s.nic.kind))).toEqual(['web-nic']);
    const plain = graph.resources.find((r) => r.displayName === 'vm1-nic');
    // The body is evaluated on first read (DeployedResource.body) and kept; not read here.
    expect((plain as unknown as { bodyValue: unknown }).bodyValue).toBeUndefined();
  });
});
