
namespace HealthItPm.Domain.Security;

/// <summary>Who, besides HealthItPm admins (who may do everything), may do an action.</summary>
[Flags]
public enum Who
{
    /// <summary>Admins only.</summary>
    AdminsOnly = 0,
    ProjectManagers = 1,
    Leaders = 2,
    Stakeholders = 4,

    /// <summary>Leaders in the project's escalation chain (current leaders only).</summary>
    EscalationChain = 8,

    /// <summary>The risk's owner, while on the project.</summary>
    RiskOwner = 16,

    /// <summary>People configured or granted as allowed to create projects (tenant-wide).</summary>
    AllowedProjectManagers = 32,

    /// <summary>The roles the hospital configured to see budget figures (by default PMs and leaders).</summary>
    BudgetViewers = 64,

    /// <summary>Anyone on the project.</summary>
    Members = ProjectManagers | Leaders | Stakeholders,
}

/// <summary>Whether an action is about one project (only people on it, admins aside) or about the whole tenant.</summary>
public enum ActionScope
{
    Project,
    Tenant,
}

public sealed record AccessRule(ActionScope Scope, Who Who);

/// <summary>
/// What the caller is, for one decision: their tenant role (admin, allowed PM) and their standing on
/// the project (role, place in the escalation chain, owner of the risk acted on). A former member has
/// no role, like someone who was never on the project.
/// </summary>
public readonly record struct Standing(bool Admin, bool AllowedProjectManager, ProjectRole? Role, bool InEscalationChain, bool OwnsRisk);

/// <summary>The one table of who may do what: every <see cref="ProjectAction"/> has exactly one row.</summary>
public static class AccessRules
{
    public static IReadOnlyDictionary<ProjectAction, AccessRule> Table { get; } = new Dictionary<ProjectAction, AccessRule>
    {
        [ProjectAction.ViewStatus] = OnProject(Who.Members),
        [ProjectAction.ViewBudget] = OnProject(Who.BudgetViewers),
        [ProjectAction.ManageStakeholders] = OnProject(Who.ProjectManagers),
        [ProjectAction.ManageMilestones] = OnProject(Who.ProjectManagers),
        [ProjectAction.ManageBudget] = OnProject(Who.ProjectManagers),
        [ProjectAction.ManageKpis] = OnProject(Who.ProjectManagers),
        [ProjectAction.ChangePhase] = OnProject(Who.ProjectManagers),
        [ProjectAction.ManageCheckIns] = OnProject(Who.ProjectManagers),
        [ProjectAction.ManageSurveys] = OnProject(Who.ProjectManagers),
        [ProjectAction.LogRisks] = OnProject(Who.ProjectManagers),
        [ProjectAction.ManageEscalation] = OnProject(Who.ProjectManagers),
        [ProjectAction.ViewRisks] = OnProject(Who.Members),
        [ProjectAction.ChangeRisk] = OnProject(Who.ProjectManagers | Who.RiskOwner | Who.EscalationChain),
        [ProjectAction.RespondToEscalation] = OnProject(Who.EscalationChain),
        [ProjectAction.ReportConcern] = OnProject(Who.Members),
        [ProjectAction.TriageConcern] = OnProject(Who.ProjectManagers),
        [ProjectAction.AnswerCheckIn] = OnProject(Who.Members),
        [ProjectAction.CreateProject] = InTenant(Who.AllowedProjectManagers),
        [ProjectAction.AllowProjectManagers] = InTenant(Who.AdminsOnly),
        [ProjectAction.ViewAudit] = InTenant(Who.AdminsOnly),
        [ProjectAction.ViewPipelineHealth] = InTenant(Who.AdminsOnly),
        [ProjectAction.ReceiveDigest] = OnProject(Who.Leaders),
        [ProjectAction.SubscribeLeadersToDigest] = OnProject(Who.ProjectManagers),
        [ProjectAction.PreviewDigest] = OnProject(Who.ProjectManagers | Who.Leaders),
        [ProjectAction.SendDigest] = OnProject(Who.ProjectManagers),
        [ProjectAction.RemovePatientDetails] = OnProject(Who.ProjectManagers),
        [ProjectAction.ViewGoLiveGate] = OnProject(Who.Members),
        [ProjectAction.ManageGoLiveGate] = OnProject(Who.ProjectManagers),
    };

    public static AccessRule Of(ProjectAction action) =>
        Table.TryGetValue(action, out var rule) ? rule : throw new InvalidOperationException($"The access table has no row for {action}.");

    private static AccessRule OnProject(Who who) => new(ActionScope.Project, who);

    private static AccessRule InTenant(Who who) => new(ActionScope.Tenant, who);
}
