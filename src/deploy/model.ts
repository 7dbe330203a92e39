// What a template deploys: resources after parameters, copy loops and conditions, each with its
// evaluated declaration (values with spans), its id, and where it was declared.
import type { Span } from '../model/span.js';
import type { SourceText } from '../model/source.js';
import type { ObjectValue, Unknown, Value } from '../expr/value.js';
import type { ResourceId, Segment } from './resource-id.js';
import type { LocatedValue } from '../expr/located.js';
import type { Located, TObject } from '../model/template.js';

export type ScopeKind = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

/** Where a deployment puts its resources. Unknown segments carry deployment-wide symbols. */
export interface TargetScope {
  kind: ScopeKind;
  subscriptionId: Segment;
  resourceGroup: Segment;
  managementGroup?: Segment;
}

/** A template being deployed: the root file, or a nested deployment / module inside it. */
export interface DeploymentUnit {
  /** The file the template text is in (a module's own file for Bicep modules and linked templates). */
  file: SourceText;
  scope: TargetScope;
  /** The Microsoft.Resources/deployments resource (or Bicep module) that deploys it; undefined for the root. */
  parent?: DeployedResource;
  /** Nesting depth: 0 for the root. */
  depth: number;
}

export type DeployState =
  /** Deployed whenever the template is. */
  | 'deployed'
  /** Its condition is only known at deployment. */
  | 'maybe';

export interface Dependency {
  /** The dependsOn entry as evaluated (an id, a name, a symbolic name). */
  value: Value;
  span: Span;
  /** The resource it names, once the graph resolved it. */
  target?: DeployedResource;
  /** It names a resource whose condition is false (ARM ignores such an entry). */
  notDeployed?: boolean;
  /**
   * Not a dependsOn entry: a reference() or list*() call naming a resource of the same template
   * by its name or symbolic name, which ARM treats as a dependency (`value` is that name, `span`
   * the call). An id passed to those functions makes none.
   */
  implicit?: true;
}

export interface DeployedResource {
  /** Index in the deployment, in declaration order (stable, for deterministic output). */
  readonly index: number;
  readonly id: ResourceId;
  /** Case-insensitive identity key (scope + provider path). */
  readonly key: string;
  /** Full type, e.g. "Microsoft.Network/networkInterfaces/tapConfigurations". */
  readonly type: string;
  readonly apiVersion: string | undefined;
  /** Full name as evaluated ("nic1/tapcfg"), possibly partially known. */
  readonly name: Value;
  /**
   * How messages name it: its name once it is known after evaluation ('collector-nic', a loop
   * instance's 'web-nic-1', a child's 'web-nic-1/tapcfg'), as ARM's own errors do; else the
   * symbolic name (Bicep, languageVersion 2.0: 'webNics[1]' for a loop instance), else the name
   * as written (its unknown pieces as `{symbol}`). A Bicep module (a nested deployment with a
   * symbolic name) keeps its symbolic name. With the modules it is in ("hub.vnet") when another
   * resource of its type in another module reads the same (see qualifySharedDisplayNames).
   */
  readonly displayName: string;
  /** displayName without the modules. */
  readonly plainDisplayName: string;
  /**
   * The name a finding's resource identity uses (its SARIF logical location, which fingerprints
   * and the config's `resource` suppressions use): the symbolic name ('webNics[1]' for a loop
   * instance), else the name as displayed. It does not change when parameter values change a
   * name, nor when another module's resource reads alike, so baselines made before messages named
   * Bicep resources by their names keep matching.
   */
  readonly identityName: string;
  /** The modules it is in, when its displayName shows them ("hub", "spokes[1].net"). */
  displayQualifier: string | undefined;
  /**
   * Its name, for an `existing` resource in a loop (its own, or a module loop's) whose name is
   * known and is that resource's alone ("nic-web-02", not "opsTaps[1].nic"): a finding about it
   * also points at where the name was given. Then displayName and plainDisplayName are both this.
   */
  displayedName: string | undefined;
  /**
   * Shown by its symbolic name although its name is known: another resource of its type in the
   * same template (a loop of `existing` NICs in two resource groups) has that name too.
   */
  bySymbolicName?: boolean | undefined;
  readonly symbolicName: string | undefined;
  /** An `existing` resource: referenced, not deployed; its properties are unknown. */
  readonly existing: boolean;
  readonly state: DeployState;
  /** Why it may not be deployed (its condition), when state is 'maybe'. */
  readonly condition: Unknown | undefined;
  /**
   * The copy loop it belongs to; index undefined when the count is only known at deployment (the
   * one representative instance, whose copyIndex() is an unknown with symbol REPRESENTATIVE_INDEX).
   */
  readonly copy: { name: string; index: number | undefined } | undefined;
  readonly unit: DeploymentUnit;
  /** The resource declaration (object) span. */
  readonly span: Span;
  readonly typeSpan: Span;
  readonly nameSpan: Span;
  /** Parent resource for child resources (nested `resources`, `parent`, or a "a/b" type and name). */
  parent: DeployedResource | undefined;
  /** Its children (the graph links top-level child declarations, then makes each list exact-size). */
  children: DeployedResource[];
  readonly dependsOn: Dependency[];
  /** The implicit dependencies its body makes (see Dependency.implicit); evaluates the body. */
  readonly implicitDependencies: readonly Dependency[];
  /** The evaluated declaration: location, sku, properties, ... Evaluated on first use. */
  readonly body: ObjectValue;
  /**
   * Evaluates the expressions of its body when nothing has read it, keeping none of the values:
   * what Azure would reject there is reported all the same (see evaluateEveryBody). Resources a
   * template declares have it; those the graph makes for a VM's network profile do not.
   */
  checkBody?(): void;
  /** The declaration as a located value (for at()). */
  readonly root: LocatedValue;
  /** The declaration as written (the deploy stage reads nested templates from it). */
  readonly decl: Located<TObject>;
}

/**
 * A declaration that deploys nothing: its condition is false, or it is a copy loop of count 0.
 * Kept so that dependsOn entries naming it resolve (ARM drops them: "Azure Resource Manager
 * automatically removes it from the required dependencies"; an empty loop orders nothing).
 */
export interface NotDeployed {
  /** Undefined for a copy loop of count 0: it has no instance to name, only its loop. */
  id: ResourceId | undefined;
  /** The copy loop it is an instance of (dependsOn may name the loop). */
  loopName?: string | undefined;
  type: string;
  name: Value;
  unit: DeploymentUnit;
  /** The symbolic name (languageVersion 2.0 / Bicep), which dependsOn entries may use. */
  symbolicName?: string | undefined;
}

/**
 * The symbol of copyIndex() in the representative instance of a loop whose count is known only at
 * deployment: "some index", the same in every such instance, so names and ids built from it in
 * two loops as long still link.
 */
export const REPRESENTATIVE_INDEX = 'copyIndex()';

/** A resource whose body is being evaluated: where its implicit dependencies go, and whether it deploys. */
export interface BodyUnderEvaluation {
  implicit: Dependency[] | undefined;
  readonly state: DeployState;
  readonly existing: boolean;
  readonly displayName: string;
}

/** The resources whose bodies are being evaluated, innermost last (see noteImplicitDependency). */
const evaluating: BodyUnderEvaluation[] = [];

/** The resource whose body is being evaluated now (innermost), if any. */
export function bodyUnderEvaluation(): BodyUnderEvaluation | undefined {
  return evaluating[evaluating.length - 1];
}

/** Runs `f`, the evaluation of a body, collecting the implicit dependencies it makes into `into`. */
export function collectingImplicitDependencies<T>(into: BodyUnderEvaluation, f: () => T): T {
  evaluating.push(into);
  try {
    return f();
  } finally {
    evaluating.pop();
  }
}

/** A reference() / list*() call by name, made while a body is evaluated: a dependency of that resource. */
export function noteImplicitDependency(target: DeployedResource, value: Value, span: Span): void {
  const current = evaluating[evaluating.length - 1];
  if (!current) return;
  const list = (current.implicit ??= []);
  if (!list.some((d) => d.target === target)) list.push({ value, span, target, implicit: true });
}

/** A nested deployment as a user names it: a Bicep module by its symbolic name, an ARM deployment by its name. */
export function deploymentLabel(dep: DeployedResource): string {
  if (dep.span.file.kind === 'bicep' && dep.symbolicName) return `module '${dep.symbolicName}'`;
  return `deployment '${dep.plainDisplayName}'`;
}
