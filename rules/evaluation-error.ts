import { defineRule } from '../src/engine/rule.js';
import docs from './evaluation-error.md';

// Reported by the evaluator and the deployment stage, not by a check.
export default defineRule(
  {
    id: 'evaluation-error',
    name: 'EvaluationError',
    shortDescription: 'An expression or declaration that Azure would reject when it deploys the template.',
    fullDescription:
      'Evaluating the template as Azure does fails: a function gets arguments of the wrong type, an index is out of range, a copy count is above 800, a variable refers to itself, fail() is called, and so on. Azure stops the deployment at that point.',
    defaultLevel: 'error',
    tags: ['core'],
    precision: 'high',
  },
  docs,
  () => {},
);
