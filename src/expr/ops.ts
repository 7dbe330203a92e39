// Operations on values shared by the functions: conversions from/to JSON, ARM's string()
// serialisation, deep equality (with unknowns), partial strings, type names for messages.
import { InexactInteger, ObjectValue, Unknown, inexactInteger, isInexactInteger, isUnknown, typeOf } from './value.js';
import type { Describer, UnknownReason, Value, ValueType } from './value.js';
import { readableSymbol } from './symbol-text.js';

/** Converts parsed JSON (JSON.parse output) to a Value; objects become ObjectValue. */
export function fromJson(j: unknown): Value {
  if (j === null || j === undefined) return null;
  // An integer beyond 2^53 that JSON.parse has rounded: not that number (see isInexactInteger).
  if (isInexactInteger(j)) return inexactInteger(j);
  if (typeof j === 'string' || typeof j === 'boolean' || typeof j === 'number') return j;
  if (Array.isArray(j)) return j.map(fromJson);
  if (typeof j === 'object') {
    const o = new ObjectValue();
    for (const k of Object.keys(j)) o.set(k, fromJson((j as Record<string, unknown>)[k]));
    return o;
  }
  return null;
}

/** The key under which a printed object known in part says why its other properties are not known. */
export const UNKNOWN_PROPERTIES = '$unknownProperties';

/**
 * Converts a Value to plain JSON; unknowns become `{"$unknown": message}` (secure ones never show
 * a value). `exactInt`: how an integer beyond 2^53 whose digits are known is written (`vtaplint
 * eval` prints its digits as ARM would); without it, it is an unknown like any other.
 */
export function toJson(v: Value, exactInt?: (digits: string) => unknown): unknown {
  if (exactInt && v instanceof InexactInteger && v.exact !== undefined) return exactInt(v.exact.toString());
  if (v instanceof Unknown) return { $unknown: unknownText(v) };
  if (Array.isArray(v)) return v.map((x) => toJson(x, exactInt));
  if (v instanceof ObjectValue) {
    // A null-prototype object, so keys such as __proto__ stay data.
    const o = Object.create(null) as Record<string, unknown>;
    for (const [k, x] of v.entries()) o[k] = toJson(x, exactInt);
    // Known in part: other properties may be there (see ObjectValue.partial).
    if (v.partial?.open) o[UNKNOWN_PROPERTIES] = v.partial.reason.message;
    return o;
  }
  return v;
}

/** A short text for an unknown: its message, with the known parts of a partial string. */
export function unknownText(u: Unknown): string {
  if (u.reason.code === 'secure') return u.reason.message;
  if (u.parts && u.parts.length > 0) {
    const shape = u.parts.map((p) => (typeof p === 'string' ? p : `{${p.symbol !== undefined ? readableSymbol(p.symbol) : '?'}}`)).join('');
    return `${u.description ?? u.reason.message} (${shape})`;
  }
  if (u.description) return u.description;
  if (u.oneOf && u.oneOf.length > 0) {
    const shown = u.oneOf.slice(0, 10).map((v) => (typeof v === 'string' ? `'${v}'` : (armToString(v) ?? '?')));
    return `${u.reason.message}; one of ${shown.join(', ')}${u.oneOf.length > 10 ? ', ...' : ''}`;
  }
  return u.reason.message;
}

/**
 * The property name used for a name that is only partly known at lint time: its known text with
 * the unknown pieces as `{symbol}` ("{/subscriptions/{subscription().subscriptionId}/...}"), so an
 * object keyed by a resource id keeps its shape, and ARM JSON `"[expr]": ...` keys and Bicep
 * `'${expr}': ...` keys with equal values give equal names. A piece without a symbol is `{?}`.
 * undefined for a value with no known text at all.
 */
export function unknownPropertyName(u: Unknown): string | undefined {
  const parts = u.parts ?? (u.symbol !== undefined ? [u] : undefined);
  if (!parts) return undefined;
  return `{${parts.map((p) => (typeof p === 'string' ? p : `{${p.symbol ?? '?'}}`)).join('')}}`;
}

/** The first Unknown inside a value (depth-first), if any. */
export function findUnknown(v: Value, depth = 0): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (depth > 200) return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = findUnknown(x, depth + 1);
      if (u) return u;
    }
  } else if (v instanceof ObjectValue) {
    // An object whose set of properties is not known (ObjectValue.partial) is not known as a whole.
    if (v.partial) return new Unknown(v.partial.reason, 'object');
    for (const x of v.values()) {
      const u = findUnknown(x, depth + 1);
      if (u) return u;
    }
  }
  return undefined;
}

/** Type name as ARM spells it in messages. */
export function typeName(v: Value): string {
  const t = typeOf(v);
  switch (t) {
    case 'int':
      return Number.isInteger(v) ? 'Integer' : 'Float';
    case 'bool':
      return 'Boolean';
    case 'string':
      return 'String';
    case 'array':
      return 'Array';
    case 'object':
      return 'Object';
    case 'null':
      return 'Null';
    default:
      return 'Unknown';
  }
}

/**
 * A string as Newtonsoft.Json writes it (JavaScriptUtils.WriteEscapedJavaScriptString): as
 * JSON.stringify does, but U+0085, U+2028 and U+2029 are escaped too, and a lone surrogate is
 * written as it is, not as '\\udxxx'. Only strings with such characters take the slow path.
 */
function jsonString(s: string): string {
  if (!/[\u0085\u2028\u2029\ud800-\udfff]/.test(s)) return JSON.stringify(s);
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x85 || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += s.charAt(i);
    else out += JSON.stringify(s.charAt(i)).slice(1, -1);
  }
  return `${out}"`;
}

/**
 * ARM's JSON text for a value nested in string(): Newtonsoft's compact form.
 * Returns undefined when the value contains an unknown.
 */
export function armJsonText(v: Value, out: string[] = [], depth = 0): boolean {
  if (depth > 512) return false;
  // An integer beyond 2^53 whose digits are known is written with them (json('{"n": 9007199254740993}')).
  if (v instanceof InexactInteger && v.exact !== undefined) {
    out.push(v.exact.toString());
    return true;
  }
  if (v instanceof Unknown) return false;
  // An object whose set of properties is not known has no text yet (ObjectValue.partial).
  if (v instanceof ObjectValue && v.partial) return false;
  if (v === null) out.push('null');
  else if (typeof v === 'string') out.push(jsonString(v));
  else if (typeof v === 'number') out.push(numberText(v));
  else if (typeof v === 'boolean') out.push(String(v));
  else if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i) out.push(',');
      if (!armJsonText(v[i] as Value, out, depth + 1)) return false;
    }
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const [k, x] of v.entries()) {
      if (!first) out.push(',');
      first = false;
      out.push(jsonString(k), ':');
      if (!armJsonText(x, out, depth + 1)) return false;
    }
    out.push('}');
  }
  return true;
}

/**
 * A string folded for ARM's case-insensitive comparisons (.NET OrdinalIgnoreCase): each UTF-16
 * unit upper-cased on its own, so the result has the same length and positions as the input
 * ('İ'.toLowerCase() is two units; 'ß' has no one-unit upper case and stays). 'ı' (U+0131) stays
 * too: .NET equates it with neither 'I' nor 'i' (dotnet/runtime pal_collation.c,
 * AreEqualOrdinalIgnoreCase).
 */
export function foldCase(s: string): string {
  // Printable ASCII (nearly every template string) upper-cases unit by unit already.
  if (!/[^\u0020-\u007e]/.test(s)) return s.toUpperCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const u = c.toUpperCase();
    out += u.length === 1 && c !== '\u0131' ? u : c;
  }
  return out;
}

/**
 * A number's text as .NET writes a double (Double.ToString(), and Newtonsoft inside JSON): the
 * shortest digits that read back, in fixed notation when the decimal exponent is -4 to 14, else
 * scientific with 'E', a sign and at least two digits (0.000001 is '1E-06'). Integers are the
 * template language's 64-bit integers and keep their digits.
 */
export function numberText(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  const [mant, exp] = n.toExponential().split('e') as [string, string];
  const e = Number(exp);
  if (e > -5 && e < 15) return String(n);
  return `${mant}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** ARM's string(): strings as-is, booleans True/False, null as '', arrays/objects as compact JSON. */
export function armToString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return numberText(v);
  if (v === null) return '';
  const out: string[] = [];
  return armJsonText(v, out) ? out.join('') : undefined;
}

/**
 * Deep equality with ARM semantics (strings case-sensitive, object keys case-insensitive).
 * undefined when it depends on unknown values; unknowns with the same symbol are equal.
 */
export function deepEquals(a: Value, b: Value, meter?: CompareMeter): boolean | undefined {
  return equalsAt(a, b, 0, meter);
}

/**
 * Counts the values a comparison visits (see deepEquals): contains(), indexOf(), union() and
 * their kin compare each element with each, work their arguments' sizes do not show, so their
 * callers charge what the comparisons visited to the step budget.
 */
export interface CompareMeter {
  visited: number;
}

function equalsAt(a: Value, b: Value, depth: number, meter: CompareMeter | undefined): boolean | undefined {
  if (meter) meter.visited++;
  if (a instanceof Unknown || b instanceof Unknown) return unknownEquals(a, b);
  if (depth > 256) return undefined;
  if (a === b) return true;
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let unsure = false;
    for (let i = 0; i < a.length; i++) {
      const r = equalsAt(a[i] as Value, b[i] as Value, depth + 1, meter);
      if (r === false) return false;
      if (r === undefined) unsure = true;
    }
    return unsure ? undefined : true;
  }
  if (a instanceof ObjectValue && b instanceof ObjectValue) {
    // Which properties one has is not known (ObjectValue.partial): nor is whether they are equal.
    if (a.partial || b.partial) return undefined;
    if (a.size !== b.size) return false;
    let unsure = false;
    for (const [k, x] of a.entries()) {
      if (!b.has(k)) return false;
      const r = equalsAt(x, b.get(k) as Value, depth + 1, meter);
      if (r === false) return false;
      if (r === undefined) unsure = true;
    }
    return unsure ? undefined : true;
  }
  return false;
}

/**
 * A hash that agrees with deepEquals: values it calls equal (true) hash alike, so a list can be
 * de-duplicated through a map of hashes with deepEquals only within a bucket, instead of comparing
 * each element with each. Object keys are case-insensitive and their order does not count, as in
 * deepEquals.
 */
export function equalityHash(v: Value, depth = 0): number {
  if (v instanceof Unknown) {
    // Equal to another unknown only by its symbolic key (unknownEquals); one without a key is
    // equal to nothing but itself, so it may hash by identity.
    const key = symbolicKey(v);
    return key !== undefined ? stringHash(key, 0x75) : unknownId(v);
  }
  if (typeof v === 'string') return stringHash(v, 0x73);
  if (typeof v === 'number') return stringHash(String(v), 0x64);
  if (typeof v === 'boolean') return v ? 0x74 : 0x66;
  if (v === null) return 0x6e;
  // deepEquals says nothing is equal below 256 levels; one hash for everything there.
  if (depth > 256) return 0x2e;
  if (Array.isArray(v)) {
    let h = 0x61 ^ v.length;
    for (const x of v) h = Math.imul(h ^ equalityHash(x, depth + 1), 0x01000193) >>> 0;
    return h;
  }
  let sum = 0x6f ^ v.size;
  // Order-free: a sum of the entries' hashes.
  for (const [k, x] of v.entries()) sum = (sum + Math.imul(stringHash(k.toLowerCase(), 0x6b), 31) + equalityHash(x, depth + 1)) >>> 0;
  return sum;
}

const unknownIds = new WeakMap<Unknown, number>();
let nextUnknownId = 0;
function unknownId(u: Unknown): number {
  let id = unknownIds.get(u);
  if (id === undefined) unknownIds.set(u, (id = nextUnknownId = (nextUnknownId + 1) >>> 0));
  return id;
}

function stringHash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function unknownEquals(a: Value, b: Value): boolean | undefined {
  if (a instanceof Unknown && b instanceof Unknown) {
    // Values of two types are never equal, whatever they are (the text of an integer, which keeps
    // its symbol, is not the integer: equals('7', 7) is false).
    if (a.type !== undefined && b.type !== undefined && a.type !== b.type) return false;
    if (a.symbol !== undefined && a.symbol === b.symbol) return true;
    const sa = symbolicKey(a);
    if (sa !== undefined && sa === symbolicKey(b)) return true;
  }
  // A partial string whose known text already differs is unequal whatever the unknown parts are.
  const u = (a instanceof Unknown ? a : b) as Unknown;
  const other = u === a ? b : a;
  if (typeof other === 'string' && u.parts) {
    const first = u.parts[0];
    const last = u.parts[u.parts.length - 1];
    if (typeof first === 'string' && !other.startsWith(first)) return false;
    if (typeof last === 'string' && !other.endsWith(last)) return false;
  }
  // A string known in part is a string, never null (`tapId != null` for a module's tapId = tap.id):
  // a type alone is not enough, as a nullable parameter's value has its type or is null.
  if (other === null && u.parts !== undefined) return false;
  if (u.type && other !== null && !(other instanceof Unknown) && typeOfKnown(other) !== u.type) return false;
  return undefined;
}

function typeOfKnown(v: Value): Exclude<ValueType, 'unknown'> | undefined {
  const t = typeOf(v);
  return t === 'unknown' ? undefined : t;
}

/**
 * A canonical text for a value built only from known values and symbolic unknowns
 * ('abc', subscription().subscriptionId, partial strings of those); undefined otherwise.
 * Used to give derived values (uniqueString(resourceGroup().id)) a symbol of their own.
 */
export function symbolicKey(v: Value): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Unknown) {
    if (v.symbol !== undefined) return v.symbol;
    if (v.parts) {
      const out: string[] = [];
      for (const p of v.parts) {
        const k = typeof p === 'string' ? JSON.stringify(p) : symbolicKey(p);
        if (k === undefined) return undefined;
        out.push(k);
      }
      return out.join('+');
    }
    return undefined;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  // Known containers of such values (union(defaults, parameters('x')[0])): their canonical text.
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) {
      const k = symbolicKey(x);
      if (k === undefined) return undefined;
      out.push(k);
    }
    return `[${out.join(',')}]`;
  }
  if (v instanceof ObjectValue) {
    const out: string[] = [];
    for (const [key, x] of v.entries()) {
      const k = symbolicKey(x);
      if (k === undefined) return undefined;
      out.push(`${JSON.stringify(key.toLowerCase())}:${k}`);
    }
    return `{${out.join(',')}}`;
  }
  return undefined;
}

/**
 * Builds a string from known and unknown pieces: a plain string when all are known, else a
 * partial-string Unknown whose reason is the first unknown piece's (nested partials are flattened).
 */
/** Most pieces a partially known string keeps (resource ids need a handful). */
export const MAX_STRING_PARTS = 1024;

/**
 * Strings already made, so that equal ones are one string: a large deployment names the same few
 * resources (its virtual network, its TAP) in thousands of partially known ids, each with its
 * text pieces and description. Emptied when full, so it stays small however many distinct
 * strings a template has; equal strings are interchangeable, so sharing changes nothing else.
 */
const sharedStrings = new Map<string, string>();
const MAX_SHARED_STRINGS = 4096;
const MAX_SHARED_LENGTH = 512;

export function shareString(s: string): string {
  // Long strings are seldom repeated, and the table must not keep large ones alive.
  if (s.length > MAX_SHARED_LENGTH) return s;
  const known = sharedStrings.get(s);
  if (known !== undefined) return known;
  if (sharedStrings.size >= MAX_SHARED_STRINGS) sharedStrings.clear();
  sharedStrings.set(s, s);
  return s;
}

/**
 * Concatenates known and unknown pieces: a string when every piece is known, else a partially
 * known string (an Unknown with parts) whose reason is `reason`, or the first unknown piece's.
 */
export function partialString(pieces: readonly (string | Unknown)[], description?: string | Describer, reason?: UnknownReason): string | Unknown {
  // Fully known (most concat() and format() results): one flat string, no part lists or closures.
  let known = 0;
  let last = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (typeof p !== 'string') {
      known = -1;
      break;
    }
    if (p !== '') {
      known++;
      last = p;
    }
  }
  if (known >= 0) return known <= 1 ? last : shareString(pieces.join(''));
  const parts = scratchParts;
  let firstUnknown: Unknown | undefined;
  try {
    for (const p of pieces) {
      if (typeof p !== 'string') firstUnknown ??= p;
      addPiece(p);
      // Bounded: a string doubled by itself at each step would otherwise double its parts too
      // (2^n pieces); past the bound only "some string" is known, which is all rules can use anyway.
      if (parts.length + (scratchRun.length ? 1 : 0) > MAX_STRING_PARTS) return new Unknown(reason ?? (firstUnknown as Unknown).reason, 'string', undefined, undefined, description);
    }
    endRun();
    if (!firstUnknown) return parts.length === 0 ? '' : (parts[0] as string);
    if (parts.length === 1 && parts[0] instanceof Unknown && !description) return parts[0];
    // slice(): an exact-size copy, as partial strings such as resource ids are kept for every
    // resource and dependsOn entry.
    return new Unknown(reason ?? firstUnknown.reason, 'string', parts.slice(), undefined, description);
  } finally {
    // The scratch arrays must not keep values alive, nor carry anything into the next call.
    scratchParts.length = 0;
    scratchRun.length = 0;
  }
}

// partialString()'s working arrays, reused (it is not re-entered: nothing it calls builds strings).
// Adjacent known pieces are collected in scratchRun and joined once into one flat string:
// `a + b + c` would keep a chain of concatenation nodes in every resource id held by the graph.
const scratchParts: (string | Unknown)[] = [];
const scratchRun: string[] = [];

function endRun(): void {
  const run = scratchRun;
  if (run.length) scratchParts.push(run.length === 1 ? (run[0] as string) : shareString(run.join('')));
  run.length = 0;
}

/**
 * An unknown piece as the text it stands for. A piece is a string's part, but an unknown integer,
 * Boolean, array or object can be one (concat('', n), join([n], ','), format('{0}', n), a Bicep
 * '${n}'): its text is a string, not the value itself (ARM's '7' is not 7). It keeps the symbol, so
 * two texts of one value are equal and a loop's names still show its copyIndex(); unknownEquals()
 * tells it from the value by its type.
 */
export function textPiece(p: Unknown): Unknown {
  if (p.type === undefined || p.type === 'string') return p;
  return new Unknown(p.reason, 'string', undefined, p.symbol, p.about);
}

/** Appends a piece; the parts of a partial string are spliced in (a symbol stays one piece). */
function addPiece(piece: string | Unknown): void {
  if (typeof piece === 'string') {
    if (piece !== '') scratchRun.push(piece);
    return;
  }
  const p = textPiece(piece);
  if (p.parts && p.symbol === undefined) for (const q of p.parts) addPiece(q);
  else {
    endRun();
    scratchParts.push(p);
  }
}

/** The reason of an unknown, reused for a value computed from it. */
export function derived(u: Unknown, type?: Exclude<ValueType, 'unknown'>): Unknown {
  return new Unknown(u.reason, type);
}

export function makeUnknown(reason: UnknownReason, type?: Exclude<ValueType, 'unknown'>, symbol?: string): Unknown {
  return new Unknown(reason, type, undefined, symbol);
}

export { isUnknown };
