// Config globs match like globby's (picomatch), and using them prints nothing on standard error:
// Node's own path.matchesGlob is experimental on Node 20 and 22 and warns on every run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from './helpers.js';
import { matchesGlob, matchesGlobList, tooManyWildcards } from '../src/engine/globs.js';
import picomatch from 'picomatch';
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

  test('a leading "/" anchors the glob at the config folder, as in .gitignore (it matched nothing: paths are relative)', () => {
    // "/legacy/**", written as a .gitignore line would be, left every file in legacy/ linted, silently.
    expect(matchesGlob('legacy/old.json', '/legacy/**')).toBe(true);
    expect(matchesGlobList('legacy/sub/x.json', ['/legacy/'])).toBe(true);
    expect(matchesGlobList('legacy/keep.json', ['/legacy/**', '!/legacy/keep.json'])).toBe(false);
    expect(matchesGlob('env/prod/main.json', '/env/{prod,test}/*.json')).toBe(true);
    // Anchored: not the same name deeper down.
    expect(matchesGlob('apps/legacy/old.json', '/legacy/**')).toBe(false);
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

// picomatch compiles globs to regular expressions, and V8 backtracks: `*a*a*...*c` (12 stars)
// against a 45-character name that does not match took 200 s, from one line of a config in the
// repository being linted. Plain globs (literal text, `*`, `**`, `/`) are matched in linear time
// by vtaplint itself, as picomatch matches them; other globs with many wildcards in one segment
// are a config error.
describe('globs that would backtrack', () => {
  const MANY = '*a*a*a*a*a*a*a*a*a*a*a*a*c';

  test('plain globs match as picomatch matches them (every glob and path of up to three pieces)', () => {
    const globAtoms = ['a', '.', '*', '**', '/', 'x.json'];
    const pathAtoms = ['a', '.', '..', '/', 'x.json', '.a'];
    const words = (atoms: string[]) => {
      const out = [...atoms];
      for (const x of atoms) for (const y of atoms) out.push(x + y);
      for (const x of atoms) for (const y of atoms) for (const z of atoms) out.push(x + y + z);
      return out;
    };
    const paths = words(pathAtoms).filter((p) => !p.startsWith('/') && !p.endsWith('/') && !p.includes('//'));
    const differ: string[] = [];
    for (const g of words(globAtoms)) {
      // A leading '/' anchors the glob at the config folder (the paths are relative to it), as in .gitignore.
      const anchored = g.replace(/^\/+/, '');
      const reference = anchored === '' ? () => false : picomatch(anchored.endsWith('/') ? `${anchored}**` : anchored);
      for (const p of paths) if (matchesGlob(p, g) !== reference(p)) differ.push(`${g} ${p}`);
    }
    expect(differ).toEqual([]);
  });

  test('a glob with many stars matches, or not', () => {
    // Short names: picomatch too would answer these in time (the long one is the CLI test below).
    expect(matchesGlob(`${'a'.repeat(14)}.json`, MANY)).toBe(false);
    expect(matchesGlob(`${'a'.repeat(45)}c`, MANY)).toBe(true);
    expect(matchesGlob('x/aaaaaaaaaaaac', `**/${MANY}`)).toBe(true);
  });

  test('a glob that only picomatch can match, with more than 3 wildcards in one segment, is a config error where it is written', async () => {
    expect(tooManyWildcards(MANY)).toBe(false);
    expect(tooManyWildcards('*a*a*a*?c')).toBe(true);
    expect(tooManyWildcards('legacy/*(a*)*(a*)*(a*)*(a*)c')).toBe(true);
    expect(tooManyWildcards('env/*-*/**/*.{json,bicep}')).toBe(false);
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-globs-'));
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ ignore: ['a.json'], suppressions: [{ rule: 'vtap-supported-region', files: ['x', '*a*a*a*a[bc]'] }] }, null, 2));
    writeFileSync(path.join(dir, 't.json'), readFileSync(path.join(REPO, 'examples/arm-vtap/azuredeploy.json'), 'utf8'));
    const r = await cli(['t.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('vtaplint.config.json:10:9: "suppressions[0].files[1]": the glob \'*a*a*a*a[bc]\' has more than 3 wildcards');
  });

  test('the built CLI with such an ignore glob and a file it does not match ends (real process, time limit)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-globs-'));
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ ignore: [MANY] }));
    writeFileSync(path.join(dir, `${'a'.repeat(45)}.json`), readFileSync(path.join(REPO, 'examples/arm-vtap/azuredeploy.json'), 'utf8'));
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), '.', '-f', 'unix'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.error, 'the command did not finish').toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${'a'.repeat(45)}.json:`);
  });
});
