// Hostile files: whatever a file contains, it gets a finding at the right place (or is skipped
// when it is not meant as a template), quickly, and the template next to it is linted as if alone.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Root, template, where, type HostileRun } from './helpers.js';

const T = { timeout: 20_000 };
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
let root: Root;
beforeEach(() => {
  root = new Root();
});
afterEach(() => root.remove());

/** The checks every hostile run shares: no internal error, exit 1 (good.json's error), neighbour unchanged. */
function sane(run: HostileRun): void {
  expect(run.notifications).toEqual([]);
  expect(run.code).toBe(1);
  expect(run.good.length).toBeGreaterThan(0);
  expect(run.good).toEqual(run.goodAlone);
}

describe('nesting', () => {
  it('100,000-deep JSON nesting is refused at the first bracket past the limit', T, async () => {
    root.write('deep.json', `{"$schema":"${SCHEMA}","resources":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const run = await root.lint();
    sane(run);
    expect(where(run.findings)).toEqual(['limit-exceeded|1|624']);
    expect(run.findings[0]?.message).toContain('(limit maxJsonDepth)');
  });

  it('100,000-deep Bicep nesting (arrays, parentheses) is a limit finding; the next line is still parsed', T, async () => {
    root.write('deep.bicep', `var x = ${'['.repeat(100_000)}${']'.repeat(100_000)}\nvar y = ${'('.repeat(100_000)}1${')'.repeat(100_000)}\nvar z = nope(\n`);
    const run = await root.lint();
    sane(run);
    expect(run.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['limit-exceeded', 1],
      ['limit-exceeded', 2],
      ['invalid-template', 4],
    ]);
    expect(run.findings[0]?.message).toContain('(limit maxJsonDepth)');
  });

  it('Bicep types 10,000 suffixes deep (`string[][]...`, `t.p.p...`) and unary literal types: limit findings at the type, the next line still parsed', T, async () => {
    // The type parser built ArrayType(ArrayType(...)) in a loop without counting the levels, and
    // the lowering walked it recursively: 'internal error while lowering Bicep: Maximum call
    // stack size exceeded' at 1:1, exit 2, for the whole run.
    const deep = '[]'.repeat(10_000);
    root.write(
      'types.bicep',
      [
        `type list = string${deep}`,
        `type shape = {\n  items: string${deep}\n}`,
        `type vnets = resourceInput<'Microsoft.Network/virtualNetworks@2024-05-01'>${deep}`,
        `type picked = shape${'.items'.repeat(10_000)}`,
        `type negative = ${'-'.repeat(10_000)}1`,
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: substring('vnet', 20, 1)\n  location: 'eastus'\n}",
        '',
      ].join('\n'),
    );
    const run = await root.lint();
    sane(run);
    expect(run.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['limit-exceeded', 1],
      ['limit-exceeded', 3],
      ['limit-exceeded', 5],
      ['limit-exceeded', 6],
      ['limit-exceeded', 7],
      ['evaluation-error', 9],
    ]);
    for (const f of run.findings.slice(0, 5)) expect(f.message).toBe('nesting is too deep (more than 512 levels); the rest of the statement is not analysed (limit maxJsonDepth)');
  });

  it('loadJsonContent()/loadYamlContent() of content nested 300 or 50,000 deep: a limit finding at the call, not a value cut to null', T, async () => {
    // The content was converted 256 levels deep and null below, without a word: rules decided on a
    // value the file does not hold.
    root.write('deep.json', `{"location": ${'['.repeat(300)}"westeurope"${']'.repeat(300)}}`);
    root.write('deeper.json', `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    root.write('deep.yaml', `location: ${'['.repeat(300)}westeurope${']'.repeat(300)}\n`);
    root.write('deeper.yaml', `${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    root.write('fine.json', `{"location": ${'['.repeat(200)}"westeurope"${']'.repeat(200)}}`);
    root.write(
      'load.bicep',
      [
        "var a = loadJsonContent('deep.json')",
        "var b = loadJsonContent('deeper.json')",
        "var c = loadYamlContent('deep.yaml')",
        "var d = loadJsonContent('fine.json')",
        // The YAML parser ran out of stack: 'the file is not valid YAML: Maximum call stack size exceeded'.
        "var e = loadYamlContent('deeper.yaml')",
        'output o array = [a, b, c, d, e]',
        '',
      ].join('\n'),
    );
    const run = await root.lint();
    sane(run);
    const message = (fn: string) => `${fn}(): the content is nested more than 256 levels deep, deeper than vtaplint converts; its value is not known`;
    expect(run.findings.map((f) => `${f.ruleId}|${f.line}|${f.column}|${f.message}`)).toEqual([
      `limit-exceeded|1|25|${message('loadJsonContent')}`,
      `limit-exceeded|2|25|${message('loadJsonContent')}`,
      `limit-exceeded|3|25|${message('loadYamlContent')}`,
      `limit-exceeded|5|25|${message('loadYamlContent')}`,
    ]);
  });

  it('an expression nested 5,000 deep is a limit finding at the expression', T, async () => {
    root.write('expr.json', template({ resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: `[${'not('.repeat(5000)}true()${')'.repeat(5000)}]`, location: 'westeurope' }] }));
    const run = await root.lint();
    sane(run);
    expect(run.findings.map((f) => [f.ruleId, f.line])).toEqual([['limit-exceeded', 8]]);
    expect(run.findings[0]?.message).toContain('(limit maxExpressionDepth)');
  });
});

describe('chains of references', () => {
  it('800 nested deployments, each reading the outputs of the next, are one limit finding, the same on every run', T, async () => {
    const inner = { $schema: SCHEMA, contentVersion: '1.0.0.0', parameters: { x: { type: 'string' } }, resources: [], outputs: { o: { type: 'string', value: "[parameters('x')]" } } };
    const resources = Array.from({ length: 800 }, (_, i) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: `d${i}`,
      properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, parameters: { x: { value: i < 799 ? `[reference('d${i + 1}').outputs.o.value]` : 'end' } }, template: inner },
    }));
    root.write('chain.json', template({ resources }));
    const first = await root.lint();
    sane(first);
    const second = await root.lint();
    expect(second.findings).toEqual(first.findings);
    expect(first.findings.map((f) => f.ruleId)).toEqual(['limit-exceeded']);
    expect(first.findings[0]?.message).toContain("in a chain more than 64 long (here 'd65')");
  });
});

describe('size', () => {
  it('a 50 MB file is refused by maxFileBytes with a finding, without being read', T, async () => {
    const body = `{"$schema":"${SCHEMA}","resources":[],"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    root.write('huge.json', body);
    const run = await root.lint();
    sane(run);
    expect(where(run.findings)).toEqual(['limit-exceeded|1|1']);
    expect(run.findings[0]?.message).toContain('(limit maxFileBytes)');
  });

  it('a legitimate 30 MB template of 10,000 VMs is analysed within the default limits', { timeout: 60_000 }, async () => {
    const loc = "[parameters('location')]";
    const subnet = "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]";
    const resources: unknown[] = [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', location: loc, properties: { subnets: [{ name: 'default', properties: { addressPrefix: '10.0.0.0/16' } }] } }];
    for (let i = 0; i < 10_000; i++) {
      const nicId = `[resourceId('Microsoft.Network/networkInterfaces', 'nic-${i}')]`;
      resources.push(
        { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: `nic-${i}`, location: loc, tags: { d: 'x'.repeat(700) }, properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnet } } }] } },
        { type: 'Microsoft.Compute/virtualMachines', apiVersion: '2024-07-01', name: `vm-${i}`, location: loc, dependsOn: [nicId], tags: { d: 'y'.repeat(700) }, properties: { hardwareProfile: { vmSize: 'Standard_D2s_v5' }, storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' } }, networkProfile: { networkInterfaces: [{ id: nicId }] } } },
      );
    }
    // The last resource has a broken name: its finding shows the whole file was analysed.
    resources.push({ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[concat('last', )]", location: loc });
    const text = template({ parameters: { location: { type: 'string', defaultValue: 'eastus' } }, resources });
    expect(text.length).toBeGreaterThan(28_000_000);
    expect(text.length).toBeLessThan(32_000_000);
    root.write('big.json', text);
    const run = await root.lint(['big.json']);
    sane(run);
    expect(run.findings.map((f) => f.ruleId)).toEqual(['invalid-template']);
    expect(run.findings[0]?.line).toBe(text.slice(0, text.indexOf("[concat('last', )]")).split('\n').length);
  });

  it('other JSON too large to read (a data set, a lock file) is skipped when found in a folder, as other JSON is', T, async () => {
    root.write('vtaplint.config.json', JSON.stringify({ limits: { maxFileBytes: 1024 * 1024 } }));
    // It was a limit-exceeded warning on every run (which --max-warnings 0 fails).
    root.write('data.json', JSON.stringify({ rows: Array.from({ length: 60_000 }, (_, i) => ({ id: i, name: `row ${i}` })) }));
    root.write('data.jsonc', `// export\n${JSON.stringify({ rows: Array.from({ length: 60_000 }, (_, i) => ({ id: i, name: `row ${i}` })) })}`);
    // What says it is a template or a parameters file at its beginning is still reported; so is
    // a template without $schema whose beginning has resources and contentVersion.
    root.write('big.json', template({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    root.write('big.parameters.json', JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { pad: { value: 'x'.repeat(2 * 1024 * 1024) } } }));
    root.write('noschema.json', JSON.stringify({ contentVersion: '1.0.0.0', resources: [], pad: 'x'.repeat(2 * 1024 * 1024) }));
    const run = await root.lint();
    sane(run);
    expect(run.findings.map((f) => `${f.ruleId}|${f.file}`).sort()).toEqual(['limit-exceeded|big.json', 'limit-exceeded|big.parameters.json', 'limit-exceeded|noschema.json']);
    // Named on the command line, it is reported whatever it is.
    expect(where((await root.lint(['data.json'])).findings)).toEqual(['limit-exceeded|1|1']);
  });

  it('the limit is the config\'s: raised, the same file is analysed', T, async () => {
    root.write('big.json', template({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    root.write('vtaplint.config.json', JSON.stringify({ limits: { maxFileBytes: 1024 * 1024 } }));
    expect(where((await root.lint()).findings)).toEqual(['limit-exceeded|1|1']);
    root.write('vtaplint.config.json', JSON.stringify({ limits: { maxFileBytes: 8 * 1024 * 1024 } }));
    expect((await root.lint()).findings).toEqual([]);
  });

  it('an unknown limit key in the config is a usage error naming it', T, async () => {
    root.write('vtaplint.config.json', JSON.stringify({ limits: { maxFiles: 1 } }));
    const r = await root.lint().catch(() => undefined);
    expect(r).toBeUndefined(); // JSON output is empty: exit 2 with the reason on stderr
  });
});

describe('encodings and bytes', () => {
  it('invalid UTF-8 is reported at the line and column of the bad byte', T, async () => {
    root.write('bad.json', Buffer.concat([Buffer.from(`{\n  "$schema": "${SCHEMA}",\n  "a": "x`), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('"\n}')]));
    const run = await root.lint(['bad.json']);
    sane(run);
    expect(where(run.findings)).toEqual(['invalid-template|3|10']);
    expect(run.findings[0]?.message).toMatch(/not valid UTF-8/);
  });

  it.runIf(process.platform === 'linux')('a file whose name is not valid UTF-8 is said to be unreadable for its name, not to not exist', T, async () => {
    // Node lists the name with U+FFFD for the bad bytes; that name opens nothing.
    writeFileSync(Buffer.concat([Buffer.from(`${root.dir}/e`), Buffer.from([0xff, 0xfe]), Buffer.from('.json')]), template({}));
    const run = await root.lint(['.']);
    expect(run.good).toEqual(run.goodAlone);
    // JSON keeps the unreadable file's notification next to its finding (the formats for people leave it out).
    expect(run.notifications.map((n) => n.message)).toEqual([
      "cannot read the file: its name is not valid UTF-8 (the bad bytes are shown as '\uFFFD'), and files are opened by names in UTF-8: rename it (the file is not analysed)",
    ]);
    expect(run.findings.map((f) => [f.ruleId, f.file, f.message])).toEqual([
      ['invalid-template', 'e\uFFFD\uFFFD.json', "cannot read the file: its name is not valid UTF-8 (the bad bytes are shown as '\uFFFD'), and files are opened by names in UTF-8: rename it"],
    ]);
  });

  it('UTF-16 with a BOM (LE and BE) is read; without a BOM it is a clear finding', T, async () => {
    const text = template({ resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[concat('a', )]", location: 'westeurope' }] });
    root.write('le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le').swap16();
    root.write('be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    root.write('nobom.json', Buffer.from(text, 'utf16le'));
    const run = await root.lint();
    sane(run);
    expect(run.findings.map((f) => `${f.file}|${f.ruleId}|${f.line}|${f.column}`)).toEqual(['be.json|invalid-template|8|29', 'le.json|invalid-template|8|29', 'nobom.json|invalid-template|1|1']);
    expect(run.findings[2]?.message).toMatch(/UTF-16 without a byte order mark/);
  });

  it('a NUL byte is reported where it is', T, async () => {
    root.write('nul.json', `{"$schema": "${SCHEMA}",\n"resources": [\u0000]}`);
    const run = await root.lint();
    sane(run);
    expect(where(run.findings)).toEqual(['invalid-template|2|15']);
  });

  it('CRLF and lone CR line ends give the same positions as LF', T, async () => {
    const text = template({ resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[concat('a', )]", location: 'westeurope' }] });
    root.write('lf.json', text);
    root.write('crlf.json', text.replace(/\n/g, '\r\n'));
    root.write('cr.json', text.replace(/\n/g, '\r'));
    const run = await root.lint();
    sane(run);
    expect(run.findings.map((f) => `${f.file}|${f.ruleId}|${f.line}|${f.column}`)).toEqual(['cr.json|invalid-template|8|29', 'crlf.json|invalid-template|8|29', 'lf.json|invalid-template|8|29']);
  });

  it('Bicep with a byte order mark, CRLF and LF mixed, and invisible characters where code goes: each named by its code point, at its place', T, async () => {
    const text = '\uFEFFparam location string = \'eastus\'\r\n\r\n\uFEFFvar a = 1\nvar b =\u00A02\r\nvar c = \u200B3\r\noutput d string = substring(\'ab\', 5, 1)\n';
    root.write('bom.bicep', Buffer.from(text, 'utf8'));
    const run = await root.lint();
    sane(run);
    // A second byte order mark was "unrecognized character ' '": the character is invisible.
    expect(run.findings.map((f) => `${f.ruleId}|${f.line}|${f.column}|${f.message}`)).toEqual([
      'invalid-template|3|1|unrecognized character U+FEFF (a byte order mark, which only the start of a file may have)',
      'invalid-template|4|8|unrecognized character U+00A0 (a no-break space)',
      'invalid-template|5|9|unrecognized character U+200B (an invisible character)',
      "evaluation-error|6|35|The index parameter of 'substring' must be within the string. The index parameter: '5', the length of the string parameter: '2'.",
    ]);
  });

  it('a binary file named .json is a finding when named, skipped when found in a folder', T, async () => {
    const b = Buffer.alloc(4096);
    for (let i = 0; i < b.length; i++) b[i] = (i * 131 + 7) & 0xff;
    root.write('bin.json', b);
    sane(await root.lint());
    expect((await root.lint()).findings.length).toBeLessThanOrEqual(1);
    const named = await root.lint(['bin.json']);
    sane(named);
    expect(named.findings.map((f) => f.ruleId)).toEqual(['invalid-template']);
  });

  it('empty files: an empty .json named is invalid, an empty .bicep is an empty program', T, async () => {
    root.write('empty.json', '');
    root.write('empty.bicep', '');
    const run = await root.lint(['empty.json', 'empty.bicep']);
    sane(run);
    expect(run.findings.map((f) => `${f.file}|${f.ruleId}|${f.line}|${f.column}`)).toEqual(['empty.json|invalid-template|1|1']);
  });
});

describe('the file system', () => {
  it('directories named x.json / y.bicep and symbolic link loops are not files to lint', T, async () => {
    mkdirSync(root.path('x.json'));
    mkdirSync(root.path('y.bicep'));
    symlinkSync('a.json', root.path('b.json'));
    symlinkSync('b.json', root.path('a.json'));
    mkdirSync(root.path('d'));
    symlinkSync('..', root.path('d/up'));
    const run = await root.lint();
    sane(run);
    expect(run.findings).toEqual([]);
    // A link loop named on the command line is no file: reported as matching nothing, which is
    // bad usage (exit 2) even next to the files that are linted; those are still reported.
    const named = await root.lint(['a.json']);
    expect(named.code).toBe(2);
    expect(named.good).toEqual(named.goodAlone);
    expect(named.notifications).toEqual([{ level: 'warning', message: "no files match 'a.json'", file: null }]);
    expect(named.findings).toEqual([]);
    expect(named.stderr).toContain("'a.json' is a symbolic link that leads back to itself (a loop)");
  });
});

describe('cycles in Bicep', () => {
  it('a resource scope chain back to itself is a finding, not a stack overflow (corpus InvalidResources_CRLF)', T, async () => {
    const res = (n: string, scope: string) => `resource ${n} 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: '${n}'\n  scope: ${scope}\n}\n`;
    root.write('scope.bicep', `${res('a', 'b')}${res('b', 'a')}${res('c', 'c')}output o string = a.id\n`);
    const run = await root.lint();
    sane(run);
    expect(where(run.findings)).toEqual(['invalid-template|3|10', 'invalid-template|7|10', 'invalid-template|11|10']);
    expect(run.findings[0]?.message).toContain("'scope' chain");
  });
});

describe('prototype keys', () => {
  it('__proto__, constructor and prototype keys at any level are data; Object.prototype is untouched', T, async () => {
    root.write(
      'proto.json',
      `{"$schema":"${SCHEMA}","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},` +
        `"parameters":{"__proto__":{"type":"string","defaultValue":"x"},"constructor":{"type":"object","defaultValue":{"__proto__":{"polluted":5}}}},` +
        `"variables":{"__proto__":"[parameters('__proto__')]","constructor":{"__proto__":{"a":1}},"prototype":"[variables('constructor')]"},` +
        `"resources":[{"type":"Microsoft.Network/virtualNetworks","apiVersion":"2024-05-01","name":"[concat(variables('__proto__'), string(variables('prototype')), string(parameters('constructor')), json('{\\"__proto__\\":{\\"polluted\\":4}}').__proto__.polluted)]","location":"westeurope",` +
        `"properties":{"__proto__":{"polluted":3},"constructor":1,"prototype":[]}}],` +
        `"outputs":{"__proto__":{"type":"object","value":"[union(json('{\\"__proto__\\":{\\"polluted\\":6}}'), createObject('__proto__', 7))]"}}}`,
    );
    const run = await root.lint();
    sane(run);
    expect(run.findings).toEqual([]);
    // The same in Bicep: object keys and symbol names are data (a '__proto__' key was lost in lowering).
    root.write(
      'proto.bicep',
      [
        "var __proto__ = { polluted: 0 }",
        "var o = {\n  '__proto__': { polluted: 1 }\n  constructor: { prototype: { polluted: 2 } }\n  prototype: 'x'\n}",
        "var j = json('{\"__proto__\": {\"polluted\": 3}}')",
        "var u = union(o, j, { '__proto__': { polluted: 4 } })",
        "resource v 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
        "  name: '${o.__proto__.polluted}-${u.constructor.prototype.polluted}-${j['__proto__'].polluted}-${__proto__.polluted}'",
        "  location: 'westeurope'",
        "  properties: {\n    '__proto__': { polluted: 5 }\n  }",
        '}',
        'output x object = u',
        '',
      ].join('\n'),
    );
    const bicep = await root.lint(['proto.bicep']);
    sane(bicep);
    expect(bicep.findings).toEqual([]);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('a');
  });
});
