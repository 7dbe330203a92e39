// Values with the span they came from: what rules read. A rule asks for a property path and gets
// the value (undefined when the property is absent, an Unknown when it is not known before
// deployment) together with the most precise span the pipeline kept for it.
import type { Span } from '../model/span.js';
import { ObjectValue, Unknown, elementSpan, type Value } from './value.js';

export interface LocatedValue {
  /** undefined: the property is absent. */
  value: Value | undefined;
  span: Span;
}

/** Steps into `base` along `path` (property names case-insensitively, array indexes). */
export function at(base: LocatedValue, ...path: (string | number)[]): LocatedValue {
  let cur: LocatedValue = base;
  for (const key of path) {
    const v = cur.value;
    if (v === undefined || v === null) return { value: undefined, span: cur.span };
    if (v instanceof Unknown) return cur;
    if (v instanceof ObjectValue && typeof key === 'string') {
      const i = v.indexOf(key);
      // A spread of an object known only at deployment: a property it does not list may be there all the same.
      if (i < 0) return { value: v.partial?.open ? new Unknown(v.partial.reason) : undefined, span: cur.span };
      cur = { value: v.valueAt(i), span: v.spanAt(i) ?? cur.span };
    } else if (Array.isArray(v) && typeof key === 'number') {
      if (key < 0 || key >= v.length) return { value: undefined, span: cur.span };
      cur = { value: v[key], span: elementSpan(v, key) ?? cur.span };
    } else return { value: undefined, span: cur.span };
  }
  return cur;
}

/** The elements of an array value with their spans (an absent or non-array value gives none). */
export function elements(base: LocatedValue): LocatedValue[] {
  const v = base.value;
  if (!Array.isArray(v)) return [];
  return v.map((item, i) => ({ value: item, span: elementSpan(v, i) ?? base.span }));
}

/**
 * The elements an array known only in part surely holds (Unknown.contains: concat() of a known
 * array and a parameter without a value), each at the span of the whole value; none otherwise.
 */
export function knownElements(base: LocatedValue): LocatedValue[] {
  const v = base.value;
  return v instanceof Unknown && v.contains ? v.contains.map((item) => ({ value: item, span: base.span })) : [];
}

/** The span of the property name of `key` in an object value, when known. */
export function keySpanOf(base: LocatedValue, key: string): Span | undefined {
  return base.value instanceof ObjectValue ? base.value.entry(key)?.keySpan : undefined;
}

export function isKnownString(v: Value | undefined): v is string {
  return typeof v === 'string';
}
