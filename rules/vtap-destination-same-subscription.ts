import { defineRule } from '../src/engine/rule.js';
import { destinationChoices, destinationIdForSubscription, literalSubscription, subscriptionScopeOf, taps } from '../src/graph/vtap.js';
import { aboutDestination } from './lib/support.js';
import type { RelatedLocation } from '../src/engine/rule.js';
import { segmentDisplay, segmentKey, subscriptionOf, type Segment } from '../src/deploy/resource-id.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';

/** A subscription segment in a message: the deployment's own, or the text as written. */
function subscriptionText(s: Segment | undefined): string {
  if (s === undefined || (s.length === 1 && s[0] instanceof Unknown && s[0].symbol === 'subscription().subscriptionId')) return "the deployment's subscription (only known at deployment)";
  // One only known at deployment otherwise (a parameter without a value): what makes it unknown.
  if (s.length === 1 && s[0] instanceof Unknown) return `a subscription that is ${describeUnknown(s[0])}`;
  return `subscription '${segmentDisplay(s)}'`;
}
import docs from './vtap-destination-same-subscription.md';

export default defineRule(
  {
    id: 'vtap-destination-same-subscription',
    name: 'VtapDestinationSameSubscription',
    shortDescription: 'The TAP and its destination NIC or load balancer are in the same subscription.',
    fullDescription:
      'The virtual network FAQ says the TAP resource and the destination load balancer or network interface must be in the same subscription. The rule compares the subscription in the destination id with the TAP\'s when both are literal; when one is only known at deployment, a destination the template deploys is indeterminate (unless both are the same, such as the deployment\'s own), and for one outside the template vtap-destination-type lists this among the checks it could not make.',
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Virtual network FAQ, "Virtual network TAP": "The virtual network TAP resource and the destination load balancer or destination network interface must be in the same subscription."',
  },
  docs,
  (ctx) => {
    for (const tap of taps(ctx.graph)) for (const choice of destinationChoices(tap, ctx.graph)) {
      // Each destination a value known only at deployment may choose, with that value (Verdict.destination).
      const c = aboutDestination(ctx, choice);
      const d = choice.destination;
      // The destination's id: outside the template, or declared here (in a module deployed to
      // another subscription, say).
      const r = d?.resolution;
      const destId = r && destinationIdForSubscription(r);
      if (!destId) continue;
      const tapSub = literalSubscription(tap.id);
      const sub = literalSubscription(destId);
      if (tapSub === undefined || sub === undefined) {
        // A destination outside the template (an id, or an `existing` resource) is
        // vtap-destination-type's to report, with this check in its list. One the template
        // deploys (in a module with its own scope, say) is decided here: the same segment (the
        // deployment's subscription on both sides) passes; otherwise it is only known at deployment.
        const declared = (r?.kind === 'resource' || r?.kind === 'sub') && !r.resource.existing;
        if (!declared) continue;
        const a = subscriptionOf(tap.id);
        const b = subscriptionOf(destId);
        if (a !== undefined && b !== undefined && segmentKey(a) === segmentKey(b)) {
          c.pass({ message: 'destination in the same subscription, whichever it is', span: d.id.span, resource: tap });
          continue;
        }
        c.indeterminate({
          message: `the destination of TAP '${tap.displayName}' ('${r.resource.displayName}') is in ${subscriptionText(b)} and the TAP is in ${subscriptionText(a)}; the TAP and its destination must be in the same subscription: deploy them to one subscription, or set deployment.subscriptionId in vtaplint.config.json to check it`,
          span: d.id.span,
          resource: tap,
          involved: [r.resource],
        });
        continue;
      }
      if (tapSub === sub) c.pass({ message: 'destination in the same subscription', span: d.id.span, resource: tap });
      else {
        // Where modules scoped to a subscription set the two subscriptions the message names.
        const destResource = r?.kind === 'resource' || r?.kind === 'sub' ? r.resource : undefined;
        const related = [subscriptionScopeOf(tap, `TAP '${tap.plainDisplayName}'`), destResource && subscriptionScopeOf(destResource, `the destination '${destResource.plainDisplayName}'`)].filter(
          (x): x is RelatedLocation => x !== undefined,
        );
        c.fail({
          message: `the destination of TAP '${tap.displayName}' is in subscription '${sub}' but the TAP is in '${tapSub}'; the TAP and its destination must be in the same subscription: deploy the TAP to '${sub}' or use a collector there`,
          span: d.id.span,
          related: related.length > 0 ? related : undefined,
          resource: tap,
        });
      }
    }
  },
);
