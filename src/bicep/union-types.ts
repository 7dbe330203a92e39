// BCP294: a union type written of literals must be of one ARM type: ARM types a parameter or a
// definition as string, int or bool with allowedValues, so `'foo' | 21`, `'tap' | true` and
// `null | null` (nothing but null) fail the Bicep compilation. The members of an array's element
// type may mix (`('a' | 1)[]` is an array with allowedValues), so that place is not judged; nor is
// a union with a member whose ARM type is not a literal's (a type name, an object, a tuple): those
// are other errors (BCP293) or discriminated unions of objects.
import type { Node, Statement, TypeExpression } from './syntax.js';
import { forEachDeclaredType } from './type-names.js';

export interface UnionProblem {
  at: Node;
  message: string;
}

const MESSAGE = "Type unions must be reducible to a single ARM type (such as 'string', 'int', or 'bool'). (BCP294)";
const MAX_DEPTH = 64;
type Kind = 'string' | 'int' | 'bool' | 'null';

/** The unions of the statements' declared types that mix literals of several ARM types (or hold only null). */
export function unionTypeProblems(statements: readonly Statement[]): UnionProblem[] {
  const aliases = new Map<string, TypeExpression>();
  for (const s of statements) if (s.kind === 'TypeDeclaration') aliases.set(s.name.name, s.value);
  const out: UnionProblem[] = [];

  /** The literal kinds a type stands for, or undefined when it is not only literals. */
  const kinds = (t: TypeExpression, depth: number, seen: Set<string>, acc: Set<Kind>): boolean => {
    if (depth > MAX_DEPTH) return false;
    switch (t.kind) {
      case 'LiteralType': {
        const v = t.value;
        if (v.kind === 'String') acc.add('string');
        else if (v.kind === 'Integer') acc.add('int');
        else if (v.kind === 'Boolean') acc.add('bool');
        else if (v.kind === 'Null') acc.add('null');
        else if (v.operator === '-' && v.operand.kind === 'Integer') acc.add('int');
        else if (v.operator === '!' && v.operand.kind === 'Boolean') acc.add('bool');
        else return false;
        return true;
      }
      case 'ParenthesizedType':
        return kinds(t.type, depth + 1, seen, acc);
      case 'UnionType':
        return t.members.every((m) => kinds(m, depth + 1, seen, acc));
      case 'TypeReference': {
        const n = t.name.name;
        const target = aliases.get(n);
        if (!target || seen.has(n)) return false;
        seen.add(n);
        return kinds(target, depth + 1, seen, acc);
      }
      default:
        return false;
    }
  };

  const walk = (t: TypeExpression | undefined, depth: number, arrayElement: boolean): void => {
    if (!t || depth > MAX_DEPTH) return;
    switch (t.kind) {
      case 'UnionType': {
        const acc = new Set<Kind>();
        if (!arrayElement && kinds(t, 0, new Set(), acc)) {
          acc.delete('null');
          if (acc.size !== 1) out.push({ at: t, message: MESSAGE });
        }
        for (const m of t.members) walk(m, depth + 1, false);
        return;
      }
      case 'ParenthesizedType':
        walk(t.type, depth + 1, arrayElement);
        return;
      case 'ArrayType':
        walk(t.element, depth + 1, true);
        return;
      case 'NullableType':
      case 'NonNullableType':
        walk(t.base, depth + 1, arrayElement);
        return;
      case 'ObjectType':
        for (const p of t.properties) walk(p.value, depth + 1, false);
        return;
      case 'TupleType':
        // A tuple's items are like an array's (allowedValues per item are not ARM's): not judged.
        return;
      default:
        return;
    }
  };

  forEachDeclaredType(statements, (t) => walk(t, 0, false));
  return out;
}
