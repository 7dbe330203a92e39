import { defineRule } from '../src/engine/rule.js';
import docs from './invalid-template.md';

// Reported by the loaders and parsers (a file or expression Azure cannot read), not by a check.
export default defineRule(
  {
    id: 'invalid-template',
    name: 'InvalidTemplate',
    shortDescription: 'The file or an expression in it cannot be parsed.',
    fullDescription:
      'The template (ARM JSON or Bicep), a parameters file, or a template expression inside it cannot be parsed. Azure rejects such a template, and no other check can look at the part that is broken.',
    defaultLevel: 'error',
    tags: ['core'],
    precision: 'very-high',
  },
  docs,
  () => {},
);
