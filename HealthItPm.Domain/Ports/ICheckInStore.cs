using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Ports;

/// <summary>A project's check-in schedule as stored, with when it last fired.</summary>
public sealed record StoredSchedule(TenantId Tenant, ProjectCode Project, CheckInSchedule Schedule, DateTimeOffset LastFired, string Version);

/// <summary>
/// A round not yet closed and summarised, with the delivery steps already handed to the pipeline
/// (cards, reminders), so the scheduler hands each over once; <paramref name="Version"/> guards the marks.
/// </summary>
public sealed record OpenRound(TenantId Tenant, ProjectCode Project, string RoundId, bool CardsQueued, bool RemindersQueued, string Version);

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
    Task<IReadOnlyList<OpenRound>> OpenRoundsAsync(CancellationToken cancellationToken);

    /// <summary>One round's open-round entry, if it is not yet closed.</summary>
    Task<OpenRound?> GetOpenRoundAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken);

    /// <summary>Marks the round's cards (and reminders) as handed to the pipeline; false when another host changed the round first.</summary>
    Task<bool> MarkQueuedAsync(OpenRound round, CancellationToken cancellationToken);

    /// <summary>Marks the round closed and summarised; false when another host already did.</summary>
    Task<bool> CloseRoundAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken);

    /// <summary>Stores a person's answer, replacing any earlier answer of theirs to the same round.</summary>
    Task SaveAnswerAsync(TenantId tenant, ProjectCode project, string roundId, GivenAnswer answer, CancellationToken cancellationToken);

    Task<IReadOnlyList<GivenAnswer>> AnswersAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken);

    /// <summary>One person's answer to a round, if they gave one.</summary>
    Task<GivenAnswer?> AnswerAsync(TenantId tenant, ProjectCode project, string roundId, PersonId person, CancellationToken cancellationToken);
}
