using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;

namespace HealthItPm.Domain.Tests.Rounds;

/// <summary>
/// A closed round is counted once and the count kept; an open one, or one whose last answers may still be saving, is counted each time.
/// </summary>
public class RoundTallyTests
{
    private static readonly TenantId Tenant = new("9b0f3c1e-2d4a-4e6b-8c7d-1f2e3a4b5c6d");
    private static readonly DateTimeOffset Opens = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Opens);
    private readonly InMemoryRounds _rounds = new();
    private readonly RoundEngine _engine;
    private readonly Round _round = new(
        new ProjectCode("EHR"),
        Opens,
        TimeSpan.FromHours(24),
        TimeSpan.FromHours(48),
        false,
        [new(Nurse, "Nina Patel", StakeholderRole.Nurse, "ICU"), new(Pm, "Pat Moore", StakeholderRole.It, null)],
        CheckInRounds.Kind);

    public RoundTallyTests() =>
        _engine = new RoundEngine(
            _rounds,
            new InMemoryProjects(),
            new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId> { Pm }),
            new InMemoryAuditLog(),
            _clock);

    private Task<CheckInTally> TallyAsync() => _engine.TallyAsync(Tenant, CheckInRounds.Kind, _round, default);

    private Task AnswerAsync(PersonId person, CheckInStatus status, int minutes) =>
        _rounds.SaveAnswerAsync(
            Tenant,
            _round,
            _round.Accept(person, CheckInAnswer.Create(status, new WorkflowImpact(2), null, false), Opens.AddMinutes(minutes)),
            default);

    [Fact]
    public async Task Each_persons_latest_answer_counts_and_nobody_answering_is_no_share_not_zero()
    {
        _clock.SetUtcNow(Opens.AddMinutes(30));
        Assert.Equal((0, (decimal?)null), ((await TallyAsync()).Answered, (await TallyAsync()).BlockedShare));

        await AnswerAsync(Nurse, CheckInStatus.Blocked, 1);
        await AnswerAsync(Nurse, CheckInStatus.OnTrack, 2);
        await AnswerAsync(Pm, CheckInStatus.Blocked, 3);

        Assert.Equal(new CheckInTally(2, 1), await TallyAsync());
        Assert.Equal(0.5m, (await TallyAsync()).BlockedShare);
    }

    [Fact]
    public async Task An_open_round_is_counted_from_its_answers_every_time_and_nothing_is_kept()
    {
        _clock.SetUtcNow(Opens.AddHours(1));
        await AnswerAsync(Nurse, CheckInStatus.Blocked, 1);
        Assert.Equal(new CheckInTally(1, 1), await TallyAsync());
        await AnswerAsync(Pm, CheckInStatus.OnTrack, 90);

        Assert.Equal(new CheckInTally(2, 1), await TallyAsync());
        Assert.Equal(2, _rounds.AnswerReads);
        Assert.Null(await _rounds.TallyAsync<CheckInTally>(Tenant, _round, default));
    }

    [Fact]
    public async Task Just_after_the_deadline_the_last_answers_may_still_be_saving_so_nothing_is_kept_yet()
    {
        await AnswerAsync(Nurse, CheckInStatus.Blocked, 1);
        _clock.SetUtcNow(_round.ClosesAt + RoundEngine.AnswersSettle - TimeSpan.FromSeconds(1));

        Assert.Equal(new CheckInTally(1, 1), await TallyAsync());
        Assert.Null(await _rounds.TallyAsync<CheckInTally>(Tenant, _round, default));
    }

    [Fact]
    public async Task A_closed_round_is_counted_once_and_every_later_reader_gets_the_kept_count()
    {
        await AnswerAsync(Nurse, CheckInStatus.Blocked, 1);
        _clock.SetUtcNow(_round.ClosesAt + RoundEngine.AnswersSettle);

        var first = await TallyAsync();
        _clock.Advance(TimeSpan.FromDays(300));
        var later = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => TallyAsync()));

        Assert.Equal(new CheckInTally(1, 1), first);
        Assert.All(later, t => Assert.Equal(first, t));
        Assert.Equal(1, _rounds.AnswerReads);
        Assert.Equal(first, await _rounds.TallyAsync<CheckInTally>(Tenant, _round, default));
    }
}
