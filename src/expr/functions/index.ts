// The registry of built-in functions, looked up case-insensitively (ARM function names are).
import type { FnDef } from './types.js';
import { collectionFunctions } from './collections.js';
import { comparisonFunctions } from './comparison.js';
import { cidrFunctions } from './cidr.js';
import { dateFunctions } from './date.js';
import { deploymentFunctions } from './deployment.js';
import { lambdaFunctions } from './lambda.js';
import { logicalFunctions } from './logical.js';
import { numericFunctions } from './numeric.js';
import { resourceFunctions } from './resource.js';
import { stringFunctions } from './strings.js';

export type { FnDef } from './types.js';

const registry = new Map<string, FnDef>();
/** Also by the exact name as documented: templates almost always spell it so, and need no lower-casing. */
const byExactName = new Map<string, FnDef>();
for (const list of [
  collectionFunctions,
  comparisonFunctions,
  cidrFunctions,
  dateFunctions,
  deploymentFunctions,
  lambdaFunctions,
  logicalFunctions,
  numericFunctions,
  resourceFunctions,
  stringFunctions,
]) {
  for (const def of list) {
    registry.set(def.name.toLowerCase(), def);
    byExactName.set(def.name, def);
  }
}

/** The built-in function `name` (any case), or undefined. */
export function lookupFunction(name: string): FnDef | undefined {
  return byExactName.get(name) ?? registry.get(name.toLowerCase());
}

/** All built-in functions (for documentation and tests). */
export function allFunctions(): FnDef[] {
  return [...registry.values()];
}
