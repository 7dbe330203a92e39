// Discovery honours .gitignore files the way git does: checked against git itself, on a tree with
// nested ignore files, negations, directory and file patterns, and folder names with glob syntax.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { discover } from '../src/discover/discover.js';

const files: Record<string, string> = {
  '.gitignore': 'build/\n*.gen.json\n!keep.gen.json\n/rootonly.json\n',
  'a.json': '{}',
  'rootonly.json': '{}',
  'x.gen.json': '{}',
  'keep.gen.json': '{}',
  'build/t.json': '{}',
  'sub/rootonly.json': '{}',
  'sub/.gitignore': 'local.bicep\n*.bicepparam\n!main.bicepparam\n',
  'sub/local.bicep': '',
  'sub/main.bicep': '',
  'sub/main.bicepparam': '',
  'sub/other.bicepparam': '',
  'sub/deep/local.bicep': '',
  'sub/deep/y.gen.json': '{}',
  'odd [dir] {x}/t.json': '{}',
  'odd [dir] {x}/.gitignore': 'skip.json\n',
  'odd [dir] {x}/skip.json': '{}',
  '.hidden/t.json': '{}',
  'node_modules/m/t.json': '{}',
};

test('the files found are the ones git does not ignore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-discover-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const gitSees = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(json|jsonc|bicep|bicepparam)$/.test(f) && !f.startsWith('.') && !f.startsWith('node_modules/'));
  const found = (await discover(['.'], dir)).files.map((f) => path.relative(dir, f.path).replaceAll(path.sep, '/'));
  expect(found.sort()).toEqual(gitSees.sort());
  // What git ignores here, spelled out (so a change in git's own output cannot hide a regression).
  for (const ignored of ['rootonly.json', 'x.gen.json', 'build/t.json', 'sub/local.bicep', 'sub/deep/local.bicep', 'sub/deep/y.gen.json', 'sub/other.bicepparam', 'odd [dir] {x}/skip.json']) {
    expect(found).not.toContain(ignored);
  }
  for (const kept of ['a.json', 'keep.gen.json', 'sub/rootonly.json', 'sub/main.bicep', 'sub/main.bicepparam', 'odd [dir] {x}/t.json']) expect(found).toContain(kept);
});

test('a folder or glob inside a git working tree: the .gitignore files of the folders above it apply too, as for git', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-discover-above-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const rel = (root: string, found: { path: string }[]) => found.map((f) => path.relative(root, f.path).replaceAll(path.sep, '/')).sort();
  // Not a working tree yet: only the ignore files inside the folder named count.
  expect(rel(dir, (await discover(['sub/deep'], dir)).files)).toEqual(['sub/deep/local.bicep', 'sub/deep/y.gen.json']);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const gitSees = (sub: string) =>
    execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', sub], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(json|jsonc|bicep|bicepparam)$/.test(f))
      .sort();
  // sub/deep holds no .gitignore: the top's `*.gen.json` and sub's `local.bicep` ignore all it has.
  expect(gitSees('sub/deep')).toEqual([]);
  expect(rel(dir, (await discover(['sub/deep'], dir)).files)).toEqual([]);
  expect(rel(dir, (await discover(['.'], path.join(dir, 'sub/deep'))).files)).toEqual([]);
  // sub holds one: both its own patterns and the top's apply (the top's `*.gen.json`, `build/`).
  expect(rel(dir, (await discover(['sub'], dir)).files)).toEqual(gitSees('sub'));
  expect(rel(dir, (await discover(['sub'], dir)).files)).toEqual(['sub/main.bicep', 'sub/main.bicepparam', 'sub/rootonly.json']);
  // A glob whose search starts below the top (outside the current folder) as well.
  expect(rel(dir, (await discover([path.join(dir, 'sub', '**', '*.bicep')], path.join(dir, 'odd [dir] {x}'))).files)).toEqual(['sub/main.bicep']);
  // A folder the top ignores as a whole (`build/`), named on the command line, is linted as asked;
  // the top's patterns for what is inside it do not hide its files either (git ignores it all).
  writeFileSync(path.join(dir, 'build/u.gen.json'), '{}');
  expect(gitSees('build')).toEqual([]);
  expect(rel(dir, (await discover(['build'], dir)).files)).toEqual(['build/t.json', 'build/u.gen.json']);
  expect(rel(dir, (await discover([path.join(dir, 'build', '*.json')], path.join(dir, 'sub'))).files)).toEqual(['build/t.json', 'build/u.gen.json']);
});

test('a folder without .gitignore files is walked to the same files globby finds', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-walk-'));
  const tree: Record<string, string> = {
    'a.json': '{}',
    'b.JSON': '{}',
    'c.bicep': '',
    'd.bicepparam': '',
    'e.jsonc': '{}',
    'f.txt': '',
    'json': '',
    '.dot.json': '{}',
    '.hidden/h.json': '{}',
    'node_modules/m/n.json': '{}',
    'deep/er/x.y.json': '{}',
    'odd [dir] {x}/t.bicep': '',
    'dir.json/inner.json': '{}',
  };
  for (const [rel, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  // Links are neither followed nor listed.
  symlinkSync(path.join(dir, 'a.json'), path.join(dir, 'link.json'));
  symlinkSync(path.join(dir, 'deep'), path.join(dir, 'linked-dir'));
  const { globbySync } = await import('globby');
  const oracle = globbySync('**/*.{json,jsonc,bicep,bicepparam}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], dot: false, followSymbolicLinks: false, onlyFiles: true });
  const found = (await discover(['.'], dir)).files.map((f) => f.path);
  expect(found).toEqual(oracle.map((f) => path.normalize(f)).sort());
  expect(found.map((f) => path.relative(dir, f).replaceAll(path.sep, '/'))).toEqual(['a.json', 'c.bicep', 'd.bicepparam', 'deep/er/x.y.json', 'dir.json/inner.json', 'e.jsonc', 'odd [dir] {x}/t.bicep']);
});

test('a glob finds the same files written relative or absolute, inside the current folder or outside it; .gitignore files apply', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-globs-'));
  for (const [rel, text] of Object.entries({ '.gitignore': 'infra/gen-*.json\n', 'infra/a.json': '{}', 'infra/gen-b.json': '{}', 'odd [dir]/c.json': '{}', 'other/d.json': '{}' })) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const rel = async (args: string[], cwd: string) => {
    const r = await discover(args, cwd);
    return { files: r.files.map((f) => path.relative(dir, f.path).replaceAll(path.sep, '/')), missing: r.missing };
  };
  // An absolute glob inside the current folder matched nothing ("no files match").
  for (const glob of ['infra/*.json', path.join(dir, 'infra/*.json')]) expect(await rel([glob], dir)).toEqual({ files: ['infra/a.json'], missing: [] });
  // From elsewhere: the search starts at the folder before the wildcard (the .gitignore above it is not read).
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'vtaplint-elsewhere-'));
  expect(await rel([path.join(dir, 'infra/*.json')], elsewhere)).toEqual({ files: ['infra/a.json', 'infra/gen-b.json'], missing: [] });
  // A folder named like a glob is taken as written before the wildcard.
  expect(await rel([path.join(dir, 'odd [dir]/*.json')], dir)).toEqual({ files: ['odd [dir]/c.json'], missing: [] });
  expect(await rel(['**/d.json'], dir)).toEqual({ files: ['other/d.json'], missing: [] });
});
