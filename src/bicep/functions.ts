// Bicep's built-in functions: which names exist, and how many arguments the sys functions take,
// for the calls the lowering hands on to ARM. The names and counts are the compiler's own
// (functions.generated.ts). Bicep names are case-sensitive: `toupper()` is not `toUpper()`.
import { ARM_ONLY_FUNCTIONS, AZ_FUNCTIONS, SYS_FUNCTIONS, SYS_OTHER_FUNCTIONS } from './functions.generated.js';
import { suggestion } from '../model/spelling.js';

const SYS = new Map(SYS_FUNCTIONS.map(([name, min, max]) => [name, { min, max }]));
const NAMES_ONLY = new Set([...SYS_OTHER_FUNCTIONS, ...AZ_FUNCTIONS]);
/** Every function name, for "did you mean" (a name spelt alike, or one that differs only in case). */
const ALL_NAMES = [...SYS.keys(), ...NAMES_ONLY];

const INSTEAD: Record<string, string> = {
  parameters: "the parameter's name",
  variables: "the variable's name",
  if: 'the conditional operator (condition ? a : b)',
  createArray: 'an array ([a, b])',
  createObject: 'an object ({ key: value })',
};
const ARM_ONLY = new Set(ARM_ONLY_FUNCTIONS);

/** ARM functions Bicep writes as operators (the compiler's BCP069: "Use the "+" operator instead"). */
const OPERATOR_INSTEAD: Readonly<Record<string, string>> = {
  add: '+',
  sub: '-',
  mul: '*',
  div: '/',
  mod: '%',
  and: '&&',
  or: '||',
  not: '!',
  equals: '==',
  less: '<',
  lessOrEquals: '<=',
  greater: '>',
  greaterOrEquals: '>=',
};

function argumentCount(min: number, max: number): string {
  if (max < 0) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

export interface BuiltinProblem {
  /** 'name': the function does not exist (reported at its name); 'arguments': the count is wrong (at the argument list). */
  at: 'name' | 'arguments';
  message: string;
}

/**
 * What is wrong with calling the built-in `name` with `count` arguments, or undefined.
 * `extensions`: the file declares extensions, which may bring functions of their own, so an
 * unknown unqualified name is not reported. `declared`: the file's own functions, for "did you
 * mean", asked only for a name that is no built-in one (not made for every call).
 */
export function builtinCallProblem(name: string, count: number, extensions: boolean, declared: () => readonly string[] = () => []): BuiltinProblem | undefined {
  const sys = SYS.get(name);
  if (sys) {
    if (count >= sys.min && (sys.max < 0 || count <= sys.max)) return undefined;
    return { at: 'arguments', message: `${name}() takes ${argumentCount(sys.min, sys.max)}, but is given ${count}` };
  }
  // list*() is a family: listKeys(), listSecrets(), ... (the az namespace's wildcard), each
  // called as ARM's list*(resourceId, apiVersion[, functionValues]).
  if (/^list[A-Za-z0-9]/.test(name) && !NAMES_ONLY.has(name)) {
    if (count >= 2 && count <= 3) return undefined;
    return { at: 'arguments', message: `${name}() takes ${argumentCount(2, 3)} (a resource id, an API version and optional values), but is given ${count}` };
  }
  if (NAMES_ONLY.has(name)) return undefined;
  // Own keys only: a function named like an Object.prototype member is not in the table.
  if (!extensions && Object.hasOwn(OPERATOR_INSTEAD, name)) return { at: 'name', message: `the function '${name}' is not supported in Bicep (BCP069): use the '${OPERATOR_INSTEAD[name] ?? ''}' operator instead` };
  if (ARM_ONLY.has(name)) return { at: 'name', message: `'${name}()' is an ARM template function that Bicep does not have; use ${INSTEAD[name] ?? 'Bicep syntax'}` };
  if (extensions) return undefined;
  // The file's own functions are candidates too: `buildNme()` for a `func buildName()`.
  const own = declared();
  const near = suggestion(name, own.length ? [...own, ...ALL_NAMES] : ALL_NAMES);
  const caseOnly = near !== undefined && near.toLowerCase() === name.toLowerCase();
  return { at: 'name', message: `the function '${name}' does not exist${near ? `; did you mean '${near}'?${caseOnly ? ' (Bicep names are case-sensitive)' : ''}` : ''}` };
}
