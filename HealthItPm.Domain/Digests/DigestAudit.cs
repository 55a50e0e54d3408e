using HealthItPm.Domain.Audit;

namespace HealthItPm.Domain.Digests;

/// <summary>What the audit log records of digest subscriptions.</summary>
public static class DigestAudit
{
    public static AuditKind DigestSubscribed { get; } = new(nameof(DigestSubscribed));

    public static AuditKind DigestUnsubscribed { get; } = new(nameof(DigestUnsubscribed));

    public static AuditKind DigestScheduleChanged { get; } = new(nameof(DigestScheduleChanged));

    public static AuditKind DigestLeaderSubscribed { get; } = new(nameof(DigestLeaderSubscribed));

    public static IReadOnlyList<AuditKind> All { get; } =
        [DigestSubscribed, DigestUnsubscribed, DigestScheduleChanged, DigestLeaderSubscribed];
}
