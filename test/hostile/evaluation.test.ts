// Hostile expressions and deployments: every one ends within the limits with a finding at the
// expression, and never reads outside the lint root or fetches anything.
import { readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Root, template, where, type HostileRun } from './helpers.js';
import { cli } from '../helpers.js';

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

const vnet = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name, location: 'westeurope', ...extra });
const deployment = (name: string, templateLink: Record<string, unknown>) => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name,
  properties: { mode: 'Incremental', templateLink },
});

describe('evaluation', () => {
  it('800 resource copies each with an 800-element property copy end quickly', T, async () => {
    const props = { copy: [{ name: 'subnets', count: 800, input: { name: "[concat('s', copyIndex('subnets'))]", properties: { addressPrefix: "[concat('10.', copyIndex('outer'), '.', copyIndex('subnets'), '.0/24')]" } } }] };
    root.write('copies.json', template({ resources: [vnet("[concat('v', copyIndex())]", { copy: { name: 'outer', count: 800 }, properties: props }), vnet("[concat('w', copyIndex())]", { copy: { name: 'big', count: 801 } })] }));
    const run = await root.lint();
    sane(run);
    // ARM's own limit stays an evaluation-error (ARM rejects the deployment).
    expect(where(run.findings)).toEqual(['evaluation-error|36|18']);
  });

  it('an expression Azure rejects is reported when a rule is what makes it evaluated', T, async () => {
    // Resource properties are evaluated when a rule first reads them, after the deployment stage.
    const config = { type: 'Microsoft.Network/networkInterfaces/tapConfigurations', apiVersion: '2024-05-01', name: 'nic1/tap', properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', string(div(1, 0)))]" } } };
    const file = root.write('late.json', template({ resources: [config] }));
    const run = await root.lint();
    const errors = run.findings.filter((f) => f.ruleId === 'evaluation-error');
    expect(errors.map((f) => f.message)).toEqual(["The template function 'div' can't divide by zero."]);
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('div(1, 0)')) + 1;
    expect(errors[0]?.line).toBe(line);
  });

  it("a missing variable in an if() branch is an error only when the branch is taken", T, async () => {
    const pools = (mode: unknown) => ({
      parameters: { mode: mode === undefined ? { type: 'string' } : { type: 'string', defaultValue: mode } },
      variables: { pool1: [{ id: 'x' }], pool: "[if(equals(parameters('mode'), 'lb'), variables('pool1'), variables('pool0'))]" },
      resources: [{ type: 'Microsoft.Network/networkInterfaces/tapConfigurations', apiVersion: '2024-05-01', name: 'nic1/tap', properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" }, pools: "[variables('pool')]" } }],
    });
    // The mode only known at deployment: either branch may run.
    root.write('unknown.json', template(pools(undefined)));
    // The default takes the branch that names a variable the template does not have.
    root.write('taken.json', template(pools('none')));
    const run = await root.lint();
    const errors = run.findings.filter((f) => f.ruleId === 'evaluation-error').map((f) => `${f.file}: ${f.message}`);
    expect(errors).toEqual(["taken.json: The template variable 'pool0' is not found. Did you mean 'pool1'?"]);
  });

  it('a lower maxCopyCount is a limit finding at the count', T, async () => {
    root.write('copies.json', template({ resources: [vnet("[concat('v', copyIndex())]", { copy: { name: 'outer', count: 100 } })] }));
    root.write('vtaplint.config.json', JSON.stringify({ limits: { maxCopyCount: 10 } }));
    const run = await root.lint();
    expect(where(run.findings)).toEqual(['limit-exceeded|12|18']);
    expect(run.findings[0]?.message).toContain('(limit maxCopyCount)');
  });

  it('a copy count beyond 2^53 (1e300, 2^53 + 1, a product) is an error at the count, as 1e6 is', T, async () => {
    // JSON.parse rounds such a count and vtaplint holds it as an inexact integer (an unknown):
    // the loops were treated as counts known only at deployment, with no finding at all.
    const text = template({
      resources: [
        vnet("[concat('a', copyIndex())]", { copy: { name: 'a', count: 'COUNT_A' } }),
        vnet("[concat('b', copyIndex())]", { copy: { name: 'b', count: 'COUNT_B' } }),
        vnet("[concat('c', copyIndex())]", { copy: { name: 'c', count: 'COUNT_C' } }),
        vnet("[concat('d', copyIndex())]", { copy: { name: 'd', count: '[mul(3037000499, 3037000499)]' } }),
      ],
      variables: { copy: [{ name: 'subnets', count: 'COUNT_A', input: "[copyIndex('subnets')]" }] },
      outputs: { o: { type: 'array', value: "[variables('subnets')]" } },
    });
    root.write('big-counts.json', text.replace('"COUNT_A"', '9007199254740993').replace('"COUNT_B"', '1e300').replace('"COUNT_C"', '-1e300').replace('"COUNT_A"', '9007199254740993'));
    const run = await root.lint();
    sane(run);
    expect(run.findings.map((f) => `${f.ruleId}|${f.line}|${f.message}`)).toEqual([
      "evaluation-error|12|copy count 9007199254740993 exceeds Azure's limit of 800; the deployment will be rejected (only the first 800 copies are analysed)",
      "evaluation-error|22|copy count 1e+300 exceeds Azure's limit of 800; the deployment will be rejected (only the first 800 copies are analysed)",
      'evaluation-error|32|copy count -1e+300 is negative',
      "evaluation-error|42|copy count 9223372030926249001 exceeds Azure's limit of 800; the deployment will be rejected (only the first 800 copies are analysed)",
      "evaluation-error|50|The copy count 9007199254740993 exceeds ARM's limit of 800.",
    ]);
  });

  it('a Bicep resource or module loop over range(0, 1000000) is an error at the loop, not only a limit warning', T, async () => {
    // The loop's copy count is length(range(0, 1000000)): range() stopped at maxArrayLength (a
    // limit warning) and length() of it was unknown, so the loop was one representative instance
    // with no error, exit 0, where ARM rejects the template (as for a copy count of 1000000).
    root.write('inner.bicep', 'output x int = 1\n');
    root.write(
      'loops.bicep',
      [
        "resource nics 'Microsoft.Network/networkInterfaces@2023-05-01' = [for i in range(0, 1000000): {",
        "  name: 'nic${i}'",
        "  location: 'westus'",
        '  properties: {}',
        '}]',
        "module m './inner.bicep' = [for i in range(0, 1000000): {",
        "  name: 'm${i}'",
        '}]',
        '',
      ].join('\n'),
    );
    const run = await root.lint();
    expect(run.code).toBe(1);
    expect(run.findings.map((f) => `${f.ruleId}|${f.line}|${f.message}`)).toEqual([
      "evaluation-error|1|copy count 1000000 exceeds Azure's limit of 800; the deployment will be rejected (only the first 800 copies are analysed)",
      'limit-exceeded|1|The array would have more than 100000 elements (limit maxArrayLength).',
      "evaluation-error|6|copy count 1000000 exceeds Azure's limit of 800; the deployment will be rejected (only the first 800 copies are analysed)",
      'limit-exceeded|6|The array would have more than 100000 elements (limit maxArrayLength).',
    ]);
  });

  it('eval and graph of values nested 20,000 deep (reduce() wrapping an array in an array): printed as unknown there, not an internal error', T, async () => {
    root.write(
      'deep.bicep',
      [
        'var d1 = reduce(range(0, 10000), [], (acc, i) => [acc])',
        'var deep = reduce(range(0, 10000), d1, (acc, i) => [acc])',
        'output deep array = deep',
        "output fine string = 'x'",
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet'\n  location: 'eastus'\n  tags: {\n    deep: string(length(deep))\n  }\n  properties: {\n    subnets: deep\n  }\n}",
        '',
      ].join('\n'),
    );
    // eval said 'vtaplint: internal error: Maximum call stack size exceeded' (exit 2), printing nothing.
    const ev = await cli(['eval', 'deep.bicep'], root.dir);
    expect(ev.stderr).not.toContain('internal error');
    const printed = JSON.parse(ev.stdout) as { outputs: { deep: { value: unknown }; fine: { value: unknown } } };
    expect(printed.outputs.fine.value).toBe('x');
    // 2048 levels of arrays, then the unknown that stands for the rest.
    const below = (v: unknown, levels: number): unknown => {
      let x = v;
      for (let i = 0; i < levels; i++) x = (x as unknown[])[0];
      return x;
    };
    const reason = 'the value is nested more than 2048 levels deep, too deep to print';
    expect(below(printed.outputs.deep.value, 2048)).toEqual({ $unknown: reason });
    const graph = await cli(['graph', 'deep.bicep'], root.dir);
    expect(graph.stderr).not.toContain('internal error');
    const vnet = (JSON.parse(graph.stdout) as { resources: { properties: { properties: { subnets: unknown } } }[] }).resources[0];
    expect(below(vnet?.properties.properties.subnets, 2047)).toMatchObject({ $unknown: 'limit', source: { reason } });
  });

  it('variables that double a string at each step stop at maxStringLength', T, async () => {
    const v: Record<string, string> = { v0: 'ab' };
    for (let i = 1; i <= 64; i++) v[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
    root.write('double.json', template({ variables: v, resources: [vnet("[variables('v64')]")] }));
    const run = await root.lint();
    sane(run);
    expect(where(run.findings)).toEqual(['limit-exceeded|35|14']);
    expect(run.findings[0]?.message).toContain('(limit maxStringLength)');
  });

  it('range(0, 2147483647) is refused before allocating', T, async () => {
    root.write('range.json', template({ resources: [vnet('[string(range(0, 2147483647))]')] }));
    const run = await root.lint();
    sane(run);
    expect(where(run.findings)).toEqual(['limit-exceeded|8|24']);
    expect(run.findings[0]?.message).toContain('(limit maxArrayLength)');
  });

  it('a recursive user function stops at maxExpressionDepth; an exponential one at maxEvaluationSteps', T, async () => {
    const fn = (value: string) => [{ namespace: 'ns', members: { f: { parameters: [{ name: 'n', type: 'int' }], output: { type: 'int', value } } } }];
    root.write('rec.json', template({ functions: fn("[ns.f(add(parameters('n'), 1))]"), resources: [vnet('[string(ns.f(0))]')] }));
    root.write('exp.json', template({ functions: fn("[if(equals(parameters('n'), 0), 1, add(ns.f(sub(parameters('n'), 1)), ns.f(sub(parameters('n'), 1))))]"), resources: [vnet('[string(ns.f(60))]')] }));
    root.write('vtaplint.config.json', JSON.stringify({ limits: { maxEvaluationSteps: 1_000_000 } }));
    const run = await root.lint();
    sane(run);
    const rec = run.findings.filter((f) => f.file === 'rec.json');
    expect(where(rec)).toEqual(['limit-exceeded|25|24']);
    expect(rec[0]?.message).toContain('(limit maxExpressionDepth)');
    const exp = run.findings.filter((f) => f.file === 'exp.json');
    expect(exp.length).toBeGreaterThan(0);
    expect(exp.every((f) => f.ruleId === 'limit-exceeded' && f.message.includes('(limit maxEvaluationSteps)'))).toBe(true);
  });

  it('cyclic variables are one finding at the variable', T, async () => {
    root.write('cyc.json', template({ variables: { a: "[variables('b')]", b: "[variables('c')]", c: "[variables('a')]" }, resources: [vnet("[variables('a')]")] }));
    const run = await root.lint();
    sane(run);
    expect(where(run.findings)).toEqual(['invalid-template|13|10']);
  });
});

describe('paths outside the root and URLs', () => {
  it('templateLink: relativePath escaping the root (.., absolute, link out) is a finding and not read; a uri is never fetched', T, async () => {
    writeFileSync(path.join(os.tmpdir(), 'vtaplint-outside.json'), template({}));
    symlinkSync(path.join(os.tmpdir(), 'vtaplint-outside.json'), root.path('out.json'));
    root.write(
      'link.json',
      template({
        resources: [
          deployment('d1', { relativePath: '../../../../../../etc/passwd' }),
          deployment('d2', { relativePath: '/etc/passwd' }),
          deployment('d3', { uri: 'https://example.com/t.json' }),
          deployment('d4', { relativePath: 'out.json' }),
        ],
      }),
    );
    const run = await root.lint(['link.json']);
    sane(run);
    expect(run.findings.map((f) => `${f.ruleId}|${f.line}|${/outside the folder/.test(f.message)}`)).toEqual([
      'invalid-template|12|true',
      'invalid-template|23|true',
      'invalid-template|45|true',
    ]);
    // Outside as written: /etc holds nothing of the root, so no folder to lint from is named.
    expect(run.findings[1]?.message).toBe("the linked template '/etc/passwd' of deployment 'd2' is outside the folder being linted and is not read");
    // The link inside the folder says where it leads.
    expect(run.findings[2]?.message).toBe(`the linked template 'out.json' of deployment 'd4' is outside the folder being linted and is not read: it leads through a symbolic link to '${realpathSync(path.join(os.tmpdir(), 'vtaplint-outside.json'))}'`);
  });

  it("an absolute path out of the root (`using '/dev/zero'`, a module '/etc/x.bicep') is named as written", T, async () => {
    // The message named it relative to the file ('../../../dev/zero'), a path the user never wrote.
    root.write('p.bicepparam', "using '/dev/zero'\n");
    root.write('m.bicep', "module m '/etc/x.bicep' = {\n  name: 'm'\n}\n");
    const run = await root.lint(['p.bicepparam', 'm.bicep']);
    expect(run.findings.map((f) => `${f.file}|${f.line}|${f.message}`)).toEqual([
      "m.bicep|1|cannot read the module '/etc/x.bicep': '/etc/x.bicep' is outside the folder being linted",
      "p.bicepparam|1|cannot read the template '/dev/zero': '/dev/zero' is outside the folder being linted",
    ]);
  });

  it('Bicep modules and load*Content paths escaping the root, links out, registries and URLs are findings, never read or fetched', T, async () => {
    writeFileSync(path.join(os.tmpdir(), 'vtaplint-out.bicep'), 'output x int = 1\n');
    symlinkSync(path.join(os.tmpdir(), 'vtaplint-out.bicep'), root.path('out.bicep'));
    symlinkSync('/etc/hostname', root.path('out.txt'));
    root.write(
      'esc.bicep',
      [
        "module m1 '../../../../etc/passwd.bicep' = {\n  name: 'm1'\n}",
        "module m2 '/etc/x.bicep' = {\n  name: 'm2'\n}",
        "module m3 'br:example.azurecr.io/x:1' = {\n  name: 'm3'\n}",
        "module m4 'https://example.com/x.bicep' = {\n  name: 'm4'\n}",
        "module m5 'out.bicep' = {\n  name: 'm5'\n}",
        "var a = loadTextContent('../../../../etc/passwd')",
        "var b = loadJsonContent('/etc/passwd')",
        "var c = loadFileAsBase64('out.txt')",
        "output o string = '${a}${b}${c}'",
        '',
      ].join('\n'),
    );
    const run = await root.lint(['esc.bicep']);
    sane(run);
    expect(where(run.findings)).toEqual([
      'invalid-template|1|11',
      'invalid-template|4|11',
      'invalid-template|10|11',
      'invalid-template|13|11',
      'invalid-template|16|25',
      'invalid-template|17|25',
      'invalid-template|18|26',
    ]);
  });

  it('a module or load*Content path that is a symbolic link out of the root says where the link leads', T, async () => {
    writeFileSync(path.join(os.tmpdir(), 'vtaplint-out.bicep'), 'output x int = 1\n');
    symlinkSync(path.join(os.tmpdir(), 'vtaplint-out.bicep'), root.path('shared.bicep'));
    symlinkSync('/dev/zero', root.path('zero.txt'));
    symlinkSync(os.tmpdir(), root.path('tmp'));
    root.write(
      'main.bicep',
      [
        "module m 'shared.bicep' = {\n  name: 'm'\n}",
        "var a = loadTextContent('zero.txt')",
        "var b = loadFileAsBase64('tmp/vtaplint-out.bicep')",
        "var c = loadJsonContent('../outside.json')",
        "output o string = '${a}${b}${c}'",
        '',
      ].join('\n'),
    );
    const run = await root.lint(['main.bicep']);
    sane(run);
    // The message named the link itself ("'/tmp/vtaplint-hostile-x/zero.txt' is outside the folder
    // being linted"), a path inside the folder: the reader could not tell why it was refused.
    const real = (p: string) => realpathSync(p);
    expect(run.findings.map((f) => `${f.line}|${f.column}|${f.message}`)).toEqual([
      `1|10|cannot read the module 'shared.bicep': it leads through a symbolic link to '${real(path.join(os.tmpdir(), 'vtaplint-out.bicep'))}', outside the folder being linted; it is not read`,
      `4|25|loadTextContent(): cannot read the file 'zero.txt': it leads through a symbolic link to '/dev/zero', outside the folder being linted; it is not read`,
      `5|26|loadFileAsBase64(): cannot read the file 'tmp/vtaplint-out.bicep': it leads through a symbolic link to '${real(path.join(os.tmpdir(), 'vtaplint-out.bicep'))}', outside the folder being linted; it is not read`,
      // Outside as written: the message names the folder that holds both, to lint from.
      `6|25|loadJsonContent(): cannot read the file '../outside.json': '${path.resolve(root.dir, '../outside.json')}' is outside the folder being linted ('${root.dir}'); to check it, lint from '${path.dirname(root.dir)}', which holds both (there: vtaplint ${path.basename(root.dir)})`,
    ]);
  });

  it('a template or parameters file that is a link out of the root is not read', T, async () => {
    symlinkSync('/etc/hostname', root.path('evil.json'));
    root.write('t.json', template({ parameters: { p: { type: 'string' } } }));
    symlinkSync('/etc/hostname', root.path('t.parameters.json'));
    const run = await root.lint(['evil.json', 't.json']);
    sane(run);
    expect(run.findings.map((f) => `${f.file}|${f.ruleId}|${f.line}`)).toEqual(['evil.json|invalid-template|1', 't.parameters.json|invalid-template|1']);
  });

  it("a parameters file the config maps from outside the root is not read (the config is the repository's, not the user's)", T, async () => {
    writeFileSync(path.join(os.tmpdir(), 'vtaplint-outside.parameters.json'), JSON.stringify({ parameters: { p: { value: 'from-outside' } } }));
    root.write('t.json', template({ parameters: { p: { type: 'string' } }, resources: [vnet("[parameters('p')]")] }));
    root.write('vtaplint.config.json', JSON.stringify({ parameters: [{ files: 't.json', parameterFile: path.join(os.tmpdir(), 'vtaplint-outside.parameters.json') }] }));
    const run = await root.lint(['t.json']);
    sane(run);
    expect(run.findings.map((f) => `${f.ruleId}|${/outside the folder/.test(f.message)}`)).toContain('invalid-template|true');
    // --parameters is the user's own choice: read from anywhere.
    const given = await root.lint(['t.json'], ['--parameters', path.join(os.tmpdir(), 'vtaplint-outside.parameters.json'), '--config', root.write('other.json', '{}')]);
    sane(given);
    expect(given.findings.filter((f) => /outside the folder/.test(f.message))).toEqual([]);
  });
});
