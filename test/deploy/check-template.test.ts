// Every expression of an ARM JSON template is checked, also where nothing is evaluated (a body no
// rule reads): syntax, function names and arities, undeclared parameters and variables.
import { describe, expect, test } from 'vitest';
import { analyze, arm, type Template } from './helpers.js';

/** Diagnostics as "code line:column message" (positions from the file as written). */
function found(files: Record<string, Template | string>, main?: string): string[] {
  const { a } = analyze(files, main);
  return a.diagnostics.map((d) => {
    const start = d.span.range().start;
    const p = d.span.file.position(start);
    return `${d.code} ${p.line}:${p.column} ${d.message}`;
  });
}

/** Line and column (1-based) where `needle` starts in the JSON text of `t`. */
function where(t: Template, needle: string): string {
  const text = JSON.stringify(t, null, 2);
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in the template: ${needle}`);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${(before.at(-1) as string).length + 1}`;
}

const storage = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Storage/storageAccounts',
  apiVersion: '2023-01-01',
  name: 'st1',
  location: 'eastus',
  kind: 'StorageV2',
  sku: { name: 'Standard_LRS' },
  properties,
  ...extra,
});

describe('a resource body no rule reads', () => {
  const t = arm([storage({ a: "[concat('x', ]", b: '[nosuchfn(1)]', c: "[add(1)]", d: "[parameters('nope')]", e: "[variables('gone')]" })], {
    parameters: { present: { type: 'string', defaultValue: 'x' } },
    variables: { here: 1 },
  });

  test('each problem is one finding at its exact characters', () => {
    expect(found({ 'main.json': t })).toEqual([
      `invalid-template ${where(t, "concat('x', ]").replace(/:(\d+)$/, (_, c) => `:${Number(c) + 12}`)} Invalid template expression: Expected a value but found the end of the expression.`,
      `evaluation-error ${where(t, 'nosuchfn(1)')} The template function 'nosuchfn' is not valid (not a known ARM template function).`,
      `evaluation-error ${where(t, "add(1)")} The template function 'add' expects 2 argument(s) but was called with 1.`,
      `evaluation-error ${where(t, "parameters('nope')")} The template parameter 'nope' is not found.`,
      `evaluation-error ${where(t, "variables('gone')")} The template variable 'gone' is not found.`,
    ]);
  });

  test('declared names match case-insensitively, variables of the copy array included', () => {
    const ok = arm([storage({ a: "[parameters('PRESENT')]", b: "[variables('Here')]", c: "[variables('looped')]" })], {
      parameters: { present: { type: 'string', defaultValue: 'x' } },
      variables: { here: 1, copy: [{ name: 'looped', count: 2, input: "[copyIndex('looped')]" }] },
    });
    expect(found({ 'main.json': ok })).toEqual([]);
  });

  test('a misspelt function, parameter or variable names the one spelt alike, as the message says what to write', () => {
    const t = arm([storage({ a: "[concatt('x', 'y')]", b: "[parameters('vnetNme')]", c: "[variables('subnetname2')]", d: "[variables('nicName')]", e: "[resourceGroups().location]" })], {
      parameters: { vnetName: { type: 'string', defaultValue: 'x' } },
      variables: { subnetName: 'default', copy: [{ name: 'nicNames', count: 2, input: "[copyIndex('nicNames')]" }] },
    });
    expect(found({ 'main.json': t }).map((f) => f.replace(/^\S+ \S+ /, ''))).toEqual([
      "The template function 'concatt' is not valid (not a known ARM template function). Did you mean 'concat'?",
      "The template parameter 'vnetNme' is not found. Did you mean 'vnetName'?",
      "The template variable 'subnetname2' is not found. Did you mean 'subnetName'?",
      "The template variable 'nicName' is not found. Did you mean 'nicNames'?",
      "The template function 'resourceGroups' is not valid (not a known ARM template function). Did you mean 'resourceGroup'?",
    ]);
  });

  test("target('full'), the resource's state before the deployment (Bicep's this.existingResource()), is a known function: no error", () => {
    const t = arm([storage({}, { tags: "[if(parameters('keep'), union(coalesce(tryGet(target('full'), 'tags'), createObject()), parameters('tags')), parameters('tags'))]", sku: { name: "[coalesce(tryGet(tryGet(target('full'), 'sku'), 'name'), 'Standard_LRS')]" } })], {
      parameters: { keep: { type: 'bool', defaultValue: true }, tags: { type: 'object', defaultValue: {} } },
    });
    expect(found({ 'main.json': t })).toEqual([]);
  });

  test("target() outside its resource's own declaration (a variable, an output, the resource's name or condition, a nested template's output) is an error at the call", () => {
    const t = arm(
      [
        storage({ a: "[target('full')]" }, { name: "[if(equals(target('exists'), true()), 'a', 'b')]", tags: "[target().tags]" }),
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          properties: { mode: 'Incremental', template: { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [], outputs: { o: { type: 'object', value: "[target( )]" } } } },
        },
      ],
      { variables: { prev: "[target( 'full')]" }, outputs: { was: { type: 'object', value: '[target()]' } } },
    );
    expect(found({ 'main.json': t }).map((f) => f.slice(0, f.indexOf(' is not expected')))).toEqual([
      `evaluation-error ${where(t, "target( 'full')")} The template function 'target'`,
      `evaluation-error ${where(t, 'target()]')} The template function 'target'`,
      `evaluation-error ${where(t, "target('exists')")} The template function 'target'`,
      `evaluation-error ${where(t, 'target( )')} The template function 'target'`,
    ]);
  });

  test('list*() actions of any name are accepted; namespaced calls are left to evaluation', () => {
    const ok = arm([storage({ a: "[listAnything(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2023-01-01')]", b: "[listKeys('id', '2023-01-01').keys[0].value]" })]);
    expect(found({ 'main.json': ok })).toEqual([]);
  });

  test('a list*() action given fewer than a resource and an API version, or more than 3 arguments, is an error at the call', () => {
    const t = arm([storage({ a: "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st1')).keys[0].value]", b: "[listServiceSas('st1', '2023-01-01', createObject(), 'x')]" })]);
    expect(found({ 'main.json': t })).toEqual([
      `evaluation-error ${where(t, 'listKeys(')} The template function 'listKeys' expects 2 to 3 argument(s) but was called with 1.`,
      `evaluation-error ${where(t, 'listServiceSas(')} The template function 'listServiceSas' expects 2 to 3 argument(s) but was called with 4.`,
    ]);
  });

  test('an expression used as a property name is checked at the name', () => {
    const k = arm([storage({ tags: { "[nosuch('k')]": 'v' } })]);
    expect(found({ 'main.json': k })).toEqual([`evaluation-error ${where(k, "nosuch('k')")} The template function 'nosuch' is not valid (not a known ARM template function).`]);
  });

  test('a resource that is not deployed (condition false) is still checked', () => {
    const c = arm([storage({ a: '[nosuch()]' }, { condition: false })]);
    expect(found({ 'main.json': c })).toHaveLength(1);
  });
});

describe('what ARM does not evaluate is not checked', () => {
  test('metadata and comments', () => {
    const t = arm([storage({}, { metadata: { note: '[nosuch()]' }, comments: '[nosuch()]' })], {
      metadata: { x: '[nosuch()]' },
      parameters: { p: { type: 'string', defaultValue: 'a', metadata: { description: "[parameters('nope')]" } } },
      outputs: { o: { type: 'string', value: 'x', metadata: { y: '[nosuch()]' } } },
    });
    expect(found({ 'main.json': t })).toEqual([]);
  });

  test('branches that may not run: if, and, or and lambda bodies (their first argument always runs)', () => {
    const t = arm([
      storage({
        a: "[if(equals(1, 1), 'x', variables('missing'))]",
        b: '[or(true(), nosuch())]',
        c: "[map(createArray(1), lambda('i', parameters('nope')))]",
        d: "[if(variables('inCondition'), 'x', 'y')]",
      }),
    ]);
    expect(found({ 'main.json': t })).toEqual([`evaluation-error ${where(t, "variables('inCondition')")} The template variable 'inCondition' is not found.`]);
  });

  test('syntax errors are reported inside branches too (ARM parses the whole string)', () => {
    const t = arm([storage({ a: "[if(true(), 'x', concat('a' 'b'))]" })]);
    expect(found({ 'main.json': t })).toEqual([expect.stringMatching(/^invalid-template .* Invalid template expression: /)]);
  });
});

describe('scopes', () => {
  const nested = (scope: unknown, template: Template, extra: Record<string, unknown> = {}) => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: 'inner',
    properties: { mode: 'Incremental', ...(scope === undefined ? {} : { expressionEvaluationOptions: { scope } }), template, ...extra },
  });

  test('an inner-scope template reads its own declarations; the outer scope reads the parent’s', () => {
    const innerTemplate = arm([storage({ a: "[parameters('own')]", b: "[parameters('top')]" })], { parameters: { own: { type: 'string', defaultValue: 'x' } } });
    const outerTemplate = arm([storage({ c: "[parameters('top')]", d: "[parameters('own2')]" })]);
    const t = arm([nested('inner', innerTemplate), { ...nested(undefined, outerTemplate), name: 'outer' }], { parameters: { top: { type: 'string', defaultValue: 'x' } } });
    expect(found({ 'main.json': t })).toEqual([
      // The first parameters('top') is the inner template's (it comes first); the outer one's is fine.
      `evaluation-error ${where(t, "parameters('top')")} The template parameter 'top' is not found.`,
      `evaluation-error ${where(t, "parameters('own2')")} The template parameter 'own2' is not found.`,
    ]);
  });

  test('ARM property names are case-insensitive: "Type", "ExpressionEvaluationOptions", "Scope": "Inner"', () => {
    const innerTemplate = arm([storage({ a: "[parameters('own')]" })], { parameters: { own: { type: 'string', defaultValue: 'x' } } });
    const dep = { Type: 'microsoft.resources/DEPLOYMENTS', apiVersion: '2022-09-01', name: 'inner', Properties: { mode: 'Incremental', ExpressionEvaluationOptions: { Scope: 'Inner' }, Template: innerTemplate } };
    expect(found({ 'main.json': arm([dep]) })).toEqual([]);
  });

  test('a scope given by an expression: names are not checked, functions still are', () => {
    const t = arm([nested('[parameters(\'s\')]', arm([storage({ a: "[parameters('any')]", b: '[nosuch()]' })]))], { parameters: { s: { type: 'string', defaultValue: 'inner' } } });
    expect(found({ 'main.json': t }).map((f) => f.replace(/ \d+:\d+ /, ' '))).toEqual(["evaluation-error The template function 'nosuch' is not valid (not a known ARM template function)."]);
  });

  test("user-defined functions: parameters() reads the function's own, functions are checked", () => {
    const t = arm([storage({ a: "[my.f('x')]" })], {
      functions: [{ namespace: 'my', members: { f: { parameters: [{ name: 'v', type: 'string' }], output: { type: 'string', value: "[concat(parameters('v'), nosuch())]" } } } }],
    });
    expect(found({ 'main.json': t }).map((f) => f.replace(/ \d+:\d+ /, ' '))).toEqual(["evaluation-error The template function 'nosuch' is not valid (not a known ARM template function)."]);
  });

  test('a linked template (relativePath) is checked in its own file', () => {
    const linked = arm([storage({ a: '[nosuch()]' })]);
    const t = arm([{ ...nested(undefined, {}), properties: { mode: 'Incremental', templateLink: { relativePath: 'linked.json' } } }]);
    const { a } = analyze({ 'main.json': t, 'linked.json': linked }, 'main.json');
    const d = a.diagnostics.filter((x) => x.code === 'evaluation-error');
    expect(d.map((x) => [x.span.file.path.endsWith('linked.json'), x.message])).toEqual([[true, "The template function 'nosuch' is not valid (not a known ARM template function)."]]);
  });
});

describe('one finding per problem', () => {
  test('an expression both checked and evaluated (a name) is reported once', () => {
    const t = arm([{ ...storage({}), name: "[parameters('nope')]" }]);
    expect(found({ 'main.json': t })).toEqual([`evaluation-error ${where(t, "parameters('nope')")} The template parameter 'nope' is not found.`]);
  });

  test('Bicep is checked by its own front end: a string that looks like an expression is text there', () => {
    const bicep = "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st1'\n  location: 'eastus'\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n  properties: { x: '[nosuch()]' }\n}\n";
    expect(found({ 'main.bicep': bicep })).toEqual([]);
  });
});

describe('runtime state and symbolic names where ARM rejects them', () => {
  const only = (lines: string[]) => lines.map((l) => l.split(' ').slice(0, 2).join(' ') + ' ' + (l.match(/'[^']*'/)?.[0] ?? ''));

  test("reference() in a nested deployment's resourceGroup or subscriptionId, or an extension resource's scope", () => {
    const inner = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] };
    const t = arm([
      storage({}),
      { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner', resourceGroup: "[reference('st1').primaryLocation]", properties: { mode: 'Incremental', template: inner } },
      // (A deployment to a subscription needs a location: given, so that only the reference() is wrong.)
      { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner2', location: 'eastus', subscriptionId: "[reference('st1', '2023-01-01', 'Full').subscriptionId]", properties: { mode: 'Incremental', template: inner } },
      { type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name: 'lock', scope: "[reference('st1').creationTime]", properties: { level: 'CanNotDelete' } },
      { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'fine', resourceGroup: 'other-rg', properties: { mode: 'Incremental', template: inner } },
    ]);
    expect(only(found({ 'main.json': t }))).toEqual([
      `evaluation-error ${where(t, "reference('st1').primaryLocation")} 'reference'`,
      `evaluation-error ${where(t, "reference('st1', '2023-01-01', 'Full').subscriptionId")} 'reference'`,
      `evaluation-error ${where(t, "reference('st1').creationTime")} 'reference'`,
    ]);
  });

  test("reference() in a resource's name, location or condition, list*() in a copy count", () => {
    const t = arm([
      storage({}),
      storage(
        { a: "[reference('st1').z]" },
        {
          name: "[concat('st2', reference('st1').y, copyIndex())]",
          location: "[reference('st1', '2023-01-01', 'Full').location]",
          condition: "[equals(reference('st1').x, 1)]",
          copy: { name: 'c', count: "[length(listKeys('st1', '2023-01-01').keys)]" },
        },
      ),
    ]);
    expect(only(found({ 'main.json': t }))).toEqual([
      `evaluation-error ${where(t, "reference('st1').y")} 'reference'`,
      `evaluation-error ${where(t, "reference('st1', '2023-01-01', 'Full')")} 'reference'`,
      `evaluation-error ${where(t, "reference('st1').x")} 'reference'`,
      `evaluation-error ${where(t, "listKeys('st1'")} 'listKeys'`,
    ]);
  });

  test('reference() or a list*() call in a variable (also of a variable copy loop) or a parameter default value: ARM resolves them before it deploys anything', () => {
    const t = arm([storage({ a: "[reference('st1').z]" })], {
      parameters: {
        state: { type: 'string', defaultValue: "[reference('st1').provisioningState]" },
        key: { type: 'string', defaultValue: "[listKeys('st1', '2023-01-01').keys[0].value]" },
      },
      variables: {
        endpoint: "[reference('st1').primaryEndpoints.blob]",
        copy: [{ name: 'keys', count: 1, input: "[listKeys('st1', '2023-01-01').keys[copyIndex('keys')].value]" }],
        plain: "[resourceId('Microsoft.Storage/storageAccounts', 'st1')]",
      },
      outputs: { blob: { type: 'string', value: "[reference('st1').primaryEndpoints.blob]" } },
    });
    const messages = found({ 'main.json': t });
    expect(only(messages)).toEqual([
      `evaluation-error ${where(t, "reference('st1').provisioningState")} 'reference'`,
      `evaluation-error ${where(t, "listKeys('st1', '2023-01-01').keys[0]")} 'listKeys'`,
      `evaluation-error ${where(t, "reference('st1').primaryEndpoints.blob]\",\n")} 'reference'`,
      `evaluation-error ${where(t, "listKeys('st1', '2023-01-01').keys[copyIndex")} 'listKeys'`,
    ]);
    expect(messages[0]).toContain("a parameter's default value must be known when ARM validates the template");
    expect(messages[2]).toContain('a variable must be known when ARM validates the template');
  });

  test("reference('name') without an API version of a name the deployment does not declare; declared names, copy loops, conditions, ids and 'type/name' pass", () => {
    const t = arm(
      [
        storage({}),
        storage({}, { name: "[concat('c', copyIndex())]", copy: { name: 'loop', count: 2 } }),
        storage({}, { name: 'off', condition: false }),
        { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: 'vnet', location: 'eastus', properties: {} },
        { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2023-09-01', name: 'vnet/web', dependsOn: ['vnet'], properties: {} },
      ],
      {
        outputs: {
          typo: { type: 'object', value: "[reference('st2')]" },
          ok1: { type: 'object', value: "[reference('ST1')]" },
          ok2: { type: 'object', value: "[reference('c1')]" },
          ok3: { type: 'object', value: "[reference('loop')]" },
          ok4: { type: 'object', value: "[if(false(), reference('off'), json('{}'))]" },
          ok5: { type: 'object', value: "[reference('web')]" },
          ok6: { type: 'object', value: "[reference('Microsoft.Storage/storageAccounts/st1')]" },
          ok7: { type: 'object', value: "[reference(resourceId('Microsoft.Storage/storageAccounts', 'elsewhere'), '2023-01-01')]" },
          ok8: { type: 'object', value: "[reference('elsewhere', '2023-01-01')]" },
        },
      },
    );
    expect(found({ 'main.json': t })).toEqual([
      `evaluation-error ${where(t, "reference('st2')")} The template reference 'st2' is not valid: could not find template resource or resource copy with this name. reference() without an API version reads a resource of this template by its name: name one it declares, or give the resource's id and API version to read one it does not deploy.`,
    ]);
  });

  test('a reference() only on a branch if() does not take is left alone', () => {
    const t = arm([storage({}), storage({}, { name: "[if(true(), 'st2', reference('st1').y)]" })]);
    expect(found({ 'main.json': t })).toEqual([]);
  });

  const lv2 = (resources: Record<string, unknown>) => ({ ...arm(resources), languageVersion: '2.0' });
  const nics = { copy: { name: 'nics', count: 2 }, type: 'Microsoft.Network/networkInterfaces', apiVersion: '2023-09-01', name: "[format('nic{0}', copyIndex())]", location: 'eastus', properties: {} };

  test('resourceInfo() and reference() of a symbolic name the template does not declare, or an instance beyond the loop', () => {
    const t = lv2({
      nics,
      st: storage({ a: "[resourceInfo('nope').id]", b: "[resourceInfo('nics[3]').id]", c: "[reference('nope').x]", d: "[resourceInfo('nics[1]').id]", e: "[resourceInfo('st[0]').id]", f: "[reference('st1').x]", g: "[reference('other', '2023-01-01').x]" }),
    });
    expect(only(found({ 'main.json': t }))).toEqual([
      `evaluation-error ${where(t, "resourceInfo('nope')")} 'nope'`,
      `evaluation-error ${where(t, "resourceInfo('nics[3]')")} 'nics[3]'`,
      `evaluation-error ${where(t, "reference('nope')")} 'nope'`,
      `evaluation-error ${where(t, "resourceInfo('st[0]')")} 'st[0]'`,
    ]);
  });

  test('an instance index computed by the expression, against the count as evaluated', () => {
    const t = lv2({
      nics: { ...nics, copy: { name: 'nics', count: "[add(1, 1)]" } },
      st: storage({}, { tags: { a: "[resourceInfo(format('nics[{0}]', add(1, 2))).id]" } }),
    });
    const { a } = analyze({ 'main.json': t });
    // The body is evaluated when read.
    a.graph.resources.forEach((r) => r.body.get('tags'));
    const messages = a.deployed.diagnostics.map((d) => d.message);
    expect(messages.filter((m) => m.includes("'nics[3]'"))).toEqual([
      "The resource 'nics[3]' is not defined in the template: the copy loop 'nics' has 2 instances (indexes 0 to 1).",
    ]);
  });

  test('a languageVersion 1.0 template names resources, not symbols: not checked', () => {
    const t = arm([storage({ a: "[reference('elsewhere').x]" })]);
    expect(found({ 'main.json': t })).toEqual([]);
  });
});

describe('type references ($ref) of a languageVersion 2.0 template', () => {
  const lv2 = (extra: Template) => ({ ...arm({}, extra), languageVersion: '2.0' });

  test('a $ref that names nothing, and a cycle of $refs, are reported once each where written', () => {
    const t = lv2({
      definitions: {
        a: { $ref: '#/definitions/b' },
        b: { $ref: '#/definitions/a' },
        holder: { type: 'object', properties: { inner: { $ref: '#/definitions/gone' } }, additionalProperties: { $ref: '#/definitions/also' } },
      },
      parameters: { p: { $ref: '#/definitions/nope' }, q: { $ref: '#/definitions/a', defaultValue: 'x' } },
      outputs: { o: { $ref: '#/definitions/missing', value: 1 } },
    });
    expect(found({ 'main.json': t }).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `invalid-template ${where(t, '"#/definitions/b"')}`,
      `invalid-template ${where(t, '"#/definitions/gone"')}`,
      `invalid-template ${where(t, '"#/definitions/also"')}`,
      `invalid-template ${where(t, '"#/definitions/nope"')}`,
      `invalid-template ${where(t, '"#/definitions/missing"')}`,
    ]);
  });

  test('references that resolve (case-insensitively, into a definition, recursive through properties) are fine', () => {
    const t = lv2({
      definitions: {
        node: { type: 'object', properties: { next: { $ref: '#/definitions/node', nullable: true }, name: { $ref: '#/definitions/Alias/properties/n' } } },
        alias: { type: 'object', properties: { n: { type: 'string' } } },
      },
      parameters: { p: { $ref: '#/definitions/node', defaultValue: { name: 'a' } } },
    });
    expect(found({ 'main.json': t })).toEqual([]);
  });
});

describe('declared type names', () => {
  test('a type ARM does not know, on a parameter, an output, a definition, a property or a function, is an error where written', () => {
    const t = {
      ...arm([], {
        definitions: { tapT: { type: 'objekt', properties: { name: { type: 'strin' } } } },
        parameters: {
          tapName: { type: 'strng', defaultValue: 'tap1' },
          count: { type: 'constructor', defaultValue: 1 },
          proto: { type: '__proto__', defaultValue: 1 },
          fine: { type: 'SecureString', defaultValue: '' },
          alsoFine: { type: 'Int', defaultValue: 1 },
        },
        outputs: { o: { type: 'toString', value: 'x' } },
        functions: [{ namespace: 'ns', members: { f: { parameters: [{ name: 'a', type: 'integer' }], output: { type: 'string', value: "[string(parameters('a'))]" } } } }],
      }),
      languageVersion: '2.0',
    };
    const msg = (name: string, what: string) =>
      `The type '${name}' of ${what} is not a template type (string, securestring, int, bool, object, secureobject, array); ARM cannot parse the template.`;
    expect(found({ 'main.json': t }).filter((l) => l.includes('is not a template type'))).toEqual([
      `invalid-template ${where(t, '"objekt"')} ${msg('objekt', "the definition 'tapT'")}`,
      `invalid-template ${where(t, '"strin"')} ${msg('strin', "the property 'name' of the definition 'tapT'")}`,
      `invalid-template ${where(t, '"strng"')} ${msg('strng', "the parameter 'tapName'")}`,
      `invalid-template ${where(t, '"constructor"')} ${msg('constructor', "the parameter 'count'")}`,
      `invalid-template ${where(t, '"__proto__"')} ${msg('__proto__', "the parameter 'proto'")}`,
      `invalid-template ${where(t, '"toString"')} ${msg('toString', "the output 'o'")}`,
      `invalid-template ${where(t, '"integer"')} ${msg('integer', 'parameter 1 of a user-defined function')}`,
    ]);
  });
});

describe('variables() in the default value of a parameter', () => {
  test('is accepted, as ARM accepts it (an old ARM library and editor validation rejected it; quickstart templates that do it deploy)', () => {
    const t = arm([], {
      parameters: { name: { type: 'string', defaultValue: "[toLower(format('{0}-{1}', variables('prefix'), uniqueString(resourceGroup().id)))]" } },
      variables: { prefix: 'hub' },
      outputs: { name: { type: 'string', value: "[parameters('name')]" } },
    });
    expect(found({ 'main.json': t })).toEqual([]);
  });
});

describe('utcNow() and newGuid() outside the default value of a parameter', () => {
  // Their docs: "You can only use this function within an expression for the default value of a
  // parameter. Using this function anywhere else in a template returns an error."
  const message = (fn: string): string =>
    `The template function '${fn}' is not expected at this location: it can be used only in the default value of a parameter (each call gives a new value); ARM rejects the deployment.`;

  test('a finding at the call in a variable, a resource and an output, whatever reads them', () => {
    const t = arm([storage({ a: "[concat('x-', newGuid())]" }, { tags: { when: "[utcNow('u')]" } })], {
      variables: { stamp: '[utcNow()]' },
      outputs: { id: { type: 'string', value: '[newGuid()]' } },
    });
    expect(found({ 'main.json': t })).toEqual([
      `evaluation-error ${where(t, 'utcNow()]')} ${message('utcNow')}`,
      `evaluation-error ${where(t, 'newGuid()]"')} ${message('newGuid')}`,
      `evaluation-error ${where(t, "newGuid())]")} ${message('newGuid')}`,
      `evaluation-error ${where(t, "utcNow('u')")} ${message('utcNow')}`,
    ]);
  });

  test('none in a default value (also of a nested template, and within other calls), nor in a branch not taken', () => {
    const nested = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'inner',
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        template: { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: { g: { type: 'string', defaultValue: '[newGuid()]' } }, resources: [] },
      },
    };
    const t = arm([nested], {
      parameters: {
        stamp: { type: 'string', defaultValue: "[format('{0}-{1}', utcNow('yyyyMMdd'), newGuid())]" },
        on: { type: 'bool', defaultValue: false },
      },
      variables: { maybe: "[if(parameters('on'), utcNow(), 'fixed')]" },
    });
    expect(found({ 'main.json': t })).toEqual([]);
  });
});
