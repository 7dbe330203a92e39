// The networks a TAP joins: for each source NIC in the template, its virtual network and the
// destination's, and the peerings between the two. Shared by the destination-network,
// peering-region and peering-order rules so they agree on what "the two networks" are.
import type { DeployedResource } from '../deploy/model.js';
import type { ResourceGraph } from './graph.js';
import { declaredNic, destinationOf, destinationTarget, sourcesOfTap, taps, type Destination, type TapSource } from './vtap.js';
import { networkKey, networkOf, networksOfNic, peeringFromTo, hasUnknownPeering, sameNetwork, type NetworkRef, type Peering } from './network.js';

export interface TapNetworkPair {
  tap: DeployedResource;
  destination: Destination;
  source: TapSource;
  nic: DeployedResource;
  sourceNet: NetworkRef;
  destNet: NetworkRef;
  /** true: one network; false: two; undefined: an id is unknown. */
  same: boolean | undefined;
  /** Peering from the source network to the destination network, and back, when declared. */
  forward: Peering | undefined;
  backward: Peering | undefined;
  /** Whether all peerings of both networks are visible (both declared, none with an unknown remote). */
  peeringsVisible: boolean;
}

/** One entry per (TAP, source NIC network) where the destination is in the template. */
export function tapNetworkPairs(graph: ResourceGraph): TapNetworkPair[] {
  const out: TapNetworkPair[] = [];
  for (const tap of taps(graph)) {
    const destination = destinationOf(tap, graph);
    const target = destination && destinationTarget(destination);
    if (!destination || !target) continue;
    const destNet = networkOf(graph, target.entry);
    const seen = new Set<string>();
    for (const source of sourcesOfTap(graph, tap)) {
      const nic = declaredNic(source.nic);
      if (!nic) continue;
      for (const sourceNet of networksOfNic(graph, nic)) {
        const key = `${nic.key}|${networkKey(sourceNet) ?? '?'}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const visible = (n: NetworkRef) => n.kind === 'vnet' && !n.vnet.existing && !hasUnknownPeering(graph, n);
        out.push({
          tap,
          destination,
          source,
          nic,
          sourceNet,
          destNet,
          same: sameNetwork(sourceNet, destNet),
          forward: peeringFromTo(graph, sourceNet, destNet),
          backward: peeringFromTo(graph, destNet, sourceNet),
          peeringsVisible: visible(sourceNet) && visible(destNet),
        });
      }
    }
  }
  return out;
}
