// The result cache takes a file's read from its signature (src/load/read.ts fileSignature: device,
// inode, size, modification and change times) when the file is found unchanged, without reading
// it again; and a file changed in any way that keeps its size and modification time (cp -p, tar,
// rsync -t, a write within the same tick) is still read again: its change time moved.
import { afterAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs, { copyFileSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { cli, workspace } from './helpers.js';
import { lint } from '../src/engine/lint.js';
import { RULES } from '../rules/index.js';

// Every file opened by path (the fast path opens none of the linted files).
const opened: string[] = [];
const spied = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
const original = spied.openSync as (...args: unknown[]) => unknown;
spied.openSync = function (this: unknown, ...args: unknown[]) {
  if (typeof args[0] === 'string') opened.push(path.resolve(args[0]));
  return original.apply(this, args);
};
syncBuiltinESMExports();

const MODULE = (location: string) => `param location string = '${location}'
resource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = {
  name: 'tap'
  location: location
  properties: {}
}
`;

const TAP = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "type": "string" } },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworkTaps", "apiVersion": "2023-09-01", "name": "tap", "location": "[parameters('location')]", "properties": {} }
  ]
}
`;

/** Gives `file` the modification time of `reference` to the nanosecond (as cp -p does; Node's utimes rounds). */
function setTimes(file: string, reference: string): void {
  execFileSync('touch', ['-m', '-r', reference, file]);
}

const PARAMS = (location: string) => `{"parameters": {"location": {"value": "${location}"}}}\n`;

const dir = workspace(
  {
    'main.bicep': "module tap 'modules/tap.bicep' = {\n  name: 'tap'\n}\n",
    'modules/tap.bicep': MODULE('antarctica'),
    'arm/tap.json': TAP,
    'arm/tap.parameters.json': PARAMS('pluto'),
  },
  'vtaplint-signature-',
);
const cacheFile = path.join(dir, 'cache');
afterAll(() => {
  spied.openSync = original;
  syncBuiltinESMExports();
  rmSync(dir, { recursive: true, force: true });
});

const cachedLint = () => lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1, cache: { file: cacheFile, tool: 'test' } });
const report = async (cached: boolean) => (await cli(['-j', '1', '-f', 'json', ...(cached ? ['--cache-location', cacheFile] : []), '.'], dir)).stdout;
const linted = () => opened.filter((p) => p.startsWith(dir) && p !== cacheFile && !p.startsWith(`${cacheFile}.`));

test('files changed just before they are read keep no signature: their reads are asked again', async () => {
  // Written a moment ago: not settled (a write within the same tick could keep the times).
  await cachedLint();
  const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { inputs: { kind: string; stat?: string }[] }> };
  const reads = Object.values(data.entries).flatMap((e) => e.inputs.filter((i) => i.kind === 'read' || i.kind === 'readAnywhere'));
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.filter((i) => i.stat !== undefined)).toEqual([]);
  opened.length = 0;
  expect((await cachedLint()).cache).toMatchObject({ hits: 4, misses: 0 });
  expect(linted().length).toBeGreaterThan(0);
});

test('settled files unchanged since: their reads are answered from their signatures, without opening them', { timeout: 20_000 }, async () => {
  // Settled: changed more than two seconds before the read (SETTLED_MS).
  await new Promise((resolve) => setTimeout(resolve, 2200));
  rmSync(cacheFile, { force: true });
  await cachedLint();
  const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { inputs: { kind: string; args: (string | number)[]; stat?: string }[] }> };
  const reads = Object.values(data.entries).flatMap((e) => e.inputs.filter((i) => i.kind === 'read'));
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.every((i) => typeof i.stat === 'string')).toBe(true);
  opened.length = 0;
  expect((await cachedLint()).cache).toMatchObject({ hits: 4, misses: 0 });
  expect(linted()).toEqual([]);
});

test('a file rewritten with the same size and modification time, or replaced by another, is read again', { timeout: 20_000 }, async () => {
  const fresh = await report(false);
  expect(await report(true)).toBe(fresh);
  expect(fresh).toContain('antarctica');
  // cp -p, tar, rsync -t: other bytes, the same size, the modification time set back.
  const module = path.join(dir, 'modules/tap.bicep');
  const before = statSync(module);
  copyFileSync(module, `${module}.ref`);
  setTimes(`${module}.ref`, module);
  writeFileSync(module, MODULE('arctic-ocn'));
  expect(statSync(module).size).toBe(before.size);
  setTimes(module, `${module}.ref`);
  expect(statSync(module).mtimeMs).toBe(before.mtimeMs);
  const changed = await report(false);
  expect(changed).toContain('arctic-ocn');
  expect(await report(true)).toBe(changed);
  // Another file of the same size moved into the parameters file's place (a new inode).
  const params = path.join(dir, 'arm/tap.parameters.json');
  const old = statSync(params);
  writeFileSync(`${params}.new`, PARAMS('venus'));
  setTimes(`${params}.new`, params);
  renameSync(`${params}.new`, params);
  expect([statSync(params).size, statSync(params).mtimeMs]).toEqual([old.size, old.mtimeMs]);
  const moved = await report(false);
  expect(moved).toContain('venus');
  expect(await report(true)).toBe(moved);
});
