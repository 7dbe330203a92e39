// A large deployment (4 MB of template text, or 5,000 resources) has its rules run under a heap
// guard (src/engine/lint.ts, src/engine/collect-garbage.ts): once the heap is high, a large text
// is kept deflated while the rules run, garbage is collected between them, and the deployment is
// let go of before findings are placed. The findings must be exactly those of the text: lines
// and columns, suppressions, fingerprints.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { RULES } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';
import { collectGarbage, HeapGuard } from '../src/engine/collect-garbage.js';
import { SourceText } from '../src/model/source.js';

const SUB = "resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'web')";
const FRONTEND = "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'ilb', 'vxlan')]";

/** VMs each with a NIC that is a TAP source: 2,600 of them make ~4.5 MB of indented JSON. */
function template(vms: number, v6: ReadonlySet<number>, suppressed: ReadonlySet<number>): string {
  const resources: object[] = [
    { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', location: 'eastus', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/8'] }, subnets: [{ name: 'web', properties: { addressPrefix: '10.1.0.0/16' } }] } },
    {
      type: 'Microsoft.Network/loadBalancers',
      apiVersion: '2024-05-01',
      name: 'ilb',
      location: 'eastus',
      sku: { name: 'Standard' },
      properties: { frontendIPConfigurations: [{ name: 'vxlan', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: `[${SUB}]` } } }] },
    },
    { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'eastus', properties: { destinationLoadBalancerFrontEndIPConfiguration: { id: FRONTEND } } },
  ];
  for (let i = 0; i < vms; i++) {
    const nic = `[resourceId('Microsoft.Network/networkInterfaces', 'nic-${i}')]`;
    resources.push(
      { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: `nic-${i}`, location: 'eastus', properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: `[${SUB}]` } } }] } },
      {
        type: 'Microsoft.Compute/virtualMachines',
        apiVersion: '2024-03-01',
        name: `vm-${i}`,
        location: 'eastus',
        ...(suppressed.has(i) ? { metadata: { vtaplint: { suppress: { 'vtap-source-vm-size-v6': 'moved to a v5 size before the TAP goes live' } } } } : {}),
        dependsOn: [nic],
        properties: { hardwareProfile: { vmSize: v6.has(i) ? 'Standard_D2s_v6' : 'Standard_D2s_v5' }, networkProfile: { networkInterfaces: [{ id: nic }] } },
      },
      {
        type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
        apiVersion: '2024-05-01',
        name: `nic-${i}/tap`,
        dependsOn: [nic, "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]"],
        properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" } },
      },
    );
  }
  return `${JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2)}\n`;
}

describe('a large template', () => {
  test('its findings are placed in its text as read: lines, columns, suppressions, fingerprints', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-large-'));
    const text = template(2600, new Set([1500, 2000]), new Set([2000]));
    expect(text.length).toBeGreaterThan(4_000_000);
    writeFileSync(path.join(dir, 'azuredeploy.json'), text);
    const only = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === 'vtap-source-vm-size-v6' ? 'error' : 'off']));
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ rules: only }));
    // The heap guard engaged from the first rule on (heapHighWater 0): the text is packed for
    // the rules, garbage collected between them, the deployment released before placing.
    const pack = vi.spyOn(SourceText.prototype, 'pack');
    const result = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1, heapHighWater: 0 });
    expect(pack).toHaveBeenCalledTimes(1);
    pack.mockRestore();
    // The same findings as when the heap is left to V8.
    const plain = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1, heapHighWater: Number.POSITIVE_INFINITY });
    const view = (r: typeof result) => [...r.findings, ...(r.suppressed ?? [])].map((f) => ({ ...f, location: { path: f.location.file.path, region: f.location.region }, span: undefined, related: f.related.map((x) => x.region) }));
    expect(view(result)).toEqual(view(plain));
    expect(result.notifications).toEqual([]);
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining("VM 'vm-1500' has the v6 size 'Standard_D2s_v6'")]);
    const [finding] = result.findings;
    const lines = text.split('\n');
    // The size of vm-1500 is the 1,501st v6-or-v5 size in the text.
    let seen = -1;
    const line = lines.findIndex((l) => l.includes('"vmSize"') && ++seen === 1500) + 1;
    expect(finding?.location.region.start.line).toBe(line);
    const { start, end } = finding!.location.region;
    expect(lines[line - 1]?.slice(start.column - 1, end.column - 1)).toBe('"Standard_D2s_v6"');
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    // The suppression in vm-2000's metadata applies to its finding.
    expect(result.suppressed?.map((f) => f.message)).toEqual([expect.stringContaining("VM 'vm-2000'")]);
    expect(result.suppressed?.[0]?.suppressions?.[0]?.justification).toBe('moved to a v5 size before the TAP goes live');
  });
});

describe('a large template with comments', () => {
  test('a suppression comment applies, and positions are those of the text with its comments', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-large-comments-'));
    const lines = template(2600, new Set([1500, 2000]), new Set()).split('\n');
    let seen = -1;
    const at = lines.findIndex((l) => l.includes('"vmSize"') && ++seen === 1500);
    lines.splice(at, 0, '          // vtaplint-disable-next-line vtap-source-vm-size-v6 -- replaced by a v5 size in the next release');
    lines.splice(1, 0, '  /* generated for the test */');
    const text = lines.join('\n');
    writeFileSync(path.join(dir, 'azuredeploy.json'), text);
    const only = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === 'vtap-source-vm-size-v6' ? 'error' : 'off']));
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ rules: only }));
    const result = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1, heapHighWater: 0 });
    expect(result.notifications).toEqual([]);
    expect(result.suppressed?.map((f) => [f.message.slice(0, 11), f.location.region.start.line])).toEqual([["VM 'vm-1500", at + 3]]);
    const [open] = result.findings;
    expect(open?.message).toContain("VM 'vm-2000'");
    const line = text.split('\n')[(open?.location.region.start.line ?? 0) - 1] ?? '';
    expect(line.slice((open?.location.region.start.column ?? 0) - 1, (open?.location.region.end.column ?? 0) - 1)).toBe('"Standard_D2s_v6"');
  });
});

describe('collectGarbage', () => {
  test('collects without --expose-gc, and leaves no gc() behind', async () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    let ref: WeakRef<object> | undefined;
    (() => {
      ref = new WeakRef({ big: new Array(1000).fill('x') });
    })();
    // A WeakRef keeps its target until the end of the job that made it.
    await new Promise((r) => setTimeout(r, 0));
    collectGarbage();
    expect(ref?.deref()).toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});

describe('a large deployment from little text', () => {
  test('copy loops of 5,100 resources: the findings are those of the loop declarations', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-copies-'));
    const n = 1700;
    // ARM's copy loops hold at most 800 instances: three loops of each, as a real template would.
    const resources: object[] = [
      { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'eastus', properties: { destinationLoadBalancerFrontEndIPConfiguration: { id: FRONTEND } } },
    ];
    for (let c = 0; c * 800 < n; c++) {
      const count = Math.min(800, n - c * 800);
      const idx = `add(copyIndex(), ${c * 800})`;
      const nic = `resourceId('Microsoft.Network/networkInterfaces', concat('nic-', ${idx}))`;
      resources.push(
        { copy: { name: `nics${c}`, count }, type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: `[concat('nic-', ${idx})]`, location: 'eastus', properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { subnet: { id: `[${SUB}]` } } }] } },
        { copy: { name: `vms${c}`, count }, type: 'Microsoft.Compute/virtualMachines', apiVersion: '2024-03-01', name: `[concat('vm-', ${idx})]`, location: 'eastus', dependsOn: [`[${nic}]`], properties: { hardwareProfile: { vmSize: 'Standard_D4s_v6' }, networkProfile: { networkInterfaces: [{ id: `[${nic}]` }] } } },
        { copy: { name: `taps${c}`, count }, type: 'Microsoft.Network/networkInterfaces/tapConfigurations', apiVersion: '2024-05-01', name: `[concat('nic-', ${idx}, '/tap')]`, dependsOn: [`[${nic}]`], properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" } } },
      );
    }
    const doc = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources };
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    writeFileSync(path.join(dir, 'azuredeploy.json'), text);
    const only = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === 'vtap-source-vm-size-v6' ? 'error' : 'off']));
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ rules: only }));
    const pack = vi.spyOn(SourceText.prototype, 'pack');
    const result = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1, heapHighWater: 0 });
    // A small text is not packed, though the deployment is large and the heap guard engaged.
    expect(pack).not.toHaveBeenCalled();
    pack.mockRestore();
    expect(result.notifications).toEqual([]);
    expect(result.findings).toHaveLength(n);
    const lines = text.split('\n');
    const sizeLines = lines.flatMap((l, i) => (l.includes('"vmSize"') ? [i + 1] : []));
    expect(sizeLines).toHaveLength(3);
    expect(new Set(result.findings.map((f) => f.location.region.start.line))).toEqual(new Set(sizeLines));
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(n);
    expect(result.findings.map((f) => f.message).filter((m) => m.includes("VM 'vm-1699'"))).toHaveLength(1);
  });
});

describe('HeapGuard', () => {
  test('engages once, when the heap in use reaches its high water mark', () => {
    let engaged = 0;
    const low = new HeapGuard(() => engaged++, 0);
    low.afterRule();
    low.afterRule();
    low.release();
    expect(engaged).toBe(1);
    let never = 0;
    const high = new HeapGuard(() => never++, Number.POSITIVE_INFINITY);
    high.afterRule();
    high.release();
    expect(never).toBe(0);
  });
});
