// vtaplint.config.json: found upwards from each linted file (not above the lint root), or given
// with --config; validated against the JSON schema the package ships (schema/), so a misspelt
// key is an error that names it instead of a setting silently ignored.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import facts from '../../rules/data/vtap-facts.json' with { type: 'json' };
import schema from '../../schema/vtaplint.config.schema.json' with { type: 'json' };
import type { DeploymentContext } from '../expr/context.js';
import type { ConfiguredLevel, RuleMeta } from './rule.js';

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
}

export interface EffectiveConfig {
  /** The config file, when one applies. */
  file: string | undefined;
  rules: ReadonlyMap<string, ConfiguredLevel>;
  tags: ReadonlyMap<string, ConfiguredLevel>;
  regions: RegionLists;
  deployment: DeploymentContext;
  ignore: readonly string[];
}

export class ConfigError extends Error {}

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
};

let validator: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } = undefined as never;

async function validate(data: unknown, file: string): Promise<void> {
  if (!validator) {
    // ajv is loaded only when a config file exists: most runs (pre-commit on one file) have none.
    const { default: Ajv } = await import('ajv');
    validator = new Ajv.default({ allErrors: true, strict: false }).compile(schema);
  }
  if (validator(data)) return;
  const first = validator.errors?.[0];
  if (!first) throw new ConfigError(`${file}: invalid configuration`);
  const where = first.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : '(top level)';
  if (first.keyword === 'additionalProperties') {
    const key = (first.params as { additionalProperty: string }).additionalProperty;
    throw new ConfigError(`${file}: unknown key "${where === '(top level)' ? key : `${where}.${key}`}"`);
  }
  if (first.keyword === 'enum') {
    const allowed = (first.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    throw new ConfigError(`${file}: "${where}" must be one of ${allowed}`);
  }
  throw new ConfigError(`${file}: "${where}" ${first.message ?? 'is invalid'}`);
}

export async function loadConfigFile(file: string, knownRules: ReadonlySet<string>): Promise<EffectiveConfig> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the configuration: ${e instanceof Error ? e.message : String(e)}`);
  }
  await validate(data, file);
  const cfg = data as ConfigFileShape;
  const rules = new Map<string, ConfiguredLevel>();
  for (const [id, v] of Object.entries(cfg.rules ?? {})) {
    if (!knownRules.has(id)) throw new ConfigError(`${file}: unknown rule "${id}" in "rules"`);
    rules.set(id, typeof v === 'string' ? v : v.level);
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
    rules,
    tags: new Map(Object.entries(cfg.tags ?? {})),
    regions,
    deployment: cfg.deployment ?? {},
    ignore: cfg.ignore ?? [],
  };
}

/** The nearest config file at or above `dir`, not above `root`. */
export function findConfigFile(dir: string, root: string): string | undefined {
  let cur = path.resolve(dir);
  const top = path.resolve(root);
  for (;;) {
    const candidate = path.join(cur, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (cur === top) return undefined;
    const up = path.dirname(cur);
    if (up === cur || !(cur + path.sep).startsWith(top + path.sep)) return undefined;
    cur = up;
  }
}

/** A rule's level under a config: its own setting, else a tag's, else its default. */
export function levelFor(meta: RuleMeta, cfg: EffectiveConfig): ConfiguredLevel {
  const own = cfg.rules.get(meta.id);
  if (own) return own;
  let fromTag: ConfiguredLevel | undefined;
  for (const t of meta.tags) {
    const l = cfg.tags.get(t);
    if (l === 'off') return 'off';
    if (l) fromTag = l;
  }
  return fromTag ?? meta.defaultLevel;
}
