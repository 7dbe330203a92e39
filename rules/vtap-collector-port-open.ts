import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { at, type LocatedValue } from '../src/graph/located.js';
import { destinationOf, destinationTarget, taps, type Destination, type DestinationTarget } from '../src/graph/vtap.js';
import { broadSource, membersOfPool, poolsOfRule, portCovers, rulesOfFrontend, securityGroupsOfNic, securityRulesOf, type LbRule } from '../src/graph/network.js';
import { Unknown, type Value } from '../src/expr/value.js';
import type { DeployedResource } from '../src/deploy/model.js';
import facts from './data/vtap-facts.json' with { type: 'json' };
import docs from './vtap-collector-port-open.md';

const PORT = facts.defaultDestinationPort;
const lower = (v: Value | undefined) => (typeof v === 'string' ? v.toLowerCase() : undefined);

export default defineRule(
  {
    id: 'vtap-collector-port-open',
    name: 'VtapCollectorPortOpen',
    shortDescription: `Mirrored traffic (VXLAN, UDP ${PORT}) can reach the destination: no NSG denies it first, and a load balancer destination has a rule for it and collectors that let it in.`,
    fullDescription: `Virtual network TAP sends mirrored packets as VXLAN to UDP port ${PORT} of the destination. The rule checks the network security groups the template puts on the destination NIC and its subnet: the first inbound rule (by priority) that matches UDP ${PORT} from the virtual network must not deny it. For a load balancer destination it checks that a load-balancing rule on that frontend forwards UDP ${PORT} (or all ports, HA ports), and the network security groups of the collector NICs in that rule's backend pools, on its backend port.`,
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: `VXLAN traffic arrives on UDP ${PORT} (REST API: destinationPort "The VXLAN destination port"; default ${PORT})`,
  },
  docs,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const d = destinationOf(tap, ctx.graph);
      const t = d && destinationTarget(d);
      if (!d || !t) continue;
      if (t.kind === 'nic') {
        const what = `the destination of TAP '${tap.displayName}' ('${t.resource.displayName}')`;
        checkNsgs(ctx, tap, d, { nic: t.resource, ipConfig: t.entry, port: PORT, what, nicText: 'the destination NIC', subnetText: 'the destination subnet' });
      }
      else checkLbRules(ctx, tap, d, t);
    }
  },
);

/** Where mirrored traffic arrives: a NIC's IP configuration, on a port, and how to name it in a message. */
interface Arrival {
  nic: DeployedResource;
  ipConfig: LocatedValue | undefined;
  port: number;
  /** What receives it, in messages: "the destination of TAP 'tap' ('collector-nic')". */
  what: string;
  /** The NIC and its subnet, in related locations: "the destination NIC", "the destination subnet". */
  nicText: string;
  subnetText: string;
}

function checkNsgs(ctx: RuleContext, tap: DeployedResource, d: Destination, to: Arrival): void {
  for (const g of securityGroupsOfNic(ctx.graph, to.nic, to.ipConfig)) {
    if (g.nsg.existing) continue;
    const matching: { priority: number; rule: ReturnType<typeof securityRulesOf>[number] }[] = [];
    let unknown: string | undefined;
    for (const rule of securityRulesOf(g.nsg)) {
      const dir = lower(at(rule.decl, 'properties', 'direction').value);
      const proto = lower(at(rule.decl, 'properties', 'protocol').value);
      const ports = portCovers(at(rule.decl, 'properties', 'destinationPortRange').value, to.port) ?? undefined;
      const portsMany = portCovers(at(rule.decl, 'properties', 'destinationPortRanges').value, to.port);
      const priority = at(rule.decl, 'properties', 'priority').value;
      const source = broadSource(rule.decl);
      if (dir === 'outbound') continue;
      const covers = ports === true || portsMany === true;
      const maybe = ports === undefined || portsMany === undefined || dir === undefined || proto === undefined || source === undefined || typeof priority !== 'number';
      if (proto !== undefined && proto !== 'udp' && proto !== '*') continue;
      if (!covers && ports === false && portsMany === false) continue;
      if (source === false) continue;
      if (maybe) {
        unknown ??= rule.name;
        continue;
      }
      matching.push({ priority: priority as number, rule });
    }
    matching.sort((a, b) => a.priority - b.priority);
    const first = matching[0];
    const base = {
      resource: g.nsg,
      involved: [tap, to.nic],
      related: [
        { span: d.id.span, message: `the destination of TAP '${tap.displayName}'` },
        { span: g.ref.span, message: `'${g.nsg.displayName}' applies to ${g.on === 'nic' ? to.nicText : to.subnetText} here` },
      ],
    };
    if (first && lower(at(first.rule.decl, 'properties', 'access').value) === 'deny') {
      const access = at(first.rule.decl, 'properties', 'access');
      ctx.fail({
        ...base,
        span: access.span,
        message: `rule '${first.rule.name}' of network security group '${g.nsg.displayName}' denies inbound UDP ${to.port} to ${to.what}; the mirrored VXLAN traffic is dropped: allow inbound UDP ${to.port} from the virtual network at a higher priority (lower number)`,
      });
    } else if (unknown !== undefined && !first) {
      ctx.indeterminate({ ...base, span: g.ref.span, message: `cannot tell whether rule '${unknown}' of network security group '${g.nsg.displayName}' blocks inbound UDP ${to.port} to ${to.what}: some of its values are only known at deployment` });
    } else ctx.pass({ ...base, span: g.ref.span, message: 'UDP port open' });
  }
}

function checkLbRules(ctx: RuleContext, tap: DeployedResource, d: Destination, t: DestinationTarget): void {
  if (t.resource.existing) return;
  const frontend = { lb: t.resource, type: 'frontendIPConfigurations' as const, key: t.name.toLowerCase(), name: t.name, decl: t.entry, child: undefined, decls: [t.entry] };
  const rules = rulesOfFrontend(ctx.graph, frontend).filter((r) => r.kind === 'loadBalancingRules');
  let unknown = false;
  for (const r of rules) {
    const proto = at(r.decl, 'properties', 'protocol').value;
    const port = at(r.decl, 'properties', 'frontendPort').value;
    if (proto instanceof Unknown || port instanceof Unknown) {
      unknown = true;
      continue;
    }
    const p = lower(proto);
    if ((p === 'udp' && port === PORT) || (p === 'all' && port === 0)) {
      ctx.pass({ message: 'a rule forwards UDP 4789', span: at(r.decl, 'properties', 'frontendPort').span, resource: t.resource });
      checkBackends(ctx, tap, d, t, r);
      return;
    }
  }
  const base = { span: d.id.span, resource: tap, involved: [t.resource], related: [{ span: t.entry.span, message: `frontend '${t.name}' of load balancer '${t.resource.displayName}'` }] };
  if (unknown) ctx.indeterminate({ ...base, message: `cannot tell whether load balancer '${t.resource.displayName}' forwards UDP ${PORT} from frontend '${t.name}': a rule's protocol or port is only known at deployment` });
  else
    ctx.fail({
      ...base,
      message: `TAP '${tap.displayName}' sends to frontend '${t.name}' of load balancer '${t.resource.displayName}', but no load-balancing rule on that frontend forwards UDP ${PORT}; the mirrored traffic is dropped: add a rule for UDP ${PORT} (or an HA-ports rule, protocol All, port 0) to the collector pool`,
    });
}

/**
 * The collectors behind the rule that forwards the mirrored traffic: the NICs the template puts in
 * its backend pools receive it on the rule's backend port (4789 itself for HA ports), and their
 * network security groups must let it in as a NIC destination's must.
 */
function checkBackends(ctx: RuleContext, tap: DeployedResource, d: Destination, t: DestinationTarget, r: LbRule): void {
  const backendPort = at(r.decl, 'properties', 'backendPort').value;
  const port = backendPort === 0 || backendPort === undefined ? PORT : backendPort;
  if (typeof port !== 'number') return;
  for (const pool of poolsOfRule(ctx.graph, r)) {
    for (const m of membersOfPool(ctx.graph, pool)) {
      checkNsgs(ctx, tap, d, {
        nic: m.nic,
        ipConfig: m.ipConfig,
        port,
        what: `collector NIC '${m.nic.displayName}' in pool '${pool.name}' of load balancer '${t.resource.displayName}', the destination of TAP '${tap.displayName}'`,
        nicText: `collector NIC '${m.nic.displayName}'`,
        subnetText: `the subnet of collector NIC '${m.nic.displayName}'`,
      });
    }
  }
}
