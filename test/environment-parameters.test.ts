// ARM parameters files named for one environment of a template (azuredeploy.parameters.prod.json,
// azuredeploy.prod.parameters.json) lint the template beside them with their values, each one
// deployment of it, as .bicepparam files do; they were left out, so a lint of the repository
// judged the template with its defaults and never saw what prod deploys.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { environmentParameterTemplate } from '../src/deploy/parameters.js';
import { cli, findingsOf, workspace } from './helpers.js';

const PARAMS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

function parameters(values: Record<string, unknown>): string {
  const entries = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
  return `${JSON.stringify({ $schema: PARAMS_SCHEMA, contentVersion: '1.0.0.0', parameters: entries }, null, 2)}\n`;
}

/** A TAP whose region is a parameter (default: a supported one), mirroring to a collector NIC outside the template. */
const TEMPLATE = `${JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string', defaultValue: 'eastus' } },
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworkTaps',
        apiVersion: '2024-05-01',
        name: 'tap1',
        location: "[parameters('location')]",
        properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]" } },
      },
    ],
  },
  null,
  2,
)}\n`;

const regionFindings = async (args: string[], dir: string) => (await findingsOf(args, dir)).findings.filter((f) => f.ruleId === 'vtap-supported-region');

describe('parameters files named for an environment of a template', () => {
  test('a file named like an environment\'s that is no parameters file does not take its template out of the lint (it was linted by nothing: exit 0)', async () => {
    const bad = TEMPLATE.replace("'eastus'", "'westeurope'").replace('"eastus"', '"westeurope"');
    for (const text of ['{"parameters": {"a": ', '[]', '{"parameters": {}}', '{}']) {
      const dir = workspace({ 'azuredeploy.json': bad, 'azuredeploy.parameters.prod.json': text });
      const r = await findingsOf(['.'], dir);
      expect(r.findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => f.file)).toEqual(['azuredeploy.json']);
      expect(r.code).toBe(1);
    }
    // A parameters file (even a broken one that says it is) is still the template's environment.
    const dir = workspace({ 'azuredeploy.json': bad, 'azuredeploy.parameters.prod.json': `{"$schema": "${PARAMS_SCHEMA}", "parameters": {` });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.map((f) => [f.ruleId, f.file])).toEqual([['invalid-template', 'azuredeploy.parameters.prod.json']]);
  });

  test('a finding of one environment that no value of its file decided names that environment (its deployment), and the same finding of two names both', async () => {
    // The TAP is in an unsupported region as written; only the environments that set `enabled` deploy it.
    const template = JSON.parse(TEMPLATE) as { parameters: Record<string, unknown>; resources: Record<string, unknown>[] };
    template.parameters.enabled = { type: 'bool', defaultValue: false };
    template.resources[0] = { ...template.resources[0], condition: "[parameters('enabled')]", location: 'westeurope' };
    const dir = workspace({
      'azuredeploy.json': JSON.stringify(template, null, 2),
      'azuredeploy.parameters.dev.json': parameters({ enabled: false }),
      'azuredeploy.parameters.prod.json': parameters({ enabled: true }),
    });
    const inDeployment = "in the deployment with this file's values";
    const [prodOnly] = await regionFindings(['.'], dir);
    expect(prodOnly?.related.filter((r) => r.message === inDeployment).map((r) => [r.file, r.line, r.column])).toEqual([['azuredeploy.parameters.prod.json', 1, 1]]);
    writeFileSync(path.join(dir, 'azuredeploy.parameters.dev.json'), parameters({ enabled: true }));
    const both = await regionFindings(['.'], dir);
    expect(both).toHaveLength(1);
    expect(both[0]?.related.filter((r) => r.message === inDeployment).map((r) => r.file).sort()).toEqual(['azuredeploy.parameters.dev.json', 'azuredeploy.parameters.prod.json']);
  });

  test('are matched to the template beside them by name', () => {
    const dir = workspace({
      'azuredeploy.json': TEMPLATE,
      'prereq.azuredeploy.json': TEMPLATE,
      'main.bicep': '',
      'azuredeploy.parameters.prod.json': '{}',
      'azuredeploy.prod.parameters.json': '{}',
      'azuredeploy.parameters.json': '{}',
      'prereq.azuredeploy.parameters.json': '{}',
      'main.parameters.dev.json': '{}',
      'other.parameters.dev.json': '{}',
    });
    const t = (f: string) => environmentParameterTemplate(path.join(dir, f));
    expect(t('azuredeploy.parameters.prod.json')).toBe(path.join(dir, 'azuredeploy.json'));
    expect(t('azuredeploy.prod.parameters.json')).toBe(path.join(dir, 'azuredeploy.json'));
    // The template's own x.parameters.json, and prereq.azuredeploy.json's own: not an environment of another.
    expect(t('azuredeploy.parameters.json')).toBeUndefined();
    expect(t('prereq.azuredeploy.parameters.json')).toBeUndefined();
    // No JSON template of that name beside it (a Bicep file is not given JSON parameters by name).
    expect(t('main.parameters.dev.json')).toBeUndefined();
    expect(t('other.parameters.dev.json')).toBeUndefined();
  });

  test("a lint of the folder judges the template with each environment's values, pointing at the value", async () => {
    const dir = workspace({
      'vtap/azuredeploy.json': TEMPLATE,
      'vtap/azuredeploy.parameters.dev.json': parameters({ location: 'uksouth' }),
      'vtap/azuredeploy.parameters.prod.json': parameters({ location: 'westeurope' }),
    });
    const region = await regionFindings(['.'], dir);
    expect(region.map((f) => `${f.file}:${f.line} ${f.level}`)).toEqual(['vtap/azuredeploy.json:15 error']);
    expect(region[0]?.message).toContain("'westeurope'");
    expect(region[0]?.related.map((r) => `${r.file}:${r.line} ${r.message}`)).toEqual(["vtap/azuredeploy.parameters.prod.json:6 the value of parameter 'location' is given here"]);
    // Named on its own, it lints its template with its values (it said "lints nothing" before).
    const named = await cli(['vtap/azuredeploy.parameters.prod.json', '-f', 'unix'], dir);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain("vtap/azuredeploy.json:15:19: error: TAP 'tap1' is in 'westeurope'");
    expect(named.stderr).toBe('');
    // The pre-commit hook staging only the prod file reports it; staging the dev file does not.
    expect((await cli(['--context', '.', 'vtap/azuredeploy.parameters.prod.json'], dir)).code).toBe(1);
    expect((await cli(['--context', '.', 'vtap/azuredeploy.parameters.dev.json'], dir)).code).toBe(0);
  });

  test("x.<env>.parameters.json too; the template's own x.parameters.json is another deployment of it", async () => {
    const dir = workspace({
      'azuredeploy.json': TEMPLATE,
      'azuredeploy.parameters.json': parameters({ location: 'centralindia' }),
      'azuredeploy.prod.parameters.json': parameters({ location: 'koreacentral' }),
    });
    const region = await regionFindings(['.'], dir);
    // koreacentral is "coming soon" (a warning); centralindia passes.
    expect(region.map((f) => `${f.file}:${f.line} ${f.level} ${f.related.map((r) => r.file).join(',')}`)).toEqual(['azuredeploy.json:15 warning azuredeploy.prod.parameters.json']);
  });

  test("a template named alone says which environments' parameters files beside it this run did not lint", async () => {
    const dir = workspace({
      'azuredeploy.json': TEMPLATE,
      'azuredeploy.parameters.json': parameters({ location: 'eastus' }),
      'azuredeploy.parameters.prod.json': parameters({ location: 'westeurope' }),
      'azuredeploy.dev.parameters.json': parameters({ location: 'uksouth' }),
    });
    const alone = await cli(['azuredeploy.json'], dir);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe(
      "vtaplint: 'azuredeploy.dev.parameters.json', 'azuredeploy.parameters.prod.json' beside 'azuredeploy.json' are deployments of it with their own values, not linted in this run: name them too, or lint the folder\n",
    );
    // Named too, or the folder: linted (prod's region fails), and nothing more is said.
    for (const args of [['azuredeploy.json', 'azuredeploy.parameters.prod.json', 'azuredeploy.dev.parameters.json'], ['azuredeploy.json', '.']]) {
      const r = await cli(args, dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
    }
    // In a hook (--context), the named files are what changed: nothing is said.
    expect((await cli(['--context', '.', 'azuredeploy.json'], dir)).stderr).toBe('');
  });

  test('a named parameters file no template takes (by name or the config) is not sent to --context, which would lint nothing', async () => {
    const dir = workspace({
      'azuredeploy.json': TEMPLATE,
      'parameters/prod.json': parameters({ location: 'westeurope' }),
    });
    const alone = await cli(['parameters/prod.json'], dir);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe(
      `vtaplint: 'parameters/prod.json' is an ARM parameters file that no template takes by name (x.parameters.json or x.parameters.<env>.json beside x.json) or through the config's "parameters": lint its template with it (vtaplint TEMPLATE --parameters parameters/prod.json), or map it to its template in vtaplint.config.json\n`,
    );
    // What it says to do finds the error.
    expect((await cli(['azuredeploy.json', '--parameters', 'parameters/prod.json'], dir)).code).toBe(1);
    // Mapped by the config, --context lints the template that uses it, as the hint says.
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ parameters: [{ files: 'azuredeploy.json', parameterFile: 'parameters/prod.json' }] }));
    expect((await cli(['parameters/prod.json'], dir)).stderr).toContain('use --context DIR to lint the template that uses it (vtaplint --context . parameters/prod.json)');
    expect((await cli(['--context', '.', 'parameters/prod.json'], dir)).code).toBe(1);
  });

  test('eval and graph of such a file evaluate its template with its values, as the lint does', async () => {
    const withOutput = TEMPLATE.replace('"resources": [', '"outputs": { "loc": { "type": "string", "value": "[parameters(\'location\')]" } },\n  "resources": [');
    const dir = workspace({ 'azuredeploy.json': withOutput, 'azuredeploy.parameters.prod.json': parameters({ location: 'westeurope' }) });
    const evaluated = await cli(['eval', 'azuredeploy.parameters.prod.json'], dir);
    expect(evaluated.stderr).toBe('');
    expect(JSON.parse(evaluated.stdout)).toEqual({ outputs: { loc: { type: 'string', value: 'westeurope' } } });
    const graph = await cli(['graph', 'azuredeploy.parameters.prod.json', '--format', 'json'], dir);
    expect((JSON.parse(graph.stdout) as { resources: { location: unknown }[] }).resources.map((r) => r.location)).toEqual(['westeurope']);
  });

  test('an entry the template does not declare is an error at the entry, as ARM gives it', async () => {
    const dir = workspace({
      'azuredeploy.json': TEMPLATE,
      'azuredeploy.parameters.prod.json': parameters({ location: 'eastus', locaton: 'westeurope' }),
    });
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toContain('azuredeploy.parameters.prod.json:8:5 invalid-template');
  });
});
