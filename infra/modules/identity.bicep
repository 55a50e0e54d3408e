// The bot's identity: Azure Bot Service knows the bot by its client id (app type UserAssignedMSI),
// and storage grants it data access, so the deployment holds no app secret and no storage key.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
