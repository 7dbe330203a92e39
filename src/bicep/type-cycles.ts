// BCP298/BCP299: a type declaration that includes itself as a required component. `type a = b`
// with `type b = a`, `type t = t[]` or `type o = { p: o }` asks for a value that contains a value
// of its own type without end: no value fits, and the compiler rejects the file. A reference only
// counts where a value must hold one: inside an object property, an array element or a tuple item
// whose type is nullable (`p: o?`, `(o | null)[]`, or a type name declared nullable) it is a
// recursive type, which is legal. A nullable type at the top (`type t = (a | t)?`) still includes
// itself: the compiler reports that too (its InvalidTypeDeclarations sample).
import { cyclesOf } from '../model/cycles.js';
import type { Node, TypeDeclaration, TypeExpression } from './syntax.js';

export interface TypeCycleError {
  at: Node;
  message: string;
}

/** The errors of a file's own type declarations: one at each declaration's name on a cycle. */
export function typeCycleErrors(decls: readonly TypeDeclaration[]): TypeCycleError[] {
  const index = new Map<string, number>();
  decls.forEach((d, i) => {
    if (!index.has(d.name.name)) index.set(d.name.name, i);
  });
  const nullableDecl = (name: string, seen: Set<string>): boolean => {
    const i = index.get(name);
    if (i === undefined || seen.has(name)) return false;
    seen.add(name);
    return nullable((decls[i] as TypeDeclaration).value, seen);
  };
  const nullable = (t: TypeExpression, seen: Set<string>): boolean => {
    switch (t.kind) {
      case 'NullableType':
        return true;
      case 'ParenthesizedType':
        return nullable(t.type, seen);
      case 'UnionType':
        return t.members.some((m) => nullable(m, seen));
      case 'LiteralType':
        return t.value.kind === 'Null';
      case 'TypeReference':
        return nullableDecl(t.name.name, seen);
      default:
        return false;
    }
  };
  // The declarations each one requires, in the order written (the cycle reported follows it).
  const required = (t: TypeExpression, out: Map<number, Node>): void => {
    const contained = (c: TypeExpression) => {
      if (!nullable(c, new Set())) required(c, out);
    };
    switch (t.kind) {
      case 'TypeReference': {
        const i = index.get(t.name.name);
        if (i !== undefined && !out.has(i)) out.set(i, t);
        return;
      }
      case 'TypePropertyAccess':
      case 'TypeIndexAccess':
      case 'TypeAdditionalPropertiesAccess':
        required(t.base, out);
        return;
      case 'ParenthesizedType':
        required(t.type, out);
        return;
      case 'NullableType':
      case 'NonNullableType':
        required(t.base, out);
        return;
      case 'UnionType':
        for (const m of t.members) required(m, out);
        return;
      case 'ArrayType':
        contained(t.element);
        return;
      case 'ObjectType':
        for (const p of t.properties) contained(p.value);
        return;
      case 'TupleType':
        for (const item of t.items) contained(item.value);
        return;
      default:
        return;
    }
  };
  const edges = decls.map((d) => {
    const out = new Map<number, Node>();
    required(d.value, out);
    return [...out];
  });
  const errors: TypeCycleError[] = [];
  decls.forEach((d, i) => {
    if (index.get(d.name.name) === i && edges[i]?.some(([j]) => j === i)) {
      errors.push({ at: d.name, message: `the type '${d.name.name}' includes itself as a required component, which creates a constraint that cannot be fulfilled (BCP298)` });
    }
  });
  for (const c of cyclesOf(decls.length, (i) => edges[i] ?? [])) {
    c.nodes.forEach((n, k) => {
      // Each declaration's message names the cycle from itself, as the compiler's does.
      const from = [...c.nodes.slice(k), ...c.nodes.slice(0, k)].map((m) => `'${decls[m]?.name.name ?? ''}'`).join(' -> ');
      const d = decls[n] as TypeDeclaration;
      errors.push({ at: d.name, message: `the type '${d.name.name}' includes itself as a required component via a cycle (${from}): no value can satisfy it (BCP299)` });
    });
  }
  return errors.sort((a, b) => a.at.start - b.at.start);
}
