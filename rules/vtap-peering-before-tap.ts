import { defineRule } from '../src/engine/rule.js';
import { tapNetworkPairs } from '../src/graph/tap-network.js';
import { orderedAfter } from '../src/graph/vtap.js';
import type { Peering } from '../src/graph/network.js';
import { dependsOnAcrossModules, sourceRelated } from './lib/support.js';
import docs from './vtap-peering-before-tap.md';

export default defineRule(
  {
    id: 'vtap-peering-before-tap',
    name: 'VtapPeeringBeforeTap',
    shortDescription: 'A TAP configuration that sends to a peered network is deployed after the peerings (both directions).',
    fullDescription:
      'When the destination is in a peered virtual network, the peering must be in place before the TAP configuration is created. The rule checks that every TAP configuration of such a source depends, directly or transitively (dependsOn, Bicep symbolic references, parent, module outputs), on the peerings the template declares in both directions.',
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Virtual network TAP overview, "Prerequisites": "ensure that the virtual network peering is enabled before you configure virtual network TAP"',
  },
  docs,
  (ctx) => {
    for (const p of tapNetworkPairs(ctx.graph)) {
      if (p.same !== false) continue;
      for (const peering of [p.forward, p.backward].filter((x): x is Peering => x !== undefined)) {
        const holder = p.source.holder;
        const base = { span: p.source.tapId.span, resource: holder, involved: [peering.holder, p.tap], sources: [p.source], related: [{ span: peering.decl.span, message: `the peering from '${peering.from.displayName}'` }, sourceRelated(p.source)] };
        if (orderedAfter(ctx.graph, holder, peering.holder)) {
          ctx.pass({ ...base, message: 'tap configuration after peering' });
          continue;
        }
        // In different modules, the entry goes on the modules, in the template that declares both.
        const across = dependsOnAcrossModules(holder, peering.holder, p.source.declaration === 'child' ? 'the TAP configuration' : `NIC '${p.nic.displayName}'`, 'the peering');
        ctx.fail({
          ...base,
          related: across ? [...base.related, across.related] : base.related,
          message: `'${holder.displayName}' attaches NIC '${p.nic.displayName}' to TAP '${p.tap.displayName}' without waiting for the peering from '${peering.from.displayName}' ('${peering.holder.displayName}'); the peering must be in place first: ${across?.advice ?? 'add it to dependsOn'}`,
        });
      }
    }
  },
);
