// Which part of a parameter's value an expression reads, when the expression is nothing but a
// path into it: `parameters('vms')[copyIndex()].size` (a Bicep loop's `v.size`), `vmConfig.size`,
// `parameters('nics')[1]`. A finding at such an expression is about one entry of the value given
// (a .bicepparam list, a parameters file's object): its "value given here" then points at that
// entry, which tells which of many it is, not at the start of the whole value.
//
// Only when a finding asks, from the expression's syntax tree and the copy-loop instance the
// finding is about: nothing is recorded while evaluating.
import type { Expr } from '../expr/ast.js';
import { at, type LocatedValue } from '../expr/located.js';
import type { Value } from '../expr/value.js';
import type { Span } from '../model/span.js';

/** The copy-loop instance an expression was evaluated in (DeployedResource.copy). */
export interface LoopInstance {
  name: string;
  index: number | undefined;
}

/** A path of property names and indexes into the value of parameter `parameter`. */
export interface ParameterPath {
  parameter: string;
  path: (string | number)[];
}

/**
 * The parameter and path `ast` reads, when it is only that: `parameters('x')` followed by
 * properties and indexes, each index a literal or the instance's copyIndex() (plus a literal
 * offset). Undefined for anything else (a call on the way, an index only evaluation tells).
 */
export function parameterPath(ast: Expr, loop: LoopInstance | undefined): ParameterPath | undefined {
  const path: (string | number)[] = [];
  let n: Expr = ast;
  for (;;) {
    if (n.k === 'member') {
      path.push(n.name);
      n = n.obj;
    } else if (n.k === 'index') {
      const key = indexKey(n.index, loop);
      if (key === undefined) return undefined;
      path.push(key);
      n = n.obj;
    } else break;
  }
  if (path.length === 0 || n.k !== 'call' || n.ns !== undefined || n.name.toLowerCase() !== 'parameters' || n.args.length !== 1) return undefined;
  const name = n.args[0];
  if (name?.k !== 'lit' || typeof name.value !== 'string') return undefined;
  return { parameter: name.value, path: path.reverse() };
}

/** An index as the finding's instance evaluated it: a literal, or copyIndex() of its own loop. */
function indexKey(e: Expr, loop: LoopInstance | undefined): string | number | undefined {
  if (e.k === 'lit') return typeof e.value === 'string' || (typeof e.value === 'number' && Number.isInteger(e.value)) ? e.value : undefined;
  if (e.k !== 'call' || e.ns !== undefined || e.name.toLowerCase() !== 'copyindex' || loop?.index === undefined) return undefined;
  // copyIndex(), copyIndex(offset), copyIndex('loop'), copyIndex('loop', offset): only the loop
  // of the instance the finding is about is known here.
  let offset = 0;
  for (const [i, a] of e.args.entries()) {
    if (a.k !== 'lit') return undefined;
    if (typeof a.value === 'string' && i === 0) {
      if (a.value.toLowerCase() !== loop.name.toLowerCase()) return undefined;
    } else if (typeof a.value === 'number' && Number.isInteger(a.value) && i === e.args.length - 1) offset = a.value;
    else return undefined;
  }
  return loop.index + offset;
}

/**
 * Where the part of `value` (given at `span`) at `path` was written, and the path as a user
 * writes it (`[1].size`); undefined when the value has no such part or no place of its own.
 */
export function partGiven(value: Value, span: Span, path: readonly (string | number)[]): { span: Span; text: string } | undefined {
  let cur: LocatedValue = { value, span };
  for (const key of path) {
    const next = at(cur, key);
    // Absent, behind an unknown (at() stops there), or with no place of its own (a value made by
    // an expression): the whole value is what the finding can point at.
    if (next === cur || next.value === undefined || next.span === cur.span) return undefined;
    cur = next;
  }
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `['${p.replaceAll("'", "\\'")}']`)).join('');
  return { span: cur.span, text };
}
