using Azure.Data.Tables;
using Azure.Storage.Queues;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Rounds;
using static HealthItPm.Bot.Tests.Support.HostProcesses;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>
/// A bot host killed (SIGKILL, no graceful stop) in the middle of a delivery, and another host
/// taking over: every reachable person gets exactly one check-in card and, not having answered,
/// exactly one reminder. The hosts are real processes on one Azurite, working in real time with a
/// short lease.
/// </summary>
[Trait("Needs", "Azurite")]
[Trait("Needs", "Processes")]
public sealed class HostCrashTests : IAsyncLifetime
{
    private readonly HostProcesses _hosts = new();
    private Azure.ETag? _firstBeat;

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    private async Task QueueRoundAsync(Round round, bool reminders)
    {
        var rounds = _hosts.Get<RoundSteps>();
        await rounds.QueueCardsAsync(Tenant, Code, CheckInRounds.Kind, round.Id, default);
        if (reminders)
        {
            var open = (await _hosts.Get<IRoundStore>().OpenRoundsAsync(default)).Single();
            await rounds.StepAsync(open, default);
        }
    }

    private async Task<bool> AllSettledAsync(Round round, params string[] kinds)
    {
        var ledger = _hosts.Get<IDeliveryLedger>();
        foreach (var kind in kinds)
        {
            var records = await ledger.ListAsync(Tenant, DeliveryTopics.CheckIn(kind, Code, round.Id), default);
            if (records.Count < round.Audience.Count || records.Any(r => !r.IsSettled))
            {
                return false;
            }
        }

        return await _hosts.Get<DeliveryQueues>().WaitingAsync(default) == 0;
    }

    [Fact]
    public async Task A_host_killed_after_taking_a_card_and_before_Teams_took_it_loses_nothing_and_sends_nothing_twice()
    {
        var round = await _hosts.OpenRoundAsync();
        var nurseCardHeld = _hosts.Connector.HoldNext(NurseChat);
        await QueueRoundAsync(round, reminders: true);

        var first = await _hosts.StartHostAsync(oneAtATime: true);
        await nurseCardHeld.WaitAsync(TimeSpan.FromSeconds(60));
        await first.KillAsync();
        await _hosts.StartHostAsync();

        await _hosts.EventuallyAsync(() => AllSettledAsync(round, DeliveryTopics.CheckInCard, DeliveryTopics.CheckInReminder), "Every card and reminder settled");
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "\"EHR check-in\""));
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "Reminder: EHR check-in"));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "\"EHR check-in\""));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "Reminder: EHR check-in"));
        var nurse = await _hosts.Get<IDeliveryLedger>().GetAsync(Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id), new PersonId(TestActivities.NurseAadId), default);
        Assert.Equal((DeliveryState.Sent, 2), (nurse!.State, nurse.Attempts));
        var pharmacist = await _hosts.Get<IDeliveryLedger>().GetAsync(Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id), new PersonId(TestActivities.PharmacistAadId), default);
        Assert.Equal(DeliveryState.Unreachable, pharmacist!.State);
    }

    [Fact]
    public async Task A_host_killed_after_recording_a_send_and_before_removing_its_work_sends_nothing_twice()
    {
        var round = await _hosts.OpenRoundAsync();
        await using var queueService = new PausableProxy(_hosts.QueuePort);
        var throughProxy = _hosts.ConnectionString.Replace($"QueueEndpoint=http://127.0.0.1:{_hosts.QueuePort}/", $"QueueEndpoint=http://127.0.0.1:{queueService.Port}/", StringComparison.Ordinal);

        // Teams takes the nurse's card; from then on the host's queue calls hang, so it records the send and dies before removing the work.
        _hosts.Connector.BeforeAnswering(NurseChat, queueService.Pause);
        await QueueRoundAsync(round, reminders: false);
        var first = await _hosts.StartHostAsync(throughProxy, oneAtATime: true);
        var topic = DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id);
        await _hosts.EventuallyAsync(async () => (await _hosts.Get<IDeliveryLedger>().GetAsync(Tenant, topic, new PersonId(TestActivities.NurseAadId), default))?.State == DeliveryState.Sent, "The nurse's card recorded as sent");
        await first.KillAsync();
        queueService.Resume();
        await _hosts.StartHostAsync();

        await _hosts.EventuallyAsync(() => AllSettledAsync(round, DeliveryTopics.CheckInCard), "Every card settled");
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "\"EHR check-in\""));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "\"EHR check-in\""));
    }

    [Fact]
    public async Task Work_that_failed_while_storage_did_not_answer_is_taken_up_again_in_seconds_not_after_its_lease()
    {
        var round = await _hosts.OpenRoundAsync();
        await using var tableService = new PausableProxy(_hosts.TablePort);
        var throughProxy = _hosts.ConnectionString.Replace($"TableEndpoint=http://127.0.0.1:{_hosts.TablePort}/", $"TableEndpoint=http://127.0.0.1:{tableService.Port}/", StringComparison.Ordinal);
        var host = await _hosts.StartHostAsync(throughProxy, oneAtATime: true, leaseSeconds: 300);

        // A host takes work once its first heartbeat has told it its share of the rate. From then on tables
        // hang until it has failed to work on the round at least once; its lease is five minutes.
        await _hosts.EventuallyAsync(HeartbeatSeenAsync, "The host's first heartbeat done");
        tableService.Pause();
        await QueueRoundAsync(round, reminders: false);
        await host.WaitUntilAsync(() => Task.FromResult(host.Output.Contains("failed to be processed", StringComparison.Ordinal)), TimeSpan.FromSeconds(90), "A delivery failing while tables do not answer");
        tableService.Resume();

        await _hosts.EventuallyAsync(() => AllSettledAsync(round, DeliveryTopics.CheckInCard), "Every card settled well within the failed work's lease", seconds: 120);
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "\"EHR check-in\""));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "\"EHR check-in\""));
    }

    [Fact]
    public async Task A_card_Teams_took_while_storage_stopped_answering_is_recorded_once_storage_is_back_and_never_sent_again()
    {
        var round = await _hosts.OpenRoundAsync();
        await using var tableService = new PausableProxy(_hosts.TablePort);
        var throughProxy = _hosts.ConnectionString.Replace($"TableEndpoint=http://127.0.0.1:{_hosts.TablePort}/", $"TableEndpoint=http://127.0.0.1:{tableService.Port}/", StringComparison.Ordinal);
        var nurseCardAnswered = new TaskCompletionSource();

        // Teams takes the nurse's card, and then tables are out of reach for longer than the client's own retries.
        _hosts.Connector.BeforeAnswering(NurseChat, () =>
        {
            tableService.Drop();
            nurseCardAnswered.TrySetResult();
        });
        await QueueRoundAsync(round, reminders: false);
        await _hosts.StartHostAsync(throughProxy, oneAtATime: true, leaseSeconds: 60);
        await nurseCardAnswered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(25));
        tableService.Resume();

        await _hosts.EventuallyAsync(() => AllSettledAsync(round, DeliveryTopics.CheckInCard), "Every card settled", seconds: 120);
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "\"EHR check-in\""));
        var nurse = await _hosts.Get<IDeliveryLedger>().GetAsync(Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, Code, round.Id), new PersonId(TestActivities.NurseAadId), default);
        Assert.Equal((DeliveryState.Sent, 1), (nurse!.State, nurse.Attempts));
    }

    [Fact]
    public async Task A_host_killed_while_holding_a_fan_out_gives_it_up_within_its_short_hold_not_its_lease()
    {
        var round = await _hosts.OpenRoundAsync();
        await using var tableService = new PausableProxy(_hosts.TablePort);
        var direct = $"TableEndpoint=http://127.0.0.1:{_hosts.TablePort}/";
        var proxied = $"TableEndpoint=http://127.0.0.1:{tableService.Port}/";
        var throughProxy = _hosts.ConnectionString.Replace(direct, proxied, StringComparison.Ordinal);
        var first = await _hosts.StartHostAsync(throughProxy, oneAtATime: true, leaseSeconds: 300);

        // Once the host knows its share, its tables hang: it receives the fan-out and waits on the round's audience, holding it.
        await _hosts.EventuallyAsync(HeartbeatSeenAsync, "The host's first heartbeat done");
        tableService.Pause();
        await QueueRoundAsync(round, reminders: false);
        var fanOuts = new QueueClient(_hosts.ConnectionString, DeliveryQueues.FanOutQueue);
        await _hosts.EventuallyAsync(
            async () => await CountAsync(fanOuts) == 1 && (await fanOuts.PeekMessagesAsync()).Value.Length == 0,
            "The host holding the fan-out");
        await first.KillAsync();
        tableService.Resume();

        // Its lease is five minutes; the fan-out was held for its short hold, renewed only while the host lived.
        await _hosts.EventuallyAsync(
            async () => (await fanOuts.PeekMessagesAsync()).Value.Length == 1,
            "The fan-out visible again after the kill",
            seconds: (int)(AudienceFanOut.Hold.TotalSeconds * 2));
        await _hosts.StartHostAsync();
        await _hosts.EventuallyAsync(() => AllSettledAsync(round, DeliveryTopics.CheckInCard), "Every card settled");
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "\"EHR check-in\""));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "\"EHR check-in\""));
    }

    [Fact]
    public async Task A_host_killed_after_writing_a_slice_and_before_moving_its_fan_out_on_sends_nobody_a_card_twice()
    {
        var round = await _hosts.OpenRoundAsync();
        await using var queueService = new PausableProxy(_hosts.QueuePort);
        var direct = $"QueueEndpoint=http://127.0.0.1:{_hosts.QueuePort}/";
        var proxied = $"QueueEndpoint=http://127.0.0.1:{queueService.Port}/";
        var throughProxy = _hosts.ConnectionString.Replace(direct, proxied, StringComparison.Ordinal);

        // The host writes the round's slice (its only one: it then removes the fan-out), and its queue calls hang from there.
        // It never receives a card before that, so it dies having sent none (else a card it sent just before the kill would be
        // the one known window the records cannot close, docs/decisions/per-recipient-claims.md).
        queueService.PauseBefore($"DELETE /devstoreaccount1/{DeliveryQueues.FanOutQueue}/messages/");
        queueService.HoldEvery($"GET /devstoreaccount1/{DeliveryQueues.TenantQueue(Tenant)}/messages");
        await QueueRoundAsync(round, reminders: false);
        var first = await _hosts.StartHostAsync(throughProxy, oneAtATime: true);
        await queueService.PausedBefore.WaitAsync(TimeSpan.FromSeconds(60));
        await first.KillAsync();
        queueService.Resume();

        // The slice is on the tenant's queue and the fan-out still points at it: the next host writes the slice again.
        Assert.Equal(1, await CountAsync(new QueueClient(_hosts.ConnectionString, DeliveryQueues.FanOutQueue)));
        Assert.InRange(await CountAsync(new QueueClient(_hosts.ConnectionString, DeliveryQueues.TenantQueue(Tenant))), 1, 3);
        await _hosts.StartHostAsync();

        await _hosts.EventuallyAsync(() => AllSettledAsync(round, DeliveryTopics.CheckInCard), "Every card settled");
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "\"EHR check-in\""));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "\"EHR check-in\""));
    }

    private static async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>
    /// A heartbeat writes the host's row and then reads the others'; only then does the host take work. A second
    /// write shows the first beat finished, so pausing tables after it cannot leave the host without its share.
    /// </summary>
    private async Task<bool> HeartbeatSeenAsync()
    {
        var table = new TableClient(_hosts.ConnectionString, DeliveryTable.Name);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryTable.HostPartition}")))
        {
            _firstBeat ??= row.ETag;
            return row.ETag != _firstBeat;
        }

        return false;
    }
}
