import { defineRule } from '../src/engine/rule.js';
import { mostTogether, sourceGuard } from '../src/graph/conditions.js';
import { configLoopOnOneNic, mayCoexist, nicKey, nicName, resolvedName, tapConfigurationName, tapSources, type TapSource } from '../src/graph/vtap.js';
import { resourceKey } from '../src/deploy/resource-id.js';
import { describeUnknown } from '../src/engine/describe.js';
import type { Unknown } from '../src/expr/value.js';
import { sourceRelated } from './lib/support.js';
import docs from './vtap-one-config-per-nic.md';

/** How a TAP configuration is declared, as a message names it. */
const HOW: Record<TapSource['declaration'], string> = {
  child: 'tapConfigurations resource',
  inline: 'inline tapConfigurations entry',
  ipconfig: 'IP configuration virtualNetworkTaps entry',
  // Never counted: a scale set's NIC has no key (vtap-source-vm-nic reports it).
  scaleset: 'scale set IP configuration virtualNetworkTaps entry',
};

/**
 * Entries of the NIC's own body (ipConfigurations[].virtualNetworkTaps, inline tapConfigurations)
 * are part of one declaration of the NIC. A NIC declared twice (an AVM module deployed once and
 * again to test idempotency, or a NIC made by one module and deployed again with its TAP) is
 * PUT twice: the later body replaces the earlier, so the entries of two declarations never hold
 * together. tapConfigurations child resources are resources of their own and add up.
 */
function inBody(s: TapSource): boolean {
  return s.declaration === 'ipconfig' || s.declaration === 'inline';
}

function coexist(a: TapSource, b: TapSource): boolean {
  if (inBody(a) && inBody(b) && a.holder !== b.holder) return false;
  // Conditions that never hold together (`if (useSecondTap)` and `if (!useSecondTap)`), as
  // vtap-limits counts them.
  if (mostTogether([a, b], sourceGuard) < 2) return false;
  return mayCoexist(a, b);
}

/** Whether a copy count known only at deployment is at most 1 whatever it is (maxValue, allowedValues). */
function atMostOne(count: Unknown | undefined): boolean {
  if (count?.atMost !== undefined && count.atMost <= 1) return true;
  return count?.oneOf !== undefined && count.oneOf.length > 0 && count.oneOf.every((v) => typeof v === 'number' && v <= 1);
}

/** The name of the TAP two sources both send to, when it is the same one for certain. */
function sameTap(a: TapSource, b: TapSource): string | undefined {
  const key = (s: TapSource) => (s.tap.kind === 'resource' ? s.tap.resource.key : s.tap.kind === 'external' ? resourceKey(s.tap.id) : undefined);
  const k = key(a);
  return k !== undefined && k === key(b) ? resolvedName(a.tap) : undefined;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export default defineRule(
  {
    id: 'vtap-one-config-per-nic',
    name: 'VtapOneConfigPerNic',
    shortDescription: 'A network interface has at most one TAP configuration.',
    fullDescription:
      'A monitored network interface can have only one TAP configuration. The rule counts, per NIC, the tapConfigurations child resources, the inline tapConfigurations entries (up to API 2019-08-01; later versions ignore them) and the ipConfigurations[].properties.virtualNetworkTaps entries, and fails for every declaration after the first.',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network FAQ, "Virtual network TAP": "A monitored network interface can have only one TAP configuration."',
  },
  docs,
  (ctx) => {
    const byNic = new Map<string, TapSource[]>();
    for (const s of tapSources(ctx.graph)) {
      const k = nicKey(s.nic);
      if (k === undefined) continue;
      const list = byNic.get(k);
      if (list) list.push(s);
      else byNic.set(k, [s]);
    }
    // Deployment order: an entry in the NIC's body (ipConfigurations' virtualNetworkTaps, inline
    // tapConfigurations) is created with the NIC, a tapConfigurations resource after it (it depends
    // on its parent), wherever the file declares them; certain sources stay first (tapSources).
    const uncertain = (s: TapSource) => s.when !== undefined || s.rivals !== undefined;
    const rank = (s: TapSource) => (uncertain(s) ? 2 : 0) + (s.declaration === 'child' ? 1 : 0);
    for (const all of byNic.values()) {
      all.sort((a, b) => rank(a) - rank(b));
      const names = new Set<string>();
      const list = all.filter((s) => {
        const n = tapConfigurationName(s);
        if (n === undefined) return true;
        if (names.has(n)) return false;
        names.add(n);
        return true;
      });
      const [first, ...rest] = list as [TapSource, ...TapSource[]];
      if (rest.length === 0) {
        // One declaration, but a copy loop of unknown count with a name per instance on this one
        // NIC: as many configurations as instances, which only the deployment knows (unless the
        // count is bounded by 1).
        const loop = configLoopOnOneNic(first);
        if (loop && !atMostOne(loop.count)) {
          ctx.indeterminate({
            message: `NIC '${nicName(first.nic)}' gets one TAP configuration per instance of copy loop '${first.holder.copy?.name ?? first.holder.displayName}', whose count is ${loop.count ? describeUnknown(loop.count) : 'known only at deployment'}; a network interface can have only one: keep the count at 1 or less, or give each instance its own NIC`,
            span: first.tapId.span,
            related: loop.count?.reason.span ? [{ span: loop.count.reason.span, message: 'the count comes from here' }] : [],
            resource: first.holder,
          });
          continue;
        }
        ctx.pass({ message: 'one TAP configuration', span: first.tapId.span, resource: first.holder });
        continue;
      }
      for (const [i, s] of rest.entries()) {
        // Sources one value chooses from different options never exist together
        // (`useA ? [ { id: a.id } ] : [ { id: b.id } ]`): they are counted only with those they
        // may exist with. Certain sources come first (tapSources), so `prior` is a certain one
        // when there is one.
        const before = list.slice(0, i + 1).filter((o) => coexist(o, s));
        const prior = before[0];
        if (!prior) {
          ctx.pass({ message: 'one TAP configuration whichever option is chosen or declaration of the NIC is deployed last', span: s.tapId.span, resource: s.holder });
          continue;
        }
        const count = list.filter((o) => o === s || coexist(o, s)).length;
        // Two declarations to one TAP are no way to mirror to two tools: the fix is to declare it
        // once, not to choose a TAP.
        const tap = sameTap(s, prior);
        // "Both" only of two: of more, what is known is that this one and the first send to it.
        const same = count === 2 ? 'both send' : 'this one and the first send';
        const advice = tap === undefined ? 'keep one TAP configuration and mirror to one TAP' : `keep one of them (${same} to TAP '${tap}'): remove this ${HOW[s.declaration]}`;
        ctx.fail({
          message: `NIC '${nicName(s.nic)}' gets ${count} TAP configurations, this ${HOW[s.declaration]} is the ${ordinal(before.length + 1)}; a network interface can have only one: ${advice}`,
          span: s.tapId.span,
          related: [{ ...sourceRelated(prior), message: `the first TAP configuration of '${nicName(prior.nic)}'` }],
          resource: s.holder,
          involved: [prior.holder, ...(s.config ? [s.config] : []), ...(prior.config ? [prior.config] : [])],
          // Both must exist for the NIC to have two: either may be one a condition leaves out.
          sources: [s, prior],
        });
      }
    }
  },
);
