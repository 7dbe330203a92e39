// The deployed resource graph as plain JSON (the `graph` command, and the Bicep/JSON parity
// check). Everything about source files and positions sits under `source` keys, so two graphs
// of one deployment (from Bicep and from the compiled JSON) compare equal once those are dropped.
import { ObjectValue, Unknown, type Value } from '../expr/value.js';
import type { Span } from '../model/span.js';
import type { DeployedResource } from '../deploy/model.js';
import { cmp } from '../engine/finding.js';
import type { ResourceGraph } from './graph.js';
import { formatId } from './resource-id.js';

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
export function valueToJson(v: Value | undefined, opts: ExportOptions | undefined): Json {
  if (v === undefined) return null;
  if (v instanceof Unknown) {
    const out: { [k: string]: Json } = { $unknown: v.reason.code };
    if (v.symbol) out.symbol = v.symbol;
    if (v.parts) out.parts = v.parts.map((p) => (typeof p === 'string' ? p : valueToJson(p, opts)));
    if (opts) out.source = { reason: v.reason.message, ...(v.reason.span ? { at: where(v.reason.span, opts) } : {}) };
    return out;
  }
  if (v instanceof ObjectValue) {
    const o: { [k: string]: Json } = {};
    for (const [k, x] of v.entries()) setKey(o, k, valueToJson(x, opts));
    return o;
  }
  if (Array.isArray(v)) return v.map((x) => valueToJson(x, opts));
  return v;
}

function resourceToJson(r: DeployedResource, graph: ResourceGraph, opts: ExportOptions): Json {
  const body: { [k: string]: Json } = {};
  for (const [k, v] of r.body.entries()) if (!OMITTED.has(k.toLowerCase())) setKey(body, k, valueToJson(v, opts));
  const edges = graph
    .edges()
    .filter((e) => e.from === r)
    .map((e) => ({
      kind: e.kind,
      to: formatId(e.to.id),
      ...(e.sub ? { sub: e.sub.join('/') } : {}),
      ...(e.kind === 'reference' ? { path: e.path } : {}),
      source: where(e.span, opts),
    }))
    .sort((a, b) => cmp(`${a.kind} ${a.to} ${a.sub ?? ''} ${a.path ?? ''}`, `${b.kind} ${b.to} ${b.sub ?? ''} ${b.path ?? ''}`));
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

export function graphToJson(graph: ResourceGraph, opts: ExportOptions): Json {
  const resources = graph.resources
    .map((r) => ({ key: formatId(r.id).toLowerCase(), r }))
    .sort((a, b) => cmp(a.key, b.key) || a.r.index - b.r.index)
    .map(({ r }) => resourceToJson(r, graph, opts));
  graph.edges();
  return {
    resources,
    unresolvedDependsOn: graph.unresolvedDependsOn.map((u) => ({
      from: formatId(u.from.id),
      value: valueToJson(u.value, opts),
      source: where(u.span, opts),
    })),
  };
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
