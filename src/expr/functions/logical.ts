// Logical functions: and, or, not, if, bool, true, false. and/or short-circuit and `if` only
// evaluates the chosen branch, like ARM.
import { pushAll } from '../../model/push-all.js';
import { Unknown, testOf } from '../value.js';
import type { Value } from '../value.js';
import { symbolicKey, typeName } from '../ops.js';
import { equalsCharged, SPENT, stepsSpent } from './compare.js';
import { typeOf } from '../value.js';
import type { FnDef, LazyEnv, ReturnType } from './types.js';
import type { Span } from '../../model/span.js';

function logical(env: LazyEnv, stopOn: boolean): Value {
  let unknown: Unknown | undefined;
  for (let i = 0; i < env.argCount; i++) {
    const v = env.arg(i);
    if (v instanceof Unknown) {
      unknown ??= v;
      continue;
    }
    if (typeof v !== 'boolean') {
      return env.error(`The template function '${env.name}' expects its parameters to be of type 'Boolean'. The provided value is of type '${typeName(v)}'.`, i);
    }
    if (v === stopOn) return stopOn;
  }
  return unknown ? new Unknown(unknown.reason, 'bool') : !stopOn;
}

/** The type both branches share, when they do. */
function sameType(a: Value, b: Value): ReturnType | undefined {
  const ta = a instanceof Unknown ? a.type : typeOf(a);
  const tb = b instanceof Unknown ? b.type : typeOf(b);
  return ta !== undefined && ta === tb && ta !== 'unknown' ? ta : undefined;
}

export const logicalFunctions: FnDef[] = [
  { name: 'and', min: 2, max: undefined, returns: 'bool', lazy: (env) => logical(env, false) },
  { name: 'or', min: 2, max: undefined, returns: 'bool', lazy: (env) => logical(env, true) },
  {
    name: 'not',
    min: 1,
    max: 1,
    returns: 'bool',
    unknownArgs: true,
    impl: (args, env) => {
      const v = args[0];
      if (v instanceof Unknown) {
        // Deployment-wide when its argument is (as any other function's result), and the
        // negation of the test its argument is: `!enableTap` never holds with `enableTap`.
        const key = symbolicKey(v);
        const t = testOf(v);
        return new Unknown(v.reason, 'bool', undefined, key !== undefined ? `not(${key})` : undefined, undefined, undefined, undefined, undefined, undefined, t && { ...t, negated: !t.negated });
      }
      if (typeof v !== 'boolean') return env.error(`The template function 'not' expects a Boolean; the provided value is of type '${typeName(v as Value)}'.`, 0);
      return !v;
    },
  },
  {
    name: 'if',
    min: 3,
    max: 3,
    lazy: (env) => {
      const c = env.arg(0);
      if (c instanceof Unknown) {
        // Either branch might run; when they agree the result is known anyway, otherwise it is
        // one of them. Their own diagnostics are not reported: ARM evaluates only one.
        const a = env.argQuiet(1);
        const b = env.argQuiet(2);
        const same = equalsCharged(env, a, b);
        if (same === SPENT) return stepsSpent(env);
        if (same === true) return a;
        // A condition and branches built from deployment-wide values choose the same branch
        // everywhere in one deployment: the result is deployment-wide too (names built from it link).
        const keys = [c, a, b].map(symbolicKey);
        const symbol = keys.every((k) => k !== undefined) ? `if(${keys.join(',')})` : undefined;
        // Every branch, also an unknown one (see Unknown.branches); `options` only when all are known.
        // Where each is written: its branch argument, or a nested if()'s own branch.
        const branches: Value[] = [];
        const branchSpans: (Span | undefined)[] = [];
        let then = 0;
        [a, b].forEach((v, i) => {
          const own = v instanceof Unknown ? (v.branches ?? v.oneOf ?? [v]) : [v];
          const nested = v instanceof Unknown && v.branches ? v.branchSpans : undefined;
          pushAll(branches, own);
          own.forEach((_, k) => branchSpans.push(nested?.[k] ?? env.argSpan(i + 1)));
          if (i === 0) then = own.length;
        });
        const choice = { condition: c, then, whenTrue: a, whenFalse: b };
        const options: Value[] = [];
        for (const v of [a, b]) {
          if (v instanceof Unknown) {
            if (!v.oneOf) return new Unknown(c.reason, sameType(a, b), undefined, symbol, undefined, undefined, undefined, branches, branchSpans, undefined, choice);
            pushAll(options, v.oneOf);
          } else options.push(v);
        }
        return new Unknown(c.reason, sameType(a, b), undefined, symbol, undefined, options, undefined, branches, branchSpans, undefined, choice);
      }
      if (typeof c !== 'boolean') {
        return env.error(`The template function 'if' expects its first parameter to be of type 'Boolean'. The provided value is of type '${typeName(c)}'.`, 0);
      }
      return env.arg(c ? 1 : 2);
    },
  },
  {
    name: 'bool',
    min: 1,
    max: 1,
    returns: 'bool',
    impl: (args, env) => {
      const v = args[0] as Value;
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (typeof v === 'string') {
        const l = v.trim().toLowerCase();
        if (l === 'true') return true;
        if (l === 'false') return false;
        return env.error(`The template function 'bool' can't convert the string '${v}' to a Boolean.`, 0);
      }
      return env.error(`The template function 'bool' can't convert a value of type '${typeName(v)}' to a Boolean.`, 0);
    },
  },
  { name: 'true', min: 0, max: 0, returns: 'bool', impl: () => true },
  { name: 'false', min: 0, max: 0, returns: 'bool', impl: () => false },
];

