// The root template's outputs are evaluated by the lint, once, as ARM evaluates them after the
// resources deploy: an output that fails then, or whose value is not of its declared type,
// fails the deployment.
import { describe, expect, test } from 'vitest';
import { analyze, arm } from './helpers.js';

function messages(t: Record<string, unknown>): string[] {
  const { a } = analyze({ 'main.json': t });
  return a.diagnostics.map((d) => `${d.code} ${d.message}`);
}

describe('the outputs of the template linted', () => {
  test('a value of another type than declared, a division by zero, a property a known object lacks', () => {
    const t = arm([], {
      languageVersion: '2.0',
      variables: { name: 'abc', o: { a: 1 } },
      outputs: {
        i: { type: 'int', value: "[variables('name')]" },
        d: { type: 'int', value: '[div(1, 0)]' },
        p: { type: 'int', value: "[variables('o').b]" },
        arr: { type: 'string', value: "[createArray('x')]" },
      },
    });
    expect(messages(t)).toEqual([
      "evaluation-error The template output 'i' is not valid: Template output JToken type is not valid (it is declared 'int', and its value is of type 'String'); ARM evaluates the outputs after the resources deploy, and the deployment then fails.",
      "evaluation-error The template function 'div' can't divide by zero.",
      "evaluation-error The language expression property 'b' doesn't exist, available properties are 'a'.",
      "evaluation-error The template output 'arr' is not valid: Template output JToken type is not valid (it is declared 'string', and its value is of type 'Array'); ARM evaluates the outputs after the resources deploy, and the deployment then fails.",
    ]);
  });

  test('values only known at deployment, null, scalars ARM may convert, and outputs under a condition not known are not judged', () => {
    const t = arm(
      [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'st1', location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: {} }],
      {
        parameters: { n: { type: 'int' }, flag: { type: 'bool' }, zone: { type: 'string', defaultValue: 1 } },
        outputs: {
          runtime: { type: 'int', value: "[reference('st1').primaryEndpoints.blob]" },
          unset: { type: 'string', value: "[parameters('n')]" },
          nothing: { type: 'string', value: '[null()]' },
          zone: { type: 'string', value: "[parameters('zone')]" },
          maybe: { condition: "[parameters('flag')]", type: 'int', value: "[div(1, sub(parameters('n'), parameters('n')))]" },
          maybeType: { condition: "[parameters('flag')]", type: 'int', value: 'abc' },
          off: { condition: false, type: 'int', value: 'abc' },
        },
      },
    );
    expect(messages(t)).toEqual([]);
  });

  test('they are evaluated once: eval reads the values the lint evaluated', () => {
    const { a } = analyze({ 'main.json': arm([], { outputs: { x: { type: 'int', value: '[add(1, 2)]' } } }) });
    const first = a.deployed.scope?.outputs();
    expect(first?.map((o) => o.value)).toEqual([3]);
    expect(a.deployed.scope?.outputs()).toBe(first);
  });
});
