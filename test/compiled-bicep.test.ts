// JSON the Bicep compiler wrote is linted once, through its source: beside it, or in another
// folder (bicep build --outdir build) when it is that source's compilation by its signature; a
// template that only looks compiled, or was changed by hand since, is linted.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace } from './helpers.js';

const BICEP = [
  "param location string = 'westeurope'",
  '',
  "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
  "  name: 'web-tap'",
  '  location: location',
  '  properties: {}',
  '}',
  '',
  'output tapId string = tap.id',
  '',
].join('\n');

function compiled(extra: { parameters?: Record<string, unknown>; resources?: unknown[] } = {}): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      metadata: { _generator: { name: 'bicep', version: '0.30.23.60470', templateHash: '4096733389459914345' } },
      parameters: { location: { type: 'string', defaultValue: 'westeurope' }, ...extra.parameters },
      resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'web-tap', location: "[parameters('location')]", properties: {} }, ...(extra.resources ?? [])],
      outputs: { tapId: { type: 'string', value: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'web-tap')]" } },
    },
    null,
    2,
  );
}

async function filesWithFindings(files: Record<string, string>): Promise<string[]> {
  const { findings } = await findingsOf(['.'], workspace(files));
  return [...new Set(findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => f.file))].sort();
}

describe('compiled Bicep JSON in another folder', () => {
  test('build/main.json, the compilation of infra/main.bicep, is not linted a second time', async () => {
    expect(await filesWithFindings({ 'infra/main.bicep': BICEP, 'build/main.json': compiled(), 'bin/main.json': compiled() })).toEqual(['infra/main.bicep']);
  });
  test('one changed since (another parameter, another resource type), one named otherwise, and one the compiler did not write are linted', async () => {
    const handWritten = JSON.parse(compiled()) as { metadata?: unknown };
    delete handWritten.metadata;
    expect(
      await filesWithFindings({
        'infra/main.bicep': BICEP,
        'build/main.json': compiled({ parameters: { extra: { type: 'string', defaultValue: 'x' } } }),
        'dist/main.json': compiled({ resources: [{ type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2024-05-01', name: 'nsg', location: 'westeurope', properties: {} }] }),
        'out/tap.json': compiled(),
        'arm/main.json': JSON.stringify(handWritten, null, 2),
      }),
    ).toEqual(['arm/main.json', 'build/main.json', 'dist/main.json', 'infra/main.bicep', 'out/tap.json']);
  });
  test('a compiled file named on the command line is linted as asked', async () => {
    const dir = workspace({ 'infra/main.bicep': BICEP, 'build/main.json': compiled() });
    const { findings } = await findingsOf(['infra', 'build/main.json'], dir);
    expect([...new Set(findings.map((f) => f.file))].sort()).toEqual(['build/main.json', 'infra/main.bicep']);
  });
});
