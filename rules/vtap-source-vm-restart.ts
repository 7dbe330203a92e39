import { defineRule } from '../src/engine/rule.js';
import { declaredNic, isOutside, nicKey, nicName, orderedAfter, privateEndpointOfNic, tapOf, tapSources, vmsOfNic } from '../src/graph/vtap.js';
import { sourceRelated } from './lib/support.js';
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
    for (const source of tapSources(ctx.graph)) {
      const tap = tapOf(source);
      // A private endpoint's NIC has no VM: vtap-source-vm-nic reports it.
      if (privateEndpointOfNic(ctx.graph, source.nic)) continue;
      if (isOutside(source.nic)) {
        // One restart per VM, however many TAP configurations its NIC gets.
        const key = `outside|${nicKey(source.nic) ?? source.holder.key}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.fail({
          message: `the VM of NIC '${nicName(source.nic)}' exists before this deployment; after the TAP is deployed, stop (deallocate) and start that VM once, or adding the TAP source fails with "the NIC is not on fastpath"`,
          span: source.tapId.span,
          resource: source.holder,
          involved: source.config ? [source.config] : [],
        });
        continue;
      }
      const nic = declaredNic(source.nic);
      if (!nic) continue;
      for (const { vm } of vmsOfNic(ctx.graph, nic)) {
        const key = `${vm.key}|${tap?.key ?? source.holder.key}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const base = { span: vm.nameSpan, resource: vm, involved: [nic], related: [sourceRelated(source), ...(tap ? [{ span: tap.nameSpan, message: `TAP '${tap.displayName}'` }] : [])] };
        // A TAP outside the template exists before this deployment, so a VM created here starts after it.
        if (!tap || orderedAfter(ctx.graph, vm, tap)) {
          ctx.pass({ ...base, message: `VM '${vm.displayName}' is created after the TAP` });
          continue;
        }
        ctx.fail({
          ...base,
          message: `VM '${vm.displayName}' (source NIC '${nic.displayName}') does not depend on TAP '${tap.displayName}', so it may start before the TAP exists; make the VM depend on the TAP, or stop (deallocate) and start it once after the TAP is deployed, or adding the source fails with "the NIC is not on fastpath"`,
        });
      }
    }
  },
);
