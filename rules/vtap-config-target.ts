import { defineRule } from '../src/engine/rule.js';
import { TYPES, orderedAfter, resolvedName, tapDeclarations } from '../src/graph/vtap.js';
import { describeId, formatId, fullType } from '../src/deploy/resource-id.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { dependsOnAcrossModules, unknownOrigin } from './lib/support.js';
import docs from './vtap-config-target.md';

export default defineRule(
  {
    id: 'vtap-config-target',
    name: 'VtapConfigTarget',
    shortDescription: "A TAP configuration's virtualNetworkTap.id is the id of a virtual network TAP, and the configuration is deployed after that TAP.",
    fullDescription:
      'A TAP configuration (a tapConfigurations child resource, an inline tapConfigurations entry, or a virtualNetworkTaps entry of an IP configuration) names the TAP it sends to by id. The rule checks that the id is the id of a Microsoft.Network/virtualNetworkTaps resource and, when that TAP is in the template, that the configuration depends on it (dependsOn, a Bicep symbolic reference or a parent chain): ARM does not order resources by ids in their properties.',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Resource schema: NetworkInterfaceTapConfiguration.properties.virtualNetworkTap is "the reference to the Virtual Network Tap resource"',
  },
  docs,
  (ctx) => {
    // Every declaration, also those that name no TAP and so are no source for the other rules.
    for (const s of tapDeclarations(ctx.graph)) {
      // A scale set's virtualNetworkTaps entry creates no TAP configuration: vtap-source-vm-nic reports it.
      if (s.declaration === 'scaleset') continue;
      const v = s.tapId.value;
      const base = { span: s.tapId.span, resource: s.holder, sources: [s] };
      if (v === undefined || v === null) {
        ctx.fail({ ...base, message: `TAP configuration '${s.holder.displayName}' names no TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource` });
        continue;
      }
      const res = s.tap;
      if (res.kind === 'none') {
        if (v instanceof Unknown) ctx.indeterminate({ ...base, related: unknownOrigin(v, s.tapId.span), message: `the TAP of '${s.holder.displayName}' is ${describeUnknown(v)}, so vtaplint cannot check that it is a virtual network TAP` });
        else ctx.fail({ ...base, message: `the TAP reference of '${s.holder.displayName}' is not a resource id; set it to the id of a Microsoft.Network/virtualNetworkTaps resource (resourceId('Microsoft.Network/virtualNetworkTaps', name))` });
        continue;
      }
      const type = fullType(res.id);
      if (type.toLowerCase() !== TYPES.tap.toLowerCase()) {
        ctx.fail({ ...base, message: `'${s.holder.displayName}' sends to ${res.kind === 'external' ? describeId(res.id) : `'${resolvedName(res) ?? ''}' (a ${type})`}, not a virtual network TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource` });
        continue;
      }
      if (res.kind === 'external' && ctx.graph.notDeployedAt(res.id)) {
        // A TAP the template declares under a condition that is false: it may exist already (the
        // "create it or use it" pattern), or the reference fails.
        const n = ctx.graph.notDeployedAt(res.id);
        ctx.indeterminate({
          ...base,
          message: `'${s.holder.displayName}' refers to TAP '${n?.symbolicName ?? formatId(res.id).split('/').pop()}', which this template does not deploy (its condition is false): it must exist already, or the deployment fails`,
        });
        continue;
      }
      if (res.kind !== 'resource' || res.resource.existing) {
        ctx.pass({ ...base, message: 'a TAP that exists before this deployment' });
        continue;
      }
      const tap = res.resource;
      // A TAP deployed under a condition known only at deployment, sent to by a configuration that
      // is deployed whenever the template is: without the TAP, the configuration fails.
      if (tap.state === 'maybe' && s.holder.state !== 'maybe') {
        ctx.indeterminate({
          ...base,
          related: [{ span: tap.nameSpan, message: `TAP '${tap.displayName}' is declared here` }],
          message: `'${s.holder.displayName}' refers to TAP '${tap.displayName}', which is deployed only if its condition allows (${tap.condition ? describeUnknown(tap.condition) : 'not known before deployment'}); when it is not, the TAP must exist already or the deployment fails: give the configuration the same condition`,
        });
        continue;
      }
      if (orderedAfter(ctx.graph, s.holder, tap)) {
        ctx.pass({ ...base, message: 'deployed after the TAP' });
        continue;
      }
      // In different modules, the entry goes on the modules, in the template that declares both.
      const across = dependsOnAcrossModules(s.holder, tap, s.declaration === 'child' ? 'the TAP configuration' : `'${s.holder.displayName}'`, 'the TAP');
      ctx.fail({
        ...base,
        involved: [tap],
        related: [{ span: tap.nameSpan, message: `TAP '${tap.displayName}' is declared here` }, ...(across ? [across.related] : [])],
        message: `'${s.holder.displayName}' refers to TAP '${tap.displayName}' but does not depend on it, so ARM may create it before the TAP exists and the deployment fails: ${across?.advice ?? 'add the TAP to dependsOn'}`,
      });
    }
  },
);
