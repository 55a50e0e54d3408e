using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Ports;

/// <summary>A subscription as stored, with the version it was read at.</summary>
public sealed record StoredSubscription(DigestSubscription Subscription, string Version);

/// <summary>Digest subscriptions and the weekly per-project snapshots the digest compares against.</summary>
public interface IDigestStore
{
    /// <summary>Adds or replaces a leader's subscription to one scope (a project or the portfolio).</summary>
    Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes it; false when there was none.</summary>
    Task<bool> RemoveAsync(TenantId tenant, PersonId leader, string scope, CancellationToken cancellationToken);

    /// <summary>A leader's subscriptions.</summary>
    Task<IReadOnlyList<StoredSubscription>> ListForAsync(TenantId tenant, PersonId leader, CancellationToken cancellationToken);

    /// <summary>Every subscription, across tenants: what the scheduler looks at each tick.</summary>
    Task<IReadOnlyList<StoredSubscription>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Marks the week handed to the pipeline; false when another host marked it first.</summary>
    Task<bool> MarkQueuedAsync(StoredSubscription subscription, IsoWeek week, CancellationToken cancellationToken);

    /// <summary>Sets the time zone of a leader's subscriptions (from their Teams activity), where it differs.</summary>
    Task SetTimeZoneAsync(TenantId tenant, PersonId leader, string timeZone, CancellationToken cancellationToken);

    /// <summary>The snapshots of these projects stored for <paramref name="week"/> (missing ones are absent).</summary>
    Task<IReadOnlyList<ProjectWeekSnapshot>> SnapshotsAsync(TenantId tenant, IsoWeek week, IReadOnlyCollection<ProjectCode> projects, CancellationToken cancellationToken);

    /// <summary>Stores the week's snapshots; one already stored for a project and week is kept (the first digest of the week wins).</summary>
    Task AddSnapshotsAsync(TenantId tenant, IReadOnlyList<ProjectWeekSnapshot> snapshots, CancellationToken cancellationToken);
}
