// Application Insights (workspace-based). The bot sends its traces, metrics and logs to it through OpenTelemetry
// (the Azure Monitor distro, with the connection string the web app is given).
param workspaceName string
param applicationInsightsName string
param location string
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output connectionString string = applicationInsights.properties.ConnectionString
output appId string = applicationInsights.properties.AppId
output id string = applicationInsights.id
