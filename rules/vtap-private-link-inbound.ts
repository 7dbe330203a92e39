import { defineRule } from '../src/engine/rule.js';
import { sourceNics } from '../src/graph/vtap.js';
import { loadBalancersOfNic, privateLinkFrontends, rulesOfFrontend, rulesReaching } from '../src/graph/network.js';
import { lbMembershipChoice, lbMembershipRelated, sourceRelated } from './lib/support.js';
import docs from './vtap-private-link-inbound.md';

export default defineRule(
  {
    id: 'vtap-private-link-inbound',
    name: 'VtapPrivateLinkInbound',
    shortDescription: 'Inbound Private Link Service traffic to a source VM is not mirrored.',
    fullDescription:
      'Virtual network TAP does not mirror inbound Private Link Service traffic. The rule follows each private link service to the load balancer frontend it uses, the rules on that frontend and their backend pools; when a pool holds a source NIC it warns that the traffic arriving through the private link service will be missing from the mirror.',
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Other Limitations": "Virtual network doesn\'t support mirroring of inbound Private Link Service traffic."',
  },
  docs,
  (ctx) => {
    const fronted = privateLinkFrontends(ctx.graph);
    if (fronted.length === 0) return;
    const seen = new Set<string>();
    // Once per NIC: what is checked depends on the NIC alone (see sourceNics).
    for (const { nic, source } of sourceNics(ctx.graph)) {
      for (const m of loadBalancersOfNic(ctx.graph, nic)) {
        const reaching = new Set(rulesReaching(ctx.graph, m).map((x) => `${x.kind}|${x.name}`));
        for (const f of fronted) {
          if (f.frontend.lb !== m.lb) continue;
          const rule = rulesOfFrontend(ctx.graph, f.frontend).find((r) => reaching.has(`${r.kind}|${r.name}`));
          const key = `${f.pls.key}|${nic.key}`;
          if (!rule || seen.has(key)) continue;
          seen.add(key);
          ctx.fail({
            message: `private link service '${f.pls.displayName}' sends inbound traffic through frontend '${f.frontend.name}' of load balancer '${m.lb.displayName}' (rule '${rule.name}') to source NIC '${nic.displayName}'; virtual network TAP does not mirror inbound Private Link Service traffic, so that traffic is missing from the mirror: capture it another way (on the VM itself, or on the consumer's side of the private endpoint), or accept and document the gap`,
            span: f.ref.span,
            resource: f.pls,
            involved: [m.lb, nic, m.declaration, ...(source.config ? [source.config] : [])],
            sources: [source],
            related: [lbMembershipRelated(nic, m), sourceRelated(source)],
            ...lbMembershipChoice(nic, m),
          });
        }
      }
    }
  },
);
