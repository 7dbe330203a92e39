// vTAP questions asked of the graph: which TAPs are deployed, which network interfaces they
// mirror (the three ways a template declares a source), what their destination is, and which
// virtual machine owns a network interface.
import { ObjectValue, Unknown, elementSpan, testOf, type BoolTest, type Value } from '../expr/value.js';
import { deepEquals, equalityHash } from '../expr/ops.js';
import { deploymentLabel, type DeployedResource, type DeploymentUnit } from '../deploy/model.js';
import type { Span } from '../model/span.js';
import type { ResourceGraph, Resolution } from './graph.js';
import { at, elements, type LocatedValue } from '../expr/located.js';
import { mayHoldTapEntries } from './tap-entries-written.js';
import { fullType, idNames, resourceKey, sameScope, segmentDisplay, segmentKey, segmentText, splitSegments, subscriptionOf, truncateId, type ResourceId, type Segment } from '../deploy/resource-id.js';

export const TYPES = {
  tap: 'Microsoft.Network/virtualNetworkTaps',
  tapConfig: 'Microsoft.Network/networkInterfaces/tapConfigurations',
  nic: 'Microsoft.Network/networkInterfaces',
  vm: 'Microsoft.Compute/virtualMachines',
  vmss: 'Microsoft.Compute/virtualMachineScaleSets',
  lb: 'Microsoft.Network/loadBalancers',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  publicIp: 'Microsoft.Network/publicIPAddresses',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  privateLinkService: 'Microsoft.Network/privateLinkServices',
  privateEndpoint: 'Microsoft.Network/privateEndpoints',
} as const;

/**
 * A network interface, declared in the template or only referenced by id; or the NICs a scale set
 * creates from one of its network interface configurations (no template can address those).
 */
export type NicRef =
  | { kind: 'resource'; resource: DeployedResource }
  | { kind: 'external'; id: ResourceId }
  | { kind: 'unknown'; value: Value }
  | { kind: 'scaleSet'; scaleSet: DeployedResource; configuration: string; ipConfiguration: string };

export type SourceDeclaration =
  /** A networkInterfaces/tapConfigurations resource (nested or top level). */
  | 'child'
  /** A NIC's inline properties.tapConfigurations[] (writable up to API 2019-08-01). */
  | 'inline'
  /** A NIC ipConfiguration's properties.virtualNetworkTaps[]. */
  | 'ipconfig'
  /**
   * A scale set's virtualMachineProfile.networkProfile.networkInterfaceConfigurations[]
   * .properties.ipConfigurations[].properties.virtualNetworkTaps[]: the intent to mirror a scale
   * set's NICs, which cannot be a source (the scale set IP configuration has no such property).
   * Only vtap-source-vm-nic reports it; no TAP configuration is created.
   */
  | 'scaleset';

/** One declaration that a TAP mirrors a network interface. */
export interface TapSource {
  declaration: SourceDeclaration;
  nic: NicRef;
  /** The tapConfigurations resource, for 'child' sources. */
  config: DeployedResource | undefined;
  /** The resource whose declaration holds it (the tapConfigurations resource, the NIC, or the scale set). */
  holder: DeployedResource;
  /** The TAP id value as written (virtualNetworkTap.id, or the virtualNetworkTaps[] entry's id). */
  tapId: LocatedValue;
  tap: Resolution;
  /** The whole declaration (the tap configuration object or the virtualNetworkTaps entry). */
  at: LocatedValue;
  /**
   * The value, known only at deployment, that decides whether this source exists at all: the
   * list that holds it is chosen by a condition (`enableTap ? [ { id: tap.id } ] : []`, ARM
   * `if(...)`) or its TAP id may be null (`id: enableTap ? tap.id : null`). Undefined when the
   * source exists whenever the resource that declares it is deployed. A verdict about a source
   * with one is indeterminate (src/engine/run-rules.ts).
   */
  when: Unknown | undefined;
  /**
   * Which of `when`'s options (Unknown.branches, else oneOf, by index) hold this source; two
   * sources chosen by the same value in disjoint options never exist together (mayCoexist).
   */
  options?: ReadonlySet<number>;
  /**
   * Other declarations of the entry's NIC that no dependsOn orders before or after the one holding
   * it, and that do not repeat it (an entry for the same TAP): ARM deploys resources without
   * dependencies in parallel, and the PUT that comes last replaces the NIC's whole body, so
   * whether the entry is there in the end is not known. Undefined when the NIC ends with it for
   * certain. A fail about such a source is indeterminate (src/engine/run-rules.ts).
   */
  rivals?: readonly DeployedResource[];
}

/** Resources a deployment really creates or might create (not `existing` references). */
export function deployedOfType(graph: ResourceGraph, type: string): DeployedResource[] {
  return graph.ofType(type).filter((r) => !r.existing);
}

export function taps(graph: ResourceGraph): DeployedResource[] {
  return deployedOfType(graph, TYPES.tap);
}

/**
 * Every TAP source the deployment declares (certain ones first, each group in declaration order):
 * the declarations of tapDeclarations whose TAP reference may name a virtual network TAP. One that
 * names something else (a NIC, an IP configuration), no id at all, or text that is no resource id
 * is rejected by Azure and mirrors nothing, so no rule judges its NIC as a source: only
 * vtap-config-target reports it (tapDeclarations). One whose target is known only at deployment (an
 * id from a parameter without a value) may name a TAP, and stays a source.
 */
export function tapSources(graph: ResourceGraph): readonly TapSource[] {
  return foundSources(graph).sources;
}

/**
 * Every declaration that asks for a TAP configuration, whatever its TAP reference names (tapSources
 * and those that name no virtual network TAP), in tapSources' order: for vtap-config-target,
 * which checks the reference itself.
 */
export function tapDeclarations(graph: ResourceGraph): readonly TapSource[] {
  return foundSources(graph).declarations;
}

/**
 * A TAP entry written in a NIC's body (an ipConfiguration's virtualNetworkTaps entry, or an inline
 * tapConfigurations entry where that list is writable) that does not last: the NIC is deployed
 * again after it (another module or nested deployment PUTs it), and a PUT replaces the whole body,
 * so the NIC ends with the body of `by` (finalDeclarations). Such an entry is no source.
 */
export interface ReplacedSource {
  source: TapSource;
  /** The declarations the deployed NIC ends with. */
  by: readonly DeployedResource[];
}

/** Entries a later deployment of their NIC replaces (see ReplacedSource). */
export function replacedSources(graph: ResourceGraph): readonly ReplacedSource[] {
  return foundSources(graph).replaced;
}

function foundSources(graph: ResourceGraph): Found {
  // A dozen rules ask for the sources of the same graph: found once per graph.
  let known = sourcesByGraph.get(graph);
  if (!known) sourcesByGraph.set(graph, (known = findTapSources(graph)));
  return known;
}

interface Found {
  sources: readonly TapSource[];
  declarations: readonly TapSource[];
  replaced: readonly ReplacedSource[];
}

const sourcesByGraph = new WeakMap<ResourceGraph, Found>();

/** The first API version of networkInterfaces whose properties.tapConfigurations is read-only. */
const INLINE_READ_ONLY_FROM = '2019-09-01';

/**
 * The first API version of Microsoft.Network with virtual network TAP: before it, a NIC has neither
 * properties.tapConfigurations nor ipConfigurations[].properties.virtualNetworkTaps.
 */
export const TAP_API_FROM = '2018-08-01';

function findTapSources(graph: ResourceGraph): Found {
  const out: TapSource[] = [];
  const replaced: ReplacedSource[] = [];
  for (const r of graph.resources) {
    if (r.existing) continue;
    const type = r.type.toLowerCase();
    if (type === TYPES.tapConfig.toLowerCase()) {
      const tap = optionalValue(at(r.root, 'properties', 'virtualNetworkTap'), CERTAIN);
      const tapId = optionalValue(at(tap.at, 'id'), tap);
      const parentId = truncateId(r.id, r.id.types.length - 1);
      // A NIC name made of an error (a `parent` that names nothing) is no NIC outside the template:
      // the error is reported where it is, and the rules say only that the source cannot be checked.
      const broken = r.parent ? undefined : parentId.names[parentId.names.length - 1]?.find((p): p is Unknown => p instanceof Unknown && p.reason.code === 'error');
      const nic: NicRef = broken ? { kind: 'unknown', value: broken } : createdByVm(graph, r.parent ? { kind: 'resource', resource: r.parent } : { kind: 'external', id: parentId });
      out.push({ declaration: 'child', nic, config: r, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: r.root, when: tapId.when, options: tapId.options });
    } else if (type === TYPES.nic.toLowerCase()) {
      // A NIC written with no TAP entry on the way to them: its body is not evaluated for nothing.
      if (!mayHoldTapEntries(r.decl.node)) continue;
      // From API 2019-09-01 the inline list is read-only: Azure ignores it, so it mirrors nothing
      // (vtap-inline-config-readonly says so) and is no source for the other rules.
      // A NIC of an API version before virtual network TAP existed has neither TAP property:
      // Azure ignores both lists (vtap-inline-config-readonly says so).
      const predates = predatesTap(r);
      const inlineIgnored = predates || inlineReadOnly(r);
      // The NIC deployed again after this declaration (finalDeclarations): the later PUT replaces
      // the body, and with it the ipConfigurations' virtualNetworkTaps entries, and the inline
      // tapConfigurations when the later API version can write them (from 2019-09-01 it cannot,
      // and leaves the NIC's TAP configurations as they are, as it leaves a child resource's).
      const finals = finalDeclarations(graph, r);
      const by = finals.includes(r) ? undefined : finals;
      const inlineReplaced = by !== undefined && by.every((d) => !inlineReadOnly(d));
      // Declarations of the NIC not ordered with this one: each may be PUT last (refined below).
      const rivals = by === undefined ? finals.filter((d) => d !== r) : [];
      const inlineRivals = rivals.filter((d) => !inlineReadOnly(d));
      for (const cfg of inlineIgnored ? [] : optionalElements(at(r.root, 'properties', 'tapConfigurations'), CERTAIN)) {
        const tap = optionalValue(at(cfg.at, 'properties', 'virtualNetworkTap'), cfg);
        const tapId = optionalValue(at(tap.at, 'id'), tap);
        const source: TapSource = { declaration: 'inline', nic: { kind: 'resource', resource: r }, config: undefined, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: cfg.at, when: tapId.when, options: tapId.options };
        if (inlineReplaced) replaced.push({ source, by });
        else out.push(inlineRivals.length ? { ...source, rivals: inlineRivals } : source);
      }
      for (const ipc of predates ? [] : optionalElements(at(r.root, 'properties', 'ipConfigurations'), CERTAIN)) {
        for (const entry of optionalElements(at(ipc.at, 'properties', 'virtualNetworkTaps'), ipc)) {
          const tapId = optionalValue(at(entry.at, 'id'), entry);
          const source: TapSource = { declaration: 'ipconfig', nic: { kind: 'resource', resource: r }, config: undefined, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: entry.at, when: tapId.when, options: tapId.options };
          if (by) replaced.push({ source, by });
          else out.push(rivals.length ? { ...source, rivals } : source);
        }
      }
    } else if (type === TYPES.vmss.toLowerCase()) {
      for (const nicConfig of optionalElements(at(r.root, 'properties', 'virtualMachineProfile', 'networkProfile', 'networkInterfaceConfigurations'), CERTAIN)) {
        for (const ipc of optionalElements(at(nicConfig.at, 'properties', 'ipConfigurations'), nicConfig)) {
          for (const entry of optionalElements(at(ipc.at, 'properties', 'virtualNetworkTaps'), ipc)) {
            const tapId = optionalValue(at(entry.at, 'id'), entry);
            const nic: NicRef = { kind: 'scaleSet', scaleSet: r, configuration: nameOf(nicConfig.at), ipConfiguration: nameOf(ipc.at) };
            out.push({ declaration: 'scaleset', nic, config: undefined, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: entry.at, when: tapId.when, options: tapId.options });
          }
        }
      }
    }
  }
  settleRivals(out);
  // Sources that exist for certain come first (each group in declaration order): a rule that
  // judges a NIC or VM once, through its first source, then judges it through a certain one.
  const uncertain = (s: TapSource) => s.when !== undefined || s.rivals !== undefined;
  const declarations = [...out.filter((s) => !uncertain(s)), ...out.filter(uncertain)];
  return {
    sources: declarations.filter(mayNameTap),
    declarations,
    // A replaced entry that names no TAP would have mirrored nothing even if it lasted.
    replaced: replaced.filter((r) => mayNameTap(r.source)),
  };
}

/**
 * A source NIC the template reaches only by name (an `existing` NIC, an id) that a VM of the
 * template creates (vmCreatedNic): that NIC, with the VM's NIC configuration as its properties.
 * Not when the template also deploys a NIC of that id itself.
 */
function createdByVm(graph: ResourceGraph, nic: NicRef): NicRef {
  const outside = nic.kind === 'external' ? nic.id : nic.kind === 'resource' && nic.resource.existing ? nic.resource.id : undefined;
  if (!outside) return nic;
  if (graph.declarationsOf(resourceKey(outside)).some((d) => !d.existing)) return nic;
  const created = vmCreatedNic(graph, outside, nic.kind === 'resource' ? nic.resource : undefined);
  return created ? { kind: 'resource', resource: created } : nic;
}

/**
 * An IP configuration of a NIC the template reaches only by name (`<existing NIC>.id/ipConfigurations/x`,
 * or an id) that a VM of the template creates (vmCreatedNic): that IP configuration, declared in the
 * VM's NIC configuration. Any other resolution as it is.
 */
function ipConfigurationCreatedByVm(graph: ResourceGraph, res: Resolution): Resolution {
  let nicId: ResourceId;
  let nic: DeployedResource | undefined;
  let name: Segment | undefined;
  if (res.kind === 'sub' && res.resource.existing && res.subTypes.length === 1) {
    nicId = res.resource.id;
    nic = res.resource;
    name = res.subNames[0];
  } else if (res.kind === 'external' && res.id.types.length === 2) {
    nicId = truncateId(res.id, 1);
    name = res.id.names[1];
  } else return res;
  if (!lowerEq(fullType(res.id, 2), `${TYPES.nic}/ipConfigurations`) || name === undefined) return res;
  const created = createdByVm(graph, nic ? { kind: 'resource', resource: nic } : { kind: 'external', id: nicId });
  if (created.kind !== 'resource' || !isVmCreatedNic(created.resource)) return res;
  const text = segmentText(name)?.toLowerCase();
  const entry = elements(at(created.resource.root, 'properties', 'ipConfigurations')).find((e) => {
    const n = at(e, 'name').value;
    return typeof n === 'string' && n.toLowerCase() === text;
  });
  return { kind: 'sub', resource: created.resource, id: res.id, subTypes: ['ipConfigurations'], subNames: [name], entry };
}

/**
 * Whether a declaration's TAP reference may be a virtual network TAP's id: an id of that type (of
 * a TAP declared or not), or a value known only at deployment. Not an id of another type (Azure
 * rejects the configuration: its virtualNetworkTap must reference a TAP), nor a missing or null id,
 * nor text that is no resource id. A scale set's entry is kept whatever it names: it creates no
 * configuration, and vtap-source-vm-nic reports the intent to mirror a scale set.
 */
function mayNameTap(s: TapSource): boolean {
  if (s.declaration === 'scaleset') return true;
  const v = s.tapId.value;
  if (v === undefined || v === null) return false;
  if (s.tap.kind === 'none') return v instanceof Unknown;
  return lowerEq(fullType(s.tap.id), TYPES.tap);
}

/**
 * Why an entry with rivals (TapSource.rivals) may not last, for a message: "NIC 'nic' is also
 * deployed in 'staticIp' without this entry, and no dependsOn orders ...".
 */
export function parallelRedeployment(source: TapSource, rivals: readonly DeployedResource[]): string {
  const where = (d: DeployedResource) => (d.unit.parent ? `in '${d.unit.parent.displayName}'` : `as '${d.displayName}'`);
  return `NIC '${nicName(source.nic)}' is also deployed ${rivals.map(where).join(' and ')} without this entry, and no dependsOn orders ${rivals.length > 1 ? 'these deployments' : 'the two deployments'}: ARM deploys them in parallel and the PUT that comes last replaces the NIC's whole body, so whether the entry is there in the end is not known`;
}

/**
 * Keeps, of each source's rivals, those that do not give the NIC an entry for the same TAP
 * themselves: whichever of the two is PUT last, the NIC then ends mirrored by that TAP.
 */
function settleRivals(out: TapSource[]): void {
  for (let i = 0; i < out.length; i++) {
    const s = out[i] as TapSource;
    if (!s.rivals) continue;
    const tap = s.tap.kind === 'resource' ? s.tap.resource : undefined;
    const repeats = (d: DeployedResource) => out.some((o) => o.holder === d && !o.when && tap !== undefined && o.tap.kind === 'resource' && o.tap.resource === tap);
    const left = s.rivals.filter((d) => !repeats(d));
    out[i] = left.length ? { ...s, rivals: left } : { ...s, rivals: undefined };
  }
}

/** Whether a NIC declaration's API version makes its inline tapConfigurations read-only (ignored). */
function inlineReadOnly(r: DeployedResource): boolean {
  return typeof r.apiVersion === 'string' && r.apiVersion.slice(0, 10) >= INLINE_READ_ONLY_FROM;
}

/** Whether a NIC's API version (a date) is older than virtual network TAP (TAP_API_FROM). */
export function predatesTap(r: DeployedResource): boolean {
  return typeof r.apiVersion === 'string' && /^\d{4}-\d{2}-\d{2}/.test(r.apiVersion) && r.apiVersion.slice(0, 10) < TAP_API_FROM;
}

/** Whether a part of a declaration is there: always, or only when a value known at deployment chooses it. */
export interface Choice {
  /** Undefined: it is there whenever the declaration is. */
  when: Unknown | undefined;
  /** The options of `when` (by index) in which it is there, when `when` chooses it directly. */
  options?: ReadonlySet<number>;
}

export const CERTAIN: Choice = { when: undefined };

/** A value found in a declaration, and whether it is there. */
export interface Optional extends Choice {
  at: LocatedValue;
}

/** The options an unknown value can take: an if()'s branches (unknown ones too), else its allowed values. */
function optionsOf(v: Value | undefined): readonly Value[] | undefined {
  return v instanceof Unknown ? (v.branches ?? v.oneOf) : undefined;
}

/** An element of optionalElements' options, once: the options (by index) that hold it. */
interface Distinct {
  item: Value;
  holding: Set<number>;
  at: LocatedValue;
}

/**
 * The elements of an array value, also of an array chosen at deployment (`cond ? [a, b] : [a]`,
 * ARM `if(cond, createArray(...), createArray())`: an Unknown with the options it can take). Each
 * element of the options is listed once; one that is not in every option is there only when the
 * unknown value chooses it (`when`, in `options`). Elements inherit `parent`'s choice (the
 * outermost value that decides is kept). An unknown array without options (a parameter without
 * a value) gives no elements.
 */
export function optionalElements(base: LocatedValue, parent: Choice): Optional[] {
  const v = base.value;
  if (Array.isArray(v)) return elements(base).map((e) => ({ ...pick(parent), at: e }));
  const options = optionsOf(v);
  if (!(v instanceof Unknown) || !options) return [];
  const same = (a: Value, b: Value) => a === b || deepEquals(a, b) === true;
  // Each distinct element once, with the options that hold it: found through a map of hashes, one
  // pass over the options. Comparing each element with those seen and with every option's was
  // quadratic: cond ? a : b of two 4,000-element variables took 8 s.
  const byHash = new Map<number, Distinct[]>();
  const distinct: Distinct[] = [];
  options.forEach((option, k) => {
    if (!Array.isArray(option)) return;
    option.forEach((item, i) => {
      const h = equalityHash(item);
      const bucket = byHash.get(h);
      let d = bucket?.find((e) => same(e.item, item));
      if (!d) {
        // Where it is written: the element itself, else the branch that holds it, else the whole value.
        d = { item, holding: new Set<number>(), at: { value: item, span: elementSpan(option, i) ?? branchSpan(v, k) ?? base.span } };
        if (bucket) bucket.push(d);
        else byHash.set(h, [d]);
        distinct.push(d);
      }
      d.holding.add(k);
    });
  });
  const out: Optional[] = [];
  for (const { holding, at } of distinct) out.push(holding.size === options.length || parent.when ? { ...pick(parent), at } : { at, when: v, options: holding });
  return out;
}

/**
 * A value that a value known only at deployment may leave null (`enableTap ? tap.id : null`,
 * `enableTap ? { id: tap.id } : null`): the value it has when it is set (when that is one value),
 * there only `when` that unknown chooses it. Any other value is returned as it is.
 */
export function optionalValue(base: LocatedValue, parent: Choice): Optional {
  const v = base.value;
  const options = optionsOf(v);
  if (!(v instanceof Unknown) || !options || !options.some((o) => o === null)) return { ...pick(parent), at: base };
  const set: Value[] = [];
  const holding = new Set<number>();
  options.forEach((o, k) => {
    if (o === null) return;
    holding.add(k);
    if (!set.some((s) => s === o || deepEquals(s, o) === true)) set.push(o);
  });
  // The value when set is written in a branch (`enableTap ? tap.id : null`): point at that branch.
  const first = [...holding][0];
  const at = set.length === 1 ? { value: set[0], span: (first !== undefined ? branchSpan(v, first) : undefined) ?? base.span } : base;
  return parent.when ? { ...pick(parent), at } : { at, when: v, options: holding };
}

/** Where option `k` of an unknown value (optionsOf) is written, when it is an if()'s branch. */
function branchSpan(v: Unknown, k: number): Span | undefined {
  return v.branches && k >= 0 ? v.branchSpans?.[k] : undefined;
}

function pick(c: Choice): Choice {
  return c.options ? { when: c.when, options: c.options } : { when: c.when };
}

/**
 * Whether two sources can exist together: not when one value known at deployment chooses them
 * from options that have none in common (`useA ? [ { id: a.id } ] : [ { id: b.id } ]`).
 */
export function mayCoexist(a: TapSource, b: TapSource): boolean {
  if (!a.when || a.when !== b.when || !a.options || !b.options) return true;
  for (const k of a.options) if (b.options.has(k)) return true;
  return false;
}

function nameOf(entry: LocatedValue): string {
  const n = at(entry, 'name').value;
  return typeof n === 'string' ? n : '?';
}

/**
 * The name of the TAP configuration a declaration creates, lower-cased, when it is known: a
 * tapConfigurations resource's name, or an inline entry's (both are the NIC's
 * tapConfigurations/{name}). Two declarations of one name are one configuration declared twice
 * (a module or nested deployment that deploys it again updates it), not two. A virtualNetworkTaps
 * entry's configuration is named by Azure: undefined.
 */
export function tapConfigurationName(s: TapSource): string | undefined {
  if (s.declaration === 'child' && s.config) return segmentText(s.config.id.names[s.config.id.names.length - 1] as Segment)?.toLowerCase();
  if (s.declaration === 'inline') {
    const n = at(s.at, 'name').value;
    return typeof n === 'string' ? n.toLowerCase() : undefined;
  }
  return undefined;
}

/**
 * A tapConfigurations resource that stands for a copy loop whose count is known only at deployment
 * (its one representative instance), on one NIC, with a name that differs from instance to
 * instance (`'tapcfg${i}'`): the NIC gets as many TAP configurations as the loop has instances.
 * Returns the loop's count (the instance's condition; undefined when not recorded), or undefined
 * when the source is not such a loop: its name is the same in every instance (one configuration,
 * updated), or its NIC changes with the index too (one configuration per NIC).
 */
export function configLoopOnOneNic(s: TapSource): { count: Unknown | undefined } | undefined {
  if (s.declaration !== 'child' || !s.config) return undefined;
  const copy = s.config.copy;
  if (!copy || copy.index !== undefined) return undefined;
  const names = s.config.id.names as readonly Segment[];
  const last = names[names.length - 1];
  if (last === undefined || segmentText(last) !== undefined) return undefined;
  if (names.slice(0, -1).some((n) => segmentText(n) === undefined)) return undefined;
  return { count: s.config.condition };
}

/** Sources whose TAP is `tap`. */
export function sourcesOfTap(graph: ResourceGraph, tap: DeployedResource): TapSource[] {
  return tapSources(graph).filter((s) => s.tap.kind === 'resource' && s.tap.resource === tap);
}

/** Virtual machines whose networkProfile lists the NIC. */
export function vmsOfNic(graph: ResourceGraph, nic: DeployedResource): VmOfNic[] {
  return vmIndex(graph).byResource.get(nic.key) ?? [];
}

/**
 * Virtual machines the template declares whose networkProfile lists a source's NIC, wherever that
 * NIC is: declared, `existing`, or named only by its id (a VM created here with a NIC made
 * elsewhere). `existing` VMs are left out: their network profile is not in the template.
 */
export function vmsOfNicRef(graph: ResourceGraph, nic: NicRef): VmOfNic[] {
  const found = nic.kind === 'resource' ? vmsOfNic(graph, nic.resource) : nic.kind === 'external' ? (vmIndex(graph).byExternal.get(resourceKey(nic.id)) ?? []) : [];
  return found.filter((v) => !v.vm.existing);
}

interface VmIndex {
  /**
   * Declared NICs by their identity (DeployedResource.key), not by declaration: one NIC may be
   * declared in two deployments (created in one module, then deployed again with
   * `virtualNetworkTaps` once the TAP exists, as the AVM network-interface module is used), and
   * the VM's id finds only one of them; the other declaration is the same NIC, on the same VM.
   */
  byResource: Map<string, VmOfNic[]>;
  /** NICs the template does not declare, by resourceKey() of their id. */
  byExternal: Map<string, VmOfNic[]>;
  /** The networkInterfaceConfigurations entries of VMs, by resourceKey() of the NIC each creates. */
  created: Map<string, { vm: DeployedResource; config: LocatedValue }[]>;
  /** VMs whose networkProfile.networkInterfaces lists more than one entry (see nicsOfVmFoundBy). */
  severalNics: Set<DeployedResource>;
}

/** A VM with a NIC: `ref` is its networkInterfaces[].id, or (`creates`) the networkInterfaceConfigurations[].name that makes the NIC. */
export interface VmOfNic {
  vm: DeployedResource;
  ref: LocatedValue;
  creates?: true;
}

function vmIndex(graph: ResourceGraph): VmIndex {
  let index = vmsByNic.get(graph);
  if (!index) {
    // Every VM's network profile is read once per graph: rules ask this for every source NIC.
    index = { byResource: new Map(), byExternal: new Map(), created: new Map(), severalNics: new Set() };
    for (const vm of graph.ofType(TYPES.vm)) {
      const listed = elements(at(vm.root, 'properties', 'networkProfile', 'networkInterfaces'));
      if (listed.length > 1) index.severalNics.add(vm);
      for (const n of listed) {
        const ref = at(n, 'id');
        const res = graph.resolve(ref.value);
        if (res.kind === 'resource') push(index.byResource, res.resource.key, { vm, ref });
        else if (res.kind === 'external') push(index.byExternal, resourceKey(res.id), { vm, ref });
      }
      // A VM that creates its NICs (networkInterfaceConfigurations, networkApiVersion 2020-11-01
      // and later) makes each one a NIC of that name in the VM's resource group: a TAP
      // configuration put on it by name (an `existing` NIC, or an id) is on this VM's NIC.
      for (const n of elements(at(vm.root, 'properties', 'networkProfile', 'networkInterfaceConfigurations'))) {
        const ref = at(n, 'name');
        // The name as an id segment, as the NIC's own id holds it: 'app-{copyIndex()}-nic' is the
        // text and unknown pieces of an interpolation, not one opaque unknown.
        const segments = typeof ref.value === 'string' || ref.value instanceof Unknown ? splitSegments(ref.value) : undefined;
        if (segments?.length !== 1) continue;
        const key = resourceKey({ scope: vm.id.scope, namespace: 'Microsoft.Network', types: ['networkInterfaces'], names: segments });
        push(index.byResource, key, { vm, ref, creates: true });
        push(index.byExternal, key, { vm, ref, creates: true });
        push(index.created, key, { vm, config: n });
      }
    }
    vmsByNic.set(graph, index);
  }
  return index;
}

/**
 * The NIC a VM of the template creates from one of its networkInterfaceConfigurations entries
 * (networkApiVersion 2020-11-01 and later), as a NIC declaration whose properties are that entry's:
 * its ipConfigurations (subnet, load balancer pools, privateIPAddressVersion, ...), its
 * networkSecurityGroup, and the VM's location (Azure creates the NIC in the VM's region and
 * resource group). A template reaches such a NIC only by name: an `existing` NIC (`nic`, whose
 * display names and children it keeps) or an id; the network questions (its region, networks,
 * load balancers, IP versions) are then answered from the VM's entry, at the spans written there,
 * as for a NIC the template declares. Undefined when no deployed VM creates a NIC with that id, or
 * when two do (the id alone cannot tell which). One object per NIC and graph.
 */
export function vmCreatedNic(graph: ResourceGraph, id: ResourceId, nic?: DeployedResource): DeployedResource | undefined {
  if (id.types.length !== 1 || !lowerEq(fullType(id, 1), TYPES.nic)) return undefined;
  const key = resourceKey(id);
  const entries = vmIndex(graph).created.get(key)?.filter((e) => !e.vm.existing);
  const only = entries?.length === 1 ? entries[0] : undefined;
  if (!only) return undefined;
  let made = createdNics.get(graph);
  if (!made) createdNics.set(graph, (made = new Map()));
  let out = made.get(key);
  if (!out) made.set(key, (out = createdNic(only.vm, only.config, id, key, nic)));
  return out;
}

const createdNics = new WeakMap<ResourceGraph, Map<string, DeployedResource>>();

/** Whether a NIC is one vmCreatedNic() made from a VM's networkInterfaceConfigurations entry. */
export function isVmCreatedNic(nic: DeployedResource): boolean {
  return vmCreatedNicSet.has(nic);
}

const vmCreatedNicSet = new WeakSet<DeployedResource>();

function createdNic(vm: DeployedResource, config: LocatedValue, id: ResourceId, key: string, nic: DeployedResource | undefined): DeployedResource {
  const r = createdByVmResource(vm, TYPES.nic, config, id, key, nic);
  vmCreatedNicSet.add(r);
  // Each IP configuration's publicIPAddressConfiguration makes a public IP too (vmCreatedPublicIp).
  for (const ipc of elements(at(config, 'properties', 'ipConfigurations'))) {
    const pip = at(ipc, 'properties', 'publicIPAddressConfiguration');
    if (pip.value instanceof ObjectValue) publicIpConfigs.set(pip.value, { vm, config: pip });
  }
  return r;
}

/** The publicIPAddressConfiguration entries of VM-created NICs, and the public IPs made of them. */
const publicIpConfigs = new WeakMap<ObjectValue, { vm: DeployedResource; config: LocatedValue; pip?: DeployedResource }>();

/**
 * The public IP a VM creates for an IP configuration of a NIC it creates (vmCreatedNic), from the
 * IP configuration's publicIPAddressConfiguration (name, sku, properties such as
 * publicIPAddressVersion), in the VM's resource group and region; `ref` is that entry.
 * Undefined for any other IP configuration.
 */
export function vmCreatedPublicIp(ipConfig: LocatedValue): { pip: DeployedResource; ref: LocatedValue } | undefined {
  const ref = at(ipConfig, 'properties', 'publicIPAddressConfiguration');
  const known = ref.value instanceof ObjectValue ? publicIpConfigs.get(ref.value) : undefined;
  if (!known) return undefined;
  if (!known.pip) {
    const segments = splitSegments(at(known.config, 'name').value ?? null);
    const id: ResourceId = { scope: known.vm.id.scope, namespace: 'Microsoft.Network', types: ['publicIPAddresses'], names: segments?.length === 1 ? segments : [['?']] };
    known.pip = createdByVmResource(known.vm, TYPES.publicIp, known.config, id, resourceKey(id), undefined);
  }
  return { pip: known.pip, ref };
}

/**
 * A resource a VM creates from an entry of its network profile (a NIC, a public IP): named and
 * with the sku and properties of `config`, in the VM's region, deployed with the VM; named in
 * messages as `shownAs` (the `existing` declaration that reaches it) is, else by its name.
 */
function createdByVmResource(vm: DeployedResource, type: string, config: LocatedValue, id: ResourceId, key: string, shownAs: DeployedResource | undefined): DeployedResource {
  const name = at(config, 'name');
  const location = at(vm.root, 'location');
  const body = new ObjectValue(4);
  body.set('name', name.value ?? null, name.span);
  if (location.value !== undefined) body.set('location', location.value, location.span);
  for (const k of ['sku', 'properties']) {
    const v = at(config, k);
    if (v.value !== undefined) body.set(k, v.value, v.span);
  }
  const shown = shownAs?.displayName ?? (typeof name.value === 'string' ? name.value : segmentDisplay(id.names[0] as Segment));
  return {
    index: vm.index,
    id,
    key,
    type,
    apiVersion: vm.apiVersion,
    name: name.value ?? null,
    displayName: shown,
    plainDisplayName: shownAs?.plainDisplayName ?? shown,
    identityName: shownAs?.identityName ?? shown,
    displayQualifier: shownAs?.displayQualifier,
    displayedName: shownAs?.displayedName,
    symbolicName: shownAs?.symbolicName,
    existing: false,
    // Deployed as the template names it: the `existing` declaration that reaches it says when it
    // is there (a TAP configuration on it fails without it, whether or not a condition leaves the
    // VM out); a NIC named by its id alone is named whatever the VM's condition too. A public IP
    // (no `shownAs`) is there with its VM.
    state: shownAs?.state ?? (type === TYPES.nic ? 'deployed' : vm.state),
    condition: shownAs ? shownAs.condition : type === TYPES.nic ? undefined : vm.condition,
    copy: shownAs?.copy ?? vm.copy,
    unit: vm.unit,
    span: config.span,
    typeSpan: config.span,
    nameSpan: name.span,
    parent: undefined,
    children: shownAs?.children ?? [],
    dependsOn: [],
    implicitDependencies: [],
    body,
    root: { value: body, span: config.span },
    decl: vm.decl,
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const vmsByNic = new WeakMap<ResourceGraph, VmIndex>();

/**
 * VMs the template deploys that create a NIC themselves (networkProfile.networkInterfaceConfigurations
 * with that NIC's name, networkApiVersion 2020-11-01 and later): the NIC exists only once the VM
 * does, so what goes on it (a tapConfigurations child) must be deployed after the VM.
 */
export function vmsCreatingNic(graph: ResourceGraph, nic: NicRef): { vm: DeployedResource; ref: LocatedValue }[] {
  const found = nic.kind === 'resource' ? vmsOfNic(graph, nic.resource) : nic.kind === 'external' ? (vmIndex(graph).byExternal.get(resourceKey(nic.id)) ?? []) : [];
  return found.filter((v) => v.creates && !v.vm.existing);
}

/** The VM of a NIC: declared, or unknown (external NIC or a VM only referenced). */
export function vmOfNic(graph: ResourceGraph, nic: NicRef): DeployedResource | undefined {
  if (nic.kind !== 'resource') return undefined;
  return vmsOfNic(graph, nic.resource)[0]?.vm;
}

/**
 * For rules that look at the other NICs of a source's VM, per source: nicsOfVm(v.vm) for a VM
 * that vmsOfNic found by a NIC, but none, without reading the VM's network profile again, when
 * the entry that found it is the only one the VM lists (most VMs): that list holds the NIC it was
 * found by alone, which the caller skips.
 */
export function nicsOfVmFoundBy(graph: ResourceGraph, v: VmOfNic): NicRef[] {
  if (!v.creates && !vmIndex(graph).severalNics.has(v.vm)) return [];
  return nicsOfVm(graph, v.vm);
}

/** NICs a VM lists in its networkProfile. */
export function nicsOfVm(graph: ResourceGraph, vm: DeployedResource): NicRef[] {
  return elements(at(vm.root, 'properties', 'networkProfile', 'networkInterfaces')).map((n) => {
    const res = graph.resolve(at(n, 'id').value);
    if (res.kind === 'resource') return { kind: 'resource', resource: res.resource };
    if (res.kind === 'external') return { kind: 'external', id: res.id };
    return { kind: 'unknown', value: at(n, 'id').value ?? null };
  });
}

export type DestinationKind = 'nic-ipconfig' | 'lb-frontend';

export interface Destination {
  /** Which destination property holds it. */
  property: 'destinationNetworkInterfaceIPConfiguration' | 'destinationLoadBalancerFrontEndIPConfiguration';
  /** The id value with its span. */
  id: LocatedValue;
  resolution: Resolution;
  /**
   * The property's whole value is only known at deployment (`useLb ? {...} : null`): it may be
   * null, that is, not set at all.
   */
  maybeUnset: boolean;
}

/** The destination properties a TAP sets (a valid TAP sets exactly one). */
export function destinationsOf(tap: DeployedResource, graph: ResourceGraph): Destination[] {
  const out: Destination[] = [];
  for (const property of ['destinationNetworkInterfaceIPConfiguration', 'destinationLoadBalancerFrontEndIPConfiguration'] as const) {
    const holder = at(tap.root, 'properties', property);
    if (holder.value === undefined || holder.value === null) continue;
    const maybeUnset = holder.value instanceof Unknown;
    out.push(destinationAt(graph, property, maybeUnset ? holder : at(holder, 'id'), maybeUnset));
  }
  return out;
}

function destinationAt(graph: ResourceGraph, property: Destination['property'], id: LocatedValue, maybeUnset: boolean): Destination {
  const resolution = graph.resolve(id.value);
  return { property, id, resolution: property === 'destinationNetworkInterfaceIPConfiguration' ? ipConfigurationCreatedByVm(graph, resolution) : resolution, maybeUnset };
}

/**
 * A destination a TAP sends to: its only one, or one of those a value known only at deployment
 * chooses between (`useLb ? { id: ilbFrontend } : null` on one destination property and
 * `useLb ? null : { id: nicIpConfig }` on the other).
 */
export interface DestinationChoice {
  tap: DeployedResource;
  destination: Destination;
  /** Undefined when the TAP sends to it whenever the TAP is deployed. */
  when: DestinationCondition | undefined;
}

export interface DestinationCondition {
  /** The condition of the `?:` (ARM `if()`) that sets the destination property, known only at deployment. */
  condition: Unknown;
  /** The value of `condition` that chooses this destination. */
  holds: boolean;
  /**
   * For a choice among several destinations by nested tests of one value (`mode == 'lb' ? ... :
   * mode == 'nic' ? ... : ...`): the values of it that choose this one (`other` for any value
   * no test names, when its values are not known). `condition` is then one of those tests.
   */
  values?: { named: readonly Value[]; other: boolean; allNamed: readonly Value[] };
  /** How many destinations the toggle chooses between, when more than two (byValue). */
  alternatives?: number;
  /** One object for the choices of one TAP: the alternatives of one toggle share it. */
  toggle: object;
}

/**
 * For a destination property whose value is `cond ? {...} : null` (or the other way round; an
 * ARM if()): the condition, whether the property is set when it holds, the value it is set to
 * (one value, with the span of its branch), and the test the condition is (for telling two
 * properties chosen by one value apart). Undefined for any other value.
 */
function setWhen(holder: LocatedValue): { condition: Unknown; test: BoolTest; setIfTrue: boolean; at: LocatedValue } | undefined {
  const v = holder.value;
  if (!(v instanceof Unknown) || !v.choice || !v.branches) return undefined;
  const test = testOf(v.choice.condition);
  if (!test) return undefined;
  const isSet = (x: unknown) => x !== null && x !== undefined && !(x instanceof Unknown);
  const then = v.choice.then;
  const whenTrue = v.branches.slice(0, then);
  const whenFalse = v.branches.slice(then);
  if (whenTrue.length === 0 || whenFalse.length === 0) return undefined;
  let setIfTrue: boolean;
  if (whenTrue.every(isSet) && whenFalse.every((x) => x === null)) setIfTrue = true;
  else if (whenTrue.every((x) => x === null) && whenFalse.every(isSet)) setIfTrue = false;
  else return undefined;
  const first = setIfTrue ? 0 : then;
  const set = setIfTrue ? whenTrue : whenFalse;
  const value = v.branches[first] as Value;
  if (set.some((x) => x !== value && deepEquals(x, value) !== true)) return undefined;
  return { condition: v.choice.condition, test, setIfTrue, at: { value, span: branchSpan(v, first) ?? holder.span } };
}

/**
 * When a TAP's two destination properties are the two branches of one condition only known at
 * deployment (`useLb ? {...} : null` and `useLb ? null : {...}`, or their ARM if()s), or tests of
 * one value that exactly one of its allowed values passes (`mode == 'lb' ? {...} : null` and
 * `mode == 'nic' ? {...} : null`, mode @allowed(['lb', 'nic'])), so that exactly one is set
 * whichever way it goes: the (first) condition. Undefined otherwise.
 */
export function destinationToggle(a: Destination, b: Destination): Unknown | undefined {
  const x = setWhen(a.id);
  const y = setWhen(b.id);
  if (!x || !y || x.test.subject !== y.test.subject) return undefined;
  // Exactly one is set for every value the subject can take: its allowed values when known
  // (`mode == 'lb'` and `mode == 'nic'`, mode @allowed(['lb', 'nic'])), else the values the
  // tests name and any other (`useLb` and `!useLb`).
  const among = x.test.among ?? y.test.among;
  const values: (Value | typeof ANY_OTHER)[] = among ? [...among] : [x.test.equals, y.test.equals, ANY_OTHER];
  const isSet = (w: NonNullable<typeof x>, v: Value | typeof ANY_OTHER) => (v !== ANY_OTHER && deepEquals(v, w.test.equals) === true) !== w.test.negated === w.setIfTrue;
  return values.length > 0 && values.every((v) => isSet(x, v) !== isSet(y, v)) ? x.condition : undefined;
}

/** A value of a test's subject that no test names. */
const ANY_OTHER = Symbol('any other value');

/**
 * For a destination id whose value is `cond ? idA : idB` (an ARM if()) with a condition known only
 * at deployment: the condition and the id each way, with the span of its branch. Undefined for any
 * other value, and when a side is itself a choice among several ids (a nested `?:`), or null.
 */
function idChoice(id: LocatedValue): { condition: Unknown; whenTrue: LocatedValue; whenFalse: LocatedValue } | undefined {
  const v = id.value;
  if (!(v instanceof Unknown) || !v.choice || !v.branches) return undefined;
  const then = v.choice.then;
  const side = (from: number, to: number): LocatedValue | undefined => {
    const values = v.branches?.slice(from, to) ?? [];
    const first = values[0];
    if (first === undefined || first === null || values.some((x) => x !== first && deepEquals(x, first) !== true)) return undefined;
    return { value: first, span: branchSpan(v, from) ?? id.span };
  };
  const whenTrue = side(0, then);
  const whenFalse = side(then, v.branches.length);
  return whenTrue && whenFalse ? { condition: v.choice.condition, whenTrue, whenFalse } : undefined;
}

const choicesOf = new WeakMap<ResourceGraph, Map<DeployedResource, readonly DestinationChoice[]>>();

/**
 * The destinations a TAP may send to, each with the value known only at deployment that chooses
 * it: its one destination (`when` undefined); or, when its two destination properties are the two
 * branches of one condition (destinationToggle), both, each as the branch that sets it; or, when
 * its one destination property is `cond ? {...} : null`, that value, chosen when `cond` sets it
 * (otherwise the TAP has none: vtap-destination-type's to report); or, when the id of its one
 * destination is `cond ? idA : idB` (idChoice), each id, chosen by `cond` as the property is. None when it sets no
 * destination or two at once (vtap-destination-type reports those). Rules check each choice and
 * give it to their verdicts (Verdict.destination): a fail about one of two becomes a note naming
 * the condition, unless the other fails too (src/engine/run-rules.ts).
 */
export function destinationChoices(tap: DeployedResource, graph: ResourceGraph): readonly DestinationChoice[] {
  let byTap = choicesOf.get(graph);
  if (!byTap) choicesOf.set(graph, (byTap = new Map()));
  const known = byTap.get(tap);
  if (known) return known;
  const out: DestinationChoice[] = [];
  const ds = destinationsOf(tap, graph);
  const toggle = {};
  const branch = (d: Destination): DestinationChoice | undefined => {
    const w = setWhen(d.id);
    if (!w) return undefined;
    return { tap, destination: destinationAt(graph, d.property, at(w.at, 'id'), false), when: { condition: w.condition, holds: w.setIfTrue, toggle } };
  };
  if (ds.length === 1) {
    const d = ds[0] as Destination;
    const split = d.maybeUnset ? undefined : idChoice(d.id);
    if (split) {
      // `{ id: cond ? nicA.properties.ipConfigurations[0].id : resourceId(...) }`: one property,
      // the id it holds chosen by the condition; each id is a destination.
      for (const holds of [true, false]) out.push({ tap, destination: destinationAt(graph, d.property, holds ? split.whenTrue : split.whenFalse, false), when: { condition: split.condition, holds, toggle } });
    } else {
      // An id chosen among several by nested tests of one value: byValue below.
      const nested = !d.maybeUnset && d.id.value instanceof Unknown && d.id.value.choice ? byValue(tap, graph, ds, toggle) : [];
      const c = nested.length > 0 ? undefined : d.maybeUnset ? branch(d) : { tap, destination: d, when: undefined };
      out.push(...nested);
      if (c) out.push(c);
    }
  } else if (ds.length === 2 && destinationToggle(ds[0] as Destination, ds[1] as Destination)) {
    for (const d of ds) {
      const c = branch(d);
      if (c) out.push(c);
    }
  }
  if (out.length === 0 && ds.length > 0 && ds.length <= 2 && ds.some((d) => d.id.value instanceof Unknown)) out.push(...byValue(tap, graph, ds, toggle));
  byTap.set(tap, out);
  return out;
}

/** A value chosen by nested if()s (Bicep `?:`), with the tests that lead to it. */
interface Leaf {
  value: Value;
  span: Span;
  guards: readonly { test: BoolTest; holds: boolean; condition: Unknown }[];
}

/** The values an if() (nested ones too) chooses between, each with what chooses it; false when a condition is no test. */
function leavesOf(v: Value, span: Span, guards: Leaf['guards'], out: Leaf[]): boolean {
  if (!(v instanceof Unknown) || !v.choice || !('whenTrue' in v.choice)) {
    out.push({ value: v, span, guards });
    return true;
  }
  const { condition, then, whenTrue, whenFalse } = v.choice;
  const test = testOf(condition);
  if (!test) return false;
  return (
    leavesOf(whenTrue as Value, branchSpan(v, 0) ?? span, [...guards, { test, holds: true, condition }], out) &&
    leavesOf(whenFalse as Value, branchSpan(v, then) ?? span, [...guards, { test, holds: false, condition }], out)
  );
}

/**
 * The destinations of a TAP whose destination properties (or the id of its one property) are
 * chosen by tests of one value known only at deployment, nested or one per property (`mode ==
 * 'lb' ? { id: fe } : null` and `mode == 'nic' ? { id: a } : mode == 'standby' ? { id: b } : null`):
 * one per destination, when each value the subject can take (its allowed values, else the values
 * the tests name and any other) sets exactly one destination. None otherwise.
 */
function byValue(tap: DeployedResource, graph: ResourceGraph, ds: readonly Destination[], toggle: object): DestinationChoice[] {
  const per: { d: Destination; idLevel: boolean; leaves: Leaf[] }[] = [];
  for (const d of ds) {
    const leaves: Leaf[] = [];
    if (!leavesOf(d.id.value as Value, d.id.span, [], leaves)) return [];
    per.push({ d, idLevel: !d.maybeUnset, leaves });
  }
  const tests = per.flatMap((p) => p.leaves.flatMap((l) => l.guards.map((g) => g.test)));
  const subject = tests[0]?.subject;
  if (subject === undefined || tests.some((t) => t.subject !== subject)) return [];
  const among = tests.find((t) => t.among)?.among;
  const named: Value[] = [];
  for (const t of tests) if (!named.some((n) => deepEquals(n, t.equals) === true)) named.push(t.equals);
  const values: (Value | typeof ANY_OTHER)[] = among ? [...among] : [...named, ANY_OTHER];
  const holdsFor = (t: BoolTest, v: Value | typeof ANY_OTHER) => (v !== ANY_OTHER && deepEquals(v, t.equals) === true) !== t.negated;
  const chosen = new Map<Leaf, { p: (typeof per)[number]; values: (Value | typeof ANY_OTHER)[] }>();
  for (const v of values) {
    let set: { p: (typeof per)[number]; leaf: Leaf } | undefined;
    for (const p of per) {
      const leaf = p.leaves.find((l) => l.guards.every((g) => holdsFor(g.test, v) === g.holds));
      if (!leaf || leaf.value === null) continue;
      // A value known only at deployment may or may not be set (or be an id): undecidable here.
      if (leaf.value instanceof Unknown ? !p.idLevel || leaf.value.choice !== undefined : !p.idLevel && !(leaf.value instanceof ObjectValue)) return [];
      if (set) return [];
      set = { p, leaf };
    }
    if (!set) return [];
    const known = chosen.get(set.leaf);
    if (known) known.values.push(v);
    else chosen.set(set.leaf, { p: set.p, values: [v] });
  }
  if (chosen.size < 2) return [];
  const allNamed = among ?? named;
  const out: DestinationChoice[] = [];
  for (const [leaf, { p, values: vs }] of chosen) {
    const at0: LocatedValue = { value: leaf.value, span: leaf.span };
    const guard = leaf.guards.find((g) => g.holds !== g.test.negated) ?? leaf.guards[leaf.guards.length - 1];
    if (!guard) return [];
    const when: DestinationCondition = {
      condition: guard.condition,
      holds: guard.holds,
      toggle,
      values: { named: vs.filter((v): v is Value => v !== ANY_OTHER), other: vs.includes(ANY_OTHER), allNamed },
      alternatives: chosen.size,
    };
    out.push({ tap, destination: destinationAt(graph, p.d.property, p.idLevel ? at0 : at(at0, 'id'), false), when });
  }
  return out;
}

/** Lower-case region name without spaces ("East US" and "eastus" are one region). */
export function normalizeRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Sources, their VMs and the deployment order

/** The NIC of a source when the template declares and deploys it (its properties are known). */
export function declaredNic(nic: NicRef): DeployedResource | undefined {
  return nic.kind === 'resource' && !nic.resource.existing ? nic.resource : undefined;
}

/** A source NIC whose properties the template does not have: an id only, or an `existing` resource. */
export function isOutside(nic: NicRef): boolean {
  return nic.kind === 'external' || (nic.kind === 'resource' && nic.resource.existing);
}

/**
 * How a message names the resource an id resolves to: a declared one (`existing` ones included)
 * by its displayName, as every rule names it (its Bicep symbolic name, else its name); a part of
 * a declared one (an IP configuration, a frontend) by that resource's displayName and the part's
 * names ('collectorNic/ipconfig1'), so the resource in it is named as everywhere else; one the
 * template does not declare by the names in its id ('vtap-shared'). So one TAP has one name in
 * every rule's messages.
 */
export function resolvedName(r: Resolution): string | undefined {
  if (r.kind === 'resource') return r.resource.displayName;
  if (r.kind === 'sub') return [r.resource.displayName, ...r.subNames.map(segmentDisplay)].join('/');
  if (r.kind === 'external') return idNames(r.id);
  return undefined;
}

/** How a message names a NIC: its display name, or the name segment of its id. */
export function nicName(nic: NicRef): string {
  if (nic.kind === 'resource') return nic.resource.displayName;
  // A name known only at deployment is shown as written ({parameters('nic')}), as the other
  // messages show ids, not as the whole pseudo-id with the deployment's subscription and group.
  if (nic.kind === 'external') return segmentDisplay(nic.id.names[nic.id.names.length - 1] as Segment);
  if (nic.kind === 'scaleSet') return `${nic.scaleSet.displayName}/${nic.configuration}`;
  return 'an unknown network interface';
}

/** How a message names a source's declaration: "tap configuration 'cfg'", "the virtualNetworkTaps entry of 'nic'", ... */
export function describeSource(source: TapSource): string {
  switch (source.declaration) {
    case 'child':
      return `tap configuration '${source.holder.displayName}'`;
    case 'inline':
      return `the inline tapConfigurations entry of '${nicName(source.nic)}'`;
    case 'scaleset':
      return `the virtualNetworkTaps entry of scale set '${source.holder.displayName}'`;
    case 'ipconfig':
      return `the virtualNetworkTaps entry of '${nicName(source.nic)}'`;
  }
}

/**
 * The name a message gives a source's own declaration: a tapConfigurations resource's name, an
 * inline tapConfigurations entry as `nic/entry` (its name as a child resource would be), else
 * what describeSource says (a virtualNetworkTaps entry has no name of its own). Quoted.
 */
export function sourceEntryName(source: TapSource): string {
  if (source.declaration === 'child') return `'${source.holder.displayName}'`;
  if (source.declaration === 'inline') {
    const n = at(source.at, 'name').value;
    if (typeof n === 'string') return `'${nicName(source.nic)}/${n}'`;
  }
  return describeSource(source);
}

/** Identity of a NIC for grouping sources (declared resource key, or the id below its scope); undefined for an unknown NIC or a scale set's. */
export function nicKey(nic: NicRef): string | undefined {
  if (nic.kind === 'resource') return nic.resource.key;
  if (nic.kind === 'external') return resourceKey(nic.id);
  return undefined;
}

/**
 * Each NIC the template declares that is a TAP source, once, with the first source that names it
 * (certain sources come first: see findTapSources), whatever TAP it names: a TAP configuration
 * that sends to a TAP deployed earlier (an `existing` one, or an id) mirrors that NIC just the same.
 * Rules whose checks depend on the NIC alone (its load balancers, its networks) and report once
 * per NIC go through this rather than every source: a NIC with K IP configurations each naming T
 * TAPs is K x T sources, and asking its K x P pool memberships again for each did
 * (K x T) x (K x P) x rules work for the same findings (40 of each: over a minute, 2 KB of template).
 */
export function sourceNics(graph: ResourceGraph): { nic: DeployedResource; source: TapSource }[] {
  const out: { nic: DeployedResource; source: TapSource }[] = [];
  const seen = new Set<DeployedResource>();
  for (const source of tapSources(graph)) {
    const nic = declaredNic(source.nic);
    if (!nic || seen.has(nic)) continue;
    seen.add(nic);
    out.push({ nic, source });
  }
  return out;
}

/** The TAP a source names, when the template declares and deploys it. */
export function tapOf(source: TapSource): DeployedResource | undefined {
  return source.tap.kind === 'resource' && lowerEq(source.tap.resource.type, TYPES.tap) && !source.tap.resource.existing ? source.tap.resource : undefined;
}

/**
 * The dependency path that makes `from` deploy after `to`: `dependsOn` entries (Bicep's implicit
 * ones from symbolic references included), parent/child relations and the module (nested
 * deployment) a resource is in. Ids in properties are not
 * counted: in ARM JSON a resourceId() in a property orders nothing.
 */
export function orderedAfter(graph: ResourceGraph, from: DeployedResource, to: DeployedResource): boolean {
  if (from === to) return true;
  return ordering(graph).isAfter(from, to);
}

/**
 * Where a dependency of `from` on `to` can be written. A dependsOn entry names only resources and
 * modules (nested deployments) of its own template, so when the two are in different modules the
 * entry goes in their closest common template: `dependent` (`from`, or the module there that
 * holds it) must depend on `dependency` (`to`, or the module there that holds it).
 */
export interface DependencyPlace {
  /** The template both are visible from: `from`'s own when they share one. */
  unit: DeploymentUnit;
  /** The declaration in `unit` that needs the dependsOn entry. */
  dependent: DeployedResource;
  /** What that entry names, declared in `unit`. */
  dependency: DeployedResource;
}

/** See DependencyPlace; undefined when the two are not in one deployment (no common template). */
export function dependencyPlace(from: DeployedResource, to: DeployedResource): DependencyPlace | undefined {
  const a = unitsOf(from);
  const b = unitsOf(to);
  if (a[0] !== b[0]) return undefined;
  let k = 0;
  while (k + 1 < a.length && k + 1 < b.length && a[k + 1] === b[k + 1]) k++;
  const holder = (units: DeploymentUnit[], r: DeployedResource) => (k + 1 < units.length ? (units[k + 1]?.parent as DeployedResource) : r);
  return { unit: a[k] as DeploymentUnit, dependent: holder(a, from), dependency: holder(b, to) };
}

/** The templates a resource is in, outermost (the root) first. */
function unitsOf(r: DeployedResource): DeploymentUnit[] {
  const out: DeploymentUnit[] = [];
  for (let u: DeploymentUnit | undefined = r.unit; u; u = u.parent?.unit) out.push(u);
  return out.reverse();
}

/** The moment a nested deployment (module) has finished: after every resource in it. */
interface DeploymentEnd {
  readonly deployment: DeployedResource;
}

type OrderNode = DeployedResource | DeploymentEnd;

/**
 * Deployment order of one graph: which resources ARM starts only after a given one. Built once
 * per graph, and per target once (a backwards search from it), so rules may ask it for every VM
 * and every TAP configuration of a large deployment.
 *
 * A nested deployment (module) has two moments: its start, after what it depends on, and its end,
 * after every resource in it. Its resources start after its start; what depends on it starts after
 * its end. So a module whose parameters use another module's outputs deploys its resources after
 * every resource of that other module, as ARM does; resources of one module are not ordered among
 * themselves by it.
 */
function ordering(graph: ResourceGraph): Ordering {
  let o = orderings.get(graph);
  if (o) return o;
  const before = new Map<OrderNode, OrderNode[]>();
  const add = (a: OrderNode, b: OrderNode) => {
    // a starts after b: b's list of what waits for it gets a
    const list = before.get(b);
    if (list) list.push(a);
    else before.set(b, [a]);
  };
  const ends = new Map<DeployedResource, DeploymentEnd>();
  for (const r of graph.resources) {
    const d = r.unit.parent;
    if (d && !ends.has(d)) ends.set(d, { deployment: d });
  }
  /** What "after b" waits for: a nested deployment's end, any other resource itself. */
  const done = (b: DeployedResource): OrderNode => ends.get(b) ?? b;
  graph.forEachOrderEdge((a, b) => add(a, done(b)));
  for (const r of graph.resources) {
    const d = r.unit.parent;
    if (!d) continue;
    add(r, d);
    add(ends.get(d) as DeploymentEnd, done(r));
  }
  const cache = new Map<DeployedResource, Set<OrderNode>>();
  o = {
    after(to: DeployedResource): Set<OrderNode> {
      let set = cache.get(to);
      if (set) return set;
      set = new Set();
      const queue: OrderNode[] = [to];
      for (let i = 0; i < queue.length; i++) {
        for (const next of before.get(queue[i] as OrderNode) ?? []) {
          if (set.has(next)) continue;
          set.add(next);
          queue.push(next);
        }
      }
      cache.set(to, set);
      return set;
    },
    isAfter(from: DeployedResource, to: DeployedResource): boolean {
      const set = cache.get(to);
      if (set) return set.has(from);
      // What waits for `to` directly (a tapConfigurations child's dependsOn on its NIC): no
      // search, and no set of what comes after `to` kept for each of 10,000 NICs.
      const direct = before.get(to);
      if (direct && direct.length <= DIRECT_SCAN && direct.includes(from)) return true;
      return this.after(to).has(from);
    },
  };
  orderings.set(graph, o);
  return o;
}

interface Ordering {
  /** Everything that starts after `to` (found once per `to`, then kept). */
  after(to: DeployedResource): Set<OrderNode>;
  /** Whether `from` starts after `to`: after(to).has(from), without making that set when `from` waits for `to` directly. */
  isAfter(from: DeployedResource, to: DeployedResource): boolean;
}

/** Up to this many resources waiting directly for one are looked through before searching (isAfter). */
const DIRECT_SCAN = 16;

const orderings = new WeakMap<ResourceGraph, Ordering>();

/**
 * The declarations of a resource whose body the deployed resource may end with. ARM PUTs each
 * declaration, and a PUT replaces the whole body, so a resource declared in two deployments (a
 * NIC created by one module and deployed again by another with backend pools, as the AVM
 * network-interface module is used) ends with the body of the one deployed last: a declaration
 * that another, certainly deployed, declaration is ordered after (orderedAfter) is replaced.
 * Declarations not ordered among themselves may each be last, and are all kept; so is one that
 * only a declaration a condition may leave out comes after. `existing` declarations PUT nothing.
 * A resource declared once gives itself.
 */
export function finalDeclarations(graph: ResourceGraph, r: DeployedResource): readonly DeployedResource[] {
  const all = graph.declarationsOf(r.key);
  // A NIC a VM creates (vmCreatedNic) ends with the VM's NIC configuration, whatever `existing`
  // declarations name it.
  if (all.length <= 1 || isVmCreatedNic(r)) return [r];
  let byKey = finals.get(graph);
  if (!byKey) finals.set(graph, (byKey = new Map()));
  let out = byKey.get(r.key);
  if (!out) {
    const put = all.filter((d) => !d.existing);
    out = put.filter((d) => !put.some((o) => o !== d && o.state !== 'maybe' && orderedAfter(graph, o, d)));
    if (out.length === 0) out = put.length > 0 ? put : [r];
    byKey.set(r.key, out);
  }
  return out;
}

const finals = new WeakMap<ResourceGraph, Map<string, readonly DeployedResource[]>>();

/** Two region values: true/false when decidable ("East US" = "eastus"; one deployment-wide symbol equals itself). */
export function sameRegion(a: Value | undefined, b: Value | undefined): boolean | undefined {
  if (typeof a === 'string' && typeof b === 'string') return normalizeRegion(a) === normalizeRegion(b);
  if (a instanceof Unknown && b instanceof Unknown && a.symbol !== undefined && a.symbol === b.symbol) return true;
  return undefined;
}

/** The declared resource and inline entry a destination points at (NIC ipConfiguration or LB frontend). */
export interface DestinationTarget {
  kind: 'nic' | 'lb';
  resource: DeployedResource;
  entry: LocatedValue;
  /** The entry's name as messages show it (one known in part as ids show it: `{parameters('vm')}lbfe`). */
  name: string;
  /** Its comparison key (segmentKey: a name known in part compares by its deployment-wide unknowns). */
  key: string;
}

/** The destination's target when the template declares (and deploys) it and the entry exists. */
export function destinationTarget(d: Destination): DestinationTarget | undefined {
  const res = d.resolution;
  if (res.kind !== 'sub' || res.resource.existing || !res.entry || res.subTypes.length !== 1) return undefined;
  const type = `${res.resource.type}/${res.subTypes[0]}`.toLowerCase();
  const seg = res.subNames[0] as Segment;
  const name = segmentText(seg) ?? segmentDisplay(seg);
  const key = segmentKey(seg);
  if (type === 'microsoft.network/networkinterfaces/ipconfigurations') return { kind: 'nic', resource: res.resource, entry: res.entry, name, key };
  if (type === 'microsoft.network/loadbalancers/frontendipconfigurations') return { kind: 'lb', resource: res.resource, entry: res.entry, name, key };
  return undefined;
}

/** The single destination of a TAP when it has exactly one (vtap-destination-type reports the rest). */
export function destinationOf(tap: DeployedResource, graph: ResourceGraph): Destination | undefined {
  const ds = destinationsOf(tap, graph);
  return ds.length === 1 ? ds[0] : undefined;
}

/** The subscription segment of a resource id when it is literal text. */
export function literalSubscription(id: ResourceId): string | undefined {
  const s = subscriptionOf(id);
  return s ? segmentText(s)?.toLowerCase() : undefined;
}

/**
 * The id that says which subscription a TAP's destination is in: the id as written when it names
 * a subscription in literal text and the declared resource it was matched with is in the
 * deployment's subscription, only known at deployment (resourceId('2222...', 'rg', ...) of a NIC
 * this template deploys: the graph links the two, as they are one resource when the deployment's
 * subscription is that one; but whichever resource the id names, it is in '2222...'), else the
 * declared resource's own id. An id outside the template is itself. Undefined when the
 * destination is not an id.
 */
export function destinationIdForSubscription(r: Resolution): ResourceId | undefined {
  if (r.kind === 'external') return r.id;
  if (r.kind !== 'resource' && r.kind !== 'sub') return undefined;
  if (literalSubscription(r.resource.id) !== undefined) return r.resource.id;
  // Also a subscription only known at deployment that is not the declared resource's (a
  // parameter without a value, resourceId(collectorSubscriptionId, ...)): the id says where it is.
  const written = subscriptionOf(r.id);
  const own = subscriptionOf(r.resource.id);
  return written !== undefined && own !== undefined && segmentKey(written) !== segmentKey(own) ? r.id : r.resource.id;
}

/**
 * The id that says which subscription the TAP a source names is in, when it is not the TAP's own
 * id: the id as written when its subscription is not the declared TAP's (resourceId(tapSubscriptionId,
 * ...) of the TAP this template deploys to the deployment's subscription: the graph links the two,
 * as they are one resource when the deployment's subscription is that one; but whichever TAP the
 * id names, it is in the subscription written in it, a literal one or one only known at
 * deployment, such as a parameter without a value). Undefined when the id names the declared TAP
 * in its own subscription (the same segment, such as the deployment's), or is not resolved to a
 * declared one. As destinationIdForSubscription does for a destination.
 */
export function tapIdElsewhere(source: TapSource): ResourceId | undefined {
  const r = source.tap;
  if (r.kind !== 'resource') return undefined;
  const written = subscriptionOf(r.id);
  const own = subscriptionOf(r.resource.id);
  if (written === undefined || own === undefined || segmentKey(written) === segmentKey(own)) return undefined;
  return r.id;
}

/**
 * Where a module (or nested deployment) sets the subscription a resource it deploys is in: the
 * innermost deployment above the resource whose subscriptionId is that subscription (a Bicep
 * module's `scope: resourceGroup('<subscription>', ...)`), as a related location of a finding that
 * names the subscription ("module 'spoke' deploys source NIC 'nic' to subscription '...' here").
 * Undefined for a resource of the root template, one in the deployment's own subscription, or an
 * `existing` one looked up in a scope of its own.
 */
export function subscriptionScopeOf(r: DeployedResource, what: string): { span: Span; message: string } | undefined {
  const sub = literalSubscription(r.id);
  if (sub === undefined) return undefined;
  for (let u: DeploymentUnit = r.unit; u.parent; u = u.parent.unit) {
    const dep = u.parent;
    const given = at(dep.root, 'subscriptionId');
    if (given.value === undefined) continue;
    if (typeof given.value !== 'string' || given.value.toLowerCase() !== sub) return undefined;
    return { span: given.span, message: `${deploymentLabel(dep)} deploys ${what} to subscription '${sub}' here` };
  }
  return undefined;
}

function lowerEq(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A NIC's own id and lower-cased name, not how the template calls it: a Bicep `existing` NIC (or
 * one the template declares) has a symbolic name of its own, and Azure creates a private
 * endpoint's or private link service's NIC in that resource's group, named after it.
 */
function nicOwnName(nic: NicRef): { id: ResourceId; name: string } | undefined {
  if (nic.kind === 'unknown' || nic.kind === 'scaleSet') return undefined;
  const id = nic.kind === 'resource' ? nic.resource.id : nic.id;
  if (id.types.length !== 1 || id.types[0]?.toLowerCase() !== 'networkinterfaces') return undefined;
  const name = segmentText(id.names[0] as Segment)?.toLowerCase();
  return name === undefined ? undefined : { id, name };
}

/**
 * A private endpoint in the template that names its platform-created NIC like this source NIC
 * (`customNetworkInterfaceName`): such a NIC is not a VM's, so VM-related rules leave it alone.
 */
export function privateEndpointOfNic(graph: ResourceGraph, nic: NicRef): { pe: DeployedResource; custom: LocatedValue } | undefined {
  const own = nicOwnName(nic);
  if (own === undefined) return undefined;
  const { id, name } = own;
  for (const pe of deployedOfType(graph, TYPES.privateEndpoint)) {
    const custom = at(pe.root, 'properties', 'customNetworkInterfaceName');
    if (typeof custom.value === 'string' && custom.value.toLowerCase() === name && sameScope(pe.id.scope, id.scope) !== false) return { pe, custom };
  }
  return undefined;
}

/**
 * A private link service in the template whose own network interface this NIC is. Azure creates a
 * private link service's NICs and names them after it (`<service>.nic.<suffix>`, as in the REST
 * examples: `testPls.nic.abcd1234`), in the service's resource group; a template reaches one by that
 * name (an `existing` NIC, an id). Such a NIC NATs consumer traffic for the service: no VM's, so
 * neither a TAP source nor a destination.
 */
export function privateLinkServiceOfNic(graph: ResourceGraph, nic: NicRef): DeployedResource | undefined {
  const own = nicOwnName(nic);
  const service = own === undefined ? undefined : /^(.+)\.nic\.[^.]+$/.exec(own.name)?.[1];
  if (own === undefined || service === undefined) return undefined;
  const { id } = own;
  for (const pls of graph.ofType(TYPES.privateLinkService)) {
    if (pls.id.names.length !== 1) continue;
    const plsName = segmentText(pls.id.names[0] as Segment)?.toLowerCase();
    if (plsName === service && sameScope(pls.id.scope, id.scope) !== false) return pls;
  }
  return undefined;
}

/** A NIC the platform owns (a private endpoint's or a private link service's): no VM's, so VM-related rules leave it alone. */
export function isPlatformNic(graph: ResourceGraph, nic: NicRef): boolean {
  return privateEndpointOfNic(graph, nic) !== undefined || privateLinkServiceOfNic(graph, nic) !== undefined;
}
