// dependsOn resolution as the Bicep compiler writes it: a loop's symbolic name stands for every
// instance, "coll[i]" for one instance; lowered Bicep must give the same edges as its JSON.
import { describe, expect, it } from 'vitest';
import { analyze } from '../deploy/helpers.js';
import type { Analysis } from '../../src/engine/analyze.js';
import { formatId } from '../../src/graph/resource-id.js';

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
