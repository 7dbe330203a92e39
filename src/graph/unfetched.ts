// Deployments whose template vtaplint never fetches (a Bicep registry module, `br:` or `ts:`, or
// a templateLink.uri), and the resources outside the template that one of them deploys.
import { ObjectValue } from '../expr/value.js';
import type { DeployedResource } from '../deploy/model.js';
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

/** Whether the deployment passes `name` as the value of one of its parameters (`params: { name: 'lb-web' }`). */
function passesName(dep: DeployedResource, name: string): boolean {
  const props = dep.body.get('properties');
  const params = props instanceof ObjectValue ? props.get('parameters') : undefined;
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

/** "which deployment 'webLb' deploys from 'br/…', a template vtaplint never fetches, so its properties are unknown" */
export function deployedByUnfetched(u: UnfetchedDeployer): string {
  const who = `deployment '${u.deployment.displayName}'`;
  return `which ${u.passesName ? `${who} deploys` : `${who} (which it depends on) may deploy`} from '${u.from}', a template vtaplint never fetches, so its properties are unknown`;
}
