// Variables the Bicep compiler never writes to the template. A variable whose value reads runtime
// state (a resource's or module's properties through reference(), a list*() call, or another such
// variable) is inlined at each use (the compiler's InlineDependencyVisitor), so one nothing uses
// is not in the compiled JSON at all, and ARM never evaluates it. Bicep templates are lowered with
// every variable, so the deploy stage asks this before it evaluates the unused ones.
import { someCall, type Expr } from '../expr/ast.js';
import { TExpr, isTObject, type TNode, type TObject } from '../model/template.js';
import { declaredVariables } from './declared-variables.js';

/** Whether an expression calls reference() or a list*() function, or reads a variable `inlined` says is inlined. */
function readsRuntime(e: Expr, inlined: (name: string) => boolean): boolean {
  return someCall(e, (c) => {
    if (c.ns !== undefined) return false;
    const name = c.name.toLowerCase();
    const first = c.args[0];
    return name === 'reference' || name.startsWith('list') || (name === 'variables' && first?.k === 'lit' && typeof first.value === 'string' && inlined(first.value));
  });
}

function nodeReadsRuntime(n: TNode, inlined: (name: string) => boolean): boolean {
  if (n instanceof TExpr) return readsRuntime(n.ast, inlined);
  if (Array.isArray(n)) return n.some((x) => nodeReadsRuntime(x as TNode, inlined));
  if (isTObject(n)) return Object.keys(n).some((k) => nodeReadsRuntime(n[k] as TNode, inlined));
  // A string is ARM JSON as written (or a literal): the template holds it as it is.
  return false;
}

/** The variables (lowercased names) of a lowered Bicep variables section that the compiler inlines. */
export function compilerInlinedVariables(section: TObject): Set<string> {
  const decls = new Map(declaredVariables(section).map(([name, node]) => [name.toLowerCase(), node] as const));
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
