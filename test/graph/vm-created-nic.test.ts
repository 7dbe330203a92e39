// A VM that creates its NICs (networkProfile.networkInterfaceConfigurations, networkApiVersion
// 2020-11-01) holds everything about them: their IP configurations (subnet, load balancer pools,
// IP version), their NSG, and their region (the VM's). A template reaches such a NIC by name (an
// `existing` NIC, an id); the graph answers the network questions about it from the VM's entry, as
// for a NIC the template declares, at the spans written in the VM.
import { describe, expect, test } from 'vitest';
import { analyze } from '../deploy/helpers.js';
import { at } from '../../src/expr/located.js';
import { destinationOf, destinationTarget, finalDeclarations, isVmCreatedNic, sourceNics, taps, vmsOfNic } from '../../src/graph/vtap.js';
import { ipConfigurationsOf, loadBalancersOfNic, networksOfNic, networkName, publicIpOf, securityGroupsOfNic } from '../../src/graph/network.js';

/** A VM in 'westus' that creates 'web-01-nic' (subnet 'web', pool 'web', an IPv6 configuration), and `tail`. */
function vmCreating(tail: string[]) {
  return analyze({
    'main.bicep': [
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = { name: 'app-vnet', location: 'westus', properties: { addressSpace: { addressPrefixes: ['10.20.0.0/16'] }, subnets: [ { name: 'web', properties: { addressPrefix: '10.20.1.0/24' } }, { name: 'collector', properties: { addressPrefix: '10.20.2.0/24' } } ] } }",
      "resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'web-nsg', location: 'westus', properties: { securityRules: [] } }",
      "resource lb 'Microsoft.Network/loadBalancers@2024-05-01' = { name: 'web-lb', location: 'westus', sku: { name: 'Standard' }, properties: { frontendIPConfigurations: [ { name: 'fe', properties: { subnet: { id: vnet.properties.subnets[0].id } } } ], backendAddressPools: [ { name: 'web' } ] } }",
      "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = { name: 'web-01', location: 'westus', properties: { hardwareProfile: { vmSize: 'Standard_D2s_v5' }, networkProfile: { networkApiVersion: '2020-11-01', networkInterfaceConfigurations: [ { name: 'web-01-nic', properties: { primary: true, networkSecurityGroup: { id: nsg.id }, ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: vnet.properties.subnets[0].id }, loadBalancerBackendAddressPools: [ { id: lb.properties.backendAddressPools[0].id } ] } }, { name: 'ipconfig-v6', properties: { privateIPAddressVersion: 'IPv6', subnet: { id: vnet.properties.subnets[0].id } } } ] } } ] } } }",
      ...tail,
    ].join('\n'),
  }).a.graph;
}

const collectorAndTap = [
  "resource collector 'Microsoft.Network/networkInterfaces@2024-05-01' = { name: 'collector-nic', location: 'westus', properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: vnet.properties.subnets[1].id } } } ] } }",
  "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = { name: 'tap1', location: 'westus', properties: { destinationNetworkInterfaceIPConfiguration: { id: collector.properties.ipConfigurations[0].id } } }",
];

describe('a NIC a VM creates, as a TAP source', () => {
  test.each([
    ['an existing NIC as the parent of a tapConfigurations resource', ["resource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = { name: 'web-01-nic' }", "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = { parent: webNic, name: 'tap', properties: { virtualNetworkTap: { id: tap.id } }, dependsOn: [vm] }"], 'webNic'],
    ['a tapConfigurations resource named after the NIC', ["resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = { name: 'web-01-nic/tap', properties: { virtualNetworkTap: { id: tap.id } }, dependsOn: [vm] }"], 'web-01-nic'],
  ])('%s: its networks, load balancers, NSG and region come from the VM', (_what, tail, shown) => {
    const g = vmCreating([...collectorAndTap, ...tail]);
    const found = sourceNics(g);
    expect(found).toHaveLength(1);
    const nic = found[0]!.nic;
    expect(isVmCreatedNic(nic)).toBe(true);
    expect(nic.existing).toBe(false);
    // Named by its name; its identity is that of the declaration that reaches it.
    expect(nic.displayName).toBe('web-01-nic');
    expect(nic.identityName).toBe(shown);
    expect(vmsOfNic(g, nic).map((v) => v.vm.displayName)).toEqual(['web-01']);
    expect(finalDeclarations(g, nic)).toEqual([nic]);
    expect(at(nic.root, 'location').value).toBe('westus');
    expect(networksOfNic(g, nic).map(networkName)).toEqual(['app-vnet']);
    expect(loadBalancersOfNic(g, nic).map((m) => `${m.lb.displayName}/${m.part.name}`)).toEqual(['web-lb/web']);
    expect(securityGroupsOfNic(g, nic).map((s) => `${s.nsg.displayName}:${s.on}`)).toEqual(['web-nsg:nic']);
    // The IPv6 configuration is the one written in the VM.
    const v6 = at(nic.root, 'properties', 'ipConfigurations', 1, 'properties', 'privateIPAddressVersion');
    expect(v6.value).toBe('IPv6');
    const { start } = v6.span.range();
    expect(v6.span.file.text.slice(start, start + 6)).toBe("'IPv6'");
    expect(v6.span.file.text.lastIndexOf('\n', start)).toBe(v6.span.file.text.indexOf("resource vm '") - 1);
  });

  test('a NIC the template deploys itself is not replaced by a VM configuration of the same name', () => {
    const g = vmCreating([
      ...collectorAndTap,
      "resource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' = { name: 'web-01-nic', location: 'westus', properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: vnet.properties.subnets[0].id } } } ] } }",
      "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = { parent: webNic, name: 'tap', properties: { virtualNetworkTap: { id: tap.id } } }",
    ]);
    const nic = sourceNics(g)[0]!.nic;
    expect(isVmCreatedNic(nic)).toBe(false);
    expect(nic.displayName).toBe('web-01-nic');
    expect(nic.identityName).toBe('webNic');
  });
});

describe('a NIC a VM creates, as a TAP destination', () => {
  test.each([
    ['an existing NIC', ["resource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = { name: 'web-01-nic' }", "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = { name: 'tap1', location: 'westus', properties: { destinationNetworkInterfaceIPConfiguration: { id: '${webNic.id}/ipConfigurations/ipconfig1' } } }"]],
    ['an id', ["resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = { name: 'tap1', location: 'westus', properties: { destinationNetworkInterfaceIPConfiguration: { id: resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'web-01-nic', 'ipconfig1') } } }"]],
  ])('the IP configuration of %s is the one the VM declares', (_what, tail) => {
    const g = vmCreating(tail);
    const d = destinationOf(taps(g)[0]!, g)!;
    const target = destinationTarget(d);
    expect(target?.kind).toBe('nic');
    expect(isVmCreatedNic(target!.resource)).toBe(true);
    expect(target!.name).toBe('ipconfig1');
    expect(at(target!.entry, 'name').value).toBe('ipconfig1');
    expect(at(target!.resource.root, 'location').value).toBe('westus');
  });
});

describe('the public IP a VM creates for a NIC it creates', () => {
  test('is read from publicIPAddressConfiguration, in the VM region', () => {
    const g = analyze({
      'main.bicep': [
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = { name: 'edge-vnet', location: 'westus', properties: { addressSpace: { addressPrefixes: ['10.60.0.0/16'] }, subnets: [ { name: 'edge', properties: { addressPrefix: '10.60.1.0/24' } } ] } }",
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = { name: 'tap1', location: 'westus', properties: {} }",
        "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = { name: 'edge-01', location: 'westus', properties: { networkProfile: { networkApiVersion: '2020-11-01', networkInterfaceConfigurations: [ { name: 'edge-01-nic', properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: vnet.properties.subnets[0].id }, publicIPAddressConfiguration: { name: 'edge-01-pip', sku: { name: 'Standard' }, properties: { publicIPAddressVersion: 'IPv6' } } } } ] } } ] } } }",
        "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = { name: 'edge-01-nic/tap', properties: { virtualNetworkTap: { id: tap.id } }, dependsOn: [vm] }",
      ].join('\n'),
    }).a.graph;
    const nic = sourceNics(g)[0]!.nic;
    const found = publicIpOf(g, ipConfigurationsOf(nic)[0]!);
    expect(found?.pip.displayName).toBe('edge-01-pip');
    expect(found?.pip.existing).toBe(false);
    expect(at(found!.pip.root, 'properties', 'publicIPAddressVersion').value).toBe('IPv6');
    expect(at(found!.pip.root, 'location').value).toBe('westus');
    expect(at(found!.pip.root, 'sku', 'name').value).toBe('Standard');
  });
});
