// The config schema is compiled ahead of time (scripts/gen-config-validator.mjs). The committed
// validator must be what the schema gives, and it must check what the schema says, including the
// keywords that use ajv's run-time helpers (minLength counts characters with ucs2length).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO, cli } from './helpers.js';

test('the committed validator matches the schema', () => {
  expect(() => execFileSync(process.execPath, ['scripts/gen-config-validator.mjs', '--check'], { cwd: REPO, stdio: 'pipe' })).not.toThrow();
});

test.each([
  [{ ignore: [''] }, '"ignore[0]" must NOT have fewer than 1 characters'],
  [{ deployment: { location: '' } }, '"deployment.location" must NOT have fewer than 1 characters'],
  [{ suppressions: [{ rule: 'vtap-no-ipv6', expires: '2026-1-1' }] }, '"suppressions[0].expires" must match pattern'],
  [{ limits: { maxJsonDepth: 0 } }, '"limits.maxJsonDepth" must be >= 1'],
  [{ limits: { maxJsonDepth: 100_000 } }, '"limits.maxJsonDepth" must be <= 2048'],
  [{ rules: { 'vtap-no-ipv6': { level: 'loud' } } }, '"rules.vtap-no-ipv6" must be one of off, note, warning, error'],
  [{ parameters: [{ files: 'env/*.json' }] }, `"parameters[0]" must have required property 'parameterFile'`],
  [{ limits: { maxJsonDeph: 100 } }, 'unknown key "limits.maxJsonDeph"; did you mean "maxJsonDepth"?'],
  [{ suppressions: [{ rule: 'vtap-no-ipv6', expiers: '2026-01-01' }] }, 'unknown key "suppressions[0].expiers"; did you mean "expires"?'],
])('%j is refused: %s', async (config, message) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-config-'));
  writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify(config));
  writeFileSync(path.join(dir, 't.json'), '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}');
  const r = await cli(['t.json'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
});

test('a length counts characters, not UTF-16 units: one emoji is one character', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-config-'));
  writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ deployment: { location: '🙂' } }));
  writeFileSync(path.join(dir, 't.json'), '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}');
  expect((await cli(['t.json'], dir)).code).toBe(0);
});
