import { defineRule, type RelatedLocation, type RuleContext } from '../src/engine/rule.js';
import { tapNetworkPairs, type TapNetworkPair } from '../src/graph/tap-network.js';
import { orderedAfter, sourceEntryName } from '../src/graph/vtap.js';
import type { Peering } from '../src/graph/network.js';
import { dependsOnAcrossModules, dependsOnAcrossModulesAll, sourceRelated } from './lib/support.js';
import docs from './vtap-peering-before-tap.md';

export default defineRule(
  {
    id: 'vtap-peering-before-tap',
    name: 'VtapPeeringBeforeTap',
    shortDescription: 'A TAP configuration that sends to a peered network is deployed after the peerings (both directions).',
    fullDescription:
      'When the destination is in a peered virtual network, the peering must be in place before the TAP configuration is created. The rule checks that every TAP configuration of such a source depends, directly or transitively (dependsOn, Bicep symbolic references, parent, module outputs), on the peerings the template declares in both directions.',
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Virtual network TAP overview, "Prerequisites": "ensure that the virtual network peering is enabled before you configure virtual network TAP"',
  },
  docs,
  (ctx) => {
    for (const p of tapNetworkPairs(ctx.graph)) {
      if (p.same !== false || p.repeat) continue;
      const holder = p.source.holder;
      const missing: Peering[] = [];
      for (const peering of [p.forward, p.backward].filter((x): x is Peering => x !== undefined)) {
        const base = { span: p.source.tapId.span, resource: holder, involved: [peering.holder, p.tap], sources: [p.source], destination: p.networkChoice, related: [peeringRelated(peering), sourceRelated(p.source)] };
        if (orderedAfter(ctx.graph, holder, peering.holder)) ctx.pass({ ...base, message: 'tap configuration after peering' });
        else missing.push(peering);
      }
      // One TAP configuration that waits for neither direction is one problem (one dependsOn to
      // fix), reported once naming both peerings. A peering that a condition may not deploy stays
      // a finding of its own: its verdict is only indeterminate, and must not make the certain
      // one indeterminate too (src/engine/run-rules.ts judges a verdict by all it involves).
      const certain = missing.filter((x) => x.holder.state !== 'maybe');
      const groups = [...(certain.length > 0 ? [certain] : []), ...missing.filter((x) => x.holder.state === 'maybe').map((x) => [x])];
      for (const group of groups) reportMissing(ctx, p, group);
    }
  },
);

/** A related location at a peering's declaration. */
function peeringRelated(peering: Peering): RelatedLocation {
  return { span: peering.decl.span, message: `the peering from '${peering.from.displayName}'` };
}

/** One finding: the TAP configuration of `p` does not wait for the peerings `missing` (one or both directions). */
function reportMissing(ctx: RuleContext, p: TapNetworkPair, missing: Peering[]): void {
  const holder = p.source.holder;
  // In different modules, the entry goes on the modules, in the template that declares both.
  const what = p.source.declaration === 'child' ? 'the TAP configuration' : `NIC '${p.nic.displayName}'`;
  // Both peerings behind modules that one dependsOn reaches: one piece of advice naming both;
  // else the advice for each peering.
  const all = missing.length > 1 ? dependsOnAcrossModulesAll(holder, missing.map((x) => x.holder), what, 'the peerings') : undefined;
  const across = all ? [all] : missing.map((peering) => dependsOnAcrossModules(holder, peering.holder, what, 'the peering'));
  // Both in the TAP configuration's own template: "add them"; a mix: each peering's own advice.
  const advice = across.every((a) => a === undefined)
    ? `add ${missing.length > 1 ? 'them' : 'it'} to dependsOn`
    : [...new Set(across.map((a, i) => a?.advice ?? `add the peering from '${missing[i]?.from.displayName ?? ''}' to dependsOn`))].join('; ');
  const related: RelatedLocation[] = [...missing.map(peeringRelated), sourceRelated(p.source)];
  for (const a of across) if (a && !related.some((r) => r.span === a.related.span && r.message === a.related.message)) related.push(a.related);
  const named = (peering: Peering) => `'${peering.holder.displayName}' from '${peering.from.displayName}'`;
  const waitingFor =
    missing.length > 1
      ? `the peerings in both directions (${missing.map(named).join(' and ')}); the peerings must be in place first`
      : `the peering from '${missing[0]?.from.displayName ?? ''}' ('${missing[0]?.holder.displayName ?? ''}'); the peering must be in place first`;
  ctx.fail({
    span: p.source.tapId.span,
    resource: holder,
    involved: [...missing.map((x) => x.holder), p.tap],
    sources: [p.source],
    destination: p.networkChoice,
    related,
    message: `${sourceEntryName(p.source)} attaches NIC '${p.nic.displayName}' to TAP '${p.tap.displayName}' without waiting for ${waitingFor}: ${advice}`,
  });
}
