// Resource types a vTAP template may write by mistake. Azure publishes two vTAP types only: the
// TAP (Microsoft.Network/virtualNetworkTaps) and a NIC's tap configuration
// (Microsoft.Network/networkInterfaces/tapConfigurations). The vTAP document's permissions table
// lists the action `Microsoft.Network/tapConfigurations/*`, which reads like a type; a type of
// that name (or a TAP type at another path, or in the singular) does not exist, and Azure rejects
// the deployment ("InvalidResourceType"): nothing is mirrored.

const TAP = 'Microsoft.Network/virtualNetworkTaps';
const CONFIG = 'Microsoft.Network/networkInterfaces/tapConfigurations';

/** The last type segments, in lower case, that name a vTAP type wherever they are written. */
const MEANT: Record<string, string> = {
  virtualnetworktaps: TAP,
  virtualnetworktap: TAP,
  tapconfigurations: CONFIG,
  tapconfiguration: CONFIG,
  networkinterfacetapconfigurations: CONFIG,
};

/** The vTAP type a Microsoft.Network type that does not exist was meant to be, if it was one. */
export function meantTapType(type: string): string | undefined {
  // Asked of every deployed resource: the last segment first, which rules out nearly all types
  // without lower-casing and splitting the whole type.
  const last = type.slice(type.lastIndexOf('/') + 1).toLowerCase();
  const meant = Object.hasOwn(MEANT, last) ? MEANT[last] : undefined;
  if (meant === undefined) return undefined;
  const lower = type.toLowerCase();
  if (!lower.startsWith('microsoft.network/')) return undefined;
  return meant.toLowerCase() !== lower ? meant : undefined;
}
