// Comparison functions: equals, less, lessOrEquals, greater, greaterOrEquals, coalesce.
// Strings compare culture-aware (ARM documents greater('A', 'a') = true and
// less('demo', 'Demo') = true, which an ordinal comparison gets wrong); equals is exact.
import { Unknown } from '../value.js';
import type { Value } from '../value.js';
import { typeName, symbolicKey } from '../ops.js';
import { equalsCharged, SPENT, stepsSpent } from './compare.js';
import type { FnDef, FnEnv } from './types.js';

// Created on first use: building a collator costs milliseconds of start-up most runs never need.
let collatorInstance: Intl.Collator | undefined;
const collator = {
  compare(a: string, b: string): number {
    collatorInstance ??= new Intl.Collator('en-US', { sensitivity: 'variant' });
    return collatorInstance.compare(a, b);
  },
};

/** Culture-aware string comparison (ties broken ordinally so the order is total). */
export function compareStrings(a: string, b: string): number {
  const c = collator.compare(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(args: Value[], env: FnEnv): number | Unknown {
  const a = args[0] as Value;
  const b = args[1] as Value;
  // A number known only within bounds, against a known one on one side of them, compares all the
  // same (`length(tapId) > 0` for an id known in part; a count with maxValue 10 against 100).
  if (a instanceof Unknown && typeof b === 'number') return beyond(a, b) ?? a;
  if (b instanceof Unknown && typeof a === 'number') {
    const c = beyond(b, a);
    return c === undefined ? b : -c;
  }
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return env.error(
    `The template function '${env.name}' expects two integers or two strings; the provided values are of type '${typeName(a)}' and '${typeName(b)}'.`,
  );
}

/** 1 when every value `u` can take is above `n`, -1 when every one is below; undefined otherwise. */
function beyond(u: Unknown, n: number): 1 | -1 | undefined {
  if (u.atLeast !== undefined && u.atLeast > n) return 1;
  if (u.atMost !== undefined && u.type === 'int' && u.atMost < n) return -1;
  return undefined;
}

function cmp(name: string, test: (c: number) => boolean): FnDef {
  return {
    name,
    min: 2,
    max: 2,
    returns: 'bool',
    // A number known only within bounds can still be compared (see beyond).
    unknownArgs: true,
    impl: (args, env) => {
      const c = compare(args, env);
      return c instanceof Unknown ? new Unknown(c.reason, 'bool') : test(c);
    },
  };
}

export const comparisonFunctions: FnDef[] = [
  {
    name: 'equals',
    min: 2,
    max: 2,
    returns: 'bool',
    unknownArgs: true,
    impl: (args, env) => {
      const r = equalsCharged(env, args[0] as Value, args[1] as Value);
      if (r === SPENT) return stepsSpent(env, 'bool');
      if (r !== undefined) return r;
      const u = args.find((a) => a instanceof Unknown) as Unknown | undefined;
      // A deployment-wide value compared with a known one (`mode == 'blue'`) is a test of that
      // value (BoolTest); deployment-wide as a whole when both sides are.
      const keys = args.map((a) => symbolicKey(a as Value));
      const symbol = keys.every((k) => k !== undefined) ? `equals(${keys.join(',')})` : undefined;
      const other = args.find((a) => a !== u) as Value;
      const test = u?.symbol !== undefined && !(other instanceof Unknown) ? { subject: u.symbol, equals: other, negated: false, among: u.oneOf } : undefined;
      return new Unknown(u ? u.reason : { code: 'error', message: 'undecidable' }, 'bool', undefined, symbol, undefined, undefined, undefined, undefined, undefined, test);
    },
  },
  cmp('less', (c) => c < 0),
  cmp('lessOrEquals', (c) => c <= 0),
  cmp('greater', (c) => c > 0),
  cmp('greaterOrEquals', (c) => c >= 0),
  {
    name: 'coalesce',
    min: 1,
    max: undefined,
    lazy: (env) => {
      for (let i = 0; i < env.argCount; i++) {
        const v = env.arg(i);
        // A string known in part (a resource id in an unknown subscription) is never null: it is
        // the result, parts and all (`tapId ?? ''` stays a TAP id that is not empty).
        if (v instanceof Unknown && v.parts !== undefined) return v;
        // Any other unknown may or may not be null: the result is unknown from here on.
        if (v instanceof Unknown) return new Unknown(v.reason, v.type);
        if (v !== null) return v;
      }
      return null;
    },
  },
];
