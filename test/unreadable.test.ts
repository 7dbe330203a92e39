// A file that cannot be read (permissions, I/O errors) is a finding at the file and a SARIF tool
// notification; the run is still successful and other files are linted.
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
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
  return { ...fs, default: { ...fs, readFileSync, openSync }, readFileSync, openSync };
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
