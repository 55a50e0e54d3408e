namespace HealthItPm.Domain.Security;

/// <summary>Everything a person can ask to do on a project, for the authorization matrix.</summary>
public enum ProjectAction
{
    /// <summary>See the status card, milestones, KPIs and stakeholder counts.</summary>
    ViewStatus,

    /// <summary>See money: budget, spend, planned and earned value, CPI and EAC (by default PMs, leaders and admins).</summary>
    ViewBudget,

    ManageStakeholders,
    ManageMilestones,
    ManageBudget,
    ManageKpis,
    ChangePhase,
    ManageCheckIns,

    /// <summary>Launch ADKAR readiness waves and read their results (aggregates only).</summary>
    ManageSurveys,
    LogRisks,
    ManageEscalation,
}
