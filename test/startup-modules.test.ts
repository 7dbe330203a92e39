// A one-file run (a pre-commit hook's) loads none of the Node built-in modules only some runs need
// (src/model/lazy-builtins.ts): each took milliseconds of start-up. Checked on the built CLI, the
// way users run it, with a preload that lists the modules Node loaded when the process exits.
// Fingerprints, hashed only when a report prints them, stay the same as before.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { REPO } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const preload = path.join(dir, 'list-modules.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => require('node:fs').writeSync(2, '\\nMODULES ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13))) + '\\n'));\n",
);
const LAZY = ['crypto', 'zlib', 'worker_threads', 'v8'];
// A template with an error finding: the run reports, and fingerprints are made for it.
const TEMPLATE = path.join(REPO, 'fixtures/vtap-source-vm-size-v6/fail-v6.json');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--require', preload, path.join(REPO, 'bin/vtaplint.cjs'), ...args], { cwd: REPO, encoding: 'utf8' });
  const line = /\nMODULES (.*)\n/.exec(r.stderr);
  expect(line, r.stderr).not.toBeNull();
  return { status: r.status, stdout: r.stdout, modules: JSON.parse((line as RegExpExecArray)[1] as string) as string[] };
}

test('a one-file run with the stylish report loads neither crypto, zlib, worker_threads nor v8', () => {
  const r = run(TEMPLATE);
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('vtap-source-vm-size-v6');
  expect(r.modules.filter((m) => LAZY.includes(m))).toEqual([]);
});

test('a report that prints fingerprints hashes them as before: sha256 of rule, path, resource, text and occurrence', () => {
  const r = run(TEMPLATE, '--format', 'json');
  expect(r.modules).toContain('crypto');
  const doc = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; resource: string | null; fingerprint: string }[] };
  const f = doc.findings.find((x) => x.ruleId === 'vtap-source-vm-size-v6');
  expect(f).toBeDefined();
  const finding = f as NonNullable<typeof f>;
  // The decisive text: the size property's value as written in the template.
  const text = '"Standard_D2s_v6"';
  const expected = createHash('sha256')
    .update([finding.ruleId, finding.file, finding.resource ?? '', text, '0'].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
  expect(finding.fingerprint).toBe(expected);
});

test('the bundles every run reads are ASCII only (a non-ASCII character makes the whole source a two-byte string)', () => {
  for (const bundle of ['dist/vtaplint.cjs', 'dist/worker.cjs']) {
    const text = readFileSync(path.join(REPO, bundle), 'latin1');
    expect([...text].some((c) => c.charCodeAt(0) > 0x7f), bundle).toBe(false);
  }
});
