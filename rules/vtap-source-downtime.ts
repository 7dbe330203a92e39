import { defineRule } from '../src/engine/rule.js';
import { isOutside, nicKey, nicName, isPlatformNic, tapSources, vmsOfNicRef } from '../src/graph/vtap.js';
import { unfetchedCreatorOfNic, unfetchedCreatorVerdict } from './lib/support.js';
import docs from './vtap-source-downtime.md';

export default defineRule(
  {
    id: 'vtap-source-downtime',
    name: 'VtapSourceDowntime',
    shortDescription: 'Adding a TAP source to a VM that already runs may cut its network for up to 60 seconds (information).',
    fullDescription:
      'During the preview, adding or removing a TAP configuration on the network interface of a running VM may interrupt its network for up to 60 seconds. The rule gives one note per source NIC whose VM exists before this deployment (an existing NIC or one outside the template).',
    defaultLevel: 'note',
    tags: ['vtap', 'temporary'],
    precision: 'high',
    source: 'Virtual network TAP overview, "Adding a source": "[Temporary] When a VM is added or removed as a source, the VM might experience network downtime (up to 60 seconds)."',
  },
  docs,
  (ctx) => {
    const seen = new Set<string>();
    for (const source of tapSources(ctx.graph)) {
      if (!isOutside(source.nic) || isPlatformNic(ctx.graph, source.nic)) continue;
      // A NIC made elsewhere but attached to a VM this deployment creates: that VM is new.
      if (vmsOfNicRef(ctx.graph, source.nic).length > 0) continue;
      // One note per NIC: by its id (scope and name), not its name, since 'web-nic' in two resource
      // groups are two NICs of two VMs.
      const key = nicKey(source.nic) ?? nicName(source.nic).toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      // A NIC that a module vtaplint never fetches creates: its VM may be new in this deployment.
      const creator = unfetchedCreatorOfNic(ctx.graph, source);
      if (creator) {
        ctx.indeterminate(unfetchedCreatorVerdict(source, creator, '; if it does, adding the TAP configuration may interrupt its network for up to 60 seconds: deploy in a maintenance window'));
        continue;
      }
      ctx.fail({
        message: `NIC '${nicName(source.nic)}' belongs to a VM that exists before this deployment; adding the TAP configuration may interrupt its network for up to 60 seconds: deploy in a maintenance window`,
        span: source.tapId.span,
        resource: source.holder,
        involved: source.config ? [source.config] : [],
        sources: [source],
      });
    }
  },
);
