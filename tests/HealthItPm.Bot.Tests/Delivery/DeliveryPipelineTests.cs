using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>
/// The delivery pipeline's rules against Azurite's queue and tables, with two hosts on a fake clock:
/// what Teams answers decides when (and whether) a card is tried again, and nothing goes out twice.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class DeliveryPipelineTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    // The PM includes herself: a second recipient beside the nurse.
    private static readonly RoundSettings WithPm = RoundSettings.Default with { Audience = Audience.Everyone with { ProjectManagers = true } };

    private int CallsTo(string conversation) => _hosts.Connector.Requests.Count(r => r.Path.Contains(conversation, StringComparison.Ordinal));

    private async Task<Round> CheckInNowAsync()
    {
        await _hosts.SetUpProjectAsync();
        var round = Assert.IsType<Outcome<Round>.Done>(await _hosts.Get<CheckInService>().StartNowAsync(Tenant, Pm, Code, WithPm, default)).Value;
        await _hosts.Get<RoundSteps>().QueueCardsAsync(Tenant, Code, CheckInRounds.Kind, round.Id, default);
        return round;
    }

    private async Task<DeliveryRecord> NurseCardAsync(Round round) =>
        (await _hosts.Get<IDeliveryLedger>().GetAsync(Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id), Nurse, default))!;

    [Fact]
    public async Task A_card_Teams_throttles_with_retry_after_is_not_tried_again_before_it()
    {
        _hosts.Connector.FailNext(429, retryAfter: "45", pathContains: NurseChat);
        var round = await CheckInNowAsync();

        await _hosts.BothDeliverAsync();
        Assert.Equal((1, 0), (CallsTo(NurseChat), _hosts.CardsTo(NurseChat, "EHR check-in")));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "EHR check-in"));

        _hosts.Clock.Advance(TimeSpan.FromSeconds(44));
        await _hosts.BothDeliverAsync();
        Assert.Equal(1, CallsTo(NurseChat));

        // Past the Retry-After and the second of jitter after it.
        _hosts.Clock.Advance(TimeSpan.FromSeconds(2));
        await _hosts.BothDeliverAsync();
        await _hosts.BothDeliverAsync();
        Assert.Equal((2, 1), (CallsTo(NurseChat), _hosts.CardsTo(NurseChat, "EHR check-in")));
        Assert.Equal((DeliveryState.Sent, 2), ((await NurseCardAsync(round)).State, (await NurseCardAsync(round)).Attempts));
    }

    [Fact]
    public async Task A_card_Teams_answers_forbidden_is_never_tried_again_and_the_person_is_unreachable()
    {
        _hosts.Connector.FailNext(403, pathContains: NurseChat);
        var round = await CheckInNowAsync();

        await _hosts.AfterAsync(TimeSpan.Zero);
        await _hosts.AfterAsync(TimeSpan.FromHours(1));

        Assert.Equal(1, CallsTo(NurseChat));
        Assert.Equal((DeliveryState.Unreachable, 403), ((await NurseCardAsync(round)).State, (await NurseCardAsync(round)).LastStatus));
    }

    [Fact]
    public async Task A_card_that_fails_once_with_503_is_delivered_once_after_its_backoff()
    {
        _hosts.Connector.FailNext(503, pathContains: NurseChat);
        var round = await CheckInNowAsync();

        await _hosts.BothDeliverAsync();
        Assert.Equal(0, _hosts.CardsTo(NurseChat, "EHR check-in"));
        await _hosts.AfterAsync(TimeSpan.FromSeconds(5));
        await _hosts.AfterAsync(TimeSpan.FromMinutes(5));

        Assert.Equal((2, 1), (CallsTo(NurseChat), _hosts.CardsTo(NurseChat, "EHR check-in")));
        Assert.Equal(DeliveryState.Sent, (await NurseCardAsync(round)).State);
    }

    [Fact]
    public async Task The_same_work_enqueued_twice_is_sent_once()
    {
        await _hosts.SetUpProjectAsync();
        var round = Assert.IsType<Outcome<Round>.Done>(await _hosts.Get<CheckInService>().StartNowAsync(Tenant, Pm, Code, WithPm, default)).Value;
        var work = DeliveryWork.To(Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id), Nurse);
        var fanOut = DeliveryWork.FanOut(Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id));
        await _hosts.Get<DeliveryQueues>().EnqueueAsync([work, work, fanOut, fanOut], default);

        await _hosts.AfterAsync(TimeSpan.Zero);
        await _hosts.AfterAsync(TimeSpan.Zero);

        Assert.Equal(1, _hosts.CardsTo(NurseChat, "EHR check-in"));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "EHR check-in"));
        Assert.Equal(0, await _hosts.Get<DeliveryQueues>().WaitingAsync(default));
    }

    [Fact]
    public async Task A_card_that_keeps_failing_is_given_up_kept_for_inspection_and_named_to_the_pm()
    {
        _hosts.Connector.FailNext(503, times: 8, pathContains: NurseChat);
        var round = await CheckInNowAsync();

        await _hosts.BothDeliverAsync();
        for (var i = 0; i < 8; i++)
        {
            await _hosts.AfterAsync(TimeSpan.FromMinutes(20));
        }

        Assert.Equal((8, 0), (CallsTo(NurseChat), _hosts.CardsTo(NurseChat, "EHR check-in")));
        var record = await NurseCardAsync(round);
        Assert.Equal((DeliveryState.NotDelivered, 8, DeliveryFailure.KeptFailing, 503), (record.State, record.Attempts, record.Failure, record.LastStatus));
        Assert.Equal(1, await _hosts.Get<DeliveryQueues>().CountAsync(DeliveryQueues.PoisonQueue, default));

        var summary = Assert.IsType<Outcome<RoundSummary>.Done>(await _hosts.Get<CheckInService>().SummaryAsync(Tenant, Pm, Code, default)).Value;
        Assert.Equal(["Nina Patel"], summary.Delivery.NotDelivered);
        Assert.Equal(["Grace Kim"], summary.Delivery.Unreachable);
        Assert.Equal((1, 0), (summary.Delivery.Sent, summary.Delivery.Pending));
    }

    [Fact]
    public async Task Unreadable_work_goes_to_the_poison_queue_and_the_rest_is_delivered()
    {
        var round = await CheckInNowAsync();
        await _hosts.Get<DeliveryQueues>().EnqueueAsync([new DeliveryWork("no.such.kind", Tenant.Value, "x", Nurse.Value)], default);

        await _hosts.AfterAsync(TimeSpan.Zero);

        Assert.Equal(1, await _hosts.Get<DeliveryQueues>().CountAsync(DeliveryQueues.PoisonQueue, default));
        Assert.Equal(DeliveryState.Sent, (await NurseCardAsync(round)).State);
    }

    [Fact]
    public async Task Work_a_host_keeps_failing_on_is_given_up_but_waiting_is_not_failing()
    {
        var work = new DeliveryWork("checkin.card", Tenant.Value, "EHR|20261130T1200Z", Nurse.Value, Handled: 30);

        Assert.Equal(5, work.FailedReceives(35));
        Assert.Equal(0, work.FailedReceives(30));
    }
}
