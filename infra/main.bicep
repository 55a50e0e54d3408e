// HealthItPm in one resource group: storage, the web app that hosts the bot, the Azure Bot with its
// Teams channel, the user-assigned managed identity the bot is and that reaches storage, and
// Application Insights. `azd up` deploys it (see azure.yaml and the README's deployment section).
// No parameter is a secret: the bot authenticates to Bot Service and to storage as its identity.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource except the Azure Bot, which is global.')
param location string

@description('Azure AD tenant ids (GUIDs, comma-separated) whose people may use the bot: Tenants:AllowedTenantIds. Empty means the tenant deployed to.')
param allowedTenantIds string = ''

@description('Object ids (comma-separated) of HealthItPm admins: Access:AdminIds.')
param adminIds string = ''

@description('Object ids (comma-separated) of people allowed to create projects: Access:ProjectManagerIds.')
param projectManagerIds string = ''

@description('How often scheduled check-in and escalation work runs, in seconds: Scheduler:TickSeconds.')
@minValue(5)
param schedulerTickSeconds int = 30

@description('Whether this host runs scheduled work: Scheduler:Enabled.')
param schedulerEnabled bool = true

@description('Teams\' limit on proactive sends per app per tenant, shared by every host: Delivery:TenantSendsPerSecond (30 in older documentation, 50 in newer).')
@minValue(1)
@maxValue(1000)
param tenantSendsPerSecond int = 30

@description('Whether this host delivers proactive cards from the queue: Delivery:Enabled.')
param deliveryEnabled bool = true

@description('The hospital\'s currency, an ISO 4217 code, shown on every amount: Hospital:Currency.')
@minLength(3)
@maxLength(3)
param currency string = 'USD'

@description('The hospital\'s time zone (IANA), in which leaders get their weekly digest until Teams reports their own: Hospital:TimeZone.')
param hospitalTimeZone string = 'UTC'

@description('Project roles (comma-separated: ProjectManager, Leader, Stakeholder) that see budget figures besides admins: Access:BudgetViewerRoles. Empty: project managers and leaders.')
param budgetViewerRoles string = ''

@description('The hospital\'s and its vendors\' e-mail domains (comma-separated), whose addresses are staff, not PHI: Privacy:StaffEmailDomains.')
param staffEmailDomains string = ''

@description('E-mail address the pipeline\'s alerts go to (poison queue, late cards, no live host, 5xx on /api/messages).')
@minLength(3)
param alertEmail string

@description('Share of /api/messages answers that are 5xx over 5 minutes above which an alert is sent, e.g. 0.05.')
param alertServerErrorShare string = '0.05'

@description('How often each host reads the queues and live hosts into its gauges, in seconds: Telemetry:PipelineSampleSeconds.')
@minValue(5)
@maxValue(3600)
param telemetrySampleSeconds int = 30

@description('App Service plan size. Basic (B1) or higher: always-on needs it.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free on both) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'HealthItPm'
}
var tenantIds = empty(allowedTenantIds) ? [tenant().tenantId] : ids(allowedTenantIds)

resource group 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  name: 'identity'
  params: {
    name: 'id-healthitpm-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  name: 'monitoring'
  params: {
    workspaceName: 'log-healthitpm-${resourceToken}'
    applicationInsightsName: 'appi-healthitpm-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module web 'modules/web.bicep' = {
  scope: group
  name: 'web'
  params: {
    planName: 'plan-healthitpm-${resourceToken}'
    appName: 'app-healthitpm-${resourceToken}'
    location: location
    tags: tags
    sku: appServiceSku
    identityId: identity.outputs.id
    appSettings: {
      ASPNETCORE_ENVIRONMENT: 'Production'
      MicrosoftAppType: 'UserAssignedMSI'
      MicrosoftAppId: identity.outputs.clientId
      MicrosoftAppTenantId: tenant().tenantId
      Storage__AccountName: storage.outputs.name
      Storage__ManagedIdentityClientId: identity.outputs.clientId
      Storage__EndpointSuffix: environment().suffixes.storage
      Scheduler__TickSeconds: string(schedulerTickSeconds)
      Scheduler__Enabled: string(schedulerEnabled)
      Hospital__Currency: currency
      Hospital__TimeZone: hospitalTimeZone
      Delivery__Enabled: string(deliveryEnabled)
      Delivery__TenantSendsPerSecond: string(tenantSendsPerSecond)
      // The pipeline's tuning, at the defaults the README explains (HealthItPm.Bot/Delivery/DeliveryOptions.cs).
      Delivery__MaxInFlight: '128'
      Delivery__BatchSize: '32'
      Delivery__LeaseSeconds: '60'
      Delivery__MaxAttempts: '8'
      Delivery__RetryBaseSeconds: '5'
      Delivery__RetryMaxSeconds: '900'
      Delivery__MaxSleepSeconds: '600'
      Delivery__MaxDequeueCount: '20'
      Delivery__HeartbeatSeconds: '0.5'
      Delivery__FanOutSlice: '500'
      // Limits on /api/messages (HealthItPm.Bot/Hosting/MessagesOptions.cs): generous, since Teams sends bursts.
      Messages__MaxBodyBytes: '262144'
      Messages__PerAddress__Burst: '400'
      Messages__PerAddress__PerSecond: '200'
      Messages__PerCaller__Burst: '60'
      Messages__PerCaller__PerSecond: '10'
      // Channel tokens' signing keys (HealthItPm.Bot/Hosting/SignInMetadataOptions.cs): fetched within 5 s, refreshed
      // after 12 h, the last good ones kept for a day while refreshes fail.
      SignInMetadata__Timeout: '00:00:05'
      SignInMetadata__RefreshAfter: '12:00:00'
      SignInMetadata__KeepLastGoodFor: '1.00:00:00'
      // The bot exports through OpenTelemetry's Azure Monitor distro (HealthItPm.Bot/Telemetry): App Service's own
      // agent is off, or it would send a second copy of every request.
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      ApplicationInsightsAgent_EXTENSION_VERSION: 'disabled'
      Telemetry__Console: 'false'
      Telemetry__PipelineSampleSeconds: string(telemetrySampleSeconds)
    }
    appSettingLists: {
      Tenants__AllowedTenantIds: tenantIds
      Access__AdminIds: ids(adminIds)
      Access__ProjectManagerIds: ids(projectManagerIds)
      Access__BudgetViewerRoles: ids(budgetViewerRoles)
      Privacy__StaffEmailDomains: ids(staffEmailDomains)
    }
  }
}

module alerts 'modules/alerts.bicep' = {
  scope: group
  name: 'alerts'
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.id
    alertEmail: alertEmail
    serverErrorShare: alertServerErrorShare
  }
}

module bot 'modules/bot.bicep' = {
  scope: group
  name: 'bot'
  params: {
    name: 'bot-healthitpm-${resourceToken}'
    displayName: 'HealthItPm'
    sku: botSku
    tags: tags
    endpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    applicationInsightsAppId: monitoring.outputs.appId
  }
}

// The names azd keeps in its environment (`azd env get-values`): the Teams app package reads MICROSOFT_APP_ID.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output MICROSOFT_APP_ID string = identity.outputs.clientId
output BOT_ENDPOINT string = bot.outputs.endpoint
output BOT_NAME string = bot.outputs.name
output WEB_APP_NAME string = web.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('A comma-separated list of ids as an array, blanks dropped.')
func ids(list string) string[] => filter(map(split(list, ','), id => trim(id)), id => !empty(id))
