// Argument helpers for function implementations: type checks with ARM-like messages.
import { ObjectValue, Unknown } from '../value.js';
import type { Value } from '../value.js';
import { typeName } from '../ops.js';
import type { FnEnv } from './types.js';

export function expectString(env: FnEnv, args: Value[], i: number): string | Unknown {
  const v = args[i] as Value;
  if (typeof v === 'string') return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'String'. The provided value is of type '${typeName(v)}'.`, i);
}

export function expectInt(env: FnEnv, args: Value[], i: number): number | Unknown {
  const v = args[i] as Value;
  if (typeof v === 'number') return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Integer'. The provided value is of type '${typeName(v)}'.`, i);
}

export function expectBool(env: FnEnv, args: Value[], i: number): boolean | Unknown {
  const v = args[i] as Value;
  if (typeof v === 'boolean') return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Boolean'. The provided value is of type '${typeName(v)}'.`, i);
}

export function expectArray(env: FnEnv, args: Value[], i: number): Value[] | Unknown {
  const v = args[i] as Value;
  if (Array.isArray(v)) return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Array'. The provided value is of type '${typeName(v)}'.`, i);
}

export function expectObject(env: FnEnv, args: Value[], i: number): ObjectValue | Unknown {
  const v = args[i] as Value;
  if (v instanceof ObjectValue) return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Object'. The provided value is of type '${typeName(v)}'.`, i);
}

/** Strings of an argument list (all must be strings). */
export function expectStrings(env: FnEnv, args: Value[]): string[] | Unknown {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = expectString(env, args, i);
    if (s instanceof Unknown) return s;
    out.push(s);
  }
  return out;
}

export function isInt(v: Value): v is number {
  return typeof v === 'number';
}
