// Every limit is the config's, and hitting one is a limit-exceeded finding naming the key, at the
// place that hit it, while the rest of the template is still analysed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Root, template } from './helpers.js';
import { REPO } from '../helpers.js';

const T = { timeout: 20_000 };
let root: Root;
beforeEach(() => {
  root = new Root();
});
afterEach(() => root.remove());

const vnet = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name, location: 'westeurope', ...extra });
const limits = (l: Record<string, number>) => root.write('vtaplint.config.json', JSON.stringify({ limits: l }));
const keys = (fs: { ruleId: string; message: string; line: number }[]) => fs.map((f) => `${f.ruleId}|${f.line}|${/\(limit (\w+)\)/.exec(f.message)?.[1] ?? ''}`);

describe('limits from the config', () => {
  it('maxEvaluationSteps: the resource that spends them gets the finding, the next one is still checked', T, async () => {
    limits({ maxEvaluationSteps: 5 });
    root.write('t.json', template({ resources: [vnet("[concat('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')]"), vnet("[concat('a', )]")] }));
    const run = await root.lint(['t.json']);
    expect(run.notifications).toEqual([]);
    expect(keys(run.findings)).toEqual(['limit-exceeded|8|maxEvaluationSteps', 'invalid-template|14|']);
  });

  it('a Bicep operator chain deeper than maxExpressionDepth (`1 + 1 + ...`, no brackets): one finding naming the key, which controls it', T, async () => {
    // 2000 terms were two findings "nested more than 600 levels deep" (a hard-coded depth, no key).
    const chain = (n: number) => `var y = ${Array(n).fill('1').join(' + ')}\noutput o int = y\n`;
    root.write('t.bicep', chain(2000));
    const run = await root.lint(['t.bicep']);
    expect(run.notifications).toEqual([]);
    expect(run.findings.map((f) => `${f.ruleId}|${f.line}:${f.column}|${f.message}`)).toEqual(['limit-exceeded|1:9|The expression is nested more than 256 levels deep (limit maxExpressionDepth).']);
    // As an ARM expression: `[add(add(...))]` 300 deep is the same finding.
    root.write('t.json', template({ outputs: { o: { type: 'int', value: `[${'add('.repeat(299)}1${', 1)'.repeat(299)}]` } } }));
    expect(keys((await root.lint(['t.json'])).findings)).toEqual(['limit-exceeded|8|maxExpressionDepth']);
    // Raised, the key lets 300 terms through (in Bicep and in ARM).
    limits({ maxExpressionDepth: 400 });
    root.write('t.bicep', chain(300));
    expect((await root.lint(['t.bicep', 't.json'])).findings).toEqual([]);
  });

  it('maxEvaluationSteps: a failure found after the steps ran out is indeterminate, never an error or warning the full analysis does not give', { timeout: 60_000 }, async () => {
    // The example deployment: its rules read resource bodies (evaluated when first read), so a
    // low limit runs out in the middle of the rules. A VM's NIC list or a dependsOn entry not
    // evaluated then must not read as "no VM" or "no dependency".
    root.write('t.json', readFileSync(path.join(REPO, 'examples/arm-vtap/azuredeploy.json'), 'utf8'));
    const failures = (fs: { ruleId: string; kind: string; line: number; column: number }[]) =>
      fs.filter((f) => f.kind === 'fail' && f.ruleId !== 'limit-exceeded').map((f) => `${f.ruleId}|${f.line}:${f.column}`);
    const full = failures((await root.lint(['t.json'])).findings);
    expect(full.length).toBeGreaterThan(2);
    let stopped = 0;
    for (const steps of [10, 25, 50, 100, 150, 200, 300, 400]) {
      limits({ maxEvaluationSteps: steps });
      const run = await root.lint(['t.json']);
      const notCertain = run.findings.filter((f) => f.kind === 'review' && f.message.includes('evaluation stopped at the limit maxEvaluationSteps'));
      stopped += notCertain.length;
      const extra = failures(run.findings).filter((f) => !full.includes(f));
      expect(extra, `maxEvaluationSteps ${steps}`).toEqual([]);
    }
    // Some failures were found after the limit and reported as not certain.
    expect(stopped).toBeGreaterThan(0);
  });

  it('maxGraphEdges: copy loops that depend on every earlier loop are cut at the limit, once, and what the rules find after that is not certain', { timeout: 60_000 }, async () => {
    // Five loops of 100, each depending on all earlier loops by loop name: 100,000 order edges
    // (ten loops of 800 make 28.8 million: 1.4 GB before the limit). With the limit at 1,000 the
    // rest are not followed, so "depends on" / "does not depend on" cannot be said for certain.
    const t = JSON.parse(readFileSync(path.join(REPO, 'examples/arm-vtap/azuredeploy.json'), 'utf8')) as { resources: unknown[] };
    for (let i = 0; i < 5; i++) {
      t.resources.push({
        type: 'Microsoft.Network/networkSecurityGroups',
        apiVersion: '2024-05-01',
        name: `[format('nsg{0}-{1}', ${i}, copyIndex())]`,
        location: "[parameters('location')]",
        copy: { name: `loop${i}`, count: 100 },
        dependsOn: Array.from({ length: i }, (_, j) => `loop${j}`),
      });
    }
    root.write('t.json', JSON.stringify(t, null, 2));
    const failures = (fs: { ruleId: string; kind: string; line: number; column: number }[]) =>
      fs.filter((f) => f.kind === 'fail' && f.ruleId !== 'limit-exceeded').map((f) => `${f.ruleId}|${f.line}:${f.column}`);
    const full = await root.lint(['t.json']);
    expect(keys(full.findings).filter((k) => k.startsWith('limit-exceeded'))).toEqual([]);
    limits({ maxGraphEdges: 1000 });
    const cut = await root.lint(['t.json']);
    const limited = cut.findings.filter((f) => f.ruleId === 'limit-exceeded');
    expect(limited.map((f) => /\(limit (\w+)\)/.exec(f.message)?.[1])).toEqual(['maxGraphEdges']);
    // At a dependsOn entry naming one of the loops.
    expect(JSON.stringify(t, null, 2).split('\n')[(limited[0]?.line ?? 0) - 1]).toMatch(/^\s*"loop\d",?$/);
    expect(failures(cut.findings).filter((f) => !failures(full.findings).includes(f))).toEqual([]);
    expect(cut.findings.some((f) => f.kind === 'review' && f.message.includes('the dependency edges were cut at the limit maxGraphEdges'))).toBe(true);
  });

  it('maxExpressionLength and maxExpressionDepth', T, async () => {
    limits({ maxExpressionLength: 55, maxExpressionDepth: 8 });
    root.write('t.json', template({ resources: [vnet(`[concat('${'a'.repeat(60)}')]`), vnet(`[${'not('.repeat(9)}true()${')'.repeat(9)}]`), vnet("[concat('ok', 'x')]")] }));
    const run = await root.lint(['t.json']);
    expect(keys(run.findings)).toEqual(['limit-exceeded|8|maxExpressionLength', 'limit-exceeded|14|maxExpressionDepth']);
  });

  it('maxStringLength, maxArrayLength and maxObjectSize', T, async () => {
    limits({ maxStringLength: 10, maxArrayLength: 5, maxObjectSize: 2 });
    root.write(
      't.json',
      template({
        resources: [
          vnet("[concat('abcdef', 'ghijkl')]"),
          vnet('[string(length(range(0, 6)))]'),
          vnet("[string(length(createObject('a', 1, 'b', 2, 'c', 3)))]"),
        ],
      }),
    );
    const run = await root.lint(['t.json']);
    expect(keys(run.findings)).toEqual(['limit-exceeded|8|maxStringLength', 'limit-exceeded|14|maxArrayLength', 'limit-exceeded|20|maxObjectSize']);
  });

  it('maxResources and maxDeploymentDepth (nested deployments and Bicep modules)', T, async () => {
    limits({ maxResources: 3, maxDeploymentDepth: 1 });
    root.write('many.json', template({ resources: [vnet("[concat('v', copyIndex())]", { copy: { name: 'c', count: 10 } })] }));
    const inner = (name: string, t: Record<string, unknown>) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: t } });
    root.write('nested.json', template({ resources: [inner('d1', { resources: [inner('d2', { resources: [] })] })] }));
    root.write('a.bicep', "module b 'b.bicep' = {\n  name: 'b'\n}\n");
    root.write('b.bicep', "module c 'c.bicep' = {\n  name: 'c'\n}\n");
    root.write('c.bicep', "output x int = 1\n");
    const run = await root.lint(['many.json', 'nested.json', 'a.bicep']);
    expect(run.notifications).toEqual([]);
    const by = (file: string) => keys(run.findings.filter((f) => f.file === file));
    expect(by('many.json')).toEqual(['limit-exceeded|5|maxResources']);
    expect(by('nested.json').map((k) => k.split('|')[2])).toEqual(['maxDeploymentDepth']);
    // Reported once, in b.bicep, at the path of the module that is one level too deep.
    expect(run.findings.filter((f) => f.file === 'b.bicep').map((f) => [f.ruleId, f.line, f.column])).toEqual([['limit-exceeded', 1, 10]]);
  });
});

describe('maxJsonDepth at its largest (2048): deep input is analysed, never a stack overflow', () => {
  const storage = (extra: Record<string, unknown>) => ({ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 's', properties: { a: '[nosuch()]' }, ...extra });

  it('child resources nested 680 levels deep, each with an expression error: every one is reported', { timeout: 60_000 }, async () => {
    limits({ maxJsonDepth: 2048 });
    // Each level its own name: one resource defined twice would be an error of its own.
    let r: Record<string, unknown> = storage({ name: 's680' });
    for (let i = 679; i >= 0; i--) r = storage({ name: `s${i}`, resources: [r] });
    root.write('t.json', template({ resources: [r] }));
    const run = await root.lint(['t.json']);
    expect(run.notifications).toEqual([]);
    expect(run.findings.map((f) => f.ruleId)).toEqual(Array(681).fill('evaluation-error'));
  });

  it('a Bicep value nested 2040 levels deep: a limit-exceeded finding where the stack runs out, the next statements still analysed', { timeout: 60_000 }, async () => {
    limits({ maxJsonDepth: 2048 });
    root.write('t.bicep', `var deep = ${'['.repeat(2040)}1${']'.repeat(2040)}\n\nresource v 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: substring('abc', 5, 1)\n}\n`);
    const run = await root.lint(['t.bicep']);
    expect(run.notifications).toEqual([]);
    expect(run.findings.map((f) => `${f.ruleId}|${f.line}|${/\(limit (\w+)\)/.exec(f.message)?.[1] ?? ''}`)).toEqual(['limit-exceeded|1|maxJsonDepth', 'evaluation-error|4|']);
  });

  it('a value nested 2040 levels deep in a body no rule reads: its expression is checked', { timeout: 60_000 }, async () => {
    limits({ maxJsonDepth: 2048 });
    let v: unknown = '[nosuch()]';
    for (let i = 0; i < 2040; i++) v = [v];
    root.write('t.json', template({ resources: [storage({ properties: { deep: v } })] }));
    const run = await root.lint(['t.json']);
    expect(run.notifications).toEqual([]);
    expect(run.findings.map((f) => `${f.ruleId}|${f.message}`)).toEqual(["evaluation-error|The template function 'nosuch' is not valid (not a known ARM template function)."]);
  });
});

describe('findings about many declarations are bounded', () => {
  it('a dependsOn cycle of 5,000 Bicep resources: one finding naming the first few, how many more, and the closing edge', { timeout: 60_000 }, async () => {
    // The message listed all 5,000 names: 54 KB for one finding.
    const n = 5000;
    const bicep: string[] = [];
    for (let i = 0; i < n; i++) bicep.push(`resource r${i} 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'v${i}'\n  location: 'eastus'\n  dependsOn: [\n    r${(i + 1) % n}\n  ]\n}\n`);
    root.write('cycle.bicep', bicep.join(''));
    const run = await root.lint();
    const cycles = run.findings.filter((f) => /cycle/.test(f.message));
    expect(cycles.map((f) => `${f.ruleId}|${f.line}`)).toEqual([`invalid-template|${7 * n - 2}`]);
    expect(cycles[0]?.message.length).toBeLessThan(1000);
    expect(cycles[0]?.message).toContain("'r0' -> 'r1' -> 'r2' -> 'r3' -> 'r4' -> (4993 more) -> 'r4998' -> 'r4999' -> 'r0' (each uses the next");
  });
});
