// Parameter values from outside a template: ARM parameters files (with Key Vault references,
// which stay secret unknowns), -p name=value, and the files associated with a template by name
// (x.parameters.json beside x.json, azuredeploy.parameters.json beside azuredeploy.json).
import path from 'node:path';
import type { DiagnosticSink } from '../model/diagnostic.js';
import { childOf, isTObject, own, ownKey, type Located, type TObject } from '../model/template.js';
import { fromJson } from '../expr/ops.js';
import { parseJsonText } from '../expr/json-text.js';
import { ObjectValue, Unknown, inexactInteger, isInexactInteger, setElementOrigin, writtenInteger, type Value } from '../expr/value.js';
import type { Span } from '../model/span.js';
import { loadJson, type LoadedJson } from '../load/arm-json.js';
import { readSource, readSourceInside, type ReadResult } from '../load/read.js';
import { existsListed } from '../discover/folder-listings.js';
import { InputMemo } from '../model/inputs.js';
import type { Limits } from '../model/limits.js';
import type { SuppliedParameter } from './scope.js';

export type SuppliedParameters = Map<string, SuppliedParameter>;

/**
 * Where the values a template's own parameters file gave are (x.parameters.json, an
 * environment's, the --parameters file of a run over the template alone): a required parameter
 * it leaves out is said there. Kept beside the map rather than in it (its entries are the names).
 */
const OWN_FILE = new WeakMap<SuppliedParameters, Span>();

/** Notes that the template's own parameters file gave values to `into` (the first one does), at `span`. */
export function markOwnParametersFile(into: SuppliedParameters, span: Span): void {
  if (!OWN_FILE.has(into)) OWN_FILE.set(into, span);
}

/** The `parameters` of the template's own parameters file that gave some of these values, if one did. */
export function ownParametersFile(p: SuppliedParameters | undefined): Span | undefined {
  return p ? OWN_FILE.get(p) : undefined;
}

/**
 * Parameters files read in one run: a file given for every template (--parameters, a config's
 * mapping) is read and parsed once, however many templates it gives values to and for the check
 * of its names at the end, not once per template. Keyed by the path, where it may be read from
 * (inside the root or anywhere) and the limits that bound reading and parsing it (configs may
 * differ); each template still gets its own entries, built from the shared parse.
 */
export class ParameterFileReads {
  /** Each read is an input of every template given its values (--cache: src/model/inputs.ts). */
  private readonly done = new InputMemo<{ read: ReadResult; loaded: LoadedJson | undefined }>();
  /** The key each path was last read under: a reader that does not know the limits takes that read. */
  private readonly keyOf = new Map<string, string>();

  get(abs: string, key: string | undefined, make: () => { read: ReadResult; loaded: LoadedJson | undefined }): { read: ReadResult; loaded: LoadedJson | undefined } {
    const k = key ?? this.keyOf.get(abs) ?? abs;
    if (!this.done.has(k)) this.keyOf.set(abs, k);
    return this.done.get(k, make);
  }
}

/**
 * Reads an ARM parameters file into `into`; false when it could not be read (diagnostics say why).
 * `belongs`: the file is the template's own (x.parameters.json beside x.json), so each of its
 * parameters must be one the template declares (see SuppliedParameter.mustBeDeclared). A file
 * given for many templates (--parameters, a config mapping by glob) is not held to that.
 */
export function readParameterFile(
  file: string,
  into: SuppliedParameters,
  sink: DiagnosticSink,
  opts: { root?: string | undefined; limits?: Readonly<Limits> | undefined; belongs?: boolean; reads?: ParameterFileReads | undefined } = {},
): boolean {
  const abs = path.resolve(file);
  const readAndParse = () => {
    // A file found beside a template is read only inside the lint root (a link may point anywhere).
    const read = opts.root ? readSourceInside(abs, 'arm-parameters', opts.root, opts.limits) : readSource(abs, 'arm-parameters', opts.limits);
    return { read, loaded: read.ok ? loadJson(read.source, opts.limits) : undefined };
  };
  const l = opts.limits;
  // Without limits (the check of names at the end of a run): any read of the file will do.
  const key = l ? `${abs}\0${opts.root ?? ''}\0${l.maxFileBytes}/${l.maxJsonDepth}` : undefined;
  const { read, loaded } = opts.reads ? opts.reads.get(abs, key, readAndParse) : readAndParse();
  if (!read.ok) {
    sink.add(read.diagnostic);
    return false;
  }
  if (!loaded) return false;
  for (const d of loaded.diagnostics) sink.add(d);
  if (!loaded.root || !isTObject(loaded.root)) {
    if (loaded.root !== undefined) sink.add({ code: 'invalid-template', message: 'A parameters file must be a JSON object.', span: loaded.span });
    return false;
  }
  const doc: Located<TObject> = { node: loaded.root, span: loaded.span };
  // A template given where its values belong (--parameters main.json, a template saved as
  // x.parameters.json): its declarations are no values, and an error for each said nothing of why.
  // Its resources tell it (not its $schema: parameters files written with the template's $schema
  // are read by ARM all the same).
  const resources = childOf(doc, 'resources');
  if (resources) {
    sink.add({
      code: 'invalid-template',
      message: `'${path.basename(abs)}' is an ARM template (it declares resources), not a parameters file: lint it as a path, and give parameter values in a file of the form {"parameters": {"name": {"value": ...}}}`,
      span: resources.span,
    });
    return false;
  }
  // The Azure CLI takes a file's `parameters`, or the whole object when it has none
  // (`parsed.get('parameters', parsed)`): {"location": {"value": "eastus"}} is a parameters file
  // too. One that says it is a parameters file ($schema, contentVersion) but has none is a mistake.
  const bare = !childOf(doc, 'parameters') && !own(doc.node, '$schema') && !own(doc.node, 'contentVersion') && Object.keys(doc.node).length > 0;
  const params = bare ? doc : childOf(doc, 'parameters');
  if (!params || !isTObject(params.node)) {
    sink.add({ code: 'invalid-template', message: "The parameters file has no 'parameters' object.", span: loaded.span });
    return false;
  }
  if (opts.belongs) {
    const key = bare ? undefined : ownKey(doc.node, 'parameters');
    markOwnParametersFile(into, key !== undefined ? doc.span.keySpan(doc.node, key) : doc.span);
  }
  for (const name of Object.keys(params.node)) {
    const entry = childOf(params as Located<TObject>, name) as Located;
    // Every file's values reach ARM as written: their JSON types are checked (see SuppliedParameter).
    // The key's span is made on request (a message that names the entry places it there).
    const keySpan = params.span.keySpan(params.node, name);
    const given = opts.belongs ? { keySpan, mustBeDeclared: true, typeChecked: true } : { keySpan, typeChecked: true };
    const e = entry as Located<TObject>;
    const ref = isTObject(entry.node) ? childOf(e, 'reference') : undefined;
    const val = isTObject(entry.node) ? childOf(e, 'value') : undefined;
    // ARM rejects a parameters file whose entry is a bare value: each is { "value": ... } or a
    // Key Vault { "reference": ... }. Silently skipping it would let the template's default win.
    if (!ref && !val) {
      sink.add({ code: 'invalid-template', message: `The parameter '${name}' in the parameters file has no "value" (write it as { "value": ... }, or a Key Vault { "reference": ... }).`, span: entry.span });
      continue;
    }
    if (ref) {
      into.set(name, {
        value: new Unknown({ code: 'secure', message: `the parameter '${name}' is a Key Vault reference (never resolved or shown)`, span: ref.span }),
        span: ref.span,
        ...given,
      });
    } else if (val) {
      into.set(name, { value: locatedJson(val.node as unknown, val.span), span: val.span, ...given });
    }
  }
  return true;
}

/**
 * A parameters file's value, whose properties and elements know where they were written (their
 * spans are derived from the file's JSON when a finding asks): a mistake deep in an object is
 * reported at that property, not at the whole value.
 */
function locatedJson(j: unknown, span: Span): Value {
  // Only containers need a span of their own (a leaf's is derived from its container's origin).
  const inner = (c: object, k: string | number, x: unknown): Value => (x !== null && typeof x === 'object' ? locatedJson(x, span.child(c, k)) : leaf(x, () => span.child(c, k)));
  if (Array.isArray(j)) {
    const out = j.map((x, i) => inner(j, i, x));
    setElementOrigin(out, j, span);
    return out;
  }
  if (j !== null && typeof j === 'object') {
    const o = new ObjectValue();
    o.origin = { container: j, span };
    for (const k of Object.keys(j)) o.setFromTemplate(k, inner(j, k, (j as Record<string, unknown>)[k]), k);
    return o;
  }
  return leaf(j, () => span);
}

/**
 * A number, string, boolean or null of a parameters file. An integer beyond 2^53, which JSON.parse
 * has rounded (9007199254740993 read as ...992), is the unknown that stands for it with the digits
 * written at its place, as a template's literal is (see isInexactInteger): a maxValue of
 * 9007199254740992 then rejects it, as ARM does.
 */
function leaf(x: unknown, span: () => Span): Value {
  if (!isInexactInteger(x)) return fromJson(x);
  const at = span();
  return inexactInteger(x, at, writtenInteger(at, x));
}

/**
 * Marks a value of --parameters JSON written inline (args.ts): its JSON text follows. A NUL
 * cannot be in a command-line argument, so no -p text starts with it.
 */
export const INLINE_JSON = '\u0000json:';

/** -p name=value: JSON when the value parses as JSON, otherwise a string (a parameter of type string takes the text: see SuppliedParameter.text; a value after INLINE_JSON is JSON written inline, given as written). */
export function cliParameters(params: Record<string, string>, into: SuppliedParameters, belongs = false): void {
  for (const [name, text] of Object.entries(params)) {
    if (text.startsWith(INLINE_JSON)) {
      // Reaches ARM as the JSON written, as a parameters file's value does (its type is checked, not converted).
      const parsed = parseJsonText(text.slice(INLINE_JSON.length));
      const value = parsed.ok ? parsed.value : text;
      into.set(name, belongs ? { value, typeChecked: true, inline: true, mustBeDeclared: true } : { value, typeChecked: true, inline: true });
      continue;
    }
    let v: unknown;
    try {
      v = JSON.parse(text) as unknown;
    } catch {
      v = text;
    }
    // An integer beyond 2^53 keeps the digits given (JSON.parse rounds them).
    const digits = text.trim();
    const value = isInexactInteger(v) && /^-?\d{1,20}$/.test(digits) && Number(BigInt(digits)) === v ? inexactInteger(v, undefined, BigInt(digits)) : fromJson(v);
    // The one template of the run's (LintOptions.parameterFilesBelong): ARM rejects a name it does not declare.
    into.set(name, belongs ? { value, text, mustBeDeclared: true } : { value, text });
  }
}

/**
 * The template beside an ARM parameters file named for one environment of it, when there is one:
 * `x.parameters.<env>.json` (`azuredeploy.parameters.prod.json`, the quickstarts'
 * `azuredeploy.parameters.us.json`) or `x.<env>.parameters.json` (`azuredeploy.prod.parameters.json`)
 * for `x.json` (or `x.jsonc`). A template can have several, each one deployment of it, as a Bicep
 * file has several `.bicepparam` files. `x.<env>.parameters.json` is `x.<env>.json`'s own
 * parameters file when that template exists (`prereq.azuredeploy.parameters.json`), not an
 * environment of `x.json`. A Bicep file is not given JSON parameters by name: tools that pair them
 * (azd's `main.parameters.json`) write placeholders (`${AZURE_LOCATION}`) that only they substitute.
 */
export function environmentParameterTemplate(parametersFile: string): string | undefined {
  const dir = path.dirname(parametersFile);
  const base = path.basename(parametersFile);
  const existing = (stem: string) => [`${stem}.json`, `${stem}.jsonc`].map((n) => path.join(dir, n)).find((p) => existsListed(p));
  const suffix = /^(.+)\.parameters\.[^.]+\.jsonc?$/i.exec(base);
  if (suffix) return existing(suffix[1] as string);
  const infix = /^((.+)\.[^.]+)\.parameters\.jsonc?$/i.exec(base);
  if (infix && !existing(infix[1] as string)) return existing(infix[2] as string);
  return undefined;
}

/** The parameters file associated with a template by name, when one exists beside it. */
export function associatedParameterFile(template: string): string | undefined {
  const dir = path.dirname(template);
  const base = path.basename(template);
  const m = /^(.*)\.(json|jsonc)$/i.exec(base);
  if (!m) return undefined;
  // One file system look-up per distinct name ('x.json' has one candidate, 'x.jsonc' two).
  const candidates = [...new Set([`${m[1]}.parameters.${m[2]}`, `${m[1]}.parameters.json`])];
  for (const c of candidates) {
    const p = path.join(dir, c);
    if (existsListed(p)) return p;
  }
  return undefined;
}
