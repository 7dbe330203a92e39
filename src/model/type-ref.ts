// Type nodes of languageVersion 2.0 templates and the `$ref`s between them ("#/definitions/x", or
// a JSON pointer into a definition), as the Bicep compiler writes its types: shared by the
// deployment's parameter checks (src/deploy) and the .bicepparam check (src/bicep).
import { isTObject, ownProp, type TNode, type TObject } from './template.js';

/** How many `$ref`s one type node is followed through (a cycle ends there). */
const MAX_REF_HOPS = 32;

/**
 * The node a `$ref` names: a JSON pointer into the template ("#/definitions/a/properties/b",
 * "~1" for '/' and "~0" for '~' in a segment). Keys are matched as ARM matches them (case-insensitively).
 */
export function resolveTypeRef(template: TObject | undefined, ref: string): TObject | undefined {
  if (!template || !ref.startsWith('#/')) return undefined;
  let at: TNode | undefined = template;
  for (const raw of ref.slice(2).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at)) at = /^\d+$/.test(seg) ? at[Number(seg)] : undefined;
    else if (isTObject(at)) at = ownProp(at, seg);
    else return undefined;
  }
  return isTObject(at) ? at : undefined;
}

/** A type node and the nodes its `$ref`s lead to: a key is read from the first that has it (own keys win). */
export function typeChain(template: TObject | undefined, node: TObject): TObject[] {
  const chain = [node];
  let at = node;
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    const ref = ownProp(at, '$ref');
    const next = typeof ref === 'string' ? resolveTypeRef(template, ref) : undefined;
    if (!next || chain.includes(next)) break;
    chain.push(next);
    at = next;
  }
  return chain;
}

/**
 * A parameter (or output) declaration that may be left out (languageVersion 2.0): `nullable` on
 * it, or on a node its `$ref`s lead to. AVM modules type lock, roleAssignments and
 * diagnosticSettings by nullable definitions ("lock": { "$ref": "#/definitions/lockType" }): ARM
 * gives such a parameter null when no value is passed, and the Bicep compiler reads it as optional.
 */
export function isNullableDeclaration(decl: TObject, template: TObject | undefined): boolean {
  return typeChain(template, decl).some((node) => ownProp(node, 'nullable') === true);
}
