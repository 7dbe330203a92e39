// Expands a template's resource declarations into deployed resources: copy loops (count
// evaluated, ARM's limit of 800), conditions (false: not deployed; unknown: maybe deployed),
// nested child `resources` arrays, languageVersion 2.0 symbolic names and `existing`.
import { meantTapType } from './tap-type-mistakes.js';
import { pushAll } from '../model/push-all.js';
import { isExpressionString } from '../expr/parser.js';
import type { DiagnosticSink } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import { childOf, isTObject, own, ownProp, type Located, type TNode, type TObject } from '../model/template.js';
import { InexactInteger, ObjectValue, Unknown, type Value } from '../expr/value.js';
import { typeName } from '../expr/ops.js';
import { fullType, resourceKey, segmentDisplay, segmentText, splitSegments, parseResourceId, type ResourceId, type Segment } from './resource-id.js';
import type { NodeEvaluator, ResourceLoop } from './evaluator.js';
import { countBeyondExactNumbers, needsOwnSpan } from './scope.js';
import type { LocatedValue } from '../expr/located.js';
import { REPRESENTATIVE_INDEX, collectingImplicitDependencies, type DeployedResource, type Dependency, type DeploymentUnit, type DeployState, type NotDeployed, type TargetScope } from './model.js';

/** ARM's own limit on copy count. */
export const ARM_MAX_COPY = 800;

/** Keys of a resource declaration that are not part of what the resource is (they steer deployment). */
// `extension` (languageVersion 2.0) names the extension a resource belongs to ("az"): template
// language, like `import`, not a property of the resource.
const CONTROL_KEYS = new Set(['resources', 'copy', 'condition', 'dependson', 'existing', 'import', 'extension', 'scope']);

/** Keys of an `existing` resource that name the scope it is looked up in, not properties of it. */
const EXISTING_SCOPE_KEYS = new Set(['subscriptionid', 'resourcegroup']);
/** Body keys the expander has evaluated already, at their spans in each instance (checkBody need not again). */
const EXPANDED_KEYS = new Set(['type', 'name', 'apiversion']);

export interface ExpandOptions {
  /** Upper bound on resources expanded from one template with everything it deploys (a vtaplint limit). */
  maxResources: number;
  /**
   * Whether to report hitting maxResources (true the first time the deployment hits it); without
   * it, each expander reports it once.
   */
  onResourceLimit?: () => boolean;
  /** Copies analysed per loop (config maxCopyCount; ARM_MAX_COPY when absent). */
  maxCopyCount?: number;
}

/**
 * The parent of a child declared in its `resources` array: the resource (undefined when the
 * parent's condition is false: the child is deployed all the same, see expandInstance), the type
 * and name the child's are relative to, the parent's copy loop, and the unknown count of that
 * loop when only one representative instance of it is analysed.
 */
interface ParentInfo {
  resource: DeployedResource | undefined;
  type: string;
  name: Value;
  loop: ResourceLoop | undefined;
  loopUnknown: Unknown | undefined;
}

export class ResourceExpander {
  readonly resources: DeployedResource[] = [];
  /** Declarations whose condition is false. */
  readonly notDeployed: NotDeployed[] = [];
  /** The evaluated count of each copy loop of a languageVersion 2.0 template, by lower-cased symbolic name (see Deployment.runtime). */
  readonly loopCounts = new Map<string, number>();
  /**
   * Nested deployment declarations that deploy nothing with these values (a false condition, a
   * copy count of 0), as written: the templates they link to are still this template's.
   */
  readonly undeployedDeployments: { decl: Located<TObject>; loop: ResourceLoop | undefined }[] = [];
  private limitReported = false;

  /** firstIndex: the resources the deployment expanded before this template (they count for maxResources). */
  constructor(
    private readonly ev: NodeEvaluator,
    private readonly unit: DeploymentUnit,
    private readonly options: ExpandOptions,
    private readonly firstIndex = 0,
  ) {}

  private get diagnostics(): DiagnosticSink {
    return this.ev.diagnostics;
  }

  /** Expands the `resources` section of a template (array, or object keyed by symbolic name). */
  expandTemplate(template: Located<TObject>): void {
    const section = childOf(template, 'resources');
    if (!section) return;
    if (Array.isArray(section.node)) {
      section.node.forEach((decl, i) => this.expandDeclaration({ node: decl, span: section.span.child(section.node as TNode[], i) }, undefined, undefined));
    } else if (isTObject(section.node)) {
      const obj = section.node;
      for (const name of Object.keys(obj)) {
        this.expandDeclaration({ node: obj[name] as TNode, span: section.span.child(obj, name) }, undefined, name);
      }
    }
  }

  private expandDeclaration(decl: Located, parent: ParentInfo | undefined, symbolicName: string | undefined): void {
    if (!isTObject(decl.node)) {
      this.diagnostics.add({ code: 'invalid-template', message: 'a resource declaration must be an object', span: decl.span });
      return;
    }
    const d = decl as Located<TObject>;
    const copy = childOf(d, 'copy');
    if (copy && isTObject(copy.node) && parent) {
      // ARM copies only top-level resources ("You can't use a copy loop for a child resource"):
      // a child in its parent's `resources` array must be declared at the top level to loop.
      // Analysed as written all the same.
      this.diagnostics.add({
        code: 'invalid-template',
        message: "a copy loop on a child resource declared inside its parent's resources is not supported by ARM; declare the child as a top-level resource (type and name with the parent's) to copy it",
        span: copy.span,
      });
    }
    if (copy && isTObject(copy.node)) {
      const c = copy as Located<TObject>;
      const nameNode = childOf(c, 'name');
      const loopName = typeof nameNode?.node === 'string' ? nameNode.node : symbolicName ?? 'copy';
      const countNode = childOf(c, 'count');
      const evaluated = countNode ? this.ev.evaluateNode(countNode.node, countNode.span, parent?.loop) : undefined;
      // An integer beyond 2^53 (held as an unknown) is a count ARM rejects, as 1e6 is: negative, or
      // above 800 (only the first copies analysed).
      let count = evaluated;
      const beyondExact = evaluated instanceof InexactInteger;
      if (evaluated instanceof InexactInteger) {
        const { text, negative } = countBeyondExactNumbers(evaluated, countNode?.node);
        if (negative) {
          this.diagnostics.add({ code: 'evaluation-error', message: `copy count ${text} is negative`, span: countNode?.span ?? copy.span });
          return;
        }
        this.diagnostics.add({
          code: 'evaluation-error',
          message: `copy count ${text} exceeds Azure's limit of ${ARM_MAX_COPY}; the deployment will be rejected (only the first ${ARM_MAX_COPY} copies are analysed)`,
          span: countNode?.span ?? copy.span,
        });
        count = ARM_MAX_COPY + 1;
      }
      // A count that is no integer at all ("2" from a string parameter, 1.5, a missing count): ARM
      // rejects the template ("has an invalid copy count"), as for the other copy loops (scope.ts).
      // An empty string is not judged: it is what an int parameter's "" default gives, which
      // templates deployed only with a value write for "no default" (TemplateScope reports that
      // default when it is the value); such a count is treated as one known only at deployment, below.
      if (!countNode || (count !== undefined && count !== '' && !(count instanceof Unknown) && !(typeof count === 'number' && Number.isInteger(count)))) {
        const message = countNode
          ? `The copy count must be a non-negative integer; it is ${typeof count === 'number' ? count : `of type '${typeName(count as Value)}'`}.`
          : "A copy loop needs a 'count'.";
        this.diagnostics.add({ code: countNode ? 'evaluation-error' : 'invalid-template', message, span: countNode?.span ?? copy.span });
        return;
      }
      if (typeof count === 'number' && symbolicName !== undefined && !parent && !beyondExact) this.loopCounts.set(symbolicName.toLowerCase(), count);
      this.checkCopyMode(c, beyondExact ? evaluated : count, parent?.loop);
      if (typeof count === 'number') {
        if (count < 0) {
          this.diagnostics.add({ code: 'evaluation-error', message: `copy count ${count} is negative`, span: countNode?.span ?? copy.span });
          return;
        }
        if (count > ARM_MAX_COPY && !beyondExact) {
          this.diagnostics.add({
            code: 'evaluation-error',
            message: `copy count ${count} exceeds Azure's limit of ${ARM_MAX_COPY}; the deployment will be rejected (only the first ${ARM_MAX_COPY} copies are analysed)`,
            span: countNode?.span ?? copy.span,
          });
        }
        const maxCopy = this.options.maxCopyCount ?? ARM_MAX_COPY;
        if (count > maxCopy && count <= ARM_MAX_COPY) {
          this.diagnostics.add({
            code: 'limit-exceeded',
            message: `copy count ${count} is more than ${maxCopy}; only the first ${maxCopy} copies are analysed (limit maxCopyCount)`,
            span: countNode?.span ?? copy.span,
          });
        }
        const n = Math.min(count, ARM_MAX_COPY, maxCopy);
        if (n === 0) {
          this.noteUndeployed(d, undefined);
          // No instance, but dependsOn may still name the loop (or its symbol): ARM drops the entry.
          const t = ownProp(d.node, 'type');
          this.notDeployed.push({ id: undefined, type: typeof t === 'string' ? t : '', name: null, unit: this.unit, symbolicName, loopName });
        }
        // Every instance evaluates the same declaration: they share its spans, not a copy each.
        const decl = n > 1 ? { node: d.node, span: d.span.shared() } : d;
        for (let i = 0; i < n; i++) this.expandInstance(decl, parent, symbolicName, { name: loopName, index: i });
        return;
      }
      // Count only known at deployment: one representative instance, maybe deployed.
      const why =
        count instanceof Unknown
          ? count
          : new Unknown({ code: 'parameter-without-value', message: 'the copy count is an empty string (an int parameter whose default is ""), so it is known only at deployment', span: countNode?.span ?? copy.span });
      // Its copyIndex() stands for "some index", the same in every representative instance, so
      // a representative VM still links to the representative NIC named with the same expression.
      const index = new Unknown(why.reason, 'int', undefined, REPRESENTATIVE_INDEX);
      this.expandInstance(d, parent, symbolicName, { name: loopName, index }, why);
      return;
    }
    this.expandInstance(d, parent, symbolicName, parent?.loop);
  }

  /**
   * A resource copy loop's `mode` is `parallel` (the default) or `serial`, in any case; a serial
   * loop's `batchSize` is how many instances deploy at a time (copy-resources.md: "mode": "serial"
   * <or> "parallel", "batchSize": <number-to-deploy-serially>). ARM rejects another mode when it
   * reads the template, and a batch size larger than the count: "The template 'copy' definition
   * ... has an invalid copy batch size. The copy batch size must be a non-negative integer value
   * and cannot exceed the copy count '2'" (InvalidTemplate, MicrosoftDocs/azure-docs#62948). A
   * count of 0 does not fail that way (the deployments engine was fixed for it, Azure/bicep#4319).
   * The batch size is judged only with mode serial, the combination ARM documents: a batch size of
   * a parallel loop is not known to be read at all. A batch size of 0 is not judged either: ARM's
   * own message calls it valid ("non-negative"); Bicep rejects @batchSize(0) itself (BCP154, lower-resource.ts).
   */
  private checkCopyMode(copy: Located<TObject>, count: Value | undefined, loop: ResourceLoop | undefined): void {
    const modeNode = childOf(copy, 'mode');
    let serial = false;
    // Only a literal string is judged: an expression, or a number (which a JSON enum reader may
    // take for a member), is not known to be rejected.
    if (modeNode && typeof modeNode.node === 'string' && !isExpressionString(modeNode.node)) {
      const mode = modeNode.node.toLowerCase();
      if (mode === 'serial') serial = true;
      else if (mode !== 'parallel') {
        this.diagnostics.add({
          code: 'invalid-template',
          message: `The copy mode '${modeNode.node}' is not valid: ARM accepts 'parallel' (the default) or 'serial' (with 'batchSize', the number of instances deployed at a time).`,
          span: modeNode.span,
        });
        return;
      }
    }
    const batchNode = childOf(copy, 'batchSize');
    if (!serial || !batchNode) return;
    const batch = this.ev.evaluateNode(batchNode.node, batchNode.span, loop);
    if (batch === undefined || batch instanceof Unknown) return;
    if (typeof batch !== 'number' || !Number.isInteger(batch) || batch < 0) {
      this.diagnostics.add({
        code: 'evaluation-error',
        message: `The copy batch size must be a non-negative integer; it is ${typeof batch === 'number' ? batch : `of type '${typeName(batch)}'`}.`,
        span: batchNode.span,
      });
      return;
    }
    if (typeof count === 'number' && Number.isInteger(count) && count > 0 && batch > count) {
      this.diagnostics.add({
        code: 'evaluation-error',
        message: `The copy batch size ${batch} exceeds the copy count ${count}: ARM rejects the template ("invalid copy batch size ... cannot exceed the copy count").`,
        span: batchNode.span,
      });
    }
  }

  private expandInstance(
    decl: Located<TObject>,
    parent: ParentInfo | undefined,
    symbolicName: string | undefined,
    loop: ResourceLoop | undefined,
    loopUnknown?: Unknown,
  ): void {
    if (this.firstIndex + this.resources.length >= this.options.maxResources) {
      if (!this.limitReported) {
        this.limitReported = true;
        if (this.options.onResourceLimit && !this.options.onResourceLimit()) return;
        this.diagnostics.add({
          code: 'limit-exceeded',
          message: `more than ${this.options.maxResources} resources; the rest are not analysed (limit maxResources)`,
          span: decl.span,
        });
      }
      return;
    }
    const ev = (key: string): { value: Value | undefined; span: Span } => {
      const c = childOf(decl, key);
      return c ? { value: this.ev.evaluateNode(c.node, c.span, loop), span: c.span } : { value: undefined, span: decl.span };
    };

    // Condition first: a resource whose condition is false is not deployed, and nothing in it is evaluated.
    // A nested deployment (module) that may not be deployed takes its resources with it. A parent's
    // condition does not: "Conditional deployment doesn't cascade to child resources" (ARM's
    // conditional-resource-deployment.md, written for children nested in their parent's
    // `resources`, MicrosoftDocs/azure-docs#55536); a child has its own. A child of the one
    // instance standing for a loop whose count is unknown may not exist, as its parent.
    const deployer = this.unit.parent;
    const unknownCount = loopUnknown ?? parent?.loopUnknown;
    let state: DeployState = deployer?.state === 'maybe' ? 'maybe' : 'deployed';
    let condition: Unknown | undefined = unknownCount ?? deployer?.condition;
    if (unknownCount) state = 'maybe';
    const cond = ev('condition');
    if (cond.value !== undefined) {
      if (cond.value === false) {
        const recorded = this.recordNotDeployed(decl, parent, loop, symbolicName);
        // Its nested children are deployed all the same, each by its own condition.
        if (recorded) this.expandChildren(decl, { resource: undefined, type: recorded.type, name: recorded.name, loop, loopUnknown: unknownCount });
        return;
      }
      if (cond.value instanceof Unknown) {
        state = 'maybe';
        condition ??= cond.value;
      } else if (cond.value !== true) {
        this.diagnostics.add({ code: 'evaluation-error', message: 'the condition must be a boolean', span: cond.span });
      }
    }

    const typeV = ev('type');
    const nameV = ev('name');
    if (typeof typeV.value !== 'string') {
      // A type the Bicep lowering has reported already (an interpolated type): nothing to add.
      if (typeV.value instanceof Unknown && typeV.value.reason.code === 'error') return;
      this.diagnostics.add({
        code: typeV.value === undefined ? 'invalid-template' : 'evaluation-error',
        message: typeV.value === undefined ? "the resource has no 'type'" : "the resource 'type' must be a literal string",
        span: typeV.span,
      });
      return;
    }
    // A resource of an extension (languageVersion 2.0 `import` or `extension`: Microsoft Graph,
    // Kubernetes) is not an ARM resource: it may have no name (it is then named by its symbolic
    // name), and its name need not follow ARM's segments.
    const extension = isExtensionDeclaration(decl.node);
    if (nameV.value === undefined && (!extension || symbolicName === undefined)) {
      this.diagnostics.add({ code: 'invalid-template', message: "the resource has no 'name'", span: decl.span });
      return;
    }
    let type = typeV.value;
    let name: Value = nameV.value ?? (symbolicName as string);
    // An extension's type carries its version ("Microsoft.Graph/applications@v1.0").
    const at = extension ? type.lastIndexOf('@') : -1;
    const typeVersion = at > 0 ? type.slice(at + 1) : undefined;
    if (at > 0) type = type.slice(0, at);
    if (parent) ({ type, name } = qualifyChild(parent, type, name));
    const meant = extension ? undefined : meantTapType(type);
    if (meant !== undefined) {
      // Not a type Azure has: nothing of it deploys, and its name is not judged against it.
      this.diagnostics.add({
        code: 'invalid-template',
        message: `'${type}' is not a resource type (Azure has no such type, and rejects the deployment: "InvalidResourceType"); ${meant.endsWith('tapConfigurations') ? `a tap configuration is '${meant}', a child of the source network interface (${this.unit.file.kind === 'bicep' ? 'declare it with parent: nic, or inside the NIC' : "named 'nic-name/config-name'"})` : `a TAP is '${meant}', a top-level resource`}`,
        span: typeV.span,
      });
      return;
    }
    const apiVersion = ev('apiVersion').value ?? typeVersion;
    // ARM reads the template's keys in any letter case: "Existing": true is an existing resource.
    const existing = ownProp(decl.node, 'existing') === true;
    const scope = this.scopeFor(decl, loop);
    const id = buildId(scope, type, name);
    // An extension type written with "providers" ("Microsoft.Sql/servers/databases/providers/diagnosticSettings")
    // is a resource of the extension's own type.
    if (id && /\/providers\//i.test(type)) type = fullType(id);
    if (!id) {
      // An extension's resource that ARM ids cannot name is left out: no vTAP rule concerns it.
      // So is a resource of a "…/providers/…" type whose name is known only at deployment as a
      // whole (newGuid()): the extension's namespace is in the name, so no id can be formed, and
      // how many segments the name has is not known, so it cannot be said not to fit its type.
      if (extension || (name instanceof Unknown && !name.parts)) return;
      this.reportNameMismatch(type, nameV.span);
      return;
    }
    const resource = new ExpandedResource(
      {
        index: this.firstIndex + this.resources.length,
        id,
        key: resourceKey(id),
        type,
        apiVersion: typeof apiVersion === 'string' ? apiVersion : undefined,
        name,
        symbolicName,
        existing,
        state,
        condition: state === 'maybe' ? condition : undefined,
        copy: loop ? { name: loop.name, index: typeof loop.index === 'number' ? loop.index : undefined } : undefined,
        unit: this.unit,
        span: decl.span,
        typeSpan: typeV.span,
        nameSpan: nameV.span,
        parent: parent?.resource,
        decl,
      },
      this.ev,
      loop,
    );
    this.resources.push(resource);
    parent?.resource?.children.push(resource);
    this.expandChildren(decl, { resource, type, name, loop, loopUnknown: unknownCount });
  }

  /** The children declared in a resource's `resources` array. */
  private expandChildren(decl: Located<TObject>, parent: ParentInfo): void {
    const nested = childOf(decl, 'resources');
    if (nested && Array.isArray(nested.node)) {
      nested.node.forEach((child, i) => this.expandDeclaration({ node: child, span: nested.span.child(nested.node as TNode[], i) }, parent, undefined));
    }
  }

  /**
   * A declaration whose condition is false: not deployed, but dependsOn entries may still name it
   * (ARM ignores those), so its id is kept. ARM still checks that its name fits its type: a name
   * with the wrong number of segments fails validation whatever the condition ("has incorrect
   * segment lengths", Azure/bicep#10596, where the condition was false).
   */
  private recordNotDeployed(decl: Located<TObject>, parent: ParentInfo | undefined, loop: ResourceLoop | undefined, symbolicName: string | undefined): { type: string; name: Value } | undefined {
    this.noteUndeployed(decl, loop);
    const t = childOf(decl, 'type');
    const n = childOf(decl, 'name');
    if (!t || !n) return undefined;
    const typeV = this.ev.evaluateNode(t.node, t.span, loop);
    let name = this.ev.evaluateNode(n.node, n.span, loop);
    if (typeof typeV !== 'string') return undefined;
    let type = typeV;
    if (parent) ({ type, name } = qualifyChild(parent, type, name));
    const id = buildId(this.scopeFor(decl, loop), type, name);
    // Its own loop only (a child inside a copied parent runs in the parent's loop, not as part of it).
    const loopName = loop && ownProp(decl.node, 'copy') !== undefined ? loop.name : undefined;
    if (id) this.notDeployed.push({ id, type, name, unit: this.unit, symbolicName, loopName });
    else if (!isExtensionDeclaration(decl.node) && !(name instanceof Unknown && !name.parts)) this.reportNameMismatch(type, n.span);
    return { type, name };
  }

  /** A name whose segments do not fit its type (the sink reports it once per declaration, not per copy). */
  private reportNameMismatch(type: string, span: Span): void {
    this.diagnostics.add({
      code: 'invalid-template',
      message: `the name does not match the type '${type}': a child resource needs one name segment per type segment`,
      span,
    });
  }

  /** A declaration that deploys nothing: kept when it is a nested deployment (see undeployedDeployments). */
  private noteUndeployed(decl: Located<TObject>, loop: ResourceLoop | undefined): void {
    const t = ownProp(decl.node, 'type');
    if (typeof t === 'string' && t.toLowerCase() === DEPLOYMENTS) this.undeployedDeployments.push({ decl, loop });
  }

  /**
   * A nested deployment with `resourceGroup` / `subscriptionId` is itself created in that resource
   * group / subscription (ARM stores the deployment there), so its id is scoped there: a dependsOn
   * `resourceId('rg', 'Microsoft.Resources/deployments', 'x')` names it. An `existing` resource
   * (languageVersion 2.0) is looked up in the resource group / subscription they name.
   */
  private deploymentScope(decl: Located<TObject>, loop: ResourceLoop | undefined): TargetScope | undefined {
    const t = ownProp(decl.node, 'type');
    if (typeof t !== 'string' || (t.toLowerCase() !== DEPLOYMENTS && ownProp(decl.node, 'existing') !== true)) return undefined;
    const at = (key: string): Segment | undefined => {
      const c = childOf(decl, key);
      return c ? scopeSegment(this.ev.evaluateNode(c.node, c.span, loop)) : undefined;
    };
    const rg = at('resourceGroup');
    const sub = at('subscriptionId');
    if (rg) return { ...this.unit.scope, kind: 'resourceGroup', resourceGroup: rg, subscriptionId: sub ?? this.unit.scope.subscriptionId };
    // A deployment with only subscriptionId is a subscription deployment, also from a resource
    // group template ("Scope to subscription": it needs a location), and is created there. So is
    // an existing resource: the Bicep compiler writes `existing = { scope: subscription() }` of a
    // resource group file as "subscriptionId" alone (a resource group scope always has
    // "resourceGroup" too), and subscriptionResourceId() is its id.
    if (sub) return { ...this.unit.scope, kind: 'subscription', subscriptionId: sub };
    return undefined;
  }

  /** The target scope of a declaration: the unit's, or an explicit `scope` (extension resources). */
  private scopeFor(decl: Located<TObject>, loop: ResourceLoop | undefined): TargetScope | Segment[] {
    const s = childOf(decl, 'scope');
    if (!s) return this.deploymentScope(decl, loop) ?? this.unit.scope;
    const v = this.ev.evaluateNode(s.node, s.span, loop);
    const segs = splitSegments(v)?.filter((seg) => seg.length > 0);
    // "/" is the tenant (a Microsoft.Subscription/aliases from a management group template, Bicep's `scope: tenant()`).
    if (segs?.length === 0 && startsWithSlash(v)) return [];
    if (!segs || segs.length === 0) return this.unit.scope;
    // An absolute id: a resource (extension resources) or a scope (/subscriptions/s/resourceGroups/g).
    if (parseResourceId(v) || startsWithSlash(v)) return segs;
    // A management group is a tenant resource: "Microsoft.Management/managementGroups/mg2" (how a
    // management group template targets another one, and how Bicep writes `managementGroup('mg2')`)
    // is /providers/Microsoft.Management/managementGroups/mg2 from any scope, not a path below the
    // current management group.
    if (segs.length >= 3 && segs.length % 2 === 1 && isManagementGroupType(segs)) return [['providers'], ...segs];
    // languageVersion 1.0 writes the scope relative to the deployment: "Microsoft.Storage/storageAccounts/sa".
    if (segs.length >= 3 && segs.length % 2 === 1) return [...scopeSegments(this.unit.scope), ['providers'], ...segs];
    return this.unit.scope;
  }
}

/** The fields of a deployed resource known when it is expanded. */
type ResourceFields = Omit<DeployedResource, 'displayName' | 'plainDisplayName' | 'identityName' | 'displayQualifier' | 'displayedName' | 'bySymbolicName' | 'children' | 'dependsOn' | 'implicitDependencies' | 'body' | 'checkBody' | 'root'>;

/**
 * A deployed resource. A class, not an object literal with getters and closures: an object with
 * this many properties, four of them per-instance getters, fell into dictionary mode (about 1.6 KB
 * each, plus a closure context per resource), which a 10,000-VM deployment has 30,000 of.
 * body and dependsOn are evaluated on first use: most resources are never asked for them.
 */
class ExpandedResource implements DeployedResource {
  readonly index: number;
  readonly id: ResourceId;
  readonly key: string;
  readonly type: string;
  readonly apiVersion: string | undefined;
  readonly name: Value;
  readonly symbolicName: string | undefined;
  readonly existing: boolean;
  readonly state: DeployState;
  readonly condition: Unknown | undefined;
  readonly copy: { name: string; index: number | undefined } | undefined;
  readonly unit: DeploymentUnit;
  readonly span: Span;
  readonly typeSpan: Span;
  readonly nameSpan: Span;
  parent: DeployedResource | undefined;
  children: DeployedResource[] = [];
  displayQualifier: string | undefined = undefined;
  displayedName: string | undefined = undefined;
  bySymbolicName: boolean | undefined = undefined;
  readonly decl: Located<TObject>;
  private bodyValue: ObjectValue | undefined;
  /** What `root` gives, made once: rules ask for it for every query about the resource. */
  private rootValue: LocatedValue | undefined;
  private dependsOnList: Dependency[] | undefined;
  /** Filled while the body is evaluated (collectingImplicitDependencies). */
  implicit: Dependency[] | undefined = undefined;
  /** Every expression of the body has been evaluated by checkBody (its implicit dependencies noted). */
  private bodyChecked = false;

  constructor(
    f: ResourceFields,
    private readonly evaluator: NodeEvaluator,
    private readonly loop: ResourceLoop | undefined,
  ) {
    this.index = f.index;
    this.id = f.id;
    this.key = f.key;
    this.type = f.type;
    this.apiVersion = f.apiVersion;
    this.name = f.name;
    this.symbolicName = f.symbolicName;
    this.existing = f.existing;
    this.state = f.state;
    this.condition = f.condition;
    this.copy = f.copy;
    this.unit = f.unit;
    this.span = f.span;
    this.typeSpan = f.typeSpan;
    this.nameSpan = f.nameSpan;
    this.parent = f.parent;
    this.decl = f.decl;
  }

  /**
   * Its name once known ('web-nic-1'); else a Bicep loop's instances are "webNics[0]",
   * "webNics[1]": as the user would index them. Computed when a message needs it: the name as
   * written costs a position lookup.
   */
  get displayName(): string {
    if (this.displayedName !== undefined) return this.displayedName;
    const plain = this.plainDisplayName;
    return this.displayQualifier === undefined ? plain : `${this.displayQualifier}.${plain}`;
  }

  get plainDisplayName(): string {
    if (this.displayedName !== undefined) return this.displayedName;
    const { symbolicName, name } = this;
    if (!symbolicName) return displayNameOf(name, this.nameSpan);
    // Named as ARM names it once the name is known ('collector-nic', 'web-nic-1', 'web-nic-1/tapcfg'),
    // as the rule catalogue's messages do; a module keeps the symbolic name it is known by.
    if (typeof name === 'string' && !this.bySymbolicName && this.type.toLowerCase() !== DEPLOYMENTS) return name;
    return this.identityName;
  }

  get identityName(): string {
    if (this.displayedName !== undefined) return this.displayedName;
    const { symbolicName, loop } = this;
    if (!symbolicName) return displayNameOf(this.name, this.nameSpan);
    return loop && typeof loop.index === 'number' && loop.name === symbolicName ? `${symbolicName}[${loop.index}]` : symbolicName;
  }

  get implicitDependencies(): readonly Dependency[] {
    // checkBody evaluated every expression of the body, noting its reads as the body would: the
    // body need not be made (and kept) for them.
    if (!this.bodyChecked) void this.body;
    return this.implicit ?? NO_DEPENDENCIES;
  }

  /** The evaluated declaration, without the keys that steer deployment. */
  get body(): ObjectValue {
    if (this.bodyValue) return this.bodyValue;
    return collectingImplicitDependencies(this, () => this.evaluator.isolated(() => this.evaluateBody()));
  }

  private evaluateBody(): ObjectValue {
    const decl = this.decl;
    // An existing resource's "subscriptionId" / "resourceGroup" (languageVersion 2.0) say where
    // it is looked up (deploymentScope), like a scope; a deployment's are its own properties.
    const keys = Object.keys(decl.node).filter((k) => !CONTROL_KEYS.has(k.toLowerCase()) && !(this.existing && EXISTING_SCOPE_KEYS.has(k.toLowerCase())));
    const body = new ObjectValue(keys.length);
    this.bodyValue = body;
    // Key spans are derived when asked (setFromTemplateAt); value spans are kept: each is the span
    // its value was evaluated with, and rules compare an unknown's reason span with it.
    body.origin = { container: decl.node, span: decl.span };
    const isDeployment = this.type.toLowerCase() === DEPLOYMENTS;
    for (const k of keys) {
      const node = decl.node[k] as TNode;
      // A literal (the type, the apiVersion, most names and locations) is evaluated without a span
      // of its own; its span is derived when a finding asks for it, as for any literal property.
      if (!needsOwnSpan(node)) {
        body.setFromTemplate(k, this.evaluator.evaluateNode(node, decl.span, this.loop), k);
        continue;
      }
      const span = decl.span.child(decl.node, k);
      // A nested deployment's template is evaluated in its own scope by the deploy stage, not here.
      const value =
        isDeployment && k.toLowerCase() === 'properties' && isTObject(node)
          ? evaluateDeploymentProperties(this.evaluator, { node, span }, this.loop)
          : this.evaluator.evaluateNode(node, span, this.loop);
      body.setFromTemplateAt(k, value, k, span);
    }
    body.span = decl.span;
    return body;
  }

  /**
   * Each expression of the body, evaluated where evaluating the body evaluates it (at its span, in
   * this instance of the copy loop), when the body has not been: the errors are the body's, and no
   * value is built or kept. Literal parts cannot fail and are skipped. An object whose property
   * names are expressions, or that holds a property copy loop, is evaluated whole, as the body
   * does; a deployment's body (its inline template is not evaluated here) is read.
   */
  checkBody(): void {
    if (this.bodyValue) return;
    if (this.type.toLowerCase() === DEPLOYMENTS) {
      void this.body;
      return;
    }
    collectingImplicitDependencies(this, () => this.evaluator.isolated(() => this.checkDeclaration()));
    this.bodyChecked = true;
  }

  private checkDeclaration(): void {
    const decl = this.decl;
    for (const k of Object.keys(decl.node)) {
      const lower = k.toLowerCase();
      if (CONTROL_KEYS.has(lower) || EXPANDED_KEYS.has(lower) || (this.existing && EXISTING_SCOPE_KEYS.has(lower))) continue;
      const node = decl.node[k] as TNode;
      if (needsOwnSpan(node)) this.checkNode(node, decl.span.child(decl.node, k));
    }
  }

  private checkNode(node: TNode, span: Span): void {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i] as TNode;
        if (needsOwnSpan(item)) this.checkNode(item, span.child(node, i));
      }
      return;
    }
    if (isTObject(node)) {
      const keys = Object.keys(node);
      if (!keys.some(evaluatedWhole)) {
        for (const k of keys) {
          const child = node[k] as TNode;
          if (needsOwnSpan(child)) this.checkNode(child, span.child(node, k));
        }
        return;
      }
    }
    this.evaluator.evaluateNode(node, span, this.loop);
  }

  get root(): LocatedValue {
    return (this.rootValue ??= { value: this.body, span: this.decl.span });
  }

  /** dependsOn is evaluated when the graph first needs edges: most templates never need them. */
  get dependsOn(): Dependency[] {
    if (this.dependsOnList) return this.dependsOnList;
    // Empty while its entries are evaluated (an entry that reaches back here sees none).
    this.dependsOnList = NO_DEPENDENCIES;
    const dep = childOf(this.decl, 'dependsOn');
    if (dep && Array.isArray(dep.node) && dep.node.length > 0) {
      const list = dep.node;
      // Exact size: kept with every resource, and an array grown by push() from [] reserves 17 slots.
      const out = new Array<Dependency>(list.length);
      for (let i = 0; i < list.length; i++) {
        const span = dep.span.child(list, i);
        out[i] = { value: this.evaluator.evaluateNode(list[i] as TNode, span, this.loop), span };
      }
      this.dependsOnList = out;
    }
    return this.dependsOnList;
  }
}

export const DEPLOYMENTS = 'microsoft.resources/deployments';

/** A key that makes the evaluator see its object whole (checkBody): a property copy loop, a property name that is an expression. */
function evaluatedWhole(k: string): boolean {
  return (k.length === 4 && k.toLowerCase() === 'copy') || k.startsWith('[');
}

/** A segment of a scope from an evaluated `resourceGroup` / `subscriptionId` value. */
function scopeSegment(v: Value): Segment | undefined {
  return typeof v === 'string' || v instanceof Unknown ? [v] : undefined;
}

/** Whether relative scope segments start with the type Microsoft.Management/managementGroups. */
function isManagementGroupType(segs: readonly Segment[]): boolean {
  return segmentText(segs[0] as Segment)?.toLowerCase() === 'microsoft.management' && segmentText(segs[1] as Segment)?.toLowerCase() === 'managementgroups';
}

function startsWithSlash(v: Value): boolean {
  if (typeof v === 'string') return v.startsWith('/');
  const first = v instanceof Unknown ? v.parts?.[0] : undefined;
  return typeof first === 'string' && first.startsWith('/');
}

/** The properties of a Microsoft.Resources/deployments resource, without its inline template. */
function evaluateDeploymentProperties(ev: NodeEvaluator, props: Located<TObject>, loop: ResourceLoop | undefined): ObjectValue {
  const out = new ObjectValue();
  out.span = props.span;
  for (const k of Object.keys(props.node)) {
    if (k.toLowerCase() === 'template') continue;
    const span = props.span.child(props.node, k);
    out.set(k, ev.evaluateNode(props.node[k] as TNode, span, loop), span, props.span.keySpan(props.node, k));
  }
  return out;
}

/** A resource of a languageVersion 2.0 extension (`import` / `extension`), which ARM ids do not name. */
function isExtensionDeclaration(decl: TObject): boolean {
  return own(decl, 'import') !== undefined || own(decl, 'extension') !== undefined;
}

function joinName(parent: Value, child: Value): Value {
  if (typeof parent === 'string' && typeof child === 'string') return `${parent}/${child}`;
  const parts: (string | Unknown)[] = [];
  const push = (v: Value) => {
    if (typeof v === 'string') parts.push(v);
    else if (v instanceof Unknown) pushAll(parts, v.parts ?? [v]);
    else parts.push(String(v));
  };
  push(parent);
  parts.push('/');
  push(child);
  const first = [parent, child].find((v): v is Unknown => v instanceof Unknown);
  return new Unknown(first?.reason ?? { code: 'error', message: 'unknown name' }, 'string', parts);
}

/** The id segments of a scope; one array per scope, shared by every resource deployed to it. */
export function scopeSegments(scope: TargetScope): Segment[] {
  let segs = scopeSegmentCache.get(scope);
  if (segs) return segs;
  switch (scope.kind) {
    case 'resourceGroup':
      segs = [['subscriptions'], scope.subscriptionId, ['resourceGroups'], scope.resourceGroup];
      break;
    case 'subscription':
      segs = [['subscriptions'], scope.subscriptionId];
      break;
    case 'managementGroup':
      segs = [['providers'], ['Microsoft.Management'], ['managementGroups'], scope.managementGroup ?? []];
      break;
    case 'tenant':
      segs = [];
      break;
  }
  scopeSegmentCache.set(scope, segs);
  return segs;
}

const scopeSegmentCache = new WeakMap<TargetScope, Segment[]>();

/** The id a resource of `type` named `name` gets in `scope`; undefined when name and type do not fit. */
/** Name segments of a name value; a wholly unknown name fills `levels` segments with itself. */
function nameSegments(name: Value, levels: number): Segment[] | undefined {
  if (name instanceof Unknown && !name.parts) return Array.from({ length: levels }, () => [name]);
  // Empty segments stay: a name from an empty parameter default ("" + "/add") must still fit its
  // type; it simply matches no other resource.
  return typeof name === 'string' || name instanceof Unknown ? splitSegments(name) : undefined;
}

/** Type segments below the namespace, counting an extension type's own levels ("a/b/providers/c"). */
function nameLevels(type: string): number {
  const segs = type.split('/');
  const p = segs.findIndex((x, i) => i > 0 && x.toLowerCase() === 'providers');
  return p < 0 ? segs.length - 1 : p - 1 + 1 + (segs.length - p - 1);
}

/**
 * A child declared inside its parent's `resources`: the type is relative ("subnets",
 * "blobServices/containers", "providers/diagnosticSettings") unless it starts with a namespace,
 * and the name is relative unless it already has a segment per level of the full type.
 */
export function qualifyChild(parent: { type: string; name: Value }, type: string, name: Value): { type: string; name: Value } {
  const first = type.split('/')[0] ?? '';
  if (first.includes('.')) return { type, name };
  const full = `${parent.type}/${type}`;
  const segs = nameSegments(name, 1);
  if (segs && segs.length === nameLevels(full) && !(name instanceof Unknown && !name.parts)) return { type: full, name };
  return { type: full, name: joinName(parent.name, name) };
}

/** The id a resource of `type` named `name` gets in `scope`; undefined when name and type do not fit. */
export function buildId(scope: TargetScope | Segment[], type: string, name: Value): ResourceId | undefined {
  const typeSegs = type.split('/');
  const p = typeSegs.findIndex((x, i) => i > 0 && x.toLowerCase() === 'providers');
  if (p > 0) {
    // An extension resource written with its scope resource's type: the names hold the scope
    // resource's names, then the extension's namespace, then the extension's names.
    const baseLevels = p - 1;
    const extTypes = typeSegs.slice(p + 1);
    const names = nameSegments(name, baseLevels + 1 + extTypes.length);
    if (!names || names.length !== baseLevels + 1 + extTypes.length || extTypes.length === 0) return undefined;
    const base = buildId(scope, typeSegs.slice(0, p).join('/'), null);
    const namespace = segmentText(names[baseLevels] as Segment);
    if (!namespace || !base) return undefined;
    const baseNames = names.slice(0, baseLevels);
    const baseScope = [...base.scope, ['providers'], [base.namespace], ...base.types.flatMap((t, i) => [[t], baseNames[i] as Segment])];
    return { scope: baseScope, namespace, types: extTypes, names: names.slice(baseLevels + 1) };
  }
  const [namespace, ...split] = typeSegs;
  if (!namespace || split.length === 0) return undefined;
  const types = sharedTypes(type, split);
  // null: only the scope and the type are wanted (the caller supplies the names).
  const names = name === null ? types.map((): Segment => []) : nameSegments(name, types.length);
  if (!names || names.length !== types.length) return undefined;
  return { scope: Array.isArray(scope) ? scope : scopeSegments(scope), namespace, types, names };
}

/** The dependsOn of a resource that has none (shared, never changed). */
const NO_DEPENDENCIES: Dependency[] = [];

/**
 * One array of type segments per resource type, shared by the ids of every resource of it (a
 * large deployment has thousands of each type; ids never change their segments). Bounded.
 */
const typeSegments = new Map<string, string[]>();

function sharedTypes(type: string, split: string[]): string[] {
  const known = typeSegments.get(type);
  if (known) return known;
  if (typeSegments.size >= 1024) typeSegments.clear();
  typeSegments.set(type, split);
  return split;
}

/**
 * A name known in part shows its unknown pieces as its id does (segmentDisplay: `{symbol}`, `{?}`),
 * so one resource has one name in every message: the NIC of a tapConfigurations resource named
 * `[concat(parameters('nics')[copyIndex()], '/tap')]` is `{parameters('nics')[copyIndex()]}` in
 * the rules that name it by id, and the configuration `{parameters('nics')[copyIndex()]}/tap`.
 */
function displayNameOf(name: Value, span: Span): string {
  if (typeof name === 'string') return name;
  if (name instanceof Unknown && name.parts) return segmentDisplay(name.parts);
  if (name instanceof Unknown && name.symbol !== undefined) return segmentDisplay([name]);
  // The name as written in the file.
  const r = span.range();
  return span.file.text.slice(r.start, r.end).replace(/^"|"$/g, '');
}
