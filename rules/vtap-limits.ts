import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { TYPES, nicKey, normalizeRegion, tapConfigurationName, tapSources, taps, type TapSource } from '../src/graph/vtap.js';
import { fullType, idNames, resourceKey, segmentKey, segmentText, subscriptionOf } from '../src/deploy/resource-id.js';
import type { DeployedResource } from '../src/deploy/model.js';
import { isLengthOfParameter } from '../src/deploy/scope.js';
import type { RelatedLocation } from '../src/engine/rule.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import facts from './data/vtap-facts.json' with { type: 'json' };
import { mostTogether, resourceGuard, sourceGuard } from '../src/graph/conditions.js';
import { unknownOrigin } from './lib/support.js';
import docs from './vtap-limits.md';

const MAX_TAPS = facts.limits.virtualNetworkTaps;
const MAX_CONFIGS = facts.limits.tapConfigurationsPerTap;

/** Whether an unknown count is known to stay at or under `max` (its allowed values or its parameter's maxValue say so). */
/**
 * What would let vtaplint decide a count known only at deployment: a bound on its parameter, or,
 * when it has one that allows more than `max`, that bound ("its parameter allows up to 200": a maxValue, or the maxLength of an array the loop goes over).
 */
function countAdvice(count: Unknown | undefined, max: number): string {
  const over = count?.oneOf?.filter((v): v is number => typeof v === 'number' && v > max) ?? [];
  if (over.length > 0) return `(its allowed values include ${over.join(', ')})`;
  if (count?.atMost !== undefined && count.atMost > max) return `(its parameter allows up to ${count.atMost})`;
  // A loop over an array parameter: what bounds it is the array's maxLength.
  if (count !== undefined && isLengthOfParameter(count)) return '(maxLength on the array it loops over lets vtaplint check it)';
  return '(maxValue or allowedValues on its parameter lets vtaplint check it)';
}

function boundedBy(count: Unknown | undefined, max: number): boolean {
  if (count?.atMost !== undefined && count.atMost <= max) return true;
  return count?.oneOf !== undefined && count.oneOf.length > 0 && count.oneOf.every((v) => typeof v === 'number' && v <= max);
}

/**
 * Which region a TAP counts in: its normalized location; for a location known only at deployment,
 * where it comes from (TAPs whose location is one parameter, or resourceGroup().location, are in
 * one region, whichever it is). `known` is false then: it may be any region.
 */
function regionOf(tap: DeployedResource): { key: string; known: boolean } {
  const v = at(tap.root, 'location').value;
  if (typeof v === 'string') return { key: normalizeRegion(v), known: true };
  if (v instanceof Unknown) return { key: `?${v.symbol ?? `${v.reason.code}|${v.reason.span?.identity() ?? v.reason.message}`}`, known: false };
  return { key: '?', known: false };
}

/** The subscription a TAP is in (its id's; the deployment's is one symbol throughout). */
function subscriptionKeyOf(tap: DeployedResource): string {
  const s = subscriptionOf(tap.id);
  return s ? segmentKey(s) : '?';
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
    shortDescription: `One deployment creates at most ${MAX_TAPS} virtual network TAPs per region per subscription and at most ${MAX_CONFIGS} TAP configurations per TAP.`,
    fullDescription: `Azure limits virtual network TAPs to ${MAX_TAPS} per region per subscription and network interface TAP configurations to ${MAX_CONFIGS} per TAP. The rule counts what one deployment creates (copy loops expanded); resources that already exist in the subscription are not visible to it, so staying under the limits here is necessary, not sufficient.`,
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Azure virtual network limits: "Virtual network TAPs: 100", "Network interface TAP configurations per virtual network TAP: 100"',
  },
  docs,
  (ctx) => {
    // Azure's limit is per region per subscription: TAPs in two regions (or subscriptions) of one
    // deployment count separately.
    const all = taps(ctx.graph);
    const groups = new Map<string, { taps: DeployedResource[]; known: boolean; subscription: string }>();
    for (const tap of all) {
      const region = regionOf(tap);
      const subscription = subscriptionKeyOf(tap);
      const key = `${subscription}|${region.key}`;
      const g = groups.get(key);
      if (g) g.taps.push(tap);
      else groups.set(key, { taps: [tap], known: region.known, subscription });
    }
    let reported = false;
    for (const g of groups.values()) {
      // TAPs whose conditions never hold together (`if (blue)`, `if (!blue)`) do not add up.
      if (g.taps.length <= MAX_TAPS || mostTogether(g.taps, resourceGuard) <= MAX_TAPS) continue;
      const over = g.taps[MAX_TAPS] as DeployedResource;
      const where = g.known ? `in region '${String(at(over.root, 'location').value)}'` : 'in one region';
      ctx.fail({
        message: `this deployment creates ${g.taps.length} virtual network TAPs ${where}; Azure allows ${MAX_TAPS} per region per subscription: split the TAPs over subscriptions or regions, or mirror more NICs into fewer TAPs`,
        span: over.nameSpan,
        resource: over,
      });
      reported = true;
    }
    // A copy loop of TAPs whose count is known only at deployment (one representative instance):
    // how many TAPs it makes is not known, unless its count's allowed values keep the region's total low.
    for (const g of groups.values()) {
      if (g.taps.length > MAX_TAPS) continue;
      const loop = g.taps.find((t) => t.copy && t.copy.index === undefined);
      if (!loop || boundedBy(loop.condition, MAX_TAPS - (g.taps.length - 1))) continue;
      const room = MAX_TAPS - (g.taps.length - 1);
      ctx.indeterminate({
        message: `TAP '${loop.displayName}' is created by a copy loop whose count is ${loop.condition ? describeUnknown(loop.condition) : 'known only at deployment'}; Azure allows ${MAX_TAPS} TAPs per region per subscription: keep the count at ${room} or less${room === MAX_TAPS ? '' : ` (the deployment creates ${g.taps.length - 1} more in that region)`} ${countAdvice(loop.condition, room)}`,
        span: loop.nameSpan,
        // What made the count unknown: the parameter, the reference().
        related: unknownOrigin(loop.condition, loop.nameSpan),
        resource: loop,
      });
      reported = true;
    }
    if (!reported) {
      // A region known only at deployment may be the region of other TAPs: together they may pass the limit.
      const unknown = [...groups.values()].filter((g) => !g.known);
      const together = (g: { taps: DeployedResource[]; subscription: string }) => unknown.reduce((n, u) => n + (u !== g && u.subscription === g.subscription ? u.taps.length : 0), g.taps.length);
      const maybe = [...groups.values()].find((g) => together(g) > MAX_TAPS);
      const u = maybe && (maybe.known ? unknown.find((x) => x.subscription === maybe.subscription) : maybe);
      const first = u?.taps[0];
      if (maybe && u && first) {
        const loc = at(first.root, 'location');
        ctx.indeterminate({
          message: `this deployment creates ${together(maybe)} virtual network TAPs, ${u.taps.length} of them in a region that is ${loc.value instanceof Unknown ? describeUnknown(loc.value) : 'not set'}; if that is the region of the others, that passes Azure's limit of ${MAX_TAPS} per region per subscription: keep them in different regions, or mirror more NICs into fewer TAPs`,
          span: loc.span,
          resource: first,
        });
      } else if (all[0]) ctx.pass({ message: 'TAP count within limits', span: all[0].nameSpan, resource: all[0] });
    }
    const perTap = new Map<string, { tap: CountedTap; sources: TapSource[] }>();
    const unknownCount = new Set<string>();
    // A configuration declared again under its name (a module deploying it once more) is one configuration.
    const counted = new Set<string>();
    for (const s of tapSources(ctx.graph)) {
      const tap = countedTap(s);
      // A scale set's virtualNetworkTaps entry creates no TAP configuration (vtap-source-vm-nic reports it).
      if (!tap || s.declaration === 'scaleset') continue;
      const name = tapConfigurationName(s);
      const nic = nicKey(s.nic);
      if (name !== undefined && nic !== undefined) {
        const key = `${tap.key}|${nic}|${name}`;
        if (counted.has(key)) continue;
        counted.add(key);
      }
      const tapText = tap.decl ? `TAP '${tap.name}'` : `TAP '${tap.name}' (outside the template)`;
      const related: RelatedLocation[] = tap.decl ? [{ span: at(tap.decl.root, 'name').span, message: `TAP '${tap.name}'` }] : [];
      const involved = tap.decl && !tap.decl.existing ? [tap.decl] : [];
      // A copy loop whose count is known only at deployment (one representative instance): the
      // number of configurations is not known, unless the count's allowed values keep it low.
      const loop = s.holder.copy;
      if (loop && loop.index === undefined && !unknownCount.has(tap.key) && !boundedBy(s.holder.condition, MAX_CONFIGS)) {
        unknownCount.add(tap.key);
        ctx.indeterminate({
          message: `${tapText} gets TAP configurations from a copy loop whose count is ${s.holder.condition ? describeUnknown(s.holder.condition) : 'known only at deployment'}; Azure allows ${MAX_CONFIGS} per TAP: keep the count at ${MAX_CONFIGS} or less ${countAdvice(s.holder.condition, MAX_CONFIGS)}`,
          span: s.tapId.span,
          related: [...related, ...unknownOrigin(s.holder.condition, s.tapId.span)],
          resource: s.holder,
          involved,
        });
      }
      const list = perTap.get(tap.key);
      if (list) list.sources.push(s);
      else perTap.set(tap.key, { tap, sources: [s] });
    }
    for (const { tap, sources } of perTap.values()) {
      // Sources that exist for certain come first (tapSources), so the count passes the limit at
      // a source that may not exist only when the certain ones stay within it: indeterminate.
      // Sources that never exist together (chosen by opposite conditions) do not add up.
      const s = sources[MAX_CONFIGS];
      if (!s || mostTogether(sources, sourceGuard) <= MAX_CONFIGS) continue;
      // The count is said when it is known: every source exists for certain (each copy loop
      // expanded), or at most so many exist together; a copy loop of unknown count leaves "more than".
      const guards = sources.map(sourceGuard);
      const most = mostTogether(sources, sourceGuard);
      const count = guards.every((g) => g !== 'unknown' && g.length === 0)
        ? `${sources.length}`
        : sources.some((x) => x.holder.copy && x.holder.copy.index === undefined)
          ? `more than ${MAX_CONFIGS}`
          : `up to ${most}`;
      ctx.fail({
        message: `${tap.decl ? `TAP '${tap.name}'` : `TAP '${tap.name}' (outside the template)`} gets ${count} TAP configurations in this deployment; Azure allows ${MAX_CONFIGS} per TAP: spread the sources over more TAPs`,
        span: s.tapId.span,
        related: tap.decl ? [{ span: at(tap.decl.root, 'name').span, message: `TAP '${tap.name}'` }] : [],
        resource: s.holder,
        involved: tap.decl && !tap.decl.existing ? [tap.decl] : [],
        sources: [s],
      });
    }
  },
);
