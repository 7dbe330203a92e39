// Which kinds of declaration each sys decorator may be attached to, as the Bicep compiler checks
// it (each decorator's FunctionFlags, TypeAssignmentVisitor): a decorator on another kind fails the
// compilation at its name, "Function "secure" cannot be used as a variable decorator." (BCP125
// parameter, BCP126 variable, BCP127 resource, BCP128 module, BCP129 output, BCP269 metadata,
// BCP297 type, also a property of an object type or an item of a tuple type).
//
// Only what no compiler version allows is judged: the value constraints (@secure, @allowed,
// @minLength, ...) describe a parameter's, output's or type's values and never apply to a
// variable, resource, module or metadata; @batchSize applies only to resources and modules, and
// @onlyIfNotExists to resources (not judged on a module, which no documentation settles); a type
// takes no @allowed() (a union of literals says it). Decorators whose placement changed between
// versions (@secure, @minValue on an output) are not judged where they moved.
import type { Decorator } from './syntax.js';

type Kind = 'parameter' | 'variable' | 'resource' | 'module' | 'output' | 'metadata' | 'type';

const CODE: Readonly<Record<Kind, string>> = {
  parameter: 'BCP125',
  variable: 'BCP126',
  resource: 'BCP127',
  module: 'BCP128',
  output: 'BCP129',
  metadata: 'BCP269',
  type: 'BCP297',
};

const CONSTRAINTS: readonly Kind[] = ['variable', 'resource', 'module', 'metadata'];
/** The kinds each decorator is never attached to. */
const NOT_ON: ReadonlyMap<string, readonly Kind[]> = new Map<string, readonly Kind[]>([
  ['secure', CONSTRAINTS],
  ['allowed', [...CONSTRAINTS, 'type']],
  ['minLength', CONSTRAINTS],
  ['maxLength', CONSTRAINTS],
  ['minValue', CONSTRAINTS],
  ['maxValue', CONSTRAINTS],
  ['sealed', CONSTRAINTS],
  ['discriminator', CONSTRAINTS],
  ['batchSize', ['parameter', 'variable', 'output', 'metadata', 'type']],
  // A resource decorator (deploy only if no resource of that name exists): never on a value.
  ['onlyIfNotExists', ['parameter', 'variable', 'output', 'metadata', 'type']],
  // Another file may import a type, a variable or a function only (the BCP128 and BCP129 pages' own examples).
  ['export', ['parameter', 'resource', 'module', 'output', 'metadata']],
]);

const KIND_OF: Readonly<Record<string, Kind>> = {
  Parameter: 'parameter',
  Variable: 'variable',
  Resource: 'resource',
  Module: 'module',
  Output: 'output',
  Metadata: 'metadata',
  TypeDeclaration: 'type',
  ObjectTypeProperty: 'type',
  TupleTypeItem: 'type',
};

/** The node kinds whose decorators are judged here. */
export function judgesDecoratorsOf(nodeKind: string): boolean {
  return Object.hasOwn(KIND_OF, nodeKind);
}

/**
 * The compiler's error for a sys decorator (`@name(...)` or `@sys.name(...)`, a name the file does
 * not declare) on a node of this kind, or undefined.
 */
export function decoratorKindProblem(d: Decorator, nodeKind: string, declared: ReadonlyMap<string, unknown>): string | undefined {
  if (d.expression.kind !== 'FunctionCall') return undefined;
  if (d.namespace ? d.namespace.name !== 'sys' || declared.has('sys') : declared.has(d.name.name)) return undefined;
  const kind = Object.hasOwn(KIND_OF, nodeKind) ? KIND_OF[nodeKind] : undefined;
  const not = NOT_ON.get(d.name.name);
  if (!kind || !not?.includes(kind)) return undefined;
  const article = kind === 'output' ? 'an' : 'a';
  return `Function "${d.name.name}" cannot be used as ${article} ${kind} decorator. (${CODE[kind]})`;
}
