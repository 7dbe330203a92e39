// Bicep types -> ARM parameter/output types, as the compiler emits them: primitive names stay,
// literal and union-of-literal types become their primitive type plus allowedValues, object and
// tuple types become object/array, `T?` adds nullable, @secure() makes secureString/secureObject.
import { pushAll } from '../model/push-all.js';
import type { Decorator, Expression, ParameterizedType, TypeDeclaration, TypeExpression, TypePropertyAccess } from './syntax.js';

export interface ArmType {
  type: string;
  nullable?: boolean;
  /** Literal values of a literal/union type (become allowedValues). */
  allowed?: (string | number | boolean | null)[];
  /**
   * `type` is a guess: the type is one vtaplint cannot work out (a name imported from an ARM JSON
   * file or a registry, an index into a type, a property of a type it does not resolve), which
   * the compiler would write precisely. No value is held against it.
   */
  unknown?: boolean;
}

/**
 * A type name's declaration; an imported one keeps the names of the file that declares it, among
 * which the names its declaration uses are resolved.
 */
export type TypeEntry = TypeDeclaration | { kind: 'ImportedType'; decl: TypeDeclaration; types: TypeTable };

/** The type names of a file: its own `type` declarations and those it imports (`ns.name` for `import * as ns`). */
export type TypeTable = ReadonlyMap<string, TypeEntry>;

function resolveType(types: TypeTable, name: string): { decl: TypeDeclaration; types: TypeTable } | undefined {
  const e = types.get(name);
  if (!e) return undefined;
  return e.kind === 'ImportedType' ? { decl: e.decl, types: e.types } : { decl: e, types };
}

const MAX_TYPE_DEPTH = 64;

/** The built-in types, which `sys.` may name (`param name sys.string`). */
export const SYS_TYPES: ReadonlySet<string> = new Set(['string', 'int', 'bool', 'array', 'object', 'securestring', 'secureobject', 'any']);

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
 * The ARM type a built-in Bicep type name (any case) compiles to; null for `any` (no type), and
 * undefined for a name that is not built in (a user-defined or imported type).
 */
export function builtinType(name: string): string | null | undefined {
  switch (name.toLowerCase()) {
    case 'string':
    case 'int':
    case 'bool':
    case 'array':
    case 'object':
      return name.toLowerCase();
    case 'securestring':
      return 'securestring';
    case 'secureobject':
      return 'secureObject';
    case 'any':
      return null;
  }
  return undefined;
}

/**
 * The ARM type of a Bicep type expression; `types` resolves user-defined type names.
 * A `@secure()` type declaration makes secureString/secureObject. Unknown names (types imported
 * from ARM JSON or a registry, resource-derived types) become 'object' like the compiler's
 * fallback for structured types; a resource-derived type's envelope property (`.name`, `.location`,
 * `.tags`, ...) has its own primitive type.
 */
export function armType(t: TypeExpression | undefined, types: TypeTable, depth = 0): ArmType {
  if (!t || depth > MAX_TYPE_DEPTH) return { type: 'object' };
  switch (t.kind) {
    case 'TypeReference': {
      const n = t.name.name;
      const builtin = builtinType(n);
      if (builtin === null) return { type: 'object', unknown: true };
      if (builtin !== undefined) return { type: builtin };
      return declaredType(resolveType(types, n), depth);
    }
    case 'TypePropertyAccess': {
      // `ns.myType` of `import * as ns from 'lib.bicep'`
      if (t.base.kind === 'TypeReference') {
        const imported = resolveType(types, `${t.base.name.name}.${t.property.name}`);
        if (imported) return declaredType(imported, depth);
        // `sys.string`, `sys.int`, ...: the built-in type, named by its namespace.
        if (t.base.name.name === 'sys' && SYS_TYPES.has(t.property.name.toLowerCase())) return armType({ kind: 'TypeReference', name: t.property, start: t.start, end: t.end }, new Map(), depth + 1);
      }
      const derived = resourceDerivedProperty(t, types, depth);
      if (derived) return derived;
      const member = memberType(t, types, depth);
      return member ? armType(member.t, member.types, depth + 1) : { type: 'object', unknown: true };
    }
    case 'TypeIndexAccess':
    case 'TypeAdditionalPropertiesAccess': {
      const member = memberType(t, types, depth);
      return member ? armType(member.t, member.types, depth + 1) : { type: 'object', unknown: true };
    }
    case 'ParameterizedType':
      return isResourceType(t) ? { type: 'object' } : { type: 'object', unknown: true };
    case 'ObjectType':
      return { type: 'object' };
    case 'TupleType':
      return { type: 'array' };
    case 'ArrayType': {
      // An array of literals (`('Standard_D2s_v5' | 'Standard_D4s_v5')[]`, or `size[]` of such a
      // type): every element must be one of them. The compiler writes allowedValues on the array
      // (ARM: any subset of them), or `items` with the element type's allowedValues, which ARM
      // checks alike; a nullable element adds null, as the compiler writes it. An array of
      // arrays is not constrained this way (subset semantics would read the inner arrays' values).
      const element = armType(t.element, types, depth + 1);
      if (!element.allowed || element.type === 'array') return { type: 'array' };
      return { type: 'array', allowed: element.nullable && !element.allowed.includes(null) ? [...element.allowed, null] : element.allowed };
    }
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
        if (!m.allowed) return members.every((x) => x.type === m.type && !x.unknown) ? { type: m.type } : { type: 'object', unknown: true };
        pushAll(allowed, m.allowed);
        type = type === undefined || type === m.type ? m.type : 'object';
      }
      // Literals of several ARM types ('auto' | -1): the compiler rejects the union (BCP294,
      // union-types.ts), and no ARM type holds it: not held against a value.
      if (type === 'object' && members.some((m) => m.type !== 'object')) return { type: 'object', unknown: true };
      return { type: type ?? 'object', allowed, ...(nullable ? { nullable } : {}) };
    }
    case 'Missing':
    case 'Skipped':
      return { type: 'object', unknown: true };
  }
}

/**
 * The decorator `name` (`minValue`, `maxLength`, ...) that a type expression gets from the type
 * declaration it names: `@minValue(1) @maxValue(100) type tapCount = int` bounds `param n tapCount`
 * (the compiler writes a $ref to a definition with those bounds, which ARM checks). Followed through
 * aliases, `T?` and parentheses; the nearest declaration's decorator wins. `imported` says the
 * decorator is in another file (its argument's spans and names are not this file's).
 */
export function typeDecorator(t: TypeExpression | undefined, types: TypeTable, name: string, imported = false, depth = 0): { decorator: Decorator; imported: boolean } | undefined {
  if (!t || depth > MAX_TYPE_DEPTH) return undefined;
  switch (t.kind) {
    case 'NullableType':
    case 'NonNullableType':
      return typeDecorator(t.base, types, name, imported, depth + 1);
    case 'ParenthesizedType':
      return typeDecorator(t.type, types, name, imported, depth + 1);
    case 'TypeReference':
    case 'TypePropertyAccess': {
      const key = t.kind === 'TypeReference' ? t.name.name : t.base.kind === 'TypeReference' ? `${t.base.name.name}.${t.property.name}` : undefined;
      const e = key === undefined ? undefined : types.get(key);
      if (!e) return undefined;
      const decl = e.kind === 'ImportedType' ? e.decl : e;
      const inOtherFile = imported || e.kind === 'ImportedType';
      const own = decorator(decl.decorators, name);
      if (own) return { decorator: own, imported: inOtherFile };
      return typeDecorator(decl.value, e.kind === 'ImportedType' ? e.types : types, name, inOtherFile, depth + 1);
    }
    default:
      return undefined;
  }
}

/** The type a name or `ns.name` refers to (through aliases and parentheses), with the names it is read among. */
export function unalias(t: TypeExpression, types: TypeTable, depth = 0): { t: TypeExpression; types: TypeTable } {
  if (depth > MAX_TYPE_DEPTH) return { t, types };
  if (t.kind === 'ParenthesizedType') return unalias(t.type, types, depth + 1);
  const key = t.kind === 'TypeReference' ? t.name.name : t.kind === 'TypePropertyAccess' && t.base.kind === 'TypeReference' ? `${t.base.name.name}.${t.property.name}` : undefined;
  const r = key === undefined ? undefined : resolveType(types, key);
  return r ? unalias(r.decl.value, r.types, depth + 1) : { t, types };
}

/**
 * The member a type access names in a user-defined type: `spec.name` (a property of an object
 * type), `tuple[1]` (an item), `list[*]` (the element of an array type), `dict.*` (the type of
 * additional properties); with its decorators. The compiler writes these as a `$ref` into the
 * definition. Undefined when the base is no such type here.
 */
export function memberType(t: TypeExpression, types: TypeTable, depth = 0): { t: TypeExpression; types: TypeTable; decorators: readonly Decorator[] } | undefined {
  if (depth > MAX_TYPE_DEPTH || (t.kind !== 'TypePropertyAccess' && t.kind !== 'TypeIndexAccess' && t.kind !== 'TypeAdditionalPropertiesAccess')) return undefined;
  const inner = t.base.kind === 'TypePropertyAccess' || t.base.kind === 'TypeIndexAccess' || t.base.kind === 'TypeAdditionalPropertiesAccess' ? memberType(t.base, types, depth + 1) : undefined;
  const base = inner ? unalias(inner.t, inner.types, depth + 1) : unalias(t.base, types, depth + 1);
  const b = base.t;
  if (t.kind === 'TypePropertyAccess' && b.kind === 'ObjectType') {
    const p = b.properties.find((x) => !x.additional && x.keyName === t.property.name);
    return p ? { t: p.value, types: base.types, decorators: p.decorators } : undefined;
  }
  if (t.kind === 'TypeAdditionalPropertiesAccess' && b.kind === 'ObjectType') {
    const p = b.properties.find((x) => x.additional);
    return p ? { t: p.value, types: base.types, decorators: p.decorators } : undefined;
  }
  if (t.kind === 'TypeIndexAccess') {
    if (t.index === undefined && b.kind === 'ArrayType') return { t: b.element, types: base.types, decorators: [] };
    if (t.index !== undefined && b.kind === 'TupleType') {
      const item = b.items[t.index.value];
      return item ? { t: item.value, types: base.types, decorators: item.decorators } : undefined;
    }
  }
  return undefined;
}

/** A literal decorator argument (a number, string, boolean or null, `-n`), read without evaluating anything. */
export function literalArgument(e: Expression | undefined): string | number | boolean | null | undefined {
  return e ? literalValue(e) : undefined;
}

/** The ARM type of a declared type name (resolved among its own file's names); @secure() on the declaration makes it secure. */
function declaredType(r: { decl: TypeDeclaration; types: TypeTable } | undefined, depth: number): ArmType {
  if (!r) return { type: 'object', unknown: true };
  const inner = armType(r.decl.value, r.types, depth + 1);
  return decorator(r.decl.decorators, 'secure') ? { ...inner, type: secureType(inner.type) } : inner;
}

/**
 * The ARM type of the resource envelope's properties, the same in every resource type's
 * definition (checked on Azure's published types): what `resourceInput<'T@v'>.name` and the
 * like compile to. Other properties, and paths below them, depend on the resource type.
 */
const ENVELOPE_TYPES: ReadonlyMap<string, string> = new Map([
  ...['name', 'id', 'type', 'apiversion', 'location', 'kind', 'etag', 'managedby'].map((k) => [k, 'string'] as const),
  ...['properties', 'tags', 'sku', 'plan', 'identity', 'extendedlocation', 'systemdata'].map((k) => [k, 'object'] as const),
  ['zones', 'array'] as const,
]);

/**
 * `resourceInput<'T@v'>.p` / `resourceOutput<'T@v'>.p` (through parentheses and type aliases):
 * the primitive type of an envelope property p; undefined when not known here (the compiler
 * reads the resource type's definition, which vtaplint does not have).
 */
function resourceDerivedProperty(t: TypePropertyAccess, types: TypeTable, depth: number): ArmType | undefined {
  let base: TypeExpression = t.base;
  let table = types;
  for (let d = depth; d <= MAX_TYPE_DEPTH; d++) {
    const r = base.kind === 'TypeReference' ? resolveType(table, base.name.name) : undefined;
    if (base.kind === 'ParenthesizedType') base = base.type;
    else if (r) {
      base = r.decl.value;
      table = r.types;
    } else break;
  }
  if (base.kind !== 'ParameterizedType' || !isResourceType(base)) return undefined;
  const type = ENVELOPE_TYPES.get(t.property.name.toLowerCase());
  return type === undefined ? undefined : { type };
}

/** `resourceInput<'T@v'>` / `resourceOutput<'T@v'>` (`sys.` or no namespace): a resource body, an object. */
function isResourceType(t: ParameterizedType): boolean {
  const kind = t.name.name.toLowerCase();
  if (kind !== 'resourceinput' && kind !== 'resourceoutput') return false;
  return !t.namespace || (t.namespace.kind === 'TypeReference' && t.namespace.name.name.toLowerCase() === 'sys');
}

/** @secure() turns string/object into their secure forms. */
export function secureType(t: string): string {
  if (t === 'string') return 'securestring';
  if (t === 'object') return 'secureObject';
  return t;
}
