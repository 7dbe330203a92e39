// What the evaluator asks its surroundings: parameters, variables, copy loops, user-defined
// functions, runtime state of resources, deployment values, where to report problems and how
// much work it may do. src/deploy/scope.ts implements it for one template.
import type { DiagnosticSink } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import type { ObjectValue, TracedObject, Unknown, Value } from './value.js';
import type { Expr } from './ast.js';
import type { ParseLimits } from './parser.js';
import { DEFAULT_LIMITS as CONFIG_DEFAULTS, type Limits } from '../model/limits.js';

/** Deployment values the user may supply (config file, CLI); absent ones stay symbolic unknowns. */
export interface DeploymentContext {
  location?: string | undefined;
  subscriptionId?: string | undefined;
  resourceGroup?: string | undefined;
  tenantId?: string | undefined;
  managementGroup?: string | undefined;
  /** The deployment name (deployment().name). */
  deploymentName?: string | undefined;
  /**
   * How the unknowns of resourceGroup() are named where the resource group is not the root
   * deployment's ("resourceGroup('other-rg')"); undefined: "resourceGroup()".
   */
  groupSymbol?: string | undefined;
  /**
   * A nested deployment's resource group or subscription written as a value only known at
   * deployment (`"resourceGroup": "[parameters('rg')]"`): resourceGroup().name and the ids
   * resourceId() builds there are that value, so that they name the resources the deployment
   * creates in it (whose ids have it) and not the root's of the same name.
   */
  resourceGroupValue?: Unknown | undefined;
  subscriptionIdValue?: Unknown | undefined;
  /**
   * The scope the template is deployed at, when the deploy stage knows it: resourceGroup() is
   * only valid in a resource group deployment.
   */
  scopeKind?: 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant' | undefined;
  /**
   * Makes the object resourceGroup() gives, when the deploy stage traces where its location comes
   * from: a resource group this deployment creates, whose declaration's `location` then decides
   * what `resourceGroup().location` is (a TracedObject: a read of it is noted, and findings it
   * decides point at that declaration).
   */
  groupObject?: ((capacity: number) => ObjectValue) | undefined;
}

/** A user-defined function (template `functions` section, Bicep `func`), ready to call. */
export interface UserFunction {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Calls it with evaluated arguments; `span` is the call site (for diagnostics). */
  invoke(args: Value[], span: Span): Value;
}

export interface EvalContext {
  /** parameters('name'); `span` is the call. Must report its own diagnostics for a missing parameter. */
  parameter(name: string, span: Span): Value;
  /** variables('name'). */
  variable(name: string, span: Span): Value;
  /**
   * Whether parameters('name') or variables('name') would find it here. A quiet evaluation (of an
   * if() branch that may not run) asks first: a missing name is an error only on a path Azure takes.
   */
  declares?(kind: 'parameter' | 'variable', name: string): boolean;
  /** copyIndex() (loopName undefined) or copyIndex('loopName'), without the offset. */
  copyIndex(loopName: string | undefined, span: Span): Value;
  /** A user-defined function `ns.name`, or undefined when not declared. */
  userFunction(ns: string, name: string): UserFunction | undefined;
  /**
   * reference()/references()/list*() and similar runtime lookups; undefined lets the evaluator
   * return its generic 'runtime-state' Unknown.
   */
  runtime?(fn: string, args: Value[], span: Span): Value | undefined;
  /**
   * A property of a TracedObject (a module's or nested deployment's outputs) was read: noted like
   * a parameter read, for the related locations of findings decided by the value.
   */
  readTraced?(obj: TracedObject, property: string): void;
  /** Deployment values known from configuration. */
  readonly deploymentContext: DeploymentContext;
  readonly diagnostics: DiagnosticSink;
  readonly budget: Budget;
  /**
   * True where the same template strings are evaluated again and again (the elements of a copy
   * loop, the calls of a user-defined function): their parses are cached (parseTemplateString),
   * other strings are parsed each time.
   */
  readonly repeats?: boolean;
  /**
   * The parts of the expression being evaluated that are the same in every instance of a copy
   * loop, when it varies as a whole (see TemplateScope.inLoop): the evaluator takes their values
   * from here. `range(0, 800)[copyIndex()]` builds its range once per loop, not once per copy.
   */
  readonly invariants?: InvariantParts | undefined;
}

/** Sub-expressions evaluated once for every instance of a copy loop (see EvalContext.invariants). */
export interface InvariantParts {
  /** Whether `n` is one of them. */
  has(n: Expr): boolean;
  /** Its value: computed by `compute` the first time, remembered (with what it read) after. */
  value(n: Expr, compute: () => Value): Value;
}

export interface BudgetLimits {
  /** Evaluation steps (AST nodes visited, lambda calls, ...). */
  maxSteps: number;
  /** Longest string a function may produce. */
  maxStringLength: number;
  /** Longest array a function may produce. */
  maxArrayLength: number;
  /** Most properties an object may get. */
  maxObjectSize: number;
  /** Most elements and properties a value may hold through all its levels (see valueNodes). */
  maxValueNodes: number;
  /** Nesting of evaluations (variables using variables, user functions calling user functions). */
  maxDepth: number;
  /** Longest expression string parsed (config maxExpressionLength). */
  maxExpressionLength: number;
  /** Deepest nesting inside one expression (config maxExpressionDepth). */
  maxExpressionDepth: number;
  /** Copies evaluated per copy loop (config maxCopyCount; ARM's own limit is 800). */
  maxCopyCount: number;
}

export const DEFAULT_LIMITS: BudgetLimits = {
  maxSteps: CONFIG_DEFAULTS.maxEvaluationSteps,
  maxStringLength: CONFIG_DEFAULTS.maxStringLength,
  maxArrayLength: CONFIG_DEFAULTS.maxArrayLength,
  maxObjectSize: CONFIG_DEFAULTS.maxObjectSize,
  maxValueNodes: CONFIG_DEFAULTS.maxValueNodes,
  maxDepth: CONFIG_DEFAULTS.maxExpressionDepth,
  maxExpressionLength: CONFIG_DEFAULTS.maxExpressionLength,
  maxExpressionDepth: CONFIG_DEFAULTS.maxExpressionDepth,
  maxCopyCount: CONFIG_DEFAULTS.maxCopyCount,
};

/** The evaluator's share of the configured limits (the keys are named in limit-exceeded messages). */
export function budgetLimits(l: Limits): BudgetLimits {
  return {
    maxSteps: l.maxEvaluationSteps,
    maxStringLength: l.maxStringLength,
    maxArrayLength: l.maxArrayLength,
    maxObjectSize: l.maxObjectSize,
    maxValueNodes: l.maxValueNodes,
    maxDepth: l.maxExpressionDepth,
    maxExpressionLength: l.maxExpressionLength,
    maxExpressionDepth: l.maxExpressionDepth,
    maxCopyCount: l.maxCopyCount,
  };
}

/**
 * The work one template evaluation may do. Shared by everything evaluated for one template
 * (and by nested evaluations), so a pathological template ends with a 'limit-exceeded'
 * finding instead of hanging.
 */
export class Budget {
  readonly limits: BudgetLimits;
  steps = 0;
  depth = 0;
  /** Set once the step budget is spent: everything after that is a 'limit' unknown. */
  exhausted = false;

  /** The parser's limits, made once: every expression string evaluated is parsed with them. */
  readonly parseLimits: ParseLimits;

  constructor(limits: Partial<BudgetLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.parseLimits = { maxDepth: this.limits.maxExpressionDepth, maxLength: this.limits.maxExpressionLength };
  }

  private exhaustionReported = false;

  /**
   * True the first time only: running out of steps is reported once per template, where it
   * happened; everything evaluated after it is a silent 'limit' unknown (not one finding each).
   */
  firstExhaustion(): boolean {
    if (this.exhaustionReported) return false;
    this.exhaustionReported = true;
    return true;
  }

  /** Counts `n` steps; false once the budget is spent. */
  step(n = 1): boolean {
    this.steps += n;
    if (this.steps > this.limits.maxSteps) this.exhausted = true;
    return !this.exhausted;
  }
}
