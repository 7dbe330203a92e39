import { defineRule } from '../src/engine/rule.js';
import { describeSource, destinationChoices, destinationIdForSubscription, literalSubscription, nicName, resolvedName, sourcesOfTap, subscriptionScopeOf, tapIdElsewhere, tapSources, taps, type TapSource } from '../src/graph/vtap.js';
import type { DeployedResource } from '../src/deploy/model.js';
import type { RelatedLocation, RuleContext } from '../src/engine/rule.js';
import { aboutDestination, unknownOrigin } from './lib/support.js';
import { idNames, subscriptionOf, type ResourceId } from '../src/deploy/resource-id.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import type { Span } from '../src/model/span.js';
import docs from './vtap-cross-subscription.md';

export default defineRule(
  {
    id: 'vtap-cross-subscription',
    name: 'VtapCrossSubscription',
    shortDescription: 'Source NICs or a destination in another subscription must be in a subscription of the same Microsoft Entra tenant (a review item).',
    fullDescription:
      'A TAP can mirror network interfaces in other subscriptions only when all the subscriptions are associated with the same Microsoft Entra tenant. A template cannot prove that, so the rule asks for a review whenever a source NIC or the destination is referenced with a literal subscription id other than the one the TAP is deployed to (or when the TAP\'s subscription is only known at deployment).',
    defaultLevel: 'note',
    tags: ['vtap'],
    precision: 'medium',
    source: 'Virtual network TAP overview, "Prerequisites": the monitored network interfaces in other subscriptions "must be associated to the same Microsoft Entra tenant"',
  },
  docs,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const tapSub = literalSubscription(tap.id);
      // Where modules scoped to a subscription set the subscriptions the message names.
      const scopes = (other: DeployedResource | undefined, what: string): RelatedLocation[] | undefined => {
        const list = [subscriptionScopeOf(tap, `TAP '${tap.plainDisplayName}'`), other && subscriptionScopeOf(other, what)].filter((r): r is RelatedLocation => r !== undefined);
        return list.length > 0 ? list : undefined;
      };
      const review = (id: ResourceId, what: string, span: Span, other?: { resource: DeployedResource; what: string }, c: RuleContext = ctx) => {
        // Asked only for a finding: a pass needs no related locations.
        const related = () => scopes(other?.resource, other?.what ?? '');
        const sub = literalSubscription(id);
        if (sub === undefined) {
          // The other way round from below: the TAP is in a subscription written out (a module
          // scoped there) and the NIC or destination in the deployment's, which may be another.
          if (tapSub !== undefined)
            c.indeterminate({
              message: `${what} is in the deployment's subscription (only known at deployment) and TAP '${tap.displayName}' is in subscription '${tapSub}'; if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json`,
              span,
              related: related(),
              resource: tap,
            });
          return;
        }
        if (tapSub === sub) {
          c.pass({ message: `${what} is in the TAP's subscription`, span, resource: tap });
          return;
        }
        c.indeterminate({
          message:
            tapSub === undefined
              ? `${what} ${other && !other.resource.existing ? 'is deployed to' : 'is referenced in'} subscription '${sub}' and TAP '${tap.displayName}' is deployed to the deployment's subscription (only known at deployment); if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json`
              : `${what} is in subscription '${sub}' but TAP '${tap.displayName}' is in subscription '${tapSub}'; both must be associated with the same Microsoft Entra tenant: check that they are`,
          span,
          related: related(),
          resource: tap,
        });
      };
      // Outside the template, or declared here in another subscription (a module scoped there).
      for (const s of sourcesOfTap(ctx.graph, tap)) {
        const named = tapIdElsewhere(s);
        if (named) {
          namedElsewhere(ctx, s, named);
          continue;
        }
        if (s.nic.kind === 'external') review(s.nic.id, `source NIC '${nicName(s.nic)}'`, s.tapId.span);
        else if (s.nic.kind === 'resource')
          review(s.nic.resource.id, `source NIC '${nicName(s.nic)}'`, s.tapId.span, { resource: s.nic.resource, what: `source NIC '${s.nic.resource.plainDisplayName}'` });
      }
      // Each destination a value known only at deployment may choose, with that value (Verdict.destination).
      for (const choice of destinationChoices(tap, ctx.graph)) {
        const d = choice.destination;
        const r = d.resolution;
        const destId = destinationIdForSubscription(r);
        const destResource = r.kind === 'resource' || r.kind === 'sub' ? r.resource : undefined;
        // A destination certainly in another subscription than the TAP's is wrong whatever the
        // tenant (vtap-destination-same-subscription says so): a tenant check would contradict it.
        const destSub = destId && literalSubscription(destId);
        if (tapSub !== undefined && destSub !== undefined && destSub !== tapSub) continue;
        if (destId)
          review(
            destId,
            `the destination of TAP '${tap.displayName}' ('${idNames(destId)}')`,
            d.id.span,
            // The declared resource's own subscription, not the one an id written for it names
            // (that id says where the destination is, not where the template deploys it).
            destResource && destId === destResource.id ? { resource: destResource, what: `the destination '${destResource.plainDisplayName}'` } : undefined,
            aboutDestination(ctx, choice),
          );
      }
    }
    // The other way round: NICs mirrored to a TAP outside the template (an `existing` one or an
    // id) in a subscription written out. A NIC this template does not declare (the parent of a
    // tapConfigurations resource: a spoke team attaching its existing VMs to the hub's TAP in
    // ARM JSON) is in the subscription its id says, as a Bicep `existing` one is.
    for (const s of tapSources(ctx.graph)) {
      if (s.nic.kind !== 'resource' && s.nic.kind !== 'external') continue;
      const outside = s.tap.kind === 'resource' && s.tap.resource.existing ? s.tap.resource.id : s.tap.kind === 'external' ? s.tap.id : undefined;
      const tapSub = outside && literalSubscription(outside);
      if (!outside || tapSub === undefined) continue;
      const nic = s.nic.kind === 'resource' ? s.nic.resource : s.holder;
      const nicSub = literalSubscription(s.nic.kind === 'resource' ? nic.id : s.nic.id);
      const tapName = resolvedName(s.tap) ?? '';
      if (nicSub === tapSub) {
        ctx.pass({ message: "source NIC in the TAP's subscription", span: s.tapId.span, resource: nic });
        continue;
      }
      ctx.indeterminate({
        message:
          nicSub === undefined
            ? `source NIC '${nicName(s.nic)}' ${s.nic.kind === 'resource' && !nic.existing ? 'is deployed to' : 'is in'} the deployment's subscription (only known at deployment) and TAP '${tapName}' is in subscription '${tapSub}'; if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json`
            : `source NIC '${nicName(s.nic)}' is in subscription '${nicSub}' but TAP '${tapName}' is in subscription '${tapSub}'; both must be associated with the same Microsoft Entra tenant: check that they are`,
        span: s.tapId.span,
        related: (() => {
          const scope = s.nic.kind === 'resource' ? subscriptionScopeOf(nic, `source NIC '${nic.plainDisplayName}'`) : undefined;
          return scope && [scope];
        })(),
        resource: nic,
      });
    }
  },
);

/**
 * A source whose TAP id names a subscription other than the declared TAP's (tapIdElsewhere:
 * resourceId(tapSubscriptionId, ...), linked to the TAP this template deploys): the TAP it names
 * is in the subscription written in the id, whichever it is. Its NIC and that subscription are
 * compared as for any other TAP: the same one passes; another, or one only known at deployment,
 * asks for the tenant check, naming what is not known.
 */
function namedElsewhere(ctx: RuleContext, s: TapSource, id: ResourceId): void {
  const tap = s.tap.kind === 'resource' ? s.tap.resource : undefined;
  if (!tap || (s.nic.kind !== 'resource' && s.nic.kind !== 'external')) return;
  const nicId = s.nic.kind === 'resource' ? s.nic.resource.id : s.nic.id;
  const nicSub = literalSubscription(nicId);
  const tapSub = literalSubscription(id);
  const nic = `source NIC '${nicName(s.nic)}'`;
  const names = `${describeSource(s)} names TAP '${tap.displayName}'`;
  const base = { span: s.tapId.span, resource: tap, sources: [s] };
  const given = s.nic.kind === 'resource' && !s.nic.resource.existing ? 'is deployed to' : 'is in';
  if (tapSub === undefined) {
    // The subscription in the id is known only at deployment (a parameter without a value).
    const written = subscriptionOf(id) ?? [];
    const u = written.find((p): p is Unknown => p instanceof Unknown);
    const why = u ? describeUnknown(u) : 'only known at deployment';
    const whose = nicSub === undefined ? `${nic} (the deployment's)` : `${nic} ('${nicSub}')`;
    ctx.indeterminate({
      ...base,
      related: u ? unknownOrigin(u, s.tapId.span) : undefined,
      message: `${names} by an id in a subscription that is ${why}; if it is not the subscription of ${whose}, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or give the parameter a value`,
    });
    return;
  }
  if (nicSub === tapSub) {
    ctx.pass({ ...base, message: `${nic} is in the subscription of the TAP its ${describeSource(s)} names` });
    return;
  }
  ctx.indeterminate({
    ...base,
    message:
      nicSub === undefined
        ? `${nic} ${given} the deployment's subscription (only known at deployment) and ${names} in subscription '${tapSub}'; if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json`
        : `${nic} is in subscription '${nicSub}' but ${names} in subscription '${tapSub}'; both must be associated with the same Microsoft Entra tenant: check that they are`,
  });
}
