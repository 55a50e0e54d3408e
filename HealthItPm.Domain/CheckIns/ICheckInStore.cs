using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.CheckIns;

/// <summary>A project's check-in schedule as stored, with when it last fired.</summary>
public sealed record StoredSchedule(
    TenantId Tenant,
    ProjectCode Project,
    CheckInSchedule Schedule,
    DateTimeOffset LastFired,
    string Version);

/// <summary>Check-in schedules (the rounds they open are in <see cref="Rounds.IRoundStore"/>).</summary>
public interface ICheckInStore
{
    Task<StoredSchedule?> GetScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    /// <summary>Saves a schedule; <paramref name="version"/> null creates or replaces it.</summary>
    Task SaveScheduleAsync(
        TenantId tenant,
        ProjectCode project,
        CheckInSchedule schedule,
        DateTimeOffset lastFired,
        string? version,
        CancellationToken cancellationToken);

    Task DeleteScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredSchedule>> ListSchedulesAsync(CancellationToken cancellationToken);

    /// <summary>Records that the schedule fired at <paramref name="occurrence"/>; false when another host already moved it on.</summary>
    Task<bool> MarkFiredAsync(StoredSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken);
}
