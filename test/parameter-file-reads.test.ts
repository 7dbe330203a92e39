// A --parameters file gives values to every template of the run: it is read and parsed once, not
// once per template and again for the check of its names at the end.
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { RULES } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';
import { readSource } from '../src/load/read.js';
import type * as Read from '../src/load/read.js';
import { workspace } from './helpers.js';

// Every read of a file from anywhere (a --parameters file may be outside the root) goes through readSource.
vi.mock('../src/load/read.js', async (importOriginal) => {
  const original = await importOriginal<typeof Read>();
  return { ...original, readSource: vi.fn(original.readSource) };
});

const template = (name: string) =>
  JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string' } },
    resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name, location: "[parameters('location')]", properties: {} }],
  });

describe('--parameters files', () => {
  test('are read once for all the templates of a run, which each get the values; a name no template declares is still said', async () => {
    const dir = workspace({
      'a.json': template('tap-a'),
      'b.json': template('tap-b'),
      'c.json': template('tap-c'),
      'env/prod.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { location: { value: 'westeurope' }, locaton: { value: 'x' } } }),
    });
    const params = path.join(dir, 'env/prod.json');
    const result = await lint(['a.json', 'b.json', 'c.json'], { root: dir, cwd: dir, rules: RULES, jobs: 1, parameterFiles: [params] });
    expect(vi.mocked(readSource).mock.calls.filter(([p]) => p === params)).toHaveLength(1);
    // Each template judged with the file's location.
    const region = result.findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(region.map((f) => path.basename(f.span.file.path))).toEqual(['a.json', 'b.json', 'c.json']);
    expect(region.every((f) => f.message.includes("'westeurope'"))).toBe(true);
    expect(result.notifications.map((n) => n.message)).toContain("--parameters: no template linted declares a parameter 'locaton', so the value the file gives it is not used");
  });
});
