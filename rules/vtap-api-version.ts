import { defineRule } from '../src/engine/rule.js';
import { at, elements } from '../src/expr/located.js';
import { TYPES, deployedOfType, resolvedName } from '../src/graph/vtap.js';
import type { ResourceGraph } from '../src/graph/graph.js';
import type { LocatedValue } from '../src/expr/located.js';
import { propertyEntries, typeShape, type TypeIndex } from '../src/graph/type-shape.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { unknownOrigin } from './lib/support.js';
import index from './data/type-index.json' with { type: 'json' };
import docs from './vtap-api-version.md';

const INDEX: TypeIndex = index;

/**
 * A TAP's networkInterfaceTapConfigurations (the portal's export writes it) lists TAP
 * configurations without creating any: when one it lists is not declared in the template as a
 * tapConfigurations resource, the user who removes the list as told is left mirroring nothing,
 * so say so and name it.
 */
function notCreated(graph: ResourceGraph, list: LocatedValue): string {
  const missing: string[] = [];
  for (const entry of elements(list)) {
    const id = at(entry, 'id').value;
    if (typeof id !== 'string' && !(id instanceof Unknown)) continue;
    const res = graph.resolve(id);
    if (res.kind === 'resource' && res.resource.type.toLowerCase() === TYPES.tapConfig.toLowerCase() && !res.resource.existing) continue;
    const name = resolvedName(res);
    if (name !== undefined) missing.push(`'${name}'`);
  }
  if (missing.length === 0) return '';
  return `. Listing a TAP configuration there does not create it, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not declared in the template, so nothing is mirrored: declare each as a ${TYPES.tapConfig} resource`;
}

export default defineRule(
  {
    id: 'vtap-api-version',
    name: 'VtapApiVersion',
    shortDescription: 'virtualNetworkTaps and tapConfigurations use an API version Azure publishes for them, and only properties that type has at that version.',
    fullDescription:
      "Checks Microsoft.Network/virtualNetworkTaps and Microsoft.Network/networkInterfaces/tapConfigurations against Azure's published type definitions (rules/data/type-index.json): the apiVersion must be one that has the type (2018-08-01 and later stable versions; there are no preview versions), and every property under `properties` must exist at that version and be writable (provisioningState, resourceGuid and networkInterfaceTapConfigurations are read-only).",
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: "Resource schema (Azure's published type definitions for Microsoft.Network)",
  },
  docs,
  (ctx) => {
    for (const type of [TYPES.tap, TYPES.tapConfig]) {
      for (const r of deployedOfType(ctx.graph, type)) {
        const api = at(r.root, 'apiVersion');
        if (api.value instanceof Unknown) {
          // An API version from a parameter without a value (ARM takes it from the deployment's
          // parameters): not a missing one. Its allowed values, when it has some, may name versions
          // Azure does not publish.
          const shape = typeShape(INDEX, type, undefined);
          if (!shape) continue;
          const allowed = (api.value.oneOf ?? []).filter((v): v is string => typeof v === 'string');
          const bad = allowed.filter((v) => !shape.apiVersions.includes(v.toLowerCase()));
          const newest = shape.apiVersions[shape.apiVersions.length - 1] ?? '';
          ctx.indeterminate({
            message: `the API version of '${r.displayName}' is ${describeUnknown(api.value)}, so vtaplint cannot check that Azure publishes it for ${type}${bad.length > 0 ? ` (of its allowed values, ${bad.map((b) => `'${b}'`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not published)` : ''}; use a stable version from ${shape.apiVersions[0]} on, such as ${newest}`,
            span: api.span,
            related: unknownOrigin(api.value, api.span),
            resource: r,
          });
          continue;
        }
        const shape = typeShape(INDEX, type, r.apiVersion);
        if (!shape) continue;
        if (!shape.published) {
          const newest = shape.apiVersions[shape.apiVersions.length - 1] ?? '';
          // A version later than the newest in vtaplint's data may be one Azure published since
          // (the network provider publishes several a year): it cannot be told wrong.
          const version = (r.apiVersion ?? '').toLowerCase();
          if (/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(version) && version > newest) {
            ctx.indeterminate({
              message: `'${r.displayName}' uses API version '${r.apiVersion}', newer than the newest vtaplint knows for ${type} (${newest}); Azure may have published it since: check it in the resource schema`,
              span: api.span,
              resource: r,
            });
            continue;
          }
          ctx.fail({
            message: `'${r.displayName}' uses API version '${r.apiVersion ?? '(none)'}', which Azure does not publish for ${type}; use a stable version from ${shape.apiVersions[0]} on, such as ${newest}`,
            span: api.value === undefined ? r.typeSpan : api.span,
            resource: r,
          });
          continue;
        }
        let ok = true;
        for (const p of propertyEntries(at(r.root, 'properties'))) {
          const path = `properties.${p.key}`.toLowerCase();
          if (shape.writable.has(path)) continue;
          ok = false;
          ctx.fail({
            message: shape.readOnly.has(path)
              ? `'${r.displayName}' sets ${p.key}, which is read-only for ${type} (API ${r.apiVersion}): Azure sets it; remove it${type === TYPES.tap && path === 'properties.networkinterfacetapconfigurations' ? notCreated(ctx.graph, p.value) : ''}`
              : `'${r.displayName}' sets ${p.key}, which ${type} does not have at API ${r.apiVersion} (it has: ${shape.writableNames.map((w) => w.replace(/^properties\./, '')).join(', ')}); remove it or fix its name`,
            span: p.keySpan,
            resource: r,
          });
        }
        if (ok) ctx.pass({ message: 'published API version and known properties', span: api.span, resource: r });
      }
    }
  },
);
