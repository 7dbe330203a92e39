// Bicep types -> the structure of ARM languageVersion 2.0 type nodes, as the compiler writes them
// and ARM checks a parameter's value against them: object types get `properties` (a `T?` property
// is `nullable`, so not required) and `additionalProperties` (`*: T`, or false for @sealed()),
// @discriminator('p') unions a `discriminator` with a `mapping` from each member's literal `p` to
// the member, tuples `prefixItems` with `items: false`, arrays `items`, and every level its
// constraints (@minLength, @maxValue, ...). A named user-defined type is written once, in
// `definitions`, and referred to by `$ref` (a recursive type refers to itself).
//
// A type vtaplint cannot work out (imported from ARM JSON or a registry, an index into a type, an
// unresolved property) is an empty node: ARM's "any", which takes every value.
import type { TObject } from '../model/template.js';
import { setOwn } from '../model/template.js';
import { SYS_TYPES, armType, builtinType, decorator, literalArgument, memberType, secureType, unalias, type TypeEntry, type TypeTable } from './lower-types.js';
import type { Decorator, TypeDeclaration, TypeExpression } from './syntax.js';

const MAX_TYPE_DEPTH = 64;
const BOUNDS = ['minLength', 'maxLength', 'minValue', 'maxValue'] as const;

/** The `definitions` a file's type nodes refer to, written as the types are met. */
export class TypeDefinitions {
  /** Definition name -> type node. */
  readonly table: TObject = Object.create(null) as TObject;
  private readonly names = new Map<TypeDeclaration, string>();

  /**
   * The type node of a declaration's type with its decorators (a parameter's: `@sealed()`,
   * `@discriminator()`); its top level only carries structure (properties, items, ...) and
   * `$ref`s, which is what a parameter declaration adds to its own type and constraints.
   */
  node(t: TypeExpression | undefined, types: TypeTable, decorators: readonly Decorator[] = []): TObject {
    return this.decorated(this.of(t, types, 0), decorators, t, types, 0);
  }

  /** `{ $ref }` to the definition of a declared type (written on first use). */
  private ref(decl: TypeDeclaration, types: TypeTable, depth: number): TObject {
    let name = this.names.get(decl);
    if (name === undefined) {
      name = decl.name.name;
      // Two files may declare the same name (an import and a local type): each its own definition.
      for (let i = 2; name in this.table; i++) name = `${decl.name.name}_${i}`;
      this.names.set(decl, name);
      setOwn(this.table, name, {});
      setOwn(this.table, name, this.decorated(this.of(decl.value, types, depth + 1), decl.decorators, decl.value, types, depth + 1));
    }
    return { $ref: `#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` };
  }

  private of(t: TypeExpression | undefined, types: TypeTable, depth: number): TObject {
    if (!t || depth > MAX_TYPE_DEPTH) return {};
    switch (t.kind) {
      case 'TypeReference': {
        const n = t.name.name;
        const builtin = builtinType(n);
        if (builtin === null) return {};
        if (builtin !== undefined) return { type: builtin };
        const r = resolve(types.get(n), types);
        return r ? this.ref(r.decl, r.types, depth) : {};
      }
      case 'TypePropertyAccess': {
        if (t.base.kind === 'TypeReference') {
          const key = `${t.base.name.name}.${t.property.name}`;
          const r = resolve(types.get(key), types);
          if (r) return this.ref(r.decl, r.types, depth);
          if (t.base.name.name === 'sys' && SYS_TYPES.has(t.property.name.toLowerCase())) return this.of({ kind: 'TypeReference', name: t.property, start: t.start, end: t.end }, new Map(), depth + 1);
        }
        return this.member(t, types, depth) ?? this.primitive(t, types);
      }
      case 'TypeIndexAccess':
      case 'TypeAdditionalPropertiesAccess':
        return this.member(t, types, depth) ?? {};
      case 'ObjectType': {
        const properties: TObject = {};
        const out: TObject = { type: 'object', properties };
        for (const p of t.properties) {
          const node = this.decorated(this.of(p.value, types, depth + 1), p.decorators, p.value, types, depth + 1);
          if (p.additional) out.additionalProperties = node;
          else if (p.keyName !== undefined) setOwn(properties, p.keyName, node);
        }
        return out;
      }
      case 'TupleType':
        return { type: 'array', prefixItems: t.items.map((i) => this.decorated(this.of(i.value, types, depth + 1), i.decorators, i.value, types, depth + 1)), items: false };
      case 'ArrayType': {
        const out = this.primitive(t, types);
        out.items = this.of(t.element, types, depth + 1);
        return out;
      }
      case 'NullableType':
        return { ...this.of(t.base, types, depth + 1), nullable: true };
      case 'NonNullableType':
        return { ...this.of(t.base, types, depth + 1), nullable: false };
      case 'ParenthesizedType':
        return this.of(t.type, types, depth + 1);
      default:
        // Literals and unions of literals: their type and allowedValues; anything else is unknown here.
        return this.primitive(t, types);
    }
  }

  /** `spec.name`, `tuple[1]`, `list[*]`, `dict.*` of a user-defined type: the member's type node with its decorators. */
  private member(t: TypeExpression, types: TypeTable, depth: number): TObject | undefined {
    const m = memberType(t, types, depth);
    return m ? this.decorated(this.of(m.t, m.types, depth + 1), m.decorators, m.t, m.types, depth + 1) : undefined;
  }

  /** What armType knows of a type (its ARM type, literal values, nullability), as a type node. */
  private primitive(t: TypeExpression, types: TypeTable): TObject {
    const a = armType(t, types);
    if (a.unknown) return {};
    const out: TObject = { type: a.type };
    if (a.allowed) out.allowedValues = [...a.allowed];
    if (a.nullable) out.nullable = true;
    return out;
  }

  /** A type node with the decorators of its declaration, property or tuple item (literal arguments only). */
  private decorated(node: TObject, decorators: readonly Decorator[], t: TypeExpression | undefined, types: TypeTable, depth: number): TObject {
    if (decorators.length === 0) return node;
    let out = node;
    const disc = decorator(decorators, 'discriminator');
    const prop = literalArgument(disc?.args[0]);
    if (typeof prop === 'string' && t) out = this.discriminated(prop, t, types, depth) ?? out;
    for (const b of BOUNDS) {
      const v = literalArgument(decorator(decorators, b)?.args[0]);
      if (typeof v === 'number') out = { ...out, [b]: v };
    }
    if (decorator(decorators, 'sealed') && out.additionalProperties === undefined) out = { ...out, additionalProperties: false };
    if (decorator(decorators, 'secure') && typeof out.type === 'string') out = { ...out, type: secureType(out.type) };
    return out;
  }

  /**
   * `@discriminator('p')` on a union of object types: `{ type: 'object', discriminator:
   * { propertyName, mapping } }`, each member under the literal value of its `p`. Undefined when a
   * member's value of `p` is not a literal string here (the compiler would have rejected it).
   */
  private discriminated(prop: string, t: TypeExpression, types: TypeTable, depth: number): TObject | undefined {
    const mapping: TObject = {};
    let nullable = false;
    const members = flattenUnion(t, types, 0);
    if (!members) return undefined;
    for (const m of members) {
      if (m.t.kind === 'LiteralType' && m.t.value.kind === 'Null') {
        nullable = true;
        continue;
      }
      const tag = discriminatorValue(m.t, m.types, prop, 0);
      if (tag === undefined) return undefined;
      setOwn(mapping, tag, this.of(m.t, m.types, depth + 1));
    }
    const out: TObject = { type: 'object', discriminator: { propertyName: prop, mapping } };
    if (nullable) out.nullable = true;
    return out;
  }
}

function resolve(e: TypeEntry | undefined, types: TypeTable): { decl: TypeDeclaration; types: TypeTable } | undefined {
  if (!e) return undefined;
  return e.kind === 'ImportedType' ? { decl: e.decl, types: e.types } : { decl: e, types };
}

/** The members of a union (a member that is itself a union adds its own), each with its names; undefined when `t` is no union. */
function flattenUnion(t: TypeExpression, types: TypeTable, depth: number): { t: TypeExpression; types: TypeTable }[] | undefined {
  const u = unalias(t, types, depth);
  if (u.t.kind !== 'UnionType') return undefined;
  const out: { t: TypeExpression; types: TypeTable }[] = [];
  for (const m of u.t.members) out.push(...(depth < MAX_TYPE_DEPTH ? (flattenUnion(m, u.types, depth + 1) ?? [{ t: m, types: u.types }]) : [{ t: m, types: u.types }]));
  return out;
}

/** The literal string a member object type gives its discriminator property `prop`. */
function discriminatorValue(t: TypeExpression, types: TypeTable, prop: string, depth: number): string | undefined {
  const u = unalias(t, types, depth);
  if (u.t.kind !== 'ObjectType') return undefined;
  const p = u.t.properties.find((x) => !x.additional && x.keyName === prop);
  if (!p) return undefined;
  const v = unalias(p.value, u.types, depth + 1);
  const lit = v.t.kind === 'LiteralType' ? literalArgument(v.t.value) : undefined;
  return typeof lit === 'string' ? lit : undefined;
}
