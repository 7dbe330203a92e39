// TemplateScope: parameters, variables, copy loops, user functions, outputs, spans.
import { describe, expect, it } from 'vitest';
import { plain, scopeOf, supplied } from './helpers.js';
import { elementSpan, type ObjectValue, type Unknown } from '../../src/expr/value.js';
import type { TNode } from '../../src/model/template.js';

describe('parameters', () => {
  const template = {
    Parameters: {
      name: { type: 'string', defaultValue: "[concat('vm-', parameters('suffix'))]" },
      suffix: { type: 'string', defaultValue: 'a' },
      size: { type: 'string', allowedValues: ['S', 'M'] },
      count: { type: 'int' },
      pwd: { type: 'secureString', defaultValue: 'hunter2' },
      secret: { type: 'string' },
      opt: { type: 'object', nullable: true },
    },
    resources: [],
  };

  it('evaluates defaults in scope, case-insensitively', () => {
    const { scope, span } = scopeOf(template);
    expect(scope.parameter('NAME', span)).toBe('vm-a');
    expect(scope.parameterInfo('name')).toMatchObject({ source: 'default', type: 'string' });
  });

  it('uses supplied values and converts them leniently', () => {
    const { scope, span } = scopeOf(template, { parameters: supplied({ suffix: 'b', count: '3' }) });
    expect(scope.parameter('name', span)).toBe('vm-b');
    expect(scope.parameter('count', span)).toBe(3);
    expect(scope.parameterInfo('suffix')?.source).toBe('supplied');
  });

  it('keeps secure values unknown', () => {
    const keyVault = { reference: { keyVault: { id: '/x' }, secretName: 's' } };
    const { scope, span } = scopeOf(template, { parameters: supplied({ secret: keyVault }) });
    const pwd = scope.parameter('pwd', span) as Unknown;
    expect(pwd.reason.code).toBe('secure');
    expect(pwd.reason.message).not.toContain('hunter2');
    expect(pwd.parts).toBeUndefined();
    expect((scope.parameter('secret', span) as Unknown).reason.code).toBe('secure');
  });

  it('a parameter without value is unknown, with its allowed values', () => {
    const { scope, span } = scopeOf(template);
    const u = scope.parameter('size', span) as Unknown;
    expect(u.reason.code).toBe('parameter-without-value');
    expect(u.reason.message).toContain('size');
    // Element by element: an evaluated array carries its origin under a symbol (value.ts).
    expect(Array.from(u.oneOf ?? [])).toEqual(['S', 'M']);
    expect(u.oneOf).toHaveLength(2);
    expect(scope.parameterInfo('size')).toMatchObject({ source: 'none' });
    expect(Array.from(scope.parameterInfo('size')?.allowedValues ?? [])).toEqual(['S', 'M']);
    expect(scope.parameter('opt', span)).toBe(null);
  });

  it('reports a value outside allowedValues and a missing parameter', () => {
    const { scope, span } = scopeOf(template, { parameters: supplied({ size: 'XL' }) });
    scope.parameter('size', span);
    scope.parameter('nope', span);
    expect(scope.diagnostics.items.map((d) => d.code)).toEqual(['evaluation-error', 'evaluation-error']);
  });
});

describe('variables', () => {
  it('are lazy and memoised', () => {
    const { scope, span } = scopeOf({ variables: { a: "[variables('b')]", b: '[length(range(0, 3))]', broken: '[div(1, 0)]' }, resources: [] });
    expect(scope.variable('A', span)).toBe(3);
    expect(scope.diagnostics.items).toEqual([]);
  });

  it('report cycles by name', () => {
    const { scope, span } = scopeOf({ variables: { a: "[variables('b')]", b: "[variables('a')]" }, resources: [] });
    expect(scope.variable('a', span)).toMatchObject({ reason: { code: 'error' } });
    expect(scope.diagnostics.items[0]?.message).toMatch(/a -> b -> a/);
    expect(scope.diagnostics.items[0]?.code).toBe('invalid-template');
  });

  it('support the variables copy array and property copy loops', () => {
    const { scope, span } = scopeOf({
      variables: {
        copy: [{ name: 'disks', count: 2, input: { name: "[concat('disk', copyIndex('disks'))]", lun: "[copyIndex('disks')]" } }],
        obj: { copy: [{ name: 'items', count: 3, input: "[mul(copyIndex('items'), 10)]" }], other: 1 },
      },
      resources: [],
    });
    expect(plain(scope.variable('disks', span))).toEqual([
      { name: 'disk0', lun: 0 },
      { name: 'disk1', lun: 1 },
    ]);
    expect(plain(scope.variable('obj', span))).toEqual({ items: [0, 10, 20], other: 1 });
    expect(scope.variableNames()).toEqual(['disks', 'obj']);
  });

  it('treat __proto__, constructor and prototype keys as data', () => {
    const text = '{"variables": {"__proto__": {"x": 1}, "constructor": "c", "o": {"__proto__": 5, "prototype": 6}}, "resources": []}';
    const { scope, span } = scopeOf(JSON.parse(text) as object);
    expect(plain(scope.variable('__proto__', span))).toEqual({ x: 1 });
    expect(scope.variable('constructor', span)).toBe('c');
    const o = scope.variable('o', span) as ObjectValue;
    expect(o.keys()).toEqual(['__proto__', 'prototype']);
    expect(scope.variable('toString', span)).toMatchObject({ reason: { code: 'error' } });
  });
});

describe('evaluateNode', () => {
  it('evaluates trees with spans, expression keys, escapes and the resource loop', () => {
    const { scope, span } = scopeOf({ resources: [] });
    const node = { "[concat('k', copyIndex())]": '[copyIndex(1)]', lit: '[[not an expression]', arr: ['[add(1, 1)]', 'x'] } as TNode;
    const v = scope.evaluateNode(node, span, { name: 'loop', index: 4 }) as ObjectValue;
    expect(plain(v)).toEqual({ k4: 5, lit: '[not an expression]', arr: [2, 'x'] });
    expect(v.entry('k4')?.span).toBeDefined();
    expect(elementSpan(v.get('arr') as never, 0)).toBeDefined();
  });

  it('reports copyIndex() outside a loop', () => {
    const { scope, span } = scopeOf({ resources: [] });
    scope.evaluateNode('[copyIndex()]', span);
    expect(scope.diagnostics.items[0]?.message).toMatch(/copyIndex/);
  });

  it('reports syntax errors at the exact characters', () => {
    const text = '{"variables": {"bad": "[concat(1,,2)]"}, "resources": []}';
    const { scope, span } = scopeOf(JSON.parse(text) as object);
    scope.variable('bad', span);
    const d = scope.diagnostics.items[0];
    expect(d?.code).toBe('invalid-template');
  });
});

describe('user-defined functions', () => {
  const template = {
    parameters: { p: { type: 'string', defaultValue: 'P' } },
    variables: { v: 'V' },
    functions: [
      {
        namespace: 'lib',
        members: {
          greet: { parameters: [{ name: 'who', type: 'string' }], output: { type: 'string', value: "[format('hi {0}', parameters('who'))]" } },
          twice: { parameters: [{ name: 'x', type: 'string' }], output: { type: 'string', value: "[concat(lib.greet(parameters('x')), '!')]" } },
          peek: { parameters: [], output: { type: 'string', value: "[variables('v')]" } },
          param: { parameters: [], output: { type: 'string', value: "[parameters('p')]" } },
        },
      },
    ],
    resources: [],
  };
  it('call with their own parameters and other user functions', () => {
    const { scope, span } = scopeOf(template);
    expect(scope.evaluateString("[LIB.Twice('x')]", span)).toBe('hi x!');
  });
  it("see the template's variables (as ARM has allowed since Bicep 0.29 compiles them so), never its parameters", () => {
    const { scope, span } = scopeOf(template);
    expect(scope.evaluateString('[lib.peek()]', span)).toBe('V');
    expect(scope.diagnostics.items).toEqual([]);
    expect(scope.evaluateString('[lib.param()]', span)).toMatchObject({ reason: { code: 'error' } });
    expect(scope.diagnostics.items[0]?.message).toMatch(/has no parameter 'p'/);
    expect(scope.evaluateString('[lib.nope()]', span)).toMatchObject({ reason: { code: 'error' } });
  });
});

describe('outputs', () => {
  it('evaluates values, copy loops, conditions and secure outputs', () => {
    const { scope } = scopeOf({
      resources: [],
      outputs: {
        a: { type: 'string', value: "[toUpper('x')]" },
        list: { type: 'array', copy: { count: 3, input: '[copyIndex()]' } },
        skipped: { type: 'string', condition: '[false()]', value: 'no' },
        s: { type: 'secureString', value: 'secret' },
      },
    });
    const out = scope.outputs();
    expect(out.map((o) => [o.name, plain(o.value)])).toEqual([
      ['a', 'X'],
      ['list', [0, 1, 2]],
      ['s', { $unknown: 'secure' }],
    ]);
  });
});
