// Amplification: a template of a few hundred bytes that makes the evaluator build or walk far
// more than its size. Values share parts (a variable used twice), so [v, v] of [w, w] of ... is
// 2^60 elements after sixty lines; a lambda over range(0, 10000) multiplies what each call
// builds by 10000. Each is one limit-exceeded finding naming the key, at the expression, and the
// rest of the template is still analysed (the last resource's expression error is found).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { Root, template } from './helpers.js';

const T = { timeout: 30_000 };
let root: Root;
beforeEach(() => {
  root = new Root();
});
afterEach(() => root.remove());

const vnet = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name, location: 'westeurope', ...extra });
const AFTER = vnet("[substring('abc', 5, 1)]");
// Once the step budget is spent nothing after is evaluated, but a syntax error is still found.
const AFTER_SYNTAX = vnet("[concat('a', )]");
const lineOf = (file: string, needle: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
const keys = (fs: { ruleId: string; line: number; message: string }[]) => fs.map((f) => `${f.ruleId}|${f.line}|${/\(limit (\w+)\)/.exec(f.message)?.[1] ?? ''}`);

/** Variables d1..d59, each holding the previous one twice (`build` makes the pair). */
function doubling(build: (prev: string) => unknown): Record<string, unknown> {
  const v: Record<string, unknown> = { d0: [1, 2] };
  for (let i = 1; i < 60; i++) v[`d${i}`] = build(`d${i - 1}`);
  return v;
}

describe('values that share parts (maxValueNodes)', () => {
  it('string() of createArray(v, v) doubled 59 times: a finding where it outgrows the limit, not a crash', T, async () => {
    const text = root.write('t.json', template({ variables: doubling((p) => `[createArray(variables('${p}'), variables('${p}'))]`), resources: [vnet("[string(variables('d59'))]"), AFTER] }));
    const run = await root.lint(['t.json']);
    expect(run.notifications).toEqual([]);
    // d18 is the first over a million (2^20 - 1); the chain then starts again from its unknown.
    const limited = run.findings.filter((f) => f.ruleId === 'limit-exceeded');
    expect(limited.length).toBeGreaterThan(0);
    expect(keys(limited).every((k) => k.endsWith('|maxValueNodes'))).toBe(true);
    expect(limited[0]?.line).toBe(lineOf(text, '"d18"'));
    expect(run.findings.filter((f) => f.ruleId === 'evaluation-error')).toHaveLength(1);
  });

  it('the same with template arrays (["[variables(...)]", "[variables(...)]"]), in an output: eval prints it', T, async () => {
    root.write('t.json', template({ variables: doubling((p) => [`[variables('${p}')]`, `[variables('${p}')]`]), resources: [vnet("[string(length(string(variables('d59'))))]"), AFTER], outputs: { o: { type: 'array', value: "[variables('d59')]" } } }));
    const run = await root.lint(['t.json']);
    expect(keys(run.findings.filter((f) => f.ruleId === 'limit-exceeded'))[0]).toMatch(/\|maxValueNodes$/);
    expect(run.findings.filter((f) => f.ruleId === 'evaluation-error')).toHaveLength(1);
    const ev = await cli(['eval', 't.json'], root.dir);
    expect(ev.stdout).toContain('(limit maxValueNodes)');
  });

  it('map() whose every call builds range(0, 10000): stopped while it builds, not after 10^8 numbers', T, async () => {
    root.write('t.json', template({ variables: { m: "[map(range(0, 10000), lambda('i', range(0, 10000)))]" }, resources: [vnet("[string(length(variables('m')))]"), AFTER] }));
    const run = await root.lint(['t.json']);
    expect(keys(run.findings)).toEqual(['evaluation-error|14|', 'limit-exceeded|19|maxValueNodes']);
  });

  it('toObject() and mapValues() likewise', T, async () => {
    root.write(
      't.json',
      template({
        variables: {
          r: '[range(0, 10000)]',
          o: "[toObject(range(0, 10000), lambda('k', string(lambdaVariables('k'))), lambda('k', variables('r')))]",
        },
        resources: [vnet("[string(length(variables('o')))]"), AFTER],
      }),
    );
    const run = await root.lint(['t.json']);
    expect(keys(run.findings)).toEqual(['evaluation-error|14|', 'limit-exceeded|20|maxValueNodes']);
  });
});

describe('strings built in a loop cost their length (maxEvaluationSteps)', () => {
  it('padLeft() to four million characters in a map() over range(0, 10000), then string() of it', T, async () => {
    root.write('t.json', template({ variables: { p: "[map(range(0, 10000), lambda('i', padLeft(string(lambdaVariables('i')), 4000000, 'x')))]" }, resources: [vnet("[string(length(string(variables('p'))))]"), AFTER_SYNTAX] }));
    const run = await root.lint(['t.json']);
    expect(keys(run.findings)).toEqual(['invalid-template|14|', 'limit-exceeded|19|maxEvaluationSteps']);
  });

  it('replace() of every character of a long string, in a map()', T, async () => {
    root.write(
      't.json',
      template({
        variables: { big: "[padLeft('a', 100000, 'a')]", r: "[map(range(0, 10000), lambda('i', replace(variables('big'), 'a', 'bb')))]" },
        resources: [vnet("[string(length(variables('r')))]"), AFTER_SYNTAX],
      }),
    );
    const run = await root.lint(['t.json']);
    expect(keys(run.findings)).toEqual(['invalid-template|14|', 'limit-exceeded|20|maxEvaluationSteps']);
  });
});

describe('.bicepparam variables that use each other twice', () => {
  it('sixty lines of var a<i> = concat(a<i-1>, a<i-1>): each variable lowered and evaluated once, a finding where the array outgrows the limit', T, async () => {
    root.write('main.bicep', "param names array\n\nresource vnets 'Microsoft.Network/virtualNetworks@2024-05-01' = [for n in names: {\n  name: n\n  location: 'westeurope'\n}]\n");
    const lines = ["using 'main.bicep'", '', "var a0 = ['x', 'y']"];
    for (let i = 1; i < 60; i++) lines.push(`var a${i} = concat(a${i - 1}, a${i - 1})`);
    lines.push('param names = a59');
    root.write('main.bicepparam', `${lines.join('\n')}\n`);
    const run = await root.lint(['main.bicepparam']);
    expect(run.notifications).toEqual([]);
    // a16 is the first over 100,000 elements (2^17); the variables after it are unknown.
    expect(run.findings.map((f) => `${f.ruleId}|${f.file}|${f.line}|${/\(limit (\w+)\)/.exec(f.message)?.[1] ?? ''}`)).toEqual(['limit-exceeded|main.bicepparam|19|maxArrayLength']);
  });
});

describe('the step budget spent inside lambdas', () => {
  it('is reported once, and a lambdaVariables() whose argument was not evaluated is no error of its own', T, async () => {
    root.write('vtaplint.config.json', JSON.stringify({ limits: { maxEvaluationSteps: 3000 } }));
    const inner = "map(range(0, 100), lambda('j', format('{0}-{1}', lambdaVariables('i'), lambdaVariables('j'))))";
    root.write(
      't.json',
      template({
        variables: { a: `[map(range(0, 100), lambda('i', ${inner}))]`, b: `[map(range(0, 100), lambda('i', ${inner}))]` },
        resources: [vnet("[string(length(variables('a')))]"), vnet("[string(length(variables('b')))]"), AFTER_SYNTAX],
      }),
    );
    const run = await root.lint(['t.json']);
    expect(keys(run.findings)).toEqual(['invalid-template|20|', 'limit-exceeded|25|maxEvaluationSteps']);
  });
});
