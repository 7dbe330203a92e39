import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { TYPES, deployedOfType } from '../src/graph/vtap.js';
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
    shortDescription: 'A NIC does not declare inline tapConfigurations with an API version where they are read-only.',
    fullDescription:
      "A network interface's inline properties.tapConfigurations is writable only up to API version 2019-08-01; from 2019-09-01 on it is read-only, and Azure ignores it: nothing is mirrored. The rule reads the API versions from Azure's published type definitions (rules/data/type-index.json) and says to use a networkInterfaces/tapConfigurations child resource instead.",
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Resource schema: NetworkInterfacePropertiesFormat.tapConfigurations is read-only from API 2019-09-01',
  },
  docs,
  (ctx) => {
    for (const nic of deployedOfType(ctx.graph, TYPES.nic)) {
      const inline = at(nic.root, 'properties', 'tapConfigurations');
      if (inline.value === undefined || inline.value === null || (Array.isArray(inline.value) && inline.value.length === 0)) continue;
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
      if (shape.readOnly.has(PATH))
        ctx.fail({
          ...base,
          message: `NIC '${nic.displayName}' declares tapConfigurations inline with API version ${nic.apiVersion ?? '(none)'}, where that property is read-only (from 2019-09-01): Azure ignores it, so these entries mirror nothing; declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource instead`,
        });
      else ctx.pass({ ...base, message: 'writable at this API version' });
    }
  },
);
