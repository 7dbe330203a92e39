// The load balancer rules (Basic SKU, Floating IP, Private Link inbound) and the network rule
// (encryption) of TAP sources did work that grew with a power of the template's size: the same
// NIC's pool memberships were walked again for each of its sources (K IP configurations naming T
// TAPs are K x T sources), and each membership walked every rule of the load balancer and every
// pool each rule lists. A 2 KB template ran for minutes. Counted here as ids resolved by the
// graph (each pool or frontend reference is one), so the test fails on the count, not on time.
import { describe, expect, test } from 'vitest';
import { analyze, arm } from '../deploy/helpers.js';
import { runRules } from '../../src/engine/run-rules.js';
import { DEFAULT_CONFIG } from '../../src/engine/config.js';
import type { ResourceGraph } from '../../src/graph/graph.js';
import basicLb from '../../rules/vtap-source-basic-lb.js';
import floatingIp from '../../rules/vtap-source-floating-ip.js';
import privateLink from '../../rules/vtap-private-link-inbound.js';
import encryption from '../../rules/vtap-source-vnet-encryption.js';

const RULES = [basicLb, floatingIp, privateLink, encryption];
const poolId = (k: string) => `[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'lb', ${k})]`;
/** `n` pool references (p0 .. p<n-1>) as an expression. */
const poolRefs = (n: number) => `[map(range(0, ${n}), lambda('k', createObject('id', ${poolId("concat('p', string(lambdaVariables('k')))").slice(1, -1)})))]`;
const tap = (name: string) => ({ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name, location: 'eastus', properties: {} });
const tapRef = (name: string) => ({ id: `[resourceId('Microsoft.Network/virtualNetworkTaps', '${name}')]` });
function lb(pools: number, rules: number, rulePools: unknown) {
  return {
    type: 'Microsoft.Network/loadBalancers',
    apiVersion: '2024-05-01',
    name: 'lb',
    location: 'eastus',
    sku: { name: 'Standard' },
    properties: {
      copy: [
        { name: 'backendAddressPools', count: pools, input: { name: "[concat('p', string(copyIndex('backendAddressPools')))]" } },
        { name: 'loadBalancingRules', count: rules, input: { name: "[concat('r', string(copyIndex('loadBalancingRules')))]", properties: { enableFloatingIP: true, ...(rulePools as object) } } },
      ],
    },
  };
}

/** Runs the rules, counting the ids the graph resolves meanwhile. */
function resolvedWhileRunning(g: ResourceGraph): { resolved: number; findings: string[] } {
  const resolve = g.resolve.bind(g);
  let resolved = 0;
  g.resolve = (v) => {
    resolved++;
    return resolve(v);
  };
  const { outcomes } = runRules(g, RULES, DEFAULT_CONFIG);
  return { resolved, findings: outcomes.filter((o) => o.verdict.kind === 'fail').map((o) => o.rule.meta.id) };
}

describe('load balancer rules of TAP sources: work that grows with the template, not a power of it', () => {
  test('a NIC in 30 pools of a load balancer whose 30 rules each use the 30 pools', () => {
    const nic = { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: 'nic', location: 'eastus', properties: { ipConfigurations: [{ name: 'ip', properties: { loadBalancerBackendAddressPools: poolRefs(30), virtualNetworkTaps: [tapRef('tap')] } }] } };
    const { a } = analyze({ 't.json': arm([nic, tap('tap'), lb(30, 30, { backendAddressPools: poolRefs(30) })]) });
    const { resolved, findings } = resolvedWhileRunning(a.graph);
    // One Floating IP finding per rule; each rule's pools resolved once (900), not per membership (27,000).
    expect(findings.filter((id) => id === 'vtap-source-floating-ip')).toHaveLength(30);
    expect(resolved).toBeLessThan(3000);
  });

  test('a NIC with 10 IP configurations, each naming 10 TAPs and in 10 pools', () => {
    const ipConfigurations = Array.from({ length: 10 }, (_, j) => ({ name: `ip${j}`, properties: { loadBalancerBackendAddressPools: poolRefs(10), virtualNetworkTaps: Array.from({ length: 10 }, (_, k) => tapRef(`tap${k}`)) } }));
    const nic = { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: 'nic', location: 'eastus', properties: { ipConfigurations } };
    const taps = Array.from({ length: 10 }, (_, k) => tap(`tap${k}`));
    const { a } = analyze({ 't.json': arm([nic, ...taps, lb(10, 10, { backendAddressPool: { id: poolId("concat('p', string(copyIndex('loadBalancingRules')))") } })]) });
    const { resolved, findings } = resolvedWhileRunning(a.graph);
    expect(findings.filter((id) => id === 'vtap-source-floating-ip')).toHaveLength(10);
    // The NIC's 100 memberships once per rule, not once per each of its 100 sources (over 20,000).
    expect(resolved).toBeLessThan(2000);
  });
});
