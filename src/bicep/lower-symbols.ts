// The first layer of a file's lowering (see lower.ts): what the file declares, by name
// (parameters, variables, functions, types, resources and modules, imports, extensions), and how
// a name in an expression resolves to one of them; the types the layers share (a resource's or
// module's collected declaration, the result of lowering a file).
import path from 'node:path';
import type { Expr } from '../expr/ast.js';
import type { DiagnosticSink } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import type { Span } from '../model/span.js';
import { suggestion } from '../model/spelling.js';
import { LOWERING_NS, type TNode, type TObject } from '../model/template.js';
import { call, lit } from './lower-ast.js';
import { ExprLowerer, type LowerCtx, type RefCollector } from './lower-expr.js';
import type { ModuleLoader } from './lower-modules.js';
import type { TypeEntry } from './lower-types.js';
import type { Expression, ForExpression, FunctionDeclaration, ModuleDeclaration, Node, ObjectExpression, ObjectProperty, ParameterDeclaration, Program, ResourceDeclaration, VariableDeclaration } from './syntax.js';

export type TargetScopeKind = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

interface Declared {
  key: string;
  symbol: string;
  body: ObjectExpression | undefined;
  loop: ForExpression | undefined;
  condition: Expression | undefined;
  nameProp: ObjectProperty | undefined;
  scopeProp: ObjectProperty | undefined;
  decl: ResourceDeclaration | ModuleDeclaration;
  refs: RefCollector;
}

export interface ResInfo extends Declared {
  kind: 'resource';
  decl: ResourceDeclaration;
  type: string;
  apiVersion: string | undefined;
  existing: boolean;
  parent: ResInfo | undefined;
  /** `parent: coll[i]`: the index expression (lowered in the child's instance context). */
  parentIndex: Expression | undefined;
  /**
   * Its `parent` is reported as invalid (itself, a cycle, not a resource): its name is then unknown,
   * not judged as a top-level name against its child type (a second error for one mistake).
   */
  badParent?: true;
  /** True for a resource declared inside its parent's body (it inherits the parent's condition). */
  nested: boolean;
  /** Nested resources declared in the body, by the name written. */
  children: Map<string, ResInfo>;
}

export interface ModInfo extends Declared {
  kind: 'module';
  decl: ModuleDeclaration;
}

export type SymInfo = ResInfo | ModInfo;

/** A symbol brought in by a compile-time import. */
export interface ImportedVar {
  node: TNode;
  span: Span;
  /** A variable copy loop of an ARM JSON template: `node` is its entry of `variables.copy`. */
  copy?: boolean;
}

/** The result of lowering one file. */
export interface LoweredFile {
  root: TObject;
  /** Variables as lowered, and what each references (for imports). */
  variables: Map<string, { node: TNode; span: Span; keySpan: Span; vars: Set<string>; copy?: boolean }>;
  /** Functions as lowered, and the variables of the file each uses (brought along by imports). */
  functions: Map<string, { node: TObject; span: Span; vars: Set<string> }>;
  exported: Set<string>;
  /**
   * An ARM JSON template (see import-json.ts): only what it exports can be imported, variables
   * included; its types are not read (a type imported from it is the compiler's fallback, object).
   */
  fromJson?: boolean;
  /** The file's type names (its own and those it imports), for the files that import its types. */
  types: ReadonlyMap<string, TypeEntry>;
  /**
   * The variables and functions the file imports itself, under the names its own lowered nodes
   * read them by (`sizes`, `platform.sizes`): a file importing from it brings along those its
   * variables and functions use, as the compiler copies them.
   */
  imports?: { variables: ReadonlyMap<string, ImportedVar>; functions: ReadonlyMap<string, { node: TObject; span: Span }> };
}

/**
 * The parameter that holds, in the scope of a .bicepparam file's values, the values of the file it
 * `extends` (what `base` names), as computed in that file. Not a Bicep identifier, so no assigned
 * parameter can take its name.
 */
export const BASE_VALUES = '$base';

export interface FileLowerOptions {
  modules: ModuleLoader;
  /** A .bicepparam file: its own variables are collected for the scope of its values (paramsFileVars), imported ones inlined. */
  inlineVariables?: boolean;
  /** What readEnvironmentVariable() reads (see BicepHost.env). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /**
   * A .bicepparam file that `extends` another: `base` names the values that file gives, as the
   * parameter BASE_VALUES of the scope its values are evaluated in (see lowerParameterAssignments).
   */
  extendsBase?: boolean | 'unread' | undefined;
  /** Deepest expression nesting lowered (config maxExpressionDepth; the default when absent). */
  maxExpressionDepth?: number | undefined;
  /**
   * How many decorators the parser made (BicepParseResult.decorators). When they are all on the
   * file's declarations, checkDecoratorNames need not look for others in the whole syntax tree.
   */
  decorators?: number | undefined;
  /**
   * How many for-expressions the parser began (BicepParseResult.forExpressions). With none, no
   * for-expression is misplaced: forPlacementErrors need not walk the syntax tree (most files
   * have no loop).
   */
  forExpressions?: number | undefined;
}

export abstract class FileSymbols extends ExprLowerer {
  targetScope: TargetScopeKind = 'resourceGroup';
  protected readonly params = new Map<string, ParameterDeclaration>();
  protected readonly vars = new Map<string, VariableDeclaration>();
  protected readonly funcs = new Map<string, FunctionDeclaration>();
  /** Type names: the file's own declarations and the types it imports from Bicep files. */
  protected readonly types = new Map<string, TypeEntry>();
  protected readonly symbols = new Map<string, SymInfo>();
  /** Resources by resources-object key (nested children included). */
  protected readonly byKey = new Map<string, SymInfo>();
  protected readonly importedVars = new Map<string, ImportedVar>();
  /** Extension aliases (`extension kubernetes as k8s`), with the configuration given `with {...}`. */
  protected readonly extensionAliases = new Map<string, Expression | undefined>();
  /** The parameters a .bicepparam file assigns (its values may use each other's). */
  protected readonly assigned = new Set<string>();
  protected readonly importedFuncs = new Map<string, { node: TObject; span: Span }>();
  /**
   * The imported functions this file may call by the name it uses: those imported by name (under
   * their alias) and `ns.f` of `import * as ns`. importedFuncs also holds the functions brought
   * along for their bodies (an imported function calls its siblings by their bare names), which
   * the compiler does not let the importing file call unqualified (BCP057).
   */
  protected readonly callableImportedFuncs = new Set<string>();
  private typeDeclNames: Set<string> | undefined;
  /** `import * as ns`: ns -> the lowered file (undefined when it could not be loaded). */
  protected readonly namespaces = new Map<string, LoweredFile | undefined>();
  /** Names bound to something that cannot be known (registry imports). */
  protected readonly unknownImports = new Map<string, string>();
  protected readonly varRefs = new Map<string, RefCollector>();

  constructor(
    file: SourceText,
    diagnostics: DiagnosticSink,
    protected readonly program: Program,
    protected readonly options: FileLowerOptions,
  ) {
    super(file, diagnostics, options.maxExpressionDepth);
  }

  private extensions: boolean | undefined;

  /** Whether the file declares extensions (Kubernetes, Microsoft Graph, ...): they may bring functions. */
  protected get hasExtensions(): boolean {
    return (this.extensions ??= this.program.statements.some((x) => x.kind === 'Extension'));
  }

  private otherExtensions: boolean | undefined;

  /** Whether the file declares an extension besides `az` and `sys`: one that brings resource types of its own. */
  protected get hasResourceExtensions(): boolean {
    return (this.otherExtensions ??= this.program.statements.some(
      (x) => x.kind === 'Extension' && !(x.specification.kind === 'VariableAccess' && (x.specification.name.name === 'az' || x.specification.name.name === 'sys')),
    ));
  }

  /** The names of the file's own type declarations (not imported ones): made once, asked for each declaration. */
  protected typeDeclarationNames(): Set<string> {
    if (this.typeDeclNames) return this.typeDeclNames;
    const names = new Set<string>();
    for (const x of this.program.statements) if (x.kind === 'TypeDeclaration') names.add(x.name.name);
    return (this.typeDeclNames = names);
  }

  resolvePath(rel: string): string {
    return path.resolve(path.dirname(this.file.path), rel);
  }

  /**
   * Records a reference for implicit dependsOn. `idx`: the instance of a loop referenced; the
   * compiler then depends on that instance only, unless the index uses a local that does not exist
   * at the resource level (a property loop or lambda variable), when it depends on the whole loop.
   */
  protected noteRef(info: SymInfo, at: Node, ctx: LowerCtx, idx?: Expr): void {
    if (!ctx.refs) return;
    if (idx && info.loop && !usesLambdaVariables(idx)) {
      if (ctx.refs.symbols.has(info.key)) return;
      const list = ctx.refs.indexed.get(info.key) ?? [];
      list.push({ idx, at });
      ctx.refs.indexed.set(info.key, list);
      return;
    }
    if (!ctx.refs.symbols.has(info.key)) ctx.refs.symbols.set(info.key, at);
  }

  /** A resource/module symbol (possibly indexed `res[i]` or `a::b`), when `e` is one. */
  protected symbolRef(e: Expression, ctx: LowerCtx): { info: SymInfo; idx: Expr | undefined } | undefined {
    if (e.kind === 'VariableAccess') {
      // A function sees no resource or module (identifier() says so).
      if (ctx.locals?.has(e.name.name) || ctx.inFunction) return undefined;
      const info = this.symbols.get(e.name.name) ?? this.childInScope(e.name.name);
      return info ? { info, idx: undefined } : undefined;
    }
    if (e.kind === 'ResourceAccess') {
      const base = this.symbolRef(e.base, ctx);
      if (base?.info.kind !== 'resource') return undefined;
      const child = base.info.children.get(e.name.name);
      return child ? { info: child, idx: undefined } : undefined;
    }
    if (e.kind === 'ArrayAccess' && !e.safe && !e.fromEnd) {
      const base = this.symbolRef(e.base, ctx);
      if (!base || base.idx !== undefined || !base.info.loop) return undefined;
      const idx = this.expr(e.index, ctx);
      // The compiler cannot write an instance chosen by a variable of a lambda (`x => res[x]`;
      // a for-expression's variable is fine): BCP247, at the index.
      const lambdaVars = lambdaVariableNames(idx).filter((v) => {
        const b = ctx.locals?.get(v);
        return b?.kind === 'lambda' && b.lambda === true;
      });
      if (lambdaVars.length > 0) {
        this.error(e.index, `Using lambda variables inside resource or module array access is not currently supported. Found the following lambda variable(s) being accessed: ${lambdaVars.map((v) => `"${v}"`).join(', ')}. (BCP247)`);
      }
      return { info: base.info, idx };
    }
    if (e.kind === 'Parenthesized' || e.kind === 'NonNullAssertion') return this.symbolRef(e.kind === 'Parenthesized' ? e.expression : e.base, ctx);
    return undefined;
  }

  /** Whether `name` is declared or imported in this file (any kind of symbol, types and namespaces included). */
  protected namedInFile(name: string): boolean {
    return (
      this.params.has(name) ||
      this.assigned.has(name) ||
      this.vars.has(name) ||
      this.importedVars.has(name) ||
      this.symbols.has(name) ||
      this.childInScope(name) !== undefined ||
      this.unknownImports.has(name) ||
      this.extensionAliases.has(name) ||
      this.funcs.has(name) ||
      this.importedFuncs.has(name) ||
      this.types.has(name) ||
      this.namespaces.has(name) ||
      (name === 'base' && (this.options.extendsBase === true || this.options.extendsBase === 'unread'))
    );
  }

  /** Nested resources are visible by their own name (inside their parent; we accept it anywhere unambiguous). */
  protected childInScope(name: string): SymInfo | undefined {
    const hit = this.byKey.get(name);
    return hit;
  }

  /** What the file declares at its top level, by name (what namedInFile asks). */
  protected declaredNames(): string[] {
    return [
      ...this.params.keys(),
      ...this.assigned,
      ...this.vars.keys(),
      ...this.importedVars.keys(),
      ...this.symbols.keys(),
      ...this.unknownImports.keys(),
      ...this.extensionAliases.keys(),
      ...this.funcs.keys(),
      ...this.importedFuncs.keys(),
    ];
  }

  /**
   * The error for a name nothing in reach declares (the compiler's BCP057), with the name spelt
   * alike that is in reach when there is one, as the compiler suggests it (BCP082): a typo of a
   * variable or loop variable says what was meant.
   */
  protected unknownSymbol(name: string, ctx: LowerCtx | undefined, declared: readonly string[]): string {
    const near = suggestion(name, [...(ctx?.locals?.keys() ?? []), ...declared]);
    return `unknown symbol '${name}'${near ? `; did you mean '${near}'?` : ''}`;
  }

  /**
   * The value of something already reported as an error (an unknown symbol, a resource without a
   * name): unknown, not null, so that it is not reported again by every function that reads it
   * ("'length' expects an array; the provided value is of type 'Null'").
   */
  protected reported(at: Node): Expr {
    return call('invalid', [lit('a value that is already reported as an error', at)], at, LOWERING_NS);
  }
}

/** Does an expression use a lambda variable (a property loop's or a lambda's local)? */
/** The names of the lambda variables an expression reads, in order, once each. */
export function lambdaVariableNames(e: Expr, out: string[] = []): string[] {
  switch (e.k) {
    case 'lit':
      break;
    case 'call': {
      const first = e.args[0];
      if (e.name.toLowerCase() === 'lambdavariables' && first?.k === 'lit' && typeof first.value === 'string') {
        if (!out.includes(first.value)) out.push(first.value);
      } else for (const a of e.args) lambdaVariableNames(a, out);
      break;
    }
    case 'member':
      lambdaVariableNames(e.obj, out);
      break;
    case 'index':
      lambdaVariableNames(e.obj, out);
      lambdaVariableNames(e.index, out);
      break;
  }
  return out;
}

function usesLambdaVariables(e: Expr): boolean {
  switch (e.k) {
    case 'lit':
      return false;
    case 'call':
      return e.name.toLowerCase() === 'lambdavariables' || e.args.some(usesLambdaVariables);
    case 'member':
      return usesLambdaVariables(e.obj);
    case 'index':
      return usesLambdaVariables(e.obj) || usesLambdaVariables(e.index);
  }
}
