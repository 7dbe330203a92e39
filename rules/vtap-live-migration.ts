import { defineRule } from '../src/engine/rule.js';
import { isOutside, nicKey, nicName, isPlatformNic, tapSources, vmsOfNicRef } from '../src/graph/vtap.js';
import { sourceRelated } from './lib/support.js';
import docs from './vtap-live-migration.md';

export default defineRule(
  {
    id: 'vtap-live-migration',
    name: 'VtapLiveMigration',
    shortDescription: 'Live migration is disabled for a VM whose NIC is a TAP source (information).',
    fullDescription:
      'During the preview, Azure disables live migration for virtual machines set as a mirroring source: host maintenance then reboots the VM instead of moving it. No ARM property controls this, so the rule gives one note per source VM.',
    defaultLevel: 'note',
    tags: ['vtap', 'temporary'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Other Limitations": "[Temporary] Virtual network doesn\'t support Live Migration. Live Migration will be disabled for VMs set as a source."',
  },
  docs,
  (ctx) => {
    const seen = new Set<string>();
    for (const source of tapSources(ctx.graph)) {
      // A private endpoint's NIC has no VM: vtap-source-vm-nic reports it.
      if (isPlatformNic(ctx.graph, source.nic)) continue;
      // The VMs this deployment creates with the NIC, also when the NIC is made elsewhere.
      const vms = vmsOfNicRef(ctx.graph, source.nic);
      if (isOutside(source.nic) && vms.length === 0) {
        // By the NIC's id, not its name: 'web-nic' in two resource groups are two VMs' NICs.
        const key = `outside|${nicKey(source.nic) ?? nicName(source.nic)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.fail({
          message: `live migration will be disabled for the VM of NIC '${nicName(source.nic)}' while it is a TAP source; plan for maintenance reboots of that VM`,
          span: source.tapId.span,
          resource: source.holder,
          involved: source.config ? [source.config] : [],
          sources: [source],
        });
        continue;
      }
      const nic = source.nic.kind === 'resource' ? [source.nic.resource] : [];
      for (const { vm } of vms) {
        if (seen.has(vm.key)) continue;
        seen.add(vm.key);
        ctx.fail({
          message: `live migration will be disabled for VM '${vm.displayName}' while its NIC '${nicName(source.nic)}' is a TAP source; plan for maintenance reboots of that VM`,
          span: vm.nameSpan,
          related: [sourceRelated(source)],
          resource: vm,
          involved: source.config ? [...nic, source.config] : nic,
          sources: [source],
        });
      }
    }
  },
);
