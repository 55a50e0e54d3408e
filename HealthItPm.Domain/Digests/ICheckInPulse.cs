using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Digests;

/// <summary>The latest check-in round of a project as the digest reads it; null before any round.</summary>
public interface ICheckInPulse
{
    Task<CheckInPulse?> LatestAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);
}
