// The networks a TAP joins: for each source NIC in the template, its virtual network and the
// destination's, and the peerings between the two. Shared by the destination-network,
// peering-region and peering-order rules so they agree on what "the two networks" are.
import type { DeployedResource } from '../deploy/model.js';
import type { ResourceGraph } from './graph.js';
import { declaredNic, destinationChoices, destinationTarget, sourcesOfTap, taps, type Destination, type DestinationChoice, type TapSource } from './vtap.js';
import { networkKey, networkOf, networksOfNic, peeringFromTo, hasUnknownPeering, sameNetwork, type NetworkRef, type Peering } from './network.js';

export interface TapNetworkPair {
  tap: DeployedResource;
  destination: Destination;
  /** The destination with the value known only at deployment that chooses it, if one does (verdicts carry it: Verdict.destination). */
  choice: DestinationChoice;
  /**
   * What a verdict about the two networks (not the destination itself) depends on: `choice`, or
   * undefined when every destination the TAP may have is in this network, so that the networks
   * are these whichever one the value chooses.
   */
  networkChoice: DestinationChoice | undefined;
  /** The same source network and destination network as an earlier pair of the TAP, for another of its destinations: a verdict about the networks is given once. */
  repeat: boolean;
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

/**
 * One entry per (TAP, source NIC network) where the destination is in the template; per
 * destination, when a value known only at deployment chooses between two (destinationChoices).
 */
export function tapNetworkPairs(graph: ResourceGraph): TapNetworkPair[] {
  const out: TapNetworkPair[] = [];
  for (const tap of taps(graph)) {
    const choices = destinationChoices(tap, graph);
    const start = out.length;
    for (const choice of choices) pairsOf(graph, tap, choice, out);
    if (choices.length < 2) continue;
    // Alternatives in one destination network: the networks are these whichever is chosen.
    const byNetworks = new Map<string, TapNetworkPair[]>();
    for (const p of out.slice(start)) {
      const d = networkKey(p.destNet);
      const s = networkKey(p.sourceNet);
      if (d === undefined || s === undefined) continue;
      const key = `${p.nic.key}|${s}|${d}`;
      const list = byNetworks.get(key);
      if (list) list.push(p);
      else byNetworks.set(key, [p]);
    }
    for (const list of byNetworks.values()) {
      if (!choices.every((c) => list.some((p) => p.choice === c))) continue;
      list.forEach((p, i) => {
        p.networkChoice = undefined;
        p.repeat = i > 0;
      });
    }
  }
  return out;
}

function pairsOf(graph: ResourceGraph, tap: DeployedResource, choice: DestinationChoice, out: TapNetworkPair[]): void {
  const destination = choice.destination;
  const target = destinationTarget(destination);
  if (!target) return;
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
        choice,
        networkChoice: choice,
        repeat: false,
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
