// Small helpers the vTAP rules share: related locations for unknown values, and the wording of
// a source's declaration, and where a missing dependsOn goes when resources are in modules.
import path from 'node:path';
import { Unknown, type Value } from '../../src/expr/value.js';
import type { RelatedLocation } from '../../src/engine/rule.js';
import type { Span } from '../../src/model/span.js';
import type { TapSource } from '../../src/graph/vtap.js';
import { dependencyPlace, describeSource } from '../../src/graph/vtap.js';
import type { DeployedResource, DeploymentUnit } from '../../src/deploy/model.js';

/** "the value comes from here" at the expression that made a value unknown (when it is elsewhere). */
export function unknownOrigin(v: Value | undefined, span: Span): RelatedLocation[] {
  return v instanceof Unknown && v.reason.span && v.reason.span !== span ? [{ span: v.reason.span, message: 'the value comes from here' }] : [];
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
