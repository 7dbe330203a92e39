// Bicep types -> ARM parameter/output types, as the compiler emits them: primitive names stay,
// literal and union-of-literal types become their primitive type plus allowedValues, object and
// tuple types become object/array, `T?` adds nullable, @secure() makes secureString/secureObject.
import type { Decorator, Expression, TypeDeclaration, TypeExpression } from './syntax.js';

export interface ArmType {
  type: string;
  nullable?: boolean;
  /** Literal values of a literal/union type (become allowedValues). */
  allowed?: (string | number | boolean | null)[];
}

const MAX_TYPE_DEPTH = 64;

export function decorator(decorators: readonly Decorator[], name: string): Decorator | undefined {
  const lower = name.toLowerCase();
  return decorators.find((d) => d.name.name.toLowerCase() === lower);
}

function literalValue(e: Expression): string | number | boolean | null | undefined {
  switch (e.kind) {
    case 'String':
      return e.expressions.length === 0 ? (e.value ?? e.segments.join('')) : undefined;
    case 'Integer':
    case 'Boolean':
      return e.value;
    case 'Null':
      return null;
    case 'Unary':
      return e.operator === '-' && e.operand.kind === 'Integer' ? -e.operand.value : undefined;
    default:
      return undefined;
  }
}

function primitiveOf(v: string | number | boolean | null): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  return 'object';
}

/**
 * The ARM type of a Bicep type expression; `types` resolves user-defined type names.
 * Unknown names (imported types, resource-derived types) become 'object' like the compiler's
 * fallback for structured types.
 */
export function armType(t: TypeExpression | undefined, types: ReadonlyMap<string, TypeDeclaration>, depth = 0): ArmType {
  if (!t || depth > MAX_TYPE_DEPTH) return { type: 'object' };
  switch (t.kind) {
    case 'TypeReference': {
      const n = t.name.name;
      switch (n.toLowerCase()) {
        case 'string':
        case 'int':
        case 'bool':
        case 'array':
        case 'object':
          return { type: n.toLowerCase() };
        case 'securestring':
          return { type: 'securestring' };
        case 'secureobject':
          return { type: 'secureObject' };
        case 'any':
          return { type: 'object' };
      }
      const decl = types.get(n);
      if (decl) {
        const inner = armType(decl.value, types, depth + 1);
        return inner;
      }
      return { type: 'object' };
    }
    case 'TypePropertyAccess':
    case 'TypeIndexAccess':
    case 'TypeAdditionalPropertiesAccess':
    case 'ParameterizedType':
    case 'ObjectType':
      return { type: 'object' };
    case 'TupleType':
    case 'ArrayType':
      return { type: 'array' };
    case 'LiteralType': {
      const v = literalValue(t.value);
      return v === undefined ? { type: 'object' } : { type: primitiveOf(v), allowed: [v] };
    }
    case 'NullableType': {
      const inner = armType(t.base, types, depth + 1);
      return { ...inner, nullable: true };
    }
    case 'NonNullableType':
      return { ...armType(t.base, types, depth + 1), nullable: false };
    case 'ParenthesizedType':
      return armType(t.type, types, depth + 1);
    case 'UnionType': {
      const members = t.members.map((m) => armType(m, types, depth + 1));
      const allowed: (string | number | boolean | null)[] = [];
      let nullable = false;
      let type: string | undefined;
      for (const m of members) {
        if (m.allowed && m.allowed.length === 1 && m.allowed[0] === null) {
          nullable = true;
          continue;
        }
        if (!m.allowed) return { type: members.every((x) => x.type === m.type) ? m.type : 'object' };
        allowed.push(...m.allowed);
        type = type === undefined || type === m.type ? m.type : 'object';
      }
      return { type: type ?? 'object', allowed, ...(nullable ? { nullable } : {}) };
    }
    case 'Missing':
    case 'Skipped':
      return { type: 'object' };
  }
}

/** @secure() turns string/object into their secure forms. */
export function secureType(t: string): string {
  if (t === 'string') return 'securestring';
  if (t === 'object') return 'secureObject';
  return t;
}
