// The packet collector: an internal Standard load balancer in front of the collector VMs.
param location string
param subnetId string

resource lb 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: 'collector-ilb'
  location: location
  sku: { name: 'Standard' }
  properties: {
    frontendIPConfigurations: [
      {
        name: 'vxlan'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: subnetId }
        }
      }
    ]
    backendAddressPools: [ { name: 'collectors' } ]
    loadBalancingRules: [
      {
        name: 'vxlan-4789'
        properties: {
          frontendIPConfiguration: { id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'collector-ilb', 'vxlan') }
          backendAddressPool: { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'collector-ilb', 'collectors') }
          protocol: 'Udp'
          frontendPort: 4789
          backendPort: 4789
          enableFloatingIP: false
        }
      }
    ]
  }
}

output frontendId string = '${lb.id}/frontendIPConfigurations/vxlan'
