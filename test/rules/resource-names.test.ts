// Messages name a resource by its name once it is known after evaluation, as the rule catalogue's
// example does ("NIC 'collector-nic' is not attached to a virtual machine"), in Bicep as in ARM
// JSON; by its symbolic name when the name is not known; with the modules it is in when another
// module's resource reads alike. The finding's resource identity (logical location, fingerprints,
// `resource` suppressions) stays the symbolic name. Fixtures: fixtures/resource-names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace, type JsonFinding } from '../helpers.js';

const DIR = 'fixtures/resource-names';
const LOOPS = `${DIR}/fail-loop-instances.bicep`;
const SITES = `${DIR}/fail-same-names-in-two-resource-groups.bicep`;

const of = (fs: JsonFinding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId);
const quoted = (message: string, kind: string) => [...message.matchAll(new RegExp(`${kind} '([^']*)'`, 'g'))].map((m) => m[1]);

describe('resource names in messages', () => {
  test("the catalogue's example: a Bicep NIC `collectorNic` named 'collector-nic', a TAP source on no VM, is NIC 'collector-nic'", async () => {
    const { findings } = await findingsOf([`${DIR}/fail-catalogue-example.bicep`]);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      [
        'vtap-source-vm-nic',
        43,
        30,
        "NIC 'collector-nic' is not attached to a virtual machine; a TAP can only mirror a VM's network interface: attach it to a VM (properties.networkProfile.networkInterfaces) or mirror the VM's NIC instead",
      ],
    ]);
    // Its identity stays the symbolic name: fingerprints and `resource` suppressions made before.
    expect(findings[0]?.resource).toBe('Microsoft.Network/networkInterfaces/collectorNic');
  });

  test("a loop's instances by their names ('web-vm-1', 'web-nic-1'), a child as ARM names it ('web-nic-1/tapcfg'); the identity stays the instance ('webVms[1]')", async () => {
    const { findings } = await findingsOf([LOOPS]);
    const v6 = of(findings, 'vtap-source-vm-size-v6');
    expect(v6.map((f) => f.message)).toEqual([0, 1].map((i) => `VM 'web-vm-${i}' has the v6 size 'Standard_D2s_v6' and its network interface 'web-nic-${i}' is a TAP source; v6 sizes cannot be mirrored during the preview: choose a size that does not end in _v6`));
    expect(v6.map((f) => f.resource)).toEqual(['Microsoft.Compute/virtualMachines/webVms[0]', 'Microsoft.Compute/virtualMachines/webVms[1]']);
    expect(v6[1]?.related.map((r) => r.message)).toContain("the TAP source: tap configuration 'web-nic-1/tapcfg'");
    const twice = of(findings, 'vtap-one-config-per-nic');
    expect(twice.map((f) => quoted(f.message, 'NIC'))).toEqual([['web-nic-0'], ['web-nic-1']]);
    expect(twice.map((f) => f.resource)).toEqual(['Microsoft.Network/networkInterfaces/tapConfigurations/webTapsAgain[0]', 'Microsoft.Network/networkInterfaces/tapConfigurations/webTapsAgain[1]']);
  });

  test('a name not known (a parameter without a value, uniqueString(resourceGroup().id)) falls back to the symbolic name; given a value, the name', async () => {
    const unattached = async (args: string[]) => of((await findingsOf([LOOPS, ...args])).findings, 'vtap-source-vm-nic').map((f) => quoted(f.message, 'NIC')[0]);
    expect(await unattached([])).toEqual(['appNics[0]', 'appNics[1]', 'opsNic']);
    expect(await unattached(['-p', 'prefix=shop'])).toEqual(['shop-app-nic-0', 'shop-app-nic-1', 'opsNic']);
  });

  test("a module loop's resource whose name is not known is named with the module that deploys it ('webSites.vm', 'webSites[1].vm'), not by its bare symbolic name; its identity stays the symbolic name", async () => {
    const file = `${DIR}/fail-module-loop-unknown-names.bicep`;
    const v6 = async (args: string[]) => of((await findingsOf([file, ...args])).findings, 'vtap-source-vm-size-v6');
    const unknownCount = await v6([]);
    expect(unknownCount.map((f) => [quoted(f.message, 'VM')[0], quoted(f.message, 'network interface')[0]])).toEqual([['webSites.vm', 'webSites.nic']]);
    expect(unknownCount[0]?.message).toContain("(if 'webSites.vm' is deployed: the copy count of module 'webSites', which deploys it, is unknown: the parameter 'webSiteCount' has no value");
    expect(unknownCount[0]?.related.map((r) => r.message)).toContain("the value that decides whether 'webSites.vm' is deployed");
    expect(unknownCount.map((f) => f.resource)).toEqual(['Microsoft.Compute/virtualMachines/vm']);
    // The count known, each instance by its module instance; the name given, by its name.
    const known = await v6(['-p', 'webSiteCount=2']);
    expect(known.map((f) => quoted(f.message, 'VM')[0])).toEqual(['webSites[0].vm', 'webSites[1].vm']);
    expect(known.map((f) => f.resource)).toEqual(['Microsoft.Compute/virtualMachines/vm', 'Microsoft.Compute/virtualMachines/vm']);
    expect((await v6(['-p', 'webSiteCount=2', '-p', 'webPrefix=shop'])).map((f) => quoted(f.message, 'VM')[0])).toEqual(['shop-web-0', 'shop-web-1']);
  });

  test('resources of one type and name in one template (existing NICs in two resource groups) are told apart by their symbolic names', async () => {
    const { findings } = await findingsOf([`${DIR}/fail-existing-nics-one-name.bicep`]);
    expect(of(findings, 'vtap-source-downtime').map((f) => quoted(f.message, 'NIC'))).toEqual([['opsNics[0]'], ['opsNics[1]']]);
  });

  test('resources of one type and name that modules deploy to different resource groups are named with their modules; a name of its own stays plain', async () => {
    const { findings } = await findingsOf([SITES]);
    const v6 = of(findings, 'vtap-source-vm-size-v6');
    expect(v6.map((f) => [quoted(f.message, 'VM')[0], quoted(f.message, 'network interface')[0]])).toEqual([
      ['app-vm', 'app-vm-nic'],
      ['siteA.web-vm', 'siteA.web-vm-nic'],
      ['siteB.web-vm', 'siteB.web-vm-nic'],
    ]);
    // One identity for the module's VM wherever it is deployed and whatever it is named.
    expect(v6.map((f) => f.resource)).toEqual(['Microsoft.Compute/virtualMachines/vm', 'Microsoft.Compute/virtualMachines/vm', 'Microsoft.Compute/virtualMachines/vm']);
    // Deployed into one resource group, the modules' 'web-vm' is one resource: one name, without
    // modules, and the same verdict from the three deployments of it is one finding.
    const text = readFileSync(path.join(REPO, SITES), 'utf8').replace("resourceGroup('site-a-rg')", "resourceGroup('site-b-rg')").replace(", vmName: 'app-vm'", '');
    const dir = workspace({ 'main.bicep': text, 'modules/site.bicep': readFileSync(path.join(REPO, DIR, 'modules/site.bicep'), 'utf8'), 'modules/hub.bicep': readFileSync(path.join(REPO, DIR, 'modules/hub.bicep'), 'utf8') });
    const again = of((await findingsOf(['main.bicep'], dir)).findings, 'vtap-source-vm-size-v6');
    expect(again.map((f) => quoted(f.message, 'VM')[0])).toEqual(['web-vm']);
  });
});

describe('config `resource` suppressions still match by symbolic name, and by name', () => {
  const config = (rule: string, resource: string) => JSON.stringify({ suppressions: [{ rule, resource, reason: 'accepted' }] });
  const left = async (file: string, files: Record<string, string>, rule: string, resource: string) => {
    const dir = workspace({ ...files, 'vtaplint.config.json': config(rule, resource) });
    const { findings } = await findingsOf([file], dir);
    return { shown: of(findings, rule).map((f) => f.message), unused: of(findings, 'unused-suppression').length };
  };

  test('a loop: its symbolic name, an instance, or an instance by its name', async () => {
    const files = { 'main.bicep': readFileSync(path.join(REPO, LOOPS), 'utf8') };
    const vms = async (resource: string) => (await left('main.bicep', files, 'vtap-source-vm-size-v6', resource)).shown.map((m) => quoted(m, 'VM')[0]);
    expect(await vms('webVms')).toEqual([]);
    expect(await vms('webVms[1]')).toEqual(['web-vm-0']);
    expect(await vms('web-vm-1')).toEqual(['web-vm-0']);
    expect(await vms('Microsoft.Compute/virtualMachines/web-vm-0')).toEqual(['web-vm-1']);
    expect(await vms('other-vm')).toEqual(['web-vm-0', 'web-vm-1']);
  });

  test("a module's resource: its symbolic name covers every deployment of it; its name those of that name", async () => {
    const files = Object.fromEntries(['fail-same-names-in-two-resource-groups.bicep', 'modules/site.bicep', 'modules/hub.bicep'].map((f) => [f, readFileSync(path.join(REPO, DIR, f), 'utf8')]));
    const vms = async (resource: string) => (await left('fail-same-names-in-two-resource-groups.bicep', files, 'vtap-source-vm-size-v6', resource)).shown.map((m) => quoted(m, 'VM')[0]);
    expect(await vms('vm')).toEqual([]);
    expect(await vms('web-vm')).toEqual(['app-vm']);
    expect(await vms('app-vm')).toEqual(['siteA.web-vm', 'siteB.web-vm']);
  });
});
