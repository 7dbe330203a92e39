import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { at, type LocatedValue } from '../src/expr/located.js';
import { destinationChoices, destinationTarget, finalDeclarations, sourceNics, tapOf, taps, type DestinationChoice, type TapSource } from '../src/graph/vtap.js';
import { ipConfigurationsOf, publicIpOf } from '../src/graph/network.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import type { DeployedResource } from '../src/deploy/model.js';
import type { RelatedLocation } from '../src/engine/rule.js';
import { sourceRelated, unknownOrigin } from './lib/support.js';
import docs from './vtap-no-ipv6.md';

export default defineRule(
  {
    id: 'vtap-no-ipv6',
    name: 'VtapNoIpv6',
    shortDescription: 'No source NIC IP configuration and no destination uses IPv6.',
    fullDescription:
      'Virtual network TAP does not support IPv6. The rule fails when an IP configuration of a source NIC, or the destination IP configuration or load balancer frontend, has privateIPAddressVersion IPv6 or uses an IPv6 public IP address.',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Other Limitations": "Virtual network TAP doesn\'t support IPv6."',
  },
  docs,
  (ctx) => {
    // Every source NIC the template declares, whatever TAP it names.
    for (const { nic, source } of sourceNics(ctx.graph)) {
      const tap = tapOf(source);
      // The IP configurations the deployed NIC ends with: a NIC deployed again later (by another
      // module) with an IPv6 configuration has it (finalDeclarations).
      for (const decl of finalDeclarations(ctx.graph, nic)) {
        for (const ipc of ipConfigurationsOf(decl)) checkIpConfig(ctx, ipc, nic, `source NIC '${nic.displayName}'`, [sourceRelated(source)], [...(tap ? [tap] : []), ...(decl === nic ? [] : [decl])], [source]);
      }
    }
    for (const tap of taps(ctx.graph)) {
      // Each destination a value known only at deployment may choose, with that value (Verdict.destination).
      for (const choice of destinationChoices(tap, ctx.graph)) {
        const d = choice.destination;
        const t = destinationTarget(d);
        if (!t) continue;
        // A load balancer destination is a frontend, as Azure names it, not a NIC's IP configuration.
        const what = t.kind === 'lb' ? `the destination of TAP '${tap.displayName}' (load balancer '${t.resource.displayName}')` : `the destination of TAP '${tap.displayName}' ('${t.name}' of '${t.resource.displayName}')`;
        checkIpConfig(ctx, t.entry, t.resource, what, [{ span: d.id.span, message: 'the destination of the TAP' }], [tap], [], t.kind === 'lb' ? 'frontend IP configuration' : 'IP configuration', choice);
      }
    }
  },
);

function checkIpConfig(
  ctx: RuleContext,
  ipc: LocatedValue,
  holder: DeployedResource,
  what: string,
  related: RelatedLocation[],
  involved: DeployedResource[],
  sources: readonly TapSource[] = [],
  noun = 'IP configuration',
  destination?: DestinationChoice,
): void {
  const name = at(ipc, 'name').value;
  // The entries of a list known only at deployment stand as one (ipConfigurationsOf): named as such.
  const label = typeof name === 'string' ? `${noun} '${name}'` : ipc.value instanceof Unknown ? `some ${noun}s` : `an unnamed ${noun}`;
  const version = at(ipc, 'properties', 'privateIPAddressVersion');
  const base = { resource: holder, involved, sources, related, destination };
  const fix = 'virtual network TAP does not support IPv6: mirror and send over IPv4 IP configurations only';
  if (typeof version.value === 'string' && version.value.toLowerCase() === 'ipv6') {
    ctx.fail({ ...base, span: version.span, message: `${label} of ${what} uses IPv6; ${fix}` });
    return;
  }
  if (version.value instanceof Unknown) {
    ctx.indeterminate({ ...base, span: version.span, related: [...related, ...unknownOrigin(version.value, version.span)], message: `the IP version of ${label} of ${what} is ${describeUnknown(version.value)}; IPv6 cannot be mirrored` });
    return;
  }
  const pip = publicIpOf(ctx.graph, ipc);
  if (pip && !pip.pip.existing) {
    const pv = at(pip.pip.root, 'properties', 'publicIPAddressVersion');
    if (typeof pv.value === 'string' && pv.value.toLowerCase() === 'ipv6') {
      ctx.fail({
        ...base,
        span: pv.span,
        involved: [...involved, holder],
        resource: pip.pip,
        related: [...related, { span: pip.ref.span, message: `${label} uses public IP '${pip.pip.displayName}' here` }],
        message: `public IP '${pip.pip.displayName}' of ${what} is IPv6; ${fix}`,
      });
      return;
    }
    // A version known only at deployment (a parameter without a value) may be IPv6: as for the
    // IP configuration's own version, the verdict waits for it.
    if (pv.value instanceof Unknown) {
      ctx.indeterminate({
        ...base,
        span: pv.span,
        involved: [...involved, holder],
        resource: pip.pip,
        related: [...related, { span: pip.ref.span, message: `${label} uses public IP '${pip.pip.displayName}' here` }, ...unknownOrigin(pv.value, pv.span)],
        message: `the IP version of public IP '${pip.pip.displayName}' of ${what} is ${describeUnknown(pv.value)}; IPv6 cannot be mirrored`,
      });
      return;
    }
  }
  ctx.pass({ ...base, span: version.span, message: 'IPv4' });
}
