import { defineRule } from '../src/engine/rule.js';
import { at, elements, type LocatedValue } from '../src/expr/located.js';
import { destinationChoices, destinationTarget, destinationsOf, sourceNics, tapOf, taps } from '../src/graph/vtap.js';
import { formatId, parseResourceId } from '../src/deploy/resource-id.js';
import { aboutDestination, sourceRelated } from './lib/support.js';
import docs from './vtap-arm-only.md';

const CLASSIC = new Set(['microsoft.classiccompute', 'microsoft.classicnetwork']);

export default defineRule(
  {
    id: 'vtap-arm-only',
    name: 'VtapArmOnly',
    shortDescription: 'No classic (Azure Service Manager) resource is part of a TAP: sources, their VMs and networks, and the destination are Resource Manager resources.',
    fullDescription:
      'Virtual network TAP works with virtual machines created with Azure Resource Manager. The rule fails when the subnet of a source NIC, the destination, or the subnet of a destination the template declares is a classic resource (Microsoft.ClassicCompute or Microsoft.ClassicNetwork).',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Prerequisites": "You must have one or more virtual machines created with Azure Resource Manager"',
  },
  docs,
  (ctx) => {
    const classicId = (lv: LocatedValue): string | undefined => {
      const id = parseResourceId(lv.value ?? null);
      return id && CLASSIC.has(id.namespace.toLowerCase()) ? formatId(id) : undefined;
    };
    for (const tap of taps(ctx.graph)) {
      // Each destination a value known only at deployment may choose, with that value
      // (Verdict.destination); else every destination property the TAP sets.
      const choices = destinationChoices(tap, ctx.graph);
      const alternatives = choices.length > 0 ? choices : destinationsOf(tap, ctx.graph).map((destination) => ({ tap, destination, when: undefined }));
      for (const choice of alternatives) {
        const d = choice.destination;
        const out = aboutDestination(ctx, choice);
        const c = classicId(d.id);
        if (c) {
          out.fail({
            message: `the destination of TAP '${tap.displayName}' is a classic resource (${c}); virtual network TAP only works with Resource Manager resources: use a Resource Manager NIC or load balancer`,
            span: d.id.span,
            resource: tap,
          });
          continue;
        }
        // A destination the template declares (a collector NIC's IP configuration, an internal
        // load balancer frontend) is in the chain with its subnet, as a source NIC is.
        const t = destinationTarget(d);
        const subnet = t && at(t.entry, 'properties', 'subnet', 'id');
        const cs = subnet && classicId(subnet);
        if (t && subnet && cs)
          out.fail({
            message: `the destination of TAP '${tap.displayName}' ('${t.name}' of ${t.kind === 'lb' ? 'load balancer' : 'NIC'} '${t.resource.displayName}') is in a classic virtual network (${cs}); virtual network TAP only works with Resource Manager resources: put the collector in a Resource Manager network`,
            span: subnet.span,
            related: [{ span: d.id.span, message: 'the destination of the TAP' }],
            resource: t.resource,
            involved: [tap],
          });
        else out.pass({ message: 'destination is a Resource Manager resource', span: d.id.span, resource: tap });
      }
    }
    // Every source NIC the template declares, whatever TAP it names.
    for (const { nic, source } of sourceNics(ctx.graph)) {
      const tap = tapOf(source);
      const of = tap ? ` of TAP '${tap.displayName}'` : '';
      for (const ipc of elements(at(nic.root, 'properties', 'ipConfigurations'))) {
        const subnet = at(ipc, 'properties', 'subnet', 'id');
        const c = classicId(subnet);
        if (c)
          ctx.fail({
            message: `source NIC '${nic.displayName}'${of} is in a classic virtual network (${c}); virtual network TAP only mirrors Resource Manager VMs: migrate the network to Resource Manager`,
            span: subnet.span,
            related: [sourceRelated(source)],
            resource: nic,
            involved: tap ? [tap, source.holder] : [source.holder],
            sources: [source],
          });
      }
    }
  },
);
