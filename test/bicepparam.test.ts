// A value from a parameters file decides a finding: the finding points at the template and also
// at the assignment that gave the value, and a template linted through its .bicepparam is not
// linted a second time on its own.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, cli, findingsOf } from './helpers.js';

describe('values from parameters files', () => {
  test('a .bicepparam finding carries a related location at the assignment that supplied the value', async () => {
    const { findings } = await findingsOf(['fixtures/bicepparam/prod.bicepparam']);
    const v6 = findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6).toMatchObject({ file: 'fixtures/bicepparam/main.bicep', line: 43, column: 32 });
    expect(v6?.related).toContainEqual({ file: 'fixtures/bicepparam/prod.bicepparam', line: 4, column: 19, message: "the value of parameter 'webVmSize' is given here" });
    // A finding no value of the file decided gets no such location, only the deployment it is of
    // (with dev.bicepparam beside it, a finding of prod's alone said nothing of which it was).
    const live = findings.find((f) => f.ruleId === 'vtap-live-migration');
    expect(live?.related.filter((r) => r.file.endsWith('.bicepparam'))).toEqual([{ file: 'fixtures/bicepparam/prod.bicepparam', line: 1, column: 1, message: "in the deployment with this file's values" }]);
    // One the file decided names it there, and not again.
    expect(v6?.related.filter((r) => r.file.endsWith('.bicepparam'))).toHaveLength(1);
  });

  test('an ARM parameters file found by name is the related location too', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-source-vm-size-v6/fail-parameters-file.json']);
    const v6 = findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6?.related).toContainEqual(expect.objectContaining({ file: 'fixtures/vtap-source-vm-size-v6/fail-parameters-file.parameters.json', line: 6, column: 16, message: "the value of parameter 'vmSize' is given here" }));
  });

  test('linting the folder lints main.bicep once, through prod.bicepparam, not again without values', async () => {
    const { findings } = await findingsOf(['fixtures/bicepparam']);
    expect(findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`).sort()).toEqual(['vtap-live-migration@39:9', 'vtap-source-vm-size-v6@43:32']);
  });

  test('a template named on the command line is still linted on its own', async () => {
    const { findings } = await findingsOf(['fixtures/bicepparam', 'fixtures/bicepparam/main.bicep']);
    expect(findings.some((f) => f.ruleId === 'vtap-supported-region')).toBe(true);
  });

  test('SARIF carries the assignment as a related location with its exact region', async () => {
    const r = await cli(['fixtures/bicepparam', '--format', 'sarif']);
    const doc = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[] }[] }[] };
    const v6 = doc.runs[0]?.results.find((x) => x.ruleId === 'vtap-source-vm-size-v6');
    const fromParams = v6?.relatedLocations?.find((l) => l.physicalLocation.artifactLocation.uri.endsWith('prod.bicepparam'));
    expect(fromParams?.physicalLocation.region).toEqual({ startLine: 4, startColumn: 19, endLine: 4, endColumn: 36 });
  });

  test('an assignment the template does not declare, and a required parameter left out, are errors in the .bicepparam (BCP259, BCP258)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam'), dir, { recursive: true });
    // 'location' misspelt: the template's required 'location' gets no value.
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\n\nparam locaton = 'eastus'\nparam webVmSize = 'Standard_D4s_v5'\n");
    // A nullable parameter and one with a default need no assignment; names compare case-insensitively.
    writeFileSync(path.join(dir, 'other.bicep'), "param Location string\nparam tags object?\nparam size string = 'Standard_D2s_v5'\noutput l string = Location\n");
    writeFileSync(path.join(dir, 'other.bicepparam'), "using 'other.bicep'\nparam location = 'eastus'\n");
    const { findings } = await findingsOf(['.'], dir);
    const errors = findings.filter((f) => f.ruleId === 'invalid-template').map((f) => [f.file, f.line, f.column, f.message]);
    expect(errors).toEqual([
      ['prod.bicepparam', 1, 7, 'The following parameters are declared in the template but are missing an assignment in the params file: "location".'],
      ['prod.bicepparam', 3, 7, 'The parameter "locaton" is assigned in the params file without being declared in the template.'],
    ]);
  });

  test("a template's declarations in a .bicepparam (resource, module, output, targetScope, metadata) are the compiler's BCP337, at their keyword", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    writeFileSync(path.join(dir, 'main.bicep'), "param name string\noutput n string = name\n");
    writeFileSync(
      path.join(dir, 'main.bicepparam'),
      [
        "using 'main.bicep'",
        "param name = 'web'",
        "resource pip 'Microsoft.Network/publicIPAddresses@2024-05-01' = {",
        "  name: 'pip'",
        '}',
        "output n string = 'x'",
        "  module m 'main.bicep' = {",
        "  name: 'm'",
        '}',
        "targetScope = 'subscription'",
        "metadata owner = 'net'",
        "var suffix = 'prod'",
        "type env = 'prod' | 'dev'",
        '',
      ].join('\n'),
    );
    const { findings } = await findingsOf(['main.bicepparam'], dir);
    const message = 'This declaration type is not valid for a Bicep Parameters file. Supported declarations: "using", "extends", "param", "var", "type". (BCP337)';
    expect(findings.map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([
      [3, 1, 9, message],
      [6, 1, 7, message],
      [7, 3, 9, message],
      [10, 1, 12, message],
      [11, 1, 9, message],
    ]);
  });

  test('a .bicepparam for a compiled JSON template need not assign a parameter typed by a nullable definition (AVM lock, roleAssignments)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      definitions: {
        lockType: { type: 'object', properties: { kind: { type: 'string', nullable: true } }, nullable: true },
        roleAssignmentType: { type: 'array', items: { type: 'object' }, nullable: true },
        notNullable: { type: 'string' },
      },
      parameters: {
        name: { type: 'string' },
        lock: { $ref: '#/definitions/lockType' },
        roleAssignments: { $ref: '#/definitions/roleAssignmentType' },
        zone: { $ref: '#/definitions/notNullable' },
      },
      resources: {},
    };
    writeFileSync(path.join(dir, 'main.json'), JSON.stringify(template, null, 2));
    writeFileSync(path.join(dir, 'main.bicepparam'), "using 'main.json'\nparam name = 'web-nic'\n");
    const { findings } = await findingsOf(['main.bicepparam'], dir);
    // Only the parameter whose definition is not nullable must be assigned.
    expect(findings.filter((f) => f.ruleId === 'invalid-template').map((f) => f.message)).toEqual([
      'The following parameters are declared in the template but are missing an assignment in the params file: "zone".',
    ]);
  });

  test("values of the file a .bicepparam extends apply where it assigns none; its own win; an unreadable base is an error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'shared.bicepparam'), "using none\n\n// Organisation defaults\nparam location = 'westeurope'\nparam webVmSize = 'Standard_D8s_v6'\n");
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\nextends 'shared.bicepparam'\n\nparam location = 'eastus'\n");
    const { findings } = await findingsOf(['prod.bicepparam'], dir);
    const v6 = findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6?.message).toContain("'Standard_D8s_v6'");
    expect(v6?.related).toContainEqual({ file: 'shared.bicepparam', line: 5, column: 19, message: "the value of parameter 'webVmSize' is given here" });
    // location comes from prod.bicepparam (eastus is supported): no region finding.
    expect(findings.filter((f) => f.ruleId === 'vtap-supported-region')).toEqual([]);
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\nextends 'missing.bicepparam'\n");
    const broken = await findingsOf(['prod.bicepparam'], dir);
    expect(broken.findings.filter((f) => f.ruleId === 'invalid-template').map((f) => [f.file, f.line, f.column])).toEqual([['prod.bicepparam', 2, 9]]);
  });

  test("'extends' of a template and 'using' of a parameters file are errors at that path, not false errors placed in the (valid) file named", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'base.bicepparam'), "using 'main.bicep'\nparam location = 'eastus'\n");
    writeFileSync(path.join(dir, 'wrong-extends.bicepparam'), "using 'main.bicep'\nextends 'main.bicep'\n");
    writeFileSync(path.join(dir, 'wrong-using.bicepparam'), "using 'base.bicepparam'\n");
    const { findings } = await findingsOf(['wrong-extends.bicepparam', 'wrong-using.bicepparam', 'base.bicepparam'], dir);
    expect(findings.filter((f) => f.ruleId === 'invalid-template').map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      ['wrong-extends.bicepparam', 2, 9, "'extends' names 'main.bicep', which is not a parameters file: it must name a .bicepparam file"],
      ['wrong-using.bicepparam', 1, 7, "'using' names 'base.bicepparam', a parameters file: it must name the template the values are for (a .bicep or ARM .json file); to take another parameters file's values, use 'extends'"],
    ]);
  });

  test("'base' in a .bicepparam that extends another names the values that file gives (merged with spreads)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    writeFileSync(path.join(dir, 'main.bicep'), 'param tags object\nparam names array\noutput t object = tags\noutput n array = names\n');
    writeFileSync(path.join(dir, 'base.bicepparam'), "using none\nparam tags = { environment: 'dev', owner: 'platform' }\nparam names = ['a']\n");
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\nextends 'base.bicepparam'\nparam tags = {\n  ...base.tags\n  environment: 'prod'\n}\nparam names = [...base.names, 'b']\n");
    const r = await cli(['eval', 'prod.bicepparam'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ outputs: { t: { type: 'object', value: { environment: 'prod', owner: 'platform' } }, n: { type: 'array', value: ['a', 'b'] } } });
  });

  test("'base' gives the values the extended file computed with its own variables and values, not this file's", async () => {
    // Bicep: the variables of a base file compute its values and are not visible to the files that
    // extend it; what `base` names was an expression copied into the derived file, so a value built
    // from a base variable was an evaluation error there, and one built from another base value took
    // the derived file's value of it.
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    writeFileSync(path.join(dir, 'main.bicep'), 'param prefix string\nparam tapName string\nparam tags object\noutput t string = tapName\noutput g object = tags\n');
    writeFileSync(path.join(dir, 'base.bicepparam'), "using none\nvar org = 'contoso'\nparam prefix = org\nparam tapName = '${prefix}-tap'\nparam tags = { owner: '${org}-netops' }\n");
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\nextends 'base.bicepparam'\nvar org = 'fabrikam'\nparam prefix = 'prod'\nparam tapName = '${base.tapName}-01'\nparam tags = { ...base.tags, environment: org }\n");
    const r = await cli(['eval', 'prod.bicepparam'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ outputs: { t: { type: 'string', value: 'contoso-tap-01' }, g: { type: 'object', value: { owner: 'contoso-netops', environment: 'fabrikam' } } } });
  });

  test("a base that cannot be read is one error, at 'extends': not again at each use of 'base'", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam-extends'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\nextends 'platform.bicepparam'\n\nparam location = 'eastus'\nparam tapName = 'prod-tap'\nparam tags = {\n  ...base.tags\n  environment: 'prod'\n}\n");
    const { findings } = await findingsOf(['prod.bicepparam'], dir);
    expect(findings.filter((f) => f.level === 'error').map((f) => [f.file, f.line, f.column, f.message])).toEqual([['prod.bicepparam', 2, 9, "the parameters file 'platform.bicepparam' does not exist"]]);
  });

  test("a .bicepparam without 'using' is an error; one with 'using none' deploys nothing; an unreadable template is reported at the 'using' path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'no-using.bicepparam'), "param location = 'eastus'\n");
    writeFileSync(path.join(dir, 'base.bicepparam'), "using none\nparam location = 'eastus'\n");
    writeFileSync(path.join(dir, 'gone.bicepparam'), "using 'gone.bicep'\nparam location = 'eastus'\n");
    const { findings } = await findingsOf(['no-using.bicepparam', 'base.bicepparam', 'gone.bicepparam'], dir);
    expect(findings.filter((f) => f.ruleId === 'invalid-template').map((f) => [f.file, f.line, f.column])).toEqual([
      ['gone.bicepparam', 1, 7],
      ['no-using.bicepparam', 1, 1],
    ]);
  });

  test("a .bicepparam with 'using none' is given to a template with --parameters, as the Azure CLI takes it; named alone, stderr says how to use it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    writeFileSync(path.join(dir, 'main.bicep'), "param location string = 'eastus'\nparam vmSize string = 'Standard_D2s_v5'\noutput size string = vmSize\noutput loc string = location\n");
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using none\n\nparam vmSize = 'Standard_D4s_v6'\nparam location = toLower('WestEurope')\n");
    writeFileSync(path.join(dir, 'own.bicepparam'), "using 'main.bicep'\nparam vmSize = 'x'\n");
    const r = await cli(['eval', 'main.bicep', '--parameters', 'prod.bicepparam'], dir);
    expect(JSON.parse(r.stdout)).toEqual({ outputs: { size: { type: 'string', value: 'Standard_D4s_v6' }, loc: { type: 'string', value: 'westeurope' } } });
    // Saved with a byte order mark (Visual Studio writes one): the same file.
    writeFileSync(path.join(dir, 'bom.bicepparam'), `\uFEFF${readFileSync(path.join(dir, 'prod.bicepparam'), 'utf8')}`);
    expect((await cli(['eval', 'main.bicep', '--parameters', 'bom.bicepparam'], dir)).stdout).toBe(r.stdout);
    // Held to the one template as an ARM parameters file is: an entry it does not declare is ARM's error.
    writeFileSync(path.join(dir, 'typo.bicepparam'), "using none\nparam vmSzie = 'Standard_D4s_v5'\n");
    const typo = await cli(['main.bicep', '--parameters', 'typo.bicepparam', '--format', 'unix'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain("typo.bicepparam:2:7: error: the template's parameters file gives a value for the parameter 'vmSzie', which the template does not declare");
    // One that names its template is linted as a file of its own, as before.
    const own = await cli(['main.bicep', '--parameters', 'own.bicepparam'], dir);
    expect(own.code).toBe(2);
    expect(own.stderr).toContain("it names its template with 'using'");
    const alone = await cli(['prod.bicepparam'], dir);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe("vtaplint: 'prod.bicepparam' is not linted on its own: it names no template ('using none'); it is read through the .bicepparam files that extend it, or give it to the template it is for: vtaplint TEMPLATE --parameters prod.bicepparam\n");
  });

  test('a value from an unset environment variable is one unknown wherever the parameter is used, and says why it is unknown', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\n\nparam location = readEnvironmentVariable('VTAPLINT_TEST_NEVER_SET_LOCATION')\nparam webVmSize = 'Standard_D4s_v5'\n");
    const { findings } = await findingsOf(['prod.bicepparam'], dir);
    // Every resource is in `location`: one region, whatever its value.
    expect(findings.filter((f) => f.ruleId === 'vtap-same-region')).toEqual([]);
    expect(findings.find((f) => f.ruleId === 'vtap-supported-region')?.message).toContain(
      "the region of TAP 'tap1' is not known to vtaplint: readEnvironmentVariable('VTAPLINT_TEST_NEVER_SET_LOCATION'): the environment variable is not set where vtaplint runs",
    );
    // One related location at the readEnvironmentVariable() call: where the parameter's value is
    // given, not also "the value comes from here" at the same place.
    const atCall = findings.find((f) => f.ruleId === 'vtap-supported-region')?.related.filter((r) => r.file === 'prod.bicepparam' && r.line === 3);
    expect(atCall?.map((r) => [r.column, r.message])).toEqual([[18, "the value of parameter 'location' is given here"]]);
  });

  test("a function the .bicepparam file declares itself computes a value (it was '__bicep.pre is not defined')", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam'), dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'prod.bicepparam'),
      "using 'main.bicep'\n\nvar env = 'prod'\nfunc sized(tier string) string => 'Standard_D4s_${tier}'\nparam location = 'eastus'\nparam webVmSize = sized(env == 'prod' ? 'v6' : 'v5')\n",
    );
    const { findings } = await findingsOf(['prod.bicepparam'], dir);
    expect(findings.filter((f) => f.ruleId === 'evaluation-error' || f.ruleId === 'invalid-template')).toEqual([]);
    // The function's value decides the v6 rule.
    expect(findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6')?.message).toContain("'Standard_D4s_v6'");
  });

  test('two .bicepparam files using one template: a finding they share is reported once, one they decide once per file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    cpSync(path.join(REPO, 'fixtures/bicepparam'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'dev.bicepparam'), "using 'main.bicep'\n\nparam location = 'uksouth'\nparam webVmSize = 'Standard_D2s_v6'\n");
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.filter((f) => f.ruleId === 'vtap-live-migration')).toHaveLength(1);
    const v6 = findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6.map((f) => f.related.find((r) => r.file.endsWith('.bicepparam'))?.file).sort()).toEqual(['dev.bicepparam', 'prod.bicepparam']);
    expect(new Set(v6.map((f) => f.fingerprint)).size).toBe(2);
  });
});

describe('imports in .bicepparam files', () => {
  test('an imported value reads the variables and calls the functions of its own file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-import-'));
    writeFileSync(path.join(dir, 'sizes.json'), JSON.stringify({ web: { size: 'Standard_D2s_v6' } }));
    writeFileSync(
      path.join(dir, 'shared.bicep'),
      [
        "var table = loadJsonContent('sizes.json')",
        "func pick(s string) string => toLower(s) == 'standard_d2s_v6' ? s : 'Standard_D2s_v5'",
        '@export()',
        'var webSize = pick(table.web.size)',
        '@export()',
        "var region = 'eastus'",
      ].join('\n'),
    );
    cpSync(path.join(REPO, 'fixtures/bicepparam/main.bicep'), path.join(dir, 'main.bicep'));
    writeFileSync(path.join(dir, 'prod.bicepparam'), "using 'main.bicep'\nimport * as shared from 'shared.bicep'\nimport { webSize } from 'shared.bicep'\n\nparam location = shared.region\nparam webVmSize = webSize\n");
    const { findings } = await findingsOf(['prod.bicepparam'], dir);
    expect(findings.filter((f) => f.ruleId === 'evaluation-error')).toEqual([]);
    // The size comes through the imported variable, its file's variable and its function.
    expect(findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6')?.message).toContain("'Standard_D2s_v6'");
    expect(findings.some((f) => f.ruleId === 'vtap-supported-region')).toBe(false);
  });
});

describe('what a .bicepparam file reads when it is compiled', () => {
  const template = ['param region string', 'param size string', '@secure()', 'param password string', 'param fromCli string', 'param count int', 'output region string = region', 'output size string = size', 'output fromCli string = fromCli', 'output count int = count'].join('\n');
  const evalOf = async (params: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-inputs-'));
    writeFileSync(path.join(dir, 'main.bicep'), template);
    writeFileSync(path.join(dir, 'p.bicepparam'), `using 'main.bicep'\n${params}\n`);
    const r = await cli(['eval', 'p.bicepparam'], dir);
    return { ...r, outputs: (JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> }).outputs, lint: await findingsOf(['p.bicepparam'], dir) };
  };
  const rest = "param password = az.getSecret('00000000-0000-0000-0000-000000000000', 'rg', 'kv', 'pw')\nparam fromCli = externalInput('sys.cli', 'name')\nparam count = size == 'Standard_D2s_v6' ? 2 : 1";

  test('readEnvironmentVariable() reads the environment vtaplint runs in, else its default', async () => {
    process.env.VTAPLINT_TEST_REGION = 'uksouth';
    try {
      const r = await evalOf(`param region = readEnvironmentVariable('VTAPLINT_TEST_REGION')\nparam size = readEnvironmentVariable('VTAPLINT_TEST_UNSET', 'Standard_D2s_v6')\n${rest}`);
      expect(r.outputs.region?.value).toBe('uksouth');
      expect(r.outputs.size?.value).toBe('Standard_D2s_v6');
      // a value may use another parameter's
      expect(r.outputs.count?.value).toBe(2);
      // a Key Vault secret, an external input: values only known when compiled or deployed, not errors
      expect(r.outputs.fromCli?.value).toEqual({ $unknown: "externalInput(): an external input given when the file is compiled" });
      expect(r.lint.findings.filter((f) => f.ruleId === 'evaluation-error' || f.ruleId === 'invalid-template')).toEqual([]);
    } finally {
      delete process.env.VTAPLINT_TEST_REGION;
    }
  });

  test('an unset variable without a default is unknown; a name the compiler cannot know is an error', async () => {
    const r = await evalOf(`param region = readEnvironmentVariable('VTAPLINT_TEST_UNSET')\nparam size = readEnvironmentVariable(region)\n${rest}`);
    expect(r.outputs.region?.value).toEqual({ $unknown: "readEnvironmentVariable('VTAPLINT_TEST_UNSET'): the environment variable is not set where vtaplint runs; it is read when the file is compiled" });
    expect(r.lint.findings.filter((f) => f.ruleId === 'invalid-template').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['3:38 the value must be a compile-time constant']);
  });
});

describe('decorators in a .bicepparam file', () => {
  test('a decorator on an assignment is an error, as the compiler says (BCP130)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicepparam-'));
    writeFileSync(path.join(dir, 'main.bicep'), "param storageName string\nparam sku string = 'Standard_LRS'\n");
    writeFileSync(path.join(dir, 'main.bicepparam'), "using './main.bicep'\n\n@description('The name of the storage account to create.')\nparam storageName = 'mystorageacct'\nparam sku = 'Standard_LRS'\n");
    const { findings } = await findingsOf(['main.bicepparam'], dir);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'main.bicepparam:3:1 decorators are not allowed here (BCP130): a .bicepparam file assigns values, remove @description()',
    ]);
  });
});
