// vTAP questions asked of the graph: which TAPs are deployed, which network interfaces they
// mirror (the three ways a template declares a source), what their destination is, and which
// virtual machine owns a network interface.
import { Unknown, type Value } from '../expr/value.js';
import type { DeployedResource } from '../deploy/model.js';
import type { ResourceGraph, Resolution } from './graph.js';
import { at, elements, type LocatedValue } from './located.js';
import { truncateId, type ResourceId } from './resource-id.js';

export const TYPES = {
  tap: 'Microsoft.Network/virtualNetworkTaps',
  tapConfig: 'Microsoft.Network/networkInterfaces/tapConfigurations',
  nic: 'Microsoft.Network/networkInterfaces',
  vm: 'Microsoft.Compute/virtualMachines',
  lb: 'Microsoft.Network/loadBalancers',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  publicIp: 'Microsoft.Network/publicIPAddresses',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  privateLinkService: 'Microsoft.Network/privateLinkServices',
} as const;

/** A network interface, declared in the template or only referenced by id. */
export type NicRef = { kind: 'resource'; resource: DeployedResource } | { kind: 'external'; id: ResourceId } | { kind: 'unknown'; value: Value };

export type SourceDeclaration =
  /** A networkInterfaces/tapConfigurations resource (nested or top level). */
  | 'child'
  /** A NIC's inline properties.tapConfigurations[] (writable up to API 2019-08-01). */
  | 'inline'
  /** A NIC ipConfiguration's properties.virtualNetworkTaps[]. */
  | 'ipconfig';

/** One declaration that a TAP mirrors a network interface. */
export interface TapSource {
  declaration: SourceDeclaration;
  nic: NicRef;
  /** The tapConfigurations resource, for 'child' sources. */
  config: DeployedResource | undefined;
  /** The resource whose declaration holds it (the tapConfigurations resource or the NIC). */
  holder: DeployedResource;
  /** The TAP id value as written (virtualNetworkTap.id, or the virtualNetworkTaps[] entry's id). */
  tapId: LocatedValue;
  tap: Resolution;
  /** The whole declaration (the tap configuration object or the virtualNetworkTaps entry). */
  at: LocatedValue;
}

/** Resources a deployment really creates or might create (not `existing` references). */
export function deployedOfType(graph: ResourceGraph, type: string): DeployedResource[] {
  return graph.ofType(type).filter((r) => !r.existing);
}

export function taps(graph: ResourceGraph): DeployedResource[] {
  return deployedOfType(graph, TYPES.tap);
}

/** Every TAP source the deployment declares, in declaration order. */
export function tapSources(graph: ResourceGraph): TapSource[] {
  const out: TapSource[] = [];
  for (const r of graph.resources) {
    if (r.existing) continue;
    const type = r.type.toLowerCase();
    if (type === TYPES.tapConfig.toLowerCase()) {
      const tapId = at(r.root, 'properties', 'virtualNetworkTap', 'id');
      const parentId = truncateId(r.id, r.id.types.length - 1);
      const nic: NicRef = r.parent ? { kind: 'resource', resource: r.parent } : { kind: 'external', id: parentId };
      out.push({ declaration: 'child', nic, config: r, holder: r, tapId, tap: graph.resolve(tapId.value), at: r.root });
    } else if (type === TYPES.nic.toLowerCase()) {
      for (const cfg of elements(at(r.root, 'properties', 'tapConfigurations'))) {
        const tapId = at(cfg, 'properties', 'virtualNetworkTap', 'id');
        out.push({ declaration: 'inline', nic: { kind: 'resource', resource: r }, config: undefined, holder: r, tapId, tap: graph.resolve(tapId.value), at: cfg });
      }
      for (const ipc of elements(at(r.root, 'properties', 'ipConfigurations'))) {
        for (const entry of elements(at(ipc, 'properties', 'virtualNetworkTaps'))) {
          const tapId = at(entry, 'id');
          out.push({ declaration: 'ipconfig', nic: { kind: 'resource', resource: r }, config: undefined, holder: r, tapId, tap: graph.resolve(tapId.value), at: entry });
        }
      }
    }
  }
  return out;
}

/** Sources whose TAP is `tap`. */
export function sourcesOfTap(graph: ResourceGraph, tap: DeployedResource): TapSource[] {
  return tapSources(graph).filter((s) => s.tap.kind === 'resource' && s.tap.resource === tap);
}

/** Virtual machines whose networkProfile lists the NIC. */
export function vmsOfNic(graph: ResourceGraph, nic: DeployedResource): { vm: DeployedResource; ref: LocatedValue }[] {
  const out: { vm: DeployedResource; ref: LocatedValue }[] = [];
  for (const vm of graph.ofType(TYPES.vm)) {
    for (const n of elements(at(vm.root, 'properties', 'networkProfile', 'networkInterfaces'))) {
      const ref = at(n, 'id');
      const res = graph.resolve(ref.value);
      if (res.kind === 'resource' && res.resource === nic) out.push({ vm, ref });
    }
  }
  return out;
}

/** The VM of a NIC: declared, or unknown (external NIC or a VM only referenced). */
export function vmOfNic(graph: ResourceGraph, nic: NicRef): DeployedResource | undefined {
  if (nic.kind !== 'resource') return undefined;
  return vmsOfNic(graph, nic.resource)[0]?.vm;
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
}

/** The destination properties a TAP sets (a valid TAP sets exactly one). */
export function destinationsOf(tap: DeployedResource, graph: ResourceGraph): Destination[] {
  const out: Destination[] = [];
  for (const property of ['destinationNetworkInterfaceIPConfiguration', 'destinationLoadBalancerFrontEndIPConfiguration'] as const) {
    const holder = at(tap.root, 'properties', property);
    if (holder.value === undefined || holder.value === null) continue;
    const id = holder.value instanceof Unknown ? holder : at(holder, 'id');
    out.push({ property, id, resolution: graph.resolve(id.value) });
  }
  return out;
}

/** Lower-case region name without spaces ("East US" and "eastus" are one region). */
export function normalizeRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}
