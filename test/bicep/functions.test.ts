// Calls of Bicep functions that do not exist, or with the wrong number of arguments, are errors
// at the call wherever they are (also in properties no rule reads), with one finding each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findingsOf } from '../helpers.js';
import { builtinCallProblem } from '../../src/bicep/functions.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-bicep-fn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const r = await findingsOf([...Object.keys(files), '--format', 'json'], dir);
  return r.findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.ruleId}: ${f.message}`);
}

describe('Bicep built-in function calls', () => {
  it('reports unknown names (case included) and wrong argument counts at the call, in any property', async () => {
    const found = await lint({
      'calls.bicep': [
        "var a = toupper('x')",
        "var b = toLower('x', 'y')",
        'var c = nosuchfn(1)',
        "var d = parameters('p')",
        'var e = concat()',
        "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
        "  name: 'st${uniqueString(resourceGroup().id)}'",
        '  location: resourceGroup().location',
        "  kind: 'StorageV2'",
        "  sku: { name: 'Standard_LRS' }",
        "  tags: { t: padLeft('x') }",
        '}',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' = {",
        "  name: 'tap'",
        "  location: toupper('westeurope')",
        '  properties: {}',
        '}',
        "output o string = '${a}${b}${c}${d}${e}'",
        '',
      ].join('\n'),
    });
    // The tap's location is read by a rule: still one finding for the call, not a second from ARM.
    expect(found.filter((f) => / (invalid-template|evaluation-error): /.test(f))).toEqual([
      "calls.bicep:1:9-16 invalid-template: the function 'toupper' does not exist; did you mean 'toUpper'? (Bicep names are case-sensitive)",
      'calls.bicep:2:16-26 invalid-template: toLower() takes 1 argument, but is given 2',
      "calls.bicep:3:9-17 invalid-template: the function 'nosuchfn' does not exist",
      "calls.bicep:4:9-19 invalid-template: 'parameters()' is an ARM template function that Bicep does not have; use the parameter's name",
      'calls.bicep:5:15-17 invalid-template: concat() takes at least 1 argument, but is given 0',
      'calls.bicep:11:21-26 invalid-template: padLeft() takes 2 to 3 arguments, but is given 1',
      "calls.bicep:15:13-20 invalid-template: the function 'toupper' does not exist; did you mean 'toUpper'? (Bicep names are case-sensitive)",
    ]);
  });

  it('accepts user-defined and imported functions, namespaces, lambdas, list*() and scope functions', async () => {
    const found = await lint({
      'lib.bicep': "@export()\nfunc greet(n string) string => 'hi ${n}'\n",
      'ok.bicep': [
        "import { greet } from 'lib.bicep'",
        "import * as lib from 'lib.bicep'",
        'func double(x int) int => x * 2',
        'var a = double(2)',
        "var b = greet('a')",
        "var c = lib.greet('b')",
        "var d = sys.toUpper('x')",
        'var e = az.resourceGroup().location',
        'var f = map([1, 2], x => x + 1)',
        "var g = listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01')",
        "var h = managementGroup('mg')",
        'var i = subscription().subscriptionId',
        "var j = max(1, 2, 3)",
        "output o array = [a, b, c, d, e, f, g, h, i, j]",
        '',
      ].join('\n'),
    });
    expect(found.filter((f) => f.startsWith('ok.bicep'))).toEqual([]);
  });

  it('leaves unqualified unknown names alone in a file with extensions (they may bring functions)', () => {
    expect(builtinCallProblem('fromExtension', 1, true)).toBeUndefined();
    expect(builtinCallProblem('fromExtension', 1, false)?.at).toBe('name');
    // Argument counts of sys functions are still checked.
    expect(builtinCallProblem('toLower', 2, true)?.at).toBe('arguments');
  });

  it('an ARM function Bicep writes as an operator (add, equals, not, ...) says which operator (BCP069)', () => {
    expect(builtinCallProblem('add', 2, false)).toEqual({ at: 'name', message: "the function 'add' is not supported in Bicep (BCP069): use the '+' operator instead" });
    expect(builtinCallProblem('greaterOrEquals', 2, false)?.message).toBe("the function 'greaterOrEquals' is not supported in Bicep (BCP069): use the '>=' operator instead");
    expect(builtinCallProblem('not', 1, false)?.message).toBe("the function 'not' is not supported in Bicep (BCP069): use the '!' operator instead");
    // Own keys only: a name like an Object.prototype member is just unknown.
    expect(builtinCallProblem('constructor', 1, false)?.message).toBe("the function 'constructor' does not exist");
  });
});
