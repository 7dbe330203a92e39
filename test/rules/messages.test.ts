// What findings say: resources named as the user wrote them (not as pseudo-ids), property names
// spelt as Azure spells them, and each of several findings about one thing telling which one it is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace } from '../helpers.js';

async function messages(file: string, ruleId: string): Promise<string[]> {
  const { findings } = await findingsOf([file]);
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

describe('messages', () => {
  test("a scale set's TAP entries: a Uniform one is told to use VMs with NICs of their own; a Flexible one, that its profile's NICs are no sources either", async () => {
    const [uniform] = await messages('fixtures/vtap-source-vm-nic/fail-scale-set-ipconfig-taps.bicep', 'vtap-source-vm-nic');
    const [flexible] = await messages('fixtures/vtap-source-vm-nic/fail-flexible-scale-set-ipconfig-taps.bicep', 'vtap-source-vm-nic');
    expect(uniform).toContain('use standalone VMs (or Flexible orchestration scale set VMs with NICs of their own)');
    expect(flexible).toContain('the VMs this Flexible scale set makes from its profile get their NICs from that configuration too');
    expect(flexible).not.toContain('or Flexible orchestration scale set VMs');
  });

  test('an existing TAP in another subscription has one name in every rule: its name (its symbolic name is tap)', async () => {
    const file = 'fixtures/vtap-cross-subscription/review-existing-tap-elsewhere.bicep';
    const [cross] = await messages(file, 'vtap-cross-subscription');
    const [region] = await messages(file, 'vtap-same-region');
    expect(cross).toContain("TAP 'hub-tap' is in subscription '11111111-1111-1111-1111-111111111111'");
    expect(region).toContain("region of TAP 'hub-tap'");
    expect(`${cross}${region}`).not.toContain("TAP 'tap'");
  });

  test('a NIC deployed again in parallel (no dependsOn either way) makes its TAP entry, and what the source rules decide through it, indeterminate, saying why', async () => {
    const file = 'fixtures/vtap-inline-config-readonly/indeterminate-ipconfig-parallel-module.bicep';
    const why = "NIC 'web-nic' is also deployed in 'staticIp' without this entry, and no dependsOn orders the two deployments: ARM deploys them in parallel and the PUT that comes last replaces the NIC's whole body, so whether the entry is there in the end is not known";
    const [entry] = await messages(file, 'vtap-inline-config-readonly');
    expect(entry).toMatch(new RegExp(`^the virtualNetworkTaps entry of 'web-nic' may not last: ${why.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}, nor whether TAP 'tap' mirrors anything from it;`));
    expect(await messages(file, 'vtap-source-vm-size-v6')).toEqual([
      `VM 'web-vm' has the v6 size 'Standard_D2s_v6' and its network interface 'web-nic' is a TAP source; v6 sizes cannot be mirrored during the preview: choose a size that does not end in _v6 (if the virtualNetworkTaps entry of 'web-nic' lasts: ${why})`,
    ]);
  });

  test('deployments of one name in one scope from different files: why ARM fails (one inside the other, or in parallel) or replaces one (ordered)', async () => {
    const message = async (file: string) => (await findingsOf([`fixtures/deployment-names/${file}`])).findings.filter((f) => f.ruleId === 'evaluation-error').map((f) => f.message);
    expect(await message('fail-nested-same-name.bicep')).toEqual([
      "'nic' and 'web' are both deployment 'nic-deployment' in the same scope (a deployment is a resource named by its name), and 'nic' runs inside 'web', which is still running when it starts: the second PUT of deployment 'nic-deployment' fails while the first is running (\"Unable to edit or replace deployment 'nic-deployment': previous deployment ... is still active\", DeploymentActive); give them different names (e.g. with uniqueString(deployment().name))",
    ]);
    expect(await message('fail-parallel-modules.bicep')).toEqual([expect.stringContaining("'app.nic' and 'web.nic' are both deployment 'nic-deployment' in the same scope (a deployment is a resource named by its name), and nothing orders them, so ARM starts both at once")]);
    expect(await message('warn-ordered-same-name.bicep')).toEqual([expect.stringContaining("the one that runs later replaces the other's deployment record, and its outputs with it")]);
  });

  // ARM compares locations case and spaces aside ('East US' is 'eastus'), and rejects one it does
  // not have: a misspelt region is named, with the region it likely means.
  test('a location that is no Azure region is named as such, with the nearest region', async () => {
    const typo = "'eastus3' is not an Azure region vtaplint knows (did you mean 'eastus'?)";
    expect(await messages('fixtures/vtap-same-region/fail-tap-region-typo.json', 'vtap-supported-region')).toEqual([
      `TAP 'tap1' is in 'eastus3', but ${typo}: Azure rejects a location it does not have, and virtual network TAP is only available in: eastasia, westcentralus, uksouth, eastus, centralindia, germanywestcentral`,
    ]);
    const same = await messages('fixtures/vtap-same-region/fail-tap-region-typo.json', 'vtap-same-region');
    expect(same).toHaveLength(3);
    expect(same[0]).toBe(`destination NIC 'collector-nic' is in 'eastus' but TAP 'tap1' is in 'eastus3'; the TAP, its sources and its destination must be in one region, and ${typo}: fix that location`);
    expect(await messages('fixtures/vtap-supported-region/fail-region-typo.bicep', 'vtap-supported-region')).toEqual([expect.stringContaining("'East-US' is not an Azure region vtaplint knows (did you mean 'eastus'?)")]);
    // A region that is real but has no TAP keeps the plain message.
    expect(await messages('fixtures/vtap-supported-region/fail-unsupported.json', 'vtap-supported-region')).toEqual([expect.stringContaining('where virtual network TAP is not available')]);
  });

  // The quickstarts name resources with uniqueString(resourceGroup().id, ...): a name known only at
  // deployment shows that expression as a template writes it, not the evaluator's key for it
  // ("/subscriptions/"+subscription().subscriptionId+... was printed).
  test('a name built from uniqueString(resourceGroup().id) shows the expression as written', async () => {
    const file = 'fixtures/vtap-source-basic-lb/fail-basic-unique-names.json';
    const suffix = '{substring(uniqueString(resourceGroup().id, deployment().name), 3, 6)}';
    expect(await messages(file, 'vtap-source-basic-lb')).toEqual([
      `source NIC 'nfs-ha-nic0-${suffix}' is behind load balancer 'nfs-ha-lb-${suffix}', which is Basic; a VM behind a Basic load balancer cannot be a TAP source: use a Standard load balancer`,
    ]);
    expect(await messages(file, 'vtap-live-migration')).toEqual([expect.stringContaining(`VM 'nfs-ha-vm0-${suffix}' while its NIC 'nfs-ha-nic0-${suffix}'`)]);
    expect(await messages(file, 'vtap-destination-type')).toEqual([expect.stringContaining(`the destination of TAP 'nfs-vtap-${suffix}', 'collector-nic/ipconfig1'`)]);
  });

  test('an IPv6 load balancer destination is named as a frontend IP configuration of that load balancer', async () => {
    expect(await messages('fixtures/vtap-no-ipv6/fail-lb-frontend-destination.bicep', 'vtap-no-ipv6')).toEqual([
      "frontend IP configuration 'v6' of the destination of TAP 'tap' (load balancer 'sec-ilb') uses IPv6; virtual network TAP does not support IPv6: mirror and send over IPv4 IP configurations only",
    ]);
  });

  test('an existing network named by a parameter without a value is named as its id shows it, not quoted as "an external virtual network"', async () => {
    expect(await messages('fixtures/vtap-source-vnet-encryption/indeterminate-existing-network-by-parameter.json', 'vtap-source-vnet-encryption')).toEqual([
      "source NIC 'contoso-sql-0-nic' is in virtual network '{parameters('existingVirtualNetworkName')}', which is outside the template, so vtaplint cannot check that its encryption is off; a VM in a virtual network with encryption enabled cannot be a TAP source: check that network",
    ]);
  });

  test('a source NIC that a registry module is given the name of is not said to belong to a VM that exists before the deployment: the module is named', async () => {
    const file = 'fixtures/vtap-source-vm-restart/indeterminate-nic-from-registry-module.bicep';
    const creator =
      "NIC 'app-vm-01-nic-01' is named in the parameters of module 'appVm', which deploys 'br/public:avm/res/compute/virtual-machine:0.10.1', a template vtaplint never fetches and which may create the NIC and its VM, so whether that VM exists before this deployment is not known";
    expect(await messages(file, 'vtap-source-vm-restart')).toEqual([
      `${creator}: a VM the module creates starts after TAP 'app-tap' (the module runs after it) and needs no restart; a VM that exists before this deployment must be stopped (deallocated) and started once after the TAP is deployed, or adding the TAP source fails with "the NIC is not on fastpath"`,
    ]);
    expect(await messages(file, 'vtap-source-downtime')).toEqual([`${creator}; if it does, adding the TAP configuration may interrupt its network for up to 60 seconds: deploy in a maintenance window`]);
    expect((await messages(file, 'vtap-source-vm-nic'))[0]).toContain("is an existing resource named in the parameters of module 'appVm', which deploys 'br/public:avm/res/compute/virtual-machine:0.10.1'");
  });

  test('a load balancer frontend named from a parameter without a value is that frontend, named as ids show it', async () => {
    expect(await messages('fixtures/vtap-collector-port-open/fail-tcp-rule-names-from-parameter.json', 'vtap-collector-port-open')).toEqual([
      "TAP '{parameters('elephantVMName')}-tap' sends to frontend '{parameters('elephantVMName')}lbfe' of load balancer '{parameters('elephantVMName')}lb', but no load-balancing rule on that frontend forwards UDP 4789; the mirrored traffic is dropped: add a rule for UDP 4789 (or an HA-ports rule, protocol All, port 0) to the collector pool",
    ]);
  });

  test('a TAP configuration sending to a declared resource names it, not its id', async () => {
    expect(await messages('fixtures/vtap-config-target/fail-not-a-tap.json', 'vtap-config-target')).toEqual([
      "'web-nic/to-collector' sends to 'collector-nic' (a Microsoft.Network/networkInterfaces), not a virtual network TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource",
    ]);
  });

  test('a destination outside the template is named with its type and where it is; the subscription check is not listed when both ids write it out', async () => {
    const [outside] = await messages('fixtures/vtap-destination-same-subscription/fail-other-subscription.json', 'vtap-destination-type');
    expect(outside).toBe(
      "the destination of TAP 'tap1', 'collector-nic/ipconfig1' (Microsoft.Network/networkInterfaces/ipConfigurations in subscription '33333333-3333-3333-3333-333333333333', resource group 'collectors'), is outside the template, so vtaplint cannot check that the IP configuration exists, the destination is in the TAP region and network (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it",
    );
    // The TAP's subscription is the deployment's (unknown): the subscription stays on the list.
    const [unknownSub] = await messages('fixtures/vtap-destination-type/indeterminate-external.json', 'vtap-destination-type');
    expect(unknownSub).toContain('the destination is in the TAP region, subscription and network');
    expect(unknownSub).not.toContain('{subscription()');
    // Both in the deployment's subscription by construction (subscription().subscriptionId): decided.
    const dir = workspace({
      'main.bicep': [
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'tap1'",
        "  location: 'eastus'",
        '  properties: {',
        "    destinationNetworkInterfaceIPConfiguration: { id: resourceId(subscription().subscriptionId, 'tools-rg', 'Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1') }",
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const [sameByConstruction] = await messages(path.join(dir, 'main.bicep'), 'vtap-destination-type');
    expect(sameByConstruction).toContain('the destination is in the TAP region and network (or a peered one in the same region)');
  });

  test('a load balancer frontend outside the template: what cannot be checked is the frontend, that it is internal, not an IP configuration', async () => {
    const dir = workspace({
      'main.bicep': [
        "param frontendId string = '/subscriptions/8d1c2f3e-1111-4222-8333-944455556666/resourceGroups/rg-hub/providers/Microsoft.Network/loadBalancers/collector-ilb/frontendIPConfigurations/vxlan'",
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'hub-tap'",
        "  location: 'eastus'",
        '  properties: {',
        '    destinationLoadBalancerFrontEndIPConfiguration: { id: frontendId }',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const { findings } = await findingsOf([dir]);
    expect(findings.filter((f) => f.ruleId === 'vtap-destination-type').map((f) => f.message)).toEqual([
      "the destination of TAP 'hub-tap', 'collector-ilb/vxlan' (Microsoft.Network/loadBalancers/frontendIPConfigurations in subscription '8d1c2f3e-1111-4222-8333-944455556666', resource group 'rg-hub'), is outside the template, so vtaplint cannot check that the frontend exists and is internal, the destination is in the TAP region, subscription and network (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it",
    ]);
  });

  test("a part's id made up from its resource uses Azure's child type: an Azure Firewall IP configuration is an azureFirewallIpConfigurations, a Bastion one a bastionHostIpConfigurations", async () => {
    const firewall = [
        "param location string = 'eastus'",
        '',
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
        "  name: 'hub-vnet'",
        '  location: location',
        '  properties: {',
        "    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }",
        '    subnets: [',
        "      { name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } }",
        '    ]',
        '  }',
        '}',
        '',
        "resource fwPip 'Microsoft.Network/publicIPAddresses@2024-05-01' = {",
        "  name: 'fw-pip'",
        '  location: location',
        "  sku: { name: 'Standard' }",
        "  properties: { publicIPAllocationMethod: 'Static' }",
        '}',
        '',
        "resource fw 'Microsoft.Network/azureFirewalls@2024-05-01' = {",
        "  name: 'hub-fw'",
        '  location: location',
        '  properties: {',
        '    ipConfigurations: [',
        '      {',
        "        name: 'fw-ipconfig'",
        '        properties: {',
        '          subnet: { id: vnet.properties.subnets[0].id }',
        '          publicIPAddress: { id: fwPip.id }',
        '        }',
        '      }',
        '    ]',
        '  }',
        '}',
        '',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'tap1'",
        '  location: location',
        '  properties: {',
        '    destinationNetworkInterfaceIPConfiguration: {',
        '      id: fw.properties.ipConfigurations[0].id',
        '    }',
        '  }',
        '}',
      ''].join('\n');
    const bastion = firewall
      .replace("Microsoft.Network/azureFirewalls@2024-05-01", "Microsoft.Network/bastionHosts@2024-05-01")
      .replace("'AzureFirewallSubnet'", "'AzureBastionSubnet'");
    const typeOf = async (text: string) => {
      const { findings } = await findingsOf([workspace({ 'main.bicep': text })]);
      return findings.filter((f) => f.ruleId === 'vtap-destination-type').map((f) => /a (Microsoft\.Network\/[\w/]+)/.exec(f.message)?.[1]);
    };
    expect(await typeOf(firewall)).toEqual(['Microsoft.Network/azureFirewalls/azureFirewallIpConfigurations']);
    expect(await typeOf(bastion)).toEqual(['Microsoft.Network/bastionHosts/bastionHostIpConfigurations']);
  });

  test('a source NIC behind a load balancer: the related location says whether it is in a backend pool or an inbound NAT rule, and of which load balancer', async () => {
    const related = async (file: string, ruleId: string) =>
      (await findingsOf([`fixtures/${file}`])).findings.filter((f) => f.ruleId === ruleId).map((f) => f.related[0]?.message);
    expect(await related('vtap-source-basic-lb/fail-basic.bicep', 'vtap-source-basic-lb')).toEqual(["NIC 'web-nic' is in backend pool 'web-pool' of load balancer 'web-lb' here"]);
    expect(await related('vtap-source-floating-ip/fail-floating-ip.bicep', 'vtap-source-floating-ip')).toEqual(["NIC 'web-nic' is in backend pool 'web-pool' of load balancer 'web-lb' here"]);
    expect(await related('vtap-source-floating-ip/fail-nat-rule-on-existing-lb.bicep', 'vtap-source-floating-ip')).toEqual(["NIC 'web-nic' is in inbound NAT rule 'web-ssh' of load balancer 'web-lb' here"]);
    expect(await related('vtap-private-link-inbound/fail-pls-to-source.bicep', 'vtap-private-link-inbound')).toEqual(["NIC 'web-nic' is in backend pool 'web-pool' of load balancer 'web-lb' here"]);
    // An IP-based pool lists the NIC's address: the entry is the pool's, not the NIC's.
    expect(await related('vtap-source-floating-ip/fail-ip-based-pool.json', 'vtap-source-floating-ip')).toEqual(["backend pool 'web-pool' of load balancer 'web-lb' lists the IP address of NIC 'web-nic' here"]);
  });

  test('an inline tapConfigurations entry (API before 2019-09-01) is named as the entry, not as its NIC', async () => {
    const fixture = JSON.parse(readFileSync(path.join(REPO, 'fixtures/vtap-peering-before-tap/fail-config-not-after-peering.json'), 'utf8')) as { resources: Record<string, unknown>[] };
    // The same deployment with the TAP configuration inline in the NIC, as the 2019-07-01 API allowed.
    const child = fixture.resources.find((r) => String(r.type).endsWith('/tapConfigurations')) as { properties: unknown };
    fixture.resources = fixture.resources.filter((r) => r !== child);
    const nic = fixture.resources.find((r) => r.name === 'web-nic') as { apiVersion: string; dependsOn: string[]; properties: Record<string, unknown> };
    nic.apiVersion = '2019-07-01';
    nic.dependsOn.push("[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]");
    nic.properties.tapConfigurations = [{ name: 'to-collector', properties: child.properties }];
    const { findings } = await findingsOf([workspace({ 'inline.json': JSON.stringify(fixture, null, 2) })]);
    expect(findings.filter((f) => f.ruleId === 'vtap-peering-before-tap').map((f) => f.message)).toEqual([
      "'web-nic/to-collector' attaches NIC 'web-nic' to TAP 'tap1' without waiting for the peerings in both directions ('vtap-vnet/to-collector-vnet' from 'vtap-vnet' and 'collector-vnet/to-vtap-vnet' from 'collector-vnet'); the peerings must be in place first: add them to dependsOn",
    ]);
    // The entry sending to a NIC, not a TAP: vtap-config-target names the entry too.
    nic.properties.tapConfigurations = [{ name: 'to-collector', properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/networkInterfaces', 'collector-nic')]" } } }];
    const wrong = await findingsOf([workspace({ 'inline.json': JSON.stringify(fixture, null, 2) })]);
    expect(wrong.findings.filter((f) => f.ruleId === 'vtap-config-target').map((f) => f.message)).toEqual([
      "'web-nic/to-collector' sends to 'collector-nic' (a Microsoft.Network/networkInterfaces), not a virtual network TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource",
    ]);
  });

  test("a NIC's TAP configurations are counted in deployment order: the entry in the NIC's body before a tapConfigurations resource, wherever the file declares it", async () => {
    const fixture = JSON.parse(readFileSync(path.join(REPO, 'fixtures/vtap-one-config-per-nic/fail-two-declarations.json'), 'utf8')) as { resources: Record<string, unknown>[] };
    // The tapConfigurations resource written first in the file: it is still created after its NIC.
    const child = fixture.resources.pop() as Record<string, unknown>;
    fixture.resources.unshift(child);
    const { findings } = await findingsOf([workspace({ 'child-first.json': JSON.stringify(fixture, null, 2) })]);
    expect(findings.filter((f) => f.ruleId === 'vtap-one-config-per-nic').map((f) => f.message)).toEqual([
      "NIC 'web-nic' gets 2 TAP configurations, this tapConfigurations resource is the 2nd; a network interface can have only one: keep one of them (both send to TAP 'tap1'): remove this tapConfigurations resource",
    ]);
  });

  test('a TAP whose two destination properties are both null: the error at the first, the other related', async () => {
    const tap = [
      "param collectorNicId string = ''",
      "param collectorFrontendId string = ''",
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      "  name: 'tap1'",
      "  location: 'eastus'",
      '  properties: {',
      "    destinationLoadBalancerFrontEndIPConfiguration: collectorFrontendId != '' ? { id: collectorFrontendId } : null",
      "    destinationNetworkInterfaceIPConfiguration: collectorNicId != '' ? { id: collectorNicId } : null",
      '  }',
      '}',
      '',
    ].join('\n');
    const { findings } = await findingsOf([workspace({ 'tap.bicep': tap })]);
    const [f] = findings.filter((x) => x.ruleId === 'vtap-destination-type');
    expect(f?.message).toBe(
      "TAP 'tap1' has no destination (destinationLoadBalancerFrontEndIPConfiguration and destinationNetworkInterfaceIPConfiguration are null here); set properties.destinationNetworkInterfaceIPConfiguration (a collector NIC's IP configuration) or properties.destinationLoadBalancerFrontEndIPConfiguration (an internal load balancer frontend)",
    );
    expect([f?.line, f?.column]).toEqual([7, 53]);
    // The other null, and the parameter default that made the first one null.
    expect(f?.related.map((r) => [r.line, r.message])).toEqual([
      [8, 'destinationNetworkInterfaceIPConfiguration, null too'],
      [2, "the value of parameter 'collectorFrontendId' is its default, written here"],
    ]);
  });

  test('three TAP configurations on one NIC: "both" is not said of them', async () => {
    const fixture = JSON.parse(readFileSync(path.join(REPO, 'fixtures/vtap-one-config-per-nic/fail-two-declarations.json'), 'utf8')) as { resources: Record<string, unknown>[] };
    // A second tapConfigurations resource on the same NIC, to the same TAP: three in all.
    const child = fixture.resources[fixture.resources.length - 1] as Record<string, unknown>;
    fixture.resources.push({ ...child, name: "[format('{0}/{1}', 'web-nic', 'to-collector-2')]" });
    const { findings } = await findingsOf([workspace({ 'three.json': JSON.stringify(fixture, null, 2) })]);
    expect(findings.filter((f) => f.ruleId === 'vtap-one-config-per-nic').map((f) => f.message)).toEqual([
      "NIC 'web-nic' gets 3 TAP configurations, this tapConfigurations resource is the 2nd; a network interface can have only one: keep one of them (this one and the first send to TAP 'tap1'): remove this tapConfigurations resource",
      "NIC 'web-nic' gets 3 TAP configurations, this tapConfigurations resource is the 3rd; a network interface can have only one: keep one of them (this one and the first send to TAP 'tap1'): remove this tapConfigurations resource",
    ]);
  });

  test("another NIC of a source's VM behind a Basic load balancer or a Floating IP rule: a note naming that NIC and load balancer, saying the doc speaks of the VM", async () => {
    expect(await messages('fixtures/vtap-source-basic-lb/indeterminate-other-nic-basic.json', 'vtap-source-basic-lb')).toEqual([
      "NIC 'mgmt-nic' of VM 'web-vm', whose NIC 'web-nic' is a TAP source, is behind load balancer 'mgmt-lb', which is Basic; the Azure doc says a VM behind a Basic load balancer cannot be a mirroring source, and it speaks of the VM, not of one NIC: if that holds for any NIC of the VM, 'web-nic' cannot be mirrored; use a Standard load balancer for 'mgmt-nic' to be sure",
    ]);
    expect(await messages('fixtures/vtap-source-floating-ip/indeterminate-other-nic-floating-ip.json', 'vtap-source-floating-ip')).toEqual([
      "rule 'http' of load balancer 'mgmt-lb' has Floating IP enabled and sends to NIC 'mgmt-nic' of VM 'web-vm', whose NIC 'web-nic' is a TAP source; the Azure doc says a VM behind a Floating IP rule cannot be a mirroring source, and it speaks of the VM, not of one NIC: if that holds for any NIC of the VM, 'web-nic' cannot be mirrored; set enableFloatingIP to false to be sure",
    ]);
  });

  test('a destination read with reference() from a resource the template does not deploy is named as outside the template, not as state of a resource it deploys', async () => {
    const [outside] = await messages('fixtures/vtap-destination-type/indeterminate-reference-outside.json', 'vtap-destination-type');
    expect(outside).toBe(
      "the destination of TAP 'tap1' is a property of 'collector-nic' (Microsoft.Network/networkInterfaces in resource group 'hub-network-rg'), a resource this template does not deploy, so vtaplint cannot check that the IP configuration exists, the destination is in the TAP region, subscription and network (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it",
    );
    expect(outside).not.toContain('read from a deployed resource');
  });

  test("a destination on an existing NIC reads the same whether its id is the NIC's property or built from the NIC's id", async () => {
    const file = 'fixtures/vtap-destination-type/indeterminate-existing-nic-property.bicep';
    const expected =
      // The NIC is in the deployment's subscription as the TAP is (no scope): that is decided.
      "the destination of TAP 'web-tap' is on 'collector-nic', an existing resource whose properties are not in the template, so vtaplint cannot check that the IP configuration exists, the destination is in the TAP region and network (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it";
    expect(await messages(file, 'vtap-destination-type')).toEqual([expected]);
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    const text = readFileSync(path.join(REPO, file), 'utf8');
    expect(text).toContain('id: collectorNic.properties.ipConfigurations[0].id');
    writeFileSync(path.join(dir, 'main.bicep'), text.replace('id: collectorNic.properties.ipConfigurations[0].id', "id: '${collectorNic.id}/ipConfigurations/ipconfig1'"));
    const { findings } = await findingsOf(['main.bicep'], dir);
    expect(findings.filter((f) => f.ruleId === 'vtap-destination-type').map((f) => f.message)).toEqual([expected]);
  });

  test('a source NIC made elsewhere but attached to a VM the template creates: the VM is named, and its checks are not listed as impossible', async () => {
    const [outside] = await messages('fixtures/vtap-source-vm-restart/fail-vm-with-nic-by-id.json', 'vtap-source-vm-nic');
    expect(outside).toBe(
      "NIC 'web-nic' (a TAP source, attached to VM 'web-vm') is outside the template, so vtaplint cannot check that it is in the TAP region and in the destination network (or a peered one), it is not behind a Basic load balancer, a Floating IP rule or a Private Link service, its network is not encrypted, it does not use IPv6, and it has no TAP configuration besides those in this template",
    );
    expect(await messages('fixtures/vtap-source-vm-restart/fail-vm-with-nic-by-id.json', 'vtap-source-vm-restart')).toEqual([
      "VM 'web-vm' (source NIC 'web-nic') does not depend on TAP 'web-tap', so it may start before the TAP exists; make the VM depend on the TAP, or stop (deallocate) and start it once after the TAP is deployed, or adding the source fails with \"the NIC is not on fastpath\"",
    ]);
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

  test('networkInterfaceTapConfigurations (an exported TAP): read-only, and when what it lists is not declared, that it mirrors nothing', async () => {
    // The portal's export of a TAP lists its configurations there; the configurations themselves
    // are children of the NICs, which an export of the TAP's resource group may leave out.
    const [, , listed] = await messages('fixtures/vtap-api-version/fail-portal-export-tap-list.json', 'vtap-api-version');
    expect(listed).toBe(
      "'vtap-eus' sets networkInterfaceTapConfigurations, which is read-only for Microsoft.Network/virtualNetworkTaps (API 2024-05-01): Azure sets it; remove it. Listing a TAP configuration there does not create it, and 'web-vm01-nic/tapcfg-web' is not declared in the template, so nothing is mirrored: declare each as a Microsoft.Network/networkInterfaces/tapConfigurations resource",
    );
    // Listed and declared (fail-read-only-property.json): only that it is read-only.
    const [declared] = await messages('fixtures/vtap-api-version/fail-read-only-property.json', 'vtap-api-version');
    expect(declared).toBe("'tap1' sets networkInterfaceTapConfigurations, which is read-only for Microsoft.Network/virtualNetworkTaps (API 2024-05-01): Azure sets it; remove it");
  });

  test('a NIC the template only names (the parent of its tapConfigurations resource) is in the deployment\'s subscription, not deployed to it', async () => {
    expect(await messages('fixtures/vtap-cross-subscription/review-spoke-attaches-outside-nic.json', 'vtap-cross-subscription')).toEqual(
      ['nic-app-01', 'nic-app-02'].map(
        (nic) =>
          `source NIC '${nic}' is in the deployment's subscription (only known at deployment) and TAP 'vtap-hub' is in subscription '11111111-1111-1111-1111-111111111111'; if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json`,
      ),
    );
  });

  test('a source NIC a module deploys to another subscription is deployed there, not only referenced there; a destination given by id is referenced', async () => {
    expect(await messages('fixtures/vtap-cross-subscription/review-module-nic-elsewhere.bicep', 'vtap-cross-subscription')).toEqual([
      "source NIC 'spoke-nic' is deployed to subscription '44444444-4444-4444-4444-444444444444' and TAP 'hub-tap' is deployed to the deployment's subscription (only known at deployment); if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json",
    ]);
    const dir = workspace({
      'main.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { collectorIpConfigurationId: { type: 'string', defaultValue: '/subscriptions/55555555-5555-5555-5555-555555555555/resourceGroups/rg-collector/providers/Microsoft.Network/networkInterfaces/collector-nic/ipConfigurations/ipconfig1' } },
        resources: [
          { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'ops-tap', location: 'eastus', properties: { destinationNetworkInterfaceIPConfiguration: { id: "[parameters('collectorIpConfigurationId')]" } } },
        ],
      }),
    });
    const { findings } = await findingsOf([dir]);
    expect(findings.filter((f) => f.ruleId === 'vtap-cross-subscription').map((f) => f.message)).toEqual([
      expect.stringMatching(/^the destination of TAP 'ops-tap' \('collector-nic\/ipconfig1'\) is referenced in subscription '55555555-5555-5555-5555-555555555555' and TAP 'ops-tap' is deployed to the deployment's subscription/),
    ]);
  });

  test('collectors shipped as a scale set behind the destination load balancer: an NSG on its NIC configuration that denies VXLAN is named with the scale set', async () => {
    expect(await messages('fixtures/vtap-collector-port-open/fail-lb-scale-set-collectors-nsg.bicep', 'vtap-collector-port-open')).toEqual([
      "rule 'deny-vnet' of network security group 'brokers-nsg' denies inbound UDP 4789 to the instances of scale set 'brokers' (the collectors) in pool 'brokers' of load balancer 'brokers-ilb', the destination of TAP 'visibility-tap'; the mirrored VXLAN traffic is dropped: allow inbound UDP 4789 from the virtual network at a higher priority (lower number)",
    ]);
  });

  test('global peering: the advice moves the collector to the sources, or, when the TAP is with its collector, the sources to them', async () => {
    // The TAP is with its sources (East US), the collector in West US: move the collector.
    expect(await messages('fixtures/vtap-peering-same-region/fail-global-peering.bicep', 'vtap-peering-same-region')).toEqual([
      expect.stringMatching(/a TAP cannot send over global peering: put the collector in a network in 'eastus'$/),
    ]);
    // The TAP is with its collector in the hub (East US), the spoke in East US 2: putting the
    // collector in East US 2 would leave it in another region than its TAP.
    expect(await messages('fixtures/vtap-peering-same-region/fail-global-peering-spoke-elsewhere.bicep', 'vtap-peering-same-region')).toEqual([
      "the destination network 'vnet-hub' is in 'eastus' but the source network 'vnet-spoke-eus2' is in 'eastus2'; a TAP cannot send over global peering: mirror VMs in 'eastus', the region of TAP 'vtap-hub' and its collector, or deploy a TAP and a collector in 'eastus2' for the VMs there",
    ]);
  });

  test('networks not peered in two regions: the advice does not say to peer them (global peering cannot carry mirrored traffic), and in one region it still does', async () => {
    const found = await messages('fixtures/vtap-destination-network/fail-stamp-other-region-not-peered.bicep', 'vtap-destination-network');
    const uk = found.filter((m) => m.includes("source NIC 'vm-uks-"));
    const us = found.filter((m) => m.includes("source NIC 'vm-eus-"));
    expect(uk).toHaveLength(2);
    expect(us).toHaveLength(2);
    for (const m of uk) {
      expect(m).not.toContain('peer the two networks');
      expect(m).toMatch(
        /'vnet-uks' is in 'uksouth' and 'collector-vnet' in 'eastus', and a TAP cannot send over global peering: deploy a TAP and a collector in 'uksouth' for the VMs there, or mirror VMs in 'eastus', the region of TAP 'central-tap' and its collector$/,
      );
    }
    for (const m of us) expect(m).toMatch(/; put the collector in 'vnet-eus' or peer the two networks in both directions$/);
  });

  test('two Virtual WAN spokes connected to one hub: the message says the hub connections do not peer them', async () => {
    expect(await messages('fixtures/vtap-destination-network/fail-virtual-wan-spokes.bicep', 'vtap-destination-network')).toEqual([
      "the destination of TAP 'wcus-tap' is in 'collector-vnet' but source NIC 'app-nic' is in 'workload-vnet', and no peering connects them from 'workload-vnet' to 'collector-vnet' and from 'collector-vnet' to 'workload-vnet' (both are connected to virtual hub 'wcus-hub', but a hub connection peers a network with the hub, not with the other networks connected to it); put the collector in 'workload-vnet' or peer the two networks in both directions",
    ]);
  });

  test('a VM that exists mirrored to a TAP that exists (a spoke attaching its VMs to the hub\'s TAP): the restart is due before this deployment', async () => {
    expect(await messages('fixtures/vtap-cross-subscription/review-spoke-attaches-outside-nic.json', 'vtap-source-vm-restart')).toEqual(
      ['nic-app-01', 'nic-app-02'].map(
        (nic) =>
          `the VM of NIC '${nic}' exists before this deployment, and so does TAP 'vtap-hub': unless that VM was stopped (deallocated) and started since the TAP was created, do so before this deployment, or adding the TAP source fails with "the NIC is not on fastpath"`,
      ),
    );
    // A TAP this deployment creates, and the source it adds in the same go: the restart comes
    // after the TAP and before the source, which one deployment cannot do.
    const [afterTap] = await messages('fixtures/vtap-source-vm-nic/indeterminate-existing-nic.bicep', 'vtap-source-vm-restart');
    expect(afterTap).toMatch(/exists before this deployment, which creates TAP '[^']+' and adds the source in one go: unless that VM has been stopped \(deallocated\) and started once since a virtual network TAP existed, adding the source fails with "the NIC is not on fastpath", and one deployment leaves no moment to do it: deploy the TAP first, stop and start the VM, then add the source \(a second deployment\)$/);
  });

  test('each extra TAP configuration of a NIC says how it is declared and which one it is; two to one TAP say to keep one, two to different TAPs to mirror to one', async () => {
    expect(await messages('fixtures/vtap-one-config-per-nic/fail-two-declarations.json', 'vtap-one-config-per-nic')).toEqual([
      "NIC 'web-nic' gets 2 TAP configurations, this tapConfigurations resource is the 2nd; a network interface can have only one: keep one of them (both send to TAP 'tap1'): remove this tapConfigurations resource",
    ]);
    expect(await messages('fixtures/vtap-one-config-per-nic/fail-two-ip-configurations.bicep', 'vtap-one-config-per-nic')).toEqual([
      "NIC 'web-nic' gets 2 TAP configurations, this IP configuration virtualNetworkTaps entry is the 2nd; a network interface can have only one: keep one of them (both send to TAP 'tap1'): remove this IP configuration virtualNetworkTaps entry",
    ]);
    expect(await messages('fixtures/vtap-one-config-per-nic/fail-two-taps.bicep', 'vtap-one-config-per-nic')).toEqual([
      "NIC 'web-nic' gets 2 TAP configurations, this tapConfigurations resource is the 2nd; a network interface can have only one: keep one TAP configuration and mirror to one TAP",
    ]);
  });

  test('a v6 finding points at the NIC where it is declared and at the TAP configuration that makes it a source, each labelled for what it is', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-source-vm-size-v6/fail-v6.bicep']);
    const v6 = findings.find((f) => f.ruleId === 'vtap-source-vm-size-v6');
    expect(v6?.related.map((r) => [r.line, r.column, r.message])).toEqual([
      [48, 9, "network interface 'web-nic'"],
      [123, 11, "the TAP source: tap configuration 'web-nic/to-collector'"],
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

  test('a read-only resource type is an error at its type that says where its content goes; it is not read as part of its parent', async () => {
    const { findings } = await findingsOf(['fixtures/invalid-template/fail-read-only-lb-rule.json']);
    expect(findings.filter((f) => f.ruleId === 'invalid-template').map((f) => f.message)).toEqual([
      "The resource type 'Microsoft.Network/loadBalancers/loadBalancingRules' is read-only: Azure cannot create it, so the deployment fails at 'web-lb/http'. Declare it as an entry of the load balancer's properties.loadBalancingRules.",
    ]);
    expect(findings.filter((f) => f.ruleId === 'vtap-source-floating-ip')).toEqual([]);
    const old = await messages('fixtures/invalid-template/fail-read-only-child-types.bicep', 'invalid-template');
    expect(old[0]).toBe(
      "The resource type 'Microsoft.Network/loadBalancers/backendAddressPools' is read-only before API version 2020-04-01 (this declaration uses 2019-09-01): Azure cannot create it, so the deployment fails at 'app-lb/old-pool'. Use API version 2020-04-01 or later, or declare it as an entry of the load balancer's properties.backendAddressPools.",
    );
  });

  describe('a missing dependency between resources in different modules names the modules, in the template that declares both', () => {
    const HUB_SPOKE = 'fixtures/vtap-peering-before-tap/hub-spoke';

    test('Bicep: the peering module to add to the dependsOn of the module that holds the TAP configuration, with a related location at that module', async () => {
      const { findings } = await findingsOf([`${HUB_SPOKE}/fail-workloads-not-after-peerings.bicep`]);
      const peering = findings.filter((f) => f.ruleId === 'vtap-peering-before-tap');
      // Neither direction waited for: one finding, naming both peerings and the one module to wait for.
      expect(peering.map((f) => f.message)).toEqual([
        "'web-nic/to-hub' attaches NIC 'web-nic' to TAP 'hub-tap' without waiting for the peerings in both directions ('web-vnet/to-hub-vnet' from 'web-vnet' and 'hub-vnet/to-web-vnet' from 'hub-vnet'); the peerings must be in place first: in fail-workloads-not-after-peerings.bicep, add 'peerings' to the dependsOn of module 'workloads' (the peerings are deployed by module 'peerings[0]' and the TAP configuration by module 'workloads[0]', and dependsOn names only resources and modules of its own file)",
      ]);
      // The finding stays on the tap configuration; the place of the fix is a related location.
      expect(peering.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([`${HUB_SPOKE}/modules/workload.bicep:36:30`]);
      expect(peering[0]?.related.filter((r) => r.message.startsWith('add ')).map((r) => [r.file, r.line, r.column, r.message])).toEqual([
        [`${HUB_SPOKE}/fail-workloads-not-after-peerings.bicep`, 38, 9, "add 'peerings' to the dependsOn of module 'workloads'"],
      ]);
    });

    test('ARM JSON nested deployments: the deployment, as a resourceId(), to add to the dependsOn of the deployment that holds the TAP configuration', async () => {
      expect(await messages('fixtures/vtap-peering-before-tap/nested-deployments/fail-workload-not-after-peerings.json', 'vtap-peering-before-tap')).toEqual([
        "'web-nic/to-hub' attaches NIC 'web-nic' to TAP 'hub-tap' without waiting for the peerings in both directions ('web-vnet/to-hub-vnet' from 'web-vnet' and 'hub-vnet/to-web-vnet' from 'hub-vnet'); the peerings must be in place first: in fail-workload-not-after-peerings.json, add \"[resourceId('Microsoft.Resources/deployments', 'peerings')]\" to the dependsOn of deployment 'workload' (the peerings are deployed by deployment 'peerings' and the TAP configuration by deployment 'workload', and dependsOn names only resources and deployments of its own template)",
      ]);
    });

    test('each direction in a module of its own: one finding, both modules to add to one dependsOn, and one related location there', async () => {
      const { findings } = await findingsOf([`${HUB_SPOKE}/fail-peering-modules-apart.bicep`]);
      const peering = findings.filter((f) => f.ruleId === 'vtap-peering-before-tap');
      expect(peering.map((f) => f.message)).toEqual([
        "'web-nic/to-hub' attaches NIC 'web-nic' to TAP 'hub-tap' without waiting for the peerings in both directions ('web-vnet/to-hub-vnet' from 'web-vnet' and 'hub-vnet/to-web-vnet' from 'hub-vnet'); the peerings must be in place first: in fail-peering-modules-apart.bicep, add 'spokeToHub' and 'hubToSpoke' to the dependsOn of module 'workload' (the peerings are deployed by module 'spokeToHub' and module 'hubToSpoke', and the TAP configuration by module 'workload', and dependsOn names only resources and modules of its own file)",
      ]);
      expect(peering[0]?.related.filter((r) => r.message.startsWith('add ')).map((r) => [r.file, r.line, r.column, r.message])).toEqual([
        [`${HUB_SPOKE}/fail-peering-modules-apart.bicep`, 38, 9, "add 'spokeToHub' and 'hubToSpoke' to the dependsOn of module 'workload'"],
      ]);
      expect(peering[0]?.related.filter((r) => r.message.startsWith('the peering from')).map((r) => r.message)).toEqual(["the peering from 'web-vnet'", "the peering from 'hub-vnet'"]);
    });

    test('one peering in the file of the TAP configuration, the other in a module of it: one dependsOn with both entries', async () => {
      expect(await messages('fixtures/vtap-peering-before-tap/fail-one-peering-in-module.bicep', 'vtap-peering-before-tap')).toEqual([
        "'web-nic/to-collector' attaches NIC 'web-nic' to TAP 'tap1' without waiting for the peerings in both directions ('vtap-vnet/to-collector-vnet' from 'vtap-vnet' and 'collector-vnet/to-vtap-vnet' from 'collector-vnet'); the peerings must be in place first: in fail-one-peering-in-module.bicep, add 'toCollector' and 'toSource' to the dependsOn of 'tapConfig' (module 'toSource' deploys one of the peerings, and dependsOn names only resources and modules of its own file)",
      ]);
    });

    test('a peering in the parent itself: the module holding the TAP configuration depends on it', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
      const text = readFileSync(path.join(REPO, 'fixtures/vtap-peering-before-tap/fail-config-not-after-peering.bicep'), 'utf8');
      // The same template with its tap configuration moved into a module that is given the NIC's name and the TAP's id.
      const start = text.indexOf("resource tapConfig 'Microsoft.Network/networkInterfaces/tapConfigurations");
      const end = text.indexOf('\n}\n', start) + 3;
      expect(start).toBeGreaterThan(0);
      const config = text.slice(start, end);
      expect(config).toContain('parent: webNic');
      expect(config).toContain('id: tap.id');
      writeFileSync(
        path.join(dir, 'main.bicep'),
        text.slice(0, start) + "module mirror 'mirror.bicep' = {\n  name: 'mirror'\n  params: {\n    nicName: webNic.name\n    tapId: tap.id\n  }\n}\n" + text.slice(end),
      );
      writeFileSync(
        path.join(dir, 'mirror.bicep'),
        "param nicName string\nparam tapId string\n\nresource nic 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {\n  name: nicName\n}\n\n" +
          config.replace('parent: webNic', 'parent: nic').replace('id: tap.id', 'id: tapId'),
      );
      const { findings } = await findingsOf(['main.bicep'], dir);
      const advice = findings.filter((f) => f.ruleId === 'vtap-peering-before-tap').map((f) => f.message.slice(f.message.indexOf('in place first: ')));
      expect(advice).toEqual([
        "in place first: in main.bicep, add 'toCollector' and 'toSource' to the dependsOn of module 'mirror' (the TAP configuration is deployed by module 'mirror', and dependsOn names only resources and modules of its own file)",
      ]);
    });

    test('vtap-source-vm-restart: the module of the TAP to add to the dependsOn of the module of the VM', async () => {
      const restart = await messages('fixtures/module-order/unordered.bicep', 'vtap-source-vm-restart');
      expect(restart).toHaveLength(2);
      for (const [i, m] of restart.entries()) {
        expect(m).toContain(
          `in unordered.bicep, add 'vtap' to the dependsOn of module 'source' (the TAP is deployed by module 'vtap' and the VM by module 'source[${i}]', and dependsOn names only resources and modules of its own file), or stop (deallocate) and start it once`,
        );
      }
    });

    test('vtap-config-target: the module of the TAP to add to the dependsOn of the module of the TAP configuration', async () => {
      const target = await messages('fixtures/module-order/unordered.bicep', 'vtap-config-target');
      expect(target).toEqual(
        [0, 1].map(
          (i) =>
            `'source${i}-nic/tapcfg' refers to TAP 'vtap' but does not depend on it, so ARM may create it before the TAP exists and the deployment fails: in unordered.bicep, add 'vtap' to the dependsOn of module 'source' (the TAP is deployed by module 'vtap' and the TAP configuration by module 'source[${i}]', and dependsOn names only resources and modules of its own file)`,
        ),
      );
    });

    test('in one template the advice stays "add it to dependsOn" ("them" for both peerings)', async () => {
      const both = await messages('fixtures/vtap-peering-before-tap/fail-config-not-after-peering.bicep', 'vtap-peering-before-tap');
      expect(both).toHaveLength(1);
      for (const m of both) expect(m).toMatch(/must be in place first: add them to dependsOn$/);
      const one = await messages('fixtures/vtap-peering-before-tap/fail-config-after-one-peering.json', 'vtap-peering-before-tap');
      expect(one).toEqual([
        "'web-nic/to-collector' attaches NIC 'web-nic' to TAP 'tap1' without waiting for the peering from 'collector-vnet' ('collector-vnet/to-vtap-vnet'); the peering must be in place first: add it to dependsOn",
      ]);
    });
  });

  test('an unknown TAP region asks for deployment.location only when that would give it: not for a module deployed to another resource group', async () => {
    const tap = [
      'param location string = resourceGroup().location',
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
      "  name: 'tap1'",
      '  location: location',
      "  properties: { destinationNetworkInterfaceIPConfiguration: { id: resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1') } }",
      '}',
      '',
    ].join('\n');
    const main = ["module other 'tap.bicep' = {", "  name: 'other'", "  scope: resourceGroup('monitoring-rg')", '}', "module here 'tap.bicep' = {", "  name: 'here'", '}', ''].join('\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    writeFileSync(path.join(dir, 'tap.bicep'), tap);
    writeFileSync(path.join(dir, 'main.bicep'), main);
    const region = async () => (await findingsOf(['main.bicep'], dir)).findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => f.message).sort();
    const [here, other] = await region();
    expect(here).toContain("TAP 'here.tap1'");
    // "the parameter" only as a maybe: the location may come from resourceGroup() with no parameter on the way.
    expect(here).toContain('(set "deployment.location" in vtaplint.config.json to check it; where a parameter takes the location, passing it works too)');
    expect(other).toContain("TAP 'other.tap1'");
    expect(other).toContain(`(it is the location of resourceGroup('monitoring-rg'), another resource group than the deployment's, which "deployment.location" in vtaplint.config.json does not describe: pass the location as a parameter to check it)`);
    // With deployment.location set, the TAP in the deployment's resource group is decided; the other is not.
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ deployment: { location: 'eastus' } }));
    const decided = await region();
    expect(decided).toHaveLength(1);
    expect(decided[0]).toContain("TAP 'other.tap1'");
    expect(decided[0]).toContain('pass the location as a parameter');
  });

  test('an unknown TAP region read from an existing resource, or a parameter without a value, is not one deployment.location gives', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    const tap = (location: string) =>
      `${location.startsWith('hubVnet') ? "resource hubVnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'hub-vnet'\n}\n" : 'param location string\n'}resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap1'\n  location: ${location}\n  properties: {}\n}\n`;
    writeFileSync(path.join(dir, 'existing.bicep'), tap('hubVnet.location'));
    writeFileSync(path.join(dir, 'param.bicep'), tap('location'));
    const region = async (file: string) => (await findingsOf([file], dir)).findings.find((f) => f.ruleId === 'vtap-supported-region')?.message ?? '';
    expect(await region('existing.bicep')).toMatch(/\(write the region, or pass it as a parameter, to check it\)$/);
    expect(await region('param.bicep')).toMatch(/\(pass the parameter \(a parameters file, or -p\) to check it\)$/);
  });

  test('an NSG rule whose source is only known at deployment: the indeterminate finding names the property and the parameter, and points at where the value comes from', async () => {
    const file = 'fixtures/vtap-collector-port-open/indeterminate-source-prefix-parameter.bicep';
    const { findings } = await findingsOf([file]);
    const found = findings.filter((f) => f.ruleId === 'vtap-collector-port-open');
    expect(found.map((f) => f.message)).toEqual([
      "cannot tell whether rule 'deny-vxlan-blocked-source' of network security group 'shared-nsg' blocks inbound UDP 4789 to the destination of TAP 'tap' ('col-nic'): its sourceAddressPrefix is unknown: the parameter 'blockedSource' has no value (no default, parameters file or -p value)",
    ]);
    expect(found[0]?.related?.some((r) => r.message === 'the value comes from here')).toBe(true);
  });

  test('one NSG rule that blocks two collector NICs of a load balancer pool is one finding naming both, not one per NIC at the same place', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-collector-port-open/fail-lb-two-collectors-subnet-nsg.bicep']);
    const found = findings.filter((f) => f.ruleId === 'vtap-collector-port-open');
    expect(found.map((f) => f.message)).toEqual([
      "rule 'deny-udp-inbound' of network security group 'nsg-collectors' denies inbound UDP 4789 to collector NICs 'nic-collector-01' and 'nic-collector-02' in pool 'pool-collectors' of load balancer 'lb-collectors', the destination of TAP 'tap-web'; the mirrored VXLAN traffic is dropped: allow inbound UDP 4789 from the virtual network at a higher priority (lower number)",
    ]);
    expect(found[0]?.related.map((r) => r.message)).toEqual(["the destination of TAP 'tap-web'", "'nsg-collectors' applies to the subnet of collector NICs 'nic-collector-01' and 'nic-collector-02' here"]);
  });

  test('an existing NIC looked up in a module loop is named by its name, which is known, not by the loop instance that looked it up', async () => {
    const file = 'fixtures/vtap-one-config-per-nic/fail-existing-nic-in-two-module-loops.bicep';
    expect(await messages(file, 'vtap-one-config-per-nic')).toEqual([
      "NIC 'nic-web-02' gets 2 TAP configurations, this tapConfigurations resource is the 2nd; a network interface can have only one: keep one TAP configuration and mirror to one TAP",
    ]);
    expect((await messages(file, 'vtap-source-vm-nic')).map((m) => /^NIC '([^']*)'/.exec(m)?.[1]).sort()).toEqual(['nic-ops-01', 'nic-web-01', 'nic-web-02']);
  });

  test('the finding about an existing NIC named in two module loops points at where each loop gave its name', async () => {
    const file = 'fixtures/vtap-one-config-per-nic/fail-existing-nic-in-two-module-loops.bicep';
    const { findings } = await findingsOf([file]);
    const [two] = findings.filter((f) => f.ruleId === 'vtap-one-config-per-nic');
    // `nicName: c.nic` in opsTaps (line 44) and in webTaps (line 36): the two lists that name 'nic-web-02'.
    expect(two?.related.filter((r) => r.message === "the name 'nic-web-02' is given here").map((r) => [r.file, r.line])).toEqual([
      [file, 44],
      [file, 36],
    ]);
  });

  test('a load balancer or collector NIC a registry module deploys is said to be deployed by that module (named as a module), never fetched, not to be outside the template', async () => {
    const file = 'fixtures/vtap-source-basic-lb/indeterminate-lb-from-registry-module.bicep';
    const [lb] = await messages(file, 'vtap-source-basic-lb');
    const [destination] = await messages(file, 'vtap-destination-type');
    const [network] = await messages(file, 'vtap-source-vnet-encryption');
    expect(lb).toContain("behind load balancer 'lb-web', which module 'webLb' deploys from 'br/public:avm/res/network/load-balancer:0.4.0', a template vtaplint never fetches, so its properties are unknown: vtaplint cannot check that it is not a Basic load balancer");
    expect(destination).toContain("is on 'nic-collector', which module 'collectorNic' deploys from 'br/public:avm/res/network/network-interface:0.4.0', a template vtaplint never fetches, so its properties are unknown: vtaplint cannot check that the IP configuration exists");
    expect(network).toContain("deployment 'network', whose template is linked from 'br/public:avm/res/network/virtual-network:0.5.1' and never fetched");
    expect(`${lb}${destination}${network}`).not.toContain('outside the template');
    expect(await messages('fixtures/vtap-source-vnet-encryption/indeterminate-vnet-from-registry-module.bicep', 'vtap-source-vnet-encryption')).toEqual([
      "source NIC 'nic-web-01' is in virtual network 'vnet-hub', which module 'network' deploys from 'br/public:avm/res/network/virtual-network:0.5.1', a template vtaplint never fetches, so its properties are unknown: vtaplint cannot check that its encryption is off; a VM in a virtual network with encryption enabled cannot be a TAP source: check that network",
    ]);
  });

  test('an indeterminate destination check names the rule, property or parameter that blocked it', async () => {
    expect(await messages('fixtures/vtap-collector-port-open/indeterminate-lb-port-parameter.json', 'vtap-collector-port-open')).toEqual([
      "cannot tell whether load balancer 'collector-lb' forwards UDP 4789 from frontend 'frontend': the frontendPort of rule 'vxlan' is unknown: the parameter 'collectorPort' has no value (no default, parameters file or -p value)",
    ]);
    expect(await messages('fixtures/vtap-destination-network/indeterminate-source-subnet-parameter.bicep', 'vtap-destination-network')).toEqual([
      "cannot tell whether the destination of TAP 'tap1' is in the network of source NIC 'web-nic': the subnet of source NIC 'web-nic' is unknown: the parameter 'webSubnetId' has no value (no default, parameters file or -p value)",
    ]);
    expect(await messages('fixtures/vtap-destination-type/indeterminate-ipconfig-name-parameter.bicep', 'vtap-destination-type')).toEqual([
      "cannot tell whether 'collector-nic' has the IP configuration that TAP 'tap1' sends to: the name in the destination id is unknown: the parameter 'collectorIpConfig' has no value (no default, parameters file or -p value)",
    ]);
  });

  test('a source NIC outside the template whose name is a parameter without a value is named by that parameter, not by a pseudo-id with the deployment\'s subscription and resource group', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { nicName: { type: 'string' } },
      resources: [
        { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'eastus', properties: {} },
        {
          type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
          apiVersion: '2024-05-01',
          name: "[concat(parameters('nicName'), '/cfg')]",
          dependsOn: ["[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]"],
          properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" } },
        },
      ],
    };
    writeFileSync(path.join(dir, 'main.json'), JSON.stringify(template, null, 2));
    const { findings } = await findingsOf(['main.json'], dir);
    const about = findings.filter((f) => ['vtap-source-vm-nic', 'vtap-source-downtime', 'vtap-live-migration', 'vtap-source-vm-restart'].includes(f.ruleId));
    expect(about).toHaveLength(4);
    for (const f of about) {
      expect(f.message).toContain("NIC '{parameters('nicName')}'");
      expect(f.message).not.toContain('/subscriptions/');
    }
  });

  test('a parameter in an unknown name is shown as the template declares it, whatever case a call writes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { collectorNicName: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworkTaps',
          apiVersion: '2024-05-01',
          name: 'tap1',
          location: 'eastus',
          properties: {
            destinationNetworkInterfaceIPConfiguration: {
              // ARM reads parameter names without regard to case: the declaration's spelling is shown.
              id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', parameters('COLLECTORNICNAME'), 'ipconfig1')]",
            },
          },
        },
      ],
    };
    writeFileSync(path.join(dir, 'main.json'), JSON.stringify(template, null, 2));
    const { findings } = await findingsOf(['main.json'], dir);
    const [destination] = findings.filter((f) => f.ruleId === 'vtap-destination-type').map((f) => f.message);
    expect(destination).toContain("'{parameters('collectorNicName')}/ipconfig1' (Microsoft.Network/networkInterfaces/ipConfigurations)");
  });

  test('a destination that names a whole NIC says which NIC, and to point at one of its IP configurations', async () => {
    expect(await messages('fixtures/vtap-destination-type/fail-nic-not-ipconfig.bicep', 'vtap-destination-type')).toEqual([
      "TAP 'tap1': the destination is 'collector-nic', a Microsoft.Network/networkInterfaces, but it must be a network interface's IP configuration (a TAP mirrors to a VM network interface or an internal load balancer): set destinationNetworkInterfaceIPConfiguration.id to the id of one of the ipConfigurations of 'collector-nic'",
    ]);
  });

  test('a destination IP configuration the NIC does not have says what to point at instead', async () => {
    expect(await messages('fixtures/vtap-destination-type/fail-missing-ipconfig.json', 'vtap-destination-type')).toEqual([
      "TAP 'tap1' sends to 'nosuch', but 'collector-nic' has no ipConfigurations named 'nosuch' (it has: ipconfig1): point destinationNetworkInterfaceIPConfiguration.id at one of them",
    ]);
  });

  test('a source NIC that a VM may list through an id only known at deployment: the indeterminate finding names the VM and the parameter', async () => {
    expect(await messages('fixtures/vtap-source-vm-nic/indeterminate-vm-nic-id-parameter.bicep', 'vtap-source-vm-nic')).toEqual([
      "NIC 'web-nic' (a TAP source) is not attached to any VM whose network interfaces vtaplint can resolve: VM 'web-vm' lists a network interface whose id is unknown: the parameter 'webNicId' has no value (no default, parameters file or -p value), which may be this NIC; a TAP can only mirror a VM's network interface",
    ]);
  });

  test('a resource whose name is known only in part has one name in every rule: its unknown pieces as {symbol}, as in its id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    // A copy loop of TAP configurations over NICs named by a parameter without a value: the
    // configuration is named by vtap-config-target, its NIC (by id) by the source rules.
    const loop = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { nicNames: { type: 'array' }, tapResourceId: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
          apiVersion: '2024-05-01',
          name: "[concat(parameters('nicNames')[copyIndex()], '/tap')]",
          copy: { name: 'cfgs', count: "[length(parameters('nicNames'))]" },
          properties: { virtualNetworkTap: { id: "[parameters('tapResourceId')]" } },
        },
      ],
    };
    writeFileSync(path.join(dir, 'loop.json'), JSON.stringify(loop, null, 2));
    const { findings } = await findingsOf(['loop.json'], dir);
    const nic = "{parameters('nicNames')[copyIndex()]}";
    const byRule = new Map(findings.map((f) => [f.ruleId, f.message]));
    expect(byRule.get('vtap-config-target')).toContain(`the TAP of '${nic}/tap' is unknown`);
    expect(byRule.get('vtap-live-migration')).toContain(`the VM of NIC '${nic}'`);
    expect(byRule.get('vtap-live-migration')).toContain(`(if '${nic}/tap' is deployed:`);
    expect(byRule.get('vtap-source-vm-nic')).toContain(`NIC '${nic}' (a TAP source) is outside the template`);
    for (const f of findings) expect(f.message).not.toContain('{…}');

    // A NIC the template declares with a name from a parameter: as its id shows it, not as written ('[parameters(...)]').
    const declared = {
      ...loop,
      parameters: { nicName: { type: 'string' } },
      resources: [
        { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: 'eastus', properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector', 'ipconfig1')]" } } },
        { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: "[parameters('nicName')]", location: 'eastus', properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAddressVersion: 'IPv6' } }] } },
        {
          type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
          apiVersion: '2024-05-01',
          name: "[concat(parameters('nicName'), '/tap')]",
          dependsOn: ["[resourceId('Microsoft.Network/networkInterfaces', parameters('nicName'))]", "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]"],
          properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]" } },
        },
      ],
    };
    writeFileSync(path.join(dir, 'declared.json'), JSON.stringify(declared, null, 2));
    const ipv6 = (await findingsOf(['declared.json'], dir)).findings.filter((f) => f.ruleId === 'vtap-no-ipv6').map((f) => f.message);
    expect(ipv6).toEqual([expect.stringContaining("IP configuration 'ipconfig1' of source NIC '{parameters('nicName')}' uses IPv6")]);
  });

  test('a part of a declared resource (an IP configuration, a subnet) is named with that resource as every other message names it', async () => {
    const [toIpConfig] = await messages('fixtures/vtap-config-target/fail-not-a-tap-entries.bicep', 'vtap-config-target');
    expect(toIpConfig).toBe(
      "'web-nic' sends to 'collector-nic/ipconfig1' (a Microsoft.Network/networkInterfaces/ipConfigurations), not a virtual network TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource",
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-messages-'));
    writeFileSync(
      path.join(dir, 'main.bicep'),
      [
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
        "  name: 'vtap-vnet'",
        "  location: 'eastus'",
        "  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }, subnets: [ { name: 'default', properties: { addressPrefix: '10.0.0.0/24' } } ] }",
        '}',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'tap1'",
        "  location: 'eastus'",
        "  properties: { destinationNetworkInterfaceIPConfiguration: { id: '${vnet.id}/subnets/default' } }",
        '}',
      ].join('\n'),
    );
    const { findings } = await findingsOf(['main.bicep'], dir);
    expect(findings.find((f) => f.ruleId === 'vtap-destination-type')?.message).toContain("TAP 'tap1': the destination is 'vtap-vnet/default', a Microsoft.Network/virtualNetworks/subnets");
  });

  test("vtap-config-target's advice for a configuration on a NIC of a loop names one instance as parent (`parent: nics` does not compile)", async () => {
    const nics = "resource nics 'Microsoft.Network/networkInterfaces@2024-05-01' = [for i in range(0, 2): {\n  name: 'web-${i}-nic'\n  location: 'eastus'\n  properties: {\n    ipConfigurations: [ { name: 'ipconfig1', properties: { subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default') } } } ]\n  }\n}]\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' existing = {\n  name: 'tap'\n}\n";
    const inLoop = `${nics}\nresource cfgs 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = [for i in range(0, 2): {\n  name: 'web-\${i}-nic/tapcfg'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}]\n`;
    const one = `${nics}\nresource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {\n  name: 'web-1-nic/tapcfg'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}\n`;
    const advice = async (text: string) => (await findingsOf(['main.bicep'], workspace({ 'main.bicep': text }))).findings.filter((f) => f.ruleId === 'vtap-config-target' && f.message.includes('does not depend on it')).map((f) => /declare the configuration with (.*) \(or add the NIC to dependsOn\)/.exec(f.message)?.[1]);
    expect(await advice(inLoop)).toEqual(['`parent: nics[i]` (i: the index of its loop)', '`parent: nics[i]` (i: the index of its loop)']);
    expect(await advice(one)).toEqual(['`parent: nics[1]`']);
  });
});
