// The GitHub Action's bundle (dist/action.js, built by `npm test` before the tests) run as the
// runner runs it: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE and a
// pull_request event in GITHUB_EVENT_PATH; and through @github/local-action. The SARIF it writes
// passes the SARIF Multitool's "Sarif;Gh" validation.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers.js';
import { parseUnifiedDiff } from '../../src/action/changed.js';
import { unquoteGitPath } from '../../src/action/git-path.js';
import { ANNOTATIONS_PER_STEP, AnnotationSink } from '../../src/action/annotations.js';
import { run } from '../../src/action/main.js';
import { annotation, fileCommand, getList } from '../../src/action/runner.js';
import { RULES } from '../../rules/index.js';

const BUNDLE = path.join(REPO, 'dist/action.js');
const MULTITOOL = path.join(REPO, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
// Copies of fixtures/vtap-supported-region as of this test (fixtures change with the rules).
const FIXTURES = path.join(REPO, 'test/integration/templates');

interface Run {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

/** Parses the `name<<delimiter` blocks of a GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1] as string] = m[3] as string;
  return out;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } }).trim();
}

/**
 * A workspace that is a git repository: the base commit has old-bad.json (already failing), the
 * pull request adds new-bad.json and good.json. Returns the dir and the event payload's shas.
 */
function prWorkspace(): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-action-'));
  const ws = path.join(dir, 'ws');
  mkdirSync(ws);
  git(ws, 'init', '-q');
  // Only the rule these fixtures are about, so the counts do not change as rules are added.
  const rules = Object.fromEntries(RULES.filter((r) => r.meta.id !== 'vtap-supported-region').map((r) => [r.meta.id, 'off']));
  writeFileSync(path.join(ws, 'vtaplint.config.json'), JSON.stringify({ rules }, null, 2));
  cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(ws, 'old-bad.json'));
  git(ws, 'add', '.');
  git(ws, 'commit', '-q', '-m', 'base');
  const base = git(ws, 'rev-parse', 'HEAD');
  cpSync(path.join(FIXTURES, 'fail-coming-soon.json'), path.join(ws, 'new-bad.json'));
  cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(ws, 'new-error.json'));
  cpSync(path.join(FIXTURES, 'pass-supported.json'), path.join(ws, 'good.json'));
  git(ws, 'add', '.');
  git(ws, 'commit', '-q', '-m', 'pr');
  const head = git(ws, 'rev-parse', 'HEAD');
  writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 1, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'topic' } } }));
  return { dir, base, head };
}

/**
 * What actions/checkout gives a pull_request event: the merge commit of the PR into the base
 * branch, checked out detached. The PR puts good.json's TAP in an unsupported region (line 86 in
 * the PR's head); meanwhile the base branch added 5 lines above, so the line is 91 in the merge.
 */
function mergeWorkspace(): { dir: string; merge: string; head: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-action-'));
  const ws = path.join(dir, 'ws');
  mkdirSync(ws);
  git(ws, 'init', '-q', '-b', 'main');
  const rules = Object.fromEntries(RULES.filter((r) => r.meta.id !== 'vtap-supported-region').map((r) => [r.meta.id, 'off']));
  writeFileSync(path.join(ws, 'vtaplint.config.json'), JSON.stringify({ rules }, null, 2));
  const good = readFileSync(path.join(FIXTURES, 'pass-supported.json'), 'utf8');
  writeFileSync(path.join(ws, 'good.json'), good);
  git(ws, 'add', '.');
  git(ws, 'commit', '-q', '-m', 'B0');
  git(ws, 'checkout', '-q', '-b', 'topic');
  cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(ws, 'good.json'));
  git(ws, 'commit', '-q', '-am', 'PR');
  const head = git(ws, 'rev-parse', 'HEAD');
  git(ws, 'checkout', '-q', 'main');
  const lines = good.split('\n');
  lines.splice(3, 0, '  "metadata": {', '    "owner": "network team",', '    "purpose": "vTAP",', '    "reviewed": true', '  },');
  writeFileSync(path.join(ws, 'good.json'), lines.join('\n'));
  git(ws, 'commit', '-q', '-am', 'B1');
  const base = git(ws, 'rev-parse', 'HEAD');
  git(ws, 'checkout', '-q', '--detach');
  git(ws, 'merge', '-q', '--no-ff', '-m', 'Merge', head);
  const merge = git(ws, 'rev-parse', 'HEAD');
  writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 2, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'topic' } } }));
  return { dir, merge, head };
}

/** The environment the runner gives the action (fresh output and summary files in dir). */
function actionEnv(dir: string, inputs: Record<string, string>, extraEnv: Record<string, string>): { env: Record<string, string>; outFile: string; summaryFile: string } {
  const outFile = path.join(dir, 'output.txt');
  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(outFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: path.join(dir, 'ws'),
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'contoso/infra',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'mergecommit',
    ...extraEnv,
  };
  // The runner sets INPUT_<NAME> for every input, with its default when the workflow omits it.
  const defaults: Record<string, string> = { paths: '.', config: '', parameters: '', 'sarif-file': 'vtaplint.sarif', 'fail-on': 'error', baseline: '', cache: '', jobs: '' };
  for (const [k, v] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  return { env, outFile, summaryFile };
}

function runBundle(dir: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Run {
  const { env, outFile, summaryFile } = actionEnv(dir, inputs, extraEnv);
  const r = spawnSync(process.execPath, [BUNDLE], { cwd: path.join(dir, 'ws'), env, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, outputs: parseOutputs(readFileSync(outFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), dir };
}

/** The action from its sources, in this process (what the bundle runs, without a rebuild). */
async function runSource(dir: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<Run> {
  const { env, outFile, summaryFile } = actionEnv(dir, inputs, extraEnv);
  const lines: string[] = [];
  const exitCode = process.exitCode;
  let code: number;
  try {
    code = await run({ env, log: (line) => lines.push(line) });
  } finally {
    // run() sets the exit code of the process, which here is the test runner's.
    process.exitCode = exitCode;
  }
  return { code, stdout: lines.map((l) => `${l}\n`).join(''), outputs: parseOutputs(readFileSync(outFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), dir };
}

function validate(file: string): string[] {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'vtaplint-validate-')), 'validation.sarif');
  execFileSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', file, '-o', out], { stdio: 'pipe' });
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; message: { text?: string; id?: string } }[] }[] };
  return (log.runs[0]?.results ?? []).map((r) => `${r.ruleId}: ${r.message.text ?? r.message.id ?? ''}`);
}

describe('the action bundle, run as the runner runs it', () => {
  test('pull request: SARIF file, annotations on changed lines only, summary, outputs, exit code', () => {
    const { dir, head } = prWorkspace();
    const r = runBundle(dir, { 'sarif-file': 'reports/vtaplint.sarif' }, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.code).toBe(1);
    // old-bad.json fails too, but the pull request does not touch it: no annotation there. Errors
    // come before warnings (GitHub caps each level; see annotations.ts).
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l.replace(/title=[^,]*,/, '')));
    expect(annotations).toEqual([
      expect.stringMatching(/^::error title=vtaplint vtap-supported-region,file=new-error\.json,line=86,endLine=86,col=19,endColumn=31::TAP 'tap1' is in 'westeurope'/),
      expect.stringMatching(/^::warning title=vtaplint vtap-supported-region,file=new-bad\.json,line=86,endLine=86,col=19,endColumn=\d+::TAP 'tap1'/),
    ]);
    expect(r.stdout).toContain('::error title=vtaplint::vtaplint found 2 problems at or above fail-on: error');
    const sarifPath = path.join(dir, 'ws/reports/vtaplint.sarif');
    expect(r.outputs).toEqual({ errors: '2', warnings: '1', notes: '0', 'sarif-file': sarifPath });
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort()).toEqual(['new-bad.json', 'new-error.json', 'old-bad.json']);
    expect(validate(sarifPath)).toEqual([]);
    // The summary: totals, per rule with the docs link, per file with links to the lines of the PR's head commit.
    expect(r.summary).toContain('**2 errors, 1 warning, 0 notes** in 4 files linted.');
    expect(r.summary).toContain('2 annotations on the lines this pull request changes');
    expect(r.summary).toContain('| [vtap-supported-region](https://github.com/vtaplint/vtaplint/blob/main/rules/vtap-supported-region.md) | 2 | 1 | 0 |');
    expect(r.summary).toContain(`| [old-bad.json](https://github.com/contoso/infra/blob/${head}/old-bad.json) | 1 | 0 | 0 | [86](https://github.com/contoso/infra/blob/${head}/old-bad.json#L86 "vtap-supported-region") |`);
  });

  test('not a pull request: every finding is annotated; fail-on never exits 0', () => {
    const { dir } = prWorkspace();
    const r = runBundle(dir, { 'fail-on': 'never' });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^::(error|warning) title=vtaplint vtap-/gm)).toHaveLength(3);
    expect(r.outputs.errors).toBe('2');
  });

  test('fail-on warning counts warnings; a bad fail-on value fails with a message', () => {
    const { dir } = prWorkspace();
    const ok = runBundle(dir, { paths: 'new-bad.json\ngood.json', 'fail-on': 'error' });
    expect([ok.code, ok.outputs.errors, ok.outputs.warnings]).toEqual([0, '0', '1']);
    expect(runBundle(dir, { paths: 'new-bad.json', 'fail-on': 'warning' }).code).toBe(1);
    // In any case, as the annotations input.
    expect(runBundle(dir, { paths: 'new-bad.json', 'fail-on': 'Warning' }).code).toBe(1);
    const bad = runBundle(dir, { 'fail-on': 'sometimes' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('::error::fail-on must be one of error, warning, note, never');
  });

  test('cache: a second run takes the results of unchanged files from the cache file and reports the same', () => {
    const { dir } = prWorkspace();
    const first = runBundle(dir, { cache: '.vtaplintcache', 'sarif-file': 'first.sarif' });
    expect(first.summary).toContain('result cache: 0 of 4 files unchanged since it was saved');
    const second = runBundle(dir, { cache: '.vtaplintcache', 'sarif-file': 'second.sarif' });
    expect(second.summary).toContain('result cache: 4 of 4 files unchanged since it was saved');
    expect(second.outputs.errors).toBe(first.outputs.errors);
    expect([second.code, second.outputs.warnings]).toEqual([first.code, first.outputs.warnings]);
    const results = (f: string) => (JSON.parse(readFileSync(path.join(dir, 'ws', f), 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results;
    expect(results('second.sarif')).toEqual(results('first.sarif'));
    expect(second.stdout.replaceAll('second.sarif', 'first.sarif')).toBe(first.stdout);
    // As --cache-location: '.vtaplintcache' is the cache folder (ignored by git), and a folder
    // named holds it, so '.' finds the same results.
    expect(existsSync(path.join(dir, 'ws', '.vtaplintcache', 'results'))).toBe(true);
    expect(runBundle(dir, { cache: '.', 'sarif-file': 'third.sarif' }).summary).toContain('result cache: 4 of 4 files unchanged since it was saved');
    expect(results('third.sarif')).toEqual(results('first.sarif'));
    // Any other name is a file.
    expect(runBundle(dir, { cache: 'vtaplint.cache', 'sarif-file': 'fourth.sarif' }).summary).toContain('result cache: 0 of 4 files unchanged since it was saved');
    expect(statSync(path.join(dir, 'ws', 'vtaplint.cache')).isFile()).toBe(true);
  });

  test('jobs: with worker threads (the CLI\'s worker beside the bundle) the results are those of one thread; a bad value fails', () => {
    const { dir } = prWorkspace();
    for (let i = 0; i < 20; i++) cpSync(path.join(FIXTURES, i % 2 ? 'fail-unsupported.json' : 'pass-supported.json'), path.join(dir, 'ws', `many/t${i}.json`), { recursive: true });
    const one = runBundle(dir, { jobs: '1', 'sarif-file': 'one.sarif', 'fail-on': 'never' });
    const three = runBundle(dir, { jobs: '3', 'sarif-file': 'three.sarif', 'fail-on': 'never' });
    const results = (f: string) => (JSON.parse(readFileSync(path.join(dir, 'ws', f), 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results;
    expect(results('three.sarif')).toEqual(results('one.sarif'));
    expect(results('one.sarif').length).toBe(13);
    expect([three.code, three.outputs.errors, three.outputs.warnings]).toEqual([one.code, one.outputs.errors, one.outputs.warnings]);
    const bad = runBundle(dir, { jobs: 'many' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("::error::jobs must be a positive whole number, got 'many'");
  });

  test('baseline: unchanged results do not count, new ones do, gone ones are counted absent but not uploaded as alerts; SARIF still valid', () => {
    const { dir } = prWorkspace();
    const first = runBundle(dir, { paths: 'old-bad.json\nnew-error.json', 'sarif-file': 'baseline.sarif', 'fail-on': 'never' });
    expect(first.outputs.errors).toBe('2');
    // new-error.json is fixed, new-bad.json is new.
    writeFileSync(path.join(dir, 'ws/new-error.json'), readFileSync(path.join(FIXTURES, 'pass-supported.json')));
    const r = runBundle(dir, { baseline: 'baseline.sarif', 'fail-on': 'warning' });
    expect(r.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(path.join(dir, 'ws/vtaplint.sarif'), 'utf8')) as { runs: { results: { baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    // new-error.json's fixed finding is not in the file: code scanning ignores baselineState and
    // would make it an alert on a line that no longer has it.
    expect(log.runs[0]!.results.map((x) => [x.locations[0]!.physicalLocation.artifactLocation.uri, x.baselineState]).sort()).toEqual([
      ['new-bad.json', 'new'],
      ['old-bad.json', 'unchanged'],
    ]);
    expect(r.summary).toContain('baseline: 1 unchanged, 0 updated, 1 absent');
    expect(validate(path.join(dir, 'ws/vtaplint.sarif'))).toEqual([]);
  });
});

describe('the action from its sources', () => {
  test('paths: one per line; a comma belongs to the path, so a brace glob lints what it names', async () => {
    expect(getList({ env: { INPUT_PATHS: ' infra/{a,b}.json \r\n\n  x,y.json\r' }, log: () => {} }, 'paths')).toEqual(['infra/{a,b}.json', 'x,y.json']);
    expect(getList({ env: { INPUT_PARAMETERS: 'p/{dev,prod}.parameters.json' }, log: () => {} }, 'parameters')).toEqual(['p/{dev,prod}.parameters.json']);
    const { dir } = prWorkspace();
    const r = await runSource(dir, { paths: '{new-bad,new-error}.json' });
    expect(r.stdout).not.toContain('no files match');
    expect(r.outputs).toMatchObject({ errors: '1', warnings: '1' });
    expect(r.code).toBe(1);
  });

  test('sarif-file naming a file the run lints fails the step and keeps the file', async () => {
    const { dir } = prWorkspace();
    const before = readFileSync(path.join(dir, 'ws/good.json'), 'utf8');
    const r = await runSource(dir, { 'sarif-file': 'good.json' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=vtaplint::cannot write the SARIF file 'good.json' (input 'sarif-file'): it is a file this run lints, and is not written over; name another file, such as vtaplint.sarif\n");
    expect(readFileSync(path.join(dir, 'ws/good.json'), 'utf8')).toBe(before);
    expect(r.outputs['sarif-file']).toBeUndefined();
  });

  test('paths: one that matches nothing fails the step with an error naming it; the others are linted', async () => {
    const { dir } = prWorkspace();
    // new-bad.json alone has only a warning, which fail-on: error lets pass: the typo fails the step.
    const r = await runSource(dir, { paths: 'new-bad.json\nnew-bda.json\nmissing/*.bicep' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=vtaplint::no files match 'new-bda.json', 'missing/*.bicep' (input 'paths')\n");
    expect(r.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(r.summary).toContain("> **error**: no files match 'new-bda.json', 'missing/*.bicep' (input 'paths')");
    const sarif = JSON.parse(readFileSync(path.join(dir, 'ws/vtaplint.sarif'), 'utf8')) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[] }[] };
    // The run failed (SARIF 3.20.14): code scanning shows the error notifications as the tool's errors.
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications?.map((n) => [n.level, n.message.text])).toEqual([
      ['error', "no files match 'new-bda.json'"],
      ['error', "no files match 'missing/*.bicep'"],
    ]);
    expect((await runSource(dir, { paths: 'new-bad.json' })).code).toBe(0);
  });

  test('paths: one outside the workspace fails the step before anything is linted, naming it (it was an invalid-template error counted among the findings)', async () => {
    const { dir } = prWorkspace();
    cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(dir, 'elsewhere.json'));
    for (const outside of ['../elsewhere.json', path.join(dir, 'elsewhere.json'), 'new-bad.json\n../*.json', '{.,..}/*.json']) {
      const r = await runSource(dir, { paths: outside });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^::error title=vtaplint::'[^']+' is outside the workspace \S+ \(input 'paths'\): paths are the workspace's/m);
      expect(r.summary).toContain('Nothing was linted.');
      expect(r.outputs).toEqual({});
      expect(existsSync(path.join(dir, 'ws/vtaplint.sarif'))).toBe(false);
    }
  });

  test('paths: through the real folder of a workspace reached by a symbolic link, or with a .. that stays inside, are the workspace\'s', async () => {
    const { dir } = prWorkspace();
    symlinkSync(path.join(dir, 'ws'), path.join(dir, 'link'));
    const linked = await runSource(dir, { paths: path.join(dir, 'ws/new-bad.json') }, { GITHUB_WORKSPACE: path.join(dir, 'link') });
    expect(linked.stdout).not.toContain('outside the workspace');
    expect(linked.outputs).toMatchObject({ warnings: '1' });
    const inside = await runSource(dir, { paths: 'sub/../new-bad.json' });
    expect(inside.stdout).not.toContain('outside the workspace');
    expect(inside.outputs).toMatchObject({ warnings: '1' });
  });

  test('pull request: failing findings on lines it does not change are listed in the log, since they fail the step without an annotation', async () => {
    const { dir } = prWorkspace();
    const r = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('vtaplint: 1 finding at or above fail-on: error is on lines this pull request does not change, so not annotated:\n');
    expect(r.stdout).toMatch(/^ {2}old-bad\.json:86:19: error: TAP 'tap1' is in 'westeurope', .* \[vtap-supported-region\]$/m);
    // Annotated ones are not listed again; with fail-on never nothing fails, and nothing is listed.
    expect(r.stdout).not.toMatch(/^ {2}new-error\.json/m);
    const never = await runSource(dir, { 'fail-on': 'never' }, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
    expect(never.stdout).not.toContain('so not annotated');
  });

  test('paths: changed files given on one line, separated by spaces, fail with a hint that it takes one path per line', async () => {
    const { dir } = prWorkspace();
    // tj-actions/changed-files' outputs separate the files with spaces unless told otherwise.
    const r = await runSource(dir, { paths: 'new-bad.json new-error.json' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "::error title=vtaplint::no files match 'new-bad.json new-error.json' (input 'paths', which takes one path per line: these look like paths separated by spaces)\n",
    );
    // A name with a space that is simply not there gets no such hint.
    const typo = await runSource(dir, { paths: 'new bad.json' });
    expect(typo.stdout).toContain("::error title=vtaplint::no files match 'new bad.json' (input 'paths')\n");
  });

  test('paths: an exclusion (!pattern, as other actions take) fails with a hint to leave files out with the config or .gitignore', async () => {
    const { dir } = prWorkspace();
    // Was only "no files match '!old-bad.json'": it read as a typo, and the file was linted anyway.
    const r = await runSource(dir, { paths: '.\n!old-bad.json' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "::error title=vtaplint::no files match '!old-bad.json' (input 'paths', which takes no exclusions: leave files out with the config's \"ignore\" or a .gitignore)\n",
    );
  });
});

describe('the action from its sources: the sarif-file input', () => {
  test('a folder, or a path under a file, fails the step naming the input; the findings are still annotated and summarised', async () => {
    const { dir } = prWorkspace();
    mkdirSync(path.join(dir, 'ws/reports'));
    // `sarif-file: reports` (the folder, not a file in it) stopped the step with
    // "vtaplint failed: EISDIR: illegal operation on a directory", after linting: no annotation,
    // no output, no job summary, and nothing said which input was wrong.
    const r = await runSource(dir, { 'sarif-file': 'reports', 'fail-on': 'never' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=vtaplint::cannot write the SARIF file 'reports' (input 'sarif-file'): it is a folder; name a file in it, such as reports/vtaplint.sarif\n");
    expect(r.stdout).not.toContain('vtaplint failed');
    expect(r.stdout).toMatch(/^::error title=vtaplint vtap-supported-region,file=new-error\.json,line=86/m);
    expect(r.stdout).not.toContain('SARIF written to');
    expect(r.outputs).toEqual({ errors: '2', warnings: '1', notes: '0' });
    expect(r.summary).toContain("> **error**: cannot write the SARIF file 'reports' (input 'sarif-file'): it is a folder");
    expect(r.summary).toContain('### Findings per file');
    const underFile = await runSource(dir, { 'sarif-file': 'good.json/vtaplint.sarif', 'fail-on': 'never' });
    expect(underFile.code).toBe(1);
    expect(underFile.stdout).toContain("::error title=vtaplint::cannot write the SARIF file 'good.json/vtaplint.sarif' (input 'sarif-file'): 'good.json' is a file, not a folder\n");
    expect(readFileSync(path.join(dir, 'ws/good.json'), 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'pass-supported.json'), 'utf8'));
  });

  test('past the annotation caps, what is said of the findings not annotated does not send the user to a SARIF file that was not written', async () => {
    const { dir } = prWorkspace();
    for (let i = 0; i < 11; i++) cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(dir, `ws/copy-${i}.json`));
    mkdirSync(path.join(dir, 'ws/reports'));
    const r = await runSource(dir, { 'sarif-file': 'reports', 'fail-on': 'never' });
    expect(r.stdout).toContain('findings not annotated (GitHub shows at most 10 error, 10 warning and 10 notice annotations per step); the job summary counts them all\n');
    expect(r.summary).toMatch(/\*\*\d+ findings not annotated\*\*: [^\n]*\. The tables below count them\.\n/);
    expect(r.stdout + r.summary).not.toMatch(/SARIF file ha(s|ve) (them|it)/);
  });
});

describe('the action from its sources: the annotations input', () => {
  test('false: no finding is annotated (code scanning, fed the SARIF file, annotates them), the failure reason still is; a bad value fails the step', async () => {
    const { dir } = prWorkspace();
    const event = { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' };
    const on = await runSource(dir, {}, event);
    expect(on.stdout.match(/^::(error|warning) title=vtaplint vtap-/gm)).toHaveLength(2);
    const off = await runSource(dir, { annotations: 'false' }, event);
    expect(off.code).toBe(1);
    expect(off.stdout.match(/^::(error|warning|notice) title=vtaplint vtap-/gm)).toBeNull();
    expect(off.stdout).toContain('::error title=vtaplint::vtaplint found 2 problems at or above fail-on: error');
    expect(off.stdout).toContain('(findings not annotated: input annotations is false)');
    expect(off.summary).toContain('findings not annotated (input annotations: false)');
    expect(off.outputs).toMatchObject({ errors: '2', warnings: '1' });
    expect(JSON.parse(readFileSync(path.join(dir, 'ws/vtaplint.sarif'), 'utf8')).runs[0].results).toHaveLength(3);
    const bad = await runSource(dir, { annotations: 'no' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("::error::annotations must be true or false, got 'no'");
  });
});

describe('the action from its sources: a pull request that changes only a value', () => {
  test('a finding decided by a changed parameters file line is annotated there, saying where it is reported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-action-'));
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    git(ws, 'init', '-q');
    const rules = Object.fromEntries(RULES.filter((r) => r.meta.id !== 'vtap-supported-region').map((r) => [r.meta.id, 'off']));
    writeFileSync(path.join(ws, 'vtaplint.config.json'), JSON.stringify({ rules }, null, 2));
    writeFileSync(path.join(ws, 'main.bicep'), "param location string = 'eastus'\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {}\n}\n");
    writeFileSync(path.join(ws, 'prod.bicepparam'), "using 'main.bicep'\n\nparam location = 'eastus'\n");
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'base');
    const base = git(ws, 'rev-parse', 'HEAD');
    writeFileSync(path.join(ws, 'prod.bicepparam'), "using 'main.bicep'\n\nparam location = 'westeurope'\n");
    git(ws, 'commit', '-q', '-am', 'pr');
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 3, base: { sha: base, ref: 'main' } } }));
    const r = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.code).toBe(1);
    // The finding is in main.bicep, which the pull request does not change: it had no annotation.
    expect(r.stdout).toContain(
      "::error title=vtaplint vtap-supported-region,file=prod.bicepparam,line=3,endLine=3,col=18,endColumn=30::TAP 'tap' is in 'westeurope', where virtual network TAP is not available; deploy it in one of: eastasia, westcentralus, uksouth, eastus, centralindia, germanywestcentral (reported at main.bicep:5:13; the value of parameter 'location' is given here)\n",
    );
    expect(r.summary).toContain('1 annotation on the lines this pull request changes');
  });
});

describe('the action from its sources: the parameters input', () => {
  test('a file that is not there, or a .bicepparam file, fails the step with a message naming the input', async () => {
    const { dir } = prWorkspace();
    // Was an invalid-template annotation at line 1 of a file that does not exist ("the file does not exist").
    const missing = await runSource(dir, { parameters: 'prod.parameters.json' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("::error title=vtaplint::no such file 'prod.parameters.json' (input 'parameters')\n");
    // Was "invalid JSON: unexpected character" in a .bicepparam file that is fine.
    writeFileSync(path.join(dir, 'ws/prod.bicepparam'), "using 'main.bicep'\n");
    const bicepparam = await runSource(dir, { parameters: 'prod.bicepparam' });
    expect(bicepparam.code).toBe(1);
    expect(bicepparam.stdout).toContain("::error title=vtaplint::'prod.bicepparam' is a .bicepparam file, which names its template itself with 'using': list it in 'paths'");
    expect(bicepparam.stdout).not.toContain('invalid JSON');
    expect(bicepparam.summary).toContain("Nothing was linted.\n\n> **error**: 'prod.bicepparam' is a .bicepparam file");
    // A Bicep template named there was read as JSON: an invalid-template error counted among the findings.
    writeFileSync(path.join(dir, 'ws/main.bicep'), 'param location string\n');
    const bicep = await runSource(dir, { parameters: 'main.bicep' });
    expect([bicep.code, bicep.stdout]).toEqual([1, "::error title=vtaplint::'main.bicep' is a Bicep template, not a parameters file: lint it as a path, and give its parameter values in an ARM parameters file (.json) or a .bicepparam file (input 'parameters')\n"]);
  });
});

describe('the action from its sources: a bad config or baseline', () => {
  test('the annotation is on the file and line at fault, and the job summary says why nothing was linted', async () => {
    const { dir } = prWorkspace();
    const ws = path.join(dir, 'ws');
    mkdirSync(path.join(ws, 'infra'));
    writeFileSync(path.join(ws, 'infra/vtaplint.config.json'), '{\n  "rules": {\n    "vtap-supported-regoin": "off"\n  }\n}\n');
    const r = await runSource(dir, { config: 'infra/vtaplint.config.json' });
    expect(r.code).toBe(1);
    // Was `::error title=vtaplint configuration::/abs/infra/vtaplint.config.json:3:5: ...`, on no file.
    expect(r.stdout).toMatch(/^::error title=vtaplint configuration,file=infra\/vtaplint\.config\.json,line=3,col=5::\S+:3:5: unknown rule "vtap-supported-regoin" in "rules"; did you mean "vtap-supported-region"\?\n$/);
    expect(r.summary).toMatch(/^## vtaplint\n\nNothing was linted\.\n\n> \*\*error\*\*: \S+vtaplint\.config\.json:3:5: unknown rule "vtap-supported-regoin"/);
    writeFileSync(path.join(ws, 'old.sarif'), '{"version": "2.1.0"}');
    const b = await runSource(dir, { baseline: 'old.sarif' });
    expect(b.code).toBe(1);
    expect(b.stdout).toMatch(/^::error title=vtaplint baseline,file=old\.sarif::baseline \S+old\.sarif: not a SARIF log/);
  });

  test('a config or baseline that is not there, or is a folder, fails the step naming the input, on no file', async () => {
    const { dir } = prWorkspace();
    mkdirSync(path.join(dir, 'ws/infra'));
    // Were "::error title=vtaplint configuration,file=infra/vtaplint.json::/abs/infra/vtaplint.json:
    // cannot read the configuration: ENOENT: no such file or directory, open '/abs/...'": an
    // annotation on a file the repository does not have, and no word of which input to fix.
    const config = await runSource(dir, { config: 'infra/vtaplint.json' });
    expect(config.code).toBe(1);
    expect(config.stdout).toBe("::error title=vtaplint configuration::no such file 'infra/vtaplint.json' (input 'config')\n");
    expect(config.summary).toContain("Nothing was linted.\n\n> **error**: no such file 'infra/vtaplint.json' (input 'config')");
    const configFolder = await runSource(dir, { config: 'infra/' });
    expect(configFolder.stdout).toBe("::error title=vtaplint configuration::'infra/' is a folder, not a config file: name the file (infra/vtaplint.config.json) (input 'config')\n");
    const baseline = await runSource(dir, { baseline: '.github/vtaplint-baseline.sarif' });
    expect(baseline.code).toBe(1);
    expect(baseline.stdout).toBe("::error title=vtaplint baseline::no such file '.github/vtaplint-baseline.sarif' (input 'baseline')\n");
    const baselineFolder = await runSource(dir, { baseline: 'infra' });
    expect(baselineFolder.stdout).toBe("::error title=vtaplint baseline::'infra' is a folder, not a SARIF file: name the file (infra/<name>.sarif) (input 'baseline')\n");
  });
});

describe('the action from its sources, pull request checked out as its merge commit', () => {
  test('the changed lines are those of the merge commit, and summary links point at its lines', async () => {
    const { dir, merge, head } = mergeWorkspace();
    expect(head).not.toBe(merge);
    const r = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: merge });
    expect(r.stdout).toMatch(/^::error title=vtaplint vtap-supported-region,file=good\.json,line=91,endLine=91,col=19,endColumn=31::TAP 'tap1' is in 'westeurope'/m);
    expect(r.summary).toContain('1 annotation on the lines this pull request changes');
    expect(r.summary).toContain(`| [good.json](https://github.com/contoso/infra/blob/${merge}/good.json) | 1 | 0 | 0 | [91](https://github.com/contoso/infra/blob/${merge}/good.json#L91 "vtap-supported-region") |`);
    expect(r.code).toBe(1);
  });

  test("a pull request that changes only a parameter's default is annotated at the default it changed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-action-'));
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    git(ws, 'init', '-q', '-b', 'main');
    const rules = Object.fromEntries(RULES.filter((r) => r.meta.id !== 'vtap-supported-region').map((r) => [r.meta.id, 'off']));
    writeFileSync(path.join(ws, 'vtaplint.config.json'), JSON.stringify({ rules }, null, 2));
    const bicep = (location: string) =>
      [`param location string = '${location}'`, '', "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {", "  name: 'hub-tap'", '  location: location', '  properties: {}', '}', ''].join('\n');
    writeFileSync(path.join(ws, 'main.bicep'), bicep('eastus'));
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'base');
    const base = git(ws, 'rev-parse', 'HEAD');
    writeFileSync(path.join(ws, 'main.bicep'), bicep('westeurope'));
    git(ws, 'commit', '-q', '-am', 'move the TAP');
    const head = git(ws, 'rev-parse', 'HEAD');
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 3, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'topic' } } }));
    const r = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: head });
    // The finding is at `location: location` (line 5), which the pull request does not change; the
    // default it changed (line 1) decided it: annotated there, saying where the finding is.
    expect(r.stdout).toMatch(/^::error title=vtaplint vtap-supported-region,file=main\.bicep,line=1,endLine=1,col=25,endColumn=37::TAP 'hub-tap' is in 'westeurope'.*\(reported at main\.bicep:5:13; the value of parameter 'location' is its default, written here\)/m);
    expect(r.summary).toContain('1 annotation on the lines this pull request changes');
    expect(r.code).toBe(1);
  });

  test('an annotation names the place in another file that decided it (as the github format does), and a finding over several lines has no columns', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-action-'));
    const ws = path.join(dir, 'ws');
    mkdirSync(path.join(ws, 'modules'), { recursive: true });
    writeFileSync(path.join(ws, 'main.bicep'), "module tap 'modules/tap.bicep' = {\n  name: 'tap'\n  params: {\n    location: 'westeurope'\n  }\n}\n");
    writeFileSync(path.join(ws, 'modules/tap.bicep'), "param location string\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap1'\n  location: location\n  properties: {\n    // the destination comes later\n  }\n}\n");
    const r = await runSource(dir, {});
    expect(r.stdout).toMatch(/^::error title=vtaplint vtap-supported-region,file=modules\/tap\.bicep,line=5,endLine=5,col=13,endColumn=21::TAP 'tap1' is in 'westeurope', .* \(main\.bicep:4:15: the value of parameter 'location' is given here\)$/m);
    const multiLine = r.stdout.split('\n').filter((l) => /^::\w+ title=vtaplint vtap-destination-type,file=modules\/tap\.bicep,line=6,endLine=8/.test(l));
    expect(multiLine).toHaveLength(1);
    expect(multiLine[0]).not.toMatch(/,col=|,endColumn=/);
    // The CLI's github format writes the same places.
    const cliOut = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), '--format', 'github'], { cwd: ws, encoding: 'utf8' }).stdout;
    expect(cliOut).toMatch(/^::error file=modules\/tap\.bicep,line=6,endLine=8,title=vtaplint vtap-destination-type::/m);
  });

  test('links use the checked-out commit, GITHUB_SHA when the workspace is not a git checkout', async () => {
    const { dir, merge } = mergeWorkspace();
    // A checkout of the PR's head (actions/checkout with ref: the head sha): HEAD, not GITHUB_SHA.
    git(path.join(dir, 'ws'), 'checkout', '-q', 'topic');
    const head = git(path.join(dir, 'ws'), 'rev-parse', 'HEAD');
    const r = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: merge });
    expect(r.stdout).toMatch(/^::error title=vtaplint vtap-supported-region,file=good\.json,line=86,/m);
    expect(r.summary).toContain(`(https://github.com/contoso/infra/blob/${head}/good.json#L86 "vtap-supported-region")`);
    rmSync(path.join(dir, 'ws/.git'), { recursive: true });
    const plain = await runSource(dir, {}, { GITHUB_SHA: merge });
    expect(plain.summary).toContain(`(https://github.com/contoso/infra/blob/${merge}/good.json#L86 "vtap-supported-region")`);
  });

  test('a shallow clone without the base commit (actions/checkout without fetch-depth): every finding is annotated, and the log and summary say why', async () => {
    const { dir, merge } = mergeWorkspace();
    // What actions/checkout's default fetch-depth: 1 gives: the merge commit alone, no parent.
    git(path.join(dir, 'ws'), 'branch', 'pull/2/merge', merge);
    renameSync(path.join(dir, 'ws'), path.join(dir, 'full'));
    git(dir, 'clone', '-q', '--depth', '1', '--branch', 'pull/2/merge', pathToFileURL(path.join(dir, 'full')).href, 'ws');
    const r = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: merge });
    expect(r.stdout).toMatch(/^::error title=vtaplint vtap-supported-region,file=good\.json,line=91,/m);
    // Every finding was annotated with no word of why: the README and action.yml promise the
    // lines the pull request changes, and nothing said that the clone lacked the base commit.
    const why = /cannot tell the lines this pull request changes: git cannot diff its base [0-9a-f]{12} with HEAD here \(not in the clone\? actions\/checkout fetches one commit unless fetch-depth: 0\); every finding is annotated/;
    expect(r.stdout.split('\n').filter((l) => l.startsWith('vtaplint: ')).join('\n')).toMatch(why);
    expect(r.summary).toMatch(why);
    expect(r.summary).not.toContain('on the lines this pull request changes ·');
    // With the history there, nothing of the kind is said.
    rmSync(path.join(dir, 'ws'), { recursive: true });
    renameSync(path.join(dir, 'full'), path.join(dir, 'ws'));
    const full = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
    expect(full.stdout).not.toContain('cannot tell the lines');
  });
});

describe('the action from its sources: the repository checked out in a folder of the workspace', () => {
  test("actions/checkout 'path: sub': annotations, SARIF URIs and summary links name files from the repository's top, not the workspace", async () => {
    const { dir, head } = prWorkspace();
    // $GITHUB_WORKSPACE is no git working tree; the repository is in its folder sub.
    renameSync(path.join(dir, 'ws'), path.join(dir, 'repo'));
    mkdirSync(path.join(dir, 'ws'));
    renameSync(path.join(dir, 'repo'), path.join(dir, 'ws/sub'));
    const r = await runSource(dir, { paths: 'sub' }, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l.replace(/title=[^,]*,/, '')));
    expect(annotations).toEqual([
      expect.stringMatching(/^::error title=vtaplint vtap-supported-region,file=new-error\.json,line=86,/),
      expect.stringMatching(/^::warning title=vtaplint vtap-supported-region,file=new-bad\.json,line=86,/),
    ]);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'ws/vtaplint.sarif'), 'utf8')) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort()).toEqual(['new-bad.json', 'new-error.json', 'old-bad.json']);
    expect(sarif.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(path.join(dir, 'ws/sub')).href + '/');
    expect(r.summary).toContain(`| [old-bad.json](https://github.com/contoso/infra/blob/${head}/old-bad.json) | 1 | 0 | 0 |`);
    // Files of two working trees below the workspace: paths from the workspace, as before.
    cpSync(path.join(dir, 'ws/sub'), path.join(dir, 'ws/other'), { recursive: true });
    const two = await runSource(dir, { paths: 'sub\nother' }, {});
    expect(two.stdout).toMatch(/^::error title=vtaplint vtap-supported-region,file=sub\/new-error\.json,line=86,/m);
  });
});

describe('the action from its sources: annotations within what GitHub shows', () => {
  test('at most 10 per level, the failure reason first, errors before warnings; the rest counted in the log and summary', async () => {
    const { dir } = prWorkspace();
    const ws = path.join(dir, 'ws');
    // With new-error.json, new-bad.json and old-bad.json: 13 errors and 12 warnings.
    for (let i = 0; i < 11; i++) {
      cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(ws, `e${i}.json`));
      cpSync(path.join(FIXTURES, 'fail-coming-soon.json'), path.join(ws, `w${i}.json`));
    }
    const r = await runSource(dir, {});
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ errors: '13', warnings: '12' });
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(commands.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(commands[0]).toBe('::error title=vtaplint::vtaplint found 13 problems at or above fail-on: error');
    expect(commands.findIndex((l) => l.startsWith('::warning'))).toBe(10);
    // 13 - 9 errors and 12 - 10 warnings.
    expect(r.stdout).toContain('vtaplint: 6 findings not annotated (GitHub shows at most 10 error, 10 warning and 10 notice annotations per step)');
    expect(r.summary).toContain('**6 findings not annotated**: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step.');
  });

  test('under the caps nothing is said about them', async () => {
    const { dir } = prWorkspace();
    const r = await runSource(dir, {});
    expect(r.stdout.match(/^::(error|warning) title=vtaplint vtap-/gm)).toHaveLength(3);
    expect(r.stdout).not.toContain('not annotated');
    expect(r.summary).not.toContain('not annotated');
  });

  test('the sink stops each level at its cap and counts the rest', () => {
    const lines: string[] = [];
    const sink = new AnnotationSink((l) => lines.push(l), { error: 2, warning: 1, notice: 0 });
    expect([sink.add('error', 'a'), sink.add('warning', 'b'), sink.add('error', 'c'), sink.add('warning', 'd'), sink.add('notice', 'e'), sink.add('error', 'f')]).toEqual([true, true, true, false, false, false]);
    expect(lines).toEqual(['::error::a', '::warning::b', '::error::c']);
    expect(sink.dropped).toBe(3);
    expect(ANNOTATIONS_PER_STEP).toEqual({ error: 10, warning: 10, notice: 10 });
  });
});

describe('the action from its sources: a workspace with nothing to lint', () => {
  test('passes, and says so in an annotation and the job summary (a job without actions/checkout looked like a clean lint)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-action-'));
    mkdirSync(path.join(dir, 'ws'));
    writeFileSync(path.join(dir, 'ws/README.md'), '# infra\n');
    const r = await runSource(dir, {});
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ errors: '0', warnings: '0', notes: '0' });
    const message = "nothing was linted: no ARM template, parameters file or Bicep file to lint in '.' (input 'paths'); is the repository checked out (actions/checkout) before this step?";
    expect(r.stdout).toContain(`::warning title=vtaplint::${message}`);
    expect(r.summary).toContain(`> **warning**: ${message}`);
    // No log with no results to upload: code scanning would close every open alert as fixed.
    expect(existsSync(path.join(dir, 'ws/vtaplint.sarif'))).toBe(false);
    expect(r.outputs['sarif-file']).toBeUndefined();
    expect(r.stdout).toContain('vtaplint: no SARIF file written: nothing was linted, and an empty log would make code scanning close every open alert as fixed\n');
    expect(r.summary).toContain('no SARIF file written: nothing was linted');
  });

  test('paths that all match nothing: the step fails, and no empty SARIF file is written', async () => {
    const { dir } = prWorkspace();
    const r = await runSource(dir, { paths: 'infra/*.bicep' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=vtaplint::no files match 'infra/*.bicep' (input 'paths')\n");
    expect(existsSync(path.join(dir, 'ws/vtaplint.sarif'))).toBe(false);
    expect(r.outputs['sarif-file']).toBeUndefined();
  });

  test('a run that lints something does not say it', async () => {
    const { dir } = prWorkspace();
    const r = await runSource(dir, {});
    expect(r.stdout).not.toContain('nothing was linted');
    expect(r.summary).not.toContain('nothing was linted');
  });
});

describe('the action from its sources: the SARIF file within code scanning\'s limits', () => {
  test('more than 25,000 results: the file keeps 25,000, errors first, and the log, summary and file say how many were left out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-action-'));
    const ws = path.join(dir, 'ws');
    // 800 mirrored VMs behind a Basic load balancer with a v6 size: 2,400 findings a file (1,600
    // errors, 800 notes), 11 files: 26,411 results with the 11 limit warnings.
    const main = readFileSync(path.join(REPO, 'examples/bicep-vtap/main.bicep'), 'utf8').replace('var webCount = 2', 'var webCount = 800');
    for (let i = 0; i < 11; i++) {
      mkdirSync(path.join(ws, `team ${i}/modules`), { recursive: true });
      writeFileSync(path.join(ws, `team ${i}/main.bicep`), main);
      cpSync(path.join(REPO, 'examples/bicep-vtap/modules/collector.bicep'), path.join(ws, `team ${i}/modules/collector.bicep`));
    }
    const r = await runSource(dir, {});
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ errors: '17600', warnings: '11', notes: '8800' });
    const log = JSON.parse(readFileSync(path.join(ws, 'vtaplint.sarif'), 'utf8')) as {
      runs: { results: { level: string }[]; invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[] }[];
    };
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(25_000);
    expect(results.filter((x) => x.level === 'error')).toHaveLength(17_600);
    expect(results.filter((x) => x.level === 'warning')).toHaveLength(11);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toMatch(/^1411 of 26411 results are left out of this SARIF file: GitHub code scanning rejects a run with more than 25,000 results/);
    expect(r.stdout).toContain('vtaplint: 1411 results left out of the SARIF file: GitHub code scanning rejects a run with more than 25,000 results');
    expect(r.stdout).not.toContain('the SARIF file have them all');
    expect(r.summary).toContain('> **warning**: 1411 results left out of the SARIF file');
  }, 180_000);
});

describe('the action from its sources: file names git quotes', () => {
  test('a pull request adding files with non-ASCII letters, a space or a quote in their names annotates them', async () => {
    const { dir } = prWorkspace();
    const ws = path.join(dir, 'ws');
    const names = ['pört ä.json', 'say "hi".json', 'plain name.json'];
    for (const name of names) cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(ws, name));
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'names');
    const r = await runSource(dir, {}, { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
    const files = [...r.stdout.matchAll(/^::error title=vtaplint vtap-supported-region,file=([^,]+),line=86,/gm)].map((m) => m[1]);
    expect(files.sort()).toEqual(['new-error.json', ...names].sort());
  });

  test("the job summary escapes file names as Markdown: a ']' ends no link early, '*' and '`' start no emphasis or code", async () => {
    const { dir } = prWorkspace();
    const ws = path.join(dir, 'ws');
    cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(ws, 'a|b]*`c`.json'));
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'odd name');
    const r = await runSource(dir, {}, { GITHUB_REPOSITORY: 'contoso/infra', GITHUB_SHA: git(ws, 'rev-parse', 'HEAD') });
    expect(r.summary).toContain('| [a\\|b\\]\\*\\`c\\`.json](https://github.com/contoso/infra/blob/');
  });

  test('diff headers: C-quoted names (octal UTF-8 bytes, escapes) and the tab after a name with a space', () => {
    const diff = [
      'diff --git "a/p\\303\\266rt \\303\\244.json" "b/p\\303\\266rt \\303\\244.json"',
      '--- /dev/null',
      '+++ "b/p\\303\\266rt \\303\\244.json"\t',
      '@@ -0,0 +1,2 @@',
      '+++ b/plain name.json\t',
      '@@ -0,0 +3 @@',
      '+++ "b/tab\\there \\"q\\" back\\\\slash.json"\t',
      '@@ -1 +1 @@',
      '+++ "b/ünquoted\\t.json"',
      '@@ -1 +2 @@',
    ].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual(
      new Map([
        ['pört ä.json', new Set([1, 2])],
        ['plain name.json', new Set([3])],
        ['tab\there "q" back\\slash.json', new Set([1])],
        ['ünquoted\t.json', new Set([2])],
      ]),
    );
    expect(unquoteGitPath('plain.json')).toBe('plain.json');
    expect(unquoteGitPath('"\\a\\b\\v\\f\\r\\n\\342\\202\\254\\x"')).toBe('\x07\b\v\f\r\n€\\x');
  });
});

describe('through @github/local-action', () => {
  test('runs the bundle with inputs from a .env file: annotations, outputs file, summary, SARIF', () => {
    const { dir } = prWorkspace();
    const ws = path.join(dir, 'ws');
    const envFile = path.join(dir, '.env');
    writeFileSync(path.join(dir, 'out.txt'), '');
    writeFileSync(path.join(dir, 'sum.md'), '');
    writeFileSync(
      envFile,
      [
        'INPUT_PATHS=.',
        'INPUT_SARIF-FILE=local.sarif',
        'INPUT_FAIL-ON=never',
        `GITHUB_WORKSPACE=${ws}`,
        `GITHUB_OUTPUT=${path.join(dir, 'out.txt')}`,
        `GITHUB_STEP_SUMMARY=${path.join(dir, 'sum.md')}`,
        '',
      ].join('\n'),
    );
    // local-action imports the logic entry and calls its exported run(); the bundle exports it.
    const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules/@github/local-action/bin/local-action.js'), 'run', REPO, 'dist/action.js', envFile], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/::error title=vtaplint vtap-supported-region,file=old-bad\.json,line=86/);
    expect(parseOutputs(readFileSync(path.join(dir, 'out.txt'), 'utf8'))).toEqual({ errors: '2', warnings: '1', notes: '0', 'sarif-file': path.join(ws, 'local.sarif') });
    expect(readFileSync(path.join(dir, 'sum.md'), 'utf8')).toContain('### Findings per file');
    expect(validate(path.join(ws, 'local.sarif'))).toEqual([]);
  }, 150_000);
});

describe('runner protocol pieces', () => {
  test('workflow command escaping as @actions/core', () => {
    expect(annotation('error', 'a%b\r\nc', { file: 'x,y:z.json', line: 3 })).toBe('::error file=x%2Cy%3Az.json,line=3::a%25b%0D%0Ac');
  });

  test('output blocks use a fresh delimiter', () => {
    const block = fileCommand('errors', '3');
    expect(block).toMatch(/^errors<<ghadelimiter_[0-9a-f-]{36}\n3\nghadelimiter_[0-9a-f-]{36}\n$/);
  });

  test('unified diff: added and modified lines of the new side', () => {
    const diff = ['diff --git a/x.json b/x.json', '--- a/x.json', '+++ b/x.json', '@@ -3,0 +4,2 @@', '+a', '+b', '@@ -10 +12 @@', '-c', '+d', '--- a/gone.json', '+++ /dev/null', '@@ -1 +0,0 @@'].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual(new Map([['x.json', new Set([4, 5, 12])]]));
  });
});
