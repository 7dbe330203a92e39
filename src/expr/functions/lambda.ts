// Lambda functions: filter, map, reduce, sort, toObject, groupBy, mapValues, and lambda /
// lambdaVariables themselves (lambda() is only valid as an argument of these).
import { ObjectValue, Unknown, valueNodes } from '../value.js';
import type { Value } from '../value.js';
import { typeName } from '../ops.js';
import type { FnDef, Lambda, LazyEnv } from './types.js';

function arrayArg(env: LazyEnv, i: number): Value[] | Unknown {
  const v = env.arg(i);
  if (v instanceof Unknown) return new Unknown(v.reason, 'array');
  if (!Array.isArray(v)) return env.error(`The template function '${env.name}' expects an array; the provided value is of type '${typeName(v)}'.`, i);
  return v;
}

function lambdaArg(env: LazyEnv, i: number, maxParams: number): Lambda | Unknown {
  const l = env.lambda(i);
  if (l instanceof Unknown) return l;
  if (l.params.length < 1 || l.params.length > maxParams) {
    return env.error(`The lambda of '${env.name}' must take 1 to ${maxParams} parameter(s).`, i);
  }
  return l;
}

/** Calls a lambda with the element and, when it asks for one, the index. */
function call(env: LazyEnv, l: Lambda, args: Value[]): Value | Unknown {
  if (!env.step()) {
    // Reported once per template, as everywhere the step budget runs out (Budget.firstExhaustion):
    // each lambda still running then would report it again at its own place.
    const message = 'The evaluation step budget was spent inside a lambda (limit maxEvaluationSteps).';
    return env.ctx.budget.firstExhaustion() ? env.limit(message) : env.unknown('limit', message);
  }
  return l.invoke(args);
}

/**
 * toObject and groupBy: each element of the array (argument 0) goes under the key its key lambda
 * (1) returns, as itself or as what the optional value lambda (2) makes of it; `add` puts it into
 * the object being built.
 */
function byKey(env: LazyEnv, add: (out: ObjectValue, key: string, value: Value) => void): Value {
  const a = arrayArg(env, 0);
  if (a instanceof Unknown) return new Unknown(a.reason, 'object');
  const kl = lambdaArg(env, 1, 1);
  if (kl instanceof Unknown) return kl;
  let vl: Lambda | undefined;
  if (env.argCount > 2) {
    const v = lambdaArg(env, 2, 1);
    if (v instanceof Unknown) return v;
    vl = v;
  }
  const out = new ObjectValue();
  let nodes = 1;
  for (const x of a) {
    const k = keyOf(env, call(env, kl, [x]));
    if (k instanceof Unknown) return new Unknown(k.reason, 'object');
    const v = vl ? call(env, vl, [x]) : x;
    nodes += valueNodes(v);
    const lim = env.checkNodes(nodes);
    if (lim) return lim;
    add(out, k, v);
  }
  return out;
}

function keyOf(env: LazyEnv, k: Value): string | Unknown {
  if (k instanceof Unknown) return k;
  if (typeof k !== 'string') return env.error(`The key lambda of '${env.name}' must return a string; it returned a value of type '${typeName(k)}'.`);
  return k;
}

export const lambdaFunctions: FnDef[] = [
  {
    name: 'lambda',
    min: 1,
    max: undefined,
    impl: (_args, env) => env.error("A lambda function can only be used as an argument of filter, map, reduce, sort, toObject, groupBy or mapValues."),
    unknownArgs: true,
  },
  {
    name: 'lambdaVariables',
    min: 1,
    max: 1,
    lazy: (env) => {
      const name = env.arg(0);
      // An argument that could not be evaluated (the step budget spent) was reported already.
      if (name instanceof Unknown) return name;
      if (typeof name !== 'string') return env.error("The template function 'lambdaVariables' expects a string.", 0);
      const key = name.toLowerCase();
      for (let s = env.lambdaScope; s; s = s.parent) if (s.vars.has(key)) return s.vars.get(key) as Value;
      return env.error(`The lambda variable '${name}' is not defined.`, 0);
    },
  },
  {
    name: 'filter',
    min: 2,
    max: 2,
    returns: 'array',
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return a;
      const l = lambdaArg(env, 1, 2);
      if (l instanceof Unknown) return l;
      const out: Value[] = [];
      for (let i = 0; i < a.length; i++) {
        const r = call(env, l, [a[i] as Value, i]);
        if (r instanceof Unknown) return new Unknown(r.reason, 'array');
        if (typeof r !== 'boolean') return env.error(`The lambda of 'filter' must return a Boolean; it returned a value of type '${typeName(r)}'.`, 1);
        if (r) out.push(a[i] as Value);
      }
      return out;
    },
  },
  {
    name: 'map',
    min: 2,
    max: 2,
    returns: 'array',
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return a;
      const l = lambdaArg(env, 1, 2);
      if (l instanceof Unknown) return l;
      const out: Value[] = [];
      let nodes = 1;
      for (let i = 0; i < a.length; i++) {
        const r = call(env, l, [a[i] as Value, i]);
        if (r instanceof Unknown && r.reason.code === 'limit') return r;
        nodes += valueNodes(r);
        const lim = env.checkNodes(nodes);
        if (lim) return lim;
        out.push(r);
      }
      return out;
    },
  },
  {
    name: 'reduce',
    min: 3,
    max: 3,
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return new Unknown(a.reason);
      let acc = env.arg(1);
      const l = lambdaArg(env, 2, 3);
      if (l instanceof Unknown) return l;
      for (let i = 0; i < a.length; i++) {
        acc = call(env, l, [acc, a[i] as Value, i]);
        if (acc instanceof Unknown && acc.reason.code === 'limit') return acc;
      }
      return acc;
    },
  },
  {
    name: 'sort',
    min: 2,
    max: 2,
    returns: 'array',
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return a;
      const l = lambdaArg(env, 1, 2);
      if (l instanceof Unknown) return l;
      let failed: Unknown | undefined;
      const before = (x: Value, y: Value): boolean => {
        if (failed) return false;
        const r = call(env, l, [x, y]);
        if (r instanceof Unknown) {
          failed = new Unknown(r.reason, 'array');
          return false;
        }
        if (typeof r !== 'boolean') {
          failed = env.error(`The lambda of 'sort' must return a Boolean; it returned a value of type '${typeName(r)}'.`, 1);
          return false;
        }
        return r;
      };
      // Stable merge sort: y goes before x only when the lambda says so.
      const sorted = a.slice();
      const tmp: Value[] = new Array<Value>(sorted.length);
      for (let width = 1; width < sorted.length && !failed; width *= 2) {
        for (let lo = 0; lo < sorted.length; lo += 2 * width) {
          const mid = Math.min(lo + width, sorted.length);
          const hi = Math.min(lo + 2 * width, sorted.length);
          let i = lo;
          let j = mid;
          let k = lo;
          while (i < mid && j < hi) tmp[k++] = before(sorted[j] as Value, sorted[i] as Value) ? (sorted[j++] as Value) : (sorted[i++] as Value);
          while (i < mid) tmp[k++] = sorted[i++] as Value;
          while (j < hi) tmp[k++] = sorted[j++] as Value;
          for (let m = lo; m < hi; m++) sorted[m] = tmp[m] as Value;
        }
      }
      return failed ?? sorted;
    },
  },
  {
    name: 'toObject',
    min: 2,
    max: 3,
    returns: 'object',
    lazy: (env) => {
      return byKey(env, (out, k, v) => out.set(k, v));
    },
  },
  {
    name: 'groupBy',
    min: 2,
    // Bicep emits an optional third lambda that maps each element of a group.
    max: 3,
    returns: 'object',
    lazy: (env) => {
      return byKey(env, (out, k, item) => {
        const group = out.get(k);
        if (Array.isArray(group)) group.push(item);
        else out.set(k, [item]);
      });
    },
  },
  {
    name: 'mapValues',
    min: 2,
    max: 2,
    returns: 'object',
    lazy: (env) => {
      const o = env.arg(0);
      if (o instanceof Unknown) return new Unknown(o.reason, 'object');
      if (!(o instanceof ObjectValue)) return env.error(`The template function 'mapValues' expects an object; the provided value is of type '${typeName(o)}'.`, 0);
      const l = lambdaArg(env, 1, 1);
      if (l instanceof Unknown) return l;
      const out = new ObjectValue();
      let nodes = 1;
      for (const e of o.located()) {
        const v = call(env, l, [e.value]);
        nodes += valueNodes(v);
        const lim = env.checkNodes(nodes);
        if (lim) return lim;
        out.set(e.key, v, e.span, e.keySpan);
      }
      return out;
    },
  },
];
