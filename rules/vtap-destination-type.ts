import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { at, elements } from '../src/expr/located.js';
import { destinationChoices, destinationToggle, destinationsOf, nicName, privateEndpointOfNic, privateLinkServiceOfNic, resolvedName, tapSources, taps, TYPES, type Destination, type NicRef, type TapSource } from '../src/graph/vtap.js';
import { aboutDestination, sourceRelated } from './lib/support.js';
import type { Resolution } from '../src/graph/graph.js';
import { describeId, fullType, idNames, resourceKey, sameScope, segmentText, subscriptionOf, truncateId, type ResourceId, type Segment } from '../src/deploy/resource-id.js';
import { Unknown, testOf } from '../src/expr/value.js';
import { VALUE_ORIGIN, describeUnknown } from '../src/engine/describe.js';
import type { DeployedResource } from '../src/deploy/model.js';
import type { Span } from '../src/model/span.js';
import { deployedByUnfetched, unfetchedDeployerOf } from '../src/graph/unfetched.js';
import docs from './vtap-destination-type.md';

const NIC_IPCONFIG = 'microsoft.network/networkinterfaces/ipconfigurations';
const LB_FRONTEND = 'microsoft.network/loadbalancers/frontendipconfigurations';
const SCALE_SET_VM_IPCONFIG = 'microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces/ipconfigurations';

/** What the destination id must point at, per property. */
const EXPECTED: Record<Destination['property'], { type: string; what: string }> = {
  destinationNetworkInterfaceIPConfiguration: { type: NIC_IPCONFIG, what: "a network interface's IP configuration" },
  destinationLoadBalancerFrontEndIPConfiguration: { type: LB_FRONTEND, what: "a load balancer's frontend IP configuration" },
};

/** The checks that need the destination's own properties (listed when it is outside the template). */
/**
 * What the other destination rules cannot check for a destination outside the template. The
 * subscription is left out when both ids write it out: vtap-destination-same-subscription
 * decides that from the ids alone.
 */
function checksNeedingProperties(tap: DeployedResource, destination: ResourceId | undefined, property: Destination['property']): string {
  const literal = (id: ResourceId) => {
    const sub = subscriptionOf(id);
    return sub !== undefined && segmentText(sub) !== undefined;
  };
  // The same subscription by construction (both the deployment's, subscription().subscriptionId)
  // is as decided as two written out.
  const sameSymbol = (a: ResourceId, b: ResourceId) => {
    const x = subscriptionOf(a);
    const y = subscriptionOf(b);
    return x !== undefined && y !== undefined && sameScope([x], [y]) === true;
  };
  const where = destination && ((literal(tap.id) && literal(destination)) || sameSymbol(tap.id, destination)) ? 'region and network' : 'region, subscription and network';
  // The property says what the destination is (vtap-destination-type fails an id of another kind).
  const own = property === 'destinationLoadBalancerFrontEndIPConfiguration' ? 'the frontend exists and is internal' : 'the IP configuration exists';
  return `${own}, the destination is in the TAP ${where} (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it`;
}

/** The two properties that name a TAP's destination. */
const DESTINATION_PROPERTIES = ['destinationNetworkInterfaceIPConfiguration', 'destinationLoadBalancerFrontEndIPConfiguration'] as const;

export default defineRule(
  {
    id: 'vtap-destination-type',
    name: 'VtapDestinationType',
    shortDescription: "A TAP has exactly one destination: a VM network interface's IP configuration or an internal load balancer's frontend.",
    fullDescription:
      "A virtual network TAP sends mirrored traffic to one destination: the IP configuration of a network interface, or the frontend IP configuration of an internal load balancer. The rule checks that exactly one destination property is set, that its id has the right shape for that property, that the IP configuration or frontend it names exists when the NIC or load balancer is in the template, and that a load balancer frontend is internal (a subnet and private address, no public IP).",
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Other Limitations": destination is a Load Balancer or a VM network interface',
  },
  docs,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const dests = destinationsOf(tap, ctx.graph);
      if (dests.length === 0) {
        const props = at(tap.root, 'properties');
        // Destination properties written but null (`empty(collectorId) ? null : { id: ... }` with no
        // id given) decide it: the finding is at them, not at the properties' brace.
        // In the order they are written (the error at the first): offsets, asked only for a failure.
        const nulls = DESTINATION_PROPERTIES.map((name) => ({ name, ...at(tap.root, 'properties', name) }))
          .filter((p) => p.value === null)
          .sort((a, b) => a.span.range().start - b.span.range().start);
        const [first, ...others] = nulls;
        ctx.fail({
          message: `TAP '${tap.displayName}' has no destination${nulls.length ? ` (${nulls.map((p) => p.name).join(' and ')} ${nulls.length > 1 ? 'are' : 'is'} null here)` : ''}; set properties.destinationNetworkInterfaceIPConfiguration (a collector NIC's IP configuration) or properties.destinationLoadBalancerFrontEndIPConfiguration (an internal load balancer frontend)`,
          span: first?.span ?? (props.value === undefined ? tap.span : props.span),
          related: others.map((p) => ({ span: p.span, message: `${p.name}, null too` })),
          resource: tap,
        });
        continue;
      }
      if (dests.length > 1) {
        const [first, second] = dests as [Destination, Destination];
        // A property whose whole value is known only at deployment may be null (not set): two
        // such properties are often the two branches of one choice (`useLb ? {...} : null` and
        // `useLb ? null : {...}`), so that there is one destination or two is undecidable here.
        const maybe = dests.find((d) => d.maybeUnset);
        // The two branches of one choice: exactly one is set whichever way it goes; which one
        // is what is only known at deployment.
        const toggle = destinationToggle(first, second);
        const choices = destinationChoices(tap, ctx.graph);
        if (choices.length >= 2) {
          // Each is checked, as every destination rule checks it: a fail of one names the value
          // that chooses it (src/engine/run-rules.ts).
          for (const choice of choices) checkDestination(aboutDestination(ctx, choice), tap, choice.destination);
          continue;
        }
        if (maybe && toggle) {
          ctx.indeterminate({
            message: `TAP '${tap.displayName}' sets exactly one destination, ${first.property} or ${second.property}, but which one is ${describeUnknown(toggle)}, so vtaplint cannot check that destination (${checksNeedingProperties(tap, undefined, first.property).replace(/^the IP configuration exists, /, '')})`,
            span: maybe.id.span,
            related: [
              ...dests.filter((d) => d !== maybe).map((d) => ({ span: d.id.span, message: `the other destination, ${d.property}` })),
              ...(toggle.reason.span && toggle.reason.span !== maybe.id.span ? [{ span: toggle.reason.span, message: VALUE_ORIGIN }] : []),
            ],
            resource: tap,
          });
          continue;
        }
        if (maybe) {
          const u = maybe.id.value as Unknown;
          ctx.indeterminate({
            message: `cannot tell whether TAP '${tap.displayName}' sets one destination or both ${first.property} and ${second.property}: ${maybe.property} may be null (its value is ${describeUnknown(u)}); a TAP has exactly one destination`,
            span: maybe.id.span,
            related: dests.filter((d) => d !== maybe).map((d) => ({ span: d.id.span, message: `the other destination, ${d.property}` })),
            resource: tap,
          });
          continue;
        }
        ctx.fail({
          message: `TAP '${tap.displayName}' sets both ${first.property} and ${second.property}; a TAP has exactly one destination, remove one`,
          span: second.id.span,
          related: [{ span: first.id.span, message: `the other destination, ${first.property}` }],
          resource: tap,
        });
        continue;
      }
      const only = dests[0] as Destination;
      // `{ id: cond ? idA : idB }`, or a choice among several by nested tests of one value: each
      // is checked (a fail of one names the value).
      const split = destinationChoices(tap, ctx.graph);
      if (split.length >= 2) {
        for (const c of split) checkDestination(aboutDestination(ctx, c), tap, c.destination);
        continue;
      }
      const [choice] = only.maybeUnset ? split : [];
      if (choice?.when) {
        // `cond ? { id: ... } : null`: the destination it sets is checked as any other (a fail
        // names the value, src/engine/run-rules.ts); the other way, the TAP has none.
        const { condition, holds } = choice.when;
        checkDestination(aboutDestination(ctx, choice), tap, choice.destination);
        // A TAP deployed under that same condition (`if (mirrorWeb)`) always has it.
        if (sameTest(tap.condition, condition, holds)) continue;
        ctx.indeterminate({
          message: `TAP '${tap.displayName}' has no destination when the condition that sets ${only.property} is ${!holds} (that condition is ${describeUnknown(condition)}); a TAP needs one: deploy the TAP under the same condition, or set a destination whichever way it goes`,
          span: only.id.span,
          related: condition.reason.span && condition.reason.span !== only.id.span ? [{ span: condition.reason.span, message: `the value that decides whether TAP '${tap.displayName}' has a destination` }] : undefined,
          resource: tap,
        });
        continue;
      }
      checkDestination(ctx, tap, only);
    }
    tapsOutside(ctx);
  },
);

/** Whether a resource's condition holds exactly when `condition` is `holds` (the same test, or its negation for false). */
function sameTest(resourceCondition: Unknown | undefined, condition: Unknown, holds: boolean): boolean {
  const a = resourceCondition && testOf(resourceCondition);
  const b = testOf(condition);
  return !!a && !!b && a.subject === b.subject && JSON.stringify(a.equals) === JSON.stringify(b.equals) && (a.negated === b.negated) === holds;
}

/**
 * Sources this template attaches to a TAP it does not deploy (declared `existing`, or named only by
 * its id: a hub's TAP that spokes add sources to). The TAP's destination is not in the template, so
 * none of the destination checks can be made for those sources: as for a destination outside the
 * template, one indeterminate result says so (per TAP, naming the sources), and the other
 * destination rules (network, peering, collector port, IPv6) stay silent about it.
 */
function tapsOutside(ctx: RuleContext): void {
  const byTap = new Map<string, { tap: Extract<Resolution, { kind: 'resource' | 'external' }>; sources: TapSource[] }>();
  for (const source of tapSources(ctx.graph)) {
    const t = source.tap;
    if (!(t.kind === 'external' || (t.kind === 'resource' && t.resource.existing))) continue;
    if (fullType(t.id).toLowerCase() !== TYPES.tap.toLowerCase()) continue; // vtap-config-target
    if (t.kind === 'external' && ctx.graph.notDeployedAt(t.id)) continue;
    const key = resourceKey(t.id);
    const known = byTap.get(key);
    if (known) known.sources.push(source);
    else byTap.set(key, { tap: t, sources: [source] });
  }
  for (const { tap, sources } of byTap.values()) {
    const first = sources[0] as TapSource;
    const how = tap.kind === 'resource' ? 'declared `existing`' : 'named only by its id';
    const nics = [...new Set(sources.map((s) => `'${nicName(s.nic)}'`))];
    const shown = nics.length > 5 ? `${nics.slice(0, 5).join(', ')} and ${nics.length - 5} more` : nics.join(', ');
    ctx.indeterminate({
      message: `TAP '${resolvedName(tap) ?? ''}' is not deployed by this template (${how}), so its destination is not known here: for the source${nics.length > 1 ? 's' : ''} this template adds to it (NIC ${shown}), vtaplint cannot check that the destination is a VM network interface's IP configuration or an internal load balancer frontend, that it is in the sources' virtual network or a peered one in the same region (peered before the TAP configurations are made), that it does not use IPv6, and that UDP 4789 reaches it; check them against the TAP's deployment`,
      span: tap.kind === 'resource' ? tap.resource.nameSpan : first.tapId.span,
      related: sources.map(sourceRelated),
      resource: tap.kind === 'resource' ? tap.resource : undefined,
      sources,
    });
  }
}

/**
 * The destination as the user wrote it (resolvedName): a declared resource by its name in every
 * other message, a part of one as that name and the part's ('ilb/pool'), else the names in its id.
 */
function destinationName(res: Extract<Destination['resolution'], { id: ResourceId }>): string {
  return `'${resolvedName(res) ?? idNames(res.id)}'`;
}

/** What to write instead: a NIC or load balancer named whole gets pointed at one of its configurations. */
function howToPoint(property: string, target: string, what: string, res: Extract<Destination['resolution'], { id: ResourceId }>): string {
  const whole = target === 'microsoft.network/networkinterfaces' ? 'ipConfigurations' : target === 'microsoft.network/loadbalancers' ? 'frontendIPConfigurations' : undefined;
  if (whole && res.kind === 'resource') return `set ${property}.id to the id of one of the ${whole} of ${destinationName(res)}`;
  return `set ${property}.id to the id of ${what}`;
}

function checkDestination(ctx: RuleContext, tap: DeployedResource, d: Destination): void {
  const expected = EXPECTED[d.property];
  const v = d.id.value;
  const base = { span: d.id.span, resource: tap };
  if (v === undefined || v === null) {
    ctx.fail({ ...base, message: `TAP '${tap.displayName}': ${d.property} has no id; set it to the id of ${expected.what}` });
    return;
  }
  const res = d.resolution;
  if (res.kind === 'none') {
    // A property of an `existing` resource (Bicep `nic.properties.ipConfigurations[0].id`): the
    // same destination outside the template as `'${nic.id}/ipConfigurations/ipconfig1'`, and
    // reported the same way, naming it and listing the checks it prevents.
    const key = v instanceof Unknown && v.reason.code === 'runtime-state' ? v.reason.resourceKey : undefined;
    const from = key === undefined ? undefined : ctx.graph.byResourceKey(key);
    const isPls = from !== undefined && from.type.toLowerCase() === TYPES.privateLinkService.toLowerCase();
    if (from && !from.existing && (isPls || from.type.toLowerCase() === TYPES.privateEndpoint.toLowerCase())) {
      // Read from what Azure sets on a private link service or private endpoint the template
      // deploys (`pls.properties.networkInterfaces[0].id`): its own network interface (the id of a
      // load balancer frontend it fronts is the template's, and known). A platform NIC, no VM's.
      const what = isPls ? 'private link service' : 'private endpoint';
      ctx.fail({
        ...base,
        message: `the destination of TAP '${tap.displayName}' is read from what Azure sets on ${what} '${from.displayName}' when it deploys it (the ${what}'s own network interface), not a VM's network interface or an internal load balancer frontend: point it at the collector VM's NIC, or at the internal load balancer frontend in front of the collectors`,
        related: [{ span: from.nameSpan, message: `${what} '${from.displayName}' is declared here` }],
      });
      return;
    }
    if (from?.existing) {
      if (from.type.toLowerCase() === 'microsoft.network/networkinterfaces' && privateEndpointDestination(ctx, tap, { kind: 'resource', resource: from }, from.displayName, base)) return;
      existingDestination(ctx, tap, from, d.property, base);
      return;
    }
    if (v instanceof Unknown && v.reason.code === 'external-resource') {
      // Read with reference() from a resource the template does not deploy: a destination
      // outside the template, reported as one named by its id is.
      ctx.indeterminate({ ...base, message: `the destination of TAP '${tap.displayName}' is ${describeUnknown(v)}, so vtaplint cannot check that ${checksNeedingProperties(tap, undefined, d.property)}` });
    } else if (v instanceof Unknown) {
      ctx.indeterminate({ ...base, message: `the destination of TAP '${tap.displayName}' is ${describeUnknown(v)}, so it cannot be checked` });
    } else {
      ctx.fail({ ...base, message: `the destination of TAP '${tap.displayName}' is not a resource id; set ${d.property}.id to the id of ${expected.what}` });
    }
    return;
  }
  const target = fullType(res.id).toLowerCase();
  if (target === SCALE_SET_VM_IPCONFIG && d.property === 'destinationNetworkInterfaceIPConfiguration') {
    // A Uniform scale set instance's NIC is a VM's network interface, named under the scale set.
    // Whether Azure takes it as a destination is not documented either way; instances come and go.
    ctx.indeterminate({
      ...base,
      message: `TAP '${tap.displayName}' sends to ${destinationName(res)}, an IP configuration of a scale set instance's network interface; the vTAP document names a VM's network interface or a load balancer as destinations, and whether Azure takes a scale set instance's NIC is not documented (the instance, and its NIC, go when the scale set scales in or is reimaged): put an internal load balancer in front of the scale set and send to its frontend (destinationLoadBalancerFrontEndIPConfiguration)`,
    });
    return;
  }
  if (target !== expected.type) {
    const other = target === NIC_IPCONFIG || target === LB_FRONTEND;
    ctx.fail({
      ...base,
      message: other
        ? `TAP '${tap.displayName}': ${d.property} points at ${target === NIC_IPCONFIG ? "a network interface's IP configuration" : "a load balancer's frontend"}; use ${target === NIC_IPCONFIG ? 'destinationNetworkInterfaceIPConfiguration' : 'destinationLoadBalancerFrontEndIPConfiguration'} for it`
        : `TAP '${tap.displayName}': the destination is ${destinationName(res)}, a ${fullType(res.id)}, but it must be ${expected.what} (a TAP mirrors to a VM network interface or an internal load balancer): ${howToPoint(d.property, target, expected.what, res)}`,
    });
    return;
  }
  if (target === NIC_IPCONFIG) {
    // The NIC of the IP configuration: declared (or `existing`), or named only by the id.
    const owner = res.kind === 'sub' ? res.resource : res.kind === 'resource' ? res.resource.parent : undefined;
    const nic: NicRef = owner ? { kind: 'resource', resource: owner } : { kind: 'external', id: truncateId(res.id, 1) };
    if (privateEndpointDestination(ctx, tap, nic, owner ? owner.displayName : idNames(truncateId(res.id, 1)), base)) return;
  }
  if (res.kind === 'external') {
    ctx.indeterminate({
      ...base,
      message: `the destination of TAP '${tap.displayName}', ${describeId(res.id)}, ${outsideText(ctx, tap, res.id)} vtaplint cannot check that ${checksNeedingProperties(tap, res.id, d.property)}`,
    });
    return;
  }
  if (res.kind === 'resource' && res.resource.existing) {
    // An `existing` declaration of the IP configuration or frontend of a NIC or load balancer
    // that is itself `existing` (Bicep `collectorNic::primary.id`): outside the template, as the
    // same id written as a string is.
    existingDestination(ctx, tap, res.resource.parent ?? res.resource, d.property, base);
    return;
  }
  if (res.kind !== 'sub') return;
  const holder = res.resource;
  const subName = segmentText(res.subNames[0] as Segment);
  if (holder.existing) {
    existingDestination(ctx, tap, holder, d.property, base);
    return;
  }
  if (!res.entry) {
    const list = at(holder.root, 'properties', res.subTypes[0] as string);
    if (list.value instanceof Unknown || subName === undefined) {
      // Name what blocks the decision: the holder's list, or the name in the destination id.
      const blocker = list.value instanceof Unknown ? list.value : (res.subNames[0] ?? []).find((x): x is Unknown => x instanceof Unknown);
      const why =
        list.value instanceof Unknown
          ? `its ${res.subTypes[0] as string} are ${describeUnknown(list.value)}`
          : `the name in the destination id is ${blocker ? describeUnknown(blocker) : 'only known at deployment'}`;
      ctx.indeterminate({
        ...base,
        ...(blocker?.reason.span && blocker.reason.span !== base.span ? { related: [{ span: blocker.reason.span, message: VALUE_ORIGIN }] } : {}),
        message: `cannot tell whether '${holder.displayName}' has the IP configuration that TAP '${tap.displayName}' sends to: ${why}`,
      });
      return;
    }
    const names = elements(list)
      .map((e) => at(e, 'name').value)
      .filter((n): n is string => typeof n === 'string');
    ctx.fail({
      ...base,
      message: `TAP '${tap.displayName}' sends to '${subName}', but '${holder.displayName}' has no ${res.subTypes[0]} named '${subName}'${names.length ? ` (it has: ${names.join(', ')}): point ${d.property}.id at one of them` : `: declare it in '${holder.displayName}', or point ${d.property}.id at one it has`}`,
      related: [{ span: holder.span, message: `'${holder.displayName}' is declared here` }],
    });
    return;
  }
  if (target === LB_FRONTEND) {
    // A frontend is public when it takes a public IP address or a public IP prefix (a frontend
    // has one of them or a subnet): either way it is no internal frontend.
    for (const [property, what] of [
      ['publicIPAddress', 'the public IP address of the frontend'],
      ['publicIPPrefix', 'the public IP prefix of the frontend'],
    ] as const) {
      const pip = at(res.entry, 'properties', property);
      if (pip.value === undefined || pip.value === null) continue;
      ctx.fail({
        ...base,
        message: `TAP '${tap.displayName}' sends to frontend '${subName}' of load balancer '${holder.displayName}', which is public; the destination must be an internal load balancer frontend (a subnet and private IP, no public IP)`,
        related: [{ span: pip.span, message: what }],
      });
      return;
    }
  }
  ctx.pass({ ...base, message: `destination of TAP '${tap.displayName}' is ${expected.what}` });
}

/**
 * A destination NIC that a private endpoint of the template creates (its customNetworkInterfaceName),
 * named by id or reached as an `existing` NIC: the seed allows a "Load Balancer or VM's network
 * interface" as destination, and an endpoint's NIC is the platform's, no VM's (as a source,
 * vtap-source-vm-nic says the same). Reports it and returns true.
 */
function privateEndpointDestination(ctx: RuleContext, tap: DeployedResource, nic: NicRef, name: string, base: { span: Span; resource: DeployedResource }): boolean {
  const pls = privateLinkServiceOfNic(ctx.graph, nic);
  if (pls) {
    ctx.fail({
      ...base,
      message: `TAP '${tap.displayName}' sends to NIC '${name}', the network interface of private link service '${pls.displayName}' (Azure creates it and names it after the service); the destination must be a VM's network interface or an internal load balancer frontend: point it at the internal load balancer frontend the service fronts, or at a collector VM's NIC`,
      related: [{ span: pls.nameSpan, message: `private link service '${pls.displayName}' is declared here` }],
    });
    return true;
  }
  const pe = privateEndpointOfNic(ctx.graph, nic);
  if (!pe) return false;
  ctx.fail({
    ...base,
    message: `TAP '${tap.displayName}' sends to NIC '${name}', the network interface of private endpoint '${pe.pe.displayName}'; the destination must be a VM's network interface or an internal load balancer frontend: point it at the collector VM's NIC, or at an internal load balancer in front of the collectors`,
    related: [{ span: pe.custom.span, message: `private endpoint '${pe.pe.displayName}' names its NIC here` }],
  });
  return true;
}

/** One indeterminate result for a destination on an `existing` resource, listing what cannot be checked. */
function existingDestination(ctx: RuleContext, tap: DeployedResource, holder: DeployedResource, property: Destination['property'], base: { span: Span; resource: DeployedResource }): void {
  ctx.indeterminate({
    ...base,
    message: `the destination of TAP '${tap.displayName}' is on '${holder.displayName}', an existing resource whose properties are not in the template, so vtaplint cannot check that ${checksNeedingProperties(tap, holder.id, property)}`,
    related: [{ span: holder.span, message: `'${holder.displayName}' is declared here` }],
  });
}

/**
 * Why a destination outside the template cannot be checked: the NIC or load balancer it is on is
 * deployed by a registry module (or a template linked by URI) vtaplint never fetches, or it is
 * not in the template at all.
 */
function outsideText(ctx: RuleContext, tap: DeployedResource, id: ResourceId): string {
  const owner = id.types.length >= 1 ? truncateId(id, 1) : undefined;
  const u = owner ? unfetchedDeployerOf(ctx.graph, idNames(owner), tap) : undefined;
  return u ? `is on '${idNames(owner as ResourceId)}', ${deployedByUnfetched(u)}:` : 'is outside the template, so';
}
