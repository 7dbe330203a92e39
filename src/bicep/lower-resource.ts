// Resource declarations of a file's lowering (see lower.ts): condition, copy, type, name, scope
// entries and body, and the compiler's checks of a resource body (BCP037, BCP073, BCP164, BCP173).
import type { Expr } from '../expr/ast.js';
import { own, type TObject } from '../model/template.js';
import { call } from './lower-ast.js';
import { DeclarationLowerer } from './lower-declarations.js';
import type { LowerCtx } from './lower-expr.js';
import type { ResInfo, SymInfo } from './lower-symbols.js';
import { decorator, literalArgument } from './lower-types.js';
import type { Expression, ModuleDeclaration, Node, ObjectProperty, ResourceDeclaration } from './syntax.js';

/** What an `existing` resource's declaration may set (the compiler's writable existing-resource properties, and dependsOn). */
const EXISTING_PROPERTIES = new Set(['name', 'scope', 'parent', 'dependsOn']);
/** ARM's keys of a resource declaration that are no property of a Bicep resource body, and how Bicep writes each. */
const ARM_CONTROL_ADVICE: ReadonlyMap<string, string> = new Map([
  ['condition', "a condition is written before the body: '= if (condition) { ... }'"],
  ['copy', "a loop is written around the body: '= [for item in items: { ... }]'"],
  ['resources', "a child resource is declared as a nested 'resource' in the body or with 'parent:'"],
  ['existing', "an existing resource is declared with 'existing' after its type: 'resource x 'type@version' existing = { ... }'"],
]);
/** Body properties of a resource that the lowering handles itself. */
const RESOURCE_SPECIAL = new Set(['name', 'parent', 'scope', 'dependson']);

export abstract class ResourceLowerer extends DeclarationLowerer {
  /**
   * BCP173: an `existing` resource is only read; its declaration may say which resource (name,
   * scope, parent) and what it waits for (dependsOn), nothing it would set: `location`,
   * `properties`, `tags`, `sku` there are the compiler's error, not values vtaplint may use.
   * Not judged in a file with resource extensions (their resources have keys of their own).
   */
  private checkExistingProperties(r: ResInfo): void {
    if (!r.existing || !r.body || this.hasResourceExtensions) return;
    for (const p of r.body.properties) {
      if (p.kind !== 'ObjectProperty' || p.keyName === undefined) continue;
      if (EXISTING_PROPERTIES.has(p.keyName)) continue;
      this.error(p.key, `The property "${p.keyName}" cannot be used in an existing resource declaration (BCP173): an existing resource is only read; declare name, scope or parent`);
    }
  }

  private conditionOf(r: ResInfo, ctx: LowerCtx): { expr: Expr; at: Node } | undefined {
    const parts: Expr[] = [];
    let at: Node | undefined;
    // Only lexical nesting inherits conditions, as in the compiler (`parent:` does not).
    for (let x: ResInfo | undefined = r; x; x = x.nested ? x.parent : undefined) {
      if (x.condition) {
        parts.unshift(this.expr(x.condition, x === r ? ctx : this.instanceCtx(x, undefined, ctx.refs, x.condition)));
        at ??= x.condition;
      }
    }
    if (parts.length === 0 || !at) return undefined;
    return { expr: parts.length === 1 ? (parts[0] as Expr) : call('and', parts, at), at };
  }

  protected copyOf(r: SymInfo, ctx: LowerCtx, out: TObject): void {
    if (!r.loop) {
      // BCP155: a batch size means something only for a loop.
      const misplaced = decorator(r.decl.decorators, 'batchSize');
      if (misplaced) this.error(misplaced, 'The decorator "batchSize" can only be attached to resource or module collections (BCP155): this declaration has no for-expression');
      return;
    }
    const copy: TObject = {};
    this.set(copy, 'name', r.key, r.loop);
    this.set(copy, 'count', this.texpr(call('length', [this.expr(r.loop.iterable, ctx)], r.loop.iterable)), r.loop.iterable);
    const batch = decorator(r.decl.decorators, 'batchSize');
    // BCP154: a batch of fewer than 1 (the compiler reads the literal).
    const size = batch?.args[0] ? literalArgument(batch.args[0]) : undefined;
    if (batch?.args[0] && typeof size === 'number' && size < 1) this.error(batch.args[0], `Expected a batch size of at least 1 but the specified value was "${size}" (BCP154)`);
    if (batch?.args[0]) {
      this.set(copy, 'mode', 'serial', batch);
      this.set(copy, 'batchSize', this.value(batch.args[0], {}), batch.args[0]);
    }
    this.set(out, 'copy', copy, r.loop);
  }

  protected resource(r: ResInfo): TObject {
    this.checkExistingProperties(r);
    const out: TObject = {};
    const ctx = this.instanceCtx(r, undefined, r.refs, r.decl);
    const cond = this.conditionOf(r, ctx);
    if (cond) this.set(out, 'condition', this.texpr(cond.expr), cond.at);
    this.copyOf(r, { refs: r.refs }, out);
    if (r.decl.type.kind === 'String' && r.decl.type.expressions.length > 0) {
      // An interpolated type, reported where it was collected: unknown, so that the deploy stage
      // neither reports it again nor judges the name against a type that is not there.
      this.set(out, 'type', this.texpr(this.reported(r.decl.type)), r.decl.type);
    } else {
      this.set(out, 'type', r.type, r.decl.type);
      if (r.apiVersion !== undefined) this.set(out, 'apiVersion', r.apiVersion, r.decl.type);
      else this.error(r.decl.type, `the resource type '${r.type}' has no API version ('type@version')`);
    }
    if (r.parent) {
      // `parent: coll[i]` depends on that instance only, as the compiler's ancestor dependency.
      this.noteRef(r.parent, r.decl, { refs: r.refs }, this.parentIdx(r, undefined, r.decl.name));
      this.set(out, 'name', this.texpr(this.wholeFullName(r, r.refs)), r.nameProp?.value ?? r.decl.name, r.nameProp?.key);
    } else if (r.nameProp && r.badParent) this.set(out, 'name', this.texpr(this.reported(r.nameProp.value)), r.nameProp.value, r.nameProp.key);
    else if (r.nameProp) this.set(out, 'name', this.value(r.nameProp.value, ctx), r.nameProp.value, r.nameProp.key);
    else if (!this.hasResourceExtensions) this.set(out, 'name', this.texpr(this.noName(r)), r.decl.name);
    // A resource of an extension (Microsoft Graph, Kubernetes: one without an ARM name, and what is
    // declared inside it) is marked as the compiler marks it (`import`), for the deploy stage.
    if (this.hasResourceExtensions && this.ofExtension(r)) this.set(out, 'import', this.extensionAliases.keys().next().value ?? 'extension', r.decl.type);
    if (r.existing && r.decl.existing) this.set(out, 'existing', true, r.decl.existing);
    if (!r.existing && !(this.hasResourceExtensions && this.ofExtension(r))) this.checkDeployableScope(r);
    // A child's scope is its root ancestor's: its own `scope` would be ignored (the lowering
    // takes the root's), and the compiler rejects it.
    if (r.parent && !r.badParent && r.scopeProp && !(this.hasResourceExtensions && this.ofExtension(r))) {
      this.error(
        r.scopeProp.key,
        `A child resource's scope is computed based on the scope of its ancestor resource. This means that using the "scope" property on a child resource is unsupported. (BCP164): '${r.symbol}' is deployed where its parent '${this.rootOf(r).symbol}' is; remove its scope, or scope that parent`,
      );
    }
    // An extension's `scope` is one of its own properties (below), not an ARM scope.
    const scopeProp = own(out, 'import') !== undefined ? undefined : this.rootOf(r).scopeProp;
    const sc = scopeProp && r.existing && !r.parent ? this.scopeCall(scopeProp.value) : undefined;
    const scopeRef = scopeProp && r.existing && !r.parent && !sc ? this.symbolRef(scopeProp.value, ctx) : undefined;
    const groupRef = scopeRef?.info.kind === 'resource' && scopeRef.info.type.toLowerCase() === 'microsoft.resources/resourcegroups' ? scopeRef : undefined;
    if (scopeProp && sc && (sc.fn === 'resourcegroup' || sc.fn === 'subscription') && sc.args.length > 0) {
      // An existing resource in another resource group / subscription: the compiler writes
      // subscriptionId / resourceGroup (languageVersion 2.0), not a scope id.
      const [a0, a1] = sc.args as [Expression, Expression | undefined];
      if (sc.fn === 'subscription') this.set(out, 'subscriptionId', this.value(a0, ctx), a0);
      else if (a1) {
        this.set(out, 'subscriptionId', this.value(a0, ctx), a0);
        this.set(out, 'resourceGroup', this.value(a1, ctx), a1);
      } else this.set(out, 'resourceGroup', this.value(a0, ctx), a0);
    } else if (scopeProp && r.existing && !r.parent && groupRef) {
      // An existing resource scoped to a resource group declared as a resource: the same entries,
      // from the group's name and its own scope's subscription.
      this.noteRef(groupRef.info, scopeProp.value, ctx, groupRef.idx);
      const sub = this.groupSubscription(groupRef.info, groupRef.idx);
      if (sub) this.set(out, 'subscriptionId', this.texpr(sub), scopeProp.value);
      this.set(out, 'resourceGroup', this.texpr(this.fullName(groupRef.info, groupRef.idx, undefined)), scopeProp.value, scopeProp.key);
    } else if (scopeProp) {
      // A child inherits its root ancestor's scope; the dependency on the scope resource is the
      // root's own (the compiler does not repeat it on the child).
      const sctx = this.rootOf(r) === r ? ctx : { ...ctx, refs: undefined };
      // (Checked once, at the declaration that writes it.)
      if (this.rootOf(r) === r) this.checkScopeNotString(scopeProp.value, 'resource', undefined, ctx);
      this.set(out, 'scope', this.texpr(this.scopeIdExpr(scopeProp.value, sctx)), scopeProp.value, scopeProp.key);
    }
    // An extension's resource has its whole body under `properties`, as the compiler writes it
    // (its `name` and `uniqueName` are properties of the extension, not ARM's).
    const extension = own(out, 'import') !== undefined;
    const body: TObject = extension ? {} : out;
    const bodyCtx: LowerCtx = { ...ctx, inThisResource: true };
    for (const p of r.body?.properties ?? []) {
      if (p.kind === 'Spread') {
        this.error(p, `The spread operator "..." is not permitted at the top level of the body of resource '${r.symbol}' (BCP401): write each property (a spread inside properties is allowed)`);
        continue;
      }
      if (p.kind !== 'ObjectProperty' || p.keyName === undefined) continue;
      const key = p.keyName.toLowerCase();
      if (RESOURCE_SPECIAL.has(key) && !(extension && (key === 'name' || key === 'scope'))) continue;
      if (!extension && this.armControlProperty(r, p)) continue;
      this.set(body, p.keyName, this.value(p.value, key === 'location' ? ctx : bodyCtx), p.value, p.key);
    }
    if (extension && r.body) this.set(out, 'properties', body, r.body);
    this.descriptionOf(r.decl, out);
    return out;
  }

  /** `@description('...')` on a resource or module: the compiler writes it as its metadata. */
  protected descriptionOf(decl: ResourceDeclaration | ModuleDeclaration, out: TObject): void {
    const desc = decorator(decl.decorators, 'description');
    if (!desc?.args[0] || out.metadata !== undefined) return;
    const meta: TObject = {};
    this.set(meta, 'description', this.value(desc.args[0], {}), desc.args[0], desc.name);
    this.set(out, 'metadata', meta, desc);
  }

  /**
   * A resource body property that ARM would read as part of the declaration, not as a property
   * of the resource: `type`, `apiVersion` and `id` (read-only, BCP073) would replace the type
   * and API version declared, and `condition`, `copy`, `resources` and `existing` (no property
   * of a resource, BCP037) would decide whether and how many times it is deployed. The compiler
   * rejects each; reported here and left out of the lowered declaration. True when `p` is one.
   */
  private armControlProperty(r: ResInfo, p: ObjectProperty): boolean {
    const name = p.keyName ?? '';
    const key = name.toLowerCase();
    // An existing resource's body takes name, scope and parent only: the others are BCP173 there.
    if (r.existing) return key === 'type' || key === 'apiversion' || key === 'id' || ARM_CONTROL_ADVICE.has(key);
    if (key === 'type' || key === 'apiversion' || key === 'id') {
      this.error(
        p.key,
        `The property "${name}" is read-only. Expressions cannot be assigned to read-only properties. (BCP073): the resource's ${key === 'id' ? 'id is made of its scope, type and name' : `type and API version are those it is declared with ('${r.type}${r.apiVersion ? `@${r.apiVersion}` : ''}')`}`,
      );
      return true;
    }
    const advice = ARM_CONTROL_ADVICE.get(key);
    if (advice === undefined) return false;
    this.error(p.key, `The property "${name}" is not allowed on objects of type "${r.type}". (BCP037): ${advice}`);
    return true;
  }
}
