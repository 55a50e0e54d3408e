using HealthItPm.Domain.Audit;

namespace HealthItPm.Domain.GoLive;

/// <summary>What the audit log records of a project's go-live gate.</summary>
public static class GoLiveAudit
{
    public static AuditKind GoLiveGateChanged { get; } = new(nameof(GoLiveGateChanged));

    public static AuditKind GoLiveCriterionAttested { get; } = new(nameof(GoLiveCriterionAttested));

    public static IReadOnlyList<AuditKind> All { get; } = [GoLiveGateChanged, GoLiveCriterionAttested];
}
