// vtap-limits counts what one deployment creates, copy loops expanded: a TAP with 101 tap
// configurations (one per NIC, each NIC attached to a VM) gets one warning at the 101st.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { analyzeFile } from '../../src/engine/analyze.js';
import { runRules } from '../../src/engine/run-rules.js';
import { DEFAULT_CONFIG } from '../../src/engine/config.js';
import limits from '../../rules/vtap-limits.js';
import oneConfig from '../../rules/vtap-one-config-per-nic.js';

function template(count: number): string {
  const nic = (name: string) => `[resourceId('Microsoft.Network/networkInterfaces', ${name})]`;
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { count: { type: 'int', defaultValue: count } },
    resources: [
      { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: 'eastus', properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]" } } },
      { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: "[format('web-nic-{0}', copyIndex())]", location: 'eastus', copy: { name: 'nics', count: "[parameters('count')]" }, properties: { ipConfigurations: [] } },
      {
        type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
        apiVersion: '2024-05-01',
        name: "[format('web-nic-{0}/to-collector', copyIndex())]",
        copy: { name: 'configs', count: "[parameters('count')]" },
        dependsOn: [nic("format('web-nic-{0}', copyIndex())"), "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]"],
        properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]" } },
      },
    ],
  });
}

function limitFindings(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-limits-'));
  const file = path.join(dir, 'many.json');
  writeFileSync(file, template(count));
  const a = analyzeFile(file, { root: dir, deployment: {}, explicit: true });
  if (a.kind !== 'template') throw new Error(a.kind);
  return runRules(a.graph, [limits, oneConfig], DEFAULT_CONFIG).outcomes.map((o) => [o.rule.meta.id, o.level, o.verdict.kind]);
}

test('101 tap configurations on one TAP: one warning; configurations on different NICs are fine', () => {
  expect(limitFindings(101)).toEqual([['vtap-limits', 'warning', 'fail']]);
});

test('100 tap configurations on one TAP: no finding', () => {
  expect(limitFindings(100)).toEqual([]);
});
