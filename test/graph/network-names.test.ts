// Two networks named in one message: a network whose id is not known is described ("an unknown
// virtual network"), not quoted as if that were its name.
import { describe, expect, it } from 'vitest';
import { networkLabel, networkName, networkNames, type NetworkRef } from '../../src/graph/network.js';
import { parseResourceId } from '../../src/deploy/resource-id.js';
import { Unknown } from '../../src/expr/value.js';

const ref = { value: null, span: undefined } as unknown as NetworkRef['ref'];
const external = (id: string | Unknown): NetworkRef => ({ kind: 'external', id: parseResourceId(id) as NonNullable<ReturnType<typeof parseResourceId>>, ref });
const unknown: NetworkRef = { kind: 'unknown', value: new Unknown({ code: 'parameter-without-value', message: "the parameter 'webSubnetId' has no value" }), ref };

describe('networkNames', () => {
  it('quotes names, and describes a network it cannot name without quotes', () => {
    const hub = external('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet');
    expect(networkNames(hub, unknown)).toEqual(["'hub-vnet'", 'an unknown virtual network']);
    expect(networkNames(unknown, hub)).toEqual(['an unknown virtual network', "'hub-vnet'"]);
  });

  it('names a network whose name is known in part as ids show it, and describes one whose name is not known at all', () => {
    // resourceId('Microsoft.Network/virtualNetworks/subnets', existingVirtualNetworkName, 'sql') with no value for the parameter.
    const param = new Unknown({ code: 'parameter-without-value', message: "the parameter 'existingVirtualNetworkName' has no value" }, 'string', undefined, "parameters('existingVirtualNetworkName')");
    const byParameter = external(new Unknown({ code: 'parameter-without-value', message: 'a resource id' }, 'string', ['/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/sql-rg/providers/Microsoft.Network/virtualNetworks/', param]));
    expect(networkName(byParameter)).toBe("{parameters('existingVirtualNetworkName')}");
    expect(networkLabel(byParameter)).toBe("virtual network '{parameters('existingVirtualNetworkName')}'");
    const opaque = external(new Unknown({ code: 'parameter-without-value', message: 'a resource id' }, 'string', ['/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/sql-rg/providers/Microsoft.Network/virtualNetworks/', new Unknown({ code: 'runtime-state', message: 'a reference' })]));
    expect(networkLabel(opaque)).toBe('a virtual network whose name is only known at deployment');
    const hub = external('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet');
    expect(networkLabel(hub)).toBe("virtual network 'hub-vnet'");
    expect(networkNames(hub, opaque)).toEqual(["'hub-vnet'", 'a virtual network whose name is only known at deployment']);
  });

  it('tells one name in two resource groups apart by where each is', () => {
    const a = external('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/vnet');
    const b = external('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/spoke-rg/providers/Microsoft.Network/virtualNetworks/vnet');
    expect(networkNames(a, b)).toEqual(["'vnet' in resource group 'hub-rg'", "'vnet' in resource group 'spoke-rg'"]);
  });
});
