// The Linux App Service that hosts the bot (.NET 10). HTTPS only, always on, and App Service's
// health check on /healthz, which answers 503 while storage is unreachable.
param planName string
param appName string
param location string
param tags object
param sku string

@description('Resource id of the user-assigned identity the bot runs as.')
param identityId string

@description('App settings with one value each (configuration keys with "__" for ":").')
param appSettings object

@description('App settings that are lists: each becomes NAME__0, NAME__1, ... as .NET configuration reads arrays.')
param appSettingLists object

var single = [for setting in items(appSettings): { name: setting.key, value: setting.value }]
var lists = flatten(map(items(appSettingLists), list => map(range(0, length(list.value)), i => { name: '${list.key}__${i}', value: list.value[i] })))

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  // azd deploys the service "bot" (azure.yaml) to the app carrying this tag.
  tags: union(tags, { 'azd-service-name': 'bot' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(single, lists)
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
