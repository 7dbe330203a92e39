// A web VM mirrored by a TAP; main.bicep passes the region and the size (the default size is a v6 one).
param location string = 'eastus'
param webVmSize string = 'Standard_D2s_v6'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vtap-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ '10.50.0.0/16' ] }
    subnets: [ { name: 'default', properties: { addressPrefix: '10.50.0.0/24' } } ]
  }
}

resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'collector-nic'
  location: location
  properties: {
    ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: '${vnet.id}/subnets/default' } } } ]
  }
}

resource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'web-nic'
  location: location
  properties: {
    ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: '${vnet.id}/subnets/default' } } } ]
  }
}

resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {
  name: 'tap1'
  location: location
  properties: {
    destinationNetworkInterfaceIPConfiguration: { id: '${collectorNic.id}/ipConfigurations/ipconfig1' }
  }
}

resource webVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'web-vm'
  location: location
  dependsOn: [ tap ]
  properties: {
    hardwareProfile: { vmSize: webVmSize }
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
