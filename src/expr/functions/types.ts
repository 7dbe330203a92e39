// The interface between the evaluator and the built-in functions.
import type { Span } from '../../model/span.js';
import type { EvalContext } from '../context.js';
import type { ArgsOrigin, Unknown, UnknownCode, Value, ValueType } from '../value.js';

/** A lambda argument, bound to the scope it was written in. */
export interface Lambda {
  readonly params: readonly string[];
  readonly span: Span;
  /** Calls it; missing arguments are errors, extra ones are ignored. */
  invoke(args: Value[]): Value;
}

/** What a function implementation gets besides its arguments. */
export interface FnEnv {
  readonly ctx: EvalContext;
  /** The function name as written. */
  readonly name: string;
  /** Span of the whole call. */
  readonly span: Span;
  /** Span of argument i (the call's span when there is no such argument). */
  argSpan(i: number): Span;
  /** Where the arguments are, for spans derived on request (setElementArgs): no span is made now. */
  argsOrigin(): ArgsOrigin;
  /** Reports an 'evaluation-error' diagnostic at the call (or argument) and returns an 'error' Unknown. */
  error(message: string, argIndex?: number): Unknown;
  /** Reports 'limit-exceeded' and returns a 'limit' Unknown. */
  limit(message: string): Unknown;
  /** An Unknown caused by this call (span = the call). */
  unknown(code: UnknownCode, message: string, type?: Exclude<ValueType, 'unknown'>, symbol?: string): Unknown;
  /** Checks a size a function is about to produce; a 'limit' Unknown when over budget. */
  checkString(length: number): Unknown | undefined;
  checkArray(length: number): Unknown | undefined;
  /**
   * Checks the elements and properties, through all levels, of a value a function is building
   * (see valueNodes), as it goes: a map() whose each result is large is stopped before it holds them all.
   */
  checkNodes(nodes: number): Unknown | undefined;
  /** Counts work (e.g. per element of a large operation); false once the budget is spent. */
  step(n?: number): boolean;
}

/** Lambda variables in scope: a chain of frames (lower-cased names), innermost first. */
export interface LambdaScope {
  readonly vars: Map<string, Value>;
  readonly parent: LambdaScope | undefined;
}

/** For functions that decide which arguments to evaluate (if, and, or, coalesce, lambdas). */
export interface LazyEnv extends FnEnv {
  /** The lambda variables visible at the call (for lambdaVariables()). */
  readonly lambdaScope: LambdaScope | undefined;
  readonly argCount: number;
  /** Evaluates argument i (memoised). */
  arg(i: number): Value;
  /** Evaluates argument i without reporting its own diagnostics (not memoised). */
  argQuiet(i: number): Value;
  /** Argument i as a lambda, or an 'error' Unknown when it is not one. */
  lambda(i: number): Lambda | Unknown;
}

export type ReturnType = Exclude<ValueType, 'unknown'>;

export interface FnDef {
  /** Canonical spelling. */
  name: string;
  min: number;
  /** undefined: no maximum. */
  max: number | undefined;
  /** Type of the result, used for the Unknown when an argument is unknown. */
  returns?: ReturnType | undefined;
  /**
   * true: the implementation handles Unknown arguments itself. Otherwise any Unknown argument
   * makes the result Unknown (with that argument's reason) without calling the implementation.
   */
  unknownArgs?: boolean;
  /** impl computes with integers beyond 2^53 whose digits are known (InexactInteger): such arguments reach it. */
  inexactInts?: true;
  impl?: (args: Value[], env: FnEnv) => Value;
  lazy?: (env: LazyEnv) => Value;
}
