// Math.max(...list) passes every item as an argument; past about 120,000 of them V8 throws a
// RangeError. The stylish report of a file with 130,000 findings failed the run with an internal
// error, and a parameter with 150,000 allowed numbers used as a range() count gave a false
// "nested too deeply for the stack" limit finding.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace } from '../helpers.js';

describe('lists longer than a call takes arguments', () => {
  test('stylish report of a file with 130,000 findings (built CLI, time limit)', () => {
    const ids = Array.from({ length: 130_000 }, (_, i) => `r${i}`).join(',');
    const dir = workspace({ 'main.bicep': `// vtaplint-disable-next-line ${ids} -- because\nvar x = 1\n` });
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), 'main.bicep', '--no-color'], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
    expect(r.error, 'the command did not finish').toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('130000 problems (0 errors, 130000 warnings)');
  });

  test('range() over a parameter with 150,000 allowed values', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { n: { type: 'int', allowedValues: Array.from({ length: 150_000 }, (_, i) => i) } },
      variables: { r: "[range(0, parameters('n'))]" },
      resources: [],
      outputs: { o: { type: 'int', value: "[length(variables('r'))]" } },
    };
    const dir = workspace({ 't.json': JSON.stringify(template) });
    const { findings } = await findingsOf(['t.json'], dir);
    expect(findings).toEqual([]);
  });
});
