import { defineRule } from '../src/engine/rule.js';
import { resourceGroupOf } from '../src/deploy/resource-id.js';
import index from './data/type-index.json' with { type: 'json' };
import docs from './invalid-template.md';

/** Types that can only be deployed to a resource group (Azure's type definitions, lower case). */
const RESOURCE_GROUP_ONLY: ReadonlySet<string> = new Set(index.resourceGroupOnly);

// Mostly reported by the loaders, parsers and the deploy stage (a file, expression or structure
// Azure cannot read). The check here is the one that needs the deployed resources: a type that
// only a resource group can hold, declared where the deployment puts it in none.
export default defineRule(
  {
    id: 'invalid-template',
    name: 'InvalidTemplate',
    shortDescription: 'The file or an expression in it cannot be parsed.',
    fullDescription:
      'The template (ARM JSON or Bicep), a parameters file, or a template expression inside it cannot be parsed, or its structure is one Azure cannot deploy. Azure rejects such a template, and no other check can look at the part that is broken.',
    defaultLevel: 'error',
    tags: ['core'],
    precision: 'very-high',
  },
  docs,
  (ctx) => {
    const seen = new Set<string>();
    for (const r of ctx.graph.resources) {
      // In a template that targets a subscription, management group or tenant, and placed in no
      // resource group (a scope that is itself broken, a cycle, is reported as that).
      if (r.existing || r.unit.scope.kind === 'resourceGroup' || !RESOURCE_GROUP_ONLY.has(r.type.toLowerCase()) || resourceGroupOf(r.id) !== undefined) continue;
      const at = r.typeSpan.identity();
      if (seen.has(at)) continue;
      seen.add(at);
      const how =
        r.unit.file.kind === 'bicep'
          ? "declare it in a module deployed with scope: resourceGroup('name')"
          : 'declare it in a nested deployment (Microsoft.Resources/deployments) that sets resourceGroup';
      ctx.fail({
        message: `Scope "${r.unit.scope.kind}" is not valid for the resource type '${r.type}': it can only be deployed to a resource group, and Azure rejects the template (the Bicep compiler's BCP135); ${how}`,
        span: r.typeSpan,
        resource: r,
      });
    }
  },
);
