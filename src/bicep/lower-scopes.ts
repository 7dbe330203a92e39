// `scope` in a file's lowering (see lower.ts): a resource's scope id, a module's
// resourceGroup / subscriptionId / scope entries, the schemas of the four target scopes, and the
// compiler's checks of scopes (BCP036, BCP113-BCP116, BCP134, BCP139, BCP165).
import type { Expr } from '../expr/ast.js';
import { own, type TObject } from '../model/template.js';
import { call, formatCall, lit, member } from './lower-ast.js';
import type { LowerCtx } from './lower-expr.js';
import { NameLowerer } from './lower-names.js';
import type { ModInfo, ResInfo, SymInfo, TargetScopeKind } from './lower-symbols.js';
import type { Expression, Node } from './syntax.js';

export const SCHEMAS: Record<TargetScopeKind, string> = {
  resourceGroup: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  subscription: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
  managementGroup: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
  tenant: 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
};

/** The scope functions by lowercase name, and the kind of scope each gives. */
const SCOPE_FUNCTIONS: Record<string, TargetScopeKind> = {
  resourcegroup: 'resourceGroup',
  subscription: 'subscription',
  managementgroup: 'managementGroup',
  tenant: 'tenant',
};

/** The module scopes a file of each target scope may use, as the compiler's BCP113-BCP116 list them. */
const PERMITTED_MODULE_SCOPES: Record<TargetScopeKind, string> = {
  tenant: "tenant(), managementGroup('name'), subscription('id'), resourceGroup('id', 'name')",
  managementGroup: "managementGroup(), managementGroup('name'), subscription('id'), tenant(), resourceGroup('id', 'name')",
  subscription: "subscription(), subscription('id'), resourceGroup('name'), resourceGroup('id', 'name'), tenant()",
  resourceGroup: "resourceGroup(), resourceGroup('name'), resourceGroup('id', 'name'), subscription(), subscription('id'), tenant()",
};

/** The target scope an ARM template's $schema declares (a lowered Bicep module has one of SCHEMAS). */
function schemaScope(schema: string): TargetScopeKind | undefined {
  const s = schema.toLowerCase();
  if (s.includes('subscriptiondeploymenttemplate')) return 'subscription';
  if (s.includes('managementgroupdeploymenttemplate')) return 'managementGroup';
  if (s.includes('tenantdeploymenttemplate')) return 'tenant';
  if (s.includes('deploymenttemplate')) return 'resourceGroup';
  return undefined;
}

/** A target scope in words, for messages. */
const TARGET_SCOPE_WORDS: Record<TargetScopeKind, string> = {
  resourceGroup: 'resource group',
  subscription: 'subscription',
  managementGroup: 'management group',
  tenant: 'tenant',
};
/** Built-in functions whose value is always a string (what a `scope` is mistakenly given). */
const STRING_FUNCTIONS = new Set(['resourceid', 'subscriptionresourceid', 'extensionresourceid', 'tenantresourceid', 'managementgroupresourceid', 'format', 'string', 'tolower', 'toupper', 'replace', 'guid', 'uniquestring']);

export abstract class ScopeLowerer extends NameLowerer {
  /**
   * A resource the file deploys (not `existing`) must be deployed at the file's own scope: the
   * compiler rejects one whose scope, or its existing ancestor's, names another resource group,
   * subscription or management group ("You must use modules to deploy resources to a different
   * scope"). The common case is a TAP configuration whose `parent` is a source NIC declared
   * `existing` with `scope: resourceGroup('app-rg')`. BCP165 when the scope comes from an existing
   * ancestor, else BCP139 (the compiler's IsDeployableResourceScope).
   */
  protected checkDeployableScope(r: ResInfo): void {
    const root = this.rootOf(r);
    const bad = this.undeployableScope(root, new Set());
    if (!bad) return;
    const where = `the scope ${this.span(bad).text().replace(/\s+/g, ' ')}`;
    const target = TARGET_SCOPE_WORDS[this.targetScope];
    if (root !== r && root.existing) {
      this.error(r.decl.value, `the resource '${r.symbol}' would be deployed to ${where} of its existing ancestor '${root.symbol}', not to this file's ${target}; the Bicep compiler rejects it (BCP165): deploy it from a module with that scope`);
    } else {
      const scopeOfOwn = r === root ? r.scopeProp?.value : undefined;
      this.error(scopeOfOwn ?? r.decl.value, `the resource '${r.symbol}' would be deployed to ${where}, not to this file's ${target}; the Bicep compiler rejects it (BCP139: a resource's scope must match the scope of the Bicep file): deploy it from a module with that scope`);
    }
  }

  /**
   * The scope expression that puts resources of `root` (a root resource) outside the file's own
   * scope, if one does: a scope function that names a resource group, subscription or management
   * group, or one of another kind than the file's target scope (tenant() is always deployable); a
   * Microsoft.Resources/resourceGroups or managementGroups resource (a named scope); or, for an
   * extension resource, the scope of the resource it extends.
   */
  private undeployableScope(root: ResInfo, seen: Set<ResInfo>): Expression | undefined {
    const sp = root.scopeProp;
    if (!sp || seen.has(root)) return undefined;
    seen.add(root);
    const sc = this.scopeCall(sp.value);
    if (sc) return sc.fn === 'tenant' || (sc.fn === this.targetScope.toLowerCase() && sc.args.length === 0) ? undefined : sp.value;
    const target = this.scopeSymbol(sp.value);
    if (target?.kind !== 'resource') return undefined;
    const type = target.type.toLowerCase();
    if (type === 'microsoft.resources/resourcegroups' || type === 'microsoft.management/managementgroups') return sp.value;
    return this.undeployableScope(this.rootOf(target), seen);
  }

  /** The resource or module a scope expression names (`nic`, `nics[i]`, `vnet::subnet`), without lowering it. */
  private scopeSymbol(e: Expression): SymInfo | undefined {
    switch (e.kind) {
      case 'VariableAccess':
        return this.symbols.get(e.name.name) ?? this.childInScope(e.name.name);
      case 'ResourceAccess': {
        const base = this.scopeSymbol(e.base);
        return base?.kind === 'resource' ? base.children.get(e.name.name) : undefined;
      }
      case 'ArrayAccess':
        return this.scopeSymbol(e.base);
      case 'Parenthesized':
        return this.scopeSymbol(e.expression);
      case 'NonNullAssertion':
        return this.scopeSymbol(e.base);
      default:
        return undefined;
    }
  }

  /** The id of a scope (for a resource's `scope` entry). */
  protected scopeIdExpr(sv: Expression, ctx: LowerCtx): Expr {
    const ref = this.symbolRef(sv, ctx);
    if (ref?.info.kind === 'resource') {
      this.noteRef(ref.info, sv, ctx, ref.idx);
      // A resource group declared as a resource is a resource group scope (in the subscription of
      // its own scope), not a resource to extend: its id is /subscriptions/s/providers/Microsoft.Resources/resourceGroups/g.
      if (ref.info.type.toLowerCase() === 'microsoft.resources/resourcegroups') {
        const sub = this.groupSubscription(ref.info, ref.idx) ?? member(call('subscription', [], sv), 'subscriptionId', sv);
        return formatCall(['/subscriptions/', '/resourceGroups/', ''], [sub, this.fullName(ref.info, ref.idx, undefined)], sv);
      }
      return this.idExpr(ref.info, ref.idx, sv);
    }
    const sc = this.scopeCall(sv);
    if (sc) {
      const a = sc.args.map((x) => this.expr(x, ctx));
      const subId = member(call('subscription', [], sv), 'subscriptionId', sv);
      switch (sc.fn) {
        case 'resourcegroup':
          if (a.length === 0) return member(call('resourceGroup', [], sv), 'id', sv);
          return formatCall(['/subscriptions/', '/resourceGroups/', ''], a.length >= 2 ? [a[0] as Expr, a[1] as Expr] : [subId, a[0] as Expr], sv);
        case 'subscription':
          return a[0] ? formatCall(['/subscriptions/', ''], [a[0]], sv) : member(call('subscription', [], sv), 'id', sv);
        case 'tenant':
          return lit('/', sv);
        case 'managementgroup':
          return a[0] ? formatCall(['/providers/Microsoft.Management/managementGroups/', ''], [a[0]], sv) : member(call('managementGroup', [], sv), 'id', sv);
      }
    }
    return this.expr(sv, ctx);
  }

  /**
   * BCP036: a `scope` that is a string (`scope: rgName`, `scope: 'tap-rg'`, `scope: vnet.id`,
   * `scope: resourceId(...)`), where Bicep takes a scope value: resourceGroup('name'),
   * subscription('id'), managementGroup('name'), tenant() or a resource symbol. ARM JSON names a
   * scope by its id, so the lowered template would deploy it somewhere (a module to this file's
   * resource group, a resource as an extension of what the id names); the compiler rejects it.
   */
  protected checkScopeNotString(sv: Expression, kind: 'module' | 'resource', symbol: string | undefined, ctx: LowerCtx): void {
    if (!this.isStringValue(sv, ctx, 0)) return;
    const fix =
      kind === 'module'
        ? "a module's resource group is named with resourceGroup('name') (or resourceGroup('subscriptionId', 'name')), its subscription with subscription('id')"
        : "a resource's scope is a resource symbol (scope: vnet, not vnet.id), or a scope function such as resourceGroup('name') for an existing resource";
    this.error(sv, `The property "scope"${symbol ? ` of module '${symbol}'` : ''} expected a scope value but the provided value is of type "string". (BCP036): ${fix}`);
  }

  /** Whether an expression is certainly a string (a literal, a string parameter or variable, a string function, a resource's id or name). */
  private isStringValue(e: Expression, ctx: LowerCtx, depth: number): boolean {
    if (depth > 16) return false;
    switch (e.kind) {
      case 'String':
        return true;
      case 'Parenthesized':
        return this.isStringValue(e.expression, ctx, depth + 1);
      case 'VariableAccess': {
        const n = e.name.name;
        if (ctx.locals?.has(n) || this.symbols.has(n)) return false;
        const p = this.params.get(n);
        if (p) return p.type?.kind === 'TypeReference' && p.type.name.name === 'string';
        const v = this.vars.get(n);
        return v !== undefined && !v.type && this.isStringValue(v.value, {}, depth + 1);
      }
      case 'PropertyAccess':
        return (e.property.name === 'id' || e.property.name === 'name') && this.symbolRef(e.base, ctx) !== undefined;
      case 'FunctionCall':
        if (e.base && !(e.base.kind === 'VariableAccess' && /^(az|sys)$/.test(e.base.name.name))) return false;
        return STRING_FUNCTIONS.has(e.name.name.toLowerCase()) && !this.funcs.has(e.name.name);
      default:
        return false;
    }
  }

  /** A module's `scope` as the compiler emits it: resourceGroup/subscriptionId/scope/location properties. */
  protected moduleScope(m: ModInfo, ctx: LowerCtx, out: TObject): void {
    // A module deployed at another scope than a resource group needs a location: the compiler
    // writes resourceGroup().location from a resource-group template (its deployment() has none),
    // deployment().location elsewhere.
    const location = (at: Node): void =>
      this.set(out, 'location', this.texpr(member(call(this.targetScope === 'resourceGroup' ? 'resourceGroup' : 'deployment', [], at), 'location', at)), at);
    const sp = m.scopeProp;
    if (!sp) {
      if (this.targetScope !== 'resourceGroup') location(m.decl);
      return;
    }
    const sv = sp.value;
    const ref = this.symbolRef(sv, ctx);
    if (ref?.info.kind === 'resource') {
      this.noteRef(ref.info, sv, ctx, ref.idx);
      if (ref.info.type.toLowerCase() === 'microsoft.resources/resourcegroups') {
        const rgScope = ref.info.scopeProp ? this.scopeCall(ref.info.scopeProp.value) : undefined;
        // (In the group's instance: `scope: subscription(s.sub)` of a loop of groups.)
        const subArg = rgScope?.fn === 'subscription' ? rgScope.args[0] : undefined;
        if (subArg) this.set(out, 'subscriptionId', this.value(subArg, this.instanceCtx(ref.info, ref.idx, undefined, subArg)), subArg);
        this.set(out, 'resourceGroup', this.texpr(this.fullName(ref.info, ref.idx, undefined)), sv, sp.key);
      } else this.set(out, 'scope', this.texpr(this.idExpr(ref.info, ref.idx, sv)), sv, sp.key);
      return;
    }
    const sc = this.scopeCall(sv);
    if (!sc) {
      this.checkScopeNotString(sv, 'module', m.symbol, ctx);
      this.set(out, 'scope', this.texpr(this.expr(sv, ctx)), sv, sp.key);
      return;
    }
    const [a0, a1] = sc.args;
    switch (sc.fn) {
      case 'resourcegroup':
        if (a0 && a1) {
          this.set(out, 'subscriptionId', this.value(a0, ctx), a0);
          this.set(out, 'resourceGroup', this.value(a1, ctx), a1);
        } else if (a0) this.set(out, 'resourceGroup', this.value(a0, ctx), a0);
        return;
      case 'subscription':
        if (a0) this.set(out, 'subscriptionId', this.value(a0, ctx), a0);
        else if (this.targetScope === 'resourceGroup') this.set(out, 'subscriptionId', this.texpr(member(call('subscription', [], sv), 'subscriptionId', sv)), sv);
        location(sv);
        return;
      case 'managementgroup':
        if (a0) this.set(out, 'scope', this.texpr(formatCall(['Microsoft.Management/managementGroups/', ''], [this.expr(a0, ctx)], sv)), sv, sp.key);
        location(sv);
        return;
      case 'tenant':
        this.set(out, 'scope', '/', sv, sp.key);
        location(sv);
        return;
    }
  }

  /**
   * A module is deployed at the kind of scope its file targets (its targetScope, or an ARM JSON
   * module's $schema): the compiler rejects a resource group module that a subscription file
   * deploys without `scope: resourceGroup(...)`, and the like (BCP134). Without the check the
   * module's resources would be placed at a scope they cannot have (a TAP directly under a
   * subscription). A scope that is another resource (an extension-scope module) is not checked.
   */
  protected checkModuleScope(m: ModInfo, template: TObject): void {
    const schema = own(template, '$schema');
    const moduleScope = typeof schema === 'string' ? schemaScope(schema) : undefined;
    if (m.scopeProp && this.scopeSymbol(m.scopeProp.value)?.kind === 'module') {
      this.error(m.scopeProp.value, `the module '${m.symbol}' has a module as its scope; the Bicep compiler rejects it (BCP134): scope it to a resource group, subscription, management group or the tenant`);
      return;
    }
    const deployedAt = this.moduleScopeOf(m);
    if (!deployedAt) return;
    // The compiler writes both at the module's scope, or its body when it has none.
    const at = m.scopeProp?.value ?? m.decl.value;
    if (moduleScope && moduleScope !== deployedAt.kind) {
      const how = m.scopeProp ? `its scope is a ${TARGET_SCOPE_WORDS[deployedAt.kind]}` : `without a scope it is deployed at this file's ${TARGET_SCOPE_WORDS[deployedAt.kind]}`;
      this.error(
        at,
        `the module '${m.symbol}' targets a ${TARGET_SCOPE_WORDS[moduleScope]} (its targetScope), but ${how}; the Bicep compiler rejects it (BCP134): give it a scope of that kind${moduleScope === 'resourceGroup' ? " (scope: resourceGroup('name'), or a resource group the file declares)" : ''}`,
      );
      return;
    }
    // Which scopes a file of each target scope can deploy a module to (the compiler's
    // ValidateNestedTemplateScopeRestrictions): a management group only from a tenant or
    // management group file, the current subscription or a resource group named without its
    // subscription only from a subscription or resource group file, the current resource group
    // only from a resource group file.
    const from = (...kinds: TargetScopeKind[]) => kinds.includes(this.targetScope);
    const { kind, subscription, group } = deployedAt;
    const ok =
      kind === 'tenant' ||
      (kind === 'managementGroup' && from('tenant', 'managementGroup')) ||
      (kind === 'subscription' && (subscription || from('subscription', 'resourceGroup'))) ||
      (kind === 'resourceGroup' && ((subscription && group) || (group ? from('subscription', 'resourceGroup') : from('resourceGroup'))));
    if (ok) return;
    const code = { tenant: 'BCP113', managementGroup: 'BCP114', subscription: 'BCP115', resourceGroup: 'BCP116' }[this.targetScope];
    this.error(
      at,
      `a ${TARGET_SCOPE_WORDS[this.targetScope]} file cannot deploy the module '${m.symbol}' to that scope (${this.span(at).text().replace(/\s+/g, ' ')}); the Bicep compiler rejects it (${code}): permissible scopes are ${PERMITTED_MODULE_SCOPES[this.targetScope]}`,
    );
  }

  /**
   * The scope a module declaration deploys at: its kind, and whether it names a subscription or
   * a resource group; undefined when it is not one of the four (a resource as the scope).
   */
  private moduleScopeOf(m: ModInfo): { kind: TargetScopeKind; subscription: boolean; group: boolean } | undefined {
    const sv = m.scopeProp?.value;
    if (!sv) return { kind: this.targetScope, subscription: false, group: false };
    const sc = this.scopeCall(sv);
    if (sc) {
      const kind = SCOPE_FUNCTIONS[sc.fn] as TargetScopeKind;
      const n = sc.args.length;
      return { kind, subscription: (kind === 'subscription' && n > 0) || (kind === 'resourceGroup' && n > 1), group: kind === 'resourceGroup' && n > 0 };
    }
    const target = this.scopeSymbol(sv);
    if (target?.kind !== 'resource') return undefined;
    const type = target.type.toLowerCase();
    if (type === 'microsoft.resources/resourcegroups') {
      // A resource group the file declares: named; in a named subscription when its own scope is subscription('id').
      const rgScope = target.scopeProp ? this.scopeCall(target.scopeProp.value) : undefined;
      return { kind: 'resourceGroup', subscription: rgScope?.fn === 'subscription' && rgScope.args.length > 0, group: true };
    }
    if (type === 'microsoft.management/managementgroups') return { kind: 'managementGroup', subscription: false, group: false };
    return undefined;
  }
}
