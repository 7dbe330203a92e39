// BCP033 / BCP034: a literal whose kind does not fit a declaration of a plain built-in type
// (`param a string = 42`, `param b bool = 'false'`, `@allowed([1, 'two']) param c int`,
// `output o string = 5`). ARM would convert some of these (README: vtaplint accepts them in ARM
// JSON), but the Bicep compiler rejects the file. Literals are judged, and expressions whose type
// is fixed by how they are written (`2 + 3`, `a == b`, `length(x)`: see staticKind); a
// user-defined, union, literal or nullable declared type is not judged.
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

/**
 * Built-in functions whose every overload returns one plain type (the compiler's signatures,
 * docs/bicep/bicep-functions-*.baseline.json), by name as Bicep spells them.
 */
const RETURNS: ReadonlyMap<string, PlainType> = new Map<string, PlainType>([
  ...['base64', 'base64ToString', 'buildUri', 'cidrHost', 'cidrSubnet', 'dataUri', 'dataUriToString', 'dateTimeAdd', 'dateTimeFromEpoch', 'format', 'guid', 'join', 'newGuid', 'padLeft', 'replace', 'string', 'substring', 'toLower', 'toUpper', 'trim', 'uniqueString', 'uri', 'uriComponent', 'uriComponentToString', 'utcNow'].map((n): [string, PlainType] => [n, 'string']),
  ...['extensionResourceId', 'managementGroupResourceId', 'resourceId', 'subscriptionResourceId', 'tenantResourceId'].map((n): [string, PlainType] => [n, 'string']),
  ...['dateTimeToEpoch', 'indexOf', 'int', 'lastIndexOf', 'length', 'max', 'min'].map((n): [string, PlainType] => [n, 'int']),
  ...['bool', 'contains', 'empty', 'endsWith', 'like', 'startsWith'].map((n): [string, PlainType] => [n, 'bool']),
]);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const BOOLEAN = new Set(['==', '!=', '=~', '!~', '<', '<=', '>', '>=', '&&', '||']);

/**
 * The plain type an expression has whatever its operands' values, as the compiler types it: a
 * literal's kind, an interpolated string, arithmetic on ints (int), a comparison or logical
 * operator (bool), a built-in function of one return type (`builtin` says whether a name is the
 * built-in, not a declaration of the file that hides it), a ternary whose branches agree.
 * Undefined for anything else (a symbol, a property, any(), `??`).
 */
export function staticKind(e: Expression, builtin: (name: string, namespace: string | undefined) => boolean, depth = 0): PlainType | 'null' | undefined {
  if (depth > 64) return undefined;
  switch (e.kind) {
    case 'Parenthesized':
      return staticKind(e.expression, builtin, depth + 1);
    case 'Unary':
      if (e.operator === '!') return 'bool';
      return e.operator === '-' && staticKind(e.operand, builtin, depth + 1) === 'int' ? 'int' : undefined;
    case 'Binary':
      if (BOOLEAN.has(e.operator)) return 'bool';
      if (ARITHMETIC.has(e.operator) && staticKind(e.left, builtin, depth + 1) === 'int' && staticKind(e.right, builtin, depth + 1) === 'int') return 'int';
      return undefined;
    case 'Ternary': {
      const a = staticKind(e.whenTrue, builtin, depth + 1);
      return a !== undefined && a !== 'null' && a === staticKind(e.whenFalse, builtin, depth + 1) ? a : undefined;
    }
    case 'FunctionCall': {
      const ns = e.base === undefined ? undefined : e.base.kind === 'VariableAccess' ? e.base.name.name : null;
      if (ns === null || !builtin(e.name.name, ns)) return undefined;
      // concat() returns a string for strings, ints and bools, an array for arrays.
      if (e.name.name === 'concat' && e.args.length > 0) {
        const kinds = new Set(e.args.map((a) => staticKind(a, builtin, depth + 1)));
        if ([...kinds].every((k) => k === 'string' || k === 'int' || k === 'bool')) return 'string';
        return kinds.size === 1 && kinds.has('array') ? 'array' : undefined;
      }
      return RETURNS.get(e.name.name);
    }
    default:
      return literalKind(e);
  }
}

/**
 * A value that does not fit the plain type: its kind, or undefined when it fits or its type is
 * not fixed by how it is written (see staticKind; without `builtin`, literals only).
 */
export function misfit(e: Expression, t: PlainType, builtin?: (name: string, namespace: string | undefined) => boolean): string | undefined {
  const k = builtin ? staticKind(e, builtin) : literalKind(e);
  return k === undefined || k === t ? undefined : k;
}

/** "an int", "an array", "a string". */
export function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}

/**
 * The type of a value as the compiler writes it in a message, for a value whose type staticKind
 * fixes: a literal's own type ("1", "'tap'", "null", "[4789, 4790]", "<empty array>"), integer
 * arithmetic on literals folded ("3" for 1 + 2), "object" for an object, else the plain type.
 */
export function typeText(e: Expression, builtin: (name: string, namespace: string | undefined) => boolean, depth = 0): string | undefined {
  if (depth > 64) return undefined;
  const folded = foldInt(e, 0);
  if (folded !== undefined) return String(folded);
  switch (e.kind) {
    case 'Parenthesized':
      return typeText(e.expression, builtin, depth + 1);
    case 'String':
      // A plain literal is its own type; one that would need escaping is said as string.
      return e.value !== undefined && /^[^'\\\n\r$]*$/.test(e.value) ? `'${e.value}'` : 'string';
    case 'Boolean':
      return String(e.value);
    case 'Array': {
      if (e.items.length === 0) return '<empty array>';
      const items = e.items.map((i) => (i.kind === 'Spread' ? undefined : typeText(i, builtin, depth + 1)));
      return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : 'array';
    }
    default:
      return staticKind(e, builtin, depth + 1);
  }
}

/** The value of integer arithmetic on integer literals (+, -, *, and / and % by a non-zero), as a safe integer. */
function foldInt(e: Expression, depth: number): number | undefined {
  if (depth > 64) return undefined;
  switch (e.kind) {
    case 'Integer':
      return Number.isSafeInteger(e.value) ? e.value : undefined;
    case 'Parenthesized':
      return foldInt(e.expression, depth + 1);
    case 'Unary': {
      const v = e.operator === '-' ? foldInt(e.operand, depth + 1) : undefined;
      return v === undefined ? undefined : -v;
    }
    case 'Binary': {
      if (!ARITHMETIC.has(e.operator)) return undefined;
      const a = foldInt(e.left, depth + 1);
      const b = foldInt(e.right, depth + 1);
      if (a === undefined || b === undefined) return undefined;
      const v = e.operator === '+' ? a + b : e.operator === '-' ? a - b : e.operator === '*' ? a * b : b === 0 ? undefined : e.operator === '/' ? Math.trunc(a / b) : a % b;
      return v !== undefined && Number.isSafeInteger(v) ? v : undefined;
    }
    default:
      return undefined;
  }
}
