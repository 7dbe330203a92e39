// Work that the size of a call's arguments and result does not show is charged to the step
// budget: comparisons of each element with each (contains, indexOf, union, intersection,
// distinct, equals in a lambda) and values built again and again by reduce(). Without the
// charge, a template of a few hundred bytes ran for seconds to minutes within every limit
// (union() of 10,000 one-element arrays: 50 million comparisons, 11 s; a reduce() adding one
// property per call with union(): 20 s). Each case is bounded so it ends quickly either way; the
// test fails on the value (known without the charge, a limit with it).
import { describe, expect, it } from 'vitest';
import { ev } from './helpers.js';

const limits = { maxSteps: 1_000_000 };
const stopped = (expr: string) => {
  const r = ev(expr, { limits });
  expect(r.plain).toEqual({ $unknown: 'limit' });
  expect(r.diags.filter((d) => d.code === 'limit-exceeded').map((d) => d.message)).toEqual([
    'Evaluation stopped after 1000000 steps (limit maxEvaluationSteps); what follows is not evaluated.',
  ]);
};
// 2,000 elements compared with 2,000: four million comparisons, far beyond a million steps.
const r = 'range(0, 2000)';
const inLambda = (test: string) => `[length(filter(${r}, lambda('x', ${test})))]`;

describe('comparisons cost steps', () => {
  it('contains() and indexOf() of an array, in a filter() over as many elements', () => {
    stopped(inLambda(`contains(${r}, -1)`));
    stopped(inLambda(`equals(indexOf(${r}, -1), -1)`));
    stopped(inLambda(`equals(lastIndexOf(${r}, -1), -1)`));
  });

  it('union(), distinct() and intersection() of arrays of arrays', () => {
    const arrays = `map(${r}, lambda('x', createArray(lambdaVariables('x'))))`;
    stopped(`[length(union(${arrays}, ${arrays}))]`);
    stopped(`[length(distinct(${arrays}))]`);
    stopped(`[length(intersection(${arrays}, ${arrays}))]`);
  });

  it('equals() of large values in a lambda', () => {
    // Two equal arrays of 2,000 (not one array twice), compared 2,000 times.
    const pair = `createArray(${r}, ${r})`;
    stopped(`[map(createArray(${pair}), lambda('p', length(filter(${r}, lambda('x', equals(first(lambdaVariables('p')), last(lambdaVariables('p'))))))))]`);
  });

  it('small cases are unchanged', () => {
    expect(ev("[contains(range(0, 10), 3)]").plain).toBe(true);
    expect(ev("[union(createArray(createArray(1)), createArray(createArray(1), createArray(2)))]").plain).toEqual([[1], [2]]);
    expect(ev("[intersection(createObject('a', 1, 'b', 2), createObject('a', 1, 'b', 3))]").plain).toEqual({ a: 1 });
    expect(ev("[indexOf(createArray('a', createArray(1)), createArray(1))]").plain).toBe(1);
  });
});

describe('what a call builds costs steps, arrays and objects too', () => {
  it('a reduce() that adds a property per call with union() copies the object each time', () => {
    stopped(`[length(reduce(${r}, createObject(), lambda('c', 'x', union(lambdaVariables('c'), createObject(string(lambdaVariables('x')), 1)))))]`);
  });

  it('a reduce() that adds an element per call with concat()', () => {
    // 2,000 calls copying up to 2,000 elements: two million elements, a quarter million steps.
    stopped(`[length(reduce(range(0, 6000), createArray(), lambda('c', 'x', concat(lambdaVariables('c'), createArray(lambdaVariables('x'))))))]`);
    expect(ev(`[length(reduce(${r}, createArray(), lambda('c', 'x', concat(lambdaVariables('c'), createArray(lambdaVariables('x'))))))]`, { limits }).plain).toBe(2000);
  });
});
