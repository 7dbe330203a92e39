// vtaplint.config.json: found upwards from each linted file (not above the lint root), or given
// with --config; validated against the JSON schema the package ships (schema/), so a misspelt
// key is an error that names it instead of a setting silently ignored.
import { readFileSync } from 'node:fs';
import { MAX_SEGMENT_WILDCARDS, matchesGlobList, tooManyWildcards } from './globs.js';
import path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import facts from '../../rules/data/vtap-facts.json' with { type: 'json' };
import compiledValidator from './config-validator.generated.js';
import configSchema from '../../schema/vtaplint.config.schema.json' with { type: 'json' };
import type { DeploymentContext } from '../expr/context.js';
import { DEFAULT_LIMITS, resolveLimits, type Limits } from '../model/limits.js';
import { SourceText } from '../model/source.js';
import { suggestion } from '../model/spelling.js';
import { TextSpan, type Span } from '../model/span.js';
import type { ConfiguredLevel, RuleMeta } from './rule.js';
import { usedCodePart } from './code-cache-parts.js';
import { existsListed } from '../discover/folder-listings.js';

export const CONFIG_FILE = 'vtaplint.config.json';

export interface RegionLists {
  supported: ReadonlySet<string>;
  comingSoon: ReadonlySet<string>;
  /** Where the lists come from (the document revision, or the config file). */
  origin: string;
}


export interface ConfigFileShape {
  $schema?: string;
  rules?: Record<string, ConfiguredLevel | { level: ConfiguredLevel }>;
  tags?: Record<string, ConfiguredLevel>;
  regions?: { supported?: string[]; comingSoon?: string[] };
  deployment?: DeploymentContext;
  ignore?: string[];
  suppressions?: { rule: string; files?: string | string[]; resource?: string; reason?: string; expires?: string }[];
  parameters?: { files: string | string[]; parameterFile: string }[];
  limits?: Partial<Limits>;
}

/** A `suppressions` entry of a config file, with where it is written (for unused-suppression). */
export interface ConfigSuppression {
  rule: string;
  /** Globs relative to the config file's folder; empty: every file. */
  files: readonly string[];
  resource: string | undefined;
  reason: string | undefined;
  /** YYYY-MM-DD, the last day it applies. */
  expires: string | undefined;
  span: Span;
}

/** A `parameters` entry: templates matching `files` get `parameterFile` (absolute). */
export interface ParameterMapping {
  files: readonly string[];
  parameterFile: string;
}

export interface EffectiveConfig {
  /** The config file, when one applies. */
  file: string | undefined;
  /** Its text as it was read (the result cache keys results by it, without reading it again). */
  text?: string;
  rules: ReadonlyMap<string, ConfiguredLevel>;
  tags: ReadonlyMap<string, ConfiguredLevel>;
  regions: RegionLists;
  deployment: DeploymentContext;
  ignore: readonly string[];
  suppressions: readonly ConfigSuppression[];
  parameters: readonly ParameterMapping[];
  /** vtaplint's own limits (defaults raised or lowered by the `limits` object). */
  limits: Readonly<Limits>;
}

/** Where a configuration error is: the file, and the line and column when known (1-based). */
export interface ConfigErrorPlace {
  file: string;
  line?: number;
  column?: number;
}

/**
 * A bad configuration (or baseline) file: bad usage, exit 2. The message starts with the place
 * (`file:line:col: ...`), for people; `place` has it for tools (the action puts its annotation there).
 */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly place?: ConfigErrorPlace,
  ) {
    super(message);
  }
}

const norm = (r: string) => r.replace(/\s+/g, '').toLowerCase();

export const DEFAULT_REGIONS: RegionLists = {
  supported: new Set(facts.supportedRegions.map(norm)),
  comingSoon: new Set(facts.comingSoonRegions.map(norm)),
  origin: `${facts.document.title} (${facts.document.revision})`,
};

export const DEFAULT_CONFIG: EffectiveConfig = {
  file: undefined,
  rules: new Map(),
  tags: new Map(),
  regions: DEFAULT_REGIONS,
  deployment: {},
  ignore: [],
  suppressions: [],
  parameters: [],
  limits: DEFAULT_LIMITS,
};

/**
 * "file:line:col" of a place in a config file: the value at `location` (a JSON path), or the key
 * `key` of the object there; the file alone when the place cannot be found.
 */
function placeIn(file: string, text: string, location: (string | number)[], key?: string): ConfigErrorPlace {
  const tree = parseTree(text);
  let node = tree ? findNodeAtLocation(tree, location) : undefined;
  if (node && key !== undefined) node = node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[0];
  if (!node) return { file };
  const at = new SourceText(file, text, 'other').position(node.offset);
  return { file, line: at.line, column: at.column };
}

/** `file:line:col` (or the file alone) at the start of a message. */
const placeText = (p: ConfigErrorPlace) => (p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file);

/** A ConfigError at a place: the message starts with it, and the error carries it. */
const errorAt = (place: ConfigErrorPlace, message: string) => new ConfigError(`${placeText(place)}: ${message}`, place);

/** A place in the config as its messages write it: `suppressions[0].files[1]`, `limits.maxJsonDepth`. */
function pathText(location: readonly (string | number)[]): string {
  return location.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** The object schema an `additionalProperties` error's schemaPath (`#/properties/limits/additionalProperties`) is in. */
function schemaAt(schemaPath: string): { properties?: Record<string, unknown> } | undefined {
  let node: unknown = configSchema;
  for (const seg of schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[decodeURIComponent(seg).replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return typeof node === 'object' && node !== null ? (node as { properties?: Record<string, unknown> }) : undefined;
}

async function validate(data: unknown, file: string, text: string): Promise<void> {
  // The schema compiled ahead of time by ajv (scripts/gen-config-validator.mjs): compiling it here
  // took ~55 ms of every run with a config file.
  const validator = compiledValidator;
  if (validator(data)) return;
  const first = validator.errors?.[0];
  if (!first) throw errorAt({ file }, 'invalid configuration');
  // A JSON pointer: '~1' is '/', '~0' is '~'; array indexes are numbers.
  const location = first.instancePath
    ? first.instancePath
        .slice(1)
        .split('/')
        .map((seg) => seg.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg))
    : [];
  const where = location.length ? pathText(location) : '(top level)';
  if (first.keyword === 'additionalProperties') {
    const key = (first.params as { additionalProperty: string }).additionalProperty;
    // The keys the schema allows there, for a spelling suggestion ("maxJsonDeph": "maxJsonDepth").
    const near = suggestion(key, Object.keys(schemaAt(first.schemaPath)?.properties ?? {}));
    throw errorAt(placeIn(file, text, location, key), `unknown key "${pathText([...location, key])}"${near ? `; did you mean "${near}"?` : ''}`);
  }
  const place = placeIn(file, text, location);
  if (first.keyword === 'enum') {
    const allowed = (first.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    throw errorAt(place, `"${where}" must be one of ${allowed}`);
  }
  throw errorAt(place, `"${where}" ${first.message ?? 'is invalid'}`);
}

/**
 * A key given twice in one object is an error at the second: JSON.parse keeps the last silently,
 * so a second `"rules"` (pasted from another repository) dropped the first one whole.
 */
function duplicateKeys(file: string, text: string): void {
  const seen: Map<string, number>[] = [];
  let twice: { key: string; offset: number; first: number; path: (string | number)[] } | undefined;
  visit(text, {
    onObjectBegin: () => void seen.push(new Map()),
    onObjectEnd: () => void seen.pop(),
    onObjectProperty: (key, offset, _length, _line, _column, pathSupplier) => {
      const keys = seen.at(-1);
      if (!keys || twice) return;
      const first = keys.get(key);
      if (first === undefined) keys.set(key, offset);
      else twice = { key, offset, first, path: pathSupplier() };
    },
  });
  if (!twice) return;
  const source = new SourceText(file, text, 'other');
  const at = source.position(twice.offset);
  const first = source.position(twice.first);
  const where = pathText([...twice.path, twice.key]);
  throw errorAt({ file, line: at.line, column: at.column }, `"${where}" is given twice (first at line ${first.line}, column ${first.column}): JSON keeps only the last; merge them`);
}

/** The globs of a `files` value (a glob or a list), each with where it is in the config. */
function globsOf(files: string | string[] | undefined, where: (string | number)[]): [string, (string | number)[]][] {
  if (files === undefined) return [];
  return typeof files === 'string' ? [[files, where]] : files.map((g, i) => [g, [...where, i]]);
}

export async function loadConfigFile(file: string, knownRules: ReadonlySet<string>, knownTags: ReadonlySet<string> = new Set()): Promise<EffectiveConfig> {
  usedCodePart('config');
  let data: unknown;
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw errorAt({ file }, `cannot read the configuration: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Where, as line:column: jsonc-parser finds the first error's offset.
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const at = first ? new SourceText(file, text, 'other').position(first.offset) : undefined;
    throw errorAt(at ? { file, line: at.line, column: at.column } : { file }, `the configuration is not valid JSON: ${first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : e instanceof Error ? e.message : String(e)}`);
  }
  duplicateKeys(file, text);
  await validate(data, file, text);
  const cfg = data as ConfigFileShape;
  const rules = new Map<string, ConfiguredLevel>();
  for (const [id, v] of Object.entries(cfg.rules ?? {})) {
    if (!knownRules.has(id)) {
      const near = suggestion(id, [...knownRules]);
      throw errorAt(placeIn(file, text, ['rules'], id), `unknown rule "${id}" in "rules"${near ? `; did you mean "${near}"?` : ''}`);
    }
    rules.set(id, typeof v === 'string' ? v : v.level);
  }
  // A misspelt tag ("temprary") would switch nothing off, silently.
  for (const tag of Object.keys(cfg.tags ?? {})) {
    if (knownTags.size && !knownTags.has(tag)) {
      const near = suggestion(tag, [...knownTags]);
      throw errorAt(placeIn(file, text, ['tags'], tag), `unknown tag "${tag}" in "tags"${near ? `; did you mean "${near}"?` : ''} (the rules' tags: ${[...knownTags].sort().join(', ')})`);
    }
  }
  // A glob that picomatch would take exponential time over (see tooManyWildcards) is refused where
  // it is written: a config in the repository being linted is input like a template.
  const globsAt: [string, (string | number)[]][] = [
    ...(cfg.ignore ?? []).map((g, i): [string, (string | number)[]] => [g, ['ignore', i]]),
    ...(cfg.parameters ?? []).flatMap((p, i) => globsOf(p.files, ['parameters', i, 'files'])),
    ...(cfg.suppressions ?? []).flatMap((p, i) => globsOf(p.files, ['suppressions', i, 'files'])),
  ];
  for (const [g, where] of globsAt) {
    if (tooManyWildcards(g)) {
      throw errorAt(placeIn(file, text, where), `"${pathText(where)}": the glob '${g}' has more than ${MAX_SEGMENT_WILDCARDS} wildcards ('*' runs or extglob groups) in one path segment, with a '?', a class, braces or an extglob, and matching such a glob can take exponential time: use fewer wildcards`);
    }
  }
  // The schema checks the form YYYY-MM-DD; a date that does not exist (2026-02-30) is an error too.
  for (const [i, s] of (cfg.suppressions ?? []).entries()) {
    if (s.expires !== undefined && !isCalendarDate(s.expires)) throw errorAt(placeIn(file, text, ['suppressions', i, 'expires']), `"suppressions[${i}].expires" is not a date: '${s.expires}'`);
  }
  const regions: RegionLists = cfg.regions
    ? {
        supported: cfg.regions.supported ? new Set(cfg.regions.supported.map(norm)) : DEFAULT_REGIONS.supported,
        comingSoon: cfg.regions.comingSoon ? new Set(cfg.regions.comingSoon.map(norm)) : DEFAULT_REGIONS.comingSoon,
        origin: file,
      }
    : DEFAULT_REGIONS;
  return {
    file,
    text,
    rules,
    tags: new Map(Object.entries(cfg.tags ?? {})),
    regions,
    deployment: cfg.deployment ?? {},
    ignore: cfg.ignore ?? [],
    suppressions: configSuppressions(file, text, cfg),
    parameters: (cfg.parameters ?? []).map((p) => ({ files: globList(p.files), parameterFile: path.resolve(path.dirname(file), p.parameterFile) })),
    limits: resolveLimits(cfg.limits),
  };
}

/** Whether 'YYYY-MM-DD' names a day of the calendar. */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const globList = (g: string | string[] | undefined): string[] => (g === undefined ? [] : typeof g === 'string' ? [g] : g);

function configSuppressions(file: string, text: string, cfg: ConfigFileShape): ConfigSuppression[] {
  const list = cfg.suppressions ?? [];
  if (list.length === 0) return [];
  // Spans only for the unused-suppression warning, which points at the entry in the config file.
  const source = new SourceText(file, text, 'other');
  const tree = parseTree(text);
  return list.map((s, i) => {
    const node = tree ? findNodeAtLocation(tree, ['suppressions', i]) : undefined;
    return {
      rule: s.rule,
      files: globList(s.files),
      resource: s.resource,
      reason: s.reason?.trim() || undefined,
      expires: s.expires,
      span: new TextSpan(source, node?.offset ?? 0, node ? node.offset + node.length : 0),
    };
  });
}

/** Whether `file` matches one of `globs` (relative to the config file's folder). */
export function matchesConfigGlobs(cfg: EffectiveConfig, file: string, globs: readonly string[]): boolean {
  const base = cfg.file ? path.dirname(cfg.file) : process.cwd();
  const rel = path.relative(base, file).replaceAll('\\', '/');
  return matchesGlobList(rel, globs);
}

/** The parameter file the config maps to a template, if any (the first matching entry). */
export function mappedParameterFile(cfg: EffectiveConfig, template: string): string | undefined {
  return cfg.parameters.find((p) => matchesConfigGlobs(cfg, template, p.files))?.parameterFile;
}

/** The nearest config file at or above `dir`, not above `root`. */
export function findConfigFile(dir: string, root: string, cache?: Map<string, string | undefined>): string | undefined {
  const start = path.resolve(dir);
  const top = path.resolve(root);
  // Every file of a folder asks the same question: a run passes a cache (one answer per folder
  // and root), or a repository would test every parent folder again for every file. Every folder
  // passed on the way up has the same answer: remembered for its own files too.
  let found: string | undefined;
  const visited: string[] = [];
  for (let cur = start; ; ) {
    const here = `${top}\0${cur}`;
    if (cache?.has(here)) {
      found = cache.get(here);
      break;
    }
    visited.push(here);
    const candidate = path.join(cur, CONFIG_FILE);
    if (existsListed(candidate)) {
      found = candidate;
      break;
    }
    if (cur === top) break;
    const up = path.dirname(cur);
    if (up === cur || !(cur + path.sep).startsWith(top + path.sep)) break;
    cur = up;
  }
  if (cache) for (const v of visited) cache.set(v, found);
  return found;
}

/** A rule's level under a config: its own setting, else a tag's, else its default. */
export function levelFor(meta: RuleMeta, cfg: EffectiveConfig): ConfiguredLevel {
  return configuredLevel(meta, cfg) ?? meta.defaultLevel;
}

/**
 * The level the config sets for a rule (its own setting, else a tag's), undefined when it sets none.
 * A level set in the config is the level of every failure the rule reports, also those the rule
 * itself reports below its default (vtap-supported-region's "coming soon" regions): a user who writes
 * `"vtap-supported-region": "error"` wants every region the TAP cannot use yet to fail the run.
 */
export function configuredLevel(meta: RuleMeta, cfg: EffectiveConfig): ConfiguredLevel | undefined {
  const own = cfg.rules.get(meta.id);
  if (own) return own;
  let fromTag: ConfiguredLevel | undefined;
  for (const t of meta.tags) {
    const l = cfg.tags.get(t);
    if (l === 'off') return 'off';
    if (l) fromTag = l;
  }
  return fromTag;
}
