// Loads a .bicep file as a template: parse, lower into the ARM template model (lower.ts), and
// follow local modules and compile-time imports through the host (which refuses paths outside
// the lint root). Modules nest at most `host.depth` (default 16) levels; a file that (indirectly)
// uses itself is reported, never followed. Registry modules are never fetched: they stay
// deployments with a templateLink naming the registry reference. (The local Bicep restore cache,
// ~/.bicep/br/..., lies outside the lint root and is not read.)
import { pushAll } from '../model/push-all.js';
import path from 'node:path';
import { DiagnosticSink, type Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import { TextSpan, type Span } from '../model/span.js';
import { isTObject, type TObject } from '../model/template.js';
import { loadJson } from '../load/arm-json.js';
import { classifyJson } from '../load/classify.js';
import { NO_SUCH_FILE, unreadFileMessage } from '../load/read.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { parseBicep } from './parser.js';
import { collectPragmas, type Pragma } from './pragmas.js';
import { FileLowerer, type LoweredFile } from './lower.js';
import type { ModuleLoader } from './lower-modules.js';
import type { ExprLowerer } from './lower-expr.js';
import { jsonLibrary } from './import-json.js';
import type { Node, StringLiteral } from './syntax.js';

export interface BicepHost {
  /** The lint root (absolute). */
  root: string;
  /** Reads a file; refuses paths outside the root with an error message. */
  read(absPath: string): SourceText | { error: string };
  /** Reads a file's bytes, with read()'s checks (loadFileAsBase64(), loadTextContent() encodings); without it, only text files can be loaded. */
  readBytes?(absPath: string): { bytes: Uint8Array } | { error: string };
  /** The names of the files directly in a folder, with read()'s checks (loadDirectoryFileInfo()); without it, folders cannot be listed. */
  listFiles?(absDir: string): { names: string[] } | { error: string };
  /** Module nesting limit (default 16). */
  depth?: number;
  /** File size, nesting and the other limits of the run (the defaults when absent). */
  limits?: Readonly<Limits> | undefined;
  /**
   * The environment a .bicepparam file's readEnvironmentVariable() reads, as the compiler reads
   * its own when it compiles the file (none when absent: such values are unknown).
   */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface BicepTemplate {
  root: TObject | undefined;
  span: Span;
  diagnostics: Diagnostic[];
  /** Suppression pragmas of the file and of the module/import files it uses. */
  pragmas: Pragma[];
  /**
   * The local files it declares as modules, nested ones included (absolute paths), whether or not
   * a module's condition or loop deploys it with the values given: the file is still its parent's.
   */
  modules: string[];
}

export const DEFAULT_MODULE_DEPTH = 16;

export function loadBicepTemplate(source: SourceText, host: BicepHost): BicepTemplate {
  const sink = new DiagnosticSink();
  const loader = new Loader(host, sink);
  const span = new TextSpan(source, 0, source.text.length);
  loader.stack.push(path.resolve(source.path));
  const lowered = loader.lowerSource(source);
  return { root: lowered?.root, span, diagnostics: sink.items, pragmas: loader.pragmas, modules: [...loader.modules] };
}

/** Lowers the files of one load, sharing the diagnostics, the module chain and a cache. */
export class Loader implements ModuleLoader {
  /** Absolute paths of the files being lowered, outermost first (for cycles and depth). */
  readonly stack: string[] = [];
  readonly pragmas: Pragma[] = [];
  /** The module files read (absolute), nested ones included. */
  readonly modules = new Set<string>();
  private readonly cache = new Map<string, LoweredFile | undefined>();
  private readonly jsonCache = new Map<string, { root: TObject; span: Span } | undefined>();
  /** JSON files named as modules that are ARM parameters files (see lowerModule). */
  private readonly parameterFiles = new Set<string>();
  private readonly jsonImports = new Map<string, LoweredFile | undefined>();
  private readonly maxDepth: number;

  constructor(
    private readonly host: BicepHost,
    private readonly sink: DiagnosticSink,
    private readonly options: { inlineVariables?: boolean } = {},
  ) {
    this.maxDepth = host.depth ?? DEFAULT_MODULE_DEPTH;
  }

  /** Parses and lowers one Bicep source; never throws. */
  lowerSource(source: SourceText, inlineVariables = this.options.inlineVariables ?? false): LoweredFile | undefined {
    const parsed = parseBicep(source, (this.host.limits ?? DEFAULT_LIMITS).maxJsonDepth);
    for (const d of parsed.diagnostics) this.sink.add(d);
    pushAll(this.pragmas, collectPragmas(source, parsed.program.trivia));
    try {
      return new FileLowerer(source, this.sink, parsed.program, { modules: this, inlineVariables, maxExpressionDepth: this.host.limits?.maxExpressionDepth, decorators: parsed.decorators, forExpressions: parsed.forExpressions }).lower();
    } catch (e) {
      // Only a bug gets here; report it at the file instead of failing the run.
      const message = `internal error while lowering Bicep: ${e instanceof Error ? e.message : String(e)}`;
      this.sink.add({ code: 'internal-error', message, span: new TextSpan(source, 0, 0) });
      return undefined;
    }
  }

  private enter(absPath: string, at: Node, from: ExprLowerer, what: string): SourceText | undefined {
    const key = path.resolve(absPath);
    if (this.stack.includes(key)) {
      const chain = [...this.stack.slice(this.stack.indexOf(key)), key].map((p) => path.relative(this.host.root, p) || p).join(' -> ');
      this.sink.add({ code: 'invalid-template', message: `the ${what} forms a cycle: ${chain}`, span: from.span(at) });
      return undefined;
    }
    if (this.stack.length > this.maxDepth) {
      this.sink.add({ code: 'limit-exceeded', message: `modules are nested more than ${this.maxDepth} levels deep; '${path.relative(this.host.root, key)}' is not analysed (limit maxDeploymentDepth)`, span: from.span(at) });
      return undefined;
    }
    const got = this.host.read(key);
    if ('error' in got) {
      this.sink.add({ code: 'invalid-template', message: unreadFileMessage(what, writtenPath(from.file.path, key, at), got.error), span: from.span(at), ...(got.error === NO_SUCH_FILE ? { missingFile: key } : {}) });
      return undefined;
    }
    return got;
  }

  lowerModule(absPath: string, at: Node, from: ExprLowerer): { root: TObject; span: Span } | undefined {
    const key = path.resolve(absPath);
    // A parameters file (a .bicepparam, ARM JSON parameters) deploys nothing: said at the module,
    // not as Bicep syntax errors in the .bicepparam or as an empty template without a word.
    const notModule = (what: string) => {
      this.sink.add({ code: 'invalid-template', message: `'${writtenPath(from.file.path, key, at)}' is ${what}, not a module: a module is a .bicep file or an ARM JSON template`, span: from.span(at) });
      return undefined;
    };
    if (/\.bicepparam$/i.test(key)) return notModule('a Bicep parameters file');
    if (/\.json$/i.test(key)) {
      if (this.parameterFiles.has(key)) return notModule('an ARM parameters file');
      if (this.jsonCache.has(key)) return this.jsonCache.get(key);
      const src = this.enter(key, at, from, 'module');
      if (!src) return undefined;
      const j = loadJson(src, this.host.limits);
      for (const d of j.diagnostics) this.sink.add(d);
      if (classifyJson(j.root) === 'parameters') {
        this.parameterFiles.add(key);
        return notModule('an ARM parameters file');
      }
      const out = isTObject(j.root) ? { root: j.root, span: j.span } : undefined;
      this.jsonCache.set(key, out);
      if (out) this.modules.add(key);
      return out;
    }
    const f = this.lowerFile(key, at, from, 'module');
    if (f) this.modules.add(key);
    return f ? { root: f.root, span: new TextSpan(f.source, 0, f.source.text.length) } : undefined;
  }

  lowerImport(absPath: string, at: Node, from: ExprLowerer): LoweredFile | undefined {
    const key = path.resolve(absPath);
    if (!/\.json$/i.test(key)) return this.lowerFile(key, at, from, 'import');
    // An ARM JSON template (import-json.ts): read once, inside the lint root, as a module is.
    if (this.jsonImports.has(key)) return this.jsonImports.get(key);
    const src = this.enter(key, at, from, 'import');
    if (!src) return undefined;
    const j = loadJson(src, this.host.limits);
    for (const d of j.diagnostics) this.sink.add(d);
    let out: LoweredFile | undefined;
    if (isTObject(j.root)) out = jsonLibrary(j.root, j.span);
    else {
      // Said at the import too: the file's own diagnostics are in another file.
      const why = j.diagnostics.length ? 'it is not a valid JSON template' : 'it is not a JSON object';
      this.sink.add({ code: 'invalid-template', message: `cannot import from '${path.relative(path.dirname(from.file.path), key)}': ${why}`, span: from.span(at) });
    }
    this.jsonImports.set(key, out);
    return out;
  }

  private lowerFile(key: string, at: Node, from: ExprLowerer, what: string): (LoweredFile & { source: SourceText }) | undefined {
    if (this.cache.has(key) && !this.stack.includes(key)) {
      const hit = this.cache.get(key);
      return hit as (LoweredFile & { source: SourceText }) | undefined;
    }
    const src = this.enter(key, at, from, what);
    if (!src) return undefined;
    this.stack.push(key);
    try {
      // Imports are never inlined: an imported variable keeps its variables() references.
      const lowered = this.lowerSource(src, false);
      const out = lowered ? { ...lowered, source: src } : undefined;
      this.cache.set(key, out);
      return out;
    } finally {
      this.stack.pop();
    }
  }

  readFile(absPath: string): { text: string } | { error: string } {
    const got = this.host.read(path.resolve(absPath));
    return 'error' in got ? got : { text: got.text };
  }

  readBytes(absPath: string): { bytes: Uint8Array } | { error: string } {
    if (!this.host.readBytes) {
      const got = this.readFile(absPath);
      return 'error' in got ? got : { bytes: Buffer.from(got.text, 'utf8') };
    }
    return this.host.readBytes(path.resolve(absPath));
  }

  listFiles(absDir: string): { names: string[] } | { error: string } {
    if (!this.host.listFiles) return { error: 'folders cannot be listed here' };
    return this.host.listFiles(path.resolve(absDir));
  }
}

/**
 * A path another file names, as a user reads it: as written when `at` is the string that names it
 * (`using '/dev/zero'` is '/dev/zero', not '../../../dev/zero'), else relative to the naming file's
 * folder, with '/'.
 */
export function writtenPath(fromFile: string, target: string, at?: Node | string): string {
  if (typeof at === 'string') return at;
  const written = at && (at as Partial<StringLiteral>).kind === 'String' ? (at as StringLiteral).value : undefined;
  if (written !== undefined) return written;
  return path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
}
