// references('coll'[, 'full']) (languageVersion 2.0, what Bicep writes for a resource loop read
// whole) is the state of each instance of the loop: how many there are, and what the template
// gives them, are known when the loop's count is.
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli, workspace } from '../helpers.js';

const template = (count: string | number) => ({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  languageVersion: '2.0',
  contentVersion: '1.0.0.0',
  parameters: { n: { type: 'int', defaultValue: 2 } },
  resources: {
    nsgs: {
      copy: { name: 'nsgs', count },
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-05-01',
      name: "[format('nsg{0}', copyIndex())]",
      location: 'westeurope',
      properties: { securityRules: [] },
    },
  },
  outputs: {
    names: { type: 'array', value: "[map(references('nsgs', 'full'), lambda('r', lambdaVariables('r').name))]" },
    count: { type: 'int', value: "[length(references('nsgs'))]" },
  },
});

async function outputs(count: string | number): Promise<Record<string, { value: unknown }>> {
  const dir = workspace({ 'main.json': JSON.stringify(template(count)) });
  const r = await cli(['eval', path.join(dir, 'main.json')]);
  return (JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> }).outputs;
}

test('references() of a loop of known count: one entry per instance, in order', async () => {
  const out = await outputs("[parameters('n')]");
  expect(out.names?.value).toEqual(['nsg0', 'nsg1']);
  expect(out.count?.value).toBe(2);
  expect((await outputs(0)).count?.value).toBe(0);
});

test('references() of a loop whose count is known only at deployment is unknown', async () => {
  const dir = workspace({ 'main.json': JSON.stringify({ ...template("[parameters('m')]"), parameters: { m: { type: 'int' } } }) });
  const r = await cli(['eval', path.join(dir, 'main.json')]);
  const out = (JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> }).outputs;
  expect(out.count?.value).toEqual({ $unknown: expect.any(String) });
});
