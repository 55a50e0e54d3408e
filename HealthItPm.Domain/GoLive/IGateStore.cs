using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.GoLive;

/// <summary>A gate as stored, with the version it was read at.</summary>
public sealed record VersionedGate(TenantId Tenant, GoLiveGate Gate, string Version);

/// <summary>Go-live gates: one per project.</summary>
public interface IGateStore
{
    Task<VersionedGate?> GetAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    /// <summary>Adds (<paramref name="version"/> null) or replaces a gate; false when someone saved it since it was read.</summary>
    Task<bool> SaveAsync(TenantId tenant, GoLiveGate gate, string? version, CancellationToken cancellationToken);

    /// <summary>Every gate whose date has not passed, across tenants: what the scheduler keeps checkpoints of.</summary>
    Task<IReadOnlyList<VersionedGate>> ListAllAsync(CancellationToken cancellationToken);
}
