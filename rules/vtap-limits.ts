import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/graph/located.js';
import { TYPES, tapSources, taps, type TapSource } from '../src/graph/vtap.js';
import { fullType, idNames, resourceKey, segmentText } from '../src/graph/resource-id.js';
import type { DeployedResource } from '../src/deploy/model.js';
import type { RelatedLocation } from '../src/engine/rule.js';
import type { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import facts from './data/vtap-facts.json' with { type: 'json' };
import docs from './vtap-limits.md';

const MAX_TAPS = facts.limits.virtualNetworkTaps;
const MAX_CONFIGS = facts.limits.tapConfigurationsPerTap;

/** Whether an unknown count is known to stay at or under `max` (its allowed values or its parameter's maxValue say so). */
function boundedBy(count: Unknown | undefined, max: number): boolean {
  if (count?.atMost !== undefined && count.atMost <= max) return true;
  return count?.oneOf !== undefined && count.oneOf.length > 0 && count.oneOf.every((v) => typeof v === 'number' && v <= max);
}

/** The TAP a source's configurations count against. */
interface CountedTap {
  key: string;
  name: string;
  /** Its declaration, when the template has one (deployed or `existing`). */
  decl: DeployedResource | undefined;
}

/**
 * The TAP a source sends to: one the template deploys, one it declares `existing`, or an id of
 * one outside the template (a hub TAP that spokes add sources to). The limit is per TAP, so
 * configurations this deployment adds to a TAP that exists already count as well. An id whose
 * name is known only at deployment is not counted: it may name any TAP.
 */
function countedTap(s: TapSource): CountedTap | undefined {
  const t = s.tap;
  if (t.kind === 'resource') return t.resource.type.toLowerCase() === TYPES.tap.toLowerCase() ? { key: t.resource.key, name: t.resource.displayName, decl: t.resource } : undefined;
  if (t.kind !== 'external' || fullType(t.id).toLowerCase() !== TYPES.tap.toLowerCase()) return undefined;
  if (t.id.names.some((n) => segmentText(n) === undefined)) return undefined;
  return { key: resourceKey(t.id), name: idNames(t.id), decl: undefined };
}

export default defineRule(
  {
    id: 'vtap-limits',
    name: 'VtapLimits',
    shortDescription: `One deployment creates at most ${MAX_TAPS} virtual network TAPs and at most ${MAX_CONFIGS} TAP configurations per TAP.`,
    fullDescription: `Azure limits virtual network TAPs to ${MAX_TAPS} per region per subscription and network interface TAP configurations to ${MAX_CONFIGS} per TAP. The rule counts what one deployment creates (copy loops expanded); resources that already exist in the subscription are not visible to it, so staying under the limits here is necessary, not sufficient.`,
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Azure virtual network limits: "Virtual network TAPs: 100", "Network interface TAP configurations per virtual network TAP: 100"',
  },
  docs,
  (ctx) => {
    const all = taps(ctx.graph);
    if (all.length > MAX_TAPS) {
      const over = all[MAX_TAPS] as DeployedResource;
      ctx.fail({
        message: `this deployment creates ${all.length} virtual network TAPs; Azure allows ${MAX_TAPS} per region per subscription: split the TAPs over subscriptions or mirror more NICs into fewer TAPs`,
        span: over.nameSpan,
        resource: over,
      });
    } else if (all[0]) ctx.pass({ message: 'TAP count within limits', span: all[0].nameSpan, resource: all[0] });
    const perTap = new Map<string, number>();
    const unknownCount = new Set<string>();
    for (const s of tapSources(ctx.graph)) {
      const tap = countedTap(s);
      // A scale set's virtualNetworkTaps entry creates no TAP configuration (vtap-source-vm-nic reports it).
      if (!tap || s.declaration === 'scaleset') continue;
      const tapText = tap.decl ? `TAP '${tap.name}'` : `TAP '${tap.name}' (outside the template)`;
      const related: RelatedLocation[] = tap.decl ? [{ span: at(tap.decl.root, 'name').span, message: `TAP '${tap.name}'` }] : [];
      const involved = tap.decl && !tap.decl.existing ? [tap.decl] : [];
      // A copy loop whose count is known only at deployment (one representative instance): the
      // number of configurations is not known, unless the count's allowed values keep it low.
      const loop = s.holder.copy;
      if (loop && loop.index === undefined && !unknownCount.has(tap.key) && !boundedBy(s.holder.condition, MAX_CONFIGS)) {
        unknownCount.add(tap.key);
        ctx.indeterminate({
          message: `${tapText} gets TAP configurations from a copy loop whose count is ${s.holder.condition ? describeUnknown(s.holder.condition) : 'known only at deployment'}; Azure allows ${MAX_CONFIGS} per TAP: keep the count at ${MAX_CONFIGS} or less (maxValue or allowedValues on its parameter lets vtaplint check it)`,
          span: s.tapId.span,
          related,
          resource: s.holder,
          involved,
        });
      }
      const n = (perTap.get(tap.key) ?? 0) + 1;
      perTap.set(tap.key, n);
      if (n === MAX_CONFIGS + 1) {
        ctx.fail({
          message: `${tapText} gets more than ${MAX_CONFIGS} TAP configurations in this deployment; Azure allows ${MAX_CONFIGS} per TAP: spread the sources over more TAPs`,
          span: s.tapId.span,
          related,
          resource: s.holder,
          involved,
        });
      }
    }
  },
);
