// Deployments whose template vtaplint never fetches (a Bicep registry module, `br:` or `ts:`, or
// a templateLink.uri), and the resources outside the template that one of them deploys.
import { ObjectValue, Unknown, type Value } from '../expr/value.js';
import { deploymentLabel, type DeployedResource } from '../deploy/model.js';
import type { ResourceGraph } from './graph.js';

/** A deployment of the template that deploys, or may deploy, a resource the template does not declare. */
export interface UnfetchedDeployer {
  deployment: DeployedResource;
  /** Where its template is linked from, as written ('br/public:avm/res/network/load-balancer:0.4.0'). */
  from: string;
  /** It passes the resource's name as a parameter (it deploys it), or only `referrer` depends on it (it may). */
  passesName: boolean;
}

const DEPLOYMENTS = 'microsoft.resources/deployments';

/** Where a deployment's template is linked from, when vtaplint never fetches it (no relativePath). */
function linkedFrom(dep: DeployedResource): string | undefined {
  if (dep.existing || dep.type.toLowerCase() !== DEPLOYMENTS) return undefined;
  const props = dep.body.get('properties');
  const link = props instanceof ObjectValue ? props.get('templateLink') : undefined;
  if (!(link instanceof ObjectValue) || link.get('relativePath') !== undefined) return undefined;
  const uri = link.get('uri') ?? link.get('id');
  return typeof uri === 'string' ? uri : undefined;
}

/** The deployment's properties.parameters, as evaluated. */
function parametersOf(dep: DeployedResource): Value | undefined {
  const props = dep.body.get('properties');
  return props instanceof ObjectValue ? props.get('parameters') : undefined;
}

/** Whether the deployment passes `name` as the value of one of its parameters (`params: { name: 'lb-web' }`). */
function passesName(dep: DeployedResource, name: string): boolean {
  const params = parametersOf(dep);
  if (!(params instanceof ObjectValue)) return false;
  const wanted = name.toLowerCase();
  return params.entries().some(([, p]) => {
    const v = p instanceof ObjectValue ? p.get('value') : undefined;
    return typeof v === 'string' && v.toLowerCase() === wanted;
  });
}

/**
 * The never-fetched deployment that deploys the resource named `name` that `referrer` refers to
 * but the template does not declare: one that passes that name as a parameter (an AVM module's
 * `name`), else one `referrer` names in its dependsOn (waiting for the module that creates it).
 */
export function unfetchedDeployerOf(graph: ResourceGraph, name: string, referrer: DeployedResource): UnfetchedDeployer | undefined {
  let waited: UnfetchedDeployer | undefined;
  for (const dep of graph.ofType(DEPLOYMENTS)) {
    const from = linkedFrom(dep);
    if (from === undefined) continue;
    if (passesName(dep, name)) return { deployment: dep, from, passesName: true };
    if (!waited && referrer.dependsOn.some((d) => d.target === dep && !d.implicit)) waited = { deployment: dep, from, passesName: false };
  }
  return waited;
}

/**
 * The never-fetched deployment given the name of a NIC the template only names (an `existing`
 * NIC, a TAP configuration's parent by id) anywhere in its parameters: an Azure Verified Modules
 * virtual machine creates the NICs of `nicConfigurations[].name`, in a template vtaplint never reads.
 */
export function unfetchedCreatorOf(graph: ResourceGraph, name: string): UnfetchedDeployer | undefined {
  const wanted = name.toLowerCase();
  for (const dep of graph.ofType(DEPLOYMENTS)) {
    const from = linkedFrom(dep);
    if (from === undefined) continue;
    const params = parametersOf(dep);
    if (params instanceof ObjectValue && params.entries().some(([, p]) => p instanceof ObjectValue && holdsName(p.get('value'), wanted, 0))) return { deployment: dep, from, passesName: true };
  }
  return undefined;
}

/** Whether a parameter value is, or holds (in an object or array, not too deep), the string `wanted` (lower-cased). */
function holdsName(v: Value | undefined, wanted: string, depth: number): boolean {
  if (typeof v === 'string') return v.toLowerCase() === wanted;
  if (depth >= MAX_ID_DEPTH) return false;
  if (Array.isArray(v)) return v.some((e) => holdsName(e, wanted, depth + 1));
  if (v instanceof ObjectValue) {
    for (let i = 0; i < v.size; i++) if (holdsName(v.valueAt(i), wanted, depth + 1)) return true;
  }
  return false;
}

/** "which module 'webLb' deploys from 'br/…', a template vtaplint never fetches, so its properties are unknown" */
export function deployedByUnfetched(u: UnfetchedDeployer): string {
  // A Bicep module as the user declared it ("module 'webLb'"), an ARM deployment by its name.
  const who = deploymentLabel(u.deployment);
  return `which ${u.passesName ? `${who} deploys` : `${who} (which it depends on) may deploy`} from '${u.from}', a template vtaplint never fetches, so its properties are unknown`;
}

/** How deep into a deployment's parameter values an id is looked for (AVM: `nicConfigurations[0].nicResourceId`). */
const MAX_ID_DEPTH = 8;

/**
 * A never-fetched deployment (a registry module) that is given the id of `resource` in its
 * parameters (`nicConfigurations: [{ nicResourceId: webNic.id }]`): what it does with it is in a
 * template vtaplint does not read (an AVM virtual machine attaches the NIC).
 */
export function unfetchedGivenIdOf(graph: ResourceGraph, resource: DeployedResource): UnfetchedDeployer | undefined {
  for (const dep of graph.ofType(DEPLOYMENTS)) {
    const from = linkedFrom(dep);
    if (from === undefined) continue;
    const params = parametersOf(dep);
    if (params !== undefined && holdsIdOf(graph, params, resource, 0)) return { deployment: dep, from, passesName: false };
  }
  return undefined;
}

function holdsIdOf(graph: ResourceGraph, v: Value, resource: DeployedResource, depth: number): boolean {
  if (depth > MAX_ID_DEPTH) return false;
  if (typeof v === 'string' || (v instanceof Unknown && v.parts)) {
    const r = graph.resolve(v);
    return r.kind === 'resource' && r.resource === resource;
  }
  if (Array.isArray(v)) return v.some((e) => holdsIdOf(graph, e, resource, depth + 1));
  if (v instanceof ObjectValue) {
    for (let i = 0; i < v.size; i++) if (holdsIdOf(graph, v.valueAt(i), resource, depth + 1)) return true;
  }
  return false;
}
