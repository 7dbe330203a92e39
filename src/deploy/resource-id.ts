// Resource ids as values: parsed from strings or partially known strings (an Unknown with
// parts), compared case-insensitively as ARM does. A segment built from a deployment-wide
// unknown (the current subscription id, the resource group name) keeps its symbol, so two ids
// built the same way still compare equal; any other unknown segment never matches anything.
import { pushAll } from '../model/push-all.js';
import { Unknown, type Value } from '../expr/value.js';
import { readableSymbol } from '../expr/symbol-text.js';

/** One path segment: known text, or pieces of text and unknowns ("nic-" + uniqueString(...)). */
export type Segment = readonly (string | Unknown)[];

export interface ResourceId {
  /** Segments before the last "/providers/": ["subscriptions", s, "resourceGroups", g] (may be empty). */
  scope: Segment[];
  /** Resource provider namespace, e.g. "Microsoft.Network". */
  namespace: string;
  /** Type segments after the namespace: ["networkInterfaces", "ipConfigurations"]. */
  types: string[];
  /** Names, one per type segment. */
  names: Segment[];
}

/**
 * One-piece segments, shared: the same segment text ("subscriptions", "Microsoft.Network", a
 * resource's name) or the same deployment-wide unknown piece is one array in every id made of it.
 * Ids are kept (one per resource, one per reference resolved), and a 10,000-VM deployment made
 * several hundred thousand one-element arrays. Segments are never changed (Segment is readonly).
 * Bounded: emptied when full, so it stays small however many distinct names a run sees.
 */
const oneKnown = new Map<string, Segment>();
const oneUnknown = new Map<Unknown, Segment>();
const MAX_SHARED_SEGMENTS = 4096;
const EMPTY_SEGMENT: Segment = [];

function oneSegment(p: string | Unknown): Segment {
  if (typeof p === 'string') {
    let s = oneKnown.get(p);
    if (s === undefined) {
      if (oneKnown.size >= MAX_SHARED_SEGMENTS) oneKnown.clear();
      oneKnown.set(p, (s = [p]));
    }
    return s;
  }
  // Only deployment-wide unknowns (with a symbol) recur; any other unknown is in one id.
  if (p.symbol === undefined) return [p];
  let s = oneUnknown.get(p);
  if (s === undefined) {
    if (oneUnknown.size >= MAX_SHARED_SEGMENTS) oneUnknown.clear();
    oneUnknown.set(p, (s = [p]));
  }
  return s;
}

/** Splits a string or partially known string into '/'-separated segments; undefined for other values. */
export function splitSegments(v: Value): Segment[] | undefined {
  const pieces: (string | Unknown)[] = typeof v === 'string' ? [v] : v instanceof Unknown && v.parts ? flattenParts(v.parts) : [];
  if (pieces.length === 0) return undefined;
  // Segments live as long as the ids made of them (one per resource, and per id value resolved),
  // so each is an exact-size array: an array grown by push() from [] reserves 17 slots (152
  // bytes), which for a 10,000-VM deployment came to over 100 MB of empty slots.
  const out: Segment[] = [];
  // The segment being collected; a segment is nearly always one piece, kept without an array.
  let cur: (string | Unknown)[] | undefined;
  let one: string | Unknown | undefined;
  let n = 0;
  for (const p of pieces) {
    if (typeof p !== 'string') {
      if (n === 0) one = p;
      else (cur ??= [one as string | Unknown]).push(p);
      n++;
      continue;
    }
    let from = 0;
    for (;;) {
      const slash = p.indexOf('/', from);
      const b = slash < 0 ? p.slice(from) : p.slice(from, slash);
      if (b !== '') {
        if (n === 0) one = b;
        else (cur ??= [one as string | Unknown]).push(b);
        n++;
      }
      if (slash < 0) break;
      out.push(n === 0 ? EMPTY_SEGMENT : n === 1 ? oneSegment(one as string | Unknown) : (cur as (string | Unknown)[]).slice());
      cur = undefined;
      one = undefined;
      n = 0;
      from = slash + 1;
    }
  }
  out.push(n === 0 ? EMPTY_SEGMENT : n === 1 ? oneSegment(one as string | Unknown) : (cur as (string | Unknown)[]).slice());
  return out.slice();
}

function flattenParts(parts: readonly (string | Unknown)[]): (string | Unknown)[] {
  const out: (string | Unknown)[] = [];
  for (const p of parts) {
    if (p instanceof Unknown && p.parts) pushAll(out, flattenParts(p.parts));
    else out.push(p);
  }
  return out;
}

export function segmentText(s: Segment): string | undefined {
  return s.every((p) => typeof p === 'string') ? (s as string[]).join('') : undefined;
}

/**
 * Comparison key of a name written as a value (an inline entry's `name`): a string lower-cased, a
 * name known in part as its one segment compares (segmentKey), undefined for anything else. So
 * `concat(parameters('prefix'), 'lbfe')` written in a load balancer's frontends and in an id
 * that names that frontend compare equal, whatever the prefix is.
 */
export function nameValueKey(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v.toLowerCase();
  if (!(v instanceof Unknown) || !v.parts) return undefined;
  const segs = splitSegments(v);
  return segs?.length === 1 ? segmentKey(segs[0] as Segment) : undefined;
}

let opaqueCounter = 0;
const opaqueKeys = new WeakMap<Unknown, string>();

/** Comparison key of a segment: lower-cased text, `{symbol}` for deployment-wide unknowns, unique otherwise. */
export function segmentKey(s: Segment): string {
  // A one-piece segment (the common case) needs no joining; longer ones are joined once (see relativeKey).
  if (s.length === 1) return pieceKey(s[0] as string | Unknown);
  return s.map(pieceKey).join('');
}

function pieceKey(p: string | Unknown): string {
  if (typeof p === 'string') return p.toLowerCase();
  if (p.symbol) return `{${p.symbol.toLowerCase()}}`;
  let k = opaqueKeys.get(p);
  if (!k) {
    k = `{?${++opaqueCounter}}`;
    opaqueKeys.set(p, k);
  }
  return k;
}

/** Parses an absolute resource id ("/subscriptions/.../providers/NS/type/name[/type/name...]"). */
export function parseResourceId(v: Value): ResourceId | undefined {
  const segs = splitSegments(v);
  if (!segs || segs.length < 3) return undefined;
  // A resource id starts with "/": the first segment of the split is then empty.
  if (typeof v === 'string' && !v.startsWith('/')) return undefined;
  if (v instanceof Unknown) {
    const first = flattenParts(v.parts ?? [])[0];
    if (typeof first !== 'string' || !first.startsWith('/')) return undefined;
  }
  // ARM tolerates doubled slashes ("Microsoft.Network/publicIPAddresses/" + "/name"): empty segments
  // are dropped. An id whose name is empty (a name from an empty parameter default) keeps its empty
  // name segment, so it still matches the resource declared with that name.
  return idFromBody(segs.slice(1).filter((seg) => seg.length > 0)) ?? idFromBody(segs.slice(1));
}

function idFromBody(body: Segment[]): ResourceId | undefined {
  let p = -1;
  for (let i = body.length - 2; i >= 0; i--) {
    if (segmentText(body[i] as Segment)?.toLowerCase() === 'providers') {
      p = i;
      break;
    }
  }
  if (p < 0) return undefined;
  const namespace = segmentText(body[p + 1] as Segment);
  if (!namespace) return undefined;
  const rest = body.slice(p + 2);
  if (rest.length < 2 || rest.length % 2 !== 0) return undefined;
  const types: string[] = [];
  const names: Segment[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const t = segmentText(rest[i] as Segment);
    if (!t) return undefined;
    types.push(t);
    names.push(rest[i + 1] as Segment);
  }
  // slice(): exact-size copies of the push-grown arrays (ids are kept, see splitSegments).
  return { scope: body.slice(0, p), namespace, types: types.slice(), names: names.slice() };
}

export function fullType(id: ResourceId, depth = id.types.length): string {
  return [id.namespace, ...id.types.slice(0, depth)].join('/');
}

/** Key of the resource path below the scope: "microsoft.network/networkinterfaces/nic1/...". */
export function relativeKey(id: ResourceId, depth = id.types.length): string {
  // Joined once: keys are kept (resources, resolution caches), a chain of `+=` nodes is several times larger.
  const k = [id.namespace.toLowerCase()];
  for (let i = 0; i < depth; i++) k.push('/', (id.types[i] as string).toLowerCase(), '/', segmentKey(id.names[i] as Segment));
  return k.join('');
}

/**
 * Whether two scopes are the same: true when every segment is (the same text, or the same
 * deployment-wide unknown such as resourceGroup().name), false when a known segment differs,
 * undefined when an unknown one may or may not be the other's text.
 */
export function sameScope(a: readonly Segment[], b: readonly Segment[]): boolean | undefined {
  if (a.length !== b.length) return false;
  let undecided = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Segment;
    const y = b[i] as Segment;
    // Known texts (the common case) compare without building keys; resolve() asks this for
    // every candidate of every id.
    const tx = x.length === 1 && typeof x[0] === 'string' ? x[0] : undefined;
    const ty = y.length === 1 && typeof y[0] === 'string' ? y[0] : undefined;
    if (tx !== undefined && ty !== undefined) {
      if (tx !== ty && tx.toLowerCase() !== ty.toLowerCase()) return false;
      continue;
    }
    if (segmentKey(x) === segmentKey(y)) continue;
    if (segmentText(x) !== undefined && segmentText(y) !== undefined) return false;
    undecided = true;
  }
  return undecided ? undefined : true;
}

export function scopeKey(id: ResourceId): string {
  return id.scope.map(segmentKey).join('/');
}

/**
 * The comparison key of a resource: its scope and its path below it. Deployed resources keep it
 * (DeployedResource.key) and the graph indexes them by it; one flat string (a template literal
 * of the parts would be kept as a rope of them).
 */
export function resourceKey(id: ResourceId): string {
  return [scopeKey(id), '|', relativeKey(id)].join('');
}

/** A resource id with fewer type levels (the parent of a sub-resource id). */
export function truncateId(id: ResourceId, depth: number): ResourceId {
  return { scope: id.scope, namespace: id.namespace, types: id.types.slice(0, depth), names: id.names.slice(0, depth) };
}

/** Readable rendering, unknown pieces shown as {symbol} or {?}. */
export function formatId(id: ResourceId): string {
  const parts = id.scope.map(segmentDisplay);
  parts.push('providers', id.namespace);
  id.types.forEach((t, i) => parts.push(t, segmentDisplay(id.names[i] as Segment)));
  return `/${parts.join('/')}`;
}

/**
 * An id for a message, the way a user names it: its names ('ext-nic/ipconfig1'), its type, and
 * where it is when the id says so ("in resource group 'net-rg'"); unknown pieces as {symbol}.
 * The deployment's own (unknown) subscription and resource group are not mentioned.
 */
export function describeId(id: ResourceId): string {
  const names = idNames(id);
  const where: string[] = [];
  const sub = subscriptionOf(id);
  const rg = resourceGroupOf(id);
  const own = (s: Segment | undefined, symbol: string) => s === undefined || (s.length === 1 && s[0] instanceof Unknown && s[0].symbol === symbol);
  if (!own(sub, 'subscription().subscriptionId')) where.push(`subscription '${segmentDisplay(sub as Segment)}'`);
  if (!own(rg, 'resourceGroup().name')) where.push(`resource group '${segmentDisplay(rg as Segment)}'`);
  return `'${names}' (${fullType(id)}${where.length ? ` in ${where.join(', ')}` : ''})`;
}

/** The names of an id's resource path, as a template writes them ('nic1/ipconfig1'). */
export function idNames(id: ResourceId): string {
  return id.names.map(segmentDisplay).join('/');
}

/** A segment for a message: its text, unknown pieces as {symbol} or {?}. */
export function segmentDisplay(s: Segment): string {
  return s.map((p) => (typeof p === 'string' ? p : `{${p.symbol !== undefined ? readableSymbol(p.symbol) : '?'}}`)).join('');
}

/** The subscription segment of an id's scope, when it has one. */
export function subscriptionOf(id: ResourceId): Segment | undefined {
  for (let i = 0; i + 1 < id.scope.length; i++) {
    if (segmentText(id.scope[i] as Segment)?.toLowerCase() === 'subscriptions') return id.scope[i + 1];
  }
  return undefined;
}

export function resourceGroupOf(id: ResourceId): Segment | undefined {
  for (let i = 0; i + 1 < id.scope.length; i++) {
    if (segmentText(id.scope[i] as Segment)?.toLowerCase() === 'resourcegroups') return id.scope[i + 1];
  }
  return undefined;
}

/** The id as a value: a string when every segment is known, else a partially known string. */
export function idValue(id: ResourceId): string | Unknown {
  return pathValue(id, true);
}

/**
 * The id without its scope, as the `resourceId` of a 'Full' reference() shows it
 * ("Microsoft.Storage/storageAccounts/examplestorage"; a child's names interleaved with its
 * types, as ARM's messages name resources): known when its names are.
 */
export function relativeIdValue(id: ResourceId): string | Unknown {
  return pathValue(id, false);
}

/** A segment (a subscription id, a resource group name) as a value. */
export function segmentValue(s: Segment): string | Unknown {
  if (s.length === 1 && typeof s[0] === 'string') return s[0];
  const unknown = s.find((p): p is Unknown => p instanceof Unknown);
  if (!unknown) return s.join('');
  return s.length === 1 ? unknown : new Unknown(unknown.reason, 'string', [...s], undefined, unknown.about);
}

function pathValue(id: ResourceId, withScope: boolean): string | Unknown {
  const parts: (string | Unknown)[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  const addSeg = (s: Segment) => {
    text += '/';
    for (const p of s) {
      if (typeof p === 'string') text += p;
      else {
        flush();
        parts.push(p);
      }
    }
  };
  if (withScope) {
    id.scope.forEach(addSeg);
    addSeg(['providers']);
    addSeg([id.namespace]);
  } else text = id.namespace;
  id.types.forEach((t, i) => {
    addSeg([t]);
    addSeg(id.names[i] as Segment);
  });
  flush();
  const unknown = parts.find((p): p is Unknown => p instanceof Unknown);
  if (!unknown) return parts.join('');
  return new Unknown(unknown.reason, 'string', parts, undefined, `a resource id of type ${fullType(id)}`);
}
