// The result cache (--cache: src/engine/result-cache.ts, src/model/inputs.ts): a file's kept result is used again only while the file
// and everything its lint read are unchanged, and a run with the cache reports exactly what a run
// without it reports.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, REPO, workspace } from './helpers.js';
import { lint } from '../src/engine/lint.js';
import { RULES } from '../rules/index.js';
import { toolIdentity } from '../src/engine/result-cache.js';
import { cacheLocation } from '../src/engine/cache-folder.js';
import { readAnswer, readSource } from '../src/load/read.js';
import { VERSION } from '../src/cli/main.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = workspace(files, 'vtaplint-cache-');
  made.push(dir);
  return dir;
}

/** The cache in `dir` as --cache keeps it: the file `results` in the cache folder `.vtaplintcache`. */
function inFolder(dir: string): { file: string; folder: string } {
  return { file: path.join(dir, '.vtaplintcache', 'results'), folder: path.join(dir, '.vtaplintcache') };
}

/** A lint of `dir` (in-process, one thread), with the cache folder `.vtaplintcache` in it when `cached`. */
function lintIn(dir: string, cached: boolean, paths: string[] = ['.']) {
  return lint(paths, { root: dir, cwd: dir, rules: RULES, jobs: 1, ...(cached ? { cache: { ...inFolder(dir), tool: 'test' } } : {}) });
}

/** The JSON report of a lint of `dir` run in-process (one thread). */
async function report(dir: string, extra: string[] = []): Promise<string> {
  const r = await cli(['-j', '1', '-f', 'json', ...extra, '.'], dir);
  expect(r.stderr).toBe('');
  return r.stdout;
}

const TAP = (location: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "type": "string", "defaultValue": "${location}" } },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworkTaps", "apiVersion": "2023-09-01", "name": "tap", "location": "[parameters('location')]", "properties": {} }
  ]
}
`;

const MODULE = (location: string) => `param location string = '${location}'
resource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = {
  name: 'tap'
  location: location
  properties: {}
}
`;

const MAIN = `module tap 'modules/tap.bicep' = {
  name: 'tap'
}
`;

test('a second run takes every result from the cache and reports the same', async () => {
  const dir = folder({ 'main.bicep': MAIN, 'modules/tap.bicep': MODULE('antarctica'), 'arm/tap.json': TAP('mars'), 'arm/tap.parameters.json': '{"parameters": {}}' });
  const first = await lintIn(dir, true);
  expect(first.cache?.hits).toBe(0);
  expect(first.cache?.misses).toBeGreaterThan(0);
  expect(existsSync(path.join(dir, '.vtaplintcache'))).toBe(true);
  const second = await lintIn(dir, true);
  expect(second.cache).toEqual({ file: path.join(dir, '.vtaplintcache', 'results'), hits: first.cache?.misses, misses: 0 });
  expect(second.findings.map((f) => [f.ruleId, f.message, f.location.file.path, f.location.region, f.fingerprint])).toEqual(
    first.findings.map((f) => [f.ruleId, f.message, f.location.file.path, f.location.region, f.fingerprint]),
  );
  expect(second.findings.length).toBeGreaterThan(0);
  // Every format prints the same from cached results as from a fresh lint.
  for (const format of ['stylish', 'json', 'compact', 'unix', 'github', 'junit', 'codeclimate']) {
    const fresh = await cli(['-j', '1', '-f', format, '.'], dir);
    const cached = await cli(['-j', '1', '-f', format, '--cache', '.'], dir);
    expect(cached.stdout, format).toBe(fresh.stdout);
    expect(cached.code).toBe(fresh.code);
  }
});

test('a changed module is linted again through the file that deploys it, which did not change', async () => {
  const dir = folder({ 'main.bicep': MAIN, 'modules/tap.bicep': MODULE('antarctica') });
  const before = await report(dir, ['--cache']);
  expect(before).toContain('antarctica');
  writeFileSync(path.join(dir, 'modules/tap.bicep'), MODULE('westeurope'));
  const again = await lintIn(dir, true);
  // main.bicep's result read the module: both are linted again.
  expect(again.cache?.hits).toBe(0);
  expect(await report(dir, ['--cache'])).toBe(await report(dir));
  expect(await report(dir)).not.toContain('antarctica');
});

test('a parameters file that appears beside a template, or a value that changes in it, is seen', async () => {
  const dir = folder({ 'tap.json': TAP('antarctica') });
  expect(await report(dir, ['--cache'])).toContain('antarctica');
  writeFileSync(path.join(dir, 'tap.parameters.json'), '{"parameters": {"location": {"value": "westeurope"}}}');
  expect(await report(dir, ['--cache'])).toBe(await report(dir));
  expect(await report(dir)).not.toContain("'antarctica'");
  writeFileSync(path.join(dir, 'tap.parameters.json'), '{"parameters": {"location": {"value": "mars"}}}');
  expect(await report(dir, ['--cache'])).toBe(await report(dir));
  expect(await report(dir)).toContain('mars');
  rmSync(path.join(dir, 'tap.parameters.json'));
  expect(await report(dir, ['--cache'])).toBe(await report(dir));
  expect(await report(dir)).toContain('antarctica');
});

test('a config that changes, or a suppression in it that expires, makes the files it governs be linted again', async () => {
  const dir = folder({ 'tap.json': TAP('antarctica'), 'vtaplint.config.json': '{"rules": {}}' });
  const fresh = await report(dir);
  expect(await report(dir, ['--cache'])).toBe(fresh);
  writeFileSync(path.join(dir, 'vtaplint.config.json'), '{"rules": {"vtap-supported-region": "off"}}');
  expect(await report(dir, ['--cache'])).toBe(await report(dir));
  expect(await report(dir)).not.toBe(fresh);
  // A suppression that expired yesterday suppresses nothing today: the expiry is part of the key.
  const config = (expires: string) => JSON.stringify({ suppressions: [{ rule: 'vtap-supported-region', reason: 'moving', expires }] });
  writeFileSync(path.join(dir, 'vtaplint.config.json'), config('2999-01-01'));
  const cachedNow = async (now: Date) => {
    const r = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1, now, cache: { ...inFolder(dir), tool: 'test' } });
    return { hits: r.cache?.hits, suppressed: r.suppressed?.length ?? 0, findings: r.findings.map((f) => f.ruleId) };
  };
  const early = await cachedNow(new Date('2026-01-01T00:00:00Z'));
  expect(early.suppressed).toBe(1);
  expect((await cachedNow(new Date('2026-01-02T00:00:00Z'))).hits).toBe(1);
  const late = await cachedNow(new Date('3000-01-01T00:00:00Z'));
  expect(late.hits).toBe(0);
  expect(late.suppressed).toBe(0);
  expect(late.findings).toContain('vtap-supported-region');
});

test('an environment variable a Bicep file reads is an input, kept as a digest, never as its value', async () => {
  const dir = folder({ 'main.bicep': MODULE('westeurope'), 'main.bicepparam': `using 'main.bicep'\nparam location = readEnvironmentVariable('VTAPLINT_TEST_REGION', 'antarctica')\n` });
  const run = async () => {
    const r = await lintIn(dir, true);
    return { hits: r.cache?.hits, messages: r.findings.map((f) => f.message).join('\n') };
  };
  delete process.env.VTAPLINT_TEST_REGION;
  expect((await run()).messages).toContain('antarctica');
  try {
    process.env.VTAPLINT_TEST_REGION = 'secret-region-value';
    const changed = await run();
    expect(changed.hits).toBe(0);
    expect(changed.messages).toContain('secret-region-value');
    // The input is the variable's name and a digest of its value (the finding's message names the
    // value, as the report does; the input alone would keep a secret no finding shows).
    const data = JSON.parse(readFileSync(path.join(dir, '.vtaplintcache', 'results'), 'utf8')) as { entries: Record<string, { inputs: { kind: string; args: string[]; answer: string }[] }> };
    const env = Object.values(data.entries).flatMap((e) => e.inputs.filter((i) => i.kind === 'env'));
    expect(env.map((i) => i.args)).toEqual([['VTAPLINT_TEST_REGION']]);
    expect(env[0]?.answer).toMatch(/^set [A-Za-z0-9+/=]{27,28}$/);
    expect((await run()).hits).toBe(1);
  } finally {
    delete process.env.VTAPLINT_TEST_REGION;
  }
  const back = await run();
  expect(back.hits).toBe(0);
  expect(back.messages).toContain('antarctica');
});

test('a damaged or foreign cache file is read as empty and written again; one that cannot be written is a warning', async () => {
  const dir = folder({ 'tap.json': TAP('antarctica') });
  // --cache alone: the file `results` in the cache folder .vtaplintcache.
  const file = path.join(dir, '.vtaplintcache', 'results');
  const fresh = await report(dir);
  expect(await report(dir, ['--cache'])).toBe(fresh);
  const tool = JSON.stringify(toolIdentity(VERSION));
  for (const damaged of [`{"format": "vtaplint-result-cache/1", "tool": ${tool}, "entries": {"x": 5, "y": null, "z": {"path": 7}}}`, '{not json', '[]', 'null', '{"format": "other"}']) {
    writeFileSync(file, damaged);
    expect(await report(dir, ['--cache'])).toBe(fresh);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('vtaplint-result-cache/1');
  }
  // An entry whose result is not of the shape this build writes is linted again, not trusted.
  const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { result: { findings: unknown } }> };
  for (const e of Object.values(data.entries)) e.result.findings = [{ ruleId: 5 }];
  writeFileSync(file, JSON.stringify(data));
  expect(await report(dir, ['--cache'])).toBe(fresh);
  // --cache-location naming a folder puts the cache folder in it; a file in a folder that does not exist is a warning.
  const r = await cli(['-j', '1', '-f', 'json', '--cache-location', 'no/such/folder/cache', '.'], dir);
  expect(JSON.parse(r.stdout).notifications).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringContaining('cannot write the result cache: ENOENT') })]);
  rmSync(path.join(dir, '.vtaplintcache'), { recursive: true });
  await cli(['-j', '1', '--cache-location', '.', '.'], dir);
  expect(existsSync(file)).toBe(true);
});

test('the cache folder: git and backups leave it out, an old cache file in its place is replaced, --no-cache turns the cache off', async () => {
  const dir = folder({ 'tap.json': TAP('antarctica') });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const fresh = await report(dir);
  // An earlier vtaplint's cache file where the folder goes.
  writeFileSync(path.join(dir, '.vtaplintcache'), '{"format": "vtaplint-result-cache/1", "entries": {}}');
  expect(await report(dir, ['--cache'])).toBe(fresh);
  const cacheDir = path.join(dir, '.vtaplintcache');
  expect(statSync(cacheDir).isDirectory()).toBe(true);
  expect(readdirSync(cacheDir).sort()).toEqual(['.gitignore', 'CACHEDIR.TAG', 'results']);
  expect(readFileSync(path.join(cacheDir, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n/);
  // git sees no new file: the folder's own .gitignore leaves it all out (no line in the repository's).
  expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' })).toBe('?? tap.json\n');
  // Taken from there the next time.
  const again = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1, cache: { ...cacheLocation(dir, '.'), tool: toolIdentity(VERSION) } });
  expect(again.cache).toEqual({ file: path.join(cacheDir, 'results'), hits: 1, misses: 0 });
  // A user's .gitignore edit in the folder stays: a folder that exists is not made again.
  writeFileSync(path.join(cacheDir, '.gitignore'), '*\n# mine\n');
  await report(dir, ['--cache']);
  expect(readFileSync(path.join(cacheDir, '.gitignore'), 'utf8')).toBe('*\n# mine\n');
  // --cache-location naming the cache folder itself uses it (not a folder in it).
  const before = statSync(path.join(cacheDir, 'results')).mtimeMs;
  writeFileSync(path.join(dir, 'tap.json'), TAP('mars'));
  expect(await report(dir, ['--cache-location', '.vtaplintcache'])).toBe(await report(dir));
  expect(existsSync(path.join(cacheDir, '.vtaplintcache'))).toBe(false);
  expect(statSync(path.join(cacheDir, 'results')).mtimeMs).toBeGreaterThanOrEqual(before);
  // --cache-location FILE is that file, as before.
  expect(await report(dir, ['--cache-location', 'my.cache'])).toBe(await report(dir));
  expect(statSync(path.join(dir, 'my.cache')).isFile()).toBe(true);
  // --no-cache: the last of --cache and --no-cache wins (a hook's --cache, then args: [--no-cache]).
  rmSync(cacheDir, { recursive: true });
  expect(await report(dir, ['--cache', '--no-cache'])).toBe(await report(dir));
  expect(existsSync(cacheDir)).toBe(false);
  expect(await report(dir, ['--cache-location=other.cache', '--no-cache'])).toBe(await report(dir));
  expect(existsSync(path.join(dir, 'other.cache'))).toBe(false);
  expect(await report(dir, ['--no-cache', '--cache'])).toBe(await report(dir));
  expect(existsSync(path.join(cacheDir, 'results'))).toBe(true);
});

test('where the cache goes: a new path named .vtaplintcache or ending in / is the cache folder; what is not a file there is a warning, never read or replaced', async () => {
  const dir = folder({ 'tap.json': TAP('antarctica') });
  const fresh = await report(dir);
  // A new path named .vtaplintcache is the cache folder; one written as a folder holds it.
  for (const [given, folderAt] of [['.vtaplintcache', '.vtaplintcache'], ['caches/vtaplint/', 'caches/vtaplint/.vtaplintcache']] as const) {
    expect(await report(dir, ['--cache-location', given])).toBe(fresh);
    expect(readdirSync(path.join(dir, folderAt)).sort(), given).toEqual(['.gitignore', 'CACHEDIR.TAG', 'results']);
  }
  // A cache folder made beforehand (mkdir -p in a CI step) gets the files that keep it out of git.
  mkdirSync(path.join(dir, 'premade', '.vtaplintcache'), { recursive: true });
  expect(await report(dir, ['--cache-location', 'premade'])).toBe(fresh);
  expect(readdirSync(path.join(dir, 'premade', '.vtaplintcache')).sort()).toEqual(['.gitignore', 'CACHEDIR.TAG', 'results']);
  // A template named as the cache by mistake, or a file written as a folder, is never written over.
  const template = readFileSync(path.join(dir, 'tap.json'), 'utf8');
  for (const [given, why] of [['tap.json', 'it is a file vtaplint lints, not a result cache, and is not written over'], ['tap.json/', 'it is written as a folder but is not one']] as const) {
    const r = await cli(['-j', '1', '-f', 'json', '--cache-location', given, '.'], dir);
    expect(JSON.parse(r.stdout).notifications, given).toEqual([expect.objectContaining({ level: 'warning', message: `cannot write the result cache: ${why} (the next run lints every file again)` })]);
    expect(readFileSync(path.join(dir, 'tap.json'), 'utf8'), given).toBe(template);
  }
  // A cache the user names with a .json name is one: kept, read and written again.
  expect(await report(dir, ['--cache-location', 'cache.json'])).toBe(fresh);
  expect(await report(dir, ['--cache-location', 'cache.json'])).toBe(fresh);
  expect(JSON.parse(readFileSync(path.join(dir, 'cache.json'), 'utf8')).format).toBe('vtaplint-result-cache/1');
  // A FIFO (reading it would wait for a writer forever), a file given as a folder (ENOTDIR).
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  for (const [given, why] of [['fifo', 'it is not a regular file'], ['tap.json/cache', 'ENOTDIR']] as const) {
    const r = await cli(['-j', '1', '-f', 'json', '--cache-location', given, '.'], dir);
    expect(r.code, given).toBe(1);
    expect(JSON.parse(r.stdout).notifications, given).toEqual([expect.objectContaining({ level: 'warning', message: `cannot write the result cache: ${why} (the next run lints every file again)` })]);
    expect(JSON.parse(r.stdout).findings, given).toEqual(JSON.parse(fresh).findings);
  }
  expect(statSync(path.join(dir, 'fifo')).isFIFO()).toBe(true);
});

test('the usage of --cache', async () => {
  expect((await cli(['--cache-location', '', '.'])).stderr).toContain('option --cache-location needs a file or folder');
  expect((await cli(['eval', 'x.json', '--cache'])).stderr).toContain('eval does not take --cache');
  expect((await cli(['eval', 'x.json', '--no-cache'])).stderr).toContain('eval does not take --no-cache');
  expect((await cli(['--list-rules', '--cache'])).stderr).toContain('--list-rules does not take --cache');
});

// Every fixture folder, each file in turn changed (cut to half its length) or deleted: a run with
// the cache made before the change reports exactly what a run without it reports. A result kept
// for a file whose lint read the changed file, and did not note it, would show here.
const FIXTURES = path.join(REPO, 'fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

// The copies are made once and left to settle (two seconds unchanged, src/load/read.ts
// SETTLED_MS), as a repository at rest is: the files a change leaves as they were are then taken
// from their signatures, without being read, next to the one that changed.
const FIXTURE_NAMES = readdirSync(FIXTURES).filter((n) => statSync(path.join(FIXTURES, n)).isDirectory());
const settled = mkdtempSync(path.join(tmpdir(), 'vtaplint-cache-fixture-'));
beforeAll(async () => {
  for (const name of FIXTURE_NAMES) cpSync(path.join(FIXTURES, name), path.join(settled, name, name), { recursive: true });
  await new Promise((resolve) => setTimeout(resolve, 2200));
}, 60_000);
afterAll(() => rmSync(settled, { recursive: true, force: true }));

for (const name of FIXTURE_NAMES) {
  test(`fixtures/${name}: after each file changes, the cached run reports what a fresh run does`, async () => {
    const dir = path.join(settled, name);
    const work = path.join(dir, name);
    const cacheFile = path.join(dir, 'cache');
    const run = async (cached: boolean) => (await cli(['-j', '1', '-f', 'json', ...(cached ? ['--cache-location', cacheFile] : []), '.'], work)).stdout;
    const original = await run(true);
    expect(await run(true)).toBe(original);
    for (const [i, f] of filesUnder(work).entries()) {
      const text = readFileSync(f);
      if (i % 2 === 0) rmSync(f);
      else writeFileSync(f, text.subarray(0, text.length >> 1));
      const fresh = await run(false);
      expect(await run(true), `${path.relative(work, f)} ${i % 2 === 0 ? 'deleted' : 'cut'}`).toBe(fresh);
      writeFileSync(f, text);
    }
    expect(await run(true)).toBe(original);
  }, 120_000);
}

test('a --parameters file read once for many templates is an input of each of them', async () => {
  const dir = folder({ 'a/tap.json': TAP('antarctica'), 'b/tap.json': TAP('antarctica'), 'shared.json': '{"parameters": {"location": {"value": "mars"}}}' });
  const run = async () => {
    const r = await lint(['a', 'b'], { root: dir, cwd: dir, rules: RULES, jobs: 1, parameterFiles: [path.join(dir, 'shared.json')], cache: { ...inFolder(dir), tool: 'test' } });
    return { hits: r.cache?.hits, messages: r.findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => `${path.relative(dir, f.location.file.path)}: ${f.message}`) };
  };
  const first = await run();
  expect(first.messages.filter((m) => m.includes("'mars'"))).toHaveLength(2);
  expect((await run()).hits).toBe(2);
  writeFileSync(path.join(dir, 'shared.json'), '{"parameters": {"location": {"value": "venus"}}}');
  const changed = await run();
  // Both templates took the file from one read (ParameterFileReads): both read it.
  expect(changed.hits).toBe(0);
  expect(changed.messages.filter((m) => m.includes("'venus'"))).toHaveLength(2);
});

test('JSON compiled from a Bicep file is linted again once the Bicep file no longer matches it', async () => {
  const bicep = (param: string) => `param location string = 'westeurope'\n${param}\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'web-tap'\n  location: location\n  properties: {}\n}\n`;
  const json = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'bicep', version: '0.30.23.60470', templateHash: '1' } },
    parameters: { location: { type: 'string', defaultValue: 'antarctica' } },
    resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'web-tap', location: "[parameters('location')]", properties: {} }],
  });
  const dir = folder({ 'infra/main.bicep': bicep(''), 'build/main.json': json });
  const fresh = await report(dir);
  expect(fresh).not.toContain('antarctica');
  expect(await report(dir, ['--cache'])).toBe(fresh);
  // Another parameter in the source: build/main.json is no longer its compilation, and is linted.
  writeFileSync(path.join(dir, 'infra/main.bicep'), bicep("param extra string = 'x'"));
  const changed = await report(dir);
  expect(changed).toContain('antarctica');
  expect(await report(dir, ['--cache'])).toBe(changed);
});

test('with worker threads, the workers record what their files read and the results are kept', async () => {
  const files: Record<string, string> = { 'modules/tap.bicep': MODULE('antarctica') };
  for (let i = 0; i < 20; i++) files[`t${i}/tap.json`] = TAP(i % 2 ? 'antarctica' : 'westeurope');
  for (let i = 0; i < 4; i++) files[`m${i}/main.bicep`] = MAIN.replace('modules/', '../modules/');
  const dir = folder(files);
  // The bundled worker (npm test builds it first), as the CLI starts it.
  const workerUrl = pathToFileURL(path.join(REPO, 'bin/worker.cjs'));
  const run = (jobs: number) => lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs, workerUrl, cache: { ...inFolder(dir), tool: 'test' } });
  const summary = (r: Awaited<ReturnType<typeof run>>) => r.findings.map((f) => `${path.relative(dir, f.location.file.path)}:${f.location.region.start.line} ${f.ruleId} ${f.fingerprint} ${f.message}`);
  const first = await run(2);
  const second = await run(1);
  expect(second.cache?.misses).toBe(0);
  expect(summary(second)).toEqual(summary(first));
  writeFileSync(path.join(dir, 'modules/tap.bicep'), MODULE('westeurope'));
  const third = await run(2);
  // The module, and the four files that deploy it, are linted again: their workers noted it.
  expect(third.cache?.misses).toBe(5);
  const fresh = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1 });
  expect(summary(third)).toEqual(summary(fresh));
  expect(summary(third)).not.toEqual(summary(first));
});

test('a run over part of the folder keeps the other files\u2019 results; a deleted file\u2019s result goes; a file named and found keeps both', async () => {
  const dir = folder({ 'a/tap.json': TAP('antarctica'), 'b/tap.json': TAP('mars'), 'c/tap.json': TAP('venus') });
  const file = path.join(dir, '.vtaplintcache', 'results');
  const kept = () => (Object.values((JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { path: string; explicit: boolean }> }).entries).map((e) => `${path.relative(dir, e.path)} ${e.explicit ? 'named' : 'found'}`).sort());
  await lintIn(dir, true);
  expect(kept()).toEqual(['a/tap.json found', 'b/tap.json found', 'c/tap.json found']);
  // A pre-commit hook names the staged file (--context): its named result is kept beside the found one.
  const named = await lintIn(dir, true, ['a/tap.json']);
  expect(named.cache).toMatchObject({ hits: 0, misses: 1 });
  expect(kept()).toEqual(['a/tap.json found', 'a/tap.json named', 'b/tap.json found', 'c/tap.json found']);
  expect((await lintIn(dir, true, ['a/tap.json'])).cache).toMatchObject({ hits: 1, misses: 0 });
  expect((await lintIn(dir, true)).cache).toMatchObject({ hits: 3, misses: 0 });
  rmSync(path.join(dir, 'c'), { recursive: true });
  writeFileSync(path.join(dir, 'b/tap.json'), TAP('pluto'));
  expect((await lintIn(dir, true, ['b'])).cache).toMatchObject({ hits: 0, misses: 1 });
  expect(kept()).toEqual(['a/tap.json found', 'a/tap.json named', 'b/tap.json found']);
});

test('a hook run (--context . with the staged files) reports the same with the cache, and lints only what changed', async () => {
  const dir = folder({ 'main.bicep': MAIN, 'modules/tap.bicep': MODULE('antarctica'), 'arm/tap.json': TAP('mars'), 'other/tap.json': TAP('venus') });
  const hook = (staged: string[], cache: boolean) => cli(['-j', '1', '-f', 'json', '--context', '.', ...(cache ? ['--cache'] : []), ...staged], dir);
  for (const staged of [['modules/tap.bicep'], ['arm/tap.json'], ['modules/tap.bicep', 'other/tap.json']]) {
    const fresh = await hook(staged, false);
    const cached = await hook(staged, true);
    expect(cached.stdout, staged.join(' ')).toBe(fresh.stdout);
    expect(cached.code).toBe(fresh.code);
  }
  writeFileSync(path.join(dir, 'modules/tap.bicep'), MODULE('westeurope'));
  // As the CLI runs it, with the CLI's identity of this build.
  const r = await lint(['modules/tap.bicep'], { root: dir, cwd: dir, rules: RULES, jobs: 1, context: dir, cache: { ...inFolder(dir), tool: toolIdentity(VERSION) } });
  // The module (named) and main.bicep, which deploys it, are linted again; the two templates are not.
  expect(r.cache).toMatchObject({ hits: 2, misses: 2 });
  expect((await hook(['modules/tap.bicep'], true)).stdout).toBe((await hook(['modules/tap.bicep'], false)).stdout);
});

test('a cache file is data: a question about a file outside the lint root is not asked again, even with its right answer', async () => {
  const outside = folder({ 'secret.txt': 'not for vtaplint' });
  const dir = folder({ 'tap.json': TAP('antarctica') });
  const file = path.join(dir, '.vtaplintcache', 'results');
  await lintIn(dir, true);
  const secret = path.join(outside, 'secret.txt');
  const answer = readAnswer(readSource(secret, 'other'));
  for (const input of [
    { kind: 'readAnywhere', args: [secret, 1e9], answer },
    // The right answer under another root ('/'), which would let it be read.
    { kind: 'read', args: [secret, '/', 1e9], answer },
    { kind: 'exists', args: [secret], answer: 't' },
  ]) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { inputs: unknown[] }> };
    for (const e of Object.values(data.entries)) e.inputs.push(input);
    writeFileSync(file, JSON.stringify(data));
    // Not asked: the result is linted again (and kept without the question).
    expect((await lintIn(dir, true)).cache?.hits, input.kind).toBe(0);
    expect((await lintIn(dir, true)).cache?.hits).toBe(1);
  }
});

test('through a lint root that is a symbolic link, a file that is a link inside it is taken from the cache', async () => {
  const real = folder({ 'real/tap.json': TAP('antarctica') });
  symlinkSync(path.join(real, 'real/tap.json'), path.join(real, 'tap.json'));
  const parent = mkdtempSync(path.join(tmpdir(), 'vtaplint-cache-link-'));
  made.push(parent);
  const root = path.join(parent, 'root');
  symlinkSync(real, root);
  const run = () => lint(['tap.json'], { root, cwd: root, rules: RULES, jobs: 1, cache: { file: path.join(parent, 'cache'), tool: 'test' } });
  const first = await run();
  expect(first.findings.some((f) => f.message.includes('antarctica'))).toBe(true);
  // The link is read at its real path, under the root's real path: a question this run asks too.
  expect((await run()).cache).toMatchObject({ hits: 1, misses: 0 });
  writeFileSync(path.join(real, 'real/tap.json'), TAP('mars'));
  const changed = await run();
  expect(changed.cache).toMatchObject({ hits: 0, misses: 1 });
  expect(changed.findings.some((f) => f.message.includes('mars'))).toBe(true);
});
