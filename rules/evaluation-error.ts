import { defineRule } from '../src/engine/rule.js';
import type { DeployedResource } from '../src/deploy/model.js';
import { inside, sharedDeploymentNames } from '../src/graph/deployment-names.js';
import docs from './evaluation-error.md';

// Reported by the evaluator and the deployment stage; the check here asks the graph what only the
// whole deployment shows: deployments of different templates that share a name in one scope.
export default defineRule(
  {
    id: 'evaluation-error',
    name: 'EvaluationError',
    shortDescription: 'An expression or declaration that Azure would reject when it deploys the template.',
    fullDescription:
      'Evaluating the template as Azure does fails: a function gets arguments of the wrong type, an index is out of range, a copy count is above 800, a variable refers to itself, fail() is called, two deployments of one name run in one scope at once, and so on. Azure stops the deployment at that point.',
    defaultLevel: 'error',
    tags: ['core'],
    precision: 'high',
  },
  docs,
  (ctx) => {
    for (const { deployment: d, other, relation } of sharedDeploymentNames(ctx.graph)) {
      const name = typeof d.name === 'string' ? d.name : d.displayName;
      const base = {
        span: d.nameSpan,
        resource: d,
        involved: [other],
        related: [{ span: other.nameSpan, message: `deployment '${other.displayName}', of the same name in the same scope` }],
      };
      const both = `${label(d, other)} and ${label(other, d)} are both deployment '${name}' in the same scope (a deployment is a resource named by its name)`;
      if (relation === 'ordered') {
        ctx.fail({
          ...base,
          level: 'warning',
          message: `${both}: the one that runs later replaces the other's deployment record, and its outputs with it, so reading the earlier one's outputs by that name (reference('${name}'), a module's outputs) after that gives the later one's; give them different names (e.g. with uniqueString(deployment().name))`,
        });
        continue;
      }
      const why =
        relation === 'nested'
          ? `${nesting(d, other)}, which is still running when it starts`
          : 'nothing orders them, so ARM starts both at once';
      ctx.fail({
        ...base,
        message: `${both}, and ${why}: the second PUT of deployment '${name}' fails while the first is running ("Unable to edit or replace deployment '${name}': previous deployment ... is still active", DeploymentActive); give them different names (e.g. with uniqueString(deployment().name))`,
      });
    }
  },
);

/** A deployment's name for a message, with the deployment it is in when the other reads the same. */
function label(d: DeployedResource, other: DeployedResource): string {
  const holder = d.unit.parent;
  return d.displayName === other.displayName && holder ? `'${d.displayName}' (in '${holder.displayName}')` : `'${d.displayName}'`;
}

/** "'inner' runs inside 'outer'": which of the two runs inside the other. */
function nesting(d: DeployedResource, other: DeployedResource): string {
  const [inner, outer] = inside(d, other) ? [d, other] : [other, d];
  return `'${inner.displayName}' runs inside '${outer.displayName}'`;
}
