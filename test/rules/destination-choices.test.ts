// A TAP whose destination a value known only at deployment chooses (`useLb ? { id: frontend } : null`
// on one destination property, `useLb ? null : { id: ipConfig }` on the other; ARM if()): every
// rule that reads the destination checks both. Both fail: a fail for each, pointing at the other.
// One fails: a note that names the condition and the value of it that chooses that destination,
// worded as a resource that may not be deployed is ("(if 'vm' is deployed: ...)"). Both pass: no
// finding. The graph gives the alternatives (destinationChoices); the engine words the verdicts.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace, type JsonFinding } from '../helpers.js';

const of = (fs: JsonFinding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId);
const DECIDES = "the value that decides which destination TAP 'web-tap' sends to";

describe('a destination chosen at deployment: each alternative is checked', () => {
  test('vtap-same-region, Bicep: only the NIC alternative (useLb false) is in another region: a note naming useLb, an error once useLb=false is given, nothing with useLb=true', async () => {
    const file = 'fixtures/vtap-same-region/indeterminate-toggle-collector-nic-region.bicep';
    const found = of((await findingsOf([file])).findings, 'vtap-same-region');
    expect(found.map((f) => [f.level, f.kind, f.line, f.message])).toEqual([
      [
        'note',
        'review',
        62,
        "destination NIC 'collector-nic' is in 'westus' but TAP 'web-tap' is in 'eastus'; the TAP, its sources and its destination must be in one region: move them into one region (if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the condition is false: that condition is unknown: the parameter 'useLb' has no value (no default, parameters file or -p value))",
      ],
    ]);
    // Where the deciding value is declared, and the branch that sets this destination.
    expect(found[0]?.related.map((r) => [r.line, r.message])).toEqual(
      expect.arrayContaining([
        [6, DECIDES],
        [107, 'the destination of the TAP'],
      ]),
    );
    expect(of((await findingsOf([file, '-p', 'useLb=false'])).findings, 'vtap-same-region').map((f) => [f.level, f.kind, f.line])).toEqual([['error', 'fail', 62]]);
    expect(of((await findingsOf([file, '-p', 'useLb=true'])).findings, 'vtap-same-region')).toEqual([]);
  });

  test('vtap-same-region, ARM JSON if(): both alternatives in another region: an error for each, each pointing at the other', async () => {
    const found = of((await findingsOf(['fixtures/vtap-same-region/fail-toggle-both-collector-regions.json'])).findings, 'vtap-same-region');
    expect(found.map((f) => [f.level, f.kind, f.line, f.message.replace(/;.*/, '')])).toEqual([
      ['error', 'fail', 58, "destination load balancer 'collector-ilb' is in 'westus' but TAP 'web-tap' is in 'eastus'"],
      ['error', 'fail', 82, "destination NIC 'collector-nic' is in 'westus' but TAP 'web-tap' is in 'eastus'"],
    ]);
    expect(found.map((f) => f.related.filter((r) => r.message.startsWith('the other destination')).map((r) => [r.line, r.message]))).toEqual([
      [[82, "the other destination of TAP 'web-tap', chosen when the condition is false, fails this check too"]],
      [[58, "the other destination of TAP 'web-tap', chosen when the condition is true, fails this check too"]],
    ]);
  });

  test('vtap-collector-port-open, Bicep: the collector NIC denies VXLAN, as the NIC destination and as the backend of the load balancer destination: a warning for each', async () => {
    const found = of((await findingsOf(['fixtures/vtap-collector-port-open/fail-toggle-nsg-denies-both.bicep'])).findings, 'vtap-collector-port-open');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([
      ['warning', 'fail', 68],
      ['warning', 'fail', 68],
    ]);
    expect(found.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining("collector NIC 'collector-nic' in pool 'collectors' of load balancer 'collector-ilb'"), expect.stringContaining("the destination of TAP 'web-tap' ('collector-nic')")]));
    for (const f of found) expect(f.related.some((r) => r.message.startsWith("the other destination of TAP 'web-tap', chosen when the condition is"))).toBe(true);
  });

  test('vtap-destination-network, Bicep: the collector NIC alternative is in an unpeered network: a note naming useLb', async () => {
    const file = 'fixtures/vtap-destination-network/indeterminate-toggle-collector-nic-unpeered.bicep';
    const found = of((await findingsOf([file])).findings, 'vtap-destination-network');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 114]]);
    expect(found[0]?.message).toMatch(/^the destination of TAP 'web-tap' is in 'tools-vnet' but source NIC 'web-nic' is in 'spoke-vnet'.*\(if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the condition is false: that condition is unknown: the parameter 'useLb' has no value/);
    expect(of((await findingsOf([file, '-p', 'useLb=false'])).findings, 'vtap-destination-network').map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
  });

  test('vtap-no-ipv6, ARM JSON if(): the load balancer alternative has an IPv6 frontend: a note naming useLoadBalancer', async () => {
    const found = of((await findingsOf(['fixtures/vtap-no-ipv6/indeterminate-toggle-ipv6-frontend.json'])).findings, 'vtap-no-ipv6');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 61]]);
    expect(found[0]?.message).toContain(
      "uses IPv6; virtual network TAP does not support IPv6: mirror and send over IPv4 IP configurations only (if TAP 'web-tap' sends to destinationLoadBalancerFrontEndIPConfiguration, chosen when the condition is true: that condition is unknown: the parameter 'useLoadBalancer' has no value",
    );
  });

  test('vtap-destination-type: each alternative is checked; a public frontend on the load balancer side is a note naming useLb; two good ones give no finding', async () => {
    const pub = of((await findingsOf(['fixtures/vtap-destination-type/indeterminate-toggle-public-frontend.bicep'])).findings, 'vtap-destination-type');
    expect(pub.map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 112]]);
    expect(pub[0]?.message).toMatch(/^TAP 'web-tap' sends to frontend 'vxlan-fe' of load balancer 'collector-ilb', which is public;.*\(if TAP 'web-tap' sends to destinationLoadBalancerFrontEndIPConfiguration, chosen when the condition is true: that condition is unknown: the parameter 'useLb' has no value/);
    for (const file of ['fixtures/vtap-destination-type/pass-toggle-both-destinations.bicep', 'fixtures/vtap-destination-type/pass-toggle-both-destinations.json']) {
      expect(of((await findingsOf([file])).findings, 'vtap-destination-type')).toEqual([]);
    }
  });

  test("vtap-destination-type: one destination property set only when a value allows (mirrorWeb ? { id: ... } : null): the destination is checked, and the TAP without one is a note naming the value", async () => {
    const file = 'fixtures/vtap-destination-type/indeterminate-toggle-no-destination.bicep';
    const found = of((await findingsOf([file])).findings, 'vtap-destination-type');
    expect(found.map((f) => [f.level, f.kind, f.line, f.column, f.message])).toEqual([
      [
        'note',
        'review',
        105,
        49,
        "TAP 'web-tap' has no destination when the condition that sets destinationNetworkInterfaceIPConfiguration is false (that condition is unknown: the parameter 'mirrorWeb' has no value (no default, parameters file or -p value)); a TAP needs one: deploy the TAP under the same condition, or set a destination whichever way it goes",
      ],
    ]);
    expect(found[0]?.related.map((r) => [r.line, r.message])).toEqual([[6, "the value that decides whether TAP 'web-tap' has a destination"]]);
    // Its destination when set is checked as any other: in another region, a note naming the value.
    const moved = (await import('node:fs')).readFileSync(file, 'utf8').replace("name: 'collector-nic'\n  location: location", "name: 'collector-nic'\n  location: 'westus'");
    const dir = workspace({ 'main.bicep': moved });
    const region = of((await findingsOf(['main.bicep'], dir)).findings, 'vtap-same-region');
    expect(region.map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
    expect(region[0]?.message).toContain("(if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the condition is true: that condition is unknown: the parameter 'mirrorWeb' has no value");
  });
  test('a conditional inside the id (Bicep `{ id: useStandby ? resourceId(...) : nicA.properties.ipConfigurations[0].id }`): each id is checked; the standby NIC in another region is a note naming useStandby', async () => {
    const file = 'fixtures/vtap-same-region/indeterminate-toggle-id-collector-region.bicep';
    const all = (await findingsOf([file])).findings;
    expect(of(all, 'vtap-destination-type')).toEqual([]);
    const found = of(all, 'vtap-same-region');
    expect(found.map((f) => [f.level, f.kind, f.line, f.message])).toEqual([
      [
        'note',
        'review',
        49,
        "destination NIC 'collector-nic-2' is in 'westus' but TAP 'web-tap' is in 'eastus'; the TAP, its sources and its destination must be in one region: move them into one region (if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the condition is true: that condition is unknown: the parameter 'useStandby' has no value (no default, parameters file or -p value))",
      ],
    ]);
    expect(found[0]?.related.map((r) => [r.line, r.message])).toEqual(expect.arrayContaining([[6, DECIDES]]));
    expect(of((await findingsOf([file, '-p', 'useStandby=true'])).findings, 'vtap-same-region').map((f) => [f.level, f.kind, f.line])).toEqual([['error', 'fail', 49]]);
    expect(of((await findingsOf([file, '-p', 'useStandby=false'])).findings, 'vtap-same-region')).toEqual([]);
  });

  test("a conditional inside the id (ARM if(useStandby, variables('standbyIpConfigId'), reference(...).ipConfigurations[0].id)): the standby NIC in an unpeered network is a note naming useStandby", async () => {
    const file = 'fixtures/vtap-destination-network/indeterminate-toggle-id-standby-unpeered.json';
    const all = (await findingsOf([file])).findings;
    expect(of(all, 'vtap-destination-type')).toEqual([]);
    const found = of(all, 'vtap-destination-network');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 136]]);
    expect(found[0]?.message).toMatch(/^the destination of TAP 'web-tap' is in 'tools-vnet' but source NIC 'web-nic' is in 'spoke-vnet'.*\(if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the condition is true: that condition is unknown: the parameter 'useStandby' has no value/);
    expect(of((await findingsOf([file, '-p', 'useStandby=true'])).findings, 'vtap-destination-network').map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    expect(of((await findingsOf([file, '-p', 'useStandby=false'])).findings, 'vtap-destination-network')).toEqual([]);
  });
  test("two tests of one value (mode == 'lb' ? {...} : null and mode == 'nic' ? {...} : null, mode @allowed(['lb', 'nic'])), Bicep: exactly one is set; the NIC alternative in an unpeered network is a note naming mode and 'nic'", async () => {
    const file = 'fixtures/vtap-destination-network/indeterminate-toggle-mode-tools-nic-unpeered.bicep';
    const all = (await findingsOf([file])).findings;
    expect(of(all, 'vtap-destination-type')).toEqual([]);
    const found = of(all, 'vtap-destination-network');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 133]]);
    expect(found[0]?.message).toMatch(
      /^the destination of TAP 'web-tap' is in 'tools-vnet' but source NIC 'web-nic' is in 'spoke-vnet'.*\(if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the value is 'nic': that value is unknown: the parameter 'mode' has no value/,
    );
    expect(found[0]?.related.map((r) => [r.line, r.message])).toEqual(expect.arrayContaining([[6, DECIDES]]));
    expect(of((await findingsOf([file, '-p', 'mode=nic'])).findings, 'vtap-destination-network').map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    expect(of((await findingsOf([file, '-p', 'mode=lb'])).findings, 'vtap-destination-network')).toEqual([]);
  });

  test("two tests of one value, ARM JSON (equals(parameters('collectorMode'), 'lb') / 'nic', allowedValues): both alternatives in another region: an error for each, each pointing at the other by the value that chooses it", async () => {
    const found = of((await findingsOf(['fixtures/vtap-same-region/fail-toggle-mode-both-collector-regions.json'])).findings, 'vtap-same-region');
    expect(found.map((f) => [f.level, f.kind, f.line, f.message.replace(/;.*/, '')])).toEqual([
      ['error', 'fail', 58, "destination load balancer 'collector-ilb' is in 'westus' but TAP 'web-tap' is in 'eastus'"],
      ['error', 'fail', 82, "destination NIC 'collector-nic' is in 'westus' but TAP 'web-tap' is in 'eastus'"],
    ]);
    expect(found.map((f) => f.related.filter((r) => r.message.startsWith('the other destination')).map((r) => [r.line, r.message]))).toEqual([
      [[82, "the other destination of TAP 'web-tap', chosen when the value is 'nic', fails this check too"]],
      [[58, "the other destination of TAP 'web-tap', chosen when the value is 'lb', fails this check too"]],
    ]);
  });

  test("two tests of one value without allowed values: a third value sets neither, so it is no toggle (the properties are not checked as alternatives)", async () => {
    const text = (await import('node:fs')).readFileSync('fixtures/vtap-destination-network/indeterminate-toggle-mode-tools-nic-unpeered.bicep', 'utf8').replace("@allowed([ 'lb', 'nic' ])\n", '');
    const found = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': text }))).findings;
    expect(of(found, 'vtap-destination-network')).toEqual([]);
    expect(of(found, 'vtap-destination-type').map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
  });
  test("a nested ?: choosing among several destinations by one value (mode == 'lb' ? ... : null, mode == 'nic' ? ... : mode == 'standby' ? ... : null, @allowed), Bicep: the standby NIC in another region is a note naming mode and 'standby'", async () => {
    const file = 'fixtures/vtap-same-region/indeterminate-toggle-mode-standby-region.bicep';
    const all = (await findingsOf([file])).findings;
    expect(of(all, 'vtap-destination-type')).toEqual([]);
    const found = of(all, 'vtap-same-region');
    expect(found.map((f) => [f.level, f.kind, f.line, f.message])).toEqual([
      [
        'note',
        'review',
        86,
        "destination NIC 'standby-collector-nic' is in 'westus' but TAP 'web-tap' is in 'eastus'; the TAP, its sources and its destination must be in one region: move them into one region (if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the value is 'standby': that value is unknown: the parameter 'mode' has no value (no default, parameters file or -p value))",
      ],
    ]);
    expect(of((await findingsOf([file, '-p', 'mode=standby'])).findings, 'vtap-same-region').map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    for (const mode of ['lb', 'nic']) expect(of((await findingsOf([file, '-p', `mode=${mode}`])).findings, 'vtap-same-region')).toEqual([]);
    // Two of the three in another region: still a note each (the load balancer one passes); all
    // three: an error each.
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    const two = text.replace("name: 'collector-nic'\n  location: location", "name: 'collector-nic'\n  location: 'westus'");
    const notes = of((await findingsOf(['main.bicep'], workspace({ 'main.bicep': two }))).findings, 'vtap-same-region');
    expect(notes.map((f) => [f.level, f.kind, f.message.match(/chosen when the value is '\w+'/)?.[0]])).toEqual([
      ['note', 'review', "chosen when the value is 'nic'"],
      ['note', 'review', "chosen when the value is 'standby'"],
    ]);
    const three = two.replace("name: 'collector-ilb'\n  location: location", "name: 'collector-ilb'\n  location: 'westus'");
    const errors = of((await findingsOf(['main.bicep'], workspace({ 'main.bicep': three }))).findings, 'vtap-same-region');
    expect(errors.map((f) => [f.level, f.kind])).toEqual([
      ['error', 'fail'],
      ['error', 'fail'],
      ['error', 'fail'],
    ]);
    expect(errors[0]?.related.filter((r) => r.message.startsWith('the other destination')).map((r) => r.message)).toEqual([
      "the other destination of TAP 'web-tap', chosen when the value is 'nic', fails this check too",
      "the other destination of TAP 'web-tap', chosen when the value is 'standby', fails this check too",
    ]);
  });

  test("nested if()s inside the id (primary, standby or dr, allowedValues), ARM JSON: the DR collector in an unpeered network is a note naming collector and 'dr'", async () => {
    const file = 'fixtures/vtap-destination-network/indeterminate-toggle-nested-id-dr-unpeered.json';
    const all = (await findingsOf([file])).findings;
    expect(of(all, 'vtap-destination-type')).toEqual([]);
    const found = of(all, 'vtap-destination-network');
    expect(found.map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 148]]);
    expect(found[0]?.message).toMatch(/\(if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the value is 'dr': that value is unknown: the parameter 'collector' has no value/);
    expect(of((await findingsOf([file, '-p', 'collector=dr'])).findings, 'vtap-destination-network').map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    expect(of((await findingsOf([file, '-p', 'collector=standby'])).findings, 'vtap-destination-network')).toEqual([]);
  });
  test('a conditional choosing the whole destination object (`useStandby ? { id: idA } : { id: idB }`): each is checked, worded by the condition', async () => {
    const text = (await import('node:fs')).readFileSync('fixtures/vtap-same-region/indeterminate-toggle-id-collector-region.bicep', 'utf8');
    const whole = text.replace(
      "destinationNetworkInterfaceIPConfiguration: {\n      id: useStandby ? resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic-2', 'ipconfig1') : nicA.properties.ipConfigurations[0].id\n    }",
      "destinationNetworkInterfaceIPConfiguration: useStandby ? { id: resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic-2', 'ipconfig1') } : { id: nicA.properties.ipConfigurations[0].id }",
    );
    expect(whole).not.toEqual(text);
    const all = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': whole }))).findings;
    expect(of(all, 'vtap-destination-type')).toEqual([]);
    expect(of(all, 'vtap-same-region').map((f) => [f.level, f.kind, f.line])).toEqual([['note', 'review', 49]]);
    expect(of(all, 'vtap-same-region')[0]?.message).toContain(
      "(if TAP 'web-tap' sends to destinationNetworkInterfaceIPConfiguration, chosen when the condition is true: that condition is unknown: the parameter 'useStandby' has no value",
    );
  });
});
