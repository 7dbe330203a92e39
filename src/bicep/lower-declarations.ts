// Parameters, user-defined functions and outputs of a file's lowering (see lower.ts), with their
// types, constraints and metadata.
import { recordSpan } from '../model/span.js';
import { isTObject, own, type TNode, type TObject, TYPE_NOT_KNOWN } from '../model/template.js';
import { expressionChildren } from './for-placement.js';
import type { Binding, RefCollector } from './lower-expr.js';
import { ReferenceLowerer } from './lower-references.js';
import { TypeDefinitions } from './lower-type-nodes.js';
import { armType, decorator, literalArgument, secureType, typeDecorator } from './lower-types.js';
import type { Expression, FunctionDeclaration, Node, ParameterDeclaration, Statement } from './syntax.js';

export abstract class DeclarationLowerer extends ReferenceLowerer {
  /** The `definitions` the parameters' type structures refer to (see lower-type-nodes.ts). */
  protected readonly typeDefs = new TypeDefinitions();

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

  protected parameter(s: ParameterDeclaration): TObject {
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

  protected func(s: FunctionDeclaration, refs: RefCollector): TObject {
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

  protected output(s: Extract<Statement, { kind: 'Output' }>): TObject {
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
}
