// Makes test/data/gitignore-git-cases.json, the answers of real git for the .gitignore matcher's
// test (test/discover/gitignore-match.test.ts): random patterns (stars, `?`, sets with ranges,
// classes and negation, escapes, `**`, slashes, spaces, UTF-8), paths made from them and at
// random, created in a scratch repository and given to `git check-ignore --no-index`.
//   node scripts/gitignore-cases.mjs [cases] [out.json] [seed] [scratch folder]
// (the committed table: 700 cases, seed 12345, git 2.39). Not run by the tests, which need no git.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let seed = Number(process.argv[4] ?? 12345);
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rnd() * a.length)];

const ATOMS = ['a', 'b', 'c', '.', '-', 'x1', '*', '*', '*', '**', '?', '[a-c]', '[!a]', '[^b]', '[]a]', '[[:digit:]]', '[[:upper:]]', '\\*', '\\?', '\\[', 'é', '[a-]', '[--/]', ' ', '\\ '];
function segment() {
  const n = 1 + Math.floor(rnd() * 4);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(ATOMS);
  return s;
}
function pattern() {
  const r = rnd();
  const segs = [];
  const n = r < 0.5 ? 1 : r < 0.8 ? 2 : 3;
  for (let i = 0; i < n; i++) segs.push(rnd() < 0.15 && n > 1 ? '**' : segment());
  let p = segs.join('/');
  if (rnd() < 0.15) p = '/' + p;
  if (rnd() < 0.15) p = p + '/';
  if (rnd() < 0.1) p = '**/' + p;
  return p;
}
// A name made from a pattern: each wildcard replaced by something it may (or may not) match.
const FILL = ['', 'a', 'b', 'ab', 'c', '1', 'A', '.', 'é', 'x.y', '*', '?', '['];
function instantiate(p) {
  let out = p.replace(/^\//, '').replace(/\/$/, '');
  out = out.replace(/\*\*/g, () => pick(['a', 'a/b', 'c']));
  out = out.replace(/\\(.)/g, '$1');
  out = out.replace(/\[[^\]]*\]\]?/g, () => pick(['a', 'b', '1', 'A', '-', ']', 'c']));
  out = out.replace(/\*/g, () => pick(FILL));
  out = out.replace(/\?/g, () => pick(['a', 'é', '1', '']));
  out = out.replace(/ +$/, '');
  return out.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').join('/');
}
function randomPath() {
  const n = 1 + Math.floor(rnd() * 3);
  const segs = [];
  for (let i = 0; i < n; i++) segs.push(pick(['a', 'b', 'ab', 'a.b', 'c1', 'x', 'A', 'é', 'a b', ']', 'a-b', '*', 'q?']));
  return segs.join('/');
}

const root = process.argv[5] ?? path.join(os.tmpdir(), 'vtaplint-gitignore-cases');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
execFileSync('git', ['init', '-q', root]);
execFileSync('git', ['-C', root, 'config', 'core.ignorecase', 'false']);
const cases = [];
const N = Number(process.argv[2] ?? 300);
for (let i = 0; i < N; i++) {
  // Some cases hold several patterns (negations among them) and a nested .gitignore.
  const multi = rnd() < 0.25;
  const lines = [pattern()];
  if (multi) {
    lines.push((rnd() < 0.6 ? '!' : '') + pattern());
    if (rnd() < 0.5) lines.push((rnd() < 0.5 ? '!' : '') + pattern());
  }
  const nested = multi && rnd() < 0.4 ? { dir: pick(['a', 'b', 'a/b']), lines: [(rnd() < 0.5 ? '!' : '') + pattern()] } : undefined;
  const paths = new Set();
  for (const l of lines) for (let k = 0; k < 3; k++) paths.add(instantiate(l.replace(/^!/, '')));
  for (let k = 0; k < 3; k++) paths.add(randomPath());
  const dir = path.join(root, `c${i}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '.gitignore'), lines.join('\n') + '\n');
  if (nested) {
    mkdirSync(path.join(dir, nested.dir), { recursive: true });
    writeFileSync(path.join(dir, nested.dir, '.gitignore'), nested.lines.join('\n') + '\n');
  }
  const entries = [];
  for (const p of paths) {
    if (!p || p.split('/').some((s) => s === '.gitignore')) continue;
    const isDir = rnd() < 0.3;
    const abs = path.join(dir, p);
    try {
      if (isDir) mkdirSync(abs, { recursive: true });
      else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, '');
      }
    } catch {
      continue; // a file where a folder is needed
    }
    entries.push({ path: p, isDir });
  }
  cases.push({ gitignore: lines, nested, entries, dir: `c${i}` });
}
// Ask git: every path at once.
const all = cases.flatMap((c) => c.entries.map((e) => `${c.dir}/${e.path}`));
let out;
try {
  out = execFileSync('git', ['-C', root, 'check-ignore', '--no-index', '--stdin', '-z'], { input: all.join('\0') + '\0', encoding: 'utf8', maxBuffer: 1 << 26 });
} catch (e) {
  out = e.stdout ?? '';
}
const ignored = new Set(out.split('\0').filter(Boolean));
const table = cases.map((c) => ({
  gitignore: c.gitignore,
  ...(c.nested ? { nested: c.nested } : {}),
  paths: c.entries.map((e) => [e.path + (e.isDir ? '/' : ''), ignored.has(`${c.dir}/${e.path}`)]),
}));
const pos = table.reduce((n, c) => n + c.paths.filter((p) => p[1]).length, 0);
const tot = table.reduce((n, c) => n + c.paths.length, 0);
console.error(`${tot} paths, ${pos} ignored`);
writeFileSync(process.argv[3] ?? 'test/data/gitignore-git-cases.json', `[\n${table.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
