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

test('a folder below the lint root: the .gitignore files of the folders above it, up to the root, apply too', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-discover-above-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  writeFileSync(path.join(dir, 'build/u.gen.json'), '{}');
  const rel = (found: { path: string }[]) => found.map((f) => path.relative(dir, f.path).replaceAll(path.sep, '/')).sort();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const gitSees = (sub: string) =>
    execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', sub], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(json|jsonc|bicep|bicepparam)$/.test(f))
      .sort();
  // sub/deep holds no .gitignore: the top's `*.gen.json` and sub's `local.bicep` leave out all it has.
  expect(gitSees('sub/deep')).toEqual([]);
  expect(rel((await discover(['sub/deep'], dir)).files)).toEqual([]);
  // sub holds one: its own patterns and the top's apply (the top's `*.gen.json`, `/rootonly.json` not).
  expect(rel((await discover(['sub'], dir)).files)).toEqual(gitSees('sub'));
  expect(rel((await discover(['sub'], dir)).files)).toEqual(['sub/main.bicep', 'sub/main.bicepparam', 'sub/rootonly.json']);
  // Nothing above the lint root is read: with sub as the root, only sub's own ignore files apply.
  expect(rel((await discover(['.'], path.join(dir, 'sub'))).files)).toEqual(['sub/deep/y.gen.json', 'sub/main.bicep', 'sub/main.bicepparam', 'sub/rootonly.json']);
  expect(rel((await discover(['deep'], path.join(dir, 'sub'), path.join(dir, 'sub'))).files)).toEqual(['sub/deep/y.gen.json']);
  // A folder named like a glob is searched from the top with its name escaped.
  expect(rel((await discover(['odd [dir] {x}'], dir)).files)).toEqual(gitSees('odd [dir] {x}'));
  expect(rel((await discover(['odd [dir] {x}'], dir)).files)).toEqual(['odd [dir] {x}/t.json']);
  // A folder the top ignores as a whole (`build/`), named on the command line, is linted as asked.
  expect(gitSees('build')).toEqual([]);
  expect(rel((await discover(['build'], dir)).files)).toEqual(['build/t.json', 'build/u.gen.json']);
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
  // Outside Windows a backslash escapes a glob character, as in globby's patterns ("no files match" before).
  if (path.sep === '/') {
    writeFileSync(path.join(dir, 'other/e[1].json'), '{}');
    writeFileSync(path.join(dir, 'other/e1.json'), '{}');
    expect(await rel(['other/*\\[1\\].json'], dir)).toEqual({ files: ['other/e[1].json'], missing: [] });
    expect(await rel(['oth\\er/e\\[1\\]*'], dir)).toEqual({ files: ['other/e[1].json'], missing: [] });
  }
});

test('a .gitignore pattern with any number of wildcards in one path segment applies as git applies it, without a hang on long names', async () => {
  // These lines were left out (the ignore package behind globby backtracked exponentially on them).
  // What is left out is what git status leaves out of this tree (git 2.39; the 250-character
  // name aside, on which git's own wildmatch runs for minutes: it does not end in c.json).
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-discover-wild-'));
  const a = (n: number) => 'a'.repeat(n);
  const tree: Record<string, string> = {
    '.gitignore': `*x*y*z.json\n*a*a*a*a*a*a*a*a*a*a*a*a*c.json\n\\*a\\*a\\*a\\*a.json\n!${'*a'.repeat(14)}*c.json\n`,
    'sub/.gitignore': 'dir/*q*q*q*q*/\n',
    [`${a(15)}c.json`]: '{}',
    [`${a(12)}c.json`]: '{}',
    [`${a(11)}c.json`]: '{}',
    [`sub/${a(16)}.json`]: '{}',
    [`sub/${a(250)}.json`]: '{}',
    [`sub/${a(13)}c.json`]: '{}',
    'sub/1x2y3z.json': '{}',
    '*a*a*a*a.json': '{}',
    'sub/dir/qqqqq/t.json': '{}',
    'sub/dir/qqq/t.json': '{}',
  };
  for (const [rel, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const rel = (found: { path: string }[]) => found.map((f) => path.relative(dir, f.path).replaceAll(path.sep, '/')).sort();
  const kept = [`${a(11)}c.json`, `${a(15)}c.json`, `sub/${a(16)}.json`, `sub/${a(250)}.json`, 'sub/dir/qqq/t.json'].sort();
  const started = Date.now();
  expect(rel((await discover(['.'], dir)).files)).toEqual(kept);
  // A folder below the root (the top's .gitignore read as one above it), and a glob.
  expect(rel((await discover(['sub'], dir)).files)).toEqual(kept.filter((f) => f.startsWith('sub/')));
  expect(rel((await discover(['**/*.json'], dir)).files)).toEqual(kept);
  expect(Date.now() - started).toBeLessThan(5000);
});
