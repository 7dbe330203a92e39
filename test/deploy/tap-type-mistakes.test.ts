import { describe, expect, it } from 'vitest';
import { meantTapType } from '../../src/deploy/tap-type-mistakes.js';

describe('meantTapType', () => {
  it('names the vTAP type a Microsoft.Network type that does not exist was meant to be', () => {
    expect(meantTapType('Microsoft.Network/tapConfigurations')).toBe('Microsoft.Network/networkInterfaces/tapConfigurations');
    expect(meantTapType('microsoft.network/networkInterfaces/tapConfiguration')).toBe('Microsoft.Network/networkInterfaces/tapConfigurations');
    expect(meantTapType('Microsoft.Network/networkInterfaces/ipConfigurations/tapConfigurations')).toBe('Microsoft.Network/networkInterfaces/tapConfigurations');
    expect(meantTapType('Microsoft.Network/virtualNetworkTap')).toBe('Microsoft.Network/virtualNetworkTaps');
    expect(meantTapType('Microsoft.Network/virtualNetworks/virtualNetworkTaps')).toBe('Microsoft.Network/virtualNetworkTaps');
  });

  it('leaves the two real types, in any case, and other namespaces alone', () => {
    expect(meantTapType('Microsoft.Network/virtualNetworkTaps')).toBeUndefined();
    expect(meantTapType('MICROSOFT.NETWORK/NETWORKINTERFACES/TAPCONFIGURATIONS')).toBeUndefined();
    expect(meantTapType('Microsoft.Network/networkInterfaces')).toBeUndefined();
    expect(meantTapType('Contoso.Mirror/tapConfigurations')).toBeUndefined();
  });
});
