// BCP302 / BCP384: a type written by a name that names no type (`param port integer`,
// `type t = strng`, a bare `resourceInput`). The compiler rejects the file; without this check
// the declaration lowered to ARM's "any" and every value passed it, the typo unnoticed.
import type { Node, Statement, TypeExpression } from './syntax.js';

export interface TypeNameProblem {
  at: Node;
  message: string;
}

const VALID = '"any", "array", "bool", "int", "object", "resourceInput", "resourceOutput", "string"';
const MAX_DEPTH = 64;

/** The type names in the statements' declared types that `known` does not accept, with the compiler's message. */
export function unknownTypeNames(statements: readonly Statement[], known: (name: string) => boolean): TypeNameProblem[] {
  const out: TypeNameProblem[] = [];
  const walk = (t: TypeExpression | undefined, depth: number): void => {
    if (!t || depth > MAX_DEPTH) return;
    switch (t.kind) {
      case 'TypeReference': {
        const n = t.name.name;
        if (known(n)) return;
        const kind = n.toLowerCase();
        if (kind === 'resourceinput' || kind === 'resourceoutput') out.push({ at: t, message: `The "${n}<ResourceTypeIdentifier>" type requires 1 argument(s). (BCP384)` });
        else out.push({ at: t, message: `The name "${n}" is not a valid type. Please specify one of the following types: ${VALID}. (BCP302)` });
        return;
      }
      // A name before `.`, `[...]` or `.*` may be a namespace (`sys.string`, `shared.T` of
      // `import * as shared`) or a type; what follows it is a member, not a type name.
      case 'TypePropertyAccess':
      case 'TypeIndexAccess':
      case 'TypeAdditionalPropertiesAccess':
        if (t.base.kind !== 'TypeReference') walk(t.base, depth + 1);
        return;
      case 'ObjectType':
        for (const p of t.properties) walk(p.value, depth + 1);
        return;
      case 'TupleType':
        for (const i of t.items) walk(i.value, depth + 1);
        return;
      case 'UnionType':
        for (const m of t.members) walk(m, depth + 1);
        return;
      case 'ArrayType':
        walk(t.element, depth + 1);
        return;
      case 'NullableType':
      case 'NonNullableType':
        walk(t.base, depth + 1);
        return;
      case 'ParenthesizedType':
        walk(t.type, depth + 1);
        return;
      default:
        // Literals, `resourceInput<'T@v'>` and the like, and what did not parse.
        return;
    }
  };
  for (const s of statements) {
    switch (s.kind) {
      case 'Parameter':
      case 'Output':
      case 'Variable':
        walk(s.type, 0);
        break;
      case 'TypeDeclaration':
        walk(s.value, 0);
        break;
      case 'Function':
        for (const p of s.parameters) walk(p.type, 0);
        walk(s.returnType, 0);
        break;
      default:
        break;
    }
  }
  return out;
}
