// The name of a decorator, resolved as the Bicep compiler resolves it (NameBindingVisitor,
// SymbolValidator, TypeAssignmentVisitor.ValidateDecorators): a decorator is a call of one of the
// sys namespace's decorator functions (`@description('x')`, `@sys.description('x')`); anything
// else fails the compilation, at the name:
//   - a name nothing declares: BCP057, or BCP082 when one is spelt alike (`@descriptio`, `@Description`);
//   - `@sys.x` / `@az.x` of a name the namespace lacks: BCP107, or BCP108 when one is spelt alike;
//   - a built-in function that is no decorator (`@concat()`, `@sys.uniqueString()`): BCP152;
//   - a declaration of the file (parameter, variable, user function, import, namespace):
//     BCP141, not callable as a decorator (BCP059 when called and not a function at all);
//   - a decorator without its parentheses (`@secure`): BCP063.
// Names are case-sensitive, as everywhere in Bicep.
import { AZ_FUNCTIONS, SYS_DECORATORS, SYS_FUNCTIONS, SYS_OTHER_FUNCTIONS } from './functions.generated.js';
import type { Decorator, Node } from './syntax.js';
import { suggestion } from '../model/spelling.js';

const DECORATORS = new Set(SYS_DECORATORS);
const SYS_NAMES = new Set([...SYS_FUNCTIONS.map(([n]) => n), ...SYS_OTHER_FUNCTIONS]);
const AZ_NAMES = new Set(AZ_FUNCTIONS);
const isAz = (n: string): boolean => AZ_NAMES.has(n) || /^list[A-Za-z0-9]/.test(n);
const isSys = (n: string): boolean => SYS_NAMES.has(n);

/** What the file declares at its top level, by name: 'function' for user functions, else 'other'. */
export type DeclaredNames = ReadonlyMap<string, 'function' | 'other'>;

export interface DecoratorProblem {
  at: Node;
  message: string;
}

/**
 * The compiler's error for this decorator's name, or undefined when it names a sys decorator (or
 * cannot be judged: a namespace of an extension or a wildcard import, a file with extensions).
 */
export function decoratorNameProblem(d: Decorator, declared: DeclaredNames, extensions: boolean): DecoratorProblem | undefined {
  const name = d.name.name;
  if (name === '' || d.name.missing) return undefined; // the parser has reported it
  const called = d.expression.kind === 'FunctionCall';
  const ns = d.namespace?.name;
  if (ns !== undefined) {
    // `sys` and `az` can be shadowed by a declaration of the file; other namespaces (extension
    // aliases, `import * as x`) are not judged.
    if ((ns !== 'sys' && ns !== 'az') || declared.has(ns)) return undefined;
    if (ns === 'sys' && DECORATORS.has(name)) {
      return called ? undefined : { at: d.name, message: notCalled(name) };
    }
    if (ns === 'sys' ? isSys(name) : isAz(name)) return { at: d.name, message: notADecorator(name) };
    const near = suggestion(name, ns === 'sys' ? [...SYS_DECORATORS, ...SYS_NAMES] : [...AZ_NAMES]);
    return {
      at: d.name,
      message: near
        ? `the function '${name}' does not exist in namespace '${ns}' (BCP108): did you mean '${near}'?`
        : `the function '${name}' does not exist in namespace '${ns}' (BCP107)`,
    };
  }
  const kind = declared.get(name) ?? (name === 'sys' || name === 'az' ? 'other' : undefined);
  if (kind !== undefined) {
    // A declaration named like a decorator hides it (`param description string`): the decorator
    // is then written with its namespace, as Bicep's documentation says.
    const hint = DECORATORS.has(name) ? `: the file declares '${name}', which hides the decorator; write @sys.${name}(...)` : '';
    if (called && kind !== 'function') return { at: d.name, message: `'${name}' is not a function (BCP059), so it cannot be a decorator${hint}` };
    return { at: d.expression, message: `'${name}' cannot be used as a decorator as it is not callable (BCP141)${hint || ': decorators are sys functions such as @description()'}` };
  }
  if (DECORATORS.has(name)) return called ? undefined : { at: d.name, message: notCalled(name) };
  if (isSys(name) || isAz(name)) return called ? { at: d.name, message: notADecorator(name) } : { at: d.name, message: notASymbol(name) };
  // An extension may bring names of its own; its namespace's contents are not known here.
  if (extensions) return undefined;
  const near = suggestion(name, [...SYS_DECORATORS, ...SYS_NAMES, ...AZ_NAMES]);
  return {
    at: d.name,
    message: near
      ? `the name '${name}' does not exist in the current context (BCP082): did you mean '${near}'?`
      : `the name '${name}' does not exist in the current context (BCP057): decorators are sys functions such as @description()`,
  };
}

function notCalled(name: string): string {
  return `the name '${name}' is not a parameter, variable, resource or module (BCP063): a decorator is called, write @${name}(...)`;
}

function notADecorator(name: string): string {
  return `the function '${name}' cannot be used as a decorator (BCP152)`;
}

function notASymbol(name: string): string {
  return `the name '${name}' is not a parameter, variable, resource or module (BCP063), and the function '${name}' cannot be used as a decorator`;
}
