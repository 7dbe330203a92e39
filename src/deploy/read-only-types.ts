// Resource types Azure's published type definitions mark read-only (writableScopes: none): ARM
// can read them (`existing`, reference()) but a deployment cannot create them. Their content is
// written as entries of the parent's properties instead. Only the types the vTAP rules read (load
// balancer parts, NIC IP configurations, NSG rules) are listed. From Azure/bicep-types-az
// generated/network/microsoft.network/{2018-08-01,2019-08-01,2019-09-01,2024-05-01,2025-09-01}/
// types.json; backendAddressPools became writable with Microsoft.Network 2020-04-01 (the API
// version that added LoadBalancerBackendAddressPools_CreateOrUpdate; the template reference marks
// 2018-12-01 read-only and documents writable pools from 2020-08-01 on).

export interface ReadOnlyType {
  /** Where the content goes instead (for messages). */
  instead: string;
  /** The first API version at which the type is writable, when it became writable. */
  writableFrom?: string;
}

const READ_ONLY: Record<string, ReadOnlyType> = {
  'microsoft.network/loadbalancers/frontendipconfigurations': { instead: "an entry of the load balancer's properties.frontendIPConfigurations" },
  'microsoft.network/loadbalancers/loadbalancingrules': { instead: "an entry of the load balancer's properties.loadBalancingRules" },
  'microsoft.network/loadbalancers/probes': { instead: "an entry of the load balancer's properties.probes" },
  'microsoft.network/loadbalancers/outboundrules': { instead: "an entry of the load balancer's properties.outboundRules" },
  'microsoft.network/loadbalancers/backendaddresspools': { instead: "an entry of the load balancer's properties.backendAddressPools", writableFrom: '2020-04-01' },
  'microsoft.network/networkinterfaces/ipconfigurations': { instead: "an entry of the network interface's properties.ipConfigurations" },
  'microsoft.network/networksecuritygroups/defaultsecurityrules': { instead: "a Microsoft.Network/networkSecurityGroups/securityRules resource or an entry of the group's properties.securityRules (Azure creates the default rules itself)" },
};

/**
 * The read-only type a declaration deploys at its API version, when it is one; undefined for a
 * writable type (or an API version from which it is writable, or one not known: a parameter).
 */
export function readOnlyType(type: string, apiVersion: string | undefined): ReadOnlyType | undefined {
  const t = Object.hasOwn(READ_ONLY, type.toLowerCase()) ? READ_ONLY[type.toLowerCase()] : undefined;
  if (!t) return undefined;
  if (t.writableFrom === undefined) return t;
  // API versions are dates (with an optional -preview suffix): text order is date order.
  return typeof apiVersion === 'string' && apiVersion.slice(0, 10) < t.writableFrom ? t : undefined;
}
