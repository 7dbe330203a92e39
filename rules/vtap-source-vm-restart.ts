import { defineRule } from '../src/engine/rule.js';
import { isOutside, isPlatformNic, nicKey, nicName, orderedAfter, resolvedName, tapOf, tapSources, taps, vmsOfNicRef } from '../src/graph/vtap.js';
import type { ResourceGraph } from '../src/graph/graph.js';
import { Unknown } from '../src/expr/value.js';
import { dependsOnAcrossModules, sourceRelated, unfetchedCreatorOfNic, unfetchedCreatorVerdict } from './lib/support.js';
import { deploymentLabel, type DeployedResource } from '../src/deploy/model.js';
import docs from './vtap-source-vm-restart.md';

export default defineRule(
  {
    id: 'vtap-source-vm-restart',
    name: 'VtapSourceVmRestart',
    shortDescription: 'A source VM that is not created after the TAP needs one stop (deallocate) and start once the TAP exists.',
    fullDescription:
      'During the preview, a VM whose NIC becomes a TAP source must be stopped (deallocated) and started after the TAP is deployed, or adding the source fails with an error that the NIC is not on fastpath. A VM the template creates after the TAP (it depends on the TAP) is fine; an existing VM, a VM outside the template, or a VM with no dependency path to the TAP needs the restart.',
    defaultLevel: 'warning',
    tags: ['vtap', 'temporary'],
    precision: 'medium',
    source: 'Virtual network TAP overview, "Adding a source": "[Temporary] ... first deploy a virtual network TAP resource and then STOP (deallocate) and START the source VM ... If not done, you will get an erorr [sic] stating the NIC is not on fastpath."',
  },
  docs,
  (ctx) => {
    const seen = new Set<string>();
    let unreadModules: Map<DeployedResource, DeployedResource> | undefined;
    for (const source of tapSources(ctx.graph)) {
      const tap = tapOf(source);
      // A private endpoint's NIC has no VM: vtap-source-vm-nic reports it.
      if (isPlatformNic(ctx.graph, source.nic)) continue;
      // The VMs this deployment creates with the NIC: also when the NIC itself is made elsewhere
      // (`existing`, or only its id), such a VM is created here and is judged like any other.
      const vms = vmsOfNicRef(ctx.graph, source.nic);
      if (isOutside(source.nic) && vms.length === 0) {
        // One restart per VM, however many TAP configurations its NIC gets.
        const key = `outside|${nicKey(source.nic) ?? source.holder.key}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // A TAP outside the template too (a spoke attaching its VMs to the hub's TAP) already
        // exists: the restart is due before this deployment, not after a TAP it does not deploy.
        const tapOutside = source.tap.kind === 'external' || (source.tap.kind === 'resource' && source.tap.resource.existing);
        const tapName = tapOutside ? resolvedName(source.tap) : undefined;
        // A NIC that a module vtaplint never fetches creates (an AVM virtual machine's
        // nicConfigurations): its VM may be created by that module, in this deployment.
        const creator = unfetchedCreatorOfNic(ctx.graph, source);
        if (creator) {
          const who = deploymentLabel(creator.deployment);
          const tapShown = tap?.displayName ?? tapName;
          const after = tapOutside || (tap !== undefined && orderedAfter(ctx.graph, creator.deployment, tap));
          const advice = after
            ? `a VM the module creates starts after TAP '${tapShown}'${tapOutside ? ', which exists before this deployment,' : ' (the module runs after it)'} and needs no restart; a VM that exists before this deployment must be stopped (deallocated) and started once after the TAP is deployed`
            : `if the module creates the VM, make ${who} depend on ${tapShown !== undefined ? `TAP '${tapShown}'` : 'the TAP'}; otherwise stop (deallocate) and start the VM once after the TAP is deployed`;
          ctx.indeterminate(unfetchedCreatorVerdict(source, creator, `: ${advice}, or adding the TAP source fails with "the NIC is not on fastpath"`));
          continue;
        }
        ctx.fail({
          message:
            tapName !== undefined
              ? `the VM of NIC '${nicName(source.nic)}' exists before this deployment, and so does TAP '${tapName}': unless that VM was stopped (deallocated) and started since the TAP was created, do so before this deployment, or adding the TAP source fails with "the NIC is not on fastpath"`
              : tap !== undefined
                ? // The TAP is created here, and the source added by the same deployment: no moment
                  // between the two for the restart the seed asks for.
                  `the VM of NIC '${nicName(source.nic)}' exists before this deployment, which creates TAP '${tap.displayName}' and adds the source in one go: unless that VM has been stopped (deallocated) and started once since a virtual network TAP existed, adding the source fails with "the NIC is not on fastpath", and one deployment leaves no moment to do it: deploy the TAP first, stop and start the VM, then add the source (a second deployment)`
                : `the VM of NIC '${nicName(source.nic)}' exists before this deployment; after the TAP is deployed, stop (deallocate) and start that VM once, or adding the TAP source fails with "the NIC is not on fastpath"`,
          span: source.tapId.span,
          resource: source.holder,
          involved: source.config ? [source.config] : [],
          sources: [source],
        });
        continue;
      }
      const nic = source.nic.kind === 'resource' ? source.nic.resource : undefined;
      const nicShown = nicName(source.nic);
      for (const { vm } of vms) {
        const key = `${vm.key}|${tap?.key ?? source.holder.key}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const base = { span: vm.nameSpan, resource: vm, involved: [...(nic ? [nic] : []), source.holder, ...(tap ? [tap] : [])], sources: [source], related: [sourceRelated(source), ...(tap ? [{ span: tap.nameSpan, message: `TAP '${tap.displayName}'` }] : [])] };
        // A TAP that a module deploys whose template vtaplint does not read (a registry module,
        // a template spec): the TAP is created by this deployment, when that module runs.
        const tapUnknown = !tap && source.tapId.value instanceof Unknown;
        const module = tapUnknown ? (unreadModules ??= unreadModulesDependedOn(ctx.graph)).get(source.holder) : undefined;
        if (module && !orderedAfter(ctx.graph, vm, module)) {
          const across = dependsOnAcrossModules(vm, module, 'the VM', `module '${module.plainDisplayName}'`);
          ctx.indeterminate({
            ...base,
            related: [...base.related, { span: module.nameSpan, message: `module '${module.displayName}'` }, ...(across ? [across.related] : [])],
            message: `the TAP of source NIC '${nicShown}' comes from module '${module.displayName}', whose template vtaplint does not read, and VM '${vm.displayName}' does not depend on it, so the VM may start before the TAP exists; ${across?.advice ?? `make the VM depend on '${module.displayName}'`}, or stop (deallocate) and start it once after the deployment`,
          });
          continue;
        }
        // A TAP outside the template exists before this deployment, so a VM created here starts after it.
        if (!tap || orderedAfter(ctx.graph, vm, tap)) {
          ctx.pass({ ...base, message: `VM '${vm.displayName}' is created after the TAP` });
          continue;
        }
        // In different modules, the entry goes on the modules, in the template that declares both.
        const across = dependsOnAcrossModules(vm, tap, 'the VM', 'the TAP');
        // The document asks for "a virtual network TAP resource" to exist before the VM starts: a
        // VM that waits for another TAP this deployment creates may be on fastpath already.
        const other = taps(ctx.graph).find((t) => t !== tap && t.state === 'deployed' && !t.existing && orderedAfter(ctx.graph, vm, t));
        if (other) {
          ctx.indeterminate({
            ...base,
            related: [...base.related, { span: other.nameSpan, message: `TAP '${other.displayName}', which the VM waits for` }],
            message: `VM '${vm.displayName}' (source NIC '${nicShown}') waits for TAP '${other.displayName}' but not for TAP '${tap.displayName}', which its NIC is added to; the document asks that "a virtual network TAP resource" exist before the VM starts, which '${other.displayName}' may be enough for: to be sure, ${across?.advice ?? `make the VM depend on TAP '${tap.displayName}' too`}`,
          });
          continue;
        }
        ctx.fail({
          ...base,
          related: across ? [...base.related, across.related] : base.related,
          message: `VM '${vm.displayName}' (source NIC '${nicShown}') does not depend on TAP '${tap.displayName}', so it may start before the TAP exists; ${across?.advice ?? 'make the VM depend on the TAP'}, or stop (deallocate) and start it once after the TAP is deployed, or adding the source fails with "the NIC is not on fastpath"`,
        });
      }
    }
  },
);

/**
 * The nested deployment (module) a TAP configuration takes its unknown TAP id from, when that
 * deployment's template is not read (registry module, template spec, templateLink.uri): one the
 * configuration depends on directly, as Bicep makes it depend on a module whose output it uses.
 * Found for every resource in one pass over the order edges (the first such module of each).
 */
function unreadModulesDependedOn(graph: ResourceGraph): Map<DeployedResource, DeployedResource> {
  const expanded = new Set(graph.resources.map((r) => r.unit.parent));
  const out = new Map<DeployedResource, DeployedResource>();
  graph.forEachOrderEdge((from, to) => {
    if (!out.has(from) && to.type.toLowerCase() === 'microsoft.resources/deployments' && !expanded.has(to)) out.set(from, to);
  });
  return out;
}
