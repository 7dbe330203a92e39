// The built CLI runs its bundle through V8's code cache (bin/run-bundle.cjs). Checked on a copy of
// bin/ and dist/ in a temporary folder (npm test builds dist/ first), so other tests' runs do not
// share its cache: the first run writes the cache, later runs use it and say the same, a damaged or
// foreign cache is never trusted, and VTAPLINT_NO_CODE_CACHE turns it off.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { REPO } from './helpers.js';

const pkg = mkdtempSync(path.join(tmpdir(), 'vtaplint-code-cache-'));
afterAll(() => rmSync(pkg, { recursive: true, force: true }));
for (const f of ['bin/vtaplint.js', 'bin/vtaplint.cjs', 'bin/run-bundle.cjs', 'bin/worker.cjs', 'dist/vtaplint.cjs', 'dist/worker.cjs', 'package.json']) {
  mkdirSync(path.dirname(path.join(pkg, f)), { recursive: true });
  copyFileSync(path.join(REPO, f), path.join(pkg, f));
}
const cacheDir = path.join(pkg, 'dist', '.cache');

function run(env: Record<string, string> = {}, args = [path.join(REPO, 'examples'), '--format', 'json', '--jobs', '1'], bin = 'bin/vtaplint.js') {
  const r = spawnSync(process.execPath, [path.join(pkg, bin), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, VTAPLINT_NO_CODE_CACHE: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { findings: unknown[] };
  return JSON.stringify(out.findings);
}
const caches = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.startsWith('vtaplint-')) : []);

test('VTAPLINT_NO_CODE_CACHE: no cache is written', () => {
  run({ VTAPLINT_NO_CODE_CACHE: '1' });
  expect(caches()).toEqual([]);
});

test('a run over many files leaves the CLI cache to a smaller run (its cache would slow one-file runs)', () => {
  run({}, [path.join(REPO, 'fixtures'), '--format', 'json', '--jobs', '1']);
  expect(caches()).toEqual([]);
});

test('the first run writes a cache named for this bundle and Node; the next run uses it and reports the same', () => {
  const first = run();
  const written = caches();
  expect(written).toHaveLength(1);
  const buildId = /vtaplint-build ([0-9a-f]{16})/.exec(readFileSync(path.join(pkg, 'dist/vtaplint.cjs'), 'utf8'))?.[1];
  expect(written[0]).toBe(`vtaplint-${buildId}-${process.version}-${process.arch}.v8`);
  const bytes = readFileSync(path.join(cacheDir, written[0]!));
  expect(run()).toBe(first);
  // Accepted, so not written again.
  expect(readFileSync(path.join(cacheDir, written[0]!)).equals(bytes)).toBe(true);
});

test('a damaged cache is rejected by V8 and written again; the run is unaffected', () => {
  const expected = run({ VTAPLINT_NO_CODE_CACHE: '1' });
  const [name] = caches();
  writeFileSync(path.join(cacheDir, name!), Buffer.alloc(4096, 7));
  expect(run()).toBe(expected);
  expect(readFileSync(path.join(cacheDir, name!)).equals(Buffer.alloc(4096, 7))).toBe(false);
});

test('a cache of another build is never read, and is removed when this build writes its own', () => {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir);
  const stale = `vtaplint-0123456789abcdef-${process.version}-${process.arch}.v8`;
  writeFileSync(path.join(cacheDir, stale), Buffer.alloc(4096, 1));
  const expected = run({ VTAPLINT_NO_CODE_CACHE: '1' });
  expect(run()).toBe(expected);
  expect(caches()).not.toContain(stale);
  expect(caches()).toHaveLength(1);
});

test('a small run that used a part the cache was not made with (the Bicep front end after an ARM run) writes it again with both; then neither writes it', () => {
  rmSync(cacheDir, { recursive: true, force: true });
  const arm = [path.join(REPO, 'examples/arm-vtap/azuredeploy.json'), '--format', 'json'];
  const bicep = [path.join(REPO, 'examples/bicep-vtap/main.bicep'), '--format', 'json'];
  const header = () => {
    const [name] = caches();
    const bytes = readFileSync(path.join(cacheDir, name!));
    return { bytes, header: bytes.toString('latin1', 0, bytes.indexOf(10)) };
  };
  const armReport = run({}, arm);
  const first = header();
  expect(first.header).toBe('vtaplint-code-cache parts=format:json,json');
  const bicepReport = run({}, bicep);
  const second = header();
  expect(second.header).toBe('vtaplint-code-cache parts=bicep,format:json,json');
  // It holds what the ARM run compiled and what the Bicep run added.
  expect(second.bytes.length).toBeGreaterThan(first.bytes.length);
  expect(run({}, arm)).toBe(armReport);
  expect(run({}, bicep)).toBe(bicepReport);
  expect(header().bytes.equals(second.bytes)).toBe(true);
});

test('worker threads save their own cache when told to stop', () => {
  run({}, [path.join(REPO, 'fixtures'), '--format', 'json', '--jobs', '2']);
  expect(readdirSync(cacheDir).filter((f) => f.startsWith('worker-'))).toHaveLength(1);
});

test('the `vtaplint` command (bin/vtaplint.cjs, no ES module loader) reports the same and shares the cache', () => {
  const before = caches();
  const expected = run({ VTAPLINT_NO_CODE_CACHE: '1' });
  expect(run({}, undefined, 'bin/vtaplint.cjs')).toBe(expected);
  expect(caches()).toEqual(before);
  expect(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).bin).toEqual({ vtaplint: 'bin/vtaplint.cjs' });
});
