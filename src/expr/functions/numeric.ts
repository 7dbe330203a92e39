// Numeric functions with ARM's 64-bit integer semantics: results outside int64 are errors;
// results beyond 2^53 are computed exactly with BigInt, and, as a JS number cannot hold them
// exactly, are unknown (see isInexactInteger) rather than a nearby number ARM would not give.
import { InexactInteger, Unknown, inexactInteger } from '../value.js';
import type { Value } from '../value.js';
import { typeName } from '../ops.js';
import type { FnDef, FnEnv } from './types.js';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** An integer argument as an exact BigInt: a number, or an integer beyond 2^53 whose digits are known. */
function exactInt(v: Value): bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  return v instanceof InexactInteger ? v.exact : undefined;
}

/**
 * add/sub/mul/div/mod of two integers of which one (at least) is beyond 2^53 with known digits:
 * computed exactly; undefined when an argument is not such a value (the usual path then runs).
 */
function exactArith(args: Value[], env: FnEnv, op: (a: bigint, b: bigint) => bigint | Unknown): number | Unknown | undefined {
  if (!args.some((a) => a instanceof InexactInteger)) return undefined;
  const a = exactInt(args[0] as Value);
  const b = exactInt(args[1] as Value);
  if (a === undefined || b === undefined) return args.find((x) => x instanceof Unknown) as Unknown;
  const r = op(a, b);
  if (r instanceof Unknown) return r;
  if (r > INT64_MAX || r < INT64_MIN) return env.error(`The result of '${env.name}' is outside the range of a 64-bit integer.`);
  return exactNumber(r);
}

function ints(args: Value[], env: FnEnv): number[] | Unknown {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i] as Value;
    if (typeof v !== 'number') {
      return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Integer'. The provided value is of type '${typeName(v)}'.`, i);
    }
    out.push(v);
  }
  return out;
}

function checked(env: FnEnv, exact: number, a: number, b: number, big: (x: bigint, y: bigint) => bigint): number | Unknown {
  if (Number.isSafeInteger(exact) || !Number.isInteger(a) || !Number.isInteger(b)) return exact;
  const r = big(BigInt(a), BigInt(b));
  if (r > INT64_MAX || r < INT64_MIN) return env.error(`The result of '${env.name}' is outside the range of a 64-bit integer.`);
  return exactNumber(r);
}

/** A BigInt result as a value: a number when exact, else the unknown for an inexact integer. */
function exactNumber(r: bigint): number | Unknown {
  const n = Number(r);
  return Number.isSafeInteger(n) ? n : inexactInteger(n, undefined, r);
}

function arith(name: string, op: (a: number, b: number, env: FnEnv) => number | Unknown, big: (a: bigint, b: bigint, env: FnEnv) => bigint | Unknown): FnDef {
  return {
    name,
    min: 2,
    max: 2,
    returns: 'int',
    inexactInts: true,
    impl: (args, env) => {
      const exact = exactArith(args, env, (a, b) => big(a, b, env));
      if (exact !== undefined) return exact;
      const n = ints(args, env);
      if (n instanceof Unknown) return n;
      return op(n[0] as number, n[1] as number, env);
    },
  };
}

function minMax(name: string, pick: (a: number, b: number) => number): FnDef {
  return {
    name,
    min: 1,
    max: undefined,
    returns: 'int',
    unknownArgs: true,
    impl: (args, env) => {
      const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as Value[]) : args;
      if (list.length === 0) return env.error(`The template function '${name}' needs at least one value.`);
      const u = list.find((x) => x instanceof Unknown) as Unknown | undefined;
      if (u) return new Unknown(u.reason, 'int');
      const n = ints(list, env);
      if (n instanceof Unknown) return n;
      return n.reduce(pick);
    },
  };
}

function toInt(v: Value, env: FnEnv): Value {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) {
      const b = BigInt(t);
      if (b > INT64_MAX || b < INT64_MIN) return env.error(`The value '${v}' is outside the range of a 64-bit integer.`, 0);
      return exactNumber(b);
    }
    return env.error(`The template function 'int' can't convert the string '${v}' to an integer.`, 0);
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return env.error(`The template function 'int' can't convert a value of type '${typeName(v)}' to an integer.`, 0);
}

export const numericFunctions: FnDef[] = [
  arith('add', (a, b, env) => checked(env, a + b, a, b, (x, y) => x + y), (x, y) => x + y),
  arith('sub', (a, b, env) => checked(env, a - b, a, b, (x, y) => x - y), (x, y) => x - y),
  arith('mul', (a, b, env) => checked(env, a * b, a, b, (x, y) => x * y), (x, y) => x * y),
  arith('div', (a, b, env) => {
    if (b === 0) return env.error("The template function 'div' can't divide by zero.", 1);
    if (Number.isInteger(a) && Number.isInteger(b)) {
      if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return Math.trunc(a / b);
      const r = BigInt(a) / BigInt(b);
      if (r > INT64_MAX) return env.error("The result of 'div' is outside the range of a 64-bit integer.");
      return exactNumber(r);
    }
    return a / b;
  }, (x, y, env) => (y === 0n ? env.error("The template function 'div' can't divide by zero.", 1) : x / y)),
  arith('mod', (a, b, env) => {
    if (b === 0) return env.error("The template function 'mod' can't divide by zero.", 1);
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a % b;
    if (Number.isInteger(a) && Number.isInteger(b)) return exactNumber(BigInt(a) % BigInt(b));
    return a % b;
  }, (x, y, env) => (y === 0n ? env.error("The template function 'mod' can't divide by zero.", 1) : x % y)),
  minMax('min', (a, b) => Math.min(a, b)),
  minMax('max', (a, b) => Math.max(a, b)),
  { name: 'int', min: 1, max: 1, returns: 'int', impl: (args, env) => toInt(args[0] as Value, env) },
  {
    name: 'float',
    min: 1,
    max: 1,
    returns: 'int',
    impl: (args, env) => {
      const v = args[0] as Value;
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      return env.error(`The template function 'float' can't convert the value to a number.`, 0);
    },
  },
];
