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

/** Objects with more properties than this get a key index; smaller ones are scanned (cheaper to keep). */
const INDEX_FROM = 16;
/** Slots per property in ObjectValue's array. */
const SLOTS = 6;

/**
 * Lowercased property names, shared: the same few names (apiVersion, properties, id, ...) are
 * keys of most evaluated objects, and each toLowerCase() of a mixed-case name is a new string.
 * Bounded, so that a template with many distinct names cannot grow it without end.
 */
const lowerNames = new Map<string, string>();
const MAX_LOWER_NAMES = 4096;

function lowerName(key: string): string {
  let lower = lowerNames.get(key);
  if (lower === undefined) {
    lower = key.toLowerCase();
    if (lowerNames.size < MAX_LOWER_NAMES) lowerNames.set(key, lower);
  }
  return lower;
}

/** What is not known of a partial object's properties (ObjectValue.partial). */
export interface PartialShape {
  readonly reason: UnknownReason;
  readonly open: boolean;
}

/** An object with ARM's case-insensitive property names. Keys such as `__proto__` are ordinary data. */
export class ObjectValue {
  // Properties in insertion order, six slots each in one array: original spelling, lowercased
  // name, value, the template property name it was evaluated from (see Entry.src), value span and
  // key span (nearly every evaluated object gets a span asked for, so no separate array). Every
  // evaluated resource body and nested object is one of these: a Map with an entry object per
  // property cost several times the data. The array is allocated at the size asked for (no
  // push-grown slack); `count` says how many properties it holds.
  private data: unknown[];
  private count = 0;
  /** Lowercased name → position, built on first lookup of a large object. */
  #index: Map<string, number> | undefined;
  /** The span of the object as a whole, when it came from one template object. */
  span: Span | undefined;
  /**
   * Set for the runtime state of a resource (what reference() returns): the declared properties
   * are known, and any other property is not missing but only known at deployment, for this reason.
   */
  runtime: UnknownReason | undefined;
  /**
   * Set for an object whose set of properties is not known (a spread of an object known only at
   * deployment, or of one that sets a property under a condition): the properties it lists are
   * what they say (or unknown values), but which properties it has is not known, so a function
   * that looks at the whole object (length, contains, string, union, ...) gets an unknown. `open`:
   * any property it does not list may be there too (read as unknown); otherwise one it does not
   * list is surely absent. See mergeWithUnknown. Declared, not a field every object is made with:
   * few objects are partial, and a slot in each evaluated object costs megabytes at 10,000 VMs.
   */
  declare partial: PartialShape | undefined;
  // The template origin as two fields (no object of its own per evaluated object): see `origin`.
  private originContainer: object | undefined;
  private originSpan: Span | undefined;

  /** `capacity`: the number of properties expected (more can be set; the storage then grows). */
  constructor(capacity = 0) {
    this.data = capacity > 0 ? new Array<unknown>(SLOTS * capacity) : [];
  }

  /**
   * The template object it was evaluated from. Entries set with setFromTemplate() get their spans
   * from it on first request: most entries are never reported, and two spans per property of every
   * evaluated resource would dominate memory on large templates.
   */
  get origin(): ValueOrigin | undefined {
    return this.originContainer !== undefined && this.originSpan !== undefined ? { container: this.originContainer, span: this.originSpan } : undefined;
  }

  set origin(o: ValueOrigin | undefined) {
    this.originContainer = o?.container;
    this.originSpan = o?.span;
  }

  static from(entries: Iterable<[string, Value]>): ObjectValue {
    const o = new ObjectValue(Array.isArray(entries) ? entries.length : 0);
    for (const [k, v] of entries) o.set(k, v);
    return o;
  }

  get size(): number {
    return this.count;
  }

  /** The position of a property, or -1. */
  private find(key: string): number {
    const lower = lowerName(key);
    const d = this.data;
    const n = this.count;
    if (n < INDEX_FROM) {
      for (let i = 0; i < n; i++) if (d[SLOTS * i + 1] === lower) return i;
      return -1;
    }
    if (!this.#index) {
      this.#index = new Map();
      for (let i = 0; i < n; i++) this.#index.set(d[SLOTS * i + 1] as string, i);
    }
    return this.#index.get(lower) ?? -1;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  get(key: string): Value | undefined {
    const i = this.find(key);
    return i >= 0 ? (this.data[SLOTS * i + 2] as Value) : undefined;
  }

  /** The entry (original key spelling, value and spans). */
  entry(key: string): Readonly<Entry> | undefined {
    const i = this.find(key);
    return i >= 0 ? this.withSpans(i) : undefined;
  }

  /** Entry `i` as stored (spans not derived). */
  private raw(i: number): Entry {
    const d = this.data;
    const b = SLOTS * i;
    return {
      key: d[b] as string,
      value: d[b + 2] as Value,
      span: d[b + 4] as Span | undefined,
      keySpan: d[b + 5] as Span | undefined,
      src: d[b + 3] as string | undefined,
    };
  }

  /**
   * Entry `i` with its spans derived from the origin. The value span is kept (later requests get
   * the same span object: rules compare an unknown's reason span with value spans by identity,
   * and a derived span can become a reason's span). A derived key span is not kept: key spans are
   * only ever reported, never compared by identity, and located() asks for every property's.
   */
  private withSpans(i: number): Entry {
    this.valueSpan(i);
    const e = this.raw(i);
    const src = e.src;
    if (src !== undefined && this.originContainer !== undefined && this.originSpan !== undefined) e.keySpan ??= this.originSpan.keySpan(this.originContainer, src);
    return e;
  }

  /** The value span of entry `i`, derived from the origin once and kept (see withSpans). */
  private valueSpan(i: number): Span | undefined {
    const d = this.data;
    const b = SLOTS * i;
    let span = d[b + 4] as Span | undefined;
    if (span === undefined) {
      const src = d[b + 3] as string | undefined;
      if (src !== undefined && this.originContainer !== undefined && this.originSpan !== undefined) {
        span = this.originSpan.child(this.originContainer, src);
        d[b + 4] = span;
      }
    }
    return span;
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
    let i = this.find(key);
    let d = this.data;
    if (i < 0) {
      i = this.count++;
      if (SLOTS * this.count > d.length) {
        // Grown by half (at least 4 properties), copied into an array of exactly that size.
        const grown = new Array<unknown>(SLOTS * Math.max(4, Math.ceil(this.count * 1.5)));
        for (let j = 0; j < SLOTS * i; j++) grown[j] = d[j];
        d = this.data = grown;
      }
      d[SLOTS * i + 1] = lowerName(key);
      this.#index?.set(lowerName(key), i);
    }
    const b = SLOTS * i;
    d[b] = key;
    d[b + 2] = value;
    d[b + 3] = src;
    d[b + 4] = span;
    d[b + 5] = keySpan;
  }

  delete(key: string): boolean {
    const i = this.find(key);
    if (i < 0) return false;
    const d = this.data;
    for (let j = SLOTS * i; j < SLOTS * (this.count - 1); j++) d[j] = d[j + SLOTS];
    for (let j = SLOTS * (this.count - 1); j < SLOTS * this.count; j++) d[j] = undefined;
    this.count--;
    this.#index = undefined;
    return true;
  }

  keys(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.data[SLOTS * i] as string;
    return out;
  }

  values(): Value[] {
    const out = new Array<Value>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.data[SLOTS * i + 2] as Value;
    return out;
  }

  entries(): [string, Value][] {
    const out = new Array<[string, Value]>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = [this.data[SLOTS * i] as string, this.data[SLOTS * i + 2] as Value];
    return out;
  }

  /** The name of property `i` in insertion order (0 <= i < size); with valueAt(), a walk that allocates nothing. */
  keyAt(i: number): string {
    return this.data[SLOTS * i] as string;
  }

  /** The value of property `i` in insertion order (0 <= i < size). */
  valueAt(i: number): Value {
    return this.data[SLOTS * i + 2] as Value;
  }

  /** The value span of property `i`, derived from the origin and kept as entry() does. */
  spanAt(i: number): Span | undefined {
    return this.valueSpan(i);
  }

  /** The position of property `key` (case-insensitive) for keyAt/valueAt/spanAt, or -1: a look-up that builds no entry. */
  indexOf(key: string): number {
    return this.find(key);
  }

  /** Entries with their spans. */
  located(): Readonly<Entry>[] {
    const out = new Array<Entry>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.withSpans(i);
    return out;
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
  /** 'error': a value given to a parameter that ARM rejects before deploying (the message names the parameter; the span is the value, not an error's text). */
  rejected?: boolean | undefined;
  /** The expression or declaration that made it unknown. */
  span?: Span | undefined;
  /**
   * For 'runtime-state' (and 'not-fetched' of a deployment linked by URI): the key
   * (DeployedResource.key) of the resource whose state it is, so a rule can name that resource
   * (an `existing` one has no properties in the template at all).
   */
  resourceKey?: string | undefined;
  /**
   * For the state of an `existing` resource: the symbol its properties get (`rg.location` read
   * twice is one value in one deployment, so a TAP and its collector both given it are in one
   * region). Not for a resource the template deploys, whose state is made by the deployment.
   */
  symbol?: string | undefined;
}

/**
 * An object whose property reads are traced: the outputs of a nested deployment or module, as
 * reference(x).outputs gives them. The evaluator tells its context of each property read
 * (EvalContext.readTraced), as it tells it of each parameter read, so that a finding decided by
 * the value can point at the output expression that computed it. What a read means is the
 * subclass's (the deploy stage's); `id` tells two such objects apart in what an expression read.
 */
export abstract class TracedObject extends ObjectValue {
  private static nextId = 0;
  readonly id: number = TracedObject.nextId++;
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
    /**
     * What is known about it, for messages ("a resource id of type ... named 'tap1' in an unknown
     * subscription"): the text, or what makes it when a message asks (see `description`).
     */
    readonly about?: string | Describer,
    /**
     * The values it can take, when they are known: a parameter without a value but with
     * allowedValues is one of them (rules can then still decide, or name the bad ones).
     */
    readonly oneOf?: readonly Value[],
    /**
     * For a number: the largest value it can take, when that is known (an int parameter without a
     * value but with maxValue, which ARM enforces when the deployment supplies it). For an array:
     * the most elements it can have (range() of such a count).
     */
    readonly atMost?: number,
    /**
     * The values an `if()` (a Bicep `?:`) with a condition known only at deployment chooses
     * between, flattened over nested ones; unlike `oneOf` an entry may itself be unknown
     * (`enableTap ? tap.id : null`, where `tap.id` is known only in part). Lets the graph tell a
     * value that may be null (absent) from one that is always set.
     */
    readonly branches?: readonly Value[],
    /**
     * Where each of `branches` is written (by index; the branch argument of the `if()`, or the
     * Bicep `?:` branch), so a finding about what one branch holds points at that branch, not at
     * the whole conditional.
     */
    readonly branchSpans?: readonly (Span | undefined)[],
    /**
     * For a Boolean: what it says about one deployment-wide value (`enableTap`, `mode == 'blue'`,
     * `!enableTap`), so conditions that can never hold together are told apart (see BoolTest).
     * A symbolic unknown without one is itself `== true` (testOf).
     */
    readonly test?: BoolTest,
    /**
     * For an if() (a Bicep `?:`) with an unknown condition: the condition, and how many of
     * `branches` come from its true branch; and the two branches as they are (`whenTrue`,
     * `whenFalse`), so that a nested if()'s own condition is not lost in the flattened `branches`.
     */
    readonly choice?: { readonly condition: Unknown; readonly then: number; readonly whenTrue?: Value; readonly whenFalse?: Value },
    /**
     * For an array known in part: elements it surely holds, in no particular place (concat(),
     * union() or a Bicep spread of known arrays with one known only at deployment:
     * `concat(['Microsoft.Network/virtualNetworkTaps/*'], parameters('extra'))`). A rule may rely
     * on their being there, never on their being all (see knownElements in located.ts).
     */
    readonly contains?: readonly Value[],
    /**
     * For a number: the smallest value it can take, when that is known (the length of a string
     * known in part is at least that of its written parts: `length(tapId) > 0` for tapId = tap.id).
     */
    readonly atLeast?: number,
  ) {}

  /** What is known about it, for messages. */
  get description(): string | undefined {
    const a = this.about;
    return a === undefined || typeof a === 'string' ? a : a.describe();
  }
}

/**
 * A Boolean known only at deployment that is a test of one deployment-wide value: true exactly
 * when the value with symbol `subject` equals `equals` (not equals, when `negated`). Two tests
 * of one subject may be exclusive (`mode == 'blue'` and `mode == 'green'`; `x` and `!x`).
 */
export interface BoolTest {
  readonly subject: string;
  readonly equals: Value;
  readonly negated: boolean;
  /** The values the subject can take, when they are known (a parameter with allowedValues). */
  readonly among?: readonly Value[];
}

/** The test a Boolean unknown is (a symbolic one without its own is `symbol == true`); undefined when it is none. */
export function testOf(u: Unknown): BoolTest | undefined {
  return u.test ?? (u.symbol !== undefined && (u.type === undefined || u.type === 'bool') ? { subject: u.symbol, equals: true, negated: false } : undefined);
}

/**
 * A description made only when a message asks for it: every resource id known only in part has
 * one, a large deployment has tens of thousands, and few are ever shown.
 */
export interface Describer {
  describe(): string;
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
/**
 * Where an array evaluated element by element from a template array came from (element spans
 * are derived on request), kept on the array under a symbol. Not in a WeakMap: nearly every
 * evaluated array has one, and WeakMap entries made evaluating every quickstart expression ~5%
 * slower (the garbage collector treats each as an ephemeron). Not defined as non-enumerable
 * either (defineProperty cost as much): JSON, Object.keys, for-in and array spread do not see a
 * symbol, but a deep-equality assertion does, so tests compare such arrays element by element.
 */
const ORIGIN: unique symbol = Symbol('vtaplint.origin');

export function setElementSpans(arr: Value[], spans: (Span | undefined)[]): void {
  arraySpans.set(arr, spans);
}

/** `arr[i]` was evaluated from `container[i]` of a template array at `span`. */
export function setElementOrigin(arr: Value[], container: unknown[], span: Span): void {
  (arr as { [ORIGIN]?: ValueOrigin })[ORIGIN] = { container, span };
}

/**
 * Where the arguments of the call that built an array are (createArray(a, b), a Bicep `[a, b]`):
 * the argument nodes (offsets relative to `base`) and that base. Element spans are derived from
 * it on request, as from a template array's origin.
 */
export interface ArgsOrigin {
  readonly args: readonly { readonly start: number; readonly end: number }[];
  readonly base: Span;
}

const ARGS: unique symbol = Symbol('vtaplint.args');

/**
 * The pieces of split() of a partially known string, made on the guess that its unknown parts
 * hold no delimiter (see splitPartial): kept under a symbol with the unknown that made the guess.
 * How many pieces there are is not known, so an index past them or their count is unknown, not
 * an error ARM may never report. When the guess is not trusted for the elements (see splitPartial),
 * the array holds unknowns from the first unknown part on, and `suffix` keeps the pieces after the
 * last unknown part, which are known counted from the end (last(), indexFromEnd()) whatever the
 * unknown parts hold.
 */
const GUESSED: unique symbol = Symbol('vtaplint.guessedPieces');

interface GuessedPieces {
  readonly why: Unknown;
  /** The pieces after the last unknown part, in order, when the elements are not the guess. */
  readonly suffix?: readonly Value[];
}

export function setGuessedPieces(arr: Value[], why: Unknown, suffix?: readonly Value[]): void {
  (arr as { [GUESSED]?: GuessedPieces })[GUESSED] = { why, suffix };
}

/**
 * For guessed pieces (setGuessedPieces), what a count of them or an element past them is: unknown,
 * for the reason of the value that decides how many there are. Undefined for any other array.
 */
export function pastGuessedPieces(arr: Value[], type?: Exclude<ValueType, 'unknown'>): Unknown | undefined {
  const g = (arr as { [GUESSED]?: GuessedPieces })[GUESSED];
  return g === undefined ? undefined : new Unknown(g.why.reason, type);
}

/**
 * For guessed pieces whose elements are not the guess, element `i` counted from the end (1 is the
 * last): the piece when it comes after the last unknown part, else unknown. Undefined for any
 * other array (its elements are what they are from either end).
 */
export function guessedPieceFromEnd(arr: Value[], i: number): Value | undefined {
  const g = (arr as { [GUESSED]?: GuessedPieces })[GUESSED];
  if (g?.suffix === undefined) return undefined;
  return i >= 1 && i <= g.suffix.length ? (g.suffix[g.suffix.length - i] as Value) : new Unknown(g.why.reason);
}

/** `arr[i]` is argument i of a call written at `origin` (see ArgsOrigin). */
export function setElementArgs(arr: Value[], origin: ArgsOrigin): void {
  (arr as { [ARGS]?: ArgsOrigin })[ARGS] = origin;
}

export function elementSpan(arr: Value[], index: number): Span | undefined {
  const explicit = arraySpans.get(arr)?.[index];
  if (explicit) return explicit;
  const origin = (arr as { [ORIGIN]?: ValueOrigin })[ORIGIN];
  if (origin) return index < (origin.container as unknown[]).length ? origin.span.child(origin.container, index) : undefined;
  const args = (arr as { [ARGS]?: ArgsOrigin })[ARGS];
  const node = args?.args[index];
  return args && node ? args.base.sub(node.start, node.end) : undefined;
}

/** Counts above this are remembered per container (see valueNodes); smaller ones are recounted. */
const NODES_MEMO_FROM = 64;
const nodesMemo = new WeakMap<object, number>();

/**
 * The elements and properties of a value through all its levels, a part that appears twice
 * counted twice: what serializing, comparing or walking it costs. Values share parts (a variable
 * used twice), so this can be exponential in the size of the template that built it (a variable
 * [v, v] of a variable [w, w] of ...: 2^60 after sixty lines): see the limit maxValueNodes.
 * Large containers remember their count, so counting a value built from counted parts is
 * proportional to its own elements.
 */
export function valueNodes(v: Value): number {
  if (Array.isArray(v)) {
    const hit = nodesMemo.get(v);
    if (hit !== undefined) return hit;
    let n = 1;
    for (let i = 0; i < v.length; i++) n += valueNodes(v[i] as Value);
    if (n > NODES_MEMO_FROM) nodesMemo.set(v, n);
    return n;
  }
  if (v instanceof ObjectValue) {
    const hit = nodesMemo.get(v);
    if (hit !== undefined) return hit;
    let n = 1;
    // By position: values() would allocate an array per object counted.
    for (let i = 0, size = v.size; i < size; i++) n += valueNodes(v.valueAt(i));
    if (n > NODES_MEMO_FROM) nodesMemo.set(v, n);
    return n;
  }
  return 1;
}

/**
 * An integer beyond 2^53 as vtaplint holds it: a JS number there is not exact (9007199254740993
 * reads as 9007199254740992; 9223372036854775807, ARM's largest, as 9223372036854775808), while
 * ARM's integers are exact 64-bit values. Such a number is never used as if it were the value
 * written or computed: it is an InexactInteger, an unknown (code 'unsupported') that carries the
 * exact digits when they are known (the literal as written, a result computed with BigInt). The
 * numeric functions, string(), the minValue/maxValue checks and `vtaplint eval` use those digits;
 * everything else treats it as unknown, so no check is decided by a value ARM does not have.
 */
export function isInexactInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v);
}

/**
 * The unknown that stands for an integer beyond 2^53 (see isInexactInteger). `exact`, when the
 * digits are known (an expression's literal, a result computed with BigInt), lets the numeric
 * functions go on computing exactly (an overflow is still ARM's error) and string() print them.
 */
export class InexactInteger extends Unknown {
  constructor(
    reason: UnknownReason,
    readonly exact: bigint | undefined,
  ) {
    super(reason, 'int');
  }
}

/**
 * An array vtaplint did not build because it would pass maxArrayLength (range(0, 1000000)), whose
 * length is all the same known: length() of it is that number, so a Bicep loop over it (a copy
 * count of length(range(0, 1000000))) is a count ARM rejects, as a copy count of 1000000 is.
 */
export class UnbuiltArray extends Unknown {
  constructor(
    reason: UnknownReason,
    readonly length: number,
  ) {
    super(reason, 'array', undefined, undefined, undefined, undefined, length);
  }
}

/** The integer literal written at `span`, exactly, when that text is one that reads as `n`. */
export function writtenInteger(span: Span, n: number): bigint | undefined {
  const text = span.text(40).trim();
  if (!/^-?\d{1,20}$/.test(text)) return undefined;
  const big = BigInt(text);
  return Number(big) === n ? big : undefined;
}

export function inexactInteger(approx: number | bigint, span?: Span, exact?: bigint): InexactInteger {
  const what = exact !== undefined ? exact.toString() : `about ${Number(approx).toPrecision(6)}`;
  return new InexactInteger(
    { code: 'unsupported', message: `the integer ${what} is beyond 2^53, where vtaplint's numbers are not exact (ARM's integers are 64-bit): its exact value is not known here`, span },
    exact,
  );
}
