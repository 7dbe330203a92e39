import { defineRule } from '../src/engine/rule.js';
import { TYPES, isVmCreatedNic, orderedAfter, resolvedName, sourceEntryName, tapDeclarations, nicName, vmsCreatingNic, type TapSource } from '../src/graph/vtap.js';
import type { RuleContext } from '../src/engine/rule.js';
import { describeId, formatId, fullType } from '../src/deploy/resource-id.js';
import { Unknown } from '../src/expr/value.js';
import type { DeployedResource } from '../src/deploy/model.js';
import { describeUnknown } from '../src/engine/describe.js';
import { dependsOnAcrossModules, unknownOrigin } from './lib/support.js';
import docs from './vtap-config-target.md';

export default defineRule(
  {
    id: 'vtap-config-target',
    name: 'VtapConfigTarget',
    shortDescription: "A TAP configuration's virtualNetworkTap.id is the id of a virtual network TAP, and the configuration is deployed after that TAP and after its NIC.",
    fullDescription:
      'A TAP configuration (a tapConfigurations child resource, an inline tapConfigurations entry, or a virtualNetworkTaps entry of an IP configuration) names the TAP it sends to by id. The rule checks that the id is the id of a Microsoft.Network/virtualNetworkTaps resource and, when that TAP is in the template, that the configuration depends on it (dependsOn, a Bicep symbolic reference or a parent chain): ARM does not order resources by ids in their properties. A tapConfigurations resource whose NIC the template deploys (or whose NIC a VM of the template creates from networkInterfaceConfigurations) must also depend on that NIC (or VM): ARM does not deploy a child after its parent unless dependsOn says so, in ARM JSON even for a child nested in the resources array of its parent; the Bicep compiler writes that dependsOn for `parent:` and nested resources.',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Resource schema: NetworkInterfaceTapConfiguration.properties.virtualNetworkTap is "the reference to the Virtual Network Tap resource"',
  },
  docs,
  (ctx) => {
    // Every declaration, also those that name no TAP and so are no source for the other rules.
    for (const s of tapDeclarations(ctx.graph)) {
      // A scale set's virtualNetworkTaps entry creates no TAP configuration: vtap-source-vm-nic reports it.
      if (s.declaration === 'scaleset') continue;
      const v = s.tapId.value;
      const base = { span: s.tapId.span, resource: s.holder, sources: [s] };
      // Is the configuration on a NIC that the template deploys, after that NIC? Not asked of one
      // naming no TAP or something else (its only finding is that, below).
      if (s.declaration === 'child' && mayNameTap(s)) checkParentOrder(ctx, s);
      if (v === undefined || v === null) {
        ctx.fail({ ...base, message: `TAP configuration ${entryName(s)} names no TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource` });
        continue;
      }
      const res = s.tap;
      if (res.kind === 'none') {
        if (v instanceof Unknown) ctx.indeterminate({ ...base, related: unknownOrigin(v, s.tapId.span), message: `the TAP of ${entryName(s)} is ${describeUnknown(v)}, so vtaplint cannot check that it is a virtual network TAP` });
        else ctx.fail({ ...base, message: `the TAP reference of ${entryName(s)} is not a resource id; set it to the id of a Microsoft.Network/virtualNetworkTaps resource (resourceId('Microsoft.Network/virtualNetworkTaps', name))` });
        continue;
      }
      const type = fullType(res.id);
      if (type.toLowerCase() !== TYPES.tap.toLowerCase()) {
        ctx.fail({ ...base, message: `${entryName(s)} sends to ${res.kind === 'external' ? describeId(res.id) : `'${resolvedName(res) ?? ''}' (a ${type})`}, not a virtual network TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource` });
        continue;
      }
      if (res.kind === 'external' && ctx.graph.notDeployedAt(res.id)) {
        // A TAP the template declares under a condition that is false: it may exist already (the
        // "create it or use it" pattern), or the reference fails.
        const n = ctx.graph.notDeployedAt(res.id);
        ctx.indeterminate({
          ...base,
          message: `'${s.holder.displayName}' refers to TAP '${n?.symbolicName ?? formatId(res.id).split('/').pop()}', which this template does not deploy (its condition is false): it must exist already, or the deployment fails`,
        });
        continue;
      }
      if (res.kind !== 'resource' || res.resource.existing) {
        ctx.pass({ ...base, message: 'a TAP that exists before this deployment' });
        continue;
      }
      const tap = res.resource;
      // A TAP deployed under a condition known only at deployment, sent to by a configuration that
      // is deployed whenever the template is: without the TAP, the configuration fails.
      if (tap.state === 'maybe' && s.holder.state !== 'maybe') {
        ctx.indeterminate({
          ...base,
          related: [{ span: tap.nameSpan, message: `TAP '${tap.displayName}' is declared here` }],
          message: `'${s.holder.displayName}' refers to TAP '${tap.displayName}', which is deployed only if its condition allows (${tap.condition ? describeUnknown(tap.condition) : 'not known before deployment'}); when it is not, the TAP must exist already or the deployment fails: give the configuration the same condition`,
        });
        continue;
      }
      if (orderedAfter(ctx.graph, s.holder, tap)) {
        ctx.pass({ ...base, message: 'deployed after the TAP' });
        continue;
      }
      // In different modules, the entry goes on the modules, in the template that declares both.
      const across = dependsOnAcrossModules(s.holder, tap, s.declaration === 'child' ? 'the TAP configuration' : `'${s.holder.displayName}'`, 'the TAP');
      ctx.fail({
        ...base,
        involved: [tap],
        related: [{ span: tap.nameSpan, message: `TAP '${tap.displayName}' is declared here` }, ...(across ? [across.related] : [])],
        message: `'${s.holder.displayName}' refers to TAP '${tap.displayName}' but does not depend on it, so ARM may create it before the TAP exists and the deployment fails: ${across?.advice ?? 'add the TAP to dependsOn'}`,
      });
    }
  },
);

/**
 * How messages name a declaration: a tapConfigurations resource or an inline entry by its name
 * ('web-nic/to-collector'); an IP configuration's virtualNetworkTaps entry by its NIC. Made only
 * for a finding.
 */
function entryName(s: TapSource): string {
  return s.declaration === 'ipconfig' ? `'${s.holder.displayName}'` : sourceEntryName(s);
}

/** Whether the configuration's TAP reference may be a TAP's id (not empty, not text, not another resource's id). */
function mayNameTap(s: TapSource): boolean {
  const v = s.tapId.value;
  if (v === undefined || v === null) return false;
  if (s.tap.kind === 'none') return v instanceof Unknown;
  return fullType(s.tap.id).toLowerCase() === TYPES.tap.toLowerCase();
}

/**
 * A tapConfigurations resource is created on its NIC: when the template deploys that NIC (or a VM
 * that creates it from networkInterfaceConfigurations), the configuration must be deployed after
 * it. ARM does not order a child after its parent by itself ("An implicit deployment dependency
 * isn't automatically created between a child resource and the parent resource"), nested in the
 * parent's `resources` array or not; the Bicep compiler writes the dependsOn for `parent:` and
 * nested resources, not for a name "nic/cfg".
 */
function checkParentOrder(ctx: RuleContext, s: TapSource): void {
  const cfg = s.holder;
  if (cfg.existing) return;
  // A NIC the template declares; one a VM of the template creates (isVmCreatedNic) is there once
  // that VM is, so the configuration waits for the VM.
  const nic = s.nic.kind === 'resource' && !s.nic.resource.existing && !isVmCreatedNic(s.nic.resource) ? s.nic.resource : undefined;
  // Deployed after its NIC (almost every configuration): nothing else to do.
  if (nic && orderedAfter(ctx.graph, cfg, nic)) return;
  const before = nic ? [{ r: nic, related: undefined }] : vmsCreatingNic(ctx.graph, s.nic).map((v) => ({ r: v.vm, related: v.ref.span }));
  const nicText = `NIC '${nicName(s.nic)}'`;
  const bicep = cfg.unit.file.kind === 'bicep';
  for (const { r, related } of before) {
    if (orderedAfter(ctx.graph, cfg, r)) continue;
    const isVm = r !== nic;
    const what = isVm ? `VM '${r.displayName}'` : nicText;
    const across = dependsOnAcrossModules(cfg, r, 'the TAP configuration', isVm ? 'the VM' : 'the NIC');
    const own = isVm ? (bicep ? `add ${r.symbolicName ?? 'the VM'} to dependsOn` : 'add the VM to dependsOn') : bicep ? `declare the configuration with ${parentRef(cfg, r)} (or add the NIC to dependsOn)` : 'add the NIC to dependsOn';
    ctx.fail({
      span: cfg.nameSpan,
      resource: cfg,
      sources: [s],
      involved: [r],
      related: [
        isVm
          ? { span: related ?? r.nameSpan, message: `VM '${r.displayName}' creates ${nicText} here (networkInterfaceConfigurations)` }
          : { span: r.nameSpan, message: `${nicText} is declared here` },
        ...(across ? [across.related] : []),
      ],
      message: isVm
        ? `TAP configuration '${cfg.displayName}' is on ${nicText}, which ${what} creates in this deployment, but does not depend on that VM, so ARM may create the configuration before the VM has made the NIC and the deployment fails (ParentResourceNotFound): ${across?.advice ?? own}`
        : `TAP configuration '${cfg.displayName}' is on ${nicText}, which this template deploys, but does not depend on it, so ARM may create the configuration before the NIC exists and the deployment fails (ParentResourceNotFound; ARM does not deploy a child after its parent unless dependsOn says so): ${across?.advice ?? own}`,
    });
  }
}

/**
 * How a Bicep configuration names its NIC as `parent`: the NIC's symbolic name, or for a NIC of a
 * loop one instance of it (`parent` takes a single resource: `parent: nics` does not compile),
 * by the configuration's own loop index when it is in a loop too (`nics[i]`).
 */
function parentRef(cfg: DeployedResource, nic: DeployedResource): string {
  const symbol = nic.symbolicName ?? nic.plainDisplayName;
  if (!nic.copy || nic.symbolicName === undefined) return `\`parent: ${symbol}\``;
  return cfg.copy ? `\`parent: ${symbol}[i]\` (i: the index of its loop)` : `\`parent: ${symbol}[${nic.copy.index ?? 0}]\``;
}
