// Array and object functions (several of them also take strings, as in ARM: contains, empty,
// first, last, length, skip, take, indexOf, lastIndexOf, concat).
import { InexactInteger, ObjectValue, TracedObject, UnbuiltArray, Unknown, guessedPieceFromEnd, pastGuessedPieces, setElementArgs } from '../value.js';
import type { PartialShape, UnknownReason, Value } from '../value.js';
import { findUnknown, foldCase, numberText, partialString, typeName, unknownPropertyName } from '../ops.js';
import { parseJsonText } from '../json-text.js';
import { expectArray, expectInt, expectObject } from './args.js';
import type { FnDef, FnEnv } from './types.js';
import { equalsCharged, SPENT, stepsSpent } from './compare.js';

/**
 * An array known only at deployment that holds at least `known` (see Unknown.contains), with the
 * reason of the part that is not known; a plain unknown array when no element is known.
 */
function partialArray(unknown: Unknown, known: readonly Value[]): Unknown {
  if (known.length === 0) return new Unknown(unknown.reason, 'array');
  return new Unknown(unknown.reason, 'array', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, known);
}

function wrongType(env: FnEnv, v: Value, expected: string, i = 0): Unknown {
  return env.error(`The template function '${env.name}' expects ${expected}; the provided value is of type '${typeName(v)}'.`, i);
}

/** Index of `item` in `arr` by ARM equality; -2 when it depends on unknown elements; SPENT once the step budget is. */
function arrayIndexOf(env: FnEnv, arr: Value[], item: Value, fromEnd: boolean): number | typeof SPENT {
  let unsure = false;
  const n = arr.length;
  for (let k = 0; k < n; k++) {
    const i = fromEnd ? n - 1 - k : k;
    const r = equalsCharged(env, arr[i] as Value, item);
    if (r === SPENT) return SPENT;
    if (r === true) return unsure ? -2 : i;
    if (r === undefined) unsure = true;
  }
  return unsure ? -2 : -1;
}

function indexOfFn(name: string, fromEnd: boolean): FnDef {
  return {
    name,
    min: 2,
    max: 2,
    returns: 'int',
    unknownArgs: true,
    impl: (args, env) => {
      const [c, item] = args as [Value, Value];
      if (c instanceof Unknown) return new Unknown(c.reason, 'int');
      if (Array.isArray(c)) {
        const i = arrayIndexOf(env, c, item, fromEnd);
        if (i === SPENT) return stepsSpent(env, 'int');
        // Undecided: the unknown may be the item, an element, or a part of either (nested, or an
        // object whose set of properties is not known).
        if (i === -2) {
          const why = findUnknown(item) ?? findUnknown(c);
          return why ? new Unknown(why.reason, 'int') : env.unknown('error', 'whether the array holds the item is not known', 'int');
        }
        return i;
      }
      if (item instanceof Unknown) return new Unknown(item.reason, 'int');
      if (typeof c === 'string') {
        if (typeof item !== 'string') return wrongType(env, item, 'a string to find', 1);
        // ARM's string search is case-insensitive (OrdinalIgnoreCase); positions are the input's.
        const h = foldCase(c);
        const s = foldCase(item);
        return fromEnd ? h.lastIndexOf(s) : h.indexOf(s);
      }
      return wrongType(env, c, 'a string or an array');
    },
  };
}

function firstLast(name: string, last: boolean): FnDef {
  return {
    name,
    min: 1,
    max: 1,
    impl: (args, env) => {
      const v = args[0] as Value;
      if (typeof v === 'string') return v.length === 0 ? '' : last ? v.charAt(v.length - 1) : v.charAt(0);
      if (Array.isArray(v)) return v.length === 0 ? null : ((last ? (guessedPieceFromEnd(v, 1) ?? v[v.length - 1]) : v[0]) as Value);
      return wrongType(env, v, 'a string or an array');
    },
  };
}

function skipTake(name: string, take: boolean): FnDef {
  return {
    name,
    min: 2,
    max: 2,
    impl: (args, env) => {
      const v = args[0] as Value;
      const n = expectInt(env, args, 1);
      if (n instanceof Unknown) return n;
      if (typeof v === 'string') {
        const k = Math.max(0, Math.min(n, v.length));
        return take ? v.slice(0, k) : v.slice(k);
      }
      if (Array.isArray(v)) {
        const k = Math.max(0, Math.min(n, v.length));
        return take ? v.slice(0, k) : v.slice(k);
      }
      return wrongType(env, v, 'a string or an array');
    },
  };
}

/** ARM union of objects: later values win; nested objects are merged recursively. */
function mergeObjects(objs: ObjectValue[], deep: boolean, depth = 0): ObjectValue {
  const out = new ObjectValue();
  for (const o of objs) {
    for (const e of o.located()) {
      const prev = out.get(e.key);
      // union() of nested objects whose properties are not all known: not known either.
      const partial = deep && prev instanceof ObjectValue && e.value instanceof ObjectValue ? (prev.partial ?? e.value.partial) : undefined;
      if (partial) out.set(e.key, new Unknown(partial.reason, 'object'), e.span, e.keySpan);
      else if (deep && depth < 64 && prev instanceof ObjectValue && e.value instanceof ObjectValue) {
        out.set(e.key, mergeObjects([prev, e.value], true, depth + 1), e.span, e.keySpan);
      } else out.set(e.key, e.value, e.span, e.keySpan);
    }
  }
  return out;
}

/**
 * shallowMerge() of objects some of which are known only at deployment: what a Bicep spread
 * (`{ subnet: ..., ...(withPool ? { pools } : {}) }`) lowers to. It was unknown as a whole, so a
 * literal 'privateIPAddressVersion: IPv6' beside a conditional pool was not seen. Now what the
 * unknown object cannot change stays known: a property set after it, and one set before it that
 * none of its possible objects (a condition's two, the values a parameter allows) has. A property
 * it may set is unknown (one of its branches' values when both give one, as if() gives it). The
 * result is partial (ObjectValue.partial): which properties it has is not all known, so functions
 * that look at all of it get an unknown; an object of which nothing is known (or one that is
 * itself open) leaves it open: any property it does not list may be there.
 */
function mergeWithUnknown(items: readonly Value[], env: FnEnv): Value {
  const out = new ObjectValue();
  let partial: PartialShape | undefined;
  // What a property set by an object of which nothing is known makes of the ones before it.
  const openUp = (reason: UnknownReason): void => {
    for (const k of out.keys()) out.set(k, new Unknown(reason));
    partial = { reason, open: true };
  };
  for (const x of items) {
    if (x instanceof ObjectValue) {
      // A partial object: what it lists is set; when open, anything before it may be replaced. So
      // may a resource's runtime state (reference()), which holds what Azure fills in as well.
      const open = x.partial?.open ? x.partial.reason : x.runtime;
      if (open) openUp(open);
      for (const e of x.located()) out.set(e.key, e.value, e.span, e.keySpan);
      if (x.partial && !partial?.open) partial = x.partial;
      continue;
    }
    if (!(x instanceof Unknown)) return wrongType(env, x, 'an array of objects');
    if (x.type !== undefined && x.type !== 'object') return new Unknown(x.reason, 'object');
    const options = x.branches ?? x.oneOf;
    if (!options || !options.every((o) => o instanceof ObjectValue && !o.partial?.open && !o.runtime)) {
      openUp(x.reason);
      continue;
    }
    const objects = options as readonly ObjectValue[];
    const keys = new Map<string, string>();
    for (const o of objects) for (const k of o.keys()) if (!keys.has(k.toLowerCase())) keys.set(k.toLowerCase(), k);
    const { choice } = x;
    for (const k of keys.values()) {
      const before = out.get(k);
      const valueIn = (o: Value | undefined): Value | undefined => (o instanceof ObjectValue && o.has(k) ? o.get(k) : before);
      // Set by some options only, with nothing before it: there or not, which no value says.
      if (before === undefined && !objects.every((o) => o.has(k))) partial ??= { reason: x.reason, open: false };
      const whenTrue = choice && objects.length === 2 ? valueIn(choice.whenTrue) : undefined;
      const whenFalse = choice && objects.length === 2 ? valueIn(choice.whenFalse) : undefined;
      if (whenTrue !== undefined && whenFalse !== undefined && choice) {
        // As if() gives it: the condition's value decides, and each branch is known (or in part).
        const same = equalsCharged(env, whenTrue, whenFalse);
        if (same === SPENT) return stepsSpent(env, 'object');
        const known = [whenTrue, whenFalse].every((v) => !(v instanceof Unknown));
        out.set(k, same === true ? whenTrue : new Unknown(x.reason, undefined, undefined, undefined, undefined, known ? [whenTrue, whenFalse] : undefined, undefined, [whenTrue, whenFalse], undefined, undefined, { condition: choice.condition, then: 1, whenTrue, whenFalse }));
        continue;
      }
      // Every option sets it, each to a known value: one of them.
      const values = objects.map((o) => o.get(k));
      const oneOf = values.every((v) => v !== undefined && !(v instanceof Unknown)) ? (values as Value[]) : undefined;
      out.set(k, new Unknown(x.reason, undefined, undefined, undefined, undefined, oneOf));
    }
    // An option that is itself partial leaves which properties there are unknown.
    const inner = objects.find((o) => o.partial)?.partial;
    if (inner) partial ??= inner;
  }
  // Set only when partial: an object that never gets the property keeps the shape of every other.
  if (partial) out.partial = partial;
  return out;
}

function distinctValues(arr: Value[], env: FnEnv): Value[] | Unknown {
  const out: Value[] = [];
  const seen = new Set<string | number | boolean | null>();
  for (const x of arr) {
    env.step();
    // Primitives dedupe through a Set; structured values need a deep comparison with each kept
    // one (charged: n arrays are n * n / 2 comparisons).
    if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') {
      const key = typeof x === 'string' ? `s${x}` : x;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(x);
    } else {
      let found = false;
      for (const y of out) {
        const r = equalsCharged(env, y, x);
        if (r === SPENT) return stepsSpent(env, 'array');
        if (r === true) {
          found = true;
          break;
        }
      }
      if (!found) out.push(x);
    }
  }
  return out;
}

function sameKind(args: Value[], env: FnEnv): 'array' | 'object' | Unknown {
  const first = args[0] as Value;
  const kind = Array.isArray(first) ? 'array' : first instanceof ObjectValue ? 'object' : undefined;
  if (!kind) return wrongType(env, first, 'arrays or objects');
  for (let i = 1; i < args.length; i++) {
    const v = args[i] as Value;
    if ((kind === 'array' && !Array.isArray(v)) || (kind === 'object' && !(v instanceof ObjectValue))) {
      return wrongType(env, v, `all parameters to be of type '${kind === 'array' ? 'Array' : 'Object'}'`, i);
    }
  }
  return kind;
}

/** One UTF-16 unit upper-cased on its own, as .NET's ToUpperInvariant does ('ß' stays 'ß'). */
function upperUnit(c: string): number {
  const u = c.toUpperCase();
  return (u.length === 1 ? u : c).charCodeAt(0);
}

/**
 * Property-name order of items() and objectKeys(): ordinal, ignoring case (.NET's
 * StringComparer.OrdinalIgnoreCase). ARM returns both "consistently ordered alphabetically by key"
 * (Bicep's function descriptions); Azure/bicep#14057 shows objectKeys({ b: 2, a: 1 }) deployed as
 * ['a', 'b'], with 'A' and 'a' tied (kept in their original order).
 */
function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = upperUnit(a.charAt(i)) - upperUnit(b.charAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function tryIndex(v: Value, key: Value): Value | undefined {
  if (v instanceof ObjectValue && typeof key === 'string') return v.get(key);
  if (Array.isArray(v) && typeof key === 'number') return key >= 0 && key < v.length ? v[key] : undefined;
  return undefined;
}

/**
 * One path segment of tryGet() and tryIndexFromEnd(): a property name, an index, or the object
 * `{ value: n, fromEnd: true }` (`{ value: n }` counts from the start) that Bicep writes for
 * `a.?b[^n]` and `a[?^m][^n]`: the n-th element from the end, 1 being the last. Undefined when
 * the segment selects nothing (the function's result is then null).
 */
function pathStep(v: Value, key: Value): Value | undefined {
  if (!(key instanceof ObjectValue) || !key.has('value')) return tryIndex(v, key);
  const n = key.get('value') as Value;
  const fromEnd = key.get('fromEnd') ?? false;
  if (n instanceof Unknown) return new Unknown(n.reason);
  if (fromEnd instanceof Unknown) return new Unknown(fromEnd.reason);
  if (fromEnd !== true) return fromEnd === false || fromEnd === null ? tryIndex(v, n) : undefined;
  if (!Array.isArray(v) || typeof n !== 'number') return undefined;
  return n >= 1 && n <= v.length ? v[v.length - n] : undefined;
}

/**
 * Follows path segments from `v` (tryGet's keys, tryIndexFromEnd's further segments): null once
 * one selects nothing. A module's output read this way (Bicep's `mod.outputs.?x`) is noted as the
 * evaluator notes `mod.outputs.x` (see TracedObject).
 */
function followPath(start: Value, args: readonly Value[], from: number, env: FnEnv): Value {
  let v = start;
  for (let i = from; i < args.length; i++) {
    if (v instanceof Unknown) return new Unknown(v.reason, undefined, undefined, v.symbol !== undefined && typeof args[i] === 'string' ? `${v.symbol}.${args[i] as string}` : undefined);
    const k = args[i] as Value;
    if (k instanceof Unknown) return new Unknown(k.reason);
    if (v === null) return null;
    const next = pathStep(v, k);
    if (next === undefined) return null;
    if (v instanceof TracedObject && typeof k === 'string') env.ctx.readTraced?.(v, k);
    v = next;
  }
  return v;
}

export const collectionFunctions: FnDef[] = [
  { name: 'array', min: 1, max: 1, returns: 'array', impl: (args) => (Array.isArray(args[0]) ? args[0] : [args[0] as Value]) },
  {
    name: 'createArray',
    min: 0,
    max: undefined,
    returns: 'array',
    unknownArgs: true,
    impl: (args, env) => {
      // Each element keeps where it is written (a Bicep `[ { id: tap.id } ]` in one branch of a
      // conditional): derived only when a finding asks.
      setElementArgs(args, env.argsOrigin());
      return args;
    },
  },
  {
    name: 'createObject',
    min: 0,
    max: undefined,
    returns: 'object',
    unknownArgs: true,
    impl: (args, env) => {
      if (args.length % 2 !== 0) return env.error("The template function 'createObject' expects an even number of parameters (key, value pairs).");
      const o = new ObjectValue();
      for (let i = 0; i < args.length; i += 2) {
        const k = args[i] as Value;
        // A partly known name (a resource id) keeps the object, as an ARM JSON "[expr]" key does.
        const name = k instanceof Unknown ? unknownPropertyName(k) : k;
        if (k instanceof Unknown && name === undefined) return new Unknown(k.reason, 'object');
        if (typeof name !== 'string') return wrongType(env, k, 'string property names', i);
        o.set(name, args[i + 1] as Value, env.argSpan(i + 1), env.argSpan(i));
      }
      return o;
    },
  },
  { name: 'null', min: 0, max: 0, impl: () => null },
  {
    name: 'concat',
    min: 0,
    max: undefined,
    unknownArgs: true,
    impl: (args, env) => {
      if (args.length === 0) return '';
      // Arrays concatenate when any argument is an array; otherwise the result is a string.
      const isArrays = args.some((a) => Array.isArray(a) || (a instanceof Unknown && a.type === 'array'));
      if (isArrays) {
        const out: Value[] = [];
        let unknown: Unknown | undefined;
        for (let i = 0; i < args.length; i++) {
          const a = args[i] as Value;
          if (a instanceof Unknown) {
            // Known in part: the elements of the known arrays are in it whatever this one holds.
            unknown ??= a;
            if (a.contains) for (const x of a.contains) out.push(x);
            continue;
          }
          if (!Array.isArray(a)) return unknown ? partialArray(unknown, out) : wrongType(env, a, "all parameters to be of type 'Array'", i);
          const lim = env.checkArray(out.length + a.length);
          if (lim) return lim;
          for (const x of a) out.push(x);
        }
        return unknown ? partialArray(unknown, out) : out;
      }
      const pieces: (string | Unknown)[] = [];
      let len = 0;
      for (let i = 0; i < args.length; i++) {
        const a = args[i] as Value;
        // An integer beyond 2^53 whose digits are known gives them, as string() does.
        if (a instanceof InexactInteger && a.exact !== undefined) pieces.push(a.exact.toString());
        else if (a instanceof Unknown) pieces.push(a);
        else if (typeof a === 'string') {
          len += a.length;
          pieces.push(a);
        } else if (typeof a === 'number' || typeof a === 'boolean') pieces.push(typeof a === 'boolean' ? (a ? 'True' : 'False') : numberText(a));
        else if (a === null) continue;
        else return wrongType(env, a, 'strings, integers or arrays', i);
      }
      const lim = env.checkString(len);
      if (lim) return lim;
      return partialString(pieces);
    },
  },
  {
    name: 'contains',
    min: 2,
    max: 2,
    returns: 'bool',
    unknownArgs: true,
    impl: (args, env) => {
      const [c, item] = args as [Value, Value];
      // A string known in part contains what one of its known parts contains.
      if (c instanceof Unknown && typeof item === 'string' && c.parts?.some((p) => typeof p === 'string' && p.includes(item))) return true;
      if (c instanceof Unknown) return new Unknown(c.reason, 'bool');
      if (c instanceof ObjectValue) {
        if (item instanceof Unknown) return new Unknown(item.reason, 'bool');
        if (typeof item !== 'string') return wrongType(env, item, 'a string key', 1);
        return c.has(item);
      }
      if (Array.isArray(c)) {
        // Found is found, even when other elements are unknown; not found is only sure when none is.
        let unsure: Unknown | undefined;
        for (const x of c) {
          const r = equalsCharged(env, x, item);
          if (r === SPENT) return stepsSpent(env, 'bool');
          if (r === true) return true;
          if (r === undefined) unsure ??= item instanceof Unknown ? item : x instanceof Unknown ? x : (findUnknown(x) ?? findUnknown(item));
        }
        return unsure ? new Unknown(unsure.reason, 'bool') : false;
      }
      if (typeof c === 'string') {
        if (item instanceof Unknown) return new Unknown(item.reason, 'bool');
        if (typeof item === 'number') return c.includes(String(item));
        if (typeof item !== 'string') return wrongType(env, item, 'a string to find', 1);
        // ARM documents contains() on strings as case-sensitive.
        return c.includes(item);
      }
      return wrongType(env, c, 'an array, an object or a string');
    },
  },
  {
    name: 'empty',
    min: 1,
    max: 1,
    returns: 'bool',
    unknownArgs: true,
    impl: (args, env) => {
      const v = args[0] as Value;
      if (v instanceof Unknown) {
        // A string known in part is not empty once a known part has text: a resource id built
        // in an unknown subscription (`if (!empty(tapId))` with tapId = resourceId(...)).
        if (v.parts?.some((p) => typeof p === 'string' && p.length > 0)) return false;
        return new Unknown(v.reason, 'bool');
      }
      if (v === null) return true;
      if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
      if (v instanceof ObjectValue) return v.size === 0;
      return wrongType(env, v, 'a string, an array, an object or null');
    },
  },
  {
    name: 'length',
    min: 1,
    max: 1,
    returns: 'int',
    impl: (args, env) => {
      const v = args[0] as Value;
      if (typeof v === 'string') return v.length;
      if (Array.isArray(v)) {
        // Pieces of split() of a value known only at deployment: how many is not known.
        return pastGuessedPieces(v, 'int') ?? v.length;
      }
      if (v instanceof ObjectValue) return v.size;
      return wrongType(env, v, 'a string, an array or an object');
    },
  },
  firstLast('first', false),
  firstLast('last', true),
  indexOfFn('indexOf', false),
  indexOfFn('lastIndexOf', true),
  skipTake('skip', false),
  skipTake('take', true),
  {
    name: 'range',
    min: 2,
    max: 2,
    returns: 'array',
    impl: (args, env) => {
      const start = expectInt(env, args, 0);
      if (start instanceof Unknown) return start;
      const count = expectInt(env, args, 1);
      if (count instanceof Unknown) return count;
      if (count < 0) return env.error(`The template function 'range' expects a non-negative count; the provided value is '${count}'.`, 1);
      const lim = env.checkArray(count);
      if (lim) return new UnbuiltArray(lim.reason, count);
      if (count > 10000) return env.error(`The template function 'range' allows at most 10000 elements; the provided count is '${count}'.`, 1);
      if (start + count > 2147483647) return env.error("The sum of the start index and the count of 'range' must not exceed 2147483647.");
      const out: number[] = new Array<number>(count);
      for (let i = 0; i < count; i++) out[i] = start + i;
      return out;
    },
  },
  {
    name: 'union',
    min: 2,
    max: undefined,
    unknownArgs: true,
    impl: (args, env) => {
      const u = args.find((a) => a instanceof Unknown) as Unknown | undefined;
      const known = args.filter((a) => !(a instanceof Unknown));
      if (u) {
        // Arrays known in part: union() keeps every element of each (once), so the known ones are in it.
        if (known.length > 0 && known.every((k) => Array.isArray(k))) {
          const out: Value[] = [];
          for (const a of args) for (const x of a instanceof Unknown ? (a.contains ?? []) : (a as Value[])) out.push(x);
          const lim = env.checkArray(out.length);
          return lim ?? partialArray(u, out);
        }
        return new Unknown(u.reason, Array.isArray(known[0]) ? 'array' : known[0] instanceof ObjectValue ? 'object' : undefined);
      }
      const kind = sameKind(args, env);
      if (kind instanceof Unknown) return kind;
      if (kind === 'object') return mergeObjects(args as ObjectValue[], true);
      return distinctValues(([] as Value[]).concat(...(args as Value[][])), env);
    },
  },
  {
    name: 'intersection',
    min: 2,
    max: undefined,
    impl: (args, env) => {
      const kind = sameKind(args, env);
      if (kind instanceof Unknown) return kind;
      if (kind === 'object') {
        const objs = args as ObjectValue[];
        const out = new ObjectValue();
        for (const e of (objs[0] as ObjectValue).located()) {
          let inAll = true;
          for (const o of objs) {
            const r = o.has(e.key) ? equalsCharged(env, o.get(e.key) as Value, e.value) : false;
            if (r === SPENT) return stepsSpent(env, 'object');
            if (r !== true) {
              inAll = false;
              break;
            }
          }
          if (inAll) out.set(e.key, e.value, e.span, e.keySpan);
        }
        return out;
      }
      const arrs = args as Value[][];
      const first = distinctValues(arrs[0] as Value[], env);
      if (first instanceof Unknown) return first;
      const out: Value[] = [];
      for (const x of first) {
        let inAll = true;
        for (const a of arrs) {
          const i = arrayIndexOf(env, a, x, false);
          if (i === SPENT) return stepsSpent(env, 'array');
          if (i < 0) {
            inAll = false;
            break;
          }
        }
        if (inAll) out.push(x);
      }
      return out;
    },
  },
  {
    name: 'flatten',
    min: 1,
    max: 1,
    returns: 'array',
    impl: (args, env) => {
      const a = expectArray(env, args, 0);
      if (a instanceof Unknown) return a;
      const out: Value[] = [];
      let unknown: Unknown | undefined;
      for (const x of a) {
        // A Bicep spread of an array known only at deployment (`[ 'a', ...extra ]`): known in part.
        if (x instanceof Unknown) {
          unknown ??= x;
          if (x.contains) for (const y of x.contains) out.push(y);
          continue;
        }
        if (!Array.isArray(x)) return unknown ? partialArray(unknown, out) : wrongType(env, x, 'an array of arrays');
        for (const y of x) out.push(y);
        const lim = env.checkArray(out.length);
        if (lim) return lim;
      }
      return unknown ? partialArray(unknown, out) : out;
    },
  },
  {
    name: 'distinct',
    min: 1,
    max: 1,
    returns: 'array',
    impl: (args, env) => {
      const a = expectArray(env, args, 0);
      return a instanceof Unknown ? a : distinctValues(a, env);
    },
  },
  {
    name: 'indexFromEnd',
    min: 2,
    max: 2,
    impl: (args, env) => {
      const a = args[0] as Value;
      const i = expectInt(env, args, 1);
      if (i instanceof Unknown) return i;
      if (!Array.isArray(a) && typeof a !== 'string') return wrongType(env, a, 'an array');
      // Pieces of split() of a value known only at deployment: known from the end after its last unknown part.
      const fromEnd = Array.isArray(a) && i >= 1 ? guessedPieceFromEnd(a, i) : undefined;
      if (fromEnd !== undefined) return fromEnd;
      if (i < 1 || i > a.length) {
        // Pieces of split() of a value known only at deployment: there may be more than we made.
        const guessed = Array.isArray(a) && i > 0 ? pastGuessedPieces(a) : undefined;
        if (guessed !== undefined) return guessed;
        return env.error(`The index from the end '${i}' is out of range for a value of length ${a.length}.`, 1);
      }
      return typeof a === 'string' ? a.charAt(a.length - i) : (a[a.length - i] as Value);
    },
  },
  {
    // tryIndexFromEnd(array, n[, segment...]): Bicep's `a[?^n].b[^m]` passes the rest of the
    // chain as tryGet() path segments.
    name: 'tryIndexFromEnd',
    min: 2,
    max: undefined,
    impl: (args, env) => {
      const a = args[0] as Value;
      const i = expectInt(env, args, 1);
      if (i instanceof Unknown) return i;
      if (a === null) return null;
      if (!Array.isArray(a)) return wrongType(env, a, 'an array');
      if (i < 1 || i > a.length) return null;
      return followPath(a[a.length - i] as Value, args, 2, env);
    },
  },
  {
    name: 'tryGet',
    min: 2,
    max: undefined,
    unknownArgs: true,
    impl: (args, env) => followPath(args[0] as Value, args, 1, env),
  },
  {
    name: 'items',
    min: 1,
    max: 1,
    returns: 'array',
    impl: (args, env) => {
      const o = expectObject(env, args, 0);
      if (o instanceof Unknown) return o;
      // ARM returns the entries sorted by key, ignoring case (a stable sort).
      const entries = o.located().slice().sort((a, b) => compareKeys(a.key, b.key));
      return entries.map((e) => ObjectValue.from([
        ['key', e.key],
        ['value', e.value],
      ]));
    },
  },
  {
    name: 'objectKeys',
    min: 1,
    max: 1,
    returns: 'array',
    impl: (args, env) => {
      const o = expectObject(env, args, 0);
      // Sorted like items(), not in the object's own order.
      return o instanceof Unknown ? o : o.keys().sort(compareKeys);
    },
  },
  {
    name: 'shallowMerge',
    min: 1,
    max: 1,
    returns: 'object',
    impl: (args, env) => {
      const a = expectArray(env, args, 0);
      if (a instanceof Unknown) return a;
      if (a.some((x) => x instanceof Unknown || (x instanceof ObjectValue && (x.partial || x.runtime)))) return mergeWithUnknown(a, env);
      const objs: ObjectValue[] = [];
      for (const x of a) {
        if (!(x instanceof ObjectValue)) return wrongType(env, x, 'an array of objects');
        objs.push(x);
      }
      return mergeObjects(objs, false);
    },
  },
  {
    name: 'json',
    min: 1,
    max: 1,
    impl: (args, env) => {
      const s = args[0] as Value;
      if (typeof s !== 'string') return wrongType(env, s, 'a string');
      const r = parseJsonText(s);
      return r.ok ? r.value : env.error(`The template function 'json' can't parse the string as JSON: ${r.message}.`, 0);
    },
  },
];
