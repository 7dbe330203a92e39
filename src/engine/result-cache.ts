// The result cache (--cache): each linted file's result, kept in one JSON file with what its lint
// learnt from outside the file (src/model/inputs.ts). A later run takes a file's result from it when
// - the run would lint the file the same way: the same vtaplint build and Node version, root,
//   working folder, rules, --parameters files, -p values, the same config (its text, and which of
//   its suppressions have expired by today), and the file named or found the same way (the key);
// - and every question its lint asked still gets the same answer (revalidate.ts): its own text,
//   and that of every module, linked template, parameters file and loaded file it read, which
//   files exist beside it, what lies inside the lint root, the environment variables it read.
// What a run decides across files (a module judged through its parents, repeated findings,
// fingerprints, a baseline, --context) is decided again every run from the files' results.
//
// The file is written whole, through a temporary file and a rename, so that a run that stops or
// another run at the same time never leaves half of one. A file that cannot be read as a cache (of
// another version, damaged, edited) is treated as empty and written again; a result in it that is
// not of the shape this build writes is linted again.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { pathStats } from '../model/path-kind.js';
import { LINTED_EXTENSIONS, extensionOf } from '../discover/discover.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest, type Input } from '../model/inputs.js';
import { prepareCacheFolder } from './cache-folder.js';
import { stillAnswered, type RunFacts } from './revalidate.js';
import type { WorkerResult } from './parallel.js';

/** A name discovery lints (any case: a cache given one is checked before it is written over). */
function lintedName(file: string): boolean {
  return (LINTED_EXTENSIONS as readonly string[]).includes(extensionOf(file).toLowerCase());
}

/** The cache file's format; a file of another format is not read. */
const FORMAT = 'vtaplint-result-cache/1';

/**
 * A cache file larger than this is not read (and is written again): reading a file of unbounded
 * size whole would take unbounded memory. Quickstart's 2,481 files make 3.2 MB.
 */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** A file's result as the cache keeps it: a worker's result without its index. */
export type CachedResult = Omit<WorkerResult, 'index'>;

interface Entry {
  /** The file linted (absolute), and whether it was named: a later result for both replaces this one. */
  path: string;
  explicit: boolean;
  inputs: Input[];
  result: CachedResult;
}

interface CacheFile {
  format: string;
  /** The build and the Node version that wrote it. */
  tool: string;
  entries: Record<string, Entry>;
}

/** What makes a run lint every file the same way, whatever the file. */
export interface RunKey {
  tool: string;
  root: string;
  cwd: string;
  rules: readonly string[];
  parameterFiles: readonly string[];
  parameterFilesBelong: boolean;
  params: Readonly<Record<string, string>>;
}

/**
 * Which vtaplint this is: the CLI's build id (bin/run-bundle.cjs sets it), else a digest of the
 * bundle that runs (the Action's dist/action.js), else "source" (from the sources, in tests).
 */
export function toolIdentity(version: string): string {
  let build = (globalThis as Record<symbol, unknown>)[Symbol.for('vtaplint.build')];
  if (typeof build !== 'string' && /\/dist\/[^/]+\.c?js$/.test(import.meta.url)) {
    try {
      build = digest(readFileSync(fileURLToPath(import.meta.url)));
    } catch {
      build = undefined;
    }
  }
  // The time zone too (a date a template parses without one is read in local time first): TZ and
  // the offsets in winter and summer, not Intl's zone name, whose first use costs ~25 ms.
  const zone = `${process.env.TZ ?? ''}/${new Date(2026, 0, 1).getTimezoneOffset()}/${new Date(2026, 6, 1).getTimezoneOffset()}`;
  return `${version} ${typeof build === 'string' ? build : 'source'} ${process.version} ${process.arch} ${zone}`;
}

export class ResultCache {
  private readonly entries: Map<string, Entry>;
  private readonly run: string;
  private changed = false;
  hits = 0;
  misses = 0;
  /** The keys this run looked up. */
  private readonly asked = new Set<string>();
  /** The answers asked again in this run, by question: a parameters file many results read is read once. */
  private readonly answers = new Map<string, string>();

  private constructor(
    readonly file: string,
    private readonly tool: string,
    entries: Map<string, Entry>,
    key: RunKey,
    /** The cache folder the file is in, made when the cache is first written (cache-folder.ts). */
    private readonly folder: string | undefined,
    /** Why the cache file cannot be used at all (not a regular file): nothing is read or written. */
    private readonly unusable?: string,
  ) {
    this.entries = entries;
    this.run = digest(JSON.stringify([key.tool, key.root, key.cwd, [...key.rules].sort(), key.parameterFiles, key.parameterFilesBelong, Object.entries(key.params)]));
  }

  /** Reads the cache file; one that is missing, damaged, of another build or too large is an empty cache. */
  static open(file: string, key: RunKey, folder?: string, unusable?: string): ResultCache {
    let entries = new Map<string, Entry>();
    if (unusable !== undefined) return new ResultCache(file, key.tool, entries, key, folder, unusable);
    // Something that is not a file where the cache goes (/dev/null, a FIFO, a device) is neither
    // read (a FIFO would wait for a writer forever) nor replaced (as root, the rename would put a
    // file in /dev/null's place): the run goes on without the cache, with a warning.
    const kind = pathStats(file);
    if (kind !== undefined && !kind.isFile()) return new ResultCache(file, key.tool, entries, key, folder, kind.isDirectory() ? 'it is a folder' : 'it is not a regular file');
    let text: string | undefined;
    try {
      if ((kind?.size ?? 0) > MAX_CACHE_BYTES) throw new Error('too large');
      text = readFileSync(file, 'utf8');
      const data = JSON.parse(text) as unknown;
      // An entry not of the shape this build writes (a damaged or edited file) is dropped: its file is linted again.
      if (isCacheFile(data) && data.format === FORMAT && data.tool === key.tool) entries = new Map(Object.entries(data.entries).filter(([, e]) => isEntry(e)));
    } catch {
      // Missing or not JSON: an empty cache, written at the end of the run.
    }
    // A file named as the cache (not one in the cache folder) that vtaplint would lint, and that
    // is no cache of any vtaplint (`--cache-location main.json` by mistake), is never written over.
    if (folder === undefined && kind !== undefined && lintedName(file) && !(text ?? '').includes('"vtaplint-result-cache/')) {
      return new ResultCache(file, key.tool, new Map(), key, folder, 'it is a file vtaplint lints, not a result cache, and is not written over');
    }
    return new ResultCache(file, key.tool, entries, key, folder);
  }

  /**
   * The key of a file's result: the run, the file, whether it was named, and its config (its
   * file, its text and which of its suppressions have expired).
   */
  keyOf(file: string, explicit: boolean, config: ConfigIdentity): string {
    let of = this.configKeys.get(config);
    if (of === undefined) this.configKeys.set(config, (of = digest(JSON.stringify([config.file ?? '', config.text, config.expired]))));
    return digest(JSON.stringify([this.run, path.resolve(file), explicit, of]));
  }

  /** The digest of each config's identity, made once. */
  private readonly configKeys = new WeakMap<ConfigIdentity, string>();

  /** The result kept under `key`, when every question its lint asked gets the same answer now. */
  lookup(key: string, facts: RunFacts): CachedResult | undefined {
    this.asked.add(key);
    const entry = this.entries.get(key);
    const result = entry !== undefined && stillAnswered(entry.inputs, facts, this.answers) ? entry.result : undefined;
    if (result) this.hits++;
    else this.misses++;
    return result;
  }

  /**
   * Keeps a file's result; it replaces any other kept for that file named (or found) the same way,
   * under another config or other options: one result per file and way, however often they change.
   */
  store(key: string, explicit: boolean, inputs: Input[], result: CachedResult): void {
    const file = path.resolve(result.path);
    // The key kept for each file and way, indexed on the first result kept: a scan of every entry
    // for each result was quadratic in the files of a repository.
    if (this.byFile === undefined) {
      this.byFile = new Map();
      for (const [k, e] of this.entries) this.byFile.set(`${String(e.explicit)}\u0000${e.path}`, k);
    }
    const way = `${String(explicit)}\u0000${file}`;
    const before = this.byFile.get(way);
    if (before !== undefined && before !== key) this.entries.delete(before);
    this.byFile.set(way, key);
    this.entries.set(key, { path: file, explicit, inputs, result });
    this.changed = true;
  }

  /** The key of the result kept for each file and way it was given (store). */
  private byFile: Map<string, string> | undefined;

  /**
   * Writes the cache when a result was added; the error, when it could not be written. Results of
   * files this run did not lint are kept (a run over part of the repository keeps the others'),
   * unless the file is gone.
   */
  save(): string | undefined {
    if (this.unusable !== undefined) return this.unusable;
    if (!this.changed) return undefined;
    for (const [k, e] of this.entries) if (!this.asked.has(k) && !existsSync(e.path)) this.entries.delete(k);
    const data: CacheFile = { format: FORMAT, tool: this.tool, entries: Object.fromEntries(this.entries) };
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      if (this.folder !== undefined) prepareCacheFolder(this.folder);
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.file);
      return undefined;
    } catch (e) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // The temporary file's folder is not one (a file given as a folder: ENOTDIR): nothing was made.
      }
      return (e as NodeJS.ErrnoException).code ?? String(e);
    }
  }
}

/** What of a config decides a file's result beyond the questions its lint asks. */
export interface ConfigIdentity {
  file: string | undefined;
  /** The config file's text ('' for none). */
  text: string;
  /** Which of its suppressions have expired (by today's date). */
  expired: boolean[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCacheFile(v: unknown): v is CacheFile {
  return isRecord(v) && typeof v.format === 'string' && typeof v.tool === 'string' && isRecord(v.entries);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function isInput(v: unknown): v is Input {
  return isRecord(v) && isString(v.kind) && isString(v.answer) && (v.stat === undefined || isString(v.stat)) && Array.isArray(v.args) && v.args.every((a) => isString(a) || typeof a === 'number');
}

function isPosition(v: unknown): boolean {
  return isRecord(v) && Number.isInteger(v.line) && Number.isInteger(v.column);
}

function isWireSpan(v: unknown): boolean {
  return isRecord(v) && isString(v.path) && isString(v.kind) && isString(v.identity) && isString(v.text) && isRecord(v.region) && isPosition(v.region.start) && isPosition(v.region.end);
}

const LEVELS = new Set(['error', 'warning', 'note']);

function isWireFinding(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (!isString(v.ruleId) || !isString(v.message) || !isString(v.kind) || !LEVELS.has(v.level as string) || !isWireSpan(v.span)) return false;
  if (!Array.isArray(v.related) || !v.related.every((r) => isRecord(r) && isString(r.message) && isWireSpan(r.span))) return false;
  if (v.suppressions !== undefined && !(Array.isArray(v.suppressions) && v.suppressions.every((s) => isRecord(s) && isString(s.kind) && isWireSpan(s.span)))) return false;
  return [v.logical, v.plainMessage, v.missingFile].every((x) => x === undefined || isString(x));
}

function isNotification(v: unknown): boolean {
  return isRecord(v) && LEVELS.has(v.level as string) && isString(v.message) && (v.file === undefined || isString(v.file)) && (v.sameAsFinding === undefined || isString(v.sameAsFinding));
}

/** Whether an entry read from the file has the shape this build writes (a damaged or edited file may not). */
function isEntry(e: unknown): e is Entry {
  if (!isRecord(e) || !isString(e.path) || typeof e.explicit !== 'boolean' || !Array.isArray(e.inputs) || !e.inputs.every(isInput) || !isRecord(e.result)) return false;
  const r = e.result;
  return (
    isString(r.path) &&
    isString(r.kind) &&
    Number.isInteger(r.passes) &&
    Array.isArray(r.findings) &&
    r.findings.every(isWireFinding) &&
    Array.isArray(r.notifications) &&
    r.notifications.every(isNotification) &&
    Array.isArray(r.usedConfigSuppressions) &&
    r.usedConfigSuppressions.every((i) => Number.isInteger(i)) &&
    isStrings(r.modules) &&
    (r.parameters === undefined || isStrings(r.parameters))
  );
}
