// Config globs match like globby's (picomatch), and using them prints nothing on standard error:
// Node's own path.matchesGlob is experimental on Node 20 and 22 and warns on every run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from './helpers.js';
import { matchesGlob, matchesGlobList } from '../src/engine/globs.js';
import { cli } from './helpers.js';
import { mkdirSync, readFileSync } from 'node:fs';

describe('config globs', () => {
  test('globstar, braces, single segments', () => {
    expect(matchesGlob('env/prod/a/main.json', 'env/prod/**/*.json')).toBe(true);
    expect(matchesGlob('env/dev/main.json', 'env/prod/**/*.json')).toBe(false);
    expect(matchesGlob('legacy/x.json', 'legacy/*.{json,bicep}')).toBe(true);
    expect(matchesGlob('legacy/sub/x.json', 'legacy/*.json')).toBe(false);
  });

  test('a list is read in order: "!" takes back what the patterns before it matched; "dir/" is the whole folder', () => {
    const list = ['legacy/**', '!legacy/keep.json'];
    expect(matchesGlobList('legacy/old.json', list)).toBe(true);
    expect(matchesGlobList('legacy/keep.json', list)).toBe(false);
    expect(matchesGlobList('main.json', list)).toBe(false);
    // A negation alone matches nothing; a later pattern can match again.
    expect(matchesGlobList('main.json', ['!legacy/**'])).toBe(false);
    expect(matchesGlobList('legacy/keep.json', ['legacy/**', '!legacy/keep.json', '**/keep.json'])).toBe(true);
    // '!(...)' is an extglob, not a negation.
    expect(matchesGlobList('b.json', ['!(a).json'])).toBe(true);
    expect(matchesGlobList('legacy/sub/x.json', ['legacy/'])).toBe(true);
    expect(matchesGlobList('legacy.json', ['legacy/'])).toBe(false);
  });

  test('ignore with a negation lints the files taken back, and only those (not every file outside the first pattern)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-globs-'));
    const bad = readFileSync(path.join(REPO, 'test/data/unsupported-region.json'), 'utf8');
    mkdirSync(path.join(dir, 'legacy'));
    for (const f of ['main.json', 'legacy/old.json', 'legacy/keep.json']) writeFileSync(path.join(dir, f), bad);
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ ignore: ['legacy/**', '!legacy/keep.json'] }));
    const r = await cli(['.', '--format', 'json'], dir);
    const files = new Set((JSON.parse(r.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file));
    expect([...files].sort()).toEqual(['legacy/keep.json', 'main.json']);
  });

  test('a run with ignore, parameters and suppressions globs writes nothing to stderr (built CLI, real process)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-globs-'));
    cpSync(path.join(REPO, 'examples/arm-vtap'), path.join(dir, 'arm'), { recursive: true });
    writeFileSync(path.join(dir, 'skip.json'), '{ broken');
    writeFileSync(path.join(dir, 'prod.parameters.json'), JSON.stringify({ parameters: { location: { value: 'eastus' } } }));
    const config = {
      ignore: ['skip.json'],
      parameters: [{ files: 'arm/**/*.json', parameterFile: 'prod.parameters.json' }],
      suppressions: [{ rule: 'vtap-supported-region', files: 'arm/*.json', reason: 'tested elsewhere' }],
    };
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify(config));
    for (const args of [['.'], ['eval', 'arm/azuredeploy.json'], ['graph', 'arm/azuredeploy.json']]) {
      const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.js'), ...args], { cwd: dir, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status === 0 || r.status === 1).toBe(true);
    }
  });
});
