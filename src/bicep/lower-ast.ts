// Builders for the ARM expression AST that Bicep lowering produces. Offsets are absolute offsets
// in the .bicep file (the TExpr base is the whole file), so every lowered node points at the Bicep
// text it came from.
import type { Call, Expr, Index, Literal, Member } from '../expr/ast.js';
import type { Node } from './syntax.js';

export function lit(value: string | number | boolean | null, at: Node): Literal {
  return { k: 'lit', value, start: at.start, end: at.end };
}

export function call(name: string, args: Expr[], at: Node, ns?: string): Call {
  return { k: 'call', ns, name, args, start: at.start, end: at.end };
}

export function member(obj: Expr, name: string, at: Node): Member {
  return { k: 'member', obj, name, start: at.start, end: at.end };
}

export function index(obj: Expr, idx: Expr, at: Node): Index {
  return { k: 'index', obj, index: idx, start: at.start, end: at.end };
}

/** A literal part of a format() string: braces are doubled so format() keeps them. */
export function escapeFormat(s: string): string {
  return s.replace(/[{}]/g, (c) => c + c);
}

/** `format('a{0}b', x)`, or the single argument when the format is just `{0}`... kept as format like the compiler. */
export function formatCall(parts: string[], args: Expr[], at: Node): Expr {
  let fmt = '';
  parts.forEach((p, i) => {
    fmt += escapeFormat(p);
    if (i < args.length) fmt += `{${i}}`;
  });
  return call('format', [lit(fmt, at), ...args], at);
}

/** Deepest JSON nesting converted to an expression (loaded JSON content is bounded by this). */
export const MAX_JSON_DEPTH = 256;

/** Whether a JSON value is nested deeper than jsonToExpr converts (walked without recursion: loaded content may be 50,000 deep). */
export function deeperThanConverted(v: unknown): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [x, depth] = top;
    if (x === null || typeof x !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return true;
    for (const e of Array.isArray(x) ? x : Object.values(x as Record<string, unknown>)) if (e !== null && typeof e === 'object') stack.push([e, depth + 1]);
  }
  return false;
}

/** A JSON value (loadJsonContent) as an expression: createObject/createArray/literals. */
export function jsonToExpr(v: unknown, at: Node, depth = 0): Expr {
  if (depth > MAX_JSON_DEPTH) return lit(null, at);
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return lit(v, at);
  if (Array.isArray(v)) return call('createArray', v.map((e) => jsonToExpr(e, at, depth + 1)), at);
  if (typeof v === 'object') {
    const args: Expr[] = [];
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) args.push(lit(k, at), jsonToExpr(e, at, depth + 1));
    return call('createObject', args, at);
  }
  return lit(null, at);
}

/** The text of a literal string argument, when it is one. */
export function litString(e: Expr | undefined): string | undefined {
  return e && e.k === 'lit' && typeof e.value === 'string' ? e.value : undefined;
}
