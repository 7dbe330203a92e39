// The GitHub Action (action.yml, bundled into dist/action.js): lints the workspace, writes the
// SARIF file for github/codeql-action/upload-sarif, annotates the findings on the lines a pull
// request changes, writes the job summary and sets the outputs errors, warnings, notes and
// sarif-file. Exits with 1 when findings at or above `fail-on` remain (with a baseline, new ones),
// when a path in `paths` matches nothing, or when vtaplint itself failed.
import { existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { RULES } from '../../rules/index.js';
import { ConfigError } from '../engine/config.js';
import { namedParametersProblem, notAFileMessage, parametersArgument } from '../engine/named-parameters.js';
import { countByLevel, countedFindings, lint, lintedByRun, pathInsideRoot, relativePath, type LintResult, type ToolNotification } from '../engine/lint.js';
import type { Finding, FindingLocation } from '../engine/finding.js';
import { writeSarif } from '../report/sarif.js';
import { CODE_SCANNING_MAX_RESULTS } from '../report/sarif-limit.js';
import { shownNotifications } from '../report/notification-tag.js';
import { makeReportFolder } from '../report/report-folder.js';
import { elsewhere } from '../report/elsewhere.js';
import pkg from '../../package.json' with { type: 'json' };
import { AnnotationSink, ANNOTATION_LIMIT_TEXT } from './annotations.js';
import { changedLines, checkedOutCommit, pullRequestBase, touchesChange, type ChangedLines } from './changed.js';
import { toolIdentity } from '../engine/result-cache.js';
import { cacheLocation } from '../engine/cache-folder.js';
import { defaultJobs } from '../engine/parallel.js';
import { annotation, appendSummary, getInput, getList, setOutput, type AnnotationProps, type Runner } from './runner.js';
import { blobBase, formatSummary, plural } from './summary.js';

const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];
const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

export function processRunner(): Runner {
  return { env: process.env, log: (line) => process.stdout.write(`${line}\n`) };
}

/** Runs the action; returns (and sets) the exit code. Local-action (npx local-action) calls this. */
/**
 * The worker thread's entry beside the Action's bundle (dist/action.js -> bin/worker.cjs, the CLI's
 * worker, built with it); undefined when running from the sources (tests), which lint in one thread.
 */
function bundledWorker(): URL | undefined {
  if (!import.meta.url.endsWith('/dist/action.js')) return undefined;
  const url = new URL('../bin/worker.cjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

export async function run(runner: Runner = processRunner()): Promise<number> {
  const code = await runAction(runner).catch((e: unknown) => {
    runner.log(annotation('error', `vtaplint failed: ${e instanceof Error ? e.message : String(e)}`));
    return 1;
  });
  process.exitCode = code;
  return code;
}

async function runAction(runner: Runner): Promise<number> {
  const env = runner.env;
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  // Any case, as the `annotations` input: `fail-on: Warning` failed the step.
  const failOn = (getInput(runner, 'fail-on') || 'error').toLowerCase() as FailOn;
  if (!FAIL_ON.includes(failOn)) {
    return failBeforeLint(runner, `fail-on must be one of ${FAIL_ON.join(', ')}, got '${getInput(runner, 'fail-on')}'`);
  }
  // Off when the workflow uploads the SARIF file: code scanning then annotates the same lines of
  // the pull request, and each finding showed twice (the double reporting users of other
  // linters' actions complain of, bridgecrewio/checkov-action#80).
  const annotationsInput = (getInput(runner, 'annotations') || 'true').toLowerCase();
  if (annotationsInput !== 'true' && annotationsInput !== 'false') {
    return failBeforeLint(runner, `annotations must be true or false, got '${getInput(runner, 'annotations')}'`);
  }
  const annotateFindings = annotationsInput === 'true';
  const paths = getList(runner, 'paths');
  const config = getInput(runner, 'config');
  const baseline = getInput(runner, 'baseline');
  const sarifFile = getInput(runner, 'sarif-file') || 'vtaplint.sarif';
  const cache = getInput(runner, 'cache');
  const jobsInput = getInput(runner, 'jobs');
  if (jobsInput && !/^[1-9]\d*$/.test(jobsInput)) return failBeforeLint(runner, `jobs must be a positive whole number, got '${jobsInput}'`);
  // As the CLI's --parameters: a file that is not there, or a .bicepparam file, fails the step
  // with a message naming the input (named-parameters.ts), before anything is linted.
  const parameters = getList(runner, 'parameters').map((p) => parametersArgument(p, workspace));
  for (const p of parameters) {
    const problem = namedParametersProblem(path.resolve(workspace, p));
    const notAFile = notAFileMessage(problem, p);
    if (notAFile !== undefined) {
      return failBeforeLint(runner, `${notAFile} (input 'parameters')`, { title: 'vtaplint' });
    }
    if (problem === 'bicepparam') {
      return failBeforeLint(runner, `'${p}' is a .bicepparam file, which names its template itself with 'using': list it in 'paths', not in 'parameters' (ARM parameters files, .json)`, { title: 'vtaplint' });
    }
  }
  // A config or baseline named that is not there: said up front, naming the input. It was an
  // annotation on that (absent) file with "cannot read the configuration: ENOENT: ...".
  for (const [input, value, title, what, example] of [
    ['config', config, 'vtaplint configuration', 'a config file', 'vtaplint.config.json'],
    ['baseline', baseline, 'vtaplint baseline', 'a SARIF file', '<name>.sarif'],
  ] as const) {
    if (!value) continue;
    const problem = namedParametersProblem(path.resolve(workspace, value));
    const message =
      problem === 'missing'
        ? `no such file '${value}'`
        : problem === 'folder'
          ? `'${value}' is a folder, not ${what}: name the file (${value.replace(/[\\/]+$/, '')}/${example})`
          : problem === 'special'
            ? `'${value}' is not a regular file (a device, pipe or socket): name ${what}`
            : undefined;
    if (message) return failBeforeLint(runner, `${message} (input '${input}')`, { title });
  }
  // `paths` are the workspace's (action.yml): one outside it (`../infra`, an absolute path
  // elsewhere) was linted as a file outside the lint root, an invalid-template error on a file:
  // URI that code scanning cannot place, counted among the errors and annotated nowhere.
  const outside = paths.filter((p) => outsideWorkspace(workspace, p.startsWith('!') ? p.slice(1) : p));
  if (outside.length) {
    return failBeforeLint(runner, `${outside.map((p) => `'${p}'`).join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the workspace ${workspace} (input 'paths'): paths are the workspace's, relative to it; check the repository out inside the workspace (actions/checkout's path) and name its folders from there`, { title: 'vtaplint' });
  }
  const started = new Date();
  let result: LintResult;
  try {
    result = await lint(paths.length ? paths : ['.'], {
      root: workspace,
      cwd: workspace,
      rules: RULES,
      configFile: config ? path.resolve(workspace, config) : undefined,
      parameterFiles: parameters.map((p) => path.resolve(workspace, p)),
      baselineFile: baseline ? path.resolve(workspace, baseline) : undefined,
      cache: cache ? { ...cacheLocation(workspace, cache), tool: toolIdentity(pkg.version) } : undefined,
      jobs: jobsInput ? Number(jobsInput) : defaultJobs(availableParallelism()),
      workerUrl: bundledWorker(),
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      // On the file and line at fault, which a pull request that broke its config shows in place.
      const place = e.place;
      const at = place && pathInsideRoot(workspace, place.file) !== undefined ? { file: relativePath(workspace, place.file), line: place.line, col: place.column } : {};
      return failBeforeLint(runner, e.message, { title: baseline && place?.file === path.resolve(workspace, baseline) ? 'vtaplint baseline' : 'vtaplint configuration', ...at });
    }
    throw e;
  }
  // Paths that match nothing are bad usage in the CLI (exit 2) and fail the step here: a typo in
  // `paths` would otherwise lint less, or nothing, and pass. The other paths are still linted.
  // So does a folder named there that cannot be read (nothing of it was linted).
  const unreadableNamed = (result.unreadable ?? []).filter((u) => u.arg !== undefined);
  const missing =
    [
      ...(result.missing.length ? [`no files match ${result.missing.map((m) => `'${m}'`).join(', ')} (input 'paths'${spaceSeparatedHint(workspace, result.missing) || exclusionHint(result.missing)})`] : []),
      ...unreadableNamed.map((u) => `cannot read the folder '${u.arg}': ${u.code} (input 'paths')`),
    ].join('; ') || undefined;

  // A workspace with nothing to lint passes (as the CLI on a folder with nothing to lint does), but
  // says so: a job that forgot actions/checkout, or whose `paths` name a folder without templates,
  // passed with '0 errors' and looked like a clean lint.
  const linted = result.files.filter((f) => f.kind !== 'skipped').length;
  const nothingLinted =
    linted === 0 && !missing
      ? `nothing was linted: no ARM template, parameters file or Bicep file to lint in ${(paths.length ? paths : ['.']).map((p) => `'${p}'`).join(', ')} (input 'paths'); is the repository checked out (actions/checkout) before this step?`
      : undefined;

  const sarifPath = path.resolve(workspace, sarifFile);
  // A file the run lints is never written over (sarif-file: main.json by mistake).
  const overLinted = lintedByRun(result, sarifPath) ? `cannot write the SARIF file '${sarifFile}' (input 'sarif-file'): it is a file this run lints, and is not written over; name another file, such as vtaplint.sarif` : undefined;
  // The file is for code scanning, which rejects it whole past its results limit (sarif-limit.ts)
  // and would make the baseline's absent results (fixed findings) alerts again (see writeSarif).
  const pieces: string[] = [];
  // As in the CLI's SARIF, the log says which paths matched nothing (from result.missing).
  const { leftOut } = writeSarif(
    result,
    RULES,
    { version: pkg.version, startTime: started.toISOString(), endTime: new Date().toISOString(), maxResults: CODE_SCANNING_MAX_RESULTS, absent: false },
    (s) => pieces.push(s),
  );
  // A SARIF file that cannot be written (`sarif-file: reports`, the folder) fails the step naming
  // the input, after the findings are annotated and summarised: it threw, and the step said only
  // "vtaplint failed: EISDIR: illegal operation on a directory", with no annotation, output or summary.
  // Nor is the log of a run that linted nothing (a job that forgot actions/checkout, `paths`
  // that match nothing): uploaded, its empty results would make code scanning close every open
  // vtaplint alert as fixed. Not an error of its own: why nothing was linted is said.
  const sarifSkipped = linted === 0 ? 'no SARIF file written: nothing was linted, and an empty log would make code scanning close every open alert as fixed' : undefined;
  let sarifNotWritten = overLinted;
  try {
    if (!sarifNotWritten && !sarifSkipped) {
      makeReportFolder(path.dirname(sarifPath));
      writeFileSync(sarifPath, pieces.join(''));
    }
  } catch (e) {
    sarifNotWritten = sarifWriteProblem(workspace, sarifFile, sarifPath, e);
  }
  const sarifNote = leftOut > 0 ? `${plural(leftOut, 'result')} left out of the SARIF file: GitHub code scanning rejects a run with more than ${CODE_SCANNING_MAX_RESULTS.toLocaleString('en-US')} results, so it keeps the most severe (the job summary counts them all)` : undefined;

  // Annotations name files from the repository's top, as SARIF's URIs do (source-root.ts): with
  // `actions/checkout` `path: sub`, the top of the working tree in sub/, not the workspace.
  const base = result.sourceRoot ?? workspace;
  const counted = countedFindings(result);
  const counts = countByLevel(counted);
  const failing = failOn === 'never' ? 0 : failOn === 'error' ? counts.error : failOn === 'warning' ? counts.error + counts.warning : counted.length;

  // GitHub shows only the first annotations of each level (annotations.ts). Why the step fails
  // comes first, so it is always shown; then the findings, errors before warnings before notes;
  // then the run's other messages, which the job summary has in full anyway.
  const sink = new AnnotationSink(runner.log);
  if (missing) sink.add('error', missing, { title: 'vtaplint' });
  if (sarifNotWritten) sink.add('error', sarifNotWritten, { title: 'vtaplint' });
  if (nothingLinted) sink.add('warning', nothingLinted, { title: 'vtaplint' });
  if (failing > 0) sink.add('error', `vtaplint found ${failing} ${failing === 1 ? 'problem' : 'problems'} at or above fail-on: ${failOn}`, { title: 'vtaplint' });
  const notify = (n: ToolNotification) =>
    sink.add(n.level === 'note' ? 'notice' : n.level, n.message.split('\n')[0] ?? '', { title: 'vtaplint', ...(n.file ? { file: relativePath(base, n.file), ...(n.at ? { line: n.at.line, col: n.at.column } : {}) } : {}) });
  // A notification that a counted finding already says (an unreadable file) is annotated once, as that finding.
  const notices = shownNotifications({ findings: counted, notifications: result.notifications });
  for (const n of notices) if (n.level === 'error') notify(n);

  const changed = annotateFindings ? changedLines(env, base) : undefined;
  // A pull request whose diff git cannot make (actions/checkout's default fetch-depth: 1 has the
  // merge commit alone): every finding is annotated, which looked like a bug without this.
  const prBase = annotateFindings && !changed ? pullRequestBase(env) : undefined;
  const noDiff = prBase
    ? `cannot tell the lines this pull request changes: git cannot diff its base ${prBase.slice(0, 12)} with HEAD here (not in the clone? actions/checkout fetches one commit unless fetch-depth: 0); every finding is annotated`
    : undefined;
  let annotated = 0;
  let notAnnotated = 0;
  // Failing findings on lines the pull request does not change get no annotation: the step fails
  // for them, so the log names them (it said only how many there were).
  const unplaced: Finding[] = [];
  const fails = (f: Finding) => failOn !== 'never' && LEVEL_ORDER[f.level] <= LEVEL_ORDER[failOn];
  for (const f of annotateFindings ? [...counted].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]) : []) {
    const at = annotationPlace(f, base, changed);
    if (!at) {
      if (fails(f)) unplaced.push(f);
      continue;
    }
    if (annotate(sink, f, at)) annotated++;
    else notAnnotated++;
  }
  for (const n of notices) if (n.level !== 'error') notify(n);

  runner.log(
    `vtaplint: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}` +
      (changed ? ` (${annotated} annotated on lines this pull request changes)` : '') +
      (annotateFindings ? '' : ' (findings not annotated: input annotations is false)') +
      (sarifNotWritten || sarifSkipped ? '; no SARIF file written' : `; SARIF written to ${relativePath(workspace, sarifPath)}`),
  );
  if (sarifNote) runner.log(`vtaplint: ${sarifNote}`);
  if (unplaced.length) {
    runner.log(`vtaplint: ${plural(unplaced.length, 'finding')} at or above fail-on: ${failOn} ${unplaced.length === 1 ? 'is' : 'are'} on lines this pull request does not change, so not annotated:`);
    for (const f of unplaced.slice(0, MAX_UNPLACED_LOGGED)) {
      const { line, column } = f.location.region.start;
      runner.log(`  ${relativePath(base, f.location.file.path)}:${line}:${column}: ${f.level}: ${f.message}${elsewhere(f, (file) => relativePath(base, file))} [${f.ruleId}]`);
    }
    if (unplaced.length > MAX_UNPLACED_LOGGED) runner.log(`  and ${unplaced.length - MAX_UNPLACED_LOGGED} more (the job summary counts them, the SARIF file has them all)`);
  }
  if (noDiff) runner.log(`vtaplint: ${noDiff}`);
  if (sarifSkipped) runner.log(`vtaplint: ${sarifSkipped}`);
  if (notAnnotated > 0) runner.log(`vtaplint: ${plural(notAnnotated, 'finding')} not annotated (${ANNOTATION_LIMIT_TEXT}); ${leftOut || sarifNotWritten ? 'the job summary counts them all' : 'the SARIF file has them all, and the job summary counts them'}`);
  const runNotes: ToolNotification[] = [
    ...(missing ? [{ level: 'error' as const, message: missing }] : []),
    ...(sarifNotWritten ? [{ level: 'error' as const, message: sarifNotWritten }] : []),
    ...(nothingLinted ? [{ level: 'warning' as const, message: nothingLinted }] : []),
    ...(sarifSkipped ? [{ level: 'note' as const, message: sarifSkipped }] : []),
    ...(sarifNote ? [{ level: 'warning' as const, message: sarifNote }] : []),
    ...result.notifications,
  ];
  appendSummary(
    runner,
    formatSummary({ ...result, notifications: runNotes }, counted, { blobBase: blobBase(env, checkedOutCommit(env, base)), annotated, notAnnotated, sarifLeftOut: leftOut, sarifWritten: !sarifNotWritten && !sarifSkipped, changedOnly: changed !== undefined, annotationsOff: !annotateFindings, noDiff }),
  );
  setOutput(runner, 'errors', String(counts.error));
  setOutput(runner, 'warnings', String(counts.warning));
  setOutput(runner, 'notes', String(counts.note));
  if (!sarifNotWritten && !sarifSkipped) setOutput(runner, 'sarif-file', sarifPath);

  return missing || sarifNotWritten || failing > 0 || result.notifications.some((n) => n.level === 'error') ? 1 : 0;
}

/**
 * A run that stops before linting (a bad input, config or baseline): the error as an annotation
 * (placed on the file at fault when there is one) and in the job summary, so the run's page says
 * why nothing was linted; exit code 1.
 */
function failBeforeLint(runner: Runner, message: string, props: AnnotationProps = {}): number {
  runner.log(annotation('error', message, props));
  appendSummary(runner, `## vtaplint\n\nNothing was linted.\n\n> **error**: ${message.split('\n')[0] ?? ''}\n`);
  return 1;
}

/** Why the SARIF file could not be written, naming the input and, when it can, what to write instead. */
function sarifWriteProblem(workspace: string, sarifFile: string, sarifPath: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  let reason = code ?? (e instanceof Error ? e.message : String(e));
  if (code === 'EISDIR') {
    reason = `it is a folder; name a file in it, such as ${sarifFile.replace(/[\\/]+$/, '')}/vtaplint.sarif`;
  } else if (code === 'ENOTDIR') {
    // The nearest part of the path that exists is a file (makeReportFolder stops there).
    let d = path.dirname(sarifPath);
    while (!existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
    if (existsSync(d) && !statSync(d).isDirectory()) reason = `'${relativePath(workspace, d)}' is a file, not a folder`;
  }
  return `cannot write the SARIF file '${sarifFile}' (input 'sarif-file'): ${reason}`;
}

/**
 * A hint when a path that matches nothing is several existing paths separated by spaces: a list of
 * changed files put in `paths` on one line (tj-actions/changed-files separates them with spaces by
 * default), where only line breaks separate paths (a file name may hold a space).
 */
function spaceSeparatedHint(workspace: string, missing: readonly string[]): string {
  const joined = missing.some((m) => {
    const parts = m.split(/\s+/).filter((p) => p.length > 0);
    return parts.length > 1 && parts.every((p) => existsSync(path.resolve(workspace, p)));
  });
  return joined ? ', which takes one path per line: these look like paths separated by spaces' : '';
}

/**
 * A hint when a path that matches nothing is an exclusion (`!infra/legacy/**`), as the path inputs
 * of other actions take: here it is a path like any other, and the files it meant were linted.
 */
function exclusionHint(missing: readonly string[]): string {
  return missing.some((m) => m.startsWith('!')) ? `, which takes no exclusions: leave files out with the config's "ignore" or a .gitignore` : '';
}

/**
 * Whether a `paths` entry may name files outside the workspace: it resolves outside (through the
 * real paths too: a workspace reached through a symbolic link holds the paths of its real
 * folder), or it is a glob with a '..' part, which a brace (`{infra,../other}/*.json`) or
 * wildcard can lead anywhere.
 */
function outsideWorkspace(workspace: string, p: string): boolean {
  const abs = path.resolve(workspace, p);
  if (GLOB.test(p) && p.split(/[\\/,{}]/).includes('..')) return true;
  if (pathInsideRoot(workspace, abs) !== undefined) return false;
  const real = (f: string): string | undefined => {
    try {
      return realpathSync(f);
    } catch {
      return undefined;
    }
  };
  const realWorkspace = real(workspace);
  const realPath = real(abs);
  return realWorkspace === undefined || realPath === undefined || pathInsideRoot(realWorkspace, realPath) === undefined;
}

/** Characters that make a `paths` entry a glob. */
const GLOB = /[*?[\]{}]/;

/** How many failing findings off the pull request's changed lines the log lists (the SARIF file has them all). */
const MAX_UNPLACED_LOGGED = 50;

/** Annotation order: a level's cap then drops the least severe findings. */
const LEVEL_ORDER = { error: 0, warning: 1, note: 2 } as const;

interface AnnotationPlace {
  rel: string;
  location: FindingLocation;
  message: string;
}

/**
 * Where a finding is annotated: at its place; on a pull request, only when that place is on a
 * changed line, or else at a related location on a changed line. A pull request that changes
 * only `param location = 'westeurope'` in prod.bicepparam gets the error the template reports
 * there: the finding is in main.bicep, which the PR does not touch, and had no annotation at all
 * (the step failed without saying where). The message then says where the finding itself is.
 */
function annotationPlace(f: Finding, base: string, changed: ChangedLines | undefined): AnnotationPlace | undefined {
  const rel = relativePath(base, f.location.file.path);
  const { start, end } = f.location.region;
  // At its own place, with the places in other files that decided it (elsewhere.ts), as the CLI's
  // github format writes it: a finding in a module shared by environments says which one gave the value.
  if (!changed || touchesChange(changed, rel, start.line, end.line)) return { rel, location: f.location, message: `${f.message}${elsewhere(f, (file) => relativePath(base, file))}` };
  for (const r of f.related) {
    const relatedRel = relativePath(base, r.file.path);
    if (!touchesChange(changed, relatedRel, r.region.start.line, r.region.end.line)) continue;
    return { rel: relatedRel, location: r, message: `${f.message} (reported at ${rel}:${start.line}:${start.column}; ${r.message})` };
  }
  return undefined;
}

function annotate(sink: AnnotationSink, f: Finding, at: AnnotationPlace): boolean {
  const { start, end } = at.location.region;
  return sink.add(COMMAND[f.level], at.message, {
    title: `vtaplint ${f.ruleId}`,
    file: at.rel,
    line: start.line,
    endLine: end.line,
    // GitHub takes columns only within one line.
    ...(end.line === start.line ? { col: start.column, endColumn: end.column } : {}),
  });
}

// Run when executed as the action's entry (node dist/action.js), not when imported (tests, local-action).
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) void run();
