// Checks a value given to a parameter against the structure of its declared type, as ARM does
// before it deploys anything (languageVersion 2.0 type nodes, which the Bicep compiler writes for
// its types and vtaplint's Bicep lowering writes alike): `properties` (each required unless its
// type is `nullable`), `additionalProperties` (false: a @sealed() type; a type node: the type of
// every other property), `discriminator` ({ propertyName, mapping }), `items` and `prefixItems`
// (tuples: `items: false`), and at every level `type`, `nullable`, `allowedValues`,
// `minValue`/`maxValue` and `minLength`/`maxLength`. Type nodes may be `$ref`s to
// "#/definitions/..." JSON pointers (also into a definition: "#/definitions/foo/properties/bar").
//
// A part of the value only known at deployment is never an error. The parameter's own top level
// (its type, allowedValues and bounds) is checked by the scope (messages without a path); this
// module walks below it, and reports each problem with the path of the property or element, at
// the span it was written at.
import type { Span } from '../model/span.js';
import { isTObject, ownProp, type TNode, type TObject } from '../model/template.js';
import { typeChain } from '../model/type-ref.js';
import { deepEquals, typeName } from '../expr/ops.js';
import { ObjectValue, Unknown, elementSpan, type Value } from '../expr/value.js';

/** How deep a value is walked (values nest at most maxJsonDepth; this bounds a walk on its own). */
const MAX_DEPTH = 256;

/** The type name ARM's message uses for the value a node of each declared type takes. */
export const EXPECTED_TYPE: Readonly<Record<string, string>> = {
  string: 'String',
  securestring: 'String',
  int: 'Integer',
  bool: 'Boolean',
  object: 'Object',
  secureobject: 'Object',
  array: 'Array',
};

/** EXPECTED_TYPE of a declared type name, by own keys only (a declared type "constructor" is no type). */
export function expectedTypeName(type: string | undefined): string | undefined {
  const t = type?.toLowerCase();
  return t !== undefined && Object.hasOwn(EXPECTED_TYPE, t) ? EXPECTED_TYPE[t] : undefined;
}

function key(chain: readonly TObject[], k: string): TNode | undefined {
  for (const n of chain) {
    const v = ownProp(n, k);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** One problem of a value: where (a path below the parameter, and the span of the part) and why. */
export interface TypeProblem {
  /** ".name", "[1]", ".items[0].kind" (appended to the parameter's name). */
  path: string;
  why: string;
  span: Span;
}

/** Whether `value` is an allowed value `a` (strings compare case-insensitively, as ARM compares them). */
export function matchesAllowed(a: Value, value: Value): boolean {
  return typeof a === 'string' && typeof value === 'string' ? a.toLowerCase() === value.toLowerCase() : deepEquals(a, value) !== false;
}

/**
 * Checks the parts of `value` below a parameter's top level against its type node `decl`:
 * each object property, additional property, discriminated member and array element. `evaluate`
 * turns a constraint node (allowedValues, bounds) into a value.
 */
export function checkStructure(value: Value, decl: TObject, template: TObject | undefined, span: Span, evaluate: (n: TNode) => Value): TypeProblem[] {
  const problems: TypeProblem[] = [];
  walkChildren(value, typeChain(template, decl), '', span, { template, evaluate, problems }, 0);
  return problems;
}

interface Walk {
  template: TObject | undefined;
  evaluate: (n: TNode) => Value;
  problems: TypeProblem[];
}

/** Checks one part of the value (type, nullability, allowedValues, bounds), then its children. */
function checkNode(value: Value, node: TObject, path: string, span: Span, w: Walk, depth: number): void {
  if (value instanceof Unknown || depth > MAX_DEPTH) return;
  const chain = typeChain(w.template, node);
  const fail = (why: string) => w.problems.push({ path, why, span });
  if (value === null) {
    // A part that may be left out (`T?`) may be null; a node of no known type takes anything.
    const typed = key(chain, 'type') !== undefined || key(chain, 'discriminator') !== undefined;
    if (typed && key(chain, 'nullable') !== true) fail(`expected a value of type '${expectedOf(chain) ?? 'Object'}', but received null`);
    return;
  }
  const expected = expectedOf(chain);
  if (expected !== undefined) {
    const got = typeName(value);
    if (got !== expected) {
      fail(`expected a value of type '${expected}', but received a value of type '${got}'`);
      return;
    }
  }
  const allowedNode = key(chain, 'allowedValues');
  const allowed = allowedNode === undefined ? undefined : w.evaluate(allowedNode);
  if (Array.isArray(allowed)) {
    // An array with allowedValues takes any subset of them (unless they are arrays themselves).
    const ok = Array.isArray(value) && !allowed.some((a) => Array.isArray(a))
      ? value.every((v) => allowed.some((a) => matchesAllowed(a, v)))
      : allowed.some((a) => matchesAllowed(a, value));
    if (!ok) {
      fail(`it is not one of the allowedValues`);
      return;
    }
  }
  const why = boundsProblem(value, (k) => {
    const n = key(chain, k);
    const v = n === undefined ? undefined : w.evaluate(n);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  });
  if (why) fail(why);
  walkChildren(value, chain, path, span, w, depth);
}

/** minValue / maxValue (int), minLength / maxLength (string, array): what is wrong, or undefined. */
export function boundsProblem(value: Value, bound: (key: string) => number | undefined): string | undefined {
  if (typeof value === 'number') {
    const min = bound('minValue');
    const max = bound('maxValue');
    if (min !== undefined && value < min) return `${value} is less than the minValue ${min}`;
    if (max !== undefined && value > max) return `${value} is greater than the maxValue ${max}`;
    return undefined;
  }
  const length = typeof value === 'string' ? value.length : Array.isArray(value) ? value.length : undefined;
  if (length === undefined) return undefined;
  const what = typeof value === 'string' ? 'characters' : 'elements';
  const min = bound('minLength');
  const max = bound('maxLength');
  if (min !== undefined && length < min) return `it has ${length} ${what}, fewer than the minLength ${min}`;
  if (max !== undefined && length > max) return `it has ${length} ${what}, more than the maxLength ${max}`;
  return undefined;
}

/** minValue / maxValue compared exactly, for an integer beyond 2^53 (or bounds beyond it): what is wrong, or undefined. */
export function exactBoundsProblem(value: bigint, bound: (key: string) => bigint | undefined): string | undefined {
  const min = bound('minValue');
  const max = bound('maxValue');
  if (min !== undefined && value < min) return `${value} is less than the minValue ${min}`;
  if (max !== undefined && value > max) return `${value} is greater than the maxValue ${max}`;
  return undefined;
}

function expectedOf(chain: readonly TObject[]): string | undefined {
  const t = key(chain, 'type');
  return typeof t === 'string' ? expectedTypeName(t) : undefined;
}

/** The properties, discriminated member or elements of a value whose own level has been checked. */
function walkChildren(value: Value, chain: readonly TObject[], path: string, span: Span, w: Walk, depth: number): void {
  if (value instanceof ObjectValue) walkObject(value, chain, path, span, w, depth);
  else if (Array.isArray(value)) walkArray(value, chain, path, span, w, depth);
}

function walkObject(value: ObjectValue, chain: readonly TObject[], path: string, span: Span, w: Walk, depth: number): void {
  const discriminator = key(chain, 'discriminator');
  if (isTObject(discriminator)) {
    const name = ownProp(discriminator, 'propertyName');
    const mapping = ownProp(discriminator, 'mapping');
    if (typeof name !== 'string' || !isTObject(mapping)) return;
    const tag = value.get(name);
    if (tag instanceof Unknown) return;
    const options = Object.keys(mapping);
    const list = options.map((o) => `'${o}'`).join(', ');
    if (tag === undefined) {
      // An object whose unlisted properties may be there (a spread of an object parameter) may hold it.
      if (!value.partial?.open) w.problems.push({ path, why: `the discriminator property '${name}' is missing (it must be one of ${list})`, span });
      return;
    }
    // The discriminator's values are compared as written (the compiler's mapping keys are literals).
    const member = typeof tag === 'string' ? options.find((o) => o === tag) : undefined;
    const at = value.entry(name)?.span ?? span;
    if (member === undefined) {
      w.problems.push({ path: `${path}.${name}`, why: `${typeof tag === 'string' ? `'${tag}'` : `a value of type '${typeName(tag)}'`} is not a value of the discriminator: it must be one of ${list}`, span: at });
      return;
    }
    const m = mapping[member];
    if (isTObject(m)) checkNode(value, m, path, span, w, depth + 1);
    return;
  }
  const props = key(chain, 'properties');
  const declared = isTObject(props) ? props : undefined;
  const names = new Set<string>();
  if (declared) {
    const missing: string[] = [];
    for (const p of Object.keys(declared)) {
      names.add(p.toLowerCase());
      const t = declared[p];
      if (!isTObject(t)) continue;
      const e = value.entry(p);
      if (e === undefined) {
        // Not listed by an object whose unlisted properties may be there: it may be given all the same.
        if (key(typeChain(w.template, t), 'nullable') !== true && !value.partial?.open) missing.push(p);
        continue;
      }
      checkNode(e.value, t, `${path}.${e.key}`, e.span ?? span, w, depth + 1);
    }
    if (missing.length) {
      w.problems.push({ path, why: `the required propert${missing.length > 1 ? 'ies' : 'y'} ${missing.map((m) => `'${m}'`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`, span });
    }
  }
  const extra = key(chain, 'additionalProperties');
  if (extra === undefined || extra === true) return;
  for (const e of value.located()) {
    if (names.has(e.key.toLowerCase())) continue;
    if (extra === false) {
      const allowed = declared ? Object.keys(declared) : [];
      w.problems.push({
        path: `${path}.${e.key}`,
        why: `the property '${e.key}' is not allowed: the type is sealed${allowed.length ? ` (its properties are ${allowed.map((a) => `'${a}'`).join(', ')})` : ' and has no properties'}`,
        span: e.keySpan ?? e.span ?? span,
      });
    } else if (isTObject(extra)) checkNode(e.value, extra, `${path}.${e.key}`, e.span ?? span, w, depth + 1);
  }
}

function walkArray(value: Value[], chain: readonly TObject[], path: string, span: Span, w: Walk, depth: number): void {
  const prefix = key(chain, 'prefixItems');
  const items = key(chain, 'items');
  const fixed = Array.isArray(prefix) ? prefix : [];
  if (Array.isArray(prefix)) {
    if (value.length < fixed.length || (items === false && value.length > fixed.length)) {
      const n = fixed.length;
      w.problems.push({ path, why: `it has ${value.length} element${value.length === 1 ? '' : 's'}, but the tuple type has ${items === false ? '' : 'at least '}${n} element${n === 1 ? '' : 's'}`, span });
      return;
    }
  }
  for (let i = 0; i < value.length; i++) {
    const t = i < fixed.length ? fixed[i] : items;
    if (!isTObject(t)) continue;
    checkNode(value[i] as Value, t, `${path}[${i}]`, elementSpan(value, i) ?? span, w, depth + 1);
  }
}
