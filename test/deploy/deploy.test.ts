// The deployment model: parameters, variables, copy loops, conditions, nested deployments,
// languageVersion 2.0, child resources — what a template really deploys.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Unknown } from '../../src/expr/value.js';
import { at, keySpanOf } from '../../src/expr/located.js';
import { formatId, parseResourceId } from '../../src/deploy/resource-id.js';
import { graphToJson } from '../../src/graph/export.js';
import { analyzeFile, diagnosticsNow } from '../../src/engine/analyze.js';
import { describeUnknown } from '../../src/engine/describe.js';
import { findingsOf } from '../helpers.js';
import { analyze, arm } from './helpers.js';

const names = (a: ReturnType<typeof analyze>['a']) => a.graph.resources.map((r) => (typeof r.name === 'string' ? r.name : `{${r.name instanceof Unknown ? r.name.reason.code : '?'}}`));
const codes = (a: ReturnType<typeof analyze>['a']) => a.diagnostics.map((d) => d.code);

const nic = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2024-05-01',
  name,
  location: 'eastus',
  properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic' } }] },
  ...extra,
});

describe('parameters', () => {
  const template = arm([{ type: 'Microsoft.Compute/virtualMachines', apiVersion: '2024-03-01', name: "[parameters('vmName')]", location: 'eastus', properties: { hardwareProfile: { vmSize: "[parameters('size')]" } } }], {
    parameters: {
      vmName: { type: 'string', defaultValue: 'from-default' },
      size: { type: 'string', allowedValues: ['Standard_D2s_v5', 'Standard_D2s_v6'] },
      secret: { type: 'securestring' },
    },
  });

  test('defaults are used, a parameter without value is an unknown that keeps its allowedValues', () => {
    const { a } = analyze({ 'main.json': template });
    expect(names(a)).toEqual(['from-default']);
    const size = at(a.graph.resources[0]!.root, 'properties', 'hardwareProfile', 'vmSize').value as Unknown;
    expect(size).toBeInstanceOf(Unknown);
    expect(size.reason.code).toBe('parameter-without-value');
    // Element by element: an evaluated array carries its origin under a symbol (value.ts).
    expect(Array.from(size.oneOf ?? [])).toEqual(['Standard_D2s_v5', 'Standard_D2s_v6']);
    expect(size.oneOf).toHaveLength(2);
    expect(Array.from(a.deployed.scope?.parameterInfo('size')?.allowedValues ?? [])).toEqual(['Standard_D2s_v5', 'Standard_D2s_v6']);
  });

  test('x.parameters.json beside x.json is used, then --parameters, then -p', () => {
    const params = (v: Record<string, unknown>) => ({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, { value: x }])),
    });
    expect(names(analyze({ 'main.json': template, 'main.parameters.json': params({ vmName: 'from-file' }) }).a)).toEqual(['from-file']);
    expect(names(analyze({ 'azuredeploy.json': template, 'azuredeploy.parameters.json': params({ vmName: 'azuredeploy-file' }) }).a)).toEqual(['azuredeploy-file']);
    const both = analyze({ 'main.json': template, 'main.parameters.json': params({ vmName: 'assoc' }), 'other.json': params({ vmName: 'explicit' }) }, 'main.json', { parameterFiles: ['other.json'] });
    expect(names(both.a)).toEqual(['explicit']);
    const cli = analyze({ 'main.json': template, 'main.parameters.json': params({ vmName: 'assoc' }) }, 'main.json', { params: { vmName: 'from-cli' } });
    expect(names(cli.a)).toEqual(['from-cli']);
  });

  test("a parameter the template's own parameters file gives but the template does not declare is an error ARM raises; a Key Vault one too; --parameters files are not held to it", () => {
    const p = {
      $schema: 'https://schema.management.azure.com/schemas/2015-01-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        VMNAME: { value: 'case-differs' },
        vmCount: { value: 2 },
        kvSecret: { reference: { keyVault: { id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/v' }, secretName: 's' } },
      },
    };
    const { a } = analyze({ 'main.json': template, 'main.parameters.json': p });
    const errors = a.diagnostics.filter((d) => d.code === 'invalid-template' && d.level === undefined);
    expect(errors.map((d) => [d.span.text(), d.span.file.path.endsWith('main.parameters.json')])).toEqual([
      ['"vmCount"', true],
      ['"kvSecret"', true],
    ]);
    // The required ones it leaves out (no defaultValue): a note at the file's "parameters".
    const notes = a.diagnostics.filter((d) => d.level === 'note');
    expect(notes.map((d) => [d.span.text(), d.message])).toEqual([['"parameters"', expect.stringContaining("no value for the required parameters 'size', 'secret' (no defaultValue)")]]);
    expect(errors[0]!.message).toContain("parameter 'vmCount', which the template does not declare (it declares 'vmName', 'size', 'secret')");
    expect(names(a)).toEqual(['case-differs']);
    // A file named with --parameters may be meant for several templates.
    const given = analyze({ 'main.json': template, 'shared.json': p }, 'main.json', { parameterFiles: ['shared.json'] }).a;
    expect(codes(given)).not.toContain('invalid-template');
  });

  test('ARM checks every value given, read or not: JSON type, allowedValues, minValue/maxValue, minLength/maxLength', () => {
    const t = arm([], {
      parameters: {
        count: { type: 'int', minValue: 1, maxValue: 3 },
        prefix: { type: 'string', minLength: 2, maxLength: 5 },
        size: { type: 'string', allowedValues: ['Standard_D2s_v5'] },
        zones: { type: 'array', maxLength: 2 },
        flag: { type: 'bool' },
        tags: { type: 'object' },
        fine: { type: 'int', minValue: 1 },
        kv: { type: 'securestring', minLength: 12 },
      },
    });
    const p = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        count: { value: 5 },
        prefix: { value: 'x' },
        size: { value: 'Standard_D2s_v6' },
        zones: { value: ['1', '2', '3'] },
        flag: { value: 'true' },
        tags: { value: [] },
        fine: { value: 2 },
        kv: { reference: { keyVault: { id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/v' }, secretName: 's' } },
      },
    };
    const { a } = analyze({ 'main.json': t, 'main.parameters.json': p });
    const errors = a.diagnostics.filter((d) => d.code === 'evaluation-error');
    expect(errors.map((d) => [d.span.text().replace(/\s+/g, ''), d.message])).toEqual([
      ['5', "The provided value for the template parameter 'count' is not valid: 5 is greater than the maxValue 3."],
      ['"x"', "The provided value for the template parameter 'prefix' is not valid: it has 1 characters, fewer than the minLength 2."],
      ['"Standard_D2s_v6"', "The provided value for the template parameter 'size' is not valid: it is not one of the allowedValues."],
      ['["1","2","3"]', "The provided value for the template parameter 'zones' is not valid: it has 3 elements, more than the maxLength 2."],
      ['"true"', "The provided value for the template parameter 'flag' is not valid. Expected a value of type 'Boolean', but received a value of type 'String'."],
      ['[]', "The provided value for the template parameter 'tags' is not valid. Expected a value of type 'Object', but received a value of type 'Array'."],
    ]);
    // A -p value is converted by the CLI: '2' for an int is 2, not a type error.
    const cli = analyze({ 'main.json': t }, 'main.json', { params: { count: '2', flag: 'true' } }).a;
    expect(codes(cli)).toEqual([]);
  });

  test("a parameter typed by a definition ($ref, languageVersion 2.0) is held to the definition's constraints", () => {
    const t = arm({}, {
      languageVersion: '2.0',
      definitions: {
        vmSize: { type: 'string', allowedValues: ['Standard_D2s_v5', 'Standard_D2s_v6'] },
        prefix: { type: 'string', maxLength: 5 },
        sized: { $ref: '#/definitions/vmSize' },
      },
      parameters: { size: { $ref: '#/definitions/sized' }, prefix: { $ref: '#/definitions/prefix' }, unset: { $ref: '#/definitions/vmSize' } },
    });
    const p = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: { size: { value: 'Standard_D8s_v5' }, prefix: { value: 'toolong' } },
    };
    const { a } = analyze({ 'main.json': t, 'main.parameters.json': p });
    expect(a.diagnostics.map((d) => d.message)).toEqual([
      "The provided value for the template parameter 'size' is not valid: it is not one of the allowedValues.",
      "The provided value for the template parameter 'prefix' is not valid: it has 7 characters, more than the maxLength 5.",
      expect.stringContaining("the parameters file gives no value for the required parameter 'unset' (no defaultValue)"),
    ]);
    // A parameter without a value keeps the definition's allowedValues (a v6 size may be chosen).
    const unset = a.deployed.scope?.parameterInfo('unset')?.value as Unknown;
    expect(Array.from(unset.oneOf ?? [])).toEqual(['Standard_D2s_v5', 'Standard_D2s_v6']);
  });

  test("a value is held to the structure of its definition (properties, required, sealed, discriminator, tuples, items), at the part that is wrong", () => {
    const t = arm({}, {
      languageVersion: '2.0',
      definitions: {
        spec: { type: 'object', properties: { name: { type: 'string', minLength: 3 }, port: { type: 'int', nullable: true } }, additionalProperties: false },
        lbDest: { type: 'object', properties: { kind: { type: 'string', allowedValues: ['lb'] }, frontendId: { type: 'string' } } },
        nicDest: { type: 'object', properties: { kind: { type: 'string', allowedValues: ['nic'] }, ipConfigId: { type: 'string' } } },
        dest: { type: 'object', discriminator: { propertyName: 'kind', mapping: { lb: { $ref: '#/definitions/lbDest' }, nic: { $ref: '#/definitions/nicDest' } } } },
        pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'int' }], items: false },
        tags: { type: 'object', properties: {}, additionalProperties: { type: 'string' } },
      },
      parameters: {
        s: { $ref: '#/definitions/spec' },
        d: { $ref: '#/definitions/dest' },
        d2: { $ref: '#/definitions/dest' },
        p: { $ref: '#/definitions/pair' },
        p2: { $ref: '#/definitions/pair' },
        specs: { type: 'array', items: { $ref: '#/definitions/spec' } },
        tags: { $ref: '#/definitions/tags' },
        // A pointer into a definition, as the compiler writes `type n = spec.name`.
        n: { $ref: '#/definitions/spec/properties/name' },
        fine: { $ref: '#/definitions/spec' },
        any: { type: 'object', properties: { x: { nullable: true } } },
      },
    });
    const p = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        s: { value: { name: 'ab', port: '80', extra: 1 } },
        d: { value: { kind: 'vm' } },
        d2: { value: { kind: 'lb' } },
        p: { value: ['a', 1, 2] },
        p2: { value: ['a', 'b'] },
        specs: { value: [{ name: 'abc' }, { port: 1 }] },
        tags: { value: { env: 'prod', cost: 5 } },
        n: { value: 'x' },
        fine: { value: { name: 'abc', port: null } },
        any: { value: { x: [1], y: 2 } },
      },
    };
    const { a } = analyze({ 'main.json': t, 'main.parameters.json': p });
    expect(a.diagnostics.map((d) => [d.span.text().replace(/\s+/g, ''), d.message])).toEqual([
      ['"ab"', "The provided value for the template parameter 's' is not valid at 's.name': it has 2 characters, fewer than the minLength 3."],
      ['"80"', "The provided value for the template parameter 's' is not valid at 's.port': expected a value of type 'Integer', but received a value of type 'String'."],
      ['"extra"', "The provided value for the template parameter 's' is not valid at 's.extra': the property 'extra' is not allowed: the type is sealed (its properties are 'name', 'port')."],
      ['"vm"', "The provided value for the template parameter 'd' is not valid at 'd.kind': 'vm' is not a value of the discriminator: it must be one of 'lb', 'nic'."],
      ['{"kind":"lb"}', "The provided value for the template parameter 'd2' is not valid: the required property 'frontendId' is missing."],
      ['["a",1,2]', "The provided value for the template parameter 'p' is not valid: it has 3 elements, but the tuple type has 2 elements."],
      ['"b"', "The provided value for the template parameter 'p2' is not valid at 'p2[1]': expected a value of type 'Integer', but received a value of type 'String'."],
      ['{"port":1}', "The provided value for the template parameter 'specs' is not valid at 'specs[1]': the required property 'name' is missing."],
      ['5', "The provided value for the template parameter 'tags' is not valid at 'tags.cost': expected a value of type 'String', but received a value of type 'Integer'."],
      ['"x"', "The provided value for the template parameter 'n' is not valid: it has 1 characters, fewer than the minLength 3."],
    ]);
    // -p values are checked alike below their top level (which the CLI converts).
    const cli = analyze({ 'main.json': t }, 'main.json', { params: { s: '{"name":"ab"}', d: '{"kind":"nic","ipConfigId":"x"}', n: 'abc' } }).a;
    expect(cli.diagnostics.filter((d) => d.code === 'evaluation-error').map((d) => d.message)).toEqual([
      "The provided value for the template parameter 's' is not valid at 's.name': it has 2 characters, fewer than the minLength 3.",
    ]);
  });

  test('a default that is the value is checked as a supplied value is, at the default; one a value replaces is not', () => {
    const t = arm({}, {
      languageVersion: '2.0',
      definitions: { s: { type: 'object', properties: { name: { type: 'string', minLength: 3 } } } },
      parameters: {
        s: { $ref: '#/definitions/s', defaultValue: { name: 'ab' } },
        n: { type: 'int', defaultValue: 'five' },
        r: { type: 'string', defaultValue: 'westeurope', allowedValues: ['eastus', 'uksouth'] },
        m: { type: 'int', defaultValue: 0, minValue: 1 },
        // A number written as a string is a string: ARM does not convert a default (a bool
        // defaulting to "true" fails, MicrosoftDocs/azure-docs#38949).
        ttl: { type: 'int', defaultValue: '3600', minValue: 1 },
        enableTap: { type: 'bool', defaultValue: 'true' },
        // What ARM converts, or may read as no default: not held against the template.
        zone: { type: 'string', defaultValue: 1, allowedValues: ['1', '2', '3'] },
        empty: { type: 'string', defaultValue: '', allowedValues: ['a'] },
        rg: { type: 'string', defaultValue: '[resourceGroup().location]', allowedValues: ['eastus'] },
      },
    });
    const { a } = analyze({ 'main.json': t });
    expect(a.diagnostics.map((d) => [d.span.text().replace(/\s+/g, ''), d.message])).toEqual([
      ['"ab"', "The provided value for the template parameter 's' is not valid at 's.name': it has 2 characters, fewer than the minLength 3."],
      ['"five"', "The provided value for the template parameter 'n' is not valid. Expected a value of type 'Integer', but received a value of type 'String'."],
      ['"westeurope"', "The provided value for the template parameter 'r' is not valid: it is not one of the allowedValues."],
      ['0', "The provided value for the template parameter 'm' is not valid: 0 is less than the minValue 1."],
      ['"3600"', "The provided value for the template parameter 'ttl' is not valid. Expected a value of type 'Integer', but received a value of type 'String'."],
      ['"true"', "The provided value for the template parameter 'enableTap' is not valid. Expected a value of type 'Boolean', but received a value of type 'String'."],
    ]);
    const given = analyze({ 'main.json': t }, 'main.json', { params: { s: '{"name":"abc"}', n: '5', r: 'eastus', m: '2', ttl: '3600', enableTap: 'true' } }).a;
    expect(given.diagnostics).toEqual([]);
  });

  // "" is a string: ARM takes it as the default of a string parameter, and rejects it as that of
  // an object, array, int or bool one when no value replaces it, as it rejects it given in a
  // parameters file. It was let through, and the template read "" where it wanted an object.
  test('an empty-string default of an object, array, int or bool parameter is an error at the default when it is the value', () => {
    const t = arm([
      { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: "[parameters('tapName')]", location: 'eastus', tags: "[parameters('tapTags')]", properties: {} },
    ], {
      parameters: {
        tapName: { type: 'string', defaultValue: '' },
        tapTags: { type: 'object', defaultValue: '' },
        sourceNicIds: { type: 'array', defaultValue: '' },
        vxlanPort: { type: 'int', defaultValue: '' },
        enableTap: { type: 'bool', defaultValue: '' },
        peers: { type: 'array', defaultValue: 'vnet-a' },
      },
    });
    const { a } = analyze({ 'main.json': t });
    expect(a.diagnostics.map((d) => [d.span.text(), d.message])).toEqual([
      ['""', "The provided value for the template parameter 'tapTags' is not valid. Expected a value of type 'Object', but received a value of type 'String'."],
      ['""', "The provided value for the template parameter 'sourceNicIds' is not valid. Expected a value of type 'Array', but received a value of type 'String'."],
      ['""', "The provided value for the template parameter 'vxlanPort' is not valid. Expected a value of type 'Integer', but received a value of type 'String'."],
      ['""', "The provided value for the template parameter 'enableTap' is not valid. Expected a value of type 'Boolean', but received a value of type 'String'."],
      ['"vnet-a"', "The provided value for the template parameter 'peers' is not valid. Expected a value of type 'Array', but received a value of type 'String'."],
    ]);
    const given = analyze({ 'main.json': t }, 'main.json', { params: { tapName: 'tap1', tapTags: '{}', sourceNicIds: '[]', vxlanPort: '4789', enableTap: 'true', peers: '[]' } }).a;
    expect(given.diagnostics).toEqual([]);
  });

  // ARM does not convert a default: a bool defaulting to "true" fails the deployment when no value
  // replaces it (MicrosoftDocs/azure-docs#38949: "The provided value for the template parameter
  // ... is not valid"), and so does an int defaulting to "2". Both were read as true and 2.
  test('a bool default "true" and an int default "2" are errors at the default when they are the value; what follows reads them as meant', () => {
    const t = arm([
      {
        condition: "[parameters('enableTap')]",
        type: 'Microsoft.Network/virtualNetworkTaps',
        apiVersion: '2024-05-01',
        name: "[concat('tap-', copyIndex())]",
        copy: { name: 'taps', count: "[parameters('tapCount')]" },
        location: 'eastus',
        properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]" } },
      },
    ], {
      parameters: {
        enableTap: { type: 'bool', defaultValue: 'true' },
        tapCount: { type: 'int', defaultValue: '2', maxValue: 5 },
      },
    });
    const { a } = analyze({ 'main.json': t });
    expect(a.diagnostics.map((d) => [d.span.text(), d.message])).toEqual([
      ['"true"', "The provided value for the template parameter 'enableTap' is not valid. Expected a value of type 'Boolean', but received a value of type 'String'."],
      ['"2"', "The provided value for the template parameter 'tapCount' is not valid. Expected a value of type 'Integer', but received a value of type 'String'."],
    ]);
    expect(a.graph.resources.filter((r) => r.state === 'deployed').map((r) => r.name)).toEqual(['tap-0', 'tap-1']);
    const given = analyze({ 'main.json': t }, 'main.json', { params: { enableTap: 'true', tapCount: '2' } }).a;
    expect(given.diagnostics).toEqual([]);
  });

  test('values from a .bicepparam file and from a module are held to the Bicep type, at the property written; a type vtaplint cannot work out holds nothing', () => {
    const main = [
      "import { jsonType } from 'lib.json'",
      'type spec = {',
      '  @minLength(3)',
      '  name: string',
      '  port: int?',
      '}',
      '@sealed()',
      'type closed = { name: string }',
      "type lbDest = { kind: 'lb', frontendId: string }",
      "type nicDest = { kind: 'nic', ipConfigId: string }",
      "@discriminator('kind')",
      'type dest = lbDest | nicDest',
      'type tree = { name: string, children: tree[]? }',
      'param s spec',
      "param c closed = { name: 'x' }",
      "param d dest = { kind: 'nic', ipConfigId: 'x' }",
      "param p [string, int] = ['a', 1]",
      "param t tree = { name: 'root' }",
      "param location string = 'eastus'",
      'param loc2 sys.string',
      "param j jsonType = 'x'",
      "param rd resourceInput<'Microsoft.Network/virtualNetworks@2023-09-01'>.properties.addressSpace = {}",
      'output name string = s.name',
    ].join('\n');
    const lib = arm({}, { languageVersion: '2.0', definitions: { jsonType: { type: 'string', metadata: { '__bicep_export!': true } } } });
    const params = [
      "using 'main.bicep'",
      "param s = { name: 'ab', port: '80' }",
      "param c = { name: 'ok', extra: true }",
      "param d = { kind: 'vm' }",
      "param p = ['a', 'b']",
      "param t = { name: 'r', children: [{ name: 'c', children: [{ nome: 'x' }] }] }",
      'param location = 42',
      'param loc2 = true',
      "param j = 'fine'",
      "param rd = 'a string: its type is not known here'",
    ].join('\n');
    const { a } = analyze({ 'main.bicepparam': params, 'main.bicep': main, 'lib.json': lib });
    expect(a.diagnostics.map((d) => [d.span.text(), d.message])).toEqual([
      ["'ab'", "The provided value for the template parameter 's' is not valid at 's.name': it has 2 characters, fewer than the minLength 3."],
      ["'80'", "The provided value for the template parameter 's' is not valid at 's.port': expected a value of type 'Integer', but received a value of type 'String'."],
      ['extra', "The provided value for the template parameter 'c' is not valid at 'c.extra': the property 'extra' is not allowed: the type is sealed (its properties are 'name')."],
      ["'vm'", "The provided value for the template parameter 'd' is not valid at 'd.kind': 'vm' is not a value of the discriminator: it must be one of 'lb', 'nic'."],
      ["'b'", "The provided value for the template parameter 'p' is not valid at 'p[1]': expected a value of type 'Integer', but received a value of type 'String'."],
      ["{ nome: 'x' }", "The provided value for the template parameter 't' is not valid at 't.children[0].children[0]': the required property 'name' is missing."],
      ['42', "The provided value for the template parameter 'location' is not valid. Expected a value of type 'String', but received a value of type 'Integer'."],
      ['true', "The provided value for the template parameter 'loc2' is not valid. Expected a value of type 'String', but received a value of type 'Boolean'."],
    ]);
    // A module's values: the compiler rejects them too (BCP036), and ARM checks them again.
    const parent = ["module m 'main.bicep' = {", "  name: 'm'", '  params: {', "    s: { name: 'abc', port: 1, more: 'ok' }", "    d: { kind: 'lb' }", "    location: 'eastus'", "    loc2: 'eastus'", '  }', '}'].join('\n');
    const m = analyze({ 'parent.bicep': parent, 'main.bicep': main, 'lib.json': lib }).a;
    expect(m.diagnostics.map((d) => [d.span.text(), d.message])).toEqual([
      ["{ kind: 'lb' }", "The provided value for the template parameter 'd' is not valid: the required property 'frontendId' is missing."],
    ]);
  });

  test('Key Vault references and secure parameters are unknown and never printed', () => {
    const t = arm([{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'sa', location: 'eastus', properties: { a: "[parameters('secret')]", b: "[parameters('kv')]" } }], {
      parameters: { secret: { type: 'securestring', defaultValue: 'hunter2' }, kv: { type: 'string' } },
    });
    const p = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: { kv: { reference: { keyVault: { id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/v' }, secretName: 'top-secret' } } },
    };
    const { a } = analyze({ 'main.json': t, 'main.parameters.json': p });
    const body = a.graph.resources[0]!.root;
    expect((at(body, 'properties', 'a').value as Unknown).reason.code).toBe('secure');
    expect((at(body, 'properties', 'b').value as Unknown).reason.code).toBe('secure');
    const printed = JSON.stringify(graphToJson(a.graph, { relativeTo: (f) => f }));
    expect(printed).toContain('secure');
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain('top-secret');
  });

  test('a value given to a secure parameter is checked as ARM checks any value (type, allowedValues, length), and the messages never show it', () => {
    const t = arm([], {
      parameters: { pw: { type: 'securestring', maxLength: 8 }, tier: { type: 'securestring', allowedValues: ['gold', 'silver'] }, conf: { type: 'secureObject' }, ok: { type: 'securestring', minLength: 2 } },
    });
    const p = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: { pw: { value: 'correct-horse-battery' }, tier: { value: 'platinum-secret' }, conf: { value: 'not-an-object' }, ok: { value: 'fine-secret' } },
    };
    const { a } = analyze({ 'main.json': t, 'main.parameters.json': p });
    expect(a.diagnostics.map((d) => [d.span.text(), d.message])).toEqual([
      ['"correct-horse-battery"', "The provided value for the template parameter 'pw' is not valid: it has 21 characters, more than the maxLength 8."],
      ['"platinum-secret"', "The provided value for the template parameter 'tier' is not valid: it is not one of the allowedValues."],
      ['"not-an-object"', "The provided value for the template parameter 'conf' is not valid. Expected a value of type 'Object', but received a value of type 'String'."],
    ]);
    // -p: the CLI's conversion first (a secureObject's text must be JSON), and no text in the message.
    const cli = analyze({ 'main.json': t }, 'main.json', { params: { pw: 'x', tier: 'gold', conf: 'hunter2', ok: 'ab' } }).a;
    expect(cli.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^-p conf: the Azure CLI reads the value of an object parameter as JSON/)]);
    expect(JSON.stringify(cli.diagnostics.map((d) => d.message))).not.toContain('hunter2');
  });

  test('a value of the wrong type is reported once: what reads the parameter gets no second error from it', () => {
    const t = arm([], {
      parameters: { count: { type: 'int' }, on: { type: 'bool' } },
      outputs: { n: { type: 'int', value: "[add(parameters('count'), 1)]" }, flag: { type: 'bool', value: "[not(parameters('on'))]" } },
    });
    const p = { parameters: { count: { value: 'three' }, on: { value: 'yes' } } };
    const { a } = analyze({ 'main.json': t, 'main.parameters.json': p });
    expect(a.diagnostics.map((d) => d.message)).toEqual([
      "The provided value for the template parameter 'count' is not valid. Expected a value of type 'Integer', but received a value of type 'String'.",
      "The provided value for the template parameter 'on' is not valid. Expected a value of type 'Boolean', but received a value of type 'String'.",
    ]);
    // What reads it says why it is not known (not the rejected text as if it were an error's).
    expect(describeUnknown(a.deployed.scope?.parameterInfo('count')?.value as Unknown)).toBe("not known: the value given to the parameter 'count' is rejected (see the error there)");
  });

  test('a parameters file without its "parameters" wrapper gives its values, as the Azure CLI reads it; one that says it is a parameters file but has none is an error', () => {
    const t = arm([], { parameters: { location: { type: 'string', defaultValue: 'eastus' } }, outputs: { l: { type: 'string', value: "[parameters('location')]" } } });
    const bare = analyze({ 'main.json': t, 'bare.json': { location: { value: 'westeurope' } } }, 'main.json', { parameterFiles: ['bare.json'] }).a;
    expect(bare.diagnostics).toEqual([]);
    expect(bare.deployed.scope?.parameterInfo('location')?.value).toBe('westeurope');
    const schemaOnly = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0' };
    const wrong = analyze({ 'main.json': t, 'p.json': schemaOnly }, 'main.json', { parameterFiles: ['p.json'] }).a;
    expect(wrong.diagnostics.map((d) => d.message)).toEqual(["The parameters file has no 'parameters' object."]);
  });
});

describe('variables, copy loops and conditions', () => {
  test('variables are evaluated lazily; a cycle is reported once, and only when used', () => {
    const t = arm([{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[variables('name')]", location: 'eastus' }], {
      variables: { name: "[concat('vnet-', variables('suffix'))]", suffix: 'a', loopA: "[variables('loopB')]", loopB: "[variables('loopA')]" },
    });
    expect(codes(analyze({ 'main.json': t }).a)).toEqual([]);
    const used = arm([{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[variables('loopA')]", location: 'eastus' }], {
      variables: { loopA: "[variables('loopB')]", loopB: "[variables('loopA')]" },
    });
    const { a } = analyze({ 'main.json': used });
    expect(a.diagnostics.filter((d) => /cycle/i.test(d.message))).toHaveLength(1);
  });

  test('copy in variables and in properties', () => {
    const t = arm(
      [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2024-05-01',
          name: 'vnet',
          location: 'eastus',
          properties: {
            copy: [{ name: 'subnets', count: 2, input: { name: "[concat('s', copyIndex('subnets'))]", properties: { addressPrefix: "[variables('prefixes')[copyIndex('subnets')]]" } } }],
          },
        },
      ],
      { variables: { copy: [{ name: 'prefixes', count: 2, input: "[concat('10.0.', copyIndex('prefixes'), '.0/24')]" }] } },
    );
    const { a } = analyze({ 'main.json': t });
    const subnets = at(a.graph.resources[0]!.root, 'properties', 'subnets').value as unknown[];
    expect(subnets).toHaveLength(2);
    expect(at({ value: subnets[1] as never, span: a.graph.resources[0]!.span }, 'properties', 'addressPrefix').value).toBe('10.0.1.0/24');
    // The elements of a property copy share the spans of its input (see the resource copy test below).
    const nameOf = (i: number) => at({ value: subnets[i] as never, span: a.graph.resources[0]!.span }, 'name');
    expect(nameOf(1).span).toBe(nameOf(0).span);
    expect(nameOf(1).span.text()).toBe(JSON.stringify("[concat('s', copyIndex('subnets'))]"));
  });

  test('resource copy: count evaluated, copyIndex in names, ARM limit of 800 reported', () => {
    const t = arm([{ copy: { name: 'nics', count: "[add(1, 2)]" }, ...nic("[concat('nic', copyIndex(1))]") }]);
    expect(names(analyze({ 'main.json': t }).a)).toEqual(['nic1', 'nic2', 'nic3']);
    const big = arm([{ copy: { name: 'nics', count: 801 }, ...nic("[concat('nic', copyIndex())]") }]);
    const { a } = analyze({ 'main.json': big });
    expect(a.graph.resources).toHaveLength(800);
    expect(a.diagnostics.find((d) => d.code === 'evaluation-error')?.message).toContain("exceeds Azure's limit of 800");
  });

  test('copy instances share the spans of their declaration, and every span still points into it', () => {
    const subnetId = "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', concat('s', copyIndex()))]";
    const ipConfigurations = [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId } } }];
    const t = arm([{ copy: { name: 'nics', count: 3 }, ...nic("[concat('nic', copyIndex())]", { properties: { ipConfigurations } }) }]);
    const { dir, a } = analyze({ 'main.json': t });
    const [r0, r1, r2] = a.graph.resources as [(typeof a.graph.resources)[0], (typeof a.graph.resources)[0], (typeof a.graph.resources)[0]];
    const id = (r: typeof r0) => at(r.root, 'properties', 'ipConfigurations', 0, 'properties', 'subnet', 'id');
    // One span object for all instances (10,000 copies would otherwise hold 10,000 of each)...
    expect(id(r1).span).toBe(id(r0).span);
    expect(id(r2).span).toBe(id(r0).span);
    expect(keySpanOf(r2.root, 'properties')).toBe(keySpanOf(r0.root, 'properties'));
    // ...while the values stay each instance's own.
    expect(formatId(parseResourceId(id(r0).value as never)!)).toMatch(/virtualNetworks\/vnet\/subnets\/s0$/);
    expect(formatId(parseResourceId(id(r2).value as never)!)).toMatch(/virtualNetworks\/vnet\/subnets\/s2$/);
    // A value's span and its property name's span are told apart, and both resolve into the file.
    const text = readFileSync(path.join(dir, 'main.json'), 'utf8');
    const idLine = text.split('\n').findIndex((l) => l.includes('"id":')) + 1;
    expect(id(r2).span.region().start.line).toBe(idLine);
    expect(id(r2).span.text()).toBe(JSON.stringify(subnetId));
    expect(keySpanOf(r2.root, 'properties')?.text()).toBe('"properties"');
    expect(at(r2.root, 'properties').span.text().startsWith('{')).toBe(true);
  });

  test('the ids of resources of one type share their type segments', () => {
    const { a } = analyze({ 'main.json': arm([{ copy: { name: 'nics', count: 2 }, ...nic("[concat('nic', copyIndex())]") }, nic('other')]) });
    const [x, y, z] = a.graph.resources;
    expect(y!.id.types).toBe(x!.id.types);
    expect(z!.id.types).toBe(x!.id.types);
    expect(x!.id.types).toEqual(['networkInterfaces']);
  });

  test('in a copy loop, an expression without copyIndex() is evaluated once; one with it, per instance', () => {
    const tapId = "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]";
    const t = arm(
      [
        {
          type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
          apiVersion: '2024-05-01',
          name: "[format('nic-{0}/tap', copyIndex())]",
          copy: { name: 'taps', count: 3 },
          properties: {
            virtualNetworkTap: { id: tapId },
            own: "[concat(parameters('prefix'), copyIndex())]",
            shared: "[concat(parameters('prefix'), 'x')]",
            // An error in an expression evaluated once is still reported, once.
            broken: '[div(1, 0)]',
            copy: [{ name: 'disks', count: 2, input: { lun: "[copyIndex('disks')]", id: tapId } }],
          },
        },
      ],
      { parameters: { prefix: { type: 'string', defaultValue: 'p' } } },
    );
    const { a } = analyze({ 'main.json': t });
    const [r0, r1, r2] = a.graph.resources as [(typeof a.graph.resources)[0], (typeof a.graph.resources)[0], (typeof a.graph.resources)[0]];
    const v = (r: typeof r0, ...path: (string | number)[]) => at(r.root, 'properties', ...path).value;
    expect(v(r0, 'virtualNetworkTap', 'id')).toBeInstanceOf(Unknown);
    expect(v(r1, 'virtualNetworkTap', 'id')).toBe(v(r0, 'virtualNetworkTap', 'id'));
    expect(v(r2, 'virtualNetworkTap', 'id')).toBe(v(r0, 'virtualNetworkTap', 'id'));
    expect([v(r0, 'own'), v(r1, 'own'), v(r2, 'own')]).toEqual(['p0', 'p1', 'p2']);
    expect([v(r0, 'shared'), v(r2, 'shared')]).toEqual(['px', 'px']);
    expect([v(r1, 'disks', 0, 'lun'), v(r1, 'disks', 1, 'lun')]).toEqual([0, 1]);
    expect(v(r2, 'disks', 1, 'id')).toBe(v(r0, 'disks', 0, 'id'));
    expect(a.graph.resolve(v(r2, 'disks', 1, 'id')).kind).toBe('external');
    const errors = diagnosticsNow(a).filter((d) => d.code === 'evaluation-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('divide by zero');
    expect(errors[0]?.span.text()).toBe('0'); // the divisor
  });

  test('in a Bicep for loop, an expression without the loop variable is evaluated once', () => {
    const bicep = [
      "param prefix string = 'p'",
      'resource taps \'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01\' = [for i in range(0, 3): {',
      "  name: 'nic-${i}/tap'",
      '  properties: {',
      "    virtualNetworkTap: { id: resourceId('Microsoft.Network/virtualNetworkTaps', 'tap') }",
      "    own: '${prefix}${i}'",
      '  }',
      '}]',
      '',
    ].join('\n');
    const { a } = analyze({ 'main.bicep': bicep });
    const [r0, r1, r2] = a.graph.resources as [(typeof a.graph.resources)[0], (typeof a.graph.resources)[0], (typeof a.graph.resources)[0]];
    const v = (r: typeof r0, ...path: string[]) => at(r.root, 'properties', ...path).value;
    expect(v(r1, 'virtualNetworkTap', 'id')).toBe(v(r0, 'virtualNetworkTap', 'id'));
    expect([v(r0, 'own'), v(r1, 'own'), v(r2, 'own')]).toEqual(['p0', 'p1', 'p2']);
  });

  test('a copy count known only at deployment gives one representative, maybe-deployed instance', () => {
    const t = arm([{ copy: { name: 'nics', count: "[parameters('n')]" }, ...nic("[concat('nic', copyIndex())]") }], { parameters: { n: { type: 'int' } } });
    const { a } = analyze({ 'main.json': t });
    expect(a.graph.resources).toHaveLength(1);
    expect(a.graph.resources[0]!.state).toBe('maybe');
  });

  // ARM: "The template 'copy' definition ... has an invalid copy count. The copy count must be a
  // positive integer value and cannot exceed '800'" (InvalidTemplate, e.g. MicrosoftDocs/azure-docs#60638).
  test('a resource copy count that is no integer, or missing, is an error and deploys nothing', () => {
    const t = arm(
      [
        { copy: { name: 'a', count: "[parameters('s')]" }, ...nic("[concat('a', copyIndex())]") },
        { copy: { name: 'b', count: 1.5 }, ...nic("[concat('b', copyIndex())]") },
        { copy: { name: 'c' }, ...nic("[concat('c', copyIndex())]") },
        { copy: { name: 'd', count: 2 }, ...nic("[concat('d', copyIndex())]") },
        // An int parameter's "" default ("no default" in templates deployed only with a value): ARM
        // rejects it at the default when no value replaces it; the count is not judged again.
        { copy: { name: 'e', count: "[parameters('e')]" }, ...nic("[concat('e', copyIndex())]") },
      ],
      { parameters: { s: { type: 'string', defaultValue: '2' }, e: { type: 'int', defaultValue: '' } } },
    );
    const { a } = analyze({ 'main.json': t });
    expect(a.graph.resources.map((r) => [r.name, r.state])).toEqual([['d0', 'deployed'], ['d1', 'deployed'], [expect.anything(), 'maybe']]);
    const errors = diagnosticsNow(a).filter((d) => d.code === 'evaluation-error' || d.code === 'invalid-template');
    expect(errors.map((d) => [d.message, d.span.text()])).toEqual([
      ["The provided value for the template parameter 'e' is not valid. Expected a value of type 'Integer', but received a value of type 'String'.", '""'],
      ["The copy count must be a non-negative integer; it is of type 'String'.", '"[parameters(\'s\')]"'],
      ['The copy count must be a non-negative integer; it is 1.5.', '1.5'],
      ["A copy loop needs a 'count'.", '{\n        "name": "c"\n      }'],
    ]);
  });

  // copy-resources.md: "mode": "serial" <or> "parallel", "batchSize": <number-to-deploy-serially>;
  // ARM: "... has an invalid copy batch size. The copy batch size must be a non-negative integer
  // value and cannot exceed the copy count '2'" (InvalidTemplate, MicrosoftDocs/azure-docs#62948).
  test("a resource copy loop's mode is parallel or serial, and a serial batch size is at most the count", () => {
    const loop = (name: string, copy: Record<string, unknown>) => ({ copy: { name, ...copy }, ...nic(`[concat('${name}', copyIndex())]`) });
    const t = arm(
      [
        loop('a', { count: 2, mode: 'sequential', batchSize: 1 }),
        loop('b', { count: 2, mode: 'Serial', batchSize: "[parameters('b')]" }),
        loop('c', { count: 4, mode: 'serial', batchSize: -1 }),
        loop('d', { count: 4, mode: 'serial', batchSize: '2' }),
        // Silent: within bounds; a count of 0 (Azure/bicep#4319); a parallel loop's batch size;
        // a batch size of 0 (ARM's own message calls it valid); a mode known only at deployment.
        loop('e', { count: 2, mode: 'SERIAL', batchSize: 2 }),
        loop('f', { count: 0, mode: 'serial', batchSize: 1 }),
        loop('g', { count: 2, mode: 'parallel', batchSize: 9 }),
        loop('h', { count: 2, mode: 'serial', batchSize: 0 }),
        loop('i', { count: 2, mode: "[parameters('m')]", batchSize: 9 }),
      ],
      { parameters: { b: { type: 'int', defaultValue: 3 }, m: { type: 'string', defaultValue: 'serial' } } },
    );
    const { a } = analyze({ 'main.json': t });
    const errors = diagnosticsNow(a).filter((d) => d.code === 'evaluation-error' || d.code === 'invalid-template');
    expect(errors.map((d) => [d.code, d.message, d.span.text()])).toEqual([
      ['invalid-template', "The copy mode 'sequential' is not valid: ARM accepts 'parallel' (the default) or 'serial' (with 'batchSize', the number of instances deployed at a time).", '"sequential"'],
      ['evaluation-error', 'The copy batch size 3 exceeds the copy count 2: ARM rejects the template ("invalid copy batch size ... cannot exceed the copy count").', '"[parameters(\'b\')]"'],
      ['evaluation-error', 'The copy batch size must be a non-negative integer; it is -1.', '-1'],
      ['evaluation-error', "The copy batch size must be a non-negative integer; it is of type 'String'.", '"2"'],
    ]);
    // The loops are still expanded: the mistake is reported, the analysis goes on.
    expect(a.graph.resources.filter((r) => String(r.name).startsWith('a'))).toHaveLength(2);
  });

  // ARM checks a name's segments against its type whatever the condition: Azure/bicep#10596 got
  // "... has incorrect segment lengths" (InvalidTemplate) for resources whose condition was false.
  test('a resource whose condition is false still needs a name that fits its type', () => {
    const cfg = (name: string) => ({
      condition: "[parameters('mirror')]",
      type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
      apiVersion: '2024-05-01',
      name,
      properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" } },
    });
    const t = arm([cfg('cfg'), cfg('web-nic/cfg')], { parameters: { mirror: { type: 'bool', defaultValue: false } } });
    const { a } = analyze({ 'main.json': t });
    expect(a.graph.resources).toEqual([]);
    const errors = diagnosticsNow(a).filter((d) => d.code === 'invalid-template');
    expect(errors.map((d) => [d.message, d.span.text()])).toEqual([
      ["the name does not match the type 'Microsoft.Network/networkInterfaces/tapConfigurations': a child resource needs one name segment per type segment", '"cfg"'],
    ]);
  });

  // "Conditional deployment doesn't cascade to child resources. If you want to conditionally deploy
  // a resource and its child resources, you must apply the same condition to each resource type"
  // (conditional-resource-deployment.md; the note answers MicrosoftDocs/azure-docs#55536, about
  // children nested in their parent's resources).
  test("a parent's condition does not cascade to the children nested in its resources", () => {
    const cfg = (extra: Record<string, unknown> = {}) => ({
      type: 'tapConfigurations',
      apiVersion: '2024-05-01',
      name: 'cfg',
      properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" } },
      ...extra,
    });
    const t = arm(
      [
        { condition: false, ...nic('off'), resources: [cfg(), cfg({ name: 'cfg2', condition: false })] },
        { condition: "[parameters('maybe')]", ...nic('maybe'), resources: [cfg()] },
        { copy: { name: 'loop', count: "[parameters('n')]" }, ...nic("[concat('loop', copyIndex())]"), resources: [cfg()] },
      ],
      { parameters: { maybe: { type: 'bool' }, n: { type: 'int' } } },
    );
    const { a } = analyze({ 'main.json': t });
    const shown = a.graph.resources.map((r) => [r.displayName, r.state, r.parent?.displayName]);
    expect(shown).toEqual([
      // The NIC 'off' is not deployed, its child is (on a NIC that must exist already).
      ['off/cfg', 'deployed', undefined],
      ['maybe', 'maybe', undefined],
      ['maybe/cfg', 'deployed', 'maybe'],
      // One instance stands for a loop of unknown count: its children may not exist either.
      [expect.stringContaining('loop'), 'maybe', undefined],
      [expect.stringContaining('/cfg'), 'maybe', expect.stringContaining('loop')],
    ]);
    expect(a.deployed.notDeployed.map((n) => n.name)).toEqual(['off', 'off/cfg2']);
  });

  test('condition false: not deployed; unknown: maybe deployed', () => {
    const t = arm([
      { condition: false, ...nic('never') },
      { condition: "[equals(parameters('mode'), 'x')]", ...nic('maybe') },
      { condition: true, ...nic('always') },
    ], { parameters: { mode: { type: 'string' } } });
    const { a } = analyze({ 'main.json': t });
    expect(a.graph.resources.map((r) => [r.name, r.state])).toEqual([
      ['maybe', 'maybe'],
      ['always', 'deployed'],
    ]);
    expect(a.graph.resources[0]!.condition?.reason.code).toBe('parameter-without-value');
  });
});

describe('nested deployments', () => {
  const nested = (scope: 'inner' | 'outer', extra: Record<string, unknown> = {}) => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: 'inner-deployment',
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope },
      ...(scope === 'inner' ? { parameters: { nicName: { value: "[concat(parameters('prefix'), '-nic')]" } } } : {}),
      template: arm([nic(scope === 'inner' ? "[parameters('nicName')]" : "[concat(parameters('prefix'), '-outer')]")], {
        ...(scope === 'inner' ? { parameters: { nicName: { type: 'string' } } } : {}),
        outputs: { nicId: { type: 'string', value: "[resourceId('Microsoft.Network/networkInterfaces', 'x')]" } },
      }),
    },
    ...extra,
  });

  test('inner scope: parameters passed in; outer scope: the parent’s parameters', () => {
    const params = { parameters: { prefix: { type: 'string', defaultValue: 'web' } } };
    expect(names(analyze({ 'main.json': arm([nested('inner')], params) }).a)).toEqual(['inner-deployment', 'web-nic']);
    expect(names(analyze({ 'main.json': arm([nested('outer')], params) }).a)).toEqual(['inner-deployment', 'web-outer']);
  });

  // "The 'location' property must be specified for the deployment ..." (InvalidDeployment): only a
  // deployment to a resource group takes a default location (Azure/bicep#5935, MicrosoftDocs/azure-docs#69681).
  test('a deployment to a subscription, management group or tenant needs a location', () => {
    const empty = arm([]);
    const dep = (name: string, extra: Record<string, unknown>) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', template: empty }, ...extra });
    const sub = (resources: unknown[]) => ({ ...arm(resources), $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#' });
    const located = (a: ReturnType<typeof analyze>['a']) =>
      diagnosticsNow(a).filter((d) => d.message.startsWith("The 'location' property must be specified")).map((d) => d.span.text());
    // From a subscription template: at the subscription (none), in a resource group (fine), with a location (fine).
    expect(located(analyze({ 'main.json': sub([dep('pid', {}), dep('rg', { resourceGroup: 'app-rg' }), dep('loc', { location: 'eastus' })]) }).a)).toEqual(['"pid"']);
    // From a resource group template: to another subscription (none), to another resource group (fine).
    expect(located(analyze({ 'main.json': arm([dep('toSub', { subscriptionId: '00000000-0000-0000-0000-000000000001' }), dep('toRg', { resourceGroup: 'other' })]) }).a)).toEqual(['"toSub"']);
    // To the tenant and to a management group.
    const tenant = { ...arm([dep('mg', { scope: 'Microsoft.Management/managementGroups/mg1' }), dep('top', { scope: '/' })]), $schema: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#' };
    expect(located(analyze({ 'main.json': tenant }).a)).toEqual(['"mg"', '"top"']);
  });

  test('outputs are usable through reference(...).outputs', () => {
    const t = arm([nested('inner'), { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'eastus', properties: { x: "[reference('inner-deployment').outputs.nicId.value]" } }], {
      parameters: { prefix: { type: 'string', defaultValue: 'web' } },
    });
    const { a } = analyze({ 'main.json': t });
    const tap = a.graph.resources.find((r) => r.name === 'tap')!;
    const v = at(tap.root, 'properties', 'x').value as Unknown;
    expect(v).toBeInstanceOf(Unknown);
    expect(v.parts?.join('')).toContain('/providers/Microsoft.Network/networkInterfaces/x');
  });

  test('an outer-scope nested template outputs its own outputs, evaluated in the parent’s scope (not the parent’s outputs)', () => {
    const t = arm([nested('outer', { resourceGroup: 'other-rg' })], {
      parameters: { prefix: { type: 'string', defaultValue: 'web' } },
      outputs: { parentOnly: { type: 'string', value: 'parent' } },
    });
    // The nested template outputs nicId; with outer scope its resourceId() resolves to the parent's group.
    (t.resources as { properties: { template: { outputs: Record<string, unknown> } } }[])[0]!.properties.template.outputs.rg = { type: 'string', value: '[resourceGroup().name]' };
    const deployment = { resourceGroup: 'net-rg', subscriptionId: '11111111-1111-1111-1111-111111111111' };
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment });
    const outputs = a.deployed.scope?.evaluateString("[reference('inner-deployment').outputs]", a.graph.resources[0]!.span) as { keys(): string[]; get(k: string): unknown };
    expect([...outputs.keys()]).toEqual(['nicId', 'rg']);
    const value = (k: string) => (outputs.get(k) as { get(k: string): unknown }).get('value');
    expect(value('nicId')).toBe('/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/net-rg/providers/Microsoft.Network/networkInterfaces/x');
    expect(value('rg')).toBe('net-rg');
    // One that declares no outputs has none.
    const bare = arm([{ ...nested('outer'), properties: { mode: 'Incremental', template: arm([]) } }], { outputs: { parentOnly: { type: 'string', value: 'parent' } } });
    const b = analyze({ 'main.json': bare }).a;
    const none = b.deployed.scope?.evaluateString("[reference('inner-deployment').outputs]", b.graph.resources[0]!.span) as { keys(): string[] };
    expect([...none.keys()]).toEqual([]);
  });

  test('a nested ARM deployment that passes an undeclared parameter, or no value for a required one, is rejected by ARM', () => {
    const child = arm([nic("[parameters('nicName')]")], {
      parameters: { nicName: { type: 'string' }, subnetId: { type: 'string' }, tags: { type: 'object', defaultValue: {} }, zone: { type: 'string', nullable: true } },
    });
    const dep = (name: string, properties: Record<string, unknown>) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', ...properties } });
    const t = arm([
      dep('inline', { expressionEvaluationOptions: { scope: 'inner' }, parameters: { nicName: { value: 'a' }, extra: { value: 1 } }, template: child }),
      dep('linked', { templateLink: { relativePath: 'modules/nic.json' }, parameters: { nicName: { value: 'b' } } }),
      dep('complete', { templateLink: { relativePath: 'modules/nic.json' }, parameters: { NICNAME: { value: 'c' }, subnetId: { value: 'x' } } }),
      // Values from a parameters file that is never fetched: nothing can be said.
      dep('by-link', { templateLink: { relativePath: 'modules/nic.json' }, parametersLink: { uri: 'https://example.com/p.json' } }),
      // Outer scope: the template's expressions read the parent's parameters; nothing is passed.
      dep('outer', { template: arm([nic('outer-nic')]) }),
    ]);
    const { a } = analyze({ 'main.json': t, 'modules/nic.json': child });
    const errors = a.diagnostics.filter((d) => d.code === 'invalid-template');
    expect(errors.map((d) => d.span.text())).toEqual(['"extra"', '"parameters"', '"parameters"']);
    expect(errors.map((d) => d.message)).toEqual([
      "the deployment 'inline' gives a value for the parameter 'extra', which the template does not declare (it declares 'nicName', 'subnetId', 'tags', 'zone'); ARM rejects the deployment (\"not present in the original template and can therefore not be provided\"): remove it or declare it.",
      "the deployment 'inline' gives no value for the template parameter 'subnetId', which has no defaultValue; ARM rejects the deployment (\"The value for the template parameter ... is not provided\"): pass it in properties.parameters.",
      "the deployment 'linked' gives no value for the template parameter 'subnetId', which has no defaultValue; ARM rejects the deployment (\"The value for the template parameter ... is not provided\"): pass it in properties.parameters.",
    ]);
  });

  test("a parameter whose $ref names a nullable definition needs no value, and is null without one (AVM's compiled main.json)", () => {
    // As the Bicep compiler writes `param lock lockType` with `type lockType = {...}?`: the
    // parameter only refers to the definition, which carries `nullable`.
    const child = arm([], {
      languageVersion: '2.0',
      definitions: {
        lockType: { type: 'object', properties: { kind: { type: 'string', nullable: true } }, nullable: true },
        lockRef: { $ref: '#/definitions/lockType' },
        strictType: { type: 'object', properties: {} },
      },
      parameters: { name: { type: 'string' }, lock: { $ref: '#/definitions/lockType' }, viaTwo: { $ref: '#/definitions/lockRef' }, strict: { $ref: '#/definitions/strictType' } },
      resources: {},
      outputs: { lockIsNull: { type: 'bool', value: "[equals(parameters('lock'), null())]" } },
    });
    const t = arm([
      { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'nic', properties: { mode: 'Incremental', templateLink: { relativePath: 'modules/nic.json' }, parameters: { name: { value: 'web-nic' } } } },
    ]);
    const { a } = analyze({ 'main.json': t, 'modules/nic.json': child });
    expect(a.diagnostics.filter((d) => d.code === 'invalid-template').map((d) => d.message)).toEqual([
      "the deployment 'nic' gives no value for the template parameter 'strict', which has no defaultValue; ARM rejects the deployment (\"The value for the template parameter ... is not provided\"): pass it in properties.parameters.",
    ]);
    const out = a.deployed.scope?.evaluateString("[reference('nic').outputs.lockIsNull.value]", a.graph.resources[0]!.span);
    expect(out).toBe(true);
  });

  test('a Bicep module that gives no value for a required parameter, or one the module does not declare, is rejected as the nested deployment it is', () => {
    // As Microsoft's vTAP lab at one commit: main.bicep deploys vtap.bicep without the `vtapname`
    // it requires (BCP035). Nullable parameters, ones with a default and user-defined types that
    // allow null (AVM's `param lock lockType`) need no value.
    const vtap = [
      'param location string',
      'param vtapname string',
      "param destinationNicId string = ''",
      'param tags object?',
      'param lock lockType',
      'type lockType = {',
      '  kind: string?',
      '}?',
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2025-01-01' = {",
      '  name: vtapname',
      '  location: location',
      '  properties: {}',
      '}',
    ].join('\n');
    const main = [
      "module vtap 'vtap.bicep' = {",
      "  name: 'vtap-deployment'",
      '  params: {',
      "    location: 'germanywestcentral'",
      "    destinationNicId: 'x'",
      '  }',
      '}',
      "module named 'vtap.bicep' = {",
      "  name: 'named'",
      '  params: {',
      "    location: 'germanywestcentral'",
      "    vtapname: 'vtap2'",
      "    destinationPort: 4789",
      '  }',
      '}',
      "module none 'vtap.bicep' = {",
      "  name: 'none'",
      '}',
    ].join('\n');
    const { a } = analyze({ 'main.bicep': main, 'vtap.bicep': vtap });
    const errors = a.diagnostics.filter((d) => d.code === 'invalid-template');
    // They are the compiler's BCP035 (missing) and BCP037 (undeclared), reported by the Bicep
    // lowering with its wording: at `params`, at the module's name when it has none, at the key.
    expect(errors.map((d) => [d.span.region().start.line, d.span.text()])).toEqual([
      [3, 'params'],
      [13, 'destinationPort'],
      [16, 'none'],
    ]);
    expect(errors.map((d) => d.message)).toEqual([
      'The specified "object" declaration is missing the following required properties: "vtapname". (BCP035)',
      'The property "destinationPort" is not allowed on objects of type "params". Permissible properties include "destinationNicId", "lock", "tags". (BCP037)',
      'The specified "module" declaration is missing the following required properties: "params". (BCP035)',
    ]);
  });

  test('a Bicep module loop that lacks a required parameter is one mistake of its declaration, reported once', () => {
    // The compiler rejects the declaration once (BCP035), however many VMs the loop deploys.
    const vm = ['param name string', 'param location string', 'param subnetResourceId string', "output id string = '${name}${location}${subnetResourceId}'"].join('\n');
    const main = [
      "param vmNames string[] = [ 'vm-web-01', 'vm-web-02', 'vm-web-03' ]",
      "module web 'vm.bicep' = [for name in vmNames: {",
      "  name: 'deploy-${name}'",
      '  params: {',
      '    name: name',
      "    location: 'eastus'",
      '    extra: 1',
      '  }',
      '}]',
    ].join('\n');
    const { a } = analyze({ 'main.bicep': main, 'vm.bicep': vm });
    const errors = a.diagnostics.filter((d) => d.code === 'invalid-template');
    // The lowering reports both as the compiler does (BCP035 at the params, BCP037 at the
    // property), once for the declaration; the deploy stage no longer checks a Bicep module's.
    expect(errors.map((d) => [d.span.region().start.line, d.message])).toEqual([
      [4, 'The specified "object" declaration is missing the following required properties: "subnetResourceId". (BCP035)'],
      [7, 'The property "extra" is not allowed on objects of type "params". Permissible properties include "subnetResourceId". (BCP037)'],
    ]);
  });

  test('the values a nested ARM deployment passes are checked as ARM checks them, whether the template reads them or not', () => {
    const child = arm([], { parameters: { count: { type: 'int', maxValue: 3 }, name: { type: 'string', maxLength: 4 } } });
    const t = arm([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'linked',
        properties: { mode: 'Incremental', templateLink: { relativePath: 'child.json' }, parameters: { count: { value: "[string(2)]" }, name: { value: "[concat('tap-', 'collector')]" } } },
      },
    ]);
    const { a } = analyze({ 'main.json': t, 'child.json': child });
    expect(a.diagnostics.filter((d) => d.code === 'evaluation-error').map((d) => d.message)).toEqual([
      "The provided value for the template parameter 'count' is not valid. Expected a value of type 'Integer', but received a value of type 'String'.",
      "The provided value for the template parameter 'name' is not valid: it has 13 characters, more than the maxLength 4.",
    ]);
  });

  test('a null passed to a parameter with a defaultValue gets the default, as ARM gives it (AVM load balancer: tryGet() of an optional NAT rule property)', () => {
    // As the compiled load-balancer module passes an inbound NAT rule's optional properties:
    // { "value": "[tryGet(rule, 'protocol')]" } to `param protocol string = 'Tcp'` (allowedValues).
    const child = arm(
      {
        rule: {
          type: 'Microsoft.Network/loadBalancers/inboundNatRules',
          apiVersion: '2023-11-01',
          name: "[format('lb/{0}', parameters('name'))]",
          properties: { protocol: "[parameters('protocol')]", enableFloatingIP: "[parameters('enableFloatingIP')]", frontendPort: "[parameters('frontendPort')]" },
        },
      },
      {
        languageVersion: '2.0',
        parameters: {
          name: { type: 'string' },
          protocol: { type: 'string', defaultValue: 'Tcp', allowedValues: ['All', 'Tcp', 'Udp'] },
          enableFloatingIP: { type: 'bool', defaultValue: false },
          frontendPort: { type: 'int', nullable: true, minValue: 0 },
        },
      },
    );
    const rules = [{ name: 'rdp' }];
    const t = arm([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'nat',
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: {
            name: { value: "[variables('rules')[0].name]" },
            protocol: { value: "[tryGet(variables('rules')[0], 'protocol')]" },
            enableFloatingIP: { value: "[tryGet(variables('rules')[0], 'enableFloatingIP')]" },
            frontendPort: { value: "[tryGet(variables('rules')[0], 'frontendPort')]" },
          },
          template: child,
        },
      },
    ], { variables: { rules } });
    const { a } = analyze({ 'main.json': t });
    expect(codes(a)).toEqual([]);
    const rule = a.graph.resources.find((r) => r.type === 'Microsoft.Network/loadBalancers/inboundNatRules')!;
    expect(at(rule.root, 'properties', 'protocol').value).toBe('Tcp');
    expect(at(rule.root, 'properties', 'enableFloatingIP').value).toBe(false);
    // A parameter without a default (nullable) takes the null.
    expect(at(rule.root, 'properties', 'frontendPort').value).toBe(null);
  });

  test('a nullable parameter with allowedValues takes a null (AVM subnet module: tryGet(subnet, \'sharingScope\')); a non-nullable one does not', () => {
    const child = arm(
      {
        subnet: {
          type: 'Microsoft.Network/virtualNetworks/subnets',
          apiVersion: '2024-01-01',
          name: 'vnet/app',
          properties: { addressPrefix: '10.0.1.0/24', sharingScope: "[parameters('sharingScope')]", defaultOutboundAccess: "[parameters('policies')]" },
        },
      },
      {
        languageVersion: '2.0',
        definitions: { scopeType: { type: 'string', allowedValues: ['DelegatedServices', 'Tenant'], nullable: true } },
        parameters: {
          sharingScope: { type: 'string', allowedValues: ['DelegatedServices', 'Tenant'], nullable: true },
          typed: { $ref: '#/definitions/scopeType' },
          policies: { type: 'string', allowedValues: ['Disabled', 'Enabled'] },
        },
      },
    );
    const t = arm([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'subnet',
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: {
            sharingScope: { value: "[tryGet(variables('subnet'), 'sharingScope')]" },
            typed: { value: "[tryGet(variables('subnet'), 'sharingScope')]" },
            policies: { value: "[tryGet(variables('subnet'), 'privateEndpointNetworkPolicies')]" },
          },
          template: child,
        },
      },
    ], { variables: { subnet: { name: 'app' } } });
    const { a } = analyze({ 'main.json': t });
    // Only the parameter that is neither nullable nor defaulted rejects the null.
    expect(a.diagnostics.filter((d) => d.code === 'evaluation-error').map((d) => d.message)).toEqual([
      "The provided value for the template parameter 'policies' is not valid: it is not one of the allowedValues.",
    ]);
  });

  test('a parameter typed by a nullable definition ($ref, as AVM types lock) is not required, and is null when no value is passed', () => {
    // The AVM network-interface module, deployed by the AVM virtual-machine module, which passes no lock.
    const nicModule = arm(
      {
        nic: nic("[parameters('name')]"),
        nic_lock: {
          condition: "[and(not(empty(coalesce(parameters('lock'), createObject()))), not(equals(tryGet(parameters('lock'), 'kind'), 'None')))]",
          type: 'Microsoft.Authorization/locks',
          apiVersion: '2020-05-01',
          scope: "[format('Microsoft.Network/networkInterfaces/{0}', parameters('name'))]",
          name: "[coalesce(tryGet(parameters('lock'), 'name'), format('lock-{0}', parameters('name')))]",
          properties: { level: "[coalesce(tryGet(parameters('lock'), 'kind'), '')]" },
          dependsOn: ['nic'],
        },
      },
      {
        languageVersion: '2.0',
        definitions: {
          lockType: { type: 'object', properties: { name: { type: 'string', nullable: true }, kind: { type: 'string', allowedValues: ['CanNotDelete', 'None', 'ReadOnly'], nullable: true } }, nullable: true },
          roleAssignmentType: { type: 'array', items: { type: 'object' }, nullable: true },
          // A definition that refers on to a nullable one.
          lockAlias: { $ref: '#/definitions/lockType' },
        },
        parameters: {
          name: { type: 'string' },
          lock: { $ref: '#/definitions/lockType', metadata: { description: 'Optional. The lock settings of the service.' } },
          roleAssignments: { $ref: '#/definitions/roleAssignmentType' },
          aliased: { $ref: '#/definitions/lockAlias' },
        },
      },
    );
    const t = arm([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'nic-module',
        properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, parameters: { name: { value: 'web-nic' } }, template: nicModule },
      },
    ]);
    const { a } = analyze({ 'main.json': t });
    expect(a.diagnostics.filter((d) => d.code === 'invalid-template')).toEqual([]);
    // lock is null: the lock's condition is false, so it is not deployed (not a maybe).
    expect(a.graph.resources.filter((r) => r.type === 'Microsoft.Authorization/locks')).toEqual([]);
    expect(names(a)).toContain('web-nic');
  });

  test('a deployment reads the outputs of one written after it (ARM deploys in dependency order): ARM JSON and Bicep', () => {
    // As a wrapper of AVM modules: the load balancer's frontend subnet is the hub network module's
    // output, and the hub module comes later in the languageVersion 2.0 resources object.
    const inner = (parameters: Record<string, unknown>, outputs: Record<string, unknown>) => ({
      mode: 'Incremental',
      expressionEvaluationOptions: { scope: 'inner' },
      template: arm([], { parameters, outputs }),
    });
    const t = arm(
      {
        lb: {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'lb-deploy',
          properties: {
            ...inner({ subnetId: { type: 'string' } }, { subnetId: { type: 'string', value: "[parameters('subnetId')]" } }),
            parameters: { subnetId: { value: "[reference('hub').outputs.subnetResourceIds.value[0]]" } },
          },
          dependsOn: ['hub'],
        },
        hub: {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'hub-deploy',
          properties: inner({}, { subnetResourceIds: { type: 'array', value: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/collector'] } }),
        },
      },
      { languageVersion: '2.0', outputs: { subnetId: { type: 'string', value: "[reference('lb').outputs.subnetId.value]" } } },
    );
    const { a } = analyze({ 'main.json': t });
    expect(a.deployed.scope?.outputs().map((o) => o.value)).toEqual(['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/collector']);
    const bicep = analyze({
      'main.bicep': "module consumer 'consumer.bicep' = {\n  name: 'consumer'\n  params: {\n    v: producer.outputs.x\n  }\n}\n\nmodule producer 'producer.bicep' = {\n  name: 'producer'\n}\n\noutput y string = consumer.outputs.y\n",
      'consumer.bicep': 'param v string\noutput y string = v\n',
      'producer.bicep': "output x string = 'hello'\n",
    });
    expect(bicep.a.deployed.scope?.outputs().map((o) => o.value)).toEqual(['hello']);
  });

  test("reference() of a deployment by id finds it only in the resource group the id names", () => {
    const t = arm([nested('inner', { resourceGroup: 'spoke-rg' })], { parameters: { prefix: { type: 'string', defaultValue: 'web' } } });
    const deployment = { resourceGroup: 'net-rg', subscriptionId: '11111111-1111-1111-1111-111111111111' };
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment });
    const output = (expr: string) => a.deployed.scope?.evaluateString(expr, a.graph.resources[0]!.span);
    const there = output("[reference(resourceId('spoke-rg', 'Microsoft.Resources/deployments', 'inner-deployment'), '2022-09-01').outputs.nicId.value]");
    expect(there).toBe('/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/spoke-rg/providers/Microsoft.Network/networkInterfaces/x');
    // resourceId() without a group names this deployment's group, where no such deployment is.
    const here = output("[reference(resourceId('Microsoft.Resources/deployments', 'inner-deployment'), '2022-09-01').outputs.nicId.value]");
    expect(here).toBeInstanceOf(Unknown);
    expect((here as Unknown).reason.code).toBe('runtime-state');
  });

  test("a Bicep module's outputs are read from the deployment where it is: scope: <resource group symbol>, scope: managementGroup('x')", () => {
    const outputsOf = (a: ReturnType<typeof analyze>['a']) => Object.fromEntries((a.deployed.scope?.outputs() ?? []).map((o) => [o.name, o.value]));
    const sub = analyze({
      'main.bicep': [
        "targetScope = 'subscription'",
        "resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = { name: 'rg-hub', location: 'eastus' }",
        "module hub 'hub.bicep' = { name: 'hub', scope: rg }",
        "module other 'other.bicep' = { name: 'hub', scope: resourceGroup('rg-other') }",
        'output where string = hub.outputs.where',
      ].join('\n'),
      'hub.bicep': "output where string = 'hub'",
      'other.bicep': "output where string = 'other'",
    }).a;
    expect(outputsOf(sub).where).toBe('hub');
    const tenant = analyze({
      'main.bicep': [
        "targetScope = 'tenant'",
        "module second 'second.bicep' = { name: 'mod', scope: managementGroup('mg2') }",
        "module first 'first.bicep' = { name: 'mod', scope: managementGroup('mg1') }",
        'output where string = first.outputs.where',
      ].join('\n'),
      'first.bicep': "targetScope = 'managementGroup'\noutput where string = 'mg1'",
      'second.bicep': "targetScope = 'managementGroup'\noutput where string = 'mg2'",
    }).a;
    expect(outputsOf(tenant).where).toBe('mg1');
  });

  test('a deployment with "scope": "Microsoft.Management/managementGroups/mg1" deploys its template into that management group', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'to-mg',
          scope: 'Microsoft.Management/managementGroups/mg1',
          location: 'eastus',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              resources: [{ type: 'Microsoft.Authorization/roleDefinitions', apiVersion: '2022-04-01', name: 'tap-operator', properties: { roleName: 'TAP operator' } }],
              outputs: { mg: { type: 'string', value: '[managementGroup().name]' } },
            },
          },
        },
      ],
    };
    const { a } = analyze({ 'main.json': t });
    const role = a.graph.resources.find((r) => r.type === 'Microsoft.Authorization/roleDefinitions')!;
    expect(formatId(role.id)).toBe('/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/roleDefinitions/tap-operator');
    expect(role.unit.scope.kind).toBe('managementGroup');
    expect(a.deployed.scope?.evaluateString("[reference('to-mg').outputs.mg.value]", role.span)).toBe('mg1');
  });

  test('from a management group template, "scope": "Microsoft.Management/managementGroups/mg2" is that management group, not one below the current one', () => {
    // ARM's "Scope to management group": a management group template targets another management
    // group with this relative scope, as Bicep writes `scope: managementGroup('mg2')`. Management
    // groups are tenant resources, so the scope is /providers/Microsoft.Management/managementGroups/mg2.
    const inner = {
      $schema: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.Authorization/roleDefinitions', apiVersion: '2022-04-01', name: 'tap-operator', properties: { roleName: 'TAP operator' } }],
      outputs: { mg: { type: 'string', value: '[managementGroup().name]' } },
    };
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'to-mg2',
          scope: "[format('Microsoft.Management/managementGroups/{0}', 'mg2')]",
          location: 'eastus',
          properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: inner },
        },
      ],
      outputs: {
        mg: { type: 'string', value: "[reference(extensionResourceId(tenantResourceId('Microsoft.Management/managementGroups', 'mg2'), 'Microsoft.Resources/deployments', 'to-mg2'), '2022-09-01').outputs.mg.value]" },
      },
    };
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment: { managementGroup: 'mg1' } });
    expect(a.graph.resources.map((r) => formatId(r.id)).sort()).toEqual([
      '/providers/Microsoft.Management/managementGroups/mg2/providers/Microsoft.Authorization/roleDefinitions/tap-operator',
      '/providers/Microsoft.Management/managementGroups/mg2/providers/Microsoft.Resources/deployments/to-mg2',
    ]);
    const role = a.graph.resources.find((r) => r.type === 'Microsoft.Authorization/roleDefinitions')!;
    expect(role.unit.scope.kind).toBe('managementGroup');
    expect(a.deployed.scope?.outputs()[0]?.value).toBe('mg2');
    // Bicep: a module scoped to another management group from a management group file.
    const bicep = analyze({
      'main.bicep': "targetScope = 'managementGroup'\nmodule m 'mg.bicep' = { name: 'to-mg2', scope: managementGroup('mg2') }\noutput where string = m.outputs.where",
      'mg.bicep': "targetScope = 'managementGroup'\noutput where string = managementGroup().name",
    }).a;
    expect(bicep.deployed.scope?.outputs()[0]?.value).toBe('mg2');
  });

  test('from a resource group template: a deployment with only subscriptionId is a subscription deployment, one with scope "/" a tenant deployment', () => {
    const dep = (name: string, extra: Record<string, unknown>, schema: string, resources: unknown[]) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name,
      location: 'eastus',
      ...extra,
      properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: { $schema: schema, contentVersion: '1.0.0.0', resources, outputs: { n: { type: 'string', value: name } } } },
    });
    const t = arm([
      dep('to-sub', { subscriptionId: '33333333-3333-3333-3333-333333333333' }, 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#', [
        { type: 'Microsoft.Resources/resourceGroups', apiVersion: '2022-09-01', name: 'net-rg', location: 'eastus' },
      ]),
      dep('to-tenant', { scope: '/' }, 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#', [
        { type: 'Microsoft.Management/managementGroups', apiVersion: '2021-04-01', name: 'vtap-mg', properties: {} },
      ]),
    ]);
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment: { subscriptionId: '11111111-1111-1111-1111-111111111111', resourceGroup: 'main-rg' } });
    expect(a.graph.resources.map((r) => formatId(r.id)).sort()).toEqual([
      '/providers/Microsoft.Management/managementGroups/vtap-mg',
      '/providers/Microsoft.Resources/deployments/to-tenant',
      '/subscriptions/33333333-3333-3333-3333-333333333333/providers/Microsoft.Resources/deployments/to-sub',
      '/subscriptions/33333333-3333-3333-3333-333333333333/providers/Microsoft.Resources/resourceGroups/net-rg',
    ]);
    const viaId = a.deployed.scope?.evaluateString("[reference(subscriptionResourceId('33333333-3333-3333-3333-333333333333', 'Microsoft.Resources/deployments', 'to-sub'), '2022-09-01').outputs.n.value]", a.graph.resources[0]!.span);
    expect(viaId).toBe('to-sub');
    // Bicep: a module scoped to a subscription from a resource group file; its outputs are read there.
    const bicep = analyze({
      'main.bicep': "module m 'sub.bicep' = { name: 'subdep', scope: subscription('22222222-2222-2222-2222-222222222222') }\noutput where string = m.outputs.where",
      'sub.bicep': "targetScope = 'subscription'\noutput where string = 'sub'",
    }).a;
    expect(bicep.deployed.scope?.outputs()[0]?.value).toBe('sub');
  });

  test('a resource with scope "/" is a tenant resource, also in a management group template', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.Subscription/aliases', apiVersion: '2021-10-01', scope: '/', name: 'vtap-sub', properties: { workload: 'Production' } }],
      outputs: { sub: { type: 'string', value: "[reference(tenantResourceId('Microsoft.Subscription/aliases', 'vtap-sub'), '2021-10-01').workload]" } },
    };
    const { a } = analyze({ 'main.json': t });
    expect(formatId(a.graph.resources[0]!.id)).toBe('/providers/Microsoft.Subscription/aliases/vtap-sub');
    expect(a.deployed.scope?.outputs()[0]?.value).toBe('Production');
  });

  test('a deployment whose parameters come from a parametersLink (never fetched): every parameter is unknown, even one with a default', () => {
    const child = arm([nic("[parameters('nicName')]", { location: "[parameters('location')]" })], {
      parameters: { nicName: { type: 'string' }, location: { type: 'string', defaultValue: 'eastus', allowedValues: ['eastus', 'westeurope'] } },
    });
    const t = arm([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'linked',
        properties: { mode: 'Incremental', templateLink: { relativePath: 'child.json' }, parametersLink: { uri: 'https://example.com/child.parameters.json' } },
      },
    ]);
    const { a } = analyze({ 'main.json': t, 'child.json': child });
    const nicR = a.graph.resources.find((r) => r.type === 'Microsoft.Network/networkInterfaces')!;
    const location = at(nicR.root, 'location').value as Unknown;
    expect(location).toBeInstanceOf(Unknown);
    expect(location.reason.code).toBe('not-fetched');
    expect(location.reason.message).toBe("the parameter 'location' gets its value from the parametersLink 'https://example.com/child.parameters.json' of deployment 'linked', which is never fetched");
    expect(Array.from(location.oneOf ?? [])).toEqual(['eastus', 'westeurope']);
    expect((nicR.name as Unknown).reason.code).toBe('not-fetched');
    expect(codes(a)).toEqual([]);
  });

  test('reference() of a deployment whose template is linked by URI: its outputs are unknown because the template is never fetched, and say so', () => {
    const t = arm([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'tapDeployment',
        properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/tap.json' } },
      },
      nic('nic1', { location: "[reference('tapDeployment').outputs.location.value]" }),
    ]);
    const { a } = analyze({ 'main.json': t });
    const nicR = a.graph.resources.find((r) => r.type === 'Microsoft.Network/networkInterfaces')!;
    const location = at(nicR.root, 'location').value as Unknown;
    expect(location).toBeInstanceOf(Unknown);
    expect(location.reason.code).toBe('not-fetched');
    expect(location.reason.message).toBe("a property or output of deployment 'tapDeployment', whose template is linked from 'https://example.com/tap.json' and never fetched");
    // A deployment whose template is in the file: what Azure sets stays runtime state.
    const inline = arm([
      { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner', properties: { mode: 'Incremental', template: arm([]) } },
      nic('nic1', { location: "[reference('inner').provisioningState]" }),
    ]);
    const other = analyze({ 'main.json': inline }).a.graph.resources.find((r) => r.type === 'Microsoft.Network/networkInterfaces')!;
    expect((at(other.root, 'location').value as Unknown).reason.code).toBe('runtime-state');
  });

  test('a literal top-level property gets its span when asked, an expression one when evaluated', () => {
    const t = arm([nic('nic1', { location: 'westeurope', tags: { owner: "[concat('a', 'b')]" } })]);
    const { a } = analyze({ 'main.json': t });
    const r = a.graph.resources[0]!;
    expect(at(r.root, 'location').value).toBe('westeurope');
    expect(at(r.root, 'location').span.text()).toBe('"westeurope"');
    expect(at(r.root, 'apiVersion').span.text()).toBe('"2024-05-01"');
    expect(keySpanOf(r.root, 'location')?.text()).toBe('"location"');
    expect(at(r.root, 'tags', 'owner').value).toBe('ab');
    expect(at(r.root, 'tags').span.text().startsWith('{')).toBe(true);
  });

  test('the target scope is recorded on each resource', () => {
    const { a } = analyze({ 'main.json': arm([nested('inner', { resourceGroup: 'other-rg', subscriptionId: '11111111-1111-1111-1111-111111111111' })], { parameters: { prefix: { type: 'string', defaultValue: 'web' } } }) });
    const inner = a.graph.resources.find((r) => r.name === 'web-nic')!;
    expect(formatId(inner.id)).toBe('/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/other-rg/providers/Microsoft.Network/networkInterfaces/web-nic');
    expect(inner.unit.scope.kind).toBe('resourceGroup');
  });

  test("the config describes the root deployment: a nested one elsewhere has its own resource group, location and name", () => {
    // Inner-scope deployments whose template outputs what its functions see.
    const probe = (name: string, extra: Record<string, unknown>) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name,
      ...extra,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        template: arm([], {
          outputs: {
            rg: { type: 'string', value: '[resourceGroup().name]' },
            location: { type: 'string', value: '[resourceGroup().location]' },
            sub: { type: 'string', value: '[subscription().subscriptionId]' },
            name: { type: 'string', value: '[deployment().name]' },
          },
        }),
      },
    });
    const t = arm([
      probe('same', {}),
      probe('same-by-name', { resourceGroup: 'NET-RG' }),
      probe('other', { resourceGroup: 'other-rg' }),
      probe('other-sub', { subscriptionId: '22222222-2222-2222-2222-222222222222', resourceGroup: 'net-rg' }),
      probe('param', { resourceGroup: "[parameters('rg')]" }),
    ], { parameters: { rg: { type: 'string' } } });
    const deployment = { location: 'westeurope', resourceGroup: 'net-rg', subscriptionId: '11111111-1111-1111-1111-111111111111', deploymentName: 'main' };
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment });
    const outputs = (name: string) => {
      const view = a.deployed.scope?.evaluateString(`[reference('${name}').outputs]`, a.graph.resources[0]!.span);
      const get = (k: string) => {
        const v = (view as { get(k: string): unknown }).get(k) as { get(k: string): unknown };
        const value = v.get('value');
        return value instanceof Unknown ? `{${value.symbol}}` : value;
      };
      return [get('rg'), get('location'), get('sub'), get('name')];
    };
    expect(outputs('same')).toEqual(['net-rg', 'westeurope', '11111111-1111-1111-1111-111111111111', 'same']);
    expect(outputs('same-by-name')).toEqual(['NET-RG', 'westeurope', '11111111-1111-1111-1111-111111111111', 'same-by-name']);
    expect(outputs('other')).toEqual(['other-rg', "{resourceGroup('other-rg').location}", '11111111-1111-1111-1111-111111111111', 'other']);
    expect(outputs('other-sub')).toEqual(['net-rg', "{resourceGroup('net-rg').location}", '22222222-2222-2222-2222-222222222222', 'other-sub']);
    // A resource group from a parameter without a value: its name is that parameter's value (the ids
    // its template builds name the resources it creates there), its location named after it.
    expect(outputs('param').slice(0, 2)).toEqual(["{parameters('rg')}", "{resourceGroup({parameters('rg')}).location}"]);
  });

  test('the resources of a nested deployment whose condition is known only at deployment may not be deployed either', () => {
    const t = arm([nested('inner', { condition: "[parameters('deploy')]" })], { parameters: { prefix: { type: 'string', defaultValue: 'web' }, deploy: { type: 'bool' } } });
    const { a } = analyze({ 'main.json': t });
    const inner = a.graph.resources.find((r) => r.name === 'web-nic')!;
    expect(inner.state).toBe('maybe');
    expect(inner.condition?.reason.message).toContain("'deploy'");
  });

  test('a resource group the deployment creates gives its location to the deployments into it', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { rgLocation: { type: 'string', defaultValue: 'uksouth' } },
      resources: [
        { type: 'Microsoft.Resources/resourceGroups', apiVersion: '2024-03-01', name: 'rg-vtap', location: "[parameters('rgLocation')]" },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'into-rg',
          resourceGroup: 'rg-vtap',
          dependsOn: ["[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg-vtap')]"],
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            template: arm([], { outputs: { location: { type: 'string', value: '[resourceGroup().location]' } } }),
          },
        },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'elsewhere',
          resourceGroup: 'rg-other',
          properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: arm([], { outputs: { location: { type: 'string', value: '[resourceGroup().location]' } } }) },
        },
      ],
    };
    const { a } = analyze({ 'main.json': t });
    const location = (name: string) => {
      const v = (a.deployed.scope?.evaluateString(`[reference('${name}').outputs.location.value]`, a.graph.resources[0]!.span));
      return v instanceof Unknown ? `{${v.symbol}}` : v;
    };
    expect(location('into-rg')).toBe('uksouth');
    expect(location('elsewhere')).toBe("{resourceGroup('rg-other').location}");
  });

  test("templateLink.contentVersion must be the linked template's contentVersion", () => {
    const link = (contentVersion: string) =>
      arm([{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'linked', properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/nic.json', contentVersion } } }]);
    const same = analyze({ 'main.json': link('1.0.0.0'), 'nested/nic.json': arm([nic('linked-nic')]) }).a;
    expect(codes(same)).toEqual([]);
    const other = analyze({ 'main.json': link('2.0.0.0'), 'nested/nic.json': arm([nic('linked-nic')]) }).a;
    expect(other.diagnostics.map((d) => [d.code, d.span.text()])).toEqual([['invalid-template', '"2.0.0.0"']]);
    expect(names(other)).toEqual(['linked', 'linked-nic']);
  });

  test('templateLink.relativePath is read inside the lint root; outside it and uri are never read', () => {
    const linked = (rel: string) => arm([{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'linked', properties: { mode: 'Incremental', templateLink: { relativePath: rel } } }]);
    const { a } = analyze({ 'main.json': linked('nested/nic.json'), 'nested/nic.json': arm([nic('linked-nic')]) });
    expect(names(a)).toEqual(['linked', 'linked-nic']);
    expect(a.graph.resources[1]!.span.file.path).toMatch(/nested[\\/]nic\.json$/);
    const out = analyze({ 'main.json': linked('../../etc/passwd') }).a;
    expect(out.diagnostics.map((d) => d.message).join()).toContain('outside the folder being linted');
    const uri = analyze({ 'main.json': arm([{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'remote', properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/t.json' } } }]) }).a;
    expect(uri.diagnostics.map((d) => d.message).join()).toContain("linked from 'https://example.com/t.json' and is never fetched");
  });
});

describe('languageVersion 2.0 and child resources', () => {

  test('a copy loop on a child inside its parent\'s resources is an error ARM raises; the instances are still analysed', () => {
    const t = arm([
      nic('src-nic', {
        resources: [{ type: 'tapConfigurations', apiVersion: '2024-05-01', name: "[format('cfg{0}', copyIndex())]", copy: { name: 'cfgs', count: 2 }, properties: {} }],
      }),
    ]);
    const { a } = analyze({ 'main.json': t });
    expect(a.diagnostics.filter((d) => d.code === 'invalid-template').map((d) => d.span.text().replace(/\s+/g, ''))).toEqual(['{"name":"cfgs","count":2}']);
    expect(names(a)).toEqual(['src-nic', 'src-nic/cfg0', 'src-nic/cfg1']);
  });
  test('symbolic names, existing resources, dependsOn and reference() by symbolic name', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      definitions: { myType: { type: 'string' } },
      resources: {
        vnet: { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'shared-vnet', existing: true },
        webNic: { ...nic('web-nic'), dependsOn: ['vnet', 'tap'], properties: { note: "[reference('tap').destinationPort]" } },
        tap: { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: 'eastus', properties: { destinationPort: 4789 } },
      },
    };
    const { a } = analyze({ 'main.json': t });
    expect(a.graph.resources.map((r) => [r.symbolicName, r.existing])).toEqual([
      ['vnet', true],
      ['webNic', false],
      ['tap', false],
    ]);
    const web = a.graph.resources[1]!;
    // Named by its name, known here; the finding's identity stays the symbolic name.
    expect(web.displayName).toBe('web-nic');
    expect(web.identityName).toBe('webNic');
    expect(a.graph.edges().filter((e) => e.from === web && e.kind === 'dependsOn').map((e) => e.to.symbolicName)).toEqual(['vnet', 'tap']);
    expect(at(web.root, 'properties', 'note').value).toBe(4789);
  });

  test('a resource defined twice in one template is an error (ARM rejects it); conditional duplicates and other templates are not', () => {
    const tapCfg = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'Microsoft.Network/networkInterfaces/tapConfigurations', apiVersion: '2024-05-01', name, properties: {}, ...extra });
    const t = arm(
      [
        nic('web-nic'),
        tapCfg('web-nic/cfg'),
        tapCfg('WEB-NIC/cfg'),
        // At most one unconditional: allowed (Bicep and ARM).
        tapCfg('web-nic/alt', { condition: "[equals(parameters('mode'), 'a')]" }),
        tapCfg('web-nic/alt', { condition: "[equals(parameters('mode'), 'b')]" }),
        // Another template (a nested deployment) may declare the same id.
        { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner', properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: arm([tapCfg('web-nic/cfg')]) } },
      ],
      { parameters: { mode: { type: 'string' } } },
    );
    const { a } = analyze({ 'main.json': t });
    const dup = a.diagnostics.filter((d) => d.message.includes('defined multiple times'));
    expect(dup.map((d) => [d.span.text(), d.message])).toEqual([
      ['"WEB-NIC/cfg"', "The resource 'Microsoft.Network/networkInterfaces/tapConfigurations/WEB-NIC/cfg' is defined multiple times in a template (also at line 29); ARM rejects the deployment: remove one of them or give them different names."],
    ]);
  });

  test('resourceInfo() gives the id, name, type and API version of a resource by its symbolic name (languageVersion 2.0)', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: {
        tap: { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: 'eastus', properties: {} },
        cfg: { type: 'Microsoft.Network/networkInterfaces/tapConfigurations', apiVersion: '2024-05-01', name: 'nic1/cfg', properties: { virtualNetworkTap: { id: "[resourceInfo('tap').id]" }, t: "[resourceInfo('tap').type]", v: "[resourceInfo('tap').apiVersion]" } },
      },
    };
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment: { subscriptionId: 's1', resourceGroup: 'rg1' } });
    const cfg = a.graph.resources[1]!;
    expect(at(cfg.root, 'properties', 'virtualNetworkTap', 'id').value).toBe('/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworkTaps/tap1');
    expect([at(cfg.root, 'properties', 't').value, at(cfg.root, 'properties', 'v').value]).toEqual(['Microsoft.Network/virtualNetworkTaps', '2024-05-01']);
    expect(a.diagnostics).toEqual([]);
  });

  test("resourceInfo(format('nics[{0}]', i)) is an instance of a resource copy loop, as the Bicep compiler writes nics[i].id", () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: {
        nics: { copy: { name: 'nics', count: 2 }, ...nic("[format('nic-{0}', copyIndex())]") },
        vms: {
          copy: { name: 'vms', count: 2 },
          type: 'Microsoft.Compute/virtualMachines',
          apiVersion: '2024-07-01',
          name: "[format('vm-{0}', copyIndex())]",
          location: 'eastus',
          properties: { networkProfile: { networkInterfaces: [{ id: "[resourceInfo(format('nics[{0}]', copyIndex())).id]" }] }, n: "[resourceInfo(format('nics[{0}]', sub(1, copyIndex()))).name]" },
        },
      },
    };
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment: { subscriptionId: 's1', resourceGroup: 'rg1' } });
    const vms = a.graph.resources.filter((r) => r.type === 'Microsoft.Compute/virtualMachines');
    expect(vms.map((vm) => at(vm.root, 'properties', 'networkProfile', 'networkInterfaces', 0, 'id').value)).toEqual([
      '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/networkInterfaces/nic-0',
      '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/networkInterfaces/nic-1',
    ]);
    expect(vms.map((vm) => at(vm.root, 'properties', 'n').value)).toEqual(['nic-1', 'nic-0']);
    expect(a.diagnostics).toEqual([]);
  });

  test("reference() and list*() by name order a resource after the one named (ARM's implicit dependency); by id they do not", () => {
    const tap = { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: 'eastus', properties: {} };
    const t = arm([
      tap,
      nic('by-name', { tags: { guid: "[reference('tap1').resourceGuid]" } }),
      nic('by-list', { tags: { k: "[listKeys('tap1', '2024-05-01').keys[0].value]" } }),
      nic('by-id', { tags: { guid: "[reference(resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')).resourceGuid]" } }),
      nic('both', { dependsOn: ['tap1'], tags: { guid: "[reference('tap1').resourceGuid]" } }),
    ]);
    const { a } = analyze({ 'main.json': t });
    const order = a.graph.orderEdges().map((e) => [e.from.name, e.to.name, e.path]);
    expect(order).toEqual([
      ['by-name', 'tap1', '(reference)'],
      ['by-list', 'tap1', '(reference)'],
      ['both', 'tap1', 'dependsOn'],
    ]);
    const implicit = a.graph.resources[1]!.implicitDependencies[0]!;
    expect(implicit.span.text()).toBe("reference('tap1')");
  });

  test('nested child resources and top-level "nic/cfg" children both become one child-of-parent relation', () => {
    const t = arm([
      { ...nic('web-nic'), resources: [{ type: 'tapConfigurations', apiVersion: '2024-05-01', name: 'nested-cfg', properties: {} }] },
      { type: 'Microsoft.Network/networkInterfaces/tapConfigurations', apiVersion: '2024-05-01', name: 'web-nic/top-cfg', properties: {} },
    ]);
    const { a } = analyze({ 'main.json': t });
    const parent = a.graph.resources[0]!;
    expect(parent.children.map((c) => [c.type, c.name])).toEqual([
      ['Microsoft.Network/networkInterfaces/tapConfigurations', 'web-nic/nested-cfg'],
      ['Microsoft.Network/networkInterfaces/tapConfigurations', 'web-nic/top-cfg'],
    ]);
    expect(a.graph.edges().filter((e) => e.kind === 'parent').map((e) => e.to)).toEqual([parent, parent]);
  });
});

describe('resource ids and edges', () => {
  test('ids in properties become edges to resources and to their parts, matched case-insensitively', () => {
    const t = arm([
      { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'VNet1', location: 'eastus', properties: { subnets: [{ name: 'default', properties: {} }] } },
      {
        ...nic('nic1'),
        properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { subnet: { id: "[resourceId('microsoft.network/VIRTUALNETWORKS/subnets', 'vnet1', 'default')]" } } }] },
      },
      {
        type: 'Microsoft.Network/virtualNetworkTaps',
        apiVersion: '2024-05-01',
        name: 'tap',
        location: 'eastus',
        properties: { destinationNetworkInterfaceIPConfiguration: { id: "[concat(resourceId('Microsoft.Network/networkInterfaces', 'NIC1'), '/ipConfigurations/ipconfig1')]" } },
      },
    ]);
    const { a } = analyze({ 'main.json': t });
    const refs = a.graph.edges().filter((e) => e.kind === 'reference').map((e) => [e.from.name, e.to.name, e.sub?.join('/'), e.path]);
    expect(refs).toEqual([
      ['nic1', 'VNet1', 'subnets/default', 'properties.ipConfigurations[0].properties.subnet.id'],
      ['tap', 'nic1', 'ipConfigurations/ipconfig1', 'properties.destinationNetworkInterfaceIPConfiguration.id'],
    ]);
    const res = a.graph.resolve(at(a.graph.resources[2]!.root, 'properties', 'destinationNetworkInterfaceIPConfiguration', 'id').value);
    expect(res.kind).toBe('sub');
    if (res.kind === 'sub') expect(at(res.entry!, 'name').value).toBe('ipconfig1');
  });

  test('ids with the subscription known only at deployment still link; other subscriptions are external', () => {
    const t = arm([nic('nic1'), { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'eastus', properties: {
      a: "[format('/subscriptions/{0}/resourceGroups/{1}/providers/Microsoft.Network/networkInterfaces/nic1', subscription().subscriptionId, resourceGroup().name)]",
      b: "[resourceId('22222222-2222-2222-2222-222222222222', 'rg2', 'Microsoft.Network/networkInterfaces', 'elsewhere')]",
    } }], {});
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment: { subscriptionId: '11111111-1111-1111-1111-111111111111' } });
    const tap = a.graph.resources[1]!;
    expect(a.graph.resolve(at(tap.root, 'properties', 'a').value).kind).toBe('resource');
    expect(a.graph.resolve(at(tap.root, 'properties', 'b').value).kind).toBe('external');
  });

  test('equal partially known ids resolve once; ids that differ only in an unknown piece do not share an answer', () => {
    const tap = { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'eastus' };
    const t = arm([nic('nic1'), nic('nic2'), { ...tap, properties: {
      a: "[resourceId('Microsoft.Network/networkInterfaces', 'nic1')]",
      b: "[resourceId('Microsoft.Network/networkInterfaces', 'nic1')]",
      c: "[resourceId('Microsoft.Network/networkInterfaces', 'nic2')]",
      // The same text, but the subscription is a parameter, not the deployment's: another value.
      d: "[resourceId(parameters('sub'), resourceGroup().name, 'Microsoft.Network/networkInterfaces', 'nic1')]",
    } }], { parameters: { sub: { type: 'string' } } });
    const { a } = analyze({ 'main.json': t });
    const value = (k: string) => at(a.graph.resources[2]!.root, 'properties', k).value;
    expect(value('a')).not.toBe(value('b')); // one value per call, each with its own reason
    const ra = a.graph.resolve(value('a'));
    expect(ra.kind).toBe('resource');
    expect(a.graph.resolve(value('b'))).toBe(ra);
    expect(a.graph.resolve(value('c')).kind === 'resource' && (a.graph.resolve(value('c')) as { resource: { name: unknown } }).resource.name).toBe('nic2');
    expect(a.graph.resolve(value('d'))).not.toBe(ra);
  });

  test('dependsOn by id, by type/name, by name, by copy loop name; unresolved entries are listed', () => {
    const t = arm([
      nic('nic1'),
      { copy: { name: 'loop', count: 2 }, ...nic("[concat('l', copyIndex())]") },
      { ...nic('nic2'), dependsOn: ["[resourceId('Microsoft.Network/networkInterfaces', 'nic1')]", 'Microsoft.Network/networkInterfaces/l0', 'loop', 'no-such-thing'] },
    ]);
    const { a } = analyze({ 'main.json': t });
    const n2 = a.graph.resources.find((r) => r.name === 'nic2')!;
    expect(a.graph.edges().filter((e) => e.from === n2 && e.kind === 'dependsOn').map((e) => e.to.name)).toEqual(['nic1', 'l0', 'l0', 'l1']);
    expect(a.graph.unresolvedDependsOn.map((u) => u.value)).toEqual(['no-such-thing']);
  });

  test('the order edges are the dependsOn edges, without the parent and reference relations edges() adds', () => {
    const vnet = { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', location: 'eastus' };
    const subnet = { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2024-05-01', name: 'vnet/web', dependsOn: ['vnet'] };
    const subnetId = "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'web')]";
    const t = arm([vnet, subnet, nic('nic1', { dependsOn: ['no-such-thing'], properties: { ipConfigurations: [{ name: 'ip', properties: { subnet: { id: subnetId } } }] } })]);
    const { a } = analyze({ 'main.json': t });
    const show = (es: readonly { from: { name: unknown }; to: { name: unknown }; kind: string }[]) => es.map((e) => `${String(e.from.name)} ${e.kind} ${String(e.to.name)}`);
    // The parent relation orders nothing in ARM JSON: the subnet is after the VNet by its dependsOn.
    expect(show(a.graph.orderEdges())).toEqual(['vnet/web dependsOn vnet']);
    const pairs: string[] = [];
    a.graph.forEachOrderEdge((from, to) => pairs.push(`${String(from.name)} ${String(to.name)}`));
    expect(pairs).toEqual(['vnet/web vnet']);
    expect(a.graph.unresolvedDependsOn.map((u) => u.value)).toEqual(['no-such-thing']);
    // All edges: per resource its parent edge, its references, then its dependsOn edges; the
    // dependsOn entries are resolved once.
    expect(show(a.graph.edges())).toEqual(['vnet/web parent vnet', 'vnet/web dependsOn vnet', 'nic1 reference vnet/web']);
    expect(a.graph.unresolvedDependsOn).toHaveLength(1);
  });

  test('a child is ordered after its parent only by dependsOn in ARM JSON (nested or top level); Bicep `parent:` and nesting get the dependsOn the compiler writes', () => {
    const vnet = { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', location: 'eastus' };
    const nested = { ...vnet, resources: [{ type: 'subnets', apiVersion: '2024-05-01', name: 'web' }, { type: 'subnets', apiVersion: '2024-05-01', name: 'app', dependsOn: ['vnet'] }] };
    const top = { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2024-05-01', name: 'vnet/db' };
    const { a } = analyze({ 'main.json': arm([nested, top]) });
    const pairs: string[] = [];
    a.graph.forEachOrderEdge((from, to) => pairs.push(`${String(from.name)} ${String(to.name)}`));
    expect(pairs).toEqual(['vnet/app vnet']);
    // The relation is still a parent edge of edges() (what `vtaplint graph` shows).
    expect(a.graph.edges().filter((e) => e.kind === 'parent').map((e) => String(e.from.name))).toEqual(['vnet/web', 'vnet/app', 'vnet/db']);
    const bicep = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
      "  name: 'vnet'",
      "  location: 'eastus'",
      "  resource web 'subnets' = {",
      "    name: 'web'",
      '  }',
      '}',
      "resource app 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {",
      '  parent: vnet',
      "  name: 'app'",
      '}',
      "resource db 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {",
      "  name: 'vnet/db'",
      '}',
      '',
    ].join('\n');
    const b = analyze({ 'main.bicep': bicep }).a;
    const bicepPairs: string[] = [];
    b.graph.forEachOrderEdge((from, to) => bicepPairs.push(`${String(from.name)} ${String(to.name)}`));
    expect(bicepPairs.sort()).toEqual(['vnet/app vnet', 'vnet/web vnet']);
  });
});

describe('display names across modules', () => {
  test('a name resources of one type in two modules share (different resource groups) is shown with the modules; the root keeps its plain names', () => {
    // Every NSG is named 'nsg', each module deploys to a resource group of its own.
    const nsg = "resource vnet 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'nsg', location: 'westeurope' }\n";
    const { a } = analyze({
      'main.bicep': [
        "module hub 'hub.bicep' = { name: 'hub', scope: resourceGroup('hub-rg') }",
        "module spokes 'spoke.bicep' = [for i in range(0, 2): { name: 'spoke${i}', scope: resourceGroup('spoke${i}-rg'), params: { n: i } }]",
        "resource vnet 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'nsg', location: 'westeurope' }",
        "resource alone 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'alone', location: 'westeurope' }",
      ].join('\n'),
      'hub.bicep': `${nsg}module inner 'inner.bicep' = { name: 'inner', scope: resourceGroup('inner-rg') }\n`,
      'inner.bicep': nsg,
      'spoke.bicep': `param n int\n${nsg}resource own 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'own\${n}', location: 'westeurope' }\n`,
    });
    const shown = (rg: string) => a.graph.resources.find((r) => r.name === 'nsg' && r.key.includes(`/resourcegroups/${rg}|`));
    expect(shown('{resourcegroup().name}')?.displayName).toBe('nsg');
    expect(shown('hub-rg')?.displayName).toBe('hub.nsg');
    expect(shown('inner-rg')?.displayName).toBe('hub.inner.nsg');
    expect(shown('spoke0-rg')?.displayName).toBe('spokes[0].nsg');
    expect(shown('spoke1-rg')?.displayName).toBe('spokes[1].nsg');
    expect(shown('spoke1-rg')?.plainDisplayName).toBe('nsg');
    expect(shown('spoke1-rg')?.identityName).toBe('vnet');
    // names no other module uses stay plain, in modules too (two instances of one module share
    // the symbolic name 'own', not the names 'own0' and 'own1')
    const named = (name: string) => a.graph.resources.find((r) => r.name === name);
    expect(named('alone')?.displayName).toBe('alone');
    expect(named('own0')?.displayName).toBe('own0');
    expect(named('own1')?.identityName).toBe('own');
  });

  test('names not known fall back to symbolic names, which are shown with the modules when two modules share them', () => {
    const nsg = "param prefix string\nresource vnet 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: '${prefix}-nsg', location: 'westeurope' }\n";
    const { a } = analyze({
      'main.bicep': "module hub 'hub.bicep' = { name: 'hub', params: { prefix: resourceGroup().name } }\nmodule spoke 'hub.bicep' = { name: 'spoke', params: { prefix: subscription().subscriptionId } }\n",
      'hub.bicep': nsg,
    });
    expect(a.graph.resources.filter((r) => r.symbolicName === 'vnet').map((r) => r.displayName)).toEqual(['hub.vnet', 'spoke.vnet']);
  });

  test('ARM JSON: resources that read alike in different nested deployments (a copy loop of per-site deployments) are shown with their deployments', () => {
    const nsg = { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2024-05-01', name: 'nsg', location: 'westeurope' };
    const site = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: "[concat('site-', copyIndex())]",
      resourceGroup: "[concat('rg-', copyIndex())]",
      copy: { name: 'sites', count: 2 },
      properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [nsg, { ...nsg, name: "[concat('own-', deployment().name)]" }] } },
    };
    const { a } = analyze({ 'main.json': arm([site, { ...nsg, name: 'alone' }]) });
    const shown = a.graph.resources.filter((r) => r.type === 'Microsoft.Network/networkSecurityGroups').map((r) => r.displayName);
    // Each deployment's 'nsg' was shown as 'nsg' alone: two findings read alike and were counted as one.
    expect(shown.sort()).toEqual(['alone', 'own-site-0', 'own-site-1', 'site-0.nsg', 'site-1.nsg']);
  });

  test("ids a nested deployment into a resource group known only at deployment builds name its own resources there, not the root's of the same name", () => {
    const nsg = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2024-05-01', name, location: 'westeurope', ...extra });
    const inner = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'spoke',
      resourceGroup: "[parameters('rg')]",
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        template: {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          resources: [nsg('nsg'), nsg('user', { properties: { ref: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]", group: '[resourceGroup().name]' } })],
        },
      },
    };
    // A group named around a parameter too ('${rg}-hub', as Bicep writes resourceGroup('${rg}-hub')).
    const hub = { ...inner, name: 'hub', resourceGroup: "[format('{0}-hub', parameters('rg'))]" };
    const { a } = analyze({ 'main.json': arm([nsg('nsg'), inner, hub], { parameters: { rg: { type: 'string' } } }) });
    const users = a.graph.resources.filter((r) => r.name === 'user');
    const refs = users.map((user) => a.graph.resolve(at(user.root, 'properties', 'ref').value));
    // It was the root's 'nsg': the nested template's resourceGroup() was another unknown than the group its resources are in.
    expect(refs.map((ref) => ref.kind === 'resource' && ref.resource.displayName).sort()).toEqual(['hub.nsg', 'spoke.nsg']);
    expect((at(users.find((u) => u.displayName.startsWith('spoke'))!.root, 'properties', 'group').value as Unknown).symbol).toBe("parameters('rg')");
  });

  test('a module named after the resource it deploys does not qualify it (module tap holding resource tap)', () => {
    const { a } = analyze({
      'main.bicep': "module tap 'tap.bicep' = { name: 'tap' }\nmodule vnet 'vnet.bicep' = { name: 'vnet' }\n",
      'tap.bicep': "resource tap 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'tap', location: 'westeurope' }\n",
      'vnet.bicep': "resource vnet 'Microsoft.Network/networkSecurityGroups@2024-05-01' = { name: 'vnet', location: 'westeurope' }\nmodule tap 'tap.bicep' = { name: 'inner-tap', scope: resourceGroup('other-rg') }\n",
    });
    const shown = (name: string, type = 'Microsoft.Network/networkSecurityGroups') => a.graph.resources.filter((r) => r.name === name && r.type === type).map((r) => r.displayName);
    expect(shown('vnet')).toEqual(['vnet']);
    // Resources still tell each other apart (the NSG 'tap' is deployed twice, to two resource
    // groups), and so do modules: the module 'tap' is deployed twice.
    expect(shown('tap').sort()).toEqual(['tap.tap', 'vnet.tap.tap']);
    expect(shown('tap', 'Microsoft.Resources/deployments')).toEqual(['tap']);
    expect(shown('inner-tap', 'Microsoft.Resources/deployments')).toEqual(['vnet.tap']);
  });
});

test('findings name module resources by their names, with their modules when two read alike; their logical location stays the symbolic name (fingerprints, resource suppressions)', async () => {
  const { findings } = await findingsOf(['fixtures/module-order/unordered.bicep']);
  const restart = findings.filter((f) => f.ruleId === 'vtap-source-vm-restart');
  // The module loop's VMs are named 'source0' and 'source1': nothing else reads alike.
  expect(restart.map((f) => f.message.split(' (source NIC')[0])).toEqual(["VM 'source0'", "VM 'source1'"]);
  expect(restart.map((f) => f.resource)).toEqual(['Microsoft.Compute/virtualMachines/vm', 'Microsoft.Compute/virtualMachines/vm']);
  // Two modules' VMs named 'web-vm' in two resource groups.
  const sites = (await findingsOf(['fixtures/resource-names/fail-same-names-in-two-resource-groups.bicep'])).findings.filter((f) => f.ruleId === 'vtap-live-migration');
  expect(sites.map((f) => f.message.split(' while')[0])).toEqual(["live migration will be disabled for VM 'app-vm'", "live migration will be disabled for VM 'siteA.web-vm'", "live migration will be disabled for VM 'siteB.web-vm'"]);
  expect(sites.map((f) => f.resource)).toEqual(['Microsoft.Compute/virtualMachines/vm', 'Microsoft.Compute/virtualMachines/vm', 'Microsoft.Compute/virtualMachines/vm']);
});

test('a name known only at deployment as a whole cannot be said not to fit its type (newGuid() for a role assignment on a subnet)', () => {
  const t = arm(
    [
      {
        type: 'Microsoft.Network/virtualNetworks/subnets/providers/roleAssignments',
        apiVersion: '2022-04-01',
        name: "[parameters('assignment')]",
        properties: { principalId: 'p' },
      },
      // a known name with too few segments still does not fit
      { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2024-05-01', name: 'only-one' },
    ],
    { parameters: { assignment: { type: 'string', defaultValue: '[newGuid()]' } } },
  );
  const { a } = analyze({ 'main.json': t });
  expect(a.diagnostics.map((d) => d.message)).toEqual(["the name does not match the type 'Microsoft.Network/virtualNetworks/subnets': a child resource needs one name segment per type segment"]);
});

describe("reference(..., 'Full') of a resource the template declares", () => {
  test('its resourceId, subscriptionId and resourceGroupName are known from its id, for a deployed and an existing resource alike', () => {
    const t = {
      ...arm({
        vnet: { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: 'vnet1', location: 'eastus', properties: {} },
        subnet: { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2023-09-01', name: 'vnet1/s1', dependsOn: ['vnet'], properties: {} },
        hub: { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: 'hub', existing: true, resourceGroup: 'hub-rg' },
      }),
      languageVersion: '2.0',
    };
    const deployment = { resourceGroup: 'net-rg', subscriptionId: '11111111-1111-1111-1111-111111111111' };
    const { a } = analyze({ 'main.json': t }, 'main.json', { deployment });
    const span = a.graph.resources[0]!.span;
    const ev = (e: string) => a.deployed.scope?.evaluateString(e, span);
    expect(ev("[reference('vnet', '2023-09-01', 'Full').resourceId]")).toBe('Microsoft.Network/virtualNetworks/vnet1');
    expect(ev("[reference('subnet', '2023-09-01', 'Full').resourceId]")).toBe('Microsoft.Network/virtualNetworks/vnet1/subnets/s1');
    expect(ev("[reference('vnet', '2023-09-01', 'Full').subscriptionId]")).toBe('11111111-1111-1111-1111-111111111111');
    expect(ev("[reference('vnet', '2023-09-01', 'Full').resourceGroupName]")).toBe('net-rg');
    expect(ev("[reference('vnet', '2023-09-01', 'Full').id]")).toBe('/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet1');
    // An existing resource: what its declaration says is known, its state is not.
    expect(ev("[reference('hub', '2023-09-01', 'Full').resourceId]")).toBe('Microsoft.Network/virtualNetworks/hub');
    expect(ev("[reference('hub', '2023-09-01', 'Full').resourceGroupName]")).toBe('hub-rg');
    expect(ev("[reference('hub', '2023-09-01', 'Full').name]")).toBe('hub');
    expect(ev("[reference('hub', '2023-09-01', 'Full').location]")).toBeInstanceOf(Unknown);
    expect(ev("[reference('hub', '2023-09-01', 'Full').properties]")).toBeInstanceOf(Unknown);
    expect(ev("[reference('hub', '2023-09-01').addressSpace]")).toBeInstanceOf(Unknown);
  });
});

describe('checking every expression', () => {
  // An unknown function in a tag no rule reads: found only by the check of every expression.
  const template = arm([{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01', name: 'logs', location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, tags: { owner: "[concatt('a', 'b')]" } }]);

  test('is on by default, and off when the lint has no rule to report its errors (checkExpressions: false)', () => {
    const { dir, a } = analyze({ 'main.json': template });
    expect(a.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("'concatt'")]);
    const off = analyzeFile(path.join(dir, 'main.json'), { root: dir, deployment: {}, explicit: true, checkExpressions: false });
    expect(off.kind === 'template' ? off.diagnostics : undefined).toEqual([]);
  });
});
