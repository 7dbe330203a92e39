// dependsOn of a file's lowering (see lower.ts): explicit entries and the implicit ones the
// compiler adds for what a declaration references, directly or through variables.
import type { Expr } from '../expr/ast.js';
import { recordSpan } from '../model/span.js';
import type { TNode, TObject } from '../model/template.js';
import { call, lit } from './lower-ast.js';
import type { RefCollector } from './lower-expr.js';
import { ModuleLowerer } from './lower-module-deployment.js';
import type { SymInfo } from './lower-symbols.js';
import { prop } from './lower-syntax.js';
import type { Node } from './syntax.js';

export abstract class DependsOnLowerer extends ModuleLowerer {
  protected addDependsOn(r: SymInfo, out: TObject): void {
    const deps = new Map<string, Node>();
    const indexed = new Map<string, { idx: Expr; at: Node }[]>();
    const seenVars = new Set<string>();
    const seenSyms = new Set<string>([r.key]);
    // A reference back to the declaration itself, directly, through variables or through an
    // `existing` resource (which the compiler rejects: BCP079, BCP080).
    let self: Node | undefined;
    const addRefs = (refs: RefCollector): void => {
      for (const [key, at] of refs.symbols) addSym(key, at);
      for (const [key, list] of refs.indexed) {
        const info = this.byKey.get(key);
        if (key === r.key) self ??= (list[0] as { at: Node }).at;
        if (!info || key === r.key) continue;
        // An existing resource is not deployed: depend on what it depends on instead.
        if (info.kind === 'resource' && info.existing) addSym(key, (list[0] as { at: Node }).at);
        else indexed.set(key, [...(indexed.get(key) ?? []), ...list]);
      }
      for (const v of refs.variables) {
        if (seenVars.has(v)) continue;
        seenVars.add(v);
        const vr = this.varRefs.get(v);
        if (vr) addRefs(vr);
      }
    };
    const addSym = (key: string, at: Node): void => {
      if (key === r.key) self ??= at;
      if (seenSyms.has(key)) return;
      seenSyms.add(key);
      const info = this.byKey.get(key);
      if (!info) return;
      // An existing resource is not deployed: depend on what it depends on instead.
      if (info.kind === 'resource' && info.existing) addRefs(info.refs);
      else if (!deps.has(key)) deps.set(key, at);
    };
    const explicit = prop(r.body, 'dependsOn');
    if (explicit) {
      if (explicit.value.kind !== 'Array') this.error(explicit.value, "'dependsOn' must be an array of resource or module symbols");
      else {
        for (const item of explicit.value.items) {
          const ref = item.kind === 'Spread' ? undefined : this.symbolRef(item, this.instanceCtx(r, undefined, undefined, item));
          if (!ref) this.error(item, "a 'dependsOn' entry must be a resource or module symbol");
          else if (ref.idx && ref.info.loop && !(ref.info.kind === 'resource' && ref.info.existing)) {
            indexed.set(ref.info.key, [...(indexed.get(ref.info.key) ?? []), { idx: ref.idx, at: item }]);
          } else addSym(ref.info.key, item);
        }
      }
    }
    addRefs(r.refs);
    // A `scope` or `parent` chain that leads back is reported as such where the chain is followed.
    const chain = (at: Node): boolean => at === r.scopeProp?.value || at === prop(r.body, 'parent')?.value;
    if (self && chain(self)) self = undefined;
    this.dependencies.set(r.key, { self, chain, on: [...[...deps].map(([key, at]) => ({ key, at })), ...[...indexed].map(([key, list]) => ({ key, at: (list[0] as { at: Node }).at }))] });
    if (deps.size === 0 && indexed.size === 0) return;
    const arr: TNode[] = [];
    for (const [key, at] of deps) {
      recordSpan(arr, arr.length, this.span(at));
      arr.push(key);
    }
    // One instance of a loop: "coll[i]" (languageVersion 2.0), unless the whole loop is a dependency.
    for (const [key, list] of indexed) {
      if (deps.has(key)) continue;
      // One entry per referencing expression, as the compiler (which keys them by syntax node, so
      // two `coll[i]` in the body give two equal entries); the same node noted twice counts once.
      const seen = new Set<Node>();
      for (const { idx, at } of list) {
        if (seen.has(at)) continue;
        seen.add(at);
        recordSpan(arr, arr.length, this.span(at));
        arr.push(this.texpr(call('format', [lit('{0}[{1}]', at), lit(key, at), idx], at)));
      }
    }
    this.set(out, 'dependsOn', arr, explicit?.value ?? r.decl.name, explicit?.key);
  }
}
