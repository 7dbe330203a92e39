using '../main.bicep'

param location = 'uksouth'
param webVmSize = 'Standard_D2s_v5'
