// What findings say: resources named as the user wrote them (not as pseudo-ids), property names
// spelt as Azure spells them, and each of several findings about one thing telling which one it is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf } from '../helpers.js';

async function messages(file: string, ruleId: string): Promise<string[]> {
  const { findings } = await findingsOf([file]);
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

describe('messages', () => {
  test('a TAP configuration sending to a declared resource names it, not its id', async () => {
    expect(await messages('fixtures/vtap-config-target/fail-not-a-tap.json', 'vtap-config-target')).toEqual([
      "'web-nic/to-collector' sends to 'collector-nic' (a Microsoft.Network/networkInterfaces), not a virtual network TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource",
    ]);
  });

  test('a destination outside the template is named with its type and where it is; the subscription check is not listed when both ids write it out', async () => {
    const [outside] = await messages('fixtures/vtap-destination-same-subscription/fail-other-subscription.json', 'vtap-destination-type');
    expect(outside).toBe(
      "the destination of TAP 'tap1', 'collector-nic/ipconfig1' (Microsoft.Network/networkInterfaces/ipConfigurations in subscription '33333333-3333-3333-3333-333333333333', resource group 'collectors'), is outside the template, so vtaplint cannot check that the IP configuration exists, a load balancer frontend is internal, the destination is in the TAP region and network (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it",
    );
    // The TAP's subscription is the deployment's (unknown): the subscription stays on the list.
    const [unknownSub] = await messages('fixtures/vtap-destination-type/indeterminate-external.json', 'vtap-destination-type');
    expect(unknownSub).toContain('the destination is in the TAP region, subscription and network');
    expect(unknownSub).not.toContain('{subscription()');
  });

  test('a property a type does not have: the ones it has, spelt as Azure spells them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    const text = readFileSync(path.join(REPO, 'fixtures/vtap-api-version/fail-read-only-property.json'), 'utf8');
    writeFileSync(path.join(dir, 'main.json'), text.replace('"networkInterfaceTapConfigurations"', '"filter"'));
    const { findings } = await findingsOf(['main.json'], dir);
    expect(findings.find((f) => f.ruleId === 'vtap-api-version')?.message).toBe(
      "'tap1' sets filter, which Microsoft.Network/virtualNetworkTaps does not have at API 2024-05-01 (it has: destinationLoadBalancerFrontEndIPConfiguration, destinationNetworkInterfaceIPConfiguration, destinationPort); remove it or fix its name",
    );
  });

  test('each extra TAP configuration of a NIC says how it is declared and which one it is', async () => {
    expect(await messages('fixtures/vtap-one-config-per-nic/fail-two-declarations.json', 'vtap-one-config-per-nic')).toEqual([
      "NIC 'web-nic' gets 2 TAP configurations, this tapConfigurations resource is the 2nd; a network interface can have only one: keep one TAP configuration and mirror to one TAP",
    ]);
  });

  test('a v6 finding points at the NIC where it is declared and at the TAP configuration that makes it a source, each labelled for what it is', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-source-vm-size-v6/fail-v6.bicep']);
    const v6 = findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6?.related.map((r) => [r.line, r.column, r.message])).toEqual([
      [48, 9, "network interface 'webNic'"],
      [123, 11, "the TAP source: tap configuration 'tapConfig'"],
    ]);
  });

  test('destinationPort written as the string "4789" is named as a string in the wrong type, not as a custom port', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    const text = readFileSync(path.join(REPO, 'fixtures/vtap-destination-port/pass-4789.json'), 'utf8');
    expect(text).toContain('"destinationPort": 4789');
    writeFileSync(path.join(dir, 'main.json'), text.replace('"destinationPort": 4789', '"destinationPort": "4789"'));
    const { findings } = await findingsOf(['main.json'], dir);
    expect(findings.find((f) => f.ruleId === 'vtap-destination-port')?.message).toBe(
      'TAP \'tap1\' sets destinationPort to the string "4789", where the resource schema wants an integer; remove destinationPort (the port is always 4789) or write it as the number 4789',
    );
  });
});
