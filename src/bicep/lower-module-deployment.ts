// Module declarations of a file's lowering (see lower.ts), as the compiler's
// Microsoft.Resources/deployments resource: its name, scope, params (Key Vault references
// included), extension configurations and template, and the checks of its params and outputs.
import type { Expr } from '../expr/ast.js';
import { recordSpan } from '../model/span.js';
import { isTObject, own, type TObject } from '../model/template.js';
import { isNullableDeclaration } from '../model/type-ref.js';
import { call, lit } from './lower-ast.js';
import type { LowerCtx } from './lower-expr.js';
import { DEPLOYMENTS_API, DEPLOYMENTS_TYPE } from './lower-names.js';
import { ResourceLowerer } from './lower-resource.js';
import type { ModInfo } from './lower-symbols.js';
import { prop, REGISTRY_PREFIX, stringValue } from './lower-syntax.js';
import type { Expression, ObjectExpression, ObjectProperty } from './syntax.js';

/** The properties a module's body may have (lower case). */
const MODULE_BODY = new Set(['name', 'params', 'scope', 'dependson', 'identity', 'extensionconfigs']);

export abstract class ModuleLowerer extends ResourceLowerer {
  /** The outputs of each module file this file deploys, by module key, once lowered. */
  private readonly moduleOutputs = new Map<string, TObject>();

  /**
   * BCP053 / BCP083: `mod.outputs.x` where the module declares no output `x` (ARM reads output names
   * without regard to case, so neither does this), also where nothing evaluates it (a variable
   * nothing reads, a loop over an empty list). A compile error, as the compiler says it (a
   * module's outputs are a closed type): the evaluation's own error at the same place (ARM's
   * "doesn't exist" when the read is evaluated) is then left out, not said a second time.
   * A module that could not be read (a registry module, a missing file) is not checked.
   */
  protected checkOutputReads(): void {
    for (const r of this.outputReads) {
      const outs = this.moduleOutputs.get(r.key);
      if (!outs) continue;
      const names = Object.keys(outs);
      if (names.some((n) => n.toLowerCase() === r.name.toLowerCase())) continue;
      this.error(r.at, this.noSuchProperty('outputs', r.name, names));
    }
  }

  protected module(m: ModInfo): TObject {
    const out: TObject = {};
    const ctx = this.instanceCtx(m, undefined, m.refs, m.decl);
    if (m.condition) this.set(out, 'condition', this.texpr(this.expr(m.condition, ctx)), m.condition);
    this.copyOf(m, { refs: m.refs }, out);
    this.set(out, 'type', DEPLOYMENTS_TYPE, m.decl.keyword);
    this.set(out, 'apiVersion', DEPLOYMENTS_API, m.decl.keyword);
    if (m.nameProp) this.set(out, 'name', this.value(m.nameProp.value, ctx), m.nameProp.value, m.nameProp.key);
    else this.set(out, 'name', this.texpr(this.shortName(m, undefined, m.refs)), m.decl.name);
    this.moduleScope(m, ctx, out);
    const properties: TObject = {};
    const evalOpts: TObject = { scope: 'inner' };
    recordSpan(evalOpts, 'scope', this.span(m.decl));
    this.set(properties, 'expressionEvaluationOptions', evalOpts, m.decl);
    this.set(properties, 'mode', 'Incremental', m.decl);
    // The compiler rejects a spread at the top level of a module body as in its params (BCP401).
    for (const p of m.body?.properties ?? []) {
      if (p.kind === 'Spread') this.error(p, `The spread operator "..." is not permitted at the top level of the body of module '${m.symbol}' (BCP401): write each property`);
      else if (p.kind === 'ObjectProperty' && p.keyName !== undefined && !MODULE_BODY.has(p.keyName.toLowerCase())) {
        // `location`, `tags`, `sku` as on a resource: ARM would deploy the module without them
        // (a deployment has no such properties), and the compiler rejects them.
        const lower = p.keyName.toLowerCase();
        if (lower === 'outputs') this.error(p.key, `The property "${p.keyName}" is read-only. Expressions cannot be assigned to read-only properties. (BCP073): a module's outputs are those its file declares`);
        else this.error(p.key, `The property "${p.keyName}" is not allowed on objects of type "module". Permissible properties include "dependsOn", "identity", "name", "params", "scope". (BCP037)${lower === 'location' || lower === 'tags' ? `: pass it to the module as a parameter in 'params' instead` : ''}`);
      }
    }
    const paramsProp = prop(m.body, 'params');
    const parameters: TObject = {};
    if (paramsProp) {
      if (paramsProp.value.kind !== 'Object') this.error(paramsProp.value, 'module params must be an object literal');
      else {
        for (const p of paramsProp.value.properties) {
          if (p.kind !== 'ObjectProperty' || p.keyName === undefined) {
            if (p.kind === 'Spread') this.error(p, `The spread operator "..." is not permitted in the params of module '${m.symbol}' (BCP401): write each parameter as name: value`);
            else if (p.kind !== 'Resource') this.error(p, 'module params must have literal names');
            continue;
          }
          if (p.value.kind === 'Ternary' && this.hasSecretRef(p.value)) {
            // A conditional Key Vault reference: the compiler writes the whole entry as one
            // if(cond, createObject('reference', ...), createObject('value', ...)) expression.
            this.set(parameters, p.keyName, this.texpr(this.paramEntryExpr(p.value, ctx)), p.value, p.key);
            continue;
          }
          this.set(parameters, p.keyName, this.valueOrSecret(p.value, ctx, 'reference'), p, p.key);
        }
      }
    }
    // Without `params` the compiler writes no parameters at all.
    // The `params` key is where a finding about the parameters as a whole points.
    if (paramsProp) this.set(properties, 'parameters', parameters, paramsProp.value, paramsProp.key);
    const extProp = prop(m.body, 'extensionConfigs');
    if (extProp?.value.kind === 'Object') this.set(properties, 'extensionConfigs', this.extensionConfigs(extProp.value, ctx), extProp.value, extProp.key);
    const pathNode = m.decl.path;
    const rel = pathNode.kind === 'String' ? stringValue(pathNode) : undefined;
    if (rel !== undefined) {
      if (REGISTRY_PREFIX.test(rel)) {
        const link: TObject = {};
        this.set(link, 'uri', rel, pathNode);
        this.set(properties, 'templateLink', link, pathNode);
      } else {
        const loaded = this.options.modules.lowerModule(this.resolvePath(rel), pathNode, this);
        if (loaded) {
          properties.template = loaded.root;
          recordSpan(properties, 'template', loaded.span);
          const outs = own(loaded.root, 'outputs');
          this.moduleOutputs.set(m.key, isTObject(outs) ? outs : {});
          this.checkModuleScope(m, loaded.root);
          this.checkModuleParams(m, paramsProp, loaded.root);
        }
      }
    } else if (pathNode.kind === 'String') this.error(pathNode, 'the module path must be a literal string');
    this.set(out, 'properties', properties, m.body ?? m.decl);
    this.descriptionOf(m.decl, out);
    return out;
  }

  /**
   * BCP035 / BCP037: a module's params against its template's parameters, checked as the compiler
   * checks them, where the module is written: also a module in a loop over nothing or under a
   * false condition, which is never deployed. A required parameter (no defaultValue, not nullable)
   * left out: without `params` at all, at the module's name; else at `params`, naming those
   * missing. A value for a parameter the template does not declare: at its key, naming the
   * declared ones not given. Names are compared without regard to case, as ARM matches them. The
   * deployment stage leaves a Bicep module's parameters to this check.
   */
  private checkModuleParams(m: ModInfo, paramsProp: ObjectProperty | undefined, template: TObject): void {
    const section = own(template, 'parameters');
    const decls: TObject = isTObject(section) ? section : {};
    const names = Object.keys(decls);
    const required = names.filter((n) => {
      const d = decls[n];
      return isTObject(d) && own(d, 'defaultValue') === undefined && !isNullableDeclaration(d, template);
    });
    if (!paramsProp) {
      // A body that is no object (`[for x in xs: 4]`) is another error, not a missing property.
      if (required.length > 0 && m.body) this.error(m.decl.name, 'The specified "module" declaration is missing the following required properties: "params". (BCP035)');
      return;
    }
    if (paramsProp.value.kind !== 'Object') return;
    const given = new Map<string, ObjectProperty>();
    for (const p of paramsProp.value.properties) {
      // A spread or a computed key is reported elsewhere; what it gives is not known here.
      if (p.kind !== 'ObjectProperty' || p.keyName === undefined) return;
      given.set(p.keyName.toLowerCase(), p);
    }
    const byCase = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
    const missing = required.filter((n) => !given.has(n.toLowerCase())).sort(byCase);
    if (missing.length > 0) this.error(paramsProp.key, `The specified "object" declaration is missing the following required properties: ${missing.map((n) => `"${n}"`).join(', ')}. (BCP035)`);
    const declared = new Set(names.map((n) => n.toLowerCase()));
    const unused = names.filter((n) => !given.has(n.toLowerCase())).sort(byCase);
    const rest = unused.length > 0 ? `Permissible properties include ${unused.map((n) => `"${n}"`).join(', ')}.` : 'No other properties are allowed.';
    for (const [key, p] of given) {
      if (!declared.has(key)) this.error(p.key, `The property "${p.keyName}" is not allowed on objects of type "params". ${rest} (BCP037)`);
    }
  }

  /**
   * A module's `extensionConfigs` as the compiler writes them: per extension alias, each setting
   * as {value: ...}, or {keyVaultReference: ...} for `kv.getSecret(...)`; a setting taken from
   * the parent's own configuration (`k8s.config.kubeConfig`) is such an entry already and is
   * written as is, and a conditional setting is one if() of entries. A whole configuration
   * passed on (`k8s: k8s.config`, or a choice between two) is written as is too.
   */
  private extensionConfigs(o: ObjectExpression, outer: LowerCtx): TObject {
    const ctx: LowerCtx = { ...outer, inExtensionConfigs: true };
    const out: TObject = {};
    for (const ext of o.properties) {
      if (ext.kind !== 'ObjectProperty' || ext.keyName === undefined) continue;
      if (ext.value.kind !== 'Object') {
        this.set(out, ext.keyName, this.value(ext.value, ctx), ext.value, ext.key);
        continue;
      }
      const settings: TObject = {};
      for (const p of ext.value.properties) {
        if (p.kind !== 'ObjectProperty' || p.keyName === undefined) continue;
        if (p.value.kind === 'Ternary' || p.value.kind === 'Parenthesized' || this.isExtensionConfigRead(p.value, ctx)) {
          this.set(settings, p.keyName, this.texpr(this.paramEntryExpr(p.value, ctx, 'keyVaultReference')), p.value, p.key);
          continue;
        }
        this.set(settings, p.keyName, this.valueOrSecret(p.value, ctx, 'keyVaultReference'), p, p.key);
      }
      this.set(out, ext.keyName, settings, ext.value, ext.key);
    }
    return out;
  }

  /** Is there a `kv.getSecret(...)` among the branches of a (nested) conditional? */
  private hasSecretRef(e: Expression): boolean {
    if (e.kind === 'Ternary') return this.hasSecretRef(e.whenTrue) || this.hasSecretRef(e.whenFalse);
    if (e.kind === 'Parenthesized') return this.hasSecretRef(e.expression);
    return e.kind === 'FunctionCall' && !!e.base && e.name.name.toLowerCase() === 'getsecret';
  }

  /**
   * A read of an extension's configuration that the file declares (`k8s.config.kubeConfig`), not
   * shadowed by a local name: in a module's extensionConfigs, an entry already.
   */
  private isExtensionConfigRead(e: Expression, ctx: LowerCtx): boolean {
    let first: string | undefined;
    while (e.kind === 'PropertyAccess' || e.kind === 'ArrayAccess' || e.kind === 'Parenthesized' || e.kind === 'NonNullAssertion') {
      if (e.kind === 'PropertyAccess') first = e.property.name;
      e = e.kind === 'Parenthesized' ? e.expression : e.base;
    }
    return e.kind === 'VariableAccess' && first === 'config' && this.extensionAliases.has(e.name.name) && !ctx.locals?.has(e.name.name);
  }

  /**
   * A module parameter entry as one expression: {reference: ...} for getSecret(), {value: ...}
   * else; for a module's extension setting (`key` 'keyVaultReference'), a read of the file's own
   * extension configuration is an entry as it is.
   */
  private paramEntryExpr(e: Expression, ctx: LowerCtx, key: 'reference' | 'keyVaultReference' = 'reference'): Expr {
    if (e.kind === 'Parenthesized') return this.paramEntryExpr(e.expression, ctx, key);
    if (e.kind === 'Ternary') return call('if', [this.expr(e.condition, ctx), this.paramEntryExpr(e.whenTrue, ctx, key), this.paramEntryExpr(e.whenFalse, ctx, key)], e);
    if (key === 'keyVaultReference' && this.isExtensionConfigRead(e, ctx)) return this.expr(e, ctx);
    if (e.kind === 'FunctionCall' && e.base && e.name.name.toLowerCase() === 'getsecret') {
      const ref = this.symbolRef(e.base, ctx);
      if (ref?.info.kind === 'resource') {
        this.noteRef(ref.info, e.base, ctx, ref.idx);
        const reference: Expr[] = [lit('keyVault', e), call('createObject', [lit('id', e.base), this.idExpr(ref.info, ref.idx, e.base)], e.base)];
        if (e.args[0]) reference.push(lit('secretName', e.args[0]), this.expr(e.args[0], ctx));
        if (e.args[1]) reference.push(lit('secretVersion', e.args[1]), this.expr(e.args[1], ctx));
        return call('createObject', [lit(key, e), call('createObject', reference, e)], e);
      }
    }
    return call('createObject', [lit('value', e), this.expr(e, ctx)], e);
  }

  /**
   * `param p = az.getSecret(subscriptionId, resourceGroup, vault, secret[, version])` in a
   * .bicepparam file: the Key Vault reference the compiler writes into the parameters file (the
   * value is then a secret, never known to vtaplint). Only a whole assigned value can be one.
   */
  protected secretReference(e: Expression): TObject | undefined {
    if (e.kind !== 'FunctionCall' || e.name.name.toLowerCase() !== 'getsecret') return undefined;
    if (e.base && !(e.base.kind === 'VariableAccess' && e.base.name.name === 'az' && !this.vars.has('az'))) return undefined;
    const [sub, rg, vault, secret, version] = e.args;
    if (!sub || !rg || !vault || !secret || e.args.length > 5) return undefined;
    const kv: TObject = {};
    this.set(kv, 'id', this.texpr(call('resourceId', [this.expr(sub, {}), this.expr(rg, {}), lit('Microsoft.KeyVault/vaults', vault), this.expr(vault, {})], e)), e);
    const reference: TObject = {};
    this.set(reference, 'keyVault', kv, e);
    this.set(reference, 'secretName', this.value(secret, {}), secret);
    if (version) this.set(reference, 'secretVersion', this.value(version, {}), version);
    const out: TObject = {};
    this.set(out, 'reference', reference, e);
    return out;
  }

  /** `kv.getSecret('name')` as a module parameter: an ARM Key Vault reference, as the compiler emits. */
  /**
   * A module parameter's or extension setting's entry: `{ value }`, or for a Key Vault secret
   * (`kv.getSecret(...)`) the reference under `referenceKey` ('reference' for parameters,
   * 'keyVaultReference' for extension settings), as the compiler writes them.
   */
  private valueOrSecret(e: Expression, ctx: LowerCtx, referenceKey: string): TObject {
    const entry: TObject = {};
    const kv = this.keyVaultSecret(e, ctx);
    if (kv) this.set(entry, referenceKey, kv, e);
    else this.set(entry, 'value', this.value(e, ctx), e);
    return entry;
  }

  private keyVaultSecret(e: Expression, ctx: LowerCtx): TObject | undefined {
    if (e.kind !== 'FunctionCall' || !e.base || e.name.name.toLowerCase() !== 'getsecret') return undefined;
    const ref = this.symbolRef(e.base, ctx);
    if (!ref || ref.info.kind !== 'resource') return undefined;
    this.noteRef(ref.info, e.base, ctx, ref.idx);
    const kv: TObject = {};
    this.set(kv, 'id', this.texpr(this.idExpr(ref.info, ref.idx, e.base)), e.base);
    const reference: TObject = {};
    this.set(reference, 'keyVault', kv, e.base);
    if (e.args[0]) this.set(reference, 'secretName', this.value(e.args[0], ctx), e.args[0]);
    if (e.args[1]) this.set(reference, 'secretVersion', this.value(e.args[1], ctx), e.args[1]);
    return reference;
  }
}
