// ARM equality charged to the step budget. contains(), indexOf(), union(), intersection(),
// distinct(), equals() and if() compare values; the collection functions compare each element
// with each (n * n / 2 comparisons for n arrays), and a comparison walks both values through all
// their levels. None of that shows in the size of what they return, so, unlike building a value
// (Evaluator.chargeBuilt), the work is counted here as it is done: one step per value visited.
import { deepEquals } from '../ops.js';
import type { CompareMeter } from '../ops.js';
import type { Unknown, Value } from '../value.js';
import type { FnEnv, ReturnType } from './types.js';

/** What equalsCharged gives once the step budget is spent. */
export const SPENT: unique symbol = Symbol('steps spent');

// One meter, reset per comparison (comparisons do not nest).
const meter: CompareMeter = { visited: 0 };

/** deepEquals(a, b), the values it visited charged to the step budget; SPENT once the budget is. */
export function equalsCharged(env: FnEnv, a: Value, b: Value): boolean | undefined | typeof SPENT {
  meter.visited = 0;
  const r = deepEquals(a, b, meter);
  return env.step(meter.visited) ? r : SPENT;
}

/** The 'limit' unknown of a call that ran out of steps (reported once per template, where it happened). */
export function stepsSpent(env: FnEnv, type?: ReturnType): Unknown {
  const message = `Evaluation stopped after ${env.ctx.budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
  return env.ctx.budget.firstExhaustion() ? env.limit(message) : env.unknown('limit', message, type);
}
