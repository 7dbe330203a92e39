import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { at, elements } from '../src/expr/located.js';
import type { DeployedResource } from '../src/deploy/model.js';
import { TAP_API_FROM, TYPES, deployedOfType, describeSource, parallelRedeployment, predatesTap, replacedSources, resolvedName, tapSources } from '../src/graph/vtap.js';
import { typeShape, type TypeIndex } from '../src/graph/type-shape.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { unknownOrigin } from './lib/support.js';
import index from './data/type-index.json' with { type: 'json' };
import docs from './vtap-inline-config-readonly.md';

const INDEX: TypeIndex = index;
const PATH = 'properties.tapconfigurations';

export default defineRule(
  {
    id: 'vtap-inline-config-readonly',
    name: 'VtapInlineConfigReadonly',
    shortDescription: 'A TAP entry written inline in a NIC reaches Azure: not in a read-only tapConfigurations, not replaced by a later deployment of the NIC.',
    fullDescription:
      "A network interface's inline properties.tapConfigurations is writable only up to API version 2019-08-01; from 2019-09-01 on it is read-only, and Azure ignores it: nothing is mirrored. The rule reads the API versions from Azure's published type definitions (rules/data/type-index.json) and says to use a networkInterfaces/tapConfigurations child resource instead. A NIC whose API version predates virtual network TAP (before 2018-08-01) has neither that list nor an ipConfiguration's virtualNetworkTaps: Azure ignores both. Likewise, a TAP entry in a NIC's body (an ipConfiguration's virtualNetworkTaps, or writable inline tapConfigurations) is lost when the template deploys the same NIC again later (another module or nested deployment, ordered after it) without it: a PUT replaces the whole body, so the TAP mirrors nothing from that NIC. A tapConfigurations child resource survives such a PUT.",
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Resource schema: NetworkInterfacePropertiesFormat.tapConfigurations is read-only from API 2019-09-01',
  },
  docs,
  (ctx) => {
    for (const nic of deployedOfType(ctx.graph, TYPES.nic)) {
      if (predatesTap(nic)) {
        olderThanTap(ctx, nic);
        continue;
      }
      const inline = at(nic.root, 'properties', 'tapConfigurations');
      if (inline.value === undefined || inline.value === null || (Array.isArray(inline.value) && inline.value.length === 0)) continue;
      // Known only at deployment (the NIC's properties spread from an object parameter): written
      // nowhere in the template, and most such NICs have none. Not said to be declared.
      if (inline.value instanceof Unknown) continue;
      const api = at(nic.root, 'apiVersion');
      if (api.value instanceof Unknown) {
        // An API version from a parameter without a value: Azure honours the entries only up to 2019-08-01.
        ctx.indeterminate({
          span: inline.span,
          resource: nic,
          related: [{ span: api.span, message: 'the API version' }, ...unknownOrigin(api.value, api.span)],
          message: `NIC '${nic.displayName}' declares tapConfigurations inline and its API version is ${describeUnknown(api.value)}; from API 2019-09-01 that property is read-only and Azure ignores it, so these entries mirror nothing: declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource instead`,
        });
        continue;
      }
      const shape = typeShape(INDEX, TYPES.nic, nic.apiVersion);
      if (!shape) continue;
      const base = { span: inline.span, resource: nic, related: [{ span: api.span, message: `API version ${nic.apiVersion ?? '(none)'}` }] };
      if (shape.readOnly.has(PATH) && repeatsChildren(ctx, nic, inline.value))
        ctx.pass({ ...base, message: 'every inline entry is also a tapConfigurations child resource' });
      else if (shape.readOnly.has(PATH))
        ctx.fail({
          ...base,
          message: `NIC '${nic.displayName}' declares tapConfigurations inline with API version ${nic.apiVersion ?? '(none)'}, where that property is read-only (from 2019-09-01): Azure ignores it, so these entries mirror nothing; declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource instead`,
        });
      else ctx.pass({ ...base, message: 'writable at this API version' });
    }
    // TAP entries in a NIC body that a later PUT of the same NIC replaces (graph: replacedSources).
    const remaining = tapSources(ctx.graph);
    // Entries that another declaration of the NIC, deployed in parallel, may replace: which PUT
    // comes last is not known (graph: TapSource.rivals).
    for (const source of remaining) {
      if (!source.rivals || source.nic.kind !== 'resource') continue;
      const tapName = resolvedName(source.tap);
      ctx.indeterminate({
        span: source.at.span,
        resource: source.nic.resource,
        related: source.rivals.map((d) => ({ span: d.span, message: `NIC '${d.displayName}' deployed here too, without this entry and without a dependsOn on either side` })),
        message: `${describeSource(source)} may not last: ${parallelRedeployment(source, source.rivals)}, nor whether ${tapName ? `TAP '${tapName}'` : 'the TAP'} mirrors anything from it; make the other deployment depend on this one and write the entry there too, or declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource, which a PUT of the NIC leaves in place`,
      });
    }
    for (const { source, by } of replacedSources(ctx.graph)) {
      const nic = source.holder;
      const tap = source.tap.kind === 'resource' ? source.tap.resource : undefined;
      // The NIC as it ends still has an entry for this TAP (the later body repeats it): nothing lost.
      if (remaining.some((s) => s.nic.kind === 'resource' && s.nic.resource.key === nic.key && (tap === undefined || (s.tap.kind === 'resource' && s.tap.resource === tap)))) continue;
      if (by.length === 0) continue;
      const tapName = resolvedName(source.tap);
      ctx.fail({
        span: source.at.span,
        resource: nic,
        related: by.map((d) => ({ span: d.span, message: `NIC '${d.displayName}' deployed again here, without this entry` })),
        message: `${describeSource(source)} does not last: the template deploys NIC '${nic.displayName}' again after it, ${by.map(where).join(' or ')}, without it, and a PUT replaces the whole network interface, so ${tapName ? `TAP '${tapName}'` : 'the TAP'} mirrors nothing from it; write the entry in that deployment too, or declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource, which a later PUT of the NIC leaves in place`,
      });
    }
  },
);

/**
 * A NIC whose API version is older than virtual network TAP (a quickstart's 2017 or early-2018
 * NIC given a TAP entry): neither inline tapConfigurations nor an ipConfiguration's
 * virtualNetworkTaps exists at that version, so Azure ignores them and nothing is mirrored.
 */
function olderThanTap(ctx: RuleContext, nic: DeployedResource): void {
  const api = at(nic.root, 'apiVersion');
  const related = [{ span: api.span, message: `API version ${nic.apiVersion ?? ''}` }];
  const version = `use API version ${TAP_API_FROM} or later for the NIC (such as 2024-05-01)`;
  const inline = at(nic.root, 'properties', 'tapConfigurations');
  if (Array.isArray(inline.value) && inline.value.length > 0)
    ctx.fail({
      span: inline.span,
      resource: nic,
      related,
      message: `NIC '${nic.displayName}' declares tapConfigurations inline with API version ${nic.apiVersion ?? ''}, older than virtual network TAP (${TAP_API_FROM}): the property does not exist at that version and Azure ignores it, so these entries mirror nothing; ${version} and declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource instead (from 2019-09-01 the inline list is read-only)`,
    });
  for (const ipc of elements(at(nic.root, 'properties', 'ipConfigurations'))) {
    const taps = at(ipc, 'properties', 'virtualNetworkTaps');
    if (!Array.isArray(taps.value) || taps.value.length === 0) continue;
    const name = at(ipc, 'name').value;
    ctx.fail({
      span: taps.span,
      resource: nic,
      related,
      message: `IP configuration '${typeof name === 'string' ? name : '?'}' of NIC '${nic.displayName}' lists virtualNetworkTaps with API version ${nic.apiVersion ?? ''}, older than virtual network TAP (${TAP_API_FROM}): the property does not exist at that version and Azure ignores it, so nothing is mirrored; ${version}`,
    });
  }
}

/**
 * Whether every inline entry of a NIC's read-only tapConfigurations is also declared as a
 * tapConfigurations child resource of that NIC, of the same name and for the same TAP: the portal's
 * Export template writes both (the read-only list and the child resources), and the child resources
 * mirror the NIC; Azure ignores the repeated list, and nothing is lost.
 */
function repeatsChildren(ctx: RuleContext, nic: DeployedResource, entries: unknown): boolean {
  if (!Array.isArray(entries) || entries.length === 0) return false;
  const children = tapSources(ctx.graph).filter((s) => s.declaration === 'child' && s.config !== undefined && s.nic.kind === 'resource' && s.nic.resource.key === nic.key);
  if (children.length === 0) return false;
  return elements(at(nic.root, 'properties', 'tapConfigurations')).every((e) => {
    const name = at(e, 'name').value;
    if (typeof name !== 'string') return false;
    const tap = ctx.graph.resolve(at(e, 'properties', 'virtualNetworkTap', 'id').value);
    return children.some((c) => {
      const cname = c.config?.name;
      if (typeof cname !== 'string' || cname.split('/').pop()?.toLowerCase() !== name.toLowerCase()) return false;
      return tap.kind === 'resource' && c.tap.kind === 'resource' && tap.resource === c.tap.resource;
    });
  });
}

/** Where a declaration is deployed, for a message: the module or nested deployment holding it. */
function where(d: DeployedResource): string {
  const holder = d.unit.parent;
  return holder ? `in '${holder.displayName}'` : `as '${d.displayName}'`;
}
