// Source spans. Every value the pipeline carries from a file to a finding keeps one.
//
// Two kinds exist because ARM JSON is parsed with JSON.parse for speed (positions are not known
// then): a JSON value's span is its path from the document root and is resolved to offsets only
// when a finding needs it. Bicep (and JSON parsed by the tolerant fallback) know offsets up front.
import type { Position, SourceText } from './source.js';

export interface Range {
  start: number;
  end: number;
}

export interface Region {
  start: Position;
  end: Position;
}

export type PathKey = string | number;

/** Resolves a JSON path to offsets; implemented by the ARM JSON loader (jsonc-parser tree, built lazily). */
export interface PathResolver {
  /** Offsets of the value at `path` (or of its property name when `key` is true); undefined when absent. */
  resolve(path: readonly PathKey[], key: boolean): Range | undefined;
  /** Offsets inside the file of character `index` of the decoded JSON string at `path`. */
  stringOffset(path: readonly PathKey[], key: boolean, index: number): number | undefined;
}

export abstract class Span {
  abstract readonly file: SourceText;
  /** Offsets in `file.text`. */
  abstract range(): Range;
  /** Span of `container[key]`, where `container` is the template node this span belongs to. */
  abstract child(container: object, key: PathKey): Span;
  /** Span of the property name `key` of `container`. */
  abstract keySpan(container: object, key: string): Span;
  /** Span of characters [start, end) of the string value this span covers (for expression parts). */
  abstract sub(start: number, end: number): Span;

  /** Identity for de-duplication, without resolving positions (which may need a parse). */
  abstract identity(): string;

  /** For a part of a JSON string value (sub()), the span of the whole string. */
  get whole(): Span | undefined {
    return undefined;
  }

  /**
   * The same span, as one whose child() and keySpan() give one span object per key, and so do
   * the spans they give: for template parts evaluated again and again (copy loops), whose
   * instances would otherwise each hold a copy of every span. Spans with recorded children
   * share them already (this span itself).
   */
  shared(): Span {
    return this;
  }

  /**
   * Whether this span stands for one template node only, and is the same object each time that
   * node is evaluated: a shared JSON path span (see shared()). A Bicep span may stand in for
   * a child node that has none of its own, so it is not.
   */
  get stable(): boolean {
    return false;
  }

  region(): Region {
    const r = this.range();
    return { start: this.file.position(r.start), end: this.file.position(r.end) };
  }

  /** The source text the span covers (at most `max` characters). */
  text(max = 400): string {
    const r = this.range();
    return this.file.text.slice(r.start, Math.min(r.end, r.start + max));
  }

  /** Whether this span lies inside `outer` (or is the same place): same file, offsets within. */
  within(outer: Span): boolean {
    if (this.file.path !== outer.file.path) return false;
    const a = this.range();
    const b = outer.range();
    return a.start >= b.start && a.end <= b.end;
  }

  /** "file:line:col", for messages. */
  toString(): string {
    const p = this.file.position(this.range().start);
    return `${this.file.path}:${p.line}:${p.column}`;
  }
}

/** Spans recorded for containers built by a front end that knows offsets (Bicep lowering). */
interface ContainerSpans {
  /** The container these spans are of (a guard: spans are never taken for another object's). */
  owner: object;
  /** By key; for an array by index, in an array (no Map per array: lowering records one for nearly every node). */
  values: Map<PathKey, Span> | (Span | undefined)[];
  keys?: Map<string, Span>;
}

function valueSpan(entry: ContainerSpans, key: PathKey): Span | undefined {
  const v = entry.values;
  if (Array.isArray(v)) return typeof key === 'number' ? v[key] : undefined;
  return v.get(key);
}

/**
 * Kept on the container itself under a symbol, not in a WeakMap: a lowered Bicep file records a
 * span for nearly every node, and WeakMap entries are several times dearer to add and to
 * garbage-collect. A non-enumerable symbol is invisible to Object.keys, for-in, spread and JSON.
 */
const SPANS: unique symbol = Symbol('vtaplint.spans');

function spansOf(container: object): ContainerSpans | undefined {
  const entry = (container as { [SPANS]?: ContainerSpans })[SPANS];
  return entry && entry.owner === container ? entry : undefined;
}

/** Records where `container[key]` (and optionally its property name) came from. */
export function recordSpan(container: object, key: PathKey, value: Span, keySpan?: Span): void {
  let entry = spansOf(container);
  if (!entry) {
    entry = { owner: container, values: Array.isArray(container) ? [] : new Map() };
    // Not enumerable: deep equality and Object.assign see the container's data only.
    Object.defineProperty(container, SPANS, { value: entry, enumerable: false, writable: true, configurable: true });
  }
  const values = entry.values;
  if (!Array.isArray(values)) values.set(key, value);
  else if (typeof key === 'number' && Number.isInteger(key) && key >= 0) values[key] = value;
  if (keySpan && typeof key === 'string') {
    entry.keys ??= new Map();
    entry.keys.set(key, keySpan);
  }
}

/** A span with known offsets. Children come from recordSpan(); unknown children fall back to this span. */
export class TextSpan extends Span {
  constructor(
    readonly file: SourceText,
    readonly start: number,
    readonly end: number,
  ) {
    super();
  }

  range(): Range {
    return { start: this.start, end: this.end };
  }

  identity(): string {
    return `${this.file.path}@${this.start}-${this.end}`;
  }

  child(container: object, key: PathKey): Span {
    const entry = spansOf(container);
    return (entry && valueSpan(entry, key)) ?? this;
  }

  keySpan(container: object, key: string): Span {
    return spansOf(container)?.keys?.get(key) ?? this.child(container, key);
  }

  sub(start: number, end: number): Span {
    return new TextSpan(this.file, Math.min(this.start + start, this.end), Math.min(this.start + end, this.end));
  }
}

/** What all path spans of one parsed JSON file share (one object per file, not two fields per span). */
interface JsonDocument {
  readonly file: SourceText;
  readonly resolver: PathResolver;
}

/**
 * Offsets of path spans, once resolved: only spans a finding points at are resolved, so a side
 * table costs less than a field on every span.
 */
const resolvedRanges = new WeakMap<JsonPathSpan, Range>();

/** The span of a JSON value given by its path; offsets are resolved on demand. */
export class JsonPathSpan extends Span {
  // Large templates keep hundreds of thousands of these (values' and keys' spans of evaluated
  // objects): two fields. The file and the resolver are the root's (JsonRootSpan), resolved
  // offsets are in a side table, a key's span and a shared span are subclasses.
  readonly parent: JsonPathSpan | undefined;
  readonly key: PathKey | undefined;

  protected constructor(parent: JsonPathSpan | undefined, key: PathKey | undefined) {
    super();
    this.parent = parent;
    this.key = key;
  }

  /** The span of the whole document. */
  static root(file: SourceText, resolver: PathResolver): JsonPathSpan {
    return new JsonRootSpan({ file, resolver });
  }

  /** The file and resolver, kept by the root span only (JsonRootSpan overrides this). */
  protected get doc(): JsonDocument {
    // Only the root has no parent.
    let s = this.parent as JsonPathSpan;
    while (s.parent !== undefined) s = s.parent;
    return s.doc;
  }

  get file(): SourceText {
    return this.doc.file;
  }

  /** Whether the span is of a property name (JsonPathKeySpan). */
  get isKey(): boolean {
    return false;
  }

  identity(): string {
    return `${this.file.path}#${this.path().join('/')}${this.isKey ? ':key' : ''}`;
  }

  path(): PathKey[] {
    const out: PathKey[] = this.key === undefined ? [] : [this.key];
    for (let s = this.parent; s && s.key !== undefined; s = s.parent) out.push(s.key);
    return out.reverse();
  }

  range(): Range {
    const known = resolvedRanges.get(this);
    if (known) return known;
    let r = this.doc.resolver.resolve(this.path(), this.isKey);
    // A path that no longer resolves (it cannot happen for paths taken from the same parse)
    // falls back to the nearest ancestor, never to a made-up position.
    for (let p = this.parent; !r && p; p = p.parent) r = p.range();
    const range = r ?? { start: 0, end: 0 };
    resolvedRanges.set(this, range);
    return range;
  }

  override shared(): Span {
    return new SharedJsonPathSpan(this.parent, this.key);
  }

  /** Between path spans, by path (nothing resolved): inside a value is below its path. */
  override within(outer: Span): boolean {
    if (!(outer instanceof JsonPathSpan)) return super.within(outer);
    if (this.file.path !== outer.file.path) return false;
    const inner = this.path();
    const at = outer.path();
    if (outer.isKey) return this.isKey && inner.length === at.length && at.every((k, i) => k === inner[i]);
    if (inner.length < at.length || (inner.length === at.length && this.isKey)) return false;
    return at.every((k, i) => k === inner[i]);
  }

  child(_container: object, key: PathKey): Span {
    return new JsonPathSpan(this, key);
  }

  keySpan(_container: object, key: string): Span {
    return new JsonPathKeySpan(this, key);
  }

  sub(start: number, end: number): Span {
    return new JsonStringPartSpan(this, start, end);
  }

  /** Offset in the file of character `index` of the decoded string this span covers. */
  stringOffset(index: number): number | undefined {
    return this.doc.resolver.stringOffset(this.path(), this.isKey, index);
  }
}

/** The root span: the only one that keeps the file and the resolver. */
class JsonRootSpan extends JsonPathSpan {
  constructor(private readonly rootDoc: JsonDocument) {
    super(undefined, undefined);
  }

  protected override get doc(): JsonDocument {
    return this.rootDoc;
  }

  override shared(): Span {
    return this;
  }
}

/**
 * A span whose children are made once per key and shared (see Span.shared): the same path under
 * the same span is the same object, however often a copy loop evaluates it.
 */
class SharedJsonPathSpan extends JsonPathSpan {
  /** Children by key; index spans under the index, a value's and a name's span under the name with a prefix each. */
  private kids: Map<PathKey, JsonPathSpan> | undefined;

  constructor(parent: JsonPathSpan | undefined, key: PathKey | undefined) {
    super(parent, key);
    this.kids = undefined;
  }

  override get stable(): boolean {
    return true;
  }

  override shared(): Span {
    return this;
  }

  override child(_container: object, key: PathKey): Span {
    return this.kid(key, false);
  }

  override keySpan(_container: object, key: string): Span {
    return this.kid(key, true);
  }

  private kid(key: PathKey, isKey: boolean): JsonPathSpan {
    const k = typeof key === 'number' ? key : `${isKey ? 'k' : 'v'}${key}`;
    const map = (this.kids ??= new Map());
    let s = map.get(k);
    if (s === undefined) {
      // A name's span has no children: it need not share them.
      s = isKey ? new JsonPathKeySpan(this, key) : new SharedJsonPathSpan(this, key);
      map.set(k, s);
    }
    return s;
  }
}

/** The span of a property name given by its path. */
class JsonPathKeySpan extends JsonPathSpan {
  override get isKey(): boolean {
    return true;
  }

  override shared(): Span {
    return this;
  }
}

/** Characters [start, end) of a decoded JSON string value (an expression part). */
class JsonStringPartSpan extends Span {
  constructor(
    private readonly base: JsonPathSpan,
    readonly start: number,
    readonly end: number,
  ) {
    super();
  }

  get file(): SourceText {
    return this.base.file;
  }

  override get whole(): Span {
    return this.base;
  }

  identity(): string {
    // The base's identity already says whether it is a property name's.
    return `${this.base.identity()}[${this.start}-${this.end}]`;
  }

  override within(outer: Span): boolean {
    if (outer instanceof JsonStringPartSpan) return this.base.identity() === outer.base.identity() && this.start >= outer.start && this.end <= outer.end;
    return this.base.within(outer);
  }

  range(): Range {
    const s = this.base.stringOffset(this.start);
    const e = this.base.stringOffset(this.end);
    if (s === undefined || e === undefined) return this.base.range();
    return { start: s, end: e };
  }

  child(): Span {
    return this;
  }

  keySpan(): Span {
    return this;
  }

  sub(start: number, end: number): Span {
    return new JsonStringPartSpan(this.base, this.start + start, this.start + end);
  }
}
