// ARM's integers are exact 64-bit values; a JS number is exact only up to 2^53. An integer beyond
// that (written in a template, in an expression, in Bicep, or computed) is never silently a nearby
// number: it is compared and printed with the digits ARM has, or it is unknown.
import { describe, expect, it } from 'vitest';
import { cli, findingsOf, workspace } from '../helpers.js';

const template = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: {
    tooBig: { type: 'int', defaultValue: 0, maxValue: 0 },
    fine: { type: 'int', defaultValue: 0, maxValue: 0 },
  },
  variables: { largest: 0 },
  resources: [],
  outputs: {
    literal: { type: 'int', value: 0 },
    largest: { type: 'int', value: "[variables('largest')]" },
    sum: { type: 'int', value: '[add(9007199254740992, 1)]' },
    text: { type: 'string', value: '[string(9007199254740993)]' },
    overflow: { type: 'int', value: "[add(variables('largest'), 1)]" },
  },
})
  // JSON.stringify cannot write these numbers; the template is written as a user writes it.
  .replace('"defaultValue":0,"maxValue":0}', '"defaultValue":9007199254740993,"maxValue":9007199254740992}')
  .replace('"defaultValue":0,"maxValue":0}', '"defaultValue":9007199254740993,"maxValue":9007199254740993}')
  .replace('"largest":0', '"largest":9223372036854775807')
  .replace('"literal":{"type":"int","value":0}', '"literal":{"type":"int","value":9007199254740993}');

describe('integers beyond 2^53', () => {
  it('vtaplint eval prints the digits ARM has, from JSON literals, expression literals and exact arithmetic', async () => {
    const r = await cli(['eval', 'main.json'], workspace({ 'main.json': template }));
    expect(r.stdout).toMatch(/"literal": \{\s+"type": "int",\s+"value": 9007199254740993\s+\}/);
    expect(r.stdout).toMatch(/"largest": \{\s+"type": "int",\s+"value": 9223372036854775807\s+\}/);
    expect(r.stdout).toMatch(/"sum": \{\s+"type": "int",\s+"value": 9007199254740993\s+\}/);
    expect(r.stdout).toMatch(/"text": \{\s+"type": "string",\s+"value": "9007199254740993"\s+\}/);
    expect(r.stdout).not.toMatch(/9223372036854776000|9007199254740992\s*\n/);
  });

  it('bounds compare exactly, and an overflow of ARM\'s largest integer is still an error', async () => {
    const { findings } = await findingsOf(['main.json'], workspace({ 'main.json': template }));
    expect(findings.map((f) => f.message)).toEqual([
      "The provided value for the template parameter 'tooBig' is not valid: 9007199254740993 is greater than the maxValue 9007199254740992.",
      "The result of 'add' is outside the range of a 64-bit integer.",
    ]);
  });

  it('a Bicep integer literal beyond 2^53 keeps its digits, for @maxValue() too', async () => {
    const main = ['@maxValue(9007199254740992)', 'param count int = 9007199254740993', 'output count int = count', 'output largest int = 9223372036854775807', ''].join('\n');
    const dir = workspace({ 'main.bicep': main });
    const r = await cli(['eval', 'main.bicep'], dir);
    expect(r.stdout).toMatch(/"largest": \{\s+"type": "int",\s+"value": 9223372036854775807\s+\}/);
    const { findings } = await findingsOf(['main.bicep'], dir);
    expect(findings.map((f) => f.message)).toEqual([
      "The provided value for the template parameter 'count' is not valid: 9007199254740993 is greater than the maxValue 9007199254740992.",
    ]);
  });
});

describe('integers beyond 2^53 supplied to a template', () => {
  const main = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { n: { type: 'int', maxValue: 0 }, list: { type: 'array', defaultValue: [] } },
    resources: [],
    outputs: { n: { type: 'int', value: "[parameters('n')]" }, first: { type: 'int', value: "[parameters('list')[0]]" } },
  }).replace('"maxValue":0', '"maxValue":9007199254740992');
  // Written as a user writes it (JSON.stringify cannot write these numbers).
  const params = (n: string) =>
    `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "n": { "value": ${n} },\n    "list": { "value": [9007199254740993] }\n  }\n}\n`;

  it('a parameters file value keeps its digits: checked against maxValue exactly, printed by eval as written', async () => {
    const dir = workspace({ 'main.json': main, 'main.parameters.json': params('9007199254740993'), 'ok.json': main, 'ok.parameters.json': params('9007199254740992') });
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "main.parameters.json:5:21 The provided value for the template parameter 'n' is not valid: 9007199254740993 is greater than the maxValue 9007199254740992.",
    ]);
    const r = await cli(['eval', 'ok.json', '--parameters', 'main.parameters.json'], dir);
    expect(r.stdout).toMatch(/"first": \{\s+"type": "int",\s+"value": 9007199254740993\s+\}/);
    expect(r.stdout).not.toMatch(/9007199254740992\s*\n/);
  });

  it('-p name=value: the digits given', async () => {
    const dir = workspace({ 'main.json': main });
    const r = await cli(['eval', 'main.json', '-p', 'n=9007199254740992'], dir);
    expect(r.stdout).toMatch(/"n": \{\s+"type": "int",\s+"value": 9007199254740992\s+\}/);
    const over = await cli(['eval', 'main.json', '-p', 'n=9007199254740993'], dir);
    expect(over.stderr).toContain('9007199254740993 is greater than the maxValue 9007199254740992');
  });

  it('a .bicepparam literal keeps its digits through the parameter (eval printed it as unknown)', async () => {
    const dir = workspace({ 'main.bicep': 'param n int\noutput n int = n\n', 'main.bicepparam': "using 'main.bicep'\nparam n = 9007199254740993\n" });
    const r = await cli(['eval', 'main.bicepparam'], dir);
    expect(r.stdout).toMatch(/"n": \{\s+"type": "int",\s+"value": 9007199254740993\s+\}/);
  });
});

describe('integers beyond 2^53 in JSON text read by json()', () => {
  it('keep their digits, as Newtonsoft reads them (an Int64 or a BigInteger): json() rounded them silently', async () => {
    // Written by hand: JSON.stringify cannot write these numbers.
    const t = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [],
  "outputs": {
    "obj": { "type": "object", "value": "[json('{\\"n\\": 9007199254740993}')]" },
    "huge": { "type": "object", "value": "[json('{\\"n\\": 99999999999999999999}')]" },
    "text": { "type": "string", "value": "[string(json('{\\"n\\": 9007199254740993}'))]" },
    "sum": { "type": "int", "value": "[add(json('9007199254740993'), 1)]" }
  }
}`;
    const dir = workspace({ 't.json': t });
    const r = await cli(['eval', 't.json'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('"n": 9007199254740993');
    expect(r.stdout).toContain('"n": 99999999999999999999');
    expect(r.stdout).toContain('"value": "{\\"n\\":9007199254740993}"');
    expect(r.stdout).toContain('"value": 9007199254740994');
  });
});
