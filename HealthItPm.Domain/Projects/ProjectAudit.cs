using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>What the audit log records of projects: their creation, their PMs and each kind of change.</summary>
public static class ProjectAudit
{
    public static AuditKind ProjectCreated { get; } = new(nameof(ProjectCreated));

    public static AuditKind ProjectManagerAllowed { get; } = new(nameof(ProjectManagerAllowed));

    public static AuditKind ProjectChanged { get; } = new(nameof(ProjectChanged));

    public static AuditKind StakeholdersChanged { get; } = new(nameof(StakeholdersChanged));

    public static AuditKind MilestonesChanged { get; } = new(nameof(MilestonesChanged));

    public static AuditKind BudgetChanged { get; } = new(nameof(BudgetChanged));

    public static AuditKind KpisChanged { get; } = new(nameof(KpisChanged));

    public static AuditKind PhaseChanged { get; } = new(nameof(PhaseChanged));

    public static AuditKind EscalationChanged { get; } = new(nameof(EscalationChanged));

    public static IReadOnlyList<AuditKind> All { get; } =
    [
        ProjectCreated, ProjectManagerAllowed, ProjectChanged, StakeholdersChanged, MilestonesChanged, BudgetChanged, KpisChanged,
        PhaseChanged, EscalationChanged,
    ];

    /// <summary>The kind of change a project use case makes, by the action it was authorized for.</summary>
    public static AuditKind Of(ProjectAction action) => action switch
    {
        ProjectAction.ManageStakeholders => StakeholdersChanged,
        ProjectAction.ManageMilestones => MilestonesChanged,
        ProjectAction.ManageBudget => BudgetChanged,
        ProjectAction.ManageKpis => KpisChanged,
        ProjectAction.ChangePhase => PhaseChanged,
        ProjectAction.ManageEscalation => EscalationChanged,
        _ => ProjectChanged,
    };
}
