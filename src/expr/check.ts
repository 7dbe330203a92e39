// Checks of an expression that need no evaluation: every call names a known ARM function and
// passes it a number of arguments it accepts. ARM rejects such a template whatever its
// parameters, so the template check reports them everywhere, also where nothing is evaluated.
// The evaluator uses the same messages, so an error found both ways is reported once.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import type { Call, Expr } from './ast.js';
import { lookupFunction } from './functions/index.js';
import type { FnDef } from './functions/types.js';

/** The finding for a template string that does not parse (`at`: its characters in the file). */
export function syntaxDiagnostic(p: { message: string; limit?: boolean }, at: Span): Diagnostic {
  return p.limit
    ? { code: 'limit-exceeded', message: `${p.message} The expression is not analysed.`, span: at }
    : { code: 'invalid-template', message: `Invalid template expression: ${p.message}`, span: at };
}

export function unknownFunctionMessage(display: string): string {
  return `The template function '${display}' is not valid (not a known ARM template function).`;
}

/** Whether `count` arguments fit the function's arity. */
export function arityFits(def: Pick<FnDef, 'min' | 'max'>, count: number): boolean {
  return count >= def.min && (def.max === undefined || count <= def.max);
}

export function arityMessage(display: string, def: Pick<FnDef, 'min' | 'max'>, count: number): string {
  const expected = def.max === def.min ? `${def.min}` : def.max === undefined ? `at least ${def.min}` : `${def.min} to ${def.max}`;
  return `The template function '${display}' expects ${expected} argument(s) but was called with ${count}.`;
}

/** list*() names are resource actions: any name is accepted (its result is runtime state). */
export function isListAction(name: string): boolean {
  return name.length >= 4 && name.slice(0, 4).toLowerCase() === 'list';
}

/**
 * Calls `f` for every call in the expression, with whether it may not run: arguments after the
 * first of a lazily evaluated function (if, and, or, lambda functions) run only on some paths, and
 * ARM reports nothing about a path it does not take. The parser bounds the depth, so the recursion.
 */
export function forEachCall(e: Expr, f: (call: Call, mayNotRun: boolean) => void, mayNotRun = false): void {
  switch (e.k) {
    case 'lit':
      return;
    case 'member':
      forEachCall(e.obj, f, mayNotRun);
      return;
    case 'index':
      forEachCall(e.obj, f, mayNotRun);
      forEachCall(e.index, f, mayNotRun);
      return;
    case 'call': {
      f(e, mayNotRun);
      const lazy = e.ns === undefined && lookupFunction(e.name)?.lazy !== undefined;
      for (let i = 0; i < e.args.length; i++) forEachCall(e.args[i] as Expr, f, mayNotRun || (lazy && i > 0));
    }
  }
}

/**
 * The problem with a call, when it names an unknown built-in function or passes a wrong number of
 * arguments. Namespaced calls (user-defined functions) depend on the template's `functions` and
 * are left to the evaluator.
 */
export function callProblem(c: Call): string | undefined {
  if (c.ns !== undefined) return undefined;
  const def = lookupFunction(c.name);
  if (!def) return isListAction(c.name) ? undefined : unknownFunctionMessage(c.name);
  return arityFits(def, c.args.length) ? undefined : arityMessage(c.name, def, c.args.length);
}

/** A problem of one call (offsets into the expression string). */
export interface CallProblem {
  start: number;
  end: number;
  message: string;
}

/** parameters('name') or variables('name') with a literal name, on a path that always runs. */
export interface NameRef {
  kind: 'parameters' | 'variables';
  name: string;
  lower: string;
  start: number;
  end: number;
}

/** What can be known about an expression without a template: its call problems and the names it reads. */
export interface StaticFacts {
  problems: readonly CallProblem[];
  refs: readonly NameRef[];
}

const NO_FACTS: StaticFacts = Object.freeze({ problems: Object.freeze([]), refs: Object.freeze([]) });

/**
 * The static facts of a parsed expression, kept on the parse result: the parser's cache shares it
 * between equal strings, a template repeats the same expressions many times, and most have
 * nothing to report. (On the object rather than in a WeakMap: tens of thousands of weak entries
 * slow every full garbage collection.)
 */
export function staticFacts(parsed: { ast: Expr; facts: StaticFacts | undefined }): StaticFacts {
  if (parsed.facts) return parsed.facts;
  const ast = parsed.ast;
  let problems: CallProblem[] | undefined;
  let refs: NameRef[] | undefined;
  forEachCall(ast, (c, mayNotRun) => {
    if (mayNotRun) return;
    const problem = callProblem(c);
    if (problem) (problems ??= []).push({ start: c.start, end: c.end, message: problem });
    else if (c.ns === undefined && c.args.length === 1) {
      const arg = c.args[0] as Expr;
      const kind = c.name.toLowerCase();
      if ((kind === 'parameters' || kind === 'variables') && arg.k === 'lit' && typeof arg.value === 'string') {
        (refs ??= []).push({ kind, name: arg.value, lower: arg.value.toLowerCase(), start: c.start, end: c.end });
      }
    }
  });
  parsed.facts = problems || refs ? { problems: problems ?? [], refs: refs ?? [] } : NO_FACTS;
  return parsed.facts;
}
