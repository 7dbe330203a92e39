import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { tapNetworkPairs } from '../src/graph/tap-network.js';
import { sameRegion } from '../src/graph/vtap.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { sourceRelated, unknownOrigin } from './lib/support.js';
import docs from './vtap-peering-same-region.md';

export default defineRule(
  {
    id: 'vtap-peering-same-region',
    name: 'VtapPeeringSameRegion',
    shortDescription: 'When the destination is in a peered virtual network, both networks are in one region (no global peering).',
    fullDescription:
      'Mirrored traffic can reach a collector in a peered virtual network only when the peered networks are in the same region. The rule compares the locations of the source NIC\'s network and the destination\'s network when they differ.',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Prerequisites": "the monitored network interfaces, and the destination endpoint for aggregating the TAP traffic can be in peered virtual networks in the same region"',
  },
  docs,
  (ctx) => {
    const done = new Set<string>();
    for (const p of tapNetworkPairs(ctx.graph)) {
      if (p.same !== false || p.sourceNet.kind !== 'vnet' || p.destNet.kind !== 'vnet' || p.sourceNet.vnet.existing || p.destNet.vnet.existing) continue;
      const a = p.sourceNet.vnet;
      const b = p.destNet.vnet;
      // Per destination when a value known only at deployment chooses it (networkChoice), unless all are in this network.
      const key = `${p.tap.key}|${a.key}|${b.key}|${p.networkChoice?.destination.property ?? ''}`;
      if (done.has(key)) continue;
      done.add(key);
      const la = at(a.root, 'location');
      const lb = at(b.root, 'location');
      if (la.value === undefined || lb.value === undefined) continue;
      const same = sameRegion(la.value, lb.value);
      const base = { span: lb.span, resource: b, involved: [a, p.tap, p.source.holder], sources: [p.source], destination: p.networkChoice, related: [{ span: la.span, message: `the location of '${a.displayName}', the network of source NIC '${p.nic.displayName}'` }, sourceRelated(p.source)] };
      if (same === true) ctx.pass({ ...base, message: 'peered networks in one region' });
      else if (same === false) {
        // A TAP in its collector's region (a hub's, with a spoke peered from another region): the
        // collector cannot move to the spoke's region without leaving its TAP's.
        const tapLocation = at(p.tap.root, 'location').value;
        const advice =
          tapLocation !== undefined && sameRegion(tapLocation, lb.value) === true
            ? `mirror VMs in '${String(lb.value)}', the region of TAP '${p.tap.displayName}' and its collector, or deploy a TAP and a collector in '${String(la.value)}' for the VMs there`
            : `put the collector in a network in '${String(la.value)}'`;
        ctx.fail({
          ...base,
          message: `the destination network '${b.displayName}' is in '${String(lb.value)}' but the source network '${a.displayName}' is in '${String(la.value)}'; a TAP cannot send over global peering: ${advice}`,
        });
      }
      else if (la.value instanceof Unknown || lb.value instanceof Unknown) {
        // Neither a known region nor an unknown one (location: null, a number): nothing to compare.
        const u = la.value instanceof Unknown ? la.value : (lb.value as Unknown);
        ctx.indeterminate({ ...base, related: [...base.related, ...unknownOrigin(u, base.span)], message: `cannot tell whether networks '${a.displayName}' and '${b.displayName}' are in one region: a location is ${describeUnknown(u)}` });
      }
    }
  },
);
