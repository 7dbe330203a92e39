// The deployed resource graph as plain JSON (the `graph` command, and the Bicep/JSON parity
// check). Everything about source files and positions sits under `source` keys, so two graphs
// of one deployment (from Bicep and from the compiled JSON) compare equal once those are dropped.
import { ObjectValue, Unknown, type Value } from '../expr/value.js';
import { UNKNOWN_PROPERTIES } from '../expr/ops.js';
import type { Span } from '../model/span.js';
import type { DeployedResource } from '../deploy/model.js';
import { cmp } from '../model/order.js';
import type { Edge, ResourceGraph } from './graph.js';
import { formatId } from '../deploy/resource-id.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys of a resource body that are not what the resource is (shown elsewhere or not at all). */
const OMITTED = new Set(['name', 'type', 'apiversion', 'location', 'dependson', 'copy', 'condition', 'comments', 'existing', 'scope']);

export interface ExportOptions {
  /** Paths in `source` are shown relative to this folder. */
  relativeTo: (file: string) => string;
}

/** Template data may use any key, "__proto__" included: define, never assign. */
function setKey(o: { [k: string]: Json }, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function where(span: Span, opts: ExportOptions): Json {
  const p = span.region().start;
  return { file: opts.relativeTo(span.file.path), line: p.line, column: p.column };
}

/** A value as JSON; unknowns become {"$unknown": code, ...} with their reason under `source`. */
/** Deepest nesting printed (JSON.stringify and this conversion recurse; a value can be built deeper than the stack holds). */
const MAX_PRINT_DEPTH = 2048;

export function valueToJson(v: Value | undefined, opts: ExportOptions | undefined, depth = 0): Json {
  if (v === undefined) return null;
  if (depth >= MAX_PRINT_DEPTH && (v instanceof ObjectValue || Array.isArray(v))) {
    const reason = `the value is nested more than ${MAX_PRINT_DEPTH} levels deep, too deep to print`;
    return { $unknown: 'limit', ...(opts ? { source: { reason } } : {}) };
  }
  if (v instanceof Unknown) {
    const out: { [k: string]: Json } = { $unknown: v.reason.code };
    if (v.symbol) out.symbol = v.symbol;
    if (v.parts) out.parts = v.parts.map((p) => (typeof p === 'string' ? p : valueToJson(p, opts)));
    if (opts) out.source = { reason: v.reason.message, ...(v.reason.span ? { at: where(v.reason.span, opts) } : {}) };
    return out;
  }
  if (v instanceof ObjectValue) {
    const o: { [k: string]: Json } = {};
    for (const [k, x] of v.entries()) setKey(o, k, valueToJson(x, opts, depth + 1));
    if (v.partial?.open) o[UNKNOWN_PROPERTIES] = v.partial.reason.code;
    return o;
  }
  if (Array.isArray(v)) {
    // A loop, not map(): one stack frame a level.
    const out: Json[] = new Array<Json>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = valueToJson(v[i], opts, depth + 1);
    return out;
  }
  return v;
}

function edgeToJson(e: Edge, opts: ExportOptions): { [k: string]: Json } {
  return {
    kind: e.kind,
    to: formatId(e.to.id),
    ...(e.sub ? { sub: e.sub.join('/') } : {}),
    ...(e.kind === 'reference' ? { path: e.path } : {}),
    source: where(e.span, opts),
  };
}

const edgeOrder = (e: { [k: string]: Json }): string => `${e.kind as string} ${e.to as string} ${(e.sub as string | undefined) ?? ''} ${(e.path as string | undefined) ?? ''}`;

function resourceToJson(r: DeployedResource, edgesOf: () => Json[], opts: ExportOptions): Json {
  const body: { [k: string]: Json } = {};
  for (const [k, v] of r.body.entries()) if (!OMITTED.has(k.toLowerCase())) setKey(body, k, valueToJson(v, opts));
  const edges = edgesOf();
  return {
    id: formatId(r.id),
    type: r.type,
    apiVersion: r.apiVersion ?? null,
    name: valueToJson(r.name, opts),
    location: valueToJson(r.body.get('location'), opts),
    state: r.existing ? 'existing' : r.state,
    ...(r.condition ? { condition: valueToJson(r.condition, opts) } : {}),
    scope: r.unit.scope.kind,
    properties: body,
    edges,
    source: {
      ...(where(r.span, opts) as { [k: string]: Json }),
      ...(r.symbolicName ? { symbolicName: r.symbolicName } : {}),
      displayName: r.displayName,
      ...(r.copy ? { copy: { name: r.copy.name, index: r.copy.index ?? null } } : {}),
    },
  };
}

/** The graph's edges stopped at a budget (maxGraphEdges): where, and how many it allowed. */
export interface EdgeLimitHit {
  max: number;
  /** Where the first edge left out comes from (its dependsOn entry, its property, its name). */
  span: Span;
}

/**
 * The graph document in parts: `head` is the document with `resources` empty (unresolved
 * dependsOn resolved and filled in), and `resources` makes each resource's JSON only when it is
 * read, in id order, with its edges made then and dropped after (loops that depend on loops make
 * count x count edges: they are never held all at once). At most `maxEdges` edges are given in
 * all; `limit()` says, once the resources are read, whether that cut any.
 */
export function graphParts(graph: ResourceGraph, opts: ExportOptions, maxEdges = Infinity): { head: { [k: string]: Json }; resources: Iterable<Json>; limit: () => EdgeLimitHit | undefined } {
  const sorted = graph.resources
    .map((r, i) => ({ key: formatId(r.id).toLowerCase(), r, i }))
    .sort((a, b) => cmp(a.key, b.key) || a.r.index - b.r.index);
  let left = maxEdges;
  let hit: EdgeLimitHit | undefined;
  const edgesOf = (i: number): Json[] => {
    if (left <= 0) {
      if (!hit) {
        // The budget ran out exactly at the resource before: the first edge of this one is cut.
        const first = graph.edgesAt(i)[0];
        if (first) hit = { max: maxEdges, span: first.span };
      }
      return [];
    }
    const pairs = graph.edgesAt(i).map((e) => ({ e, j: edgeToJson(e, opts) }));
    pairs.sort((a, b) => cmp(edgeOrder(a.j), edgeOrder(b.j)));
    if (pairs.length > left) {
      hit ??= { max: maxEdges, span: (pairs[left] as { e: Edge }).e.span };
      pairs.length = left;
    }
    left -= pairs.length;
    return pairs.map((p) => p.j);
  };
  // Bodies are evaluated on first use, and an unknown keeps the place of the evaluation that made
  // it first: the first resource is made before every dependsOn entry is resolved (which
  // evaluates the others), in the order the graph has always been printed in.
  const first = sorted.length ? resourceToJson(sorted[0]!.r, () => edgesOf(sorted[0]!.i), opts) : undefined;
  // Resolving every dependsOn entry fills unresolvedDependsOn (and reports what ARM rejects).
  graph.resolveDependsOn();
  const head: { [k: string]: Json } = {
    resources: [],
    unresolvedDependsOn: graph.unresolvedDependsOn.map((u) => ({
      from: formatId(u.from.id),
      value: valueToJson(u.value, opts),
      source: where(u.span, opts),
    })),
  };
  function* resources(): Iterable<Json> {
    if (first === undefined) return;
    yield first;
    for (const { r, i } of sorted.slice(1)) yield resourceToJson(r, () => edgesOf(i), opts);
  }
  return { head, resources: resources(), limit: () => hit };
}

export function graphToJson(graph: ResourceGraph, opts: ExportOptions): Json {
  const { head, resources } = graphParts(graph, opts);
  return { ...head, resources: [...resources] };
}

/** Drops every `source` key (recursively): what the parity check compares. */
export function withoutSource(j: Json): Json {
  if (Array.isArray(j)) return j.map(withoutSource);
  if (j && typeof j === 'object') {
    const o: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(j)) if (k !== 'source') setKey(o, k, withoutSource(v));
    return o;
  }
  return j;
}
