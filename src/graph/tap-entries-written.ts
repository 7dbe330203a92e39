// Whether a network interface's declaration, as written, may give it TAP entries.
//
// Finding the TAP sources of a template (vtap.ts) reads every NIC's ipConfigurations and inline
// tapConfigurations, and reading them evaluates the NIC's whole body. Most templates with NICs
// have no TAP at all (VM quickstarts), and their NIC bodies were evaluated for nothing. A body
// whose path to those entries is written out (no expression, copy loop or computed key on the way)
// and has none of them gives no entry whatever its values are, so it need not be evaluated.
import { isExpressionString } from '../expr/parser.js';
import { isTObject, ownKey, type TNode, type TObject } from '../model/template.js';

/** Whether `decl` (a Microsoft.Network/networkInterfaces declaration) may hold TAP entries. */
export function mayHoldTapEntries(decl: TObject): boolean {
  // The declaration's own keys are ARM's (its `copy` is a resource loop, not a property's).
  const k = ownKey(decl, 'properties');
  if (k === undefined) return false;
  const props = decl[k];
  if (!isTObject(props)) return true;
  if (written(props, 'tapConfigurations') !== undefined) return true;
  const ipcs = written(props, 'ipConfigurations');
  if (ipcs === undefined) return false;
  if (ipcs === MAYBE || !Array.isArray(ipcs)) return true;
  for (const ipc of ipcs as TNode[]) {
    if (!isTObject(ipc) || opaque(ipc)) return true;
    const p = written(ipc, 'properties');
    if (p === undefined) continue;
    if (p === MAYBE || Array.isArray(p) || written(p, 'virtualNetworkTaps') !== undefined) return true;
  }
  return false;
}

/** A part whose value only evaluation tells. */
const MAYBE: unique symbol = Symbol('maybe');

/**
 * Property `key` of `o` as written: undefined when absent, MAYBE when `o` may get it otherwise
 * (a computed key, a property copy loop) or its value is not a written-out object or array.
 */
function written(o: TObject, key: string): TObject | TNode[] | typeof MAYBE | undefined {
  if (opaque(o)) return MAYBE;
  const k = ownKey(o, key);
  if (k === undefined) return undefined;
  const v = o[k];
  return isTObject(v) || Array.isArray(v) ? v : MAYBE;
}

/** Whether an object has a key only evaluation can name: an expression key, or a property copy loop (`copy`). */
function opaque(o: TObject): boolean {
  for (const k in o) {
    if (isExpressionString(k) || k.toLowerCase() === 'copy') return true;
  }
  return false;
}
