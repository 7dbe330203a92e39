// resourceId() takes one name per segment of the resource type: an argument besides the type with
// a '/' ('vnet/subnet') is ARM's "exactly one multi-segmented argument" error (MicrosoftDocs/
// azure-docs#37451, azure-quickstart-templates#1965 and #6744), which fails the deployment.
import { describe, expect, it } from 'vitest';
import { Unknown } from '../../src/expr/value.js';
import { ev, val } from './helpers.js';

const multi = /^Unable to evaluate template language function 'resourceId': function requires exactly one multi-segmented argument which must be resource type including resource provider namespace\./;

describe('resourceId() with a name that holds several segments', () => {
  it('is an error, also when the segments would add up to the type', () => {
    for (const e of [
      "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/sn')]",
      "[resourceId('Microsoft.Network/virtualNetworks', 'vnet', 'subnets/default')]",
      "[resourceId('Microsoft.Storage/storageAccounts/fileServices/shares', 'st', '/default/', 'share')]",
      "[resourceId('rg', 'Microsoft.Network/networkInterfaces/ipConfigurations', 'nic1/ipconfig1')]",
    ]) {
      const r = ev(e);
      expect(r.diags.map((d) => d.message), e).toHaveLength(1);
      expect(r.diags[0]?.message, e).toMatch(multi);
    }
    expect(ev("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/sn')]").diags[0]?.message).toContain(
      "Current function arguments 'Microsoft.Network/virtualNetworks/subnets,vnet/sn'.",
    );
  });

  it('is an error when the name is known only in part but its known text has the slash', () => {
    const template = { parameters: { vnet: { type: 'string' }, sn: { type: 'string' } }, resources: [] };
    const r = ev("[resourceId('Microsoft.Network/virtualNetworks/subnets', concat(parameters('vnet'), '/', parameters('sn')))]", { template });
    expect(r.diags.map((d) => d.message)).toEqual([expect.stringMatching(multi)]);
  });

  it('one name per segment is fine', () => {
    expect(ev("[resourceId('00000000-0000-0000-0000-000000000001', 'rg', 'Microsoft.Network/virtualNetworks/subnets', 'vnet', 'sn')]").plain).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sn',
    );
  });
});

// "The resource ID is returned in different formats at different scopes" (template-functions-resource,
// resourceId, Return value): without a resource group argument, a subscription deployment's
// resourceId() has no resource group, and a management group or tenant deployment's no subscription.
describe('resourceId() without a resource group, by deployment scope', () => {
  const sub = '00000000-0000-0000-0000-000000000001';
  it('is a subscription-level id at subscription scope', () => {
    expect(val("[resourceId('Microsoft.Resources/deployments', 'settings')]", { deployment: { subscriptionId: sub, scopeKind: 'subscription' } })).toBe(
      `/subscriptions/${sub}/providers/Microsoft.Resources/deployments/settings`,
    );
    const r = ev("[resourceId('Microsoft.Resources/resourceGroups', 'net-rg')]", { deployment: { scopeKind: 'subscription' } });
    expect(r.diags).toEqual([]);
    const parts = r.value instanceof Unknown ? r.value.parts : undefined;
    expect(parts?.map((p) => (typeof p === 'string' ? p : '{}')).join('')).toBe('/subscriptions/{}/providers/Microsoft.Resources/resourceGroups/net-rg');
  });

  it('has no subscription at management group and tenant scope', () => {
    for (const scopeKind of ['managementGroup', 'tenant'] as const) {
      expect(val("[resourceId('Microsoft.Authorization/policyDefinitions', 'p')]", { deployment: { scopeKind } })).toBe('/providers/Microsoft.Authorization/policyDefinitions/p');
    }
  });

  it('keeps a resource group given, and the resource group format at resource group scope', () => {
    expect(val("[resourceId('rg', 'Microsoft.Resources/deployments', 'd')]", { deployment: { subscriptionId: sub, scopeKind: 'subscription' } })).toBe(
      `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Resources/deployments/d`,
    );
    expect(val("[resourceId('Microsoft.Network/virtualNetworks', 'v')]", { deployment: { subscriptionId: sub, resourceGroup: 'g', scopeKind: 'resourceGroup' } })).toBe(
      `/subscriptions/${sub}/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v`,
    );
  });

  it('still rejects a name with several segments', () => {
    expect(ev("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/sn')]", { deployment: { scopeKind: 'subscription' } }).diags[0]?.message).toMatch(multi);
  });
});
