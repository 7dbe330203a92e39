// Networks an Azure Virtual Network Manager connects (src/graph/network-manager.ts): a hub and
// the members of its spokes groups are peered by the manager, not by resources of the template;
// spokes connected to each other, or a mesh, are a connected group, not a peering.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace } from '../helpers.js';

const DIR = 'fixtures/vtap-destination-network';
const rule = 'vtap-destination-network';

describe('vtap-destination-network and Azure Virtual Network Manager', () => {
  test('a hub-and-spoke configuration that peers the two: a note naming it, with its hub entry related; without it the same template fails', async () => {
    const found = (await findingsOf([`${DIR}/indeterminate-avnm-hub-and-spoke.bicep`])).findings.filter((f) => f.ruleId === rule);
    expect(found.map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
    expect(found[0]?.message).toContain("but network manager connectivity configuration 'avnm-vtap/hub-and-spoke' (hub and spoke) peers them both ways once it is deployed (committed) to their region");
    const hubLine = readFileSync(path.join(REPO, DIR, 'indeterminate-avnm-hub-and-spoke.bicep'), 'utf8').split('\n').findIndex((l) => l.includes('resourceId: collectorVnet.id')) + 1;
    expect(found[0]?.related.find((r) => r.message === "network manager connectivity configuration 'avnm-vtap/hub-and-spoke' names its hub here")?.line).toBe(hubLine - 1);
    const plain = (await findingsOf([`${DIR}/fail-not-peered.bicep`])).findings.filter((f) => f.ruleId === rule);
    expect(plain.map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
  });

  test('a configuration that does not reach the source network (another group, another hub) leaves the error', async () => {
    const text = readFileSync(path.join(REPO, DIR, 'indeterminate-avnm-hub-and-spoke.bicep'), 'utf8');
    // The group lists a network that is neither of the two.
    const otherMember = text.replace('resourceId: vnet.id', "resourceId: resourceId('Microsoft.Network/virtualNetworks', 'other-vnet')");
    expect(otherMember).not.toBe(text);
    const a = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': otherMember }))).findings.filter((f) => f.ruleId === rule);
    expect(a.map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
    // The hub is another network.
    const otherHub = text.replace('resourceId: collectorVnet.id', "resourceId: resourceId('Microsoft.Network/virtualNetworks', 'hub-vnet')");
    const b = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': otherHub }))).findings.filter((f) => f.ruleId === rule);
    expect(b.map((f) => [f.level, f.kind])).toEqual([['error', 'fail']]);
  });

  test('spokes of one group connected to each other (DirectlyConnected) are a connected group, not a peering: a note saying so', async () => {
    const text = readFileSync(path.join(REPO, DIR, 'indeterminate-avnm-mesh.bicep'), 'utf8')
      .replace("connectivityTopology: 'Mesh'", "connectivityTopology: 'HubAndSpoke'\n    hubs: [\n      {\n        resourceId: resourceId('Microsoft.Network/virtualNetworks', 'hub-vnet')\n        resourceType: 'Microsoft.Network/virtualNetworks'\n      }\n    ]")
      .replace("groupConnectivity: 'None'", "groupConnectivity: 'DirectlyConnected'");
    const found = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': text }))).findings.filter((f) => f.ruleId === rule);
    expect(found.map((f) => [f.level, f.kind])).toEqual([['note', 'review']]);
    expect(found[0]?.message).toContain("connects them in a connected group (spokes of network group 'avnm-vtap/spokes' connected to each other), which is not a peering");
  });

  test('a hub, group or topology known only at deployment may connect them: a note, not "no peering connects them"; a condition on the configuration is named', async () => {
    const text = readFileSync(path.join(REPO, DIR, 'indeterminate-avnm-hub-and-spoke.bicep'), 'utf8');
    const withParam = (t: string, decl: string) => t.replace("param location string = 'eastus'", `param location string = 'eastus'\n${decl}`);
    const cases: [string, string][] = [
      [withParam(text, 'param hubId string').replace('resourceId: collectorVnet.id', 'resourceId: hubId'), 'which the template does not list in full'],
      [withParam(text, 'param groupId string').replace('networkGroupId: spokes.id', 'networkGroupId: groupId'), 'peers its hub with the members of its network group'],
      [withParam(text, 'param topology string').replace("connectivityTopology: 'HubAndSpoke'", 'connectivityTopology: topology'), "whose topology is unknown: the parameter 'topology' has no value"],
      [withParam(text, 'param deployAvnm bool').replace("resource connectivity 'Microsoft.Network/networkManagers/connectivityConfigurations@2024-05-01' = {", "resource connectivity 'Microsoft.Network/networkManagers/connectivityConfigurations@2024-05-01' = if (deployAvnm) {"), "(deployed only if its condition allows: unknown: the parameter 'deployAvnm' has no value"],
    ];
    for (const [template, said] of cases) {
      expect(template).not.toBe(text);
      const found = (await findingsOf(['main.bicep'], workspace({ 'main.bicep': template }))).findings.filter((f) => f.ruleId === rule);
      expect(found.map((f) => [f.level, f.kind]), said).toEqual([['note', 'review']]);
      expect(found[0]?.message).toContain(said);
    }
  });
});
