// The variables a template's variables section declares: its keys, and the entries of its `copy`
// array (variable loops) by their names.
import { isTObject, own, type TNode, type TObject } from '../model/template.js';

/** Each declared variable's name as written and its declared value (a loop variable's `input`; undefined when it has none). */
export function declaredVariables(section: TObject): [string, TNode | undefined][] {
  const out: [string, TNode | undefined][] = [];
  for (const k of Object.keys(section)) {
    const node = section[k] as TNode;
    if (k.toLowerCase() === 'copy' && Array.isArray(node)) {
      for (const e of node) {
        const name = isTObject(e) ? own(e, 'name') : undefined;
        if (typeof name === 'string') out.push([name, isTObject(e) ? own(e, 'input') : undefined]);
      }
    } else out.push([k, node]);
  }
  return out;
}
