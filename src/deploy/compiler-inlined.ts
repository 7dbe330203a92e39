// Variables the Bicep compiler never writes to the template. A variable whose value reads runtime
// state (a resource's or module's properties through reference(), a list*() call, or another such
// variable) is inlined at each use (the compiler's InlineDependencyVisitor), so one nothing uses
// is not in the compiled JSON at all, and ARM never evaluates it. Bicep templates are lowered with
// every variable, so the deploy stage asks this before it evaluates the unused ones.
import type { Expr } from '../expr/ast.js';
import { TExpr, isTObject, own, type TNode, type TObject } from '../model/template.js';

/** Whether an expression calls reference() or a list*() function, or reads a variable `inlined` says is inlined. */
function readsRuntime(e: Expr, inlined: (name: string) => boolean): boolean {
  switch (e.k) {
    case 'lit':
      return false;
    case 'member':
      return readsRuntime(e.obj, inlined);
    case 'index':
      return readsRuntime(e.obj, inlined) || readsRuntime(e.index, inlined);
    case 'call': {
      if (e.ns === undefined) {
        const name = e.name.toLowerCase();
        if (name === 'reference' || name.startsWith('list')) return true;
        const first = e.args[0];
        if (name === 'variables' && first?.k === 'lit' && typeof first.value === 'string' && inlined(first.value)) return true;
      }
      return e.args.some((a) => readsRuntime(a, inlined));
    }
  }
}

function nodeReadsRuntime(n: TNode, inlined: (name: string) => boolean): boolean {
  if (n instanceof TExpr) return readsRuntime(n.ast, inlined);
  if (Array.isArray(n)) return n.some((x) => nodeReadsRuntime(x as TNode, inlined));
  if (isTObject(n)) return Object.keys(n).some((k) => nodeReadsRuntime(n[k] as TNode, inlined));
  // A string is ARM JSON as written (or a literal): the template holds it as it is.
  return false;
}

/** The declared value of each variable of a variables section, loop variables (`copy`) by their `input`. */
function declarations(section: TObject): Map<string, TNode> {
  const out = new Map<string, TNode>();
  for (const k of Object.keys(section)) {
    const node = section[k] as TNode;
    if (k.toLowerCase() === 'copy' && Array.isArray(node)) {
      for (const e of node) {
        const name = isTObject(e) ? own(e, 'name') : undefined;
        const input = isTObject(e) ? own(e, 'input') : undefined;
        if (typeof name === 'string' && input !== undefined) out.set(name.toLowerCase(), input);
      }
    } else out.set(k.toLowerCase(), node);
  }
  return out;
}

/** The variables (lowercased names) of a lowered Bicep variables section that the compiler inlines. */
export function compilerInlinedVariables(section: TObject): Set<string> {
  const decls = declarations(section);
  const known = new Map<string, boolean>();
  const inlined = (name: string): boolean => {
    const key = name.toLowerCase();
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    // A cycle (reported elsewhere) reads as not inlined: the variable stays and is evaluated.
    known.set(key, false);
    const decl = decls.get(key);
    const result = decl !== undefined && nodeReadsRuntime(decl, inlined);
    known.set(key, result);
    return result;
  };
  const out = new Set<string>();
  for (const name of decls.keys()) if (inlined(name)) out.add(name);
  return out;
}
