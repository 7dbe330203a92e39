// Loads a .bicepparam file: `using 'main.bicep'` (or `using none`) and `param x = <expr>`
// assignments. Values are lowered like template expressions and evaluated later in `scope`, a
// template holding the file's variables (each evaluated once) and what it imports; imported
// variables are also inlined.
import path from 'node:path';
import { unreadFileMessage } from '../load/read.js';
import { DiagnosticSink, type Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import { TextSpan, type Span } from '../model/span.js';
import { ownKey, type TNode, type TObject } from '../model/template.js';
import { isNullableDeclaration } from '../model/type-ref.js';
import { Loader, type BicepHost } from './load.js';
import { collectPragmas, type Pragma } from './pragmas.js';
import { FileLowerer } from './lower.js';

export { BASE_VALUES } from './lower.js';
import { parseBicepParams } from './parser.js';
import type { MissingExpression, StringLiteral, UsingDeclaration } from './syntax.js';

export interface BicepParams {
  /** The template named by `using` (absolute); undefined for `using none` or no `using`. */
  templatePath: string | undefined;
  /** templatePath as the `using` line writes it, for messages. */
  templateWritten?: string | undefined;
  values: Map<string, { node: TNode; span: Span }>;
  /** The template the values are evaluated in: the variables and functions they import (see FileLowerer.lowerParameterAssignments). */
  scope: TObject;
  diagnostics: Diagnostic[];
  /** The parameters file itself (a base's values are expressions of their own file). */
  source: SourceText;
  /** Where each assigned parameter is named (`param <name> = ...`). */
  names: Map<string, Span>;
  /** The `using` path, where missing assignments are reported. */
  usingSpan: Span | undefined;
  /** Whether the file has a `using` statement (`using none` included). */
  hasUsing: boolean;
  /**
   * The parameters file this one `extends`: its values apply where this file assigns none.
   * undefined without `extends`; 'unread' when it names a file that cannot be read.
   */
  base: BicepParams | 'unread' | undefined;
  /**
   * Suppression comments and directives of this file (not of its base): they accept findings
   * decided by the values assigned on their next line (the findings land in the template).
   */
  pragmas: Pragma[];
}

/** How deep `extends` chains are followed (a cycle is reported as soon as it closes). */
const MAX_EXTENDS = 8;

/** What a `using` statement names: a local template (absolute path), a registry reference, or nothing it can read. */
export type UsingTarget = { kind: 'file'; path: string; written: string } | { kind: 'registry'; ref: string } | { kind: 'not-literal' } | { kind: 'params'; rel: string };

export function usingTarget(s: UsingDeclaration, paramsFile: string): UsingTarget | undefined {
  if (s.none || !s.path) return undefined;
  if (s.path.expressions.length) return { kind: 'not-literal' };
  const rel = s.path.value ?? s.path.segments.join('');
  if (/^(br|ts)[:/]/i.test(rel)) return { kind: 'registry', ref: rel };
  // Another parameters file is no template: read as one, its `using` and `param x = ...` lines were
  // each an error placed in that (valid) file, and the file that named it said nothing.
  if (isParamsFile(rel)) return { kind: 'params', rel };
  return { kind: 'file', path: path.resolve(path.dirname(paramsFile), rel), written: rel };
}

export function loadBicepParams(source: SourceText, host: BicepHost, chain: readonly string[] = []): BicepParams {
  const sink = new DiagnosticSink();
  const parsed = parseBicepParams(source, host.limits?.maxJsonDepth);
  for (const d of parsed.diagnostics) sink.add(d);
  let templatePath: string | undefined;
  let templateWritten: string | undefined;
  let usingSpan: Span | undefined;
  const names = new Map<string, Span>();
  let base: BicepParams | 'unread' | undefined;
  for (const s of parsed.program.statements) {
    // A parameters file declares no parameters: a decorator on an assignment (`@description(...)`
    // copied from the template) is the compiler's BCP130, "Decorators are not allowed here".
    if (s.kind === 'ParameterAssignment' || s.kind === 'Using' || s.kind === 'Extends') {
      for (const d of s.decorators) {
        sink.add({ code: 'invalid-template', message: `decorators are not allowed here (BCP130): a .bicepparam file assigns values, remove @${d.name.name || '...'}()`, span: new TextSpan(source, d.start, d.end) });
      }
    }
    // A template's declarations parse in a parameters file, but the compiler takes none of them there.
    if (s.kind === 'Resource' || s.kind === 'Module' || s.kind === 'Output' || s.kind === 'TargetScope' || s.kind === 'Metadata') {
      sink.add({ code: 'invalid-template', message: `This declaration type is not valid for a Bicep Parameters file. Supported declarations: "using", "extends", "param", "var", "type". (BCP337)`, span: new TextSpan(source, s.keyword.start, s.keyword.end) });
    }
    if (s.kind === 'ParameterAssignment') names.set(s.name.name, new TextSpan(source, s.name.start, s.name.end));
    if (s.kind === 'Extends') base = extendedFile(s.path, source, host, [...chain, path.resolve(source.path)], sink);
    if (s.kind !== 'Using' || !s.path) continue;
    const target = usingTarget(s, source.path);
    const at = new TextSpan(source, s.path.start, s.path.end);
    usingSpan = at;
    if (target?.kind === 'not-literal') sink.add({ code: 'invalid-template', message: "the 'using' path must be a literal string", span: at });
    else if (target?.kind === 'params') sink.add({ code: 'invalid-template', message: `'using' names '${target.rel}', a parameters file: it must name the template the values are for (a .bicep or ARM .json file); to take another parameters file's values, use 'extends'`, span: at });
    else if (target?.kind === 'registry') sink.add({ code: 'note', message: `the template '${target.ref}' is in a registry and is not fetched`, span: at });
    else if (target) {
      templatePath = target.path;
      templateWritten = target.written;
    }
  }
  const loader = new Loader(host, sink);
  loader.stack.push(path.resolve(source.path));
  let values = new Map<string, { node: TNode; span: Span }>();
  let scope: TObject = {};
  try {
    const extendsBase = base === 'unread' ? 'unread' : base !== undefined;
    ({ values, scope } = new FileLowerer(source, sink, parsed.program, { modules: loader, inlineVariables: true, env: host.env, extendsBase, maxExpressionDepth: host.limits?.maxExpressionDepth }).lowerParameterAssignments());
  } catch (e) {
    sink.add({ code: 'internal-error', message: `internal error while lowering Bicep parameters: ${e instanceof Error ? e.message : String(e)}`, span: new TextSpan(source, 0, 0) });
  }
  const hasUsing = parsed.program.statements.some((s) => s.kind === 'Using');
  return { templatePath, templateWritten, values, scope, diagnostics: sink.items, source, names, usingSpan, hasUsing, base, pragmas: collectPragmas(source, parsed.program.trivia) };
}

/** Whether a path names a Bicep parameters file. */
function isParamsFile(rel: string): boolean {
  return /\.bicepparam$/i.test(rel);
}

/** `extends 'base.bicepparam'`: that file, loaded (its own `extends` too), or 'unread' with the reason reported. */
function extendedFile(p: StringLiteral | MissingExpression, source: SourceText, host: BicepHost, chain: readonly string[], sink: DiagnosticSink): BicepParams | 'unread' {
  const at = new TextSpan(source, p.start, p.end);
  const rel = p.kind === 'String' && p.expressions.length === 0 ? (p.value ?? p.segments.join('')) : undefined;
  if (rel === undefined) {
    sink.add({ code: 'invalid-template', message: "the 'extends' path must be a literal string", span: at });
    return 'unread';
  }
  // Only a parameters file can be extended: a template read as one was a column of false errors
  // placed in the template ('expected '=' after the parameter name' at each `param x string`).
  if (!isParamsFile(rel)) {
    sink.add({ code: 'invalid-template', message: `'extends' names '${rel}', which is not a parameters file: it must name a .bicepparam file`, span: at });
    return 'unread';
  }
  const abs = path.resolve(path.dirname(source.path), rel);
  if (chain.includes(abs) || chain.length > MAX_EXTENDS) {
    sink.add({ code: 'invalid-template', message: `'extends' makes a cycle or a chain longer than ${MAX_EXTENDS} files: '${rel}' is not read again`, span: at });
    return 'unread';
  }
  const read = host.read(abs);
  if ('error' in read) {
    sink.add({ code: 'invalid-template', message: unreadFileMessage('parameters file', rel, read.error), span: at });
    return 'unread';
  }
  const loaded = loadBicepParams(read, host, chain);
  for (const d of loaded.diagnostics) sink.add(d);
  return loaded;
}

/** Every parameter name a parameters file assigns, with those of the files it extends (its own first). */
export function assignedNames(p: BicepParams): Map<string, Span> {
  const out = new Map<string, Span>();
  const seen = new Set<string>();
  for (let f: BicepParams | 'unread' | undefined = p; f && f !== 'unread'; f = f.base) {
    for (const [name, span] of f.names) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.set(name, span);
    }
  }
  return out;
}

/**
 * What the compiler checks between a parameters file and its template: every assigned name is a
 * parameter of the template (BCP259), and every parameter without a default (and not nullable)
 * is assigned (BCP258). Names compare case-insensitively, as ARM's parameters do.
 */
export function checkAssignments(p: BicepParams, templateParameters: TNode | undefined, template?: TObject): Diagnostic[] {
  const declared = new Map<string, TNode>();
  if (templateParameters && typeof templateParameters === 'object' && !Array.isArray(templateParameters)) {
    for (const k of Object.keys(templateParameters)) declared.set(k.toLowerCase(), (templateParameters as TObject)[k] as TNode);
  }
  const out: Diagnostic[] = [];
  const assigned = new Set<string>();
  for (const [name, span] of assignedNames(p)) {
    assigned.add(name.toLowerCase());
    if (!declared.has(name.toLowerCase())) out.push({ code: 'invalid-template', message: `The parameter "${name}" is assigned in the params file without being declared in the template.`, span });
  }
  if (!p.usingSpan || hasUnreadBase(p)) return out;
  const missing: string[] = [];
  for (const [lower, decl] of declared) {
    if (assigned.has(lower) || !decl || typeof decl !== 'object' || Array.isArray(decl)) continue;
    const d = decl as TObject;
    // Nullable through its definition too (an AVM main.json's lock: { $ref: '#/definitions/lockType' }).
    if (ownKey(d, 'defaultValue') !== undefined || isNullableDeclaration(d, template)) continue;
    missing.push(Object.keys(templateParameters as TObject).find((k) => k.toLowerCase() === lower) ?? lower);
  }
  if (missing.length) {
    out.push({
      code: 'invalid-template',
      message: `The following parameters are declared in the template but are missing an assignment in the params file: ${missing
        .sort()
        .map((m) => `"${m}"`)
        .join(', ')}.`,
      span: p.usingSpan,
    });
  }
  return out;
}

function hasUnreadBase(p: BicepParams): boolean {
  let f: BicepParams | 'unread' | undefined = p.base;
  while (f !== undefined) {
    if (f === 'unread') return true;
    f = f.base;
  }
  return false;
}
