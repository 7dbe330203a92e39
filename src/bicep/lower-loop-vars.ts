// BCP182 (and BCP120, with runtimeReads): the body of a variable's for-expression (`var x = [for ...: body]`) must be calculable
// at the start of the deployment, because the compiler writes it as a variable copy loop, which
// ARM evaluates before it deploys anything. A resource or module read as a whole, its properties
// other than id, name, type and apiVersion, its outputs, a list*() call, or a variable that reads
// any of these (a variable without a loop is inlined where it is used) is rejected.
//
// Checked on the lowered expressions: what is runtime state lowers to reference(), references()
// or list*() (a resource's id, name, type and apiVersion lower to resourceId() and literals), and
// a variable read lowers to variables('name').
import type { Expr } from '../expr/ast.js';
import { TExpr, type TNode } from '../model/template.js';
import type { VariableDeclaration } from './syntax.js';

/** What makes a value runtime state: the function that reads it. */
function runtimeCall(e: Expr): string | undefined {
  if (e.k !== 'call' || e.ns !== undefined) return undefined;
  const n = e.name.toLowerCase();
  return n === 'reference' || n === 'references' || n.startsWith('list') ? e.name : undefined;
}

function variableRead(e: Expr): string | undefined {
  if (e.k !== 'call' || e.ns !== undefined || e.name !== 'variables') return undefined;
  const a = e.args[0];
  return a?.k === 'lit' && typeof a.value === 'string' ? a.value : undefined;
}

/** What a resource or module offers before it is deployed (`foo['id']`, `foo[cond ? 'id' : 'name']`). */
const DEPLOY_TIME_PROPERTIES = new Set(['id', 'name', 'type', 'apiversion']);

function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'lit':
      return [];
    case 'call':
      return e.args;
    case 'member':
      return [e.obj];
    case 'index':
      return [e.obj, e.index];
  }
}

function* expressions(n: TNode): Generator<Expr> {
  if (n instanceof TExpr) yield n.ast;
  else if (Array.isArray(n)) for (const x of n) yield* expressions(x);
  else if (n !== null && typeof n === 'object') for (const k of Object.keys(n)) yield* expressions(n[k] as TNode);
}

export interface RuntimeUse {
  at: Expr;
  /** The variables followed, then the function that reads runtime state ("keys", "listKeys"). */
  chain: string[];
}

export class LoopVariableCheck {
  private readonly memo = new Map<string, string[] | null>();

  constructor(
    private readonly variableNode: (name: string) => TNode | undefined,
    /**
     * The Bicep name written where a lowered runtime read starts (`m` of `m.outputs.x`, `sa` of
     * `sa.listKeys()`): a chain ends at it, as the compiler's does ("x" -> "m"), not at the ARM
     * function the user never wrote ('reference').
     */
    private readonly writtenName: (start: number) => string | undefined = () => undefined,
  ) {}

  private readName(e: Expr, fn: string): string {
    return this.writtenName(e.start) ?? fn;
  }

  /**
   * `x[key]` on runtime state with a key the compiler can tell is one of id, name, type and
   * apiVersion (the compiler reads constants through variables, conditions and the array
   * functions): a deploy-time value, as `x.id` is.
   */
  private deployTimeIndex(e: Expr): boolean {
    if (e.k === 'member') return runtimeCall(e.obj) !== undefined && DEPLOY_TIME_PROPERTIES.has(e.name.toLowerCase());
    if (e.k !== 'index' || runtimeCall(e.obj) === undefined) return false;
    const keys = this.constants(e.index, 0);
    return keys !== undefined && keys.every((k) => typeof k === 'string' && DEPLOY_TIME_PROPERTIES.has(k.toLowerCase()));
  }

  /** The values an expression can have when it is a compile-time constant; undefined otherwise. */
  private constants(e: Expr, depth: number): unknown[] | undefined {
    if (depth > 32) return undefined;
    const all = (xs: Expr[]): unknown[][] | undefined => {
      const out: unknown[][] = [];
      for (const x of xs) {
        const v = this.constants(x, depth + 1);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    };
    if (e.k === 'lit') return [e.value];
    if (e.k === 'index') {
      const [objs, idxs] = all([e.obj, e.index]) ?? [];
      if (!objs || !idxs) return undefined;
      const out: unknown[] = [];
      for (const o of objs) for (const i of idxs) if (Array.isArray(o) && typeof i === 'number') out.push(o[i]);
      return out.length > 0 ? out : undefined;
    }
    if (e.k !== 'call' || e.ns !== undefined) return undefined;
    const name = e.name.toLowerCase();
    if (name === 'variables') {
      const v = variableRead(e);
      const node = v === undefined ? undefined : this.variableNode(v);
      return node === undefined ? undefined : this.nodeConstants(node, depth + 1);
    }
    if (name === 'if' && e.args.length === 3) {
      // The condition may be a parameter: either branch is a possible value.
      const [a, b] = all(e.args.slice(1)) ?? [];
      return a && b ? [...a, ...b] : undefined;
    }
    const args = all(e.args);
    if (!args) return undefined;
    if ((name === 'first' || name === 'last') && args.length === 1) return args[0]?.map((a) => (Array.isArray(a) ? (name === 'first' ? a[0] : a.at(-1)) : undefined));
    if (name === 'createarray') return args.every((a) => a.length === 1) ? [args.map((a) => a[0])] : undefined;
    if ((name === 'concat' || name === 'format') && args.every((a) => a.length === 1 && (typeof a[0] === 'string' || typeof a[0] === 'number'))) {
      const vals = args.map((a) => String(a[0]));
      if (name === 'concat') return [vals.join('')];
      const [fmt = '', ...rest] = vals;
      return [fmt.replace(/\{(\d+)\}/g, (_m, n: string) => rest[Number(n)] ?? '')];
    }
    return undefined;
  }

  private nodeConstants(n: TNode, depth: number): unknown[] | undefined {
    if (n instanceof TExpr) return this.constants(n.ast, depth);
    if (n === null || typeof n !== 'object') return [n];
    if (Array.isArray(n)) {
      const out: unknown[] = [];
      for (const x of n) {
        const v = this.nodeConstants(x, depth + 1);
        if (v?.length !== 1) return undefined;
        out.push(v[0]);
      }
      return [out];
    }
    return undefined;
  }

  /** The outermost runtime reads in a loop variable's lowered value. */
  uses(decl: VariableDeclaration, node: TNode): RuntimeUse[] {
    if (decl.value.kind !== 'For') return [];
    return this.runtimeReads(node, decl.name.name);
  }

  /**
   * The outermost runtime reads in a lowered value that must be calculated at the start of the
   * deployment (a loop variable's body, a resource's or module's name: BCP120). `self`: the
   * variable being judged, not followed into itself.
   */
  runtimeReads(node: TNode, self?: string): RuntimeUse[] {
    const out: RuntimeUse[] = [];
    const visit = (e: Expr): void => {
      if (this.deployTimeIndex(e)) return;
      const fn = runtimeCall(e);
      if (fn) return void out.push({ at: e, chain: [this.readName(e, fn)] });
      const v = variableRead(e);
      if (v !== undefined) {
        const chain = this.chainOf(v, new Set(self === undefined ? [] : [self]));
        if (chain) out.push({ at: e, chain: [v, ...chain] });
        return;
      }
      for (const c of children(e)) visit(c);
    };
    for (const e of expressions(node)) visit(e);
    return out;
  }

  /** How a variable reads runtime state (the variables after it, then the function), or null. */
  private chainOf(name: string, seen: Set<string>): string[] | null {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return null; // a cycle: reported elsewhere
    seen.add(name);
    const node = this.variableNode(name);
    let found: string[] | null = null;
    const visit = (e: Expr): void => {
      if (found || this.deployTimeIndex(e)) return;
      const fn = runtimeCall(e);
      if (fn) return void (found = [this.readName(e, fn)]);
      const v = variableRead(e);
      if (v !== undefined) {
        const chain = this.chainOf(v, seen);
        if (chain) found = [v, ...chain];
        return;
      }
      for (const c of children(e)) visit(c);
    };
    if (node !== undefined) for (const e of expressions(node)) visit(e);
    this.memo.set(name, found);
    return found;
  }
}
