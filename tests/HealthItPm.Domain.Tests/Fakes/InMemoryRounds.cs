using System.Collections.Concurrent;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Tests.Fakes;

/// <summary>
/// Rounds, their answers, check-in schedules and the delivery ledger in memory, with the stores' versions and "already there" answers.
/// </summary>
public sealed class InMemoryRounds : IRoundStore, ICheckInStore, IDeliveryLedger
{
    private readonly ConcurrentDictionary<(TenantId, ProjectCode, RoundKind, string), Round> _rounds = new();
    private readonly ConcurrentDictionary<(TenantId, ProjectCode, RoundKind, string), (
        bool Cards,
        bool Reminders,
        bool End,
        int Version)> _open = new();
    private readonly ConcurrentDictionary<(TenantId, ProjectCode, RoundKind, string, RespondentKey), object> _answers = new();
    private readonly ConcurrentDictionary<(TenantId, ProjectCode), (
        CheckInSchedule Schedule,
        DateTimeOffset LastFired,
        int Version)> _schedules = new();
    private readonly ConcurrentDictionary<(TenantId, ProjectCode, RoundKind, string), object> _tallies = new();

    /// <summary>How many times a round's answers were read: what a kept tally saves.</summary>
    public int AnswerReads { get; private set; }

    public Task<TTally?> TallyAsync<TTally>(TenantId tenant, Round round, CancellationToken cancellationToken)
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(round);
        return Task.FromResult(_tallies.GetValueOrDefault((tenant, round.Project, round.Kind, round.Id)) as TTally);
    }

    public Task KeepTallyAsync<TTally>(TenantId tenant, Round round, TTally tally, CancellationToken cancellationToken)
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(round);
        _tallies[(tenant, round.Project, round.Kind, round.Id)] = tally;
        return Task.CompletedTask;
    }

    public Task<bool> AddRoundAsync(TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var key = (tenant, round.Project, round.Kind, round.Id);
        var added = _rounds.TryAdd(key, round);
        if (added)
        {
            _open[key] = (false, false, false, 1);
        }

        return Task.FromResult(added);
    }

    public Task<(bool Added, Round? Open)> AddRoundAloneAsync(TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        lock (_rounds)
        {
            var open = _rounds
                .Where(r => r.Key.Item1 == tenant && r.Key.Item2 == round.Project && r.Key.Item3 == round.Kind && r.Key.Item4 != round.Id)
                .Select(r => r.Value)
                .FirstOrDefault(o => o.OpensAt < round.ClosesAt && round.OpensAt < o.ClosesAt);
            return open is not null
                ? Task.FromResult<(bool, Round?)>((false, open))
                : AddRoundAsync(tenant, round, cancellationToken).ContinueWith(t => (t.Result, (Round?)null), TaskScheduler.Default);
        }
    }

    public Task<Round?> GetRoundAsync(
        TenantId tenant,
        ProjectCode project,
        RoundKind kind,
        string roundId,
        CancellationToken cancellationToken) =>
        Task.FromResult(_rounds.GetValueOrDefault((tenant, project, kind, roundId)));

    public Task<IReadOnlyList<Round>> LatestRoundsAsync(
        TenantId tenant,
        ProjectCode project,
        RoundKind kind,
        int count,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Round>>([.. _rounds.Where(r => r.Key.Item1 == tenant && r.Key.Item2 == project && r.Key.Item3 == kind)
            .Select(r => r.Value)
            .OrderByDescending(r => r.OpensAt)
            .Take(count)]);

    public Task<IReadOnlyList<OpenRound>> OpenRoundsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpenRound>>([.. _open.Select(o => Open(o.Key, o.Value))]);

    public Task<OpenRound?> GetOpenRoundAsync(
        TenantId tenant,
        ProjectCode project,
        RoundKind kind,
        string roundId,
        CancellationToken cancellationToken) =>
        Task.FromResult(_open.TryGetValue((tenant, project, kind, roundId), out var open)
            ? Open((tenant, project, kind, roundId), open)
            : null);

    public Task<bool> MarkQueuedAsync(OpenRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var key = (round.Tenant, round.Project, round.Kind, round.RoundId);
        return Task.FromResult(_open.TryGetValue(key, out var stored) && $"v{stored.Version}" == round.Version
            && _open.TryUpdate(key, (round.CardsQueued, round.RemindersQueued, round.EndQueued, stored.Version + 1), stored));
    }

    public Task DestroyKeyAsync(TenantId tenant, Round round, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CloseEarlyAsync(TenantId tenant, Round round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        _rounds.AddOrUpdate(
            (tenant, round.Project, round.Kind, round.Id), round.ClosedEarly(at), (_, kept) => kept.ClosedEarlyAt is null ? kept.ClosedEarly(at) : kept);
        return Task.CompletedTask;
    }

    public Task<bool> CloseRoundAsync(
        TenantId tenant,
        ProjectCode project,
        RoundKind kind,
        string roundId,
        CancellationToken cancellationToken) =>
        Task.FromResult(_open.TryRemove((tenant, project, kind, roundId), out _));

    public Task SaveAnswerAsync<TAnswer>(TenantId tenant, Round round, GivenAnswer<TAnswer> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answer);
        _answers[(tenant, round.Project, round.Kind, round.Id, answer.Respondent)] = answer;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GivenAnswer<TAnswer>>> AnswersAsync<TAnswer>(
        TenantId tenant,
        Round round,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        AnswerReads++;
        return Task.FromResult<IReadOnlyList<GivenAnswer<TAnswer>>>([.. _answers.Where(a => a.Key.Item1 == tenant
            && a.Key.Item2 == round.Project
            && a.Key.Item3 == round.Kind
            && a.Key.Item4 == round.Id)
            .Select(a => a.Value)
            .OfType<GivenAnswer<TAnswer>>()]);
    }

    public Task<GivenAnswer<TAnswer>?> AnswerAsync<TAnswer>(
        TenantId tenant,
        Round round,
        RespondentKey respondent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return Task.FromResult(_answers.GetValueOrDefault((
            tenant, round.Project, round.Kind, round.Id, respondent)) as GivenAnswer<TAnswer>);
    }

    public Task<bool> HasAnsweredAsync(TenantId tenant, Round round, RespondentKey respondent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return Task.FromResult(_answers.ContainsKey((tenant, round.Project, round.Kind, round.Id, respondent)));
    }

    public Task<StoredSchedule?> GetScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        Task.FromResult(_schedules.TryGetValue((tenant, project), out var s)
            ? new StoredSchedule(tenant, project, s.Schedule, s.LastFired, $"v{s.Version}")
            : null);

    public Task SaveScheduleAsync(
        TenantId tenant,
        ProjectCode project,
        CheckInSchedule schedule,
        DateTimeOffset lastFired,
        string? version,
        CancellationToken cancellationToken)
    {
        _schedules.AddOrUpdate((tenant, project), (schedule, lastFired, 1), (_, s) => version is null || $"v{s.Version}" == version
            ? (schedule, lastFired, s.Version + 1)
            : throw new InvalidOperationException("The schedule was saved since it was read."));
        return Task.CompletedTask;
    }

    public Task DeleteScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken)
    {
        _schedules.TryRemove((tenant, project), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredSchedule>> ListSchedulesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredSchedule>>(
            [
                .. _schedules.Select(s =>
                    new StoredSchedule(s.Key.Item1, s.Key.Item2, s.Value.Schedule, s.Value.LastFired, $"v{s.Value.Version}")),
            ]);

    public Task<bool> MarkFiredAsync(StoredSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var key = (schedule.Tenant, schedule.Project);
        return Task.FromResult(_schedules.TryGetValue(key, out var stored) && $"v{stored.Version}" == schedule.Version
            && _schedules.TryUpdate(key, (stored.Schedule, occurrence, stored.Version + 1), stored));
    }

    /// <summary>No card has been tried: the pipeline that writes the ledger is proven against Azurite.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(TenantId tenant, DeliveryTopic topic, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryRecord>>([]);

    public Task<DeliveryRecord?> GetAsync(TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryRecord?>(null);

    private static OpenRound Open(
        (TenantId Tenant, ProjectCode Project, RoundKind Kind, string Id) key,
        (bool Cards, bool Reminders, bool End, int Version) open) =>
        new(key.Tenant, key.Project, key.Kind, key.Id, open.Cards, open.Reminders, open.End, $"v{open.Version}");
}
