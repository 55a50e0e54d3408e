using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Risks;

/// <summary>A risk as read, with the version it was read at.</summary>
public sealed record VersionedRisk(Risk Risk, string Version);

/// <summary>A project's risk register.</summary>
public interface IRiskStore
{
    /// <summary>The next risk number in the project (1, 2, …), never handed out twice.</summary>
    Task<int> NextNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    Task AddAsync(TenantId tenant, Risk risk, CancellationToken cancellationToken);

    Task<VersionedRisk?> GetAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken);

    /// <summary>Saves a changed risk; false when someone saved it since it was read.</summary>
    Task<bool> SaveAsync(TenantId tenant, VersionedRisk risk, CancellationToken cancellationToken);

    Task<IReadOnlyList<Risk>> ListAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    /// <summary>
    /// The project's open risks and those with an event at or after <paramref name="since"/>: what a
    /// week's digest needs, read through indexes so that the cost follows the open and recent risks,
    /// never the length of the register's history.
    /// </summary>
    Task<IReadOnlyList<Risk>> OpenOrChangedSinceAsync(
        TenantId tenant,
        ProjectCode project,
        DateTimeOffset since,
        CancellationToken cancellationToken);

    /// <summary>The next concern number in the project.</summary>
    Task<int> NextConcernNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    Task AddConcernAsync(TenantId tenant, Concern concern, CancellationToken cancellationToken);

    Task<(
        Concern Concern,
        string Version)?> GetConcernAsync(TenantId tenant,
        ProjectCode project,
        int number,
        CancellationToken cancellationToken);

    /// <summary>Saves a triaged concern; false when someone triaged it since it was read.</summary>
    Task<bool> SaveConcernAsync(TenantId tenant, Concern concern, string version, CancellationToken cancellationToken);

    /// <summary>Risks the escalation policy still watches (not accepted or closed), across tenants.</summary>
    Task<IReadOnlyList<(TenantId Tenant, RiskId Id)>> WatchedAsync(CancellationToken cancellationToken);
}
