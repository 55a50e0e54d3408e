using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.CheckIns;

/// <summary>A round's settings when a PM starts one by hand.</summary>
public sealed record RoundSettings(TimeSpan RemindAfter, TimeSpan CloseAfter, bool Anonymous, Audience Audience)
{
    public static RoundSettings Default { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, Audience.Everyone);
}

/// <summary>
/// The check-in use cases: PMs start and schedule rounds; stakeholders answer; the scheduler opens
/// due rounds. Opening is idempotent (a round's id is its opening minute), so a double click or two
/// hosts firing the same occurrence open one round.
/// </summary>
public sealed class CheckInService(ICheckInStore store, IDeliveryLedger deliveries, IProjectRepository projects, AccessPolicy access, IAuditLog audit, TimeProvider clock)
{
    /// <summary>How many earlier rounds a summary's trend shows.</summary>
    public const int TrendRounds = 4;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Outcome<CheckInRound>> StartNowAsync(TenantId tenant, PersonId person, ProjectCode code, RoundSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done done)
        {
            return project.Carry<CheckInRound>();
        }

        var now = clock.GetUtcNow();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var opened = await OpenAsync(tenant, done.Value, minute, settings.RemindAfter, settings.CloseAfter, settings.Anonymous, settings.Audience, cancellationToken);
        if (opened is Outcome<CheckInRound>.Done { Value: var round })
        {
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, AuditKind.CheckInStarted, code, round.Id), cancellationToken);
        }

        return opened;
    }

    public async Task<Outcome<CheckInSchedule>> ScheduleAsync(TenantId tenant, PersonId person, ProjectCode code, CheckInSchedule schedule, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<CheckInSchedule>();
        }

        // From now on: a schedule set today does not fire for occurrences before it existed.
        await store.SaveScheduleAsync(tenant, code, schedule, clock.GetUtcNow(), null, cancellationToken);
        await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, AuditKind.CheckInScheduled, code), cancellationToken);
        return new Outcome<CheckInSchedule>.Done(schedule);
    }

    public async Task<Outcome<bool>> StopAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<bool>();
        }

        var existed = await store.GetScheduleAsync(tenant, code, cancellationToken) is not null;
        await store.DeleteScheduleAsync(tenant, code, cancellationToken);
        await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, AuditKind.CheckInStopped, code), cancellationToken);
        return new Outcome<bool>.Done(existed);
    }

    /// <summary>Every stored schedule, for the scheduler to fire one by one.</summary>
    public Task<IReadOnlyList<StoredSchedule>> SchedulesAsync(CancellationToken cancellationToken) => store.ListSchedulesAsync(cancellationToken);

    /// <summary>Opens the schedule's due round (one, however many occurrences were missed); returns it if this call opened it.</summary>
    public async Task<CheckInRound?> FireIfDueAsync(StoredSchedule stored, CancellationToken cancellationToken)
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
        var outcome = project is null ? null : await OpenAsync(stored.Tenant, project.Project, occurrence, s.RemindAfter, s.CloseAfter, s.Anonymous, s.Audience, cancellationToken);
        return await store.MarkFiredAsync(stored, occurrence, cancellationToken) && outcome is Outcome<CheckInRound>.Done { Value: var round } ? round : null;
    }

    /// <summary>Records an answer (replacing the person's earlier one) if the round was sent to them and is open.</summary>
    public async Task<Outcome<(CheckInRound Round, GivenAnswer Answer)>> SubmitAsync(TenantId tenant, PersonId person, ProjectCode code, string roundId, CheckInAnswer answer, CancellationToken cancellationToken)
    {
        var allowed = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.AnswerCheckIn, cancellationToken);
        if (allowed is not Outcome<Project>.Done)
        {
            return allowed.Carry<(CheckInRound, GivenAnswer)>();
        }

        var round = await store.GetRoundAsync(tenant, code, roundId, cancellationToken);
        if (round is null)
        {
            return new Outcome<(CheckInRound, GivenAnswer)>.NotFound("That check-in no longer exists.");
        }

        GivenAnswer given;
        try
        {
            given = round.Accept(person, answer, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return round.IsAddressedTo(person)
                ? new Outcome<(CheckInRound, GivenAnswer)>.Invalid(e.Message)
                : new Outcome<(CheckInRound, GivenAnswer)>.Refused(Refusal.NotSentToYou(code));
        }

        await store.SaveAnswerAsync(tenant, code, roundId, given, cancellationToken);
        if (!round.Anonymous)
        {
            // An anonymous round's log must not say who answered it.
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, AuditKind.CheckInAnswered, code, roundId), cancellationToken);
        }
        return new Outcome<(CheckInRound, GivenAnswer)>.Done((round, given));
    }

    /// <summary>The round, if the person is on its project and it was sent to them (authorized before the round is read).</summary>
    public async Task<CheckInRound?> RoundForAsync(TenantId tenant, PersonId person, ProjectCode code, string roundId, CancellationToken cancellationToken) =>
        await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.AnswerCheckIn, cancellationToken) is Outcome<Project>.Done
        && await store.GetRoundAsync(tenant, code, roundId, cancellationToken) is { } round && round.IsAddressedTo(person) ? round : null;

    /// <summary>The person's current answer to a round, if any (for "Change answer").</summary>
    public async Task<(CheckInRound? Round, GivenAnswer? Answer)> AnswerOfAsync(TenantId tenant, PersonId person, ProjectCode code, string roundId, CancellationToken cancellationToken)
    {
        if (await RoundForAsync(tenant, person, code, roundId, cancellationToken) is not { } round)
        {
            return (null, null);
        }

        return (round, await store.AnswerAsync(tenant, code, roundId, person, cancellationToken));
    }

    /// <summary>The latest round's summary for a PM (or a given round's), with the trend over the rounds before it.</summary>
    public async Task<Outcome<RoundSummary>> SummaryAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<RoundSummary>();
        }

        var rounds = await store.LatestRoundsAsync(tenant, code, TrendRounds + 1, cancellationToken);
        if (rounds.Count == 0)
        {
            return new Outcome<RoundSummary>.NotFound("There has been no check-in yet. Type **checkin now** to send one, or **checkin schedule** to make it weekly.");
        }

        return new Outcome<RoundSummary>.Done(await SummarizeAsync(tenant, rounds, cancellationToken));
    }

    /// <summary>The summary of the newest of <paramref name="rounds"/> (newest first), with the others as its trend.</summary>
    public async Task<RoundSummary> SummarizeAsync(TenantId tenant, IReadOnlyList<CheckInRound> rounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var now = clock.GetUtcNow();
        var points = new List<RoundTrendPoint>();
        foreach (var earlier in rounds.Skip(1).Reverse())
        {
            points.Add((await SummaryOfAsync(tenant, earlier, [], now, cancellationToken)).Point);
        }

        return await SummaryOfAsync(tenant, rounds[0], points, now, cancellationToken);
    }

    private async Task<RoundSummary> SummaryOfAsync(TenantId tenant, CheckInRound round, IReadOnlyList<RoundTrendPoint> previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answers = await store.AnswersAsync(tenant, round.Project, round.Id, cancellationToken);
        var cards = await deliveries.ListAsync(tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, round.Project, round.Id), cancellationToken);
        return RoundSummary.From(round, answers, cards, previous, now);
    }

    private async Task<Outcome<CheckInRound>> OpenAsync(TenantId tenant, Project project, DateTimeOffset opensAt, TimeSpan remindAfter, TimeSpan closeAfter, bool anonymous, Audience audience, CancellationToken cancellationToken)
    {
        var respondents = audience.Select(project);
        if (respondents.Count == 0)
        {
            return new Outcome<CheckInRound>.Invalid($"No stakeholders of {project.Code} match this check-in's audience. Type **stakeholder add** to add people.");
        }

        var round = new CheckInRound(project.Code, opensAt, remindAfter, closeAfter, anonymous, respondents);
        if (!await store.AddRoundAsync(tenant, round, cancellationToken))
        {
            // Already opened (a double click, or another host): that round is the answer.
            round = (await store.GetRoundAsync(tenant, project.Code, round.Id, cancellationToken))!;
        }

        return new Outcome<CheckInRound>.Done(round);
    }
}
