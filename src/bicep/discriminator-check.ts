// The compiler's checks of `@discriminator('p')` (BCP363-BCP366, BCP286): it applies to a union
// of object types (nullable as a whole or not, `(a | b)?`, `(a | b)!`), each member of which declares `p` as a required
// string literal, the literals unique among the members without regard to case. Without them the
// file does not compile, and the tagged union vtaplint would lower (lower-type-nodes.ts) is not
// what the author meant. The same type declaration written twice (`typeA | typeA`) is one member.
import { decorator, literalArgument, unalias, type TypeTable } from './lower-types.js';
import type { Decorator, Node, TypeExpression, UnionType } from './syntax.js';

export interface DiscriminatorProblem {
  at: Node;
  message: string;
}

const MAX_DEPTH = 64;

const notUnion = (at: Node): DiscriminatorProblem => ({
  at,
  message: 'The "discriminator" decorator can only be applied to object-only union types with unique member types. (BCP363)',
});

/** What is wrong with the `@discriminator()` among `decorators` for the declared type `t`; empty when nothing is (or there is none). */
export function discriminatorProblems(decorators: readonly Decorator[], t: TypeExpression | undefined, types: TypeTable): DiscriminatorProblem[] {
  const d = decorator(decorators, 'discriminator');
  // (A missing or non-literal argument is the argument checks' business.)
  const prop = literalArgument(d?.args[0]);
  if (!d || typeof prop !== 'string' || !t) return [];
  let target = t;
  while (target.kind === 'ParenthesizedType' || target.kind === 'NullableType' || target.kind === 'NonNullableType') target = target.kind === 'ParenthesizedType' ? target.type : target.base;
  const aliased = target.kind === 'TypeReference' || target.kind === 'TypePropertyAccess';
  const u = unalias(target, types);
  let union = u.t;
  while (union.kind === 'ParenthesizedType' || union.kind === 'NullableType' || union.kind === 'NonNullableType') union = union.kind === 'ParenthesizedType' ? union.type : union.base;
  if (union.kind !== 'UnionType') return [notUnion(d)];
  const problems: DiscriminatorProblem[] = [];
  const seen = new Map<string, TypeExpression>();
  for (const m of members(union, u.types, new Set())) {
    // Where a member is reported: at itself when the union is written here, at the decorator when
    // the union is another declaration's (BCP366, as the compiler does).
    const at = aliased ? d : m.written;
    const obj = unalias(m.t, m.types);
    if (obj.t.kind !== 'ObjectType') {
      problems.push({ at, message: "This union member is invalid because it cannot be assigned to the 'object' type. (BCP286)" });
      continue;
    }
    const p = obj.t.properties.find((x) => !x.additional && x.keyName === prop);
    const v = p ? unalias(p.value, obj.types) : undefined;
    const tag = v?.t.kind === 'LiteralType' ? literalArgument(v.t.value) : undefined;
    if (typeof tag !== 'string') {
      problems.push(aliased ? { at, message: `The discriminator property name must be "${prop}" on all union member types. (BCP366)` } : { at, message: `The property "${prop}" must be a required string literal on all union member types. (BCP364)` });
      continue;
    }
    const before = seen.get(tag.toLowerCase());
    if (before === undefined) seen.set(tag.toLowerCase(), obj.t);
    else if (before !== obj.t) {
      problems.push({ at, message: `The value "'${tag}'" for discriminator property "${prop}" is duplicated across multiple union member types. The value must be unique across all union member types. (BCP365)` });
    }
  }
  // One finding per place: a union declared elsewhere gets one at the decorator.
  return aliased ? problems.slice(0, 1) : problems;
}

/**
 * The members of a union, each with where it is written: a member that is itself a union (written
 * in place or declared elsewhere) adds its own; one that contains the union being flattened (a
 * cycle) stays a member, which is no object type.
 */
function members(u: UnionType, types: TypeTable, visiting: Set<TypeExpression>, written?: TypeExpression): { t: TypeExpression; types: TypeTable; written: TypeExpression }[] {
  const out: { t: TypeExpression; types: TypeTable; written: TypeExpression }[] = [];
  visiting.add(u);
  for (const m of u.members) {
    const inner = unalias(m, types);
    if (inner.t.kind === 'UnionType' && !visiting.has(inner.t) && visiting.size < MAX_DEPTH) out.push(...members(inner.t, inner.types, visiting, written ?? m));
    else out.push({ t: m, types, written: written ?? m });
  }
  visiting.delete(u);
  return out;
}
