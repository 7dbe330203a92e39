// evalCommand: the output format of `vtaplint eval`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCommand } from '../../src/cli/eval.js';
import { cli } from '../helpers.js';

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

  it('reads x.parameters.json beside x.json, as the lint does; --parameters and -p come after it', async () => {
    const f = files(template, { parameters: { name: { value: 'from-file' }, count: { value: 2 } } });
    const byName = await evalCommand({ template: f.template, parameterFiles: [], params: {} });
    expect(byName.exitCode).toBe(0);
    const out = JSON.parse(byName.output) as { outputs: Record<string, { value: unknown }> };
    expect(JSON.stringify(out.outputs.id)).toContain("named 'from-file'");
    expect(out.outputs.count?.value).toBe(2);
    const overridden = JSON.parse((await evalCommand({ template: f.template, parameterFiles: [], params: { count: '7' } })).output) as { outputs: Record<string, { value: unknown }> };
    expect(overridden.outputs.count?.value).toBe(7);
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

  it('the CLI uses the template\'s config (deployment context, mapped parameters file, limits) and says why it failed, with file:line:col', async () => {
    const f = files(template);
    const dir = path.dirname(f.template);
    writeFileSync(path.join(dir, 'prod.json'), JSON.stringify({ parameters: { name: { value: 'tap-prod' }, pwd: { value: 'x' } } }));
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ deployment: { location: 'uksouth', subscriptionId: 's1', resourceGroup: 'rg1' }, parameters: [{ files: 'azuredeploy.json', parameterFile: 'prod.json' }] }));
    const r = await cli(['eval', 'azuredeploy.json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> };
    expect(out.outputs.id?.value).toBe('/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworkTaps/tap-prod');
    expect(out.outputs.loc?.value).toBe('uksouth');
    writeFileSync(path.join(dir, 'broken.json'), '{\n  "resources": [,]\n}\n');
    const broken = await cli(['eval', 'broken.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^vtaplint: broken\.json:2:\d+: invalid JSON/m);
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ limits: { maxFileBytes: 50 } }));
    const big = await cli(['eval', 'azuredeploy.json'], dir);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/maxFileBytes/);
  });

  it('JSON that is not a template (an ARM parameters file, package.json) exits 2 saying so, not {"outputs": {}} with 0', async () => {
    const f = files(template, { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { name: { value: 'tap1' } } });
    const dir = path.dirname(f.template);
    const params = await cli(['eval', 'azuredeploy.parameters.json'], dir);
    expect(params.code).toBe(2);
    expect(params.stdout).toBe('');
    expect(params.stderr).toMatch(/^vtaplint: azuredeploy\.parameters\.json:1:1: this is an ARM parameters file, not a template/m);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
    const other = await cli(['eval', 'package.json'], dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^vtaplint: package\.json:1:1: this is not an ARM template/m);
    // A sketch without $schema, with resources or outputs, is still evaluated.
    writeFileSync(path.join(dir, 'sketch.json'), JSON.stringify({ outputs: { x: { type: 'int', value: '[add(1, 2)]' } } }));
    const sketch = await cli(['eval', 'sketch.json'], dir);
    expect(sketch.code).toBe(0);
    expect(JSON.parse(sketch.stdout)).toEqual({ outputs: { x: { type: 'int', value: 3 } } });
  });

  it("a Bicep output of a resource-derived type has the property's type, as the compiler writes it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-eval-'));
    writeFileSync(path.join(dir, 'main.bicep'), "output baz resourceInput<'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31'>.name = 'myId'\n");
    const r = await cli(['eval', 'main.bicep'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { outputs: Record<string, unknown> }).outputs.baz).toEqual({ type: 'string', value: 'myId' });
  });
});

describe('scope functions', () => {
  it('resourceGroup() is an error in a subscription-scope template, and fine in a nested deployment into a resource group', async () => {
    const nestedTemplate = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [], outputs: { name: { type: 'string', value: '[resourceGroup().name]' } } };
    const t = files({
      $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner', resourceGroup: 'rg-app', properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: nestedTemplate } },
      ],
      outputs: {
        top: { type: 'string', value: '[resourceGroup().location]' },
        nested: { type: 'string', value: "[reference('inner').outputs.name.value]" },
      },
    });
    const r = await evalCommand({ template: t.template, parameterFiles: [], params: {} });
    expect(r.exitCode).toBe(1);
    expect(r.diagnostics.map((d) => d.message)).toEqual(["The template function 'resourceGroup' is not expected at this location: the template is deployed at subscription scope, which has no resource group."]);
    expect(JSON.parse(r.output).outputs.nested.value).toBe('rg-app');
  });
});

describe('eval of Bicep files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-eval-bicep-'));
  writeFileSync(
    path.join(dir, 'main.bicep'),
    [
      "param location string = 'eastus'",
      "param prefix string",
      "module names 'names.bicep' = {",
      "  name: 'names'",
      '  params: { prefix: prefix }',
      '}',
      "output loc string = toUpper(location)",
      'output vms array = names.outputs.vms',
      "output tap string = resourceId('Microsoft.Network/virtualNetworkTaps', '${prefix}-tap')",
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'names.bicep'), "param prefix string\noutput vms array = [for i in range(0, 2): '${prefix}-vm-${i}']\n");
  writeFileSync(path.join(dir, 'main.bicepparam'), "using 'main.bicep'\nparam location = 'uksouth'\nparam prefix = 'web'\n");
  writeFileSync(path.join(dir, 'typo.bicep'), "output o string = toupper('x')\n");
  writeFileSync(path.join(dir, 'broken.parameters.json'), '{"parameters": ');

  it('evaluates a .bicep file as the lint lowers it (modules followed), with -p values', async () => {
    const r = await cli(['eval', 'main.bicep', '-p', 'prefix=app'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { outputs: Record<string, { type: string; value: unknown }> };
    expect(out.outputs.loc).toEqual({ type: 'string', value: 'EASTUS' });
    expect(out.outputs.tap?.value).toEqual({ $unknown: expect.stringContaining("virtualNetworkTaps named 'app-tap'") });
    // A module's outputs are what the module computes from the parameters it is given.
    expect(out.outputs.vms).toEqual({ type: 'array', value: ['app-vm-0', 'app-vm-1'] });
  });

  it('evaluates reference() of a nested ARM deployment to its outputs, as the lint does', async () => {
    const inner = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { p: { type: 'string' } },
      resources: [],
      outputs: { x: { type: 'string', value: "[toUpper(parameters('p'))]" } },
    };
    const outer = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, parameters: { p: { value: 'abc' } }, template: inner },
        },
      ],
      outputs: { y: { type: 'string', value: "[reference('inner').outputs.x.value]" } },
    };
    writeFileSync(path.join(dir, 'nested.json'), JSON.stringify(outer, null, 2));
    const r = await cli(['eval', 'nested.json'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { outputs: Record<string, unknown> }).outputs.y).toEqual({ type: 'string', value: 'ABC' });
  });

  it('evaluates a .bicepparam file: its template with its values', async () => {
    const r = await cli(['eval', 'main.bicepparam'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> };
    expect(out.outputs.loc?.value).toBe('UKSOUTH');
    expect(out.outputs.tap?.value).toEqual({ $unknown: expect.stringContaining("named 'web-tap'") });
  });

  it('an output whose condition is only known at deployment says so beside its value; an object known in part lists its unknown properties', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { withTap: { type: 'bool' }, tags: { type: 'object' } },
      resources: [],
      outputs: {
        tapName: { condition: "[parameters('withTap')]", type: 'string', value: 'tap1' },
        always: { condition: true, type: 'string', value: 'x' },
        merged: { type: 'object', value: "[shallowMerge(createArray(parameters('tags'), createObject('owner', 'net')))]" },
      },
    };
    writeFileSync(path.join(dir, 'conditional.json'), JSON.stringify(template, null, 2));
    const r = await cli(['eval', 'conditional.json'], dir);
    const reason = (name: string) => `the parameter '${name}' has no value (no default, parameters file or -p value)`;
    expect(JSON.parse(r.stdout)).toEqual({
      outputs: {
        tapName: { type: 'string', value: 'tap1', condition: { $unknown: reason('withTap') } },
        always: { type: 'string', value: 'x' },
        merged: { type: 'object', value: { owner: 'net', $unknownProperties: reason('tags') } },
      },
    });
  });

  it('evaluates a .bicepparam file whose template is ARM JSON (it exited 2 and said nothing)', async () => {
    const template = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: { p: { type: 'string' } }, resources: [], outputs: { o: { type: 'string', value: "[toUpper(parameters('p'))]" } } };
    writeFileSync(path.join(dir, 'plain.json'), JSON.stringify(template, null, 2));
    writeFileSync(path.join(dir, 'plain.bicepparam'), "using 'plain.json'\nparam p = 'fromParam'\n");
    const r = await cli(['eval', 'plain.bicepparam'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual({ outputs: { o: { type: 'string', value: 'FROMPARAM' } } });
  });

  it('a Bicep file that does not parse exits 2, as JSON that does not parse; lint-only options are usage errors', async () => {
    writeFileSync(path.join(dir, 'syntax.bicep'), 'var a = {\n  b: 1 2\n}\noutput o int = 1\n');
    const broken = await cli(['eval', 'syntax.bicep'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^vtaplint: syntax\.bicep:2:\d+: /m);
    for (const option of [['-o', 'out.json'], ['--list-rules'], ['--format', 'sarif'], ['--quiet'], ['--max-warnings', '3'], ['--baseline', 'b.sarif']]) {
      const r = await cli(['eval', 'main.bicep', ...option], dir);
      expect(r.code, option.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^vtaplint: eval does not take --/);
    }
    const graph = await cli(['graph', 'main.bicep', '--list-rules'], dir);
    expect(graph.code).toBe(2);
    expect(graph.stderr).toContain('graph does not take --list-rules');
  });

  it('says why with file:line:col: a Bicep error exits 1, an unreadable parameters file exits 2', async () => {
    const typo = await cli(['eval', 'typo.bicep'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^vtaplint: typo\.bicep:1:19: the function 'toupper' does not exist; did you mean 'toUpper'\?/m);
    const broken = await cli(['eval', 'main.bicep', '--parameters', 'broken.parameters.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^vtaplint: broken\.parameters\.json:1:\d+: invalid JSON/m);
  });
});

describe('evalCommand: languageVersion 2.0 templates', () => {
  it('types a parameter or output by the definition its $ref names: a secure one is never shown', async () => {
    const f = files({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      definitions: { secret: { type: 'securestring' }, alias: { $ref: '#/definitions/secret' }, count: { type: 'int' } },
      parameters: { pwd: { $ref: '#/definitions/alias', defaultValue: 'hunter2' }, n: { $ref: '#/definitions/count', defaultValue: 2 } },
      resources: {},
      outputs: {
        again: { $ref: '#/definitions/secret', value: "[format('{0}!', 'hunter2')]" },
        pwd: { type: 'string', value: "[parameters('pwd')]" },
        n: { $ref: '#/definitions/count', value: "[add(parameters('n'), 1)]" },
      },
    });
    const r = await evalCommand({ template: f.template, parameterFiles: [], params: {} });
    expect(r.exitCode).toBe(0);
    expect(r.output).not.toContain('hunter2');
    const out = JSON.parse(r.output) as { outputs: Record<string, { type: string; value: unknown }> };
    expect(out.outputs.again?.type).toBe('securestring');
    expect(out.outputs.again?.value).toHaveProperty('$unknown');
    expect(out.outputs.pwd?.value).toHaveProperty('$unknown');
    expect(out.outputs.n).toEqual({ type: 'int', value: 3 });
  });

  it("evaluates reference('coll[1]'), a copy loop's instance by symbolic name (languageVersion 2.0)", async () => {
    const f = files({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      variables: { names: ['a', 'b'] },
      resources: {
        coll: {
          copy: { name: 'coll', count: "[length(variables('names'))]" },
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2023-04-01',
          name: "[variables('names')[copyIndex()]]",
          location: 'westeurope',
          properties: { flushConnection: "[equals(copyIndex(), 1)]" },
        },
      },
      outputs: {
        second: { type: 'bool', value: "[reference(format('coll[{0}]', 1)).flushConnection]" },
        first: { type: 'bool', value: "[reference('coll[0]').flushConnection]" },
      },
    });
    const r = await evalCommand({ template: f.template, parameterFiles: [], params: {} });
    const out = JSON.parse(r.output) as { outputs: Record<string, { type: string; value: unknown }> };
    expect(out.outputs.second).toEqual({ type: 'bool', value: true });
    expect(out.outputs.first).toEqual({ type: 'bool', value: false });
  });
});
