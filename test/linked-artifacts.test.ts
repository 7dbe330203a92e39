// Quickstart-style linked templates: the parent links its nested templates by a URI built from
// the URI it was itself deployed from, uri(parameters('_artifactsLocation'), 'nestedtemplates/x.json'),
// with _artifactsLocation defaulting to deployment().properties.templateLink.uri and a SAS token
// (a secure parameter, never read) appended. That URI is known only at deployment, but the file
// it names is the one beside the parent: it is deployed with the parent's values, as ARM does.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace } from './helpers.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function parent(templateLink: Record<string, string>, extraParameters: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: {
        location: { type: 'string', defaultValue: 'westeurope' },
        _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' },
        _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
        ...extraParameters,
      },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'monitoring-tap',
          properties: {
            mode: 'Incremental',
            templateLink: { ...templateLink, contentVersion: '1.0.0.0' },
            parameters: { location: { value: "[parameters('location')]" } },
          },
        },
      ],
    },
    null,
    2,
  )}\n`;
}

const TAP = `${JSON.stringify(
  {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworkTaps',
        apiVersion: '2023-09-01',
        name: 'hub-tap',
        location: "[parameters('location')]",
        properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]" } },
      },
    ],
  },
  null,
  2,
)}\n`;

const region = async (dir: string) => (await findingsOf(['.', '--format', 'json'], dir)).findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => [f.file, f.level, f.message.split(';')[0]]);

describe('a template linked beside its parent through deployment().properties.templateLink.uri', () => {
  const westeurope = [['nestedtemplates/tap.json', 'error', "TAP 'hub-tap' is in 'westeurope', where virtual network TAP is not available"]];

  test('with the SAS token appended: deployed with the parent\'s location', async () => {
    const dir = workspace({
      'azuredeploy.json': parent({ uri: "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/tap.json', parameters('_artifactsLocationSasToken')))]" }),
      'nestedtemplates/tap.json': TAP,
    });
    expect(await region(dir)).toEqual(westeurope);
  });

  test('straight from deployment(), and with a root-relative path', async () => {
    for (const uri of ["[uri(deployment().properties.templateLink.uri, 'nestedtemplates/tap.json')]", "[uri(parameters('_artifactsLocation'), '/nestedtemplates/tap.json')]"]) {
      const dir = workspace({ 'azuredeploy.json': parent({ uri }), 'nestedtemplates/tap.json': TAP });
      expect(await region(dir)).toEqual(westeurope);
    }
  });

  test('a file that is not there with a SAS token after it: the nested file is linted alone', async () => {
    const dir = workspace({
      'azuredeploy.json': parent({ uri: "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/other.json', parameters('_artifactsLocationSasToken')))]" }),
      'nestedtemplates/tap.json': TAP,
    });
    const { findings } = await findingsOf(['.', '--format', 'json'], dir);
    expect(findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => [f.file, f.level])).toEqual([['nestedtemplates/tap.json', 'note']]);
  });

  test('an _artifactsLocation given as a web address is not a file here: never fetched', async () => {
    const dir = workspace({
      'azuredeploy.json': parent(
        { uri: "[uri(parameters('artifacts'), 'nestedtemplates/tap.json')]" },
        { artifacts: { type: 'string', defaultValue: 'https://raw.githubusercontent.com/contoso/templates/main/' } },
      ),
      'nestedtemplates/tap.json': TAP,
    });
    expect((await region(dir)).map((f) => f[1])).toEqual(['note']);
  });
});

describe('a template linked from a web address of the repository it lives in (a literal _artifactsLocation)', () => {
  const ADDRESS = 'https://raw.githubusercontent.com/contoso/vtap-quickstart/main/';
  const linkedFrom = (deployment: string, file: string) =>
    `the template of deployment '${deployment}' is linked from the web address '${ADDRESS}${file}' (with a query known only at deployment after it, such as a SAS token), which vtaplint never fetches (it does not reach the network)`;

  test('is not followed, and the lint says so once, at the templateLink, and why', async () => {
    const cases: Record<string, string>[] = [
      // The default gives the address...
      { 'azuredeploy.json': parent({ uri: "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/tap.json', parameters('_artifactsLocationSasToken')))]" }, { _artifactsLocation: { type: 'string', defaultValue: ADDRESS } }) },
      // ... or the parameters file does, over the deployment() default.
      {
        'azuredeploy.json': parent({ uri: "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/tap.json', parameters('_artifactsLocationSasToken')))]" }),
        'azuredeploy.parameters.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { _artifactsLocation: { value: ADDRESS } } }),
      },
    ];
    for (const files of cases) {
      const dir = workspace({ ...files, 'nestedtemplates/tap.json': TAP });
      const { findings } = await findingsOf(['.', '--format', 'json'], dir);
      const about = findings.filter((f) => f.file === 'azuredeploy.json');
      const uriLine = (files['azuredeploy.json'] ?? '').split('\n').findIndex((l) => l.includes('"uri"')) + 1;
      expect(about.map((f) => [f.ruleId, f.level, f.line])).toEqual([['invalid-template', 'note', uriLine]]);
      expect(about[0]?.message).toContain(linkedFrom('monitoring-tap', 'nestedtemplates/tap.json'));
      expect(about[0]?.message).toContain("'nestedtemplates/tap.json' here, which the address seems to name, is linted on its own");
      // The nested template is still linted alone (with no location: unknown region).
      expect(findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => [f.file, f.level])).toEqual([['nestedtemplates/tap.json', 'note']]);
    }
  });

  test("what a rule cannot decide from that deployment's outputs names the address, not 'a location known only at deployment'", async () => {
    const main = JSON.parse(parent({ uri: "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/collector.json', parameters('_artifactsLocationSasToken')))]" }, { _artifactsLocation: { type: 'string', defaultValue: ADDRESS } })) as { resources: unknown[] };
    main.resources.push({
      type: 'Microsoft.Network/virtualNetworkTaps',
      apiVersion: '2023-09-01',
      name: 'hub-tap',
      location: 'eastus',
      dependsOn: ["[resourceId('Microsoft.Resources/deployments', 'monitoring-tap')]"],
      properties: { destinationNetworkInterfaceIPConfiguration: { id: "[reference('monitoring-tap').outputs.ipConfigurationId.value]" } },
    });
    const dir = workspace({ 'azuredeploy.json': `${JSON.stringify(main, null, 2)}\n`, 'nestedtemplates/collector.json': TAP });
    const { findings } = await findingsOf(['azuredeploy.json', '--format', 'json'], dir);
    const destination = findings.filter((f) => f.ruleId === 'vtap-destination-type');
    expect(destination.map((f) => f.level)).toEqual(['note']);
    expect(destination[0]?.message).toContain(`whose template is linked from '${ADDRESS}nestedtemplates/collector.json' (with a query known only at deployment after it, such as a SAS token) and never fetched`);
    expect(findings.filter((f) => f.ruleId === 'invalid-template').map((f) => f.message.slice(0, linkedFrom('monitoring-tap', 'nestedtemplates/collector.json').length))).toEqual([linkedFrom('monitoring-tap', 'nestedtemplates/collector.json')]);
  });

  test('the instances of a copy loop of such deployments are said once, by their loop', async () => {
    const main = JSON.parse(parent({ uri: "[uri(parameters('_artifactsLocation'), concat('nestedtemplates/tap.json', parameters('_artifactsLocationSasToken')))]" }, { _artifactsLocation: { type: 'string', defaultValue: ADDRESS } })) as {
      resources: Record<string, unknown>[];
    };
    Object.assign(main.resources[0] ?? {}, { name: "[concat('monitoring-tap-', copyIndex())]", copy: { name: 'regions', count: 3 } });
    const dir = workspace({ 'azuredeploy.json': `${JSON.stringify(main, null, 2)}\n`, 'nestedtemplates/tap.json': TAP });
    const { findings } = await findingsOf(['.', '--format', 'json'], dir);
    expect(findings.filter((f) => f.file === 'azuredeploy.json').map((f) => f.message.split(' is linked')[0])).toEqual(["the template of the deployments of copy loop 'regions'"]);
  });

  test('a web address whose file is not here is not said (nothing is linted alone in its stead)', async () => {
    const dir = workspace({ 'azuredeploy.json': parent({ uri: `${ADDRESS}nestedtemplates/tap.json` }) });
    const { findings } = await findingsOf(['.', '--format', 'json'], dir);
    expect(findings.filter((f) => f.ruleId === 'invalid-template')).toEqual([]);
  });
});
