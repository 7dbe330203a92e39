// Budgets and limits: pathological inputs end quickly with a limit finding.
import { describe, expect, it } from 'vitest';
import { ev, scopeOf } from './helpers.js';

describe('limits', () => {
  it('range(0, 2147483647) is refused before allocating', () => {
    const t0 = Date.now();
    const r = ev('[range(0, 2147483647)]');
    expect(r.plain).toEqual({ $unknown: 'limit' });
    expect(r.diags[0]?.code).toBe('limit-exceeded');
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('range over 10000 elements is an ARM error', () => {
    expect(ev('[range(0, 20000)]').diags[0]?.code).toBe('evaluation-error');
  });

  it('a variable that doubles a string 40 times hits the string limit', () => {
    const variables: Record<string, string> = { v0: 'ab' };
    for (let i = 1; i <= 40; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
    const { scope, span } = scopeOf({ variables, resources: [] });
    const t0 = Date.now();
    const v = scope.variable('v40', span);
    expect(v).toMatchObject({ reason: { code: 'limit' } });
    expect(scope.diagnostics.items.some((d) => d.code === 'limit-exceeded')).toBe(true);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('the step budget stops exponential work', () => {
    // f(n) calls f(n - 1) twice: 2^40 calls without a budget.
    const template = {
      functions: [
        {
          namespace: 'ns',
          members: {
            f: {
              parameters: [{ name: 'n', type: 'int' }],
              output: { type: 'int', value: "[if(equals(parameters('n'), 0), 1, add(ns.f(sub(parameters('n'), 1)), ns.f(sub(parameters('n'), 1))))]" },
            },
          },
        },
      ],
      resources: [],
    };
    const t0 = Date.now();
    const r = ev('[ns.f(40)]', { template, limits: { maxSteps: 200_000 } });
    expect(r.plain).toEqual({ $unknown: 'limit' });
    expect(r.diags.some((d) => d.code === 'limit-exceeded')).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(ev('[ns.f(3)]', { template }).plain).toBe(8);
  });

  it('deep nesting is a limit finding naming the key, not a stack overflow', () => {
    const r = ev(`[${'not('.repeat(5000)}true()${')'.repeat(5000)}]`);
    expect(r.plain).toEqual({ $unknown: 'limit' });
    expect(r.diags[0]?.code).toBe('limit-exceeded');
    expect(r.diags[0]?.message).toContain('(limit maxExpressionDepth)');
  });

  it('a recursive user function ends with a limit finding', () => {
    const template = {
      functions: [
        {
          namespace: 'ns',
          members: {
            loop: { parameters: [{ name: 'n', type: 'int' }], output: { type: 'int', value: "[ns.loop(add(parameters('n'), 1))]" } },
          },
        },
      ],
      resources: [],
    };
    const r = ev('[ns.loop(0)]', { template });
    expect(r.plain).toEqual({ $unknown: 'limit' });
    expect(r.diags.some((d) => d.code === 'limit-exceeded')).toBe(true);
  });

  it('array and object sizes are capped', () => {
    const r = ev("[concat(range(0, 10000), range(0, 10000))]", { limits: { maxArrayLength: 15000 } });
    expect(r.plain).toEqual({ $unknown: 'limit' });
  });
});
