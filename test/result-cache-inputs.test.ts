// The result cache keeps a file's result only with every question its lint asked of the file
// system (src/model/inputs.ts). This spies on node:fs while each fixture file is linted alone with
// --cache, and checks that every path its lint touched is one its kept inputs name (or a folder
// above one: a real path is found folder by folder). A new read that does not go through the
// noted functions (src/load/read.ts, existsListed) would show here.
import { afterAll, expect, test } from 'vitest';
import fs, { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './helpers.js';
import { lint } from '../src/engine/lint.js';
import { RULES } from '../rules/index.js';
import { recording } from '../src/model/inputs.js';

const touched: string[] = [];
const spied = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
const originals: [string, unknown][] = [];
for (const name of ['openSync', 'readFileSync', 'existsSync', 'statSync', 'lstatSync', 'readdirSync', 'realpathSync']) {
  const original = spied[name] as (...args: unknown[]) => unknown;
  originals.push([name, original]);
  const spy = function (this: unknown, ...args: unknown[]) {
    if (recording() && typeof args[0] === 'string') touched.push(path.resolve(args[0]));
    return original.apply(this, args);
  };
  if (name === 'realpathSync') {
    const native = (original as unknown as { native: (...a: unknown[]) => unknown }).native;
    Object.assign(spy, {
      native: (...args: unknown[]) => {
        if (recording() && typeof args[0] === 'string') touched.push(path.resolve(args[0]));
        return native(...args);
      },
    });
  }
  spied[name] = spy;
}
syncBuiltinESMExports();

const scratch = mkdtempSync(path.join(tmpdir(), 'vtaplint-cache-inputs-'));
afterAll(() => {
  for (const [name, original] of originals) spied[name] = original as (...args: unknown[]) => unknown;
  syncBuiltinESMExports();
  rmSync(scratch, { recursive: true, force: true });
});

test('every path a file lint touches is among the inputs kept with its result', async () => {
  const fixtures = path.join(REPO, 'fixtures');
  const files = readdirSync(fixtures, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(json|jsonc|bicep|bicepparam)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  expect(files.length).toBeGreaterThan(300);
  const uncovered: string[] = [];
  let checked = 0;
  for (const [i, file] of files.entries()) {
    const cache = path.join(scratch, `cache-${i}`);
    touched.length = 0;
    await lint([file], { root: fixtures, cwd: fixtures, rules: RULES, jobs: 1, cache: { file: cache, tool: 'test' } });
    let data: { entries: Record<string, { inputs: { args: (string | number)[] }[] }> };
    try {
      data = JSON.parse(readFileSync(cache, 'utf8')) as typeof data;
    } catch {
      continue; // nothing kept (a file that is not linted)
    }
    const named = Object.values(data.entries).flatMap((e) => e.inputs.map((i) => i.args[0])).filter((a): a is string => typeof a === 'string' && path.isAbsolute(a));
    for (const t of new Set(touched)) {
      checked++;
      if (!named.some((n) => n === t || n.startsWith(t + path.sep))) uncovered.push(`${path.relative(fixtures, file)}: ${t}`);
    }
  }
  expect(checked).toBeGreaterThan(300);
  expect(uncovered).toEqual([]);
}, 300_000);
