// ARM resolves every dependsOn entry before it deploys anything: what names nothing, a resource
// that depends on itself and a cycle fail the deployment in any template, whatever the rules
// asked of the graph; a loop that deploys nothing (count 0, or condition false) is still a name
// dependsOn may use, and ARM drops the entry.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, workspace } from '../helpers.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

const nsg = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Network/networkSecurityGroups',
  apiVersion: '2023-05-01',
  name,
  location: 'westeurope',
  properties: {},
  ...extra,
});

async function lint(template: unknown, file = 'azuredeploy.json'): Promise<string[]> {
  const dir = workspace({ [file]: JSON.stringify(template, null, 2) });
  const { findings } = await findingsOf([path.join(dir, file)]);
  return findings.map((f) => `${f.ruleId}: ${f.message.replace(/;.*$/, '')}`);
}

describe('dependsOn', () => {
  it('is checked in a template without any vTAP resource: an entry naming nothing, a self-dependency, a cycle', async () => {
    const found = await lint({
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      resources: [nsg('a', { dependsOn: ['b', 'nope'] }), nsg('b', { dependsOn: ['a'] }), nsg('c', { dependsOn: ['c'] })],
    });
    expect(found).toEqual([
      "invalid-template: dependsOn names 'nope', which is not a resource of this template",
      "invalid-template: The resources depend on each other in a cycle: 'a' -> 'b' -> 'a' (each depends on the next through dependsOn, or a reference() or list*() call by name)",
      "invalid-template: The resource 'c' depends on itself",
    ]);
  });

  it('may name a copy loop of count 0, by its loop name or (languageVersion 2.0) its symbolic name: ARM drops the entry', async () => {
    const names = { type: 'array', defaultValue: [] };
    expect(
      await lint({
        $schema: SCHEMA,
        contentVersion: '1.0.0.0',
        parameters: { names },
        resources: [nsg("[parameters('names')[copyIndex()]]", { copy: { name: 'nsgs', count: "[length(parameters('names'))]" } }), nsg('x', { dependsOn: ['nsgs', 'NSGS'] })],
      }),
    ).toEqual([]);
    expect(
      await lint({
        $schema: SCHEMA,
        languageVersion: '2.0',
        contentVersion: '1.0.0.0',
        parameters: { names },
        resources: {
          nsgs: nsg("[parameters('names')[copyIndex()]]", { copy: { name: 'nsgs', count: "[length(parameters('names'))]" } }),
          x: nsg('x', { dependsOn: ['nsgs'] }),
        },
      }),
    ).toEqual([]);
  });

  it('may name a copy loop whose condition is false by its loop name; a name the loop does not make is still an error', async () => {
    expect(
      await lint({
        $schema: SCHEMA,
        contentVersion: '1.0.0.0',
        resources: [nsg("[concat('c', copyIndex())]", { condition: false, copy: { name: 'cl', count: 2 } }), nsg('x', { dependsOn: ['cl', 'c1'] })],
      }),
    ).toEqual([]);
    expect(
      await lint({
        $schema: SCHEMA,
        contentVersion: '1.0.0.0',
        resources: [nsg("[concat('n', copyIndex())]", { copy: { name: 'nl', count: 0 } }), nsg('x', { dependsOn: ['nl', 'n0'] })],
      }),
    ).toEqual(["invalid-template: dependsOn names 'n0', which is not a resource of this template"]);
  });

  it('a name two resources share names both: a child named the same is neither its own dependency nor in a cycle', async () => {
    const sql = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'Microsoft.Sql/servers', apiVersion: '2022-05-01-preview', name, location: 'westeurope', properties: {}, ...extra });
    expect(
      await lint({
        $schema: SCHEMA,
        contentVersion: '1.0.0.0',
        parameters: { appName: { type: 'string', defaultValue: 'contoso' } },
        resources: [
          { type: 'Microsoft.Web/serverfarms', apiVersion: '2022-09-01', name: "[parameters('appName')]", location: 'westeurope', sku: { name: 'B1' } },
          sql("[parameters('appName')]", {
            resources: [
              { type: 'databases', apiVersion: '2022-05-01-preview', name: "[parameters('appName')]", location: 'westeurope', dependsOn: ["[parameters('appName')]"] },
              { type: 'databases', apiVersion: '2022-05-01-preview', name: 'MyData', location: 'westeurope', dependsOn: ["[parameters('appName')]"] },
            ],
          }),
        ],
      }),
    ).toEqual([]);
  });

  it('once a limit cut the expansion short (maxCopyCount, maxResources), an entry or a reference() naming an instance not expanded is no error', async () => {
    const template = {
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      resources: [
        nsg("[concat('nsg', copyIndex())]", { copy: { name: 'nsgLoop', count: 20 } }),
        { type: 'Microsoft.Network/routeTables', apiVersion: '2023-04-01', name: 'rt', location: 'westeurope', dependsOn: ['nsg15', "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg17')]"] },
      ],
      outputs: { o: { type: 'object', value: "[reference('nsg12')]" } },
    };
    const dir = workspace({ 'azuredeploy.json': JSON.stringify(template, null, 2), 'vtaplint.config.json': JSON.stringify({ limits: { maxCopyCount: 5 } }) });
    const { findings } = await findingsOf([path.join(dir, 'azuredeploy.json')]);
    expect(findings.map((f) => f.ruleId)).toEqual(['limit-exceeded']);
  });

  it('a Bicep resource loop over an empty array may be in dependsOn', async () => {
    const dir = workspace({
      'main.bicep': [
        'param names array = []',
        "resource nsgs 'Microsoft.Network/networkSecurityGroups@2023-05-01' = [for n in names: {",
        '  name: n',
        "  location: 'westeurope'",
        '}]',
        "resource x 'Microsoft.Network/networkSecurityGroups@2023-05-01' = {",
        "  name: 'x'",
        "  location: 'westeurope'",
        '  dependsOn: [ nsgs ]',
        '}',
        '',
      ].join('\n'),
    });
    const { findings } = await findingsOf([path.join(dir, 'main.bicep')]);
    expect(findings.map((f) => f.message)).toEqual([]);
  });
});
