import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { nicsOfVmFoundBy, sourceNics, vmsOfNic } from '../src/graph/vtap.js';
import { isBasicSkuName, loadBalancersOfNic, rulesReaching } from '../src/graph/network.js';
import { Unknown } from '../src/expr/value.js';
import type { DeployedResource } from '../src/deploy/model.js';
import { describeUnknown } from '../src/engine/describe.js';
import { ChosenFailures, lbMembershipChoice, membershipKey, lbMembershipRelated, sourceRelated, unknownOrigin } from './lib/support.js';
import docs from './vtap-source-floating-ip.md';

export default defineRule(
  {
    id: 'vtap-source-floating-ip',
    name: 'VtapSourceFloatingIp',
    shortDescription: 'A source NIC is not behind a load-balancing or inbound NAT rule with Floating IP enabled.',
    fullDescription:
      'During the preview, VMs behind a Standard load balancer with Floating IP enabled cannot be mirroring sources. The rule follows each source NIC into the backend pools and inbound NAT rules it is in (NIC references, or IP-based pools listing its static IP) and fails for a load-balancing or inbound NAT rule using that pool with enableFloatingIP: true.',
    defaultLevel: 'error',
    tags: ['vtap', 'temporary'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Other Limitations": "[Temporary] VMs behind a Standard Load Balancer with Floating IP enabled can\'t be set as a mirroring source."',
  },
  docs,
  (ctx) => {
    const seen = new Set<string>();
    const nics = sourceNics(ctx.graph);
    // NICs that are sources themselves are judged as sources, not as the other NIC of a VM.
    const sourceKeys = new Set(nics.map((n) => n.nic.key));
    // Once per NIC: what is checked depends on the NIC alone (see sourceNics).
    for (const { nic, source } of nics) {
      const chosen = new ChosenFailures(ctx);
      for (const m of loadBalancersOfNic(ctx.graph, nic)) {
        // The doc's limitation is of a Standard load balancer; a Basic one keeps the VM from being
        // a source whatever its rules (vtap-source-basic-lb), and "set enableFloatingIP to false"
        // would fix nothing.
        if (knownBasic(m.lb)) continue;
        // An `existing` load balancer's own rules are not in the template (vtap-source-basic-lb
        // reports it as outside), but rules the template adds to it as child resources
        // (loadBalancers/inboundNatRules with parent: existingLb) are, and decide as any other.
        for (const rule of rulesReaching(ctx.graph, m)) {
          const once = `${nic.key}|${m.lb.key}|${rule.kind}|${rule.name}`;
          const key = membershipKey(once, m);
          if (seen.has(once) || seen.has(key)) continue;
          seen.add(key);
          const fip = at(rule.decl, 'properties', 'enableFloatingIP');
          const base = {
            span: fip.span,
            resource: m.lb,
            involved: [nic, m.declaration, ...(source.config ? [source.config] : [])],
            sources: [source],
            related: [lbMembershipRelated(nic, m), sourceRelated(source)],
            ...lbMembershipChoice(nic, m),
          };
          if (fip.value === true)
            chosen.fail(
              m,
              {
                ...base,
                message: `rule '${rule.name}' of load balancer '${m.lb.displayName}' has Floating IP enabled and sends to source NIC '${nic.displayName}'; a VM behind a Floating IP rule cannot be a TAP source: set enableFloatingIP to false or mirror another VM`,
              },
              `in another choice rule '${rule.name}' of load balancer '${m.lb.displayName}' sends to it with Floating IP enabled`,
            );
          else if (fip.value instanceof Unknown)
            ctx.indeterminate({
              ...base,
              related: [...base.related, ...unknownOrigin(fip.value, fip.span)],
              message: `enableFloatingIP of rule '${rule.name}' of load balancer '${m.lb.displayName}' is ${describeUnknown(fip.value)}; if it is true, source NIC '${nic.displayName}' cannot be mirrored`,
            });
          else ctx.pass({ ...base, message: 'no floating IP' });
        }
      }
      chosen.flush();
      // The doc speaks of the VM ("VMs behind a Standard Load Balancer with Floating IP enabled"),
      // the catalogue of the source NIC: a Floating IP rule reaching another NIC of the source's VM
      // is told as indeterminate, naming that NIC and the rule.
      for (const found of vmsOfNic(ctx.graph, nic)) {
        const vm = found.vm;
        for (const other of nicsOfVmFoundBy(ctx.graph, found)) {
          if (other.kind !== 'resource' || other.resource.key === nic.key || sourceKeys.has(other.resource.key)) continue;
          for (const m of loadBalancersOfNic(ctx.graph, other.resource)) {
            if (knownBasic(m.lb)) continue;
            for (const rule of rulesReaching(ctx.graph, m)) {
              const key = `${nic.key}|${vm.key}|${other.resource.key}|${m.lb.key}|${rule.kind}|${rule.name}`;
              if (seen.has(key)) continue;
              seen.add(key);
              const fip = at(rule.decl, 'properties', 'enableFloatingIP');
              if (fip.value !== true) continue;
              ctx.indeterminate({
                span: fip.span,
                resource: m.lb,
                involved: [other.resource, nic, vm, m.declaration, ...(source.config ? [source.config] : [])],
                sources: [source],
                related: [lbMembershipRelated(other.resource, m), sourceRelated(source)],
                message: `rule '${rule.name}' of load balancer '${m.lb.displayName}' has Floating IP enabled and sends to NIC '${other.resource.displayName}' of VM '${vm.displayName}', whose NIC '${nic.displayName}' is a TAP source; the Azure doc says a VM behind a Floating IP rule cannot be a mirroring source, and it speaks of the VM, not of one NIC: if that holds for any NIC of the VM, '${nic.displayName}' cannot be mirrored; set enableFloatingIP to false to be sure`,
              });
            }
          }
        }
      }
    }
  },
);

/** A load balancer the template deploys as Basic (see vtap-source-basic-lb); an `existing` one's sku is not in the template. */
function knownBasic(lb: DeployedResource): boolean {
  return !lb.existing && isBasicSkuName(at(lb.root, 'sku', 'name').value);
}
