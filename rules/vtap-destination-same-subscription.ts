import { defineRule } from '../src/engine/rule.js';
import { destinationOf, literalSubscription, taps } from '../src/graph/vtap.js';
import docs from './vtap-destination-same-subscription.md';

export default defineRule(
  {
    id: 'vtap-destination-same-subscription',
    name: 'VtapDestinationSameSubscription',
    shortDescription: 'The TAP and its destination NIC or load balancer are in the same subscription.',
    fullDescription:
      'The virtual network FAQ says the TAP resource and the destination load balancer or network interface must be in the same subscription. The rule compares the subscription in the destination id with the TAP\'s when both are literal; otherwise vtap-destination-type lists this among the checks it could not make.',
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Virtual network FAQ, "Virtual network TAP": "The virtual network TAP resource and the destination load balancer or destination network interface must be in the same subscription."',
  },
  docs,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const d = destinationOf(tap, ctx.graph);
      // The destination's id: outside the template, or declared here (in a module deployed to
      // another subscription, say).
      const r = d?.resolution;
      const destId = r?.kind === 'external' ? r.id : r?.kind === 'resource' || r?.kind === 'sub' ? r.resource.id : undefined;
      if (!d || !destId) continue;
      const tapSub = literalSubscription(tap.id);
      const sub = literalSubscription(destId);
      if (tapSub === undefined || sub === undefined) continue;
      if (tapSub === sub) ctx.pass({ message: 'destination in the same subscription', span: d.id.span, resource: tap });
      else
        ctx.fail({
          message: `the destination of TAP '${tap.displayName}' is in subscription '${sub}' but the TAP is in '${tapSub}'; the TAP and its destination must be in the same subscription: deploy the TAP to '${sub}' or use a collector there`,
          span: d.id.span,
          resource: tap,
        });
    }
  },
);
