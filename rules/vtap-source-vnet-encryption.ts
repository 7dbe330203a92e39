import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { sourceNics } from '../src/graph/vtap.js';
import { networkKey, networkLabel, networkName, networksOfNic } from '../src/graph/network.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { sourceRelated, unknownOrigin } from './lib/support.js';
import { deployedByUnfetched, unfetchedDeployerOf, type UnfetchedDeployer } from '../src/graph/unfetched.js';
import docs from './vtap-source-vnet-encryption.md';

export default defineRule(
  {
    id: 'vtap-source-vnet-encryption',
    name: 'VtapSourceVnetEncryption',
    shortDescription: 'A source NIC is not in a virtual network with encryption enabled.',
    fullDescription:
      "VMs in a virtual network with encryption enabled cannot be mirroring sources. The rule follows each source NIC's IP configurations to their virtual network and fails when properties.encryption.enabled is true.",
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Other Limitations": "VMs in a virtual network with encryption enabled can\'t be set as mirroring source."',
  },
  docs,
  (ctx) => {
    const seen = new Set<string>();
    /** True the first time a key is seen: one result per NIC and network. */
    const first = (key: string): boolean => !seen.has(key) && Boolean(seen.add(key));
    // Once per NIC: what is checked depends on the NIC alone (see sourceNics).
    for (const { nic, source } of sourceNics(ctx.graph)) {
      // What a result about the NIC's network that cannot be checked is about.
      const about = { resource: nic, involved: source.config ? [source.config] : [], sources: [source] };
      for (const n of networksOfNic(ctx.graph, nic)) {
        const outside = n.kind === 'external' || (n.kind === 'vnet' && n.vnet.existing);
        if (outside) {
          // Deploying into a network the template does not create: its encryption is not in the template.
          if (!first(`${nic.key}|${networkKey(n) ?? ''}`)) continue;
          ctx.indeterminate({
            ...about,
            span: n.ref.span,
            related: [sourceRelated(source)],
            message: `source NIC '${nic.displayName}' is in ${networkLabel(n)}, ${outsideText(n.kind === 'external' ? unfetchedDeployerOf(ctx.graph, networkName(n), nic) : undefined)} vtaplint cannot check that its encryption is off; a VM in a virtual network with encryption enabled cannot be a TAP source: check that network`,
          });
          continue;
        }
        if (n.kind === 'unknown' && n.value instanceof Unknown && ctx.graph.resolve(n.value).kind === 'none') {
          // A subnet id known only at deployment (a parameter without a value, a property of an
          // existing resource): the network, and so its encryption, cannot be known either. (An id
          // that resolves to something else, a classic network say, is vtap-arm-only's.)
          if (!first(`${nic.key}|unknown|${n.ref.span.identity()}`)) continue;
          ctx.indeterminate({
            ...about,
            span: n.ref.span,
            related: [sourceRelated(source), ...unknownOrigin(n.value, n.ref.span)],
            message: `the subnet of source NIC '${nic.displayName}' is ${describeUnknown(n.value)}, so vtaplint cannot check that its virtual network has encryption off; a VM in a virtual network with encryption enabled cannot be a TAP source: check that network`,
          });
          continue;
        }
        if (n.kind !== 'vnet' || !first(`${nic.key}|${n.vnet.key}`)) continue;
        const enabled = at(n.vnet.root, 'properties', 'encryption', 'enabled');
        const base = {
          span: enabled.span,
          resource: n.vnet,
          involved: [nic, ...(source.config ? [source.config] : [])],
          sources: [source],
          related: [{ span: n.ref.span, message: `source NIC '${nic.displayName}' is in '${n.vnet.displayName}' here` }, sourceRelated(source)],
        };
        if (enabled.value === true)
          ctx.fail({
            ...base,
            message: `virtual network '${n.vnet.displayName}' has encryption enabled and holds source NIC '${nic.displayName}'; a VM in an encrypted virtual network cannot be a TAP source: mirror a VM in a network without encryption`,
          });
        else if (enabled.value instanceof Unknown)
          ctx.indeterminate({
            ...base,
            related: [...base.related, ...unknownOrigin(enabled.value, enabled.span)],
            message: `whether virtual network '${n.vnet.displayName}' (with source NIC '${nic.displayName}') is encrypted is ${describeUnknown(enabled.value)}; a VM in an encrypted network cannot be a TAP source`,
          });
        else ctx.pass({ ...base, message: 'not encrypted' });
      }
    }
  },
);

/** Why the network's properties are not known: a registry module deploys it, or it is outside the template. */
function outsideText(u: UnfetchedDeployer | undefined): string {
  return u ? `${deployedByUnfetched(u)}:` : 'which is outside the template, so';
}
