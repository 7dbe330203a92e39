// Lowers one Bicep file into the ARM template model (languageVersion 2.0 shape: resources keyed by
// symbolic name), mirroring what the Bicep compiler emits, so the evaluation, deployment, graph
// and rule stages work unchanged and every node points at the .bicep text it came from.
//
// Symbolic references follow the compiler's ExpressionConverter: `res.id` -> resourceId(...),
// `res.name` -> the name expression, `res.properties.x` -> reference(id, api).x, other
// properties -> reference(id, api, 'full').x, `mod.outputs.x` -> reference(...).outputs.x.value.
// Implicit dependsOn entries are the resources/modules a declaration references, directly or
// through variables (existing resources are looked through), plus the parent.
import { suggestion } from '../model/spelling.js';
import { pushAll } from '../model/push-all.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { parseYaml } from './yaml.js';
import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Expr } from '../expr/ast.js';
import { LoopVariableCheck, type RuntimeUse } from './lower-loop-vars.js';
import { expressionChildren, forPlacementErrors } from './for-placement.js';
import { article, literalKind, misfit, plainType, staticKind, typeText } from './lower-literal-types.js';
import { builtinCallProblem } from './functions.js';
import { AZ_FUNCTIONS } from './functions.generated.js';
import { decoratorKindProblem, judgesDecoratorsOf } from './decorator-kinds.js';
import { decoratorNameProblem, type DeclaredNames } from './decorator-names.js';
import type { DiagnosticSink } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import { recordSpan, type Span, type TextSpan } from '../model/span.js';
import { cycleText, cyclesOf } from '../model/cycles.js';
import { typeCycleErrors } from './type-cycles.js';
import { unreadFileMessage } from '../load/read.js';
import { LOAD_ENCODINGS, decodeLoadedText, isLoadEncoding } from './load-text.js';
import { discriminatorProblems } from './discriminator-check.js';
import { unknownTypeNames } from './type-names.js';
import { unionTypeProblems } from './union-types.js';
import { isNullableDeclaration } from '../model/type-ref.js';
import { LOWERING_NS, TExpr, TYPE_NOT_KNOWN, isTObject, nameTable, own, setOwn, type TNode, type TObject } from '../model/template.js';
import { MAX_JSON_DEPTH, call, deeperThanConverted, formatCall, index, jsonToExpr, lit, litString, member } from './lower-ast.js';
import { ExprLowerer, RefCollector, withLocals, type Binding, type LowerCtx } from './lower-expr.js';
import { armType, builtinType, decorator, literalArgument, secureType, typeDecorator, type TypeEntry } from './lower-types.js';
import { TypeDefinitions } from './lower-type-nodes.js';
import type { ModuleLoader } from './lower-modules.js';
import type {
  ArrayAccess,
  BinaryExpression,
  CompileTimeImportDeclaration,
  Decorator,
  Expression,
  ForExpression,
  FunctionCall,
  FunctionDeclaration,
  Identifier,
  ModuleDeclaration,
  Node,
  ObjectExpression,
  ObjectProperty,
  ParameterDeclaration,
  Program,
  PropertyAccess,
  ResourceAccess,
  ResourceDeclaration,
  Statement,
  TypeDeclaration,
  TypeExpression,
  VariableDeclaration,
} from './syntax.js';

export type TargetScopeKind = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

const SCHEMAS: Record<TargetScopeKind, string> = {
  resourceGroup: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  subscription: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
  managementGroup: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
  tenant: 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
};

export const DEPLOYMENTS_TYPE = 'Microsoft.Resources/deployments';
export const DEPLOYMENTS_API = '2022-09-01';

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

/** How many arguments the sys decorators with a fixed signature take (Bicep's names are case-sensitive). */
const DECORATOR_ARGUMENTS: Readonly<Record<string, number>> = {
  allowed: 1,
  batchSize: 1,
  description: 1,
  discriminator: 1,
  export: 0,
  maxLength: 1,
  maxValue: 1,
  metadata: 1,
  minLength: 1,
  minValue: 1,
  sealed: 0,
  secure: 0,
};

/** The types the sys decorators that constrain a value apply to (BCP124). */
const DECORATOR_TARGETS: Readonly<Record<string, readonly string[]>> = {
  secure: ['string', 'object'],
  minLength: ['string', 'array'],
  maxLength: ['string', 'array'],
  minValue: ['int'],
  maxValue: ['int'],
  sealed: ['object'],
  discriminator: ['object'],
};
const PLAIN_TYPES = new Set(['string', 'int', 'bool', 'array', 'object']);

/** What an `existing` resource's declaration may set (the compiler's writable existing-resource properties, and dependsOn). */
const EXISTING_PROPERTIES = new Set(['name', 'scope', 'parent', 'dependsOn']);

/**
 * What a module symbol has as properties: those it can be read by (identity, name, outputs) and
 * those of its body (the compiler reports reading these as write-only, not as missing).
 */
const MODULE_PROPERTIES = new Set(['identity', 'name', 'outputs', 'params', 'scope', 'dependsOn', 'extensionConfigs']);
/** ARM's keys of a resource declaration that are no property of a Bicep resource body, and how Bicep writes each. */
const ARM_CONTROL_ADVICE: ReadonlyMap<string, string> = new Map([
  ['condition', "a condition is written before the body: '= if (condition) { ... }'"],
  ['copy', "a loop is written around the body: '= [for item in items: { ... }]'"],
  ['resources', "a child resource is declared as a nested 'resource' in the body or with 'parent:'"],
  ['existing', "an existing resource is declared with 'existing' after its type: 'resource x 'type@version' existing = { ... }'"],
]);
/** Built-in functions whose value is always a string (what a `scope` is mistakenly given). */
const STRING_FUNCTIONS = new Set(['resourceid', 'subscriptionresourceid', 'extensionresourceid', 'tenantresourceid', 'managementgroupresourceid', 'format', 'string', 'tolower', 'toupper', 'replace', 'guid', 'uniquestring']);
/** The az namespace's functions (resourceId(), deployment(), ...): none but getSecret() exists in a parameters file. */
const AZ_FUNCTION_NAMES: ReadonlySet<string> = new Set([...AZ_FUNCTIONS, 'reference']);
/** The properties a module's body may have (lower case). */
const MODULE_BODY = new Set(['name', 'params', 'scope', 'dependson', 'identity', 'extensionconfigs']);
/** Body properties of a resource that the lowering handles itself. */
const RESOURCE_SPECIAL = new Set(['name', 'parent', 'scope', 'dependson']);
/** The `this` namespace's functions and the argument of the target() call the compiler writes for each. */
const THIS_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['exists', 'exists'],
  ['existingProperties', ''],
  ['existingResource', 'full'],
]);
const REGISTRY_PREFIX = /^(br|ts)[:/]/i;

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

interface ResInfo extends Declared {
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

interface ModInfo extends Declared {
  kind: 'module';
  decl: ModuleDeclaration;
}

type SymInfo = ResInfo | ModInfo;

/** A symbol brought in by a compile-time import. */
interface ImportedVar {
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
}

/**
 * The Bicep compiler's limits on loaded files (LanguageConstants; BCP184 above them):
 * loadTextContent() makes a string literal of at most 131,072 characters, loadFileAsBase64() one
 * of at most as many base64 characters (98,304 bytes), and loadJsonContent() and
 * loadYamlContent() read at most 1,048,576 characters.
 */
const MAX_LITERAL_CHARS = 131_072;
const MAX_BASE64_BYTES = 98_304;
const MAX_JSON_CHARS = 1_048_576;

/** A literal, or an array or object of literals: what the compiler can use while it compiles. */
function isCompileTimeConstant(e: Expression): boolean {
  switch (e.kind) {
    case 'String':
      return e.expressions.length === 0;
    case 'Integer':
    case 'Boolean':
    case 'Null':
      return true;
    case 'Unary':
      return e.operator === '-' && e.operand.kind === 'Integer';
    case 'Parenthesized':
      return isCompileTimeConstant(e.expression);
    case 'Array':
      return e.items.every((i) => i.kind !== 'Spread' && isCompileTimeConstant(i));
    case 'Object':
      return e.properties.every((p) => p.kind === 'ObjectProperty' && p.keyName !== undefined && isCompileTimeConstant(p.value));
    default:
      return false;
  }
}

function bodyOf(value: Expression): { body: ObjectExpression | undefined; loop: ForExpression | undefined; condition: Expression | undefined } {
  let loop: ForExpression | undefined;
  let condition: Expression | undefined;
  let v: Expression = value;
  if (v.kind === 'For') {
    loop = v;
    v = v.body;
  }
  if (v.kind === 'If') {
    condition = v.condition;
    v = v.body;
  }
  return { body: v.kind === 'Object' ? v : undefined, loop, condition };
}

/** The expression inside any(...) and parentheses (`any(res)` is still the resource `res`). */
function unwrapAny(e: Expression): Expression {
  for (;;) {
    if (e.kind === 'Parenthesized') e = e.expression;
    else if (e.kind === 'FunctionCall' && !e.base && e.name.name === 'any' && e.args.length === 1) e = e.args[0] as Expression;
    else return e;
  }
}

function prop(body: ObjectExpression | undefined, name: string): ObjectProperty | undefined {
  const lower = name.toLowerCase();
  for (const p of body?.properties ?? []) if (p.kind === 'ObjectProperty' && p.keyName?.toLowerCase() === lower) return p;
  return undefined;
}

function stringValue(e: Expression | undefined): string | undefined {
  return e?.kind === 'String' && e.expressions.length === 0 ? (e.value ?? e.segments.join('')) : undefined;
}

export class FileLowerer extends ExprLowerer {
  targetScope: TargetScopeKind = 'resourceGroup';
  private readonly params = new Map<string, ParameterDeclaration>();
  private readonly vars = new Map<string, VariableDeclaration>();
  private readonly funcs = new Map<string, FunctionDeclaration>();
  /** `mod.outputs.x` read in this file, checked against the module's outputs once it is lowered (BCP053). */
  private readonly outputReads: { key: string; name: string; at: Node }[] = [];
  /** The outputs of each module file this file deploys, by module key, once lowered. */
  private readonly moduleOutputs = new Map<string, TObject>();
  /** Type names: the file's own declarations and the types it imports from Bicep files. */
  private readonly types = new Map<string, TypeEntry>();
  /** The `definitions` the parameters' type structures refer to (see lower-type-nodes.ts). */
  private readonly typeDefs = new TypeDefinitions();
  private readonly symbols = new Map<string, SymInfo>();
  /** Resources by resources-object key (nested children included). */
  private readonly byKey = new Map<string, SymInfo>();
  private readonly importedVars = new Map<string, ImportedVar>();
  /** Extension aliases (`extension kubernetes as k8s`), with the configuration given `with {...}`. */
  private readonly extensionAliases = new Map<string, Expression | undefined>();
  /** The parameters a .bicepparam file assigns (its values may use each other's). */
  private readonly assigned = new Set<string>();
  private readonly importedFuncs = new Map<string, { node: TObject; span: Span }>();
  /**
   * The imported functions this file may call by the name it uses: those imported by name (under
   * their alias) and `ns.f` of `import * as ns`. importedFuncs also holds the functions brought
   * along for their bodies (an imported function calls its siblings by their bare names), which
   * the compiler does not let the importing file call unqualified (BCP057).
   */
  private readonly callableImportedFuncs = new Set<string>();
  private ownVarNames: Set<string> | undefined;
  private ownFuncNames: Set<string> | undefined;
  private typeDeclNames: Set<string> | undefined;
  private readonly importTags = new Map<LoweredFile, number>();
  /** The declaration (its node in its own file) each function brought along by an import is, by the name it has here. */
  private readonly importedFuncOrigins = new Map<string, TObject>();
  /** `import * as ns`: ns -> the lowered file (undefined when it could not be loaded). */
  private readonly namespaces = new Map<string, LoweredFile | undefined>();
  /** Names bound to something that cannot be known (registry imports). */
  private readonly unknownImports = new Map<string, string>();
  private readonly varRefs = new Map<string, RefCollector>();
  private readonly inlining = new Set<string>();
  /**
   * A .bicepparam file's variables, lowered once each, in the order first used: the values read
   * them through variables(), from the scope lowerParameterAssignments() makes, so each is
   * evaluated once. (Inlined, a variable used twice by one used twice by ... was lowered and
   * evaluated again at every use: `var a1 = concat(a0, a0)` ... `a59`, 2^59 copies, a file of 60
   * lines that never finished.)
   */
  private readonly paramsFileVars = new Map<string, { node: TNode; span: TextSpan }>();

  constructor(
    file: SourceText,
    diagnostics: DiagnosticSink,
    private readonly program: Program,
    private readonly options: FileLowerOptions,
  ) {
    super(file, diagnostics, options.maxExpressionDepth);
  }

  private extensions: boolean | undefined;

  /** Whether the file declares extensions (Kubernetes, Microsoft Graph, ...): they may bring functions. */
  private get hasExtensions(): boolean {
    return (this.extensions ??= this.program.statements.some((x) => x.kind === 'Extension'));
  }

  private otherExtensions: boolean | undefined;

  /** Whether the file declares an extension besides `az` and `sys`: one that brings resource types of its own. */
  private get hasResourceExtensions(): boolean {
    return (this.otherExtensions ??= this.program.statements.some(
      (x) => x.kind === 'Extension' && !(x.specification.kind === 'VariableAccess' && (x.specification.name.name === 'az' || x.specification.name.name === 'sys')),
    ));
  }

  // ---- Pass 1: declarations ----

  private collect(): void {
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
        this.error(pp.value, "'parent' must be a resource symbol");
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

  private parentIdx(r: ResInfo, idx: Expr | undefined, at: Node): Expr | undefined {
    return r.parentIndex ? this.expr(r.parentIndex, this.instanceCtx(r, idx, undefined, at)) : undefined;
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

  private collectImport(s: CompileTimeImportDeclaration): void {
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

  /** The names of the file's own type declarations (not imported ones): made once, asked for each declaration. */
  private typeDeclarationNames(): Set<string> {
    if (this.typeDeclNames) return this.typeDeclNames;
    const names = new Set<string>();
    for (const x of this.program.statements) if (x.kind === 'TypeDeclaration') names.add(x.name.name);
    return (this.typeDeclNames = names);
  }

  /**
   * BCP071 for the sys decorators whose argument count is fixed: `@secure('s')`, `@minLength()`,
   * `@allowed([], [])`. The lowering reads only the first argument, so the rest went unnoticed.
   */
  private checkDecoratorArguments(d: Decorator): void {
    if (d.namespace && d.namespace.name !== 'sys') return;
    // BCP032: the compiler writes a sys decorator's arguments into the template as they are, so
    // they must be constants; reported at each part that is not (an item, a property's value).
    if (Object.hasOwn(DECORATOR_ARGUMENTS, d.name.name) && !this.namedInFile(d.namespace ? 'sys' : d.name.name)) {
      for (const a of d.args) this.reportNotConstant(a, 0);
    }
    // Own keys only: a decorator named `constructor` or `__proto__` is not in the table.
    const expected = Object.hasOwn(DECORATOR_ARGUMENTS, d.name.name) ? DECORATOR_ARGUMENTS[d.name.name] : undefined;
    if (expected === undefined || d.args.length === expected) return;
    this.error(d, `@${d.name.name}() takes ${expected === 0 ? 'no arguments' : expected === 1 ? '1 argument' : `${expected} arguments`}, but is given ${d.args.length}`);
  }

  private reportNotConstant(e: Expression, depth: number): void {
    if (depth > 64 || e.kind === 'Missing' || e.kind === 'Skipped') return;
    if (e.kind === 'Array') {
      for (const i of e.items) this.reportNotConstant(i.kind === 'Spread' ? i.expression : i, depth + 1);
      return;
    }
    if (e.kind === 'Object') {
      for (const p of e.properties) if (p.kind === 'ObjectProperty') this.reportNotConstant(p.value, depth + 1);
      return;
    }
    // load*Content() is read when the file is compiled (not judged).
    if (e.kind === 'FunctionCall' && /^load/.test(e.name.name)) return;
    if (!isCompileTimeConstant(e)) this.error(e, 'The value must be a compile-time constant. (BCP032)');
  }

  /**
   * Every decorator of the file (on declarations, nested resources, properties of object types
   * and items of tuple types) names a sys decorator, as the compiler requires (see
   * decorator-names.ts): `@descriptio('x')` or `@foo()` fails the compilation, and was silently
   * dropped. A decorator before a property of an object value is no decorator at all (BCP132).
   */
  private checkDecoratorNames(): void {
    const declared = new Map<string, 'function' | 'other'>();
    for (const s of this.program.statements) {
      switch (s.kind) {
        case 'Parameter':
        case 'Variable':
        case 'TypeDeclaration':
        case 'Resource':
        case 'Module':
          declared.set(s.name.name, 'other');
          break;
        case 'Function':
          declared.set(s.name.name, 'function');
          break;
        case 'CompileTimeImport':
          // An imported name may be a function, a variable or a type: not called out as either.
          for (const sym of s.symbols ?? []) declared.set((sym.alias ?? sym.name).name, 'function');
          if (s.wildcardAlias) declared.set(s.wildcardAlias.name, 'other');
          break;
        case 'Extension':
          if (s.alias) declared.set(s.alias.name, 'other');
          break;
        default:
          break;
      }
    }
    const names: DeclaredNames = declared;
    // The usual file has decorators on its declarations only (the parser's count says so): the
    // walk below would find those and nothing else, in this order (a declaration's decorators are
    // judged for its kind before they are visited), without visiting the rest of the tree.
    let onDeclarations = 0;
    for (const s of this.program.statements) onDeclarations += s.decorators.length;
    if (onDeclarations === this.options.decorators) {
      for (const s of this.program.statements) {
        if (s.decorators.length === 0) continue;
        if (judgesDecoratorsOf(s.kind)) {
          for (const d of s.decorators) {
            const problem = decoratorKindProblem(d, s.kind, names);
            if (problem) this.error(d.name, problem);
          }
        }
        for (const d of s.decorators) {
          const problem = decoratorNameProblem(d, names, this.hasExtensions);
          if (problem) this.error(problem.at, problem.message);
        }
      }
      return;
    }
    const visit = (node: unknown, depth: number): void => {
      if (depth > 2048 || node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const x of node) visit(x, depth + 1);
        return;
      }
      const n = node as { kind?: unknown; decorators?: unknown };
      if (n.kind === 'Decorator') {
        const problem = decoratorNameProblem(node as Decorator, names, this.hasExtensions);
        if (problem) this.error(problem.at, problem.message);
        return;
      }
      if (n.kind === 'ObjectProperty' && Array.isArray(n.decorators)) {
        for (const d of n.decorators as Decorator[]) this.error(d, 'a decorator must be followed by a declaration (BCP132): decorators apply to parameters, variables, resources, modules, outputs, types and functions, not to a property of an object');
      }
      // BCP125-BCP129, BCP269, BCP297: a decorator on a kind of declaration it does not apply to.
      if (Array.isArray(n.decorators) && n.decorators.length > 0 && typeof n.kind === 'string' && judgesDecoratorsOf(n.kind)) {
        for (const d of n.decorators as Decorator[]) {
          const problem = decoratorKindProblem(d, n.kind, names);
          if (problem) this.error(d.name, problem);
        }
      }
      for (const v of Object.values(node)) if (v !== null && typeof v === 'object') visit(v, depth + 1);
    };
    visit(this.program.statements, 0);
  }

  /**
   * BCP053: `mod.outputs.x` where the module declares no output `x` (ARM reads output names
   * without regard to case, so neither does this), also where nothing evaluates it (a variable
   * nothing reads, a loop over an empty list). Said as ARM says it when it evaluates the read, at
   * the same place, so that the evaluation's own error is the same diagnostic, not a second one.
   * A module that could not be read (a registry module, a missing file) is not checked.
   */
  private checkOutputReads(): void {
    for (const r of this.outputReads) {
      const outs = this.moduleOutputs.get(r.key);
      if (!outs) continue;
      const names = Object.keys(outs);
      if (names.some((n) => n.toLowerCase() === r.name.toLowerCase())) continue;
      this.diagnostics.add({
        code: 'evaluation-error',
        message: `The language expression property '${r.name}' doesn't exist, available properties are '${names.join(', ')}'.`,
        span: this.span(r.at),
      });
    }
  }

  /**
   * BCP124: a sys decorator on a declaration whose type it does not apply to (`@secure()` on an
   * int, `@minLength()` on an int, `@minValue()` on a string, `@sealed()` on a string). Only a
   * declaration of a plain built-in type is judged: a user-defined type, a union or a literal
   * type is left to the type checks.
   */
  private checkDecoratorTargets(decorators: readonly Decorator[], type: TypeExpression | undefined): void {
    if (type?.kind !== 'TypeReference') return;
    const t = type.name.name;
    if (!PLAIN_TYPES.has(t) || this.typeDeclarationNames().has(t)) return;
    for (const d of decorators) {
      if (d.namespace && d.namespace.name !== 'sys') continue;
      const targets = Object.hasOwn(DECORATOR_TARGETS, d.name.name) ? DECORATOR_TARGETS[d.name.name] : undefined;
      if (!targets || targets.includes(t)) continue;
      this.error(d, `@${d.name.name}() applies to ${targets.join(' or ')} declarations, not to this ${t} (BCP124)`);
    }
  }

  /**
   * BCP302/BCP384: type names that name no type (see type-names.ts). A name the file imports is
   * never one of them: an import that could not be read, or names no type here, is reported at
   * the import.
   */
  private checkTypeNames(): void {
    const imported = new Set<string>();
    for (const s of this.program.statements) {
      if (s.kind !== 'CompileTimeImport') continue;
      for (const sym of s.symbols ?? []) imported.add(sym.alias?.name ?? sym.name.name);
    }
    const known = (n: string): boolean => builtinType(n) !== undefined || this.types.has(n) || this.unknownImports.has(n) || imported.has(n);
    for (const p of unknownTypeNames(this.program.statements, known, this.hasExtensions)) this.error(p.at, p.message);
  }

  /**
   * BCP363-BCP366, BCP286: `@discriminator()` on a declaration and on the properties and tuple
   * items of the object types written in its type (see discriminator-check.ts).
   */
  private checkDiscriminators(decorators: readonly Decorator[], t: TypeExpression | undefined, depth = 0): void {
    for (const p of discriminatorProblems(decorators, t, this.types)) this.error(p.at, p.message);
    if (!t || depth > 64) return;
    switch (t.kind) {
      case 'ObjectType':
        for (const p of t.properties) this.checkDiscriminators(p.decorators, p.value, depth + 1);
        break;
      case 'TupleType':
        for (const i of t.items) this.checkDiscriminators(i.decorators, i.value, depth + 1);
        break;
      case 'UnionType':
        for (const m of t.members) this.checkDiscriminators([], m, depth + 1);
        break;
      case 'ArrayType':
        this.checkDiscriminators([], t.element, depth + 1);
        break;
      case 'NullableType':
      case 'NonNullableType':
        this.checkDiscriminators([], t.base, depth + 1);
        break;
      case 'ParenthesizedType':
        this.checkDiscriminators([], t.type, depth + 1);
        break;
      default:
        break;
    }
  }

  /** BCP033/BCP034: literals that do not fit a plain declared type (see lower-literal-types.ts). */
  private checkLiteralTypes(type: TypeExpression | undefined, value: Expression | undefined, what: string, decorators: readonly Decorator[]): void {
    // BCP099: an empty @allowed() list allows nothing (whatever the declared type).
    const list = decorator(decorators, 'allowed')?.args[0];
    if (list?.kind === 'Array' && list.items.length === 0) this.error(list, 'The "allowed" array must contain one or more items (BCP099)');
    const t = plainType(type, this.typeDeclarationNames());
    if (!t) return;
    const bad = value ? misfit(value, t, this.isBuiltinCall) : undefined;
    if (value && bad) this.error(value, `${what} is ${article(bad)} ${bad}, but the declared type is ${t} (BCP033)`);
    // @allowed lists values of the declared type; for an array, values of its items (any kind).
    const allowed = t === 'array' ? undefined : decorator(decorators, 'allowed')?.args[0];
    if (allowed?.kind !== 'Array') return;
    for (const item of allowed.items) {
      const k = item.kind === 'Spread' ? undefined : misfit(item, t);
      if (k) this.error(item, `@allowed() lists ${article(k)} ${k}, but the declared type is ${t} (BCP034)`);
    }
  }

  /**
   * BCP350: an assert takes a bool. A value whose type its form fixes as something else (a
   * literal, arithmetic, a string, a built-in returning no bool) is the compiler's error, with the
   * type as it writes it. (Asserts are an experimental feature enabled in bicepconfig.json, which
   * vtaplint does not read: that they are enabled is not judged.)
   */
  private checkAssert(value: Expression): void {
    const kind = staticKind(value, this.isBuiltinCall);
    if (kind === undefined || kind === 'bool') return;
    this.error(value, `Value of type "${typeText(value, this.isBuiltinCall) ?? kind}" cannot be assigned to an assert. Asserts can take values of type 'bool' only. (BCP350)`);
  }

  /**
   * BCP045: `+ - * / %` take ints; an operand written as a string, bool, null, array or object
   * literal fails the compilation (`'tap-' + name`: the compiler says to interpolate). Said with
   * both operands' types as the compiler writes them, so only when both can be (a literal's or a
   * fixed type, a parameter of a plain declared type without @allowed), at the whole operation;
   * its value is then unknown, so ARM's evaluation does not say it again. Only literal operands
   * are looked at: a chain of `+` costs no more than it did.
   */
  protected override arithmeticRejected(e: BinaryExpression, ctx: LowerCtx): boolean {
    const bad = (x: Expression): boolean => {
      const k = literalKind(x.kind === 'Parenthesized' ? x.expression : x);
      return k !== undefined && k !== 'int';
    };
    if (!bad(e.left) && !bad(e.right)) return false;
    const lt = this.operandTypeText(e.left, ctx);
    const rt = lt === undefined ? undefined : this.operandTypeText(e.right, ctx);
    if (lt === undefined || rt === undefined) return false;
    const stringy = (t: string): boolean => t === 'string' || t.startsWith("'");
    const hint = e.operator === '+' && stringy(lt) && stringy(rt) ? ' Use string interpolation instead.' : '';
    this.error(e, `Cannot apply operator "${e.operator}" to operands of type "${lt}" and "${rt}".${hint} (BCP045)`);
    return true;
  }

  /** An operand's type as the compiler writes it, when it is sure: see checkArithmetic. */
  private operandTypeText(x: Expression, ctx: LowerCtx): string | undefined {
    const t = typeText(x, this.isBuiltinCall);
    if (t !== undefined) return t;
    if (x.kind !== 'VariableAccess' || ctx.locals?.has(x.name.name)) return undefined;
    const p = this.params.get(x.name.name);
    if (!p || decorator(p.decorators, 'allowed')) return undefined;
    return plainType(p.type, new Set(this.types.keys()));
  }

  /**
   * Whether a call of `name` (with namespace `ns`) is the built-in function: `sys.` or `az.`
   * unless the file hides the namespace, or a bare name the file does not declare (with
   * extensions, a bare name may be theirs). For the types a call's form fixes (staticKind).
   */
  private readonly isBuiltinCall = (name: string, ns: string | undefined): boolean =>
    ns === undefined ? !this.hasExtensions && !this.namedInFile(name) : (ns === 'sys' || ns === 'az') && !this.namedInFile(ns);

  /**
   * BCP079/BCP080: a variable that reads itself, or variables that read each other in a cycle,
   * reported at each read that closes it, also when nothing reads them (the deploy stage sees a
   * cycle only when it evaluates one). Their values become unknown, so that evaluating them does
   * not report the cycle a second time.
   */
  private checkVariableCycles(variables: TObject, varInfo: LoweredFile['variables']): void {
    const names = [...this.varRefs.keys()];
    const position = new Map(names.map((n, i) => [n, i]));
    const members = new Set<string>();
    for (const n of names) {
      const self = this.varRefs.get(n)?.variableAt.get(n);
      if (!self) continue;
      this.error(self, `the variable '${n}' reads itself (BCP079)`);
      members.add(n);
    }
    const edgesOf = (i: number): [number, Node][] =>
      [...(this.varRefs.get(names[i] as string)?.variableAt ?? [])].map(([v, at]) => [position.get(v) ?? -1, at]);
    for (const c of cyclesOf(names.length, edgesOf)) {
      const cycle = [...c.nodes, c.nodes[0] as number].map((i) => `'${names[i]}'`).join(' -> ');
      c.nodes.forEach((i, k) => {
        const from = names[i] as string;
        const to = names[c.nodes[(k + 1) % c.nodes.length] as number] as string;
        const at = this.varRefs.get(from)?.variableAt.get(to);
        if (at) this.error(at, `the variables read each other in a cycle: ${cycle} (BCP080)`);
        members.add(from);
      });
    }
    for (const n of members) {
      const decl = this.vars.get(n);
      const info = varInfo.get(n);
      if (!decl || !info) continue;
      const node = this.texpr(this.reported(decl.value));
      this.set(variables, n, node, decl.value, decl.name);
      varInfo.set(n, { ...info, node });
    }
  }

  /**
   * BCP079/BCP080 for user-defined functions: a `func` whose body calls itself, or functions that
   * call each other in a cycle, are the compiler's error at each call that closes it, also when
   * nothing calls them (ARM has no recursion: evaluating one only stopped at the nesting limit,
   * with a warning, and only when something called it).
   */
  private checkFunctionCycles(members: TObject): void {
    const funcs = this.program.statements.filter((x): x is FunctionDeclaration => x.kind === 'Function');
    if (funcs.length === 0) return;
    const position = new Map(funcs.map((f, i) => [f.name.name, i]));
    // Calls of the file's functions in each body, the first one to each callee.
    const calls = funcs.map((f) => {
      const out = new Map<number, Node>();
      const visit = (node: unknown, depth: number): void => {
        if (depth > 2048 || node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) {
          for (const x of node) visit(x, depth + 1);
          return;
        }
        const n = node as Partial<FunctionCall> & { kind?: unknown };
        if (n.kind === 'FunctionCall' && n.base === undefined && n.name) {
          const j = position.get(n.name.name);
          if (j !== undefined && !out.has(j)) out.set(j, n.name);
        }
        for (const v of Object.values(node)) if (v !== null && typeof v === 'object') visit(v, depth + 1);
      };
      visit(f.body, 0);
      return out;
    });
    const inCycle = new Set<number>();
    calls.forEach((c, i) => {
      const self = c.get(i);
      if (!self) return;
      this.error(self, `the function '${funcs[i]?.name.name ?? ''}' calls itself, which the Bicep compiler does not allow (BCP079): ARM functions cannot recurse`);
      inCycle.add(i);
    });
    const edgesOf = (i: number): [number, Node][] => [...(calls[i] ?? [])].filter(([j]) => j !== i);
    for (const c of cyclesOf(funcs.length, edgesOf)) {
      const cycle = [...c.nodes, c.nodes[0] as number].map((i) => `'${funcs[i]?.name.name ?? ''}'`).join(' -> ');
      c.nodes.forEach((i, k) => {
        const at = calls[i]?.get(c.nodes[(k + 1) % c.nodes.length] as number);
        if (at) this.error(at, `the functions call each other in a cycle: ${cycle} (BCP080): ARM functions cannot recurse`);
        inCycle.add(i);
      });
    }
    // Their results become the already-reported unknown, so that calling one does not recurse
    // until the nesting limit (a second finding for the same mistake).
    for (const i of inCycle) {
      const f = funcs[i];
      const member = f ? own(members, f.name.name) : undefined;
      const output = isTObject(member) ? own(member, 'output') : undefined;
      if (f && isTObject(output)) this.set(output, 'value', this.texpr(this.reported(f.body)), f.body);
    }
  }

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
  private checkDeployTimeValues(r: SymInfo): void {
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

  /** BCP182: a variable's for-body that reads runtime state (see lower-loop-vars.ts). */
  private checkLoopVariables(varInfo: LoweredFile['variables']): void {
    const check = new LoopVariableCheck((name) => varInfo.get(name)?.node);
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

  private importTag(lib: LoweredFile): number {
    let tag = this.importTags.get(lib);
    if (tag === undefined) this.importTags.set(lib, (tag = this.importTags.size + 1));
    return tag;
  }

  resolvePath(rel: string): string {
    return path.resolve(path.dirname(this.file.path), rel);
  }

  // ---- Pass 2: lowering ----

  lower(): LoweredFile {
    this.collect();
    const root: TObject = {};
    const whole = this.program;
    this.set(root, '$schema', SCHEMAS[this.targetScope], whole);
    this.set(root, 'languageVersion', '2.0', whole);
    this.set(root, 'contentVersion', '1.0.0.0', whole);
    const metadata: TObject = { _generator: { name: 'vtaplint-bicep' } };
    this.set(root, 'metadata', metadata, whole);
    const exported = new Set<string>();
    const parameters: TObject = nameTable();
    const variables: TObject = nameTable();
    const outputs: TObject = nameTable();
    const members: TObject = nameTable();
    const resources: TObject = nameTable();
    const varInfo: LoweredFile['variables'] = new Map();
    const funcInfo: LoweredFile['functions'] = new Map();

    this.checkDecoratorNames();
    this.checkTypeNames();
    for (const f of forPlacementErrors(this.program.statements, this.file.text)) this.error(f.at, f.message);
    for (const p of unionTypeProblems(this.program.statements)) this.error(p.at, p.message);
    for (const s of this.program.statements) {
      if (s.decorators.some((d) => d.name.name.toLowerCase() === 'export') && 'name' in s) exported.add(s.name.name);
      for (const d of s.decorators) this.checkDecoratorArguments(d);
      if (s.kind === 'Parameter' || s.kind === 'Output') this.checkDecoratorTargets(s.decorators, s.type);
      if (s.kind === 'TypeDeclaration') this.checkDiscriminators(s.decorators, s.value);
      else if (s.kind === 'Parameter' || s.kind === 'Output' || s.kind === 'Variable') this.checkDiscriminators(s.decorators, s.type);
      if (s.kind === 'Parameter') this.checkLiteralTypes(s.type, s.defaultValue, 'the default value', s.decorators);
      // A typed variable (`var x string = ...`) is checked as the compiler checks it.
      if (s.kind === 'Variable' && s.type) this.checkLiteralTypes(s.type, s.value, 'the value', []);
      if (s.kind === 'Output') this.checkLiteralTypes(s.type, s.value, 'the value', []);
      else if (s.kind === 'TypeDeclaration') this.checkDecoratorTargets(s.decorators, s.value);
      else if (s.kind === 'Assert') this.checkAssert(s.value);
      switch (s.kind) {
        case 'Metadata':
          this.set(metadata, s.name.name, this.value(s.value, {}), s, s.name);
          break;
        case 'Parameter':
          this.set(parameters, s.name.name, this.parameter(s), s, s.name);
          break;
        case 'Variable': {
          const refs = new RefCollector();
          this.varRefs.set(s.name.name, refs);
          const node = this.value(s.value, { refs });
          this.set(variables, s.name.name, node, s.value, s.name);
          varInfo.set(s.name.name, { node, span: this.span(s.value), keySpan: this.span(s.name), vars: refs.variables });
          break;
        }
        case 'Function': {
          const refs = new RefCollector();
          const f = this.func(s, refs);
          this.set(members, s.name.name, f, s, s.name);
          funcInfo.set(s.name.name, { node: f, span: this.span(s), vars: refs.variables });
          break;
        }
        case 'Output':
          this.set(outputs, s.name.name, this.output(s), s, s.name);
          break;
        default:
          break;
      }
    }
    this.checkLoopVariables(varInfo);
    this.checkVariableCycles(variables, varInfo);
    this.checkFunctionCycles(members);
    for (const e of typeCycleErrors(this.program.statements.filter((x): x is TypeDeclaration => x.kind === 'TypeDeclaration'))) this.error(e.at, e.message);
    // Imported variables and functions come after the file's own.
    for (const [name, v] of this.importedVars) {
      if (own(variables, name) !== undefined) continue;
      setImportedVariable(variables, name, v);
    }
    for (const [name, f] of this.importedFuncs) {
      if (own(members, name) !== undefined) continue;
      setOwn(members, name, f.node);
      recordSpan(members, name, f.span);
    }
    for (const r of this.byKey.values()) {
      const node = r.kind === 'resource' ? this.resource(r) : this.module(r);
      this.set(resources, r.key, node, r.decl, r.decl.name);
    }
    for (const r of this.byKey.values()) this.addDependsOn(r, resources[r.key] as TObject);
    this.reportCycles();
    this.checkOutputReads();
    // After the cycles: a name in one is reported there.
    for (const r of this.byKey.values()) this.checkDeployTimeValues(r);

    if (Object.keys(this.typeDefs.table).length > 0) this.set(root, 'definitions', this.typeDefs.table, whole);
    this.set(root, 'parameters', parameters, whole);
    if (Object.keys(members).length > 0) {
      const fns: TNode[] = [{ namespace: '__bicep', members }];
      recordSpan(fns, 0, this.span(whole));
      this.set(root, 'functions', fns, whole);
    }
    this.set(root, 'variables', variables, whole);
    this.set(root, 'resources', resources, whole);
    this.set(root, 'outputs', outputs, whole);
    return { root, variables: varInfo, functions: funcInfo, exported, types: this.types, imports: { variables: this.importedVars, functions: this.importedFuncs } };
  }

  /**
   * A .bicepparam file: `param x = value` assignments, and `scope`, the template the values are
   * evaluated in: the file's own variables they use (see paramsFileVars), and what they import
   * brings the variables and functions it uses (a value imported from a .bicep file may read that
   * file's other variables, as `json.bar` where `var json = loadJsonContent(...)`, or call its
   * functions), as a template's imports do.
   */
  lowerParameterAssignments(): { values: Map<string, { node: TNode; span: TextSpan }>; scope: TObject } {
    this.collect();
    this.checkTypeNames();
    for (const s of this.program.statements) {
      if (s.kind === 'ParameterAssignment') this.assigned.add(s.name.name);
      // Its typed variables are checked as a template's are (lowerTemplate).
      if (s.kind === 'Variable' && s.type) this.checkLiteralTypes(s.type, s.value, 'the value', []);
    }
    const values = new Map<string, { node: TNode; span: TextSpan }>();
    for (const s of this.program.statements) {
      if (s.kind === 'ParameterAssignment') values.set(s.name.name, { node: this.secretReference(s.value) ?? this.value(s.value, {}), span: this.span(s.value) });
    }
    const scope: TObject = {};
    // A value may use the values assigned to other parameters of the file (`param b = a ? 1 : 2`):
    // they are the scope's parameters, each with its assigned value as its default.
    const parameters: TObject = nameTable();
    for (const [name, v] of values) {
      const decl: TObject = {};
      setOwn(decl, 'defaultValue', v.node);
      setOwn(parameters, name, decl);
      recordSpan(parameters, name, v.span);
      recordSpan(decl, 'defaultValue', v.span);
    }
    if (this.options.extendsBase === true) setOwn(parameters, BASE_VALUES, { type: 'object' });
    setOwn(scope, 'parameters', parameters);
    const variables: TObject = nameTable();
    for (const [name, v] of [...this.importedVars, ...this.paramsFileVars]) setImportedVariable(variables, name, v);
    setOwn(scope, 'variables', variables);
    if (this.importedFuncs.size > 0) {
      const members: TObject = nameTable();
      for (const [name, f] of this.importedFuncs) {
        setOwn(members, name, f.node);
        recordSpan(members, name, f.span);
      }
      setOwn(scope, 'functions', [{ namespace: '__bicep', members }]);
    }
    return { values, scope };
  }

  /**
   * BCP072: a parameter's default may read other parameters only. ARM evaluates defaults before
   * variables and resources exist (variables() or reference() there is an error at deployment);
   * the compiler rejects a variable, resource or module named in one. Lambda and loop variables
   * (`locals`) shadow the file's names; nameof() reads a name only.
   */
  private checkDefaultReads(e: Expression, locals: ReadonlySet<string>): void {
    if (e.kind === 'VariableAccess') {
      const n = e.name.name;
      if (!locals.has(n) && !this.params.has(n) && (this.vars.has(n) || this.symbols.has(n))) {
        const what = this.vars.has(n) ? 'variable' : this.symbols.get(n)?.kind === 'module' ? 'module' : 'resource';
        this.error(e.name, `This symbol cannot be referenced here. Only other parameters can be referenced in parameter default values. (BCP072): the ${what} '${n}' does not exist yet when a parameter's default is calculated`);
      }
      return;
    }
    if (e.kind === 'FunctionCall' && !e.base && e.name.name === 'nameof') return;
    if (e.kind === 'Lambda') return this.checkDefaultReads(e.body, new Set([...locals, ...e.parameters.map((p) => p.name)]));
    if (e.kind === 'For') {
      this.checkDefaultReads(e.iterable, locals);
      const inner = new Set([...locals, e.item.name, ...(e.index ? [e.index.name] : [])]);
      return this.checkDefaultReads(e.body.kind === 'If' ? e.body.body : e.body, inner);
    }
    if (e.kind === 'Object') for (const p of e.properties) if (p.kind === 'ObjectProperty' && p.key.kind === 'String') for (const k of p.key.expressions) this.checkDefaultReads(k, locals);
    for (const c of expressionChildren(e)) this.checkDefaultReads(c, locals);
  }

  private parameter(s: ParameterDeclaration): TObject {
    const out: TObject = {};
    const t = s.resourceType ? { type: 'string' } : armType(s.type, this.types);
    const secure = decorator(s.decorators, 'secure') !== undefined;
    this.set(out, 'type', secure ? secureType(t.type) : t.type, s.type ?? s.resourceType ?? s.name);
    if (s.defaultValue) {
      this.checkDefaultReads(s.defaultValue, new Set());
      this.set(out, 'defaultValue', this.value(s.defaultValue, { inParameterDefault: true }), s.defaultValue);
    }
    if (t.nullable) this.set(out, 'nullable', true, s.type ?? s.name);
    const allowed = decorator(s.decorators, 'allowed');
    if (allowed?.args[0]) this.set(out, 'allowedValues', this.value(allowed.args[0], {}), allowed.args[0], allowed.name);
    else if (t.allowed) {
      const arr: TNode[] = [...t.allowed];
      arr.forEach((_, i) => recordSpan(arr, i, this.span(s.type ?? s.name)));
      this.set(out, 'allowedValues', arr, s.type ?? s.name);
    }
    for (const d of ['minValue', 'maxValue', 'minLength', 'maxLength']) {
      const dec = decorator(s.decorators, d);
      if (dec?.args[0]) {
        this.set(out, d, this.value(dec.args[0], {}), dec.args[0], dec.name);
        continue;
      }
      // A bound on the type the parameter is declared with (`type tapCount = int` with @maxValue):
      // the compiler writes a $ref to it and ARM checks it as the parameter's own. One from another
      // file is read as a literal (decorator arguments are compile-time constants) and placed at
      // the parameter's type.
      const fromType = s.resourceType ? undefined : typeDecorator(s.type, this.types, d);
      const arg = fromType?.decorator.args[0];
      if (!fromType || !arg) continue;
      if (!fromType.imported) this.set(out, d, this.value(arg, {}), arg, fromType.decorator.name);
      else {
        const v = literalArgument(arg);
        if (typeof v === 'number') this.set(out, d, v, s.type ?? s.name);
      }
    }
    this.metadataOf(s.decorators, out);
    if (t.unknown) Object.defineProperty(out, TYPE_NOT_KNOWN, { value: true, enumerable: false });
    else if (s.type) this.typeStructure(s, out);
    return out;
  }

  /**
   * The structure of a parameter's type (see lower-type-nodes.ts), which ARM checks every value
   * given to the parameter against: added to the declaration beside its own type and constraints,
   * with the `definitions` of the named types it uses.
   */
  private typeStructure(s: ParameterDeclaration, out: TObject): void {
    const node = this.typeDefs.node(s.type, this.types, s.decorators);
    // Its constraints too where the declaration has none of its own (`param n spec.name` takes
    // the property's @minLength, as the compiler's $ref into the definition does).
    for (const k of ['$ref', 'properties', 'additionalProperties', 'discriminator', 'items', 'prefixItems', 'minLength', 'maxLength', 'minValue', 'maxValue']) {
      const v = node[k];
      if (v !== undefined && own(out, k) === undefined) this.set(out, k, v, s.type ?? s.name);
    }
  }

  private metadataOf(decorators: Statement['decorators'], out: TObject): void {
    const md = decorator(decorators, 'metadata');
    const desc = decorator(decorators, 'description');
    if (!md && !desc) return;
    let meta: TObject = {};
    if (md?.args[0]) {
      const v = this.value(md.args[0], {});
      if (isTObject(v)) meta = v;
    }
    if (desc?.args[0]) this.set(meta, 'description', this.value(desc.args[0], {}), desc.args[0], desc.name);
    this.set(out, 'metadata', meta, (md ?? desc) as Node);
  }

  private func(s: FunctionDeclaration, refs: RefCollector): TObject {
    const params: TNode[] = [];
    const locals: [string, Binding][] = [];
    s.parameters.forEach((p, i) => {
      const entry: TObject = {};
      this.set(entry, 'name', p.name.name, p.name);
      this.set(entry, 'type', armType(p.type, this.types).type, p.type);
      params.push(entry);
      recordSpan(params, i, this.span(p));
      locals.push([p.name.name, { kind: 'param', name: p.name.name }]);
    });
    const output: TObject = {};
    this.set(output, 'type', armType(s.returnType, this.types).type, s.returnType);
    this.set(output, 'value', this.texpr(this.expr(s.body, { locals: new Map(locals), inFunction: true, refs })), s.body);
    const out: TObject = {};
    this.set(out, 'parameters', params, s);
    this.set(out, 'output', output, s.body);
    return out;
  }

  private output(s: Extract<Statement, { kind: 'Output' }>): TObject {
    const out: TObject = {};
    const secure = decorator(s.decorators, 'secure') !== undefined;
    const t = s.resourceType ? { type: 'string' } : armType(s.type, this.types);
    this.set(out, 'type', secure ? secureType(t.type) : t.type, s.type ?? s.resourceType ?? s.name);
    // The compiler writes the precise type of one vtaplint cannot work out (a resource-derived
    // type such as resourceInput<'T@v'>.properties.ipConfigurations, an array): ARM's output type
    // check is not made against the guess (as for parameters).
    if (t.unknown) Object.defineProperty(out, TYPE_NOT_KNOWN, { value: true, enumerable: false });
    let value: TNode;
    if (s.resourceType) {
      const ref = this.symbolRef(s.value, {});
      value = ref && ref.info.kind === 'resource' ? this.texpr(this.idExpr(ref.info, ref.idx, s.value)) : this.value(s.value, {});
    } else value = this.value(s.value, {});
    this.set(out, 'value', value, s.value);
    this.metadataOf(s.decorators, out);
    return out;
  }

  // ---- Resources ----

  /** Locals of a resource/module instance: the loop item and index bound to coll[idx] and idx. */
  private instanceCtx(r: SymInfo, idx: Expr | undefined, refs: RefCollector | undefined, at: Node): LowerCtx {
    const loop = r.loop ?? (r.kind === 'resource' ? this.ancestorLoop(r) : undefined);
    if (!loop) return { refs };
    const i = idx ?? call('copyIndex', [], at);
    const coll = this.expr(loop.iterable, { refs });
    const add: [string, Binding][] = [[loop.item.name, idx ? { kind: 'expr', expr: index(coll, i, idx), atAccess: true } : { kind: 'expr', expr: index(coll, i, loop.item) }]];
    if (loop.index) add.push([loop.index.name, { kind: 'expr', expr: i }]);
    return withLocals({ refs }, add);
  }

  /** A resource without a name, or inside one: in a file with extensions, an extension's resource. */
  private ofExtension(r: ResInfo): boolean {
    for (let x: ResInfo | undefined = r; x; x = x.parent) if (!x.nameProp) return true;
    return false;
  }

  private ancestorLoop(r: ResInfo): ForExpression | undefined {
    for (let p = r.parent; p; p = p.parent) if (p.loop) return p.loop;
    return undefined;
  }

  /** The name as written (the last segment for a child with a parent). */
  private shortName(r: SymInfo, idx: Expr | undefined, refs: RefCollector | undefined): Expr {
    if (!r.nameProp) {
      if (r.kind === 'module') return call('format', [lit('{0}-{1}', r.decl.name), lit(r.symbol, r.decl.name), call('uniqueString', [lit(r.symbol, r.decl.name), member(call('deployment', [], r.decl.name), 'name', r.decl.name)], r.decl.name)], r.decl.name);
      // Extension resources (Kubernetes, Microsoft Graph) may have no ARM name.
      if (!this.hasResourceExtensions) return this.noName(r);
      return lit(r.symbol, r.decl.name);
    }
    return this.expr(r.nameProp.value, this.instanceCtx(r, idx, refs, r.nameProp));
  }

  /**
   * A resource without a name: reported once, at its symbolic name (BCP035), and given an unknown
   * name so that the deploy stage does not report it again ("the resource has no 'name'") nor
   * judge the name it does not have. Not reported when its body does not parse: the name may be
   * on the line that did not (the compiler does not report missing properties there either).
   */
  private noName(r: SymInfo): Expr {
    if (!r.body?.hasErrors) this.error(r.decl.name, `the resource '${r.symbol}' has no name`);
    return this.reported(r.decl.name);
  }

  /** The full name (`parent/child` for children). */
  private fullName(r: SymInfo, idx: Expr | undefined, refs: RefCollector | undefined): Expr {
    const short = this.shortName(r, idx, refs);
    if (r.kind !== 'resource' || !r.parent) return short;
    const parentIdx = this.parentIdx(r, idx, r.decl.name);
    const parent = parentIdx === undefined ? this.wholeFullName(r.parent, refs) : this.fullName(r.parent, parentIdx, refs);
    return formatCall(['', '/', ''], [parent, short], r.nameProp ?? r.decl.name);
  }

  /**
   * fullName(r, undefined, refs), lowered once per resource: each child's name is built on its
   * parent's, so a chain of N `parent:` references lowered the names above each resource again,
   * N times up to 256 levels (2,500 resources: 3.2 million name expressions). The references the
   * name reads are kept with it and added to `refs` at each use, as lowering it again added them.
   */
  private wholeFullName(r: SymInfo, refs: RefCollector | undefined): Expr {
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

  private rootOf(r: ResInfo): ResInfo {
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

  /**
   * A resource the file deploys (not `existing`) must be deployed at the file's own scope: the
   * compiler rejects one whose scope, or its existing ancestor's, names another resource group,
   * subscription or management group ("You must use modules to deploy resources to a different
   * scope"). The common case is a TAP configuration whose `parent` is a source NIC declared
   * `existing` with `scope: resourceGroup('app-rg')`. BCP165 when the scope comes from an existing
   * ancestor, else BCP139 (the compiler's IsDeployableResourceScope).
   */
  private checkDeployableScope(r: ResInfo): void {
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

  /** `resourceGroup(...)`, `subscription(...)`, `tenant()`, `managementGroup(...)` (also `az.`/`sys.`-qualified). */
  private scopeCall(e: Expression): { fn: string; args: Expression[] } | undefined {
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
  private groupSubscription(rg: SymInfo, idx: Expr | undefined): Expr | undefined {
    const sc = rg.kind === 'resource' && rg.scopeProp ? this.scopeCall(rg.scopeProp.value) : undefined;
    const arg = sc?.fn === 'subscription' ? sc.args[0] : undefined;
    return arg ? this.expr(arg, this.instanceCtx(rg, idx, undefined, arg)) : undefined;
  }

  /** The id of a scope (for a resource's `scope` entry). */
  private scopeIdExpr(sv: Expression, ctx: LowerCtx): Expr {
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
  private checkScopeNotString(sv: Expression, kind: 'module' | 'resource', symbol: string | undefined, ctx: LowerCtx): void {
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

  private copyOf(r: SymInfo, ctx: LowerCtx, out: TObject): void {
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

  private resource(r: ResInfo): TObject {
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
  private descriptionOf(decl: ResourceDeclaration | ModuleDeclaration, out: TObject): void {
    const desc = decorator(decl.decorators, 'description');
    if (!desc?.args[0] || out.metadata !== undefined) return;
    const meta: TObject = {};
    this.set(meta, 'description', this.value(desc.args[0], {}), desc.args[0], desc.name);
    this.set(out, 'metadata', meta, desc);
  }

  private module(m: ModInfo): TObject {
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
          const entry: TObject = {};
          const kv = this.keyVaultSecret(p.value, ctx);
          if (kv) this.set(entry, 'reference', kv, p.value);
          else this.set(entry, 'value', this.value(p.value, ctx), p.value);
          this.set(parameters, p.keyName, entry, p, p.key);
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
        const entry: TObject = {};
        const kv = this.keyVaultSecret(p.value, ctx);
        if (kv) this.set(entry, 'keyVaultReference', kv, p.value);
        else this.set(entry, 'value', this.value(p.value, ctx), p.value);
        this.set(settings, p.keyName, entry, p, p.key);
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
  private secretReference(e: Expression): TObject | undefined {
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

  /** A module's `scope` as the compiler emits it: resourceGroup/subscriptionId/scope/location properties. */
  private moduleScope(m: ModInfo, ctx: LowerCtx, out: TObject): void {
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
  private checkModuleScope(m: ModInfo, template: TObject): void {
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

  /** The deployments resource id of a module instance (for outputs). */
  private deploymentId(m: ModInfo, idx: Expr | undefined, at: Node): Expr {
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

  // ---- dependsOn ----

  /** See wholeFullName. */
  private readonly fullNames = new Map<SymInfo, { expr: Expr; refs: RefCollector }>();

  /** What each resource or module depends on (addDependsOn), for reportCycles. */
  private readonly dependencies = new Map<string, { self: Node | undefined; chain: (at: Node) => boolean; on: { key: string; at: Node }[] }>();

  /**
   * Resources and modules that reference each other in a cycle (a module passing another's
   * output to a module that reads its own, two modules reading each other's outputs, a TAP and a
   * NIC naming each other), directly, through variables or in dependsOn: the compiler rejects the
   * file (BCP079 for a declaration that references itself, BCP080 for a cycle). Reported once per
   * cycle, at the reference that closes it, with the declarations in order.
   */
  private reportCycles(): void {
    const keys = [...this.dependencies.keys()];
    for (const key of keys) {
      const self = this.dependencies.get(key)?.self;
      if (self) this.error(self, `'${this.symbolOf(key)}' references its own declaration (through what it reads), which the Bicep compiler does not allow (BCP079): a resource or module cannot use its own properties or outputs`);
    }
    const position = new Map(keys.map((k, i) => [k, i]));
    const edgesOf = (i: number): [number, Node][] => (this.dependencies.get(keys[i] as string)?.on ?? []).map((d) => [position.get(d.key) ?? -1, d.at]);
    for (const c of cyclesOf(keys.length, edgesOf)) {
      // Only `scope` and `parent` references: the chain that forms a cycle, already reported.
      const viaChain = c.nodes.every((i, n) => {
        const d = this.dependencies.get(keys[i] as string);
        const next = keys[c.nodes[(n + 1) % c.nodes.length] as number];
        return d !== undefined && d.on.some((e) => e.key === next && d.chain(e.at));
      });
      if (viaChain) continue;
      const names = cycleText(c.nodes.map((i) => `'${this.symbolOf(keys[i] as string)}'`));
      this.error(c.closing, `the declarations reference each other in a cycle: ${names} (each uses the next, directly, through a variable or in dependsOn); the Bicep compiler rejects the file (BCP080): remove one of these references`);
    }
  }

  private symbolOf(key: string): string {
    return this.byKey.get(key)?.symbol ?? key;
  }

  private addDependsOn(r: SymInfo, out: TObject): void {
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

  /**
   * Records a reference for implicit dependsOn. `idx`: the instance of a loop referenced; the
   * compiler then depends on that instance only, unless the index uses a local that does not exist
   * at the resource level (a property loop or lambda variable), when it depends on the whole loop.
   */
  private noteRef(info: SymInfo, at: Node, ctx: LowerCtx, idx?: Expr): void {
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

  // ---- Symbol resolution ----

  /** A resource/module symbol (possibly indexed `res[i]` or `a::b`), when `e` is one. */
  private symbolRef(e: Expression, ctx: LowerCtx): { info: SymInfo; idx: Expr | undefined } | undefined {
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
    const near = suggestion(name, keys);
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.error(
      e,
      near
        ? `The type "object" does not contain property "${name}". Did you mean "${near}"? (BCP083)`
        : `The type "object" does not contain property "${name}". Available properties include ${sorted.map((k) => `"${k}"`).join(', ')}. (BCP053)`,
    );
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

  /** Whether `name` is declared or imported in this file (any kind of symbol, types and namespaces included). */
  private namedInFile(name: string): boolean {
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
  private childInScope(name: string): SymInfo | undefined {
    const hit = this.byKey.get(name);
    return hit;
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

  /** What the file declares at its top level, by name (what namedInFile asks). */
  private declaredNames(): string[] {
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
  private unknownSymbol(name: string, ctx: LowerCtx | undefined, declared: readonly string[]): string {
    const near = suggestion(name, [...(ctx?.locals?.keys() ?? []), ...declared]);
    return `unknown symbol '${name}'${near ? `; did you mean '${near}'?` : ''}`;
  }

  /**
   * The value of something already reported as an error (an unknown symbol, a resource without a
   * name): unknown, not null, so that it is not reported again by every function that reads it
   * ("'length' expects an array; the provided value is of type 'Null'").
   */
  private reported(at: Node): Expr {
    return call('invalid', [lit('a value that is already reported as an error', at)], at, LOWERING_NS);
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
    if (userFn || this.callableImportedFuncs.has(name)) return call(name, e.args.map((a) => this.expr(a, ctx)), e, '__bicep');
    const reg = this.unknownImports.get(name);
    if (reg !== undefined) {
      // Said at the import (not exported, not fetched, not readable): unknown here, as a variable is.
      for (const a of e.args) this.expr(a, ctx);
      return call('notRead', [lit(`'${name}', imported from '${reg}', which is not read`, e.name)], e, LOWERING_NS);
    }
    return this.builtin(e, ctx);
  }

  /** Built-in functions that the compiler evaluates itself or renames. */
  private builtin(e: FunctionCall, ctx: LowerCtx): Expr {
    const name = e.name.name;
    // Checked here, where every call is lowered, not when evaluated: a call in a property no
    // rule reads is as wrong. The value is then unknown, without a second finding from ARM.
    // A name imported from a registry module that is not read is not known to be wrong.
    const problem = name === '' || this.unknownImports.has(name) ? undefined : builtinCallProblem(name, e.args.length, this.hasExtensions, () => [...this.funcs.keys(), ...[...this.callableImportedFuncs].filter((k) => !k.includes('.'))]);
    if (problem) {
      // A function of `import * as ns` is called through its namespace: say which one.
      const viaNamespace = problem.at === 'name' ? [...this.callableImportedFuncs].find((k) => k === `${k.split('.')[0]}.${name}`) : undefined;
      const message = viaNamespace ? `the function '${name}' does not exist; did you mean '${viaNamespace}'? (the functions of an \`import * as\` are called through its namespace)` : problem.message;
      this.error(problem.at === 'name' ? e.name : { start: e.openParen, end: e.closeParen }, message);
      return call('invalid', [lit(message, e)], e, LOWERING_NS);
    }
    // A parameters file is not deployed: the az namespace there has getSecret() only (the
    // compiler's ParamsFilePermittedOverloads), so resourceId(), deployment(), environment(),
    // resourceGroup(), reference(), list*() ... do not exist in it.
    if (this.file.kind === 'bicepparam' && name !== 'getSecret' && (AZ_FUNCTION_NAMES.has(name) || /^list[A-Za-z0-9]/.test(name))) {
      const viaAz = e.base !== undefined;
      const message = `${viaAz ? `The function "${name}" does not exist in namespace "az". (BCP107)` : `The name "${name}" does not exist in the current context. (BCP057)`}: a parameters file is not deployed, so it has none of the az functions but getSecret(); compute the value in the template, or pass it in`;
      this.error(e.name, message);
      for (const a of e.args) this.expr(a, ctx);
      return call('invalid', [lit(message, e)], e, LOWERING_NS);
    }
    const args = (): Expr[] => e.args.map((a) => this.expr(a, ctx));
    // The compiler checks this wherever the call is written, on any path (its binder, BCP065).
    if (!ctx.inParameterDefault && (name === 'utcNow' || name === 'newGuid')) {
      this.error(e.name, `Function "${name}" is not valid at this location. It can only be used as a parameter default value. (BCP065)`);
    }
    switch (name.toLowerCase()) {
      case 'any':
        return e.args[0] ? this.expr(e.args[0], ctx) : lit(null, e);
      case 'loadtextcontent':
        return this.loadFile(e, 1, MAX_LITERAL_CHARS, (text) => lit(text, e));
      case 'loadfileasbase64':
        // Bytes, not text: the file is often binary (a certificate, an archive).
        return this.loadBytes(e, (bytes) =>
          bytes.byteLength > MAX_BASE64_BYTES
            ? this.tooLarge(e, `${MAX_BASE64_BYTES} bytes`)
            : lit(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), e),
        );
      case 'loadjsoncontent':
        return this.loadFile(e, 2, MAX_JSON_CHARS, (text) => this.jsonContent(e, text));
      case 'nameof': {
        const a = e.args[0];
        // The compiler's dependency walk sees the symbols inside nameof() too: a module or
        // resource named there is a dependency, a variable brings its own.
        let base: Expression | undefined = a;
        while (base && (base.kind === 'PropertyAccess' || base.kind === 'ArrayAccess' || base.kind === 'ResourceAccess')) base = base.base;
        if (base?.kind === 'VariableAccess' && !ctx.locals?.has(base.name.name)) {
          const n = base.name.name;
          const sym = this.symbols.get(n);
          if (sym) this.noteRef(sym, base, ctx);
          else if (this.vars.has(n)) ctx.refs?.variables.add(n);
          // nameof() of a name nothing declares is the compiler's BCP057 like any other read.
          else if (!this.namedInFile(n)) this.error(base.name, this.unknownSymbol(n, ctx, this.declaredNames()));
        }
        if (a?.kind === 'PropertyAccess') return lit(a.property.name, e);
        // nameof(obj['some-key']): the key.
        if (a?.kind === 'ArrayAccess' && a.index.kind === 'String' && stringValue(a.index) !== undefined) return lit(stringValue(a.index) as string, e);
        if (a?.kind === 'VariableAccess') return lit(a.name.name, e);
        return lit(null, e);
      }
      case 'readenvironmentvariable':
      case 'readenvvar':
      case 'readcliarg':
      case 'externalinput': {
        // Read by the compiler when it compiles the file, from arguments it must know then.
        args();
        for (const a of e.args) if (!isCompileTimeConstant(a)) this.error(a, 'the value must be a compile-time constant');
        if (name.toLowerCase().startsWith('readenv')) return this.environmentVariable(e, ctx);
        const what = name.toLowerCase() === 'readcliarg' ? 'a command-line argument of the compiler' : 'an external input given when the file is compiled';
        return call('notRead', [lit(`${name}(): ${what}`, e)], e, LOWERING_NS);
      }
      case 'loadyamlcontent':
        return this.loadFile(e, 2, MAX_JSON_CHARS, (text) => this.yamlContent(e, text));
      case 'loaddirectoryfileinfo':
        return this.directoryFileInfo(e);
      case 'subscription':
      case 'resourcegroup':
      case 'managementgroup':
        // A named scope as a value (a `scope:` is lowered by scopeIdExpr): the compiler gives it an
        // object type without properties and writes createObject() (AzNamespaceType's
        // GetRestricted*ReturnResult; "scopesWithoutArmRepresentation" in its Variables sample).
        // ARM's subscription(), resourceGroup() and managementGroup() take no argument.
        if (e.args.length === 0) return call(name, [], e);
        args();
        return call('createObject', [], e);
      default: {
        const lowered = args();
        if (!e.base && (name === 'reference' || name.startsWith('list'))) this.checkInlinedLambdaVariables(e, lowered, ctx);
        return call(name, lowered, e);
      }
    }
  }

  /**
   * BCP248: reference() and the list*() functions are evaluated by ARM before the template's
   * lambdas run, so the compiler refuses a lambda's variable in their arguments
   * (`map(ids, id => reference(id).x)`), at the call. A for-expression's variable is fine, and so
   * is `az.reference(...)` and a resource's own `res.listKeys()` (not checked by the compiler).
   */
  private checkInlinedLambdaVariables(e: FunctionCall, args: readonly Expr[], ctx: LowerCtx): void {
    if (!ctx.locals) return;
    const found: string[] = [];
    for (const a of args) lambdaVariableNames(a, found);
    const names = found.filter((v) => {
      const b = ctx.locals?.get(v);
      return b?.kind === 'lambda' && b.lambda === true;
    });
    if (names.length === 0) return;
    this.error(e, `Using lambda variables inside the "${e.name.name}" function is not currently supported. Found the following lambda variable(s) being accessed: ${names.map((v) => `"${v}"`).join(', ')}. (BCP248)`);
  }

  /**
   * readEnvironmentVariable('NAME'[, default]) of a .bicepparam file: the compiler reads its own
   * environment when it compiles the file, so vtaplint reads the environment it runs in (a
   * pipeline that lints and deploys with the same variables gets the values it deploys); unset,
   * the default, or else a value known only where the file is compiled.
   */
  private environmentVariable(e: FunctionCall, ctx: LowerCtx): Expr {
    const n = e.args[0] ? stringValue(e.args[0]) : undefined;
    if (n === undefined) return call('notRead', [lit(`${e.name.name}(): an environment variable whose name is not a literal`, e)], e, LOWERING_NS);
    const v = this.options.env?.[n];
    if (v !== undefined) return lit(v, e);
    if (e.args[1]) return this.expr(e.args[1], ctx);
    return call('notRead', [lit(`${e.name.name}('${n}'): the environment variable is not set where vtaplint runs; it is read when the file is compiled`, e)], e, LOWERING_NS);
  }

  /**
   * loadDirectoryFileInfo(dir[, searchPattern]), as the compiler computes it: the files directly
   * in the folder (not its subfolders) whose names match the pattern ('*' and '?'), each as
   * { relativePath (from this file's folder, '/'), baseName, extension (from the last '.', or '') },
   * ordered by relativePath ignoring case (.NET's OrdinalIgnoreCase). Only names are read, and
   * only inside the lint root; a folder that cannot be listed is an error and an unknown value.
   */
  private directoryFileInfo(e: FunctionCall): Expr {
    const fn = e.name.name;
    const dirArg = e.args[0];
    const patternArg = e.args[1];
    const dir = dirArg ? stringValue(dirArg) : undefined;
    const pattern = patternArg ? stringValue(patternArg) : '';
    if (!dirArg || dir === undefined || pattern === undefined) {
      // The compiler takes compile-time constants (variables too); only literals are read here.
      const at = !dirArg || dir === undefined ? (dirArg ?? e) : (patternArg ?? e);
      this.note(at, `${fn}(): the argument is not a literal string, so the folder is not listed; the value is unknown`);
      return call('notRead', [lit(`${fn}(): a folder or pattern that is not a literal string`, e)], e, LOWERING_NS);
    }
    const abs = this.resolvePath(dir);
    const got = this.options.modules.listFiles(abs);
    if ('error' in got) {
      this.error(dirArg, `${fn}(): ${got.error}`);
      // Unknown, not null (nor an empty list): rules must not take an unread folder for an empty one.
      return call('notRead', [lit(`${fn}('${dir}'): ${got.error}`, dirArg)], e, LOWERING_NS);
    }
    const from = path.dirname(this.file.path);
    const matches = wildcardMatcher(pattern);
    const files = got.names
      .filter(matches)
      .map((name) => {
        const dot = name.lastIndexOf('.');
        return {
          relativePath: path.relative(from, path.join(abs, name)).split(path.sep).join('/'),
          baseName: name,
          extension: dot >= 0 && dot < name.length - 1 ? name.slice(dot) : '',
        };
      })
      .sort((a, b) => compareOrdinalIgnoreCase(a.relativePath, b.relativePath));
    return jsonToExpr(files, e);
  }

  /** A load*() call's file as text, refused (BCP184) above the compiler's `maxChars` for that function. */
  /**
   * A load function's file as text, in the encoding its argument at `encodingArg` names (UTF-8
   * when none), decoded as the compiler decodes it (load-text.ts: never an error).
   */
  private loadFile(e: FunctionCall, encodingArg: number, maxChars: number, convert: (text: string) => Expr): Expr {
    const encArg = e.args[encodingArg];
    const enc = encArg ? stringValue(encArg) : undefined;
    if (enc !== undefined && !isLoadEncoding(enc)) {
      this.error(encArg ?? e, `${e.name.name}(): unknown encoding '${enc}' (one of: ${LOAD_ENCODINGS.join(', ')})`);
      return lit(null, e);
    }
    return this.loadBytes(e, (bytes) => {
      const text = decodeLoadedText(bytes, enc);
      return text.length > maxChars ? this.tooLarge(e, `${maxChars} characters`) : convert(text);
    });
  }

  /**
   * BCP184: the compiler reads no more than its limit for each load function, and fails the file
   * otherwise. The value is unknown, and nothing larger is parsed (a YAML parser takes seconds
   * per megabyte).
   */
  private tooLarge(e: FunctionCall, limit: string): Expr {
    const message = `${e.name.name}(): the file exceeds the maximum size of ${limit} that the Bicep compiler loads (BCP184)`;
    this.error(e.args[0] ?? e, message);
    return call('notRead', [lit(message, e)], e, LOWERING_NS);
  }

  private loadBytes(e: FunctionCall, convert: (bytes: Uint8Array) => Expr): Expr {
    return this.loaded(e, (abs) => this.options.modules.readBytes(abs), (got) => convert(got.bytes));
  }

  /** A load*() call's file, read by `read` and made a value by `convert`; a literal path is required. */
  private loaded<T extends object>(e: FunctionCall, read: (abs: string) => T | { error: string }, convert: (got: T) => Expr): Expr {
    const p = e.args[0];
    const rel = p ? stringValue(p) : undefined;
    if (!p || rel === undefined) {
      this.error(p ?? e, `${e.name.name}() needs a literal file path`);
      return lit(null, e);
    }
    const got = read(this.resolvePath(rel));
    if ('error' in got) {
      this.error(p, `${e.name.name}(): ${unreadFileMessage('file', rel, got.error)}`);
      // Unknown, not null: rules must not take a missing file's content for an empty value.
      return call('notRead', [lit(`${e.name.name}('${rel}'): ${got.error}`, p)], e, LOWERING_NS);
    }
    return convert(got as T);
  }

  private jsonContent(e: FunctionCall, text: string): Expr {
    // Bicep accepts comments and trailing commas in loaded JSON: jsonc-parser reads those, but
    // strict JSON (nearly every file) goes through JSON.parse, many times faster.
    const errors: ParseError[] = [];
    const body = text.replace(/^\uFEFF/, '');
    let v: unknown;
    try {
      v = JSON.parse(body);
    } catch {
      v = parseJsonc(body, errors, { allowTrailingComma: true });
    }
    if (errors.length > 0) {
      this.error(e.args[0] ?? e, `loadJsonContent(): the file is not valid JSON (at offset ${errors[0]?.offset ?? 0})`);
      return call('notRead', [lit('loadJsonContent(): a file that is not valid JSON', e)], e, LOWERING_NS);
    }
    return this.selected(e, v, 'loadJsonContent');
  }

  /** loadYamlContent(file[, jsonPath[, encoding]]): the document as JSON values, as the compiler converts it. */
  private yamlContent(e: FunctionCall, text: string): Expr {
    const parsed = parseYaml(text.replace(/^\uFEFF/, ''));
    if ('error' in parsed && parsed.tooDeep) return this.tooDeep(e, 'loadYamlContent');
    if ('error' in parsed) {
      this.error(e.args[0] ?? e, `loadYamlContent(): the file is not valid YAML: ${parsed.error}`);
      // Unknown, not null: a null would decide verdicts (a region of '0') on a file that failed.
      return call('notRead', [lit('loadYamlContent(): a file that is not valid YAML', e)], e, LOWERING_NS);
    }
    return this.selected(e, parsed.value, 'loadYamlContent');
  }

  /** The part of loaded content a load function's JSONPath argument (its second) selects. */
  private selected(e: FunctionCall, v: unknown, fn: string): Expr {
    const jp = e.args[1] ? stringValue(e.args[1]) : undefined;
    if (jp !== undefined && /[?*@]|\.\./.test(jp)) {
      this.note(e.args[1] ?? e, `${fn}(): the JSONPath '${jp}' uses filters or wildcards, which are not supported; the value is unknown`);
      return call('notRead', [lit(`${fn}(): the JSONPath '${jp}' (filters and wildcards are not read)`, e)], e, LOWERING_NS);
    }
    if (jp !== undefined && jp !== '$' && jp !== '') {
      // Simple JSONPath: $.a.b[0]['c']
      const parts = jp.replace(/^\$\.?/, '').match(/[^.[\]'"]+|\[\d+\]/g) ?? [];
      for (const part of parts) {
        const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
        if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key)) v = (v as Record<string | number, unknown>)[key];
        else {
          this.error(e.args[1] ?? e, `${fn}(): the path '${jp}' does not select a value`);
          return lit(null, e);
        }
      }
    }
    // Deeper content was cut to null below the limit, without a word: rules decided on a value
    // the file does not hold.
    if (deeperThanConverted(v)) return this.tooDeep(e, fn);
    return jsonToExpr(v, e);
  }

  /** Loaded content nested deeper than it is converted (or than the YAML parser's stack holds): a limit finding at the path, its value unknown. */
  private tooDeep(e: FunctionCall, fn: string): Expr {
    const message = `${fn}(): the content is nested more than ${MAX_JSON_DEPTH} levels deep, deeper than vtaplint converts; its value is not known`;
    this.diagnostics.add({ code: 'limit-exceeded', message, span: this.span(e.args[0] ?? e) });
    return call('notRead', [lit(message, e)], e, LOWERING_NS);
  }
}

/**
 * A file-name matcher for a .NET search pattern ('*' any run of characters, '?' one character,
 * case-sensitive as on Linux); the empty pattern matches every name.
 */
function wildcardMatcher(pattern: string): (name: string) => boolean {
  if (pattern === '' || pattern === '*') return () => true;
  const source = [...pattern].map((c) => (c === '*' ? '[^]*' : c === '?' ? '[^]' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}

/** .NET's StringComparer.OrdinalIgnoreCase: code units compared after upper-casing each one on its own. */
export function compareOrdinalIgnoreCase(a: string, b: string): number {
  const upper = (c: number): number => {
    const u = String.fromCharCode(c).toUpperCase();
    return u.length === 1 ? u.charCodeAt(0) : c;
  };
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = upper(a.charCodeAt(i)) - upper(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * An imported variable into a `variables` section; a copy loop (from an ARM JSON template) into
 * its `copy` array, under the name it is imported as.
 */
function setImportedVariable(variables: TObject, name: string, v: ImportedVar): void {
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

/** Does an expression use a lambda variable (a property loop's or a lambda's local)? */
/** The names of the lambda variables an expression reads, in order, once each. */
function lambdaVariableNames(e: Expr, out: string[] = []): string[] {
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
