// Files of the wrong kind where a template is deployed: an ARM linked template
// (templateLink.relativePath) that is a Bicep file or a parameters file, a Bicep module that is a
// .bicepparam file or an ARM parameters file. Each is one error at the reference that names it,
// not errors placed in a file that is fine as what it is, nor silence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Root, template, where, type HostileRun } from './helpers.js';

const T = { timeout: 20_000 };
let root: Root;
beforeEach(() => {
  root = new Root();
});
afterEach(() => root.remove());

function sane(run: HostileRun): void {
  expect(run.notifications).toEqual([]);
  expect(run.code).toBe(1);
  expect(run.good).toEqual(run.goodAlone);
}

const PARAMETERS = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { location: { value: 'eastus' } } }, null, 2);
const MODULE = "param location string = 'eastus'\n\nresource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'hub'\n  location: location\n}\n";
const linked = (name: string, relativePath: string) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', templateLink: { relativePath } } });

describe('a deployment of a file that is no template', () => {
  it('ARM templateLink.relativePath to a .bicep file, a .bicepparam file or a parameters file: an error at the relativePath', T, async () => {
    root.write('hub.bicep', MODULE);
    root.write('hub.bicepparam', "using 'hub.bicep'\n\nparam location = 'eastus'\n");
    root.write('hub.parameters.json', PARAMETERS);
    root.write('main.json', template({ resources: [linked('bicep', 'hub.bicep'), linked('bicepparam', 'hub.bicepparam'), linked('params', 'hub.parameters.json')] }));
    const run = await root.lint(['main.json', 'hub.bicep', 'hub.bicepparam']);
    sane(run);
    // hub.bicep was parsed as JSON: 'hub.bicep:1:1: invalid JSON: unexpected character 'p'' in a
    // file that is fine Bicep; the parameters file deployed as a template was not reported at all.
    expect(where(run.findings)).toEqual(['invalid-template|12|27', 'invalid-template|23|27', 'invalid-template|34|27']);
    expect(run.findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      "main.json: the linked template 'hub.bicep' of deployment 'bicep' is a Bicep file: ARM deploys JSON templates (compile it with 'bicep build', or deploy it as a module of a Bicep file)",
      "main.json: the linked template 'hub.bicepparam' of deployment 'bicepparam' is a Bicep parameters file: ARM deploys JSON templates",
      "main.json: the linked template 'hub.parameters.json' of deployment 'params' is an ARM parameters file, not a template",
    ]);
  });

  it('a Bicep module that is a .bicepparam file or an ARM parameters file: an error at the module path', T, async () => {
    root.write('hub.bicep', MODULE);
    root.write('hub.bicepparam', "using 'hub.bicep'\n\nparam location = 'eastus'\n");
    root.write('hub.parameters.json', PARAMETERS);
    root.write('main.bicep', "module a 'hub.bicepparam' = {\n  name: 'a'\n}\n\nmodule b 'hub.parameters.json' = {\n  name: 'b'\n}\n\nmodule c 'hub.bicep' = {\n  name: 'c'\n}\n");
    const run = await root.lint(['main.bicep', 'hub.bicepparam']);
    sane(run);
    // hub.bicepparam was lowered as Bicep: "hub.bicepparam:1:1: expected a declaration (...), found
    // 'using'"; the parameters file was deployed as an empty template, without a word.
    expect(run.findings.map((f) => `${f.file}|${f.line}|${f.column}|${f.message}`)).toEqual([
      "main.bicep|1|10|'hub.bicepparam' is a Bicep parameters file, not a module: a module is a .bicep file or an ARM JSON template",
      "main.bicep|5|10|'hub.parameters.json' is an ARM parameters file, not a module: a module is a .bicep file or an ARM JSON template",
    ]);
  });

  it("a .bicepparam file whose 'using' names an ARM parameters file: an error at the using path", T, async () => {
    root.write('hub.parameters.json', PARAMETERS);
    root.write('prod.bicepparam', "using 'hub.parameters.json'\n\nparam location = 'westeurope'\n");
    const run = await root.lint(['prod.bicepparam']);
    sane(run);
    // The parameters file was taken as the template: 'The parameter "location" is assigned in the
    // params file without being declared in the template.', as if the template lacked it.
    expect(run.findings.map((f) => `${f.file}|${f.line}|${f.column}|${f.message}`)).toEqual([
      "prod.bicepparam|1|7|'using' names 'hub.parameters.json', an ARM parameters file: it must name the template the values are for (a .bicep or ARM .json template)",
    ]);
  });
});
