// The parts of a copy-loop expression that are the same in every copy are evaluated once per
// loop (src/deploy/invariant-parts.ts): what shows is the step budget they no longer spend, and
// values that stay exactly those of evaluating every copy afresh.
import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { analyzeFile } from '../../src/engine/analyze.js';
import { DEFAULT_LIMITS } from '../../src/model/limits.js';
import { LoopInvariantParts } from '../../src/deploy/invariant-parts.js';
import { parseTemplateString } from '../../src/expr/parser.js';
import type { Expr } from '../../src/expr/ast.js';
import type { Value } from '../../src/expr/value.js';
import { analyze, arm } from './helpers.js';

const outputsOf = (a: ReturnType<typeof analyze>['a']) => Object.fromEntries((a.deployed.scope?.outputs() ?? []).map((o) => [o.name, o.value]));

describe('loop-invariant parts of a varying expression', () => {
  test('a string built the same in each of 800 copies is built once: the step budget is not spent 800 times', () => {
    // padLeft of 4,000 characters costs 250 steps; in 800 copies 200,000, over the 50,000 allowed.
    const name = "[format('net-{0}-{1}', copyIndex(), length(padLeft('', 4000, 'x')))]";
    const { dir } = analyze({ 'main.json': arm([{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name, location: 'westeurope', copy: { name: 'nets', count: 800 } }]) });
    const a = analyzeFile(path.join(dir, 'main.json'), { root: dir, deployment: {}, explicit: true, limits: { ...DEFAULT_LIMITS, maxEvaluationSteps: 50_000 } });
    if (a.kind !== 'template') throw new Error(a.kind);
    expect(a.diagnostics.filter((d) => d.code === 'limit-exceeded')).toEqual([]);
    const names = a.graph.resources.map((r) => r.name as string);
    expect(names).toHaveLength(800);
    expect(names[0]).toBe('net-0-4000');
    expect(names[799]).toBe('net-799-4000');
  });

  test("Bicep's range(start, n)[copyIndex()] and ARM's split(...)[copyIndex()] give each copy its own element", () => {
    const { a } = analyze({
      'main.json': arm([], {
        parameters: { names: { type: 'string', defaultValue: 'web,api,db' } },
        outputs: {
          fromRange: { type: 'array', copy: { count: 3, input: '[range(10, 3)[copyIndex()]]' } },
          fromSplit: { type: 'array', copy: { count: 3, input: "[toUpper(split(parameters('names'), ',')[copyIndex()])]" } },
        },
      }),
    });
    expect(outputsOf(a)).toEqual({ fromRange: [10, 11, 12], fromSplit: ['WEB', 'API', 'DB'] });
  });

  test('a lambda is evaluated with its own variables in every copy, whatever it contains', () => {
    const { a } = analyze({
      'main.json': arm([], {
        outputs: {
          shifted: { type: 'array', copy: { count: 3, input: "[map(range(0, 3), lambda('x', add(lambdaVariables('x'), copyIndex())))]" } },
          same: { type: 'array', copy: { count: 2, input: "[createArray(map(range(0, 2), lambda('x', mul(lambdaVariables('x'), 10))), copyIndex())]" } },
        },
      }),
    });
    const out = outputsOf(a);
    expect(JSON.parse(JSON.stringify(out.shifted))).toEqual([[0, 1, 2], [1, 2, 3], [2, 3, 4]]);
    expect(JSON.parse(JSON.stringify(out.same))).toEqual([[[0, 10], 0], [[0, 10], 1]]);
  });

  test('a part taken again notes the parameters it read again (the sources findings point at)', () => {
    const p = parseTemplateString("[concat(parameters('prefix'), string(copyIndex()))]");
    if (p.kind !== 'expr') throw new Error(p.kind);
    const replayed: string[][] = [];
    let computed = 0;
    const parts = new LoopInvariantParts(p.ast, {
      collect: (compute) => ({ value: compute(), reads: new Set(['prefix']) }),
      replay: (reads) => replayed.push([...reads]),
    });
    const call = p.ast as Extract<Expr, { k: 'call' }>;
    const [param, varying] = call.args as [Expr, Expr];
    expect(parts.has(param)).toBe(true);
    expect(parts.has(varying)).toBe(false);
    expect(parts.has(call)).toBe(false);
    const compute = (): Value => ++computed && 'web';
    expect([parts.value(param, compute), parts.value(param, compute), parts.value(param, compute)]).toEqual(['web', 'web', 'web']);
    expect(computed).toBe(1);
    expect(replayed).toEqual([['prefix'], ['prefix']]);
  });
});
