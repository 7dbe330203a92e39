// Fan-out: nesting multiplies deployments (a module deploying two copies of the next level, 15
// levels deep, is 2^15 instances; a linked template in a copy loop that links another in turn),
// so neither maxDeploymentDepth nor a loop's count bounds the work. maxDeployments does: hitting it
// is one limit-exceeded finding, at the deployment (module declaration) where it ran out, and the
// rest of each file is still analysed. maxResources and maxDeploymentDepth are likewise reported
// once per template with everything it deploys, not once per instance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Root, template } from './helpers.js';

const T = { timeout: 60_000 };
let root: Root;
beforeEach(() => {
  root = new Root();
});
afterEach(() => root.remove());

const limits = (l: Record<string, number>) => root.write('vtaplint.config.json', JSON.stringify({ limits: l }));
const limitOf = (message: string) => /\(limit (\w+)\)/.exec(message)?.[1] ?? '';
const summary = (fs: { ruleId: string; file: string; line: number; column: number; message: string }[]) =>
  fs.map((f) => `${f.ruleId}|${f.file}|${f.line}|${f.column}|${limitOf(f.message)}`);

/** levels[i].bicep deploys two modules of levels[i+1].bicep; the last one a virtual network. */
function bicepFanOut(levels: number, rootExtra = ''): void {
  for (let i = 0; i < levels; i++) {
    const body =
      i < levels - 1
        ? [0, 1]
            .map((k) => `module m${k} 'l${i + 1}.bicep' = {\n  name: '\${prefix}-${k}'\n  params: {\n    prefix: '\${prefix}${k}'\n  }\n}\n`)
            .join('\n')
        : "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: '${prefix}-vnet'\n  location: 'westeurope'\n}\n";
    root.write(`l${i}.bicep`, `param prefix string = 'x'\n\n${body}${i === 0 ? rootExtra : ''}`);
  }
}

// After the modules of the root file: an expression error the analysis must still find.
const AFTER = "\nresource after 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: substring('abc', 5, 1)\n  location: 'westeurope'\n}\n";

describe('maxDeployments', () => {
  it('Bicep modules two per level, 15 levels deep (2^15 instances), default limits: one finding at a module declaration', T, async () => {
    bicepFanOut(16, AFTER);
    const run = await root.lint(['l0.bicep']);
    expect(run.notifications).toEqual([]);
    const limited = run.findings.filter((f) => f.ruleId === 'limit-exceeded');
    expect(limited.map((f) => limitOf(f.message))).toEqual(['maxDeployments']);
    // At a module declaration (line 3: `module m0 ...`, or the second module further down).
    const [hit] = limited;
    expect(hit?.file).toMatch(/^l\d+\.bicep$/);
    expect([3, 10]).toContain(hit?.line);
    expect(hit?.column).toBe(1);
    expect(hit?.message).toMatch(/^more than 5000 nested deployments and module instances; '.+' and the rest are not analysed \(limit maxDeployments\)$/);
    // The rest of the root file is analysed.
    expect(summary(run.findings.filter((f) => f.file === 'l0.bicep'))).toEqual(['evaluation-error|l0.bicep|18|26|']);
  });

  it('Bicep modules in for loops over range(): the budget is the whole tree, from the config', T, async () => {
    limits({ maxDeployments: 30 });
    root.write('main.bicep', `module spokes 'spoke.bicep' = [for i in range(0, 800): {\n  name: 'spoke-\${i}'\n  params: {\n    index: i\n  }\n}]\n${AFTER}`);
    root.write('spoke.bicep', "param index int\n\nmodule leaves 'leaf.bicep' = [for j in range(0, 800): {\n  name: 'leaf-${index}-${j}'\n}]\n");
    root.write('leaf.bicep', "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-${uniqueString(deployment().name)}'\n  location: 'westeurope'\n}\n");
    const run = await root.lint(['main.bicep']);
    expect(summary(run.findings)).toEqual(['evaluation-error|main.bicep|9|26|', 'limit-exceeded|spoke.bicep|3|1|maxDeployments']);
    expect(run.findings[1]?.message).toBe("more than 30 nested deployments and module instances; 'leaves[29]' and the rest are not analysed (limit maxDeployments)");
  });

  it('ARM linked templates (relativePath) in copy loops, and inline nested deployments in copy loops', T, async () => {
    limits({ maxDeployments: 20 });
    const param = { prefix: { type: 'string', defaultValue: 'x' } };
    const linked = (rel: string) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: "[format('{0}-{1}', parameters('prefix'), copyIndex())]",
      copy: { name: 'fan', count: 2 },
      properties: { mode: 'Incremental', templateLink: { relativePath: rel }, parameters: { prefix: { value: "[format('{0}{1}', parameters('prefix'), copyIndex())]" } } },
    });
    const bad = { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[substring('abc', 5, 1)]", location: 'westeurope' };
    for (let i = 0; i < 8; i++) root.write(`l${i}.json`, template({ parameters: param, resources: i < 7 ? [linked(`l${i + 1}.json`)] : [] }));
    root.write('main.json', template({ parameters: param, resources: [linked('l0.json'), bad] }));
    const inline = (depth: number): Record<string, unknown> => ({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources:
        depth === 0
          ? []
          : [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: `[concat('d${depth}-', copyIndex())]`, copy: { name: 'fan', count: 2 }, properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: inline(depth - 1) } }],
    });
    root.write('inline.json', JSON.stringify({ ...inline(8), resources: [...(inline(8).resources as unknown[]), bad] }, null, 2));
    const run = await root.lint(['main.json', 'inline.json']);
    expect(run.notifications).toEqual([]);
    // Once per linted template, at the deployment where the budget ran out; the expression error
    // after the deployments in each is still found. The inline deployments' names ('d7-0',
    // 'd7-1', ...) repeat in every instance of the level above, all in one resource group: two
    // deployments of one name at once, which ARM fails (DeploymentActive), once per level
    // analysed (src/graph/deployment-names.ts).
    expect(summary(run.findings)).toEqual([
      'limit-exceeded|inline.json|90|45|maxDeployments',
      'evaluation-error|inline.json|93|55|',
      'evaluation-error|inline.json|110|63|',
      'evaluation-error|inline.json|127|71|',
      'evaluation-error|inline.json|175|34|',
      'limit-exceeded|l4.json|5|5|maxDeployments',
      'evaluation-error|main.json|28|34|',
    ]);
  });

  it('a linked template that links itself in a copy loop: maxDeploymentDepth and maxDeployments, once each', T, async () => {
    root.write(
      'self.json',
      template({
        resources: [
          { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: "[concat('self-', copyIndex())]", copy: { name: 'fan', count: 2 }, properties: { mode: 'Incremental', templateLink: { relativePath: 'self.json' } } },
        ],
      }),
    );
    const run = await root.lint(['self.json']);
    // And 'self-0' deploys 'self-0' inside itself in the same resource group: ARM fails it
    // (DeploymentActive), said once at the name.
    expect(summary(run.findings)).toEqual(['limit-exceeded|self.json|5|5|maxDeploymentDepth', 'limit-exceeded|self.json|5|5|maxDeployments', 'evaluation-error|self.json|8|15|']);
  });
});

describe('linked templates that deploy each other', () => {
  it('a -> b -> c -> a through templateLink.relativePath: the depth finding names the cycle; inline nesting is no cycle', T, async () => {
    const link = (name: string, rel: string) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', templateLink: { relativePath: rel } } });
    root.write('a.json', template({ resources: [link('to-b', 'sub/b.json')] }));
    root.write('sub/b.json', template({ resources: [link('to-c', 'c.json')] }));
    root.write('sub/c.json', template({ resources: [link('to-a', '../a.json')] }));
    const inline = (depth: number): Record<string, unknown> => ({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: depth === 0 ? [] : [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: `d${depth}`, properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: inline(depth - 1) } }],
    });
    root.write('inline.json', JSON.stringify(inline(20), null, 2));
    const run = await root.lint(['a.json', 'inline.json']);
    expect(run.notifications).toEqual([]);
    // It said only 'deployments are nested more than 16 levels deep', with nothing of why.
    expect(run.findings.filter((f) => f.ruleId === 'limit-exceeded').map((f) => `${f.file}|${f.message}`)).toEqual([
      "inline.json|deployments are nested more than 16 levels deep; 'd4' is not analysed (limit maxDeploymentDepth)",
      "sub/b.json|deployments are nested more than 16 levels deep; 'to-c' is not analysed (limit maxDeploymentDepth): the linked templates deploy each other in a cycle (sub/b.json -> sub/c.json -> a.json -> sub/b.json), which only a condition or a copy count of 0 can end",
    ]);
  });
});

describe('maxResources across nested deployments', () => {
  it('is reported once, with the configured number, where the whole tree ran out', T, async () => {
    limits({ maxResources: 10 });
    bicepFanOut(5);
    const run = await root.lint(['l0.bicep']);
    const limited = run.findings.filter((f) => f.ruleId === 'limit-exceeded');
    expect(limited.map((f) => f.message)).toEqual(['more than 10 resources; the rest are not analysed (limit maxResources)']);
  });
});
