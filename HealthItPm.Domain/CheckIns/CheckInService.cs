using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.CheckIns;

/// <summary>
/// The check-in use cases: PMs start and schedule rounds; stakeholders answer; the scheduler opens
/// due rounds. Rounds are the round engine's (<see cref="RoundEngine"/>): opening is idempotent (a
/// round's id is its opening minute), so a double click or two hosts firing the same occurrence open
/// one round. What is check-in's own is the schedule and the summary.
/// </summary>
public sealed class CheckInService(
    ICheckInStore schedules,
    IRoundStore rounds,
    RoundEngine engine,
    IDeliveryLedger deliveries,
    IProjectRepository projects,
    AccessPolicy access,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <summary>How many earlier rounds a summary's trend shows.</summary>
    public const int TrendRounds = 4;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<Outcome<Round>> StartNowAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundSettings settings,
        CancellationToken cancellationToken) =>
        StartNowAsync(tenant, person, code, settings, null, cancellationToken);

    /// <summary>
    /// Sends a round now; <paramref name="after"/>: the open round the PM confirmed sending another beside
    /// (<see cref="RoundEngine.StartAsync(TenantId, PersonId, Project, RoundKind, RoundSettings, string?, CancellationToken)"/>).
    /// </summary>
    public async Task<Outcome<Round>> StartNowAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundSettings settings,
        string? after,
        CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done done)
        {
            return project.Carry<Round>();
        }

        return await engine.StartAsync(tenant, person, done.Value, CheckInRounds.Kind, settings, after, cancellationToken);
    }

    /// <summary>The project's check-in still open now, if any, for a PM (so <c>checkin now</c> can ask before sending another).</summary>
    public Task<Outcome<Round?>> OpenRoundAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken) =>
        engine.OpenRoundAsync(tenant, person, code, CheckInRounds.Kind, ProjectAction.ManageCheckIns, cancellationToken);

    public async Task<Outcome<CheckInSchedule>> ScheduleAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        CheckInSchedule schedule,
        CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<CheckInSchedule>();
        }

        // From now on: a schedule set today does not fire for occurrences before it existed.
        await schedules.SaveScheduleAsync(tenant, code, schedule, clock.GetUtcNow(), null, cancellationToken);
        await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, CheckInRounds.Scheduled, code), cancellationToken);
        return new Outcome<CheckInSchedule>.Done(schedule);
    }

    public async Task<Outcome<bool>> StopAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<bool>();
        }

        var existed = await schedules.GetScheduleAsync(tenant, code, cancellationToken) is not null;
        await schedules.DeleteScheduleAsync(tenant, code, cancellationToken);
        await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, CheckInRounds.Stopped, code), cancellationToken);
        return new Outcome<bool>.Done(existed);
    }

    /// <summary>Every stored schedule, for the scheduler to fire one by one.</summary>
    public Task<IReadOnlyList<StoredSchedule>> SchedulesAsync(CancellationToken cancellationToken) =>
        schedules.ListSchedulesAsync(cancellationToken);

    /// <summary>Opens the schedule's due round (one, however many occurrences were missed); returns it if this call opened it.</summary>
    public async Task<Round?> FireIfDueAsync(StoredSchedule stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Schedule.Due(stored.LastFired, clock.GetUtcNow()) is not { } occurrence)
        {
            return null;
        }

        // The round first (idempotent), then the schedule moved on (ETag-guarded): a crash in between
        // re-opens the same round next tick, and of two hosts only one moves the schedule on.
        var project = await projects.GetAsync(stored.Tenant, stored.Project, cancellationToken);
        var s = stored.Schedule;
        var settings = new RoundSettings(s.RemindAfter, s.CloseAfter, s.Anonymous, s.Audience);
        var outcome = project is null
            ? null
            : await engine.OpenAsync(stored.Tenant, project.Project, CheckInRounds.Kind, occurrence, settings, cancellationToken);
        return await schedules.MarkFiredAsync(stored, occurrence, cancellationToken) && outcome is Outcome<Round>.Done { Value: var round }
            ? round
            : null;
    }

    /// <summary>Records an answer (replacing the person's earlier one) if the round was sent to them and is open.</summary>
    public Task<Outcome<(Round Round, GivenAnswer<CheckInAnswer> Answer)>> SubmitAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        string roundId,
        CheckInAnswer answer,
        CancellationToken cancellationToken) =>
        engine.SubmitAsync(tenant, person, code, CheckInRounds.Kind, roundId, answer, cancellationToken);

    /// <summary>The person's current answer to a round, if any (for "Change answer").</summary>
    public Task<(Round? Round, GivenAnswer<CheckInAnswer>? Answer)> AnswerOfAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        string roundId,
        CancellationToken cancellationToken) =>
        engine.AnswerOfAsync(tenant, person, code, CheckInRounds.Kind, roundId, cancellationToken);

    /// <summary>What a round's answers add up to (kept once it is final: <see cref="RoundEngine.TallyAsync"/>).</summary>
    public Task<CheckInTally> TallyAsync(TenantId tenant, Round round, CancellationToken cancellationToken) =>
        engine.TallyAsync(tenant, CheckInRounds.Kind, round, cancellationToken);

    /// <summary>The latest round's summary for a PM, with the trend over the rounds before it.</summary>
    public async Task<Outcome<RoundSummary>> SummaryAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<RoundSummary>();
        }

        var latest = await rounds.LatestRoundsAsync(tenant, code, CheckInRounds.Kind, TrendRounds + 1, cancellationToken);
        if (latest.Count == 0)
        {
            return new Outcome<RoundSummary>.NotFound(Problem.NoCheckInYet());
        }

        return new Outcome<RoundSummary>.Done(await SummarizeAsync(tenant, latest, cancellationToken));
    }

    /// <summary>The summary of a closing round, with the trend over the rounds before it.</summary>
    public async Task<RoundSummary> SummaryOfAsync(TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var latest = (await rounds.LatestRoundsAsync(tenant, round.Project, CheckInRounds.Kind, TrendRounds + 5, cancellationToken))
            .Where(r => r.OpensAt <= round.OpensAt)
            .Take(TrendRounds + 1)
            .ToList();
        return await SummarizeAsync(tenant, latest, cancellationToken);
    }

    /// <summary>The summary of the newest of <paramref name="latest"/> (newest first), with the others as its trend.</summary>
    private async Task<RoundSummary> SummarizeAsync(TenantId tenant, IReadOnlyList<Round> latest, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var points = new List<RoundTrendPoint>();
        foreach (var earlier in latest.Skip(1).Reverse())
        {
            points.Add((await SummaryOfAsync(tenant, earlier, [], now, cancellationToken)).Point);
        }

        return await SummaryOfAsync(tenant, latest[0], points, now, cancellationToken);
    }

    private async Task<RoundSummary> SummaryOfAsync(
        TenantId tenant,
        Round round,
        IReadOnlyList<RoundTrendPoint> previous,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var answers = await rounds.AnswersAsync<CheckInAnswer>(tenant, round, cancellationToken);
        var cards = await deliveries.ListAsync(
            tenant,
            CheckInRounds.Kind.Topics.Of(RoundStep.Card, round.Project, round.Id),
            cancellationToken);
        return RoundSummary.From(round, answers, cards, previous, now);
    }
}
