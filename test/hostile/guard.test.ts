// No network, no reads outside the lint root: the fixtures, the examples and a root full of
// links and paths pointing out are linted with the network and file-system guards installed.
import { symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installGuards, outsideRoot, type GuardRecord } from '../../scripts/lib/guard.js';
import { RULES } from '../../rules/index.js';
import { lint } from '../../src/engine/lint.js';
import { REPO } from '../helpers.js';
import { Root, template } from './helpers.js';

let guard: { record: GuardRecord; uninstall: () => void };
let root: Root;
beforeAll(async () => {
  // ajv is loaded lazily by the config loader: load it before the guard so module loading is not recorded.
  await import('ajv');
  root = new Root();
  writeFileSync(path.join(os.tmpdir(), 'vtaplint-guard-outside.bicep'), 'output x int = 1\n');
  symlinkSync('/etc/hostname', root.path('evil.json'));
  symlinkSync('/etc/hostname', root.path('data.txt'));
  symlinkSync(path.join(os.tmpdir(), 'vtaplint-guard-outside.bicep'), root.path('linked.bicep'));
  symlinkSync('/etc/hostname', root.path('t.parameters.json'));
  root.write('t.json', template({ parameters: { p: { type: 'string' } }, resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'd', properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/x.json' } } }, { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'e', properties: { mode: 'Incremental', templateLink: { relativePath: '../../../etc/passwd' } } }] }));
  root.write('m.bicep', "module a 'linked.bicep' = {\n  name: 'a'\n}\nmodule b '../../etc/x.bicep' = {\n  name: 'b'\n}\nmodule c 'br/public:avm/res/network/x:1.0.0' = {\n  name: 'c'\n}\nvar t = loadTextContent('data.txt')\nvar u = loadFileAsBase64('/etc/passwd')\noutput o string = '${t}${u}'\n");
  root.write('vtaplint.config.json', JSON.stringify({ limits: { maxFileBytes: 1_000_000 } }));
  guard = installGuards([path.join(REPO, 'node_modules')]);
});
afterAll(() => {
  guard.uninstall();
  root.remove();
});

describe('guard', () => {
  for (const dir of ['fixtures', 'examples', 'hostile']) {
    it(`${dir}: no connection attempted, nothing outside the root opened`, { timeout: 60_000 }, async () => {
      const at = dir === 'hostile' ? root.dir : path.join(REPO, dir);
      guard.record.files.length = 0;
      const result = await lint(['.'], { root: at, cwd: at, rules: RULES });
      expect(result.notifications).toEqual([]);
      expect(result.files.length).toBeGreaterThan(0);
      expect(guard.record.network).toEqual([]);
      expect(guard.record.files.length).toBeGreaterThan(0);
      expect(outsideRoot(guard.record, at)).toEqual([]);
    });
  }

  it('the guard itself sees a read outside the root and refuses a connection', () => {
    guard.record.files.length = 0;
    readFileSync('/etc/hostname');
    expect(new Set(outsideRoot(guard.record, root.dir).map((f) => f.path))).toEqual(new Set(['/etc/hostname']));
    expect(() => fetch('https://example.com')).toThrow(/refused/);
    expect(guard.record.network).toEqual(['fetch(https://example.com)']);
    guard.record.network.length = 0;
  });
});
