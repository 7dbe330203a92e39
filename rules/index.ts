// The rule registry: every rule vtaplint ships, in a stable order (SARIF ruleIndex follows it).
import type { Rule } from '../src/engine/rule.js';
import invalidTemplate from './invalid-template.js';
import evaluationError from './evaluation-error.js';
import limitExceeded from './limit-exceeded.js';
import unusedSuppression from './unused-suppression.js';
import vtapSupportedRegion from './vtap-supported-region.js';
import vtapDestinationType from './vtap-destination-type.js';
import vtapSourceVmSizeV6 from './vtap-source-vm-size-v6.js';
// Seed document: prerequisites.
import vtapArmOnly from './vtap-arm-only.js';
import vtapSameRegion from './vtap-same-region.js';
import vtapCrossSubscription from './vtap-cross-subscription.js';
import vtapDestinationNetwork from './vtap-destination-network.js';
import vtapPeeringSameRegion from './vtap-peering-same-region.js';
import vtapPeeringBeforeTap from './vtap-peering-before-tap.js';
import vtapRolePermissions from './vtap-role-permissions.js';
// Seed document: limitations.
import vtapSourceVmNic from './vtap-source-vm-nic.js';
import vtapSourceVmRestart from './vtap-source-vm-restart.js';
import vtapLiveMigration from './vtap-live-migration.js';
import vtapSourceFloatingIp from './vtap-source-floating-ip.js';
import vtapSourceBasicLb from './vtap-source-basic-lb.js';
import vtapPrivateLinkInbound from './vtap-private-link-inbound.js';
import vtapSourceVnetEncryption from './vtap-source-vnet-encryption.js';
import vtapNoIpv6 from './vtap-no-ipv6.js';
import vtapSourceDowntime from './vtap-source-downtime.js';
// Other Azure documents and the resource schema.
import vtapOneConfigPerNic from './vtap-one-config-per-nic.js';
import vtapConfigTarget from './vtap-config-target.js';
import vtapDestinationPort from './vtap-destination-port.js';
import vtapInlineConfigReadonly from './vtap-inline-config-readonly.js';
import vtapApiVersion from './vtap-api-version.js';
import vtapDestinationSameSubscription from './vtap-destination-same-subscription.js';
import vtapCollectorPortOpen from './vtap-collector-port-open.js';
import vtapLimits from './vtap-limits.js';

export const RULES: readonly Rule[] = [
  invalidTemplate,
  evaluationError,
  limitExceeded,
  unusedSuppression,
  vtapSupportedRegion,
  vtapDestinationType,
  vtapSourceVmSizeV6,
  vtapArmOnly,
  vtapSameRegion,
  vtapCrossSubscription,
  vtapDestinationNetwork,
  vtapPeeringSameRegion,
  vtapPeeringBeforeTap,
  vtapRolePermissions,
  vtapSourceVmNic,
  vtapSourceVmRestart,
  vtapLiveMigration,
  vtapSourceFloatingIp,
  vtapSourceBasicLb,
  vtapPrivateLinkInbound,
  vtapSourceVnetEncryption,
  vtapNoIpv6,
  vtapSourceDowntime,
  vtapOneConfigPerNic,
  vtapConfigTarget,
  vtapDestinationPort,
  vtapInlineConfigReadonly,
  vtapApiVersion,
  vtapDestinationSameSubscription,
  vtapCollectorPortOpen,
  vtapLimits,
];
