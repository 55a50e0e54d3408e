// Alerts on the delivery pipeline, from the metrics the bot exports through OpenTelemetry (customMetrics) and its
// requests, each e-mailing the deployer's address through one action group.
param location string
param tags object

@description('Resource id of the Application Insights the bot reports to.')
param applicationInsightsId string

@description('Where the alerts are e-mailed.')
param alertEmail string

@description('Share of /api/messages answers that are 5xx, over 5 minutes, above which the alert fires.')
param serverErrorShare string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-healthitpm'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'healthitpm'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// name, description, severity, query, the measured column, operator, threshold, how often and over what window.
var rules = [
  {
    name: 'poison-queue-not-empty'
    description: 'The poison queue holds work: cards were given up (health in Teams shows their kinds and reasons).'
    severity: 2
    query: 'customMetrics | where name == "healthitpm.queue.poison.depth" | summarize depth = max(value)'
    measure: 'depth'
    operator: 'GreaterThan'
    threshold: 0
    frequency: 'PT5M'
    window: 'PT5M'
  }
  {
    name: 'oldest-delivery-late'
    description: 'A card ready to send has waited more than 10 minutes on the delivery queue for a host to take it.'
    severity: 2
    query: 'customMetrics | where name == "healthitpm.queue.oldest_age" | summarize age = max(value)'
    measure: 'age'
    operator: 'GreaterThan'
    threshold: 600
    frequency: 'PT5M'
    window: 'PT5M'
  }
  {
    name: 'no-live-host'
    description: 'No host has reported a live delivering host for 2 minutes: nothing is sent.'
    severity: 1
    query: 'customMetrics | where timestamp > ago(2m) and name == "healthitpm.hosts.live" | summarize hosts = max(value) | union (print hosts = 0.0) | summarize hosts = max(hosts)'
    measure: 'hosts'
    operator: 'LessThan'
    threshold: 1
    frequency: 'PT1M'
    window: 'PT5M'
  }
  {
    name: 'messages-server-errors'
    description: 'More than the set share of the answers on /api/messages were 5xx over 5 minutes.'
    severity: 2
    query: 'requests | where url endswith "/api/messages" | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where total > 0 | extend share = todouble(failed) / total'
    measure: 'share'
    operator: 'GreaterThan'
    threshold: json(serverErrorShare)
    frequency: 'PT5M'
    window: 'PT5M'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: 'alert-healthitpm-${rule.name}'
  location: location
  tags: tags
  properties: {
    displayName: 'HealthItPm: ${rule.name}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Maximum'
          metricMeasureColumn: rule.measure
          operator: rule.operator
          threshold: rule.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}]

output actionGroupId string = actionGroup.id
output alertNames string[] = [for (rule, i) in rules: alerts[i].name]
