// The compiler's checks of declared types and literal values in a file's lowering (see
// lower.ts): type names (BCP302), literals against plain declared types (BCP033, BCP034, BCP099),
// asserts (BCP350), arithmetic on literal operands (BCP045).
import { DecoratorChecks } from './lower-decorator-checks.js';
import type { LowerCtx } from './lower-expr.js';
import { article, literalKind, misfit, plainType, staticKind, typeText, type PlainType } from './lower-literal-types.js';
import { builtinType, decorator } from './lower-types.js';
import type { BinaryExpression, Decorator, Expression, FunctionCall, FunctionDeclaration, TypeExpression } from './syntax.js';
import { SYS_PARAMETER_TYPES } from './functions.generated.js';
import { unknownTypeNames } from './type-names.js';

/** The compiler's plain parameter types of the sys functions (see checkBuiltinArguments). */
const BUILTIN_PARAMETER_TYPES = new Map(SYS_PARAMETER_TYPES.map(([name, fixed, rest]) => [name, { fixed, rest }]));

export abstract class TypeChecks extends DecoratorChecks {
  /**
   * BCP302/BCP384: type names that name no type (see type-names.ts). A name the file imports is
   * never one of them: an import that could not be read, or names no type here, is reported at
   * the import.
   */
  protected checkTypeNames(): void {
    const imported = new Set<string>();
    for (const s of this.program.statements) {
      if (s.kind !== 'CompileTimeImport') continue;
      for (const sym of s.symbols ?? []) imported.add(sym.alias?.name ?? sym.name.name);
    }
    const known = (n: string): boolean => builtinType(n) !== undefined || this.types.has(n) || this.unknownImports.has(n) || imported.has(n);
    for (const p of unknownTypeNames(this.program.statements, known, this.hasExtensions)) this.error(p.at, p.message);
  }

  /** BCP033/BCP034: literals that do not fit a plain declared type (see lower-literal-types.ts). */
  protected checkLiteralTypes(type: TypeExpression | undefined, value: Expression | undefined, what: string, decorators: readonly Decorator[]): void {
    // BCP099: an empty @allowed() list allows nothing (whatever the declared type).
    const list = decorator(decorators, 'allowed')?.args[0];
    if (list?.kind === 'Array' && list.items.length === 0) this.error(list, 'The "allowed" array must contain one or more items (BCP099)');
    // A typed array (`string[]`): each item written in an array literal is judged against the item type.
    if (type?.kind === 'ArrayType' && value?.kind === 'Array') {
      const item = plainType(type.element, this.typeDeclarationNames());
      if (item) {
        for (const x of value.items) {
          const k = x.kind === 'Spread' ? undefined : misfit(x, item, this.isBuiltinCall);
          if (k) this.error(x, `an item of ${what} is ${article(k)} ${k}, but the declared item type is ${item} (BCP033)`);
        }
      }
      return;
    }
    // A union of literal types (`'red' | 'blue'`): a literal value must be one of them, whatever
    // a parameters file or -p later gives (the compiler judges the file as written).
    const choices = type && value ? literalChoices(type) : undefined;
    const written = value ? literalKey(value) : undefined;
    if (choices && written !== undefined && !choices.includes(written)) {
      let shown = type as TypeExpression;
      while (shown.kind === 'ParenthesizedType') shown = shown.type;
      this.error(value as Expression, `Expected a value of type "${this.span(shown).text(120)}" but the provided value is of type "${this.span(value as Expression).text(80)}". (BCP033)`);
      return;
    }
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
   * BCP070: an argument of a call of the file's own function whose form fixes a plain type that
   * is not the parameter's (`takesInt('x')`), as the compiler types it.
   */
  protected checkUserFunctionArguments(fn: FunctionDeclaration, args: readonly Expression[]): void {
    const names = this.typeDeclarationNames();
    fn.parameters.forEach((p, i) => this.checkArgument(args[i], plainType(p.type, names)));
  }

  /**
   * BCP070: an argument of a built-in function whose form fixes a plain type that is not the one
   * every overload of the function takes there (`toUpper(1)`, `substring('abc', '1')`), in the
   * compiler's words. The types are the compiler's signatures (functions.generated.ts).
   */
  protected checkBuiltinArguments(e: FunctionCall): void {
    const ns = e.base === undefined ? undefined : e.base.kind === 'VariableAccess' ? e.base.name.name : null;
    if (ns === null || (ns !== undefined && ns !== 'sys') || !this.isBuiltinCall(e.name.name, ns)) return;
    const types = BUILTIN_PARAMETER_TYPES.get(e.name.name);
    if (!types) return;
    e.args.forEach((arg, i) => this.checkArgument(arg, ((i < types.fixed.length ? types.fixed[i] : types.rest) || undefined) as PlainType | undefined));
  }

  /** BCP070 for one argument whose form fixes a plain type other than the parameter's `t`. */
  private checkArgument(arg: Expression | undefined, t: PlainType | undefined): void {
    if (!arg || !t) return;
    const k = misfit(arg, t, this.isBuiltinCall);
    if (k) this.error(arg, `Argument of type "${typeText(arg, this.isBuiltinCall) ?? k}" is not assignable to parameter of type "${t}". (BCP070)`);
  }

  /**
   * BCP350: an assert takes a bool. A value whose type its form fixes as something else (a
   * literal, arithmetic, a string, a built-in returning no bool) is the compiler's error, with the
   * type as it writes it. (Asserts are an experimental feature enabled in bicepconfig.json, which
   * vtaplint does not read: that they are enabled is not judged.)
   */
  protected checkAssert(value: Expression): void {
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
}

/** A literal as a comparable key (`s:red`, `i:3`, `b:true`, `null`); undefined for anything else. */
function literalKey(e: Expression): string | undefined {
  switch (e.kind) {
    case 'String':
      return e.value === undefined ? undefined : `s:${e.value}`;
    case 'Integer':
      return `i:${e.text}`;
    case 'Unary':
      return e.operator === '-' && e.operand.kind === 'Integer' ? `i:-${e.operand.text}` : undefined;
    case 'Boolean':
      return `b:${e.value}`;
    case 'Null':
      return 'null';
    default:
      return undefined;
  }
}

/** The keys of a type that is a literal or a union of literals only (through parentheses); undefined otherwise. */
function literalChoices(t: TypeExpression, depth = 0): string[] | undefined {
  if (depth > 32) return undefined;
  if (t.kind === 'ParenthesizedType') return literalChoices(t.type, depth + 1);
  if (t.kind === 'LiteralType') {
    const k = literalKey(t.value);
    return k === undefined ? undefined : [k];
  }
  if (t.kind !== 'UnionType') return undefined;
  const out: string[] = [];
  for (const m of t.members) {
    const ks = literalChoices(m, depth + 1);
    if (!ks) return undefined;
    out.push(...ks);
  }
  return out;
}
