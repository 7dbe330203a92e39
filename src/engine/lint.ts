// The lint pipeline for a set of files: discover → load → deploy → graph → rules → findings.
import path from 'node:path';
import { discover, type DiscoveredFile } from '../discover/discover.js';
import { analyzeFile } from './analyze.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { CONFIG_FILE, ConfigError, DEFAULT_CONFIG, findConfigFile, levelFor, loadConfigFile, type EffectiveConfig } from './config.js';
import { cmp, compareFindings, fingerprintOf, locate, type Finding } from './finding.js';
import type { Level, Rule } from './rule.js';
import { runRules } from './run-rules.js';

export interface LintOptions {
  /** Lint root: relative paths in reports, and nothing outside it is read for templates' references. */
  root: string;
  cwd: string;
  rules: readonly Rule[];
  /** A config file given with --config (replaces the search upwards). */
  configFile?: string | undefined;
  /** --parameters files, applied to every template (after the file associated by name). */
  parameterFiles?: readonly string[];
  /** -p name=value, applied last. */
  params?: Readonly<Record<string, string>>;
}

export interface ToolNotification {
  level: 'error' | 'warning' | 'note';
  message: string;
  file?: string;
}

export type FileKind = 'template' | 'parameters' | 'bicep' | 'bicepparam' | 'skipped';

export interface FileResult {
  path: string;
  kind: FileKind;
  findings: Finding[];
}

export interface LintResult {
  root: string;
  files: FileResult[];
  findings: Finding[];
  notifications: ToolNotification[];
  /** Arguments that matched no file. */
  missing: string[];
  passes: number;
}

const DIAGNOSTIC_RULE: Record<Diagnostic['code'], string | undefined> = {
  'invalid-template': 'invalid-template',
  'evaluation-error': 'evaluation-error',
  'limit-exceeded': 'limit-exceeded',
  'unresolved-reference': undefined,
  note: undefined,
};

export function relativePath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).replaceAll('\\', '/');
}

/** Configs per directory, loaded once. */
class ConfigResolver {
  private readonly cache = new Map<string, Promise<EffectiveConfig>>();
  private readonly ruleIds: Set<string>;

  constructor(
    private readonly root: string,
    rules: readonly Rule[],
    private readonly explicit: string | undefined,
  ) {
    this.ruleIds = new Set(rules.map((r) => r.meta.id));
  }

  forFile(file: string): Promise<EffectiveConfig> {
    const found = this.explicit ?? findConfigFile(path.dirname(file), this.root);
    if (!found) return Promise.resolve(DEFAULT_CONFIG);
    let p = this.cache.get(found);
    if (!p) {
      p = loadConfigFile(found, this.ruleIds);
      this.cache.set(found, p);
    }
    return p;
  }
}

export async function lint(paths: readonly string[], opts: LintOptions): Promise<LintResult> {
  const configs = new ConfigResolver(opts.root, opts.rules, opts.configFile);
  if (opts.configFile) await configs.forFile(opts.configFile); // a bad --config is a usage error before any work
  const { files, missing } = await discover(paths, opts.cwd);
  const results: FileResult[] = [];
  const notifications: ToolNotification[] = [];
  let passes = 0;
  for (const f of files) {
    if (path.basename(f.path) === CONFIG_FILE) continue;
    let config: EffectiveConfig;
    try {
      config = await configs.forFile(f.path);
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(String(e));
    }
    if (isIgnored(f.path, config)) continue;
    try {
      const r = lintOne(f, opts, config);
      passes += r.passes;
      notifications.push(...r.notifications);
      if (r.result.kind !== 'skipped' || r.result.findings.length) results.push(r.result);
    } catch (e) {
      // A bug in vtaplint must not hide the other files' results.
      notifications.push({ level: 'error', message: `internal error while linting: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, file: f.path });
    }
  }
  const findings = results.flatMap((r) => r.findings).sort(compareFindings);
  assignFingerprints(findings, opts.root);
  return { root: opts.root, files: results, findings, notifications, missing, passes };
}

function isIgnored(file: string, config: EffectiveConfig): boolean {
  if (!config.file || config.ignore.length === 0) return false;
  const rel = path.relative(path.dirname(config.file), file).replaceAll('\\', '/');
  return config.ignore.some((g) => path.matchesGlob(rel, g));
}

interface OneResult {
  result: FileResult;
  passes: number;
  notifications: ToolNotification[];
}

function diagnosticFindings(diags: readonly Diagnostic[], rules: readonly Rule[], config: EffectiveConfig): Finding[] {
  const out: Finding[] = [];
  for (const d of diags) {
    const ruleId = DIAGNOSTIC_RULE[d.code];
    const rule = ruleId ? rules.find((r) => r.meta.id === ruleId) : undefined;
    if (!rule) continue;
    const level = levelFor(rule.meta, config);
    if (level === 'off') continue;
    out.push({
      ruleId: rule.meta.id,
      level,
      kind: 'fail',
      message: d.message,
      location: locate(d.span),
      related: (d.related ?? []).map((r) => ({ ...locate(r.span), message: r.message })),
      logical: undefined,
      fingerprint: '',
      span: d.span,
    });
  }
  return out;
}

function lintOne(f: DiscoveredFile, opts: LintOptions, config: EffectiveConfig): OneResult {
  const notifications: ToolNotification[] = [];
  const a = analyzeFile(f.path, { root: opts.root, deployment: config.deployment, parameterFiles: opts.parameterFiles, params: opts.params, explicit: f.explicit });
  switch (a.kind) {
    case 'skipped':
      return { result: { path: f.path, kind: 'skipped', findings: [] }, passes: 0, notifications };
    case 'parameters':
      return { result: { path: f.path, kind: 'parameters', findings: [] }, passes: 0, notifications };
    case 'broken':
      return { result: { path: f.path, kind: 'template', findings: diagnosticFindings(a.diagnostics, opts.rules, config) }, passes: 0, notifications };
  }
  const { outcomes, passes, failures } = runRules(a.graph, opts.rules, config);
  for (const fail of failures) {
    notifications.push({
      level: 'error',
      message: `internal error in rule ${fail.rule.meta.id}: ${fail.error instanceof Error ? fail.error.message : String(fail.error)}`,
      file: a.source.path,
    });
  }
  const findings = diagnosticFindings(a.diagnostics, opts.rules, config);
  for (const o of outcomes) {
    const logical = o.verdict.resource ? `${o.verdict.resource.type}/${o.verdict.resource.displayName}` : undefined;
    findings.push({
      ruleId: o.rule.meta.id,
      level: o.level,
      kind: o.verdict.kind,
      message: o.verdict.message,
      location: locate(o.verdict.span),
      related: (o.verdict.related ?? []).map((r) => ({ ...locate(r.span), message: r.message })),
      logical,
      fingerprint: '',
      span: o.verdict.span,
    });
  }
  return { result: { path: a.source.path, kind: 'template', findings }, passes, notifications };
}

/** Fingerprints: rule, relative path, resource, the decisive text, and an occurrence counter. */
function assignFingerprints(findings: Finding[], root: string): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const rel = relativePath(root, f.location.file.path);
    const base = fingerprintOf(f.ruleId, rel, f.logical, f.span, 0);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    f.fingerprint = n === 0 ? base : fingerprintOf(f.ruleId, rel, f.logical, f.span, n);
  }
}

export function countByLevel(findings: readonly Finding[]): Record<Level, number> {
  const c: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) c[f.level]++;
  return c;
}

export { cmp };
