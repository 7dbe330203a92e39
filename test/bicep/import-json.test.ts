// Compile-time imports from an ARM JSON template (import-json.ts): the symbols it marks exported
// (`metadata.__bicep_exported_variables!`, `__bicep_export!` on functions and types) get the
// template's values, with what they use (non-exported variables, copy loops, renamed apart from
// the importing file's own); a missing, broken or outside file, and a name it does not export,
// is an error at the import.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, workspace, type JsonFinding } from '../helpers.js';

const SHARED = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  languageVersion: '2.0',
  contentVersion: '1.0.0.0',
  metadata: {
    _generator: { name: 'bicep', version: '0.30.23.60470', templateHash: '1' },
    '__bicep_exported_variables!': [{ name: 'tapRegion' }, { name: 'tapNames' }, { name: 'naming' }, { name: 'not-an-identifier' }],
  },
  definitions: { regionType: { type: 'string', allowedValues: ['westeurope', 'eastus'], metadata: { '__bicep_export!': true } } },
  functions: [
    {
      namespace: '__bicep',
      members: {
        tapName: {
          parameters: [{ type: 'string', name: 'workload' }],
          output: { type: 'string', value: "[format('{0}-{1}-tap', variables('prefix'), parameters('workload'))]" },
          metadata: { '__bicep_export!': true },
        },
      },
    },
  ],
  variables: {
    copy: [{ name: 'tapNames', count: "[length(variables('workloads'))]", input: "[format('{0}-{1}', variables('prefix'), variables('workloads')[copyIndex('tapNames')])]" }],
    prefix: 'contoso',
    workloads: ['web', 'api'],
    tapRegion: 'eastus',
    naming: { prefix: "[variables('prefix')]" },
    'not-an-identifier': 'quoted',
  },
  resources: {},
};

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function ws(files: Record<string, string>): string {
  const d = workspace(files, 'vtaplint-import-json-');
  dirs.push(d);
  return d;
}

async function outputs(dir: string, file: string): Promise<Record<string, unknown>> {
  const r = await cli(['eval', file], dir);
  expect(r.stderr).toBe('');
  const doc = JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> };
  return Object.fromEntries(Object.entries(doc.outputs).map(([k, v]) => [k, v.value]));
}

async function findings(dir: string, files: string[]): Promise<string[]> {
  const r = await cli([...files, '--format', 'json'], dir);
  const doc = JSON.parse(r.stdout) as { findings: JsonFinding[] };
  return doc.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
}

describe('import from an ARM JSON template', () => {
  it('named and wildcard imports get the template values: variables, copy loops, functions and the variables they use', async () => {
    const dir = ws({
      'shared.json': JSON.stringify(SHARED, null, 2),
      'main.bicep': [
        'import { tapRegion, tapNames, tapName, regionType } from \'shared.json\'',
        "import { 'not-an-identifier' as quoted } from 'shared.json'",
        "import * as shared from 'shared.json'",
        '',
        'param location regionType = tapRegion',
        '',
        "// The importing file's own `prefix`: the template's keeps its value.",
        "var prefix = 'local'",
        '',
        'output location string = location',
        'output names array = tapNames',
        'output namesViaNamespace array = shared.tapNames',
        "output fn string = tapName('web')",
        'output viaNamespace string = shared.naming.prefix',
        "output viaNamespaceFn string = shared.tapName('api')",
        'output quoted string = quoted',
        'output own string = prefix',
        '',
      ].join('\n'),
    });
    expect(await outputs(dir, 'main.bicep')).toEqual({
      location: 'eastus',
      names: ['contoso-web', 'contoso-api'],
      namesViaNamespace: ['contoso-web', 'contoso-api'],
      fn: 'contoso-web-tap',
      viaNamespace: 'contoso',
      viaNamespaceFn: 'contoso-api-tap',
      quoted: 'quoted',
      own: 'local',
    });
    expect(await findings(dir, ['main.bicep'])).toEqual([]);
  });

  it('a .bicepparam file imports from it too, copy loops included', async () => {
    const dir = ws({
      'shared.json': JSON.stringify(SHARED, null, 2),
      'main.bicep': 'param names array\nparam n string\n\noutput names array = names\noutput n string = n\n',
      'main.bicepparam': [
        "using 'main.bicep'",
        '',
        "import { tapNames, tapName } from 'shared.json'",
        "import * as shared from 'shared.json'",
        '',
        'param names = concat(tapNames, shared.tapNames)',
        "param n = '${tapName('x')}/${shared.naming.prefix}'",
        '',
      ].join('\n'),
    });
    expect(await outputs(dir, 'main.bicepparam')).toEqual({ names: ['contoso-web', 'contoso-api', 'contoso-web', 'contoso-api'], n: 'contoso-x-tap/contoso' });
  });

  it('an imported value reaches the rules: a TAP in the region a JSON template exports', async () => {
    const dir = ws({
      'shared.json': JSON.stringify({ ...SHARED, variables: { ...SHARED.variables, tapRegion: 'westeurope' } }, null, 2),
      'main.bicep': [
        "import { tapRegion } from 'shared.json'",
        '',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'tap'",
        '  location: tapRegion',
        '  properties: {}',
        '}',
        '',
      ].join('\n'),
    });
    const got = await findings(dir, ['main.bicep']);
    expect(got.filter((f) => f.includes('vtap-supported-region'))).toHaveLength(1);
    expect(got.find((f) => f.includes('vtap-supported-region'))).toMatch(/^main\.bicep:5:13 vtap-supported-region TAP 'tap' is in 'westeurope'/);
  });

  it('a name not exported, a missing, broken or outside file: an error at the import; the rest of the file is still read', async () => {
    const dir = ws({
      'shared.json': JSON.stringify(SHARED, null, 2),
      'broken.json': '{ "variables": { "y": 1 ',
      'array.json': '[1, 2]',
      'app/main.bicep': [
        "import { prefix, nothere, tapRegion } from '../shared.json'",
        "import { x } from 'missing.json'",
        "import { y } from '../broken.json'",
        "import * as arr from '../array.json'",
        '',
        'output region string = tapRegion',
        '',
      ].join('\n'),
    });
    const outside = workspace({ 'out.json': JSON.stringify(SHARED) }, 'vtaplint-import-json-outside-');
    dirs.push(outside);
    mkdirSync(path.join(dir, 'app'), { recursive: true });
    writeFileSync(path.join(dir, 'app/outside.bicep'), `import { tapRegion } from '${path.relative(path.join(dir, 'app'), path.join(outside, 'out.json')).split(path.sep).join('/')}'\n\noutput region string = tapRegion\n`);
    const got = await findings(dir, ['app/main.bicep', 'app/outside.bicep']);
    expect(got.map((f) => f.replace(/ENOENT.*$/, 'ENOENT').replace(/'\/[^']*out\.json' is outside/, "'OUT' is outside"))).toEqual([
      "app/main.bicep:1:10 invalid-template 'prefix' is not exported by '../shared.json'",
      "app/main.bicep:1:18 invalid-template 'nothere' is not exported by '../shared.json'",
      "app/main.bicep:2:19 invalid-template the import 'missing.json' does not exist",
      "app/main.bicep:3:19 invalid-template cannot import from '../broken.json': it is not a valid JSON template",
      "app/main.bicep:4:22 invalid-template cannot import from '../array.json': it is not a JSON object",
      expect.stringMatching(/^app\/outside\.bicep:1:27 invalid-template cannot read the import '.*out\.json': 'OUT' is outside the folder being linted \('[^']+'\); to check it, lint from '[^']+', which holds both \(there: vtaplint [^)]+\)$/),
      "broken.json:1:25 invalid-template invalid JSON: expected '}' to close the object (and 1 more error after it)",
    ]);
    // The exported variable of the same import still has its value; one that was not read is
    // unknown where it is used (said once, at the import).
    const ev = await cli(['eval', 'app/main.bicep'], dir);
    expect((JSON.parse(ev.stdout) as { outputs: { region: { value: unknown } } }).outputs.region.value).toBe('eastus');
    const out = await cli(['eval', 'app/outside.bicep'], dir);
    expect((JSON.parse(out.stdout) as { outputs: { region: { value: unknown } } }).outputs.region.value).toMatchObject({ $unknown: expect.anything() });
  });
});
