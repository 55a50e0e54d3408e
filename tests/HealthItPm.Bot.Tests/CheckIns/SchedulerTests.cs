using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Rounds;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>
/// A weekly check-in run unattended by two bot hosts sharing one storage, on a fake clock: every
/// step (open, send, remind, close, summarise) happens once. The hosts' own timers are off; the
/// test ticks both at once, as two instances would.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class SchedulerTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    /// <summary>EHR with a weekly check-in on Tuesdays 10:00 Chicago time, reminder after 24 h, closing after 48 h.</summary>
    private async Task<(string Pm, string Nurse)> SetUpAsync()
    {
        await _hosts.SetUpProjectAsync();
        var schedule = new CheckInSchedule(DayOfWeek.Tuesday, new TimeOnly(10, 0), "America/Chicago", TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, Audience.Everyone with { ProjectManagers = true });
        Assert.IsType<Outcome<CheckInSchedule>.Done>(await _hosts.Get<CheckInService>().ScheduleAsync(Tenant, Pm, Code, schedule, default));
        return (PmChat, NurseChat);
    }

    [Fact]
    public async Task Two_hosts_run_a_weekly_check_in_once()
    {
        var (pm, nurse) = await SetUpAsync();
        var store = _hosts.HostA.Services.GetRequiredService<IRoundStore>();

        // Tuesday 10:00 in Chicago is 16:00 UTC.
        _hosts.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 16, 0, 30, TimeSpan.Zero));
        await _hosts.AfterAsync(TimeSpan.Zero);

        var rounds = await store.LatestRoundsAsync(Tenant, Code, CheckInRounds.Kind, 10, default);
        var round = Assert.Single(rounds);
        Assert.Equal("20261201T1600Z", round.Id);
        Assert.Equal(1, _hosts.CardsTo(nurse, "EHR check-in"));
        Assert.Equal(1, _hosts.CardsTo(pm, "EHR check-in"));
        var deliveries = await _hosts.Get<IDeliveryLedger>().ListAsync(Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id), default);
        Assert.Equal(DeliveryState.Unreachable, deliveries.Single(d => d.Recipient.Value == TestActivities.PharmacistAadId).State);
        Assert.Equal(2, deliveries.Count(d => d.State == DeliveryState.Sent));

        // The nurse answers; after 24 h only the PM (reachable, no answer) is reminded, once.
        var checkIns = _hosts.HostA.Services.GetRequiredService<CheckInService>();
        var answer = CheckInAnswer.Create(CheckInStatus.SomeConcerns, new WorkflowImpact(3), Guarded.From("Order sets missing for sepsis"), true);
        Assert.IsType<Outcome<(Round, GivenAnswer<CheckInAnswer>)>.Done>(await checkIns.SubmitAsync(Tenant, new PersonId(TestActivities.NurseAadId), Code, round.Id, answer, default));
        await _hosts.AfterAsync(TimeSpan.FromHours(24));
        Assert.Equal(1, _hosts.CardsTo(pm, "Reminder: EHR check-in"));
        Assert.Equal(0, _hosts.CardsTo(nurse, "Reminder: EHR check-in"));

        // At the deadline the PM gets the summary, once, naming who could not be reached.
        await _hosts.AfterAsync(TimeSpan.FromHours(24));
        Assert.Equal(1, _hosts.CardsTo(pm, "EHR check-in results"));
        var summary = _hosts.Connector.SentActivities(pm).Single(a => a.ToString().Contains("EHR check-in results", StringComparison.Ordinal)).ToString();
        Assert.Contains("1 of 3 (33%)", summary, StringComparison.Ordinal);
        Assert.Contains("Grace Kim", summary, StringComparison.Ordinal);
        Assert.Contains("Nina Patel: Order sets missing for sepsis", summary, StringComparison.Ordinal);

        // The round stays open while the last answers may still be saving; then its count is kept and it closes.
        Assert.Single(await store.OpenRoundsAsync(default));
        Assert.Null(await store.TallyAsync<CheckInTally>(Tenant, round, default));
        await _hosts.AfterAsync(RoundEngine.AnswersSettle);
        Assert.Empty(await store.OpenRoundsAsync(default));
        Assert.Equal(new CheckInTally(1, 0), await store.TallyAsync<CheckInTally>(Tenant, round, default));
        Assert.Equal(1, _hosts.CardsTo(pm, "EHR check-in results"));
    }

    [Fact]
    public async Task Checkin_now_twice_in_the_same_minute_opens_and_sends_one_round()
    {
        var (_, nurse) = await SetUpAsync();
        var checkIns = _hosts.HostA.Services.GetRequiredService<CheckInService>();
        var roundsA = _hosts.HostA.Services.GetRequiredService<RoundSteps>();
        var roundsB = _hosts.HostB.Services.GetRequiredService<RoundSteps>();
        var pm = new PersonId(TestActivities.PmAadId);

        var first = Assert.IsType<Outcome<Round>.Done>(await checkIns.StartNowAsync(Tenant, pm, Code, RoundSettings.Default, default)).Value;
        _hosts.Clock.Advance(TimeSpan.FromSeconds(20));
        var second = Assert.IsType<Outcome<Round>.Done>(await checkIns.StartNowAsync(Tenant, pm, Code, RoundSettings.Default, default)).Value;
        await Task.WhenAll(roundsA.QueueCardsAsync(Tenant, Code,
            CheckInRounds.Kind, first.Id, default), roundsB.QueueCardsAsync(Tenant, Code, CheckInRounds.Kind, second.Id, default));
        await _hosts.BothDeliverAsync();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, _hosts.CardsTo(nurse, "EHR check-in"));
    }

    [Fact]
    public async Task After_three_weeks_of_downtime_one_round_catches_up()
    {
        var (_, nurse) = await SetUpAsync();
        var store = _hosts.HostA.Services.GetRequiredService<IRoundStore>();

        _hosts.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 12, 0, 0, TimeSpan.Zero));
        await _hosts.BothTickAsync();

        var round = Assert.Single(await store.LatestRoundsAsync(Tenant, Code, CheckInRounds.Kind, 10, default));
        Assert.Equal("20261215T1600Z", round.Id);
        Assert.Equal(1, _hosts.CardsTo(nurse, "EHR check-in"));
    }
}
