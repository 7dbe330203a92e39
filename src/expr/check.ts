// Checks of an expression that need no evaluation: every call names a known ARM function and
// passes it a number of arguments it accepts. ARM rejects such a template whatever its
// parameters, so the template check reports them everywhere, also where nothing is evaluated.
// The evaluator uses the same messages, so an error found both ways is reported once.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import type { Call, Expr } from './ast.js';
import { allFunctions, lookupFunction } from './functions/index.js';
import { suggestion } from '../model/spelling.js';
import type { FnDef } from './functions/types.js';

/** The finding for a template string that does not parse (`at`: its characters in the file). */
export function syntaxDiagnostic(p: { message: string; limit?: boolean }, at: Span): Diagnostic {
  return p.limit
    ? { code: 'limit-exceeded', message: `${p.message} The expression is not analysed.`, span: at }
    : { code: 'invalid-template', message: `Invalid template expression: ${p.message}`, span: at };
}

/** The built-in functions' names as ARM's documentation spells them (for "did you mean"). */
let functionNames: string[] | undefined;

export function unknownFunctionMessage(display: string): string {
  // Names are case-insensitive in ARM: a match but for case is known, so only misspellings get here.
  const near = suggestion(display, (functionNames ??= allFunctions().map((f) => f.name)));
  return `The template function '${display}' is not valid (not a known ARM template function).${near ? ` Did you mean '${near}'?` : ''}`;
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
 * What every list*() action takes, whatever its name: list{Value}(resourceName or
 * resourceIdentifier, apiVersion, [functionValues]), as ARM's documentation and Bicep's list*
 * overload say. A call without an API version cannot be made.
 */
export const LIST_ACTION_ARITY: Pick<FnDef, 'min' | 'max'> = { min: 2, max: 3 };

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

/**
 * reference('x') or resourceInfo('x') with a literal argument, on a path that always runs: in a
 * languageVersion 2.0 template, the symbolic name of a resource (checked by the template check).
 */
export interface SymbolRef {
  fn: 'reference' | 'resourceInfo';
  name: string;
  /** How many arguments the call passes (reference('x', apiVersion) may name a resource outside). */
  argCount: number;
  start: number;
  end: number;
}

/** A call of reference() or a list*() action (the function's name as written). */
export interface RuntimeCall {
  name: string;
  start: number;
  end: number;
}

/** What can be known about an expression without a template: its call problems and the names it reads. */
export interface StaticFacts {
  problems: readonly CallProblem[];
  refs: readonly NameRef[];
  symbols: readonly SymbolRef[];
  /** reference() and list*() calls on paths that always run (runtime state; see check-template.ts). */
  runtimeCalls: readonly RuntimeCall[];
  /** utcNow() and newGuid() calls on paths that always run (see PARAMETER_DEFAULT_ONLY). */
  defaultOnlyCalls: readonly RuntimeCall[];
  /** target() calls on paths that always run: the resource being deployed, only known in its own body. */
  targetCalls: readonly RuntimeCall[];
}

/**
 * Functions ARM allows only in the default value of a parameter: "Using this function anywhere
 * else in a template returns an error" (the docs of utcNow and newGuid), as each call gives a new
 * value. The Bicep compiler's BCP065 is the same rule.
 */
export const PARAMETER_DEFAULT_ONLY: ReadonlySet<string> = new Set(['utcNow', 'newGuid']);

const NO_FACTS: StaticFacts = Object.freeze({
  problems: Object.freeze([]),
  refs: Object.freeze([]),
  symbols: Object.freeze([]),
  runtimeCalls: Object.freeze([]),
  defaultOnlyCalls: Object.freeze([]),
  targetCalls: Object.freeze([]),
});

interface Found {
  problems: CallProblem[] | undefined;
  refs: NameRef[] | undefined;
  symbols: SymbolRef[] | undefined;
  runtimeCalls: RuntimeCall[] | undefined;
  defaultOnlyCalls: RuntimeCall[] | undefined;
  targetCalls: RuntimeCall[] | undefined;
}

/**
 * The static facts of a parsed expression, kept on the parse result: the parser's cache shares it
 * between equal strings, a template repeats the same expressions many times, and most have
 * nothing to report. (On the object rather than in a WeakMap: tens of thousands of weak entries
 * slow every full garbage collection.)
 */
export function staticFacts(parsed: { ast: Expr; facts: StaticFacts | undefined }): StaticFacts {
  if (parsed.facts) return parsed.facts;
  const found: Found = { problems: undefined, refs: undefined, symbols: undefined, runtimeCalls: undefined, defaultOnlyCalls: undefined, targetCalls: undefined };
  collectFacts(parsed.ast, found);
  parsed.facts =
    found.problems || found.refs || found.symbols || found.runtimeCalls || found.defaultOnlyCalls || found.targetCalls
      ? {
          problems: found.problems ?? [],
          refs: found.refs ?? [],
          symbols: found.symbols ?? [],
          runtimeCalls: found.runtimeCalls ?? [],
          defaultOnlyCalls: found.defaultOnlyCalls ?? [],
          targetCalls: found.targetCalls ?? [],
        }
      : NO_FACTS;
  return parsed.facts;
}

/**
 * Walks the calls that always run. Arguments after the first of a lazily evaluated function (if,
 * and, or, lambda functions) run only on some paths, and ARM reports nothing about a path it does
 * not take, so they are not entered. The parser bounds the depth, so the recursion too.
 * Namespaced calls (user-defined functions) depend on the template's `functions` and are left to
 * the evaluator.
 */
function collectFacts(e: Expr, found: Found): void {
  switch (e.k) {
    case 'lit':
      return;
    case 'member':
      collectFacts(e.obj, found);
      return;
    case 'index':
      collectFacts(e.obj, found);
      collectFacts(e.index, found);
      return;
    case 'call': {
      const def = e.ns === undefined ? lookupFunction(e.name) : undefined;
      const problem = callProblem(e, def);
      if (problem) (found.problems ??= []).push({ start: e.start, end: e.end, message: problem });
      else if (e.ns === undefined && (isListAction(e.name) || def?.name === 'reference')) {
        (found.runtimeCalls ??= []).push({ name: e.name, start: e.start, end: e.end });
      } else if (def && PARAMETER_DEFAULT_ONLY.has(def.name)) {
        (found.defaultOnlyCalls ??= []).push({ name: e.name, start: e.start, end: e.end });
      } else if (def?.name === 'target') {
        (found.targetCalls ??= []).push({ name: e.name, start: e.start, end: e.end });
      }
      if (!problem && def && (def.name === 'reference' || def.name === 'resourceInfo') && e.args[0]?.k === 'lit' && typeof e.args[0].value === 'string') {
        (found.symbols ??= []).push({ fn: def.name, name: e.args[0].value, argCount: e.args.length, start: e.start, end: e.end });
      }
      if (!problem && def && e.args.length === 1) {
        const arg = e.args[0] as Expr;
        const kind = def.name.toLowerCase();
        if ((kind === 'parameters' || kind === 'variables') && arg.k === 'lit' && typeof arg.value === 'string') {
          (found.refs ??= []).push({ kind, name: arg.value, lower: arg.value.toLowerCase(), start: e.start, end: e.end });
        }
      }
      const running = def?.lazy ? Math.min(1, e.args.length) : e.args.length;
      for (let i = 0; i < running; i++) collectFacts(e.args[i] as Expr, found);
    }
  }
}

/** Why a call fails whatever its arguments' values: an unknown function or a wrong argument count. */
function callProblem(e: Call, def: FnDef | undefined): string | undefined {
  if (e.ns !== undefined) return undefined;
  if (!def) {
    if (!isListAction(e.name)) return unknownFunctionMessage(e.name);
    return arityFits(LIST_ACTION_ARITY, e.args.length) ? undefined : arityMessage(e.name, LIST_ACTION_ARITY, e.args.length);
  }
  return arityFits(def, e.args.length) ? undefined : arityMessage(e.name, def, e.args.length);
}
