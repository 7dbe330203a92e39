// Lowering of Bicep expressions into the ARM expression AST, mirroring the Bicep compiler's
// ExpressionConverter: operators become the ARM functions the compiler emits, interpolated strings
// become format(), lambdas lambda()/lambdaVariables(), value for-expressions map()/filter().
// Symbols (parameters, variables, resources, modules, functions, imports) are resolved by the
// subclasses (lower-references.ts and the layers below it, see lower.ts), which know the file's declarations.
import type { Call, Expr } from '../expr/ast.js';
import type { DiagnosticSink } from '../model/diagnostic.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import type { SourceText } from '../model/source.js';
import { TextSpan, recordSpan } from '../model/span.js';
import { LOWERING_NS, TExpr, setOwn, type TNode, type TObject } from '../model/template.js';
import { call, formatCall, index, lit, member } from './lower-ast.js';
import { article, literalKind } from './lower-literal-types.js';
import type {
  ArrayAccess,
  BinaryExpression,
  Expression,
  ForExpression,
  FunctionCall,
  Identifier,
  Node,
  ObjectExpression,
  PropertyAccess,
  ResourceAccess,
  SpreadExpression,
  StringLiteral,
} from './syntax.js';

/** What a local name stands for inside an expression. */
export type Binding =
  /** `lambda`: a variable of a Bicep lambda (`x => ...`); else of a for-expression, also a lambda variable in ARM. */
  | { kind: 'lambda'; name: string; lambda?: true }
  | { kind: 'param'; name: string }
  /**
   * `expr`: what a loop's item or index stands for; `atAccess`: it is one instance read from
   * elsewhere (`nics[2].name`), so the expression keeps the span of that access.
   */
  | { kind: 'expr'; expr: Expr; atAccess?: true };

/** Symbolic references met while lowering one declaration (for implicit dependsOn). */
export class RefCollector {
  /** Resource/module keys referenced as a whole, with the first place each was referenced. */
  readonly symbols = new Map<string, Node>();
  /**
   * Loops referenced only by one instance (`vnets[i + 1]`): the index expressions, as the compiler
   * keeps them for an indexed dependsOn entry. A whole-loop reference (in `symbols`) wins.
   */
  readonly indexed = new Map<string, { idx: Expr; at: Node }[]>();
  readonly variables = new Set<string>();
  /** Where each variable in `variables` is first read as a value (for cycles between variables). */
  readonly variableAt = new Map<string, Node>();
}

export interface LowerCtx {
  locals?: ReadonlyMap<string, Binding> | undefined;
  refs?: RefCollector | undefined;
  /** Inside a user-defined function body (only its parameters and other functions are visible). */
  inFunction?: boolean;
  /** Inside a parameter's default value, the only place utcNow() and newGuid() may be called (BCP065). */
  inParameterDefault?: boolean;
  /**
   * Inside a resource's body where `this.exists()`, `this.existingProperties()` and
   * `this.existingResource()` mean that resource: not its name, location, scope, dependsOn,
   * condition or loop, which ARM needs before it reads the resource's current state.
   */
  inThisResource?: boolean;
  /** Inside a module's extensionConfigs, the only place an extension's alias may be read (BCP418). */
  inExtensionConfigs?: boolean;
}


const BINARY_FUNCTIONS: Record<string, string> = {
  '&&': 'and',
  '||': 'or',
  '==': 'equals',
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
};

const ARITHMETIC_OPERATORS = new Set(['+', '-', '*', '/', '%']);

export function withLocals(ctx: LowerCtx, add: [string, Binding][]): LowerCtx {
  const locals = new Map(ctx.locals ?? []);
  for (const [k, v] of add) locals.set(k, v);
  return { ...ctx, locals };
}

export abstract class ExprLowerer {
  readonly base: TextSpan;
  private depth = 0;
  /** Lambdas written directly as a function's arguments: the only place the compiler takes one (BCP242). */
  private readonly argumentLambdas = new WeakSet<Expression>();
  /** Whether the expression being lowered (from depth 0) has had its limit-exceeded finding. */
  private depthReported = false;

  constructor(
    readonly file: SourceText,
    readonly diagnostics: DiagnosticSink,
    /**
     * Deepest Bicep expression nesting lowered (config maxExpressionDepth, as for an ARM
     * expression: `1 + 1 + ...` is `[add(add(...))]` in the compiled JSON). The parser caps
     * bracket nesting (maxJsonDepth); this caps operator chains and inlining, which have none.
     */
    private readonly maxDepth: number = DEFAULT_LIMITS.maxExpressionDepth,
  ) {
    this.base = new TextSpan(file, 0, file.text.length);
  }

  span(n: Node): TextSpan {
    return new TextSpan(this.file, n.start, n.end);
  }

  error(at: Node, message: string): void {
    this.diagnostics.add({ code: 'invalid-template', message, span: this.span(at) });
  }

  note(at: Node, message: string): void {
    this.diagnostics.add({ code: 'note', message, span: this.span(at) });
  }

  // ---- Hooks for symbols (lower-references.ts) ----

  /** A bare identifier that is not a local (parameter, variable, resource, module...). */
  protected abstract identifier(id: Identifier, at: Node, ctx: LowerCtx): Expr;
  /** Checks the operands of `+ - * / %` (BCP045): true when it reported the operation; nothing by default. */
  protected arithmeticRejected(_e: BinaryExpression, _ctx: LowerCtx): boolean {
    return false;
  }
  /** A call that is not a plain built-in function; undefined to lower it as a built-in. */
  protected abstract specialCall(e: FunctionCall, ctx: LowerCtx): Expr | undefined;
  /** `x.y` where x is a symbol with special meaning (resource, module, import namespace); undefined otherwise. */
  protected abstract symbolicProperty(e: PropertyAccess, ctx: LowerCtx): Expr | undefined;
  /** `x[i]` where x is a resource/module collection; undefined otherwise. */
  protected abstract symbolicIndex(e: ArrayAccess, ctx: LowerCtx): Expr | undefined;
  /** `a::b` */
  protected abstract resourceAccess(e: ResourceAccess, ctx: LowerCtx): Expr;

  // ---- Expressions ----

  expr(e: Expression, ctx: LowerCtx): Expr {
    if (this.depth === 0) this.depthReported = false;
    if (this.depth >= this.maxDepth) {
      // Once per expression: what is cut off is not lowered, and the rest of it is not looked at twice.
      // Its value is a 'limit' unknown (as an ARM expression's at this limit), not a made-up null.
      const message = `The expression is nested more than ${this.maxDepth} levels deep (limit maxExpressionDepth).`;
      if (!this.depthReported) this.diagnostics.add({ code: 'limit-exceeded', message, span: this.span(e) });
      this.depthReported = true;
      return call('limit', [lit(message, e)], e, LOWERING_NS);
    }
    this.depth++;
    try {
      return this.exprInner(e, ctx);
    } catch (x) {
      // maxExpressionDepth raised past what the stack holds: the same finding, at the top.
      if (this.depth !== 1 || !(x instanceof RangeError && /call stack/i.test(x.message))) throw x;
      const message = 'The expression is nested too deeply for the stack (limit maxExpressionDepth).';
      if (!this.depthReported) this.diagnostics.add({ code: 'limit-exceeded', message, span: this.span(e) });
      this.depthReported = true;
      return call('limit', [lit(message, e)], e, LOWERING_NS);
    } finally {
      this.depth--;
    }
  }

  private exprInner(e: Expression, ctx: LowerCtx): Expr {
    switch (e.kind) {
      case 'String':
        return this.string(e, ctx);
      case 'Integer':
        return lit(e.value, e);
      case 'Boolean':
        return lit(e.value, e);
      case 'Null':
        return lit(null, e);
      case 'VariableAccess': {
        const b = ctx.locals?.get(e.name.name);
        if (b) return this.binding(b, e);
        return this.identifier(e.name, e, ctx);
      }
      case 'FunctionCall':
        for (let a of e.args) {
          // (`map(xs, (x => x))` too.)
          while (a.kind === 'Parenthesized') a = a.expression;
          if (a.kind === 'Lambda') this.argumentLambdas.add(a);
        }
        return this.specialCall(e, ctx) ?? call(e.name.name, e.args.map((a) => this.expr(a, ctx)), e);
      case 'PropertyAccess': {
        const s = this.symbolicProperty(e, ctx);
        if (s) return s;
        const obj = this.expr(e.base, ctx);
        if (e.safe) return call('tryGet', [obj, lit(e.property.name, e.property)], e);
        return continuedSafeChain(e.base, obj, lit(e.property.name, e.property), e) ?? member(obj, e.property.name, e);
      }
      case 'ArrayAccess': {
        const s = this.symbolicIndex(e, ctx);
        if (s) return s;
        const obj = this.expr(e.base, ctx);
        const idx = this.expr(e.index, ctx);
        if (e.safe) return e.fromEnd ? call('tryIndexFromEnd', [obj, idx], e) : call('tryGet', [obj, idx], e);
        // In a safe chain, [^n] is the path segment { value: n, fromEnd: true }, as the compiler writes it.
        const segment = e.fromEnd ? call('createObject', [lit('value', e), idx, lit('fromEnd', e), lit(true, e)], e) : idx;
        return continuedSafeChain(e.base, obj, segment, e) ?? (e.fromEnd ? call('indexFromEnd', [obj, idx], e) : index(obj, idx, e));
      }
      case 'ResourceAccess':
        return this.resourceAccess(e, ctx);
      case 'NonNullAssertion':
        return this.expr(e.base, ctx);
      case 'Parenthesized':
        return this.expr(e.expression, ctx);
      case 'Unary': {
        if (e.operator === '-' && e.operand.kind === 'Integer') return lit(-e.operand.value, e);
        const v = this.expr(e.operand, ctx);
        if (e.operator === '!') return call('not', [v], e);
        if (e.operator === '-') return call('sub', [lit(0, e), v], e);
        return v;
      }
      case 'Binary': {
        if (e.operator === '??') {
          // a ?? b ?? c is one coalesce(a, b, c), as the compiler emits it.
          const args: Expr[] = [];
          const walk = (x: Expression): void => {
            if (x.kind === 'Binary' && x.operator === '??') {
              walk(x.left);
              walk(x.right);
            } else args.push(this.expr(x, ctx));
          };
          walk(e);
          return call('coalesce', args, e);
        }
        const l = this.expr(e.left, ctx);
        const r = this.expr(e.right, ctx);
        switch (e.operator) {
          case '!=':
            return call('not', [call('equals', [l, r], e)], e);
          case '=~':
            return call('equals', [call('toLower', [l], e.left), call('toLower', [r], e.right)], e);
          case '!~':
            return call('not', [call('equals', [call('toLower', [l], e.left), call('toLower', [r], e.right)], e)], e);
          default:
            // An operation the compiler rejects is reported once, and its value is unknown (no
            // second finding from ARM's evaluation of it).
            if (ARITHMETIC_OPERATORS.has(e.operator) && this.arithmeticRejected(e, ctx)) return call('invalid', [lit('the operation is not valid', e)], e, LOWERING_NS);
            return call(BINARY_FUNCTIONS[e.operator] ?? e.operator, [l, r], e);
        }
      }
      case 'Ternary':
        return call('if', [this.expr(e.condition, ctx), this.expr(e.whenTrue, ctx), this.expr(e.whenFalse, ctx)], e);
      case 'Array': {
        if (!e.items.some((i) => i.kind === 'Spread')) return call('createArray', e.items.map((i) => this.expr(i as Expression, ctx)), e);
        // [a, ...b, c] -> flatten(createArray(createArray(a), b, createArray(c)))
        const groups: Expr[] = [];
        let run: Expr[] = [];
        let runStart: Node | undefined;
        const flush = (): void => {
          if (run.length > 0 && runStart) groups.push(call('createArray', run, runStart));
          run = [];
          runStart = undefined;
        };
        for (const item of e.items) {
          if (item.kind === 'Spread') {
            flush();
            groups.push(this.spreadOperand(item, 'array', ctx));
          } else {
            runStart ??= item;
            run.push(this.expr(item, ctx));
          }
        }
        flush();
        return call('flatten', [call('createArray', groups, e)], e);
      }
      case 'Object':
        return this.objectExpr(e, ctx);
      case 'For':
        return this.forExpr(e, ctx);
      case 'Lambda': {
        // ARM has no lambda values: one stored in a variable, an array or an object, or chosen by
        // a condition, is rejected by the compiler (and would be ARM's error wherever it is read).
        const names = e.parameters.map((p) => p.name);
        const inner = withLocals(ctx, names.map((n) => [n, { kind: 'lambda', name: n, lambda: true }]));
        const lowered = call('lambda', [...e.parameters.map((p) => lit(p.name, p)), this.expr(e.body, inner)], e);
        if (this.argumentLambdas.has(e)) return lowered;
        // Unknown, without ARM's own error about the same lambda where it is evaluated.
        this.error(e, 'Lambda functions may only be specified directly as function arguments. (BCP242)');
        return call('invalid', [lit('a value that is already reported as an error', e)], e, LOWERING_NS);
      }
      case 'If':
        return this.expr(e.body, ctx);
      case 'Missing':
      case 'Skipped':
        // The parser reported these already. Unknown, not null: a value the user has not finished
        // typing must not decide a verdict (a null location, a null size).
        return call('invalid', [lit('a value that does not parse', e)], e, LOWERING_NS);
    }
  }

  binding(b: Binding, at: Node): Expr {
    switch (b.kind) {
      case 'lambda':
        return call('lambdaVariables', [lit(b.name, at)], at);
      case 'param':
        return call('parameters', [lit(b.name, at)], at);
      case 'expr':
        // The loop item of an indexed loop stands for coll[i], lowered once at the loop's
        // declaration: a reference to it takes the reference's own span, so a finding about the
        // value (`privateIPAddressVersion: v`) points at the property, not at `for (v, i)`. An
        // instance read from elsewhere points at that read: `nics[2].name` on a loop of two is
        // out of bounds at `2`, not in the name the loop declares.
        return b.atAccess ? b.expr : { ...b.expr, start: at.start, end: at.end };
    }
  }

  /**
   * What `...x` spreads into an array or object. The compiler rejects a literal of another kind
   * (`{ ...null }`, `[ ...'a' ]`, `{ ...[1] }`) with BCP402 before ARM sees it (its
   * TypeAssignmentVisitor: the spread's type must be assignable to array, or object; null is
   * neither): reported so, at the spread, and the value is then unknown, not ARM's own flatten
   * or shallowMerge error about the same mistake. An expression's type is the compiler's business.
   */
  private spreadOperand(s: SpreadExpression, into: 'array' | 'object', ctx: LowerCtx): Expr {
    const kind = literalKind(s.expression);
    if (kind === undefined || kind === into) return this.expr(s.expression, ctx);
    this.error(s, `The spread operator "..." can only be used in this context for an expression assignable to type "${into}"; this one spreads ${kind === 'null' ? 'null' : `${article(kind)} ${kind}`} (BCP402)`);
    return call('invalid', [lit('a value that is already reported as an error', s)], s, LOWERING_NS);
  }

  private string(e: StringLiteral, ctx: LowerCtx): Expr {
    if (e.expressions.length === 0) return lit(e.value ?? e.segments.join(''), e);
    return formatCall(e.segments, e.expressions.map((x) => this.expr(x, ctx)), e);
  }

  private objectExpr(e: ObjectExpression, ctx: LowerCtx): Expr {
    const groups: Expr[] = [];
    let run: Expr[] = [];
    let runStart: Node | undefined;
    const flush = (): void => {
      if (runStart) groups.push(call('createObject', run, runStart));
      run = [];
      runStart = undefined;
    };
    let loops: boolean | undefined;
    for (const p of e.properties) {
      if (p.kind === 'Spread') {
        // The compiler cannot emit a property loop inside shallowMerge() (Azure/bicep#16660).
        loops ??= e.properties.some((q) => q.kind === 'ObjectProperty' && q.value.kind === 'For');
        if (loops) this.error(p, 'The spread operator "..." cannot be used inside objects with property for-expressions (BCP417): build that property with map() instead of a for-expression, or write out the spread properties');
        flush();
        groups.push(this.spreadOperand(p, 'object', ctx));
      } else if (p.kind === 'ObjectProperty') {
        runStart ??= p;
        run.push(p.keyName !== undefined ? lit(p.keyName, p.key) : this.expr(p.key as StringLiteral, ctx), this.expr(p.value, ctx));
      }
    }
    flush();
    if (groups.length === 0) return call('createObject', [], e);
    // Without spreads the one createObject() is the whole object literal, braces included (a
    // finding about an element of `[ { id: tap.id } ]` points at the object, not its first property).
    if (groups.length === 1 && !e.properties.some((p) => p.kind === 'Spread')) return call('createObject', (groups[0] as Call).args, e);
    return call('shallowMerge', [call('createArray', groups, e)], e);
  }

  /**
   * `[for x in coll: body]` -> map(coll, lambda('x', body)); with an index or a filter the loop
   * runs over range(0, length(coll)) and the item is coll[i].
   */
  forExpr(e: ForExpression, ctx: LowerCtx): Expr {
    const coll = this.expr(e.iterable, ctx);
    const filter = e.body.kind === 'If' ? e.body.condition : undefined;
    const body = e.body.kind === 'If' ? e.body.body : e.body;
    if (!e.index) {
      const inner = withLocals(ctx, [[e.item.name, { kind: 'lambda', name: e.item.name }]]);
      let source = coll;
      if (filter) source = call('filter', [coll, call('lambda', [lit(e.item.name, e.item), this.expr(filter, inner)], filter)], e);
      return call('map', [source, call('lambda', [lit(e.item.name, e.item), this.expr(body, inner)], body)], e);
    }
    const iName = e.index.name;
    const iVar = call('lambdaVariables', [lit(iName, e.index)], e.index);
    const inner = withLocals(ctx, [
      [iName, { kind: 'lambda', name: iName }],
      [e.item.name, { kind: 'expr', expr: index(coll, iVar, e.item) }],
    ]);
    let source: Expr = call('range', [lit(0, e), call('length', [coll], e.iterable)], e.iterable);
    if (filter) source = call('filter', [source, call('lambda', [lit(iName, e.index), this.expr(filter, inner)], filter)], e);
    return call('map', [source, call('lambda', [lit(iName, e.index), this.expr(body, inner)], body)], e);
  }

  // ---- Values (template nodes with spans) ----

  /** Lowers an expression in value position: literal containers stay containers, with spans. */
  value(e: Expression, ctx: LowerCtx): TNode {
    switch (e.kind) {
      case 'String':
        if (e.expressions.length === 0) {
          const s = e.value ?? e.segments.join('');
          // An ARM string "[...]" would be read as an expression: keep it a pre-parsed literal.
          return s.startsWith('[') ? new TExpr(lit(s, e), this.base) : s;
        }
        break;
      case 'Integer':
      case 'Boolean':
        return e.value;
      case 'Null':
        return null;
      case 'Unary':
        if (e.operator === '-' && e.operand.kind === 'Integer') return -e.operand.value;
        break;
      case 'Parenthesized':
        return this.value(e.expression, ctx);
      case 'Array': {
        if (e.items.some((i) => i.kind === 'Spread')) break;
        const arr: TNode[] = [];
        e.items.forEach((item, i) => {
          arr.push(this.value(item as Expression, ctx));
          recordSpan(arr, i, this.span(item));
        });
        return arr;
      }
      case 'Object': {
        // A property named `copy` is a plain property in Bicep (the compiler writes its name as
        // "[string('copy')]"), where ARM reads a `copy` key of a template object as a property
        // loop: such an object is built by createObject(), whose keys are only data.
        if (e.properties.some((p) => p.kind === 'Spread' || (p.kind === 'ObjectProperty' && (p.keyName === undefined || p.keyName.toLowerCase() === 'copy')))) break;
        const obj: TObject = {};
        for (const p of e.properties) {
          if (p.kind !== 'ObjectProperty' || p.keyName === undefined) continue;
          const key = escapeKey(p.keyName);
          setOwn(obj, key, this.value(p.value, ctx));
          recordSpan(obj, key, this.span(p.value), this.span(p.key));
        }
        return obj;
      }
      default:
        break;
    }
    return new TExpr(this.expr(e, ctx), this.base);
  }

  /** An object of `key: value` pairs with recorded spans (for sections the lowering builds). */
  set(obj: TObject, key: string, node: TNode, valueAt: Node, keyAt?: Node): void {
    setOwn(obj, key, node);
    recordSpan(obj, key, this.span(valueAt), keyAt ? this.span(keyAt) : undefined);
  }

  texpr(e: Expr): TExpr {
    return new TExpr(e, this.base);
  }
}

/** A property name that ARM would read as an expression ("[...]") is escaped with "[[". */
export function escapeKey(k: string): string {
  return k.startsWith('[') && k.endsWith(']') ? `[${k}` : k;
}

/**
 * `a.?b.c`, `a.?b[0]`, `a.?b[^1]`, `a[?^1].c`: an access after a safe one (`.?`, `[?`) in the same
 * chain (no parentheses between) is one more path segment of the tryGet()/tryIndexFromEnd() the
 * safe access made, as the compiler writes it, so that the whole chain is null when the safe
 * access finds nothing (`a.?b.c` is null, not an error, when `a` has no `b`). Undefined when
 * `base` is not such a chain.
 */
function continuedSafeChain(base: Expression, obj: Expr, segment: Expr, at: Node): Expr | undefined {
  if (obj.k !== 'call' || obj.ns !== undefined || (obj.name !== 'tryGet' && obj.name !== 'tryIndexFromEnd')) return undefined;
  let b: Expression = base;
  let safe = false;
  while (b.kind === 'PropertyAccess' || b.kind === 'ArrayAccess') {
    if (b.safe) {
      safe = true;
      break;
    }
    b = b.base;
  }
  return safe ? call(obj.name, [...obj.args, segment], at) : undefined;
}
