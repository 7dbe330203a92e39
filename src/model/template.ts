// The template model: one shape for both front ends.
//
// A template is a tree of TNode values. ARM JSON gives plain JSON values (strings of the form
// "[...]" are expressions, parsed when evaluated); the Bicep front end lowers into the same tree
// and puts pre-parsed TExpr nodes where ARM JSON would have an expression string. Every node has
// a span: walkers carry it down with Span.child(), so no stage ever re-parses text to find a line.
import type { Expr } from '../expr/ast.js';
import type { Span } from './span.js';

export type TNode = null | boolean | number | string | TNode[] | TObject | TExpr;

/** A JSON object of the template. Always read through own()/ownKeys(): keys such as `__proto__` are data. */
export interface TObject {
  [key: string]: TNode;
}

/** An expression that a front end has already parsed (Bicep), with the span its offsets are relative to. */
export class TExpr {
  constructor(
    readonly ast: Expr,
    /** AST offsets are relative to this span (Span.sub). */
    readonly base: Span,
  ) {}
}

/**
 * The namespace of the calls a front end writes for values it could not produce (a Bicep load*()
 * file it did not read, a call it found wrong): the evaluator gives each an unknown of its own
 * (expr/evaluate.ts, loweringCall).
 */
export const LOWERING_NS = '__vtaplint';

export function isTObject(n: TNode | undefined): n is TObject {
  return typeof n === 'object' && n !== null && !Array.isArray(n) && !(n instanceof TExpr);
}

/**
 * Sets a property named by template data: defineProperty, not assignment, so that a key such as
 * "__proto__" is a property like any other instead of replacing the object's prototype.
 */
/**
 * An object keyed by names a template chose (its parameters, variables, resources, outputs):
 * without a prototype, V8 keeps it as a hash table from the start. A plain object would get a
 * new hidden class for every name added, each made and kept for that one object.
 */
export function nameTable(): TObject {
  return Object.create(null) as TObject;
}

export function setOwn(o: TObject, key: string, value: TNode): void {
  // '__proto__' is the one name Object.prototype gives a setter: only it needs defineProperty
  // (which is many times slower than a store, and a template has thousands of properties).
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/** Own property of a template object (never an inherited one such as `constructor`). */
export function own(o: TObject, key: string): TNode | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** ARM property names are case-insensitive: the exact key first, then a case-insensitive match. */
export function ownKey(o: TObject, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(o, key)) return key;
  // A miss is the common case (optional properties such as allowedValues): for-in makes no key
  // array, and only a key of the same length is lowercased.
  let lower: string | undefined;
  for (const k in o) {
    if (k.length !== key.length || !Object.prototype.hasOwnProperty.call(o, k)) continue;
    lower ??= key.toLowerCase();
    if (k.toLowerCase() === lower) return k;
  }
  return undefined;
}

/** A property by its ARM name (case-insensitive), without a span: childOf() when one is needed. */
export function ownProp(o: TObject, key: string): TNode | undefined {
  const k = ownKey(o, key);
  return k === undefined ? undefined : o[k];
}

/**
 * Set (non-enumerable) on a declaration whose `type` is a front end's guess, not what the
 * compiler would write: a Bicep type vtaplint cannot work out (a type imported from an ARM JSON
 * file or a registry, a type reached through an index or a property it does not resolve). A
 * value is never held against such a type.
 */
export const TYPE_NOT_KNOWN: unique symbol = Symbol('vtaplint.typeNotKnown');

/** A node with the span it came from: what walkers pass around. */
export interface Located<T = TNode> {
  node: T;
  span: Span;
}

/** Child `key` of an object node, case-insensitively, with its span. */
export function childOf(parent: Located<TObject>, key: string): Located | undefined {
  const k = ownKey(parent.node, key);
  if (k === undefined) return undefined;
  return { node: parent.node[k] as TNode, span: parent.span.child(parent.node, k) };
}

/**
 * Calls `visit` for each user-defined function of a template's `functions` section (an array of
 * namespaces, each with `members` by name), with the span of its declaration.
 */
export function forEachUserFunction(section: TNode, span: Span, visit: (f: TObject, fSpan: Span) => void): void {
  if (!Array.isArray(section)) return;
  section.forEach((ns, i) => {
    if (!isTObject(ns)) return;
    const members = ownProp(ns, 'members');
    if (!isTObject(members)) return;
    const membersSpan = span.child(section, i).child(ns, 'members');
    for (const name of Object.keys(members)) {
      const f = members[name] as TNode;
      if (isTObject(f)) visit(f, membersSpan.child(members, name));
    }
  });
}
