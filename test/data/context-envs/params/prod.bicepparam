using '../main.bicep'

param location = 'eastus'
param webVmSize = 'Standard_D4s_v6'
