// The graph queries the vTAP rules use, on the rule fixtures (realistic templates) and small values.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeFile } from '../../src/engine/analyze.js';
import type { ResourceGraph } from '../../src/graph/graph.js';
import { REPO } from '../helpers.js';
import { analyze } from '../deploy/helpers.js';
import { TYPES, declaredNic, destinationChoices, destinationOf, destinationTarget, isOutside, nicKey, nicName, orderedAfter, sameRegion, tapOf, tapSources, taps } from '../../src/graph/vtap.js';
import {
  broadSource,
  destinationCovers,
  sourceCovers,
  lbParts,
  loadBalancersOfNic,
  membersOfPool,
  networkName,
  networksOfNic,
  peeringFromTo,
  poolAddresses,
  poolsOfRule,
  portCovers,
  privateLinkFrontends,
  rulesReaching,
  securityGroupsOfNic,
  securityRulesOf,
  networkOf,
  parseIpv4Range,
} from '../../src/graph/network.js';
import { tapNetworkPairs } from '../../src/graph/tap-network.js';
import { actionMatches, grants, permissionsOf, roleDefinitions } from '../../src/graph/roles.js';
import { typeShape, type TypeIndex } from '../../src/graph/type-shape.js';
import { Unknown } from '../../src/expr/value.js';
import { at } from '../../src/expr/located.js';
import index from '../../rules/data/type-index.json' with { type: 'json' };

function graphOf(fixture: string): ResourceGraph {
  const a = analyzeFile(path.join(REPO, 'fixtures', fixture), { root: REPO, deployment: {}, explicit: true });
  if (a.kind !== 'template') throw new Error(`${fixture}: ${a.kind}`);
  return a.graph;
}

/** A NIC by how its template names it: its symbolic name, else its name. */
function nicNamed(g: ResourceGraph, name: string) {
  const nic = g.ofType(TYPES.nic).find((r) => (r.symbolicName ?? r.displayName) === name);
  if (!nic) throw new Error(`no NIC ${name}`);
  return nic;
}

describe('tap sources', () => {
  test('a tapConfigurations child and an ipConfiguration virtualNetworkTaps entry on one NIC are two sources of that NIC', () => {
    const g = graphOf('vtap-one-config-per-nic/fail-two-declarations.json');
    const sources = tapSources(g);
    expect(sources.map((s) => s.declaration).sort()).toEqual(['child', 'ipconfig']);
    expect(new Set(sources.map((s) => declaredNic(s.nic)?.displayName))).toEqual(new Set(['web-nic']));
  });
  test('a copy loop of tap configurations gives one source per instance', () => {
    const g = graphOf('vtap-one-config-per-nic/pass-copy-loop.json');
    expect(tapSources(g).map((s) => declaredNic(s.nic)?.displayName).sort()).toEqual(['web-nic-0', 'web-nic-1']);
  });
  test('inline tapConfigurations count as a source up to API 2019-08-01; later Azure ignores them', () => {
    const g = graphOf('vtap-inline-config-readonly/pass-inline-2019-08.json');
    expect(tapSources(g).map((s) => s.declaration)).toEqual(['inline']);
    const ignored = graphOf('vtap-one-config-per-nic/pass-child-and-ignored-inline.json');
    expect(tapSources(ignored).map((s) => s.declaration)).toEqual(['child']);
  });
  test("a scale set's IP configuration virtualNetworkTaps entry is a scale-set source, with no NIC of its own", () => {
    const g = graphOf('vtap-source-vm-nic/fail-scale-set-ipconfig-taps.json');
    const sources = tapSources(g);
    expect(sources.map((s) => [s.declaration, s.nic.kind, nicName(s.nic), nicKey(s.nic)])).toEqual([
      ['child', 'resource', 'web-nic', nicKey(sources[0]!.nic)],
      ['scaleset', 'scaleSet', 'web-vmss/web-vmss-nic', undefined],
    ]);
    expect(declaredNic(sources[1]!.nic)).toBeUndefined();
    expect(isOutside(sources[1]!.nic)).toBe(false);
    expect(tapOf(sources[1]!)?.displayName).toBe('tap1');
  });
  test('a tap configuration on a NIC the template does not declare is an external source', () => {
    const g = graphOf('vtap-source-vm-nic/indeterminate-existing-nic.json');
    expect(tapSources(g).map((s) => s.nic.kind)).toEqual(['external']);
  });
});

describe('deployment order', () => {
  test('dependsOn orders a tap configuration after its TAP; a resourceId() in a property does not', () => {
    const pass = graphOf('vtap-config-target/pass-depends-on-tap.json');
    const fail = graphOf('vtap-config-target/fail-no-dependency.json');
    const cfg = (g: ResourceGraph) => g.ofType(TYPES.tapConfig)[0];
    expect(orderedAfter(pass, cfg(pass)!, taps(pass)[0]!)).toBe(true);
    expect(orderedAfter(fail, cfg(fail)!, taps(fail)[0]!)).toBe(false);
  });

  test('modules: a module starts after the modules whose outputs it uses have finished, not its own resources after each other', () => {
    const { a } = analyze({
      'main.bicep': [
        "module first 'first.bicep' = { name: 'first' }",
        "module second 'second.bicep' = { name: 'second', params: { after: first.outputs.id } }",
        "resource last 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'last', location: 'westeurope', dependsOn: [second] }",
        "resource free 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'free', location: 'westeurope' }",
      ].join('\n'),
      'first.bicep': [
        "resource one 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'one', location: 'westeurope' }",
        "module inner 'inner.bicep' = { name: 'inner' }",
        'output id string = one.id',
      ].join('\n'),
      'inner.bicep': "resource deep 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'deep', location: 'westeurope' }\n",
      'second.bicep': [
        'param after string',
        "resource two 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'two', location: 'westeurope', tags: { after: after } }",
        "resource twin 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'twin', location: 'westeurope' }",
      ].join('\n'),
    });
    const g = a.graph;
    const named = (n: string) => g.resources.find((r) => r.displayName === n || r.name === n) as NonNullable<ReturnType<typeof g.resources.find>>;
    // second's resources wait for everything first deploys, its nested module's resources too
    expect(orderedAfter(g, named('two'), named('one'))).toBe(true);
    expect(orderedAfter(g, named('twin'), named('deep'))).toBe(true);
    // what depends on a module waits for its resources
    expect(orderedAfter(g, named('last'), named('twin'))).toBe(true);
    expect(orderedAfter(g, named('last'), named('deep'))).toBe(true);
    // resources of one module are not ordered by it, and nothing orders what depends on nothing
    expect(orderedAfter(g, named('twin'), named('two'))).toBe(false);
    expect(orderedAfter(g, named('two'), named('twin'))).toBe(false);
    expect(orderedAfter(g, named('one'), named('deep'))).toBe(false);
    expect(orderedAfter(g, named('free'), named('one'))).toBe(false);
    expect(orderedAfter(g, named('one'), named('two'))).toBe(false);
  });
});

describe('networks and peerings', () => {
  test('the network of a NIC, through subnet ids to inline subnets', () => {
    const g = graphOf('vtap-destination-network/pass-peered.json');
    expect(networksOfNic(g, nicNamed(g, 'web-nic')).map(networkName)).toEqual(['vtap-vnet']);
    expect(networksOfNic(g, nicNamed(g, 'collector-nic')).map(networkName)).toEqual(['collector-vnet']);
  });
  test('peerings in both directions, from child resources', () => {
    const g = graphOf('vtap-destination-network/pass-peered.json');
    const [a] = networksOfNic(g, nicNamed(g, 'web-nic'));
    const [b] = networksOfNic(g, nicNamed(g, 'collector-nic'));
    expect(peeringFromTo(g, a!, b!)?.holder.displayName).toBe('vtap-vnet/to-collector-vnet');
    expect(peeringFromTo(g, b!, a!)?.holder.displayName).toBe('collector-vnet/to-vtap-vnet');
  });
  test('one direction only', () => {
    const pairs = tapNetworkPairs(graphOf('vtap-destination-network/fail-one-direction.json'));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.same).toBe(false);
    expect(pairs[0]?.forward).toBeDefined();
    expect(pairs[0]?.backward).toBeUndefined();
    expect(pairs[0]?.peeringsVisible).toBe(true);
  });
  test('a network outside the template hides its peerings', () => {
    const pairs = tapNetworkPairs(graphOf('vtap-destination-network/indeterminate-external-network.json'));
    expect(pairs[0]?.destNet.kind).toBe('external');
    expect(pairs[0]?.peeringsVisible).toBe(false);
  });
  test('the network of a load balancer frontend destination', () => {
    const g = graphOf('vtap-collector-port-open/pass-lb-ha-ports.json');
    const d = destinationOf(taps(g)[0]!, g)!;
    const t = destinationTarget(d)!;
    expect(t.kind).toBe('lb');
    expect(networkName(networkOf(g, t.entry))).toBe('vtap-vnet');
  });
});

describe('the destinations a TAP may send to', () => {
  test('one destination: itself, chosen by nothing', () => {
    const g = graphOf('vtap-collector-port-open/pass-lb-ha-ports.json');
    const choices = destinationChoices(taps(g)[0]!, g);
    expect(choices.map((c) => [c.destination.property, c.when])).toEqual([['destinationLoadBalancerFrontEndIPConfiguration', undefined]]);
  });
  for (const file of ['vtap-destination-type/pass-toggle-both-destinations.bicep', 'vtap-destination-type/pass-toggle-both-destinations.json']) {
    test(`two destination properties set by the two branches of one condition: both, each with the value of the condition that chooses it (${path.extname(file)})`, () => {
      const g = graphOf(file);
      const choices = destinationChoices(taps(g)[0]!, g);
      expect(choices.map((c) => [c.destination.property, c.when?.holds, destinationTarget(c.destination)?.resource.displayName, destinationTarget(c.destination)?.name])).toEqual([
        ['destinationNetworkInterfaceIPConfiguration', false, 'collector-nic', 'ipconfig1'],
        ['destinationLoadBalancerFrontEndIPConfiguration', true, 'collector-ilb', 'vxlan-fe'],
      ]);
      // One toggle, one condition: the parameter without a value.
      expect(choices[0]?.when?.toggle).toBe(choices[1]?.when?.toggle);
      expect(choices[0]?.when?.condition.reason.message).toMatch(/^the parameter 'useL(b|oadBalancer)' has no value/);
    });
  }
});

describe('load balancers in front of a NIC', () => {
  test('backend pool membership by the NIC reference, and the rules using that pool', () => {
    const g = graphOf('vtap-source-floating-ip/fail-floating-ip.json');
    const [m] = loadBalancersOfNic(g, nicNamed(g, 'web-nic'));
    expect([m?.lb.displayName, m?.part.type, m?.part.name]).toEqual(['web-lb', 'backendAddressPools', 'web-pool']);
    expect(rulesReaching(g, m!).map((r) => r.name)).toEqual(['http']);
  });
  test('an IP-based pool listing the static private IP of the NIC', () => {
    const g = graphOf('vtap-source-floating-ip/fail-ip-based-pool.json');
    const ms = loadBalancersOfNic(g, nicNamed(g, 'web-nic'));
    expect(ms.map((m) => [m.lb.displayName, m.via.value])).toEqual([['web-lb', '10.0.0.10']]);
  });
  test('a pool named inline and filled by a child backendAddressPools resource is one pool with both declarations', () => {
    const g = graphOf('vtap-source-floating-ip/fail-child-pool-named-inline.bicep');
    const lb = g.ofType(TYPES.lb)[0]!;
    const pools = lbParts(lb, 'backendAddressPools');
    expect(pools.map((p) => [p.name, p.decls.length, p.child?.displayName])).toEqual([['sql', 2, 'sql-ilb/sql']]);
    expect(poolAddresses(pools[0]!).map((a) => at(a, 'properties', 'ipAddress').value)).toEqual(['10.30.1.10']);
    const [m] = loadBalancersOfNic(g, nicNamed(g, 'sqlNic'));
    expect([m?.lb.displayName, m?.part.name, m?.via.value]).toEqual(['sql-ilb', 'sql', '10.30.1.10']);
    expect(rulesReaching(g, m!).map((r) => r.name)).toEqual(['sql-listener']);
    // The same pool reached through the rule's pool id (the inline entry) lists the child's member.
    const [rule] = rulesReaching(g, m!);
    expect(poolsOfRule(g, rule!).flatMap((p) => membersOfPool(g, p)).map((x) => x.nic.displayName)).toEqual(['sql-nic']);
  });
  test('private link services and the frontends they use', () => {
    const g = graphOf('vtap-private-link-inbound/pass-pls-elsewhere.json');
    expect(privateLinkFrontends(g).map((f) => [f.pls.displayName, f.frontend.lb.displayName, f.frontend.name])).toEqual([['web-pls', 'api-lb', 'frontend']]);
  });
});

describe('network security groups', () => {
  test('the NSG on the collector NIC and its rules', () => {
    const g = graphOf('vtap-collector-port-open/fail-nsg-denies-vxlan.json');
    const [nsg] = securityGroupsOfNic(g, nicNamed(g, 'collector-nic'));
    expect([nsg?.nsg.displayName, nsg?.on]).toEqual(['collector-nsg', 'nic']);
    expect(securityRulesOf(nsg!.nsg).map((r) => r.name)).toEqual(['deny-vxlan', 'allow-ssh']);
  });
  test('port ranges', () => {
    expect(portCovers('*', 4789)).toBe(true);
    expect(portCovers('4789', 4789)).toBe(true);
    expect(portCovers('4000-5000', 4789)).toBe(true);
    expect(portCovers('5000-6000', 4789)).toBe(false);
    expect(portCovers(['22', '4789'], 4789)).toBe(true);
    expect(portCovers(undefined, 4789)).toBe(false);
    expect(portCovers(new Unknown({ code: 'deployment-time', message: 'x' }), 4789)).toBeUndefined();
  });
  test('IPv4 addresses and CIDR blocks; IPv6 prefixes and service tags are told apart', () => {
    expect(parseIpv4Range('10.20.2.4')).toMatchObject({ first: 0x0a140204, last: 0x0a140204 });
    expect(parseIpv4Range('10.20.2.9/24')).toMatchObject({ first: 0x0a140200, last: 0x0a1402ff });
    expect(parseIpv4Range('0.0.0.0/0')).toMatchObject({ first: 0, last: 2 ** 32 - 1 });
    expect(parseIpv4Range('fd00:db8::/64')).toBe('v6');
    expect(parseIpv4Range('Internet')).toBeUndefined();
    expect(parseIpv4Range('10.20.2.300')).toBeUndefined();
  });
  test("a rule's destination prefix covers the collector's static IP, or the whole subnet of a dynamic one", () => {
    const covers = (fixture: string) => {
      const g = graphOf(`vtap-collector-port-open/${fixture}`);
      const nic = nicNamed(g, 'colNic');
      const [nsg] = securityGroupsOfNic(g, nic);
      const [rule] = securityRulesOf(nsg!.nsg);
      return destinationCovers(g, rule!.decl, at(nic.root, 'properties', 'ipConfigurations', 0)).covers;
    };
    expect(covers('pass-shared-nsg-deny-other-subnet.bicep')).toBe(false);
    expect(covers('fail-shared-nsg-deny-collector-ip.bicep')).toBe(true);
    expect(covers('pass-dynamic-collector-deny-other-subnet.bicep')).toBe(false);
    expect(covers('fail-dynamic-collector-deny-collector-subnet.bicep')).toBe(true);
    expect(covers('indeterminate-dynamic-collector-part-of-subnet.bicep')).toBeUndefined();
    expect(covers('indeterminate-dest-prefix-parameter.bicep')).toBeUndefined();
    expect(covers('pass-deny-to-internet-tag.bicep')).toBe(false);
    expect(covers('fail-deny-to-virtualnetwork-tag.bicep')).toBe(true);
  });
  test("a rule's source prefix holds a source NIC's address (the whole subnet of a dynamic IP); without the sender's IP configuration a prefix may or may not", () => {
    const covers = (fixture: string, withSender = true) => {
      const g = graphOf(`vtap-collector-port-open/${fixture}`);
      const [nsg] = securityGroupsOfNic(g, nicNamed(g, 'collectorNic'));
      const [deny] = securityRulesOf(nsg!.nsg);
      return sourceCovers(g, deny!.decl, withSender ? at(nicNamed(g, 'webNic').root, 'properties', 'ipConfigurations', 0) : undefined).covers;
    };
    expect(covers('fail-deny-from-source-subnet.bicep')).toBe(true);
    expect(covers('pass-deny-from-other-prefix.bicep')).toBe(false);
    expect(covers('indeterminate-deny-from-part-of-source-subnet.bicep')).toBeUndefined();
    expect(covers('fail-deny-from-source-subnet.bicep', false)).toBeUndefined();
  });
  test('rules for the whole network count as broad sources', () => {
    const g = graphOf('vtap-collector-port-open/fail-nsg-denies-vxlan.json');
    const [nsg] = securityGroupsOfNic(g, nicNamed(g, 'collector-nic'));
    expect(securityRulesOf(nsg!.nsg).map((r) => broadSource(r.decl))).toEqual([true, true]);
  });
});

describe('roles', () => {
  test('action patterns with wildcards, case-insensitive', () => {
    expect(actionMatches('Microsoft.Network/*', 'Microsoft.Network/virtualNetworkTaps/write')).toBe(true);
    expect(actionMatches('microsoft.network/virtualnetworktaps/*', 'Microsoft.Network/virtualNetworkTaps/join/action')).toBe(true);
    expect(actionMatches('Microsoft.Network/tapConfigurations/*', 'Microsoft.Network/networkInterfaces/tapConfigurations/write')).toBe(false);
  });
  test('notActions take granted operations away', () => {
    const g = graphOf('vtap-role-permissions/fail-not-actions.json');
    const [p] = permissionsOf(roleDefinitions(g)[0]!);
    expect(grants(p!, 'Microsoft.Network/virtualNetworkTaps/read').granted).toBe(true);
    expect(grants(p!, 'Microsoft.Network/virtualNetworkTaps/write').granted).toBe(false);
  });
});

describe('type index', () => {
  const idx: TypeIndex = index;
  test('NIC tapConfigurations is writable up to 2019-08-01 and read-only from 2019-09-01', () => {
    expect(typeShape(idx, TYPES.nic, '2019-08-01')?.writable.has('properties.tapconfigurations')).toBe(true);
    expect(typeShape(idx, TYPES.nic, '2019-09-01')?.readOnly.has('properties.tapconfigurations')).toBe(true);
    expect(typeShape(idx, TYPES.nic, '2024-05-01')?.readOnly.has('properties.tapconfigurations')).toBe(true);
  });
  test('published API versions of virtualNetworkTaps', () => {
    expect(typeShape(idx, TYPES.tap, '2018-08-01')?.published).toBe(true);
    expect(typeShape(idx, TYPES.tap, '2018-06-01')?.published).toBe(false);
    expect(typeShape(idx, TYPES.tap, '2024-05-01-preview')?.published).toBe(false);
    expect(typeShape(idx, TYPES.tap, '2025-09-01')?.apiVersions).toHaveLength(44);
  });
  test('TAP properties', () => {
    const s = typeShape(idx, TYPES.tap, '2024-05-01')!;
    expect([...s.writable].sort()).toEqual(['properties.destinationloadbalancerfrontendipconfiguration', 'properties.destinationnetworkinterfaceipconfiguration', 'properties.destinationport']);
    expect(s.readOnly.has('properties.networkinterfacetapconfigurations')).toBe(true);
  });
});

describe('regions', () => {
  test('display names and canonical names are one region', () => {
    expect(sameRegion('East US', 'eastus')).toBe(true);
    expect(sameRegion('eastus', 'westus')).toBe(false);
    const rg = new Unknown({ code: 'deployment-time', message: 'x' }, 'string', undefined, 'resourceGroup().location');
    const rg2 = new Unknown({ code: 'deployment-time', message: 'x' }, 'string', undefined, 'resourceGroup().location');
    expect(sameRegion(rg, rg2)).toBe(true);
    expect(sameRegion(rg, 'eastus')).toBeUndefined();
  });
});
