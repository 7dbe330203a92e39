import { defineRule, type RuleContext, type Verdict } from '../src/engine/rule.js';
import type { Span } from '../src/model/span.js';
import { at, elements, type LocatedValue } from '../src/expr/located.js';
import { declaredNic, destinationChoices, destinationTarget, finalDeclarations, nicName, sourcesOfTap, taps, type Destination, type DestinationTarget } from '../src/graph/vtap.js';
import { addressOf, destinationCovers, ipConfigurationsOf, lbPartOf, lbParts, everySourcePort, membersOfPool, poolAddresses, portCovers, rulesOfFrontend, scaleSetMembersOfPool, securityGroupsOfNic, securityGroupsOfScaleSet, securityRulesOf, sourceCovers, type LbPart, type LbRule, type SecurityGroupRef } from '../src/graph/network.js';
import { describeUnknown } from '../src/engine/describe.js';
import { aboutDestination, unknownOrigin } from './lib/support.js';
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
    fullDescription: `Virtual network TAP sends mirrored packets as VXLAN to UDP port ${PORT} of the destination. The rule checks the network security groups the template puts on the destination NIC and its subnet: the first inbound rule (by priority) that matches UDP ${PORT} from the virtual network to the NIC's address (its destination prefix or application security group covers it) must not deny it. For a load balancer destination it checks that a load-balancing rule on that frontend forwards UDP ${PORT} (or all ports, HA ports), and the network security groups of the collector NICs (or scale set instances) in that rule's backend pools, on its backend port.`,
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: `VXLAN traffic arrives on UDP ${PORT} (REST API: destinationPort "The VXLAN destination port"; default ${PORT})`,
  },
  docs,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const choices = destinationChoices(tap, ctx.graph);
      if (choices.length === 0) continue;
      const from = sendersOf(ctx, tap);
      // Each destination a value known only at deployment may choose, with that value (Verdict.destination).
      for (const choice of choices) {
        const d = choice.destination;
        const t = destinationTarget(d);
        if (!t) continue;
        const c = aboutDestination(ctx, choice);
        if (t.kind === 'nic') {
          const what = `the destination of TAP '${tap.displayName}' ('${t.resource.displayName}')`;
          checkNsgs(c, tap, d, { nic: t.resource, ipConfig: t.entry, port: PORT, what, nicText: 'the destination NIC', subnetText: 'the destination subnet' }, from);
        }
        else checkLbRules(c, tap, d, t, from);
      }
    }
  },
);

/** Where mirrored traffic arrives: a NIC's IP configuration, on a port, and how to name it in a message. */
interface Arrival {
  /** The NIC, or the scale set whose instances' NICs receive it. */
  nic: DeployedResource;
  /** The NSGs in its way, when not the NIC's own and its subnet's (a scale set's). */
  groups?: SecurityGroupRef[];
  ipConfig: LocatedValue | undefined;
  port: number;
  /** What receives it, in messages: "the destination of TAP 'tap' ('collector-nic')". */
  what: string;
  /** The NIC and its subnet, in related locations: "the destination NIC", "the destination subnet". */
  nicText: string;
  subnetText: string;
}

/**
 * Where the mirrored traffic comes from: the TAP's source NICs (VXLAN from the host of each source
 * NIC, with the NIC's private address as its source), each IP configuration of a NIC the template
 * declares; a source whose address the template does not have (a NIC outside it) is one sender of
 * unknown address. A TAP without sources in the template has one sender of unknown address.
 */
interface Sender {
  /** The source NICs it stands for, in messages; empty when no source is in the template. */
  names: string[];
  ipConfig: LocatedValue | undefined;
}

/**
 * The senders of a TAP's mirrored traffic, one per address: IP configurations with the same
 * address and no application security group of their own (the dynamic IPs of one subnet: a
 * thousand web servers behind one subnet are one sender) meet every NSG rule alike.
 */
function sendersOf(ctx: RuleContext, tap: DeployedResource): Sender[] {
  const out: Sender[] = [];
  const byAddress = new Map<string, Sender>();
  // The names of each shared sender, as a set: a sender with 10,000 NICs looked each up in its list.
  const namesOf = new Map<Sender, Set<string>>();
  const seen = new Set<unknown>();
  for (const source of sourcesOfTap(ctx.graph, tap)) {
    const nic = declaredNic(source.nic);
    const key = nic ?? source.holder;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = nicName(source.nic);
    const ipConfigs = nic ? finalDeclarations(ctx.graph, nic).flatMap(ipConfigurationsOf) : [];
    if (ipConfigs.length === 0) out.push({ names: [name], ipConfig: undefined });
    for (const ipConfig of ipConfigs) {
      const address = addressOf(ctx.graph, ipConfig);
      const groups = at(ipConfig, 'properties', 'applicationSecurityGroups').value;
      const alike = address.kind === 'known' && !(Array.isArray(groups) && groups.length > 0) && !(groups instanceof Unknown);
      const k = alike ? address.ranges.map((r) => r.text).join(',') : undefined;
      const known = k !== undefined ? byAddress.get(k) : undefined;
      if (known) {
        const names = namesOf.get(known) as Set<string>;
        if (!names.has(name)) {
          names.add(name);
          known.names.push(name);
        }
        continue;
      }
      const sender = { names: [name], ipConfig };
      if (k !== undefined) {
        byAddress.set(k, sender);
        namesOf.set(sender, new Set([name]));
      }
      out.push(sender);
    }
  }
  return out.length > 0 ? out : [{ names: [], ipConfig: undefined }];
}

/** An inbound security rule that matches, or may match, the mirrored traffic. */
interface Candidate {
  name: string;
  decl: LocatedValue;
  /** Undefined when not known (then it may come anywhere in the order). */
  priority: number | undefined;
  access: 'allow' | 'deny' | undefined;
  /** Why it may or may not match, when that is not certain; undefined when it certainly matches. */
  doubt: string | undefined;
  /** The unknown value behind the doubt, for a related location. */
  unknown: Value | undefined;
  /** Whether it matches only some senders: its source names addresses, not the whole network. */
  narrow: boolean;
  /** The property of the rule the doubt is about (where an indeterminate result points). */
  doubtAt?: string;
}

/** What one network security group does to the mirrored traffic of one sender. */
type Outcome =
  | { kind: 'pass' }
  | { kind: 'deny'; rule: Candidate }
  | { kind: 'open'; rule: Candidate; message: string };

/** Where checkNsgs reports: the rule context, or a collector of verdicts to merge (checkBackends). */
type Verdicts = Pick<RuleContext, 'fail' | 'indeterminate' | 'pass'>;

function checkNsgs(ctx: RuleContext, tap: DeployedResource, d: Destination, to: Arrival, from: readonly Sender[], out: Verdicts = ctx): void {
  for (const g of to.groups ?? securityGroupsOfNic(ctx.graph, to.nic, to.ipConfig)) {
    if (g.nsg.existing) continue;
    const nsgText = `network security group '${g.nsg.displayName}'`;
    // Each sender's traffic meets the rules on its own: a deny for one source's prefix blocks
    // that source only. One finding per group: a deny that blocks some sender, else the first
    // doubt, else a pass.
    const outcomes = from.map((sender) => ({ sender, outcome: decide(ctx, g.nsg, to, sender, nsgText) }));
    const base = {
      resource: g.nsg,
      involved: [tap, to.nic],
      related: [
        { span: d.id.span, message: `the destination of TAP '${tap.displayName}'` },
        { span: g.ref.span, message: `'${g.nsg.displayName}' applies to ${g.on === 'nic' ? to.nicText : to.subnetText} here` },
      ],
    };
    const denied = outcomes.find((o) => o.outcome.kind === 'deny');
    if (denied?.outcome.kind === 'deny') {
      const first = denied.outcome.rule;
      const access = at(first.decl, 'properties', 'access');
      const names = [...new Set(outcomes.filter((o) => o.outcome.kind === 'deny' && o.outcome.rule.decl === first.decl).flatMap((o) => o.sender.names))];
      const fromText = first.narrow && names.length > 0 ? ` from ${names.length > 1 ? 'source NICs' : 'source NIC'} ${names.map((n) => `'${n}'`).join(', ')}` : '';
      const allow = first.narrow ? `allow inbound UDP ${to.port} from the TAP's sources at a higher priority (lower number), or narrow the deny` : `allow inbound UDP ${to.port} from the virtual network at a higher priority (lower number)`;
      out.fail({
        ...base,
        span: access.span,
        related: [...base.related, ...(first.narrow ? [{ span: at(first.decl, 'properties').span, message: `rule '${first.name}'` }] : [])],
        message: `rule '${first.name}' of ${nsgText} denies inbound UDP ${to.port}${fromText} to ${to.what}; the mirrored VXLAN traffic is dropped: ${allow}`,
      });
      continue;
    }
    const open = outcomes.find((o) => o.outcome.kind === 'open');
    if (open?.outcome.kind === 'open') {
      const u = open.outcome.rule;
      // At the property of the rule that leaves it open, as a deny is reported at its access; the
      // reference that puts the group on the NIC or subnet is a related location.
      const deciding = decidingProperty(u);
      out.indeterminate({
        ...base,
        span: deciding.span,
        related: [...base.related, { span: g.ref.span, message: `${nsgText} applies here` }, ...unknownOrigin(u.unknown, deciding.span)],
        message: open.outcome.message,
      });
      continue;
    }
    out.pass({ ...base, span: g.ref.span, message: 'UDP port open' });
  }
}

/** What the rules of one network security group do to one sender's mirrored traffic. */
function decide(ctx: RuleContext, nsg: DeployedResource, to: Arrival, sender: Sender, nsgText: string): Outcome {
  const candidates: Candidate[] = [];
  for (const rule of securityRulesOf(nsg)) {
    const c = candidate(ctx, rule, to, sender);
    if (c) candidates.push(c);
  }
  // NSG rules apply by priority: the first rule that matches decides. A rule that may match
  // decides nothing, but one ahead of the first certain match (or of unknown priority) that
  // would decide otherwise leaves the verdict open.
  const ordered = candidates.filter((c) => c.priority !== undefined).sort((a, b) => (a.priority as number) - (b.priority as number));
  const doubtful: Candidate[] = candidates.filter((c) => c.priority === undefined);
  const first = ordered.find((c) => {
    if (c.doubt === undefined) return true;
    doubtful.push(c);
    return false;
  });
  if (first && first.access === undefined) {
    return { kind: 'open', rule: first, message: `cannot tell whether rule '${first.name}' of ${nsgText} blocks inbound UDP ${to.port} to ${to.what}: its access is ${describe(at(first.decl, 'properties', 'access').value)}` };
  }
  // With no rule certainly matching, the default rules let traffic from the network in.
  const decided = first?.access ?? 'allow';
  const against = doubtful.find((u) => u.access !== decided);
  if (against) {
    const doubt = against.doubt ?? 'some of its values are only known at deployment';
    const message = !first
      ? `cannot tell whether rule '${against.name}' of ${nsgText} blocks inbound UDP ${to.port} to ${to.what}: ${doubt}`
      : first.access === 'deny'
        ? `cannot tell whether rule '${against.name}' of ${nsgText} allows inbound UDP ${to.port} to ${to.what} ahead of rule '${first.name}', which denies it: ${doubt}`
        : `cannot tell whether rule '${against.name}' of ${nsgText} blocks inbound UDP ${to.port} to ${to.what} ahead of rule '${first.name}', which allows it: ${doubt}`;
    return { kind: 'open', rule: against, message };
  }
  return first?.access === 'deny' ? { kind: 'deny', rule: first } : { kind: 'pass' };
}

/**
 * A security rule as a candidate for the mirrored traffic (inbound, UDP or any protocol, the
 * port, a source covering the whole network, a destination covering the NIC's address), or
 * undefined when it certainly does not match. A source that names addresses matches the
 * senders whose address it holds (sourceCovers), as the rule's documentation says.
 */
function candidate(ctx: RuleContext, rule: { name: string; decl: LocatedValue }, to: Arrival, sender: Sender): Candidate | undefined {
  const dir = lower(at(rule.decl, 'properties', 'direction').value);
  const proto = lower(at(rule.decl, 'properties', 'protocol').value);
  const ports = portCovers(at(rule.decl, 'properties', 'destinationPortRange').value, to.port) ?? undefined;
  const portsMany = portCovers(at(rule.decl, 'properties', 'destinationPortRanges').value, to.port);
  const priority = at(rule.decl, 'properties', 'priority').value;
  const from = sourceCovers(ctx.graph, rule.decl, sender.ipConfig);
  const source = from.covers;
  if (dir === 'outbound') return undefined;
  if (proto !== undefined && proto !== 'udp' && proto !== '*') return undefined;
  if (ports === false && portsMany === false) return undefined;
  if (source === false) return undefined;
  const dest = destinationCovers(ctx.graph, rule.decl, to.ipConfig);
  if (dest.covers === false) return undefined;
  const accessValue = lower(at(rule.decl, 'properties', 'access').value);
  const access = accessValue === 'allow' || accessValue === 'deny' ? accessValue : undefined;
  const maybe = ports === undefined || portsMany === undefined || dir === undefined || proto === undefined || (source === undefined && from.value !== undefined) || typeof priority !== 'number';
  let doubt: string | undefined;
  let unknown: Value | undefined;
  let doubtAt: string | undefined;
  if (maybe) {
    // Name the value that leaves the match open (the catalogue: an indeterminate result names
    // the expression that blocked the decision), and keep it for a related location.
    unknown = firstUnknown(rule.decl, 'value' in from ? from.value : undefined);
    doubt = unknown instanceof Unknown ? `its ${unknownProperty(rule.decl, unknown)} is ${describeUnknown(unknown)}` : 'some of its values are only known at deployment';
  } else if (source === undefined) {
    doubt = sourceDoubt(ctx, rule.decl, sender, from);
    doubtAt = firstWritten(rule.decl, ['sourceAddressPrefix', 'sourceAddressPrefixes', 'sourceApplicationSecurityGroups']);
  } else if (dest.covers === undefined) {
    unknown = dest.value;
    doubt = destinationDoubt(ctx, rule.decl, to, dest);
    doubtAt = firstWritten(rule.decl, ['destinationAddressPrefix', 'destinationAddressPrefixes', 'destinationApplicationSecurityGroups']);
  }
  // A rule for some source ports only (sourcePortRange '4789', the destination port written in
  // the wrong field) may not match the VXLAN packets, whose source port varies per flow.
  const anySourcePort = everySourcePort(rule.decl);
  if (!doubt && anySourcePort !== true) {
    const ports = at(rule.decl, 'properties', 'sourcePortRange').value ?? at(rule.decl, 'properties', 'sourcePortRanges').value;
    doubtAt = firstWritten(rule.decl, ['sourcePortRange', 'sourcePortRanges']);
    if (ports instanceof Unknown) {
      unknown = ports;
      doubt = `its sourcePortRange is ${describeUnknown(ports)}`;
    } else {
      const shown = (Array.isArray(ports) ? ports : [ports]).map((p) => `'${String(p)}'`).join(', ');
      doubt = `it matches source port${Array.isArray(ports) && ports.length > 1 ? 's' : ''} ${shown} only, and the mirrored VXLAN packets' source port is chosen per flow (RFC 7348 recommends 49152-65535; Azure does not document it); a rule for the mirrored traffic matches every source port ('*')`;
    }
  }
  return { name: rule.name, decl: rule.decl, priority: typeof priority === 'number' ? priority : undefined, access, doubt, unknown, narrow: !broad(rule.decl), doubtAt };
}

/** The properties of a security rule that decide whether it matches the mirrored traffic, in the order they are named. */
const MATCH_PROPERTIES = ['sourceAddressPrefix', 'sourceAddressPrefixes', 'sourceApplicationSecurityGroups', 'sourcePortRange', 'sourcePortRanges', 'destinationPortRange', 'destinationPortRanges', 'protocol', 'direction', 'priority'];

/** The first value of a security rule only known at deployment that decides whether it matches (the source's, as sourceCovers found it, first). */
function firstUnknown(decl: LocatedValue, source: Value | undefined): Unknown | undefined {
  if (source instanceof Unknown) return source;
  for (const k of MATCH_PROPERTIES) {
    const v = at(decl, 'properties', k).value;
    if (v instanceof Unknown) return v;
    if (Array.isArray(v)) {
      const inner = v.find((x) => x instanceof Unknown);
      if (inner instanceof Unknown) return inner;
    }
  }
  return undefined;
}

/** The property of a security rule whose value leaves its match open (the rule's properties when none is one). */
function decidingProperty(c: Candidate): LocatedValue {
  const props = at(c.decl, 'properties');
  const holds = (k: string) => {
    const v = at(c.decl, 'properties', k).value;
    return v !== undefined && (v === c.unknown || (Array.isArray(v) && c.unknown !== undefined && v.includes(c.unknown)));
  };
  const key = (c.unknown !== undefined ? MATCH_PROPERTIES.find(holds) : undefined) ?? c.doubtAt;
  return key ? at(c.decl, 'properties', key) : props;
}

/** The first of these properties a security rule writes. */
function firstWritten(decl: LocatedValue, keys: readonly string[]): string | undefined {
  return keys.find((k) => at(decl, 'properties', k).value !== undefined);
}

/** The name of the property of a security rule that holds an unknown value ("source address prefix" for a source the rule's value made unknown). */
function unknownProperty(decl: LocatedValue, u: Unknown): string {
  for (const k of MATCH_PROPERTIES) {
    const v = at(decl, 'properties', k).value;
    if (v === u || (Array.isArray(v) && v.includes(u))) return k;
  }
  return 'source';
}

/** Whether a rule's source is the whole network ('*', 'Any', 'VirtualNetwork', or none set). */
function broad(decl: LocatedValue): boolean {
  const one = at(decl, 'properties', 'sourceAddressPrefix').value;
  const many = at(decl, 'properties', 'sourceAddressPrefixes').value;
  const groups = at(decl, 'properties', 'sourceApplicationSecurityGroups').value;
  const whole = (x: Value | undefined) => typeof x === 'string' && ['*', 'any', 'virtualnetwork'].includes(x.toLowerCase());
  if (Array.isArray(groups) && groups.length > 0) return false;
  if (typeof one === 'string' && one !== '') return whole(one);
  if (Array.isArray(many) && many.length > 0) return many.some(whole);
  return true;
}

/** Why a rule's source may or may not hold a sender's address, in words. */
function sourceDoubt(ctx: RuleContext, decl: LocatedValue, sender: Sender, from: { prefix: string | undefined }): string {
  const name = sender.names[0];
  if (name === undefined) return `its source names addresses, and TAP's sources are not in the template, so whether it holds their addresses is not known`;
  const address = addressOf(ctx.graph, sender.ipConfig);
  if (from.prefix !== undefined && address.kind === 'known') {
    const subnet = address.subnet !== undefined ? `subnet '${address.subnet}'` : 'its subnet';
    return `its source ${from.prefix} holds part of ${subnet} (${address.ranges.map((r) => r.text).join(', ')}), from which the dynamic private IP of source NIC '${name}' is assigned at deployment`;
  }
  const groups = at(decl, 'properties', 'sourceApplicationSecurityGroups').value;
  if (Array.isArray(groups) && groups.length > 0 && !sender.ipConfig) return `its source is an application security group, and whether source NIC '${name}' is in it is not known`;
  return `its source names addresses, and the private IP of source NIC '${name}' is not known before deployment`;
}

/** Why a rule's destination may or may not include the NIC's address, in words. */
function destinationDoubt(ctx: RuleContext, decl: LocatedValue, to: Arrival, dest: { value: Unknown | undefined; prefix: string | undefined }): string {
  const address = addressOf(ctx.graph, to.ipConfig);
  if (dest.prefix !== undefined && address.kind === 'known') {
    const subnet = address.subnet !== undefined ? `subnet '${address.subnet}'` : 'its subnet';
    return `its destination ${dest.prefix} holds part of ${subnet} (${address.ranges.map((r) => r.text).join(', ')}), from which the NIC's dynamic private IP is assigned at deployment; give the NIC a static private IP (privateIPAllocationMethod: 'Static')`;
  }
  const dests = ['destinationAddressPrefix', 'destinationAddressPrefixes', 'destinationApplicationSecurityGroups'].map((k) => at(decl, 'properties', k).value);
  if (dest.value && dests.includes(dest.value)) return `its destination is ${describeUnknown(dest.value)}`;
  if (address.kind === 'unknown') {
    const why = address.value ? describeUnknown(address.value) : 'assigned at deployment';
    return `its destination is an address range, and the NIC's private IP is ${why}`;
  }
  return dest.value ? `an application security group it names is ${describeUnknown(dest.value)}` : 'its destination cannot be decided';
}

function describe(v: Value | undefined): string {
  return v instanceof Unknown ? describeUnknown(v) : v === undefined ? 'not set' : `'${String(v)}'`;
}

function checkLbRules(ctx: RuleContext, tap: DeployedResource, d: Destination, t: DestinationTarget, from: readonly Sender[]): void {
  if (t.resource.existing) return;
  const frontend = { lb: t.resource, type: 'frontendIPConfigurations' as const, key: t.key, name: t.name, decl: t.entry, child: undefined, decls: [t.entry] };
  const rules = rulesOfFrontend(ctx.graph, frontend).filter((r) => r.kind === 'loadBalancingRules');
  // The first rule whose protocol or port is only known at deployment, to name in the message.
  let unknown: { rule: LbRule; property: string; value: Unknown } | undefined;
  for (const r of rules) {
    const proto = at(r.decl, 'properties', 'protocol').value;
    const port = at(r.decl, 'properties', 'frontendPort').value;
    if (proto instanceof Unknown || port instanceof Unknown) {
      unknown ??= proto instanceof Unknown ? { rule: r, property: 'protocol', value: proto } : { rule: r, property: 'frontendPort', value: port as Unknown };
      continue;
    }
    const p = lower(proto);
    if ((p === 'udp' && port === PORT) || (p === 'all' && port === 0)) {
      ctx.pass({ message: 'a rule forwards UDP 4789', span: at(r.decl, 'properties', 'frontendPort').span, resource: t.resource });
      checkBackends(ctx, tap, d, t, r, from);
      return;
    }
  }
  const base = { span: d.id.span, resource: tap, involved: [t.resource], related: [{ span: t.entry.span, message: `frontend '${t.name}' of load balancer '${t.resource.displayName}'` }] };
  if (unknown)
    ctx.indeterminate({
      ...base,
      related: [...base.related, ...unknownOrigin(unknown.value, base.span)],
      message: `cannot tell whether load balancer '${t.resource.displayName}' forwards UDP ${PORT} from frontend '${t.name}': the ${unknown.property} of rule '${unknown.rule.name}' is ${describeUnknown(unknown.value)}`,
    });
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
function checkBackends(ctx: RuleContext, tap: DeployedResource, d: Destination, t: DestinationTarget, r: LbRule, from: readonly Sender[]): void {
  const backendPort = at(r.decl, 'properties', 'backendPort').value;
  const port = backendPort === 0 || backendPort === undefined ? PORT : backendPort;
  if (typeof port !== 'number') return;
  const ids = [at(r.decl, 'properties', 'backendAddressPool', 'id'), ...elements(at(r.decl, 'properties', 'backendAddressPools')).map((e) => at(e, 'id'))];
  for (const id of ids) {
    const pool = lbPartOf(ctx.graph, id.value);
    if (pool?.type !== 'backendAddressPools') continue;
    if (!poolHasCollectors(ctx, tap, t, r, pool, id)) continue;
    // The collectors of one pool often share a network security group (their subnet's): the deny
    // rule that blocks them all is one finding at that rule, naming every collector it blocks, as
    // a deny for several sources names them all. Each collector is checked on its own (its own
    // groups and address), with NAME standing for it in the texts; the verdicts that then read the
    // same at the same place are merged.
    const merged = new Map<string, { kind: 'fail' | 'indeterminate' | 'pass'; v: Omit<Verdict, 'kind'>; names: Set<string>; related: Map<string, { span: Span; message: string; names: Set<string> }>; involved: Set<DeployedResource> }>();
    // The values known only at deployment that put a collector in the pool, told apart in the keys.
    const choosers = new Map<Unknown, number>();
    for (const m of membersOfPool(ctx.graph, pool)) {
      const name = `'${m.nic.displayName}'`;
      // A collector only a value known at deployment puts in the pool: its failures are notes naming that value.
      const chosen = m.when ? { chosenBy: { value: m.when, subject: `the collectors' pool '${pool.name}' holds ${NAME}` } } : {};
      const chooser = m.when ? (choosers.get(m.when) ?? choosers.set(m.when, choosers.size + 1).get(m.when)) : 0;
      const collect = (kind: 'fail' | 'indeterminate' | 'pass') => (v: Omit<Verdict, 'kind'>) => {
        // A collector that may not be deployed makes its verdict uncertain (run-rules): never merged with one that is.
        const key = [kind, v.span.identity(), v.message, v.resource?.key ?? '', m.nic.state === 'maybe', chooser].join('\u0000');
        let group = merged.get(key);
        if (!group) merged.set(key, (group = { kind, v: { ...v, ...chosen }, names: new Set(), related: new Map(), involved: new Set() }));
        group.names.add(name);
        for (const x of v.involved ?? []) group.involved.add(x);
        for (const rel of v.related ?? []) {
          const k = `${rel.span.identity()}\u0000${rel.message}`;
          const same = group.related.get(k);
          if (same) same.names.add(name);
          else group.related.set(k, { ...rel, names: new Set([name]) });
        }
      };
      checkNsgs(ctx, tap, d, {
        nic: m.nic,
        ipConfig: m.ipConfig,
        port,
        what: `collector ${NAME} in pool '${pool.name}' of load balancer '${t.resource.displayName}', the destination of TAP '${tap.displayName}'`,
        nicText: `collector ${NAME}`,
        subnetText: `the subnet of collector ${NAME}`,
      }, from, { fail: collect('fail'), indeterminate: collect('indeterminate'), pass: collect('pass') });
    }
    // A scale set in the pool: each instance gets a NIC from its NIC configuration, with the
    // configuration's NSG and its subnet's; the instances are named by their scale set.
    for (const m of scaleSetMembersOfPool(ctx.graph, pool)) {
      const instances = `the instances of scale set '${m.scaleSet.displayName}'`;
      checkNsgs(ctx, tap, d, {
        nic: m.scaleSet,
        groups: securityGroupsOfScaleSet(ctx.graph, m),
        ipConfig: m.ipConfig,
        port,
        what: `${instances} (the collectors) in pool '${pool.name}' of load balancer '${t.resource.displayName}', the destination of TAP '${tap.displayName}'`,
        nicText: `the NIC configuration of scale set '${m.scaleSet.displayName}'`,
        subnetText: `the subnet of scale set '${m.scaleSet.displayName}'`,
      }, from);
    }
    for (const { kind, v, names, related, involved } of merged.values()) {
      ctx[kind]({
        ...v,
        involved: [...involved],
        message: named(v.message, [...names]),
        ...(v.chosenBy ? { chosenBy: { ...v.chosenBy, subject: named(v.chosenBy.subject, [...names]) } } : {}),
        related: [...related.values()].map((rel) => ({ span: rel.span, message: named(rel.message, [...rel.names]) })),
      });
    }
  }
}

/**
 * Whether the backend pool a rule forwarding the mirrored traffic names can hold the collectors:
 * one the load balancer does not have (a typo in the pool's name, or another load balancer's
 * pool) makes ARM reject the load balancer; one the template puts no collector in while it puts
 * collectors in another pool of the load balancer receives the mirrored traffic only if
 * collectors join it from elsewhere. Says so, and returns false, when it cannot. A load balancer
 * whose pools get no member in the template (collector appliances deployed by another template)
 * has nothing to check here: false, silently.
 */
function poolHasCollectors(ctx: RuleContext, tap: DeployedResource, t: DestinationTarget, r: LbRule, pool: LbPart, id: LocatedValue): boolean {
  const lb = t.resource;
  const base = { span: id.span, resource: lb, involved: [tap], related: [{ span: r.decl.span, message: `load-balancing rule '${r.name}', which forwards the mirrored traffic of TAP '${tap.displayName}'` }] };
  const pools = lbParts(lb, 'backendAddressPools');
  if (pool.lb !== lb || pool.decls.length === 0) {
    const has = pools.length > 0 ? ` (it has: ${pools.map((p) => p.name).join(', ')})` : ' (it has none)';
    const what = pool.lb !== lb ? `backend pool '${pool.name}' of load balancer '${pool.lb.displayName}'` : `backend pool '${pool.name}'`;
    ctx.fail({
      ...base,
      message: `rule '${r.name}' of load balancer '${lb.displayName}' forwards the mirrored traffic of TAP '${tap.displayName}' to ${what}, which '${lb.displayName}' does not have${has}: ARM rejects the load balancer and nothing reaches the collectors; point the rule's backend pool id at the collectors' pool of '${lb.displayName}'`,
    });
    return false;
  }
  if (pool.lb.existing || membersOfPool(ctx.graph, pool).length > 0 || scaleSetMembersOfPool(ctx.graph, pool).length > 0 || poolAddresses(pool).length > 0) return true;
  // The collectors the template puts in the load balancer's other pools, to name.
  const elsewhere = pools
    .filter((p) => p.key !== pool.key)
    .flatMap((p) => [...membersOfPool(ctx.graph, p).map((m) => `NIC '${m.nic.displayName}' is in pool '${p.name}'`), ...scaleSetMembersOfPool(ctx.graph, p).map((m) => `scale set '${m.scaleSet.displayName}' is in pool '${p.name}'`)]);
  const unique = [...new Set(elsewhere)];
  if (unique.length === 0) return false;
  ctx.indeterminate({
    ...base,
    message: `rule '${r.name}' of load balancer '${lb.displayName}' forwards the mirrored traffic of TAP '${tap.displayName}' to backend pool '${pool.name}', and the template puts no collector in that pool (no NIC, scale set or IP address), but ${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', ...' : ''}: unless collectors join it from elsewhere, the mirrored traffic reaches nothing; put the collector NICs in pool '${pool.name}', or point the rule at their pool`,
  });
  return false;
}

/** Stands for the collector NIC in the texts of checkBackends' verdicts, until they are merged. */
const NAME = '\u0000collector\u0000';

/** A text with NAME replaced by the collector NICs it is about: "NIC 'a'", "NICs 'a' and 'b'". */
function named(text: string, names: readonly string[]): string {
  const list = names.length > 1 ? `NICs ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : `NIC ${names[0] ?? ''}`;
  return text.replaceAll(NAME, list);
}
