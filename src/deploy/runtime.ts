// What reference() sees of a resource the deployment itself creates: the values the template
// declares, plus the ids Azure gives named parts (ipConfigurations, subnets, frontends, ...);
// everything else (provisioningState, a dynamic private IP, ...) is unknown until deployment.
import type { Span } from '../model/span.js';
import { ObjectValue, Unknown, type UnknownReason, type Value } from '../expr/value.js';
import { idValue, relativeIdValue, resourceGroupOf, segmentValue, subscriptionOf } from './resource-id.js';
import type { DeployedResource } from './model.js';

/**
 * Why what reference() reads of `r` is not known. `linkedFrom`: `r` is a deployment whose
 * template is linked by URI and never fetched, so even its outputs (which the template declares)
 * are unknown to vtaplint, and a message says so rather than "set by Azure".
 */
function runtimeReason(r: DeployedResource, span: Span, linkedFrom: string | undefined): UnknownReason {
  // The symbolic or literal name: the display name may need a position lookup, and this runs for every reference().
  const who = r.symbolicName ?? (typeof r.name === 'string' ? r.name : r.type);
  if (linkedFrom !== undefined) {
    return { code: 'not-fetched', message: `a property or output of deployment '${who}', whose template is linked from ${linkedFrom} and never fetched`, span, resourceKey: r.key };
  }
  return { code: 'runtime-state', message: `a property of '${who}' that Azure sets when it deploys it`, span, resourceKey: r.key };
}

/** Deep copy in which every object answers unknown (not missing) for properties it does not declare. */
function open(v: Value, reason: UnknownReason): Value {
  if (v instanceof ObjectValue) {
    const o = new ObjectValue();
    o.span = v.span;
    o.runtime = reason;
    // What the template itself did not know of it (a spread of an object parameter) stays so.
    if (v.partial) o.partial = v.partial;
    for (const e of v.located()) o.set(e.key, open(e.value, reason), e.span, e.keySpan);
    return o;
  }
  if (Array.isArray(v)) return v.map((x) => open(x, reason));
  return v;
}

/**
 * The child type Azure names a part with where it is not the property's name (by resource type and
 * property, both lower case): an Azure Firewall's ipConfigurations are
 * `azureFirewalls/x/azureFirewallIpConfigurations/y`, a Bastion host's `bastionHostIpConfigurations`.
 * Elsewhere (load balancers' and application gateways' frontendIPConfigurations, NICs'
 * ipConfigurations, subnets, ...) the property's name is the child type.
 */
const PART_TYPES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['microsoft.network/azurefirewalls', new Map([['ipconfigurations', 'azureFirewallIpConfigurations']])],
  ['microsoft.network/bastionhosts', new Map([['ipconfigurations', 'bastionHostIpConfigurations']])],
]);

/** Adds the id Azure gives each named element of the resource's property collections. */
function withPartIds(props: Value, r: DeployedResource): Value {
  if (!(props instanceof ObjectValue)) return props;
  const base = idValue(r.id);
  const renamed = PART_TYPES.get(r.type.toLowerCase());
  for (const e of props.located()) {
    if (!Array.isArray(e.value)) continue;
    const part = renamed?.get(e.key.toLowerCase()) ?? e.key;
    for (const item of e.value) {
      if (!(item instanceof ObjectValue) || item.has('id')) continue;
      const name = item.get('name');
      if (typeof name !== 'string') continue;
      item.set('id', concatId(base, `/${part}/${name}`));
    }
  }
  return props;
}

function concatId(base: string | Unknown, suffix: string): string | Unknown {
  if (typeof base === 'string') return base + suffix;
  return new Unknown(base.reason, 'string', [...(base.parts ?? [base]), suffix], undefined, base.about);
}

/**
 * What reference() gives of an `existing` resource: unknown as a whole, naming the resource; with
 * 'Full', what its declaration says of it (id, name, type, apiVersion and where it is) is known,
 * and every other property unknown for the same reason.
 */
export function existingView(r: DeployedResource, span: Span, full = false): Value {
  const who = r.symbolicName ?? (typeof r.name === 'string' ? r.name : r.type);
  const reason: UnknownReason = { code: 'runtime-state', message: `a property of '${who}', an existing resource whose properties are not in the template`, span, resourceKey: r.key, symbol: `existing(${r.key})` };
  // (Unknown as a whole, reference() gives it the symbol of its call, as to any runtime state.)
  if (!full) return new Unknown(reason, 'object');
  const whole = new ObjectValue();
  whole.runtime = reason;
  setIdentity(whole, r);
  return whole;
}

/**
 * What a 'Full' reference() tells of a resource from its declaration alone: its id, name, type
 * and apiVersion, and where it is (ARM's documented shape: "subscriptionId", "resourceGroupName",
 * "resourceId": "Microsoft.Storage/storageAccounts/x"), none of them values Azure sets when it
 * deploys the resource.
 */
function setIdentity(whole: ObjectValue, r: DeployedResource): void {
  whole.set('id', idValue(r.id));
  whole.set('name', r.name);
  whole.set('type', r.type);
  if (r.apiVersion) whole.set('apiVersion', r.apiVersion);
  whole.set('resourceId', relativeIdValue(r.id));
  const sub = subscriptionOf(r.id);
  if (sub) whole.set('subscriptionId', segmentValue(sub));
  const rg = resourceGroupOf(r.id);
  if (rg) whole.set('resourceGroupName', segmentValue(rg));
}

export function runtimeView(r: DeployedResource, full: boolean, span: Span, outputs: () => ObjectValue | undefined, linkedFrom?: string): Value {
  const reason = runtimeReason(r, span, linkedFrom);
  const props = withPartIds(open(r.body.get('properties') ?? new ObjectValue(), reason), r);
  // The outputs of a deployment whose template is analysed are the ones it declares, no more:
  // reading another (a Bicep module's output that does not exist, BCP053; ARM: "The language
  // expression property ... doesn't exist") is an error, not a value Azure fills in. The values
  // are the template's own (a reference() in them is open already).
  const outs = outputs();
  if (outs && props instanceof ObjectValue) props.set('outputs', outs);
  if (!full) return props;
  const whole = open(r.body, reason) as ObjectValue;
  whole.set('properties', props);
  setIdentity(whole, r);
  return whole;
}
