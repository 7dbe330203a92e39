// BCP302 / BCP384: a type written by a name that names no type (`param port integer`,
// `type t = strng`, a bare `resourceInput`). The compiler rejects the file; without this check
// the declaration lowered to ARM's "any" and every value passed it, the typo unnoticed.
// Also the argument of `resourceInput<...>` / `resourceOutput<...>`: one literal 'Type@version'.
import type { Node, ParameterizedType, Statement, TypeExpression } from './syntax.js';

export interface TypeNameProblem {
  at: Node;
  message: string;
}

const VALID = '"any", "array", "bool", "int", "object", "resourceInput", "resourceOutput", "string"';
const MAX_DEPTH = 64;

/** The type names in the statements' declared types that `known` does not accept, with the compiler's message. */
export function unknownTypeNames(statements: readonly Statement[], known: (name: string) => boolean, extensions = false): TypeNameProblem[] {
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
        // A resource-derived type read by a member is the member's type; only a bare one is BCP394.
        if (t.base.kind === 'ParameterizedType') resourceTypeArgument(t.base, out, false, extensions);
        else if (t.base.kind !== 'TypeReference') walk(t.base, depth + 1);
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
      case 'ParameterizedType':
        resourceTypeArgument(t, out, true, extensions);
        return;
      default:
        // Literals, and what did not parse.
        return;
    }
  };
  forEachDeclaredType(statements, (t) => walk(t, 0));
  return out;
}

/**
 * Calls `visit` with each type a file writes at the top of a declaration: a parameter's, an
 * output's, a typed variable's, a type declaration's, a function's parameters' and result's.
 */
export function forEachDeclaredType(statements: readonly Statement[], visit: (t: TypeExpression | undefined) => void): void {
  for (const s of statements) {
    switch (s.kind) {
      case 'Parameter':
      case 'Output':
      case 'Variable':
        visit(s.type);
        break;
      case 'TypeDeclaration':
        visit(s.value);
        break;
      case 'Function':
        for (const p of s.parameters) visit(p.type);
        visit(s.returnType);
        break;
      default:
        break;
    }
  }
}

/**
 * An Azure resource type with its API version, as the compiler reads one (BCP029 otherwise): a
 * provider namespace, one or more type segments, and a date version with an optional suffix
 * ('Microsoft.Network/virtualNetworkTaps@2023-09-01', '...@2023-08-01-preview').
 */
const AZ_RESOURCE_TYPE = /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)+@\d{4}-\d{2}-\d{2}(-[A-Za-z0-9]+)*$/;

/**
 * BCP071 / BCP070 / BCP032 / BCP029 / BCP208: the argument of `resourceInput<...>` or
 * `resourceOutput<...>` (`sys.` or no namespace), and BCP394: a `resourceInput<...>` used whole
 * (`bare`: not read by `.property`, `[*]` or `.*`), which the compiler refuses.
 */
function resourceTypeArgument(t: ParameterizedType, out: TypeNameProblem[], bare: boolean, extensions: boolean): void {
  const kind = t.name.name.toLowerCase();
  if (kind !== 'resourceinput' && kind !== 'resourceoutput') return;
  if (t.namespace && !(t.namespace.kind === 'TypeReference' && t.namespace.name.name.toLowerCase() === 'sys')) return;
  if (t.args.length !== 1) {
    out.push({ at: t, message: `Expected 1 argument, but got ${t.args.length}. (BCP071)` });
    return;
  }
  const arg = t.args[0] as TypeExpression;
  if (arg.kind !== 'LiteralType' || arg.value.kind !== 'String') {
    if (arg.kind !== 'Missing' && arg.kind !== 'Skipped') out.push({ at: arg, message: `The argument of "${t.name.name}<...>" must be a resource type string ('Type@version'). (BCP070)` });
    return;
  }
  if (arg.value.expressions.length > 0) {
    out.push({ at: arg, message: 'The value must be a compile-time constant. (BCP032)' });
    return;
  }
  const text = arg.value.value ?? arg.value.segments.join('');
  const colon = text.indexOf(':');
  // 'az:Type@version' names Azure's types; another extension's types have versions of their own.
  const namespace = colon < 0 ? 'az' : text.slice(0, colon);
  if (namespace !== 'az' && namespace !== '') {
    // Without extensions, a file's namespaces are az and sys: another names nothing (with one,
    // its alias or name may be the namespace, and is not judged).
    if (!extensions && namespace !== 'sys') {
      out.push({ at: arg, message: `The specified namespace "${namespace}" is not recognized. Specify a resource reference using one of the following namespaces: "az", "sys". (BCP208)` });
    }
    return;
  }
  if (!AZ_RESOURCE_TYPE.test(colon < 0 ? text : text.slice(colon + 1)) || namespace === '') {
    out.push({ at: arg, message: 'The resource type is not valid. Specify a valid resource type of format "<type-name>@<apiVersion>". (BCP029)' });
    return;
  }
  if (bare && t.name.name === 'resourceInput') {
    out.push({ at: t, message: 'Resource-derived type expressions must dereference a property within the resource body. Using the entire resource body type is not permitted. (BCP394)' });
  }
}
