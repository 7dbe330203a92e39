// The resource graph: resources by id, and the edges between them that ids in their properties,
// parent/child relations and dependsOn create. Rules ask it questions; they never walk raw JSON.
import { ObjectValue, Unknown, elementSpan, type Value } from '../expr/value.js';
import type { Span } from '../model/span.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { REPRESENTATIVE_INDEX, type DeployedResource, type Dependency, type NotDeployed } from '../deploy/model.js';
import { at, elements, type LocatedValue } from '../expr/located.js';
import { cycleText, cyclesOf } from '../model/cycles.js';
import {
  formatId,
  nameValueKey,
  parseResourceId,
  relativeKey,
  resourceKey,
  sameScope,
  segmentKey,
  segmentText,
  splitSegments,
  truncateId,
  type ResourceId,
  type Segment,
} from '../deploy/resource-id.js';

/** What an id value points at. */
export type Resolution =
  /** A resource declared in the deployment. */
  | { kind: 'resource'; resource: DeployedResource; id: ResourceId }
  /** A named part of a declared resource that is not a resource of its own (an ipConfiguration, a frontend). */
  | {
      kind: 'sub';
      resource: DeployedResource;
      id: ResourceId;
      /** Type segments below the resource, e.g. ["ipConfigurations"]. */
      subTypes: string[];
      subNames: Segment[];
      /** The inline declaration of the part in the resource's properties, when it is there. */
      entry: LocatedValue | undefined;
    }
  /** A well-formed id of something the template does not declare. */
  | { kind: 'external'; id: ResourceId }
  /** Not a resource id, or one that cannot be decided. */
  | { kind: 'none'; value: Value };

export interface Edge {
  from: DeployedResource;
  to: DeployedResource;
  /** Present when the id points at a part of `to` (["ipConfigurations", "ipconfig1"]). */
  sub: string[] | undefined;
  /** Property path in `from`, e.g. "properties.ipConfigurations[0].properties.subnet.id". */
  path: string;
  span: Span;
  kind: 'reference' | 'dependsOn' | 'parent';
}

export class ResourceGraph {
  readonly resources: readonly DeployedResource[];
  private readonly byKey = new Map<string, DeployedResource[]>();
  private readonly byRelative = new Map<string, DeployedResource[]>();
  private edgeCache: Edge[] | undefined;
  readonly unresolvedDependsOn: { from: DeployedResource; value: Value; span: Span }[] = [];

  constructor(
    resources: readonly DeployedResource[],
    /** Declarations whose condition is false (dependsOn entries may name them). */
    private readonly notDeployed: readonly NotDeployed[] = [],
    /** Where what the graph finds wrong in the deployment goes (a dependsOn ARM cannot resolve). */
    private readonly diagnostics?: { add(d: Diagnostic): void },
    /**
     * Most order edges kept (limit maxGraphEdges): a dependsOn on a copy loop is an edge to each
     * of its instances, so loops depending on loops multiply (ten loops of 800, each depending on
     * all earlier ones, make 28.8 million). The rest are not followed (see orderIncomplete).
     */
    private readonly maxOrderEdges = Number.POSITIVE_INFINITY,
    /**
     * A limit of vtaplint's cut the deployment short (maxCopyCount, maxResources): resources it
     * did not expand exist all the same, so that an entry names nothing is never certain.
     */
    private readonly expansionCut = false,
  ) {
    this.resources = resources;
    for (const r of resources) {
      push(this.byKey, r.key, r);
      push(this.byRelative, relativeKey(r.id), r);
    }
    this.linkParents();
  }

  /** Top-level child declarations ("nic1/cfg" of type ".../tapConfigurations") get their parent by id. */
  private linkParents(): void {
    for (const r of this.resources) {
      if (r.parent || r.id.types.length < 2) continue;
      const p = this.find(truncateId(r.id, r.id.types.length - 1));
      if (p && p !== r) {
        r.parent = p;
        p.children.push(r);
      }
    }
    // Exact-size copies of the lists grown by push() (kept for the whole run).
    for (const r of this.resources) if (r.children.length > 0) r.children = r.children.slice();
  }

  private typeIndex: Map<string, DeployedResource[]> | undefined;
  private readonly resolvedStrings = new Map<string, Resolution>();
  private readonly resolvedUnknowns = new WeakMap<Unknown, Resolution>();
  private readonly resolvedPartials = new Map<string, Resolution>();
  private reachCache: Map<DeployedResource, Map<DeployedResource, Edge>> | undefined;

  /** Resources of a type (case-insensitive); indexed once, so rules can ask per resource. */
  ofType(type: string): DeployedResource[] {
    if (!this.typeIndex) {
      this.typeIndex = new Map();
      for (const r of this.resources) push(this.typeIndex, r.type.toLowerCase(), r);
    }
    return this.typeIndex.get(type.toLowerCase()) ?? [];
  }

  /** The declared resource with this key (DeployedResource.key), e.g. the one an unknown value's runtime state comes from. */
  byResourceKey(key: string): DeployedResource | undefined {
    const found = this.byKey.get(key);
    return found && preferDeployed(found, undefined);
  }

  /**
   * Every declaration of the resource with this key (DeployedResource.key), `existing` ones
   * included, in declaration order: one resource may be declared in several deployments.
   */
  declarationsOf(key: string): readonly DeployedResource[] {
    return this.byKey.get(key) ?? [];
  }

  /** The declared resource with this id (scope compared when both sides know it). */
  find(id: ResourceId): DeployedResource | undefined {
    // A resource both deployed (in a module, say) and declared `existing` elsewhere is the
    // deployed one: an `existing` declaration only refers to it.
    const exact = this.byKey.get(resourceKey(id));
    if (exact) return preferDeployed(exact, undefined);
    const candidates = this.byRelative.get(relativeKey(id));
    return candidates && preferDeployed(candidates, id.scope);
  }

  /** What an id value (string or partially known string) points at. Answers are remembered. */
  resolve(v: Value | undefined): Resolution {
    return this.asPart(this.resolveRemembered(v));
  }

  private readonly parts = new WeakMap<ResourceResolution, Resolution>();

  /**
   * An `existing` declaration of a part of a resource this deployment deploys (Bicep's
   * `resource collectorSubnet 'subnets' existing` nested in the virtual network it declares, or
   * `'ipConfigurations' existing` in a NIC, used as `vnet::collectorSubnet.id`) only names that
   * part: what the part is comes from the deployed resource's declaration (its inline subnets,
   * IP configurations, frontends), as for the same id written as a string. Such an id resolves
   * to that part. An `existing` child of an `existing` resource stays what it is. (dependsOn
   * entries are resolved without this: they name declarations.)
   */
  private asPart(r: Resolution): Resolution {
    if (!(r instanceof ResourceResolution) || !r.resource.existing) return r;
    const known = this.parts.get(r);
    if (known) return known;
    let out: Resolution = r;
    const id = r.id;
    for (let depth = id.types.length - 1; depth >= 1; depth--) {
      const owner = this.find(truncateId(id, depth));
      if (!owner) continue;
      if (!owner.existing) {
        const subTypes = id.types.slice(depth);
        const subNames = id.names.slice(depth);
        out = { kind: 'sub', resource: owner, id, subTypes, subNames, entry: findInline(owner, subTypes, subNames) };
      }
      break;
    }
    this.parts.set(r, out);
    return out;
  }

  private resolveRemembered(v: Value | undefined): Resolution {
    if (v === undefined) return { kind: 'none', value: null };
    if (typeof v === 'string') {
      let r = this.resolvedStrings.get(v);
      if (!r) {
        r = this.resolveUncached(v);
        this.resolvedStrings.set(v, r);
      }
      return r;
    }
    if (v instanceof Unknown) {
      let r = this.resolvedUnknowns.get(v);
      if (!r) {
        r = this.resolvePartial(v);
        this.resolvedUnknowns.set(v, r);
      }
      return r;
    }
    return this.resolveUncached(v);
  }

  /**
   * Equal partially known ids are separate values (one per resourceId() call: each keeps the
   * reason at its own call), so their answer is also remembered by their text and symbols.
   */
  private resolvePartial(v: Unknown): Resolution {
    const key = partialKey(v);
    let r = key === undefined ? undefined : this.resolvedPartials.get(key);
    if (!r) {
      r = this.resolveUncached(v);
      if (key !== undefined && r.kind !== 'none') this.resolvedPartials.set(key, r);
    }
    return r;
  }

  /**
   * resolve() without remembering the value itself: a dependsOn entry is resolved once, when the
   * edges are built, and is a value no rule reads, so remembering it (an entry per value in the
   * identity cache) would only keep memory; an answer is remembered by key only (see partialKey),
   * once for all equal ids. Resolution is deterministic, so an answer given here is the one
   * resolve() would give.
   */
  private resolveUnremembered(v: Value): Resolution {
    if (typeof v === 'string') return this.resolvedStrings.get(v) ?? this.resolveUncached(v);
    if (!(v instanceof Unknown)) return this.resolveUncached(v);
    // By key it is remembered: one answer for every equal id (a deployment's VMs all depend on
    // the same few resources), not one per entry.
    return this.resolvedUnknowns.get(v) ?? this.resolvePartial(v);
  }

  private resolveUncached(v: Value): Resolution {
    const id = parseResourceId(v);
    if (!id) return { kind: 'none', value: v };
    for (let depth = id.types.length; depth >= 1; depth--) {
      const r = this.find(truncateId(id, depth));
      if (!r) continue;
      if (depth === id.types.length) return new ResourceResolution(r, v);
      const subTypes = id.types.slice(depth);
      const subNames = id.names.slice(depth);
      return { kind: 'sub', resource: r, id, subTypes, subNames, entry: findInline(r, subTypes, subNames) };
    }
    return { kind: 'external', id };
  }

  /**
   * A dependsOn entry that names a resource of another template: ARM rejects the deployment
   * ("The resource '...' is not defined in the template"). Said with the deployment to depend on
   * when the resource is deployed by a nested deployment of this template.
   */
  private reportCrossTemplate(from: DeployedResource, target: DeployedResource, span: Span): void {
    if (!this.diagnostics) return;
    let deployer: DeployedResource | undefined;
    for (let u = target.unit; u.parent; u = u.parent.unit) {
      if (u.parent.unit === from.unit) {
        deployer = u.parent;
        break;
      }
    }
    const what = `${target.type}/${typeof target.name === 'string' ? target.name : target.displayName}`;
    const fix = deployer ? `it is deployed by the nested deployment '${deployer.displayName}': depend on that deployment instead` : 'it is deployed by another template';
    this.diagnostics.add({
      code: 'invalid-template',
      message: `dependsOn names '${what}', which is not a resource of this template; ARM resolves dependsOn only among the template's own resources and rejects the deployment ("The resource '${what}' is not defined in the template"): ${fix}.`,
      span,
    });
  }

  /** All reference edges (ids in properties), parent/child and dependsOn edges. Computed once. */
  edges(): Edge[] {
    if (this.edgeCache) return this.edgeCache;
    const order = this.ordering();
    const out: Edge[] = [];
    const walk = new ReferenceWalk();
    this.resources.forEach((r, i) => {
      // Per resource as before: its parent edge, its references, its dependsOn edges.
      let k = order.start[i] as number;
      const end = order.start[i + 1] as number;
      if (r.parent) out.push(parentEdge(r, r.parent));
      this.collectReferences(r, r.body, walk, out);
      for (; k < end; k++) out.push(orderEdge(r, order, k));
    });
    this.edgeCache = out;
    return out;
  }

  /**
   * The edges from resources[i], in the order edges() gives them, made now and not kept: what
   * prints a graph takes them one resource at a time, so a deployment whose loops depend on
   * loops (count x count edges) is never held as edge objects all at once.
   */
  edgesAt(i: number): Edge[] {
    const r = this.resources[i] as DeployedResource;
    const order = this.ordering();
    const out: Edge[] = [];
    let k = order.start[i] as number;
    const end = order.start[i + 1] as number;
    if (r.parent) out.push(parentEdge(r, r.parent));
    this.collectReferences(r, r.body, new ReferenceWalk(), out);
    for (; k < end; k++) out.push(orderEdge(r, order, k));
    return out;
  }

  /** Resolves every dependsOn entry (filling unresolvedDependsOn and reporting what ARM rejects). */
  resolveDependsOn(): void {
    this.ordering();
  }

  /**
   * dependsOn edges, written or implicit (reference() / list*() by name): what orders a deployment.
   * Neither an id in a property nor the parent/child relation orders anything (see ordering()). Computed once, without walking every resource's values for ids as edges() does.
   */
  orderEdges(): Edge[] {
    const order = this.ordering();
    const out: Edge[] = [];
    this.resources.forEach((r, i) => {
      for (let k = order.start[i] as number; k < (order.start[i + 1] as number); k++) out.push(orderEdge(r, order, k));
    });
    return out;
  }

  /** Calls `f(from, to)` for every order edge (see orderEdges), without making edge objects. */
  forEachOrderEdge(f: (from: DeployedResource, to: DeployedResource) => void): void {
    const order = this.ordering();
    this.resources.forEach((r, i) => {
      for (let k = order.start[i] as number; k < (order.start[i + 1] as number); k++) f(r, order.targets[k] as DeployedResource);
    });
  }

  private orderCache: Ordering | undefined;
  /** Spans of dependsOn entries already reported as naming their own resource (once per entry, not per loop instance). */
  private readonly selfReported = new Set<string>();
  /**
   * Set when the order edges were cut at maxOrderEdges (what was reported then): a resource may
   * then depend on another with no path found between them, so "does not depend on" cannot be
   * said for certain.
   */
  get orderCut(): Diagnostic | undefined {
    return this.cut;
  }

  get orderIncomplete(): boolean {
    return this.cut !== undefined;
  }

  private cut: Diagnostic | undefined;

  /** Stops keeping order edges, saying so once, at the dependsOn entry where the limit was reached. */
  private cutOrder(span: Span): void {
    if (this.cut) return;
    this.cut = {
      code: 'limit-exceeded',
      message: `More than ${this.maxOrderEdges} dependency edges (a dependsOn on a copy loop is an edge to each of its instances); the rest are not followed, so what depends on what is not known for certain (limit maxGraphEdges).`,
      span,
    };
    this.diagnostics?.add(this.cut);
  }

  /**
   * The order edges as targets, kept compactly (a large deployment has tens of thousands): those
   * of resource i are at [start[i], start[i + 1]), each with the dependsOn entry that made it.
   *
   * A child is not ordered after its parent by being one: "An implicit deployment dependency isn't
   * automatically created between a child resource and the parent resource. If you need to deploy
   * the child resource after the parent resource, set the dependsOn property" (ARM docs, "Define
   * the order for deploying resources", Child resources), for a child nested in its parent's
   * `resources` array as for one declared at top level ("nic/cfg"). The Bicep compiler writes that
   * dependsOn itself for `parent:` and for a nested resource, and the lowering does the same, so a
   * Bicep file's child is ordered by its dependsOn entry; one named "nic/cfg" without `parent:`
   * gets none, as from the compiler.
   */
  private ordering(): Ordering {
    if (this.orderCache) return this.orderCache;
    const targets: DeployedResource[] = [];
    const entries: Dependency[] = [];
    const start = new Int32Array(this.resources.length + 1);
    this.resources.forEach((r, i) => {
      start[i] = targets.length;
      for (const d of r.dependsOn) {
        if (targets.length >= this.maxOrderEdges) {
          this.cutOrder(d.span);
          break;
        }
        this.crossTemplate = undefined;
        let found = this.resolveDependencies(r, d.value);
        // An entry that names the resource itself (its own id or name, or its own copy loop):
        // ARM rejects it; it orders nothing (and is no cycle through other resources).
        if (found.includes(r)) {
          this.reportSelfReference(r, d);
          found = found.filter((x) => x !== r);
          if (found.length === 0) continue;
        }
        d.target = found[0];
        for (const target of found) {
          targets.push(target);
          entries.push(d);
        }
        if (found.length === 0) {
          if (this.namesNotDeployed(r, d.value)) d.notDeployed = true;
          else {
            this.unresolvedDependsOn.push({ from: r, value: d.value, span: d.span });
            if (this.crossTemplate) this.reportCrossTemplate(r, this.crossTemplate, d.span);
            else if (this.namesNothing(r, d.value)) this.reportNotDefined(d.value, d.span);
          }
        }
      }
      for (const d of r.implicitDependencies) {
        if (d.target === r) this.reportSelfReference(r, d);
        // Only what dependsOn does not already order.
        if (!d.target || d.target === r || targets.lastIndexOf(d.target) >= (start[i] as number)) continue;
        targets.push(d.target);
        entries.push(d);
      }
    });
    start[this.resources.length] = targets.length;
    this.orderCache = { targets, entries, start };
    this.reportCycles(this.orderCache);
    return this.orderCache;
  }

  /**
   * Ids in a resource's values become reference edges. The way down is kept on stacks (property
   * name or index, the object or array holding it, the property's position): most values are not
   * ids, so the path text and the span are made only for a value that makes an edge. The span is
   * the one its ObjectValue entry derives and remembers; deriving spans for every property of every
   * resource would keep them all alive, and a closure per property visited cost tens of MB of
   * garbage on a large repository.
   */
  private collectReferences(from: DeployedResource, v: Value | undefined, walk: ReferenceWalk, out: Edge[]): void {
    if (typeof v === 'string' || (v instanceof Unknown && v.parts)) {
      if (typeof v === 'string' && !v.startsWith('/')) return;
      const res = this.resolve(v);
      if (res.kind === 'resource' || res.kind === 'sub') {
        if (res.resource === from && res.kind === 'resource') return;
        const sub = res.kind === 'sub' ? res.subTypes.flatMap((t, i) => [t, segmentText(res.subNames[i] as Segment) ?? '?']) : undefined;
        out.push({ from, to: res.resource, sub, path: pathText(walk.path), span: walk.span(from), kind: 'reference' });
      }
      return;
    }
    // A value can be built deeper than the stack holds (reduce() wrapping an array in an array
    // 20,000 times): no id is looked for below the depth a template file may have (maxJsonDepth's
    // most, 2048), where `vtaplint graph` overflowed the stack.
    if (walk.path.length >= MAX_REFERENCE_DEPTH) return;
    if (v instanceof ObjectValue) {
      for (let i = 0; i < v.size; i++) {
        walk.push(v.keyAt(i), v, i);
        this.collectReferences(from, v.valueAt(i), walk, out);
        walk.pop();
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        walk.push(i, v, i);
        this.collectReferences(from, v[i], walk, out);
        walk.pop();
      }
    }
  }

  /** dependsOn entries: a resource id, "type/name", a plain name, a copy loop name, or a symbolic name. */
  resolveDependencies(from: DeployedResource, v: Value): DeployedResource[] {
    // A loop's symbolic name (languageVersion 2.0, lowered Bicep) names every instance of the loop.
    if (typeof v === 'string') {
      const idx = this.symbolIndex(from);
      const bySymbol = idx.bySymbol.get(v) ?? [];
      if (bySymbol.length > 1) return bySymbol;
      // One instance of a loop, "coll[2]" (what the compiler emits for `coll[i]`, languageVersion 2.0).
      const m = /^(.+)\[(\d+)\]$/.exec(v);
      if (m && bySymbol.length === 0) {
        const at = Number(m[2]);
        const exact = (idx.bySymbol.get(m[1] as string) ?? []).filter((r) => r.copy?.name === m[1] && r.copy?.index === at);
        if (exact.length) return exact;
      }
    } else if (v instanceof Unknown && typeof v.parts?.[0] === 'string' && v.parts[0].endsWith('[')) {
      const symbol = v.parts[0].slice(0, -1);
      const instances = this.symbolIndex(from).bySymbol.get(symbol);
      if (instances) {
        // "coll[<index known only at deployment>]". A loop whose count is known only at deployment
        // has one representative instance, whose copyIndex() stands for "some index": the same
        // index expression names it ("coll[copyIndex()]" from `coll[i]` in a loop as long), as
        // the same dependency written as a resourceId() with that index names it by its id.
        // Any other index names no instance that can be told; the name heuristics below must not
        // pick one either.
        const index = v.parts.length === 3 && v.parts[2] === ']' ? v.parts[1] : undefined;
        if (!(index instanceof Unknown)) return [];
        return index.symbol === REPRESENTATIVE_INDEX ? instances.filter((r) => r.copy?.name === symbol && r.copy.index === undefined) : [];
      }
    }
    // The index of names is built only when an entry is not an id of a declared resource (most are).
    const one = this.resolveDependency(from, v);
    if (one) return [one];
    if (typeof v !== 'string') return [];
    // A name several resources of the template have (ARM allows one name for different types):
    // the entry waits for each of them.
    const named = this.nameIndex(from).byName.get(v.toLowerCase());
    if (named && named.length > 1) return named;
    // A copy loop's name: the resource depends on every instance of the loop.
    return this.symbolIndex(from).byCopy.get(v.toLowerCase()) ?? [];
  }

  resolveDependency(from: DeployedResource, v: Value): DeployedResource | undefined {
    const res = this.resolveUnremembered(v);
    if (res.kind === 'resource') return this.inTemplateOf(from, res.resource);
    if (typeof v !== 'string') {
      // A partially known id, or "type/name" with a partially known name: compare segment by segment.
      if (v instanceof Unknown && (v.parts || v.symbol !== undefined)) {
        const id = v.parts ? parseResourceId(v) : undefined;
        if (id) {
          const found = this.find(id);
          return found && this.inTemplateOf(from, found);
        }
        // A deployment-wide name ("[guid(resourceGroup().id, 'x')]"), whole or in part.
        const key = v.parts ? typedNameKey(v) : segmentKey([v]);
        if (!key) return undefined;
        const idx = this.nameIndex(from);
        const byName = idx.byNameKey.get(key) ?? [];
        return idx.byTypedKey.get(key) ?? (byName.length === 1 ? byName[0] : undefined);
      }
      return undefined;
    }
    const bySymbol = this.symbolIndex(from).bySymbol.get(v)?.[0];
    if (bySymbol) return bySymbol;
    const idx = this.nameIndex(from);
    const lower = v.toLowerCase();
    // "Microsoft.Network/networkInterfaces/nic1" (type and name without scope), or the same
    // interleaved for a child ("Microsoft.Compute/virtualMachines/vm1/extensions/ext1").
    const key = typedNameKey(v);
    const typed = key === undefined ? undefined : idx.byTypedKey.get(key);
    if (typed) return typed;
    const named = idx.byName.get(lower) ?? [];
    if (named.length === 1) return named[0];
    // A name two resources have (a plan and a SQL server both 'contoso'): not a child's own
    // segment ('contoso' of 'contoso/contoso' is the entry's own resource); see resolveDependencies.
    if (named.length > 1) return undefined;
    // A nested child resource is named by its own segment ("CreateADForest" for "vm/CreateADForest").
    const short = idx.byShortName.get(lower) ?? [];
    return short.length === 1 ? short[0] : undefined;
  }

  /**
   * The resource an id names among those of `from`'s own template. ARM resolves dependsOn only
   * there: a resource that a nested deployment (or the parent template) deploys is "not defined
   * in the template"; the deployment that deploys it is what a dependsOn can name. Such an entry
   * is remembered (crossTemplateDependsOn) and orders nothing.
   */
  private inTemplateOf(from: DeployedResource, r: DeployedResource): DeployedResource | undefined {
    if (r.unit === from.unit) return r;
    const same = this.byKey.get(r.key)?.find((x) => x.unit === from.unit);
    if (same) return same;
    this.crossTemplate = r;
    return undefined;
  }

  /** Set by inTemplateOf: the resource of another template the last dependsOn entry named. */
  private crossTemplate: DeployedResource | undefined;

  private readonly symbolIndexes = new Map<DeployedResource['unit'], SymbolIndex>();
  private readonly nameIndexes = new Map<DeployedResource['unit'], NameIndex>();

  /** The resources of one template (deployment unit) by symbolic name and copy loop name; built once. */
  private symbolIndex(from: DeployedResource): SymbolIndex {
    let idx = this.symbolIndexes.get(from.unit);
    if (idx) return idx;
    idx = { bySymbol: new Map(), byCopy: new Map() };
    for (const r of this.resources) {
      if (r.unit !== from.unit) continue;
      if (r.symbolicName !== undefined) push(idx.bySymbol, r.symbolicName, r);
      if (r.copy) push(idx.byCopy, r.copy.name.toLowerCase(), r);
    }
    this.symbolIndexes.set(from.unit, idx);
    return idx;
  }

  /**
   * The resources of one template by the other names dependsOn may use ("type/name", a name, a
   * child's own name). Built once, and only when an entry is neither a declared resource's id nor
   * a symbolic name: it makes several keys per resource.
   */
  private nameIndex(from: DeployedResource): NameIndex {
    let idx = this.nameIndexes.get(from.unit);
    if (idx) return idx;
    idx = { allNamesKnown: true, byTypedKey: new Map(), byNameKey: new Map(), byName: new Map(), byShortName: new Map() };
    for (const r of this.resources) {
      if (r.unit !== from.unit) continue;
      if (typeof r.name !== 'string') idx.allNamesKnown = false;
      // First declaration wins, as a search in declaration order would find it.
      for (const k of [typedNameKeyOf(r), relativeKey(r.id)]) if (!idx.byTypedKey.has(k)) idx.byTypedKey.set(k, r);
      push(idx.byNameKey, nameKeyOf(r), r);
      const text = nameText(r.name)?.toLowerCase();
      if (text !== undefined) push(idx.byName, text, r);
      // A child ("acct/AzureRm.Profile") may be named by its own segment, even when its parent is
      // not declared in the template or its name is only partly known.
      const own = r.id.types.length > 1 ? segmentText(r.id.names[r.id.names.length - 1] as Segment) : undefined;
      if (own !== undefined) push(idx.byShortName, own.toLowerCase(), r);
    }
    this.nameIndexes.set(from.unit, idx);
    return idx;
  }

  /**
   * Whether a dependsOn entry that resolved to nothing certainly names nothing ARM could find in
   * `from`'s template: a known text that is no resource's name, own (child) name, "type/name" or
   * id without its scope. Not for a text with an empty segment, nor when a resource of the template has a name known only at
   * deployment (the entry may be that name), nor for a name two resources share, nor for an id
   * of a declared type and name in a scope written differently (the deployment's own scope may
   * be the one written): those are not certain.
   */
  private namesNothing(from: DeployedResource, v: Value): boolean {
    if (this.expansionCut) return false;
    // A resourceId() in a subscription or resource group known only at deployment: judged by its
    // type and names when they are all known (the scope is not what dependsOn resolves by).
    if (v instanceof Unknown) {
      const id = v.parts ? parseResourceId(v) : undefined;
      if (!id || !id.names.every((n) => segmentText(n) !== undefined && segmentText(n) !== '')) return false;
      const idx = this.nameIndex(from);
      return idx.allNamesKnown && !idx.byTypedKey.has(relativeKey(id));
    }
    // An empty segment ("vm1/extensions//OMS", a quickstart's typo; a name parameter left empty):
    // how ARM reads it is not known here.
    if (typeof v !== 'string' || v === '' || v.indexOf('//', 1) >= 0) return false;
    const idx = this.nameIndex(from);
    if (!idx.allNamesKnown) return false;
    const lower = v.toLowerCase();
    if (idx.byName.has(lower) || idx.byShortName.has(lower)) return false;
    const id = parseResourceId(v);
    if (id) return !idx.byTypedKey.has(relativeKey(id));
    const key = typedNameKey(v);
    return key === undefined || !idx.byTypedKey.has(key);
  }

  /**
   * Resources that depend on each other in a cycle (dependsOn entries, reference() / list*() by
   * name): ARM rejects the template. Reported once per cycle, at the entry that closes it. Only
   * what is certain counts: a resource deployed whatever the parameters (not one whose condition
   * is known only at deployment, not `existing`, not the one instance standing for a loop whose
   * count is unknown), and an edge ARM itself makes (not the parent edge: ARM does not order a
   * child after its parent unless dependsOn says so). A Bicep file's cycles are the compiler's
   * (BCP080, reported where it is lowered), so its resources are left out here.
   */
  private reportCycles(order: Ordering): void {
    if (!this.diagnostics) return;
    const counts = (r: DeployedResource): boolean => r.state === 'deployed' && !r.existing && !(r.copy && r.copy.index === undefined) && r.unit.file.kind !== 'bicep';
    const position = new Map<DeployedResource, number>();
    this.resources.forEach((r, i) => {
      if (counts(r)) position.set(r, i);
    });
    const edgesOf = (i: number): [number, Dependency][] => {
      const out: [number, Dependency][] = [];
      if (!position.has(this.resources[i] as DeployedResource)) return out;
      for (let k = order.start[i] as number; k < (order.start[i + 1] as number); k++) {
        const j = position.get(order.targets[k] as DeployedResource);
        if (j !== undefined) out.push([j, order.entries[k] as Dependency]);
      }
      return out;
    };
    if (acyclic(this.resources, order, position)) return;
    for (const c of cyclesOf(this.resources.length, edgesOf)) {
      const cycle = c.nodes.map((i) => this.resources[i] as DeployedResource);
      const names = cycleText(cycle.map((r) => `'${r.displayName}'`));
      const last = cycle[cycle.length - 1] as DeployedResource;
      const what = `${last.type}/${typeof last.name === 'string' ? last.name : last.displayName}`;
      this.diagnostics.add({
        code: 'invalid-template',
        message: `The resources depend on each other in a cycle: ${names} (each depends on the next through dependsOn, or a reference() or list*() call by name); ARM rejects the deployment ("Circular dependency detected on resource: '${what}'"): remove one of these dependencies.`,
        span: c.closing.span,
      });
    }
  }

  /**
   * A dependsOn entry, or a reference()/list*() call by name, that names the resource it is in
   * (its own name or id, or its own copy loop, which holds it): ARM rejects the template ("The
   * template resource '...' cannot reference itself"), the shortest circular dependency there is.
   * As for cycles, only a resource certainly deployed counts, and not a Bicep file's (the
   * compiler's BCP079). Once per entry, not once per instance of a loop.
   */
  private reportSelfReference(r: DeployedResource, d: Dependency): void {
    if (!this.diagnostics || r.state !== 'deployed' || r.existing || r.unit.file.kind === 'bicep') return;
    const at = d.span.identity();
    if (this.selfReported.has(at)) return;
    this.selfReported.add(at);
    const ownLoop = r.copy !== undefined && typeof d.value === 'string' && d.value.toLowerCase() === r.copy.name.toLowerCase();
    const what = ownLoop ? `Each instance of the copy loop '${r.copy?.name ?? ''}'` : `The resource '${r.displayName}'`;
    const how = d.implicit ? 'reads itself by name' : ownLoop ? 'depends on its own loop, so on itself' : 'depends on itself';
    this.diagnostics.add({
      code: 'invalid-template',
      message: `${what} ${how}; ARM rejects the template ("The template resource '${r.type}/${typeof r.name === 'string' ? r.name : '...'}' cannot reference itself"): remove this ${d.implicit ? 'call, or name another resource' : 'dependsOn entry'}.`,
      span: d.span,
    });
  }

  /** A dependsOn entry that names no resource of its template: ARM rejects the deployment. */
  private reportNotDefined(value: Value, span: Span): void {
    // A resourceId() as ARM's message names it: type and names, interleaved, without the scope.
    const id = typeof value === 'string' ? undefined : parseResourceId(value);
    const v = typeof value === 'string' ? value : id ? [id.namespace, ...id.types.flatMap((t, i) => [t, segmentText(id.names[i] as Segment) ?? '?'])].join('/') : '?';
    this.diagnostics?.add({
      code: 'invalid-template',
      message: `dependsOn names '${v}', which is not a resource of this template; ARM rejects the deployment ("The resource '${v}' is not defined in the template"): name a resource the template declares (by its name, symbolic name, copy loop name or resourceId()), or remove the entry.`,
      span,
    });
  }

  /** The declaration whose condition is false that an id names (the same scope, type and names), if any. */
  notDeployedAt(id: ResourceId): NotDeployed | undefined {
    const key = resourceKey(id);
    return this.notDeployed.find((n) => n.id !== undefined && resourceKey(n.id) === key);
  }

  /** Does a dependsOn entry name a declaration whose condition is false? */
  private namesNotDeployed(from: DeployedResource, v: Value): boolean {
    const id = parseResourceId(v);
    const key = typedNameKey(v);
    return this.notDeployed.some((n) => {
      if (n.unit !== from.unit) return false;
      if (n.symbolicName !== undefined && typeof v === 'string' && (v === n.symbolicName || v.startsWith(`${n.symbolicName}[`))) return true;
      // A copy loop named by its loop name (ARM matches names without regard to case).
      if (n.loopName !== undefined && typeof v === 'string' && v.toLowerCase() === n.loopName.toLowerCase()) return true;
      if (n.id === undefined) return false;
      if (id) return relativeKey(n.id) === relativeKey(id);
      const names = n.id.names.map(segmentKey).join('/');
      return key === names || key === `${n.type.toLowerCase()}/${names}` || key === relativeKey(n.id);
    });
  }

  /**
   * The path of edges (dependsOn, references, parent) from `from` to `to`, if any. For each target
   * the resources that reach it are found once (a breadth-first search backwards from it), so a
   * rule may ask for every VM of a large deployment.
   */
  dependsOnTransitively(from: DeployedResource, to: DeployedResource): Edge[] | undefined {
    this.reachCache ??= new Map();
    let next = this.reachCache.get(to);
    if (!next) {
      next = this.reaching(to);
      this.reachCache.set(to, next);
    }
    if (from === to) return [];
    if (!next.has(from)) return undefined;
    const path: Edge[] = [];
    for (let c = from; c !== to; ) {
      const e = next.get(c) as Edge;
      path.push(e);
      c = e.to;
    }
    return path;
  }

  /** Every resource that reaches `to`, with the first edge of a shortest path towards it. */
  private reaching(to: DeployedResource): Map<DeployedResource, Edge> {
    const incoming = new Map<DeployedResource, Edge[]>();
    for (const e of this.edges()) push(incoming, e.to, e);
    const next = new Map<DeployedResource, Edge>();
    const queue = [to];
    const seen = new Set([to]);
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i] as DeployedResource;
      for (const e of incoming.get(cur) ?? []) {
        if (seen.has(e.from)) continue;
        seen.add(e.from);
        next.set(e.from, e);
        queue.push(e.from);
      }
    }
    return next;
  }

  describe(id: ResourceId): string {
    return formatId(id);
  }
}

/**
 * An id value that names a declared resource. Every id value in a deployment is resolved and its
 * answer remembered (edges, dependsOn), and the parsed id (a dozen small arrays) is seldom read
 * after that, so it is dropped and parsed again from the value on first request. Parsing is
 * deterministic and the segments keep the value's own pieces, so the id read is the same.
 */
/**
 * A key for a partially known string whose unknown pieces are all deployment-wide (symbols):
 * equal keys, equal values. Every piece is written with its length, so no text can pose as a
 * symbol. Undefined when a piece stands for one value only (it equals nothing else).
 */
function partialKey(v: Unknown): string | undefined {
  const parts = v.parts;
  if (!parts) return undefined;
  let key = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string | Unknown;
    if (typeof p === 'string') key += `t${p.length}:${p}`;
    else if (p.symbol !== undefined && !p.parts) key += `s${p.symbol.length}:${p.symbol}`;
    else return undefined;
  }
  return key;
}

interface Ordering {
  targets: DeployedResource[];
  entries: Dependency[];
  start: Int32Array;
}

/**
 * Whether the order edges between the resources in `position` (those that count) form no cycle:
 * Kahn's algorithm on typed arrays, nothing allocated per edge. Nearly every template is acyclic,
 * and a large one (10,000 VMs: tens of thousands of edges) should not pay for the edge lists the
 * search for cycles (cyclesOf) builds.
 */
function acyclic(resources: readonly DeployedResource[], order: Ordering, position: ReadonlyMap<DeployedResource, number>): boolean {
  const n = resources.length;
  const indegree = new Int32Array(n);
  const target = (k: number): number => position.get(order.targets[k] as DeployedResource) ?? -1;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    if (!position.has(resources[i] as DeployedResource)) continue;
    counted++;
    for (let k = order.start[i] as number; k < (order.start[i + 1] as number); k++) {
      const j = target(k);
      if (j >= 0 && j !== i) indegree[j] = (indegree[j] as number) + 1;
    }
  }
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0 && position.has(resources[i] as DeployedResource)) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = queue[head] as number;
    for (let k = order.start[i] as number; k < (order.start[i + 1] as number); k++) {
      const j = target(k);
      if (j >= 0 && j !== i && (indegree[j] = (indegree[j] as number) - 1) === 0) queue[tail++] = j;
    }
  }
  return tail === counted;
}

/** The parent/child relation of `from` as an edge object: a relation shown, not an order (see ResourceGraph.ordering). */
function parentEdge(from: DeployedResource, to: DeployedResource): Edge {
  return { from, to, sub: undefined, path: '(parent)', span: from.nameSpan, kind: 'parent' };
}

/** Order edge k of `from` (see ResourceGraph.ordering) as an edge object. */
function orderEdge(from: DeployedResource, order: Ordering, k: number): Edge {
  const to = order.targets[k] as DeployedResource;
  const d = order.entries[k] as Dependency;
  return { from, to, sub: undefined, path: d.implicit ? '(reference)' : 'dependsOn', span: d.span, kind: 'dependsOn' };
}

class ResourceResolution {
  readonly kind = 'resource';
  private parsed: ResourceId | undefined;

  constructor(
    readonly resource: DeployedResource,
    /** The id value resolved (parseResourceId gives an id for it: it was parsed to find the resource). */
    private readonly value: Value,
  ) {}

  get id(): ResourceId {
    this.parsed ??= parseResourceId(this.value) as ResourceId;
    return this.parsed;
  }
}

interface SymbolIndex {
  bySymbol: Map<string, DeployedResource[]>;
  byCopy: Map<string, DeployedResource[]>;
}

interface NameIndex {
  /** Whether every resource of the template has a known name (a name known only at deployment may be any entry's). */
  allNamesKnown: boolean;
  byTypedKey: Map<string, DeployedResource>;
  byNameKey: Map<string, DeployedResource[]>;
  byName: Map<string, DeployedResource[]>;
  byShortName: Map<string, DeployedResource[]>;
}

/** Where collectReferences is in a resource's values: three parallel stacks, reused for every resource. */
/** Deepest level of a resource's values searched for ids (see collectReferences). */
const MAX_REFERENCE_DEPTH = 2048;

class ReferenceWalk {
  /** Property names and array indexes from the body down. */
  readonly path: (string | number)[] = [];
  private readonly holders: (ObjectValue | Value[])[] = [];
  private readonly positions: number[] = [];

  push(key: string | number, holder: ObjectValue | Value[], position: number): void {
    this.path.push(key);
    this.holders.push(holder);
    this.positions.push(position);
  }

  pop(): void {
    this.path.pop();
    this.holders.pop();
    this.positions.pop();
  }

  /** The span of the value reached: its own, else the nearest enclosing value's, else the resource's. */
  span(from: DeployedResource): Span {
    for (let j = this.holders.length - 1; j >= 0; j--) {
      const holder = this.holders[j] as ObjectValue | Value[];
      const at = this.positions[j] as number;
      const s = holder instanceof ObjectValue ? holder.spanAt(at) : elementSpan(holder, at);
      if (s) return s;
    }
    return from.span;
  }
}

/** "properties.ipConfigurations[0].properties.subnet.id" */
function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(value)';
  // Pieces joined once (one flat string per edge, not a chain of concatenation nodes).
  const out: string[] = [];
  let empty = true; // what is joined so far is '' (an empty first key gets no dot after it either)
  for (const p of path) {
    const piece = typeof p === 'number' ? `[${p}]` : empty ? p : `.${p}`;
    out.push(piece);
    if (piece !== '') empty = false;
  }
  return out.join('');
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** "microsoft.network/publicipaddresses/{parameters('vmname')}-devbox": the "type/name" form of dependsOn. */
function typedNameKey(v: Value): string | undefined {
  const segs = splitSegments(v);
  return segs ? segs.map(segmentKey).join('/') : undefined;
}

function nameKeyOf(r: DeployedResource): string {
  return r.id.names.map(segmentKey).join('/');
}

function typedNameKeyOf(r: DeployedResource): string {
  return `${r.type.toLowerCase()}/${nameKeyOf(r)}`;
}

function nameText(v: Value): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Two scopes may be the same when every segment pair is equal or one of them is unknown. */
/**
 * The first of `list` (whose scope may be `scope`, when given) that is deployed, else the first
 * that is `existing`. A loop, not find() with closures: resolve() comes here for every id.
 */
function preferDeployed(list: readonly DeployedResource[], scope: Segment[] | undefined): DeployedResource | undefined {
  let existing: DeployedResource | undefined;
  for (const r of list) {
    if (scope && !scopesCompatible(r.id.scope, scope)) continue;
    if (!r.existing) return r;
    existing ??= r;
  }
  return existing;
}

/** Scopes that may be the same: an id with an unknown resource group finds the declared resource. */
function scopesCompatible(a: Segment[], b: Segment[]): boolean {
  return sameScope(a, b) !== false;
}

/** Finds properties.<collection>[name == n] inside a resource's declaration, level by level. */
function findInline(r: DeployedResource, types: string[], names: Segment[]): LocatedValue | undefined {
  let cur: LocatedValue = { value: r.body, span: r.span };
  for (let i = 0; i < types.length; i++) {
    const want = segmentKey(names[i] as Segment);
    const list = at(cur, 'properties', types[i] as string);
    // A name known in part ('${prefix}lbfe') matches an id built the same way (nameValueKey).
    const match = elements(list).find((el) => {
      const n = at(el, 'name').value;
      return typeof n === 'string' ? n.toLowerCase() === want : nameValueKey(n) === want;
    });
    if (!match) return undefined;
    cur = match;
  }
  return cur;
}
