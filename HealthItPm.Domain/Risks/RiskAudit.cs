using HealthItPm.Domain.Audit;

namespace HealthItPm.Domain.Risks;

/// <summary>What the audit log records of risks and concerns.</summary>
public static class RiskAudit
{
    public static AuditKind RiskLogged { get; } = new(nameof(RiskLogged));

    public static AuditKind RiskUpdated { get; } = new(nameof(RiskUpdated));

    public static AuditKind RiskOwnerAssigned { get; } = new(nameof(RiskOwnerAssigned));

    public static AuditKind RiskAcknowledged { get; } = new(nameof(RiskAcknowledged));

    public static AuditKind RiskAccepted { get; } = new(nameof(RiskAccepted));

    public static AuditKind RiskUpdateRequested { get; } = new(nameof(RiskUpdateRequested));

    public static AuditKind RiskHandedOver { get; } = new(nameof(RiskHandedOver));

    public static AuditKind ConcernReported { get; } = new(nameof(ConcernReported));

    public static AuditKind ConcernDismissed { get; } = new(nameof(ConcernDismissed));

    public static IReadOnlyList<AuditKind> All { get; } =
    [
        RiskLogged, RiskUpdated, RiskOwnerAssigned, RiskAcknowledged, RiskAccepted, RiskUpdateRequested, RiskHandedOver,
        ConcernReported, ConcernDismissed,
    ];
}
