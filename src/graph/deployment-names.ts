// Deployments (Bicep modules, nested and linked deployments) that share a name in one scope. A
// deployment is a resource of the resource group (or subscription, ...) it runs in, named by its
// name (PUT .../resourceGroups/{rg}/providers/Microsoft.Resources/deployments/{name}): two of the
// same name are one resource. A PUT while the other is still running fails ("Unable to edit or
// replace deployment 'x': previous deployment ... is still active", DeploymentActive); one after
// it has finished replaces its record, and its outputs with it. Two such in one template are the
// deploy stage's "defined multiple times" error (the Bicep compiler's BCP122): this finds those
// of different templates (a module deploying one of the name of another, or of itself).
import type { DeployedResource } from '../deploy/model.js';
import { isTObject, ownProp } from '../model/template.js';
import type { ResourceGraph } from './graph.js';
import { orderedAfter } from './vtap.js';

const DEPLOYMENTS = 'microsoft.resources/deployments';

export interface SharedDeploymentName {
  /** The deployment reported (the later one in declaration order). */
  deployment: DeployedResource;
  /** The earlier one of the same name and scope, in another template. */
  other: DeployedResource;
  /**
   * 'nested': one runs inside the other, which is still running when it starts (fails for
   * certain); 'parallel': nothing orders them, ARM starts both at once; 'ordered': one starts
   * after the other has finished, and replaces it.
   */
  relation: 'nested' | 'parallel' | 'ordered';
}

/**
 * Each deployment whose name and scope an earlier one of another template has. A module file
 * deployed several times repeats the same pair at every instance: one per pair of declarations
 * (the places their names are written), as the deploy stage reports duplicates.
 */
export function sharedDeploymentNames(graph: ResourceGraph): SharedDeploymentName[] {
  const out: SharedDeploymentName[] = [];
  const seen = new Set<string>();
  const pairs = new Set<string>();
  for (const r of graph.resources) {
    if (r.existing || r.type.toLowerCase() !== DEPLOYMENTS || seen.has(r.key)) continue;
    seen.add(r.key);
    // A name known only in part is written alike in both (its key holds the unknown parts' text),
    // but may differ from one deployment to the other: uniqueString(deployment().name) under two
    // modules named after a parameter, or a parameter each deployment is given. Only names known
    // in full are the same name for certain.
    if (typeof r.name !== 'string') continue;
    const all = graph.declarationsOf(r.key).filter((d) => !d.existing && typeof d.name === 'string' && deploysSomething(d));
    for (let j = 1; j < all.length; j++) {
      const d = all[j] as DeployedResource;
      // Those of one template are the deploy stage's error already.
      const other = all.slice(0, j).find((e) => e.unit !== d.unit);
      if (!other) continue;
      const pair = `${d.nameSpan.identity()}\u0000${other.nameSpan.identity()}`;
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      out.push({ deployment: d, other, relation: relationOf(graph, d, other) });
    }
  }
  return out;
}

/**
 * Whether the deployment has a template to deploy (inline or linked). One without is already an
 * error where it is written (a Bicep module whose file could not be loaded, or that is part of a
 * cycle of modules, which the compiler rejects): it never runs, so its name clashes with nothing.
 */
function deploysSomething(d: DeployedResource): boolean {
  // ARM reads these keys in any letter case ("Properties", "Template").
  const props = ownProp(d.decl.node, 'properties');
  return isTObject(props) && (ownProp(props, 'template') !== undefined || ownProp(props, 'templateLink') !== undefined);
}

function relationOf(graph: ResourceGraph, a: DeployedResource, b: DeployedResource): SharedDeploymentName['relation'] {
  if (inside(a, b) || inside(b, a)) return 'nested';
  return orderedAfter(graph, a, b) || orderedAfter(graph, b, a) ? 'ordered' : 'parallel';
}

/** Whether `r` is deployed by `deployment`, directly or through deployments within it. */
export function inside(r: DeployedResource, deployment: DeployedResource): boolean {
  for (let p = r.unit.parent; p; p = p.unit.parent) if (p === deployment) return true;
  return false;
}
