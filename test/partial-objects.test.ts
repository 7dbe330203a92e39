// Objects whose set of properties is not known (ObjectValue.partial: a spread of an object known
// only at deployment) stay so wherever they go: read back from a resource, checked against a
// user-defined type, passed as a nested deployment's parameters, searched for in an array. Each
// of these gave a definite answer (or a false error) from the properties the object happened to list.
import { describe, expect, test } from 'vitest';
import { cli, workspace } from './helpers.js';

const outputs = async (dir: string, file: string): Promise<{ code: number; stderr: string; values: Record<string, unknown> }> => {
  const r = await cli(['eval', file], dir);
  const parsed = r.stdout ? (JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> }) : { outputs: {} };
  return { code: r.code, stderr: r.stderr, values: Object.fromEntries(Object.entries(parsed.outputs).map(([k, v]) => [k, v.value])) };
};
const unknownP = { $unknown: "the parameter 'p' has no value (no default, parameters file or -p value)" };

describe('partial objects', () => {
  test('read back from a resource (its tags, its properties), they are still partial', async () => {
    const dir = workspace({
      'main.bicep': [
        'param p object',
        "resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {",
        "  name: 'nsg'",
        "  location: 'eastus'",
        "  tags: { ...p, env: 'x' }",
        '  properties: { securityRules: [] }',
        '}',
        'output count int = length(nsg.tags)',
        "output hasOwner bool = contains(nsg.tags, 'owner')",
        "output same bool = nsg.tags == { env: 'x' }",
        'output tags object = nsg.tags',
        '',
      ].join('\n'),
    });
    const r = await outputs(dir, 'main.bicep');
    expect(r.values).toEqual({ count: unknownP, hasOwner: unknownP, same: unknownP, tags: { env: 'x', $unknownProperties: unknownP.$unknown } });
  });

  test('searched for in an array: contains(), indexOf() and lastIndexOf() cannot tell (indexOf() was an internal error)', async () => {
    const dir = workspace({
      'main.bicep': ['param p object', 'var rings = [ { ...p, ring: 1 } ]', 'output c bool = contains(rings, { ring: 1 })', 'output i int = indexOf(rings, { ring: 3 })', 'output l int = lastIndexOf(rings, { ring: 3 })', ''].join('\n'),
    });
    const r = await outputs(dir, 'main.bicep');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.values).toEqual({ c: unknownP, i: unknownP, l: unknownP });
  });

  test("checked against a user-defined type: a required property it does not list may be given (a false 'missing' error, exit 1)", async () => {
    const dir = workspace({
      'main.bicep': ['param p object', "module m 'mod.bicep' = {", "  name: 'm'", '  params: { cfg: { ...p }, choice: { ...p } }', '}', ''].join('\n'),
      'mod.bicep': [
        "type ipc = { subnet: { id: string }, privateIPAddressVersion: ('IPv4' | 'IPv6')? }",
        "@discriminator('kind')",
        "type pick = { kind: 'a', x: int } | { kind: 'b', y: string }",
        'param cfg ipc',
        'param choice pick',
        '',
      ].join('\n'),
    });
    const r = await cli(['main.bicep', '--format', 'unix'], dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  test("a nested deployment's parameters spread from an object parameter: any parameter may be given, so none is missing and none takes its default", async () => {
    const inner = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { req: { type: 'string' }, opt: { type: 'string', defaultValue: 'd' }, other: { type: 'string', defaultValue: 'd' } },
      resources: [],
      outputs: { req: { type: 'string', value: "[parameters('req')]" }, opt: { type: 'string', value: "[parameters('opt')]" }, other: { type: 'string', value: "[parameters('other')]" } },
    };
    const outer = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { p: { type: 'object' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: "[shallowMerge(createArray(parameters('p'), createObject('opt', createObject('value', 'x'))))]",
            template: inner,
          },
        },
      ],
      outputs: {
        req: { type: 'string', value: "[reference('inner').outputs.req.value]" },
        opt: { type: 'string', value: "[reference('inner').outputs.opt.value]" },
        other: { type: 'string', value: "[reference('inner').outputs.other.value]" },
      },
    };
    const dir = workspace({ 'main.json': JSON.stringify(outer, null, 2) });
    const r = await outputs(dir, 'main.json');
    // It was 'no value for the required parameter req' (exit 1), and 'other' its default 'd'.
    expect(r.code).toBe(0);
    expect(r.values).toEqual({ req: unknownP, opt: 'x', other: unknownP });
  });
});
