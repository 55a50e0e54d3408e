using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Digests;

/// <summary>A subscription as stored, with the version it was read at.</summary>
public sealed record StoredSubscription(DigestSubscription Subscription, string Version);

/// <summary>Digest subscriptions (one per leader) and the weekly per-project snapshots the digest compares against.</summary>
public interface IDigestStore
{
    Task<StoredSubscription?> GetAsync(TenantId tenant, PersonId leader, CancellationToken cancellationToken);

    /// <summary>Adds (<paramref name="version"/> null) or replaces a subscription; false when someone saved it since it was read.</summary>
    Task<bool> SaveAsync(DigestSubscription subscription, string? version, CancellationToken cancellationToken);

    /// <summary>Removes a leader's subscription; false when there was none.</summary>
    Task<bool> RemoveAsync(TenantId tenant, PersonId leader, CancellationToken cancellationToken);

    /// <summary>Every subscription, across tenants: what the scheduler looks at each tick.</summary>
    Task<IReadOnlyList<StoredSubscription>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Every subscription of one hospital.</summary>
    Task<IReadOnlyList<StoredSubscription>> ListAsync(TenantId tenant, CancellationToken cancellationToken);

    /// <summary>Marks the week handed to the pipeline; false when another host changed the subscription first.</summary>
    Task<bool> MarkQueuedAsync(StoredSubscription subscription, IsoWeek week, CancellationToken cancellationToken);

    /// <summary>The snapshots stored for <paramref name="week"/> of these projects (missing ones are absent).</summary>
    Task<IReadOnlyList<ProjectWeekSnapshot>> SnapshotsAsync(
        TenantId tenant,
        IsoWeek week,
        IReadOnlyCollection<ProjectCode> projects,
        CancellationToken cancellationToken);

    /// <summary>
    /// Stores the week's snapshots; one already stored for a project and week is kept (the first digest of the week wins).
    /// </summary>
    Task AddSnapshotsAsync(TenantId tenant, IReadOnlyList<ProjectWeekSnapshot> snapshots, CancellationToken cancellationToken);
}
