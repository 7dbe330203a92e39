// Mirrors two web VMs behind a load balancer to a packet collector with virtual network TAP.
// Deliberately broken: see examples/README.md.
targetScope = 'resourceGroup'

@description('Region of every resource.')
param location string = 'eastus'

@description('Size of the mirrored web VMs.')
@allowed([
  'Standard_D2s_v5'
  'Standard_D2as_v6'
])
param webVmSize string = 'Standard_D2as_v6'

param adminUsername string = 'azureuser'

@secure()
param adminPublicKey string

var webCount = 2

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vtap-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ '10.20.0.0/16' ] }
    subnets: [
      {
        name: 'web'
        properties: { addressPrefix: '10.20.1.0/24' }
      }
      {
        name: 'collectors'
        properties: { addressPrefix: '10.20.2.0/24' }
      }
    ]
  }
}

// The web tier's public load balancer. Without a sku it is a Basic load balancer.
resource webLb 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: 'web-lb'
  location: location
  properties: {
    frontendIPConfigurations: [
      {
        name: 'frontend'
        properties: { publicIPAddress: { id: webPip.id } }
      }
    ]
    backendAddressPools: [ { name: 'web' } ]
  }
}

resource webPip 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'web-pip'
  location: location
  properties: { publicIPAllocationMethod: 'Static' }
}

module collector 'modules/collector.bicep' = {
  name: 'collector'
  params: {
    location: location
    subnetId: '${vnet.id}/subnets/collectors'
  }
}

resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {
  name: 'web-tap'
  location: location
  properties: {
    destinationLoadBalancerFrontEndIPConfiguration: { id: collector.outputs.frontendId }
  }
}

resource webNics 'Microsoft.Network/networkInterfaces@2024-05-01' = [for i in range(0, webCount): {
  name: 'web-nic-${i}'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: '${vnet.id}/subnets/web' }
          loadBalancerBackendAddressPools: [ { id: '${webLb.id}/backendAddressPools/web' } ]
        }
      }
    ]
  }
}]

resource webVms 'Microsoft.Compute/virtualMachines@2024-03-01' = [for i in range(0, webCount): {
  name: 'web-vm-${i}'
  location: location
  dependsOn: [ tap ]
  properties: {
    hardwareProfile: { vmSize: webVmSize }
    osProfile: {
      computerName: 'web-vm-${i}'
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
    networkProfile: { networkInterfaces: [ { id: webNics[i].id } ] }
  }
}]

resource tapConfigs 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = [for i in range(0, webCount): {
  parent: webNics[i]
  name: 'to-collector'
  properties: {
    virtualNetworkTap: { id: tap.id }
  }
}]
