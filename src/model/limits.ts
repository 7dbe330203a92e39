// vtaplint's own limits: the most work any one input may cause, so that a hostile or broken
// template ends with a `limit-exceeded` finding (naming the key) instead of a hang or a crash.
// Users raise them with the `limits` object of vtaplint.config.json; every stage takes the
// fields it needs from one `Limits` value (field names match the config keys).

export interface Limits {
  /** Largest file read (templates, parameter files, modules, linked templates, load*Content). */
  maxFileBytes: number;
  /** Deepest nesting of brackets in a file: JSON objects/arrays, Bicep objects/arrays/expressions. */
  maxJsonDepth: number;
  /** Longest ARM expression string ("[...]"), in characters. */
  maxExpressionLength: number;
  /** Deepest nesting inside an expression, and of evaluations (variables using variables, function calls). */
  maxExpressionDepth: number;
  /** Evaluation steps for one template with everything it deploys. */
  maxEvaluationSteps: number;
  /** Longest string an expression may produce. */
  maxStringLength: number;
  /** Longest array an expression may produce. */
  maxArrayLength: number;
  /** Most properties an object may get. */
  maxObjectSize: number;
  /**
   * Most elements and properties a value may hold through all its levels, a part that appears
   * twice counted twice (values share parts: [v, v] of [w, w] of ... doubles at each level).
   */
  maxValueNodes: number;
  /** Copies analysed per copy loop (ARM itself rejects more than 800: an evaluation-error). */
  maxCopyCount: number;
  /** Deepest nesting of deployments and Bicep modules. */
  maxDeploymentDepth: number;
  /**
   * Nested deployments and Bicep module instances analysed for one template with everything it
   * deploys (each copy counted): nesting multiplies them (two modules of two modules of ... is
   * 2^depth instances), so neither the depth nor a loop's count bounds the work.
   */
  maxDeployments: number;
  /** Resources expanded from one template with its nested deployments. */
  maxResources: number;
  /**
   * Edges the `graph` command prints for one template (references, parent/child, dependsOn): a
   * dependsOn on a copy loop is an edge to each of its instances, so loops that depend on loops
   * make count x count edges from a few lines.
   */
  maxGraphEdges: number;
}

/**
 * Defaults: large enough for real templates (a generated 30 MB template of 10,000 VMs is
 * analysed), small enough that the worst input ends within seconds and a few hundred MB.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 40 * 1024 * 1024,
  maxJsonDepth: 512,
  maxExpressionLength: 1024 * 1024,
  maxExpressionDepth: 256,
  maxEvaluationSteps: 10_000_000,
  maxStringLength: 4 * 1024 * 1024,
  maxArrayLength: 100_000,
  maxObjectSize: 100_000,
  maxValueNodes: 1_000_000,
  maxCopyCount: 800,
  maxDeploymentDepth: 16,
  maxDeployments: 5000,
  maxResources: 50_000,
  maxGraphEdges: 500_000,
});

export const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** The defaults with the given overrides (unknown keys and non-positive values ignored). */
export function resolveLimits(overrides: Partial<Record<keyof Limits, number>> | undefined): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  if (!overrides) return out;
  for (const k of LIMIT_KEYS) {
    const v = overrides[k];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) out[k] = v;
  }
  return out;
}
