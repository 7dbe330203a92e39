// Deploys a template "on paper": its target scope, its resources (copy loops, conditions, child
// resources), nested deployments (inline templates with inner or outer expression scope, linked
// templates by relativePath inside the lint root; templateLink.uri is never fetched), and what
// reference() can know about resources the deployment itself creates.
import { pushAll } from '../model/push-all.js';
import path from 'node:path';
import { DiagnosticSink, limitReached, type Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import type { Span } from '../model/span.js';
import { childOf, isTObject, own, ownProp, type Located, type TNode, type TObject } from '../model/template.js';
import { Budget, type BudgetLimits, type DeploymentContext } from '../expr/context.js';
import { ObjectValue, Unknown, type UnknownReason, type Value } from '../expr/value.js';
import { partialString } from '../expr/ops.js';
import { at } from '../expr/located.js';
import { describeId, fullType, idValue, parseResourceId, relativeKey, sameScope, segmentKey, segmentText, subscriptionOf, type Segment } from './resource-id.js';
import { loadJson, type LoadLimits } from '../load/arm-json.js';
import { classifyJson } from '../load/classify.js';
import { NO_SUCH_FILE, isInsideRoot, isUnder, outsideRootReason, readSourceInside, unreadFileMessage, widerRootHint, type ReadLimits } from '../load/read.js';
import { isListAction } from '../expr/check.js';
import { isExpressionString } from '../expr/parser.js';
import { linkedBesideTemplate } from '../expr/template-link.js';
import { readableSymbol } from '../expr/symbol-text.js';
import { existsListed } from '../discover/folder-listings.js';
import { REPRESENTATIVE_INDEX, bodyUnderEvaluation, collectingImplicitDependencies, deploymentLabel, noteImplicitDependency, type DeployedResource, type DeploymentUnit, type NotDeployed, type ScopeKind, type TargetScope } from './model.js';
import { DEPLOYMENTS, ResourceExpander } from './resources.js';
import type { ResourceLoop } from './evaluator.js';
import { CreatedGroupValue, OutputsValue, TemplateScope, type SuppliedParameter, type SuppliedSource, type TemplateScopeOptions } from './scope.js';
import { ownParametersFile } from './parameters.js';
import type { LoopInstance } from './access-path.js';
import { existingView, runtimeView } from './runtime.js';
import { readOnlyType } from './read-only-types.js';
import { TemplateChecker, resourcesBySymbol, undeclaredSymbol } from './check-template.js';

export interface DeployOptions {
  deployment: DeploymentContext;
  /** Parameter values for the root template. */
  parameters?: Map<string, SuppliedParameter>;
  /** Linked templates (templateLink.relativePath) are read only inside this folder. */
  root?: string;
  maxResources?: number;
  /** Deepest nesting of deployments and modules. */
  maxDeploymentDepth?: number;
  /** Nested deployments (and module instances) analysed in all, each copy counted. */
  maxDeployments?: number;
  limits?: Partial<BudgetLimits>;
  /** File size and JSON nesting limits for linked templates. */
  fileLimits?: ReadLimits & LoadLimits;
  /**
   * Check every expression of the ARM JSON files (check-template.ts), also those no rule makes
   * evaluated (default true). Off when the config turns `evaluation-error`, the only rule its
   * errors go to, off: the walk over every expression was ~15% of linting 1,000 expanded VMs.
   */
  checkExpressions?: boolean;
}

export interface DeployResult {
  unit: DeploymentUnit;
  resources: DeployedResource[];
  /** Declarations whose condition is false. */
  notDeployed: NotDeployed[];
  diagnostics: Diagnostic[];
  /** The root template's scope (parameters, variables, outputs). */
  scope: TemplateScope | undefined;
  /**
   * The linked template files (templateLink.relativePath, inside the root; absolute) its nested
   * deployments declare, nested ones included, whether or not they are deployed with these values:
   * a linked template under a false condition, or in an empty copy loop, is still this template's.
   */
  linkedTemplates: readonly string[];
  /**
   * Supplied parameter values (parameters files, .bicepparam, module parameters) an expression was
   * computed from; a module parameter is followed by where its parent's value came from in turn.
   * With `unit` (the deployment of the resource a finding is about) and a span in that unit's
   * template, only what that deployment supplied: a module declared twice (`vm1`, `vm2` of one
   * vm.bicep) evaluates the same span with each entry's values, and a finding about `vm1.vm`
   * comes from `vm1`'s alone.
   * `loop`: the copy-loop instance of the resource whose declaration `span` is in (with `unit`),
   * for an expression that reads one entry of a parameter's value by copyIndex().
   */
  suppliedSourcesAt(span: Span, unit?: DeploymentUnit, loop?: LoopInstance): SuppliedSource[];
  /**
   * Whether evaluation has run out of steps (limit maxEvaluationSteps) by now. Resource bodies
   * are evaluated when rules read them, so this can become true while the rules run.
   */
  evaluationStopped(): boolean;
  /**
   * Evaluates every variable of every deployment's template, read or not (see evaluateEveryBody):
   * ARM evaluates the whole variables section of each template it deploys.
   */
  checkVariables(): void;
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

/** The parameters a template requires (no defaultValue, not nullable) that `supplied` gives no value (names compared case-insensitively, as ARM does). */
function missingRequired(scope: TemplateScope, supplied: ReadonlyMap<string, SuppliedParameter> | undefined): string[] {
  const given = new Set([...(supplied?.keys() ?? [])].map((n) => n.toLowerCase()));
  return scope.requiredParameterNames().filter((n) => !given.has(n.toLowerCase()));
}

/** A scope segment known only at deployment, in whole or in part (a nested deployment's `[parameters('rg')]`, `'${rg}-spoke'`), as one value. */
function unknownSegment(s: Segment): Unknown | undefined {
  if (s.length === 1) return s[0] instanceof Unknown ? s[0] : undefined;
  const v = s.some((p) => p instanceof Unknown) ? partialString(s) : undefined;
  return v instanceof Unknown ? v : undefined;
}

/** A resource group in a symbol: its name quoted, or the comparison key of its unknown name. */
function groupLabel(s: Segment): string {
  const text = segmentText(s);
  return text !== undefined ? `'${text}'` : segmentKey(s);
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

/** Everything deployed from one root template, nested deployments included. */
/**
 * How deep reference() views nest (a resource read whose declaration reads another resource,
 * and so on; see Deployment.runtime). Each level takes some stack: this many stay well inside
 * the smallest stack vtaplint runs with (about 170 levels of nested deployments fit).
 */
const MAX_REFERENCE_NESTING = 64;

const RESOURCE_GROUPS_TYPE = 'microsoft.resources/resourcegroups';

export class Deployment {
  readonly resources: DeployedResource[] = [];
  readonly notDeployed: NotDeployed[] = [];
  readonly diagnostics = new DiagnosticSink();
  readonly budget: Budget;
  private readonly byRelative = new Map<string, DeployedResource[]>();
  /**
   * The resource groups among `resources`: each nested deployment into a resource group looks for
   * the group's location among them (createdGroup), and scanning every resource for
   * that made a template with many nested deployments quadratic.
   */
  private readonly groups: DeployedResource[] = [];
  private readonly unitScopes = new Map<DeploymentUnit, TemplateScope>();
  /**
   * The symbolic names of each unit whose template is languageVersion 2.0 and evaluated in its own
   * scope, with the counts of its copy loops as evaluated (see symbolProblem).
   */
  private readonly symbolTables = new Map<DeploymentUnit, { bySymbol: Map<string, TObject>; counts: Map<string, number> }>();
  /**
   * The scope each nested deployment's template is evaluated in, and for an outer-scope inline
   * template the outputs section reference(...).outputs reads (null when it declares none; absent:
   * the scope's own template's outputs).
   */
  private readonly nestedScopes = new Map<DeployedResource, { scope: TemplateScope; unit: DeploymentUnit; outputs?: Located | null }>();
  private readonly views = new Map<string, Value>();
  /** Deployments whose template is linked by URI (never fetched): where from, for what reference() of them says. */
  private readonly unfetched = new Map<DeployedResource, string>();
  /** The templateLinks (by span) whose web address has been reported as not followed. */
  private readonly webLinksNoted = new Set<string>();
  private readonly busy = new Set<DeployedResource>();
  /** Set once the reference nesting limit was reported (see runtime). */
  private referenceNestingCut = false;
  /** Set once the root template's own resources are all expanded (see undeclaredReferenceName). */
  private rootExpanded = false;
  /** Nested deployments of a template being expanded that are not deployed yet (see expand). */
  private readonly pendingNested = new Map<DeployedResource, { unit: DeploymentUnit; scope: TemplateScope }>();
  /** See DeployResult.linkedTemplates. */
  private readonly linkedTemplates = new Set<string>();
  /** Where the root template is deployed (what the config's deployment context describes). */
  private rootTarget: TargetScope | undefined;
  /** Linked template files read so far, by absolute path (see loadLinked). */
  private readonly linkedFiles = new Map<string, { source: SourceText; loaded: ReturnType<typeof loadJson> } | { error: string }>();
  /** Nested deployments analysed so far (see DeployOptions.maxDeployments). */
  private deploymentCount = 0;
  /**
   * Limits reported so far: each is reported once per template with everything it deploys, where
   * it was first hit. (A template fanned out through modules hits it once per instance: tens of
   * thousands of identical findings otherwise.)
   */
  private readonly limitsReported = new Set<'maxResources' | 'maxDeploymentDepth' | 'maxDeployments'>();

  constructor(private readonly opts: DeployOptions) {
    this.budget = new Budget(opts.limits);
  }

  deployRoot(source: SourceText, root: TNode | undefined, span: Span): DeployResult {
    const unit: DeploymentUnit = {
      file: source,
      scope: rootScope(isTObject(root) ? scopeKindOf(root) : 'resourceGroup', this.opts.deployment, span),
      depth: 0,
    };
    this.rootTarget = unit.scope;
    const evaluationStopped = (): boolean => this.budget.exhausted;
    if (!isTObject(root)) return { unit, resources: [], notDeployed: [], diagnostics: this.diagnostics.items, scope: undefined, linkedTemplates: [], suppliedSourcesAt: () => [], evaluationStopped, checkVariables: () => undefined };
    const scope = this.newScope(root, span, unit, { ...this.opts.deployment, scopeKind: unit.scope.kind }, this.opts.parameters);
    // A -p value has no place of its own: its error is placed at the template's parameters.
    const parametersAt = isTObject(root.parameters) ? span.keySpan(root, 'parameters') : span;
    this.checkSupplied(scope, this.opts.parameters, "the template's parameters file", undefined, undefined, parametersAt);
    this.checkOwnFileComplete(scope);
    this.checkExpressions(source, root, span);
    this.expand({ node: root, span }, unit, scope);
    this.rootExpanded = true;
    qualifySharedDisplayNames(this.resources);
    nameExistingLoopInstances(this.resources);
    this.reportDuplicates();
    this.reportReadOnlyTypes();
    // ARM evaluates the outputs once the resources have deployed: an output that fails then (a
    // division by zero, a property a known object does not have, a value of another type than
    // declared) fails the deployment. Evaluated here, once (the scope keeps them for `eval`).
    scope.outputs();
    return {
      unit,
      resources: this.resources,
      notDeployed: this.notDeployed,
      diagnostics: this.diagnostics.items,
      scope,
      linkedTemplates: [...this.linkedTemplates],
      suppliedSourcesAt: (span, of, loop) => {
        const own = of ? this.unitScopes.get(of) : undefined;
        return own?.holds(span) ? own.suppliedSourcesAt(span, loop) : [...new Set(this.unitScopes.values())].flatMap((s) => s.suppliedSourcesAt(span));
      },
      evaluationStopped,
      checkVariables: () => {
        // A nested template in the outer scope shares its parent's scope: each scope once.
        for (const s of new Set(this.unitScopes.values())) s.evaluateEveryVariable(evaluationStopped);
      },
    };
  }

  /**
   * A declaration that deploys a read-only resource type (a load balancer's loadBalancingRules
   * as a resource of its own): Azure cannot create it, and the deployment fails at it. Once per
   * declaration (a copy loop's instances share it); `existing` declarations only read.
   */
  private reportReadOnlyTypes(): void {
    const seen = new Set<string>();
    for (const r of this.resources) {
      if (r.existing) continue;
      const t = readOnlyType(r.type, r.apiVersion);
      if (!t) continue;
      const at = r.typeSpan.identity();
      if (seen.has(at)) continue;
      seen.add(at);
      const message = t.writableFrom
        ? `The resource type '${r.type}' is read-only before API version ${t.writableFrom} (this declaration uses ${r.apiVersion ?? ''}): Azure cannot create it, so the deployment fails at '${r.plainDisplayName}'. Use API version ${t.writableFrom} or later, or declare it as ${t.instead}.`
        : `The resource type '${r.type}' is read-only: Azure cannot create it, so the deployment fails at '${r.plainDisplayName}'. Declare it as ${t.instead}.`;
      this.diagnostics.add({
        code: 'invalid-template',
        message,
        span: r.typeSpan,
      });
    }
  }

  /**
   * ARM rejects a template that defines one resource twice ("The resource '...' is defined
   * multiple times in a template"): two declarations of one template (a nested deployment or
   * module is a template of its own) with the same id, both deployed. One that may not be
   * deployed (a condition known only at deployment) is not counted: Bicep and ARM allow
   * duplicates of which at most one is unconditional.
   */
  private reportDuplicates(): void {
    // By template (its deploying resource, undefined for the root), then by id: no key strings
    // made per resource.
    const byTemplate = new Map<DeployedResource | undefined, Map<string, DeployedResource>>();
    // Two copy loops that make the same names collide at every instance: one mistake, reported
    // once per pair of declarations (with the first name and how many more), not once per copy.
    const pairs = new Map<string, { r: DeployedResource; earlier: DeployedResource; keys: Set<string> }>();
    for (const r of this.resources) {
      if (r.existing || r.state !== 'deployed') continue;
      let first = byTemplate.get(r.unit.parent);
      if (!first) byTemplate.set(r.unit.parent, (first = new Map()));
      const earlier = first.get(r.key);
      if (!earlier) {
        first.set(r.key, r);
        continue;
      }
      const pairKey = `${r.nameSpan.identity()}\u0000${earlier.nameSpan.identity()}`;
      const pair = pairs.get(pairKey);
      if (pair) pair.keys.add(r.key);
      else pairs.set(pairKey, { r, earlier, keys: new Set([r.key]) });
    }
    for (const { r, earlier, keys } of pairs.values()) {
      const what = `${r.type}/${typeof r.name === 'string' ? r.name : r.displayName}`;
      const more = keys.size > 1 ? ` (and ${keys.size - 1} more ${keys.size === 2 ? 'name' : 'names'} of these copies)` : '';
      this.diagnostics.add({
        code: 'invalid-template',
        message: `The resource '${what}'${more} is defined multiple times in a template (also at line ${earlier.nameSpan.region().start.line}); ARM rejects the deployment: remove one of them or give them different names.`,
        span: r.nameSpan,
      });
    }
  }

  private newScope(
    root: TObject,
    span: Span,
    unit: DeploymentUnit,
    deployment: DeploymentContext,
    parameters: Map<string, SuppliedParameter> | undefined,
    parent?: TemplateScope,
    unreadValues?: TemplateScopeOptions['unreadValues'],
  ): TemplateScope {
    const scope = new TemplateScope(root, span, {
      parameters,
      unreadValues,
      // A parameter the parent passes in: where the parent's value came from (asked lazily).
      // The parent's expressions there are evaluated in the deploying instance's copy loop.
      upstream: parent ? (at) => parent.suppliedSourcesIn(at, undefined, unit.parent?.copy) : undefined,
      symbolPrefix: unit.parent ? `deployment#${unit.parent.index}:` : '',
      deployment,
      diagnostics: this.diagnostics,
      budget: this.budget,
      runtime: (fn, args, at) => this.runtime(unit, fn, args, at),
    });
    this.unitScopes.set(unit, scope);
    // ARM checks every value given to a parameter (type, allowedValues, bounds) before it deploys
    // anything, also for parameters the template never reads: each is looked at now.
    for (const name of parameters?.keys() ?? []) scope.parameterInfo(name);
    // So is a default, when it is the value (a parameter given no value): also looked at now.
    for (const name of scope.parameterNames()) scope.parameterInfo(name);
    return scope;
  }

  /**
   * Every expression of an ARM JSON file, also those no rule makes evaluated (check-template.ts).
   * Bicep reports its own syntax and names, and what it lowers to is not ARM JSON text.
   */
  private checkExpressions(source: SourceText, root: TObject, span: Span): void {
    if (source.kind !== 'arm' || this.opts.checkExpressions === false) return;
    new TemplateChecker(this.diagnostics, this.budget.parseLimits, this.opts.maxDeploymentDepth ?? 16).template(root, span, 'own');
  }

  private expand(template: Located<TObject>, unit: DeploymentUnit, scope: TemplateScope): void {
    const expander = new ResourceExpander(
      scope,
      unit,
      {
        maxResources: this.opts.maxResources ?? 50_000,
        maxCopyCount: this.budget.limits.maxCopyCount,
        // The budget is the whole deployment's: reported once, by the expander that spends it.
        onResourceLimit: () => this.firstTime('maxResources'),
      },
      this.resources.length,
    );
    const section = own(template.node, 'resources');
    if (isTObject(section) && scope.template?.node === template.node) this.symbolTables.set(unit, { bySymbol: resourcesBySymbol(section), counts: expander.loopCounts });
    expander.expandTemplate(template);
    pushAll(this.notDeployed, expander.notDeployed);
    for (const r of expander.resources) this.register(r);
    // Declaration order is not deployment order: a module declared before the module whose outputs
    // it reads (Microsoft's vTAP lab passes `vtapvm.outputs.tapId` to a VM module declared above
    // `vtapvm`) is deployed by ARM after it. Each nested deployment waits here, and one whose
    // outputs are read before its turn is deployed then (outputsOf).
    const nested = expander.resources.filter((r) => r.type.toLowerCase() === DEPLOYMENTS && !r.existing);
    for (const r of nested) this.pendingNested.set(r, { unit, scope });
    for (const r of nested) this.deployPending(r);
    for (const u of expander.undeployedDeployments) this.declareUndeployed(u.decl, u.loop, unit, scope);
  }

  /**
   * A nested deployment that deploys nothing with these values: the template it links to is
   * recorded, not deployed. Only its relativePath is evaluated, and only when it is an expression
   * (usually it is a literal); one that cannot be evaluated is skipped, its errors dropped (ARM
   * does not evaluate it either). An inline template is searched for links as written.
   */
  private declareUndeployed(decl: Located<TObject>, loop: ResourceLoop | undefined, unit: DeploymentUnit, scope: TemplateScope): void {
    const props = childOf(decl, 'properties');
    if (!props || !isTObject(props.node)) return;
    const inline = ownProp(props.node, 'template');
    if (isTObject(inline)) {
      this.declareLinkedIn(inline, unit.file.path);
      return;
    }
    const link = childOf(props as Located<TObject>, 'templateLink');
    const rel = link && isTObject(link.node) ? childOf(link as Located<TObject>, 'relativePath') : undefined;
    if (!rel) return;
    let value = literalText(rel.node);
    if (value === undefined) {
      const mark = this.diagnostics.mark();
      const v = scope.evaluateNode(rel.node, rel.span, loop);
      this.diagnostics.rollBack(mark);
      if (typeof v === 'string') value = v;
    }
    if (value !== undefined) this.declareLinkedFile(path.resolve(path.dirname(unit.file.path), value));
  }

  /** The links of a template as written (literal relativePaths), inline nested templates included; keys in any case, as ARM reads them. */
  private declareLinkedIn(template: TObject, file: string): void {
    const section = ownProp(template, 'resources');
    const decls = Array.isArray(section) ? section : isTObject(section) ? Object.values(section) : [];
    for (const d of decls) {
      if (!isTObject(d)) continue;
      const type = ownProp(d, 'type');
      const props = ownProp(d, 'properties');
      if (typeof type !== 'string' || type.toLowerCase() !== DEPLOYMENTS || !isTObject(props)) continue;
      const inline = ownProp(props, 'template');
      const link = ownProp(props, 'templateLink');
      if (isTObject(inline)) this.declareLinkedIn(inline, file);
      const rel = isTObject(link) ? literalText(ownProp(link, 'relativePath')) : undefined;
      if (rel !== undefined) this.declareLinkedFile(path.resolve(path.dirname(file), rel));
    }
  }

  /** A linked template no deployment here deploys: recorded, and read for its own links in turn. */
  private declareLinkedFile(target: string): void {
    const root = this.opts.root;
    if (this.linkedTemplates.has(target) || !root || !isInsideRoot(target, root)) return;
    this.linkedTemplates.add(target);
    const read = readSourceInside(target, 'arm', root, this.opts.fileLimits);
    if (!read.ok) return;
    const loaded = loadJson(read.source, this.opts.fileLimits);
    if (isTObject(loaded.root)) this.declareLinkedIn(loaded.root, target);
  }

  /** True the first time a limit is hit in this deployment. */
  private firstTime(limit: 'maxResources' | 'maxDeploymentDepth' | 'maxDeployments'): boolean {
    if (this.limitsReported.has(limit)) return false;
    this.limitsReported.add(limit);
    return true;
  }

  private register(r: DeployedResource): void {
    this.resources.push(r);
    if (r.type.length === RESOURCE_GROUPS_TYPE.length && r.type.toLowerCase() === RESOURCE_GROUPS_TYPE) this.groups.push(r);
    const k = relativeKey(r.id);
    const list = this.byRelative.get(k);
    if (list) list.push(r);
    else this.byRelative.set(k, [r]);
  }

  /**
   * When linked templates (templateLink.relativePath) deploy each other, the cycle that led to
   * `unit`, innermost file first found again: a.json -> b.json -> a.json. Said with the depth
   * limit it hits, which otherwise gave no reason for the depth. Inline nested deployments (one
   * file) make no cycle.
   */
  private linkCycle(unit: DeploymentUnit): string {
    const files: string[] = [];
    for (let u: DeploymentUnit | undefined = unit; u; u = u.parent?.unit) {
      const props = u.parent ? childOf(u.parent.decl, 'properties') : undefined;
      if (!u.parent || (props && isTObject(props.node) && own(props.node, 'templateLink') !== undefined)) files.push(u.file.path);
    }
    const again = files.indexOf(files[0] as string, 1);
    if (again < 0) return '';
    const root = this.opts.root;
    const shown = files.slice(0, again + 1).reverse().map((f) => (root ? path.relative(root, f).split(path.sep).join('/') : path.basename(f)));
    return `: the linked templates deploy each other in a cycle (${shown.join(' -> ')}), which only a condition or a copy count of 0 can end`;
  }

  /** A Microsoft.Resources/deployments resource: its inline or linked template becomes a unit. */
  private deployNested(dep: DeployedResource, parent: DeploymentUnit, parentScope: TemplateScope): void {
    const props = childOf(dep.decl, 'properties');
    if (!props || !isTObject(props.node)) return;
    const p = props as Located<TObject>;
    const maxDepth = this.opts.maxDeploymentDepth ?? 16;
    // Without a template there is nothing to analyse: a Bicep module too deep was not loaded (the
    // loader reported it at the module's path), a templateLink.uri is never fetched.
    const hasTemplate = childOf(p, 'template') !== undefined || childOf(p, 'templateLink') !== undefined;
    if (parent.depth + 1 > maxDepth) {
      if (hasTemplate && this.firstTime('maxDeploymentDepth')) {
        this.diagnostics.add({
          code: 'limit-exceeded',
          message: `deployments are nested more than ${maxDepth} levels deep; '${dep.displayName}' is not analysed (limit maxDeploymentDepth)${this.linkCycle(parent)}`,
          span: dep.span,
        });
      }
      return;
    }
    // Each instance is a template evaluated anew, and nesting multiplies instances: the depth and
    // a loop's count bound neither the total nor the work, this budget does.
    const maxDeployments = this.opts.maxDeployments ?? 5000;
    if (hasTemplate && this.deploymentCount >= maxDeployments) {
      if (this.firstTime('maxDeployments')) {
        this.diagnostics.add({
          code: 'limit-exceeded',
          message: `more than ${maxDeployments} nested deployments and module instances; '${dep.displayName}' and the rest are not analysed (limit maxDeployments)`,
          span: dep.span,
        });
      }
      return;
    }
    if (hasTemplate) this.deploymentCount++;
    const body = dep.body.get('properties');
    const evaluated = body instanceof ObjectValue ? body : new ObjectValue();
    const unit: DeploymentUnit = {
      file: parent.file,
      scope: this.nestedScope(parent.scope, dep),
      parent: dep,
      depth: parent.depth + 1,
    };
    this.checkDeploymentLocation(dep, unit.scope);
    const inline = childOf(p, 'template');
    if (inline && isTObject(inline.node)) {
      const innerOption = evaluated.get('expressionEvaluationOptions');
      const inner = innerOption instanceof ObjectValue && String(innerOption.get('scope')).toLowerCase() === 'inner';
      if (inner) {
        const supplied = this.suppliedFrom(evaluated);
        const scope = this.newScope(inline.node, inline.span, unit, this.contextFor(unit), supplied, parentScope, parametersLink(evaluated, dep) ?? openParameters(evaluated));
        this.checkPassed(dep, parent, evaluated, scope, supplied);
        this.nestedScopes.set(dep, { scope, unit });
        this.expand(inline as Located<TObject>, unit, scope);
      } else {
        // Outer scope: the nested template's expressions see the parent's parameters and variables.
        // Its outputs are still its own (not the parent's), evaluated in the parent's scope.
        this.unitScopes.set(unit, parentScope);
        this.nestedScopes.set(dep, { scope: parentScope, unit, outputs: childOf(inline as Located<TObject>, 'outputs') ?? null });
        this.expand(inline as Located<TObject>, unit, parentScope);
      }
      return;
    }
    const link = evaluated.get('templateLink');
    if (!(link instanceof ObjectValue)) return;
    const rel = link.get('relativePath');
    const uri = link.get('uri') ?? link.get('id');
    if (typeof rel === 'string') {
      this.deployLinked(dep, unit, rel, link.entry('relativePath')?.span ?? dep.span, evaluated, parentScope, link);
      return;
    }
    // uri(deployment().properties.templateLink.uri, 'nestedtemplates/x.json'), often through an
    // _artifactsLocation parameter: the file beside the template that called deployment().
    const beside = uri === undefined ? undefined : linkedBesideTemplate(uri);
    // A guessed file name (a SAS token after it) only when the file is there.
    if (beside && (!beside.guessed || this.besideExists(path.resolve(path.dirname(beside.template), beside.rel)))) {
      this.deployLinked(dep, unit, beside.rel, link.entry('uri')?.span ?? dep.span, evaluated, parentScope, link, path.dirname(beside.template));
      return;
    }
    const where = linkDescription(uri);
    this.unfetched.set(dep, where);
    const span = link.entry('uri')?.span ?? link.entry('id')?.span ?? dep.span;
    const local = this.webLinkedFileHere(uri, unit);
    if (local !== undefined) {
      // Once for the link: the instances of a copy loop share it.
      const key = span.identity();
      if (this.webLinksNoted.has(key)) return;
      this.webLinksNoted.add(key);
      const copy = ownProp(dep.decl.node, 'copy');
      const loop = copy !== undefined && isTObject(copy) ? own(copy, 'name') : undefined;
      const who = copy === undefined ? `deployment '${dep.displayName}'` : typeof loop === 'string' ? `the deployments of copy loop '${loop}'` : `the deployments of the copy loop of '${dep.displayName}'`;
      // A web address of the repository the template lives in (a literal _artifactsLocation, in a
      // default or a parameters file): the file is in the lint, and is linted alone without the
      // values passed here. Said once here, where the reason is, and not only as an unknown.
      this.diagnostics.add({
        code: 'invalid-template',
        level: 'note',
        message: `the template of ${who} is linked from the web address ${where}, which vtaplint never fetches (it does not reach the network): what it deploys is not checked with the values this deployment passes, and '${local}' here, which the address seems to name, is linted on its own, without them; to lint it through this deployment, build the link from deployment().properties.templateLink.uri (as the quickstarts' _artifactsLocation default, '[deployment().properties.templateLink.uri]', does) or link it with relativePath`,
        span,
      });
      return;
    }
    this.diagnostics.add({ code: 'note', message: `the template of deployment '${dep.displayName}' is linked from ${where} and is never fetched: the resources it deploys are not analysed`, span });
  }

  /**
   * The file inside the lint root, beside the template, that a web address (http, https) names
   * by the end of its path ('https://raw.githubusercontent.com/o/r/main/nestedtemplates/tap.json':
   * 'nestedtemplates/tap.json' beside it), the longest such end, relative to the template's folder.
   */
  private webLinkedFileHere(uri: Value | undefined, unit: DeploymentUnit): string | undefined {
    const address = knownAddress(uri);
    if (address === undefined || !/^https?:\/\//i.test(address)) return undefined;
    let segments: string[];
    try {
      segments = new URL(address).pathname.split('/').filter((x) => x !== '').map((x) => decodeURIComponent(x));
    } catch {
      return undefined;
    }
    if (!/\.json$/i.test(segments[segments.length - 1] ?? '')) return undefined;
    const folder = path.dirname(unit.file.path);
    for (let i = 0; i < segments.length; i++) {
      const rel = segments.slice(i).join('/');
      const target = path.resolve(folder, rel);
      if (target !== path.resolve(unit.file.path) && this.besideExists(target)) return rel;
    }
    return undefined;
  }

  /**
   * A deployment at subscription, management group or tenant scope has no resource group whose
   * location it could take: ARM rejects one without a `location` ("The 'location' property must
   * be specified for the deployment"). Only ARM JSON is checked: the Bicep compiler writes a
   * location for every module deployed at such a scope.
   */
  private checkDeploymentLocation(dep: DeployedResource, target: TargetScope): void {
    if (target.kind === 'resourceGroup' || dep.span.file.kind !== 'arm' || ownProp(dep.decl.node, 'location') !== undefined) return;
    // A `scope` that names something else than a management group or the tenant (a resource, for
    // an extension-scope deployment) is not worked out as a scope here: nothing is said of it.
    if (ownProp(dep.decl.node, 'scope') !== undefined && target.kind === 'subscription') return;
    const where = target.kind === 'managementGroup' ? 'a management group' : target.kind === 'tenant' ? 'the tenant' : 'a subscription';
    this.diagnostics.add({
      code: 'invalid-template',
      message: `The 'location' property must be specified for the deployment '${dep.plainDisplayName}': it deploys to ${where}, not to a resource group, so ARM needs a location to store its data; ARM rejects the deployment (InvalidDeployment): add a "location" to it.`,
      span: dep.nameSpan,
    });
  }

  /**
   * Whether a file inside the lint root exists (nothing outside it is looked at). Asked of the
   * discovery's listings before links are resolved (an lstat per path): a web address is tried
   * suffix by suffix (webLinkedFileHere), and nearly every suffix names no file.
   */
  private besideExists(target: string): boolean {
    const root = this.opts.root;
    if (root === undefined) return false;
    const abs = path.resolve(target);
    // Outside the root as written, only isInsideRoot looks at it (through a link, it may be inside).
    if (!isUnder(abs, path.resolve(root))) return isInsideRoot(abs, root) && existsListed(abs);
    return existsListed(abs) && isInsideRoot(abs, root);
  }

  /** templateLink.relativePath: a file next to the parent template, read only inside the lint root. */
  private deployLinked(dep: DeployedResource, unit: DeploymentUnit, rel: string, span: Span, evaluated: ObjectValue, parentScope: TemplateScope, link: ObjectValue, base = path.dirname(unit.file.path)): void {
    const target = path.resolve(base, rel);
    const root = this.opts.root;
    if (!root || !isInsideRoot(target, root)) {
      // As for a Bicep module outside the root: a finding, since what it deploys is not checked.
      this.diagnostics.add({
        code: 'invalid-template',
        message: `the linked template '${rel}' of deployment '${dep.displayName}' is outside the folder being linted and is not read${root ? linkOut(target, root) : ''}${root && !outsideRootReason(target, root).startsWith('it leads') ? widerRootHint(target, root) : ''}`,
        span,
      });
      return;
    }
    // ARM deploys JSON: a Bicep file linked by its path was read as JSON, and its first line
    // reported as invalid JSON in a file that is fine Bicep.
    const bicep = /\.bicep$/i.test(target) ? 'a Bicep file' : /\.bicepparam$/i.test(target) ? 'a Bicep parameters file' : undefined;
    if (bicep) {
      const how = bicep === 'a Bicep file' ? " (compile it with 'bicep build', or deploy it as a module of a Bicep file)" : '';
      this.diagnostics.add({ code: 'invalid-template', message: `the linked template '${rel}' of deployment '${dep.displayName}' is ${bicep}: ARM deploys JSON templates${how}`, span });
      return;
    }
    const linked = this.loadLinked(target, root);
    if ('error' in linked) {
      this.diagnostics.add({ code: 'invalid-template', message: unreadFileMessage('linked template', rel, linked.error), span, ...(linked.error === NO_SUCH_FILE ? { missingFile: path.resolve(target) } : {}) });
      return;
    }
    if (classifyJson(linked.loaded.root) === 'parameters') {
      this.diagnostics.add({ code: 'invalid-template', message: `the linked template '${rel}' of deployment '${dep.displayName}' is an ARM parameters file, not a template`, span });
      return;
    }
    // Its parent's, even when nothing in it is deployed with these values.
    this.linkedTemplates.add(target);
    const { source, loaded } = linked;
    if (!isTObject(loaded.root)) return;
    this.checkContentVersion(link, loaded.root, rel, span);
    const linkedUnit: DeploymentUnit = { ...unit, file: source };
    const supplied = this.suppliedFrom(evaluated);
    const scope = this.newScope(loaded.root, loaded.span, linkedUnit, this.contextFor(linkedUnit), supplied, parentScope, parametersLink(evaluated, dep) ?? openParameters(evaluated));
    this.checkPassed(dep, unit, evaluated, scope, supplied);
    this.nestedScopes.set(dep, { scope, unit: linkedUnit });
    this.expand({ node: loaded.root, span: loaded.span }, linkedUnit, scope);
  }

  /**
   * templateLink.contentVersion, when given, must be the linked template's contentVersion: ARM
   * rejects the deployment otherwise (the link pins the version of the template it deploys).
   */
  private checkContentVersion(link: ObjectValue, template: TObject, rel: string, fallback: Span): void {
    const pinned = link.get('contentVersion');
    const actual = own(template, 'contentVersion');
    if (typeof pinned !== 'string' || typeof actual !== 'string' || pinned === actual) return;
    this.diagnostics.add({
      code: 'invalid-template',
      message: `templateLink.contentVersion is '${pinned}', but the linked template '${rel}' has contentVersion '${actual}'; ARM rejects the deployment: the two must match (or leave contentVersion out of the link).`,
      span: link.entry('contentVersion')?.span ?? fallback,
    });
  }

  /**
   * A linked template file, read, parsed and checked once per deployment: a file linked from a
   * copy loop, or from templates that are themselves deployed many times, is one file (its syntax
   * errors are reported once), however many instances deploy it.
   */
  private loadLinked(target: string, root: string): { source: SourceText; loaded: ReturnType<typeof loadJson> } | { error: string } {
    const hit = this.linkedFiles.get(target);
    if (hit) return hit;
    const read = readSourceInside(target, 'arm', root, this.opts.fileLimits);
    let out: { source: SourceText; loaded: ReturnType<typeof loadJson> } | { error: string };
    if (!read.ok) out = { error: read.diagnostic.message };
    else {
      const loaded = loadJson(read.source, this.opts.fileLimits);
      for (const d of loaded.diagnostics) this.diagnostics.add(d);
      if (isTObject(loaded.root)) this.checkExpressions(read.source, loaded.root, loaded.span);
      out = { source: read.source, loaded };
    }
    this.linkedFiles.set(target, out);
    return out;
  }

  /** Parameter values a nested deployment passes in (properties.parameters.<name>.value). */
  private suppliedFrom(props: ObjectValue): Map<string, SuppliedParameter> {
    const out = new Map<string, SuppliedParameter>();
    const params = props.get('parameters');
    if (!(params instanceof ObjectValue)) return out;
    // Values a template passes reach ARM as they are (see SuppliedParameter.typeChecked): a Bicep
    // module's too (the compiler checks their types, and ARM checks them again).
    for (const e of params.located()) {
      const given = { keySpan: e.keySpan, mustBeDeclared: true, typeChecked: true };
      // A whole entry only known at deployment ("[if(c, createObject('value', a), createObject('value', b))]",
      // as older Bicep writes a conditional module parameter): its value is unknown too.
      if (e.value instanceof Unknown) {
        out.set(e.key, { value: new Unknown(e.value.reason, e.value.type === 'object' ? undefined : e.value.type), span: e.span, ...given });
        continue;
      }
      if (!(e.value instanceof ObjectValue)) continue;
      if (e.value.has('reference')) {
        out.set(e.key, {
          value: new Unknown({ code: 'secure', message: `the parameter '${e.key}' is a Key Vault reference (never resolved or shown)`, span: e.span }),
          span: e.span,
          ...given,
        });
      } else if (e.value.has('value')) {
        out.set(e.key, { value: e.value.get('value') as Value, span: e.value.entry('value')?.span ?? e.span, ...given });
      }
    }
    return out;
  }

  /**
   * ARM validates the parameters a deployment passes before it deploys anything: a value for a
   * parameter the template does not declare is rejected ("The template parameters '...' are not
   * valid; they are not present in the original template"), and so is a declared parameter
   * without a defaultValue that gets no value ("The value for the template parameter '...' is not
   * provided", `required`). Only values that must be declared are checked (see
   * SuppliedParameter.mustBeDeclared).
   */
  private checkSupplied(
    scope: TemplateScope,
    supplied: Map<string, SuppliedParameter> | undefined,
    by: string,
    required: Span | undefined,
    passIn = 'properties.parameters',
    commandLineAt?: Span,
  ): void {
    const declared = new Set(scope.parameterNames().map((n) => n.toLowerCase()));
    for (const [name, p] of supplied ?? []) {
      if (!p.mustBeDeclared || declared.has(name.toLowerCase())) continue;
      const fromCommandLine = (p.text !== undefined || p.inline === true) && p.keySpan === undefined && p.span === undefined;
      const span = fromCommandLine ? commandLineAt : (p.keySpan ?? p.span);
      if (!span) continue;
      this.diagnostics.add({
        code: 'invalid-template',
        message: `${fromCommandLine ? (p.inline ? 'the inline --parameters JSON' : `-p ${name}`) : by} gives a value for the parameter '${name}', which the template does not declare${declaredList(scope.parameterNames())}; ARM rejects the deployment ("not present in the original template and can therefore not be provided"): ${fromCommandLine ? 'correct the name or leave it out' : 'remove it or declare it'}.`,
        span,
      });
    }
    if (!required) return;
    const missing = missingRequired(scope, supplied);
    if (missing.length === 0) return;
    this.diagnostics.add({
      code: 'invalid-template',
      message: `${by} gives no value for the template parameter${missing.length > 1 ? 's' : ''} ${missing.map((n) => `'${n}'`).join(', ')}, which ${missing.length > 1 ? 'have' : 'has'} no defaultValue; ARM rejects the deployment ("The value for the template parameter ... is not provided"): pass ${missing.length > 1 ? 'them' : 'it'} in ${passIn}.`,
      span: required,
    });
  }

  /**
   * A required parameter (no defaultValue, not nullable) that the template's own parameters file
   * and the rest of the run's values leave out: the deployment stops unless it is given another
   * way. The Azure CLI asks for it in a terminal and fails without one ("Missing input
   * parameters"); a secret is often left out of the file on purpose, so this is a note.
   */
  private checkOwnFileComplete(scope: TemplateScope): void {
    const at = ownParametersFile(this.opts.parameters);
    if (!at) return;
    const missing = missingRequired(scope, this.opts.parameters);
    if (missing.length === 0) return;
    const list = missing.map((n) => `'${n}'`).join(', ');
    this.diagnostics.add({
      code: 'invalid-template',
      level: 'note',
      message: `the parameters file gives no value for the required parameter${missing.length > 1 ? 's' : ''} ${list} (no defaultValue): the deployment stops unless ${missing.length > 1 ? 'they are' : 'it is'} given another way (-p, another parameters file; the Azure CLI asks in a terminal and fails without one: "Missing input parameters").`,
      span: at,
    });
  }

  /**
   * The parameters a nested deployment passes to its template (inline with inner scope, or
   * linked): an ARM JSON one's, and a Bicep module's, which lowers to the same deployment (the
   * compiler rejects a missing required parameter, BCP035, and an undeclared one, BCP037, which
   * the Bicep lowering reports). A deployment whose parameters come from a parametersLink
   * (never fetched) passes values that are not known.
   */
  private checkPassed(dep: DeployedResource, parent: DeploymentUnit, evaluated: ObjectValue, scope: TemplateScope, supplied: Map<string, SuppliedParameter>): void {
    if (evaluated.has('parametersLink')) return;
    const params = evaluated.entry('parameters');
    // A `parameters` value only known at deployment as a whole, or in part (a spread of an object
    // parameter, ObjectValue.partial): which names it gives is unknown.
    if (params && (!(params.value instanceof ObjectValue) || params.value.partial)) return;
    // A Bicep module's parameters are the compiler's (BCP035 missing, BCP037 undeclared), checked by
    // the lowering where the module is written, deployed or not.
    if (parent.file.kind === 'bicep') return;
    this.checkSupplied(scope, supplied, `the deployment '${dep.displayName}'`, params?.keySpan ?? dep.nameSpan);
  }

  /** The target scope of a nested deployment: its resourceGroup / subscriptionId, else the parent's. */
  private nestedScope(parent: TargetScope, dep: DeployedResource): TargetScope {
    const rg = dep.body.get('resourceGroup');
    const sub = dep.body.get('subscriptionId');
    // A name known in part ('${rg}-spoke') is its pieces, as in the ids its template builds.
    const seg = (v: Value | undefined, fallback: Segment): Segment =>
      typeof v === 'string' ? [v] : v instanceof Unknown ? (v.parts?.length ? v.parts : [v]) : fallback;
    if (rg !== undefined) return { ...parent, kind: 'resourceGroup', resourceGroup: seg(rg, parent.resourceGroup), subscriptionId: seg(sub, parent.subscriptionId) };
    if (sub !== undefined) return { ...parent, kind: 'subscription', subscriptionId: seg(sub, parent.subscriptionId) };
    // "scope": "Microsoft.Management/managementGroups/mg" (or the absolute /providers/... id), as
    // a tenant or management group template deploys into a management group.
    // (`scope` steers deployment and is not in the body: the deployment's id is scoped by it.)
    // "scope": "/" is the tenant ("Scope to tenant: a nested deployment with scope and location").
    if (ownProp(dep.decl.node, 'scope') === undefined) return parent;
    if (dep.id.scope.length === 0) return { ...parent, kind: 'tenant' };
    const group = managementGroupOf(dep.id.scope);
    if (group) return { ...parent, kind: 'managementGroup', managementGroup: group };
    return parent;
  }

  /**
   * What the functions of a nested deployment's (inner-scope) template see: the config's values
   * describe the root deployment, so a deployment to another resource group has its own name
   * and unknown location, one to another subscription its own id, and every nested deployment
   * its own name (deployment().name). Tenant and management group are the root's.
   */
  private contextFor(unit: DeploymentUnit): DeploymentContext {
    const ctx = this.opts.deployment;
    const root = this.rootTarget;
    const known = segmentText;
    const sameSubscription = root !== undefined && sameScope([unit.scope.subscriptionId], [root.subscriptionId]) === true;
    const sameGroup = sameSubscription && root !== undefined && sameScope([unit.scope.resourceGroup], [root.resourceGroup]) === true;
    const name = unit.parent?.name;
    const created = this.createdGroup(unit.scope);
    const createdLocation = created?.body.get('location');
    const createdScope = created ? this.unitScopes.get(created.unit) : undefined;
    const createdAt = created ? at(created.root, 'location') : undefined;
    return {
      ...ctx,
      subscriptionId: known(unit.scope.subscriptionId) ?? (sameSubscription ? ctx.subscriptionId : undefined),
      resourceGroup: known(unit.scope.resourceGroup) ?? (sameGroup ? ctx.resourceGroup : undefined),
      // A resource group this deployment creates (a subscription-scope template that makes the
      // group and deploys into it) has the location it is created with.
      location: (typeof createdLocation === 'string' ? createdLocation : undefined) ?? (sameGroup ? ctx.location : undefined),
      // Its location read is traced to the group's declaration (findings point at it).
      groupObject: created && createdScope && createdAt?.value !== undefined ? (capacity) => new CreatedGroupValue(capacity, created.displayName, createdAt.span, createdScope) : undefined,
      deploymentName: typeof name === 'string' ? name : undefined,
      groupSymbol: sameGroup ? undefined : `resourceGroup(${groupLabel(unit.scope.resourceGroup)})`,
      resourceGroupValue: sameGroup ? undefined : unknownSegment(unit.scope.resourceGroup),
      subscriptionIdValue: sameSubscription ? undefined : unknownSegment(unit.scope.subscriptionId),
      // A deployment into a named management group: managementGroup() is that group.
      managementGroup: unit.scope.managementGroup && unit.scope.managementGroup !== root?.managementGroup ? segmentText(unit.scope.managementGroup) : ctx.managementGroup,
      scopeKind: unit.scope.kind,
    };
  }

  /** The resource group `scope` names, when this deployment creates it (surely: not under a condition). */
  private createdGroup(scope: TargetScope): DeployedResource | undefined {
    if (scope.kind !== 'resourceGroup') return undefined;
    const group = segmentText(scope.resourceGroup)?.toLowerCase();
    if (group === undefined) return undefined;
    for (const r of this.groups) {
      if (r.existing || r.state !== 'deployed') continue;
      if (typeof r.name !== 'string' || r.name.toLowerCase() !== group) continue;
      const subscription = subscriptionOf(r.id);
      if (subscription && sameScope([subscription], [scope.subscriptionId]) === false) continue;
      return r;
    }
    return undefined;
  }

  /**
   * reference() of a resource this deployment creates: its declared values, with read-only and
   * runtime parts unknown; reference() of a nested deployment: its outputs.
   */
  private runtime(unit: DeploymentUnit, fn: string, args: Value[], span: Span): Value | undefined {
    const problem = this.symbolProblem(unit, fn, args, span);
    if (problem) return problem;
    if (fn.toLowerCase() === 'references') return this.referencesOf(unit, args, span);
    if (fn.toLowerCase() === 'resourceinfo') return this.resourceInfo(unit, args[0]);
    const isReference = fn.toLowerCase() === 'reference';
    // By name (or symbolic name), not by id: ARM then deploys the resource being evaluated after it.
    const byName = (typeof args[0] === 'string' && !args[0].startsWith('/')) || representativeInstanceSymbol(args[0]) !== undefined;
    // list*() by id is runtime state and orders nothing: no look-up needed.
    if (!isReference && !(byName && isListAction(fn))) return undefined;
    const target = this.findReferenced(unit, args[0]);
    if (!target) {
      if (!isReference) return undefined;
      if (args.length === 1 && typeof args[0] === 'string' && this.undeclaredReferenceName(unit, args[0])) {
        const message = `The template reference '${args[0]}' is not valid: could not find template resource or resource copy with this name. reference() without an API version reads a resource of this template by its name: name one it declares, or give the resource's id and API version to read one it does not deploy.`;
        this.diagnostics.add({ code: 'evaluation-error', message, span });
        return new Unknown({ code: 'error', message, span });
      }
      this.checkNotDeployedRead(unit, args[0], span);
      return outsideView(args[0], span);
    }
    // reference() of an `existing` resource: nothing of it is in the template, but the unknown
    // says whose state it is, so rules can name that resource (src/deploy/runtime.ts).
    if (target.existing) return isReference ? existingView(target, span, typeof args[2] === 'string' && args[2].toLowerCase() === 'full') : undefined;
    if (byName) noteImplicitDependency(target, args[0] as Value, span);
    if (!isReference) return undefined;
    const full = typeof args[2] === 'string' && args[2].toLowerCase() === 'full';
    const key = `${target.index}|${full}`;
    const cached = this.views.get(key);
    if (cached !== undefined) return cached;
    if (this.busy.has(target)) return undefined; // a reference cycle: the evaluator's generic unknown
    // A view evaluates the resource's declaration, which may reference() another resource, whose
    // view is made inside this one: 800 deployments, each reading the outputs of the next, nest
    // 800 deep and outgrew the stack wherever it happened to end, which differs from run to run
    // (a varying number of 'nested too deeply' warnings). The nesting stops at a fixed depth
    // instead, said once; what is read beyond it is unknown.
    if (this.busy.size >= MAX_REFERENCE_NESTING) {
      if (!this.referenceNestingCut) {
        this.referenceNestingCut = true;
        this.diagnostics.add({
          code: 'limit-exceeded',
          message: `resources read each other's outputs or properties (reference(), a module's outputs) in a chain more than ${MAX_REFERENCE_NESTING} long (here '${target.displayName}'); what is read beyond that is not known`,
          span,
        });
      }
      return undefined;
    }
    this.busy.add(target);
    try {
      // What is evaluated to make the view (a nested deployment's outputs, which may reference()
      // its own resources by symbolic name) belongs to the target, not to the resource reading
      // it: ARM orders the reader after the target only, not after the target's resources. Nor
      // is a read made there the reader's own read of a resource that does not deploy ('maybe').
      const asTarget = { implicit: undefined, state: 'maybe' as const, existing: false, displayName: target.displayName };
      const view = collectingImplicitDependencies(asTarget, () => runtimeView(target, full, span, () => this.outputsOf(target), this.unfetched.get(target)));
      this.views.set(key, view);
      return view;
    } finally {
      this.busy.delete(target);
    }
  }

  /**
   * references('coll'[, 'full']) (languageVersion 2.0; what Bicep writes for a loop of resources
   * read whole, `map(nics, n => n.name)`): the state of each instance of the loop, in order, as
   * reference('coll[i]') reads it. The number of instances is known when the loop's count is;
   * otherwise the array is unknown, as is what each instance holds at deployment.
   */
  private referencesOf(unit: DeploymentUnit, args: Value[], span: Span): Value | undefined {
    const symbol = args[0];
    if (typeof symbol !== 'string') return undefined;
    const table = this.symbolTables.get(unit);
    const count = table?.counts.get(symbol.toLowerCase());
    if (count === undefined) return undefined;
    // Every instance expanded (a limit may have cut the loop short): else not known here.
    let expanded = 0;
    for (const r of this.resources) if (r.unit === unit && r.symbolicName === symbol && r.copy?.index !== undefined) expanded++;
    if (expanded !== count) return undefined;
    const full = args[1];
    const out: Value[] = [];
    for (let i = 0; i < count; i++) {
      const one = this.runtime(unit, 'reference', full === undefined ? [`${symbol}[${i}]`] : [`${symbol}[${i}]`, null, full], span);
      if (one === undefined) return undefined;
      out.push(one);
    }
    return out;
  }

  /**
   * reference() of a resource whose condition is false, made by a resource that is deployed: ARM
   * evaluates the call all the same ("If you use a reference or list function with a resource that
   * is conditionally deployed, the function is evaluated even if the resource isn't deployed. You
   * get an error if the function refers to a resource that doesn't exist", ARM's
   * conditional-resource-deployment.md; Bicep warns of the same, BCP318). A read the template guards
   * is never evaluated here: one inside if() on that condition (the branch not taken is not
   * evaluated), one in a resource with that condition (its body is not evaluated), one in a resource
   * that may not deploy (state 'maybe': the condition known only at deployment may be the same).
   * A warning: a resource of that name that exists already is read without error (new-or-existing).
   */
  private checkNotDeployedRead(unit: DeploymentUnit, v: Value | undefined, span: Span): void {
    const reader = bodyUnderEvaluation();
    if (!reader || reader.state !== 'deployed' || reader.existing) return;
    const off = this.notDeployedNamed(unit, v);
    if (!off) return;
    const name = off.symbolicName ?? (typeof off.name === 'string' ? off.name : undefined);
    if (name === undefined) return;
    const guard = span.file.kind === 'bicep' ? `<condition> ? ${name}.properties... : <another value>` : `if(<condition>, reference('${name}')..., <another value>)`;
    this.diagnostics.add({
      code: 'evaluation-error',
      level: 'warning',
      message: `'${reader.displayName}' reads '${name}' (reference()), whose condition is false with these parameter values, so it is not deployed; ARM evaluates the read all the same, and the deployment fails ("was not found", ResourceNotFound) unless '${name}' already exists: read it only under its condition (${guard}) or give '${reader.displayName}' the same condition`,
      span,
    });
  }

  /** The declaration whose condition is false that a reference() argument names (a symbolic name, a name, an id), in the scope findReferenced looks in. */
  private notDeployedNamed(unit: DeploymentUnit, v: Value | undefined): NotDeployed | undefined {
    const same = this.notDeployed.filter((n) => n.id !== undefined && lookedUpFrom(n, unit));
    if (typeof v === 'string' && !v.startsWith('/')) {
      const symbol = /^(.+)\[\d+\]$/.exec(v)?.[1] ?? v;
      return same.find((n) => n.symbolicName === symbol) ?? same.find((n) => typeof n.name === 'string' && n.name.toLowerCase() === v.toLowerCase());
    }
    const id = v === undefined ? undefined : parseResourceId(v);
    if (!id) return undefined;
    return same.find((n) => n.id !== undefined && relativeKey(n.id) === relativeKey(id) && sameScope(n.id.scope, id.scope) !== false);
  }

  /**
   * reference('x') / resourceInfo('x') naming no resource of a languageVersion 2.0 template, or an
   * instance beyond its copy loop's count (resourceInfo(format('nics[{0}]', i)) as the compiler
   * writes nics[i].id): ARM rejects the template ("The resource ... is not defined in the
   * template"). The template check finds a literal name everywhere; this finds computed ones
   * and counts that are expressions. An error Unknown, reported, when so.
   */
  private symbolProblem(unit: DeploymentUnit, fn: string, args: Value[], span: Span): Unknown | undefined {
    const lower = fn.toLowerCase();
    if ((lower !== 'reference' && lower !== 'resourceinfo') || typeof args[0] !== 'string') return undefined;
    const table = this.symbolTables.get(unit);
    if (!table) return undefined;
    const why = undeclaredSymbol({ fn: lower === 'reference' ? 'reference' : 'resourceInfo', name: args[0], argCount: args.length }, table.bySymbol, (s) => table.counts.get(s));
    if (!why) return undefined;
    this.diagnostics.add({ code: 'evaluation-error', message: why, span });
    return new Unknown({ code: 'error', message: why, span });
  }

  /** resourceInfo('symbolicName'): what is known of a resource before it is deployed. */
  private resourceInfo(unit: DeploymentUnit, symbolicName: Value | undefined): Value | undefined {
    const target = this.bySymbolicName(unit, symbolicName);
    if (!target) return undefined;
    return ObjectValue.from([
      ['apiVersion', target.apiVersion ?? null],
      ['id', idValue(target.id)],
      ['name', target.name],
      ['type', target.type],
    ]);
  }

  /** Deploys a nested deployment that is still waiting (see expand); nothing when it is done or under way. */
  private deployPending(dep: DeployedResource): void {
    const pending = this.pendingNested.get(dep);
    if (!pending) return;
    this.pendingNested.delete(dep);
    this.deployNested(dep, pending.unit, pending.scope);
  }

  private outputsOf(dep: DeployedResource): ObjectValue | undefined {
    // Its outputs exist once it has deployed: ARM deploys it before the resource that reads them.
    // (A deployment reading its own outputs, or two reading each other's, is a cycle ARM rejects:
    // the one under way is no longer pending, and its outputs stay unknown.)
    this.deployPending(dep);
    const nested = this.nestedScopes.get(dep);
    if (!nested) return undefined;
    const declared = nested.outputs === undefined ? nested.scope.outputs() : nested.outputs === null ? [] : nested.scope.outputs(nested.outputs);
    // Traced: a finding decided by an output's value points at the output (related locations).
    const outputs = new OutputsValue(deploymentLabel(dep), nested.scope, declared);
    for (const o of declared) {
      outputs.set(o.name, ObjectValue.from([['type', o.type ?? null], ['value', o.value]]), o.span);
    }
    return outputs;
  }

  /**
   * A resource of this template by symbolic name (languageVersion 2.0): "coll" for the resource
   * or the loop, "coll[2]" for an instance of a resource copy loop (the Bicep compiler writes
   * reference(format('coll[{0}]', i)) and resourceInfo(format('coll[{0}]', i)) for coll[i]), and
   * "coll[" + copyIndex() + "]" for the representative instance of a loop whose count is known
   * only at deployment: the same instance the languageVersion 1.0 form reaches by an id built
   * from the same copyIndex().
   */
  private bySymbolicName(unit: DeploymentUnit, v: Value | undefined): DeployedResource | undefined {
    const same = (r: DeployedResource) => lookedUpFrom(r, unit);
    const representative = representativeInstanceSymbol(v);
    if (representative !== undefined) return this.resources.find((r) => r.symbolicName === representative && r.copy !== undefined && r.copy.index === undefined && same(r));
    if (typeof v !== 'string') return undefined;
    const indexed = /^(.+)\[(\d+)\]$/.exec(v);
    if (indexed) {
      const [, symbol, i] = indexed as unknown as [string, string, string];
      const instance = this.resources.find((r) => r.symbolicName === symbol && r.copy?.index === Number(i) && same(r));
      if (instance) return instance;
    }
    return this.resources.find((r) => r.symbolicName === v && same(r));
  }

  /**
   * reference('name') without an API version in the root template (languageVersion 1.0; 2.0's
   * symbolic names are symbolProblem's) that names no resource nor copy loop of the deployment:
   * ARM fails validation ("The template reference 'x' is not valid: could not find template
   * resource or resource copy with this name"). Only when that is certain: after the root's
   * resources are all expanded, with every name known (also of resources whose condition is
   * false), no template the deployment links to by URI left unread, and no limit reached.
   */
  private undeclaredReferenceName(unit: DeploymentUnit, name: string): boolean {
    // A name with a '/' may be a child's ('vnet/subnet') or a type and name ARM reads as a relative
    // id ('Microsoft.Compute/virtualMachines/vm1', as quickstarts write it): not judged.
    if (!this.rootExpanded || unit.depth !== 0 || name.includes('/') || this.symbolTables.has(unit) || this.unfetched.size > 0) return false;
    // A limit of vtaplint's that cut the expansion (maxCopyCount, maxResources) leaves resources unexpanded.
    if (limitReached(this.diagnostics.items)) return false;
    const lower = name.toLowerCase();
    const matches = (n: Value, loop: string | undefined): boolean | undefined => {
      if (loop !== undefined && loop.toLowerCase() === lower) return true;
      if (typeof n !== 'string') return undefined;
      // A child's own segment too ('subnet' of 'vnet/subnet'): not judged.
      const text = n.toLowerCase();
      return text === lower || text.endsWith(`/${lower}`);
    };
    for (const r of this.resources) {
      const m = matches(r.name, r.copy?.name);
      if (m !== false) return false;
    }
    for (const n of this.notDeployed) {
      const m = matches(n.name, n.loopName);
      if (m !== false) return false;
    }
    return true;
  }

  private findReferenced(unit: DeploymentUnit, v: Value | undefined): DeployedResource | undefined {
    if ((typeof v === 'string' && !v.startsWith('/')) || representativeInstanceSymbol(v) !== undefined) {
      // languageVersion 2.0 symbolic name, or a plain resource name in the same template.
      const bySymbol = this.bySymbolicName(unit, v);
      if (bySymbol || typeof v !== 'string') return bySymbol;
      return this.resources.find((r) => lookedUpFrom(r, unit) && typeof r.name === 'string' && r.name.toLowerCase() === v.toLowerCase());
    }
    if (v === undefined) return undefined;
    const id = parseResourceId(v);
    if (!id) return undefined;
    // Only a resource in the scope the id names: reference(resourceId('Microsoft.Resources/deployments', 'd'))
    // is the deployment 'd' in this resource group, not one of that name another resource group holds.
    const candidates = (this.byRelative.get(relativeKey(id)) ?? []).filter((r) => sameScope(r.id.scope, id.scope) !== false);
    // One in the very scope the id names first: a module loop into resource groups whose names
    // are only known at deployment has a NIC of one name in each (rgNames[0], rgNames[1]), and
    // each instance reads its own; any of them only may be the one the id names.
    const exact = candidates.filter((r) => sameScope(r.id.scope, id.scope) === true);
    const pool = exact.length ? exact : candidates;
    return pool.find((r) => !r.existing) ?? pool[0];
  }
}

/**
 * "coll[" + copyIndex() + "]" (format('coll[{0}]', copyIndex()) in a loop whose count is known
 * only at deployment, where copyIndex() is the representative index): the symbol "coll".
 */
function representativeInstanceSymbol(v: Value | undefined): string | undefined {
  if (!(v instanceof Unknown) || v.parts?.length !== 3) return undefined;
  const [head, index, tail] = v.parts as [string | Unknown, string | Unknown, string | Unknown];
  if (typeof head !== 'string' || tail !== ']' || !(index instanceof Unknown) || index.symbol !== REPRESENTATIVE_INDEX) return undefined;
  const m = /^([A-Za-z_][\w-]*)\[$/.exec(head);
  return m?.[1];
}

/**
 * Messages name resources by their names once known ('vnet'), and modules are separate files that
 * often deploy a resource of one type and name each, into different resource groups (a hub's
 * 'vnet' and a spoke's): a message must tell them apart. Two different resources of one type that
 * would read alike (by name, or by the symbolic name a resource whose name is not known falls back
 * to) are shown with the modules they are in ("hub.vnet", "spokes[1].web-nic"); the root template's
 * own resources keep their plain names. Where the modules cannot tell them apart (a loop of
 * `existing` NICs of one name in two resource groups, in one template), they are shown by their
 * symbolic names ("opsNics[1]"), as the template tells them apart. One resource declared in two
 * modules (deployed by one, `existing` in the other) reads the same in both, as ARM names it.
 * Modules keep their symbolic names, qualified when two modules' modules share one.
 */
function qualifySharedDisplayNames(resources: readonly DeployedResource[]): void {
  // Within one template: resources of one type and known name that are different resources.
  const inUnit = new Map<DeploymentUnit, Map<string, Set<string>>>();
  for (const r of resources) {
    if (r.symbolicName === undefined || typeof r.name !== 'string' || isDeploymentType(r)) continue;
    let byName = inUnit.get(r.unit);
    if (!byName) inUnit.set(r.unit, (byName = new Map()));
    const k = `${r.type.toLowerCase()}\u0000${r.name}`;
    const keys = byName.get(k);
    if (keys) keys.add(r.key);
    else byName.set(k, new Set([r.key]));
  }
  for (const r of resources) {
    if (r.symbolicName === undefined || typeof r.name !== 'string' || isDeploymentType(r)) continue;
    if ((inUnit.get(r.unit)?.get(`${r.type.toLowerCase()}\u0000${r.name}`)?.size ?? 0) > 1) r.bySymbolicName = true;
  }
  // Across modules: the templates each resource reading alike is in, and the resources it stands
  // for (by key when its name is known; a name not known may be any resource).
  const shared = new Map<string, { units: Set<DeploymentUnit>; ids: Set<unknown> }>();
  // An ARM JSON resource (no symbolic name) takes part by its known name: the instances of a
  // nested deployment's copy loop (one VM 'vm-app01' per site's resource group) read alike too.
  const byNameOnly = (r: DeployedResource) => r.symbolicName === undefined && (isDeploymentType(r) || typeof r.name !== 'string');
  for (const r of resources) {
    if (byNameOnly(r)) continue;
    const key = sharingKey(r);
    const id = isDeploymentType(r) || typeof r.name !== 'string' || r.bySymbolicName ? r : r.key;
    const entry = shared.get(key);
    if (entry) {
      entry.units.add(r.unit);
      entry.ids.add(id);
    } else shared.set(key, { units: new Set([r.unit]), ids: new Set([id]) });
  }
  for (const r of resources) {
    if (byNameOnly(r) || r.unit.parent === undefined) continue;
    // A module's resource whose name is not known reads by its symbolic name, which says neither
    // which module nor which instance of a module loop deploys it ('vm'): shown with its modules
    // ('web.vm', 'web[1].vm') whether or not another module's resource reads alike.
    const unnamed = typeof r.name !== 'string' && !isDeploymentType(r);
    const entry = unnamed ? undefined : shared.get(sharingKey(r));
    if (!unnamed && (!entry || entry.units.size < 2 || entry.ids.size < 2)) continue;
    const modules: string[] = [];
    for (let u: DeploymentUnit | undefined = r.unit; u?.parent; u = u.parent.unit) modules.unshift(u.parent.plainDisplayName);
    r.displayQualifier = modules.join('.');
  }
}

/**
 * An `existing` resource in a loop (its own, or a module loop's instance, when a module's symbolic
 * name shared with another module's showed the loop) whose name is known and is that resource's
 * alone is marked as named by its name (displayedName): a finding about it points at where the
 * name was given, which tells which entry of which list named it (and one NIC named in two lists
 * is two such instances).
 */
function nameExistingLoopInstances(resources: readonly DeployedResource[]): void {
  const existing = resources.filter((r) => r.existing && typeof r.name === 'string' && r.symbolicName !== undefined);
  if (existing.length === 0) return;
  // The symbolic names resources of two templates share: those showed the modules they are in.
  const units = new Map<string, Set<DeploymentUnit>>();
  for (const r of resources) {
    if (r.symbolicName === undefined) continue;
    const key = symbolicSharingKey(r);
    const set = units.get(key);
    if (set) set.add(r.unit);
    else units.set(key, new Set([r.unit]));
  }
  const inModuleLoop = (r: DeployedResource) => {
    if ((units.get(symbolicSharingKey(r))?.size ?? 0) < 2) return false;
    for (let u: DeploymentUnit | undefined = r.unit; u?.parent; u = u.parent.unit) if (u.parent.plainDisplayName.includes('[')) return true;
    return false;
  };
  const candidates = existing.filter((r) => (r.copy !== undefined && typeof r.copy.index === 'number') || (r.unit.parent !== undefined && inModuleLoop(r)));
  if (candidates.length === 0) return;
  // The resources of each type and name, by key: one key is one resource, whatever the symbols.
  const keys = new Map<string, Set<string>>();
  for (const r of resources) {
    if (typeof r.name !== 'string') continue;
    const k = `${r.type.toLowerCase()}\u0000${r.name.toLowerCase()}`;
    const set = keys.get(k);
    if (set) set.add(r.key);
    else keys.set(k, new Set([r.key]));
  }
  for (const r of candidates) {
    if ((keys.get(`${r.type.toLowerCase()}\u0000${(r.name as string).toLowerCase()}`)?.size ?? 0) !== 1) continue;
    r.displayQualifier = undefined;
    r.bySymbolicName = undefined;
    r.displayedName = r.name as string;
  }
}

function isDeploymentType(r: DeployedResource): boolean {
  return r.type.toLowerCase() === DEPLOYMENTS;
}

/** The symbolic name a resource shares with others, apart for modules (see sharingKey). */
function symbolicSharingKey(r: DeployedResource): string {
  return isDeploymentType(r) ? `deployment\u0000${r.symbolicName ?? ''}` : `resource\u0000${r.symbolicName ?? ''}`;
}

/**
 * What a resource shares with others to be qualified: for a resource, its type and what messages
 * call it (plainDisplayName); for a module or nested deployment, its symbolic name, apart from the
 * resources. A module is very often named after the resource it deploys (`module tap
 * 'modules/tap.bicep'` holding `resource tap`, AVM's `module virtualNetwork`): a message never
 * confuses the two, and qualifying the TAP as 'tap.tap' made the finding of a module that another
 * entry deploys under another name read 'tap' there, reported twice.
 */
function sharingKey(r: DeployedResource): string {
  return isDeploymentType(r) ? symbolicSharingKey(r) : `resource\u0000${r.type.toLowerCase()}\u0000${r.plainDisplayName}`;
}

/** Deploys one template file with the given options. */
export function deployFile(source: SourceText, loaded: { root: TNode | undefined; span: Span }, opts: DeployOptions): DeployResult {
  return new Deployment(opts).deployRoot(source, loaded.root, loaded.span);
}

/**
 * Evaluates the body of every resource the deployment deploys, each copy instance, that nothing
 * has read yet: ARM evaluates them all, so an expression Azure rejects in a body no rule reads
 * (a tag of a storage account) fails the deployment as well, and its error joins the deployment's
 * diagnostics. Only the expressions are evaluated and no value is kept (checkBody); a body read
 * before is not evaluated again; `existing` resources are only read. Once evaluation has stopped
 * at its step limit, what follows would only be unknowns: it stops. vtaplint's own limits reached
 * here (800 copies of a resource each with an 800-element property loop spend the step budget)
 * are not reported: the rules' analysis they would say is incomplete is complete, and what is not
 * checked here was not checked before either.
 */
export function evaluateEveryBody(deployed: DeployResult): void {
  const resources = deployed.resources;
  const diagnostics = deployed.diagnostics;
  const before = diagnostics.length;
  for (let i = 0; i < resources.length; i++) {
    if (deployed.evaluationStopped()) break;
    const r = resources[i] as DeployedResource;
    if (r.existing) continue;
    if (r.checkBody) r.checkBody();
    else void r.body;
  }
  deployed.checkVariables();
  let kept = before;
  for (let i = before; i < diagnostics.length; i++) {
    const d = diagnostics[i] as Diagnostic;
    if (d.code !== 'limit-exceeded') diagnostics[kept++] = d;
  }
  diagnostics.length = kept;
}

/**
 * A nested deployment's `parameters` object of which any entry may be there (spread from an object
 * known only at deployment): a parameter it does not list may be given too, with a value not known.
 */
function openParameters(props: ObjectValue): { reason: UnknownReason } | undefined {
  const params = props.get('parameters');
  const partial = params instanceof ObjectValue ? params.partial : undefined;
  return partial?.open ? { reason: partial.reason } : undefined;
}

/**
 * A nested deployment's `parametersLink`: its template's parameters get their values from a file
 * vtaplint never fetches, so none is known (not even one with a defaultValue, which the file may
 * override).
 */
function parametersLink(props: ObjectValue, dep: DeployedResource): { what: string; span: Span } | undefined {
  const link = props.entry('parametersLink');
  if (!link) return undefined;
  const uri = link.value instanceof ObjectValue ? link.value.get('uri') : undefined;
  const what = typeof uri === 'string' ? `the parametersLink '${uri}'` : 'the parametersLink';
  return { what: `${what} of deployment '${dep.displayName}'`, span: link.span ?? dep.span };
}

/** The management group a deployment's scope (the scope segments of its id) is, if it is one. */
function managementGroupOf(scope: readonly Segment[]): Segment | undefined {
  if (scope.length !== 4 || segmentText(scope[0] as Segment)?.toLowerCase() !== 'providers') return undefined;
  const ns = segmentText(scope[1] as Segment)?.toLowerCase();
  const type = segmentText(scope[2] as Segment)?.toLowerCase();
  return ns === 'microsoft.management' && type === 'managementgroups' ? (scope[3] as Segment) : undefined;
}

/** " (it declares 'a', 'b')" for a short list of parameter names; nothing for a long one. */
function declaredList(names: string[]): string {
  if (names.length === 0) return ' (it declares no parameters)';
  return names.length <= 8 ? ` (it declares ${names.map((n) => `'${n}'`).join(', ')})` : '';
}

/** A template string that is a literal, not an expression ('[[' escapes a leading '['); undefined otherwise. */
function literalText(node: TNode | undefined): string | undefined {
  if (typeof node !== 'string' || isExpressionString(node)) return undefined;
  return node.startsWith('[[') ? node.slice(1) : node;
}

/**
 * Whether reference() or resourceInfo() by name or symbolic name in `unit` may find `r`: a
 * resource of that template, or of a template beside it (deployed by the same parent).
 */
function lookedUpFrom(r: { unit: DeploymentUnit }, unit: DeploymentUnit): boolean {
  return r.unit === unit || r.unit.parent === unit.parent;
}

/**
 * What reference() gives of a resource named by a full id that the deployment does not declare
 * (`reference(resourceId('hub-rg', 'Microsoft.Network/networkInterfaces', 'collector-nic'))`): a
 * resource outside the template, whose properties are not known here, and an unknown that says so
 * and names it, where the generic "runtime state" would read as if the template deployed it. A
 * deployment's id is left to the generic unknown: a nested deployment is the template's own even
 * when its id is written in a form the look-up does not match.
 */
function outsideView(v: Value | undefined, span: Span): Unknown | undefined {
  if (v === undefined || !(typeof v === 'string' || (v instanceof Unknown && v.parts))) return undefined;
  const id = parseResourceId(v);
  if (!id || fullType(id).toLowerCase() === DEPLOYMENTS.toLowerCase()) return undefined;
  return new Unknown({ code: 'external-resource', message: `a property of ${describeId(id)}, a resource this template does not deploy`, span }, 'object');
}

/** For a path inside the root as written that a symbolic link leads out of: where it leads (': it leads through ...'). */
function linkOut(target: string, root: string): string {
  const reason = outsideRootReason(target, root);
  return reason.startsWith('it leads') ? `: ${reason.replace(/, outside the folder being linted; it is not read$/, '')}` : '';
}

/** A linked template's address as far as it is known: all of it, or the known start of a partly known one. */
function knownAddress(uri: Value | undefined): string | undefined {
  if (typeof uri === 'string') return uri;
  const head = uri instanceof Unknown ? uri.parts?.[0] : undefined;
  return typeof head === 'string' && head !== '' ? head : undefined;
}

/**
 * Where a linked template comes from, for messages: the address, quoted; one known up to a part
 * known only at deployment (the SAS token after 'https://.../nestedtemplates/tap.json') with that
 * part said as such; else 'a location known only at deployment'.
 */
function linkDescription(uri: Value | undefined): string {
  if (typeof uri === 'string') return `'${uri}'`;
  const head = knownAddress(uri);
  if (head === undefined) return 'a location known only at deployment';
  const rest = uri instanceof Unknown ? (uri.parts ?? []).slice(1) : [];
  const unknown = rest.find((p): p is Unknown => p instanceof Unknown);
  const what = unknown?.symbol !== undefined ? ` (${readableSymbol(unknown.symbol)})` : '';
  // After a file name: a query, the SAS token quickstart links append from a secure parameter.
  if (/\.json$/i.test(head)) return `'${head}' (with a query known only at deployment after it, such as a SAS token${what})`;
  return `'${head}' followed by a part known only at deployment${what}`;
}
