// The ARM expression evaluator. It never throws for bad input: problems become diagnostics in
// ctx.diagnostics and the value becomes an Unknown that says why.
import type { Call, Expr } from './ast.js';
import type { Span } from '../model/span.js';
import { DiagnosticSink } from '../model/diagnostic.js';
import { LOWERING_NS } from '../model/template.js';
import type { EvalContext } from './context.js';
import { InexactInteger, ObjectValue, TracedObject, UnbuiltArray, Unknown, inexactInteger, isInexactInteger, pastGuessedPieces, valueNodes } from './value.js';
import type { ArgsOrigin, UnknownCode, Value, ValueType } from './value.js';
import { parseTemplateString, parseTemplateStringUncached } from './parser.js';
import { lookupFunction } from './functions/index.js';
import type { FnDef, Lambda, LambdaScope, LazyEnv } from './functions/types.js';
import { symbolicKey, typeName } from './ops.js';
import { arityFits, arityMessage, isListAction, LIST_ACTION_ARITY, syntaxDiagnostic, unknownFunctionMessage } from './check.js';

export type { LambdaScope };


/** The symbol the evaluator gives range(0, n) when n is unknown (see call(): `${name}(${keys})`). */
const RANGE_FROM_ZERO = 'range(0,';
/**
 * Functions that hold an object whose set of properties is not known (ObjectValue.partial) as it
 * is, without looking at all of it: an array or object literal around it (a Bicep spread of it is
 * shallowMerge(createArray(...))); every other function gets an unknown in its place.
 */
const HOLDS_WHOLE = new Set(['createArray', 'createObject']);
/**
 * Functions whose result is a value they were given or looked up (a parameter, a variable, one of
 * their arguments or one of its elements): they build nothing, and calling them is one step
 * whatever the value's size (see Evaluator.chargeBuilt).
 */
const GIVES_BACK = new Set(['parameters', 'variables', 'lambdavariables', 'if', 'coalesce', 'first', 'last', 'tryget', 'indexfromend', 'tryindexfromend', 'reduce', 'min', 'max']);
/** Whether a function gives back what it was given (GIVES_BACK), by its canonical name: no lowercasing per call. */
const givesBackByName = new Map<string, boolean>();
function givesBack(def: FnDef): boolean {
  let g = givesBackByName.get(def.name);
  if (g === undefined) givesBackByName.set(def.name, (g = GIVES_BACK.has(def.name.toLowerCase())));
  return g;
}

/** The limit-exceeded message of a value too large through all its levels (see valueNodes). */
export function valueNodesMessage(max: number): string {
  return `The value would hold more than ${max} elements and properties through all its levels (limit maxValueNodes).`;
}

/** Characters of a built string that cost one evaluation step (see Evaluator.chargeBuilt). */
const CHARS_PER_STEP = 16;

/** Elements of a built array that cost one evaluation step (see buildCost). */
const ELEMENTS_PER_STEP = 8;

/**
 * The steps a built value costs. A string: one per 16 characters, about what building them takes
 * next to visiting an AST node. An array: one per 8 elements, an object one per property (setting
 * a property, case-insensitively indexed, costs several times copying an element): a union() or
 * concat() that adds one entry to what a reduce() has built so far copies it all again, n * n / 2
 * entries for n calls, each result within maxObjectSize and maxValueNodes (10,000 calls built an
 * object for 20 s). Only the top level counts: the levels below are values the call was given,
 * shared, not copied. (The Bicep compiler's `range(start, n)[copyIndex()]` builds a range again
 * for each copy of a loop, legitimately: 800 copies of 800 cost 80,000 steps of the 10 million.)
 */
function buildCost(v: Value): number {
  if (typeof v === 'string') return Math.floor(v.length / CHARS_PER_STEP);
  if (Array.isArray(v)) return Math.floor(v.length / ELEMENTS_PER_STEP);
  return v instanceof ObjectValue ? v.size : 0;
}

/** Deepest AST recursion the evaluator follows, or maxExpressionDepth when higher (the parser limits ARM strings; Bicep ASTs are checked here). */
const MAX_AST_DEPTH = 512;

/**
 * Evaluates an expression. `base` is the span the AST offsets are relative to; diagnostics and
 * Unknown reasons point at `base.sub(node.start, node.end)`.
 */
export function evaluate(ast: Expr, base: Span, ctx: EvalContext, scope?: LambdaScope): Value {
  const budget = ctx.budget;
  if (budget.depth >= budget.limits.maxDepth) {
    const span = base.sub(ast.start, ast.end);
    const message = `Evaluation is nested more than ${budget.limits.maxDepth} levels deep (recursive variables or functions?) (limit maxExpressionDepth).`;
    ctx.diagnostics.add({ code: 'limit-exceeded', message, span });
    return new Unknown({ code: 'limit', message, span });
  }
  budget.depth++;
  try {
    return new Evaluator(base, ctx).eval(ast, scope, 0);
  } catch (e) {
    // Only a bug can get here (all input problems are reported as diagnostics); report it as
    // an internal error at the expression rather than crash the whole run.
    const span = base.sub(ast.start, ast.end);
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      // Deep but legal nesting (long chains of variables, each deeply nested) can outgrow the stack.
      const message = 'The evaluation is nested too deeply for the stack (limit maxExpressionDepth).';
      ctx.diagnostics.add({ code: 'limit-exceeded', message, span });
      return new Unknown({ code: 'limit', message, span });
    }
    const message = `internal error while evaluating: ${e instanceof Error ? e.message : String(e)}`;
    ctx.diagnostics.add({ code: 'internal-error', message, span });
    return new Unknown({ code: 'error', message, span });
  } finally {
    budget.depth--;
  }
}

/**
 * Evaluates a template string: a literal (including the `[[` escape) or an expression. A syntax
 * error becomes an 'invalid-template' diagnostic at the exact characters and an 'error' Unknown.
 */
export function evaluateString(s: string, span: Span, ctx: EvalContext, scope?: LambdaScope): Value {
  // Most template strings are plain text: no parse, no cache look-up, no allocation.
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) return s;
  const p = ctx.repeats ? parseTemplateString(s, ctx.budget.parseLimits) : parseTemplateStringUncached(s, ctx.budget.parseLimits);
  if (p.kind === 'literal') return p.value;
  if (p.kind === 'expr') return evaluate(p.ast, span, ctx, scope);
  const at = span.sub(p.start, p.end);
  ctx.diagnostics.add(syntaxDiagnostic(p, at));
  return new Unknown({ code: p.limit ? 'limit' : 'error', message: p.message, span: at });
}

class Evaluator {
  constructor(
    readonly base: Span,
    readonly ctx: EvalContext,
  ) {}

  span(n: Expr): Span {
    return this.base.sub(n.start, n.end);
  }

  error(n: Expr, message: string): Unknown {
    const span = this.span(n);
    this.ctx.diagnostics.add({ code: 'evaluation-error', message, span });
    return new Unknown({ code: 'error', message, span });
  }

  limit(n: Expr, message: string): Unknown {
    const span = this.span(n);
    this.ctx.diagnostics.add({ code: 'limit-exceeded', message, span });
    return new Unknown({ code: 'limit', message, span });
  }

  /** Evaluates without reporting diagnostics of the expression itself (a branch that may not run). */
  evalQuiet(n: Expr, scope: LambdaScope | undefined, depth: number): Value {
    return new Evaluator(this.base, new QuietContext(this.ctx)).eval(n, scope, depth);
  }

  eval(n: Expr, scope: LambdaScope | undefined, depth: number): Value {
    const budget = this.ctx.budget;
    if (!budget.step()) {
      const message = `Evaluation stopped after ${budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
      return budget.firstExhaustion() ? this.limit(n, message) : new Unknown({ code: 'limit', message, span: this.span(n) });
    }
    if (depth > MAX_AST_DEPTH && depth > budget.limits.maxDepth) {
      // maxExpressionDepth raised above 512 raises this too (what it names must control it).
      return this.limit(n, `The expression is nested more than ${Math.max(MAX_AST_DEPTH, budget.limits.maxDepth)} levels deep (limit maxExpressionDepth).`);
    }
    // A part that is the same in every copy of a loop (never inside a lambda, whose variables vary per call).
    const inv = this.ctx.invariants;
    if (inv !== undefined && scope === undefined && inv.has(n)) return inv.value(n, () => this.evalNode(n, scope, depth));
    return this.evalNode(n, scope, depth);
  }

  private evalNode(n: Expr, scope: LambdaScope | undefined, depth: number): Value {
    switch (n.k) {
      case 'lit':
        // An integer literal beyond 2^53 is not held exactly: unknown, not a nearby number.
        return isInexactInteger(n.value) ? inexactInteger(n.value, this.span(n), n.exact) : n.value;
      case 'member': {
        const obj = this.eval(n.obj, scope, depth + 1);
        return this.member(n, obj, n.name);
      }
      case 'index': {
        const obj = this.eval(n.obj, scope, depth + 1);
        const idx = this.eval(n.index, scope, depth + 1);
        return this.index(n, obj, idx);
      }
      case 'call':
        return this.call(n, scope, depth);
    }
  }

  private member(n: Expr, obj: Value, name: string): Value {
    if (obj instanceof Unknown) return unknownMember(obj, name);
    if (obj instanceof ObjectValue) {
      const v = obj.get(name);
      if (v !== undefined) {
        // A module's or nested deployment's output: where the value was computed (see TracedObject).
        if (obj instanceof TracedObject) this.ctx.readTraced?.(obj, name);
        return v;
      }
      // Runtime state (reference()): read-only properties Azure fills in are unknown, not missing.
      if (obj.runtime) return new Unknown(obj.runtime, undefined, undefined, obj.runtime.symbol !== undefined ? `${obj.runtime.symbol}.${name.toLowerCase()}` : undefined);
      // A spread of an object known only at deployment may have set it.
      if (obj.partial?.open) return new Unknown(obj.partial.reason);
      const avail = obj.keys();
      return this.error(
        n,
        `The language expression property '${name}' doesn't exist, available properties are '${avail.join(', ')}'.`,
      );
    }
    return this.error(n, `The language expression property '${name}' can't be evaluated, the value is of type '${typeName(obj)}'.`);
  }

  private index(n: Expr, obj: Value, idx: Value): Value {
    if (obj instanceof Unknown) {
      if (typeof idx === 'string') return unknownMember(obj, idx);
      // range(0, n)[i] is i whatever n is: a Bicep `for i in range(0, count)` with a count known
      // only at deployment indexes its own range, and webNics[i] must name the instance that
      // webNics' own loop names (both are copyIndex(), not two different unknowns).
      if (obj.symbol !== undefined && obj.symbol.startsWith(RANGE_FROM_ZERO) && (typeof idx === 'number' || (idx instanceof Unknown && idx.symbol !== undefined))) return idx;
      // An element of a deployment-wide value is deployment-wide too: parameters('tests')[0].
      const k = symbolicKey(idx);
      return new Unknown(obj.reason, undefined, undefined, obj.symbol !== undefined && k !== undefined ? `${obj.symbol}[${k}]` : undefined);
    }
    // An integer beyond 2^53 (an InexactInteger, its digits known or not) is past the end of any
    // array, and no property name: ARM's error, not an unknown.
    if (idx instanceof InexactInteger && Array.isArray(obj)) {
      const shown = idx.exact !== undefined ? idx.exact.toString() : 'beyond 2^53';
      return this.error(n, `The language expression property array index '${shown}' is out of bounds (the array has ${obj.length} elements).`);
    }
    if (idx instanceof InexactInteger && obj instanceof ObjectValue) {
      return this.error(n, "The language expression property name must be a string; the provided value is of type 'Integer'.");
    }
    if (idx instanceof Unknown) {
      // Every element of an array known to hold one value type keeps nothing we can use: unknown.
      return new Unknown(idx.reason);
    }
    if (Array.isArray(obj)) {
      if (typeof idx !== 'number' || !Number.isInteger(idx)) {
        return this.error(n, `The language expression array index must be an integer; the provided value is of type '${typeName(idx)}'.`);
      }
      if (idx < 0 || idx >= obj.length) {
        // Pieces of split() of a value known only at deployment: there may be more than we made.
        const guessed = idx > 0 ? pastGuessedPieces(obj) : undefined;
        if (guessed !== undefined) return guessed;
        return this.error(n, `The language expression property array index '${idx}' is out of bounds (the array has ${obj.length} elements).`);
      }
      return obj[idx] as Value;
    }
    if (obj instanceof ObjectValue) {
      if (typeof idx !== 'string') {
        return this.error(n, `The language expression property name must be a string; the provided value is of type '${typeName(idx)}'.`);
      }
      return this.member(n, obj, idx);
    }
    return this.error(n, `The language expression can't index a value of type '${typeName(obj)}'.`);
  }

  private call(n: Call, scope: LambdaScope | undefined, depth: number): Value {
    if (n.ns === LOWERING_NS) return this.loweringCall(n);
    const display = n.ns !== undefined ? `${n.ns}.${n.name}` : n.name;
    if (n.ns !== undefined) return this.userCall(n, scope, depth, display);
    const def = lookupFunction(n.name);
    if (!def) {
      if (isListAction(n.name)) {
        // list*() functions are resource actions: whatever their name, the result is runtime state.
        if (!arityFits(LIST_ACTION_ARITY, n.args.length)) return this.error(n, arityMessage(display, LIST_ACTION_ARITY, n.args.length));
        const args = n.args.map((a) => this.eval(a, scope, depth + 1));
        const span = this.span(n);
        return (
          this.ctx.runtime?.(n.name, args, span) ??
          new Unknown({ code: 'runtime-state', message: `${n.name}() returns runtime state of a resource`, span })
        );
      }
      const span = this.span(n);
      const message = unknownFunctionMessage(display);
      this.ctx.diagnostics.add({ code: 'evaluation-error', message, span });
      return new Unknown({ code: 'unsupported', message, span });
    }
    if (!arityFits(def, n.args.length)) return this.error(n, arityMessage(display, def, n.args.length));
    const env = new Env(this, n, scope, depth, def);
    let result: Value;
    let given: Value[] | undefined;
    try {
      if (def.lazy) result = def.lazy(env);
      else {
        // Loops, not map/find: this runs for every call of every expression.
        const count = n.args.length;
        const args: Value[] = new Array<Value>(count);
        let firstUnknown: Unknown | undefined;
        for (let i = 0; i < count; i++) {
          let v = this.eval(n.args[i] as Expr, scope, depth + 1);
          // An object whose set of properties is not known (ObjectValue.partial) is unknown to a
          // function, which may look at all of it (length, contains, string, union, ...).
          if (v instanceof ObjectValue && v.partial && !HOLDS_WHOLE.has(def.name)) v = new Unknown(v.partial.reason, 'object');
          args[i] = v;
          if (firstUnknown === undefined && v instanceof Unknown) firstUnknown = v;
        }
        if (!def.unknownArgs && firstUnknown && !(def.inexactInts && args.every((a) => !(a instanceof Unknown) || (a instanceof InexactInteger && a.exact !== undefined)))) {
          // The length of an array too long to build is known all the same.
          if (firstUnknown instanceof UnbuiltArray && def.name === 'length' && count === 1) return firstUnknown.length;
          return derivedUnknown(def.name, args, firstUnknown, def.returns);
        }
        given = args;
        result = def.impl ? def.impl(args, env) : null;
        // A function that handled unknown arguments itself and still could not decide: when the
        // arguments are deployment-wide values, so is its result (substring(resourceGroup().name, 0, 5)).
        if (firstUnknown && result instanceof Unknown && result.symbol === undefined && !result.parts && result.reason.code !== 'error') {
          const keys = args.map(symbolicKey);
          if (keys.every((k) => k !== undefined)) {
            // What it surely holds stays known (concat(createArray('x'), parameters('extra'))).
            const c = result.contains;
            result = new Unknown(result.reason, result.type, undefined, `${def.name}(${keys.join(',')})`, result.about, result.oneOf, undefined, undefined, undefined, undefined, undefined, c);
          }
        }
      }
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) return this.limit(n, 'The evaluation is nested too deeply for the stack (limit maxExpressionDepth).');
      const span = this.span(n);
      const message = `internal error in ${display}(): ${e instanceof Error ? e.message : String(e)}`;
      this.ctx.diagnostics.add({ code: 'internal-error', message, span });
      return new Unknown({ code: 'error', message, span });
    }
    return this.chargeBuilt(n, def, given, this.checkSize(n, result));
  }

  /**
   * A function that builds a string does work, and holds memory, in proportion to its length, not
   * one step: a padLeft() of four million characters in a map() over range(0, 10000) is 40 GB of
   * text, each string within maxStringLength. So what a call builds is charged to the step budget
   * too (see buildCost); a function that gives back a value it was given or looked up builds nothing.
   */
  private chargeBuilt(n: Expr, def: FnDef, args: readonly Value[] | undefined, v: Value): Value {
    const cost = buildCost(v);
    if (cost === 0 || givesBack(def) || args?.includes(v)) return v;
    const budget = this.ctx.budget;
    if (budget.step(cost)) return v;
    const message = `Evaluation stopped after ${budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
    return budget.firstExhaustion() ? this.limit(n, message) : new Unknown({ code: 'limit', message, span: this.span(n) });
  }

  checkSize(n: Expr, v: Value): Value {
    const lim = this.ctx.budget.limits;
    if (typeof v === 'string' && v.length > lim.maxStringLength) {
      return this.limit(n, `The string is longer than ${lim.maxStringLength} characters (limit maxStringLength).`);
    }
    if (Array.isArray(v) && v.length > lim.maxArrayLength) {
      return this.limit(n, `The array has more than ${lim.maxArrayLength} elements (limit maxArrayLength).`);
    }
    if (v instanceof ObjectValue && v.size > lim.maxObjectSize) {
      return this.limit(n, `The object has more than ${lim.maxObjectSize} properties (limit maxObjectSize).`);
    }
    if ((Array.isArray(v) || v instanceof ObjectValue) && valueNodes(v) > lim.maxValueNodes) {
      return this.limit(n, valueNodesMessage(lim.maxValueNodes));
    }
    return v;
  }

  /**
   * `__vtaplint.notRead('message')`: what a front end writes for a value it could not read (a
   * Bicep load*() file that is missing or outside the lint root); the value is unknown
   * ('not-fetched'), not null. `__vtaplint.invalid('message')`: for a call the front end found
   * wrong (a Bicep function that does not exist); the value is an 'error' unknown. Either way the
   * problem was reported when lowering, and is not reported again here. `__vtaplint.limit('message')`:
   * what the front end left out at a limit (an expression nested too deep); a 'limit' unknown.
   */
  private loweringCall(n: Call): Value {
    const first = n.args[0];
    const invalid = n.name === 'invalid';
    const message = first?.k === 'lit' && typeof first.value === 'string' ? first.value : invalid ? 'an invalid call' : 'a file that was not read';
    return new Unknown({ code: invalid ? 'error' : n.name === 'limit' ? 'limit' : 'not-fetched', message, span: this.span(n) });
  }

  private userCall(n: Call, scope: LambdaScope | undefined, depth: number, display: string): Value {
    const fn = this.ctx.userFunction(n.ns as string, n.name);
    if (!fn) return this.error(n, `The template function '${display}' is not defined.`);
    if (n.args.length < fn.minArgs || n.args.length > fn.maxArgs) {
      return this.error(n, `The template function '${display}' expects ${fn.minArgs} argument(s) but was called with ${n.args.length}.`);
    }
    const args = n.args.map((a) => this.eval(a, scope, depth + 1));
    const budget = this.ctx.budget;
    if (budget.depth >= budget.limits.maxDepth) {
      return this.limit(n, `User-defined function calls are nested more than ${budget.limits.maxDepth} levels deep (limit maxExpressionDepth).`);
    }
    budget.depth++;
    try {
      return fn.invoke(args, this.span(n));
    } finally {
      budget.depth--;
    }
  }

  /** Builds a lambda from a `lambda('a', 'b', body)` argument. */
  lambda(n: Expr, scope: LambdaScope | undefined, depth: number): Lambda | Unknown {
    if (n.k !== 'call' || n.ns !== undefined || n.name.toLowerCase() !== 'lambda') {
      // A Bicep lambda the compiler rejects (BCP242: `cond ? p => p : q => q`) is reported where it
      // is written, and lowered to an invalid call: not ARM's error a second time.
      if (holdsLoweringError(n)) return new Unknown({ code: 'error', message: 'A lambda function is expected here.', span: this.span(n) });
      return this.error(n, 'A lambda function is expected here.');
    }
    if (n.args.length < 1) return this.error(n, "The template function 'lambda' expects at least 1 argument.");
    const params: string[] = [];
    for (let i = 0; i < n.args.length - 1; i++) {
      const p = this.eval(n.args[i] as Expr, scope, depth + 1);
      if (typeof p !== 'string') return this.error(n.args[i] as Expr, 'Lambda parameter names must be strings.');
      params.push(p);
    }
    const body = n.args[n.args.length - 1] as Expr;
    const span = this.span(n);
    return {
      params,
      span,
      invoke: (args: Value[]): Value => {
        const vars = new Map<string, Value>();
        params.forEach((p, i) => vars.set(p.toLowerCase(), (args[i] ?? null) as Value));
        return this.eval(body, { vars, parent: scope }, depth + 1);
      },
    };
  }
}

/**
 * The result of a deterministic function with unknown arguments: unknown, with the first unknown
 * argument's reason; when every argument is known or symbolic (the same value everywhere in one
 * deployment), the result is symbolic too, so toLower(parameters('vmName')) still equals itself
 * and names and ids built from it still link.
 */
function derivedUnknown(fn: string, args: Value[], first: Unknown, returns: FnDef['returns']): Unknown {
  const keys = args.map(symbolicKey);
  const symbol = keys.every((k) => k !== undefined) ? `${fn}(${keys.join(',')})` : undefined;
  return new Unknown(first.reason, returns, undefined, symbol, undefined, undefined, boundOf(fn, args), undefined, undefined, undefined, undefined, undefined, lowerBoundOf(fn, args));
}

/**
 * The least an unknown result can be: length() of a resource id known in part is at least its
 * written start ('/subscriptions/' of tap.id). Only an id's start: other strings known in part may
 * lose written text to what is not known yet (uri() resolves '../' in an unknown part against the
 * written base; a guessed split() piece may be cut short by a delimiter in an unknown part).
 */
function lowerBoundOf(fn: string, args: Value[]): number | undefined {
  if (fn !== 'length' || args.length !== 1) return undefined;
  const a = args[0];
  const first = a instanceof Unknown ? a.parts?.[0] : undefined;
  return typeof first === 'string' && /^\/(subscriptions|providers)\//i.test(first) ? first.length : undefined;
}

/**
 * The bound an unknown result keeps: range(start, count) has at most as many elements as its
 * count can be (an int parameter's maxValue, the largest of its allowedValues), and length() of
 * such an array is at most that. So a Bicep loop over range(0, n), whose copy count is
 * length(range(0, n)), is bounded by n's maxValue as an ARM copy count of n is.
 */
function boundOf(fn: string, args: Value[]): number | undefined {
  if (fn === 'range') {
    const count = args[1];
    if (typeof count === 'number') return count;
    if (!(count instanceof Unknown)) return undefined;
    if (count.atMost !== undefined) return count.atMost;
    const allowed = count.oneOf;
    // A loop, not Math.max(...allowed): allowedValues may hold more values than a call takes arguments.
    return allowed && allowed.length > 0 && allowed.every((v) => typeof v === 'number') ? (allowed as number[]).reduce((a, b) => Math.max(a, b)) : undefined;
  }
  if (fn === 'length') {
    const a = args[0];
    return a instanceof Unknown && a.type === 'array' ? a.atMost : undefined;
  }
  return undefined;
}

/** Member of an unknown object: unknown too, with a derived symbol so equal paths compare equal. */
function unknownMember(u: Unknown, name: string): Unknown {
  return new Unknown(u.reason, undefined, undefined, u.symbol !== undefined ? `${u.symbol}.${name}` : undefined);
}

class Env implements LazyEnv {
  /** Arguments evaluated so far (by index); created on the first arg() of a lazy function. */
  private cache: Map<number, Value> | undefined;
  private callSpan: Span | undefined;
  readonly ctx: EvalContext;
  readonly name: string;

  constructor(
    private readonly ev: Evaluator,
    private readonly n: Call,
    private readonly scope: LambdaScope | undefined,
    private readonly depth: number,
    readonly def: FnDef,
  ) {
    this.ctx = ev.ctx;
    this.name = n.name;
  }

  /** The call's span: made when a message or an unknown needs it (most calls need none). */
  get span(): Span {
    return (this.callSpan ??= this.ev.span(this.n));
  }

  get argCount(): number {
    return this.n.args.length;
  }

  /** The lambda scope (for lambdaVariables). */
  get lambdaScope(): LambdaScope | undefined {
    return this.scope;
  }

  argSpan(i: number): Span {
    const a = this.n.args[i];
    return a ? this.ev.span(a) : this.span;
  }

  argsOrigin(): ArgsOrigin {
    return { args: this.n.args, base: this.ev.base };
  }

  error(message: string, argIndex?: number): Unknown {
    const span = argIndex !== undefined ? this.argSpan(argIndex) : this.span;
    this.ctx.diagnostics.add({ code: 'evaluation-error', message, span });
    return new Unknown({ code: 'error', message, span });
  }

  limit(message: string): Unknown {
    this.ctx.diagnostics.add({ code: 'limit-exceeded', message, span: this.span });
    return new Unknown({ code: 'limit', message, span: this.span });
  }

  unknown(code: UnknownCode, message: string, type?: Exclude<ValueType, 'unknown'>, symbol?: string): Unknown {
    return new Unknown({ code, message, span: this.span }, type, undefined, symbol);
  }

  checkString(length: number): Unknown | undefined {
    const max = this.ctx.budget.limits.maxStringLength;
    return length > max ? this.limit(`The string would be longer than ${max} characters (limit maxStringLength).`) : undefined;
  }

  checkArray(length: number): Unknown | undefined {
    const max = this.ctx.budget.limits.maxArrayLength;
    return length > max ? this.limit(`The array would have more than ${max} elements (limit maxArrayLength).`) : undefined;
  }

  checkNodes(nodes: number): Unknown | undefined {
    const max = this.ctx.budget.limits.maxValueNodes;
    return nodes > max ? this.limit(valueNodesMessage(max)) : undefined;
  }

  step(n = 1): boolean {
    return this.ctx.budget.step(n);
  }

  arg(i: number): Value {
    const cache = (this.cache ??= new Map());
    const hit = cache.get(i);
    if (hit !== undefined || cache.has(i)) return hit as Value;
    const a = this.n.args[i];
    const v = a ? this.ev.eval(a, this.scope, this.depth + 1) : null;
    cache.set(i, v);
    return v;
  }

  argQuiet(i: number): Value {
    const a = this.n.args[i];
    return a ? this.ev.evalQuiet(a, this.scope, this.depth + 1) : null;
  }

  lambda(i: number): Lambda | Unknown {
    const a = this.n.args[i];
    if (!a) return this.error('A lambda function is expected.');
    return this.ev.lambda(a, this.scope, this.depth + 1);
  }
}

/**
 * A context whose own diagnostics are dropped: for the branches of an `if` whose condition is
 * unknown (ARM evaluates only one of them, so their errors are not certain). Parameters,
 * variables and functions still report through the real context.
 */
class QuietContext implements EvalContext {
  readonly diagnostics = new DiagnosticSink();
  constructor(private readonly inner: EvalContext) {}
  get budget(): EvalContext['budget'] {
    return this.inner.budget;
  }
  get deploymentContext(): EvalContext['deploymentContext'] {
    return this.inner.deploymentContext;
  }
  parameter(name: string, span: Span): Value {
    if (this.inner.declares?.('parameter', name) === false) return notFound('parameter', name, span);
    return this.inner.parameter(name, span);
  }
  variable(name: string, span: Span): Value {
    if (this.inner.declares?.('variable', name) === false) return notFound('variable', name, span);
    return this.inner.variable(name, span);
  }
  declares(kind: 'parameter' | 'variable', name: string): boolean {
    return this.inner.declares?.(kind, name) ?? true;
  }
  copyIndex(loopName: string | undefined, span: Span): Value {
    return this.inner.copyIndex(loopName, span);
  }
  userFunction(ns: string, name: string): ReturnType<EvalContext['userFunction']> {
    return this.inner.userFunction(ns, name);
  }
  runtime(fn: string, args: Value[], span: Span): Value | undefined {
    return this.inner.runtime?.(fn, args, span);
  }
  readTraced(obj: TracedObject, property: string): void {
    this.inner.readTraced?.(obj, property);
  }
}

/** A name a quiet evaluation did not find: unknown, and not reported (the branch may not run). */
function notFound(kind: 'parameter' | 'variable', name: string, span: Span): Unknown {
  return new Unknown({ code: 'error', message: `The template ${kind} '${name}' is not found.`, span });
}

/** Looks up a lambda variable through the scope chain (case-insensitively). */
export function lookupLambdaVariable(scope: LambdaScope | undefined, name: string): Value | undefined {
  const key = name.toLowerCase();
  for (let s = scope; s; s = s.parent) if (s.vars.has(key)) return s.vars.get(key) as Value;
  return undefined;
}

/** Whether `n` holds a call the Bicep lowering made of something the compiler rejects (its error already reported). */
function holdsLoweringError(n: Expr): boolean {
  switch (n.k) {
    case 'call':
      return (n.ns === LOWERING_NS && n.name === 'invalid') || n.args.some(holdsLoweringError);
    case 'member':
      return holdsLoweringError(n.obj);
    case 'index':
      return holdsLoweringError(n.obj) || holdsLoweringError(n.index);
    default:
      return false;
  }
}
