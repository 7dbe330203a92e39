// A TAP configuration whose virtualNetworkTap names something that is no virtual network TAP is
// rejected by Azure and mirrors nothing: it is a declaration (vtap-config-target reports it) but
// no TAP source for the other rules. One whose target is known only at deployment stays a source.
import { describe, expect, test } from 'vitest';
import { analyze } from '../deploy/helpers.js';
import { tapDeclarations, tapSources, type TapSource } from '../../src/graph/vtap.js';

/** A Bicep template with a TAP, a collector NIC and one tapConfigurations resource on 'web-nic' naming `target`. */
function configTo(target: string, params: string[] = []) {
  return analyze({
    'main.bicep': [
      ...params,
      "resource collector 'Microsoft.Network/networkInterfaces@2024-05-01' = { name: 'collector-nic', location: 'eastus', properties: { ipConfigurations: [ { name: 'ipconfig1', properties: {} } ] } }",
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = { name: 'tap1', location: 'eastus', properties: { destinationNetworkInterfaceIPConfiguration: { id: '${collector.id}/ipConfigurations/ipconfig1' } } }",
      "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = { name: 'web-nic', location: 'eastus', properties: { ipConfigurations: [ { name: 'ipconfig1', properties: {} } ] } }",
      `resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = { parent: nic, name: 'cfg', properties: { virtualNetworkTap: { id: ${target} } } }`,
    ].join('\n'),
  }).a.graph;
}

// Which declaration holds each source: as the template names it (its symbolic name).
const holders = (list: readonly TapSource[]) => list.map((s) => s.holder.identityName);

describe('sources that name no virtual network TAP', () => {
  test('a TAP id is a source', () => {
    const g = configTo('tap.id');
    expect(holders(tapSources(g))).toEqual(['cfg']);
    expect(holders(tapDeclarations(g))).toEqual(['cfg']);
  });

  test.each([
    ['a NIC', 'collector.id'],
    ['an IP configuration', "'${collector.id}/ipConfigurations/ipconfig1'"],
    ['a NIC by resourceId()', "resourceId('Microsoft.Network/networkInterfaces', 'collector-nic')"],
    ['text that is no resource id', "'tap1'"],
    ['null', 'null'],
  ])('%s is a declaration but no source', (_what, target) => {
    const g = configTo(target);
    expect(holders(tapDeclarations(g))).toEqual(['cfg']);
    expect(tapSources(g)).toEqual([]);
  });

  test.each([
    ['an id from a parameter without a value', 'tapId', ['param tapId string']],
    ['a TAP id whose name is a parameter', "resourceId('Microsoft.Network/virtualNetworkTaps', tapName)", ['param tapName string']],
    ['a choice between a TAP and a NIC', 'useTap ? tap.id : collector.id', ['param useTap bool']],
  ])('%s may name a TAP: a source', (_what, target, params) => {
    const g = configTo(target, params);
    expect(holders(tapSources(g))).toEqual(['cfg']);
  });
});
