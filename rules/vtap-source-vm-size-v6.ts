import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { nicName, tapSources, vmsOfNicRef } from '../src/graph/vtap.js';
import { Unknown, type Value } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import type { DeployedResource } from '../src/deploy/model.js';
import facts from './data/vtap-facts.json' with { type: 'json' };
import { sourceRelated, unknownOrigin } from './lib/support.js';
import docs from './vtap-source-vm-size-v6.md';

/** "_v6" at the end, any case: Standard_D2s_v6 is a v6 size, Standard_NV6 is not. */
const V6 = new RegExp(facts.v6SizePattern, 'i');

const isV6 = (v: Value | undefined): v is string => typeof v === 'string' && V6.test(v);

/**
 * The written end of a size known in part ('Standard_D${vCpus}s_v6'), when it decides the rule
 * alone: at least as long as the pattern's '_v6', so that no unknown piece before it can change
 * whether the whole ends in _v6. undefined otherwise.
 */
function writtenEnding(v: Unknown): string | undefined {
  const last = v.parts?.[v.parts.length - 1];
  return typeof last === 'string' && last.length >= 3 ? last : undefined;
}

export default defineRule(
  {
    id: 'vtap-source-vm-size-v6',
    name: 'VtapSourceVmSizeV6',
    shortDescription: 'A VM whose network interface is a TAP source does not use a v6 size.',
    fullDescription:
      'During the public preview, virtual machines of the v6 sizes (names ending in _v6, such as Standard_D2s_v6) cannot be mirroring sources. A size taken from a parameter uses the value in force (parameters file, -p, else the default); a parameter without a value is indeterminate when its allowedValues include a v6 size and another, and fails when all of them are v6 sizes. A size written around an unknown part (Standard_D${vCpus}s_v6) is decided by its written end.',
    defaultLevel: 'error',
    tags: ['vtap', 'temporary'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Adding a source": "[Temporary] v6 VM SKU aren\'t supported as a source."',
  },
  docs,
  (ctx) => {
    const done = new Set<DeployedResource>();
    for (const source of tapSources(ctx.graph)) {
      // A NIC declared here or `existing`, or named only by its id: the VMs this template
      // creates with it are what this rule checks.
      const nic = source.nic.kind === 'resource' ? source.nic.resource : undefined;
      const nicShown = nicName(source.nic);
      for (const { vm } of vmsOfNicRef(ctx.graph, source.nic)) {
        if (done.has(vm)) continue;
        done.add(vm);
        const size = at(vm.root, 'properties', 'hardwareProfile', 'vmSize');
        const v = size.value;
        const ending = v instanceof Unknown ? writtenEnding(v) : undefined;
        // Where the NIC is declared, and where it is made a source (each labelled for what it is).
        const related = [...(nic ? [{ span: nic.nameSpan, message: `network interface '${nicShown}'` }] : []), sourceRelated(source)];
        const base = { span: size.span, resource: vm, involved: [...(nic ? [nic] : []), ...(source.config ? [source.config] : [])], sources: [source], related };
        if (isV6(v)) {
          ctx.fail({
            ...base,
            message: `VM '${vm.displayName}' has the v6 size '${v}' and its network interface '${nicShown}' is a TAP source; v6 sizes cannot be mirrored during the preview: choose a size that does not end in _v6`,
          });
        } else if (v instanceof Unknown && ending !== undefined) {
          // Its end is written ('Standard_D${vCpus}s_v6'): whatever the rest, it ends that way.
          if (V6.test(ending)) {
            ctx.fail({
              ...base,
              related: [...related, ...unknownOrigin(v, size.span)],
              message: `VM '${vm.displayName}' has a v6 size whatever the rest of it is: its size ends in '${ending}' as written (the rest is ${describeUnknown(v)}); its network interface '${nicShown}' is a TAP source, and v6 sizes cannot be mirrored during the preview: choose a size that does not end in _v6`,
            });
          } else ctx.pass({ ...base, message: `the size of VM '${vm.displayName}' ends in '${ending}' as written, not in _v6` });
        } else if (v instanceof Unknown) {
          // The sizes it can be: a parameter's allowedValues, or the branches of an if() (a
          // Bicep `?:`) whose condition is only known at deployment.
          const choices = v.oneOf;
          const candidates = choices?.filter(isV6);
          // What made it unknown (the parameter's declaration, the reference()), when elsewhere.
          const origin = { ...base, related: [...related, ...unknownOrigin(v, size.span)] };
          if (choices && candidates?.length === 0) {
            ctx.pass({ ...base, message: `none of the allowed sizes of VM '${vm.displayName}' is a v6 size` });
          } else if (choices && candidates?.length === choices.length) {
            // Whichever it gets, it is a v6 size: a failure, not a question.
            ctx.fail({
              ...origin,
              message: `VM '${vm.displayName}' has a v6 size whichever it gets: its size is ${describeUnknown(v)}, and every size it ${v.oneOf && !v.choice ? 'allows' : 'can be'} (${candidates.join(', ')}) is a v6 size; its network interface '${nicShown}' is a TAP source, and v6 sizes cannot be mirrored during the preview: choose a size that does not end in _v6`,
            });
          } else {
            ctx.indeterminate({
              ...origin,
              message: candidates?.length
                ? `the size of VM '${vm.displayName}' (a TAP source) is ${describeUnknown(v)} and may be one of the v6 sizes it ${v.oneOf && !v.choice ? 'allows' : 'can be'} (${candidates.join(', ')}), which cannot be mirrored`
                : `the size of VM '${vm.displayName}' (a TAP source) is ${describeUnknown(v)}, so vtaplint cannot tell whether it is a v6 size, which cannot be mirrored`,
            });
          }
        } else if (v !== undefined) {
          ctx.pass({ ...base, message: `VM '${vm.displayName}' does not use a v6 size` });
        }
      }
    }
  },
);
