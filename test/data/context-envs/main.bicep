// One entry, two environments (params/dev.bicepparam, params/prod.bicepparam): the web module gets
// the size each environment sets.
param location string
param webVmSize string

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    location: location
    vmSize: webVmSize
  }
}
