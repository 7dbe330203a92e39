// The lint pipeline for a set of files: discover → load → deploy → graph → rules → findings.
import { pushAll } from '../model/push-all.js';
import { cmp } from '../model/order.js';
import path from 'node:path';
import { realpathSync } from 'node:fs';
import { matchesGlobList } from './globs.js';
import { isDirectory } from '../model/path-kind.js';
import { extensionOf, type DiscoveredFile, type UnreadableFolder } from '../discover/discover.js';
import { sourceRoot } from '../discover/source-root.js';
import { runInWorkers, type WorkerSetup } from './parallel.js';
import { fromWire, WireReader } from './wire.js';
import { analyzeFile, bicepHost, diagnosticsNow, type AnalyzeOptions } from './analyze.js';
import { loadBicepParams } from '../bicep/params.js';
import { readSource } from '../load/read.js';
import { deploysOneTemplate } from './sole-template.js';
import { evaluateEveryBody, type DeployResult } from '../deploy/deploy.js';
import type { DeployedResource } from '../deploy/model.js';
import { distinctRelated, withSupplied } from './related.js';
import { bicepparamTargetsByFile, environmentTemplateOf } from './bicepparam-targets.js';
import { absentInRun, discoverFocused, inFocus, widenFocus } from './focus.js';
import { DiagnosticSink, type Diagnostic } from '../model/diagnostic.js';
import { BicepSources } from './compiled-bicep.js';
import { ParameterFileReads, associatedParameterFile, readParameterFile, type SuppliedParameters } from '../deploy/parameters.js';
import type { SourceText } from '../model/source.js';
import { TextSpan, type Span } from '../model/span.js';
import type { Pragma } from '../bicep/pragmas.js';
import { CONFIG_FILE, ConfigError, DEFAULT_CONFIG, findConfigFile, configuredLevel, levelFor, loadConfigFile, mappedParameterFile, type EffectiveConfig } from './config.js';
import { compareFindings, fingerprintInput, locate, setFingerprint, type Finding, type FindingLocation } from './finding.js';
import type { Level, Rule } from './rule.js';
import { runRules, type RuleOutcome } from './run-rules.js';
import { HeapGuard } from './collect-garbage.js';
import { applyBaseline, baselineCounts, readBaseline, type AbsentResult, type BaselineCounts } from './baseline.js';
import { withListings } from '../discover/folder-listings.js';
import { CachedLint } from './cached-lint.js';
import {
  applySuppressions,
  configConcerns,
  configSites,
  jsonCommentSites,
  metadataSites,
  parameterFileSites,
  pragmaSites,
  siteProblem,
  UNUSED_SUPPRESSION,
  type Candidate,
  type SuppressionSite,
} from './suppress.js';

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
  /**
   * The --parameters files are the one linted template's own (the run deploys one template, as a
   * deployment command does; sole-template.ts): an entry it does not declare is ARM's rejection,
   * reported at the entry, not the warning that no template of a run over many uses it. lint() sets it.
   */
  parameterFilesBelong?: boolean | undefined;
  /** The run's reads of --parameters and mapped files (lint() makes one when not given: each file is read once per thread). */
  parameterFileReads?: ParameterFileReads | undefined;
  /** A SARIF file of an earlier run (--baseline): results get a baselineState, only new ones count. */
  baselineFile?: string | undefined;
  /** The date suppressions' `expires` is compared with (tests fix it). */
  now?: Date;
  /** Threads that lint many files: this one and jobs - 1 workers (1: this thread alone). */
  jobs?: number;
  /** The bundled worker script (bin/worker.cjs, which runs dist/worker.cjs); without it everything runs in this thread. */
  workerUrl?: URL | undefined;
  /**
   * --context DIR (absolute): every file under DIR is linted with the named ones, and only the
   * named files (and the templates of named parameters files) are reported (see focus.ts).
   */
  context?: string | undefined;
  /** Heap in use from which a large deployment's rules run under a HeapGuard (its default; tests lower it). */
  heapHighWater?: number;
  /**
   * --cache: the result cache file (absolute), the identity of this build (src/engine/result-cache.ts),
   * and the cache folder the file is in, made when it is first written (src/engine/cache-folder.ts).
   */
  cache?: { file: string; tool: string; folder?: string | undefined; unusable?: string | undefined } | undefined;
}

/** Fewer files than this are linted in the main thread: starting workers would cost more. */
const MIN_FILES_PER_WORKER = 8;

export interface ToolNotification {
  level: 'error' | 'warning' | 'note';
  message: string;
  file?: string;
  /** Where in `file` (1-based), when the notification is about one place of it (an entry of a parameters file). */
  at?: { line: number; column: number } | undefined;
  /**
   * The message of the finding at `file` that already says this (a file that cannot be read is an
   * invalid-template finding and a notification): the formats people read show it once, where
   * that finding is shown (src/report/notification-tag.ts shownNotifications); SARIF keeps both.
   */
  sameAsFinding?: string;
}

export type FileKind = 'template' | 'parameters' | 'bicep' | 'bicepparam' | 'skipped';

export interface FileResult {
  path: string;
  kind: FileKind;
  findings: Finding[];
}

export interface LintResult {
  root: string;
  /**
   * The folder relative paths in reports (SARIF URIs, GitHub annotations, fingerprints) start
   * from: the top of the git working tree of the root, or the one below it holding every linted
   * file (src/discover/source-root.ts). Absent: computed from `root` alone.
   */
  sourceRoot?: string;
  files: FileResult[];
  /** Findings in effect (not suppressed); with a baseline, of every baseline state. */
  findings: Finding[];
  /** Suppressed findings (finding.suppressions says by what): in SARIF, not counted. */
  suppressed?: Finding[];
  /** Results of the baseline that this run no longer has (SARIF baselineState "absent"). */
  absent?: AbsentResult[];
  /** Set when a baseline was used. */
  baseline?: string;
  /** With a baseline: how many results are in each state (those reported on: suppressed ones are not). */
  baselineCounts?: BaselineCounts;
  notifications: ToolNotification[];
  /** Arguments that matched no file. */
  missing: string[];
  /** With --cache: how many files' results were taken from it (hits) and how many were linted (misses). */
  cache?: { file: string; hits: number; misses: number };
  /** Folders that could not be read (each also a warning notification); `arg` when one was named. */
  unreadable?: UnreadableFolder[];
  /** Files named on the command line that a config's `ignore` leaves out (absolute), with that config. */
  ignoredNamed?: { path: string; config: string }[];
  /** Files named on the command line that are neither a template nor a parameters file (package.json): skipped, as in a folder (absolute). */
  skippedNamed?: string[];
  passes: number;
}

const DIAGNOSTIC_RULE: Record<Diagnostic['code'], string | undefined> = {
  'invalid-template': 'invalid-template',
  'evaluation-error': 'evaluation-error',
  'limit-exceeded': 'limit-exceeded',
  'unresolved-reference': undefined,
  note: undefined,
  'internal-error': undefined,
};

/** Diagnostics that are vtaplint's own bugs: tool notifications (exit 2), never findings. */
function internalNotifications(diags: readonly Diagnostic[]): ToolNotification[] {
  return diags
    .filter((d) => d.code === 'internal-error')
    .map((d) => {
      const p = d.span.file.position(d.span.range().start);
      return { level: 'error' as const, message: `${d.message} (at line ${p.line}, column ${p.column})`, file: d.span.file.path };
    });
}

/**
 * The path of `file` relative to `root`, with '/' separators, or undefined when the file is not
 * inside the root ('..' or '../…', or another drive). A name that merely starts with '..'
 * ('..odd.json') is inside.
 */
export function pathInsideRoot(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * Whether `abs` is a file this run linted (a template, a parameters file, a Bicep file): a report
 * written there (`-o main.json`, the Action's `sarif-file: main.json`) would replace the user's
 * file. Other JSON the run passed over (an earlier report.json) may be written over. An existing
 * path is compared by its real path: a link to a template, or `MAIN.json` where names ignore case.
 */
export function lintedByRun(result: Pick<LintResult, 'files'>, abs: string): boolean {
  const linted = result.files.filter((f) => f.kind !== 'skipped');
  if (linted.some((f) => path.resolve(f.path) === abs)) return true;
  const real = realPathOf(abs);
  return real !== undefined && linted.some((f) => realPathOf(path.resolve(f.path)) === real);
}

function realPathOf(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** The path reports show: relative to the root inside it, the absolute path (with '/') outside it. */
export function relativePath(root: string, file: string): string {
  return pathInsideRoot(root, file) ?? file.split(path.sep).join('/');
}

/**
 * The path a fingerprint is made of: relative to the root, also for a file outside it ('../x.json'),
 * so that it does not depend on where the checkout is; the absolute path only on another drive.
 */
export function fingerprintPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/**
 * Values for parameters that no template of the run declares, given on the command line (-p) or
 * in a --parameters file: a typo (`-p locaton=...`, `"locaton"` in the file) silently changed
 * nothing, and the lint judged the template with its default instead. Said (a warning
 * notification) only when every template's parameters are known; both apply to every template of
 * the run, so a name that some template declares is fine. (A template's own x.parameters.json is
 * held to its template: an undeclared entry there is an error ARM gives, reported at the entry.)
 */
function unusedSuppliedParameters(opts: Pick<LintOptions, 'params' | 'parameterFiles' | 'parameterFilesBelong' | 'root' | 'parameterFileReads'>, slots: readonly (OneResult | undefined)[]): ToolNotification[] {
  // The files of a run over one template are held to it (an error at each entry it does not declare).
  const fromFiles = (opts.parameterFilesBelong ? [] : (opts.parameterFiles ?? [])).map((file) => {
    // A `using none` .bicepparam: the names its assignments give.
    if (extensionOf(file) === 'bicepparam') {
      const read = readSource(file, 'bicepparam');
      const names = read.ok ? loadBicepParams(read.source, bicepHost(opts.root)).names : new Map<string, Span>();
      return { file, names: [...names.keys()], at: (name: string) => names.get(name)?.region().start };
    }
    const entries: SuppliedParameters = new Map();
    // Problems of the file itself are reported where each template reads it; the file was read
    // (once) for those templates.
    readParameterFile(file, entries, new DiagnosticSink(), { reads: opts.parameterFileReads });
    const at = (name: string) => {
      const span = entries.get(name)?.keySpan;
      return span?.region().start;
    };
    return { file, names: [...entries.keys()], at };
  });
  const cli = Object.keys(opts.params ?? {});
  if (cli.length === 0 && fromFiles.every((f) => f.names.length === 0)) return [];
  const templates = slots.filter((r): r is OneResult => r !== undefined && r.result.kind === 'template');
  if (templates.length === 0 || templates.some((r) => r.parameters === undefined)) return [];
  const declared = new Set(templates.flatMap((r) => r.parameters ?? []).map((n) => n.toLowerCase()));
  const unused = (n: string) => !declared.has(n.toLowerCase());
  return [
    // A run over one template holds -p to it too (an error at the template, see checkSupplied).
    ...(opts.parameterFilesBelong ? [] : cli.filter(unused)).map((n) => ({ level: 'warning' as const, message: `-p ${n}: no template linted declares a parameter '${n}', so the value is not used` })),
    ...fromFiles.flatMap((f) =>
      f.names.filter(unused).map((n) => ({ level: 'warning' as const, message: `--parameters: no template linted declares a parameter '${n}', so the value the file gives it is not used`, file: f.file, at: f.at(n) })),
    ),
  ];
}

/** Configs per directory, loaded once. */
class ConfigResolver {
  private readonly cache = new Map<string, Promise<EffectiveConfig>>();
  /** Which config file each folder uses, for this run (files are not re-read during a run). */
  private readonly found = new Map<string, string | undefined>();
  private readonly ruleIds: Set<string>;
  private readonly ruleTags: Set<string>;

  constructor(
    private readonly root: string,
    rules: readonly Rule[],
    private readonly explicit: string | undefined,
  ) {
    this.ruleIds = new Set(rules.map((r) => r.meta.id));
    this.ruleTags = new Set(rules.flatMap((r) => r.meta.tags));
  }

  forFile(file: string): Promise<EffectiveConfig> {
    const found = this.explicit ?? findConfigFile(path.dirname(file), this.root, this.found);
    if (!found) return Promise.resolve(DEFAULT_CONFIG);
    let p = this.cache.get(found);
    if (!p) {
      p = loadConfigFile(found, this.ruleIds, this.ruleTags);
      this.cache.set(found, p);
    }
    return p;
  }
}

export function lint(paths: readonly string[], given: LintOptions): Promise<LintResult> {
  // What discovery saw of each folder answers the run's later questions about it (is there a
  // parameters file, a config file; the folder's real path) without a system call each.
  return withListings(() => lintFiles(paths, given));
}

async function lintFiles(paths: readonly string[], given: LintOptions): Promise<LintResult> {
  let opts: LintOptions = given.parameterFileReads ? given : { ...given, parameterFileReads: new ParameterFileReads() };
  const configs = new ConfigResolver(opts.root, opts.rules, opts.configFile);
  if (opts.configFile) await configs.forFile(opts.configFile); // a bad --config is a usage error before any work
  const baseline = opts.baselineFile ? readBaseline(opts.baselineFile) : undefined;
  const known = new Set(opts.rules.map((r) => r.meta.id));
  const now = opts.now ?? new Date();
  // Config suppressions are shared by all files under a config: collected once, judged at the end.
  const external = new Map<EffectiveConfig, { sites: SuppressionSite[]; concerned: Set<SuppressionSite> }>();
  const { files, missing, unreadable, focus } = await discoverFocused(paths, opts.context, opts.cwd, opts.root);
  const bicepSources = BicepSources.of(files.map((f) => f.path), opts.root);
  if ((opts.parameterFiles?.length ?? 0) > 0 || Object.keys(opts.params ?? {}).length > 0) opts = { ...opts, parameterFilesBelong: deploysOneTemplate(files, (f) => generatedFromBicep(f, bicepSources)) };
  const notifications: ToolNotification[] = [];
  // A folder that cannot be read is said, unless the config's "ignore" leaves out what is in it
  // (the folder of a database container, say); one named is said whatever the config.
  for (const u of unreadable) {
    if (u.arg === undefined && isIgnored(path.join(u.path, '_'), await configs.forFile(path.join(u.path, '_')))) continue;
    notifications.push({ level: 'warning', message: `cannot read the folder: ${u.code} (the files in it are not linted)`, file: u.path });
  }
  // The files to lint with their configs, in discovery order (results keep that order).
  let work: { file: DiscoveredFile; config: EffectiveConfig; sites: SuppressionSite[] }[] = [];
  const ignoredNamed: { path: string; config: string }[] = [];
  for (const f of files) {
    if (path.basename(f.path) === CONFIG_FILE) continue;
    let config: EffectiveConfig;
    try {
      config = await configs.forFile(f.path);
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(String(e));
    }
    if (isIgnored(f.path, config)) {
      if (f.explicit && config.file) ignoredNamed.push({ path: f.path, config: config.file });
      continue;
    }
    let ext = external.get(config);
    if (!ext) {
      ext = { sites: configSites(config, known, now), concerned: new Set() };
      external.set(config, ext);
    }
    for (const [i, s] of config.suppressions.entries()) {
      const site = ext.sites[i];
      if (site && configConcerns(config, s, f.path)) ext.concerned.add(site);
    }
    work.push({ file: f, config, sites: ext.sites });
  }
  // A config in a folder this lint walks whole (a folder named, or the current one when none is;
  // not with --context, which reports on the named files only) had every file its `files` globs
  // could mean discovered: an entry that concerns none of them (a typo, 'legacy/*.jsn', or a
  // folder since renamed) suppresses nothing and is judged too, instead of being kept silently.
  const walked = opts.context === undefined ? (paths.length ? paths : ['.']).map((p) => path.resolve(opts.cwd, p)).filter(isDirectory) : [];
  // A folder named that the config's "ignore" leaves out whole (`vtaplint legacy` with "legacy/**")
  // is said, as a file named is: nothing printed and exit 0 read as "checked, no problems".
  for (const dir of walked) {
    const probe = path.join(dir, '_');
    const config = await configs.forFile(probe);
    if (config.file && isIgnored(probe, config) && !work.some((w) => isWithin(dir, w.file.path))) ignoredNamed.push({ path: dir, config: config.file });
  }
  if (walked.length && external.size) {
    for (const [config, ext] of external) {
      const dir = config.file !== undefined ? path.dirname(config.file) : undefined;
      if (dir !== undefined && walked.some((w) => isWithin(w, dir))) for (const s of ext.sites) ext.concerned.add(s);
    }
  }
  const targetsByParams = bicepparamTargetsByFile(work.map((w) => ({ file: w.file, limits: w.config.limits })), opts.root);
  // ARM parameters files named for an environment of a template beside them lint it too.
  for (const w of work) {
    const template = /\.jsonc?$/i.test(w.file.path) ? environmentTemplateOf(w.file.path, w.config.limits, opts.root) : undefined;
    if (template && pathInsideRoot(opts.root, template) !== undefined) targetsByParams.set(path.resolve(w.file.path), path.resolve(template));
  }
  const usedByParams = new Set(targetsByParams.values());
  // A named vtaplint.config.json (a hook stages a changed one) stands for the files it governs:
  // a region taken off its list, or a rule set back to error, changes what CI says about them.
  if (focus) for (const w of work) if (w.config.file && focus.has(path.resolve(w.config.file))) focus.add(path.resolve(w.file.path));
  // The files named, before the templates of named parameters files join them (see ofFocused
  // below); and with the templates whose own analysis is the deployment of a named file (x.json
  // for x.parameters.json or a config-mapped file; not for a .bicepparam or an environment's file,
  // which are analysed themselves).
  const named = focus ? new Set(focus) : undefined;
  const analysedNamed = named ? new Set(named) : undefined;
  if (analysedNamed) widenFocus(analysedNamed, work, new Map());
  if (focus) widenFocus(focus, work, targetsByParams);
  // A template a parameters file of the run deploys is linted through it, not again on its own
  // without its values (which adds "no value" notes the file answers), unless named on the
  // command line, as asked, or it has its own x.parameters.json, another deployment of it.
  if (usedByParams.size) work = work.filter((w) => w.file.explicit || !usedByParams.has(path.resolve(w.file.path)) || !throughParametersOnly(w.file.path));
  const slots: (OneResult | undefined)[] = new Array(work.length);
  const jobs = opts.jobs ?? 1;
  const reader = new WireReader();
  // With --cache, the files whose kept result still holds take it, and only the others are linted.
  const cached = opts.cache ? new CachedLint(opts.cache, opts, bicepSources, reader) : undefined;
  const todo = cached ? cached.take(work, slots) : work.map((_, i) => i);
  const here = (i: number) => {
    const w = work[i] as (typeof work)[number];
    slots[i] = cached ? cached.lint(i, w.sites, (sites) => lintSafely(w.file, opts, w.config, sites, known, bicepSources)) : lintSafely(w.file, opts, w.config, w.sites, known, bicepSources);
  };
  if (jobs > 1 && opts.workerUrl && todo.length >= MIN_FILES_PER_WORKER * 2) {
    const setup: WorkerSetup = {
      root: opts.root,
      cwd: opts.cwd,
      configFile: opts.configFile,
      parameterFiles: opts.parameterFiles,
      parameterFilesBelong: opts.parameterFilesBelong,
      params: opts.params,
      now: now.toISOString(),
      bicepFiles: [...bicepSources.files],
      ...(cached ? { record: true } : {}),
    };
    const tasks = todo.map((index) => {
      const f = (work[index] as (typeof work)[number]).file;
      return { index, path: f.path, explicit: f.explicit, group: /^bicep(param)?$/.test(extensionOf(f.path)) ? 1 : 0 };
    });
    await runInWorkers(
      opts.workerUrl,
      setup,
      tasks,
      // This thread lints too: `jobs` threads are this one and jobs - 1 workers.
      Math.min(jobs, Math.ceil(todo.length / MIN_FILES_PER_WORKER)) - 1,
      (r) => {
        slots[r.index] = fromWire(r, work[r.index]?.sites ?? [], reader);
        cached?.keep(r.index, r);
      },
      (index, message) => {
        const file = work[index]?.file.path;
        slots[index] = { result: { path: file ?? '', kind: 'skipped', findings: [] }, passes: 0, notifications: [{ level: 'error', message: `internal error while linting: ${message}`, file }] };
      },
      (task) => here(task.index),
    );
  } else {
    for (const i of todo) here(i);
  }
  const unsaved = cached?.save();
  if (unsaved) notifications.push(unsaved);
  throughParents(slots, work);
  notifications.push(...unusedSuppliedParameters(opts, slots));
  const results: FileResult[] = [];
  // With --context, the findings of the analyses of named files, wherever they are placed (see
  // reportedInFocus): of a named .bicepparam file, template or environment's parameters file, of the
  // template of a named x.parameters.json, and every analysis of a named template (main.bicep through
  // each .bicepparam file that uses it). Not the other parameters files of the template of a named
  // one: staging dev.bicepparam is not about what prod.bicepparam gives.
  const ofFocused = new Set<Finding>();
  const skippedNamed: string[] = [];
  let passes = 0;
  for (const [i, r] of slots.entries()) {
    if (!r) continue;
    const analysed = work[i]?.file.path;
    if (focus && ((analysed !== undefined && inFocus(analysedNamed, analysed)) || inFocus(named, r.result.path))) for (const f of r.result.findings) ofFocused.add(f);
    passes += r.passes;
    pushAll(notifications, r.notifications.filter((n) => n.file === undefined || inFocus(focus, n.file)));
    if (r.result.kind !== 'skipped' || r.result.findings.length) results.push(r.result);
    else if (work[i]?.file.explicit) skippedNamed.push(r.result.path);
  }
  for (const [config, ext] of external) {
    const extra = unusedFindings([...ext.concerned], opts.rules, config);
    if (extra.length) results.push({ path: config.file ?? '', kind: 'skipped', findings: extra });
  }
  // The analysis each finding came from: the same verdict from two analyses is one finding.
  const analysisOf = new Map<Finding, number>();
  results.forEach((r, i) => {
    for (const f of r.findings) analysisOf.set(f, i);
  });
  const every = withoutRepeats(results.flatMap((r) => r.findings), ofFocused, analysisOf).sort(compareFindings);
  // Fingerprints over suppressed and unsuppressed findings alike: suppressing one must not renumber
  // the others; and over every finding of the run, also with --context, so they match a run over all.
  const base = sourceRoot(opts.root, files.map((f) => f.path));
  assignFingerprints(every, base, (f) => results[analysisOf.get(f) ?? -1]?.path ?? f.location.file.path);
  const all = named ? every.filter((f) => reportedInFocus(named, f, ofFocused)) : every;
  if (named) for (const f of all) f.related = namedFirst(f.related, named);
  const findings = all.filter((f) => !f.suppressions);
  const suppressed = all.filter((f) => f.suppressions);
  const kept = new Set(all);
  const reported = focus ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => kept.has(f)) })).filter((r) => inFocus(focus, r.path) || r.findings.length > 0) : results;
  const result: LintResult = { root: opts.root, sourceRoot: base, files: reported, findings, suppressed, notifications, missing, unreadable, ignoredNamed, skippedNamed, passes, ...(cached ? { cache: cached.counts() } : {}) };
  if (baseline && opts.baselineFile) {
    // Results of other files are not absent: this run did not report on those files (absentInRun).
    result.absent = absentInRun(applyBaseline(every, baseline), base, focus, () => new Set([...files.map((f) => path.resolve(f.path)), ...every.map((f) => path.resolve(f.location.file.path))]));
    result.baseline = opts.baselineFile;
    result.baselineCounts = baselineCounts(findings, result.absent);
  }
  return result;
}

/**
 * A template that another linted file deploys as a module (or linked template) is judged where it
 * is deployed, with the values its parent gives it: its analysis on its own (no values for its
 * parameters) would add "no value" notes the parent answers, and findings that contradict the
 * parent's. Its findings then come from its parents' analyses only, as a template linted through a
 * .bicepparam file is not linted again on its own. A file named on the command line is still
 * linted on its own, as asked. Its suppression comments apply to the findings its parents place
 * in it, but are not called unused from here: its own analysis, without the parents' values,
 * cannot tell (a comment used through a parent looked unused, and the reverse).
 */
function throughParents(slots: (OneResult | undefined)[], work: readonly { file: DiscoveredFile }[]): void {
  const deployedByOthers = new Set<string>();
  for (const r of slots) for (const m of r?.modules ?? []) deployedByOthers.add(m);
  if (deployedByOthers.size === 0) return;
  // Judged through parents only when some parent is reported: files that deploy each other
  // (a.bicep -> b.bicep -> a.bicep, a cycle ARM rejects) and no other file deploys have no parent
  // outside the cycle, and would otherwise report nothing at all, the cycle error included.
  const index = new Map(work.map((w, i) => [path.resolve(w.file.path), i]));
  const reached = new Set<string>();
  const queue: string[] = [];
  slots.forEach((r, i) => {
    const f = work[i]?.file;
    if (r && f && (f.explicit || !deployedByOthers.has(path.resolve(f.path)))) queue.push(...(r.modules ?? []));
  });
  for (let m = queue.pop(); m !== undefined; m = queue.pop()) {
    if (reached.has(m)) continue;
    reached.add(m);
    const i = index.get(m);
    if (i !== undefined) queue.push(...(slots[i]?.modules ?? []));
  }
  slots.forEach((r, i) => {
    const f = work[i]?.file;
    if (!r || !f || f.explicit || r.result.kind !== 'template' || !reached.has(path.resolve(f.path))) return;
    // A linked template with a parameters file of its own (x.parameters.json beside it) is a
    // deployable template in its own right, deployed with those values too: its analysis with
    // them stays (as a template a .bicepparam deploys keeps its own then, see
    // throughParametersOnly). A finding both analyses give is one (withoutRepeats).
    if (hasOwnParameterFile(f.path)) return;
    r.result = { ...r.result, findings: [] };
    r.passes = 0;
  });
}

/**
 * With --context, what is reported is about the named files (a hook names the staged ones):
 * - a finding placed in one of them (whatever analysis placed it there: a module's come through
 *   its parents);
 * - a finding of the analysis of one of them (a `.bicepparam` file, a template, an environment's
 *   parameters file; the template of a named x.parameters.json; every analysis of a named
 *   template), wherever it is placed: in the template, or in a module it deploys, where a rule's
 *   property is (a change to `prod.bicepparam` that gives a module a v6 size, or leaves a module's
 *   default in force). Placed in the module, such findings were all dropped, and the hook passed
 *   a commit CI fails;
 * - a finding that points at one of them (a related location): the value that decided it is
 *   written there (a `.bicepparam` assignment, a module's `params` in its parent), or the file
 *   holds another resource it is about.
 * Not what another parameters file of the same template gives: staging dev.bicepparam does not
 * report prod.bicepparam's findings, even in the template they share.
 */
function reportedInFocus(named: ReadonlySet<string>, f: Finding, ofFocused: ReadonlySet<Finding>): boolean {
  // A file named that does not exist (a change deletes it): what still uses it is about the change.
  return ofFocused.has(f) || inFocus(named, f.location.file.path) || f.related.some((r) => inFocus(named, r.file.path)) || (f.missingFile !== undefined && named.has(f.missingFile));
}

/**
 * The related locations in the named files first (otherwise in their order): with --context, the
 * staged file's place is what the commit is about, and the formats that name only the first two
 * places after a message (stylish, unix: "and 3 more") showed it only when it came early.
 */
function namedFirst<R extends { file: { path: string } }>(related: R[], named: ReadonlySet<string>): R[] {
  if (related.length < 2) return related;
  const inNamed = related.filter((r) => inFocus(named, r.file.path));
  if (inNamed.length === 0 || inNamed.length === related.length) return related;
  return [...inNamed, ...related.filter((r) => !inFocus(named, r.file.path))];
}

/**
 * One template can be analysed more than once in a run (through each .bicepparam that uses it, or
 * as a module of several files): the same finding at the same place, saying the same, is one.
 */
function withoutRepeats(findings: readonly Finding[], ofFocused: Set<Finding>, analysisOf: ReadonlyMap<Finding, number>): Finding[] {
  // Findings are grouped by rule and place (a short key), and compared in full only within a
  // group: a key holding every finding's whole text (messages, related places) came to megabytes
  // for a large deployment, at the end of the run.
  // Within a place, by message (the finding's own string, no copy): many findings at one place
  // with different messages (a comment naming 20,000 unknown rule ids, each its own finding)
  // were each compared with all before them, quadratic.
  const byPlace = new Map<string, Map<string, Finding[]>>();
  // The kept findings whose resource a message names with its modules, by their plain message, and
  // the analyses each kept finding stands for.
  const byPlain = new Map<string, Map<string, PlainGroup>>();
  const analyses = new Map<Finding, Set<number>>();
  return findings.filter((f) => {
    const place = `${f.ruleId}\u0000${placeOf(f.location)}`;
    let byMessage = byPlace.get(place);
    if (!byMessage) byPlace.set(place, (byMessage = new Map()));
    const same = byMessage.get(f.message);
    const analysis = analysisOf.get(f) ?? -1;
    // The same verdict reached through another parent (a module two files deploy) or parameters
    // file: one finding, pointing at every place that gave a value (a plain repeat adds none).
    // Through another entry, the module's resource may be named with other modules ('m.tap' where
    // that entry has a 'tap' of its own, 'tap' where it has none): the same verdict all the same.
    // Not within one analysis: there, 'spokes[0].nic' and 'spokes[1].nic' are two instances.
    const plain = f.plainMessage ?? f.message;
    const sameVerdict = same?.find((g) => sameExceptRelated(f, g)) ?? samePlainVerdict(byPlain.get(place)?.get(plain), f, analysis, analyses);
    if (sameVerdict) {
      analyses.get(sameVerdict)?.add(analysis);
      // The one kept stands for both: also for the analysis of a named file (--context).
      if (ofFocused.has(f)) ofFocused.add(sameVerdict);
      for (const r of f.related) {
        if (!sameVerdict.related.some((q) => q.message === r.message && placeOf(q) === placeOf(r))) sameVerdict.related.push(r);
      }
      return false;
    }
    if (same) same.push(f);
    else byMessage.set(f.message, [f]);
    analyses.set(f, new Set([analysis]));
    let plains = byPlain.get(place);
    if (!plains) byPlain.set(place, (plains = new Map()));
    const group = plains.get(plain);
    if (!group) plains.set(plain, { kept: [f], analysis, start: 0 });
    else {
      if (group.analysis !== analysis) {
        group.analysis = analysis;
        group.start = group.kept.length;
      }
      group.kept.push(f);
    }
    return true;
  });
}

/**
 * The kept findings of one rule, place and plain message. Findings come analysis by analysis, and
 * those kept from the analysis being read (from `start` on) are never the same verdict: within one
 * analysis, the 1,024 TAPs of a module fan-out share their place and plain message, and comparing
 * each with all before it was quadratic.
 */
interface PlainGroup {
  kept: Finding[];
  /** The analysis of the last finding kept, and where its findings begin in `kept`. */
  analysis: number;
  start: number;
}

function samePlainVerdict(group: PlainGroup | undefined, f: Finding, analysis: number, analyses: ReadonlyMap<Finding, ReadonlySet<number>>): Finding | undefined {
  if (!group) return undefined;
  const end = group.analysis === analysis ? group.start : group.kept.length;
  for (let i = 0; i < end; i++) {
    const g = group.kept[i]!;
    if (g.logical === f.logical && sameExceptMessage(f, g) && !analyses.get(g)?.has(analysis)) return g;
  }
  return undefined;
}

function sameExceptRelated(a: Finding, b: Finding): boolean {
  return a.message === b.message && sameExceptMessage(a, b);
}

function sameExceptMessage(a: Finding, b: Finding): boolean {
  return a.level === b.level && a.kind === b.kind && (a.suppressions?.length ?? 0) === (b.suppressions?.length ?? 0);
}

/** Paths and positions only: a location holds its whole source file. */
function placeOf(l: FindingLocation): string {
  return `${l.file.path}:${l.region.start.line}:${l.region.start.column}-${l.region.end.line}:${l.region.end.column}`;
}

/** Lints one file; a bug in vtaplint becomes a notification and never hides other files' results. */
export function lintSafely(
  f: DiscoveredFile,
  opts: LintOptions,
  config: EffectiveConfig,
  sites: readonly SuppressionSite[],
  known: ReadonlySet<string>,
  bicepSources: BicepSources,
): OneResult {
  try {
    return lintOne(f, opts, config, sites, known, bicepSources);
  } catch (e) {
    return {
      result: { path: f.path, kind: 'skipped', findings: [] },
      passes: 0,
      notifications: [{ level: 'error', message: `internal error while linting: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, file: f.path }],
    };
  }
}

/** A template that a parameters file of the run deploys is linted only through it: a Bicep file, or ARM JSON without its own x.parameters.json. */
function throughParametersOnly(template: string): boolean {
  const ext = extensionOf(template);
  return ext === 'bicep' || ((ext === 'json' || ext === 'jsonc') && associatedParameterFile(template) === undefined);
}

/**
 * An ARM JSON template with a parameters file of its own: x.parameters.json beside it. Not a file
 * the config maps to it: a glob such as `env/prod/**\/*.json` maps the environment's file to the
 * linked templates under it too, which the parent deploys with values of its own.
 */
function hasOwnParameterFile(template: string): boolean {
  const ext = extensionOf(template);
  return (ext === 'json' || ext === 'jsonc') && associatedParameterFile(template) !== undefined;
}

export { ConfigResolver };

/**
 * Findings that count for the exit code: with a baseline, new ones, and updated ones now at a
 * higher level than the baseline accepted them at (see Finding.baselineEscalated).
 */
export function countedFindings(result: LintResult): Finding[] {
  return result.findings.filter((f) => f.baselineState === undefined || f.baselineState === 'new' || f.baselineEscalated === true);
}

/** unused-suppression findings for the sites that suppressed nothing, expired, or lack a reason. */
function unusedFindings(sites: readonly SuppressionSite[], rules: readonly Rule[], config: EffectiveConfig): Finding[] {
  const rule = rules.find((r) => r.meta.id === UNUSED_SUPPRESSION);
  if (!rule) return [];
  const level = levelFor(rule.meta, config);
  if (level === 'off') return [];
  const out: Finding[] = [];
  const ids = rules.map((r) => r.meta.id);
  for (const s of sites) {
    const message = siteProblem(s, ids);
    if (!message) continue;
    out.push(placed({ ruleId: UNUSED_SUPPRESSION, level, kind: 'fail', message, span: s.span, related: [], logical: undefined, plainMessage: undefined }));
  }
  return out;
}


/** Whether `inner` is `outer` or below it. */
function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isIgnored(file: string, config: EffectiveConfig): boolean {
  if (!config.file || config.ignore.length === 0) return false;
  const rel = path.relative(path.dirname(config.file), file).replaceAll('\\', '/');
  return matchesGlobList(rel, config.ignore);
}

export interface OneResult {
  result: FileResult;
  passes: number;
  notifications: ToolNotification[];
  /** The parameters the template declares (a .bicepparam: its template's); undefined when not known (not a template, broken). */
  parameters?: string[];
  /** Other files this file's deployment takes resources from (Bicep modules, linked templates), absolute. */
  modules?: string[];
}

/** Whether the diagnostics of a code have a rule on to report them. */
function reported(code: 'evaluation-error' | 'invalid-template', rules: readonly Rule[], config: EffectiveConfig): boolean {
  const rule = rules.find((r) => r.meta.id === DIAGNOSTIC_RULE[code]);
  return rule !== undefined && levelFor(rule.meta, config) !== 'off';
}

function diagnosticFindings(diags: readonly Diagnostic[], rules: readonly Rule[], config: EffectiveConfig): Finding[] {
  const out: Finding[] = [];
  // The Bicep compiler stops at its own errors, so ARM's error at the very same place would say the
  // same thing twice (`output o int = 'str'`: BCP033, and ARM's output type error at that value).
  const compileErrorAt = new Set<string>();
  for (const d of diags) if (d.code === 'invalid-template') compileErrorAt.add(d.span.identity());
  for (const d of diags) {
    if (d.code === 'evaluation-error' && compileErrorAt.size && compileErrorAt.has(d.span.identity())) continue;
    const ruleId = DIAGNOSTIC_RULE[d.code];
    const rule = ruleId ? rules.find((r) => r.meta.id === ruleId) : undefined;
    if (!rule) continue;
    const level = d.level ? (configuredLevel(rule.meta, config) ?? d.level) : levelFor(rule.meta, config);
    if (level === 'off') continue;
    const finding = placed({ ruleId: rule.meta.id, level, kind: 'fail', message: d.message, span: d.span, related: d.related ?? [], logical: undefined, plainMessage: undefined });
    if (d.missingFile !== undefined) finding.missingFile = d.missingFile;
    out.push(finding);
  }
  return out;
}

function lintOne(
  f: DiscoveredFile,
  opts: LintOptions,
  config: EffectiveConfig,
  external: readonly SuppressionSite[],
  known: ReadonlySet<string>,
  bicepSources: BicepSources,
): OneResult {
  const judged = judge(f, opts, config, external, known, bicepSources);
  if (judged.kind !== 'template') return judged.result;
  // The deployment and its graph are no longer referenced: only spans, messages and suppression
  // sites are. When a large deployment's heap is high, they are collected before findings are
  // placed, so placing them (the text again, the position index at ~8 bytes per JSON value) and
  // the report do not add to them.
  judged.guard?.release();
  const { source, notifications } = judged;
  const findings = diagnosticFindings(judged.diagnostics, opts.rules, config);
  const candidates: Candidate[] = findings.map((finding) => ({ finding, resource: undefined }));
  for (const d of judged.drafts) {
    const finding = placed(d);
    findings.push(finding);
    candidates.push({ finding, resource: d.resource, names: d.names });
  }
  const own = [...judged.sites, ...commentSites(source, findings, known)];
  applySuppressions(candidates, [...own, ...external]);
  // Only this file's own suppressions, and those of the parameters files only it uses, are judged
  // here (a module's are judged when it is linted; a shared parameters file's by no one template).
  pushAll(findings, unusedFindings(own.filter((s) => judged.judges.has(s.span.file.path)), opts.rules, config));
  return { result: { path: source.path, kind: 'template', findings }, passes: judged.passes, notifications, modules: judged.modules, parameters: judged.parameters };
}

/**
 * From this size of template text, or this many deployed resources, on (a copy loop or a Bicep
 * loop makes many from little text), the rules run under a HeapGuard (judge, lintOne): it acts
 * only once the heap is high, and its collections then cost ~10% of such a run.
 */
const LARGE_TEMPLATE = 4_000_000;
const LARGE_DEPLOYMENT = 5_000;

/** A verdict placed: its spans turned into file, line and column. */
function placed(d: Omit<Draft, 'resource' | 'names'>): Finding {
  return {
    ruleId: d.ruleId,
    level: d.level,
    kind: d.kind,
    message: d.message,
    location: locate(d.span),
    related: d.related.map((r) => ({ file: r.span.file, region: r.span.region(), message: r.message })),
    logical: d.logical,
    // Always present (undefined when the message names no module), so every finding has one shape.
    plainMessage: d.plainMessage,
    fingerprint: '',
    span: d.span,
  };
}

/** A rule verdict with what placing it needs: spans and texts, nothing of the deployment. */
interface Draft {
  ruleId: string;
  level: Level;
  kind: Finding['kind'];
  message: string;
  span: Span;
  related: { span: Span; message: string }[];
  logical: string | undefined;
  /** The declaration span of the verdict's resource (metadata suppressions). */
  resource: Span | undefined;
  /** The resource's other names, as "<type>/<name>" (the config's `resource` suppressions). */
  names: string[] | undefined;
  /** The message with the resource's plain name, when it names it with its modules (Finding.plainMessage). */
  plainMessage: string | undefined;
}

type Judged =
  | { kind: 'done'; result: OneResult }
  | {
      kind: 'template';
      source: SourceText;
      /** Set for a large deployment: releases it before the findings are placed. */
      guard: HeapGuard | undefined;
      diagnostics: Diagnostic[];
      drafts: Draft[];
      /** Metadata and pragma suppression sites (comment sites are found once findings are placed). */
      sites: SuppressionSite[];
      /** Files whose suppressions this analysis judges (unused ones are reported): the template's, and parameters files only it uses. */
      judges: Set<string>;
      passes: number;
      notifications: ToolNotification[];
      modules: string[];
      parameters: string[];
    };

/**
 * Which JSON compiled from Bicep a file's analysis skips (AnalyzeOptions.skipGeneratedFromBicep):
 * any beside a .bicep file of the run, elsewhere the compilation of one; none in a file named.
 */
function generatedFromBicep(f: DiscoveredFile, bicepSources: BicepSources): AnalyzeOptions['skipGeneratedFromBicep'] {
  return f.explicit ? undefined : bicepSources.hasDir(path.dirname(f.path)) || ((p, t) => bicepSources.compiledFrom(p, t) !== undefined);
}

/** Analyses a file and runs the rules: what lintOne places, without the deployment it came from. */
function judge(f: DiscoveredFile, opts: LintOptions, config: EffectiveConfig, external: readonly SuppressionSite[], known: ReadonlySet<string>, bicepSources: BicepSources): Judged {
  const notifications: ToolNotification[] = [];
  // A parameters file mapped by the config comes after the one found by name, before --parameters.
  const mapped = config.parameters.length ? mappedParameterFile(config, f.path) : undefined;
  // Errors found by checking expressions no rule evaluates need a rule to report them (see DeployOptions.checkExpressions).
  const evaluationErrors = reported('evaluation-error', opts.rules, config);
  const a = analyzeFile(f.path, { root: opts.root, deployment: config.deployment, mappedParameterFile: mapped, parameterFiles: opts.parameterFiles, parameterFilesBelong: opts.parameterFilesBelong, params: opts.params, parameterFileReads: opts.parameterFileReads, explicit: f.explicit, limits: config.limits, checkExpressions: evaluationErrors, skipGeneratedFromBicep: generatedFromBicep(f, bicepSources) });
  switch (a.kind) {
    case 'skipped':
      return { kind: 'done', result: { result: { path: f.path, kind: 'skipped', findings: [] }, passes: 0, notifications } };
    case 'parameters':
      return { kind: 'done', result: { result: { path: f.path, kind: 'parameters', findings: [] }, passes: 0, notifications } };
    case 'broken': {
      pushAll(notifications, internalNotifications(a.diagnostics));
      // A file that cannot be read at all is also reported to the tool's user (SARIF tool notification).
      for (const d of a.diagnostics) if (d.unreadable) notifications.push({ level: 'warning', message: `${d.message} (the file is not analysed)`, file: f.path, sameAsFinding: d.message });
      const findings = diagnosticFindings(a.diagnostics, opts.rules, config);
      applySuppressions(findings.map((finding) => ({ finding, resource: undefined })), external);
      return { kind: 'done', result: { result: { path: f.path, kind: 'template', findings }, passes: 0, notifications } };
    }
  }
  // A large deployment's rules may fill the heap: HeapGuard collects between them once it is
  // high, and from then on a large template's text, not needed while the rules run, is kept
  // deflated until findings are placed (SourceText.pack).
  const large = a.source.text.length >= LARGE_TEMPLATE || a.deployed.resources.length >= LARGE_DEPLOYMENT;
  const source = a.source;
  const guard = large
    ? new HeapGuard(() => {
        if (source.kind === 'arm' && source.text.length >= LARGE_TEMPLATE) source.pack();
      }, opts.heapHighWater)
    : undefined;
  // Before the rules: the walk over every resource is done (and compiled) well before the
  // deployment is let go of after them (see collectReleased).
  const sites = [...metadataSites(a.deployed.resources, known), ...pragmaSites(pragmasOf(a), known)];
  const judges = new Set([a.source.path]);
  for (const p of a.parameterSources) {
    pushAll(sites, parameterFileSites(p.source, p.pragmas, known));
    if (p.own) judges.add(p.source.path);
  }
  const { outcomes, passes, failures } = runRules(a.graph, opts.rules, config, guard ? () => guard.afterRule() : undefined, a.deployed.evaluationStopped);
  // ARM evaluates every deployed body, whatever the rules read: what fails in one no rule read
  // fails the deployment too. After the rules, so that only the bodies they left are evaluated.
  if (evaluationErrors) evaluateEveryBody(a.deployed);
  // ARM resolves every dependsOn entry before it deploys anything: one that names nothing, a
  // resource that depends on itself and a cycle fail the deployment whatever the rules asked of
  // the graph (they build the order only when a rule needs it).
  if (reported('invalid-template', opts.rules, config)) a.graph.resolveDependsOn();
  // After the rules: what they made evaluated is reported too (see diagnosticsNow).
  const diagnostics = diagnosticsNow(a);
  pushAll(notifications, internalNotifications(diagnostics));
  for (const fail of failures) {
    notifications.push({
      level: 'error',
      message: `internal error in rule ${fail.rule.meta.id}: ${fail.error instanceof Error ? fail.error.message : String(fail.error)}`,
      file: a.source.path,
    });
  }
  // A loop over a function of the module, not a closure over the analysis: a closure called
  // 10,000 times is compiled in the background, and its job would hold the deployment (collectReleased).
  const drafts = new Array<Draft>(outcomes.length);
  const sources: SourcesBySpan = new Map();
  for (let i = 0; i < outcomes.length; i++) drafts[i] = draftOf(outcomes[i] as RuleOutcome, a.deployed, sources);
  // The deployment a parameters file starts (an environment's x.parameters.prod.json, a
  // .bicepparam file): its findings land in the template, and one that no value of the file
  // decided (a v6 default that only prod's `enableTap: true` mirrors) did not say which
  // deployment it is. It points at the file too; the same verdict of two environments names both.
  const starter = a.source.path !== path.resolve(f.path) ? a.parameterSources.find((p) => p.own && p.source.path === path.resolve(f.path)) : undefined;
  if (starter) {
    const at = new TextSpan(starter.source, 0, 0);
    for (const d of drafts) if (!d.related.some((r) => r.span.file === starter.source)) d.related.push({ span: at, message: "in the deployment with this file's values" });
  }
  return {
    kind: 'template',
    source: a.source,
    guard,
    diagnostics,
    drafts,
    sites,
    judges,
    passes,
    notifications,
    modules: moduleFiles(a.deployed.resources, a.source.path, a.declaredModules),
    parameters: a.deployed.scope?.parameterNames() ?? [],
  };
}

/**
 * The files other than `own` that a deployment's resources are declared in, and the files it
 * declares as modules whether or not they are deployed with these values (absolute paths): a
 * module under a false condition, or in an empty loop, is its parent's, which deploys nothing of it.
 */
function moduleFiles(resources: readonly DeployedResource[], own: string, declared: readonly string[]): string[] {
  // One file per deployment unit (a template, a module, a linked template): a span's file is
  // found by walking up to its root, too dear to ask for every resource.
  const units = new Set<DeployedResource['unit']>();
  const sources = new Set<SourceText>();
  for (const r of resources) {
    if (units.has(r.unit)) continue;
    units.add(r.unit);
    sources.add(r.span.file);
  }
  const self = path.resolve(own);
  const files = new Set<string>(declared.map((d) => path.resolve(d)));
  files.delete(self);
  for (const s of sources) {
    const p = path.resolve(s.path);
    if (p !== self) files.add(p);
  }
  return [...files];
}

/** The Bicep front end hands over the file's pragmas on the analysis (when it has any). */
function pragmasOf(a: object): readonly Pragma[] {
  const p = (a as { pragmas?: unknown }).pragmas;
  return Array.isArray(p) ? (p as Pragma[]) : [];
}

/**
 * The related locations of supplied values, by the span of a verdict: asked once per place, as
 * the verdicts of every instance of a module or loop share their declaration's span, and each
 * time every scope of the deployment is asked (in the scopes of the 512 instances of a module at
 * the end of a 10-level chain, each with its chain of parameters).
 */
type SourcesBySpan = Map<string, { span: Span; message: string }[]>;

/** A key per deployment unit (the memo of suppliedRelated is by string). */
const unitKeys = new WeakMap<DeployedResource['unit'], number>();
let unitKeyCounter = 0;

function unitKey(unit: DeployedResource['unit']): number {
  let k = unitKeys.get(unit);
  if (k === undefined) unitKeys.set(unit, (k = ++unitKeyCounter));
  return k;
}

function suppliedRelated(deployed: DeployResult, span: Span, r: DeployedResource | undefined, memo: SourcesBySpan, unit = r?.unit): { span: Span; message: string }[] {
  // In the template of the finding's resource, the values of that resource's deployment only (see
  // DeployResult.suppliedSourcesAt): keyed by the deployment too, as its entries differ. In the
  // resource's own declaration, its copy-loop instance tells which entry of a list it read.
  const loop = r?.copy?.index !== undefined && unit === r.unit && span.within(r.decl.span) ? r.copy : undefined;
  const key = `${span.identity()}\u0000${unit ? unitKey(unit) : ''}\u0000${loop ? loop.index : ''}`;
  let related = memo.get(key);
  if (related === undefined) {
    related = distinctRelated(
      deployed.suppliedSourcesAt(span, unit, loop).map((src) => ({
        span: src.span,
        message:
          src.group
            ? `the location of resource group '${src.name}' (resourceGroup().location) is given here`
            : src.of !== undefined
            ? `the value of output '${src.name}' of ${src.of} is computed here`
            : src.isDefault
              ? `the value of parameter '${src.name}'${src.part !== undefined ? ` (${src.name}${src.part})` : ''} is its default, written here`
              : src.part !== undefined
                ? `the value of '${src.name}${src.part}' (parameter '${src.name}') is given here`
                : `the value of parameter '${src.name}' is given here`,
      })),
    );
    memo.set(key, related);
  }
  return related;
}

/**
 * The resources a verdict is about that messages name by their name (DeployedResource.displayedName),
 * each with the deployment whose values gave that name: for a source's NIC, the deployment of the
 * source's own declaration (the module instance whose `existing` NIC its tap configuration is a
 * child of: the graph links it to the first declaration of that NIC, which another instance made).
 */
function namedBy(v: RuleOutcome['verdict']): { r: DeployedResource; unit: DeployedResource['unit'] }[] {
  const out: { r: DeployedResource; unit: DeployedResource['unit'] }[] = [];
  const add = (r: DeployedResource | undefined, unit: DeployedResource['unit'] | undefined) => {
    if (r?.displayedName === undefined) return;
    const u = unit && unit.file === r.unit.file ? unit : r.unit;
    if (!out.some((x) => x.r === r && x.unit === u)) out.push({ r, unit: u });
  };
  add(v.resource, undefined);
  for (const s of v.sources ?? []) if (s.nic.kind === 'resource') add(s.nic.resource, s.holder.unit);
  return out;
}

function draftOf(o: RuleOutcome, deployed: DeployResult, sources: SourcesBySpan): Draft {
  const r = o.verdict.resource;
  // Each display name is computed on every read (a name as written costs a position lookup): the
  // plain one once here; the one with its modules only for a resource in modules (displayQualifier).
  const plain = r?.plainDisplayName;
  const qualified = r?.displayQualifier !== undefined ? `'${r.displayName}'` : undefined;
  return {
    plainMessage: qualified && o.verdict.message.includes(qualified) ? o.verdict.message.replaceAll(qualified, `'${plain}'`) : undefined,
    ruleId: o.rule.meta.id,
    level: o.level,
    kind: o.verdict.kind,
    message: o.verdict.message,
    span: o.verdict.span,
    related: distinctRelated([
      // The value that decided came from outside the template: point at where it was given.
      ...withSupplied(
        (o.verdict.related ?? []).map((r) => ({ span: r.span, message: r.message })),
        suppliedRelated(deployed, o.verdict.span, o.verdict.resource, sources),
      ),
      // An existing resource named by its name in a module loop (displayedName): where the name
      // was given, which tells which entry of which list named it.
      ...namedBy(o.verdict).flatMap(({ r, unit }) =>
        suppliedRelated(deployed, r.nameSpan, r, sources, unit).map((src) => ({ span: src.span, message: `the name '${r.displayedName ?? ''}' is given here` })),
      ),
    ]),
    // The resource's identity (its symbolic name, else its name), not the name messages show
    // ('collector-nic', "hub.vnet"): fingerprints and the config's resource suppressions keep
    // matching whether or not parameter values change the name or another module shares it.
    logical: r ? `${r.type}/${r.identityName}` : undefined,
    resource: o.verdict.resource?.span,
    names: o.verdict.resource ? resourceNames(o.verdict.resource) : undefined,
  };
}

/** A resource's names a config suppression may give: its symbolic name (a loop's too) and its deployed name. */
function resourceNames(r: DeployedResource): string[] {
  const names: string[] = [];
  if (r.symbolicName) names.push(`${r.type}/${r.symbolicName}`);
  if (typeof r.name === 'string') names.push(`${r.type}/${r.name}`);
  return names;
}

/** Suppression comments of an ARM template and of the other JSON files findings point into (linked templates). */
function commentSites(source: SourceText, findings: readonly Finding[], known: ReadonlySet<string>): SuppressionSite[] {
  if (source.kind === 'bicep' || source.kind === 'bicepparam') return [];
  const files = new Map<string, SourceText>([[source.path, source]]);
  for (const f of findings) if (f.location.file.kind === 'arm' && !files.has(f.location.file.path)) files.set(f.location.file.path, f.location.file);
  const sites: SuppressionSite[] = [];
  for (const file of files.values()) pushAll(sites, jsonCommentSites(file, known));
  return sites;
}

/**
 * Fingerprints: rule, path (from the git top folder, see sourceRoot), resource, the decisive text,
 * and an occurrence counter. `entryOf` names the file whose analysis gave a finding.
 */
function assignFingerprints(findings: Finding[], root: string, entryOf: (f: Finding) => string): void {
  // Counted by the hashed text, not the hash: equal texts are exactly the equal hashes.
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const input = fingerprintInput(f.ruleId, fingerprintPath(root, f.location.file.path), f.logical, f.span);
    const group = groups.get(input);
    if (group) group.push(f);
    else groups.set(input, [f]);
  }
  for (const [input, group] of groups) {
    // Findings that share every hashed part (a module's resource judged through two entries that
    // deploy it) are numbered by the entry that gave them, then as reported: numbered by message
    // alone, a parameter value that reorders the messages swapped their fingerprints, and code
    // scanning closed one alert and opened the other again.
    const ordered = group.length === 1 ? group : group.map((f, i) => ({ f, i, entry: fingerprintPath(root, entryOf(f)) })).sort((a, b) => cmp(a.entry, b.entry) || a.i - b.i).map((e) => e.f);
    ordered.forEach((f, n) => setFingerprint(f, input, n));
  }
}

export function countByLevel(findings: readonly Finding[]): Record<Level, number> {
  const c: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) c[f.level]++;
  return c;
}

