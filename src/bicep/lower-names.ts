// Names and ids of resources and module deployments, as the compiler writes them (see
// lower.ts): a resource instance's name (with its parents'), its resource id at its scope, a
// module deployment's id, and the loop locals of an instance.
import type { Expr } from '../expr/ast.js';
import { call, formatCall, index, lit, litString, member } from './lower-ast.js';
import { DeclarationCollector } from './lower-collect.js';
import { type Binding, type LowerCtx, RefCollector, withLocals } from './lower-expr.js';
import type { ModInfo, ResInfo, SymInfo } from './lower-symbols.js';
import type { Expression, ForExpression, Node } from './syntax.js';

export const DEPLOYMENTS_TYPE = 'Microsoft.Resources/deployments';
export const DEPLOYMENTS_API = '2022-09-01';

export abstract class NameLowerer extends DeclarationCollector {
  protected parentIdx(r: ResInfo, idx: Expr | undefined, at: Node): Expr | undefined {
    return r.parentIndex ? this.expr(r.parentIndex, this.instanceCtx(r, idx, undefined, at)) : undefined;
  }

  /** Locals of a resource/module instance: the loop item and index bound to coll[idx] and idx. */
  protected instanceCtx(r: SymInfo, idx: Expr | undefined, refs: RefCollector | undefined, at: Node): LowerCtx {
    const loop = r.loop ?? (r.kind === 'resource' ? this.ancestorLoop(r) : undefined);
    if (!loop) return { refs };
    const i = idx ?? call('copyIndex', [], at);
    const coll = this.expr(loop.iterable, { refs });
    const add: [string, Binding][] = [[loop.item.name, idx ? { kind: 'expr', expr: index(coll, i, idx), atAccess: true } : { kind: 'expr', expr: index(coll, i, loop.item) }]];
    if (loop.index) add.push([loop.index.name, { kind: 'expr', expr: i }]);
    return withLocals({ refs }, add);
  }

  /** A resource without a name, or inside one: in a file with extensions, an extension's resource. */
  protected ofExtension(r: ResInfo): boolean {
    for (let x: ResInfo | undefined = r; x; x = x.parent) if (!x.nameProp) return true;
    return false;
  }

  protected ancestorLoop(r: ResInfo): ForExpression | undefined {
    for (let p = r.parent; p; p = p.parent) if (p.loop) return p.loop;
    return undefined;
  }

  /** The name as written (the last segment for a child with a parent). */
  protected shortName(r: SymInfo, idx: Expr | undefined, refs: RefCollector | undefined): Expr {
    if (!r.nameProp) {
      if (r.kind === 'module') return this.generatedModuleName(r, idx);
      // Extension resources (Kubernetes, Microsoft Graph) may have no ARM name.
      if (!this.hasResourceExtensions) return this.noName(r);
      return lit(r.symbol, r.decl.name);
    }
    return this.expr(r.nameProp.value, this.instanceCtx(r, idx, refs, r.nameProp));
  }

  /**
   * The deployment name the compiler gives a module written without one (optional module names):
   * its symbol, cut to 50 characters (46 in a loop, which adds the instance's index), and a hash
   * of the symbol and the parent deployment's name, so that every instance's name is its own:
   * `format('sym-{0}', uniqueString('sym', deployment().name))`, and in a loop
   * `format('sym-{0}-{1}', copyIndex(), uniqueString(...))`. Deployment names are at most 64 long.
   */
  private generatedModuleName(r: SymInfo, idx: Expr | undefined): Expr {
    const at = r.decl.name;
    const hash = call('uniqueString', [lit(r.symbol, at), member(call('deployment', [], at), 'name', at)], at);
    if (!r.loop) return call('format', [lit(`${r.symbol.slice(0, 50)}-{0}`, at), hash], at);
    return call('format', [lit(`${r.symbol.slice(0, 46)}-{0}-{1}`, at), idx ?? call('copyIndex', [], at), hash], at);
  }

  /**
   * A resource without a name: reported once, at its symbolic name (BCP035), and given an unknown
   * name so that the deploy stage does not report it again ("the resource has no 'name'") nor
   * judge the name it does not have. Not reported when its body does not parse: the name may be
   * on the line that did not (the compiler does not report missing properties there either).
   */
  protected noName(r: SymInfo): Expr {
    if (!r.body?.hasErrors) this.error(r.decl.name, `the resource '${r.symbol}' has no name`);
    return this.reported(r.decl.name);
  }

  /** The full name (`parent/child` for children). */
  protected fullName(r: SymInfo, idx: Expr | undefined, refs: RefCollector | undefined): Expr {
    const short = this.shortName(r, idx, refs);
    if (r.kind !== 'resource' || !r.parent) return short;
    const parentIdx = this.parentIdx(r, idx, r.decl.name);
    const parent = parentIdx === undefined ? this.wholeFullName(r.parent, refs) : this.fullName(r.parent, parentIdx, refs);
    return formatCall(['', '/', ''], [parent, short], r.nameProp ?? r.decl.name);
  }

  /** See wholeFullName. */
  private readonly fullNames = new Map<SymInfo, { expr: Expr; refs: RefCollector }>();

  /**
   * fullName(r, undefined, refs), lowered once per resource: each child's name is built on its
   * parent's, so a chain of N `parent:` references lowered the names above each resource again,
   * N times up to 256 levels (2,500 resources: 3.2 million name expressions). The references the
   * name reads are kept with it and added to `refs` at each use, as lowering it again added them.
   */
  protected wholeFullName(r: SymInfo, refs: RefCollector | undefined): Expr {
    let hit = this.fullNames.get(r);
    if (!hit) {
      const own = new RefCollector();
      hit = { expr: this.fullName(r, undefined, own), refs: own };
      this.fullNames.set(r, hit);
    }
    if (refs) mergeRefs(refs, hit.refs);
    return hit.expr;
  }

  private nameSegments(r: ResInfo, idx: Expr | undefined): Expr[] {
    const short = this.shortName(r, idx, undefined);
    if (r.parent) return [...this.nameSegments(r.parent, this.parentIdx(r, idx, r.decl.name)), short];
    const levels = r.type.split('/').length - 1;
    if (levels <= 1) return [short];
    const s = litString(short);
    if (s !== undefined && s.split('/').length === levels) return s.split('/').map((p) => lit(p, short));
    const at: Node = r.nameProp ?? r.decl.name;
    return Array.from({ length: levels }, (_, i) => index(call('split', [short, lit('/', at)], at), lit(i, at), at));
  }

  protected rootOf(r: ResInfo): ResInfo {
    let x = r;
    while (x.parent) x = x.parent;
    return x;
  }

  /** Resources whose id is being built: a `scope` chain that leads back to one is a cycle. */
  private readonly idBusy = new Set<ResInfo>();

  /** The resource id expression of a resource instance. */
  idExpr(r: ResInfo, idx: Expr | undefined, at: Node): Expr {
    // A scope chain back to the same resource (scope: self, or a.scope = b, b.scope = a) would
    // recurse without end; Bicep rejects it too (BCP080).
    if (this.idBusy.has(r)) {
      this.error(at, "the 'scope' chain of resources forms a cycle");
      return lit('', at);
    }
    this.idBusy.add(r);
    try {
      return this.idExprOnce(r, idx, at);
    } finally {
      this.idBusy.delete(r);
    }
  }

  private idExprOnce(r: ResInfo, idx: Expr | undefined, at: Node): Expr {
    const args = [lit(r.type, at), ...this.nameSegments(r, idx)];
    const root = this.rootOf(r);
    const scopeProp = root.scopeProp;
    if (scopeProp) {
      const sv = scopeProp.value;
      // The scope may use the loop item of the resource (existing resources in a loop).
      const sctx = this.instanceCtx(root, root === r ? idx : undefined, undefined, sv);
      const ref = this.symbolRef(sv, sctx);
      if (ref?.info.kind === 'resource') {
        if (ref.info.type.toLowerCase() === 'microsoft.resources/resourcegroups') {
          const sub = this.groupSubscription(ref.info, ref.idx);
          return call('resourceId', [...(sub ? [sub] : []), this.fullName(ref.info, ref.idx, undefined), ...args], at);
        }
        return call('extensionResourceId', [this.idExpr(ref.info, ref.idx, sv), ...args], at);
      }
      const sc = this.scopeCall(sv);
      if (sc) {
        const a = sc.args.map((x) => this.expr(x, sctx));
        switch (sc.fn) {
          case 'resourcegroup':
            return call('resourceId', [...a, ...args], at);
          case 'subscription':
            return call('subscriptionResourceId', [...a, ...args], at);
          case 'tenant':
            return call('tenantResourceId', args, at);
          case 'managementgroup':
            return call('extensionResourceId', [a[0] ? call('tenantResourceId', [lit('Microsoft.Management/managementGroups', sv), a[0]], sv) : member(call('managementGroup', [], sv), 'id', sv), ...args], at);
        }
      }
      return call('extensionResourceId', [this.expr(sv, sctx), ...args], at);
    }
    return this.defaultScopeId(args, at);
  }

  private defaultScopeId(args: Expr[], at: Node): Expr {
    switch (this.targetScope) {
      case 'resourceGroup':
        return call('resourceId', args, at);
      case 'subscription':
        return call('subscriptionResourceId', args, at);
      case 'tenant':
        return call('tenantResourceId', args, at);
      case 'managementGroup':
        return call('extensionResourceId', [member(call('managementGroup', [], at), 'id', at), ...args], at);
    }
  }

  /** `resourceGroup(...)`, `subscription(...)`, `tenant()`, `managementGroup(...)` (also `az.`/`sys.`-qualified). */
  protected scopeCall(e: Expression): { fn: string; args: Expression[] } | undefined {
    if (e.kind !== 'FunctionCall') return undefined;
    if (e.base && !(e.base.kind === 'VariableAccess' && /^(az|sys)$/.test(e.base.name.name))) return undefined;
    const fn = e.name.name.toLowerCase();
    return ['resourcegroup', 'subscription', 'tenant', 'managementgroup'].includes(fn) ? { fn, args: e.args } : undefined;
  }

  /**
   * The subscription of a Microsoft.Resources/resourceGroups declaration that a resource or module
   * takes as its scope (`scope: monitoringRg`): the argument of the group's own
   * `scope: subscription(x)`, which the compiler (ScopeHelper) writes with the group's name;
   * undefined for the deployment's subscription.
   */
  protected groupSubscription(rg: SymInfo, idx: Expr | undefined): Expr | undefined {
    const sc = rg.kind === 'resource' && rg.scopeProp ? this.scopeCall(rg.scopeProp.value) : undefined;
    const arg = sc?.fn === 'subscription' ? sc.args[0] : undefined;
    return arg ? this.expr(arg, this.instanceCtx(rg, idx, undefined, arg)) : undefined;
  }

  /** The deployments resource id of a module instance (for outputs). */
  protected deploymentId(m: ModInfo, idx: Expr | undefined, at: Node): Expr {
    const name = this.shortName(m, idx, undefined);
    const t = lit(DEPLOYMENTS_TYPE, at);
    const ctx = this.instanceCtx(m, idx, undefined, at);
    // `scope: rg` (a resource group the file declares or names as existing): the deployment is
    // created in that group, as the compiler's reference(extensionResourceId(<group id>, ...)) says;
    // another resource as the scope (an extension-scope module): the deployment is on it.
    const ref = m.scopeProp ? this.symbolRef(m.scopeProp.value, ctx) : undefined;
    if (ref?.info.kind === 'resource' && m.scopeProp) {
      if (ref.info.type.toLowerCase() === 'microsoft.resources/resourcegroups') {
        const sub = this.groupSubscription(ref.info, ref.idx);
        return call('resourceId', [...(sub ? [sub] : []), this.fullName(ref.info, ref.idx, undefined), t, name], at);
      }
      return call('extensionResourceId', [this.idExpr(ref.info, ref.idx, m.scopeProp.value), t, name], at);
    }
    const sc = m.scopeProp ? this.scopeCall(m.scopeProp.value) : undefined;
    if (sc) {
      const a = sc.args.map((x) => this.expr(x, ctx));
      if (sc.fn === 'resourcegroup') return call('resourceId', [...a, t, name], at);
      if (sc.fn === 'subscription') return call('subscriptionResourceId', [...a, t, name], at);
      if (sc.fn === 'tenant') return call('tenantResourceId', [t, name], at);
      // managementGroup('name'): the deployment is on that management group.
      if (sc.fn === 'managementgroup' && a[0]) return call('extensionResourceId', [call('tenantResourceId', [lit('Microsoft.Management/managementGroups', at), a[0]], at), t, name], at);
    }
    return this.defaultScopeId([t, name], at);
  }
}

/** Adds the references `from` collected to `to`, as noteRef and the variable reads would have (the first place of each kept). */
function mergeRefs(to: RefCollector, from: RefCollector): void {
  for (const [k, list] of from.indexed) {
    if (to.symbols.has(k)) continue;
    const mine = to.indexed.get(k);
    if (mine) mine.push(...list);
    else to.indexed.set(k, [...list]);
  }
  for (const [k, at] of from.symbols) if (!to.symbols.has(k)) to.symbols.set(k, at);
  for (const v of from.variables) to.variables.add(v);
  for (const [k, at] of from.variableAt) if (!to.variableAt.has(k)) to.variableAt.set(k, at);
}
