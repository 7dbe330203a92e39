// Checks every expression of an ARM JSON template without evaluating it: syntax, function names
// and arities, and parameters('x') / variables('x') of names the template does not declare; and
// its type references (check-type-refs.ts).
//
// Why: evaluation is lazy (a resource body is evaluated only when a rule reads it), but ARM
// rejects a template with any of these wherever they are, whatever the parameters. The messages
// and spans are the evaluator's, so a problem found both ways is one finding (DiagnosticSink).
import type { DiagnosticSink } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import { forEachUserFunction, isTObject, ownProp, type TNode, type TObject } from '../model/template.js';
import { staticFacts, syntaxDiagnostic } from '../expr/check.js';
import { DEPLOYMENTS } from './resources.js';
import { declaredVariableNames, notFoundMessage } from './scope.js';
import { checkTypeRefs } from './check-type-refs.js';
import { isExpressionString, parseTemplateStringUncached, type ParseLimits } from '../expr/parser.js';

/**
 * The parameters and variables a template declares, lower-cased; collected on first use, as most
 * templates have no expression that needs them checked.
 */
class Names {
  private sets: Record<'parameters' | 'variables', Set<string>> | undefined;
  private symbols: Map<string, TObject> | null | undefined;

  /** `symbols`: false for an outer-scope nested template, whose symbolic names are not certain. */
  constructor(
    private readonly template: TObject,
    private readonly symbolsKnown = true,
  ) {}

  /** The same names, for a nested template with outer scope (see resourcesBySymbol). */
  outer(): Names {
    const n = new Names(this.template, false);
    n.sets = this.sets;
    return n;
  }

  /** The declared names as written (for "did you mean"). */
  spellings(kind: 'parameters' | 'variables'): string[] {
    const section = ownProp(this.template, kind);
    if (!isTObject(section)) return [];
    return kind === 'parameters' ? Object.keys(section) : declaredVariableNames(section);
  }

  has(kind: 'parameters' | 'variables', lower: string): boolean {
    this.sets ??= declaredNames(this.template);
    return this.sets[kind].has(lower);
  }

  /**
   * The resources of a languageVersion 2.0 template (its `resources` is an object) by lower-cased
   * symbolic name; null for a template without symbolic names.
   */
  resourcesBySymbol(): Map<string, TObject> | null {
    if (this.symbols !== undefined) return this.symbols;
    if (!this.symbolsKnown) return (this.symbols = null);
    const section = ownProp(this.template, 'resources');
    return (this.symbols = isTObject(section) ? resourcesBySymbol(section) : null);
  }
}

/**
 * Resource properties ARM evaluates when it validates the template, before anything is deployed:
 * reference() (runtime state) cannot be used there ("The template function 'reference' is not
 * expected at this location"; it is allowed only in a resource's `properties` and the outputs).
 * A copy loop's `count` cannot use reference() nor a list*() action either.
 */
// Where a resource goes (a nested deployment's resourceGroup and subscriptionId, an extension
// resource's scope) is decided then too: the Bicep compiler's module and resource `scope` is a
// deploy-time constant likewise.
const START_OF_DEPLOYMENT = new Set(['name', 'type', 'apiversion', 'location', 'condition', 'resourcegroup', 'subscriptionid', 'scope']);

/** Where a variable's value is: resolved before any resource is deployed (see variables()). */
const VARIABLE = { what: 'a variable', count: true } as const;

/** Declaration keys whose values ARM never evaluates. */
const NOT_EVALUATED = new Set(['metadata', 'comments']);

export class TemplateChecker {
  /** Nested inline templates entered so far (the deploy stage analyses at most maxDeploymentDepth). */
  private depth = 0;
  /** value()'s stacks: what holds the value, its key, and the holder's span. */
  private readonly cs: (TObject | TNode[])[] = [];
  private readonly ks: (string | number)[] = [];
  private readonly spans: Span[] = [];
  /** What value() is walking: a resource property evaluated before deployment (see START_OF_DEPLOYMENT), a copy count. */
  private at: { what: string; count: boolean } | undefined;
  /**
   * Where utcNow() and newGuid() may be called (PARAMETER_DEFAULT_ONLY): true in a parameter's
   * defaultValue, and in user-defined functions, which a default value may call (not checked).
   */
  private defaultOnlyAllowed = false;
  /**
   * Where target() may be called: in a resource's own declaration (properties, tags, sku...), the
   * resource it returns as it exists before this deployment; what Bicep's this.exists(),
   * this.existingProperties() and this.existingResource() compile to, which the compiler allows
   * only there (ThisFunctionOnlyAllowedInResourceProperties). Not in its name, location, scope,
   * condition, copy loop or dependsOn, nor in variables, parameters, functions or outputs.
   */
  private targetAllowed = false;

  constructor(
    private readonly diagnostics: DiagnosticSink,
    private readonly limits: ParseLimits,
    private readonly maxDeploymentDepth: number,
  ) {}

  /**
   * Checks a whole template: its sections, resources and nested inline templates. `scope`: 'own'
   * when its expressions read its own declarations, else the names they read (undefined: not known).
   */
  template(t: TObject, span: Span, scope: Names | 'own' | undefined): void {
    // A nested template's sections are its own: target() is not its parent resource there.
    const targetWas = this.targetAllowed;
    this.targetAllowed = false;
    try {
      this.templateSections(t, span, scope);
    } finally {
      this.targetAllowed = targetWas;
    }
  }

  private templateSections(t: TObject, span: Span, scope: Names | 'own' | undefined): void {
    const names = scope === 'own' ? new Names(t) : scope;
    checkTypeRefs(t, span, this.diagnostics);
    for (const key of Object.keys(t)) {
      const node = t[key] as TNode;
      switch (key.toLowerCase()) {
        case 'parameters':
          this.declarations(node, span.child(t, key), names, true);
          break;
        case 'outputs':
          this.declarations(node, span.child(t, key), names, false);
          break;
        case 'variables':
          this.variables(node, span.child(t, key), names);
          break;
        case 'functions':
          this.functions(node, span.child(t, key));
          break;
        case 'resources':
          this.resources(node, span.child(t, key), names);
          break;
        default:
        // $schema, contentVersion, metadata, definitions, languageVersion, apiProfile: not expressions.
      }
    }
  }

  /** Parameter and output declarations: every property but metadata is evaluated. */
  private declarations(section: TNode, span: Span, names: Names | undefined, parameters: boolean): void {
    if (!isTObject(section)) return;
    for (const name of Object.keys(section)) {
      const decl = section[name] as TNode;
      if (isTObject(decl)) this.declaration(decl, span.child(section, name), names, parameters);
    }
  }

  private declaration(decl: TObject, span: Span, names: Names | undefined, parameter = false): void {
    for (const k of Object.keys(decl)) {
      const lower = k.toLowerCase();
      if (NOT_EVALUATED.has(lower)) continue;
      // ARM resolves parameters before it deploys anything: a default cannot read a resource's
      // runtime state (reference(), list*()).
      if (parameter && lower === 'defaultvalue') this.allowingDefaultOnly(() => this.valueAt({ what: "a parameter's default value", count: true }, decl, k, span, names));
      else this.value(decl, k, span, names);
    }
  }

  /** Runs `walk` where utcNow() and newGuid() may be called. */
  private allowingDefaultOnly(walk: () => void): void {
    const was = this.defaultOnlyAllowed;
    this.defaultOnlyAllowed = true;
    try {
      walk();
    } finally {
      this.defaultOnlyAllowed = was;
    }
  }

  /**
   * Variables, as ARM resolves them before any resource is deployed: neither reference() nor a
   * list*() call may be in one ("You can't use the reference function or any of the list
   * functions in the variable declaration"; the Bicep compiler writes such a variable out where
   * it is used instead).
   */
  private variables(section: TNode, span: Span, names: Names | undefined): void {
    if (!isTObject(section)) return;
    for (const name of Object.keys(section)) {
      const node = section[name] as TNode;
      if (name.toLowerCase() === 'copy' && Array.isArray(node)) {
        const copySpan = span.child(section, name);
        node.forEach((loop, i) => {
          if (!isTObject(loop)) return;
          const loopSpan = copySpan.child(node, i);
          for (const k of Object.keys(loop)) if (k.toLowerCase() !== 'name') this.valueAt(VARIABLE, loop, k, loopSpan, names);
        });
      } else this.valueAt(VARIABLE, section, name, span, names);
    }
  }

  /** User-defined functions: parameters() there reads the function's own parameters, so names are not checked. */
  private functions(section: TNode, span: Span): void {
    forEachUserFunction(section, span, (f, fSpan) => {
      const output = ownProp(f, 'output');
      if (isTObject(output)) this.allowingDefaultOnly(() => this.declaration(output, fSpan.child(f, 'output'), undefined));
    });
  }

  /** A resources array, or an object of symbolic names (languageVersion 2.0). */
  private resources(section: TNode, span: Span, names: Names | undefined): void {
    if (Array.isArray(section)) {
      section.forEach((r, i) => {
        if (isTObject(r)) this.resource(r, span.child(section, i), names);
      });
    } else if (isTObject(section)) {
      for (const name of Object.keys(section)) {
        const r = section[name] as TNode;
        if (isTObject(r)) this.resource(r, span.child(section, name), names);
      }
    }
  }

  private resource(decl: TObject, span: Span, names: Names | undefined): void {
    const type = ownProp(decl, 'type');
    const isDeployment = typeof type === 'string' && type.toLowerCase() === DEPLOYMENTS;
    for (const k of Object.keys(decl)) {
      const lower = k.toLowerCase();
      const node = decl[k] as TNode;
      if (NOT_EVALUATED.has(lower)) continue;
      if (START_OF_DEPLOYMENT.has(lower)) this.valueAt({ what: `the resource's '${k}'`, count: false }, decl, k, span, names);
      else if (lower === 'copy' && isTObject(node)) {
        const copySpan = span.child(decl, k);
        for (const ck of Object.keys(node)) {
          if (ck.toLowerCase() === 'count') this.valueAt({ what: "a copy loop's 'count'", count: true }, node, ck, copySpan, names);
          else this.value(node, ck, copySpan, names);
        }
      } else if (lower === 'resources') this.resources(node, span.child(decl, k), names);
      else if (isDeployment && lower === 'properties' && isTObject(node)) this.deploymentProperties(node, span.child(decl, k), names);
      else if (lower === 'dependson') this.value(decl, k, span, names);
      else this.ownValue(decl, k, span, names);
    }
  }

  /** value(), for a property of a resource's own declaration, where target() is that resource. */
  private ownValue(container: TObject, key: string, span: Span, names: Names | undefined): void {
    this.targetAllowed = true;
    try {
      this.value(container, key, span, names);
    } finally {
      this.targetAllowed = false;
    }
  }

  /** A nested deployment: its inline template is checked as a template, in its expression scope. */
  private deploymentProperties(props: TObject, span: Span, names: Names | undefined): void {
    for (const k of Object.keys(props)) {
      const node = props[k] as TNode;
      if (k.toLowerCase() !== 'template' || !isTObject(node)) this.value(props, k, span, names);
      else if (this.depth < this.maxDeploymentDepth) {
        // Deeper than that the deploy stage reports the template as not analysed.
        this.depth++;
        try {
          this.template(node, span.child(props, k), nestedNames(props, names));
        } finally {
          this.depth--;
        }
      }
    }
  }

  /** value(), for a resource property evaluated before deployment (see `at`). */
  private valueAt(at: { what: string; count: boolean }, container: TObject, key: string, span: Span, names: Names | undefined): void {
    this.at = at;
    try {
      this.value(container, key, span, names);
    } finally {
      this.at = undefined;
    }
  }

  /**
   * Checks `container[key]` (a template value: its strings, nested keys and elements). Iterative:
   * a limit maxJsonDepth raised in the config lets values nest deeper than the stack allows.
   */
  private value(container: TObject | TNode[], key: string | number, containerSpan: Span, names: Names | undefined): void {
    // Three parallel stacks (container, key, the container's span): no tuple per value, and the
    // same arrays for every value walked (value() is not re-entered: expression() walks no values;
    // each walk empties them).
    const { cs, ks, spans } = this;
    cs.push(container);
    ks.push(key);
    spans.push(containerSpan);
    while (cs.length) {
      const c = cs.pop() as TObject | TNode[];
      const k = ks.pop() as string | number;
      const cspan = spans.pop() as Span;
      const node = (c as Record<string | number, TNode>)[k] as TNode;
      if (typeof node === 'string') {
        if (isExpressionString(node)) this.expression(node, c, k, cspan, false, names);
        continue;
      }
      if (node === null || typeof node !== 'object') continue;
      const span = cspan.child(c, k);
      if (Array.isArray(node)) {
        // Pushed last to first, so that they are checked (and reported) in order.
        for (let i = node.length - 1; i >= 0; i--) {
          cs.push(node);
          ks.push(i);
          spans.push(span);
        }
        continue;
      }
      if (!isTObject(node)) continue; // a Bicep expression node: checked by the Bicep front end
      const keys = Object.keys(node);
      // An expression as a property name is evaluated as well.
      for (let i = 0; i < keys.length; i++) {
        const name = keys[i] as string;
        if (isExpressionString(name)) this.expression(name, node, name, span, true, names);
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        cs.push(node);
        ks.push(keys[i] as string);
        spans.push(span);
      }
    }
  }

  /**
   * Checks the expression `s` found at `container[key]` (its name when `isKey`). The span is made
   * only when there is something to report: most expressions have nothing.
   */
  private expression(s: string, container: object, key: string | number, containerSpan: Span, isKey: boolean, names: Names | undefined): void {
    const p = parseTemplateStringUncached(s, this.limits);
    if (p.kind === 'literal') return;
    if (p.kind === 'error') {
      this.diagnostics.add(syntaxDiagnostic(p, spanAt(container, key, containerSpan, isKey).sub(p.start, p.end)));
      return;
    }
    const facts = staticFacts(p);
    let span: Span | undefined;
    // Indexed loops: this runs for every expression of every template, and until the optimizing
    // compiler has run, a for-of makes an iterator (and a result per step) even for an empty list.
    for (let i = 0; i < facts.problems.length; i++) {
      const f = facts.problems[i] as (typeof facts.problems)[number];
      span ??= spanAt(container, key, containerSpan, isKey);
      this.diagnostics.add({ code: 'evaluation-error', message: f.message, span: span.sub(f.start, f.end) });
    }
    const at = this.at;
    if (at) {
      for (let i = 0; i < facts.runtimeCalls.length; i++) {
        const c = facts.runtimeCalls[i] as (typeof facts.runtimeCalls)[number];
        const isReference = c.name.toLowerCase() === 'reference';
        if (!isReference && !at.count) continue;
        span ??= spanAt(container, key, containerSpan, isKey);
        this.diagnostics.add({
          code: 'evaluation-error',
          message: `The template function '${c.name}' is not expected at this location: ${at.what} must be known when ARM validates the template, before any resource is deployed, and ${isReference ? 'reference()' : `${c.name}()`} returns the runtime state of a resource (it can be used only in a resource's properties and in the outputs); ARM rejects the deployment.`,
          span: span.sub(c.start, c.end),
        });
      }
    }
    for (let i = 0; !this.defaultOnlyAllowed && i < facts.defaultOnlyCalls.length; i++) {
      const c = facts.defaultOnlyCalls[i] as (typeof facts.defaultOnlyCalls)[number];
      span ??= spanAt(container, key, containerSpan, isKey);
      this.diagnostics.add({
        code: 'evaluation-error',
        message: `The template function '${c.name}' is not expected at this location: it can be used only in the default value of a parameter (each call gives a new value); ARM rejects the deployment.`,
        span: span.sub(c.start, c.end),
      });
    }
    for (let i = 0; !this.targetAllowed && i < facts.targetCalls.length; i++) {
      const c = facts.targetCalls[i] as (typeof facts.targetCalls)[number];
      span ??= spanAt(container, key, containerSpan, isKey);
      this.diagnostics.add({
        code: 'evaluation-error',
        message: `The template function '${c.name}' is not expected at this location: target() is the resource being deployed, as it exists before this deployment, so it can be used only in that resource's own declaration (its properties, tags, sku), not in a variable, parameter, function, output or ${this.at ? this.at.what : "a resource's dependsOn or copy loop"}; ARM rejects the deployment.`,
        span: span.sub(c.start, c.end),
      });
    }
    if (!names) return;
    const bySymbol = facts.symbols.length ? names.resourcesBySymbol() : null;
    for (let i = 0; bySymbol && i < facts.symbols.length; i++) {
      const r = facts.symbols[i] as (typeof facts.symbols)[number];
      const why = undeclaredSymbol(r, bySymbol);
      if (!why) continue;
      span ??= spanAt(container, key, containerSpan, isKey);
      this.diagnostics.add({ code: 'evaluation-error', message: why, span: span.sub(r.start, r.end) });
    }
    for (let i = 0; i < facts.refs.length; i++) {
      const r = facts.refs[i] as (typeof facts.refs)[number];
      if (names.has(r.kind, r.lower)) continue;
      span ??= spanAt(container, key, containerSpan, isKey);
      const message = notFoundMessage(r.kind, r.name, names.spellings(r.kind));
      this.diagnostics.add({ code: 'evaluation-error', message, span: span.sub(r.start, r.end) });
    }
  }
}

/**
 * Why reference('x') / resourceInfo('x') (a literal) names no resource of a languageVersion 2.0
 * template: 'x' (or the loop of 'x[i]') is no symbolic name it declares, 'x[i]' indexes a
 * resource that is not a copy loop, or i is beyond the loop's literal count. reference() of a
 * string with '/' is by resource id, and reference('x', apiVersion) may read a resource outside
 * the template by name: neither is checked.
 */
export function undeclaredSymbol(
  r: { fn: string; name: string; argCount: number },
  bySymbol: ReadonlyMap<string, TObject>,
  countOf?: (lowerSymbol: string) => number | undefined,
): string | undefined {
  if (r.fn === 'reference' && (r.argCount > 1 || r.name.includes('/'))) return undefined;
  const indexed = /^(.+)\[(\d+)\]$/.exec(r.name);
  const base = indexed ? (indexed[1] as string) : r.name;
  const decl = bySymbol.get(base.toLowerCase());
  // A resource's name where a symbolic name is expected is left alone: not certain either way.
  if (!decl && r.fn === 'reference' && [...bySymbol.values()].some((d) => { const n = ownProp(d, 'name'); return typeof n === 'string' && n.toLowerCase() === r.name.toLowerCase(); })) return undefined;
  if (!decl) return `The resource '${r.name}' is not defined in the template: ${r.fn}() names a resource by its symbolic name, and the template declares no resource '${base}'.`;
  if (!indexed) return undefined;
  const copy = ownProp(decl, 'copy');
  if (!isTObject(copy)) return `The resource '${r.name}' is not defined in the template: '${base}' is not a copy loop, so it has no instance [${indexed[2]}].`;
  // The count as evaluated (the deploy stage's), else as written.
  const n = countOf?.(base.toLowerCase()) ?? ownProp(copy, 'count');
  const i = Number(indexed[2]);
  if (typeof n !== 'number' || i < n) return undefined;
  return `The resource '${r.name}' is not defined in the template: the copy loop '${base}' has ${n} instance${n === 1 ? '' : 's'}${n > 0 ? ` (indexes 0 to ${n - 1})` : ''}.`;
}

/** The span of `container[key]`, or of the key itself. */
function spanAt(container: object, key: string | number, containerSpan: Span, isKey: boolean): Span {
  return isKey ? containerSpan.keySpan(container, key as string) : containerSpan.child(container, key);
}

/** A languageVersion 2.0 `resources` object's declarations by lower-cased symbolic name. */
export function resourcesBySymbol(section: TObject): Map<string, TObject> {
  const m = new Map<string, TObject>();
  for (const k of Object.keys(section)) {
    const d = section[k] as TNode;
    if (isTObject(d) && !m.has(k.toLowerCase())) m.set(k.toLowerCase(), d);
  }
  return m;
}

/** The parameters and variables a template declares, lower-cased. */
function declaredNames(t: TObject): Record<'parameters' | 'variables', Set<string>> {
  const lower = (names: string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()));
  const params = ownProp(t, 'parameters');
  const vars = ownProp(t, 'variables');
  return {
    parameters: lower(isTObject(params) ? Object.keys(params) : []),
    variables: lower(isTObject(vars) ? declaredVariableNames(vars) : []),
  };
}

/**
 * What a nested inline template's expressions can read: its own declarations with the inner
 * scope, the parent's with the outer one (the default), nothing certain when the scope is an expression.
 */
function nestedNames(props: TObject, parent: Names | undefined): Names | 'own' | undefined {
  const options = ownProp(props, 'expressionEvaluationOptions');
  const scope = isTObject(options) ? ownProp(options, 'scope') : undefined;
  if (scope === undefined) return parent?.outer();
  if (typeof scope !== 'string' || isExpressionString(scope)) return undefined;
  return scope.toLowerCase() === 'inner' ? 'own' : parent?.outer();
}
