// TemplateScope: the evaluation context of one ARM template (or one lowered Bicep file).
//
// It knows the template's parameters (supplied values, defaults, secure ones), variables (lazy,
// memoised, cycles reported), user-defined functions, copy loops (resource loops, property
// `copy` arrays, variable and output copy) and deployment values, and evaluates template value
// trees into Values with spans. The deploy stage (resources, nested deployments, graph) builds
// on evaluateNode().
import { suggestion } from '../model/spelling.js';
import { DiagnosticSink } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import { TExpr, TYPE_NOT_KNOWN, childOf, isTObject, own, ownKey, ownProp, type Located, type TNode, type TObject } from '../model/template.js';
import { boundsProblem, exactBoundsProblem, checkStructure, expectedTypeName, matchesAllowed } from './value-type.js';
import { isNullableDeclaration, typeChain } from '../model/type-ref.js';
import { Budget, type DeploymentContext, type EvalContext, type InvariantParts, type UserFunction } from '../expr/context.js';
import { evaluate, evaluateString, valueNodesMessage } from '../expr/evaluate.js';
import { isExpressionString, parseTemplateString } from '../expr/parser.js';
import { fromJson, typeName, unknownPropertyName } from '../expr/ops.js';
import { InexactInteger, ObjectValue, TracedObject, Unknown, inexactInteger, isInexactInteger, setElementOrigin, setElementSpans, valueNodes, writtenInteger, type UnknownReason, type Value, type ValueType } from '../expr/value.js';
import type { ResourceLoop } from './evaluator.js';
import type { Expr } from '../expr/ast.js';
import { compilerInlinedVariables } from './compiler-inlined.js';
import { declaredVariables } from './declared-variables.js';
import { LoopInvariantParts, callsCopyIndexIn, type ReadTracking } from './invariant-parts.js';
import { parsePythonLiteral } from './python-literal.js';
import { parsesAsJson } from '../load/json-text.js';
import { PartIndex, namesReadIn, type ExpressionReads } from './part-reads.js';
import { parameterPath, partGiven, type LoopInstance, type ParameterPath } from './access-path.js';

/** A parameter value given from outside the template (parameters file, -p, a parent deployment). */
export interface SuppliedParameter {
  value: Value;
  /** Where the value was written (parameters file entry), when known. */
  span?: Span | undefined;
  /** The name where it was given (a parameters file's or a nested deployment's key), when known. */
  keySpan?: Span | undefined;
  /**
   * ARM rejects the deployment when the template does not declare this parameter: an entry of the
   * parameters file that belongs to the template (x.parameters.json beside x.json), or of a nested
   * deployment's `parameters`.
   */
  mustBeDeclared?: boolean | undefined;
  /**
   * The value reaches ARM as written (an ARM parameters file entry, a .bicepparam assignment, a
   * nested deployment's or module's `parameters` entry): ARM rejects one whose JSON type is not
   * the parameter's type ("Expected a value of type 'Integer', but received a value of type
   * 'String'"), and the Bicep compiler a .bicepparam or module value of the wrong type (BCP033).
   * A -p value is converted to the parameter's type by the CLI. The parts of an object or array
   * value are checked against the type's structure whatever the value's source.
   */
  typeChecked?: boolean | undefined;
  /**
   * The text of a `-p name=value` on the command line (value is that text read as JSON when it
   * is JSON): a parameter of type string takes the text as it is, so `-p prefix=10` is '10'.
   */
  text?: string | undefined;
  /** Given in --parameters JSON written inline on the command line (no place in a file). */
  inline?: boolean | undefined;
}

export interface ParameterInfo {
  /** The name as declared. */
  name: string;
  /** The declared type as written ('string', 'secureString', ...), when there is one. */
  type: string | undefined;
  /** The value used for evaluation (an Unknown for secure parameters and parameters without value). */
  value: Value;
  /** The declared allowedValues, evaluated. */
  allowedValues: Value[] | undefined;
  source: 'supplied' | 'default' | 'none';
  /** The declaration. */
  span: Span;
  /** Where the value came from (supplied entry or defaultValue), when there is one. */
  valueSpan: Span | undefined;
}

/** A copy loop the evaluation is inside. */
interface LoopFrame {
  /** Loop name (property, variable or resource copy name); undefined for an anonymous loop. */
  name: string | undefined;
  index: number | Unknown;
  /** copyIndex() without a name refers to this loop (resource and output loops). */
  isDefault: boolean;
  parent: LoopFrame | undefined;
}

export interface TemplateScopeOptions {
  /** Parameter values from outside, by name (matched case-insensitively). */
  parameters?: Map<string, SuppliedParameter> | undefined;
  /** Deployment values from the configuration. */
  deployment?: DeploymentContext | undefined;
  /** Where diagnostics go (a new sink when absent). */
  diagnostics?: DiagnosticSink | undefined;
  /** The work budget, shared with nested scopes (a new one when absent). */
  budget?: Budget | undefined;
  /** Answers reference()/list*()/references() (an Unknown 'runtime-state' when it returns undefined). */
  runtime?: ((fn: string, args: Value[], span: Span) => Value | undefined) | undefined;
  /**
   * Distinguishes this template's parameters from a nested deployment's of the same name in
   * symbols ("" for the root template): a parameter without a value is one value in the whole
   * deployment, so its unknown carries the symbol `<prefix>parameters('name')`.
   */
  symbolPrefix?: string | undefined;
  /** Called with the result of every expression string (or pre-parsed TExpr) evaluated; for statistics. */
  observer?: ((value: Value, span: Span) => void) | undefined;
  /**
   * Where the values of a nested deployment's (or module's) parameters came from in turn: the
   * supplied sources of the parent's expression at a parameter's entry (the parent's
   * suppliedSourcesIn). Asked only when a finding asks this scope (see suppliedSourcesAt).
   */
  upstream?: ((span: Span) => SuppliedSource[]) | undefined;
  /**
   * The parameters' values come from a file that is never read (a nested deployment's
   * `parametersLink`), with the span of the link: a parameter it may set is not known, not even
   * one with a defaultValue (the file's value wins over it). Or, with `reason`, a `parameters`
   * object spread from one known only at deployment, which may give any parameter.
   */
  unreadValues?: { what: string; span: Span } | { reason: UnknownReason } | undefined;
}

/**
 * A supplied value an expression was computed from: the parameter it was given to, and where; or
 * the output of a module or nested deployment it read (`of` set), and where its value was computed.
 */
export interface SuppliedSource {
  /** The parameter's name, or the output's. */
  name: string;
  span: Span;
  /** For an output: whose ("module 'collector'", "deployment 'network'"). */
  of?: string | undefined;
  /** The entry of the parameter's value the expression read, as a path (`[1].size`); `span` is that entry's. */
  part?: string | undefined;
  /** The value is the parameter's defaultValue (none was given): `span` is the default's. */
  isDefault?: boolean | undefined;
  /** The location of a resource group the deployment creates (`name` is the group's): `span` is its declaration's `location`. */
  group?: boolean | undefined;
}

export interface OutputValue {
  name: string;
  /** The declared type as written. */
  type: string | undefined;
  value: Value;
  span: Span;
  /** The expression that computes the value (its `value`, or its `copy`); the declaration when it has neither. */
  valueSpan: Span;
  /** A `condition` only known at deployment: the output may not be there at all. */
  condition?: Unknown | undefined;
}

/**
 * How far the sources of a value are followed through outputs: a module's output computed from
 * another module's output, and so on. A chain of modules that pass a value on (`output id string =
 * inner.outputs.id`) is followed to the output that computed it, the place a user needs with the
 * output the finding's template read; the outputs that only pass it on in between are not listed.
 * At most this many outputs deep, and this many outputs visited for one finding's value (an output
 * computed from several modules' outputs, each from several more, ...).
 */
const MAX_OUTPUT_HOPS = 8;
const MAX_OUTPUTS_VISITED = 16;

/** Where a walk through outputs is (see MAX_OUTPUT_HOPS): how deep, and how many outputs it may still visit. */
interface OutputWalk {
  hops: number;
  left: { outputs: number };
}

/**
 * A deployment's outputs as reference(x).outputs gives them (a Bicep module's `x.outputs`): a
 * read of one is noted by the reading scope (readTraced), and its sources are the output's value
 * expression, then what that expression read in the deployment's own scope.
 */
export class OutputsValue extends TracedObject {
  constructor(
    /** Whose outputs: "module 'collector'", "deployment 'network'". */
    readonly of: string,
    /** The scope the outputs were evaluated in. */
    readonly scope: TemplateScope,
    private readonly declared: readonly OutputValue[],
  ) {
    super(declared.length);
  }

  /** The output `name` (case-insensitively). */
  declaration(name: string): OutputValue | undefined {
    const lower = name.toLowerCase();
    return this.declared.find((o) => o.name.toLowerCase() === lower);
  }
}

/**
 * resourceGroup() in a deployment into a resource group the deployment itself creates (a
 * subscription-scope template that makes the group and deploys a module into it): its location
 * is the one the group's declaration gives, so a read of it is noted (readTraced) and its sources
 * are that declaration's `location`, then what that was computed from in the declaring scope.
 */
export class CreatedGroupValue extends TracedObject {
  constructor(
    capacity: number,
    /** The resource group's name, as findings show it. */
    readonly groupName: string,
    /** Where its declaration gives its `location`. */
    readonly locationSpan: Span,
    /** The scope the declaration is evaluated in. */
    readonly scope: TemplateScope,
  ) {
    super(capacity);
  }
}

const SECURE_TYPES = new Set(['securestring', 'secureobject']);

/**
 * Whether evaluating `n` needs its own span: containers and expressions do; a literal needs none
 * (its span is derived when a finding asks for it).
 */
export function needsOwnSpan(n: TNode): boolean {
  return typeof n === 'object' ? n !== null : typeof n === 'string' && isExpressionString(n);
}
/** An ARM copy loop may produce at most this many elements. */
const ARM_MAX_COPY = 800;

/**
 * A copy count beyond 2^53, which vtaplint holds as an InexactInteger (an unknown: its exact value
 * is not a JS number), is all the same an integer outside the 0 to 800 ARM takes: ARM rejects the
 * loop whatever its exact value. Its text (the exact digits when known, else the number written)
 * and whether it is negative.
 */
export function countBeyondExactNumbers(count: InexactInteger, written: TNode | undefined): { text: string; negative: boolean } {
  if (count.exact !== undefined) return { text: count.exact.toString(), negative: count.exact < 0n };
  return typeof written === 'number' ? { text: String(written), negative: written < 0 } : { text: 'beyond 2^53', negative: false };
}

function secureUnknown(name: string, span: Span): Unknown {
  return new Unknown({ code: 'secure', message: `the secure parameter '${name}' is never evaluated or shown`, span });
}

/** True for a parameters-file Key Vault reference object ({"reference": {"keyVault": ...}}). */
export function isKeyVaultReference(v: Value): boolean {
  if (!(v instanceof ObjectValue)) return false;
  const r = v.get('reference');
  return r instanceof ObjectValue && r.has('keyVault');
}

/** What an expression that read no parameter read (shared: most expressions read none). */
const NO_READS: ReadonlySet<string> = new Set();

/**
 * Whether an unknown is the length of a parameter without a value (`for n in vmNames`, a copy
 * count length(parameters('vmNames'))), read from the symbols given to them: a parameter's
 * (`parameters('x')`, made below, with its nested deployment's prefix) and a function's of it
 * (`length(...)`, derived by the evaluator). A loop over such an array is bounded by its maxLength.
 */
export function isLengthOfParameter(u: Unknown): boolean {
  return u.symbol !== undefined && /^length\((?:deployment#\d+:)?parameters\('/.test(u.symbol);
}

export class TemplateScope implements EvalContext {
  readonly diagnostics: DiagnosticSink;
  readonly budget: Budget;
  readonly deploymentContext: DeploymentContext;
  readonly template: Located<TObject> | undefined;

  private readonly supplied = new Map<string, SuppliedParameter>();
  private readonly paramCache = new Map<string, ParameterInfo>();
  /** Declared parameter names (as written) by lower-cased name; built on first use. */
  private paramNames: Map<string, string> | undefined;
  /** paramCache by the name as a call spelled it. */
  private readonly paramByExactName = new Map<string, ParameterInfo>();
  private readonly paramBusy = new Set<string>();
  private readonly varCache = new Map<string, Value>();
  /** The template's own outputs, once evaluated (see outputs()). */
  private ownOutputs: OutputValue[] | undefined;
  /** Variables being evaluated, in order (for the cycle message). */
  private readonly varStack: string[] = [];
  private readonly functions = new Map<string, { node: TObject; span: Span; name: string }>();
  private readonly runtimeHook: TemplateScopeOptions['runtime'];
  private readonly symbolPrefix: string;
  /** See TemplateScopeOptions.observer. */
  readonly observer: TemplateScopeOptions['observer'];
  private readonly upstream: TemplateScopeOptions['upstream'];
  private readonly unreadValues: TemplateScopeOptions['unreadValues'];
  private readonly base: NodeContext;

  /**
   * @param root the template document (an object; anything else is reported as invalid)
   * @param span the span of the document
   */
  constructor(root: TNode | undefined, span: Span, options: TemplateScopeOptions = {}) {
    this.diagnostics = options.diagnostics ?? new DiagnosticSink();
    this.budget = options.budget ?? new Budget();
    this.deploymentContext = options.deployment ?? {};
    this.runtimeHook = options.runtime;
    this.symbolPrefix = options.symbolPrefix ?? '';
    this.observer = options.observer;
    this.upstream = options.upstream;
    this.unreadValues = options.unreadValues;
    if (isTObject(root)) this.template = { node: root, span };
    else {
      this.template = undefined;
      this.diagnostics.add({ code: 'invalid-template', message: 'The template must be a JSON object.', span });
    }
    for (const [k, v] of options.parameters ?? []) this.supplied.set(k.toLowerCase(), v);
    this.base = new NodeContext(this, undefined, undefined);
    this.indexFunctions();
  }

  // ---- EvalContext (the template's top level: no copy loop) ----

  /** parameters('name'): the parameter's value (Unknown for secure ones and ones without value). */
  parameter(name: string, span: Span): Value {
    const info = this.parameterInfo(name);
    if (!info) {
      const sec = this.section('parameters');
      const message = notFoundMessage('parameters', name, sec && isTObject(sec.node) ? Object.keys(sec.node) : []);
      this.diagnostics.add({ code: 'evaluation-error', message, span });
      return new Unknown({ code: 'error', message, span });
    }
    this.noteRead(info.name);
    return info.value;
  }

  // ---- Where values come from: parameters read by each evaluated expression ----

  /** Parameters read by the expression at a span (by Span.identity()), for "the value comes from here". */
  private readonly readsBySpan = new Map<string, ExpressionReads>();
  /**
   * Expressions that read parameters, in evaluation order: indexed into readsBySpan (by
   * Span.identity(), a string built from the span's path) only when a finding asks, since most
   * runs never do and every expression that reads a parameter lands here.
   */
  private readonly readsAt: ExpressionReads[] = [];
  /** readsAt by where each expression is, for findings inside one (see partReads): made on the first. */
  private partIndex: PartIndex | undefined;
  private readonly loopInvariants = new Map<object, LoopExpression>();
  private readsIndexed = 0;
  /** Parameters read by the expressions inside a span that has none of its own (suppliedSourcesIn), by identity. */
  private readonly readsInside = new Map<string, ReadonlySet<string>>();
  /** Parameters each variable's value was computed from. */
  private readonly varReads = new Map<string, ReadonlySet<string>>();
  /** Open collectors: the expressions (and variables) being evaluated; a set only once one reads a parameter. */
  private readonly collectors: { reads: Set<string> | undefined }[] = [];

  private noteRead(name: string): void {
    // Indexed: a for-of allocates an iterator result per step until the optimizing compiler runs.
    const cs = this.collectors;
    for (let i = 0; i < cs.length; i++) ((cs[i] as { reads: Set<string> | undefined }).reads ??= new Set()).add(name);
  }

  /**
   * The module and deployment outputs expressions read (see readTraced), by the key noted among
   * their reads: made on the first such read (most templates read none).
   */
  private tracedReads: Map<string, { obj: TracedObject; property: string }> | undefined;

  /**
   * A property of a TracedObject (a module's outputs) was read: noted among the expression's reads
   * as a key no parameter name has (it starts with NUL), so variables, loop-invariant parts and
   * module parameters carry it on as they carry parameter reads.
   */
  readTraced(obj: TracedObject, property: string): void {
    if (this.collectors.length === 0) return;
    const key = `\u0000${obj.id}\u0000${property.toLowerCase()}`;
    const traced = (this.tracedReads ??= new Map());
    if (!traced.has(key)) traced.set(key, { obj, property });
    this.noteRead(key);
  }

  /** Opens a collector of the parameters read by what is evaluated until closeReads(). */
  private openReads(): { reads: Set<string> | undefined } {
    const collector: { reads: Set<string> | undefined } = { reads: undefined };
    this.collectors.push(collector);
    return collector;
  }

  /** Closes the collector openReads() gave (collectors nest: the innermost is closed first). */
  private closeReads(): void {
    this.collectors.pop();
  }

  /** Evaluates with a collector of the parameters read; returns the value and what it read. */
  private collectReads<T>(f: () => T): { value: T; reads: ReadonlySet<string> } {
    const collector = this.openReads();
    let value: T;
    try {
      value = f();
    } finally {
      this.closeReads();
    }
    return { value, reads: collector.reads ?? NO_READS };
  }

  /** Evaluates the expression `expr` at `span` with `f`, remembering the parameters it read (see suppliedSourcesAt). */
  private traced<T>(span: Span, expr: TExpr, f: () => T): T {
    const { value, reads } = this.collectReads(f);
    this.remember(span, reads, expr);
    return value;
  }

  /**
   * An expression evaluated in a copy loop (outside user-defined functions): one that never calls
   * copyIndex() gives the same value in every instance, so it is evaluated once. Keyed by the
   * template node: a Bicep expression by itself, an expression string by its span, which
   * identifies it only when the loop shares its spans (Span.stable). Values are never changed once
   * made (variables' values are shared the same way), so instances can share them.
   */
  inLoop(node: string | TExpr, span: Span, ctx: NodeContext): Value {
    const key = typeof node === 'string' ? span : node;
    const known = this.loopInvariants.get(key);
    // The span too: the parameters an expression read are remembered at its span (suppliedSourcesAt).
    if (known !== undefined && known.node === node && known.span === span) return known.varies ? this.withInvariantParts(known, ctx) : known.value;
    const varies = !loopInvariant(node, this.budget);
    const entry: LoopExpression = { node, span, varies, value: null, parts: undefined };
    this.loopInvariants.set(key, entry);
    if (varies) return this.withInvariantParts(entry, ctx);
    return (entry.value = this.evaluateTraced(node, span, ctx));
  }

  /** A loop expression that varies, its parts that do not evaluated once for all copies (invariant-parts.ts). */
  private withInvariantParts(e: LoopExpression, ctx: NodeContext): Value {
    if (e.parts === undefined) {
      const ast = e.node instanceof TExpr ? e.node.ast : parsedAst(e.node, this.budget);
      e.parts = ast ? new LoopInvariantParts(ast, this.readTracking) : null;
    }
    if (e.parts === null) return this.evaluateTraced(e.node, e.span, ctx);
    const outer = ctx.invariants;
    ctx.invariants = e.parts;
    try {
      return this.evaluateTraced(e.node, e.span, ctx);
    } finally {
      ctx.invariants = outer;
    }
  }

  /** What a loop-invariant part read, collected when it is evaluated and noted again when it is reused. */
  private readonly readTracking: ReadTracking = {
    collect: (compute) => this.collectReads(compute),
    replay: (reads) => {
      for (const r of reads) this.noteRead(r);
    },
  };

  /** An expression string or a Bicep expression, evaluated with the parameters it reads remembered. */
  evaluateTraced(node: string | TExpr, span: Span, ctx: EvalContext): Value {
    return typeof node === 'string' ? this.tracedString(node, span, ctx) : this.traced(span, node, () => evaluate(node.ast, node.base, ctx));
  }

  /** traced() for an expression string, without a closure per expression (the hottest path). */
  tracedString(s: string, span: Span, ctx: EvalContext): Value {
    const collector = this.openReads();
    let value: Value;
    try {
      value = evaluateString(s, span, ctx);
    } finally {
      this.closeReads();
    }
    this.remember(span, collector.reads ?? NO_READS, s);
    return value;
  }

  /** `expr`: the expression evaluated at `span`, when it is one (see partReads). */
  private remember(span: Span, reads: ReadonlySet<string>, expr?: string | TExpr): void {
    if (reads.size) this.readsAt.push({ span, reads, expr });
  }

  /** Whether `span` is in this scope's template (a module's own file, a nested template's text). */
  holds(span: Span): boolean {
    return this.template !== undefined && span.within(this.template.span);
  }

  /**
   * The supplied values (parameters file, .bicepparam assignment, module parameter) that the
   * expression at `span` was computed from: findings there point at them as related locations.
   * A value a parent deployment passed in is followed up: after the parameter's entry in the
   * parent come the sources of the parent's expression there (a .bicepparam line, a parameters
   * file entry, or the grandparent's module call, and so on up), each hop after the one it
   * explains, innermost first. Without repeats; in the order the expression read its parameters.
   */
  suppliedSourcesAt(span: Span, loop?: LoopInstance): SuppliedSource[] {
    this.indexReads();
    const exact = this.readsBySpan.get(span.identity());
    if (exact) return this.sourcesOf(exact.reads, undefined, this.readPath(exact, loop));
    const reads = this.partReads(span);
    return reads ? this.sourcesOf(reads) : [];
  }

  /**
   * The part of a parameter's value the expression `e` is, when it is only a path into one
   * (access-path.ts); `loop`: the copy-loop instance the finding is about, for copyIndex().
   */
  private readPath(e: ExpressionReads, loop: LoopInstance | undefined): ParameterPath | undefined {
    if (e.expr === undefined || e.reads.size !== 1) return undefined;
    const ast = typeof e.expr === 'string' ? parsedAst(e.expr, this.budget) : e.expr.ast;
    return ast ? parameterPath(ast, loop) : undefined;
  }

  /**
   * What the part of an expression at `span` read (a value built inside it: part-reads.ts), when
   * that expression read parameters: the parameters named inside the part, and those the
   * variables named there were computed from. Only when a finding asks.
   */
  private partReads(span: Span): ReadonlySet<string> | undefined {
    const e = (this.partIndex ??= new PartIndex(this.readsAt)).containing(span);
    if (!e || e.expr === undefined) return undefined;
    const ast = typeof e.expr === 'string' ? parsedAst(e.expr, this.budget) : e.expr.ast;
    if (!ast) return undefined;
    const named = namesReadIn(ast, typeof e.expr === 'string' ? e.span : e.expr.base, span);
    const reads = new Set<string>();
    for (const p of named.parameters) if (e.reads.has(this.parameterInfo(p)?.name ?? p)) reads.add(this.parameterInfo(p)?.name ?? p);
    for (const v of named.variables) for (const r of this.varReads.get(v.toLowerCase()) ?? NO_READS) reads.add(r);
    return reads.size ? reads : undefined;
  }

  /**
   * What suppliedSourcesAt() gives for the value at `span` that this template passes to a nested
   * deployment or module: the expression there, else every expression inside it (an object or
   * array written out, `{ size: vmSize }`, whose parts the child reads as one parameter).
   */
  suppliedSourcesIn(span: Span, walk?: OutputWalk, loop?: LoopInstance): SuppliedSource[] {
    this.indexReads();
    const id = span.identity();
    const exact = this.readsBySpan.get(id);
    if (exact) return this.sourcesOf(exact.reads, walk, this.readPath(exact, loop));
    let reads = this.readsInside.get(id);
    if (reads === undefined) {
      // Asked once per module parameter entry, only when a finding asks: a scan of what was read.
      const found = new Set<string>();
      for (const r of this.readsAt) if (r.span.within(span)) for (const name of r.reads) found.add(name);
      reads = found.size ? found : NO_READS;
      this.readsInside.set(id, reads);
    }
    return reads.size ? this.sourcesOf(reads, walk) : [];
  }

  /** Indexes what expressions read by span (see readsAt): only when a finding asks. */
  private indexReads(): void {
    for (; this.readsIndexed < this.readsAt.length; this.readsIndexed++) {
      const r = this.readsAt[this.readsIndexed] as ExpressionReads;
      this.readsBySpan.set(r.span.identity(), r);
    }
  }

  /**
   * Where the supplied values of parameters `reads` were given; a value a parent deployment passed
   * in is followed up (see TemplateScopeOptions.upstream).
   */
  private sourcesOf(reads: ReadonlySet<string>, walk: OutputWalk = { hops: 0, left: { outputs: MAX_OUTPUTS_VISITED } }, path?: ParameterPath): SuppliedSource[] {
    const out: SuppliedSource[] = [];
    const seen = new Set<string>();
    const add = (s: SuppliedSource): void => {
      const key = `${s.span.identity()}\u0000${s.name}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(s);
    };
    for (const name of reads) {
      if (name.charCodeAt(0) === 0) {
        this.outputSources(name, walk, add);
        continue;
      }
      const info = this.parameterInfo(name);
      // Where the value was written: the value given (parameters file, .bicepparam, module call)
      // or, with none given, the default, which decides too (a pull request that changes it
      // changes the finding, and the Action annotates changed lines through this location).
      const isDefault = info?.source === 'default';
      const supplied = info?.source === 'supplied' ? this.supplied.get(name.toLowerCase()) : undefined;
      const given = isDefault && info?.valueSpan ? { value: info.value, span: info.valueSpan } : supplied?.span ? { value: supplied.value, span: supplied.span } : undefined;
      if (!info || !given) continue;
      // The entry the expression reads, when it reads one (`vms[1].size` of a list, `vmConfig.size`
      // of an object a module call writes out): which of many entries it is, and, given by a
      // parent, what that entry alone was computed from.
      const part = path && path.parameter.toLowerCase() === name.toLowerCase() ? partGiven(given.value, given.span, path.path) : undefined;
      add({ name: info.name, span: part ? part.span : given.span, ...(part ? { part: part.text } : {}), ...(isDefault ? { isDefault: true } : {}) });
      // A default computed from a value traced elsewhere (`param location string =
      // resourceGroup().location` in a module deployed into a group the parent creates): where
      // that value is written, which is what to change.
      if (isDefault) {
        this.indexReads();
        for (const r of this.readsBySpan.get(given.span.identity())?.reads ?? NO_READS) if (r.charCodeAt(0) === 0) this.outputSources(r, walk, add);
      }
      // The parent's own supplied sources of the value it passed (recursively, through its parent).
      if (!isDefault && this.upstream) for (const up of this.upstream(part ? part.span : given.span)) add(up);
    }
    return out;
  }

  /**
   * The sources of a module output an expression read (see readTraced): the output's value
   * expression, then what it was computed from in the module's own scope (its parameters, given
   * by this template, or another module's output, followed the same way). An output deeper than
   * the first that only passes another output on is followed but not listed (MAX_OUTPUT_HOPS).
   */
  private outputSources(key: string, walk: OutputWalk, add: (s: SuppliedSource) => void): void {
    const read = this.tracedReads?.get(key);
    if (read?.obj instanceof CreatedGroupValue) {
      this.groupSources(read.obj, read.property, walk, add);
      return;
    }
    if (!read || !(read.obj instanceof OutputsValue) || walk.left.outputs <= 0) return;
    const output = read.obj.declaration(read.property);
    if (!output) return;
    walk.left.outputs--;
    const scope = read.obj.scope;
    const deeper = walk.hops + 1 < MAX_OUTPUT_HOPS && walk.left.outputs > 0;
    if (walk.hops === 0 || !deeper || !scope.passesOutputOn(output.valueSpan)) add({ name: output.name, span: output.valueSpan, of: read.obj.of });
    if (deeper) for (const s of scope.suppliedSourcesIn(output.valueSpan, { hops: walk.hops + 1, left: walk.left })) add(s);
  }

  /**
   * The sources of resourceGroup().location in a deployment into a group the deployment creates:
   * the group's `location` as declared, then what it was computed from (a parameter of the
   * declaring template, given or defaulted). Other properties of the group are not traced.
   */
  private groupSources(obj: CreatedGroupValue, property: string, walk: OutputWalk, add: (s: SuppliedSource) => void): void {
    if (property.toLowerCase() !== 'location' || walk.left.outputs <= 0) return;
    walk.left.outputs--;
    add({ name: obj.groupName, span: obj.locationSpan, group: true });
    for (const s of obj.scope.suppliedSourcesIn(obj.locationSpan, { hops: walk.hops + 1, left: walk.left })) add(s);
  }

  /** Whether the expression at `span` read one module output and nothing else (`inner.outputs.id`). */
  private passesOutputOn(span: Span): boolean {
    this.indexReads();
    const reads = this.readsBySpan.get(span.identity())?.reads;
    if (reads?.size !== 1) return false;
    for (const r of reads) return r.charCodeAt(0) === 0;
    return false;
  }

  declares(kind: 'parameter' | 'variable', name: string): boolean {
    if (kind === 'parameter') return this.parameterInfo(name) !== undefined;
    const sec = this.section('variables');
    return sec !== undefined && isTObject(sec.node) && this.findVariable(sec as Located<TObject>, name) !== undefined;
  }

  /** variables('name'): evaluated on first use, then memoised. */
  variable(name: string, span: Span): Value {
    return this.variableValue(name, span);
  }

  copyIndex(loopName: string | undefined, span: Span): Value {
    return this.base.copyIndex(loopName, span);
  }

  userFunction(ns: string, name: string): UserFunction | undefined {
    return this.base.userFunction(ns, name);
  }

  runtime(fn: string, args: Value[], span: Span): Value | undefined {
    return this.runtimeHook?.(fn, args, span);
  }

  // ---- Public API ----

  /**
   * Runs `f` with no expression collecting the parameters it reads. A resource body is evaluated
   * when first read, which may be in the middle of another expression of this template (module
   * vm1's `vtapId: vtap.outputs.tapId` deploys module vtap, whose parameters read
   * `vmtarget.outputs.nicId`): those reads are the body's own (remembered at its spans), not the
   * reading expression's, which would otherwise point at values it never used, and only when the
   * body had not been read before.
   */
  isolated<T>(f: () => T): T {
    if (this.collectors.length === 0) return f();
    const open = this.collectors.splice(0);
    try {
      return f();
    } finally {
      this.collectors.splice(0, this.collectors.length, ...open);
    }
  }

  /** Evaluates a template value tree; `loop` is the resource copy loop the node is inside. */
  evaluateNode(node: TNode, span: Span, loop?: ResourceLoop): Value {
    const frame: LoopFrame | undefined = loop ? { name: loop.name, index: loop.index, isDefault: true, parent: undefined } : undefined;
    return new NodeContext(this, frame, undefined).node(node, span);
  }

  /** Evaluates an expression string (or literal) at the template's top level. */
  evaluateString(s: string, span: Span, loop?: ResourceLoop): Value {
    const frame: LoopFrame | undefined = loop ? { name: loop.name, index: loop.index, isDefault: true, parent: undefined } : undefined;
    return evaluateString(s, span, new NodeContext(this, frame, undefined));
  }

  /** Names of the declared parameters, as written. */
  parameterNames(): string[] {
    const sec = this.section('parameters');
    return sec && isTObject(sec.node) ? Object.keys(sec.node) : [];
  }

  /**
   * The declared parameters a deployment must give a value for (ARM: "The value for the template
   * parameter '...' is not provided"): those with no defaultValue that are not nullable.
   */
  requiredParameterNames(): string[] {
    const sec = this.section('parameters');
    if (!sec || !isTObject(sec.node)) return [];
    const decls = sec.node;
    return Object.keys(decls).filter((name) => {
      const d = decls[name];
      return isTObject(d) && ownProp(d, 'defaultValue') === undefined && !this.isNullable(d);
    });
  }

  /**
   * A parameter that may be left out: `nullable` on its declaration, or on the definition its
   * `$ref` names, followed through definitions that refer on (the Bicep compiler writes
   * `param lock lockType` with `type lockType = {...}?` as {"$ref": "#/definitions/lockType"}
   * and puts `nullable` on the definition; ARM deploys it without a value).
   */
  private isNullable(decl: TObject): boolean {
    return isNullableDeclaration(decl, this.template?.node);
  }

  /**
   * Evaluates every declared variable, read or not, for the errors ARM would give: it evaluates
   * the whole variables section of a template it deploys (see evaluateEveryBody).
   */
  evaluateEveryVariable(stopped: () => boolean): void {
    if (!this.template) return;
    const sec = this.section('variables');
    // Lowered Bicep: a variable the compiler inlines is evaluated only where it is used (ARM JSON's
    // variables are strings, never inlined).
    const inlined = sec && isTObject(sec.node) ? compilerInlinedVariables(sec.node) : undefined;
    for (const name of this.variableNames()) {
      if (stopped()) return;
      if (inlined?.has(name.toLowerCase())) continue;
      this.variable(name, this.template.span);
    }
  }

  /** Names of the declared variables (including those of the variables `copy` array). */
  variableNames(): string[] {
    const sec = this.section('variables');
    return sec && isTObject(sec.node) ? declaredVariableNames(sec.node) : [];
  }

  /** Everything known about a parameter, or undefined when it is not declared. */
  parameterInfo(name: string): ParameterInfo | undefined {
    // By the name as written first: lower-casing makes a new string on every parameters() call.
    const exact = this.paramByExactName.get(name);
    if (exact) return exact;
    const key = name.toLowerCase();
    const hit = this.paramCache.get(key);
    if (hit) {
      this.paramByExactName.set(name, hit);
      return hit;
    }
    const sec = this.section('parameters');
    if (!sec || !isTObject(sec.node)) return undefined;
    const decl = childOf(sec as Located<TObject>, name);
    if (!decl) return undefined;
    if (this.paramBusy.has(key)) {
      const message = `The default value of parameter '${name}' depends on itself.`;
      this.diagnostics.add({ code: 'invalid-template', message, span: decl.span });
      return { name, type: undefined, value: new Unknown({ code: 'error', message, span: decl.span }), allowedValues: undefined, source: 'none', span: decl.span, valueSpan: undefined };
    }
    this.paramBusy.add(key);
    try {
      if (!this.paramNames) {
        // Declared names by lower case, made once (a search of the keys per parameter is quadratic).
        this.paramNames = new Map();
        for (const k of Object.keys(sec.node)) if (!this.paramNames.has(k.toLowerCase())) this.paramNames.set(k.toLowerCase(), k);
      }
      const info = this.computeParameter(this.paramNames.get(key) ?? name, decl);
      this.paramCache.set(key, info);
      return info;
    } finally {
      this.paramBusy.delete(key);
    }
  }

  /**
   * Evaluates the `outputs` section (output `copy` loops included, `condition: false` skipped).
   * `section` is another template's outputs evaluated in this scope: an inline nested template
   * with outer expression scope has its own outputs, whose expressions see the parent's
   * parameters, variables and functions.
   */
  outputs(section?: Located): OutputValue[] {
    // The template's own outputs are evaluated once: the lint evaluates them after the resources
    // (as ARM does, see Deployment.deployRoot), and `vtaplint eval` prints the same values.
    if (section === undefined) return (this.ownOutputs ??= this.evaluateOutputs(this.section('outputs')));
    return this.evaluateOutputs(section);
  }

  private evaluateOutputs(sec: Located | undefined): OutputValue[] {
    if (!sec || !isTObject(sec.node)) return [];
    const out: OutputValue[] = [];
    const obj = sec.node;
    for (const name of Object.keys(obj)) {
      const decl = childOf(sec as Located<TObject>, name) as Located;
      if (!isTObject(decl.node)) {
        this.diagnostics.add({ code: 'invalid-template', message: `The output '${name}' must be an object.`, span: decl.span });
        continue;
      }
      const d = decl as Located<TObject>;
      const type = this.declaredType(d);
      const cond = childOf(d, 'condition');
      let certain = true;
      let condition: Unknown | undefined;
      if (cond) {
        const c = this.base.node(cond.node, cond.span);
        if (c === false) continue;
        certain = c === true;
        if (c instanceof Unknown) condition = c;
      }
      let value: Value;
      const copy = childOf(d, 'copy');
      const val = childOf(d, 'value');
      // An output whose condition is only known at deployment may not be evaluated by ARM: what
      // its value's evaluation finds is not reported (the value still shows, as unknown parts).
      const mark = certain ? undefined : this.diagnostics.mark();
      if (copy && isTObject(copy.node)) {
        value = this.base.copyArray(copy as Located<TObject>, undefined, true);
      } else if (val) value = this.base.node(val.node, val.span);
      else value = null;
      if (mark !== undefined) this.diagnostics.rollBack(mark);
      // A type vtaplint could not work out (a Bicep resource-derived type, see TYPE_NOT_KNOWN) is never held against the value.
      else if (!(TYPE_NOT_KNOWN in d.node)) this.checkOutputType(name, value, type, (copy ?? val)?.span ?? decl.span);
      if (type && SECURE_TYPES.has(type.toLowerCase())) value = new Unknown({ code: 'secure', message: `the secure output '${name}' is never shown`, span: decl.span });
      out.push({ name, type, value, span: decl.span, valueSpan: (copy ?? val)?.span ?? decl.span, ...(condition ? { condition } : {}) });
    }
    return out;
  }

  /**
   * An output's value of another JSON type than its declared one: ARM evaluates the outputs after
   * the resources deploy, and the deployment then fails ("The template output 'x' is not valid:
   * Template output JToken type is not valid"). A value only known at deployment, null (a
   * nullable output, languageVersion 2.0), and a scalar ARM may convert (1 for a string: the
   * quickstart diskpool-create-entry-level deploys a string parameter defaulting to 1 and
   * outputs it as a string) are not judged.
   */
  private checkOutputType(name: string, value: Value, type: string | undefined, span: Span): void {
    const expected = expectedTypeName(type);
    if (!expected || value === null || value instanceof Unknown) return;
    const got = typeName(value);
    if (got === expected || convertible(value, expected)) return;
    this.diagnostics.add({
      code: 'evaluation-error',
      message: `The template output '${name}' is not valid: Template output JToken type is not valid (it is declared '${type}', and its value is of type '${got}'); ARM evaluates the outputs after the resources deploy, and the deployment then fails.`,
      span,
    });
  }

  // ---- Internals ----

  /** A section of the template (case-insensitive name). */
  section(name: string): Located | undefined {
    return this.template ? childOf(this.template, name) : undefined;
  }

  /**
   * The type of a parameter or output declaration: its `type`, or that of the node its `$ref`
   * names ("#/definitions/name", as Bicep writes a user-defined type, or a pointer into one:
   * "#/definitions/foo/properties/bar"), followed through nodes that refer on (ARM reads the
   * definition: a securestring definition makes the parameter or output secure).
   */
  private declaredType(d: Located<TObject>): string | undefined {
    for (const node of typeChain(this.template?.node, d.node)) {
      const t = ownProp(node, 'type');
      if (typeof t === 'string') return t;
    }
    return undefined;
  }

  /**
   * A constraint of a parameter declaration (allowedValues, minValue, maxLength, ...): its own, or
   * that of the node its `$ref` names, followed as declaredType follows it (languageVersion
   * 2.0 user types: ARM checks the value against the definition's constraints too).
   */
  private declaredConstraint(d: Located<TObject>, key: string): Located | undefined {
    const chain = typeChain(this.template?.node, d.node);
    for (let i = 0; i < chain.length; i++) {
      const node = chain[i] as TObject;
      const k = ownKey(node, key);
      if (k === undefined) continue;
      // The declaration's own constraint has its span; a definition's is found by its pointer.
      const at: Located<TObject> = i === 0 ? d : (this.locatedRef(chain[i - 1] as TObject) ?? { node, span: d.span });
      return childOf(at, k);
    }
    return undefined;
  }

  /** The node `from.$ref` names, with its span (each segment's span, as childOf gives it). */
  private locatedRef(from: TObject): Located<TObject> | undefined {
    const ref = ownProp(from, '$ref');
    if (typeof ref !== 'string' || !ref.startsWith('#/') || !this.template) return undefined;
    let at: Located = this.template;
    for (const raw of ref.slice(2).split('/')) {
      const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const next: Located | undefined = Array.isArray(at.node)
        ? /^\d+$/.test(seg) && Number(seg) < at.node.length ? { node: at.node[Number(seg)] as TNode, span: at.span.child(at.node, Number(seg)) } : undefined
        : isTObject(at.node) ? childOf(at as Located<TObject>, seg) : undefined;
      if (!next) return undefined;
      at = next;
    }
    return isTObject(at.node) ? (at as Located<TObject>) : undefined;
  }

  private computeParameter(name: string, decl: Located): ParameterInfo {
    const span = decl.span;
    if (!isTObject(decl.node)) {
      this.diagnostics.add({ code: 'invalid-template', message: `The parameter '${name}' must be an object.`, span });
      return { name, type: undefined, value: null, allowedValues: undefined, source: 'none', span, valueSpan: undefined };
    }
    const d = decl as Located<TObject>;
    const type = this.declaredType(d);
    const secure = type !== undefined && SECURE_TYPES.has(type.toLowerCase());
    const allowedNode = this.declaredConstraint(d, 'allowedValues');
    let allowedValues: Value[] | undefined;
    if (allowedNode) {
      const a = this.base.node(allowedNode.node, allowedNode.span);
      if (Array.isArray(a)) allowedValues = a;
    }
    let supplied = this.supplied.get(name.toLowerCase());
    // ARM reads a null given to a parameter that has a defaultValue as no value: the default is
    // used (a Bicep module passes tryGet(item, 'protocol') to `param protocol string = 'Tcp'`, and
    // the compiled JSON passes { "value": "[tryGet(...)]" }). Only a parameter without a default
    // takes the null (a nullable one). A -p value is text the CLI converts, never this null.
    if (supplied && supplied.value === null && supplied.text === undefined && !this.unreadValues && childOf(d, 'defaultValue')) supplied = undefined;
    if (supplied) {
      let value = supplied.value;
      if (secure || isKeyVaultReference(value) || (value instanceof Unknown && value.reason.code === 'secure')) {
        // Never shown, but checked as ARM checks any value: its type, allowedValues and length
        // (messages that say nothing of the value itself).
        if (secure && !isKeyVaultReference(value) && !(TYPE_NOT_KNOWN in d.node)) this.checkSecure(name, supplied, type, allowedValues, d, supplied.span ?? span);
        value = secureUnknown(name, supplied.span ?? span);
      } else {
        // A value of the wrong type is reported once, not again for its allowedValues or bounds.
        // A type vtaplint could not work out (see TYPE_NOT_KNOWN) is never held against a value.
        let typeOk = !supplied.typeChecked || TYPE_NOT_KNOWN in d.node || this.checkType(name, value, type, supplied.span ?? span);
        const converted = supplied.text !== undefined ? commandLineValue(supplied.text, value, type) : undefined;
        value = coerce(converted ? converted.value : value, type);
        // A -p value the Azure CLI cannot convert ('abc' or '3.0' for an int, text that is neither
        // JSON nor a Python literal for an object) stops it; one it converts to the wrong type (an
        // object for an array) is rejected as ARM rejects it: here, not where it is read.
        if (converted?.problem !== undefined && !(TYPE_NOT_KNOWN in d.node)) {
          this.diagnostics.add({ code: 'evaluation-error', message: `-p ${name}=${supplied.text}: ${converted.problem}`, span });
          typeOk = false;
        } else if (supplied.text !== undefined && !(TYPE_NOT_KNOWN in d.node) && unconvertibleDefault(value, type)) {
          typeOk = this.checkType(name, value, type, supplied.span ?? span);
        }
        if (boolTextNotBoolean(supplied.text, type)) {
          this.diagnostics.add({
            code: 'evaluation-error',
            level: 'warning',
            message: `-p ${name}=${supplied.text}: the Azure CLI gives a bool parameter true only for the text 'true' (any case), so the deployment gets false; write -p ${name}=true or -p ${name}=false.`,
            span,
          });
        }
        // A nullable parameter (languageVersion 2.0: its own `nullable` or its definition's) takes
        // null whatever its allowedValues (AVM's subnet module passes tryGet(subnet, 'sharingScope')
        // to a nullable parameter allowed 'DelegatedServices' or 'Tenant').
        const nullOk = value === null && this.isNullable(d.node);
        if (typeOk && !nullOk) {
          const at = supplied.span ?? span;
          // The top level first, then (when it is right) the parts below it: one report per mistake.
          if (this.checkAllowed(name, value, allowedValues, at) && this.checkBounds(name, value, d, at)) this.checkParts(name, value, d, at);
        } else if (!typeOk) {
          // ARM stops at the value; read on, it only made errors that follow from this one (an
          // int output of a string, a condition that is no bool).
          value = new Unknown({ code: 'error', message: `the value given to the parameter '${name}' is rejected (see the error there)`, span: supplied.span ?? span, rejected: true });
        }
        // A value supplied to the root template that is itself unknown (an unset environment
        // variable in a .bicepparam file) is one value wherever the parameter is read: it gets
        // the parameter's symbol, so that two uses of it compare equal, as they do for a
        // parameter with no value. (A module's parameters keep the value its parent passes.)
        // An integer beyond 2^53 whose digits are known is a value, kept as it is (a copy as a
        // plain unknown lost its digits: eval printed a supplied 9007199254740993 as unknown).
        if (value instanceof Unknown && !(value instanceof InexactInteger && value.exact !== undefined) && value.symbol === undefined && this.symbolPrefix === '') {
          value = new Unknown(value.reason, value.type, value.parts, `parameters('${name}')`, value.about, value.oneOf);
        }
        value = amongAllowed(value, allowedValues, type);
      }
      return { name, type, value, allowedValues, source: 'supplied', span, valueSpan: supplied.span };
    }
    const unread = this.unreadValues;
    const def = unread ? undefined : childOf(d, 'defaultValue');
    if (def) {
      if (secure) return { name, type, value: secureUnknown(name, def.span), allowedValues, source: 'default', span, valueSpan: def.span };
      const raw = this.base.node(def.node, def.span);
      const value = coerce(raw, type);
      // No value was supplied, so the default is the value: ARM checks it as it checks a supplied
      // one ("The provided value for the template parameter 'location' ... is not valid" for a
      // default outside allowedValues), at the default. Its type is held against it where ARM
      // does not convert it: a string for an int or a bool ("five", "5", "true"), a composite for
      // a scalar; a number or bool for a string is (1 for a string with allowedValues
      // ['1', '2', '3'] is checked as "1"). An empty string for a string is left alone
      // (templates deployed only with a value write "" for "no default", and allowedValues
      // without it), and so is a type not worked out. For an object, array, int or bool, "" is
      // a string ARM does not take ("The provided value for the template parameter 'x' is not
      // valid") when the default is the value.
      // A nullable parameter (languageVersion 2.0) takes a null default whatever its allowedValues
      // (Bicep `param p ('a' | 'b')? = null`), as it takes a supplied null.
      const nullOk = value === null && this.isNullable(d.node);
      if ((value !== '' || !stringType(type)) && !nullOk && !(TYPE_NOT_KNOWN in d.node)) {
        // A string for an int or a bool ("5", "true") is held against it as written: ARM does not
        // convert a default ("The provided value for the template parameter ... is not valid" for
        // a bool defaulting to "true", MicrosoftDocs/azure-docs#38949); the value read on is the
        // converted one, so that what follows is judged as the author meant it.
        const checked = type?.toLowerCase() === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : typeof raw === 'string' ? raw : value;
        const typeOk = !unconvertibleDefault(checked, type) || this.checkType(name, checked, type, def.span);
        if (typeOk && this.checkAllowed(name, checked, allowedValues, def.span) && this.checkBounds(name, checked, d, def.span)) this.checkParts(name, checked, d, def.span);
      }
      return { name, type, value: amongAllowed(value, allowedValues, type), allowedValues, source: 'default', span, valueSpan: def.span };
    }
    if (secure) return { name, type, value: secureUnknown(name, span), allowedValues, source: 'none', span, valueSpan: undefined };
    if (!unread && this.isNullable(d.node)) return { name, type, value: null, allowedValues, source: 'none', span, valueSpan: undefined };
    // An int parameter's maxValue bounds whatever value the deployment supplies (ARM rejects a larger
    // one); so does an array parameter's maxLength its length (a loop over it: length(items)).
    const maxNode = type?.toLowerCase() === 'int' ? this.declaredConstraint(d, 'maxValue') : type?.toLowerCase() === 'array' ? this.declaredConstraint(d, 'maxLength') : undefined;
    const max = maxNode ? this.base.node(maxNode.node, maxNode.span) : undefined;
    const value = new Unknown(
      unread
        ? 'reason' in unread
          ? unread.reason
          : { code: 'not-fetched', message: `the parameter '${name}' gets its value from ${unread.what}, which is never fetched`, span: unread.span }
        : { code: 'parameter-without-value', message: `the parameter '${name}' has no value (no default, parameters file or -p value)`, span },
      paramType(type),
      undefined,
      // As declared (`name` is the declaration's, whatever case a call writes): one parameter is
      // one symbol, and messages show it as the template writes it ({parameters('nicName')}).
      `${this.symbolPrefix}parameters('${name}')`,
      undefined,
      allowedValues,
      typeof max === 'number' && Number.isFinite(max) ? max : undefined,
    );
    return { name, type, value, allowedValues, source: 'none', span, valueSpan: undefined };
  }

  /**
   * A value given to a securestring or secureObject parameter: its type (from a file, or as the
   * CLI converts -p text), then allowedValues and minLength/maxLength, whose messages give
   * lengths, never the value. ARM checks secure parameters like any other.
   */
  private checkSecure(name: string, supplied: SuppliedParameter, type: string | undefined, allowed: Value[] | undefined, d: Located<TObject>, span: Span): void {
    const converted = supplied.text !== undefined ? commandLineValue(supplied.text, supplied.value, type) : undefined;
    if (converted?.problem !== undefined) {
      // The text is the secret: the message names the parameter only.
      this.diagnostics.add({ code: 'evaluation-error', message: `-p ${name}: ${converted.problem}`, span });
      return;
    }
    const value = converted ? converted.value : supplied.value;
    if (value === null || value instanceof Unknown) return;
    if ((supplied.typeChecked || supplied.text !== undefined) && !this.checkType(name, value, type, span)) return;
    if (this.checkAllowed(name, value, allowed, span)) this.checkBounds(name, value, d, span);
  }

  /** A supplied value whose JSON type is not the declared type (see SuppliedParameter.typeChecked). */
  private checkType(name: string, value: Value, type: string | undefined, span: Span): boolean {
    const expected = expectedTypeName(type);
    // null: a nullable parameter (languageVersion 2.0) takes it, and older ARM reads it as no value.
    if (!expected || value === null || value instanceof Unknown) return true;
    const got = typeName(value);
    if (got === expected) return true;
    this.diagnostics.add({
      code: 'evaluation-error',
      message: `The provided value for the template parameter '${name}' is not valid. Expected a value of type '${expected}', but received a value of type '${got}'.`,
      span,
    });
    return false;
  }

  /**
   * minValue / maxValue (int) and minLength / maxLength (string, array), which ARM checks for
   * every value given to a parameter before it deploys anything. False when one is broken.
   */
  private checkBounds(name: string, value: Value, d: Located<TObject>, span: Span): boolean {
    const boundOf = (key: string): Value | undefined => {
      const c = this.declaredConstraint(d, key);
      return c ? this.base.node(c.node, c.span) : undefined;
    };
    // An integer beyond 2^53 (the value or a bound) is compared exactly, when its digits are known.
    const exact = exactIntegerOf(value);
    const inexact = value instanceof InexactInteger || ['minValue', 'maxValue'].some((k) => boundOf(k) instanceof InexactInteger);
    if (value instanceof Unknown && exact === undefined) return true;
    const why = inexact && exact !== undefined
      ? exactBoundsProblem(exact, (key) => exactIntegerOf(boundOf(key)))
      : boundsProblem(value, (key) => {
          const v = boundOf(key);
          return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
        });
    if (why) this.diagnostics.add({ code: 'evaluation-error', message: `The provided value for the template parameter '${name}' is not valid: ${why}.`, span });
    return why === undefined;
  }

  /** allowedValues (an array parameter: any subset of them). False when the value is not allowed. */
  private checkAllowed(name: string, value: Value, allowed: Value[] | undefined, span: Span): boolean {
    if (!allowed || value instanceof Unknown) return true;
    // An array parameter with allowedValues allows any subset of them.
    const ok = Array.isArray(value) && !allowed.some((a) => Array.isArray(a))
      ? value.every((v) => allowed.some((a) => matchesAllowed(a, v)))
      : allowed.some((a) => matchesAllowed(a, value));
    if (!ok) {
      this.diagnostics.add({
        code: 'evaluation-error',
        message: `The provided value for the template parameter '${name}' is not valid: it is not one of the allowedValues.`,
        span,
      });
    }
    return ok;
  }

  /**
   * The parts of a value below its top level (object properties, discriminated members, tuple
   * and array elements) against the structure of the declared type (see value-type.ts); each
   * problem is reported with its path, where that part was written.
   */
  private checkParts(name: string, value: Value, d: Located<TObject>, span: Span): void {
    if (!(value instanceof ObjectValue) && !Array.isArray(value)) return;
    const problems = checkStructure(value, d.node, this.template?.node, span, (n) => this.base.node(n, d.span));
    for (const p of problems) {
      this.diagnostics.add({
        code: 'evaluation-error',
        message: `The provided value for the template parameter '${name}' is not valid${p.path ? ` at '${name}${p.path}'` : ''}: ${p.why}.`,
        span: p.span,
      });
    }
  }

  private variableValue(name: string, span: Span): Value {
    const key = name.toLowerCase();
    const cached = this.varCache.get(key);
    if (cached !== undefined) {
      const reads = this.varReads.get(key);
      if (reads) for (const r of reads) this.noteRead(r);
      return cached;
    }
    const sec = this.section('variables');
    const found = sec && isTObject(sec.node) ? this.findVariable(sec as Located<TObject>, name) : undefined;
    if (!found) {
      const message = notFoundMessage('variables', name, this.variableNames());
      this.diagnostics.add({ code: 'evaluation-error', message, span });
      return new Unknown({ code: 'error', message, span });
    }
    const at = this.varStack.findIndex((v) => v.toLowerCase() === key);
    if (at >= 0) {
      const cycle = [...this.varStack.slice(at), name].join(' -> ');
      const message = `The variables form a cycle: ${cycle}.`;
      this.diagnostics.add({ code: 'invalid-template', message, span: found.span });
      return new Unknown({ code: 'error', message, span: found.span });
    }
    this.varStack.push(name);
    let value: Value;
    let reads: ReadonlySet<string>;
    try {
      ({ value, reads } = this.collectReads(() =>
        found.copy ? this.base.copyArray(found as Located<TObject>, found.copyName, false) : this.base.node(found.node, found.span),
      ));
    } finally {
      this.varStack.pop();
    }
    this.varCache.set(key, value);
    if (reads.size) this.varReads.set(key, reads);
    for (const r of reads) this.noteRead(r);
    return value;
  }

  /** The variables section by lower-cased name (built on first use: a lookup per name would be quadratic). */
  private varIndex: Map<string, Located & { copy?: boolean; copyName?: string }> | undefined;

  private findVariable(sec: Located<TObject>, name: string): (Located & { copy?: boolean; copyName?: string }) | undefined {
    if (!this.varIndex) {
      const index = new Map<string, Located & { copy?: boolean; copyName?: string }>();
      for (const k of Object.keys(sec.node)) {
        const node = sec.node[k] as TNode;
        if (k.toLowerCase() === 'copy' && Array.isArray(node)) {
          for (let i = 0; i < node.length; i++) {
            const e = node[i] as TNode;
            const n = isTObject(e) ? own(e, 'name') : undefined;
            if (typeof n === 'string' && !index.has(n.toLowerCase())) {
              index.set(n.toLowerCase(), { node: e, span: sec.span.child(sec.node, k).child(node, i), copy: true, copyName: n });
            }
          }
        } else if (!index.has(k.toLowerCase())) index.set(k.toLowerCase(), { node, span: sec.span.child(sec.node, k) });
      }
      this.varIndex = index;
    }
    return this.varIndex.get(name.toLowerCase());
  }

  private indexFunctions(): void {
    const sec = this.section('functions');
    if (!sec || !Array.isArray(sec.node)) return;
    sec.node.forEach((nsNode, i) => {
      if (!isTObject(nsNode)) return;
      const nsLoc: Located<TObject> = { node: nsNode, span: sec.span.child(sec.node as TNode[], i) };
      const ns = childOf(nsLoc, 'namespace')?.node;
      const members = childOf(nsLoc, 'members');
      if (typeof ns !== 'string' || !members || !isTObject(members.node)) return;
      for (const fname of Object.keys(members.node)) {
        const f = members.node[fname] as TNode;
        if (isTObject(f)) this.functions.set(`${ns.toLowerCase()}.${fname.toLowerCase()}`, { node: f, span: members.span.child(members.node, fname), name: `${ns}.${fname}` });
      }
    });
  }

  /** The user-defined function `ns.name`, bound to this scope. */
  lookupUserFunction(ns: string, name: string): UserFunction | undefined {
    const f = this.functions.get(`${ns.toLowerCase()}.${name.toLowerCase()}`);
    if (!f) return undefined;
    const loc: Located<TObject> = { node: f.node, span: f.span };
    const paramsNode = childOf(loc, 'parameters');
    const params: string[] = [];
    if (paramsNode && Array.isArray(paramsNode.node)) {
      for (const p of paramsNode.node) if (isTObject(p) && typeof own(p, 'name') === 'string') params.push(own(p, 'name') as string);
    }
    const output = childOf(loc, 'output');
    const valueNode = output && isTObject(output.node) ? childOf(output as Located<TObject>, 'value') : undefined;
    return {
      name: f.name,
      minArgs: params.length,
      maxArgs: params.length,
      invoke: (args: Value[], span: Span): Value => {
        if (!valueNode) {
          const message = `The user-defined function '${f.name}' has no output value.`;
          this.diagnostics.add({ code: 'invalid-template', message, span: f.span });
          return new Unknown({ code: 'error', message, span });
        }
        const bound = new Map<string, Value>();
        params.forEach((p, i) => bound.set(p.toLowerCase(), (args[i] ?? null) as Value));
        return new NodeContext(this, undefined, { name: f.name, args: bound }).node(valueNode.node, valueNode.span);
      },
    };
  }
}

/** Arguments of the user-defined function being evaluated. */
interface FunctionFrame {
  name: string;
  args: Map<string, Value>;
}

/** The context of one evaluation: the scope plus the copy loops / function call it is inside. */
class NodeContext implements EvalContext {
  /** Set by TemplateScope.inLoop while it evaluates a loop expression that varies as a whole. */
  invariants: InvariantParts | undefined = undefined;

  constructor(
    private readonly scope: TemplateScope,
    private readonly loops: LoopFrame | undefined,
    private readonly fn: FunctionFrame | undefined,
  ) {}

  get diagnostics(): DiagnosticSink {
    return this.scope.diagnostics;
  }

  get budget(): Budget {
    return this.scope.budget;
  }

  get deploymentContext(): DeploymentContext {
    return this.scope.deploymentContext;
  }

  /** Copy loop elements and user-defined function calls evaluate the same strings again and again. */
  get repeats(): boolean {
    return this.loops !== undefined || this.fn !== undefined;
  }

  private fail(message: string, span: Span): Unknown {
    this.scope.diagnostics.add({ code: 'evaluation-error', message, span });
    return new Unknown({ code: 'error', message, span });
  }

  parameter(name: string, span: Span): Value {
    if (this.fn) {
      const key = name.toLowerCase();
      if (this.fn.args.has(key)) return this.fn.args.get(key) as Value;
      return this.fail(`The user-defined function '${this.fn.name}' has no parameter '${name}' (functions can't use template parameters).`, span);
    }
    return this.scope.parameter(name, span);
  }

  /**
   * A template variable, also inside a user-defined function: ARM allows that since the release
   * Bicep 0.29 waited for (Azure.Deployments 1.65, Bicep PR #14531), and Bicep compiles a
   * function that uses a variable to `variables('x')` in the function's body. Parameters stay
   * out of reach (a function has only its own).
   */
  variable(name: string, span: Span): Value {
    return this.scope.variable(name, span);
  }

  declares(kind: 'parameter' | 'variable', name: string): boolean {
    if (this.fn && kind === 'parameter') return this.fn.args.has(name.toLowerCase());
    return this.scope.declares(kind, name);
  }

  copyIndex(loopName: string | undefined, span: Span): Value {
    const lower = loopName?.toLowerCase();
    for (let f = this.loops; f; f = f.parent) {
      if (lower === undefined ? f.isDefault : f.name?.toLowerCase() === lower) return f.index;
    }
    return this.fail(
      loopName === undefined
        ? "The template function 'copyIndex' is not expected at this location (it is not inside a copy loop)."
        : `The template function 'copyIndex' refers to the copy loop '${loopName}', which does not enclose it.`,
      span,
    );
  }

  userFunction(ns: string, name: string): UserFunction | undefined {
    return this.scope.lookupUserFunction(ns, name);
  }

  readTraced(obj: TracedObject, property: string): void {
    this.scope.readTraced(obj, property);
  }

  runtime(fn: string, args: Value[], span: Span): Value | undefined {
    return this.scope.runtime(fn, args, span);
  }

  private withLoop(name: string | undefined, index: number | Unknown, isDefault: boolean): NodeContext {
    return new NodeContext(this.scope, { name, index, isDefault, parent: this.loops }, this.fn);
  }

  /** Evaluates a template value tree. */
  node(n: TNode, span: Span): Value {
    if (!this.budget.step()) {
      // What needs no evaluation does not depend on the budget: literals keep their value (a
      // literal 'type' must not become "not a literal"), and syntax errors are still reported.
      if (n === null || typeof n === 'number' || typeof n === 'boolean') return n;
      if (typeof n === 'string' && (!isExpressionString(n) || parseTemplateString(n, this.budget.parseLimits).kind === 'error')) {
        return evaluateString(n, span, this);
      }
      const message = `Evaluation stopped after ${this.budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
      if (this.budget.firstExhaustion()) this.diagnostics.add({ code: 'limit-exceeded', message, span });
      return new Unknown({ code: 'limit', message, span });
    }
    if (typeof n === 'string') {
      if (!isExpressionString(n)) return this.observed(evaluateString(n, span, this), span, false);
      return this.expression(n, span);
    }
    // A JSON integer beyond 2^53 was rounded when the file was read: unknown, not that number,
    // with the digits written when the span is that literal's.
    if (isInexactInteger(n)) return inexactInteger(n, span, writtenInteger(span, n));
    if (n === null || typeof n === 'number' || typeof n === 'boolean') return n;
    if (n instanceof TExpr) return this.expression(n, span);
    if (Array.isArray(n)) {
      // Sized up front: an array grown by push() from [] reserves 17 slots, and evaluated arrays
      // (one-element ones mostly) are kept with their resource.
      const out = new Array<Value>(n.length);
      for (let i = 0; i < n.length; i++) {
        const item = n[i] as TNode;
        // Literals need no span to be evaluated; theirs is derived when a finding asks (setElementOrigin).
        out[i] = this.node(item, needsOwnSpan(item) ? span.child(n, i) : span);
      }
      setElementOrigin(out, n, span);
      return this.withinNodes(out, span);
    }
    return this.withinNodes(this.object(n, span), span);
  }

  /** An array or object of the template whose elements are values too large through all their levels (see valueNodes). */
  private withinNodes(v: Value[] | ObjectValue, span: Span): Value {
    const max = this.budget.limits.maxValueNodes;
    if (valueNodes(v) <= max) return v;
    const message = valueNodesMessage(max);
    this.diagnostics.add({ code: 'limit-exceeded', message, span });
    return new Unknown({ code: 'limit', message, span });
  }

  /**
   * An expression: in a copy loop (outside user-defined functions) through the loop-invariant
   * memo, which knows an expression string by its span only when the span is stable.
   */
  private expression(n: string | TExpr, span: Span): Value {
    const memo = this.loops !== undefined && this.fn === undefined && (typeof n !== 'string' || span.stable);
    return this.observed(memo ? this.scope.inLoop(n, span, this) : this.scope.evaluateTraced(n, span, this), span, true);
  }

  private observed(v: Value, span: Span, isExpression: boolean): Value {
    if (isExpression) this.scope.observer?.(v, span);
    return v;
  }

  private object(o: TObject, span: Span): ObjectValue {
    const keys = Object.keys(o);
    const out = new ObjectValue(keys.length);
    out.span = span;
    out.origin = { container: o, span };
    for (const k of keys) {
      const child = o[k] as TNode;
      const isCopy = k.length === 4 && k.toLowerCase() === 'copy';
      // Spans of literal values are derived when a finding asks for them (ObjectValue.origin).
      const vspan = isCopy || needsOwnSpan(child) ? span.child(o, k) : span;
      // A property `copy` array makes one array property per entry (ARM property iteration); its
      // keys are ARM's, read in any letter case ("Input", as "Copy" is).
      if (isCopy && Array.isArray(child) && child.length > 0 && child.every((e) => isTObject(e) && ownProp(e, 'input') !== undefined)) {
        child.forEach((e, i) => {
          const eloc: Located<TObject> = { node: e as TObject, span: vspan.child(child, i) };
          const nameNode = childOf(eloc, 'name');
          const nm = nameNode ? this.node(nameNode.node, nameNode.span) : undefined;
          if (typeof nm !== 'string') {
            this.diagnostics.add({ code: 'invalid-template', message: 'A property copy loop needs a string name.', span: eloc.span });
            return;
          }
          out.set(nm, this.copyArray(eloc, nm, false), eloc.span, nameNode?.span);
        });
        continue;
      }
      let key = k;
      if (k.length >= 2 && k.startsWith('[') && k.endsWith(']') && !k.startsWith('[[')) {
        const kspan = span.keySpan(o, k);
        const kv = this.observed(evaluateString(k, kspan, this), kspan, true);
        if (typeof kv === 'string') key = kv;
        else if (kv instanceof Unknown) key = unknownPropertyName(kv) ?? k;
        else {
          this.diagnostics.add({ code: 'evaluation-error', message: `A property name must be a string; the expression gives a value of type '${typeName(kv)}'.`, span: kspan });
        }
        // An unknown property name is its symbolic text (unknownPropertyName), else its expression text.
      } else if (k.startsWith('[[')) key = k.slice(1);
      out.setFromTemplate(key, this.node(child, vspan), k);
    }
    return out;
  }

  /**
   * Evaluates a copy loop `{name?, count, input}` into an array; `copyIndex(name)` (and, for
   * output loops, `copyIndex()`) inside `input` is the element index.
   */
  copyArray(loop: Located<TObject>, name: string | undefined, isDefault: boolean): Value {
    const countNode = childOf(loop, 'count');
    const input = childOf(loop, 'input');
    if (!countNode || !input) {
      const message = "A copy loop needs 'count' and 'input'.";
      this.diagnostics.add({ code: 'invalid-template', message, span: loop.span });
      return new Unknown({ code: 'error', message, span: loop.span });
    }
    const count = this.node(countNode.node, countNode.span);
    if (count instanceof InexactInteger) {
      const { text, negative } = countBeyondExactNumbers(count, countNode.node);
      const message = negative ? `The copy count must be a non-negative integer; it is ${text}.` : `The copy count ${text} exceeds ARM's limit of ${ARM_MAX_COPY}.`;
      this.diagnostics.add({ code: 'evaluation-error', message, span: countNode.span });
      return new Unknown({ code: 'error', message, span: countNode.span });
    }
    if (count instanceof Unknown) return new Unknown(count.reason, 'array');
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      const message = `The copy count must be a non-negative integer; it is ${typeof count === 'number' ? count : `of type '${typeName(count)}'`}.`;
      this.diagnostics.add({ code: 'evaluation-error', message, span: countNode.span });
      return new Unknown({ code: 'error', message, span: countNode.span });
    }
    if (count > ARM_MAX_COPY) {
      const message = `The copy count ${count} exceeds ARM's limit of ${ARM_MAX_COPY}.`;
      this.diagnostics.add({ code: 'evaluation-error', message, span: countNode.span });
      return new Unknown({ code: 'error', message, span: countNode.span });
    }
    const max = this.budget.limits.maxCopyCount;
    if (count > max) {
      const message = `The copy count ${count} is more than ${max} (limit maxCopyCount); the loop is not analysed.`;
      this.diagnostics.add({ code: 'limit-exceeded', message, span: countNode.span });
      return new Unknown({ code: 'limit', message, span: countNode.span }, 'array');
    }
    const out: Value[] = [];
    const spans: Span[] = [];
    // Every element evaluates the same input: they share its spans, not a copy each.
    const inputSpan = count > 1 ? input.span.shared() : input.span;
    for (let i = 0; i < count; i++) {
      // Once the step budget is spent every element would be the same 'limit' unknown: stop.
      if (this.budget.exhausted) {
        const message = `Evaluation stopped after ${this.budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
        if (this.budget.firstExhaustion()) this.diagnostics.add({ code: 'limit-exceeded', message, span: loop.span });
        return new Unknown({ code: 'limit', message, span: loop.span }, 'array');
      }
      out.push(this.withLoop(name, i, isDefault).node(input.node, inputSpan));
      spans.push(inputSpan);
    }
    setElementSpans(out, spans);
    return out;
  }
}

/** Whether an expression gives the same value in every instance of a copy loop: it never calls copyIndex(). */
function loopInvariant(node: string | TExpr, budget: Budget): boolean {
  const ast = node instanceof TExpr ? node.ast : parsedAst(node, budget);
  return ast === undefined || !callsCopyIndexIn(ast);
}

/** The syntax tree of an expression string (the parse cache's), or undefined for a literal or a syntax error. */
function parsedAst(s: string, budget: Budget): Expr | undefined {
  const p = parseTemplateString(s, budget.parseLimits);
  return p.kind === 'expr' ? p.ast : undefined;
}

/** An expression of a copy loop, with what is known of it for all copies (see TemplateScope.inLoop). */
interface LoopExpression {
  node: string | TExpr;
  span: Span;
  /** Whether it calls copyIndex(): its value differs from copy to copy. */
  varies: boolean;
  /** Its value in every copy, when it does not vary. */
  value: Value;
  /** Its parts that do not vary, when it does (null: none to keep, a literal or a syntax error). */
  parts: LoopInvariantParts | null | undefined;
}

/**
 * A `-p name=value` as the Azure CLI converts it for the parameter's declared type
 * (`_try_parse_key_value_object` in azure-cli's resource module): a string or securestring takes
 * the text as written (`-p prefix=10` is '10', `-p name='"x"'` keeps its quotes); a bool is true
 * when the text is 'true' in any case and false otherwise (`-p enabled=yes` deploys false); an
 * int is Python's int() of the text (`+2`, ` 2 `, `0_2` are 2; `3.0` and `1e3` fail); an object or
 * array is the text read as JSON, else as a Python literal. A parameter of no type vtaplint knows
 * keeps the text read as JSON. A text the CLI cannot convert (it stops before deploying) has a
 * `problem`, and its value is the text as it was read (for the type check, where the type is not
 * worked out).
 */
function commandLineValue(text: string, asJson: Value, type: string | undefined): { value: Value; problem?: string } {
  const t = type?.toLowerCase();
  switch (t) {
    case 'string':
    case 'securestring':
      return { value: text };
    case 'bool':
      return { value: text.toLowerCase() === 'true' };
    case 'int': {
      if (!PYTHON_INT.test(text)) return { value: text, problem: `the Azure CLI cannot make an int of the text (Python's int(): "invalid literal for int() with base 10"), so the deployment does not start; give whole digits.` };
      const exact = BigInt(text.trim().replace(/_/g, ''));
      const n = Number(exact);
      return { value: Number.isSafeInteger(n) ? n : inexactInteger(n, undefined, exact) };
    }
    case 'object':
    case 'array':
    case 'secureobject': {
      if (parsesAsJson(text)) return { value: asJson };
      const v = parsePythonLiteral(text);
      if (v !== undefined) return { value: fromJson(v) };
      return {
        value: asJson,
        problem: `the Azure CLI reads the value of ${t === 'array' ? 'an array' : 'an object'} parameter as JSON (or a Python literal) and this text is neither, so the deployment does not start; write it as JSON (quote it for the shell).`,
      };
    }
    default:
      return { value: asJson };
  }
}

/** What Python's int() takes: white space around, a sign, decimal digits with single underscores between them. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** A -p text for a bool that the CLI reads as neither 'true' nor 'false' (it deploys false). */
function boolTextNotBoolean(text: string | undefined, type: string | undefined): boolean {
  return text !== undefined && type?.toLowerCase() === 'bool' && !/^(true|false)$/i.test(text);
}

/**
 * A default value (after coerce) of a type ARM cannot convert to the declared one: a string that
 * is no number for an int or no boolean for a bool, an object or array for a scalar, a scalar for
 * an array. Other mismatches (1 for a string, "" for an object) are left alone: deployed
 * quickstarts have them, and how ARM converts them is not certain.
 */
function unconvertibleDefault(v: Value, type: string | undefined): boolean {
  if (v === null || v instanceof Unknown) return false;
  const t = type?.toLowerCase();
  const composite = typeof v === 'object';
  if (t === 'int' || t === 'bool') return typeof v === 'string' || composite;
  if (t === 'string') return composite;
  if (t === 'array') return !Array.isArray(v);
  if (t === 'object') return !(v instanceof ObjectValue);
  return false;
}

/** A parameter declared a string (or securestring), or of no declared type: "" is its value. */
function stringType(type: string | undefined): boolean {
  const t = type?.toLowerCase();
  return t === undefined || t === 'string' || t === 'securestring';
}

function coerce(v: Value, type: string | undefined): Value {
  if (!type || v instanceof Unknown) return v;
  const t = type.toLowerCase();
  if (t === 'int' && typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  if (t === 'bool' && typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return v;
}

/**
 * A scalar that converts to the output type without loss (an integer or bool as a string, '42' as
 * an int, 'true' as a bool): whether ARM converts it or rejects it is not certain, so an output
 * with one is not reported.
 */
function convertible(v: Value, expected: string): boolean {
  if (expected === 'String') return typeof v === 'number' || typeof v === 'boolean';
  if (expected === 'Integer') return typeof v === 'string' && /^-?\d+$/.test(v.trim());
  if (expected === 'Boolean') return typeof v === 'string' && /^(true|false)$/i.test(v.trim());
  return false;
}

function paramType(type: string | undefined): Exclude<ValueType, 'unknown'> | undefined {
  switch (type?.toLowerCase()) {
    case 'string':
      return 'string';
    case 'int':
      return 'int';
    case 'bool':
      return 'bool';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}

/** The names a `variables` section declares: its keys, and the names of its `copy` array's loops. */
/**
 * ARM's error for parameters('x') / variables('x') of a name the template does not declare, with
 * the declared name spelt alike when there is one (the check of the template and the evaluator
 * give the same text, so an error found both ways is reported once).
 */
export function notFoundMessage(kind: 'parameters' | 'variables', name: string, declared: readonly string[]): string {
  const near = suggestion(name, declared);
  return `The template ${kind === 'parameters' ? 'parameter' : 'variable'} '${name}' is not found.${near ? ` Did you mean '${near}'?` : ''}`;
}

export function declaredVariableNames(section: TObject): string[] {
  return declaredVariables(section).map(([name]) => name);
}

/** An integer value exactly: a JS integer, or an integer beyond 2^53 whose digits are known. */
function exactIntegerOf(v: Value | undefined): bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  return v instanceof InexactInteger ? v.exact : undefined;
}

/**
 * A parameter's value known only at deployment, when the parameter has allowedValues: one of
 * them, whatever made it (ARM checks a default such as `resourceGroup().location` against them as
 * it checks a supplied value, and fails the deployment otherwise), so rules can still decide
 * (`@allowed(['eastus', 'uksouth']) param location string = resourceGroup().location`). Not for
 * an array parameter (its allowedValues allow any subset), nor a value that already says what it
 * can be.
 */
function amongAllowed(value: Value, allowed: Value[] | undefined, type: string | undefined): Value {
  if (!allowed || allowed.length === 0 || !(value instanceof Unknown) || value.constructor !== Unknown || value.oneOf || value.branches) return value;
  if (type?.toLowerCase() === 'array' || value.reason.code === 'secure') return value;
  return new Unknown(value.reason, value.type, value.parts, value.symbol, value.about, allowed, value.atMost, undefined, undefined, value.test, value.choice, value.contains, value.atLeast);
}
