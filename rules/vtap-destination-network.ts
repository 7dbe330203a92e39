import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { at, type LocatedValue } from '../src/expr/located.js';
import { tapNetworkPairs, type TapNetworkPair } from '../src/graph/tap-network.js';
import { hubsOfNetwork, networkNames, subnetNameOf, type Peering } from '../src/graph/network.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { sourceRelated, unknownOrigin } from './lib/support.js';
import { sameRegion } from '../src/graph/vtap.js';
import { managerConnections, type ManagerConnection } from '../src/graph/network-manager.js';
import docs from './vtap-destination-network.md';

export default defineRule(
  {
    id: 'vtap-destination-network',
    name: 'VtapDestinationNetwork',
    shortDescription: "The destination is in the source NIC's virtual network or in a virtual network peered with it.",
    fullDescription:
      "The collector that receives mirrored traffic must be in the same virtual network as the mirrored network interface, or in a peered virtual network. The rule compares the destination's network (the subnet of the NIC IP configuration or of the load balancer frontend) with each source NIC's network and, when they differ, looks for peerings in both directions (inline virtualNetworkPeerings or child resources) in the template.",
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'high',
    source: 'Virtual network TAP overview, "Prerequisites": "The destination is a virtual network IP address in the same virtual network as the monitored network interface or a peered virtual network."',
  },
  docs,
  (ctx) => {
    for (const p of tapNetworkPairs(ctx.graph)) {
      if (p.repeat) continue;
      const [src, dst] = networkNames(p.sourceNet, p.destNet);
      const base = {
        span: p.destination.id.span,
        resource: p.tap,
        destination: p.networkChoice,
        // The source's declaration too: a TAP configuration that may not be deployed mirrors nothing.
        involved: [p.nic, p.source.holder],
        sources: [p.source],
        related: [sourceRelated(p.source), { span: p.sourceNet.ref.span, message: `source NIC '${p.nic.displayName}' is in ${src} here` }, { span: p.destNet.ref.span, message: `the destination is in ${dst} here` }],
      };
      if (p.same === true) {
        ctx.pass({ ...base, message: 'destination in the source network' });
        continue;
      }
      if (p.same === undefined) {
        // Only an id that is not known yet is undecidable; a known id of something that is not a
        // virtual network (a classic one) is vtap-arm-only's to report.
        const pending = [p.sourceNet, p.destNet].find((n) => n.kind === 'unknown' && n.value instanceof Unknown && ctx.graph.resolve(n.value).kind === 'none');
        if (pending?.kind === 'unknown' && pending.value instanceof Unknown) {
          // Name the subnet id that blocks the decision, and where its value comes from.
          const whose = pending === p.sourceNet ? `the subnet of source NIC '${p.nic.displayName}'` : `the subnet of the destination`;
          ctx.indeterminate({
            ...base,
            related: [...base.related, ...unknownOrigin(pending.value, pending.ref.span)],
            message: `cannot tell whether the destination of TAP '${p.tap.displayName}' is in the network of source NIC '${p.nic.displayName}': ${whose} is ${describeUnknown(pending.value)}`,
          });
          continue;
        }
        // Both networks are known by id, and one of them by a resource group (or subscription)
        // that may or may not be the other's: peered both ways, it does not matter.
        if (p.sourceNet.kind !== 'unknown' && p.destNet.kind !== 'unknown' && !(p.forward && p.backward)) {
          ctx.indeterminate({
            ...base,
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}: one network only if the deployment's resource group is that one; otherwise peer the two networks in both directions`,
          });
        }
        continue;
      }
      if (p.forward && p.backward) {
        // A peering deployed only under a condition known at deployment (a parameter without a
        // value, a module `if`), while the source is deployed without it: the networks may stay
        // unpeered. Under the source's own condition, the two come together.
        const holder = p.source.holder;
        const conditional = [p.forward, p.backward].find((x) => x.holder.state === 'maybe' && !(holder.state === 'maybe' && holder.condition?.reason.message === x.holder.condition?.reason.message));
        if (conditional) {
          const cond = conditional.holder.condition;
          ctx.indeterminate({
            ...base,
            related: [
              ...base.related,
              { span: conditional.decl.span, message: `the peering from '${conditional.from.displayName}' is declared here` },
              // What its condition is made of: the parameter or reference() to supply.
              ...(cond ? unknownOrigin(cond, conditional.decl.span) : []),
            ],
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}, but the peering from '${conditional.from.displayName}' ('${conditional.holder.displayName}') is deployed only if its condition allows (${cond ? describeUnknown(cond) : 'not known before deployment'}); without it the collector is unreachable: give the source the same condition, or deploy the peerings unconditionally`,
          });
          continue;
        }
        // A peering that does not allow virtual network access blocks traffic between the networks.
        const closed = [p.forward, p.backward].find((x) => at(x.decl, 'properties', 'allowVirtualNetworkAccess').value === false);
        if (closed) {
          const flag = at(closed.decl, 'properties', 'allowVirtualNetworkAccess');
          ctx.indeterminate({
            ...base,
            related: [...base.related, { span: flag.span, message: 'allowVirtualNetworkAccess is false here' }],
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}, peered both ways, but a peering does not allow virtual network access, which blocks traffic between them; mirrored traffic may not reach the collector: set allowVirtualNetworkAccess to true`,
          });
          continue;
        }
        // A peering of IPv6 address space only: the mirrored traffic is IPv4 (TAP has no IPv6).
        const ipv6Only = [p.forward, p.backward].find((x) => at(x.decl, 'properties', 'enableOnlyIPv6Peering').value === true);
        if (ipv6Only) {
          const flag = at(ipv6Only.decl, 'properties', 'enableOnlyIPv6Peering');
          ctx.fail({
            ...base,
            related: [...base.related, { span: flag.span, message: 'enableOnlyIPv6Peering is true here' }],
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}, but the peering from '${ipv6Only.from.displayName}' ('${ipv6Only.holder.displayName}') peers their IPv6 address space only, and the mirrored traffic is IPv4 (virtual network TAP does not support IPv6): peer the IPv4 address space (enableOnlyIPv6Peering false)`,
          });
          continue;
        }
        // Subnet peering (peerCompleteVnets false) connects the subnets it names only: the source
        // NIC's and the destination's must be among them, both ways.
        const subnets = subnetPeeringProblem(p);
        if (subnets) {
          (subnets.certain ? ctx.fail : ctx.indeterminate).call(ctx, {
            ...base,
            related: [...base.related, { span: subnets.at.span, message: subnets.what }],
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}, but the peering from '${subnets.peering.from.displayName}' ('${subnets.peering.holder.displayName}') peers some subnets only (peerCompleteVnets false) and ${subnets.why}: ${subnets.certain ? 'add the subnets to localSubnetNames and remoteSubnetNames of both peerings, or peer the whole networks' : 'check that it names both subnets'}`,
          });
          continue;
        }
        ctx.pass({ ...base, message: 'networks peered both ways' });
        continue;
      }
      const missing = [!p.forward ? `from ${src} to ${dst}` : undefined, !p.backward ? `from ${dst} to ${src}` : undefined].filter(Boolean).join(' and ');
      // Peered by a network manager (AVNM) instead: its peerings are made when its connectivity
      // configuration is committed, not by resources of the template.
      const managed = managedConnection(ctx, p);
      if (managed) {
        ctx.indeterminate({
          ...base,
          related: [...base.related, { span: managed.at.span, message: `network manager connectivity configuration '${managed.configuration.displayName}' names ${managed.how === 'peering' ? 'its hub' : 'the network group'} here` }],
          message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}, and the template declares no peering ${missing}, but ${managerText(managed, src, dst)}`,
        });
        continue;
      }
      if (!p.peeringsVisible) {
        ctx.indeterminate({
          ...base,
          message: `the destination of TAP '${p.tap.displayName}' is in ${dst}, source NIC '${p.nic.displayName}' is in ${src}, and the template has no peering ${missing}; a network outside the template may have it: check that the two networks are peered both ways`,
        });
        continue;
      }
      ctx.fail({
        ...base,
        message: `the destination of TAP '${p.tap.displayName}' is in ${dst} but source NIC '${p.nic.displayName}' is in ${src}, and no peering connects them ${missing}${viaHub(ctx, p)}; ${advice(p, src, dst)}`,
      });
    }
  },
);

/**
 * What to do about two networks not peered. Two networks in different regions cannot be peered
 * for a TAP (it cannot send over global peering, vtap-peering-same-region), nor can the collector
 * move to the source's network while its TAP stays in another region: say what can be done.
 */
function advice(p: TapNetworkPair, src: string, dst: string): string {
  const regions = p.sourceNet.kind === 'vnet' && p.destNet.kind === 'vnet' ? [at(p.sourceNet.vnet.root, 'location').value, at(p.destNet.vnet.root, 'location').value] : [];
  const [a, b] = regions;
  if (typeof a !== 'string' || typeof b !== 'string' || sameRegion(a, b) !== false) return `put the collector in ${src} or peer the two networks in both directions`;
  const tapLocation = at(p.tap.root, 'location').value;
  const why = `${src} is in '${a}' and ${dst} in '${b}', and a TAP cannot send over global peering`;
  return sameRegion(tapLocation, b) === true
    ? `${why}: deploy a TAP and a collector in '${a}' for the VMs there, or mirror VMs in '${b}', the region of TAP '${p.tap.displayName}' and its collector`
    : `${why}: put the collector in ${src}`;
}

/** The network manager connection of the pair's two networks that says the most (a peering of a listed member first). */
function managedConnection(ctx: RuleContext, p: TapNetworkPair): ManagerConnection | undefined {
  if (p.sourceNet.kind !== 'vnet' || p.destNet.kind !== 'vnet') return undefined;
  const all = managerConnections(ctx.graph, p.sourceNet.vnet, p.destNet.vnet);
  return all.find((c) => c.how === 'peering' && c.listed) ?? all.find((c) => c.how === 'peering') ?? all[0];
}

/** What a network manager's connectivity configuration does for the two networks, and what to check. */
function managerText(c: ManagerConnection, src: string, dst: string): string {
  // One deployed only under a condition known at deployment says so.
  const condition = c.configuration.state === 'maybe' && c.configuration.condition ? ` (deployed only if its condition allows: ${describeUnknown(c.configuration.condition)})` : '';
  const config = `network manager connectivity configuration '${c.configuration.displayName}'${condition}`;
  const group = c.group ? `network group '${c.group.displayName}'` : 'its network group';
  if (c.topology) {
    return `${config}, whose topology is ${describeUnknown(c.topology)}, may connect them (as hub and spoke it peers them once it is committed; as a mesh it connects them without a peering): check which it is, or peer ${src} and ${dst} in both directions`;
  }
  if (c.how === 'peering' && c.listed) {
    return `${config} (hub and spoke) peers them both ways once it is deployed (committed) to their region, which the template's resources do not show: check that it is committed before the TAP configurations are made`;
  }
  if (c.how === 'peering') {
    return `${config} (hub and spoke) peers its hub with the members of ${group}, which the template does not list in full (Azure Policy adds members, or a member's id is known only at deployment): if the other network is one, they are peered once the configuration is committed; otherwise put the collector in ${src} or peer ${src} and ${dst} in both directions`;
  }
  const shape = c.how === 'mesh' ? 'a mesh' : `spokes of ${group} connected to each other`;
  return `${config} connects them in a connected group (${shape}${c.listed ? '' : `, if both are members of ${group}, which the template does not list in full`}), which is not a peering, and the Azure doc asks for the same or a peered virtual network: peer the two networks in both directions, or check that the mirrored traffic reaches the collector`;
}

/**
 * Two Virtual WAN spokes connected to one hub are not peered with each other: say so, for a reader
 * who sees them connected.
 */
function viaHub(ctx: RuleContext, p: TapNetworkPair): string {
  if (p.sourceNet.kind !== 'vnet' || p.destNet.kind !== 'vnet') return '';
  const theirs = hubsOfNetwork(ctx.graph, p.destNet.vnet);
  const hub = hubsOfNetwork(ctx.graph, p.sourceNet.vnet).find((h) => theirs.includes(h));
  return hub ? ` (both are connected to virtual hub '${hub.displayName}', but a hub connection peers a network with the hub, not with the other networks connected to it)` : '';
}

/**
 * A subnet peering (peerCompleteVnets false) of the pair that leaves out the source NIC's subnet
 * or the destination's: certain when both subnet names and the peering's lists are known.
 */
function subnetPeeringProblem(p: TapNetworkPair): { peering: Peering; at: LocatedValue; what: string; why: string; certain: boolean } | undefined {
  const srcSubnet = subnetNameOf(p.sourceNet);
  const dstSubnet = subnetNameOf(p.destNet);
  for (const [peering, local, remote] of [
    [p.forward, srcSubnet, dstSubnet],
    [p.backward, dstSubnet, srcSubnet],
  ] as const) {
    if (!peering) continue;
    const complete = at(peering.decl, 'properties', 'peerCompleteVnets');
    if (complete.value !== false) continue;
    for (const [list, name, side] of [
      ['localSubnetNames', local, 'its own network'],
      ['remoteSubnetNames', remote, 'the remote network'],
    ] as const) {
      const names = at(peering.decl, 'properties', list);
      const problem = (why: string, certain = false) => ({ peering, at: names.value === undefined ? complete : names, what: `${list} of the peering`, why, certain });
      if (names.value instanceof Unknown || name === undefined || !Array.isArray(names.value)) return problem(`whether ${list} holds the subnet of ${side} that the mirrored traffic uses is not known here`);
      const listed = names.value;
      if (listed.some((x) => x instanceof Unknown)) return problem(`${list} is known only in part`);
      // Entries that are no subnet names (Azure rejects them): not judged here.
      if (listed.some((x) => typeof x !== 'string')) return problem(`${list} holds entries that are not subnet names`);
      if (!listed.some((x) => typeof x === 'string' && x.toLowerCase() === name.toLowerCase())) {
        return problem(`its ${list} (${listed.map((x) => `'${String(x)}'`).join(', ') || 'none'}) leaves out subnet '${name}' of ${side}`, true);
      }
    }
  }
  return undefined;
}
