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

/** The vtap-limits findings of one file (a spoke adding tap configurations to a hub TAP). */
function limitFindingsOf(name: string, text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-limits-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const a = analyzeFile(file, { root: dir, deployment: {}, explicit: true });
  if (a.kind !== 'template') throw new Error(a.kind);
  return runRules(a.graph, [limits], DEFAULT_CONFIG).outcomes.map((o) => [o.rule.meta.id, o.level, o.verdict.kind, o.verdict.message]);
}

function spokeBicep(count: number): string {
  return `param count int = ${count}

resource hubTap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' existing = {
  name: 'hub-tap'
  scope: resourceGroup('hub-rg')
}

resource nics 'Microsoft.Network/networkInterfaces@2024-05-01' = [for i in range(0, count): {
  name: 'web-nic\${i}'
  location: 'eastus'
  properties: {
    ipConfigurations: []
  }
}]

resource configs 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = [for i in range(0, count): {
  parent: nics[i]
  name: 'to-hub'
  properties: {
    virtualNetworkTap: {
      id: hubTap.id
    }
  }
}]
`;
}

function spokeJson(count: number): string {
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { count: { type: 'int', defaultValue: count }, hubSubscriptionId: { type: 'string', defaultValue: '11111111-1111-1111-1111-111111111111' } },
    resources: [
      { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: "[format('web-nic-{0}', copyIndex())]", location: 'eastus', copy: { name: 'nics', count: "[parameters('count')]" }, properties: { ipConfigurations: [] } },
      {
        type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
        apiVersion: '2024-05-01',
        name: "[format('web-nic-{0}/to-hub', copyIndex())]",
        copy: { name: 'configs', count: "[parameters('count')]" },
        dependsOn: ["[resourceId('Microsoft.Network/networkInterfaces', format('web-nic-{0}', copyIndex()))]"],
        properties: { virtualNetworkTap: { id: "[resourceId(parameters('hubSubscriptionId'), 'hub-rg', 'Microsoft.Network/virtualNetworkTaps', 'hub-tap')]" } },
      },
    ],
  });
}

test('101 tap configurations on a TAP that exists already (Bicep existing, in another resource group): one warning', () => {
  expect(limitFindingsOf('spoke.bicep', spokeBicep(101))).toEqual([
    ['vtap-limits', 'warning', 'fail', "TAP 'hub-tap' gets 101 TAP configurations in this deployment; Azure allows 100 per TAP: spread the sources over more TAPs"],
  ]);
  expect(limitFindingsOf('spoke.bicep', spokeBicep(100))).toEqual([]);
});

test('101 tap configurations on a TAP named by id (outside the template): one warning', () => {
  expect(limitFindingsOf('spoke.json', spokeJson(101))).toEqual([
    ['vtap-limits', 'warning', 'fail', "TAP 'hub-tap' (outside the template) gets 101 TAP configurations in this deployment; Azure allows 100 per TAP: spread the sources over more TAPs"],
  ]);
  expect(limitFindingsOf('spoke.json', spokeJson(100))).toEqual([]);
});

test('120 tap configurations on one TAP: the message says 120, not "more than 100"', () => {
  expect(limitFindingsOf('many.json', template(120))).toEqual([
    ['vtap-limits', 'warning', 'fail', "TAP 'tap1' gets 120 TAP configurations in this deployment; Azure allows 100 per TAP: spread the sources over more TAPs"],
  ]);
});

/** A Bicep file declaring `count` TAPs per entry of `locations` (each a Bicep expression). */
function tapsIn(locations: string[], count: number): string {
  const loops = locations.map(
    (loc, k) => `resource taps${k} 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = [for i in range(0, ${count}): {
  name: 'tap-${k}-\${i}'
  location: ${loc}
  properties: {
    destinationNetworkInterfaceIPConfiguration: {
      id: resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector', 'ipconfig1')
    }
  }
}]
`,
  );
  return `param location string\n\n${loops.join('\n')}`;
}

test('the TAP limit is per region: 60 TAPs in each of two regions pass, 101 in one fail', () => {
  expect(limitFindingsOf('two-regions.bicep', tapsIn(["'eastus'", "'uksouth'"], 60))).toEqual([]);
  expect(limitFindingsOf('two-regions.bicep', tapsIn(["'eastus'", "'uksouth'"], 101))).toEqual([
    ['vtap-limits', 'warning', 'fail', "this deployment creates 101 virtual network TAPs in region 'eastus'; Azure allows 100 per region per subscription: split the TAPs over subscriptions or regions, or mirror more NICs into fewer TAPs"],
    ['vtap-limits', 'warning', 'fail', "this deployment creates 101 virtual network TAPs in region 'uksouth'; Azure allows 100 per region per subscription: split the TAPs over subscriptions or regions, or mirror more NICs into fewer TAPs"],
  ]);
  // 'East US' and 'eastus' are one region.
  expect(limitFindingsOf('one-region.bicep', tapsIn(["'eastus'", "'East US'"], 60)).map((f) => f[2])).toEqual(['fail']);
});

test('TAPs whose region is known only at deployment: one parameter is one region; with other TAPs, maybe over', () => {
  expect(limitFindingsOf('param.bicep', tapsIn(['location', 'location'], 60))).toEqual([
    ['vtap-limits', 'warning', 'fail', 'this deployment creates 120 virtual network TAPs in one region; Azure allows 100 per region per subscription: split the TAPs over subscriptions or regions, or mirror more NICs into fewer TAPs'],
  ]);
  const mixed = limitFindingsOf('mixed.bicep', tapsIn(["'eastus'", 'location'], 60));
  expect(mixed.map((f) => f.slice(0, 3))).toEqual([['vtap-limits', 'note', 'review']]);
  expect(mixed[0]?.[3]).toContain('this deployment creates 120 virtual network TAPs, 60 of them in a region that is unknown: the parameter \'location\' has no value');
  expect(limitFindingsOf('mixed.bicep', tapsIn(["'eastus'", 'location'], 40))).toEqual([]);
});

test('a loop of TAPs whose count is known only at deployment: indeterminate, unless its maxValue (ARM copy count or Bicep range) keeps it within the limit', () => {
  const bicep = (decorator: string) => `${decorator}
param tapCount int

resource taps 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = [for i in range(0, tapCount): {
  name: 'tap-\${i}'
  location: 'eastus'
  properties: {
    destinationNetworkInterfaceIPConfiguration: {
      id: resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector', 'ipconfig1')
    }
  }
}]
`;
  const unbounded = limitFindingsOf('taps.bicep', bicep(''));
  expect(unbounded.map((f) => f.slice(0, 3))).toEqual([['vtap-limits', 'note', 'review']]);
  expect(unbounded[0]?.[3]).toContain("TAP 'taps' is created by a copy loop whose count is unknown: the parameter 'tapCount' has no value");
  expect(limitFindingsOf('taps.bicep', bicep('@maxValue(100)'))).toEqual([]);
  expect(limitFindingsOf('taps.bicep', bicep('@allowed([\n  10\n  20\n])'))).toEqual([]);
  expect(limitFindingsOf('taps.bicep', bicep('@maxValue(101)')).map((f) => f[2])).toEqual(['review']);
  const arm = (maxValue: number) =>
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { tapCount: { type: 'int', maxValue } },
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworkTaps',
          apiVersion: '2024-05-01',
          name: "[format('tap-{0}', copyIndex())]",
          location: 'eastus',
          copy: { name: 'taps', count: "[parameters('tapCount')]" },
          properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector', 'ipconfig1')]" } },
        },
      ],
    });
  expect(limitFindingsOf('taps.json', arm(100))).toEqual([]);
  expect(limitFindingsOf('taps.json', arm(1000)).map((f) => f[2])).toEqual(['review']);
});

test("a loop over an array parameter known only at deployment is bounded by the array's maxLength", () => {
  const bicep = (maxLength: number) => `@maxLength(${maxLength})
param collectors array

resource taps 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = [for c in collectors: {
  name: 'tap-\${c}'
  location: 'eastus'
  properties: {
    destinationNetworkInterfaceIPConfiguration: {
      id: resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', c, 'ipconfig1')
    }
  }
}]
`;
  expect(limitFindingsOf('taps.bicep', bicep(50))).toEqual([]);
  expect(limitFindingsOf('taps.bicep', bicep(500)).map((f) => f[2])).toEqual(['review']);
});

test('a TAP configuration deployed again under its name (a nested deployment) is one configuration, not the 101st', () => {
  const t = JSON.parse(spokeJson(100)) as { resources: unknown[] };
  t.resources.push({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: 'again',
    dependsOn: ['configs'],
    properties: {
      mode: 'Incremental',
      template: {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [
          {
            type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
            apiVersion: '2024-05-01',
            name: 'web-nic-0/to-hub',
            properties: { virtualNetworkTap: { id: "[resourceId('11111111-1111-1111-1111-111111111111', 'hub-rg', 'Microsoft.Network/virtualNetworkTaps', 'hub-tap')]" } },
          },
        ],
      },
    },
  });
  expect(limitFindingsOf('again.json', JSON.stringify(t))).toEqual([]);
});
