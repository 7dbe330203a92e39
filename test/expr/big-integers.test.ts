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
