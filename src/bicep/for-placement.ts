// Where a for-expression may be written, as the compiler's ForSyntaxValidatorVisitor decides:
// - as the whole value of a resource, module, variable or output declaration (a loop of the
//   declaration);
// - in a resource or module body, as the value of an object property reached through object and
//   array literals only (a property loop), and not inside another property loop (BCP142);
// - nowhere else (BCP138): inside a function call or an operator (`concat([for ...])`,
//   `cond ? [for ...] : []`), inside a variable's or output's value other than as that whole
//   value (`var x = { a: [for ...] }`), as an array item, or in a parameter's default, a
//   decorator, a function or a type.
// A property loop whose property name is an expression is BCP143. The lowering itself accepts
// all of these (a for-expression is map() wherever it is): these are the compiler's errors only.
import type { Expression, ForExpression, Node, ObjectProperty, Statement } from './syntax.js';

export interface ForPlacementError {
  at: Node;
  message: string;
}

type Capability = 'inconclusive' | 'potential' | 'disallowed';
type Owner = 'resource' | 'module' | 'value' | 'none';

const NOT_HERE =
  'For-expressions are not supported in this context. For-expressions may be used as values of resource, module, variable, and output declarations, or values of resource and module properties. (BCP138)';
const NESTED = 'Property value for-expressions cannot be nested. (BCP142)';
const KEYED = 'For-expressions cannot be used with properties whose names are also expressions. (BCP143)';
/**
 * A loop's `if` is read as a condition only where the loop is the whole value of a resource or
 * module declaration (the compiler's parser reads an `if` body there only); anywhere else it is
 * a call of a function 'if', which does not exist.
 */
const FILTER_NOT_HERE =
  'The function "if" is not supported. Use the "?:" (ternary conditional) operator instead, e.g. condition ? ValueIfTrue : ValueIfFalse (BCP100); a loop takes a condition only as the whole value of a resource or module declaration: filter the array instead (filter(array, x => condition))';

/** The `for` keyword of a for-expression (after its `[` and any blank). */
function forKeyword(e: ForExpression, text: string): Node {
  let i = e.start + 1;
  while (i < e.end && /\s/.test(text[i] ?? '')) i++;
  return { start: i, end: Math.min(i + 3, e.end) };
}

export function forPlacementErrors(statements: readonly Statement[], text: string): ForPlacementError[] {
  const out: ForPlacementError[] = [];

  const visit = (e: Expression, owner: Owner, state: Capability, loops: number, propertyValue: boolean): void => {
    switch (e.kind) {
      case 'For': {
        if (owner !== 'resource' && owner !== 'module') out.push({ at: forKeyword(e, text), message: NOT_HERE });
        else if (state === 'disallowed' || !propertyValue) out.push({ at: forKeyword(e, text), message: NOT_HERE });
        else if (loops + 1 > 1) out.push({ at: forKeyword(e, text), message: NESTED });
        const inner = owner === 'resource' || owner === 'module' ? loops + (propertyValue && state !== 'disallowed' ? 1 : 0) : loops;
        visit(e.iterable, owner, state, inner, false);
        if (e.body.kind === 'If') {
          out.push({ at: e.body.keyword, message: FILTER_NOT_HERE });
          visit(e.body.condition, owner, state, inner, false);
          visit(e.body.body, owner, state, inner, false);
        } else visit(e.body, owner, state, inner, false);
        return;
      }
      case 'Object': {
        const s = state === 'disallowed' ? 'disallowed' : 'potential';
        for (const p of e.properties) {
          if (p.kind === 'ObjectProperty') visitProperty(p, owner, s, loops);
          else if (p.kind === 'Spread') visit(p.expression, owner, s === 'disallowed' ? s : 'disallowed', loops, false);
        }
        return;
      }
      case 'Array': {
        const s = state === 'disallowed' ? 'disallowed' : 'potential';
        for (const item of e.items) visit(item.kind === 'Spread' ? item.expression : item, owner, item.kind === 'Spread' ? 'disallowed' : s, loops, false);
        return;
      }
      default:
        break;
    }
    // Any other expression: a for-expression anywhere inside it is inside an operator or a call.
    for (const c of expressionChildren(e)) visit(c, owner, 'disallowed', loops, false);
  };

  const visitProperty = (p: ObjectProperty, owner: Owner, state: Capability, loops: number): void => {
    if (p.key.kind === 'String' && p.key.expressions.length > 0) {
      if (p.value.kind === 'For') out.push({ at: p.key, message: KEYED });
      for (const x of p.key.expressions) visit(x, owner, 'disallowed', loops, false);
    }
    visit(p.value, owner, state, loops, true);
  };

  /** A declaration's value: a loop of the declaration is allowed as the whole value. */
  const visitValue = (v: Expression, owner: Owner): void => {
    if (v.kind === 'For') {
      visit(v.iterable, owner, 'inconclusive', 0, false);
      const body = v.body.kind === 'If' ? v.body.body : v.body;
      if (v.body.kind === 'If') visit(v.body.condition, owner, 'disallowed', 0, false);
      visitBody(body, owner);
      return;
    }
    if (v.kind === 'If') {
      visit(v.condition, owner, 'disallowed', 0, false);
      visitBody(v.body, owner);
      return;
    }
    visitBody(v, owner);
  };

  const visitBody = (body: Expression, owner: Owner): void => {
    if (body.kind === 'Object' && (owner === 'resource' || owner === 'module')) {
      for (const p of body.properties) {
        if (p.kind === 'Resource') visitValue(p.value, 'resource');
        else if (p.kind === 'ObjectProperty') visitProperty(p, owner, 'potential', 0);
        else visit(p.expression, owner, 'disallowed', 0, false);
      }
      return;
    }
    visit(body, owner, 'inconclusive', 0, false);
  };

  for (const s of statements) {
    switch (s.kind) {
      case 'Resource':
        visitValue(s.value, 'resource');
        break;
      case 'Module':
        visitValue(s.value, 'module');
        break;
      case 'Variable':
      case 'Output':
        // Only the whole value may be a loop: anything deeper is BCP138 (owner 'value').
        if (s.value.kind === 'For') {
          visit(s.value.iterable, 'value', 'inconclusive', 0, false);
          if (s.value.body.kind === 'If') {
            out.push({ at: s.value.body.keyword, message: FILTER_NOT_HERE });
            visit(s.value.body.condition, 'value', 'inconclusive', 0, false);
            visit(s.value.body.body, 'value', 'inconclusive', 0, false);
          } else visit(s.value.body, 'value', 'inconclusive', 0, false);
        } else visit(s.value, 'value', 'inconclusive', 0, false);
        break;
      case 'Parameter':
        if (s.defaultValue) visit(s.defaultValue, 'none', 'inconclusive', 0, false);
        break;
      case 'Function':
        visit(s.body, 'none', 'inconclusive', 0, false);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The expressions directly inside an expression (object property values, not keys). */
export function expressionChildren(e: Expression): Expression[] {
  switch (e.kind) {
    case 'String':
      return e.expressions;
    case 'FunctionCall':
      return e.base ? [e.base, ...e.args] : e.args;
    case 'PropertyAccess':
    case 'ResourceAccess':
    case 'NonNullAssertion':
      return [e.base];
    case 'ArrayAccess':
      return [e.base, e.index];
    case 'Unary':
      return [e.operand];
    case 'Binary':
      return [e.left, e.right];
    case 'Ternary':
      return [e.condition, e.whenTrue, e.whenFalse];
    case 'Parenthesized':
      return [e.expression];
    case 'Lambda':
      return [e.body];
    case 'If':
      return [e.condition, e.body];
    case 'Array':
      return e.items.map((i) => (i.kind === 'Spread' ? i.expression : i));
    case 'Object':
      return e.properties.flatMap((p) => (p.kind === 'ObjectProperty' ? [p.value] : p.kind === 'Spread' ? [p.expression] : []));
    case 'For':
      return [e.iterable, e.body];
    default:
      return [];
  }
}
