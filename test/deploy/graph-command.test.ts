// `vtaplint graph`: the documented JSON shape, `source` keys holding every position, and text.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli, REPO } from '../helpers.js';
import { withoutSource, type Json } from '../../src/graph/export.js';
import { tapSources, vmsOfNic, nicsOfVm, taps } from '../../src/graph/vtap.js';
import { analyze } from './helpers.js';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

type Obj = { [k: string]: Json };

describe('graph command', () => {
  test('JSON: resources sorted by id with type, apiVersion, name, location, state, properties and edges; positions under source', async () => {
    const r = await cli(['graph', 'examples/arm-vtap/azuredeploy.json']);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as Obj;
    const resources = g.resources as Obj[];
    const ids = resources.map((x) => String(x.id).toLowerCase());
    expect(ids).toEqual([...ids].sort());
    const tap = resources.find((x) => x.type === 'Microsoft.Network/virtualNetworkTaps') as Obj;
    expect(Object.keys(tap)).toEqual(['id', 'type', 'apiVersion', 'name', 'location', 'state', 'scope', 'properties', 'edges', 'source']);
    expect(tap).toMatchObject({ apiVersion: '2024-05-01', name: 'web-tap', location: 'westeurope', state: 'deployed', scope: 'resourceGroup' });
    expect(tap.id).toBe('/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Network/virtualNetworkTaps/web-tap');
    expect(tap.source).toMatchObject({ file: 'examples/arm-vtap/azuredeploy.json', line: 120, column: 5, displayName: 'web-tap' });
    expect(tap.edges).toContainEqual(expect.objectContaining({ kind: 'reference', path: 'properties.destinationNetworkInterfaceIPConfiguration.id' }));
    // Nothing positional is left once source keys are dropped.
    expect(JSON.stringify(withoutSource(g))).not.toMatch(/"line"|"column"|azuredeploy\.json/);
  });

  test('what Azure would reject is said on standard error with its place (exit code 1), the graph printed all the same', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-graph-'));
    const vnet = { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', location: 'eastus', properties: { note: '[div(1, 0)]' } };
    const t = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [vnet] };
    writeFileSync(path.join(dir, 'main.json'), JSON.stringify(t, null, 2));
    const r = await cli(['graph', 'main.json', '--format', 'text'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Microsoft.Network/virtualNetworks/vnet');
    const line = JSON.stringify(t, null, 2).split('\n').findIndex((l) => l.includes('div(1, 0)')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^vtaplint: main\\.json:${line}:\\d+: The template function 'div' can't divide by zero\\.\\n$`));
  });

  test('an unknown is printed as {"$unknown": code} with its reason under source', async () => {
    const r = await cli(['graph', 'fixtures/vtap-destination-type/pass-nic-ipconfig.json']);
    const g = JSON.parse(r.stdout) as Obj;
    const vnet = (g.resources as Obj[]).find((x) => x.type === 'Microsoft.Network/virtualNetworks') as Obj;
    expect(vnet.name).toBe('vtap-vnet');
    const r2 = await cli(['graph', 'examples/arm-vtap/azuredeploy.json', '--format', 'text']);
    expect(r2.stdout).toContain('-> reference /subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Network/networkInterfaces/collector-nic');
    const r3 = await cli(['graph', 'examples/arm-vtap/azuredeploy.json', '-p', 'location=eastus']);
    expect(r3.stdout).toContain('"location": "eastus"');
  });

  test('the graph uses the config lint uses: deployment context, mapped parameters file, limits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-graph-'));
    cpSync(path.join(REPO, 'examples/arm-vtap/azuredeploy.json'), path.join(dir, 'azuredeploy.json'));
    writeFileSync(path.join(dir, 'prod.json'), JSON.stringify({ parameters: { location: { value: 'uksouth' } } }));
    const config = { deployment: { resourceGroup: 'rg-prod', subscriptionId: '00000000-0000-0000-0000-000000000001' }, parameters: [{ files: ['azuredeploy.json'], parameterFile: 'prod.json' }] };
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify(config));
    const r = await cli(['graph', 'azuredeploy.json'], dir);
    expect(r.code).toBe(0);
    const tap = (JSON.parse(r.stdout) as { resources: Obj[] }).resources.find((x) => x.type === 'Microsoft.Network/virtualNetworkTaps') as Obj;
    expect(tap.id).toBe('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-prod/providers/Microsoft.Network/virtualNetworkTaps/web-tap');
    expect(tap.location).toBe('uksouth');
    // The config's limits apply: a file over maxFileBytes is not read (exit 2, as eval: a file
    // that cannot be read).
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ limits: { maxFileBytes: 100 } }));
    const small = await cli(['graph', 'azuredeploy.json'], dir);
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/maxFileBytes/);
    // A broken config is an error naming it, as for lint.
    writeFileSync(path.join(dir, 'vtaplint.config.json'), '{ "deployment": 3 }');
    const bad = await cli(['graph', 'azuredeploy.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/vtaplint\.config\.json/);
  });

  test('copy loops that depend on copy loops: the edges stop at maxGraphEdges, said with the place and the key', async () => {
    // 10 loops of 800 NSGs, each instance depending on every instance of the loop before: 5.76
    // million dependsOn edges from 2 KB (this took minutes and 4 GB, then failed with "Invalid
    // string length"). The graph is printed with the edges the limit allows.
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-graph-'));
    const resources = Array.from({ length: 10 }, (_, i) => ({
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-04-01',
      name: `[concat('nsg${i}-', copyIndex())]`,
      location: 'westeurope',
      copy: { name: `loop${i}`, count: 800 },
      ...(i > 0 ? { dependsOn: [`loop${i - 1}`] } : {}),
    }));
    const text = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2);
    writeFileSync(path.join(dir, 'main.json'), text);
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ limits: { maxGraphEdges: 1000 } }));
    const line = text.split('\n').findIndex((l) => l.trim() === '"loop0"') + 1;
    const r = await cli(['graph', 'main.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`vtaplint: main.json:${line}:9: the graph has more than 1000 edges; the edges from here on are left out (limit maxGraphEdges)\n`);
    const g = JSON.parse(r.stdout) as { resources: Obj[] };
    expect(g.resources).toHaveLength(8000);
    expect(g.resources.reduce((n, x) => n + (x.edges as Json[]).length, 0)).toBe(1000);
    expect(r.stdout.length).toBeLessThan(20 * 1024 * 1024);
    const t = await cli(['graph', 'main.json', '--format', 'text'], dir);
    expect(t.stderr).toMatch(/\(limit maxGraphEdges\)\n$/);
    expect(t.stdout.split('\n').filter((l) => l.startsWith('  -> dependsOn '))).toHaveLength(1000);
    // Within the limit nothing is said and every edge is there (2 loops of 3: 9 edges).
    writeFileSync(path.join(dir, 'small.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: resources.slice(0, 2).map((x) => ({ ...x, copy: { ...x.copy, count: 3 } })) }));
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ limits: { maxGraphEdges: 9 } }));
    const small = await cli(['graph', 'small.json'], dir);
    expect(small.stderr).toBe('');
    expect((JSON.parse(small.stdout) as { resources: Obj[] }).resources.flatMap((x) => x.edges as Json[])).toHaveLength(9);
  });

  test('usage errors', async () => {
    expect((await cli(['graph'])).code).toBe(2);
    expect((await cli(['graph', 'examples/arm-vtap/azuredeploy.json', '--format', 'sarif'])).code).toBe(2);
    // A parameters file: said as eval says it, with the template to name instead.
    const params = await cli(['graph', 'fixtures/vtap-supported-region/pass-parameters-file.parameters.json']);
    expect(params.code).toBe(2);
    expect(params.stderr).toContain('is not a template vtaplint can analyse: this is an ARM parameters file, not a template: name the template it gives values to');
  });
});

describe('graph queries', () => {
  test('VM of a NIC, NICs of a VM, and the TAP sources of all three declaration kinds', () => {
    const template = JSON.parse(readFileSync(path.join(REPO, 'examples/arm-vtap/azuredeploy.json'), 'utf8')) as Obj;
    const { a } = analyze({ 'main.json': template as never });
    const g = a.graph;
    const sources = tapSources(g);
    expect(sources.map((s) => [s.declaration, s.nic.kind === 'resource' ? s.nic.resource.name : '?', s.tap.kind])).toEqual([['child', 'web-nic', 'resource']]);
    const nic = sources[0]!.nic;
    if (nic.kind !== 'resource') throw new Error('nic');
    expect(vmsOfNic(g, nic.resource).map((v) => v.vm.name)).toEqual(['web-vm']);
    const vm = g.resources.find((r) => r.name === 'web-vm')!;
    expect(nicsOfVm(g, vm).map((n) => (n.kind === 'resource' ? n.resource.name : n.kind))).toEqual(['web-nic']);
    expect(taps(g).map((t) => t.name)).toEqual(['web-tap']);
    const tapCfg = sources[0]!.config!;
    expect(g.dependsOnTransitively(tapCfg, vm)).toBeUndefined();
    expect(g.dependsOnTransitively(vm, taps(g)[0]!)?.map((e) => e.kind)).toEqual(['dependsOn']);
  });
});
