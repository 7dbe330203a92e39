// Compile-time imports (`import {x} from 'f.bicep'`, `import * as ns from ...`) for a file's
// lowering (see lower.ts): the variables, functions and types an import brings, with those they
// use, renamed apart from the importing file's names as the compiler copies them.
import type { Expr } from '../expr/ast.js';
import { pushAll } from '../model/push-all.js';
import { recordSpan, type Span } from '../model/span.js';
import { isTObject, own, setOwn, TExpr, type TNode, type TObject } from '../model/template.js';
import { call, lit } from './lower-ast.js';
import { FileSymbols, type ImportedVar, type LoweredFile } from './lower-symbols.js';
import { REGISTRY_PREFIX, stringValue } from './lower-syntax.js';
import type { CompileTimeImportDeclaration, Identifier, Node } from './syntax.js';

export abstract class ImportLowerer extends FileSymbols {
  private ownVarNames: Set<string> | undefined;
  private ownFuncNames: Set<string> | undefined;
  private readonly importTags = new Map<LoweredFile, number>();
  /** The declaration (its node in its own file) each function brought along by an import is, by the name it has here. */
  private readonly importedFuncOrigins = new Map<string, TObject>();

  protected collectImport(s: CompileTimeImportDeclaration): void {
    const from = s.from.kind === 'String' ? stringValue(s.from) : undefined;
    const names: [string, Identifier, Identifier | undefined][] = (s.symbols ?? []).map((sym) => [sym.name.name, sym.name, sym.alias]);
    if (from === undefined) return;
    if (REGISTRY_PREFIX.test(from)) {
      this.note(s.from, `registry import '${from}' is not fetched; the imported symbols are unknown`);
      for (const [name, , alias] of names) this.unknownImports.set(alias?.name ?? name, from);
      if (s.wildcardAlias) this.unknownImports.set(s.wildcardAlias.name, from);
      return;
    }
    const lib = this.options.modules.lowerImport(this.resolvePath(from), s.from, this);
    // Only what a file exports can be imported (BCP360): a Bicep file's @export() declarations, what
    // an ARM JSON template marks (see import-json.ts). What it does not export is still copied
    // along when an exported variable or function uses it.
    const importable = (name: string): boolean => lib !== undefined && lib.exported.has(name);
    if (!lib) {
      // Reported at the import (the file is missing, broken or outside the lint root): its
      // symbols are unknown where they are used, not errors of their own there too.
      for (const [name, , alias] of names) this.unknownImports.set(alias?.name ?? name, from);
      if (s.wildcardAlias) this.unknownImports.set(s.wildcardAlias.name, from);
      return;
    }
    if (s.wildcardAlias) {
      this.namespaces.set(s.wildcardAlias.name, lib);
      if (lib) {
        for (const t of lib.exported) this.importType(lib, t, `${s.wildcardAlias.name}.${t}`);
        for (const v of lib.variables.keys()) if (importable(v)) this.importVariable(lib, v, `${s.wildcardAlias.name}.${v}`);
        for (const [f, def] of this.importFunctions(lib)) {
          if (!importable(f)) continue;
          this.importedFuncs.set(`${s.wildcardAlias.name}.${f}`, def);
          this.callableImportedFuncs.add(`${s.wildcardAlias.name}.${f}`);
        }
      }
      return;
    }
    if (!lib) return;
    for (const [name, id, alias] of names) {
      const local = alias?.name ?? name;
      if (!importable(name)) {
        this.error(id, `'${name}' is not exported by '${from}'`);
        // Said once, here: where it is used its value is unknown, as the compiler's errored import.
        this.unknownImports.set(local, from);
      } else if (lib.variables.has(name)) this.importVariable(lib, name, local);
      else if (lib.exported.has(name) && this.importType(lib, name, local)) continue;
      else if (lib.functions.has(name)) {
        const defs = this.importFunctions(lib);
        this.importedFuncs.set(local, defs.get(name) as { node: TObject; span: Span });
        this.callableImportedFuncs.add(local);
      } else if (!lib.exported.has(name)) this.error(id, `'${name}' is not exported by '${from}'`);
    }
  }

  /**
   * Brings a file's functions under their own names (a function body calls its siblings by them),
   * with the variables they use: the compiler copies both into the importing template.
   */
  private importFunctions(lib: LoweredFile): Map<string, { node: TObject; span: Span }> {
    const used: string[] = [];
    for (const def of lib.functions.values()) {
      pushAll(used, def.vars);
      variablesReadIn(def.node, used);
    }
    const theirs = lib.imports?.functions ?? new Map<string, { node: TObject; span: Span }>();
    for (const def of theirs.values()) variablesReadIn(def.node, used);
    const calls = this.functionRenames(lib);
    const renames = this.importVariablesUsed(lib, used, new Set(), undefined, calls);
    const copy = (def: { node: TObject; span: Span }): { node: TObject; span: Span } => (renames.size || calls.size ? { node: renameFunctions(renameVariables(def.node, renames), calls) as TObject, span: def.span } : def);
    const defs = new Map<string, { node: TObject; span: Span }>();
    // The file's own, and those it imports (`resourceName`, `platform.resourceName`) that its own call.
    for (const [f, def] of [...lib.functions, ...theirs]) {
      const d = copy(def);
      if (lib.functions.get(f) === def) defs.set(f, d);
      const target = calls.get(f) ?? f;
      if (this.importedFuncs.has(target)) continue;
      this.importedFuncs.set(target, d);
      this.importedFuncOrigins.set(target, def.node);
    }
    return defs;
  }

  /**
   * The functions of `lib` (its own and those it imports) that are brought along under a name of
   * their own, `name#n` (as the compiler copies each file's functions apart): those named as a
   * function of this file, or as one already brought along from another file.
   */
  private functionRenames(lib: LoweredFile): Map<string, string> {
    const out = new Map<string, string>();
    for (const [f, def] of [...lib.functions, ...(lib.imports?.functions ?? [])]) {
      const origin = this.importedFuncOrigins.get(f);
      if (this.ownFunctionNames().has(f) || (origin !== undefined && origin !== def.node)) out.set(f, `${f}#${this.importTag(lib)}`);
    }
    return out;
  }

  /**
   * Brings an exported type of an imported file under a local name (its declaration still reads
   * the names of its own file): the compiler copies it into `definitions` and refers to it there.
   */
  private importType(lib: LoweredFile, name: string, local: string): boolean {
    const e = lib.types.get(name);
    if (!e) return false;
    this.types.set(local, e.kind === 'ImportedType' ? e : { kind: 'ImportedType', decl: e, types: lib.types });
    return true;
  }

  /** Brings an imported variable (and the variables it uses) into this file. */
  private importVariable(lib: LoweredFile, name: string, local: string): void {
    const v = lib.variables.get(name);
    if (!v) return;
    // The functions of its file it calls (`resourceName('nic', 'web')`), or those it reads call: the
    // compiler copies them too (a function of the file's own or one it imports, exported or not).
    const hasFunctions = lib.functions.size > 0 || (lib.imports?.functions.size ?? 0) > 0;
    const calls = hasFunctions ? this.functionRenames(lib) : new Map<string, string>();
    const read: TNode[] = [v.node];
    const used = this.importVariablesUsed(lib, variablesReadIn(v.node, [...v.vars]), new Set([name]), read, calls);
    if (hasFunctions && read.some(callsUserFunction)) this.importFunctions(lib);
    // A copy loop imported under another name (an alias, `ns.name`): its copyIndex('name') follows.
    const renames = v.copy && local !== name ? new Map([...used, [name, local]]) : used;
    this.importedVars.set(local, { node: renameFunctions(renames.size ? renameVariables(v.node, renames) : v.node, calls), span: v.span, copy: v.copy });
  }

  /**
   * The variables of `lib` named in `queue`, and those they use, under their own names, unless
   * this file (or another import) has a variable of that name: then under a name of their own,
   * which the returned map gives (the compiler also keeps an imported function reading its own
   * file's `prefix`, not the importing file's).
   */
  private importVariablesUsed(lib: LoweredFile, queue: string[], seen: Set<string>, nodes?: TNode[], calls: ReadonlyMap<string, string> = new Map()): Map<string, string> {
    const needed: [string, { node: TNode; span: Span; copy?: boolean | undefined }][] = [];
    while (queue.length > 0) {
      const d = queue.pop() as string;
      if (seen.has(d)) continue;
      seen.add(d);
      // One of the file's own, or one it imports itself (what it reads comes along: see LoweredFile.imports).
      const own = lib.variables.get(d);
      const dv = own ?? lib.imports?.variables.get(d);
      if (!dv) continue;
      needed.push([d, dv]);
      nodes?.push(dv.node);
      if (own) pushAll(queue, own.vars);
      variablesReadIn(dv.node, queue);
    }
    const renames = new Map<string, string>();
    for (const [d, dv] of needed) {
      const taken = this.ownVariableNames().has(d) || (this.importedVars.has(d) && this.importedVars.get(d)?.node !== dv.node);
      if (taken) renames.set(d, `${d}#${this.importTag(lib)}`);
    }
    for (const [d, dv] of needed) {
      const target = renames.get(d) ?? d;
      if (!this.importedVars.has(target)) this.importedVars.set(target, { node: renameFunctions(renames.size ? renameVariables(dv.node, renames) : dv.node, calls), span: dv.span, copy: dv.copy });
    }
    return renames;
  }

  /** The functions this file declares, known before its imports are collected. */
  private ownFunctionNames(): Set<string> {
    return (this.ownFuncNames ??= new Set(this.program.statements.flatMap((s) => (s.kind === 'Function' ? [s.name.name] : []))));
  }

  /** The variables this file declares, known before its imports are collected (imports come first). */
  private ownVariableNames(): Set<string> {
    return (this.ownVarNames ??= new Set(this.program.statements.flatMap((s) => (s.kind === 'Variable' ? [s.name.name] : []))));
  }

  private importTag(lib: LoweredFile): number {
    let tag = this.importTags.get(lib);
    if (tag === undefined) this.importTags.set(lib, (tag = this.importTags.size + 1));
    return tag;
  }
}

/**
 * An imported variable into a `variables` section; a copy loop (from an ARM JSON template) into
 * its `copy` array, under the name it is imported as.
 */
export function setImportedVariable(variables: TObject, name: string, v: ImportedVar): void {
  if (!v.copy || !isTObject(v.node)) {
    setOwn(variables, name, v.node);
    recordSpan(variables, name, v.span);
    return;
  }
  let loops = own(variables, 'copy');
  if (!Array.isArray(loops)) setOwn(variables, 'copy', (loops = []));
  const entry: TObject = { ...v.node };
  setOwn(entry, 'name', name);
  recordSpan(loops, loops.length, v.span);
  loops.push(entry);
}

/** A lowered template node as one expression (for inlining a node where an expression is needed). */
export function nodeToExpr(n: TNode, at: Node, depth: number): Expr {
  if (depth > 256) return lit(null, at);
  if (n instanceof TExpr) return n.ast;
  if (n === null || typeof n !== 'object') return lit(n, at);
  if (Array.isArray(n)) return call('createArray', n.map((x) => nodeToExpr(x, at, depth + 1)), at);
  const args: Expr[] = [];
  for (const k of Object.keys(n)) args.push(lit(k.startsWith('[[') ? k.slice(1) : k, at), nodeToExpr(n[k] as TNode, at, depth + 1));
  return call('createObject', args, at);
}

/** A copy of a lowered node in which `__bicep.f(...)` calls `__bicep.g(...)` for every f -> g of `renames` (the node itself when there are none). */
function renameFunctions(n: TNode, renames: ReadonlyMap<string, string>): TNode {
  if (renames.size === 0) return n;
  const expr = (e: Expr): Expr => {
    switch (e.k) {
      case 'lit':
        return e;
      case 'member':
        return { ...e, obj: expr(e.obj) };
      case 'index':
        return { ...e, obj: expr(e.obj), index: expr(e.index) };
      case 'call': {
        const to = e.ns === '__bicep' ? renames.get(e.name) : undefined;
        return { ...e, ...(to !== undefined ? { name: to } : {}), args: e.args.map(expr) };
      }
    }
  };
  return mapExpressions(n, expr);
}

/** A copy of a lowered node (objects and arrays copied) with `f` applied to the expression of each TExpr in it. */
function mapExpressions(n: TNode, f: (e: Expr) => Expr): TNode {
  if (n instanceof TExpr) return new TExpr(f(n.ast), n.base);
  if (n === null || typeof n !== 'object') return n;
  if (Array.isArray(n)) return n.map((x) => mapExpressions(x, f));
  const out: TObject = {};
  for (const k of Object.keys(n)) setOwn(out, k, mapExpressions(n[k] as TNode, f));
  return out;
}

/** Whether `test` holds for the expression of some TExpr in a lowered node (visited in order, until it does). */
function anyExpression(n: TNode, test: (e: Expr) => boolean): boolean {
  if (n instanceof TExpr) return test(n.ast);
  if (Array.isArray(n)) return n.some((x) => anyExpression(x, test));
  if (n !== null && typeof n === 'object') return Object.keys(n).some((k) => anyExpression(n[k] as TNode, test));
  return false;
}

/** Adds to `out` the names of the variables a lowered node reads (`variables('x')`); returns `out`. */
function variablesReadIn(n: TNode, out: string[]): string[] {
  const expr = (e: Expr): void => {
    switch (e.k) {
      case 'lit':
        return;
      case 'member':
        expr(e.obj);
        return;
      case 'index':
        expr(e.obj);
        expr(e.index);
        return;
      case 'call': {
        const first = e.args[0];
        if (e.ns === undefined && e.name.toLowerCase() === 'variables' && first?.k === 'lit' && typeof first.value === 'string') out.push(first.value);
        for (const a of e.args) expr(a);
      }
    }
  };
  anyExpression(n, (e) => {
    expr(e);
    return false;
  });
  return out;
}

/** Whether a lowered node calls a user-defined function (`__bicep.name(...)`). */
function callsUserFunction(n: TNode): boolean {
  const expr = (e: Expr): boolean => {
    switch (e.k) {
      case 'lit':
        return false;
      case 'member':
        return expr(e.obj);
      case 'index':
        return expr(e.obj) || expr(e.index);
      case 'call':
        return e.ns !== undefined || e.args.some(expr);
    }
  };
  return anyExpression(n, expr);
}

/**
 * A copy of a lowered node in which variables('x') reads variables('y') for every x -> y of
 * `renames` (imported variables kept apart from the importing file's of the same name).
 */
function renameVariables(n: TNode, renames: ReadonlyMap<string, string>): TNode {
  return mapExpressions(n, (e) => renameInExpr(e, renames));
}

function renameInExpr(e: Expr, renames: ReadonlyMap<string, string>): Expr {
  switch (e.k) {
    case 'lit':
      return e;
    case 'member':
      return { ...e, obj: renameInExpr(e.obj, renames) };
    case 'index':
      return { ...e, obj: renameInExpr(e.obj, renames), index: renameInExpr(e.index, renames) };
    case 'call': {
      const first = e.args[0];
      // copyIndex('loop') in a variable copy loop (ARM JSON imports) names the variable too.
      const named = e.name.toLowerCase() === 'variables' || e.name.toLowerCase() === 'copyindex';
      if (e.ns === undefined && named && first?.k === 'lit' && typeof first.value === 'string' && renames.has(first.value)) {
        return { ...e, args: [{ ...first, value: renames.get(first.value) as string }, ...e.args.slice(1)] };
      }
      return { ...e, args: e.args.map((a) => renameInExpr(a, renames)) };
    }
  }
}
