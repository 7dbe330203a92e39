// Values of the ARM expression language, plus Unknown: a value only known at deployment time.
//
// - null, boolean, number (integers; ARM's are 64-bit, see expr docs), string, arrays (plain JS
//   arrays of Value), ObjectValue (case-insensitive keys, insertion order kept), Unknown.
// - An Unknown says why it is unknown (reason code + message + the span that caused it) and what
//   is known about it: a partially known string keeps its known parts (so a resource id built from
//   subscription().subscriptionId still names its type and name), and a deployment-time value that
//   is the same everywhere in one deployment (the current subscription id, the resource group name)
//   carries a `symbol`, so two such unknowns compare equal and ids built from them still link.
import type { Span } from '../model/span.js';

export type Value = null | boolean | number | string | Value[] | ObjectValue | Unknown;

export type ValueType = 'null' | 'bool' | 'int' | 'string' | 'array' | 'object' | 'unknown';

interface Entry {
  key: string;
  value: Value;
  /** Where the entry came from, when it came from a template object (for findings). */
  span?: Span | undefined;
  keySpan?: Span | undefined;
  /** The property name in the template object it came from (its spans are derived on request). */
  src?: string | undefined;
}

/** The template container a value was evaluated from: spans of its parts are derived from it when asked. */
export interface ValueOrigin {
  container: object;
  span: Span;
}

/** An object with ARM's case-insensitive property names. Keys such as `__proto__` are ordinary data. */
export class ObjectValue {
  private readonly map = new Map<string, Entry>();
  /** The span of the object as a whole, when it came from one template object. */
  span: Span | undefined;
  /**
   * Set for the runtime state of a resource (what reference() returns): the declared properties
   * are known, and any other property is not missing but only known at deployment, for this reason.
   */
  runtime: UnknownReason | undefined;
  /**
   * The template object it was evaluated from. Entries set with setFromTemplate() get their spans
   * from it on first request: most entries are never reported, and two spans per property of every
   * evaluated resource would dominate memory on large templates.
   */
  origin: ValueOrigin | undefined;

  static from(entries: Iterable<[string, Value]>): ObjectValue {
    const o = new ObjectValue();
    for (const [k, v] of entries) o.set(k, v);
    return o;
  }

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.has(key.toLowerCase());
  }

  get(key: string): Value | undefined {
    return this.map.get(key.toLowerCase())?.value;
  }

  /** The entry (original key spelling, value and spans). */
  entry(key: string): Readonly<Entry> | undefined {
    const e = this.map.get(key.toLowerCase());
    return e ? this.withSpans(e) : undefined;
  }

  private withSpans(e: Entry): Entry {
    if (e.src !== undefined && this.origin) {
      if (e.span === undefined) e.span = this.origin.span.child(this.origin.container, e.src);
      e.keySpan ??= this.origin.span.keySpan(this.origin.container, e.src);
    }
    return e;
  }

  /**
   * Sets a property evaluated from `srcKey` of this object's template origin whose value span is
   * already at hand (the one it was evaluated with); the key's span is derived on request.
   */
  setFromTemplateAt(key: string, value: Value, srcKey: string, span: Span): void {
    this.put(key, value, span, undefined, srcKey);
  }

  /** Sets a property evaluated from `srcKey` of this object's template origin (spans derived on request). */
  setFromTemplate(key: string, value: Value, srcKey: string): void {
    this.put(key, value, undefined, undefined, srcKey);
  }

  /** Sets a property; an existing key keeps its position and takes the new spelling, as ARM's JSON objects do. */
  set(key: string, value: Value, span?: Span, keySpan?: Span): void {
    this.put(key, value, span, keySpan, undefined);
  }

  private put(key: string, value: Value, span: Span | undefined, keySpan: Span | undefined, src: string | undefined): void {
    const lower = key.toLowerCase();
    const prev = this.map.get(lower);
    if (prev) {
      prev.key = key;
      prev.value = value;
      prev.span = span;
      prev.keySpan = keySpan;
      prev.src = src;
      // Every entry is created with all five fields: one added later (src) went to a separate
      // property array, 40 bytes more for each property of every evaluated resource.
    } else this.map.set(lower, { key, value, span, keySpan, src });
  }

  delete(key: string): boolean {
    return this.map.delete(key.toLowerCase());
  }

  keys(): string[] {
    return [...this.map.values()].map((e) => e.key);
  }

  values(): Value[] {
    return [...this.map.values()].map((e) => e.value);
  }

  entries(): [string, Value][] {
    return [...this.map.values()].map((e) => [e.key, e.value]);
  }

  /** Entries as they are: spans not derived (entry(key) derives them for the one asked). */
  rawEntries(): IterableIterator<Readonly<Entry>> {
    return this.map.values();
  }

  /** Entries with their spans. */
  located(): Readonly<Entry>[] {
    return [...this.map.values()].map((e) => this.withSpans(e));
  }
}

/** Why a value is unknown. Codes are stable (reports group by them); messages are for people. */
export type UnknownCode =
  /** A deployment-time function: utcNow, newGuid, subscription(), resourceGroup(), deployment(), ... */
  | 'deployment-time'
  /** reference(), references(), list*() and other runtime state of resources. */
  | 'runtime-state'
  /** A parameter without a default, parameters file value or -p value. */
  | 'parameter-without-value'
  /** A secure parameter or a Key Vault reference: never evaluated or printed. */
  | 'secure'
  /** A resource outside the template (an id to a resource not declared, an `existing` resource). */
  | 'external-resource'
  /** A linked template (templateLink.uri) or registry module that is never fetched. */
  | 'not-fetched'
  /** A limit of vtaplint (steps, sizes, depth) was reached. */
  | 'limit'
  /** Evaluating it failed (ARM would reject the template); the error is reported separately. */
  | 'error'
  /** A function vtaplint does not implement. */
  | 'unsupported';

export interface UnknownReason {
  code: UnknownCode;
  /** For people: "resourceGroup().location is only known at deployment". */
  message: string;
  /** The expression or declaration that made it unknown. */
  span?: Span | undefined;
}

export class Unknown {
  constructor(
    readonly reason: UnknownReason,
    /** The type, when known (a location is a string even if its value is not known). */
    readonly type?: Exclude<ValueType, 'unknown'>,
    /**
     * For a partially known string: its parts in order, known strings and unknown pieces.
     * Example: ['/subscriptions/', <Unknown symbol=subscription().subscriptionId>, '/resourceGroups/...'].
     */
    readonly parts?: readonly (string | Unknown)[],
    /**
     * A deployment-wide value (the same everywhere in one deployment), e.g.
     * "subscription().subscriptionId"; unknowns with the same symbol are equal.
     */
    readonly symbol?: string,
    /** What is known about it, for messages ("a resource id of type ... named 'tap1' in an unknown subscription"). */
    readonly description?: string,
    /**
     * The values it can take, when they are known: a parameter without a value but with
     * allowedValues is one of them (rules can then still decide, or name the bad ones).
     */
    readonly oneOf?: readonly Value[],
  ) {}
}

export function isUnknown(v: Value | undefined): v is Unknown {
  return v instanceof Unknown;
}

export function isObjectValue(v: Value | undefined): v is ObjectValue {
  return v instanceof ObjectValue;
}

export function typeOf(v: Value): ValueType {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'int';
    case 'string':
      return 'string';
    default:
      if (Array.isArray(v)) return 'array';
      if (v instanceof ObjectValue) return 'object';
      return 'unknown';
  }
}

/** Spans of array elements that came from template arrays (arrays stay plain JS arrays). */
const arraySpans = new WeakMap<Value[], (Span | undefined)[]>();
/** Arrays evaluated element by element from a template array: spans derived on request. */
const arrayOrigins = new WeakMap<Value[], ValueOrigin>();

export function setElementSpans(arr: Value[], spans: (Span | undefined)[]): void {
  arraySpans.set(arr, spans);
}

/** `arr[i]` was evaluated from `container[i]` of a template array at `span`. */
export function setElementOrigin(arr: Value[], container: unknown[], span: Span): void {
  arrayOrigins.set(arr, { container, span });
}

export function elementSpan(arr: Value[], index: number): Span | undefined {
  const explicit = arraySpans.get(arr)?.[index];
  if (explicit) return explicit;
  const origin = arrayOrigins.get(arr);
  return origin && index < (origin.container as unknown[]).length ? origin.span.child(origin.container, index) : undefined;
}
