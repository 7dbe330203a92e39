// The vtaplint command line. Exit codes: 0 no error-level finding (and warnings within
// --max-warnings); 1 error-level findings or too many warnings; 2 bad usage, bad config, or an
// internal failure (with a one-line reason).
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { RULES } from '../../rules/index.js';
import { ConfigError, mappedParameterFile, type EffectiveConfig } from '../engine/config.js';
import { namedParametersProblem, notAFileMessage, parametersArgument } from '../engine/named-parameters.js';
import { missingPathMessage } from '../discover/missing-path.js';
import { environmentParameterTemplate } from '../deploy/parameters.js';
import { ConfigResolver, countByLevel, countedFindings, lint, lintedByRun, type LintResult } from '../engine/lint.js';
import { baselineSentence } from '../engine/baseline.js';
import { formatStylish } from '../report/stylish.js';
import { formatJunit } from '../report/junit.js';
import { writeCodeClimate } from '../report/codeclimate.js';
import { formatCompact } from '../report/compact.js';
import { writeJson } from '../report/json.js';
import { writeSarif } from '../report/sarif.js';
import { formatGithub } from '../report/github.js';
import { formatUnix } from '../report/unix.js';
import { makeReportFolder } from '../report/report-folder.js';
import { parseCli, UsageError, HELP, type CliOptions } from './args.js';
import { explainRule, listRules, listRulesJson } from './list-rules.js';
import pkg from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../model/diagnostic.js';
import { printable } from '../report/printable.js';
import { shownNotifications } from '../report/notification-tag.js';
import { usedCodePart } from '../engine/code-cache-parts.js';
import { toolIdentity } from '../engine/result-cache.js';
import { cacheLocation } from '../engine/cache-folder.js';
import { isDirectory } from '../model/path-kind.js';
import { defaultJobs } from '../engine/parallel.js';

export { defaultJobs };

export const VERSION: string = pkg.version;

/** Runs over more files than this do not write the CLI's code cache (see below). */
const CODE_CACHE_MAX_FILES = 16;

/**
 * The worker thread's entry beside the bundled CLI (dist/vtaplint.cjs → bin/worker.cjs, which runs
 * dist/worker.cjs through the code cache); undefined when running from the sources (tests).
 */
function bundledWorker(): URL | undefined {
  if (!import.meta.url.endsWith('/dist/vtaplint.cjs')) return undefined;
  const url = new URL('../bin/worker.cjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** Characters written at a time: a report is encoded a piece at a time, not all at once. */
const CHUNK = 1 << 20;

/**
 * Writes a report in pieces of about 1 M characters. Writing a large report as one string
 * encodes it into one buffer as large, at the end of the run, when memory is at its fullest
 * (10,000 findings make a 7 MB report). A piece never ends between the two halves of a
 * surrogate pair, which would be encoded as two replacement characters.
 */
export function writeChunks(text: string, write: (chunk: string) => void): void {
  if (text.length <= CHUNK) {
    write(text);
    return;
  }
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    write(text.slice(start, end));
    start = end;
  }
}

/** Pieces of a report gathered into writes of about CHUNK characters (a piece larger than that is cut by writeChunks). */
class Pieces {
  private list: string[] = [];
  private size = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  add(s: string): void {
    this.list.push(s);
    this.size += s.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.list.length === 0) return;
    writeChunks(this.list.join(''), this.write);
    this.list = [];
    this.size = 0;
  }
}

/** Problems of `eval` and `graph` on standard error: "vtaplint: file:line:col: message". */
function printProblems(diagnostics: readonly Diagnostic[], io: CliIo): void {
  for (const d of diagnostics) {
    const at = d.span.region().start;
    io.stderr(`vtaplint: ${printable(path.relative(io.cwd, d.span.file.path) || d.span.file.path)}:${at.line}:${at.column}: ${d.level ? `${d.level}: ` : ''}${printable(d.message)}\n`);
  }
}

/**
 * Writes the report: JSON, SARIF and Code Climate are made a finding at a time, the other formats
 * as one text; either way it goes out in pieces of about CHUNK characters.
 */
function writeReport(result: LintResult, opts: CliOptions, io: CliIo, started: Date, write: (chunk: string) => void): void {
  const pieces = new Pieces(write);
  const add = (s: string) => pieces.add(s);
  switch (opts.format) {
    case 'json':
      writeJson(result, RULES, VERSION, add);
      break;
    case 'sarif':
      writeSarif(result, RULES, { version: VERSION, startTime: started.toISOString(), endTime: new Date().toISOString() }, add);
      break;
    case 'github':
      add(formatGithub(result));
      break;
    case 'unix':
      add(formatUnix(result, { cwd: io.cwd }));
      break;
    case 'compact':
      add(formatCompact(result, { cwd: io.cwd }));
      break;
    case 'junit':
      add(formatJunit(result));
      break;
    case 'codeclimate':
      writeCodeClimate(result, add);
      break;
    case 'text':
    case 'stylish':
      add(formatStylish(result, { color: opts.color ?? (io.isTTY && !io.env.NO_COLOR && !opts.output), cwd: io.cwd }));
      break;
  }
  pieces.flush();
}

/** Why `-o FILE` cannot be written: the error code, with plain words for a folder. */
function writeProblem(e: unknown, output: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return `EISDIR (it is a folder: name a file in it, as -o ${printable(path.join(output, 'vtaplint.sarif').replaceAll('\\', '/'))})`;
  return code ?? String(e);
}

/** Writes `text` to `-o FILE` (folders created) or standard output: exit 0, or 2 when FILE cannot be written. */
function writeText(text: string, output: string | undefined, io: CliIo): number {
  if (!output) {
    io.stdout(text);
    return 0;
  }
  try {
    const out = path.resolve(io.cwd, output);
    makeReportFolder(path.dirname(out));
    writeFileSync(out, text);
    return 0;
  } catch (e) {
    io.stderr(`vtaplint: cannot write to '${output}': ${writeProblem(e, output)}\n`);
    return 2;
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCli(argv, (p) => existsSync(path.resolve(io.cwd, p)));
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`vtaplint: ${printable(e.message)}\nRun 'vtaplint --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout(HELP);
    return 0;
  }
  if (opts.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  // -o naming a folder is known before anything is linted (a large repository took minutes to
  // end with a bare EISDIR).
  if (opts.output !== undefined && isDirectory(path.resolve(io.cwd, opts.output))) {
    io.stderr(`vtaplint: cannot write the report to '${printable(opts.output)}': ${writeProblem({ code: 'EISDIR' }, opts.output)}\n`);
    return 2;
  }
  if (opts.listRules) return writeText(opts.format === 'json' ? listRulesJson(RULES) : listRules(RULES), opts.output, io);
  if (opts.explain !== undefined) {
    const r = explainRule(RULES, opts.explain, opts.format === 'json');
    if ('error' in r) {
      io.stderr(`vtaplint: ${printable(r.error)}\n`);
      return 2;
    }
    return writeText(r.text, opts.output, io);
  }
  if (opts.stagedDeletions) {
    const { stagedDeletions } = await import('./staged-deletions.js');
    const staged = stagedDeletions(io.cwd);
    // Not a git repository, or no git: the named files are linted as they are, and that is said.
    if ('error' in staged) io.stderr(`vtaplint: --staged-deletions: cannot ask git which files the commit deletes (${printable(staged.error)}); only the files named are linted\n`);
    else opts = { ...opts, paths: [...opts.paths, ...staged.paths.filter((p) => !opts.paths.includes(p))] };
  }
  // The context folder is read too: the root holds it (nothing outside the root is read).
  const root = lintRoot(opts.context !== undefined ? [...(opts.paths.length ? opts.paths : ['.']), opts.context] : opts.paths, io.cwd);
  opts = { ...opts, parameters: opts.parameters.map((p) => parametersArgument(p, io.cwd)) };
  const parameterFiles = opts.parameters.map((p) => path.resolve(io.cwd, p));
  // A --parameters file is the user's own choice, like -c and --baseline: one that is not there
  // is bad usage (exit 2), not a finding.
  for (const p of opts.parameters) {
    const notAFile = notAFileMessage(namedParametersProblem(path.resolve(io.cwd, p)), p);
    if (notAFile !== undefined) {
      io.stderr(`vtaplint: --parameters: ${printable(notAFile)}\n`);
      return 2;
    }
  }
  // A .bicepparam file names its template itself (`using`): it is linted or evaluated as a file of
  // its own, not given as an ARM parameters file (which it would fail to parse as).
  const bicepparam = opts.parameters.find((p) => namedParametersProblem(path.resolve(io.cwd, p)) === 'bicepparam');
  if (bicepparam !== undefined) {
    io.stderr(`vtaplint: --parameters takes ARM parameters files (.json) and .bicepparam files with 'using none'; name '${bicepparam}' itself instead (vtaplint ${opts.command === 'lint' ? '' : `${opts.command} `}${bicepparam}): it names its template with 'using'\n`);
    return 2;
  }
  if (opts.context !== undefined && !isDirectory(path.resolve(io.cwd, opts.context))) {
    io.stderr(
      existsSync(path.resolve(io.cwd, opts.context))
        ? `vtaplint: --context takes a folder (the top of what a full lint reads, e.g. --context .); '${opts.context}' is a file\n`
        : `vtaplint: --context: no such folder '${opts.context}'\n`,
    );
    return 2;
  }
  const configFile = opts.config ? path.resolve(io.cwd, opts.config) : undefined;
  if (opts.command === 'eval' || opts.command === 'graph') {
    const file = path.resolve(io.cwd, opts.paths[0] as string);
    // eval and graph see what lint sees: the same config (deployment context, limits, mapped parameters file).
    let config: EffectiveConfig;
    try {
      config = await new ConfigResolver(root, RULES, configFile).forFile(file);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      io.stderr(`vtaplint: ${e.message}\n`);
      return 2;
    }
    const mapped = config.parameters.length ? mappedParameterFile(config, file) : undefined;
    if (opts.command === 'eval') {
      const { evalCommand } = await import('./eval.js');
      const r = await evalCommand({
        template: file,
        root,
        mappedParameterFile: mapped,
        parameterFiles,
        params: opts.params,
        context: config.deployment,
        limits: config.limits,
      });
      // Why a template could not be evaluated, with its place, for the person who asked.
      printProblems(r.diagnostics, io);
      io.stdout(r.output);
      return r.exitCode;
    }
    const { graphCommand } = await import('./graph.js');
    // Written as it is made, in pieces: a graph can be far larger than one string may be.
    const pieces = new Pieces(io.stdout);
    const r = graphCommand({
      file,
      cwd: io.cwd,
      root,
      format: opts.format === 'text' ? 'text' : 'json',
      mappedParameterFile: mapped,
      parameterFiles,
      params: opts.params,
      deployment: config.deployment,
      limits: config.limits,
    }, (s) => pieces.add(s));
    pieces.flush();
    if (r.error) io.stderr(`vtaplint: ${r.error}\n`);
    printProblems(r.problems, io);
    return r.exitCode;
  }
  // A hook or script that names the changed files, with none changed: nothing is linted.
  if (opts.context !== undefined && opts.paths.length === 0) io.stderr(`vtaplint: --context ${opts.context} names no files after it: nothing is linted or reported\n`);
  const started = new Date();
  let result: LintResult;
  try {
    result = await lint(opts.paths, {
      root,
      cwd: io.cwd,
      rules: RULES,
      configFile,
      parameterFiles,
      params: opts.params,
      baselineFile: opts.baseline ? path.resolve(io.cwd, opts.baseline) : undefined,
      context: opts.context !== undefined ? path.resolve(io.cwd, opts.context) : undefined,
      jobs: opts.jobs ?? defaultJobs(availableParallelism()),
      workerUrl: bundledWorker(),
      cache: opts.cache !== undefined ? { ...cacheLocation(io.cwd, opts.cache), tool: toolIdentity(VERSION) } : undefined,
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`vtaplint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const m of result.missing) io.stderr(`vtaplint: ${printable(missingPathMessage(m, io.cwd))}\n`);
  // A folder named that cannot be read is bad usage, as a path that does not exist: nothing of
  // it was linted (its subfolders that cannot be read are warnings in the report).
  const unreadableNamed = (result.unreadable ?? []).filter((u) => u.arg !== undefined);
  for (const u of unreadableNamed) io.stderr(`vtaplint: cannot read the folder '${u.arg}': ${u.code}\n`);
  // An ARM parameters file named on its own is not linted: its template is (with its values).
  // Without a word, `vtaplint prod.parameters.json` printed nothing and exited 0, which reads as
  // "checked, no problems" (as ESLint warns about a named file it does not lint).
  if (opts.context === undefined) {
    // Likewise a file named that the config's "ignore" leaves out (with --context, as a hook names
    // every staged file, leaving it out quietly is what is asked).
    for (const f of result.ignoredNamed ?? []) {
      io.stderr(`vtaplint: '${path.relative(io.cwd, f.path) || f.path}' is not linted: "ignore" in ${path.relative(io.cwd, f.config) || f.config} leaves it out\n`);
    }
    const named = new Set(opts.paths.map((p) => path.resolve(io.cwd, p)));
    // A JSON file named that is neither a template nor a parameters file (package.json, a template
    // whose $schema is mistyped) is skipped, as in a folder; named, that is said (nothing on
    // stdout and exit 0 read as "checked, no problems").
    for (const p of result.skippedNamed ?? []) {
      const rel = path.relative(io.cwd, p) || p;
      // A .bicepparam file with `using none` names no template: it is given to one.
      if (/\.bicepparam$/i.test(p)) io.stderr(`vtaplint: '${rel}' is not linted on its own: it names no template ('using none'); it is read through the .bicepparam files that extend it, or give it to the template it is for: vtaplint TEMPLATE --parameters ${rel}\n`);
      else io.stderr(`vtaplint: '${rel}' is not linted: it is not an ARM template (no $schema naming deploymentTemplate.json, no resources with contentVersion or languageVersion) nor a parameters file\n`);
    }
    const templates = new Set(result.files.filter((f) => f.kind === 'template').map((f) => path.resolve(f.path)));
    // x.parameters.json is used when x.json (or x.jsonc) beside it is linted in the same run.
    const templateLinted = (params: string) => ['.json', '.jsonc'].some((ext) => templates.has(params.replace(/\.parameters\.jsonc?$/i, ext)));
    for (const f of result.files) {
      if (f.kind === 'parameters' && named.has(path.resolve(f.path)) && !templateLinted(path.resolve(f.path))) {
        const rel = path.relative(io.cwd, f.path) || f.path;
        // --context lints the template that uses it only when one does: by name or through the
        // config. Otherwise the hint led to a run that linted nothing and exited 0.
        if (hasTemplateByName(f.path) || (await mappedInConfig(f.path, root, configFile))) {
          io.stderr(`vtaplint: '${rel}' is an ARM parameters file: vtaplint lints templates, with the values of their parameters files; name its template, or use --context DIR to lint the template that uses it (vtaplint --context . ${rel})\n`);
        } else {
          io.stderr(`vtaplint: '${rel}' is an ARM parameters file that no template takes by name (x.parameters.json or x.parameters.<env>.json beside x.json) or through the config's "parameters": lint its template with it (vtaplint TEMPLATE --parameters ${rel}), or map it to its template in vtaplint.config.json\n`);
        }
      }
    }
    notLintedEnvironments(io, result, named, opts.paths);
  }
  if (result.missing.length && result.files.length === 0 && result.findings.length === 0) return 2;
  // A path that matches nothing next to others that do (a typo in a CI path list) is still bad
  // usage: the others are linted and reported, and the run ends with 2. The reports for tools
  // (SARIF, from result.missing; JSON) also say which path matched nothing; the ones for people
  // have it on stderr.
  if (opts.format === 'json') {
    for (const m of result.missing) result.notifications.push({ level: 'warning', message: `no files match '${m}'` });
  }
  // With a baseline, the formats for people show what counts (new results, and updated ones now at
  // a higher level); SARIF has every baseline state.
  // A run over many files would fill V8's code cache with everything it compiled, which slows
  // the one-file runs the cache is for (bin/run-bundle.cjs): such a run leaves it to a smaller one.
  if (result.files.length > CODE_CACHE_MAX_FILES) (globalThis as Record<symbol, unknown>)[Symbol.for('vtaplint.skipCodeCache')] = true;
  // What this run compiled, for the code cache (a cache made without a part is made again with it).
  for (const f of result.files) usedCodePart(f.path.endsWith('.bicep') ? 'bicep' : f.path.endsWith('.bicepparam') ? 'bicepparam' : 'json');
  usedCodePart(`format:${opts.format}`);
  if (opts.baseline) usedCodePart('baseline');
  const counted = countedFindings(result);
  const visible = opts.format === 'sarif' ? result.findings : counted;
  const shown = { ...result, findings: opts.quiet ? visible.filter((f) => f.level === 'error') : visible };
  const emit = (write: (chunk: string) => void) => writeReport(shown, opts, io, started, write);
  if (opts.output) {
    const out = path.resolve(io.cwd, opts.output);
    if (lintedByRun(result, out)) {
      io.stderr(`vtaplint: cannot write the report to '${printable(opts.output)}': it is a file this run lints, and is not written over; name another file\n`);
      return 2;
    }
    let fd: number;
    try {
      makeReportFolder(path.dirname(out));
      fd = openSync(out, 'w');
    } catch (e) {
      // A path the user gave that cannot be written (a folder, a file where a folder should be).
      io.stderr(`vtaplint: cannot write the report to '${opts.output}': ${writeProblem(e, opts.output)}\n`);
      return 2;
    }
    try {
      emit((chunk) => writeSync(fd, chunk));
    } finally {
      closeSync(fd);
    }
  } else emit(io.stdout);
  // The editors' formats show notifications about a file among its findings; one about no file is
  // said here (an internal error below, as ever).
  if (opts.format === 'stylish' || opts.format === 'text' || opts.format === 'unix' || opts.format === 'compact') {
    for (const n of shownNotifications(shown)) if (n.file === undefined && n.level !== 'error') io.stderr(`vtaplint: ${n.level}: ${printable(n.message.split('\n')[0] ?? '')}\n`);
  }
  // The formats for people show only what counts: the other baseline states are said here (SARIF
  // has each result's state; JSON counts them in its summary), so that an updated or absent
  // result is not silently left out.
  if (result.baselineCounts && result.baseline !== undefined && opts.format !== 'sarif' && opts.format !== 'json') {
    io.stderr(`vtaplint: ${baselineSentence(path.relative(io.cwd, result.baseline) || result.baseline, result.baselineCounts)}\n`);
  }
  const counts = countByLevel(counted);
  if (result.notifications.some((n) => n.level === 'error')) {
    io.stderr(`vtaplint: internal error: ${result.notifications.find((n) => n.level === 'error')?.message.split('\n')[0]}\n`);
    return 2;
  }
  if (result.missing.length || unreadableNamed.length) return 2;
  if (counts.error > 0) return 1;
  if (opts.maxWarnings !== undefined && counts.warning > opts.maxWarnings) {
    io.stderr(`vtaplint: ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * A template named alone is linted with x.parameters.json only: each environment's parameters file
 * beside it (x.parameters.prod.json) is a deployment of its own, linted when it or the folder is
 * named. A CI step that names azuredeploy.json may take that for a check of production: said.
 */
function notLintedEnvironments(io: CliIo, result: LintResult, named: ReadonlySet<string>, patterns: readonly string[]): void {
  // A glob may have matched them: nothing is said then.
  if (patterns.some((p) => /[*?[{]/.test(p))) return;
  // Named, or in a folder named (an environment's analysis is reported under its template's path).
  const linted = (p: string) => named.has(p) || [...named].some((n) => p.startsWith(n + path.sep) && isDirectory(n));
  const done = new Set<string>();
  for (const f of result.files) {
    const template = path.resolve(f.path);
    if (f.kind !== 'template' || !named.has(template) || !/\.jsonc?$/i.test(template) || done.has(template)) continue;
    done.add(template);
    let names: string[];
    try {
      names = readdirSync(path.dirname(template));
    } catch {
      continue;
    }
    const left = names
      .filter((n) => /\.parameters\.[^.]+\.jsonc?$/i.test(n) || /\..+\.parameters\.jsonc?$/i.test(n))
      .map((n) => path.join(path.dirname(template), n))
      .filter((p) => !linted(p) && environmentParameterTemplate(p) === template)
      .sort();
    if (left.length === 0) continue;
    const rel = (p: string) => path.relative(io.cwd, p) || p;
    const shown = left.slice(0, 3).map((p) => `'${path.basename(p)}'`).join(', ') + (left.length > 3 ? ` and ${left.length - 3} more` : '');
    io.stderr(`vtaplint: ${shown} beside '${rel(template)}' ${left.length > 1 ? 'are deployments' : 'is a deployment'} of it with ${left.length > 1 ? 'their' : 'its'} own values, not linted in this run: name ${left.length > 1 ? 'them' : 'it'} too, or lint the folder\n`);
  }
}

/** x.json (or x.jsonc) beside x.parameters.json (the environment names lint their template, and are not here). */
function hasTemplateByName(parametersFile: string): boolean {
  const m = /^(.*)\.parameters\.jsonc?$/i.exec(path.resolve(parametersFile));
  return m !== null && ['.json', '.jsonc'].some((ext) => existsSync(`${m[1] as string}${ext}`));
}

/** Whether the config that applies to the parameters file maps it to some template (`parameters`). */
async function mappedInConfig(parametersFile: string, root: string, configFile: string | undefined): Promise<boolean> {
  try {
    const config = await new ConfigResolver(root, RULES, configFile).forFile(path.resolve(parametersFile));
    return config.parameters.some((p) => path.resolve(p.parameterFile) === path.resolve(parametersFile));
  } catch {
    return false;
  }
}

/**
 * The folder vtaplint may read: the current directory when every path is inside it, otherwise
 * the deepest folder that holds them all: a folder named is its own (`vtaplint /srv/app` reads
 * nothing beside app, as `cd /srv/app && vtaplint .` does not), a file its folder, a glob the
 * folder before its first wildcard.
 */
export function lintRoot(paths: readonly string[], cwd: string): string {
  const given = paths.length ? paths : ['.'];
  const abs = given.map((p) => path.resolve(cwd, p.replace(/[*?[{].*$/, '') || '.'));
  const inside = (p: string) => p === cwd || p.startsWith(cwd + path.sep);
  if (abs.every(inside)) return cwd;
  const folders = abs.map((p, i) => {
    const raw = given[i] as string;
    // A glob's folder ends at the last separator before its first wildcard ('t/main*.json': t).
    if (/[*?[{]/.test(raw)) return /(^|[\\/])$/.test(raw.replace(/[*?[{].*$/, '')) ? p : path.dirname(p);
    return isDirectory(p) ? p : path.dirname(p);
  });
  const under = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
  let common = folders[0] as string;
  for (const p of folders) {
    // Up to the file system root at most ('/' or 'C:\\'), which holds every path of its drive.
    while (!under(p, common) && path.dirname(common) !== common) common = path.dirname(common);
  }
  return common;
}

/**
 * A reader that goes away before the report ends (`vtaplint ... | head`) is not an error of the
 * run: the rest of the output has nowhere to go, so the process ends, with the exit code the
 * lint gave (or 0 before it was known), instead of an unhandled 'error' event and a stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

/** Entry point of the bundled CLI (src/cli/cli.ts). */
export async function main(): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  let code: number;
  try {
    code = await runCli(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd: process.cwd(),
      isTTY: Boolean(process.stdout.isTTY),
      env: process.env,
    });
  } catch (e) {
    process.stderr.write(`vtaplint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}

