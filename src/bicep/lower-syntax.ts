// Small questions about the Bicep syntax tree that the lowering's layers share (see lower.ts):
// a declaration's body, loop and condition, a property of an object by name, a literal string's
// value, whether an expression is a compile-time constant.
import type { Expression, ForExpression, ObjectExpression, ObjectProperty } from './syntax.js';

export const REGISTRY_PREFIX = /^(br|ts)[:/]/i;

/** A literal, or an array or object of literals: what the compiler can use while it compiles. */
export function isCompileTimeConstant(e: Expression): boolean {
  switch (e.kind) {
    case 'String':
      return e.expressions.length === 0;
    case 'Integer':
    case 'Boolean':
    case 'Null':
      return true;
    case 'Unary':
      return e.operator === '-' && e.operand.kind === 'Integer';
    case 'Parenthesized':
      return isCompileTimeConstant(e.expression);
    case 'Array':
      return e.items.every((i) => i.kind !== 'Spread' && isCompileTimeConstant(i));
    case 'Object':
      return e.properties.every((p) => p.kind === 'ObjectProperty' && p.keyName !== undefined && isCompileTimeConstant(p.value));
    default:
      return false;
  }
}

export function bodyOf(value: Expression): { body: ObjectExpression | undefined; loop: ForExpression | undefined; condition: Expression | undefined } {
  let loop: ForExpression | undefined;
  let condition: Expression | undefined;
  let v: Expression = value;
  if (v.kind === 'For') {
    loop = v;
    v = v.body;
  }
  if (v.kind === 'If') {
    condition = v.condition;
    v = v.body;
  }
  return { body: v.kind === 'Object' ? v : undefined, loop, condition };
}

/** The expression inside any(...) and parentheses (`any(res)` is still the resource `res`). */
export function unwrapAny(e: Expression): Expression {
  for (;;) {
    if (e.kind === 'Parenthesized') e = e.expression;
    else if (e.kind === 'FunctionCall' && !e.base && e.name.name === 'any' && e.args.length === 1) e = e.args[0] as Expression;
    else return e;
  }
}

export function prop(body: ObjectExpression | undefined, name: string): ObjectProperty | undefined {
  const lower = name.toLowerCase();
  for (const p of body?.properties ?? []) if (p.kind === 'ObjectProperty' && p.keyName?.toLowerCase() === lower) return p;
  return undefined;
}

export function stringValue(e: Expression | undefined): string | undefined {
  return e?.kind === 'String' && e.expressions.length === 0 ? (e.value ?? e.segments.join('')) : undefined;
}
