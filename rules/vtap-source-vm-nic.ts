import { defineRule, type RuleContext as Ctx } from '../src/engine/rule.js';
import { describeUnknown } from '../src/engine/describe.js';
import { at, elements, type LocatedValue } from '../src/expr/located.js';
import { Unknown } from '../src/expr/value.js';
import { deploymentLabel, type DeployedResource } from '../src/deploy/model.js';
import { unfetchedGivenIdOf } from '../src/graph/unfetched.js';
import { TYPES, nicName, privateEndpointOfNic, privateLinkServiceOfNic, tapSources, vmsOfNic, vmsOfNicRef, type TapSource } from '../src/graph/vtap.js';
import { describeId, formatId } from '../src/deploy/resource-id.js';
import { sourceRelated, nicCreatorPhrase, unfetchedCreatorOfNic } from './lib/support.js';
import docs from './vtap-source-vm-nic.md';

/** What the other source rules cannot check when the source NIC is outside the template. */
const CHECKS_NEEDING_PROPERTIES =
  'it belongs to a virtual machine, the VM size is not v6, it is in the TAP region and in the destination network (or a peered one), it is not behind a Basic load balancer, a Floating IP rule or a Private Link service, its network is not encrypted, it does not use IPv6, and it has no TAP configuration besides those in this template';

/** The same when a VM this template creates lists the NIC: that VM answers the first two. */
const CHECKS_NEEDING_NIC_PROPERTIES =
  'it is in the TAP region and in the destination network (or a peered one), it is not behind a Basic load balancer, a Floating IP rule or a Private Link service, its network is not encrypted, it does not use IPv6, and it has no TAP configuration besides those in this template';

/** "NIC 'x' (a TAP source)", with the VM this template attaches it to when there is one, and what cannot be checked. */
function outsideNic(ctx: Ctx, source: TapSource): { who: string; checks: string } {
  const vm = vmsOfNicRef(ctx.graph, source.nic)[0]?.vm;
  return vm
    ? { who: `NIC '${nicName(source.nic)}' (a TAP source, attached to VM '${vm.displayName}')`, checks: CHECKS_NEEDING_NIC_PROPERTIES }
    : { who: `NIC '${nicName(source.nic)}' (a TAP source)`, checks: CHECKS_NEEDING_PROPERTIES };
}

export default defineRule(
  {
    id: 'vtap-source-vm-nic',
    name: 'VtapSourceVmNic',
    shortDescription: "A TAP source is a virtual machine's network interface.",
    fullDescription:
      "Virtual network TAP only mirrors the network interface of a virtual machine. The rule fails for a source NIC that no VM in the template uses, a scale set's NIC, or a private endpoint's or private link service's NIC, and gives one indeterminate result for a source NIC outside the template, listing the checks that could not be made.",
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'high',
    source: 'Virtual network TAP overview, "Other Limitations": "Virtual network TAP only supports virtual machine\'s (VM) network interface as a mirroring source."',
  },
  docs,
  (ctx) => {
    const seen = new Set<string>();
    for (const source of tapSources(ctx.graph)) {
      const nic = source.nic;
      const related = [sourceRelated(source)];
      const involved = source.config ? [source.config] : [];
      if (nic.kind === 'scaleSet') {
        const key = `scaleSet|${nic.scaleSet.key}|${nic.configuration}|${nic.ipConfiguration}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // A Flexible scale set's profile makes NICs too: the advice is a VM with a NIC resource of its own.
        const flexible = at(nic.scaleSet.root, 'properties', 'orchestrationMode').value;
        const instead =
          typeof flexible === 'string' && flexible.toLowerCase() === 'flexible'
            ? `the VMs this Flexible scale set makes from its profile get their NICs from that configuration too: declare each VM with a networkInterfaces resource of its own (it may join the scale set through virtualMachineScaleSet) and give that NIC a tapConfigurations resource`
            : `use standalone VMs (or Flexible orchestration scale set VMs with NICs of their own) and give each VM's NIC a tapConfigurations resource`;
        ctx.fail({
          message: `scale set '${nic.scaleSet.displayName}' sets virtualNetworkTaps on IP configuration '${nic.ipConfiguration}' of its network interface configuration '${nic.configuration}'; a scale set's network interface cannot be a TAP source (a scale set IP configuration has no virtualNetworkTaps property, so nothing is mirrored): ${instead}`,
          span: source.tapId.span,
          related: [{ span: nic.scaleSet.nameSpan, message: `scale set '${nic.scaleSet.displayName}' is declared here` }],
          resource: nic.scaleSet,
          involved,
          sources: [source],
        });
        continue;
      }
      if (nic.kind === 'external') {
        const key = formatId(nic.id).toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        if (nic.id.types.some((t) => t.toLowerCase() === 'virtualmachinescalesets') || nic.id.namespace.toLowerCase() === 'microsoft.compute') {
          ctx.fail({
            message: `the TAP source ${describeId(nic.id)} is a scale set's network interface; a TAP can only mirror a standalone VM's network interface: use a VM (or a Flexible scale set VM with its own NIC)`,
            span: source.tapId.span,
            resource: source.holder,
            involved,
            sources: [source],
          });
          continue;
        }
        const pe = privateEndpointOfNic(ctx.graph, nic);
        if (pe) {
          failPrivateEndpoint(ctx, source, pe);
          continue;
        }
        const pls = privateLinkServiceOfNic(ctx.graph, nic);
        if (pls) {
          failPrivateLinkService(ctx, source, pls);
          continue;
        }
        const { who, checks } = outsideNic(ctx, source);
        ctx.indeterminate({
          message: `${who} is outside the template, so vtaplint cannot check that ${checks}`,
          span: source.tapId.span,
          resource: source.holder,
          involved,
          sources: [source],
        });
        continue;
      }
      if (nic.kind !== 'resource') continue;
      const r = nic.resource;
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      // A private endpoint of the template names its NIC: declared `existing` to reach it, it is
      // still no VM's NIC.
      const pe = privateEndpointOfNic(ctx.graph, nic);
      if (pe) {
        failPrivateEndpoint(ctx, source, pe);
        continue;
      }
      const pls = privateLinkServiceOfNic(ctx.graph, nic);
      if (pls) {
        failPrivateLinkService(ctx, source, pls);
        continue;
      }
      if (r.existing) {
        const { who, checks } = outsideNic(ctx, source);
        // One that a module vtaplint never fetches creates (an AVM virtual machine's NIC) is named with it.
        const creator = unfetchedCreatorOfNic(ctx.graph, source);
        const what = creator
          ? `is an existing resource ${nicCreatorPhrase(creator)}`
          : 'is an existing resource whose properties are not in the template';
        ctx.indeterminate({
          message: `${who} ${what}, so vtaplint cannot check that ${checks}`,
          span: source.tapId.span,
          related: [{ span: r.span, message: `'${r.displayName}' is declared here` }, ...(creator ? [{ span: creator.deployment.nameSpan, message: deploymentLabel(creator.deployment) }] : [])],
          resource: source.holder,
          involved: [r, ...involved],
          sources: [source],
        });
        continue;
      }
      const vms = vmsOfNic(ctx.graph, r);
      // A VM deployed whenever the NIC is: always, or under the same condition or copy count.
      const deployedVm = vms.find((v) => v.vm.state === 'deployed' || (r.state === 'maybe' && v.vm.condition?.reason.message === r.condition?.reason.message));
      if (deployedVm) {
        ctx.pass({ message: `NIC '${r.displayName}' is attached to VM '${deployedVm.vm.displayName}'`, span: source.tapId.span, resource: r });
        continue;
      }
      // Only VMs that may not be deployed (a condition or copy count known at deployment): without
      // one, the NIC has no VM.
      const maybeVm = vms[0];
      if (maybeVm) {
        const vm = maybeVm.vm;
        const what = vm.copy && vm.copy.index === undefined ? 'copy count' : 'condition';
        ctx.indeterminate({
          message: `NIC '${r.displayName}' (a TAP source) is attached to VM '${vm.displayName}', which is deployed only if its ${what} allows (${vm.condition ? describeUnknown(vm.condition) : 'not known before deployment'}); without the VM the NIC cannot be mirrored`,
          span: source.tapId.span,
          related: [{ span: maybeVm.ref.span, message: `VM '${vm.displayName}' lists the NIC here` }],
          resource: r,
          involved,
          sources: [source],
        });
        continue;
      }
      // A VM whose NIC list cannot be resolved may be the one using it.
      // Name the first such VM and the id that blocks the decision.
      const unresolved = firstUnresolvedNicOfVm(ctx);
      if (unresolved) {
        const idValue = unresolved.id.value;
        const idText = idValue instanceof Unknown ? describeUnknown(idValue) : `'${String(idValue)}'`;
        ctx.indeterminate({
          message: `NIC '${r.displayName}' (a TAP source) is not attached to any VM whose network interfaces vtaplint can resolve: VM '${unresolved.vm.displayName}' lists a network interface whose id is ${idText}, which may be this NIC; a TAP can only mirror a VM's network interface`,
          span: source.tapId.span,
          related: [...related, { span: unresolved.id.span, message: `VM '${unresolved.vm.displayName}' lists this network interface` }],
          resource: r,
          involved,
          sources: [source],
        });
        continue;
      }
      // A registry module given the NIC's id (an AVM virtual machine's nicConfigurations) may
      // attach it to the VM it deploys, in a template vtaplint never reads.
      const module = unfetchedGivenIdOf(ctx.graph, r);
      if (module) {
        ctx.indeterminate({
          message: `NIC '${r.displayName}' (a TAP source) is attached to no VM of the template, but its id is passed to deployment '${module.deployment.displayName}' from '${module.from}', a template vtaplint never fetches, which may attach it to a VM; a TAP can only mirror a VM's network interface`,
          span: source.tapId.span,
          related: [...related, { span: module.deployment.nameSpan, message: `deployment '${module.deployment.displayName}' is given the NIC's id` }],
          resource: r,
          involved,
          sources: [source],
        });
        continue;
      }
      ctx.fail({
        message: `NIC '${r.displayName}' is not attached to a virtual machine; a TAP can only mirror a VM's network interface: attach it to a VM (properties.networkProfile.networkInterfaces) or mirror the VM's NIC instead`,
        span: source.tapId.span,
        related: [{ span: r.nameSpan, message: `NIC '${r.displayName}' is declared here` }],
        resource: r,
        involved,
        sources: [source],
      });
    }
  },
);


function failPrivateEndpoint(ctx: Ctx, source: TapSource, found: NonNullable<ReturnType<typeof privateEndpointOfNic>>): void {
  ctx.fail({
    message: `NIC '${nicName(source.nic)}' is the network interface of private endpoint '${found.pe.displayName}'; a TAP can only mirror a VM's network interface: mirror the VM that talks to the endpoint instead`,
    span: source.tapId.span,
    related: [{ span: found.custom.span, message: `private endpoint '${found.pe.displayName}' names its NIC here` }],
    resource: source.holder,
    involved: [found.pe],
    sources: [source],
  });
}

function failPrivateLinkService(ctx: Ctx, source: TapSource, pls: DeployedResource): void {
  ctx.fail({
    message: `NIC '${nicName(source.nic)}' is the network interface of private link service '${pls.displayName}' (Azure creates it and names it after the service); a TAP can only mirror a VM's network interface: mirror the VMs behind the service's load balancer instead (inbound private link traffic is not mirrored there either)`,
    span: source.tapId.span,
    related: [{ span: pls.nameSpan, message: `private link service '${pls.displayName}' is declared here` }],
    resource: source.holder,
    involved: [pls],
    sources: [source],
  });
}

/** The first VM network interface entry whose id resolves to nothing vtaplint knows (a value only known at deployment, say), with its VM. */
function firstUnresolvedNicOfVm(ctx: Ctx): { vm: DeployedResource; id: LocatedValue } | undefined {
  for (const vm of ctx.graph.ofType(TYPES.vm)) {
    for (const n of elements(at(vm.root, 'properties', 'networkProfile', 'networkInterfaces'))) {
      const id = at(n, 'id');
      if (ctx.graph.resolve(id.value).kind === 'none') return { vm, id };
    }
  }
  return undefined;
}
