// Small helpers the vTAP rules share: related locations for unknown values, and the wording of
// a source's declaration, and where a missing dependsOn goes when resources are in modules.
import path from 'node:path';
import { Unknown, type Value } from '../../src/expr/value.js';
import type { RelatedLocation, RuleContext, Verdict } from '../../src/engine/rule.js';
import { VALUE_ORIGIN, describeUnknown } from '../../src/engine/describe.js';
import type { Span } from '../../src/model/span.js';
import type { DestinationChoice, TapSource } from '../../src/graph/vtap.js';
import { dependencyPlace, describeSource, nicName, type DependencyPlace } from '../../src/graph/vtap.js';
import { deploymentLabel, type DeployedResource, type DeploymentUnit } from '../../src/deploy/model.js';
import type { LbMembership } from '../../src/graph/network.js';
import type { ResourceGraph } from '../../src/graph/graph.js';
import { segmentText, type Segment } from '../../src/deploy/resource-id.js';
import { unfetchedCreatorOf, type UnfetchedDeployer } from '../../src/graph/unfetched.js';

/** "the value comes from here" at the expression that made a value unknown (when it is elsewhere). */
export function unknownOrigin(v: Value | undefined, span: Span): RelatedLocation[] {
  return v instanceof Unknown && v.reason.span && v.reason.span !== span ? [{ span: v.reason.span, message: VALUE_ORIGIN }] : [];
}

/** A related location at a source's declaration (the tap configuration, or the NIC's virtualNetworkTaps entry). */
export function sourceRelated(source: TapSource): RelatedLocation {
  return { span: source.tapId.span, message: `the TAP source: ${describeSource(source)}` };
}

/**
 * How to make `from` wait for `to` when the two are in different modules (nested deployments),
 * where a dependsOn entry cannot name the other: the entry to add, in which file, to which
 * declaration (see dependencyPlace), and a related location there. Undefined when both are in one
 * template, where "add it to dependsOn" says it all. `fromWhat` and `toWhat` name them in prose
 * ("the TAP configuration", "the peering").
 */
export function dependsOnAcrossModules(from: DeployedResource, to: DeployedResource, fromWhat: string, toWhat: string): { advice: string; related: RelatedLocation } | undefined {
  const place = dependencyPlace(from, to);
  if (!place || (place.dependent === from && place.dependency === to)) return undefined;
  const bicep = place.unit.file.kind === 'bicep';
  const entry = dependsOnEntry(place.dependency);
  const target = `${declarationKind(place.dependent, bicep)}'${place.dependent.symbolicName ?? place.dependent.plainDisplayName}'`;
  const by = (r: DeployedResource, held: DeployedResource) => (r === held ? undefined : `${declarationKind(r, bicep)}'${r.plainDisplayName}'`);
  const toBy = by(place.dependency, to);
  const fromBy = by(place.dependent, from);
  const where = toBy && fromBy ? `${toWhat} is deployed by ${toBy} and ${fromWhat} by ${fromBy}` : toBy ? `${toWhat} is deployed by ${toBy}` : `${fromWhat} is deployed by ${fromBy ?? ''}`;
  const own = bicep ? 'resources and modules of its own file' : 'resources and deployments of its own template';
  return {
    advice: `in ${displayPath(place.unit)}, add ${entry} to the dependsOn of ${target} (${where}, and dependsOn names only ${own})`,
    related: { span: place.dependent.nameSpan, message: `add ${entry} to the dependsOn of ${target}` },
  };
}

/**
 * dependsOnAcrossModules for several resources `from` must wait for ("the peerings", both
 * directions), when the entries all go on one declaration of one template and at least one of
 * them names a module (or `from` is in one): one peering in the TAP configuration's own file and
 * the other in a module of it is one dependsOn with two entries. Each entry is listed once (both
 * peerings in one module: one entry). Undefined otherwise: say it per resource, or, all in
 * `from`'s own template, "add them to dependsOn".
 */
export function dependsOnAcrossModulesAll(from: DeployedResource, tos: readonly DeployedResource[], fromWhat: string, toWhat: string): { advice: string; related: RelatedLocation } | undefined {
  const places: { to: DeployedResource; place: DependencyPlace }[] = [];
  for (const to of tos) {
    const place = dependencyPlace(from, to);
    if (!place) return undefined;
    places.push({ to, place });
  }
  const first = places[0]?.place;
  if (!first || places.some(({ place }) => place.unit !== first.unit || place.dependent !== first.dependent)) return undefined;
  // Those deployed by a module of that template (the others are declared in it, which needs no
  // saying); all in `from`'s own template is plain "add them to dependsOn" (undefined).
  const inModules = places.filter(({ to, place }) => place.dependency !== to);
  if (inModules.length === 0 && first.dependent === from) return undefined;
  const bicep = first.unit.file.kind === 'bicep';
  const entries = and([...new Set(places.map(({ place }) => dependsOnEntry(place.dependency)))]);
  const target = `${declarationKind(first.dependent, bicep)}'${first.dependent.symbolicName ?? first.dependent.plainDisplayName}'`;
  const modules = [...new Set(inModules.map(({ place }) => `${declarationKind(place.dependency, bicep)}'${place.dependency.plainDisplayName}'`))];
  const mixed = inModules.length < places.length;
  const toBy = modules.length === 0 ? undefined : mixed ? `${and(modules)} deploy${modules.length === 1 ? 's' : ''} ${inModules.length === 1 ? 'one' : 'some'} of ${toWhat}` : `${toWhat} are deployed by ${and(modules)}`;
  const fromBy = first.dependent === from ? undefined : `${declarationKind(first.dependent, bicep)}'${first.dependent.plainDisplayName}'`;
  const where = toBy && fromBy ? `${toBy}${modules.length > 1 ? ',' : ''} and ${fromWhat} by ${fromBy}` : (toBy ?? `${fromWhat} is deployed by ${fromBy ?? ''}`);
  const own = bicep ? 'resources and modules of its own file' : 'resources and deployments of its own template';
  return {
    advice: `in ${displayPath(first.unit)}, add ${entries} to the dependsOn of ${target} (${where}, and dependsOn names only ${own})`,
    related: { span: first.dependent.nameSpan, message: `add ${entries} to the dependsOn of ${target}` },
  };
}

/** "a", "a and b", "a, b and c". */
function and(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "module " or "deployment " for a nested deployment, nothing for another resource. */
function declarationKind(r: DeployedResource, bicep: boolean): string {
  if (r.type.toLowerCase() !== 'microsoft.resources/deployments') return '';
  return bicep ? 'module ' : 'deployment ';
}

/**
 * The dependsOn entry that names `r` as its template would write it: the symbolic name (Bicep,
 * languageVersion 2.0; a loop's name waits for all its instances), else a resourceId() of its
 * name, else its name.
 */
function dependsOnEntry(r: DeployedResource): string {
  if (r.symbolicName !== undefined) return `'${r.symbolicName}'`;
  if (typeof r.name === 'string') return `"[resourceId('${r.type}', ${r.name.split('/').map((n) => `'${n}'`).join(', ')})]"`;
  return `'${r.plainDisplayName}'`;
}

/** A template's file as the user finds it: relative to the folder of the deployment's root file. */
function displayPath(unit: DeploymentUnit): string {
  let root = unit;
  while (root.parent) root = root.parent.unit;
  const rel = path.relative(path.dirname(root.file.path), unit.file.path);
  return (rel === '' ? path.basename(unit.file.path) : rel).split(path.sep).join('/');
}

/**
 * The related location of how a source NIC sits behind a load balancer: the NIC's reference to a
 * backend pool or inbound NAT rule ("NIC 'web' is in backend pool 'web-pool' of load balancer
 * 'lb' here"), or an IP-based pool's entry listing the NIC's address.
 */
export function lbMembershipRelated(nic: DeployedResource, m: LbMembership): RelatedLocation {
  const part = `${m.part.type === 'inboundNatRules' ? 'inbound NAT rule' : 'backend pool'} '${m.part.name}' of load balancer '${m.lb.displayName}'`;
  return { span: m.via.span, message: m.byAddress ? `${part} lists the IP address of NIC '${nic.displayName}' here` : `NIC '${nic.displayName}' is in ${part} here` };
}

/**
 * For a verdict about a load balancer a NIC is behind only if a value known only at deployment
 * chooses so (LbMembership.when): that choice (Verdict.chosenBy), so that a fail is told as a note.
 */
export function lbMembershipChoice(nic: DeployedResource, m: LbMembership): Pick<Verdict, 'chosenBy'> {
  if (!m.when) return {};
  const part = `${m.part.type === 'inboundNatRules' ? 'inbound NAT rule' : 'backend pool'} '${m.part.name}' of load balancer '${m.lb.displayName}'`;
  return { chosenBy: { value: m.when, subject: `NIC '${nic.displayName}' is in ${part}` } };
}

/**
 * The key a rule judges a membership once by: `once` (the NIC and load balancer, say) for a
 * certain one; for one only a choice makes, `once` with the value and the choices that hold it,
 * so that memberships in other choices are judged apart (and can make a failure in every choice).
 */
export function membershipKey(once: string, m: LbMembership): string {
  return m.when ? `${once}|${m.when.reason.message}|${m.when.reason.span?.identity() ?? ''}|${[...(m.options ?? [])].join(',')}` : once;
}

/** A failure ChosenFailures holds back: the value that chooses it, the options that hold it, and what to say of it beside another. */
interface HeldFailure {
  when: Unknown;
  options: ReadonlySet<number> | undefined;
  v: Omit<Verdict, 'kind'>;
  also: string;
}

/**
 * Failures about load balancers a NIC is behind only in some choices of a value known at
 * deployment (LbMembership.when), held until the rule has judged every load balancer of the NIC
 * (flush). Those that together hold every option of one value are a failure whichever way it
 * goes (`join ? [basicPool] : [otherBasicPool]`), told once, at the first, with the others
 * related; the rest are notes naming the value (Verdict.chosenBy).
 */
export class ChosenFailures {
  private readonly held: HeldFailure[] = [];

  constructor(private readonly ctx: RuleContext) {}

  /** `also`: what fails in that choice, said after the first when every choice fails ("load balancer 'b' is Basic too"). */
  fail(m: LbMembership, v: Omit<Verdict, 'kind'>, also: string): void {
    if (m.when) this.held.push({ when: m.when, options: m.options, v, also });
    else this.ctx.fail(v);
  }

  flush(): void {
    const byValue = new Map<Unknown, HeldFailure[]>();
    for (const h of this.held) {
      const list = byValue.get(h.when);
      if (list) list.push(h);
      else byValue.set(h.when, [h]);
    }
    this.held.length = 0;
    for (const [when, list] of byValue) {
      const count = (when.branches ?? when.oneOf)?.length ?? 0;
      const covered = new Set<number>();
      for (const h of list) for (const k of h.options ?? []) covered.add(k);
      const [first, ...rest] = list;
      if (!first || count === 0 || covered.size < count || !list.every((h) => h.options)) {
        for (const h of list) this.ctx.fail(h.v);
        continue;
      }
      const { chosenBy: _chosen, ...v } = first.v;
      const others = rest.filter((r) => r.also !== first.also);
      this.ctx.fail({
        ...v,
        related: [...(v.related ?? []), ...others.map((r) => ({ span: r.v.span, message: r.also }))],
        message: `${v.message} (so in every choice of its list of pools, which is ${describeUnknown(when)}${others.length ? `: ${others.map((r) => r.also).join('; ')}` : ''})`,
      });
    }
  }
}

/**
 * The never-fetched module (a registry module, a template spec) given the name of a source NIC
 * the template only names, `existing` or by id (see unfetchedCreatorOf): that NIC, and the VM it
 * is attached to, may be new in this deployment, not ones that exist before it.
 */
export function unfetchedCreatorOfNic(graph: ResourceGraph, source: TapSource): UnfetchedDeployer | undefined {
  const nic = source.nic;
  if (nic.kind !== 'resource' && nic.kind !== 'external') return undefined;
  const name = nic.kind === 'resource' ? nic.resource.name : segmentText(nic.id.names[nic.id.names.length - 1] as Segment);
  return typeof name === 'string' ? unfetchedCreatorOf(graph, name) : undefined;
}

/**
 * The indeterminate verdict about a source NIC that a never-fetched module may create
 * (unfetchedCreatorOfNic): "NIC 'x' is named in the parameters of module ..., so whether that VM
 * exists before this deployment is not known" followed by `consequence`, at the source's TAP id,
 * with the module's name as the related place.
 */
export function unfetchedCreatorVerdict(source: TapSource, creator: UnfetchedDeployer, consequence: string): Omit<Verdict, 'kind'> {
  return {
    message: `NIC '${nicName(source.nic)}' is ${nicCreatorPhrase(creator)}, so whether that VM exists before this deployment is not known${consequence}`,
    span: source.tapId.span,
    related: [{ span: creator.deployment.nameSpan, message: deploymentLabel(creator.deployment) }],
    resource: source.holder,
    involved: source.config ? [source.config] : [],
    sources: [source],
  };
}

/** "named in the parameters of module 'appVm', which deploys 'br/…', a template vtaplint never fetches and which may create the NIC and its VM" */
export function nicCreatorPhrase(u: UnfetchedDeployer): string {
  return `named in the parameters of ${deploymentLabel(u.deployment)}, which deploys '${u.from}', a template vtaplint never fetches and which may create the NIC and its VM`;
}

/**
 * The rule context for verdicts about one destination of a TAP (destinationChoices): each verdict
 * carries it (Verdict.destination), so that the engine names the value that chooses it. The
 * context itself when no such value does.
 */
export function aboutDestination(ctx: RuleContext, choice: DestinationChoice): RuleContext {
  if (!choice.when) return ctx;
  return {
    graph: ctx.graph,
    regions: ctx.regions,
    fail: (v) => ctx.fail({ ...v, destination: choice }),
    indeterminate: (v) => ctx.indeterminate({ ...v, destination: choice }),
    pass: (v) => ctx.pass({ ...v, destination: choice }),
  };
}
