import { defineRule } from '../src/engine/rule.js';
import docs from './limit-exceeded.md';

// Reported by the loaders and the evaluator when one of vtaplint's own limits is reached.
export default defineRule(
  {
    id: 'limit-exceeded',
    name: 'LimitExceeded',
    shortDescription: 'A part of the input is too large or too deep to analyse within vtaplint’s limits.',
    fullDescription:
      'vtaplint bounds the work it does for any input (file size, nesting depth, evaluation steps, string and array sizes, number of resources), so that a hostile or broken template cannot hang a CI job. When a limit is reached the affected part is not analysed; findings that do not depend on it are still reported.',
    defaultLevel: 'warning',
    tags: ['core'],
    precision: 'very-high',
  },
  docs,
  () => {},
);
