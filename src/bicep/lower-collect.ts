// Pass 1 of a file's lowering (see lower.ts): the declarations by name, the duplicates among
// them (BCP028), the resources-object key of each resource and module, and resource parents
// (nested, or `parent:`), with their cycles and depth.
import { DEFAULT_LIMITS } from '../model/limits.js';
import { RefCollector } from './lower-expr.js';
import { ImportLowerer } from './lower-imports.js';
import type { ModInfo, ResInfo, SymInfo } from './lower-symbols.js';
import { bodyOf, prop, stringValue } from './lower-syntax.js';
import type { Expression, Identifier, ResourceDeclaration } from './syntax.js';

export abstract class DeclarationCollector extends ImportLowerer {
  protected collect(): void {
    for (const s of this.program.statements) {
      switch (s.kind) {
        case 'TargetScope': {
          const v = stringValue(s.value);
          if (v === 'resourceGroup' || v === 'subscription' || v === 'managementGroup' || v === 'tenant') this.targetScope = v;
          else this.error(s.value, `unknown targetScope ${v === undefined ? '' : `'${v}'`}`.trim());
          break;
        }
        case 'Parameter':
          this.params.set(s.name.name, s);
          break;
        case 'Variable':
          this.vars.set(s.name.name, s);
          break;
        case 'Function':
          this.funcs.set(s.name.name, s);
          break;
        case 'TypeDeclaration':
          this.types.set(s.name.name, s);
          break;
        case 'Resource':
          this.collectResource(s, undefined);
          break;
        case 'Module': {
          const { body, loop, condition } = bodyOf(s.value);
          const info: ModInfo = {
            kind: 'module',
            key: s.name.name,
            symbol: s.name.name,
            decl: s,
            body,
            loop,
            condition,
            nameProp: prop(body, 'name'),
            scopeProp: prop(body, 'scope'),
            refs: new RefCollector(),
          };
          this.symbols.set(s.name.name, info);
          break;
        }
        case 'CompileTimeImport':
          this.collectImport(s);
          break;
        case 'Extension': {
          // `extension kubernetes with {...} as k8s`: the alias (or the name) is a symbol whose
          // `config` is the configuration (modules pass it on in extensionConfigs).
          const spec = s.specification;
          const name = s.alias?.name ?? (spec.kind === 'VariableAccess' ? spec.name.name : undefined);
          if (name !== undefined && name !== 'az' && name !== 'sys') this.extensionAliases.set(name, s.config);
          break;
        }
        default:
          break;
      }
    }
    this.reportDuplicateNames();
    this.assignKeys();
    this.resolveParents();
    this.cutDeepParents();
  }

  /**
   * One name per symbol of the file (BCP028): parameters, variables, functions, types, resources,
   * modules and imported names share a namespace; outputs have their own. The compiler flags every
   * declaration of such a name, and so do we (the later one would silently replace the earlier).
   */
  private reportDuplicateNames(): void {
    const declared: (Identifier | undefined)[] = [];
    const outputs: Identifier[] = [];
    const metadata: Identifier[] = [];
    for (const s of this.program.statements) {
      switch (s.kind) {
        case 'Parameter':
        case 'ParameterAssignment':
        case 'Variable':
        case 'Function':
        case 'TypeDeclaration':
        case 'Resource':
        case 'Module':
          declared.push(s.name);
          break;
        case 'CompileTimeImport':
          for (const sym of s.symbols ?? []) declared.push(sym.alias ?? sym.name);
          declared.push(s.wildcardAlias);
          break;
        case 'Extension':
          declared.push(s.alias);
          break;
        case 'Output':
          // Outputs have a namespace of their own, with the same rule (BCP145).
          outputs.push(s.name);
          break;
        case 'Metadata':
          // So has metadata (the compiler reports it as BCP145 too): a second value would replace the first.
          metadata.push(s.name);
          break;
        default:
          break;
      }
    }
    this.reportRepeats(declared, (name) => `Identifier "${name}" is declared multiple times. Remove or rename the duplicates.`);
    this.reportRepeats(outputs, (name) => `Output "${name}" is declared multiple times. Remove or rename the duplicates.`);
    this.reportRepeats(metadata, (name) => `Metadata "${name}" is declared multiple times. Remove or rename the duplicates.`);
  }

  /** Every declaration of a name declared more than once in one namespace, in declaration order. */
  private reportRepeats(ids: readonly (Identifier | undefined)[], message: (name: string) => string): void {
    const byName = new Map<string, Identifier[]>();
    for (const id of ids) {
      if (!id || id.name === '') continue;
      const list = byName.get(id.name);
      if (list) list.push(id);
      else byName.set(id.name, [id]);
    }
    for (const [name, list] of byName) {
      if (list.length < 2) continue;
      for (const id of list) this.error(id, message(name));
    }
  }

  /**
   * A resource's name and id are built from its parent's (`format('{0}/{1}', <parent name>, ...)`),
   * so a chain of N `parent:` references lowers N names of up to N levels each: 5,000 resources of
   * 100 bytes (each the parent of the next) ran for a minute and out of memory. ARM's nesting is a
   * few levels; a chain deeper than maxExpressionDepth is cut where it passes that depth, with a
   * finding at that `parent` (the resource there, and those below it, get a name that is unknown).
   */
  private cutDeepParents(): void {
    const max = this.options.maxExpressionDepth ?? DEFAULT_LIMITS.maxExpressionDepth;
    const depth = new Map<ResInfo, number>();
    for (const start of this.byKey.values()) {
      if (start.kind !== 'resource' || depth.has(start)) continue;
      // The chain up to a resource whose depth is known (or the root), then down again.
      const chain: ResInfo[] = [];
      let x: ResInfo | undefined = start;
      while (x && !depth.has(x)) {
        chain.push(x);
        x = x.parent;
      }
      let d = x ? (depth.get(x) as number) : -1;
      for (let i = chain.length - 1; i >= 0; i--) {
        const r = chain[i] as ResInfo;
        d = r.parent ? d + 1 : 0;
        if (d > max) {
          const pp = prop(r.body, 'parent');
          const message = `The 'parent' chain is more than ${max} resources deep (limit maxExpressionDepth); the name of '${r.symbol}' is not worked out.`;
          this.diagnostics.add({ code: 'limit-exceeded', message, span: this.span(pp?.value ?? r.decl.name) });
          r.parent = undefined;
          r.parentIndex = undefined;
          r.badParent = true;
          d = 0;
        }
        depth.set(r, d);
      }
    }
  }

  /** `parent: p` (or `parent: p[i]`) makes p the parent, as a nested declaration would. */
  private resolveParents(): void {
    for (const r of this.byKey.values()) {
      if (r.kind !== 'resource' || r.parent) continue;
      const pp = prop(r.body, 'parent');
      if (!pp) continue;
      let e: Expression = pp.value;
      let idx: Expression | undefined;
      if (e.kind === 'ArrayAccess' && !e.safe && !e.fromEnd) {
        idx = e.index;
        e = e.base;
      }
      const ref = this.symbolRef(e, {});
      if (ref?.info === r) {
        this.error(pp.value, `'${r.symbol}' is its own parent: a declaration cannot reference itself (BCP079)`);
        r.badParent = true;
        continue;
      }
      if (!ref || ref.info.kind !== 'resource') {
        // A name nothing declares is said as every read of one is (the compiler's BCP057).
        const undeclared = !ref && e.kind === 'VariableAccess' && !this.namedInFile(e.name.name) ? e.name.name : undefined;
        this.error(pp.value, undeclared !== undefined ? `${this.unknownSymbol(undeclared, undefined, this.declaredNames())}: 'parent' must be a resource symbol` : "'parent' must be a resource symbol");
        r.badParent = true;
        continue;
      }
      // Guard against parent cycles (a.parent = b, b.parent = a). Each resource of the cycle gets
      // the error at its `parent` (as the compiler's BCP080), and none keeps its parent: a name
      // made of the cycle's names would be judged against its type, a second error for one mistake.
      const cycle: ResInfo[] = [];
      for (let x: ResInfo | undefined = ref.info; x; x = x.parent) {
        cycle.push(x);
        if (x === r) break;
      }
      if (cycle.at(-1) === r) {
        for (const x of cycle) {
          const xp = prop(x.body, 'parent');
          if (xp) this.error(xp.value, "the 'parent' chain forms a cycle");
          x.parent = undefined;
          x.parentIndex = undefined;
          x.badParent = true;
        }
        continue;
      }
      r.parent = ref.info;
      r.parentIndex = idx;
    }
  }

  private collectResource(s: ResourceDeclaration, parent: ResInfo | undefined): void {
    const { body, loop, condition } = bodyOf(s.value);
    // `az:My.Rp/type@v` names the extension explicitly; the type is what follows.
    const typeText = (stringValue(s.type as Expression) ?? '').replace(/^[A-Za-z][\w-]*:/, '');
    const at = typeText.indexOf('@');
    let type = at >= 0 ? typeText.slice(0, at) : typeText;
    let apiVersion = at >= 0 ? typeText.slice(at + 1) : undefined;
    if (s.type.kind === 'String' && s.type.expressions.length > 0) this.error(s.type, 'the resource type must be a literal string');
    if (parent && !type.includes('/')) {
      type = `${parent.type}/${type}`;
      apiVersion ??= parent.apiVersion;
    }
    const info: ResInfo = {
      kind: 'resource',
      key: s.name.name,
      symbol: s.name.name,
      decl: s,
      type,
      apiVersion,
      existing: s.existing !== undefined,
      parent,
      parentIndex: undefined,
      nested: parent !== undefined,
      children: new Map(),
      body,
      loop,
      condition,
      nameProp: prop(body, 'name'),
      scopeProp: prop(body, 'scope'),
      refs: new RefCollector(),
    };
    if (parent) parent.children.set(s.name.name, info);
    else this.symbols.set(s.name.name, info);
    for (const p of body?.properties ?? []) {
      if (p.kind !== 'Resource') continue;
      // BCP160: the compiler rejects it (which instance would be the parent?); the child is not
      // lowered, so no finding follows from a resource that cannot be deployed.
      if (loop) this.error(p.name, 'A nested resource cannot appear inside of a resource with a for-expression; declare it at the top level with a loop of its own and parent: <resource>[i].');
      else this.collectResource(p, info);
    }
  }

  /** Resources-object keys: the symbolic name, `parent::child` when a nested name is taken. */
  private assignKeys(): void {
    const walk = (r: SymInfo, prefix: string | undefined): void => {
      let key = r.symbol;
      if (prefix !== undefined && (this.byKey.has(key) || this.symbols.has(key))) key = `${prefix}::${r.symbol}`;
      r.key = key;
      this.byKey.set(key, r);
      if (r.kind === 'resource') for (const c of r.children.values()) walk(c, key);
    };
    for (const r of this.symbols.values()) {
      r.key = r.symbol;
      this.byKey.set(r.key, r);
    }
    for (const r of this.symbols.values()) if (r.kind === 'resource') for (const c of r.children.values()) walk(c, r.key);
  }
}
