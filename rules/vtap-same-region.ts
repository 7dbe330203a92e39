import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { declaredNic, destinationChoices, destinationTarget, normalizeRegion, resolvedName, sameRegion, sourcesOfTap, tapSources, taps, vmsOfNic, vmsOfNicRef, type DestinationChoice, type TapSource } from '../src/graph/vtap.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import type { DeployedResource } from '../src/deploy/model.js';
import type { RelatedLocation, Verdict } from '../src/engine/rule.js';
import { sourceRelated, unknownOrigin } from './lib/support.js';
import { unknownRegion } from './lib/regions.js';
import { resourceKey } from '../src/deploy/resource-id.js';
import type { Resolution } from '../src/graph/graph.js';
import docs from './vtap-same-region.md';

export default defineRule(
  {
    id: 'vtap-same-region',
    name: 'VtapSameRegion',
    shortDescription: 'The TAP, its source NICs and VMs, and its destination are in one Azure region.',
    fullDescription:
      'A virtual network TAP mirrors only network interfaces in its own region and sends to a destination in that region. The rule compares the location of the TAP with the location of every source NIC, source VM and destination NIC or load balancer in the template ("East US" and "eastus" are the same region).',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Prerequisites": "a partner solution for aggregating the TAP traffic in the same Azure region"; portal tutorial: "The destination and source resource must be in the same region as your virtual network TAP resource."',
  },
  docs,
  (ctx) => {
    // Indeterminate results, one per declaration: the instances of a copy loop share the location
    // expression that blocks the decision, so they are one note naming them all (as
    // vtap-destination-type names the sources of a TAP outside the template), not one per instance.
    const notes = new Map<string, { role: string; verdict: Omit<Verdict, 'kind' | 'message'>; names: string[]; sources: TapSource[]; message: (who: string) => string }>();
    const note = (key: string, role: string, name: string, verdict: Omit<Verdict, 'kind' | 'message'>, message: (who: string) => string) => {
      const known = notes.get(key);
      if (!known) {
        notes.set(key, { role, verdict, names: [name], sources: [...(verdict.sources ?? [])], message });
        return;
      }
      if (!known.names.includes(name)) known.names.push(name);
      for (const s of verdict.sources ?? []) if (!known.sources.includes(s)) known.sources.push(s);
    };
    for (const tap of taps(ctx.graph)) {
      const tapLoc = at(tap.root, 'location');
      if (tapLoc.value === undefined) continue;
      const checked = new Set<DeployedResource>();
      // `holders`: what makes `r` part of the TAP (the source's declaration, its NIC): when one of
      // them may not be deployed, neither may the mismatch, so a failure is only indeterminate.
      const check = (r: DeployedResource, role: string, related: RelatedLocation[], holders: DeployedResource[] = [], sources: readonly TapSource[] = [], destination?: DestinationChoice) => {
        if (checked.has(r) || r.existing) return;
        checked.add(r);
        const loc = at(r.root, 'location');
        const v = loc.value;
        if (v === undefined) return;
        const same = sameRegion(tapLoc.value, v);
        const base = { span: loc.span, resource: r, involved: [tap, ...holders.filter((h) => h !== r)], sources, destination, related: [{ span: tapLoc.span, message: `the location of TAP '${tap.displayName}'` }, ...related] };
        if (same === true) ctx.pass({ ...base, message: `${role} '${r.displayName}' is in the TAP's region` });
        else if (same === false) {
          // A misspelt location on either side ('eastus3' for 'eastus'): name it, it is the likely fix.
          const typos = [v, tapLoc.value].flatMap((x) => (typeof x === 'string' ? (unknownRegion(x, ctx.regions) ?? []) : []));
          ctx.fail({
            ...base,
            message: `${role} '${r.displayName}' is in '${String(v)}' but TAP '${tap.displayName}' is in '${String(tapLoc.value)}'; the TAP, its sources and its destination must be in one region${typos.length > 0 ? `, and ${typos.join(', and ')}: fix that location` : ': move them into one region'}`,
          });
        }
        else if (v instanceof Unknown || tapLoc.value instanceof Unknown) {
          // Neither a known region nor an unknown one (location: null, a number): nothing to compare.
          const u = v instanceof Unknown ? v : (tapLoc.value as Unknown);
          const why = v instanceof Unknown ? `its location is ${describeUnknown(v)}` : `the TAP's location is ${describeUnknown(u)}`;
          note(`${tap.key}|${role}|${loc.span.identity()}`, role, r.displayName, { ...base, related: [...base.related, ...unknownOrigin(u, loc.span)] }, (who) => `cannot tell whether ${who} in the region of TAP '${tap.displayName}': ${why}; they must be in one region`);
        }
      };
      for (const source of sourcesOfTap(ctx.graph, tap)) {
        const nic = declaredNic(source.nic);
        if (!nic) {
          // A NIC made elsewhere (`existing`, or only its id) whose VM this template creates: the
          // NIC's region is not known here, the VM's is.
          for (const { vm } of vmsOfNicRef(ctx.graph, source.nic)) check(vm, 'source VM', [sourceRelated(source)], [source.holder], [source]);
          continue;
        }
        check(nic, 'source NIC', [sourceRelated(source)], [source.holder], [source]);
        // A NIC the VM creates (networkInterfaceConfigurations) is in the VM's region, read from
        // the VM's own location: judged once, as the NIC.
        const nicLoc = at(nic.root, 'location').span.identity();
        for (const { vm } of vmsOfNic(ctx.graph, nic)) if (at(vm.root, 'location').span.identity() !== nicLoc) check(vm, 'source VM', [sourceRelated(source)], [nic, source.holder], [source]);
      }
      // Each destination a value known only at deployment may choose, with that value (Verdict.destination).
      for (const choice of destinationChoices(tap, ctx.graph)) {
        const d = choice.destination;
        const target = destinationTarget(d);
        if (target) check(target.resource, target.kind === 'nic' ? 'destination NIC' : 'destination load balancer', [{ span: d.id.span, message: 'the destination of the TAP' }], [], [], choice);
      }
    }
    // Sources the template attaches to a TAP it does not deploy (declared `existing`, or only
    // named by its id): the TAP's region is not in the template. A source NIC in a region where
    // vTAP is neither available nor coming cannot share a region with any TAP: that fails; any
    // other region is indeterminate, so the user knows the check could not be made.
    const outside = new Set<DeployedResource>();
    for (const source of tapSources(ctx.graph)) {
      const nic = declaredNic(source.nic);
      const t = source.tap;
      if (!nic || nic.existing || outside.has(nic) || !(t.kind === 'external' || (t.kind === 'resource' && t.resource.existing))) continue;
      outside.add(nic);
      const loc = at(nic.root, 'location');
      if (typeof loc.value !== 'string') continue;
      const tapName = `TAP '${resolvedName(t) ?? ''}'`;
      const base = { span: loc.span, resource: nic, sources: [source], related: [sourceRelated(source)] };
      const region = normalizeRegion(loc.value);
      if (!ctx.regions.supported.has(region) && !ctx.regions.comingSoon.has(region)) {
        ctx.fail({
          ...base,
          message: `source NIC '${nic.displayName}' is in '${loc.value}', where virtual network TAP is not available, so ${tapName} (not deployed by this template) cannot be in its region; the TAP and its sources must be in one region: move the source into the TAP's region`,
        });
      } else {
        const region = loc.value;
        note(`${resourceKeyOf(t)}|outside|${loc.span.identity()}|${normalizeRegion(region)}`, 'source NIC', nic.displayName, base, (who) => `cannot tell whether ${who} in the region of ${tapName}: the TAP is not deployed by this template, so its region is not known here; they must be in one region ('${region}')`);
      }
    }
    for (const { role, verdict, names, sources, message } of notes.values()) {
      const quoted = names.map((n) => `'${n}'`);
      const shown = quoted.length > 5 ? `${quoted.slice(0, 5).join(', ')} and ${quoted.length - 5} more` : quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}` : (quoted[0] ?? '');
      const who = names.length > 1 ? `${role}s ${shown} (one declaration, deployed ${names.length} times) are` : `${role} ${shown} is`;
      ctx.indeterminate({ ...verdict, sources, message: message(who) });
    }
  },
);

/** Identity of the TAP a source names outside the template (an `existing` declaration or an id). */
function resourceKeyOf(t: Resolution): string {
  if (t.kind === 'resource' || t.kind === 'sub') return t.resource.key;
  if (t.kind === 'external') return resourceKey(t.id);
  return '?';
}
