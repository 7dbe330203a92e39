// evalCommand: the output format of `vtaplint eval`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCommand } from '../../src/cli/eval.js';

function files(template: object, params?: object): { template: string; params?: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-eval-'));
  const t = path.join(dir, 'azuredeploy.json');
  writeFileSync(t, JSON.stringify(template, null, 2));
  if (!params) return { template: t };
  const p = path.join(dir, 'azuredeploy.parameters.json');
  writeFileSync(p, JSON.stringify(params));
  return { template: t, params: p };
}

const template = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: {
    name: { type: 'string' },
    count: { type: 'int', defaultValue: 1 },
    pwd: { type: 'secureString' },
    tags: { type: 'object', defaultValue: {} },
  },
  resources: [],
  outputs: {
    id: { type: 'string', value: "[resourceId('Microsoft.Network/virtualNetworkTaps', parameters('name'))]" },
    count: { type: 'int', value: "[parameters('count')]" },
    tags: { type: 'object', value: "[parameters('tags')]" },
    pwd: { type: 'string', value: "[parameters('pwd')]" },
    loc: { type: 'string', value: '[resourceGroup().location]' },
  },
};

describe('evalCommand', () => {
  it('prints outputs, unknowns and never secure values', async () => {
    const f = files(template, {
      parameters: { name: { value: 'tap1' }, pwd: { reference: { keyVault: { id: '/kv' }, secretName: 'x' } } },
    });
    const r = await evalCommand({ template: f.template, parameterFiles: [f.params as string], params: { count: '5', tags: '{"a": "b"}' } });
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.output) as { outputs: Record<string, { type: string; value: unknown }> };
    expect(Object.keys(out)).toEqual(['outputs']);
    expect(out.outputs.count).toEqual({ type: 'int', value: 5 });
    expect(out.outputs.tags).toEqual({ type: 'object', value: { a: 'b' } });
    expect(out.outputs.id?.value).toHaveProperty('$unknown');
    expect(JSON.stringify(out.outputs.id)).toContain('virtualNetworkTaps');
    expect(out.outputs.pwd?.value).toHaveProperty('$unknown');
    expect(r.output).not.toContain('/kv');
    expect(r.output).toBe(`${JSON.stringify(out, null, 2)}\n`);
  });

  it('uses the deployment context', async () => {
    const f = files(template);
    const r = await evalCommand({
      template: f.template,
      parameterFiles: [],
      params: { name: 'tap1' },
      context: { subscriptionId: 's', resourceGroup: 'g', location: 'westus' },
    });
    const out = JSON.parse(r.output) as { outputs: Record<string, { value: unknown }> };
    expect(out.outputs.id?.value).toBe('/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworkTaps/tap1');
    expect(out.outputs.loc?.value).toBe('westus');
    expect(out.outputs.name).toBeUndefined();
  });

  it('fails with exit code 2 for a missing file and 1 for evaluation errors', async () => {
    expect((await evalCommand({ template: '/nonexistent/x.json', parameterFiles: [], params: {} })).exitCode).toBe(2);
    const f = files({ resources: [], outputs: { x: { type: 'int', value: '[div(1, 0)]' } } });
    const r = await evalCommand({ template: f.template, parameterFiles: [], params: {} });
    expect(r.exitCode).toBe(1);
    expect(r.diagnostics[0]?.code).toBe('evaluation-error');
  });
});
