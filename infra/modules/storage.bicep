// The bot's state (Azure Tables) and its delivery queues (Azure Queue Storage). Only Azure AD
// reaches the data: shared keys are off, so there is no connection string to leak; the bot's
// identity holds the data roles it needs, and nothing else does.
param name string
param location string
param tags object

@description('Principal id of the bot\'s managed identity, given the table and queue data roles.')
param principalId string

// The tables the bot uses (HealthItPm.Bot/Storage/StorageTables.cs, StorageTables.All). The bot also
// creates any that are missing on start; listing them here makes them visible before the first start.
var tableNames = [
  'BotState'
  'ConversationReferences'
  'Projects'
  'CheckIns'
  // Open anonymous rounds' keys, apart from their answers in CheckIns; deleted when a round closes.
  'RoundKeys'
  'ProjectManagerGrants'
  'Risks'
  'Deliveries'
  'Digests'
  'Audit'
  // Where each card the bot sent is, so it can be updated in place after patient details are removed.
  'SentCards'
  'GoLiveGates'
]

// The delivery pipeline's fixed queues (HealthItPm.Bot/Delivery/DeliveryQueues.cs, DeliveryQueues.Fixed): the fan-outs
// and the work given up. Each tenant's cards wait on a queue of its own (deliveries-t-{tenant id without hyphens}), which
// the bot creates when it first has work for the tenant: tenants are not known here. The queue data role covers both.
var queueNames = [
  'deliveries-fanout'
  'deliveries-poison'
]

// Built-in roles: the bot reads and writes entities and messages, and creates its tables and queues.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [storageTableDataContributor, storageQueueDataContributor]: {
    name: guid(account.id, principalId, role)
    scope: account
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

output name string = account.name
output tableEndpoint string = account.properties.primaryEndpoints.table
output queueEndpoint string = account.properties.primaryEndpoints.queue
