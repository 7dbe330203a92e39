// The compiler's checks of decorators in a file's lowering (see lower.ts): unknown names
// (decorator-names.ts), kinds of declaration (decorator-kinds.ts), argument counts (BCP071),
// compile-time constants (BCP032), the types a decorator applies to (BCP124), @discriminator().
import { decoratorKindProblem, judgesDecoratorsOf } from './decorator-kinds.js';
import { type DeclaredNames, decoratorNameProblem } from './decorator-names.js';
import { discriminatorProblems } from './discriminator-check.js';
import { ScopeLowerer } from './lower-scopes.js';
import { isCompileTimeConstant } from './lower-syntax.js';
import type { Decorator, Expression, TypeExpression } from './syntax.js';

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

export abstract class DecoratorChecks extends ScopeLowerer {
  /**
   * BCP071 for the sys decorators whose argument count is fixed: `@secure('s')`, `@minLength()`,
   * `@allowed([], [])`. The lowering reads only the first argument, so the rest went unnoticed.
   */
  protected checkDecoratorArguments(d: Decorator): void {
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
  protected checkDecoratorNames(): void {
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
   * BCP124: a sys decorator on a declaration whose type it does not apply to (`@secure()` on an
   * int, `@minLength()` on an int, `@minValue()` on a string, `@sealed()` on a string). Only a
   * declaration of a plain built-in type is judged: a user-defined type, a union or a literal
   * type is left to the type checks.
   */
  protected checkDecoratorTargets(decorators: readonly Decorator[], type: TypeExpression | undefined): void {
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
   * BCP363-BCP366, BCP286: `@discriminator()` on a declaration and on the properties and tuple
   * items of the object types written in its type (see discriminator-check.ts).
   */
  protected checkDiscriminators(decorators: readonly Decorator[], t: TypeExpression | undefined, depth = 0): void {
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
}
