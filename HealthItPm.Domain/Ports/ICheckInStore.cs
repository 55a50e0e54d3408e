using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Ports;

/// <summary>A project's check-in schedule as stored, with when it last fired.</summary>
public sealed record StoredSchedule(TenantId Tenant, ProjectCode Project, CheckInSchedule Schedule, DateTimeOffset LastFired, string Version);

/// <summary>What happened to one person's card in a round.</summary>
public enum DeliveryState
{
    /// <summary>Claimed for sending; not yet known to be sent.</summary>
    Sending,
    Sent,
    Unreachable,
}

public sealed record Delivery(PersonId Person, DeliveryState State, bool Reminded, DateTimeOffset UpdatedAt);

/// <summary>Check-in schedules, rounds, answers and deliveries.</summary>
public interface ICheckInStore
{
    Task<StoredSchedule?> GetScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    /// <summary>Saves a schedule; <paramref name="version"/> null creates or replaces it.</summary>
    Task SaveScheduleAsync(TenantId tenant, ProjectCode project, CheckInSchedule schedule, DateTimeOffset lastFired, string? version, CancellationToken cancellationToken);

    Task DeleteScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredSchedule>> ListSchedulesAsync(CancellationToken cancellationToken);

    /// <summary>Records that the schedule fired at <paramref name="occurrence"/>; false when another host already moved it on.</summary>
    Task<bool> MarkFiredAsync(StoredSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken);

    /// <summary>Creates the round; false when it already exists (the id is its opening time).</summary>
    Task<bool> AddRoundAsync(TenantId tenant, CheckInRound round, CancellationToken cancellationToken);

    Task<CheckInRound?> GetRoundAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken);

    /// <summary>The project's latest rounds, newest first.</summary>
    Task<IReadOnlyList<CheckInRound>> LatestRoundsAsync(TenantId tenant, ProjectCode project, int count, CancellationToken cancellationToken);

    /// <summary>Rounds not yet closed and summarised, across tenants: what the scheduler works on.</summary>
    Task<IReadOnlyList<(TenantId Tenant, ProjectCode Project, string RoundId)>> OpenRoundsAsync(CancellationToken cancellationToken);

    /// <summary>Marks the round closed and summarised; false when another host already did.</summary>
    Task<bool> CloseRoundAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken);

    /// <summary>Stores a person's answer, replacing any earlier answer of theirs to the same round.</summary>
    Task SaveAnswerAsync(TenantId tenant, ProjectCode project, string roundId, GivenAnswer answer, CancellationToken cancellationToken);

    Task<IReadOnlyList<GivenAnswer>> AnswersAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Delivery>> DeliveriesAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken);

    /// <summary>Claims sending a person's card (or reminder); false when it was already claimed.</summary>
    Task<bool> ClaimDeliveryAsync(TenantId tenant, ProjectCode project, string roundId, PersonId person, bool reminder, CancellationToken cancellationToken);

    Task SetDeliveryAsync(TenantId tenant, ProjectCode project, string roundId, PersonId person, DeliveryState state, CancellationToken cancellationToken);

    /// <summary>Gives up a claim whose send failed, so the next pass tries again.</summary>
    Task ReleaseDeliveryAsync(TenantId tenant, ProjectCode project, string roundId, PersonId person, bool reminder, CancellationToken cancellationToken);
}
