// languageVersion 2.0 templates (resources keyed by symbolic name, as the Bicep compiler writes
// them): which dependencies ARM derives from symbolic names, and how they appear in the graph.
import { describe, expect, test } from 'vitest';
import { formatId } from '../../src/deploy/resource-id.js';
import { analyze, arm } from './helpers.js';

const v2 = { languageVersion: '2.0' };

/** A module as the compiler writes it: an inline languageVersion 2.0 template, expression scope inner. */
function module(name: string, template: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name,
    ...extra,
    properties: { expressionEvaluationOptions: { scope: 'inner' }, mode: 'Incremental', ...((extra.properties as object | undefined) ?? {}), template },
  };
}

describe('languageVersion 2.0: implicit dependencies', () => {
  test("reading a module's output depends on the module only, not on the module's resources its outputs reference() by symbolic name", () => {
    // The module's output reads its own TAP by symbolic name (reference('tap')), as Bicep's
    // `output tapId string = tap.properties.x` compiles in languageVersion 2.0. That reference()
    // is the module's, evaluated in the module's deployment; the reader waits for the module
    // (dependsOn 'tapModule') and for nothing inside it.
    const inner = arm(
      {
        tap: { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: 'eastus', properties: {} },
      },
      { ...v2, outputs: { guid: { type: 'string', value: "[reference('tap').resourceGuid]" } } },
    );
    const t = arm(
      {
        tapModule: module('tap-deploy', inner),
        reader: module('reader-deploy', arm({}, { ...v2, parameters: { guid: { type: 'string' } } }), {
          dependsOn: ['tapModule'],
          properties: { parameters: { guid: { value: "[reference('tapModule').outputs.guid.value]" } } },
        }),
      },
      v2,
    );
    const { a } = analyze({ 'main.json': t });
    const reader = a.graph.resources.find((r) => r.name === 'reader-deploy')!;
    expect(reader.implicitDependencies.map((d) => d.target?.name)).toEqual(['tap-deploy']);
    const order = a.graph
      .orderEdges()
      .filter((e) => e.from === reader)
      .map((e) => [e.to.name, e.path]);
    expect(order).toEqual([['tap-deploy', 'dependsOn']]);
    expect(a.diagnostics).toEqual([]);
  });
});

describe('languageVersion 2.0: an instance of a copy loop by symbolic name', () => {
  // count only known at deployment: one representative instance per loop, whose copyIndex() is the
  // same unknown in both loops (see REPRESENTATIVE_INDEX).
  const loops = (tags: Record<string, string>, nicExtra: Record<string, unknown> = {}) =>
    arm(
      {
        taps: {
          copy: { name: 'taps', count: "[parameters('count')]" },
          type: 'Microsoft.Network/virtualNetworkTaps',
          apiVersion: '2024-05-01',
          name: "[format('tap-{0}', copyIndex())]",
          location: 'eastus',
          properties: {},
        },
        nics: {
          copy: { name: 'nics', count: "[parameters('count')]" },
          type: 'Microsoft.Network/networkInterfaces',
          apiVersion: '2024-05-01',
          name: "[format('nic-{0}', copyIndex())]",
          location: 'eastus',
          tags,
          properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } }] },
          ...nicExtra,
        },
      },
      { ...v2, parameters: { count: { type: 'int' } } },
    );

  test("reference(format('taps[{0}]', copyIndex())) reads the TAP instance of the same index, as reference(resourceId(...)) does in languageVersion 1.0", () => {
    // taps[i].properties.x in Bicep compiles to this in languageVersion 2.0; the instance is the
    // representative one, and reading it by symbolic name orders the NIC after it (ARM's implicit
    // dependency on what reference() names).
    const { a } = analyze({ 'main.json': loops({ guid: "[reference(format('taps[{0}]', range(0, parameters('count'))[copyIndex()])).resourceGuid]" }) });
    const [tap, nic] = [a.graph.resources.find((r) => r.type.endsWith('virtualNetworkTaps'))!, a.graph.resources.find((r) => r.type.endsWith('networkInterfaces'))!];
    expect(nic.implicitDependencies.map((d) => d.target)).toEqual([tap]);
    const guid = nic.body.get('tags') as { get(k: string): unknown };
    // The TAP's runtime state, naming the TAP (not the generic "reference() returns runtime state").
    expect((guid.get('guid') as { reason: { message: string } }).reason.message).toContain("'taps'");
  });

  test("resourceInfo(format('taps[{0}]', copyIndex())).id is the id of the TAP instance of the same index", () => {
    const { a } = analyze({ 'main.json': loops({ tapId: "[resourceInfo(format('taps[{0}]', copyIndex())).id]" }) });
    const edges = a.graph
      .edges()
      .filter((e) => e.kind === 'reference')
      .map((e) => [e.from.type, e.to.type, e.path]);
    expect(edges).toEqual([['Microsoft.Network/networkInterfaces', 'Microsoft.Network/virtualNetworkTaps', 'tags.tapId']]);
  });
});

describe('languageVersion 2.0: where an existing resource is', () => {
  test('"subscriptionId" alone puts an existing resource at that subscription (Bicep `scope: subscription()`), and neither key is a property of it', () => {
    const t = arm(
      {
        mrg: { existing: true, type: 'Microsoft.Resources/resourceGroups', apiVersion: '2021-04-01', subscriptionId: '[subscription().subscriptionId]', name: 'managed-rg' },
        tap: { existing: true, type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', subscriptionId: 's2', resourceGroup: 'rg2', name: 'tap1' },
        user: {
          type: 'Microsoft.Network/networkInterfaces',
          apiVersion: '2024-05-01',
          name: 'nic1',
          location: 'eastus',
          tags: { group: "[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'managed-rg')]" },
          properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } }] },
        },
      },
      v2,
    );
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment: { subscriptionId: 's1', resourceGroup: 'rg1' } });
    const [mrg, tap] = [a.graph.resources.find((r) => r.name === 'managed-rg')!, a.graph.resources.find((r) => r.name === 'tap1')!];
    expect(formatId(mrg.id)).toBe('/subscriptions/s1/providers/Microsoft.Resources/resourceGroups/managed-rg');
    expect(formatId(tap.id)).toBe('/subscriptions/s2/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworkTaps/tap1');
    expect([...mrg.body.keys()].sort()).toEqual(['apiVersion', 'name', 'type']);
    expect([...tap.body.keys()].sort()).toEqual(['apiVersion', 'name', 'type']);
    const refs = a.graph
      .edges()
      .filter((e) => e.kind === 'reference')
      .map((e) => [e.from.name, e.to.name]);
    expect(refs).toEqual([['nic1', 'managed-rg']]);
  });
});
