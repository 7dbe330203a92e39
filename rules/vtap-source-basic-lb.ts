import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { nicsOfVmFoundBy, sourceNics, vmsOfNic } from '../src/graph/vtap.js';
import { isBasicSkuName, loadBalancersOfNic, outsideLoadBalancersOfNic, unknownLbReferencesOfNic, type OutsideLb } from '../src/graph/network.js';
import type { ResourceGraph } from '../src/graph/graph.js';
import type { DeployedResource } from '../src/deploy/model.js';
import { deployedByUnfetched, unfetchedDeployerOf } from '../src/graph/unfetched.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { ChosenFailures, lbMembershipChoice, membershipKey, lbMembershipRelated, sourceRelated, unknownOrigin } from './lib/support.js';
import docs from './vtap-source-basic-lb.md';

export default defineRule(
  {
    id: 'vtap-source-basic-lb',
    name: 'VtapSourceBasicLb',
    shortDescription: 'A source NIC is not behind a Basic load balancer.',
    fullDescription:
      'VMs behind a Basic load balancer cannot be mirroring sources. The rule follows each source NIC into the backend pools and inbound NAT rules it is in and fails when the load balancer\'s sku.name is Basic (a load balancer without a sku is Basic).',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Other Limitations": "VMs behind Basic Load Balancer can\'t be set as a mirroring source."',
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
        // Once per load balancer; one the NIC is behind only in some choices once per set of
        // choices, so that choices that together hold it everywhere make a failure (ChosenFailures).
        const once = `${nic.key}|${m.lb.key}`;
        const key = membershipKey(once, m);
        if (m.lb.existing || seen.has(once) || seen.has(key)) continue;
        seen.add(key);
        const skuObject = at(m.lb.root, 'sku');
        const sku = at(skuObject, 'name');
        const v = sku.value;
        // No sku name means Basic: point at the sku that leaves it out (sku: { tier: 'Regional' }), else at the name.
        const noName = skuObject.value !== undefined && skuObject.value !== null && !(skuObject.value instanceof Unknown);
        const base = {
          span: v === undefined ? (noName ? skuObject.span : m.lb.nameSpan) : sku.span,
          resource: m.lb,
          involved: [nic, m.declaration, ...(source.config ? [source.config] : [])],
          sources: [source],
          related: [lbMembershipRelated(nic, m), sourceRelated(source)],
          ...lbMembershipChoice(nic, m),
        };
        if (isBasicSkuName(v))
          chosen.fail(
            m,
            {
              ...base,
              message: `source NIC '${nic.displayName}' is behind load balancer '${m.lb.displayName}', which is ${v === undefined ? (noName ? 'Basic (its sku sets no name)' : 'Basic (it sets no sku)') : 'Basic'}; a VM behind a Basic load balancer cannot be a TAP source: use a Standard load balancer`,
            },
            `in another choice it is behind load balancer '${m.lb.displayName}', which is Basic too`,
          );
        else if (v instanceof Unknown)
          ctx.indeterminate({
            ...base,
            related: [...base.related, ...unknownOrigin(v, sku.span)],
            message: `the sku of load balancer '${m.lb.displayName}' in front of source NIC '${nic.displayName}' is ${describeUnknown(v)}; a Basic load balancer would keep the NIC from being mirrored`,
          });
        else ctx.pass({ ...base, message: 'not Basic' });
      }
      chosen.flush();
      // The doc speaks of the VM ("VMs behind Basic Load Balancer can't be set as a mirroring
      // source"), the catalogue of the source NIC: another NIC of the source's VM behind a Basic
      // load balancer is told as indeterminate, naming that NIC and load balancer.
      for (const found of vmsOfNic(ctx.graph, nic)) {
        const vm = found.vm;
        for (const other of nicsOfVmFoundBy(ctx.graph, found)) {
          if (other.kind !== 'resource' || other.resource.key === nic.key || sourceKeys.has(other.resource.key)) continue;
          for (const m of loadBalancersOfNic(ctx.graph, other.resource)) {
            const key = `${nic.key}|${vm.key}|${other.resource.key}|${m.lb.key}`;
            if (m.lb.existing || seen.has(key)) continue;
            seen.add(key);
            const v = at(m.lb.root, 'sku', 'name').value;
            if (!isBasicSkuName(v)) continue;
            ctx.indeterminate({
              span: m.via.span,
              resource: m.lb,
              involved: [other.resource, nic, vm, ...(source.config ? [source.config] : [])],
              sources: [source],
              related: [lbMembershipRelated(other.resource, m), sourceRelated(source)],
              message: `NIC '${other.resource.displayName}' of VM '${vm.displayName}', whose NIC '${nic.displayName}' is a TAP source, is behind load balancer '${m.lb.displayName}', which is Basic; the Azure doc says a VM behind a Basic load balancer cannot be a mirroring source, and it speaks of the VM, not of one NIC: if that holds for any NIC of the VM, '${nic.displayName}' cannot be mirrored; use a Standard load balancer for '${other.resource.displayName}' to be sure`,
            });
          }
        }
      }
      // A load balancer the template does not deploy: neither its SKU nor its rules can be seen.
      // Reported once here, for vtap-source-floating-ip too (as the catalogue has outside resources reported).
      for (const lb of outsideLoadBalancersOfNic(ctx.graph, nic)) {
        if (seen.has(`${nic.key}|${lb.key}`)) continue;
        seen.add(`${nic.key}|${lb.key}`);
        ctx.indeterminate({
          span: lb.via.span,
          resource: nic,
          involved: source.config ? [source.config] : [],
          sources: [source],
          related: [sourceRelated(source)],
          ...(lb.when ? { chosenBy: { value: lb.when, subject: `NIC '${nic.displayName}' is behind load balancer '${lb.name}'` } } : {}),
          message: `source NIC '${nic.displayName}' is behind load balancer '${lb.name}', ${outsideText(ctx.graph, lb, nic)} vtaplint cannot check that it is not a Basic load balancer and has no Floating IP rule for the NIC's pool; either keeps the VM from being a TAP source: check that load balancer`,
        });
      }
      // A pool or NAT rule id known only at deployment: the load balancer behind it cannot be
      // named, let alone checked (reported once here for vtap-source-floating-ip too).
      for (const { ref, part, whole } of unknownLbReferencesOfNic(ctx.graph, nic)) {
        const key = `${nic.key}|unknown|${ref.span.identity()}`;
        if (seen.has(key) || !(ref.value instanceof Unknown)) continue;
        seen.add(key);
        ctx.indeterminate({
          span: ref.span,
          resource: nic,
          involved: source.config ? [source.config] : [],
          related: [sourceRelated(source), ...unknownOrigin(ref.value, ref.span)],
          message: whole
            ? `the load balancer ${part === 'backendAddressPools' ? 'backend pools' : 'inbound NAT rules'} of source NIC '${nic.displayName}' are ${describeUnknown(ref.value)}, so vtaplint cannot check that none is of a Basic load balancer or has a Floating IP rule for it; either keeps the VM from being a TAP source: check them`
            : `source NIC '${nic.displayName}' is in ${part === 'backendAddressPools' ? 'a load balancer backend pool' : 'a load balancer inbound NAT rule'} whose id is ${describeUnknown(ref.value)}, so vtaplint cannot check that its load balancer is not a Basic load balancer and has no Floating IP rule for it; either keeps the VM from being a TAP source: check that load balancer`,
        });
      }
    }
  },
);

/** Why the load balancer's properties are not known: a registry module deploys it, or it is outside the template. */
function outsideText(graph: ResourceGraph, lb: OutsideLb, nic: DeployedResource): string {
  const u = lb.external ? unfetchedDeployerOf(graph, lb.name, nic) : undefined;
  return u ? `${deployedByUnfetched(u)}:` : 'which is outside the template, so';
}
