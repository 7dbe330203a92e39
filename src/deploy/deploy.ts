// Deploys one template file "on paper": its target scope, its resources (with copy loops,
// conditions and child resources) and the diagnostics found on the way.
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import type { Span } from '../model/span.js';
import { isTObject, own, type TNode, type TObject } from '../model/template.js';
import type { DeploymentContext } from '../expr/context.js';
import { Unknown } from '../expr/value.js';
import type { Segment } from '../graph/resource-id.js';
import type { DeployedResource, DeploymentUnit, ScopeKind, TargetScope } from './model.js';
import { ResourceExpander } from './resources.js';
import { LiteralEvaluator } from './literal.js';

export interface DeployOptions {
  deployment: DeploymentContext;
  maxResources?: number;
}

export interface DeployResult {
  unit: DeploymentUnit;
  resources: DeployedResource[];
  diagnostics: Diagnostic[];
}

/** The deployment scope a template's $schema declares. */
export function scopeKindOf(root: TObject): ScopeKind {
  const schema = own(root, '$schema');
  if (typeof schema !== 'string') return 'resourceGroup';
  const s = schema.toLowerCase();
  if (s.includes('subscriptiondeploymenttemplate')) return 'subscription';
  if (s.includes('managementgroupdeploymenttemplate')) return 'managementGroup';
  if (s.includes('tenantdeploymenttemplate')) return 'tenant';
  return 'resourceGroup';
}

/** A deployment value from the config, or the deployment-wide unknown that stands for it. */
function segment(value: string | undefined, symbol: string, span: Span): Segment {
  if (value !== undefined) return [value];
  return [new Unknown({ code: 'deployment-time', message: `${symbol} is only known at deployment`, span }, 'string', undefined, symbol)];
}

export function rootScope(kind: ScopeKind, ctx: DeploymentContext, span: Span): TargetScope {
  return {
    kind,
    subscriptionId: segment(ctx.subscriptionId, 'subscription().subscriptionId', span),
    resourceGroup: segment(ctx.resourceGroup, 'resourceGroup().name', span),
    managementGroup: segment(ctx.managementGroup, 'managementGroup().name', span),
  };
}

export function deployFile(source: SourceText, loaded: { root: TNode | undefined; span: Span }, opts: DeployOptions): DeployResult {
  const root = loaded.root;
  const unit: DeploymentUnit = {
    file: source,
    scope: rootScope(isTObject(root) ? scopeKindOf(root) : 'resourceGroup', opts.deployment, loaded.span),
    depth: 0,
  };
  if (!isTObject(root)) return { unit, resources: [], diagnostics: [] };
  const ev = new LiteralEvaluator();
  const expander = new ResourceExpander(ev, unit, { maxResources: opts.maxResources ?? 50_000 });
  expander.expandTemplate({ node: root, span: loaded.span });
  return { unit, resources: expander.resources, diagnostics: ev.diagnostics.items };
}
