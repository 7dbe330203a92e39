// Azure Virtual Network Manager (AVNM) connectivity between two virtual networks. A connectivity
// configuration of topology HubAndSpoke makes the peerings between its hub network and the
// members of the network groups it applies to (both ways), once the configuration is deployed
// ("committed") to their region, which a template's resources alone do not do; a Mesh topology,
// or a hub-and-spoke group with groupConnectivity 'DirectlyConnected', connects the members of its
// groups through a "connected group", which is not a peering. The template declares none of
// these peerings itself, so a rule that looks for them must ask here before it says there are none.
import type { DeployedResource } from '../deploy/model.js';
import { at, elements, type LocatedValue } from '../expr/located.js';
import type { ResourceGraph } from './graph.js';
import { Unknown } from '../expr/value.js';

const CONFIGURATION = 'Microsoft.Network/networkManagers/connectivityConfigurations';
const STATIC_MEMBER = 'Microsoft.Network/networkManagers/networkGroups/staticMembers';

export interface ManagerConnection {
  /** The connectivity configuration. */
  configuration: DeployedResource;
  /**
   * 'peering': AVNM peers the two (a hub and a member of a group it applies to); 'mesh' and
   * 'direct' (spokes of one group directly connected): a connected group, not a peering.
   */
  how: 'peering' | 'mesh' | 'direct';
  /** The network group the other network is a member of (or may be one of). */
  group: DeployedResource | undefined;
  /** Where the configuration names the hub or the group (the entry of `hubs` or `appliesToGroups`). */
  at: LocatedValue;
  /**
   * Whether the template lists the networks among the groups' members (staticMembers resources):
   * false when a group may hold one it does not list (see staticMembers).
   */
  listed: boolean;
  /** The configuration's topology, when it is known only at deployment (the connection is then only possible). */
  topology?: Unknown;
}

/**
 * The network groups a connectivity configuration applies to, with the entries that name them; a
 * group id known only at deployment is a group (undefined) that may hold any network.
 */
function appliedGroups(graph: ResourceGraph, configuration: DeployedResource): { group: DeployedResource | undefined; entry: LocatedValue }[] {
  const out: { group: DeployedResource | undefined; entry: LocatedValue }[] = [];
  for (const entry of elements(at(configuration.root, 'properties', 'appliesToGroups'))) {
    const res = graph.resolve(at(entry, 'networkGroupId').value);
    if (res.kind === 'resource') out.push({ group: res.resource, entry });
    else if (res.kind === 'none') out.push({ group: undefined, entry });
  }
  return out;
}

/**
 * The networks a group lists as static members. `complete` is false when the template may not
 * show them all: it declares none (Azure Policy adds the members of such a group), or one whose
 * network id is only known at deployment.
 */
function staticMembers(graph: ResourceGraph, group: DeployedResource | undefined): { members: DeployedResource[]; complete: boolean } {
  const members: DeployedResource[] = [];
  if (!group) return { members, complete: false };
  let declared = false;
  let unknown = false;
  for (const m of graph.ofType(STATIC_MEMBER)) {
    if (m.parent !== group) continue;
    declared = true;
    const res = graph.resolve(at(m.root, 'properties', 'resourceId').value);
    if (res.kind === 'resource') members.push(res.resource);
    else if (res.kind === 'none') unknown = true;
  }
  return { members, complete: declared && !unknown };
}

/**
 * How the connectivity configurations of the template connect networks `a` and `b` (both
 * declared): a hub-and-spoke configuration whose hub is one and whose groups have (or may have:
 * `listed` false) the other among their members; or a mesh, or directly connected spokes, with
 * both among the members of the groups it applies to.
 */
export function managerConnections(graph: ResourceGraph, a: DeployedResource, b: DeployedResource): ManagerConnection[] {
  const out: ManagerConnection[] = [];
  for (const configuration of graph.ofType(CONFIGURATION)) {
    const written = at(configuration.root, 'properties', 'connectivityTopology').value;
    // A topology known only at deployment may be either: judged as both, and what it makes is
    // then only possible (`listed` false).
    const unknownTopology = written instanceof Unknown;
    const topology = typeof written === 'string' ? written.toLowerCase() : undefined;
    if (topology === undefined && !unknownTopology) continue;
    const before = out.length;
    const groups = appliedGroups(graph, configuration).map((g) => ({ ...g, ...staticMembers(graph, g.group) }));
    // The group that lists the network, else one that may hold it (`listed` false).
    const memberOf = (vnet: DeployedResource) => {
      const g = groups.find((x) => x.members.includes(vnet)) ?? groups.find((x) => !x.complete);
      return g && { ...g, listed: g.members.includes(vnet) };
    };
    if (topology === 'hubandspoke' || unknownTopology) {
      for (const hubEntry of elements(at(configuration.root, 'properties', 'hubs'))) {
        const hub = graph.resolve(at(hubEntry, 'resourceId').value);
        // A hub id known only at deployment may be either network.
        if (hub.kind === 'none') {
          const g = memberOf(a) ?? memberOf(b);
          if (g) out.push({ configuration, how: 'peering', group: g.group, at: hubEntry, listed: false });
          continue;
        }
        if (hub.kind !== 'resource' || (hub.resource !== a && hub.resource !== b)) continue;
        const spoke = hub.resource === a ? b : a;
        const g = memberOf(spoke);
        if (g) out.push({ configuration, how: 'peering', group: g.group, at: hubEntry, listed: g.listed });
      }
      // Spokes of one group connected to each other (groupConnectivity 'DirectlyConnected').
      for (const g of groups) {
        const direct = at(g.entry, 'groupConnectivity').value;
        if (typeof direct !== 'string' || direct.toLowerCase() !== 'directlyconnected') continue;
        const holds = (v: DeployedResource) => g.members.includes(v) || !g.complete;
        if (holds(a) && holds(b)) out.push({ configuration, how: 'direct', group: g.group, at: g.entry, listed: g.members.includes(a) && g.members.includes(b) });
      }
    }
    if (topology === 'mesh' || unknownTopology) {
      const ga = memberOf(a);
      const gb = memberOf(b);
      // The group named is the one that may hold a network, when one only may.
      const named = ga && !ga.listed ? ga : gb;
      if (ga && gb && named) out.push({ configuration, how: 'mesh', group: named.group, at: named.entry, listed: ga.listed && gb.listed });
    }
    if (unknownTopology) for (let i = before; i < out.length; i++) out[i] = { ...(out[i] as ManagerConnection), listed: false, topology: written };
  }
  return out;
}
