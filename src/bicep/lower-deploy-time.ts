// What a declaration must be able to calculate at the start of the deployment (see lower.ts):
// names, locations, scopes, conditions and loop collections of resources and modules (BCP120,
// BCP177, BCP178), and the for-bodies of variables (BCP182).
import { CycleChecks } from './lower-cycles.js';
import { RefCollector } from './lower-expr.js';
import { LoopVariableCheck, type RuntimeUse } from './lower-loop-vars.js';
import type { LoweredFile, ResInfo, SymInfo } from './lower-symbols.js';
import { prop, unwrapAny } from './lower-syntax.js';
import type { Expression, Node } from './syntax.js';

export abstract class DeployTimeChecks extends CycleChecks {
  /** Set once the variables are lowered: what reads runtime state, through variables too. */
  private deployTimeCheck: LoopVariableCheck | undefined;

  /**
   * What a resource or module declaration must be able to calculate at the start of the
   * deployment (ARM names, places, counts and decides on a resource before it deploys anything):
   * not another resource's properties, outputs or list*(), directly or through a variable. The
   * compiler's DeployTimeConstantValidator reports each such read:
   *   - BCP120 in the resource's or module's `name`, and in a resource's `location` (the
   *     compiler's message lists what it may read instead: apiVersion, id, name, type; ARM
   *     itself rejects reference() in a location, see check-template.ts);
   *   - BCP120 in the `scope` of a resource or module too (a resource symbol there is its id);
   *   - BCP177 in the `if` condition, BCP178 in the for-expression's collection.
   */
  protected checkDeployTimeValues(r: SymInfo): void {
    // An extension's resource (Microsoft Graph) is named by properties of its own kind; an
    // `existing` resource is only read, which the compiler lets a runtime value name.
    if (!this.deployTimeCheck || this.hasResourceExtensions || (r.kind === 'resource' && r.existing)) return;
    const who = `${r.kind} '${r.symbol}'`;
    const parts: { within: Expression; at: Node | undefined; what: string; code: string; fix: string; scope?: true }[] = [];
    if (r.nameProp) parts.push({ within: r.nameProp.value, at: r.nameProp, what: `the name of the ${who}`, code: 'BCP120', fix: "use parameters, variables and other resources' names and ids" });
    const location = r.kind === 'resource' ? prop(r.body, 'location') : undefined;
    if (location) parts.push({ within: location.value, at: location, what: `the location of the ${who}`, code: 'BCP120', fix: 'use a parameter, a variable or resourceGroup().location' });
    // The scope too: ARM places the deployment before it runs (`scope: resourceGroup(vnet.properties.x)`
    // cannot be). A resource symbol itself (an extension resource's `scope: vnet`) is its id, which is known.
    if (r.scopeProp) parts.push({ within: r.scopeProp.value, at: r.scopeProp, what: `the scope of the ${who}`, code: 'BCP120', fix: "use parameters, variables, resources themselves and their names and ids", scope: true });
    if (r.condition) parts.push({ within: r.condition, at: r.condition, what: `the condition of the ${who}`, code: 'BCP177', fix: 'decide with parameters and variables' });
    if (r.loop) parts.push({ within: r.loop.iterable, at: undefined, what: `the collection the ${who} loops over`, code: 'BCP178', fix: 'loop over parameters, variables or a range()' });
    for (const part of parts) this.checkDeployTimePart(r, part.within, part.at, (use, what, via) =>
      `'${what}'${via} is known only during the deployment, but ${part.what} must be calculated at its start (${part.code}): ${part.fix}`, part.scope);
    // An `existing` parent names this resource too: its name is the first segment of the child's
    // compiled name (format('{0}/{1}', <parent's name>, ...)). Named from runtime state to be read
    // it may be, but not to deploy a child under it: ARM rejects reference() in a resource name.
    for (let p = r.kind === 'resource' ? r.parent : undefined; p; p = p.parent) {
      const parent = p;
      if (!parent.existing || !parent.nameProp) continue;
      this.checkDeployTimePart(parent, parent.nameProp.value, parent.nameProp, (use, what, via) =>
        `'${what}'${via} is known only during the deployment, but it names the existing resource '${parent.symbol}', the parent of the ${who}, whose name must be calculated at the start of the deployment: ARM rejects the template ("The template function 'reference' is not expected at this location"); name '${parent.symbol}' with parameters, variables and other resources' names and ids`);
    }
  }

  /** One part of a declaration (see checkDeployTimeValues): each runtime read written in it, reported. */
  private checkDeployTimePart(r: SymInfo, within: Expression, at: Node | undefined, message: (use: { at: Node }, what: string, via: string) => string, scope = false): void {
    if (!this.deployTimeCheck) return;
    // A part already reported as wrong (a cycle, an unknown symbol) is not judged again.
    const reported = this.diagnostics.items.some((d) => {
      if (d.span.file !== this.file || d.code === 'note') return false;
      const x = d.span.range();
      return x.start < within.end && x.end > within.start;
    });
    if (reported) return;
    // Lowered again without a reference collector: the first lowering noted the dependencies.
    // The collection of a loop is lowered outside the loop (its item is not bound there).
    // A scope is lowered as the lowering writes it: a resource symbol there is that resource's id
    // (the scope of an extension resource), not a read of its runtime state; so is one passed
    // through any() or parentheses, which the compiler reports as such (BCP176), not as BCP120.
    // The references are collected to place a read that comes from an `existing` resource's name.
    const refs = new RefCollector();
    const node =
      at === undefined ? this.value(within, { refs }) : scope ? this.texpr(this.scopeIdExpr(unwrapAny(within), this.instanceCtx(r, undefined, refs, at))) : this.value(within, this.instanceCtx(r, undefined, refs, at));
    const elsewhere: RuntimeUse[] = [];
    for (const use of this.deployTimeCheck.runtimeReads(node)) {
      // Only what the part itself writes: a read that comes from elsewhere (a cycle, a parent) is
      // reported there.
      if (use.at.start < within.start || use.at.end > within.end) {
        elsewhere.push(use);
        continue;
      }
      const what = this.span(use.at).text(80);
      const via = use.chain.length > 1 ? ` (through ${use.chain.map((c) => `'${c}'`).join(' -> ')})` : '';
      this.error(use.at, message(use, what, via));
    }
    if (elsewhere.length > 0) this.checkRuntimeNamedExisting(within, refs, elsewhere, message);
  }

  /**
   * Runtime reads a deploy-time part takes from the name of an `existing` resource it refers to
   * (`name: '${nic.name}/to-collector'`, `nic.id`, where `nic` is named from another resource's
   * properties or a module's output). The compiler lets an `existing` resource be named so (it is
   * only read), but what it names then is known only during the deployment too, and the part that
   * uses it is its BCP120 (the `parent:` form is judged at the parent's name, checkDeployTimeValues).
   * Reported at each reference in the part to that resource or to one under it, once each.
   */
  private checkRuntimeNamedExisting(within: Expression, refs: RefCollector, uses: readonly RuntimeUse[], message: (use: { at: Node }, what: string, via: string) => string): void {
    const named = new Map<ResInfo, RuntimeUse>();
    for (const use of uses) {
      for (const x of this.byKey.values()) {
        if (x.kind !== 'resource' || !x.existing || !x.nameProp || named.has(x)) continue;
        const v = x.nameProp.value;
        if (use.at.start >= v.start && use.at.end <= v.end) named.set(x, use);
      }
    }
    if (named.size === 0) return;
    const places: { key: string; at: Node }[] = [...refs.symbols].map(([key, at]) => ({ key, at }));
    for (const [key, list] of refs.indexed) for (const { at } of list) places.push({ key, at });
    const done = new Set<Node>();
    for (const { key, at } of places) {
      if (done.has(at) || at.start < within.start || at.end > within.end) continue;
      const info = this.byKey.get(key);
      for (let x = info?.kind === 'resource' ? info : undefined; x; x = x.parent) {
        const use = named.get(x);
        if (!use) continue;
        done.add(at);
        const read = this.span(use.at).text(80);
        const through = use.chain.length > 1 ? ` through ${use.chain.map((c) => `'${c}'`).join(' -> ')}` : '';
        const of = x === info ? `the existing resource '${x.symbol}'` : `under the existing resource '${x.symbol}'`;
        this.error(at, message({ at }, this.span(at).text(80), ` (${of}, named from '${read}'${through})`));
        break;
      }
    }
  }

  /** BCP182: a variable's for-body that reads runtime state (see lower-loop-vars.ts). */
  protected checkLoopVariables(varInfo: LoweredFile['variables']): void {
    const text = this.file.text;
    const check = new LoopVariableCheck(
      (name) => varInfo.get(name)?.node,
      (start) => /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(start, start + 256))?.[0],
    );
    this.deployTimeCheck = check;
    for (const s of this.program.statements) {
      if (s.kind !== 'Variable') continue;
      const node = varInfo.get(s.name.name)?.node;
      if (node === undefined) continue;
      for (const use of check.uses(s, node)) {
        const what = this.span(use.at).text(80);
        const via = use.chain.length > 1 ? ` (through ${use.chain.map((c) => `'${c}'`).join(' -> ')})` : '';
        this.error(
          use.at,
          `'${what}'${via} is known only during the deployment, but the for-body of the variable '${s.name.name}' must be calculated at its start (BCP182): use a resource's id, name, type or apiVersion there, or loop where the value is used`,
        );
      }
    }
  }
}
