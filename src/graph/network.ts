// Network questions asked of the graph: the subnet and virtual network of an IP configuration,
// the load balancers (pools, rules) in front of a network interface, peerings between two
// networks, network security groups on a NIC or its subnet, public IPs of an IP configuration,
// and private link services fronting a load balancer frontend. Every answer keeps the located
// values it was decided from, so rules can point at the deciding property.
import { pushAll } from '../model/push-all.js';
import { Unknown, type Value } from '../expr/value.js';
import type { DeployedResource } from '../deploy/model.js';
import type { ResourceGraph, Resolution } from './graph.js';
import { at, elements, knownElements, type LocatedValue } from '../expr/located.js';
import { fullType, idNames, parseResourceId, relativeKey, resourceGroupOf, resourceKey, sameScope, segmentDisplay, segmentKey, segmentText, splitSegments, subscriptionOf, truncateId, type ResourceId, type Segment } from '../deploy/resource-id.js';
import { CERTAIN, TYPES, deployedOfType, finalDeclarations, optionalElements, vmCreatedPublicIp } from './vtap.js';
import { readOnlyType } from '../deploy/read-only-types.js';

const lower = (s: string) => s.toLowerCase();

/** A resource the template declares and deploys (its properties are known to the linter). */
export function isDeclared(r: DeployedResource | undefined): r is DeployedResource {
  return r !== undefined && !r.existing;
}

/**
 * The IP configurations of a NIC (inline entries). A list known only at deployment (a parameter,
 * a spread of a conditional list) gives the entries it surely holds, as written, and one entry
 * known only at deployment for the rest: every rule that reads a configuration's subnet, IP version
 * or load balancers then says it cannot tell, where it passed a NIC whose configurations it never saw.
 */
export function ipConfigurationsOf(nic: DeployedResource): LocatedValue[] {
  const list = at(nic.root, 'properties', 'ipConfigurations');
  const v = list.value;
  if (!(v instanceof Unknown)) return elements(list);
  return [...knownElements(list), ...inEveryOption(v).map((value) => ({ value, span: list.span })), { value: new Unknown(v.reason), span: list.span }];
}

/**
 * The elements every option of a list known only in part holds (`dual ? [v4, v6] : [v4]`: v4),
 * matched by identity: the same variable or resource read in each branch.
 */
function inEveryOption(v: Unknown): Value[] {
  const options = v.branches ?? v.oneOf;
  if (!options || options.length < 2 || !options.every(Array.isArray)) return [];
  const [first, ...rest] = options as Value[][];
  return (first as Value[]).filter((x) => typeof x === 'object' && x !== null && !(x instanceof Unknown) && rest.every((o) => o.includes(x)) && !(v.contains ?? []).includes(x));
}

// ---------------------------------------------------------------------------------------------
// Subnets and virtual networks

export type NetworkRef =
  /** A virtual network the template declares (possibly `existing`); `subnet` is its subnet's declaration when known. */
  | { kind: 'vnet'; vnet: DeployedResource; subnet: LocatedValue | undefined; subnetResource: DeployedResource | undefined; ref: LocatedValue }
  /** A subnet id of a network the template does not declare. */
  | { kind: 'external'; id: ResourceId; ref: LocatedValue }
  /** No subnet, or an id that cannot be decided. */
  | { kind: 'unknown'; value: Value | undefined; ref: LocatedValue };

/**
 * The Virtual WAN hubs a virtual network is connected to (a virtualHubs/hubVirtualNetworkConnections
 * resource, or an entry of a hub's inline virtualNetworkConnections, whose remoteVirtualNetwork is
 * it). Such a connection peers the network with the hub, not with the hub's other networks. Asked
 * only to explain a finding.
 */
export function hubsOfNetwork(graph: ResourceGraph, vnet: DeployedResource): DeployedResource[] {
  const out: DeployedResource[] = [];
  const add = (hub: DeployedResource | undefined, remote: LocatedValue) => {
    const res = graph.resolve(remote.value);
    if (hub && res.kind === 'resource' && res.resource.key === vnet.key && !out.includes(hub)) out.push(hub);
  };
  for (const c of graph.ofType(HUB_CONNECTION)) add(c.parent, at(c.root, 'properties', 'remoteVirtualNetwork', 'id'));
  for (const hub of graph.ofType(HUB)) {
    for (const e of elements(at(hub.root, 'properties', 'virtualNetworkConnections'))) add(hub, at(e, 'properties', 'remoteVirtualNetwork', 'id'));
  }
  return out;
}

const HUB = 'Microsoft.Network/virtualHubs';
const HUB_CONNECTION = 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections';

/** The virtual network of an IP configuration or LB frontend entry, through `properties.subnet.id`. */
export function networkOf(graph: ResourceGraph, ipConfig: LocatedValue): NetworkRef {
  const ref = at(ipConfig, 'properties', 'subnet', 'id');
  return networkOfSubnetId(graph, ref);
}

export function networkOfSubnetId(graph: ResourceGraph, ref: LocatedValue): NetworkRef {
  const res = graph.resolve(ref.value);
  if (res.kind === 'resource' && lower(res.resource.type) === lower(TYPES.subnet)) {
    const vnet = res.resource.parent;
    if (vnet) return { kind: 'vnet', vnet, subnet: res.resource.root, subnetResource: res.resource, ref };
    return { kind: 'external', id: truncateId(res.id, 1), ref };
  }
  if (res.kind === 'sub' && lower(res.resource.type) === lower(TYPES.vnet) && lower(res.subTypes[0] ?? '') === 'subnets') {
    // A subnet declared inline, or as a child resource the vnet's id reaches.
    const child = res.resource.children.find((c) => lower(c.type) === lower(TYPES.subnet) && relativeKey(c.id) === relativeKey(res.id, 2));
    return { kind: 'vnet', vnet: res.resource, subnet: res.entry ?? child?.root, subnetResource: child, ref };
  }
  if (res.kind === 'external' && res.id.types.length >= 1 && lower(fullType(res.id, 1)) === lower(TYPES.vnet)) {
    return { kind: 'external', id: truncateId(res.id, 1), ref };
  }
  return { kind: 'unknown', value: ref.value, ref };
}

/** The virtual network a `virtualNetwork.id` names (as networkOfSubnetId, for a network id). */
export function networkOfId(graph: ResourceGraph, ref: LocatedValue): NetworkRef {
  const res = graph.resolve(ref.value);
  if (res.kind === 'resource' && lower(res.resource.type) === lower(TYPES.vnet)) return { kind: 'vnet', vnet: res.resource, subnet: undefined, subnetResource: undefined, ref };
  if (res.kind === 'external' && res.id.types.length === 1 && lower(fullType(res.id, 1)) === lower(TYPES.vnet)) return { kind: 'external', id: res.id, ref };
  return { kind: 'unknown', value: ref.value, ref };
}

/** The distinct virtual networks a NIC's IP configurations are in (as the deployed NIC ends: finalDeclarations). */
export function networksOfNic(graph: ResourceGraph, nic: DeployedResource): NetworkRef[] {
  const out: NetworkRef[] = [];
  for (const ipc of finalDeclarations(graph, nic).flatMap(ipConfigurationsOf)) {
    const n = networkOf(graph, ipc);
    if (!out.some((o) => sameNetwork(o, n) === true)) out.push(n);
  }
  return out;
}

/** The comparison key of a network: its id below the scope plus the scope. */
export function networkKey(n: NetworkRef): string | undefined {
  if (n.kind === 'vnet') return `${n.vnet.key}`;
  if (n.kind === 'external') return resourceKey(n.id);
  return undefined;
}

/**
 * true/false when decidable, undefined when an id is unknown, or when the same name sits in
 * resource groups (or subscriptions) that may or may not be one: 'vnet1' in 'other-rg' is the
 * template's 'vnet1' only when the template is deployed to 'other-rg'.
 */
export function sameNetwork(a: NetworkRef, b: NetworkRef): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind === 'vnet' && b.kind === 'vnet') return a.vnet === b.vnet;
  const ida = networkId(a) as ResourceId;
  const idb = networkId(b) as ResourceId;
  if (relativeKey(ida) !== relativeKey(idb)) return false;
  return sameScope(ida.scope, idb.scope);
}

export function networkName(n: NetworkRef): string {
  if (n.kind === 'vnet') return n.vnet.displayName;
  if (n.kind === 'external') return externalNetworkName(n.id) ?? UNNAMED_NETWORK;
  return 'an unknown virtual network';
}

const UNNAMED_NETWORK = 'a virtual network whose name is only known at deployment';

/**
 * The name of a network the template does not declare, from its id: known, or known in part by
 * deployment-wide unknowns and shown as ids show it (`{parameters('existingVirtualNetworkName')}`,
 * as a resource named that way is); undefined when a part of it is not known at all.
 */
function externalNetworkName(id: ResourceId): string | undefined {
  const seg = id.names[0];
  if (seg === undefined) return undefined;
  const text = segmentText(seg);
  if (text !== undefined) return text;
  return seg.every((p) => typeof p === 'string' || p.symbol !== undefined) ? segmentDisplay(seg) : undefined;
}

/** Whether networkName() describes the network rather than names it (no quotes around it). */
function described(n: NetworkRef): boolean {
  return n.kind === 'unknown' || (n.kind === 'external' && externalNetworkName(n.id) === undefined);
}

/** The network for a sentence: "virtual network 'hub-vnet'", or its description when it has no name to quote. */
export function networkLabel(n: NetworkRef): string {
  return described(n) ? networkName(n) : `virtual network '${networkName(n)}'`;
}

/**
 * Names for two networks in one message, quoted: their names, or when the names are the same
 * (one name in two resource groups or subscriptions), each with where it is.
 */
export function networkNames(a: NetworkRef, b: NetworkRef): [string, string] {
  const na = networkName(a);
  const nb = networkName(b);
  // A network whose id (or name) is not known is described, not named: no quotes around the description.
  const quoted = (n: NetworkRef, name: string) => (described(n) ? name : `'${name}'`);
  if (na.toLowerCase() !== nb.toLowerCase() || described(a) || described(b)) return [quoted(a, na), quoted(b, nb)];
  return [`'${na}' ${placeOf(a, b)}`, `'${nb}' ${placeOf(b, a)}`];
}

/** "in resource group 'x'" (or subscription, when that is what differs), or "in the deployment's resource group". */
function placeOf(n: NetworkRef, other: NetworkRef): string {
  const id = networkId(n);
  const otherId = networkId(other);
  if (!id || !otherId) return '';
  const rg = resourceGroupOf(id);
  const otherRg = resourceGroupOf(otherId);
  const sub = subscriptionOf(id);
  const otherSub = subscriptionOf(otherId);
  const differs = (x: Segment | undefined, y: Segment | undefined) => (x && y ? segmentKey(x) !== segmentKey(y) : x !== y);
  const [kind, seg] = rg && otherRg && !differs(rg, otherRg) && differs(sub, otherSub) ? ['subscription', sub] : ['resource group', rg];
  if (!seg) return '';
  const text = segmentText(seg);
  return text !== undefined ? `in ${kind} '${text}'` : `in the deployment's ${kind}`;
}

function networkId(n: NetworkRef): ResourceId | undefined {
  return n.kind === 'vnet' ? n.vnet.id : n.kind === 'external' ? n.id : undefined;
}

// ---------------------------------------------------------------------------------------------
// Load balancers

export type LbPartType = 'backendAddressPools' | 'inboundNatRules' | 'frontendIPConfigurations' | 'loadBalancingRules' | 'probes';

/** A named part of a load balancer (pool, NAT rule, frontend), declared inline or as a child resource. */
export interface LbPart {
  lb: DeployedResource;
  type: LbPartType;
  /** Lower-cased name, the comparison key (a name known in part: see segmentName). */
  key: string;
  name: string;
  /** Its declaration (inline entry or the child resource's root), when the template has it: the inline entry when both are there. */
  decl: LocatedValue | undefined;
  child: DeployedResource | undefined;
  /**
   * Every declaration of the part, inline entry first, then the child resource: one pool may be
   * named inline (`{ name: 'sql' }`, as Azure Verified Modules write it) and given its members by
   * a child `loadBalancers/backendAddressPools` resource. Both are the one pool.
   */
  decls: LocatedValue[];
}

const LB_PARTS: LbPartType[] = ['backendAddressPools', 'inboundNatRules', 'frontendIPConfigurations', 'loadBalancingRules', 'probes'];

/** What an id value names inside a declared load balancer. */
export function lbPartOf(graph: ResourceGraph, v: Value | undefined): LbPart | undefined {
  return lbPartOfResolution(graph.resolve(v));
}

function lbPartOfResolution(res: Resolution): LbPart | undefined {
  if (res.kind === 'sub' && lower(res.resource.type) === lower(TYPES.lb)) {
    const type = LB_PARTS.find((t) => lower(t) === lower(res.subTypes[0] ?? ''));
    const name = res.subNames[0] && segmentName(res.subNames[0]);
    if (!type || name === undefined) return undefined;
    const child = childPart(res.resource, type, name.key);
    return part(res.resource, type, name, res.entry, child);
  }
  if (res.kind === 'resource' && res.resource.parent && lower(res.resource.parent.type) === lower(TYPES.lb)) {
    const type = LB_PARTS.find((t) => lower(`${TYPES.lb}/${t}`) === lower(res.resource.type));
    const name = res.id.names[1] && segmentName(res.id.names[1]);
    if (!type || name === undefined) return undefined;
    // A child of a read-only type is never created: only the inline entry, if any, is the part.
    return part(res.resource.parent, type, name, inlinePart(res.resource.parent, type, name.key), createdChild(res.resource) ? res.resource : undefined);
  }
  return undefined;
}

/** A part's name: its comparison key and the text messages show. */
interface PartName {
  key: string;
  name: string;
}

/**
 * The name of a load balancer part from an id segment. A name known only in part compares by the
 * deployment-wide unknowns it is made of (segmentKey): the SQL quickstarts name the pool
 * `${namePrefix}-sql-ilbbe` where the load balancer declares it and where each NIC joins it, and
 * with no value for namePrefix both are still the one pool. It shows as ids show it (`{symbol}`).
 */
function segmentName(seg: Segment): PartName {
  const text = segmentText(seg);
  return text !== undefined ? { key: lower(text), name: text } : { key: segmentKey(seg), name: segmentDisplay(seg) };
}

/** The name an inline part's `name` property gives, known or known in part; undefined for no name. */
function partNameOf(v: Value | undefined): PartName | undefined {
  if (typeof v === 'string') return { key: lower(v), name: v };
  if (!(v instanceof Unknown) || !v.parts) return undefined;
  const segs = splitSegments(v);
  return segs?.length === 1 ? segmentName(segs[0] as Segment) : undefined;
}

/** A part from its inline entry and its child resource, either of which may be missing. */
function part(lb: DeployedResource, type: LbPartType, name: PartName, entry: LocatedValue | undefined, child: DeployedResource | undefined): LbPart {
  const decls = child ? (entry ? [entry, child.root] : [child.root]) : entry ? [entry] : [];
  return { lb, type, key: name.key, name: name.name, decl: decls[0], child, decls };
}

/** The inline entry of a load balancer part, by name key. */
function inlinePart(lb: DeployedResource, type: LbPartType, key: string): LocatedValue | undefined {
  return elements(at(lb.root, 'properties', type)).find((e) => partNameOf(at(e, 'name').value)?.key === key);
}

/** The child resource declaring a load balancer part, by name key. */
function childPart(lb: DeployedResource, type: LbPartType, key: string): DeployedResource | undefined {
  return lb.children.find((c) => createdChild(c) && lower(c.type) === lower(`${TYPES.lb}/${type}`) && c.id.names[1] !== undefined && segmentName(c.id.names[1]).key === key);
}

/**
 * Whether a child resource declaration adds its content to its parent: not one of a type that is
 * read-only at its API version (a loadBalancers/loadBalancingRules resource, a backendAddressPools
 * one before 2020-04-01), which Azure never creates (invalid-template reports it). An `existing`
 * one reads what is there.
 */
function createdChild(c: DeployedResource): boolean {
  return c.existing || readOnlyType(c.type, c.apiVersion) === undefined;
}

/**
 * Every part of one kind a load balancer declares, inline or as child resources; a part declared
 * both ways (same name) is one part with both declarations.
 */
export function lbParts(lb: DeployedResource, type: LbPartType): LbPart[] {
  const out: LbPart[] = [];
  for (const e of elements(at(lb.root, 'properties', type))) {
    const n = partNameOf(at(e, 'name').value);
    if (n !== undefined) out.push(part(lb, type, n, e, undefined));
  }
  for (const c of lb.children) {
    if (lower(c.type) !== lower(`${TYPES.lb}/${type}`) || !createdChild(c) || c.id.names[1] === undefined) continue;
    const n = segmentName(c.id.names[1]);
    const i = out.findIndex((o) => o.key === n.key);
    const known = out[i];
    if (!known) out.push(part(lb, type, n, undefined, c));
    else if (!known.child) out[i] = part(lb, type, known, known.decl, c);
  }
  return out;
}

/**
 * The IP-based members a backend pool lists (`loadBalancerBackendAddresses`), from every
 * declaration of the pool: its inline entry and its child resource.
 */
export function poolAddresses(pool: LbPart): LocatedValue[] {
  return pool.decls.flatMap((d) => elements(at(d, 'properties', 'loadBalancerBackendAddresses')));
}

/** How a NIC sits behind a load balancer. */
export interface LbMembership {
  lb: DeployedResource;
  /**
   * The declaration of the NIC that puts it there: the NIC asked about, or another declaration
   * of the same NIC whose body the deployed NIC ends with (finalDeclarations).
   */
  declaration: DeployedResource;
  /** The pool or NAT rule the NIC is in. */
  part: LbPart;
  /** The NIC's IP configuration that is in it. */
  ipConfig: LocatedValue;
  /** The reference that puts it there: the NIC's pool / NAT rule id, or the pool's address entry. */
  via: LocatedValue;
  /** Set when `via` is an IP-based pool's address entry listing the NIC's static IP. */
  byAddress?: true;
  /**
   * Set when the NIC is in it only if a value known only at deployment chooses so: a list of pools
   * chosen at deployment (`withPool ? [{ id: pool }] : []`) whose other options leave it out.
   */
  when?: Unknown;
  /** The options of `when` (by index) that put the NIC there, when `when` chooses the list directly. */
  options?: ReadonlySet<number>;
}

/**
 * Whether a load balancer's `sku.name` makes it Basic: 'Basic' in any case, or none at all (a load
 * balancer without a sku name is Basic). One known only at deployment is not.
 */
export function isBasicSkuName(v: Value | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.toLowerCase() === 'basic');
}

/** A pool or inbound NAT rule reference, and the value that chooses it when not every option of its list holds it. */
interface LbReference {
  via: LocatedValue;
  when?: Unknown;
  options?: ReadonlySet<number>;
}

/**
 * The pool and inbound NAT rule references of one of a NIC's IP configurations. A list chosen at
 * deployment (`withPool ? [{ id: pool }] : []`) gives the references of each of its options: the
 * load balancers the NIC may be behind are judged, where the list as a whole was only unknown.
 */
function lbReferencesOf(ipc: LocatedValue): LbReference[] {
  const out: LbReference[] = [];
  for (const prop of LB_REFERENCE_PROPERTIES) {
    for (const e of optionalElements(at(ipc, 'properties', prop), CERTAIN)) out.push(e.when ? { via: at(e.at, 'id'), when: e.when, ...(e.options ? { options: e.options } : {}) } : { via: at(e.at, 'id') });
  }
  return out;
}

const LB_REFERENCE_PROPERTIES = ['loadBalancerBackendAddressPools', 'loadBalancerInboundNatRules'] as const;

/**
 * Whether a list known only at deployment is one of arrays written out (`cond ? [a] : []`), each
 * of whose elements lbReferencesOf() gives; null, which leaves the property out (`cond ? [a] :
 * null`), is a list without references.
 */
function chosenAmongLists(v: Unknown): boolean {
  const options = v.branches ?? v.oneOf;
  return options !== undefined && options.length > 0 && options.every((o) => Array.isArray(o) || o === null);
}

/**
 * The load balancers in front of a NIC: the NIC's `loadBalancerBackendAddressPools` and
 * `loadBalancerInboundNatRules`, and IP-based pools listing a static private IP of the NIC in
 * the NIC's virtual network (the same private IP in another network is another machine). Read
 * from the body the deployed NIC ends with: a NIC declared again later (by another module) with
 * backend pools is in them, whichever declaration the question started from (finalDeclarations).
 */
export function loadBalancersOfNic(graph: ResourceGraph, nic: DeployedResource): LbMembership[] {
  const out: LbMembership[] = [];
  for (const declaration of finalDeclarations(graph, nic)) out.push(...loadBalancersOfDeclaration(graph, declaration));
  // Certain memberships first: rules judge each load balancer once, by the first membership found.
  return out.some((m) => m.when) ? [...out.filter((m) => !m.when), ...out.filter((m) => m.when)] : out;
}

function loadBalancersOfDeclaration(graph: ResourceGraph, nic: DeployedResource): LbMembership[] {
  const out: LbMembership[] = [];
  for (const ipc of ipConfigurationsOf(nic)) {
    for (const { via, when, options } of lbReferencesOf(ipc)) {
      const part = lbPartOf(graph, via.value);
      if (part) out.push({ lb: part.lb, declaration: nic, part, ipConfig: ipc, via, ...(when ? { when } : {}), ...(options ? { options } : {}) });
    }
    // IP-based pools: only a Static private IP can be matched (a Dynamic one is assigned at deployment).
    const method = at(ipc, 'properties', 'privateIPAllocationMethod').value;
    const ip = at(ipc, 'properties', 'privateIPAddress').value;
    if (typeof method !== 'string' || lower(method) !== 'static' || typeof ip !== 'string') continue;
    let nicNetwork: NetworkRef | undefined;
    for (const lb of deployedOfType(graph, TYPES.lb)) {
      for (const pool of lbParts(lb, 'backendAddressPools')) {
        for (const addr of poolAddresses(pool)) {
          const a = at(addr, 'properties', 'ipAddress');
          if (typeof a.value !== 'string' || a.value !== ip) continue;
          // The entry names its network (virtualNetwork.id) or subnet (subnet.id); an entry whose
          // network is not known still counts, as it may be this one.
          const subnetRef = at(addr, 'properties', 'subnet', 'id');
          const entryNetwork = subnetRef.value !== undefined ? networkOfSubnetId(graph, subnetRef) : networkOfId(graph, at(addr, 'properties', 'virtualNetwork', 'id'));
          nicNetwork ??= networkOf(graph, ipc);
          if (sameNetwork(nicNetwork, entryNetwork) === false) continue;
          out.push({ lb, declaration: nic, part: pool, ipConfig: ipc, via: a, byAddress: true });
        }
      }
    }
  }
  return out;
}

/** A load balancer in front of a NIC that the template does not declare, or declares `existing`. */
export interface OutsideLb {
  /** Its comparison key (scope and name), for reporting it once per NIC. */
  key: string;
  name: string;
  /** The NIC's pool or NAT rule reference that names it. */
  via: LocatedValue;
  /** Named by id only (not an `existing` declaration): a module vtaplint never fetches may deploy it. */
  external: boolean;
  /** Set when the NIC is behind it only if this value known only at deployment chooses so (see LbMembership.when). */
  when?: Unknown;
}

/**
 * The load balancers a NIC's pool and NAT rule references name but the template does not
 * deploy: their SKU and rules are not in the template (loadBalancersOfNic() gives the others).
 */
export function outsideLoadBalancersOfNic(graph: ResourceGraph, nic: DeployedResource): OutsideLb[] {
  const out: OutsideLb[] = [];
  for (const ipc of finalDeclarations(graph, nic).flatMap(ipConfigurationsOf)) {
    for (const { via, when } of lbReferencesOf(ipc)) {
      const res = graph.resolve(via.value);
      let found: { key: string; name: string; external: boolean } | undefined;
      if (res.kind === 'external' && res.id.types.length >= 1 && lower(fullType(res.id, 1)) === lower(TYPES.lb)) {
        const lbId = truncateId(res.id, 1);
        found = { key: resourceKey(lbId), name: idNames(lbId), external: true };
      } else if (res.kind === 'sub' || res.kind === 'resource') {
        // An `existing` load balancer, named directly or through a pool or NAT rule: also one the
        // template declares as a child of it (a pool this deployment adds to a load balancer that
        // exists), whose load balancer's SKU is still not in the template.
        const lb = lower(res.resource.type) === lower(TYPES.lb) ? res.resource : res.resource.parent;
        if (lb && lb.existing && lower(lb.type) === lower(TYPES.lb)) found = { key: lb.key, name: lb.displayName, external: false };
      }
      if (!found) continue;
      // Once per load balancer: a reference that surely names it wins over one a choice makes.
      const i = out.findIndex((o) => o.key === found.key);
      if (i < 0) out.push({ ...found, via, ...(when ? { when } : {}) });
      else if (out[i]?.when && !when) out[i] = { ...found, via };
    }
  }
  return out;
}

/**
 * The pool and inbound NAT rule references of a NIC whose target is known only at deployment: an
 * id from a parameter without a value, or read from an `existing` load balancer's properties
 * (`lb.properties.backendAddressPools[0].id`), or a whole list that is. The NIC is then behind a
 * load balancer nobody can name before deployment (loadBalancersOfNic() and
 * outsideLoadBalancersOfNic() give the ones that can be named).
 */
export function unknownLbReferencesOfNic(graph: ResourceGraph, nic: DeployedResource): { ref: LocatedValue; part: 'backendAddressPools' | 'inboundNatRules'; whole?: true }[] {
  const out: { ref: LocatedValue; part: 'backendAddressPools' | 'inboundNatRules'; whole?: true }[] = [];
  for (const ipc of finalDeclarations(graph, nic).flatMap(ipConfigurationsOf)) {
    for (const [prop, part] of [
      ['loadBalancerBackendAddressPools', 'backendAddressPools'],
      ['loadBalancerInboundNatRules', 'inboundNatRules'],
    ] as const) {
      const list = at(ipc, 'properties', prop);
      // The list itself known only at deployment (`whole`): it may hold references, or none. One
      // chosen among lists written out is judged by their references (lbReferencesOf).
      if (list.value instanceof Unknown && !chosenAmongLists(list.value)) {
        out.push({ ref: list, part, whole: true });
        continue;
      }
      for (const e of optionalElements(list, CERTAIN)) {
        const ref = at(e.at, 'id');
        if (ref.value instanceof Unknown && graph.resolve(ref.value).kind === 'none') out.push({ ref, part });
      }
    }
  }
  return out;
}

/** A NIC's IP configuration in a backend pool. */
export interface PoolMember {
  nic: DeployedResource;
  ipConfig: LocatedValue;
  /** The reference that puts it there (see LbMembership.via). */
  via: LocatedValue;
  /** Set when only a value known at deployment puts it there (see LbMembership.when). */
  when?: Unknown;
}

/**
 * The declared NICs in a backend pool (by their pool references, or a static IP the pool lists):
 * loadBalancersOfNic() the other way round. Every NIC's memberships are found once per graph.
 */
export function membersOfPool(graph: ResourceGraph, pool: LbPart): PoolMember[] {
  let byPool = poolMembers.get(graph);
  if (!byPool) {
    byPool = new Map();
    // Each NIC once, through the declarations its deployed body comes from (a NIC declared twice
    // is one member, with the pools of the declaration deployed last).
    const seen = new Set<string>();
    for (const nic of deployedOfType(graph, TYPES.nic)) {
      if (seen.has(nic.key)) continue;
      seen.add(nic.key);
      for (const m of loadBalancersOfNic(graph, nic)) {
        if (m.part.type !== 'backendAddressPools') continue;
        let pools = byPool.get(m.lb);
        if (!pools) byPool.set(m.lb, (pools = new Map()));
        const list = pools.get(m.part.key);
        // A NIC only a value known at deployment puts in the pool is a member too, with that value.
        const member = { nic: m.declaration, ipConfig: m.ipConfig, via: m.via, ...(m.when ? { when: m.when } : {}) };
        if (list) list.push(member);
        else pools.set(m.part.key, [member]);
      }
    }
    poolMembers.set(graph, byPool);
  }
  return byPool.get(pool.lb)?.get(pool.key) ?? [];
}

const poolMembers = new WeakMap<ResourceGraph, Map<DeployedResource, Map<string, PoolMember[]>>>();

/** A scale set's IP configuration in a backend pool: every instance the scale set makes has a NIC there. */
export interface ScaleSetPoolMember {
  scaleSet: DeployedResource;
  /** The networkInterfaceConfigurations entry, and its IP configuration that names the pool. */
  nicConfig: LocatedValue;
  ipConfig: LocatedValue;
  via: LocatedValue;
}

/**
 * The scale sets whose instances are in a backend pool (virtualMachineProfile.networkProfile
 * .networkInterfaceConfigurations[].properties.ipConfigurations[].properties
 * .loadBalancerBackendAddressPools): collectors shipped as a scale set behind an internal load
 * balancer. Asked only for a load balancer destination; every scale set is read once per graph.
 */
export function scaleSetMembersOfPool(graph: ResourceGraph, pool: LbPart): ScaleSetPoolMember[] {
  let byPool = scaleSetPoolMembers.get(graph);
  if (!byPool) {
    byPool = new Map();
    for (const scaleSet of deployedOfType(graph, TYPES.vmss)) {
      for (const nicConfig of elements(at(scaleSet.root, 'properties', 'virtualMachineProfile', 'networkProfile', 'networkInterfaceConfigurations'))) {
        for (const ipConfig of elements(at(nicConfig, 'properties', 'ipConfigurations'))) {
          for (const e of elements(at(ipConfig, 'properties', 'loadBalancerBackendAddressPools'))) {
            const via = at(e, 'id');
            const part = lbPartOf(graph, via.value);
            if (part?.type !== 'backendAddressPools') continue;
            let pools = byPool.get(part.lb);
            if (!pools) byPool.set(part.lb, (pools = new Map()));
            const member = { scaleSet, nicConfig, ipConfig, via };
            const list = pools.get(part.key);
            if (list) list.push(member);
            else pools.set(part.key, [member]);
          }
        }
      }
    }
    scaleSetPoolMembers.set(graph, byPool);
  }
  return byPool.get(pool.lb)?.get(pool.key) ?? [];
}

const scaleSetPoolMembers = new WeakMap<ResourceGraph, Map<DeployedResource, Map<string, ScaleSetPoolMember[]>>>();

/** A load-balancing or inbound NAT rule of a load balancer. */
export interface LbRule {
  lb: DeployedResource;
  kind: 'loadBalancingRules' | 'inboundNatRules';
  name: string;
  /** Its name's comparison key (see LbPart.key). */
  key: string;
  decl: LocatedValue;
}

/** The rules of a load balancer (inline loadBalancingRules and inboundNatRules, child inboundNatRules). */
export function lbRules(lb: DeployedResource): LbRule[] {
  const out: LbRule[] = [];
  for (const kind of ['loadBalancingRules', 'inboundNatRules'] as const) {
    for (const p of lbParts(lb, kind)) if (p.decl) out.push({ lb, kind, name: p.name, key: p.key, decl: p.decl });
  }
  return out;
}

/** Rules that send traffic to the member: rules using its pool, or the NAT rule it is in. */
export function rulesReaching(graph: ResourceGraph, m: LbMembership): readonly LbRule[] {
  if (m.part.type === 'inboundNatRules') return lbRules(m.lb).filter((r) => r.kind === 'inboundNatRules' && r.key === m.part.key);
  return ruleIndex(graph, m.lb).byPool.get(m.part.key) ?? [];
}

/**
 * A load balancer's rules by the backend pool they use and by the frontend they listen on, made
 * once per graph and load balancer. Asked per pool membership (per frontend), walking every rule
 * and every pool it lists each time was cubic: a NIC in 200 pools of a load balancer whose 200
 * rules each list the 200 pools took 3 s, 800 of each minutes, from a template of 2 KB.
 */
interface RuleIndex {
  byPool: Map<string, LbRule[]>;
  byFrontend: Map<string, LbRule[]>;
}

function ruleIndex(graph: ResourceGraph, lb: DeployedResource): RuleIndex {
  let byLb = ruleIndexes.get(graph);
  if (!byLb) ruleIndexes.set(graph, (byLb = new Map()));
  let index = byLb.get(lb);
  if (index) return index;
  index = { byPool: new Map(), byFrontend: new Map() };
  const add = (map: Map<string, LbRule[]>, key: string, r: LbRule) => {
    const list = map.get(key);
    if (!list) map.set(key, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  };
  for (const r of lbRules(lb)) {
    for (const p of poolsOfRule(graph, r)) if (p.lb === lb) add(index.byPool, p.key, r);
    const f = frontendOfRule(graph, r);
    if (f !== undefined && f.lb === lb) add(index.byFrontend, f.key, r);
  }
  byLb.set(lb, index);
  return index;
}

const ruleIndexes = new WeakMap<ResourceGraph, Map<DeployedResource, RuleIndex>>();

/** The backend pools a rule uses (`backendAddressPool.id` and `backendAddressPools[].id`). */
export function poolsOfRule(graph: ResourceGraph, r: LbRule): LbPart[] {
  const ids = [at(r.decl, 'properties', 'backendAddressPool', 'id'), ...elements(at(r.decl, 'properties', 'backendAddressPools')).map((e) => at(e, 'id'))];
  return ids.map((id) => lbPartOf(graph, id.value)).filter((p): p is LbPart => p?.type === 'backendAddressPools');
}

/** The frontend a rule listens on. */
export function frontendOfRule(graph: ResourceGraph, r: LbRule): LbPart | undefined {
  const p = lbPartOf(graph, at(r.decl, 'properties', 'frontendIPConfiguration', 'id').value);
  return p?.type === 'frontendIPConfigurations' ? p : undefined;
}

/** Rules that listen on a frontend. */
export function rulesOfFrontend(graph: ResourceGraph, frontend: LbPart): readonly LbRule[] {
  return ruleIndex(graph, frontend.lb).byFrontend.get(frontend.key) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Peerings

export interface Peering {
  /** The network the peering is declared on. */
  from: DeployedResource;
  /** The peering resource (child) or, for an inline peering, the virtual network holding it. */
  holder: DeployedResource;
  decl: LocatedValue;
  remote: LocatedValue;
}

/** The name of the subnet a network reference names (by its id), when known. */
export function subnetNameOf(n: NetworkRef): string | undefined {
  const id = n.ref.value === undefined ? undefined : parseResourceId(n.ref.value);
  if (!id || (id.types.at(-1) ?? '').toLowerCase() !== 'subnets') return undefined;
  return segmentText(id.names.at(-1) as Segment);
}

/** Peerings declared on a virtual network (inline `virtualNetworkPeerings` and child resources). */
export function peeringsOf(graph: ResourceGraph, vnet: DeployedResource): Peering[] {
  const out: Peering[] = [];
  for (const e of elements(at(vnet.root, 'properties', 'virtualNetworkPeerings'))) {
    out.push({ from: vnet, holder: vnet, decl: e, remote: at(e, 'properties', 'remoteVirtualNetwork', 'id') });
  }
  for (const p of deployedOfType(graph, TYPES.peering)) {
    const parent = p.parent ?? graph.find(truncateId(p.id, 1));
    if (parent === vnet) out.push({ from: vnet, holder: p, decl: p.root, remote: at(p.root, 'properties', 'remoteVirtualNetwork', 'id') });
  }
  return out;
}

/** The peering from network `a` to network `b`, when the template declares one. */
export function peeringFromTo(graph: ResourceGraph, a: NetworkRef, b: NetworkRef): Peering | undefined {
  if (a.kind !== 'vnet') return undefined;
  return peeringsOf(graph, a.vnet).find((p) => {
    const remote = graph.resolve(p.remote.value);
    if (b.kind === 'vnet') return remote.kind === 'resource' && remote.resource === b.vnet;
    if (b.kind === 'external' && (remote.kind === 'external' || remote.kind === 'resource')) {
      const id = remote.kind === 'external' ? remote.id : remote.resource.id;
      // The same name in another resource group or subscription is another network.
      return relativeKey(id) === relativeKey(b.id) && sameScope(id.scope, b.id.scope) !== false;
    }
    return false;
  });
}

/** Whether a remote network id of a peering is still unknown (so a peering may connect to anything). */
export function hasUnknownPeering(graph: ResourceGraph, a: NetworkRef): boolean {
  if (a.kind !== 'vnet') return false;
  return peeringsOf(graph, a.vnet).some((p) => graph.resolve(p.remote.value).kind === 'none');
}

// ---------------------------------------------------------------------------------------------
// Network security groups

export interface SecurityGroupRef {
  nsg: DeployedResource;
  /** The reference to the NSG (on the NIC or on the subnet). */
  ref: LocatedValue;
  on: 'nic' | 'subnet';
}

/** NSGs the template declares on a scale set's NIC configuration or on the subnet of its IP configuration. */
export function securityGroupsOfScaleSet(graph: ResourceGraph, m: ScaleSetPoolMember): SecurityGroupRef[] {
  const out: SecurityGroupRef[] = [];
  const add = (ref: LocatedValue, on: 'nic' | 'subnet') => {
    const res = graph.resolve(ref.value);
    if (res.kind === 'resource' && lower(res.resource.type) === lower(TYPES.nsg) && !out.some((o) => o.nsg === res.resource)) out.push({ nsg: res.resource, ref, on });
  };
  add(at(m.nicConfig, 'properties', 'networkSecurityGroup', 'id'), 'nic');
  const n = networkOf(graph, m.ipConfig);
  if (n.kind === 'vnet' && n.subnet) add(at(n.subnet, 'properties', 'networkSecurityGroup', 'id'), 'subnet');
  return out;
}

/** NSGs the template declares on a NIC or on the subnets of its IP configurations. */
export function securityGroupsOfNic(graph: ResourceGraph, nic: DeployedResource, ipConfig?: LocatedValue): SecurityGroupRef[] {
  const out: SecurityGroupRef[] = [];
  const add = (ref: LocatedValue, on: 'nic' | 'subnet') => {
    const res = graph.resolve(ref.value);
    if (res.kind === 'resource' && lower(res.resource.type) === lower(TYPES.nsg) && !out.some((o) => o.nsg === res.resource)) out.push({ nsg: res.resource, ref, on });
  };
  // The NIC's own group as the deployed NIC ends: a NIC deployed again later (by another module)
  // with a networkSecurityGroup has it (finalDeclarations).
  for (const decl of finalDeclarations(graph, nic)) add(at(decl.root, 'properties', 'networkSecurityGroup', 'id'), 'nic');
  for (const ipc of ipConfig ? [ipConfig] : ipConfigurationsOf(nic)) {
    const n = networkOf(graph, ipc);
    if (n.kind === 'vnet' && n.subnet) add(at(n.subnet, 'properties', 'networkSecurityGroup', 'id'), 'subnet');
  }
  return out;
}

/** The security rules of an NSG: inline `securityRules` and child `securityRules` resources. */
export function securityRulesOf(nsg: DeployedResource): { name: string; decl: LocatedValue }[] {
  const out: { name: string; decl: LocatedValue }[] = [];
  for (const e of elements(at(nsg.root, 'properties', 'securityRules'))) {
    const n = at(e, 'name').value;
    out.push({ name: typeof n === 'string' ? n : '?', decl: e });
  }
  for (const c of nsg.children) {
    if (lower(c.type) === lower(`${TYPES.nsg}/securityRules`)) out.push({ name: segmentText(c.id.names[1] as Segment) ?? '?', decl: c.root });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public IPs and private link services

/** The public IP resource an IP configuration or frontend uses, when the template declares it. */
export function publicIpOf(graph: ResourceGraph, ipConfig: LocatedValue): { pip: DeployedResource; ref: LocatedValue } | undefined {
  // An IP configuration of a NIC a VM creates: the VM creates its public IP too.
  const created = vmCreatedPublicIp(ipConfig);
  if (created) return created;
  const ref = at(ipConfig, 'properties', 'publicIPAddress', 'id');
  const res = graph.resolve(ref.value);
  return res.kind === 'resource' && lower(res.resource.type) === lower(TYPES.publicIp) ? { pip: res.resource, ref } : undefined;
}

/** Private link services and the load balancer frontends they front. */
export function privateLinkFrontends(graph: ResourceGraph): { pls: DeployedResource; ref: LocatedValue; frontend: LbPart }[] {
  const out: { pls: DeployedResource; ref: LocatedValue; frontend: LbPart }[] = [];
  for (const pls of deployedOfType(graph, TYPES.privateLinkService)) {
    for (const e of elements(at(pls.root, 'properties', 'loadBalancerFrontendIpConfigurations'))) {
      const ref = at(e, 'id');
      const frontend = lbPartOf(graph, ref.value);
      if (frontend?.type === 'frontendIPConfigurations') out.push({ pls, ref, frontend });
    }
  }
  return out;
}

/** True for an Unknown, which rules report as indeterminate. */
export function isUnknown(v: Value | undefined): v is Unknown {
  return v instanceof Unknown;
}

/** Whether an NSG port value ("*", "4789", "4000-5000", or a list of those) covers `port`; undefined when unknown. */
export function portCovers(v: Value | undefined, port: number): boolean | undefined {
  if (v === undefined || v === null) return false;
  if (v instanceof Unknown) return undefined;
  if (Array.isArray(v)) {
    const each = v.map((x) => portCovers(x, port));
    return each.includes(true) ? true : each.includes(undefined) ? undefined : false;
  }
  if (typeof v === 'number') return v === port;
  if (typeof v !== 'string') return false;
  const s = v.trim();
  if (s === '*') return true;
  const m = /^(\d+)\s*-\s*(\d+)$/.exec(s);
  if (m) return Number(m[1]) <= port && port <= Number(m[2]);
  return /^\d+$/.test(s) ? Number(s) === port : false;
}

/**
 * Whether a security rule's source ports (sourcePortRange, sourcePortRanges) are every port ('*',
 * '0-65535', nothing set): true, false, or undefined when only known at deployment. The mirrored
 * VXLAN packets' source port is chosen per flow (RFC 7348 recommends 49152-65535; Azure does not
 * say), so only a rule that takes every source port certainly matches them.
 */
export function everySourcePort(rule: LocatedValue): boolean | undefined {
  const one = at(rule, 'properties', 'sourcePortRange').value;
  const many = at(rule, 'properties', 'sourcePortRanges').value;
  const list = one !== undefined && one !== null && one !== '' ? [one] : many;
  if (list instanceof Unknown) return undefined;
  if (!Array.isArray(list) || list.length === 0) return true;
  // The ranges together ('0-32767' and '32768-65535' are every port too).
  const ranges: [number, number][] = [];
  let unknown = false;
  for (const x of list) {
    if (x instanceof Unknown) {
      unknown = true;
      continue;
    }
    const s = typeof x === 'string' ? x.trim() : typeof x === 'number' ? String(x) : '';
    if (s === '*') return true;
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(s);
    if (m) ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let next = 1; // port 0 is no port a packet is sent from
  for (const [lo, hi] of ranges) {
    if (lo > next) break;
    next = Math.max(next, hi + 1);
  }
  return next > 65535 ? true : unknown ? undefined : false;
}

/** Whether an NSG rule's source covers every sender in the network ("*", "Any", "VirtualNetwork", nothing set); undefined when unknown. */
export function broadSource(rule: LocatedValue): boolean | undefined {
  const one = at(rule, 'properties', 'sourceAddressPrefix').value;
  const many = at(rule, 'properties', 'sourceAddressPrefixes').value;
  if (one instanceof Unknown || many instanceof Unknown) return undefined;
  const broad = (x: Value) => typeof x === 'string' && ['*', 'any', 'virtualnetwork'].includes(x.toLowerCase());
  if (one !== undefined && one !== null && one !== '') return broad(one);
  if (Array.isArray(many) && many.length > 0) return many.some(broad);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Addresses an NSG rule's destination covers

/** An IPv4 range, as two unsigned 32-bit numbers (inclusive). */
interface Ipv4Range {
  first: number;
  last: number;
  /** As written: "10.20.2.4", "10.20.2.0/24". */
  text: string;
}

/** An IPv4 address or CIDR block ("10.20.2.4", "10.20.2.0/24"); 'v6' for an IPv6 one; undefined for anything else (a service tag). */
export function parseIpv4Range(s: string): Ipv4Range | 'v6' | undefined {
  const text = s.trim();
  if (text.includes(':') && /^[0-9a-f:.]+(\/\d{1,3})?$/i.test(text)) return 'v6';
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const octets = [m[1], m[2], m[3], m[4]].map(Number);
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = addr - (addr % size);
  return { first, last: first + size - 1, text };
}

/** Where a NIC IP configuration's private address lies. */
export type AddressOf =
  /** Its static private IP, or (a dynamic one) the prefixes of its subnet, from which Azure assigns it. */
  | { kind: 'known'; ranges: Ipv4Range[]; dynamic: boolean; subnet: string | undefined }
  /** Not known from the template: a value known only at deployment, or a subnet the template does not declare. */
  | { kind: 'unknown'; value: Unknown | undefined };

/** The private IPv4 address of an IP configuration: a static IP, or its subnet's prefixes when dynamic. */
export function addressOf(graph: ResourceGraph, ipConfig: LocatedValue | undefined): AddressOf {
  if (!ipConfig) return { kind: 'unknown', value: undefined };
  const method = at(ipConfig, 'properties', 'privateIPAllocationMethod').value;
  const ip = at(ipConfig, 'properties', 'privateIPAddress').value;
  if (method instanceof Unknown) return { kind: 'unknown', value: method };
  if (typeof method === 'string' && lower(method) === 'static') {
    if (ip instanceof Unknown) return { kind: 'unknown', value: ip };
    const r = typeof ip === 'string' ? parseIpv4Range(ip) : undefined;
    return r && r !== 'v6' ? { kind: 'known', ranges: [r], dynamic: false, subnet: undefined } : { kind: 'unknown', value: undefined };
  }
  const n = networkOf(graph, ipConfig);
  if (n.kind !== 'vnet' || !n.subnet) return { kind: 'unknown', value: n.kind === 'unknown' && n.value instanceof Unknown ? n.value : undefined };
  const one = at(n.subnet, 'properties', 'addressPrefix').value;
  const many = at(n.subnet, 'properties', 'addressPrefixes').value;
  const prefixes = typeof one === 'string' ? [one] : Array.isArray(many) ? many : [one];
  const ranges: Ipv4Range[] = [];
  for (const p of prefixes) {
    if (p instanceof Unknown) return { kind: 'unknown', value: p };
    const r = typeof p === 'string' ? parseIpv4Range(p) : undefined;
    if (r && r !== 'v6') ranges.push(r);
  }
  if (ranges.length === 0) return { kind: 'unknown', value: undefined };
  const name = n.subnetResource ? segmentText(n.subnetResource.id.names[1] as Segment) : at(n.subnet, 'name').value;
  return { kind: 'known', ranges, dynamic: true, subnet: typeof name === 'string' ? name : undefined };
}

/** Whether a security rule's destination includes an address. */
export type DestinationCover =
  | { covers: true | false }
  /** It may or may not: `value` is the unknown value that decides it, `prefix` the prefix that covers only part of a subnet. */
  | { covers: undefined; value: Unknown | undefined; prefix: string | undefined };

/** Service tags that cover every address of a virtual network (its own address space included). */
const WHOLE_NETWORK = new Set(['*', 'any', 'virtualnetwork', 'virtual_network']);

/**
 * Whether the destination of an NSG rule (destinationAddressPrefix, destinationAddressPrefixes,
 * destinationApplicationSecurityGroups) includes the private address of a NIC IP configuration:
 * '*' and 'VirtualNetwork' include it; an IPv4 address or CIDR block includes it when it holds the
 * static IP, or the whole subnet a dynamic IP comes from; an application security group includes
 * it when the IP configuration is in that group. Other service tags ('Internet',
 * 'AzureLoadBalancer', 'Storage', ...) and IPv6 prefixes name addresses outside the network's
 * IPv4 space. Undefined when a value is known only at deployment, or a prefix holds part of the
 * subnet a dynamic IP comes from.
 */
export function destinationCovers(graph: ResourceGraph, rule: LocatedValue, ipConfig: LocatedValue | undefined): DestinationCover {
  return addressCovers(graph, rule, 'destination', ipConfig);
}

/**
 * Whether the source of an NSG rule (sourceAddressPrefix, sourceAddressPrefixes,
 * sourceApplicationSecurityGroups) includes the private address of a sender's IP configuration,
 * as destinationCovers() for the destination. Without the IP configuration (a sender outside the
 * template, or not known), an address prefix or application security group may or may not hold
 * it: undefined; '*', 'VirtualNetwork' (which holds peered networks too) do, other service tags
 * do not.
 */
export function sourceCovers(graph: ResourceGraph, rule: LocatedValue, ipConfig: LocatedValue | undefined): DestinationCover {
  return addressCovers(graph, rule, 'source', ipConfig);
}

function addressCovers(graph: ResourceGraph, rule: LocatedValue, side: 'source' | 'destination', ipConfig: LocatedValue | undefined): DestinationCover {
  const one = at(rule, 'properties', `${side}AddressPrefix`).value;
  const many = at(rule, 'properties', `${side}AddressPrefixes`).value;
  const asgs = at(rule, 'properties', `${side}ApplicationSecurityGroups`);
  for (const v of [one, many, asgs.value]) if (v instanceof Unknown) return { covers: undefined, value: v, prefix: undefined };
  const prefixes: Value[] = [];
  if (typeof one === 'string' && one !== '') prefixes.push(one);
  if (Array.isArray(many)) pushAll(prefixes, many);
  const groups = elements(asgs);
  // A rule with no destination at all is read as any destination (ARM requires one).
  if (prefixes.length === 0 && groups.length === 0) return { covers: true };
  let address: AddressOf | undefined;
  const answers: DestinationCover[] = [];
  /** The IPv4 prefixes that hold part (not all, nor none) of the address's ranges. */
  const partial: Ipv4Range[] = [];
  for (const p of prefixes) {
    if (p instanceof Unknown) {
      answers.push({ covers: undefined, value: p, prefix: undefined });
      continue;
    }
    if (typeof p !== 'string') continue;
    if (WHOLE_NETWORK.has(lower(p.trim()))) return { covers: true };
    const range = parseIpv4Range(p);
    if (range === undefined || range === 'v6') continue;
    address ??= addressOf(graph, ipConfig);
    if (address.kind === 'unknown') {
      answers.push({ covers: undefined, value: address.value, prefix: undefined });
      continue;
    }
    const inside = address.ranges.every((a) => range.first <= a.first && a.last <= range.last);
    const outside = address.ranges.every((a) => a.last < range.first || range.last < a.first);
    if (inside) return { covers: true };
    if (!outside) {
      partial.push(range);
      answers.push({ covers: undefined, value: undefined, prefix: range.text });
    }
  }
  // Prefixes that each hold part of the address's ranges may hold all of them together
  // (['10.20.2.0/25', '10.20.2.128/25'] for a dynamic IP of subnet 10.20.2.0/24).
  if (partial.length > 1 && address?.kind === 'known' && address.ranges.every((a) => unionHolds(partial, a))) return { covers: true };
  if (groups.length > 0 && !ipConfig && side === 'source') answers.push({ covers: undefined, value: undefined, prefix: undefined });
  else if (groups.length > 0) {
    const own = ipConfig ? elements(at(ipConfig, 'properties', 'applicationSecurityGroups')).map((e) => at(e, 'id').value) : [];
    for (const g of groups) {
      const id = at(g, 'id').value;
      const answer = sameAsgIn(graph, id, own);
      if (answer === true) return { covers: true };
      if (answer === undefined) answers.push({ covers: undefined, value: id instanceof Unknown ? id : own.find((o): o is Unknown => o instanceof Unknown), prefix: undefined });
    }
  }
  return answers[0] ?? { covers: false };
}

/** Whether the union of `ranges` holds every address of `a`. */
function unionHolds(ranges: readonly Ipv4Range[], a: Ipv4Range): boolean {
  let next = a.first;
  for (const r of [...ranges].sort((x, y) => x.first - y.first)) {
    if (r.first > next) break;
    if (r.last >= next) next = r.last + 1;
    if (next > a.last) return true;
  }
  return next > a.last;
}

/** Whether an application security group id is one of `ids`; undefined when an id cannot be decided. */
function sameAsgIn(graph: ResourceGraph, id: Value | undefined, ids: (Value | undefined)[]): boolean | undefined {
  const a = graph.resolve(id);
  if (a.kind === 'none') return undefined;
  let unknown = false;
  for (const other of ids) {
    const b = graph.resolve(other);
    if (b.kind === 'none') unknown = true;
    else if (a.kind === 'resource' && b.kind === 'resource') {
      if (a.resource === b.resource) return true;
    } else if (a.kind === 'external' && b.kind === 'external') {
      if (relativeKey(a.id) === relativeKey(b.id)) {
        const same = sameScope(a.id.scope, b.id.scope);
        if (same === true) return true;
        if (same === undefined) unknown = true;
      }
    }
  }
  return unknown ? undefined : false;
}
