// Indeterminate verdicts: when a value a rule needs is only known at deployment, the finding says
// what is unknown and why, points at the property that decides and at what made it unknown, and
// a value that decides anyway (every allowed value fails, say) is a verdict, not a question.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace } from '../helpers.js';

const ORIGIN = 'the value comes from here';

describe('unknown values, rule by rule', () => {
  test('vtap-source-vm-size-v6: a size parameter without a value whose allowed values all are v6 sizes fails; one that allows some is indeterminate; both point at the parameter', async () => {
    for (const [ext, declared, vm, nic] of [
      ['json', 15, 'web-vm', 'web-nic'],
      ['bicep', 4, 'web-vm', 'web-nic'],
    ] as const) {
      const all = (await findingsOf([`fixtures/vtap-source-vm-size-v6/fail-allowed-values-all-v6.${ext}`])).findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
      expect(all.map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
      expect(all[0]?.message).toBe(
        `VM '${vm}' has a v6 size whichever it gets: its size is unknown: the parameter 'vmSize' has no value (no default, parameters file or -p value), and every size it allows (Standard_D4s_v6, Standard_D2s_v6) is a v6 size; its network interface '${nic}' is a TAP source, and v6 sizes cannot be mirrored during the preview: choose a size that does not end in _v6`,
      );
      expect(all[0]?.related.filter((r) => r.message === ORIGIN).map((r) => r.line)).toEqual([declared]);
      const some = (await findingsOf([`fixtures/vtap-source-vm-size-v6/indeterminate-allowed-values.${ext}`])).findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
      expect(some.map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
      expect(some[0]?.related.filter((r) => r.message === ORIGIN).map((r) => r.line)).toEqual([declared]);
    }
  });

  test('vtap-source-vm-size-v6: a size chosen by a condition only known at deployment between two v6 sizes fails, naming the condition', async () => {
    const text = readFileSync(path.join(REPO, 'fixtures/vtap-source-vm-size-v6/indeterminate-allowed-values.bicep'), 'utf8')
      .replace('param vmSize string', 'param vmSize string\nparam largeVm bool')
      .replace('vmSize: vmSize', "vmSize: largeVm ? 'Standard_D8s_v6' : 'Standard_D2s_v6'");
    const dir = workspace({ 'main.bicep': text });
    const found = (await findingsOf(['main.bicep'], dir)).findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(found.map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    expect(found[0]?.message).toContain("its size is unknown: the parameter 'largeVm' has no value (no default, parameters file or -p value), and every size it can be (Standard_D8s_v6, Standard_D2s_v6) is a v6 size");
    expect(found[0]?.related.filter((r) => r.message === ORIGIN).map((r) => r.line)).toEqual([9]);
    // Given the value, it is the size that branch names: still a failure, now a plain one.
    const given = (await findingsOf(['main.bicep', '-p', 'largeVm=false'], dir)).findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(given.map((f) => f.message)).toEqual([expect.stringMatching(/^VM 'web-vm' has the v6 size 'Standard_D2s_v6'/)]);
  });

  test('vtap-destination-same-subscription: a destination id in a subscription a parameter names, matched with the NIC deployed to the deployment\'s subscription, is indeterminate until the deployment\'s subscription is known', async () => {
    const fixture = 'fixtures/vtap-destination-same-subscription/indeterminate-destination-id-subscription';
    const files = {
      'azuredeploy.json': readFileSync(path.join(REPO, `${fixture}.json`), 'utf8'),
      'azuredeploy.parameters.json': readFileSync(path.join(REPO, `${fixture}.parameters.json`), 'utf8'),
    };
    const verdicts = async (subscriptionId?: string) => {
      const config: Record<string, string> = subscriptionId ? { 'vtaplint.config.json': JSON.stringify({ deployment: { location: 'eastus', subscriptionId, resourceGroup: 'hub-collectors' } }) } : {};
      const dir = workspace({ ...files, ...config });
      return (await findingsOf(['azuredeploy.json'], dir)).findings.filter((f) => f.ruleId === 'vtap-destination-same-subscription').map((f) => [f.level, f.kind, f.message]);
    };
    expect(await verdicts()).toEqual([
      [
        'note',
        'review',
        "the destination of TAP 'web-tap' ('collector-nic') is in subscription '22222222-2222-2222-2222-222222222222' and the TAP is in the deployment's subscription (only known at deployment); the TAP and its destination must be in the same subscription: deploy them to one subscription, or set deployment.subscriptionId in vtaplint.config.json to check it",
      ],
    ]);
    // Deployed to the subscription the id names: the NIC it deploys is the destination, beside the TAP.
    expect(await verdicts('22222222-2222-2222-2222-222222222222')).toEqual([]);
    // Deployed elsewhere: the id names a NIC in another subscription than the TAP's.
    expect((await verdicts('00000000-0000-0000-0000-000000000001')).map(([level, kind]) => [level, kind])).toEqual([['warning', 'fail']]);
  });

  test("vtap-destination-same-subscription: a destination id in a subscription from a parameter without a value, matched with the NIC deployed to the deployment's subscription, is indeterminate naming the parameter", async () => {
    const file = 'fixtures/vtap-destination-same-subscription/indeterminate-destination-id-subscription-parameter.json';
    const found = (await findingsOf([file])).findings.filter((f) => f.ruleId === 'vtap-destination-same-subscription');
    expect(found.map((f) => [f.level, f.kind, f.line, f.column, f.message])).toEqual([
      [
        'note',
        'review',
        69,
        63,
        "the destination of TAP 'web-tap' ('collector-nic') is in a subscription that is unknown: the parameter 'collectorSubscriptionId' has no value (no default, parameters file or -p value) and the TAP is in the deployment's subscription (only known at deployment); the TAP and its destination must be in the same subscription: deploy them to one subscription, or set deployment.subscriptionId in vtaplint.config.json to check it",
      ],
    ]);
    // Given the subscription, as its parameters file gives it beside the sibling fixture.
    const given = (await findingsOf([file, '-p', 'collectorSubscriptionId=22222222-2222-2222-2222-222222222222'])).findings.filter((f) => f.ruleId === 'vtap-destination-same-subscription');
    expect(given.map((f) => f.message)).toEqual([expect.stringContaining("is in subscription '22222222-2222-2222-2222-222222222222' and the TAP is in the deployment's subscription")]);
  });

  test("vtap-cross-subscription: a tap configuration naming the TAP by an id in a subscription a parameter gives, matched with the TAP the template deploys to the deployment's subscription, is in that subscription: a note naming the parameter, the subscription, or nothing once both are known", async () => {
    for (const [ext, line, col, sources] of [
      ['bicep', 59, 30, ["'web-nic/to-hub-tap'"]],
      ['json', 77, 52, ["'web-nic-0/to-collector'", "'web-nic-1/to-collector'"]],
    ] as const) {
      const text = readFileSync(path.join(REPO, `fixtures/vtap-cross-subscription/review-tap-id-subscription-parameter.${ext}`), 'utf8');
      const verdicts = async (args: string[], subscriptionId?: string) => {
        const config: Record<string, string> = subscriptionId ? { 'vtaplint.config.json': JSON.stringify({ deployment: { location: 'eastus', subscriptionId, resourceGroup: 'spoke' } }) } : {};
        const dir = workspace({ [`main.${ext}`]: text, ...config });
        return (await findingsOf([`main.${ext}`, ...args], dir)).findings.filter((f) => f.ruleId === 'vtap-cross-subscription');
      };
      // No value: the subscription the id names is the parameter's, not known here.
      const unknown = await verdicts([]);
      expect(unknown.map((f) => [f.level, f.kind, f.line, f.column])).toEqual(sources.map(() => ['note', 'review', line, col]));
      expect(unknown.map((f) => f.message)).toEqual(
        sources.map(
          (s) =>
            `tap configuration ${s} names TAP 'web-tap' by an id in a subscription that is unknown: the parameter 'tapSubscriptionId' has no value (no default, parameters file or -p value); if it is not the subscription of source NIC '${s.slice(1, s.indexOf('/'))}' (the deployment's), both subscriptions must be associated with the same Microsoft Entra tenant: check it, or give the parameter a value`,
        ),
      );
      expect(unknown[0]?.related.map((r) => r.message)).toContain(ORIGIN);
      // The hub's subscription given: the id names a TAP there, the NIC is in the deployment's.
      const given = await verdicts(['-p', 'tapSubscriptionId=22222222-2222-2222-2222-222222222222']);
      expect(given.map((f) => f.message)).toEqual(
        sources.map(
          (s) =>
            `source NIC '${s.slice(1, s.indexOf('/'))}' is deployed to the deployment's subscription (only known at deployment) and tap configuration ${s} names TAP 'web-tap' in subscription '22222222-2222-2222-2222-222222222222'; if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json`,
        ),
      );
      // Deployed to that subscription: the TAP it deploys, beside its sources.
      expect(await verdicts(['-p', 'tapSubscriptionId=22222222-2222-2222-2222-222222222222'], '22222222-2222-2222-2222-222222222222')).toEqual([]);
      // Deployed elsewhere: a TAP outside the template, in another subscription than its sources.
      const elsewhere = await verdicts(['-p', 'tapSubscriptionId=22222222-2222-2222-2222-222222222222'], '00000000-0000-0000-0000-000000000001');
      expect(elsewhere.map((f) => [f.kind, f.message.replace(/^source NIC '[^']*' /, '')])).toEqual(
        sources.map(() => ['review', "is in subscription '00000000-0000-0000-0000-000000000001' but TAP 'web-tap' is in subscription '22222222-2222-2222-2222-222222222222'; both must be associated with the same Microsoft Entra tenant: check that they are"]),
      );
    }
  });

  test('vtap-limits: a copy loop of TAP configurations whose count is a parameter points at the parameter, and one whose maxValue allows too many says so', async () => {
    const unknown = (await findingsOf(['fixtures/vtap-limits/indeterminate-unknown-count.bicep'])).findings.filter((f) => f.ruleId === 'vtap-limits');
    expect(unknown.map((f) => f.message)).toEqual([
      "TAP 'tap1' gets TAP configurations from a copy loop whose count is unknown: the parameter 'webVmCount' has no value (no default, parameters file or -p value); Azure allows 100 per TAP: keep the count at 100 or less (maxValue or allowedValues on its parameter lets vtaplint check it)",
    ]);
    // The declaration, from its @description decorator.
    expect(unknown[0]?.related.filter((r) => r.message === ORIGIN).map((r) => r.line)).toEqual([3]);
    const over = (await findingsOf(['fixtures/vtap-limits/indeterminate-max-value-over.json'])).findings.filter((f) => f.ruleId === 'vtap-limits');
    expect(over.map((f) => f.message)).toEqual([
      "TAP 'tap1' gets TAP configurations from a copy loop whose count is unknown: the parameter 'n' has no value (no default, parameters file or -p value); Azure allows 100 per TAP: keep the count at 100 or less (its parameter allows up to 200)",
    ]);
    expect(over[0]?.related.filter((r) => r.message === ORIGIN).map((r) => r.line)).toEqual([5]);
    // A loop over an array parameter: what bounds it is the array's maxLength.
    const overArray = (await findingsOf(['fixtures/vtap-limits/indeterminate-array-loop.bicep'])).findings.filter((f) => f.ruleId === 'vtap-limits');
    expect(overArray.map((f) => f.message)).toEqual([
      "TAP 'web-tap' gets TAP configurations from a copy loop whose count is unknown: the parameter 'webVmNames' has no value (no default, parameters file or -p value); Azure allows 100 per TAP: keep the count at 100 or less (maxLength on the array it loops over lets vtaplint check it)",
    ]);
    // Given a count, the loop is that many configurations: 101 fails, 100 passes.
    const given = async (n: number) => (await findingsOf(['fixtures/vtap-limits/indeterminate-max-value-over.json', '-p', `n=${n}`])).findings.filter((f) => f.ruleId === 'vtap-limits').map((f) => [f.level, f.kind]);
    expect(await given(101)).toEqual([['warning', 'fail']]);
    expect(await given(100)).toEqual([]);
  });

  test('a failure about a resource that a copy count or condition only known at deployment may not deploy points at the value that decides it', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-limits/indeterminate-unknown-count.bicep']);
    const migration = findings.filter((f) => f.ruleId === 'vtap-live-migration');
    expect(migration.map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
    expect(migration[0]?.message).toMatch(/\(if 'webVms' is deployed: its copy count is unknown: the parameter 'webVmCount' has no value/);
    expect(migration[0]?.related.filter((r) => r.message === "the value that decides whether 'webVms' is deployed").map((r) => r.line)).toEqual([3]);
  });

  test('vtap-role-permissions: actions known only in part name only what the known ones do not grant, point at the parameter, and decide once it is given', async () => {
    const file = 'fixtures/vtap-role-permissions/indeterminate-actions-spread-parameter.bicep';
    const found = (await findingsOf([file])).findings.filter((f) => f.ruleId === 'vtap-role-permissions');
    expect(found[0]?.message).toBe(
      "some actions of role 'Virtual network TAP operator' are only known at deployment (unknown: the parameter 'extraActions' has no value (no default, parameters file or -p value)), so vtaplint cannot tell whether it grants Microsoft.Network/networkInterfaces/read, Microsoft.Network/networkInterfaces/tapConfigurations/*, which virtual network TAP needs",
    );
    expect(found.map((f) => f.related.filter((r) => r.message === ORIGIN).map((r) => r.line))).toEqual([[5], [5]]);
    const given = async (actions: string[]) => (await findingsOf([file, '-p', `extraActions=${JSON.stringify(actions)}`])).findings.filter((f) => f.ruleId === 'vtap-role-permissions').map((f) => [f.level, f.kind]);
    expect(await given(['Microsoft.Network/networkInterfaces/read', 'Microsoft.Network/networkInterfaces/tapConfigurations/*', 'Microsoft.Network/virtualNetworkTaps/*'])).toEqual([]);
    // The operator role still lacks tapConfigurations/*; the reader, known in full, only reads TAP
    // (virtualNetworkTaps/read, networkInterfaces/read): a reader's role, not one to apply TAP with.
    expect(await given(['Microsoft.Network/networkInterfaces/read'])).toEqual([['warning', 'fail']]);
  });

  test('a parameter whose default is resourceGroup().location: the note points once at the default, not twice at one place', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-destination-same-subscription/indeterminate-destination-id-subscription.json']);
    const region = findings.find((f) => f.ruleId === 'vtap-supported-region');
    expect(region?.message).toContain("the region of TAP 'web-tap' is only known at deployment (resourceGroup())");
    expect(region?.related.map((r) => [r.line, r.message])).toEqual([[8, "the value of parameter 'location' is its default, written here"]]);
  });

  test('a resource of a module loop whose count is only known at deployment: the note names the module loop\'s count and points at its parameter', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-source-vm-size-v6/indeterminate-module-loop-count.bicep']);
    const migration = findings.find((f) => f.ruleId === 'vtap-live-migration');
    expect(migration?.message).toMatch(/\(if 'web\.vm' is deployed: the copy count of module 'web', which deploys it, is unknown: the parameter 'webVmCount' has no value/);
    expect(migration?.related.filter((r) => r.message === "the value that decides whether 'web.vm' is deployed").map((r) => [r.file, r.line])).toEqual([['fixtures/vtap-source-vm-size-v6/indeterminate-module-loop-count.bicep', 6]]);
    const size = findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(size?.related.filter((r) => r.message === ORIGIN).map((r) => r.line)).toEqual([9]);
  });

  test('vtap-destination-type: two destinations that are the two branches of one condition are one destination, which one only known at deployment: each is checked, and what holds for one of them names the condition', async () => {
    const file = 'fixtures/vtap-destination-type/indeterminate-destination-toggle.bicep';
    const found = (await findingsOf([file])).findings.filter((f) => f.ruleId === 'vtap-destination-type');
    // The load balancer the template deploys (useLb true) passes; the NIC (useLb false) is outside the template.
    expect(found.map((f) => f.message)).toEqual([
      "the destination of TAP 'web-tap', 'collector-nic/ipconfig1' (Microsoft.Network/networkInterfaces/ipConfigurations), is outside the template, so vtaplint cannot check that the IP configuration exists, the destination is in the TAP region and network (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it (if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the condition is false: that condition is unknown: the parameter 'useLb' has no value (no default, parameters file or -p value))",
    ]);
    expect(found.map((f) => [f.line, f.column])).toEqual([[85, 70]]);
    expect(found[0]?.related.map((r) => [r.line, r.message])).toEqual([[4, "the value that decides which destination TAP 'web-tap' sends to"]]);
    // Given the value: the load balancer the template deploys is the one destination.
    expect((await findingsOf([file, '-p', 'useLb=true'])).findings.filter((f) => f.ruleId === 'vtap-destination-type')).toEqual([]);
  });

  test('vtap-destination-network: a peering deployed only under a condition only known at deployment points at the value of that condition', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-destination-network/indeterminate-conditional-peering-module.bicep']);
    const found = findings.find((f) => f.ruleId === 'vtap-destination-network');
    expect(found?.message).toContain("is deployed only if its condition allows (unknown: the parameter 'peerSpoke' has no value");
    expect(found?.related.filter((r) => r.message === ORIGIN).map((r) => [r.file, r.line])).toEqual([['fixtures/vtap-destination-network/indeterminate-conditional-peering-module.bicep', 8]]);
  });

  test('vtap-inline-config-readonly: NIC properties spread from an object parameter declare no inline tapConfigurations (a false warning)', async () => {
    const dir = workspace({ 'main.bicep': SPREAD_NIC });
    const found = (await findingsOf(['main.bicep'], dir)).findings.map((f) => f.ruleId);
    expect(found).not.toContain('vtap-inline-config-readonly');
    // The unknown properties are said where they matter: the IP configuration's are unknown in part.
    expect(found).toContain('vtap-no-ipv6');
  });
});

const SPREAD_NIC = `param location string = 'eastus'
param nicExtra object
param ipcExtra object
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ '10.30.0.0/16' ] }
    subnets: [ { name: 'web', properties: { addressPrefix: '10.30.1.0/24' } }, { name: 'col', properties: { addressPrefix: '10.30.2.0/24' } } ]
  }
}
resource colNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'col-nic'
  location: location
  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: '\${vnet.id}/subnets/col' } } } ] }
}
resource colVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'col-vm'
  location: location
  properties: { hardwareProfile: { vmSize: 'Standard_D4s_v5' }, networkProfile: { networkInterfaces: [ { id: colNic.id } ] } }
}
resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {
  name: 'tap'
  location: location
  properties: { destinationNetworkInterfaceIPConfiguration: { id: colNic.properties.ipConfigurations[0].id } }
}
resource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'web-nic'
  location: location
  properties: {
    ...nicExtra
    ipConfigurations: [ { name: 'ipconfig1', properties: { ...ipcExtra, subnet: { id: '\${vnet.id}/subnets/web' } } } ]
  }
}
resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {
  parent: webNic
  name: 'cfg'
  properties: { virtualNetworkTap: { id: tap.id } }
}
resource webVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'web-vm'
  location: location
  dependsOn: [ tap ]
  properties: { hardwareProfile: { vmSize: 'Standard_D2s_v5' }, networkProfile: { networkInterfaces: [ { id: webNic.id } ] } }
}
`;

describe('a list of load balancer pools chosen at deployment', () => {
  const FIXTURE = 'fixtures/vtap-source-basic-lb/indeterminate-conditional-pool-list.bicep';
  const text = readFileSync(path.join(REPO, FIXTURE), 'utf8');

  test('vtap-source-basic-lb: each choice of the list is judged; the Basic load balancer of one choice is a note naming the value that chooses it, at the sku, with that value related', async () => {
    const found = (await findingsOf([FIXTURE])).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 143]]);
    expect(found[0]?.message).toBe(
      "source NIC 'web-nic' is behind load balancer 'web-lb', which is Basic; a VM behind a Basic load balancer cannot be a TAP source: use a Standard load balancer (if NIC 'web-nic' is in backend pool 'web-pool' of load balancer 'web-lb': it depends on a value that is unknown: the parameter 'joinPool' has no value (no default, parameters file or -p value))",
    );
    expect(found[0]?.related.map((r) => [r.line, r.message])).toContainEqual([9, "the value that decides whether NIC 'web-nic' is in backend pool 'web-pool' of load balancer 'web-lb'"]);
    // Given the value, the list is known: in the pool it is the error, out of it nothing.
    const joined = (await findingsOf([FIXTURE, '-p', 'joinPool=true'])).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    expect(joined.map((f) => [f.level, f.kind, f.line])).toEqual([['error', 'fail', 143]]);
    expect((await findingsOf([FIXTURE, '-p', 'joinPool=false'])).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb')).toEqual([]);
  });

  test('vtap-source-basic-lb: a load balancer the NIC is behind in every choice fails, even when a choice also lists it', async () => {
    // The NAT rule is in both lists, the pool only in one: the NIC is surely behind 'web-lb'.
    const both = text
      .replace(
        /loadBalancerBackendAddressPools: joinPool \? \[([\s\S]*?)\] : \[\]/,
        "loadBalancerBackendAddressPools: joinPool ? [$1] : []\n          loadBalancerInboundNatRules: joinPool ? [ { id: resourceId('Microsoft.Network/loadBalancers/inboundNatRules', 'web-lb', 'ssh') } ] : [ { id: resourceId('Microsoft.Network/loadBalancers/inboundNatRules', 'web-lb', 'ssh') } ]",
      )
      .replace('    probes: [', "    inboundNatRules: [\n      {\n        name: 'ssh'\n        properties: {\n          frontendIPConfiguration: {\n            id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'web-lb', 'frontend')\n          }\n          protocol: 'Tcp'\n          frontendPort: 50001\n          backendPort: 22\n        }\n      }\n    ]\n    probes: [");
    expect(both).not.toBe(text);
    const dir = workspace({ 'main.bicep': both });
    const found = (await findingsOf(['main.bicep'], dir)).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    expect(found.map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    expect(found[0]?.related.map((r) => r.message)).toContain("NIC 'web-nic' is in inbound NAT rule 'ssh' of load balancer 'web-lb' here");
  });

  test('a list chosen between a list written out and one only known at deployment: the written one is judged, the other stays a note', async () => {
    const mixed = text.replace('param joinPool bool', 'param joinPool bool\nparam otherPools array').replace(/\] : \[\]/, '] : otherPools');
    expect(mixed).not.toBe(text);
    const dir = workspace({ 'main.bicep': mixed });
    const found = (await findingsOf(['main.bicep'], dir)).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    // At the pool list (line 66), then at the Basic sku (line 144).
    expect(found.map((f) => [f.level, f.kind, f.line, f.message.slice(0, 60)])).toEqual([
      ['note', 'review', 66, "the load balancer backend pools of source NIC 'web-nic' are "],
      ['note', 'review', 144, "source NIC 'web-nic' is behind load balancer 'web-lb', which"],
    ]);
  });

  test('vtap-source-basic-lb: Basic load balancers in every choice of the list are one error, naming the value and the other choice', async () => {
    const found = (await findingsOf(['fixtures/vtap-source-basic-lb/fail-every-choice-basic.bicep'])).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([['error', 'fail', 147]]);
    expect(found[0]?.message).toContain("(so in every choice of its list of pools, which is unknown: the parameter 'joinPool' has no value");
    // Two pools of one load balancer: the other choice says nothing new, and is not repeated.
    expect(found[0]?.message).not.toContain('in another choice');
    // Two Basic load balancers, one in each choice: the other is named, and related.
    const two = text
      .replace(/\] : \[\]/, "] : [ { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'spare-lb', 'pool') } ]")
      .concat("\nresource spareLb 'Microsoft.Network/loadBalancers@2024-05-01' = {\n  name: 'spare-lb'\n  location: location\n  sku: { name: 'Basic' }\n  properties: {\n    backendAddressPools: [ { name: 'pool' } ]\n  }\n}\n");
    const both = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': two }))).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    expect(both.map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    expect(both[0]?.message).toContain("in another choice it is behind load balancer 'spare-lb', which is Basic too");
    expect(both[0]?.related.map((r) => r.message)).toContain("in another choice it is behind load balancer 'spare-lb', which is Basic too");
  });

  test('a list chosen between pools and null (no list) is judged as the list or none: one note, not a second one for the whole list', async () => {
    const orNull = text.replace(/\] : \[\]/, '] : null');
    expect(orNull).not.toBe(text);
    const found = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': orNull }))).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    expect(found.map((f) => [f.level, f.kind, f.message.slice(0, 60)])).toEqual([['note', 'review', "source NIC 'web-nic' is behind load balancer 'web-lb', which"]]);
  });

  test('a load balancer outside the template that a choice of the list puts the NIC behind: the note names the value that chooses', async () => {
    const outside = text.replace("resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'web-lb', 'web-pool')", "resourceId('other-rg', 'Microsoft.Network/loadBalancers/backendAddressPools', 'shared-lb', 'pool')");
    expect(outside).not.toBe(text);
    const found = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': outside }))).findings.filter((f) => f.ruleId === 'vtap-source-basic-lb');
    expect(found.map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
    expect(found[0]?.message).toContain("(if NIC 'web-nic' is behind load balancer 'shared-lb': it depends on a value that is unknown: the parameter 'joinPool' has no value");
  });

  test("vtap-collector-port-open: a collector only a choice puts in the load balancer's pool is checked, its NSG deny a note naming the value", async () => {
    const found = (await findingsOf(['fixtures/vtap-collector-port-open/indeterminate-conditional-collector-pool.json'])).findings.filter((f) => f.ruleId === 'vtap-collector-port-open');
    expect(found.map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
    expect(found[0]?.message).toContain("denies inbound UDP 4789 to collector NIC 'collector-nic'");
    expect(found[0]?.message).toContain("(if the collectors' pool 'collectors' holds NIC 'collector-nic': it depends on a value that is unknown: the parameter 'withPool' has no value");
    const given = (await findingsOf(['fixtures/vtap-collector-port-open/indeterminate-conditional-collector-pool.json', '-p', 'withPool=true'])).findings.filter((f) => f.ruleId === 'vtap-collector-port-open');
    expect(given.map((f) => [f.level, f.kind])).toEqual([['warning', 'fail']]);
  });
});
