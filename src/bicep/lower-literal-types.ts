// BCP033 / BCP034: a literal whose kind does not fit a declaration of a plain built-in type
// (`param a string = 42`, `param b bool = 'false'`, `@allowed([1, 'two']) param c int`,
// `output o string = 5`). ARM would convert some of these (README: vtaplint accepts them in ARM
// JSON), but the Bicep compiler rejects the file. Only literals are judged: an expression's type
// is the compiler's business, and a user-defined, union, literal or nullable type is not judged.
import type { Expression, TypeExpression } from './syntax.js';

export type PlainType = 'string' | 'int' | 'bool' | 'array' | 'object';
const PLAIN = new Set<string>(['string', 'int', 'bool', 'array', 'object']);

/** The plain built-in type a declaration names (`string`), or undefined. */
export function plainType(t: TypeExpression | undefined, userTypes: ReadonlySet<string>): PlainType | undefined {
  if (t?.kind !== 'TypeReference' || !PLAIN.has(t.name.name) || userTypes.has(t.name.name)) return undefined;
  return t.name.name as PlainType;
}

/** The kind of a literal value as written; undefined for anything that is not a literal. */
export function literalKind(e: Expression): PlainType | 'null' | undefined {
  switch (e.kind) {
    case 'String':
      return 'string';
    case 'Integer':
      return 'int';
    case 'Unary':
      return e.operator === '-' && e.operand.kind === 'Integer' ? 'int' : undefined;
    case 'Boolean':
      return 'bool';
    case 'Array':
      return 'array';
    case 'Object':
      return 'object';
    case 'Null':
      return 'null';
    default:
      return undefined;
  }
}

/** A literal that does not fit the plain type: its kind, or undefined when it fits or is no literal. */
export function misfit(e: Expression, t: PlainType): string | undefined {
  const k = literalKind(e);
  return k === undefined || k === t ? undefined : k;
}

/** "an int", "an array", "a string". */
export function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}
