// The web tier: deploys the mirrored VM module with a size that can be mirrored.
module web 'modules/vtap.bicep' = {
  name: 'web'
  params: {
    location: 'eastus'
    webVmSize: 'Standard_D2s_v5'
  }
}
