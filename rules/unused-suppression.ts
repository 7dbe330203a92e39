import { defineRule } from '../src/engine/rule.js';
import docs from './unused-suppression.md';

// Reported by the engine (src/engine/suppress.ts) after the suppressions were applied, not by a check.
export default defineRule(
  {
    id: 'unused-suppression',
    name: 'UnusedSuppression',
    shortDescription: 'A suppression suppresses nothing, has expired, names no rule, or gives no reason.',
    fullDescription:
      'A vtaplint suppression (a // vtaplint-disable-next-line comment, a Bicep #disable-next-line directive, a resource\'s metadata.vtaplint.suppress entry, or a suppressions entry of the config) that no finding needs any more, whose expiry date has passed, that names an unknown rule, or that does not say why the finding is acceptable. Stale suppressions hide the next real problem on that line.',
    defaultLevel: 'warning',
    tags: ['core'],
    precision: 'very-high',
  },
  docs,
  () => {},
);
