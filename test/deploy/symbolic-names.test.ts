// languageVersion 2.0 templates (resources keyed by symbolic name, as the Bicep compiler writes
// them): which dependencies ARM derives from symbolic names, and how they appear in the graph.
import { describe, expect, test } from 'vitest';
import { analyze, arm } from './helpers.js';

const v2 = { languageVersion: '2.0' };

/** A module as the compiler writes it: an inline languageVersion 2.0 template, expression scope inner. */
function module(name: string, template: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name,
    ...extra,
    properties: { expressionEvaluationOptions: { scope: 'inner' }, mode: 'Incremental', ...((extra.properties as object | undefined) ?? {}), template },
  };
}

describe('languageVersion 2.0: implicit dependencies', () => {
  test("reading a module's output depends on the module only, not on the module's resources its outputs reference() by symbolic name", () => {
    // The module's output reads its own TAP by symbolic name (reference('tap')), as Bicep's
    // `output tapId string = tap.properties.x` compiles in languageVersion 2.0. That reference()
    // is the module's, evaluated in the module's deployment; the reader waits for the module
    // (dependsOn 'tapModule') and for nothing inside it.
    const inner = arm(
      {
        tap: { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: 'eastus', properties: {} },
      },
      { ...v2, outputs: { guid: { type: 'string', value: "[reference('tap').resourceGuid]" } } },
    );
    const t = arm(
      {
        tapModule: module('tap-deploy', inner),
        reader: module('reader-deploy', arm({}, { ...v2, parameters: { guid: { type: 'string' } } }), {
          dependsOn: ['tapModule'],
          properties: { parameters: { guid: { value: "[reference('tapModule').outputs.guid.value]" } } },
        }),
      },
      v2,
    );
    const { a } = analyze({ 'main.json': t });
    const reader = a.graph.resources.find((r) => r.name === 'reader-deploy')!;
    expect(reader.implicitDependencies.map((d) => d.target?.name)).toEqual(['tap-deploy']);
    const order = a.graph
      .orderEdges()
      .filter((e) => e.from === reader)
      .map((e) => [e.to.name, e.path]);
    expect(order).toEqual([['tap-deploy', 'dependsOn']]);
    expect(a.diagnostics).toEqual([]);
  });
});
