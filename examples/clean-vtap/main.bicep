// A virtual network TAP deployment that follows every documented prerequisite and limitation:
// a supported region, a Standard internal load balancer in front of the collectors (no Floating
// IP, UDP 4789 open), a source VM that is not a v6 size and is created after the TAP, and one
// TAP configuration on its network interface. vtaplint reports only the note every source VM gets.
param location string = 'eastus'

@allowed([
  'Standard_D2s_v5'
  'Standard_D4s_v5'
])
param webVmSize string = 'Standard_D2s_v5'

param adminUsername string = 'azureuser'

@secure()
param adminPublicKey string

resource collectorNsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'collectors-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-vxlan'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Udp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '4789'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vtap-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ '10.30.0.0/16' ] }
    subnets: [
      {
        name: 'web'
        properties: { addressPrefix: '10.30.1.0/24' }
      }
      {
        name: 'collectors'
        properties: {
          addressPrefix: '10.30.2.0/24'
          networkSecurityGroup: { id: collectorNsg.id }
        }
      }
    ]
  }
}

resource collectorLb 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: 'collector-ilb'
  location: location
  sku: { name: 'Standard' }
  properties: {
    frontendIPConfigurations: [
      {
        name: 'vxlan'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: '${vnet.id}/subnets/collectors' }
        }
      }
    ]
    backendAddressPools: [ { name: 'collectors' } ]
    loadBalancingRules: [
      {
        name: 'ha-ports'
        properties: {
          frontendIPConfiguration: { id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'collector-ilb', 'vxlan') }
          backendAddressPool: { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'collector-ilb', 'collectors') }
          protocol: 'All'
          frontendPort: 0
          backendPort: 0
          enableFloatingIP: false
        }
      }
    ]
  }
}

resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {
  name: 'web-tap'
  location: location
  properties: {
    destinationLoadBalancerFrontEndIPConfiguration: { id: '${collectorLb.id}/frontendIPConfigurations/vxlan' }
  }
}

resource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'web-nic'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: '${vnet.id}/subnets/web' }
        }
      }
    ]
  }
}

// Created after the TAP, so it starts with its network interface ready for mirroring.
resource webVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'web-vm'
  location: location
  dependsOn: [ tap ]
  properties: {
    hardwareProfile: { vmSize: webVmSize }
    osProfile: {
      computerName: 'web-vm'
      adminUsername: adminUsername
      linuxConfiguration: {
        disablePasswordAuthentication: true
        ssh: { publicKeys: [ { path: '/home/${adminUsername}/.ssh/authorized_keys', keyData: adminPublicKey } ] }
      }
    }
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }
      osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } }
    }
    networkProfile: { networkInterfaces: [ { id: webNic.id } ] }
  }
}

resource tapConfig 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {
  parent: webNic
  name: 'to-collector'
  properties: {
    virtualNetworkTap: { id: tap.id }
  }
}
