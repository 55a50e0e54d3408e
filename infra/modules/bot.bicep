// The Azure Bot: Bot Service knows the bot as its user-assigned managed identity (no app secret),
// sends Teams' activities to the web app's /api/messages, and has the Microsoft Teams channel on.
param name string
param displayName string
param sku string
param tags object
param endpoint string

@description('Resource id of the user-assigned identity the bot is.')
param identityId string

@description('Client id of that identity: the bot\'s app id (MicrosoftAppId, the manifest\'s botId).')
param identityClientId string

param applicationInsightsAppId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenant().tenantId
    developerAppInsightsApplicationId: applicationInsightsAppId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output endpoint string = bot.properties.endpoint
