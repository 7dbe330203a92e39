// Symbols in expressions, the hooks of lower-expr.ts (see lower.ts): parameters, variables,
// resources and modules as the compiler reads them (resourceId(), reference(), references()),
// module outputs, import namespaces, user-defined and namespaced function calls.
import type { Expr } from '../expr/ast.js';
import type { TextSpan } from '../model/span.js';
import { suggestion } from '../model/spelling.js';
import { LOWERING_NS, type TNode } from '../model/template.js';
import { call, lit, member } from './lower-ast.js';
import { BuiltinLowerer } from './lower-builtins.js';
import type { LowerCtx } from './lower-expr.js';
import { nodeToExpr } from './lower-imports.js';
import { DEPLOYMENTS_API } from './lower-names.js';
import { BASE_VALUES, type ImportedVar, type ResInfo, type SymInfo } from './lower-symbols.js';
import type { ArrayAccess, Expression, FunctionCall, Identifier, Node, ObjectExpression, ObjectProperty, PropertyAccess, ResourceAccess, VariableDeclaration } from './syntax.js';

/**
 * What a module symbol has as properties: those it can be read by (identity, name, outputs) and
 * those of its body (the compiler reports reading these as write-only, not as missing).
 */
const MODULE_PROPERTIES = new Set(['identity', 'name', 'outputs', 'params', 'scope', 'dependsOn', 'extensionConfigs']);
/** The `this` namespace's functions and the argument of the target() call the compiler writes for each. */
const THIS_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['exists', 'exists'],
  ['existingProperties', ''],
  ['existingResource', 'full'],
]);

export abstract class ReferenceLowerer extends BuiltinLowerer {
  /** `mod.outputs.x` read in this file, checked against the module's outputs once it is lowered (BCP053). */
  protected readonly outputReads: { key: string; name: string; at: Node }[] = [];
  private readonly inlining = new Set<string>();
  /**
   * A .bicepparam file's variables, lowered once each, in the order first used: the values read
   * them through variables(), from the scope lowerParameterAssignments() makes, so each is
   * evaluated once. (Inlined, a variable used twice by one used twice by ... was lowered and
   * evaluated again at every use: `var a1 = concat(a0, a0)` ... `a59`, 2^59 copies, a file of 60
   * lines that never finished.)
   */
  protected readonly paramsFileVars = new Map<string, { node: TNode; span: TextSpan }>();

  /**
   * BCP053 / BCP083: `config.nicNme` where `config` is a variable whose value is an object literal
   * (untyped: a declared `object` takes any property) without that property, also nested
   * (`config.collector.port`), read or not, as the compiler types it. Names are compared without
   * regard to case (ARM reads properties so); an object with a spread or a computed key is not
   * judged. At the whole access, where ARM's own error for an evaluated read is, so it is said once.
   */
  private checkLiteralProperty(e: PropertyAccess, ctx: LowerCtx): void {
    const o = this.literalObjectOf(e.base, ctx, 0, new Set());
    if (!o) return;
    const keys: string[] = [];
    for (const p of o.properties) {
      if (p.kind !== 'ObjectProperty' || p.keyName === undefined) return;
      keys.push(p.keyName);
    }
    const name = e.property.name;
    if (keys.length === 0 || keys.some((k) => k.toLowerCase() === name.toLowerCase())) return;
    this.error(e, this.noSuchProperty('object', name, keys));
  }

  /**
   * The compiler's error for a property a closed type does not have: BCP083 with the name spelt
   * alike when there is one, else BCP053 with the names there are, sorted.
   */
  protected noSuchProperty(type: string, name: string, keys: readonly string[]): string {
    const near = suggestion(name, keys);
    if (near) return `The type "${type}" does not contain property "${name}". Did you mean "${near}"? (BCP083)`;
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `The type "${type}" does not contain property "${name}".${sorted.length ? ` Available properties include ${sorted.map((k) => `"${k}"`).join(', ')}.` : ''} (BCP053)`;
  }

  /** The object literal an expression is (through untyped variables and properties of literals), or undefined. */
  private literalObjectOf(x: Expression, ctx: LowerCtx, depth: number, seen: Set<string>): ObjectExpression | undefined {
    if (depth > 32) return undefined;
    while (x.kind === 'Parenthesized') x = x.expression;
    switch (x.kind) {
      case 'Object':
        return x;
      case 'VariableAccess': {
        const n = x.name.name;
        const d = this.vars.get(n);
        if (!d || d.type || seen.has(n) || ctx.locals?.has(n) || this.params.has(n) || this.symbols.has(n)) return undefined;
        seen.add(n);
        // A variable's value is written at the top level: no locals there.
        return this.literalObjectOf(d.value, {}, depth + 1, seen);
      }
      case 'PropertyAccess': {
        if (x.safe) return undefined;
        const o = this.literalObjectOf(x.base, ctx, depth + 1, seen);
        const key = x.property.name.toLowerCase();
        const p = o?.properties.find((q): q is ObjectProperty => q.kind === 'ObjectProperty' && q.keyName?.toLowerCase() === key);
        return p ? this.literalObjectOf(p.value, {}, depth + 1, seen) : undefined;
      }
      default:
        return undefined;
    }
  }

  protected identifier(id: Identifier, at: Node, ctx: LowerCtx): Expr {
    const name = id.name;
    if (ctx.inFunction && !this.vars.has(name) && !this.importedVars.has(name)) {
      // Functions see the file's variables (Bicep 0.29 and later, BCP057 before), never its
      // parameters, resources or modules.
      if (this.params.has(name)) this.error(id, `a function cannot use the parameter '${name}'`);
      else if (this.symbols.has(name)) this.error(id, `a function cannot use the ${this.symbols.get(name)?.kind === 'module' ? 'module' : 'resource'} '${name}'`);
      else this.error(id, this.unknownSymbol(name, ctx, [...this.vars.keys(), ...this.importedVars.keys(), ...this.funcs.keys(), ...this.importedFuncs.keys()]));
      return this.reported(at);
    }
    if (this.params.has(name) || this.assigned.has(name)) return call('parameters', [lit(name, id)], at);
    // `base` in a .bicepparam file that extends another: the values that file gives (Bicep 0.44).
    // Those values are the base file's, computed in that file (its variables, its other values): its
    // expressions copied here read this file's variables and values instead ("The template variable
    // 'org' is not found" for a base value built from a variable of its own).
    if (name === 'base' && this.options.extendsBase && !this.vars.has(name) && !this.importedVars.has(name)) {
      // A base that cannot be read is reported at `extends`; what it would give is unknown.
      return this.options.extendsBase === 'unread' ? this.reported(at) : call('parameters', [lit(BASE_VALUES, id)], at);
    }
    if (this.vars.has(name)) {
      ctx.refs?.variables.add(name);
      if (ctx.refs && !ctx.refs.variableAt.has(name)) ctx.refs.variableAt.set(name, id);
      if (this.options.inlineVariables) return this.inlineVariable(name, id, at);
      return call('variables', [lit(name, id)], at);
    }
    if (this.importedVars.has(name)) {
      if (this.options.inlineVariables) return this.importedValue(name, at);
      return call('variables', [lit(name, id)], at);
    }
    const sym = this.symbols.get(name) ?? this.childInScope(name);
    if (sym) {
      this.noteRef(sym, at, ctx);
      // A loop referenced as a whole (`concat(vnets, ...)`, `output all array = mods`) is the array
      // of its instances, which the compiler reads with references(): runtime state. Its
      // instances' names use the loop's index, which has no value outside the loop.
      if (sym.loop || (sym.kind === 'resource' && this.ancestorLoop(sym))) return call('references', [lit(sym.symbol, id), lit('full', at)], at);
      if (sym.kind === 'resource') return this.referenceCall(sym, undefined, at, true);
      return call('reference', [this.deploymentId(sym, undefined, at), lit(DEPLOYMENTS_API, at)], at);
    }
    const reg = this.unknownImports.get(name);
    // Unknown, as the note at the import says, and not an error of the template: a call ARM does
    // not have would be reported as an invalid function wherever the variable is used.
    if (reg !== undefined) return call('notRead', [lit(`'${name}', imported from '${reg}', which is not read`, id)], at, LOWERING_NS);
    if (this.extensionAliases.has(name)) {
      // The compiler allows no other read: a setting may be a Key Vault reference, which has no value.
      if (!ctx.inExtensionConfigs) {
        this.error(id, 'Extensions cannot be referenced here. Extensions can only be referenced by module extension configurations. (BCP418)');
        return this.reported(at);
      }
      const config = this.extensionAliases.get(name);
      if (config) return call('createObject', [lit('config', id), this.expr(config, ctx)], at);
      // Given where the file is deployed: what the compiler writes, extensions('k8s'), runtime state.
      return call('extensions', [lit(name, id)], at);
    }
    if (this.funcs.has(name) || this.importedFuncs.has(name)) {
      this.error(id, `the function '${name}' must be called`);
      return this.reported(at);
    }
    this.error(id, this.unknownSymbol(name, ctx, this.declaredNames()));
    return this.reported(at);
  }

  private inlineVariable(name: string, id: Node, at: Node): Expr {
    if (!this.paramsFileVars.has(name)) {
      const decl = this.vars.get(name) as VariableDeclaration;
      if (this.inlining.has(name)) {
        this.error(at, `the variable '${name}' refers to itself`);
        return lit(null, at);
      }
      this.inlining.add(name);
      try {
        const node = this.value(decl.value, {});
        this.paramsFileVars.set(name, { node, span: this.span(decl.value) });
      } finally {
        this.inlining.delete(name);
      }
    }
    return call('variables', [lit(name, id)], at);
  }

  /** An imported variable inlined as an expression (its spans fall back to the import site). */
  private importedValue(name: string, at: Node): Expr {
    const v = this.importedVars.get(name) as ImportedVar;
    // A copy loop is no expression: read from the scope's `variables.copy` (lowerParameterAssignments).
    if (v.copy) return call('variables', [lit(name, at)], at);
    return nodeToExpr(v.node, at, 0);
  }

  private referenceCall(r: ResInfo, idx: Expr | undefined, at: Node, full: boolean): Expr {
    const args = [this.idExpr(r, idx, at), lit(r.apiVersion ?? '', at)];
    if (full) args.push(lit('full', at));
    return call('reference', args, at);
  }

  protected symbolicProperty(e: PropertyAccess, ctx: LowerCtx): Expr | undefined {
    const prop = e.property.name;
    if (!e.safe && e.base.kind !== 'FunctionCall') this.checkLiteralProperty(e, ctx);
    // mod.outputs.x -> reference(...).outputs.x.value
    if (e.base.kind === 'PropertyAccess' && e.base.property.name === 'outputs') {
      const m = this.symbolRef(e.base.base, ctx);
      if (m?.info.kind === 'module' && m.info.loop && m.idx === undefined) return this.collectionProperty(m.info, e.base, ctx);
      if (m?.info.kind === 'module') {
        this.noteRef(m.info, e.base.base, ctx, m.idx);
        if (!e.safe) this.outputReads.push({ key: m.info.key, name: prop, at: e });
        const outs = member(call('reference', [this.deploymentId(m.info, m.idx, e.base.base), lit(DEPLOYMENTS_API, e.base.base)], e.base.base), 'outputs', e.base);
        // mod.outputs.?x -> tryGet(reference(...).outputs, 'x', 'value'), as the compiler writes
        // it: null when the module has no such output.
        if (e.safe) return call('tryGet', [outs, lit(prop, e.property), lit('value', e.property)], e);
        return member(member(outs, prop, e), 'value', e);
      }
    }
    if (e.base.kind === 'VariableAccess' && !ctx.locals?.has(e.base.name.name)) {
      const nsName = e.base.name.name;
      if (this.namespaces.has(nsName) && !this.symbols.has(nsName)) {
        const key = `${nsName}.${prop}`;
        if (this.importedVars.has(key)) return this.options.inlineVariables ? this.importedValue(key, e) : call('variables', [lit(key, e)], e);
        this.error(e.property, `'${prop}' is not a variable exported by '${nsName}'`);
        return lit(null, e);
      }
    }
    const named = e.safe ? undefined : this.scopeCall(e.base);
    if (named && named.args.length > 0 && named.fn !== 'tenant' && !this.funcs.has(e.base.kind === 'FunctionCall' ? e.base.name.name : '')) return this.namedScopeProperty(e, named.fn, ctx);
    const ref = this.symbolRef(e.base, ctx);
    if (!ref) return undefined;
    const { info, idx } = ref;
    if (info.loop && idx === undefined) return this.collectionProperty(info, e, ctx);
    this.noteRef(info, e.base, ctx, idx);
    if (info.kind === 'module') {
      if (prop === 'name') return this.shortName(info, idx, undefined);
      if (!e.safe && !MODULE_PROPERTIES.has(prop)) {
        // `mod.nicId` for `mod.outputs.nicId`: ARM would read a property of the deployment
        // resource that does not exist, at deployment time; the compiler rejects it.
        this.error(e.property, `The type "module" does not contain property "${prop}". Available properties include "identity", "name", "outputs". (BCP053): a module's outputs are read as '${this.span(e.base).text(40)}.outputs.${prop}'`);
        return this.reported(e);
      }
      const r = call('reference', [this.deploymentId(info, idx, e.base), lit(DEPLOYMENTS_API, e.base)], e.base);
      return member(r, prop, e);
    }
    // An extension's resource is no ARM resource: its properties (id included) are what the
    // extension returns once it exists, as the compiler writes them (reference('sym').id).
    if (this.hasResourceExtensions && this.ofExtension(info) && prop !== 'name' && prop !== 'type' && prop !== 'apiVersion') {
      return member(this.referenceCall(info, idx, e.base, false), prop, e);
    }
    switch (prop) {
      case 'id':
        return this.idExpr(info, idx, e);
      case 'name':
        // The name as declared: for a child with `parent:`, only its own segment (as the compiler).
        return this.shortName(info, idx, undefined);
      case 'type':
        return lit(info.type, e);
      case 'apiVersion':
        return lit(info.apiVersion ?? '', e);
      case 'properties':
        return this.referenceCall(info, idx, e.base, false);
      default: {
        const r = this.referenceCall(info, idx, e.base, true);
        return e.safe ? call('tryGet', [r, lit(prop, e.property)], e) : member(r, prop, e);
      }
    }
  }

  /**
   * `resourceGroup('hub-rg').location`, `subscription(id).displayName`: a scope named by its
   * arguments is only a scope (what a `scope:` takes), an object type without properties (the
   * compiler's GetRestricted*ReturnResult; ARM's resourceGroup() and subscription() take no
   * argument), so reading one is BCP052, at the property. Its location is another resource group's,
   * which the deployment does not know before it runs: said so, with what to write instead.
   */
  private namedScopeProperty(e: PropertyAccess, fn: string, ctx: LowerCtx): Expr {
    if (e.base.kind === 'FunctionCall') for (const a of e.base.args) this.expr(a, ctx);
    const type = fn === 'resourcegroup' ? 'resourceGroup' : fn === 'managementgroup' ? 'managementGroup' : 'subscription';
    const call = this.span(e.base).text(60);
    const prop = e.property.name;
    const advice =
      fn === 'resourcegroup' && prop.toLowerCase() === 'location'
        ? `: ${call} is a scope (for a module's or an existing resource's \`scope:\`), not the resource group, and its location is known only during the deployment; pass the location as a parameter, or deploy a module to that resource group and use resourceGroup().location there`
        : `: ${call} is a scope (for a module's or an existing resource's \`scope:\`), without properties; read them from that scope (a module deployed to it, or an existing resource declared there)`;
    this.error(e.property, `The type "${type}" does not contain property "${prop}". (BCP052)${advice}`);
    return this.reported(e);
  }

  /**
   * `vnets.id`, `nics.outputs.x` where `vnets`, `nics` are loops: a property of the array of
   * instances, which has none (BCP055, at the property). Without it, the instances' names were
   * evaluated outside their loop, "copyIndex is not expected here" at the declaration's name.
   */
  private collectionProperty(info: SymInfo, e: PropertyAccess, ctx: LowerCtx): Expr {
    this.noteRef(info, e.base, ctx);
    const type = info.kind === 'module' ? 'module' : `${info.type}${info.apiVersion ? `@${info.apiVersion}` : ''}`;
    this.error(
      e.property,
      `Cannot access properties of type "${type}[]". An "object" type is required. (BCP055): '${info.symbol}' is a loop; read one instance ('${info.symbol}[i].${e.property.name}') or, in a for-expression, each of them`,
    );
    return this.reported(e);
  }

  protected symbolicIndex(e: ArrayAccess, ctx: LowerCtx): Expr | undefined {
    const ref = this.symbolRef(e, ctx);
    if (!ref) return undefined;
    this.noteRef(ref.info, e, ctx, ref.idx);
    if (ref.info.kind === 'resource') return this.referenceCall(ref.info, ref.idx, e, true);
    return call('reference', [this.deploymentId(ref.info, ref.idx, e), lit(DEPLOYMENTS_API, e)], e);
  }

  protected resourceAccess(e: ResourceAccess, ctx: LowerCtx): Expr {
    const ref = this.symbolRef(e, ctx);
    if (!ref || ref.info.kind !== 'resource') {
      this.error(e.name, `unknown nested resource '${e.name.name}'`);
      return lit(null, e);
    }
    this.noteRef(ref.info, e, ctx, ref.idx);
    return this.referenceCall(ref.info, ref.idx, e, true);
  }

  protected specialCall(e: FunctionCall, ctx: LowerCtx): Expr | undefined {
    const name = e.name.name;
    if (e.base) {
      if (e.base.kind === 'VariableAccess' && !ctx.locals?.has(e.base.name.name)) {
        const ns = e.base.name.name;
        if (this.namespaces.has(ns) && !this.symbols.has(ns)) {
          const key = `${ns}.${name}`;
          if (!this.importedFuncs.has(key)) {
            // Not a second error where it is evaluated ("The template function ... is not defined").
            this.error(e.name, `'${name}' is not a function exported by '${ns}'`);
            for (const a of e.args) this.expr(a, ctx);
            return this.reported(e);
          }
          return call(key, e.args.map((a) => this.expr(a, ctx)), e, '__bicep');
        }
        if ((ns === 'sys' || ns === 'az') && !this.symbols.has(ns) && !this.vars.has(ns) && !this.params.has(ns)) {
          return this.builtin(e, ctx);
        }
        // The `this` namespace in a resource's body: that resource as it exists before this
        // deployment (Bicep's ThisNamespaceType; Bicep 0.46, "runtime values in tags and sku"),
        // which the compiler writes as target(): runtime state.
        const thisArg = ns === 'this' && !this.namedInFile(ns) ? THIS_FUNCTIONS.get(name) : undefined;
        if (thisArg !== undefined) {
          if (e.args.length) this.error({ start: e.openParen, end: e.closeParen }, `${name}() takes no arguments, but is given ${e.args.length}`);
          // The compiler's ThisFunctionOnlyAllowedInResourceProperties, at the function's name.
          if (!ctx.inThisResource) this.error(e.name, `'this.${name}()' can only be used in the body of a resource declaration (its properties, tags or sku), where it is that resource before this deployment; not in a variable, an output, a module, or a resource's name, location, scope, dependsOn, condition or loop`);
          return call('target', thisArg ? [lit(thisArg, e)] : [], e);
        }
      }
      const ref = this.symbolRef(e.base, ctx);
      if (ref?.info.kind === 'resource') {
        this.noteRef(ref.info, e.base, ctx, ref.idx);
        // res.listKeys() -> listKeys(resourceId(...), 'api'); getSecret is a Key Vault reference.
        const args = e.args.map((a) => this.expr(a, ctx));
        if (name.toLowerCase() === 'getsecret') return call('keyVaultSecret', [this.idExpr(ref.info, ref.idx, e.base), ...args], e);
        return call(name, [this.idExpr(ref.info, ref.idx, e.base), lit(ref.info.apiVersion ?? '', e.base), ...args], e);
      }
      this.error(e.name, `'${name}' cannot be called on this value`);
      return lit(null, e);
    }
    if (ctx.locals?.has(name)) {
      this.error(e.name, `'${name}' is not a function`);
      return lit(null, e);
    }
    const userFn = this.funcs.get(name);
    if (userFn && userFn.parameters.length !== e.args.length && !this.importedFuncs.has(name)) {
      // Checked where it is written, as the built-ins are (BCP071): a call in a variable nothing
      // reads is never evaluated. A user-defined function has no optional parameters.
      const n = userFn.parameters.length;
      const message = `${name}() takes ${n} argument${n === 1 ? '' : 's'}, but is given ${e.args.length}`;
      this.error({ start: e.openParen, end: e.closeParen }, message);
      return call('invalid', [lit(message, e)], e, LOWERING_NS);
    }
    if (userFn && !this.importedFuncs.has(name)) this.checkUserFunctionArguments(userFn, e.args);
    if (userFn || this.callableImportedFuncs.has(name)) return call(name, e.args.map((a) => this.expr(a, ctx)), e, '__bicep');
    const reg = this.unknownImports.get(name);
    if (reg !== undefined) {
      // Said at the import (not exported, not fetched, not readable): unknown here, as a variable is.
      for (const a of e.args) this.expr(a, ctx);
      return call('notRead', [lit(`'${name}', imported from '${reg}', which is not read`, e.name)], e, LOWERING_NS);
    }
    return this.builtin(e, ctx);
  }
}
