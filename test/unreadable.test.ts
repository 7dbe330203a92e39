// A file that cannot be read (permissions, I/O errors) is a finding at the file and a SARIF tool
// notification; the run is still successful and other files are linted.
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import type * as NodeFs from 'node:fs';

// Tests run as root, which can read any file: simulate EACCES for one path.
const denied = new Set<string>();
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const readFileSync = ((p: unknown, ...rest: unknown[]) => {
    if (typeof p === 'string' && denied.has(p)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    return (fs.readFileSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readFileSync;
  // The operating system refuses at open(); vtaplint opens the file before reading it.
  const openSync = ((p: unknown, ...rest: unknown[]) => {
    if (typeof p === 'string' && denied.has(p)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    return (fs.openSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.openSync;
  // A folder: readdir fails (the walk of a folder lists it with readdirSync).
  const readdirSync = ((p: unknown, ...rest: unknown[]) => {
    if (typeof p === 'string' && denied.has(p)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    return (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readFileSync, openSync, readdirSync }, readFileSync, openSync, readdirSync };
});

test('an unreadable template: invalid-template finding, tool notification, execution still successful', async () => {
  const { cli, REPO } = await import('./helpers.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-unreadable-'));
  writeFileSync(path.join(dir, 'locked.json'), '{}');
  copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(dir, 'good.json'));
  denied.add(path.join(dir, 'locked.json'));
  const r = await cli(['.', '--format', 'sarif'], dir);
  const run = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[] }[] }).runs[0]!;
  expect(run.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri])).toContainEqual(['invalid-template', 'locked.json']);
  expect(run.results.some((x) => x.ruleId === 'vtap-supported-region')).toBe(true);
  expect(run.invocations[0]!.executionSuccessful).toBe(true);
  expect(run.invocations[0]!.toolExecutionNotifications?.map((n) => [n.level, n.message.text])).toEqual([['warning', 'cannot read the file: EACCES (the file is not analysed)']]);
  expect(r.code).toBe(1);
});

test('an unreadable folder: a warning that names it; named on the command line, bad usage (exit 2)', async () => {
  const { cli, REPO } = await import('./helpers.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-unreadable-'));
  mkdirSync(path.join(dir, 'locked'));
  copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(dir, 'locked/hidden.json'));
  copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(dir, 'good.json'));
  denied.add(path.join(dir, 'locked'));
  // Found in a folder searched: skipped, said, and the run goes on (the other files decide the exit code).
  const all = await cli(['.', '--format', 'unix'], dir);
  expect(all.stdout).toContain('locked:1:1: warning: cannot read the folder: EACCES (the files in it are not linted) [vtaplint]');
  expect(all.stdout).toContain('good.json:');
  expect(all.code).toBe(1);
  const sarif = await cli(['.', '--format', 'sarif'], dir);
  const run = (JSON.parse(sarif.stdout) as { runs: { invocations: { toolExecutionNotifications?: { level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] }).runs[0]!;
  expect(run.invocations[0]!.toolExecutionNotifications?.map((n) => [n.level, n.message.text, n.locations?.[0]?.physicalLocation.artifactLocation.uri])).toEqual([
    ['warning', 'cannot read the folder: EACCES (the files in it are not linted)', 'locked'],
  ]);
  // Named: it printed nothing and exited 0, as if it had been checked and found clean.
  const named = await cli(['locked', '--format', 'unix'], dir);
  expect(named.stderr).toBe("vtaplint: cannot read the folder 'locked': EACCES\n");
  expect(named.code).toBe(2);
});


test('an unreadable folder that .gitignore or the config\'s "ignore" leaves out is no warning', async () => {
  const { cli, REPO } = await import('./helpers.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-unreadable-'));
  // A database container's data folder, owned by its user and gitignored; another the config leaves out.
  mkdirSync(path.join(dir, 'pgdata'));
  mkdirSync(path.join(dir, 'infra/cache'), { recursive: true });
  writeFileSync(path.join(dir, '.gitignore'), 'pgdata/\n');
  writeFileSync(path.join(dir, 'vtaplint.config.json'), '{"ignore": ["infra/cache/"]}');
  copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(dir, 'good.json'));
  denied.add(path.join(dir, 'pgdata'));
  denied.add(path.join(dir, 'infra/cache'));
  const r = await cli(['.', '--format', 'unix'], dir);
  expect(r.stdout).toContain('good.json:');
  expect(r.stdout).not.toContain('cannot read the folder');
  expect(r.stderr).toBe('');
});

test('the action: a folder in "paths" that cannot be read fails the step with a message naming it', async () => {
  const { REPO } = await import('./helpers.js');
  const { run } = await import('../src/action/main.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-unreadable-'));
  mkdirSync(path.join(dir, 'locked'));
  copyFileSync(path.join(REPO, 'test/data/supported-region.json'), path.join(dir, 'good.json'));
  denied.add(path.join(dir, 'locked'));
  const lines: string[] = [];
  const exitCode = process.exitCode;
  let code: number;
  try {
    code = await run({ env: { GITHUB_WORKSPACE: dir, INPUT_PATHS: 'locked\ngood.json', 'INPUT_FAIL-ON': 'error' }, log: (l) => lines.push(l) });
  } finally {
    process.exitCode = exitCode;
  }
  // It passed: nothing of the folder was linted, and nothing said so.
  expect(code).toBe(1);
  expect(lines[0]).toBe("::error title=vtaplint::cannot read the folder 'locked': EACCES (input 'paths')");
});

test('an unreadable template is said once in the formats people read: its finding, not again as a notification', async () => {
  const { cli, REPO } = await import('./helpers.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-unreadable-'));
  writeFileSync(path.join(dir, 'locked.json'), '{}');
  copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(dir, 'good.json'));
  denied.add(path.join(dir, 'locked.json'));
  for (const format of ['stylish', 'compact', 'unix', 'github']) {
    const r = await cli(['.', '--format', format, '--no-color'], dir);
    expect(r.stdout.match(/cannot read the file/g), format).toHaveLength(1);
    expect(r.stdout, format).toContain('invalid-template');
  }
  // JUnit: the file's failure, and no error case for it in the 'vtaplint' suite.
  const junit = await cli(['.', '--format', 'junit'], dir);
  expect(junit.stdout).toContain('<testsuite name="locked.json"');
  expect(junit.stdout).not.toContain('<testsuite name="vtaplint"');
  // The rule off: the notification is then the only place that says it.
  writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ rules: { 'invalid-template': 'off' } }));
  const off = await cli(['.', '--format', 'unix'], dir);
  expect(off.stdout).toContain('locked.json:1:1: warning: cannot read the file: EACCES (the file is not analysed) [vtaplint]');
});
