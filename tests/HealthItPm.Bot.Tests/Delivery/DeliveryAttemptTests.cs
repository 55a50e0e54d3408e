using Azure;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>
/// One try at one recipient's card, over fakes of the queue, the records and the sender, on a fake clock:
/// the record is claimed before the send and settled before the message goes, so that a host killed at any
/// point, or a card seen twice, sends nothing twice and loses nothing (docs/decisions/per-recipient-claims.md).
/// </summary>
public sealed class DeliveryAttemptTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TenantId Tenant = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly PersonId Nurse = new("33333333-3333-3333-3333-333333333333");
    private static readonly DeliveryTopic Topic = new(FakeKind.Name, "EHR|20261130T1200Z");
    private static readonly DeliveryWork Work = DeliveryWork.To(Tenant, Topic, Nurse);

    private readonly PortLog _log = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly FakeQueues _queue;
    private readonly FakeRecords _records;
    private readonly FakeSender _sender;
    private readonly ReceivedWork _message = new(Work, string.Empty, "message", "pop 0", 1, DeliveryQueues.QueueOf(Work));

    public DeliveryAttemptTests()
    {
        (_queue, _records, _sender) = (new FakeQueues(_log), new FakeRecords(_log), new FakeSender(_log));
    }

    [Fact]
    public async Task A_card_is_claimed_before_it_is_sent_and_recorded_sent_before_its_message_is_removed()
    {
        var moved = await Attempt().RunAsync(_message, Work, new FakeKind(_log), default);

        Assert.True(moved);
        Assert.Equal(["write Pending", "compose", "send", "write Sent", "complete"], _log.Events);
        var (claim, sent) = (_records.Written[0], _records.Written[1]);
        Assert.Equal((1, Now + TimeSpan.FromSeconds(60)), (claim.Attempts, claim.ClaimedUntil));
        Assert.Equal((DeliveryState.Sent, 1, (DateTimeOffset?)null), (sent.State, sent.Attempts, sent.ClaimedUntil));
    }

    [Fact]
    public async Task A_card_already_settled_is_not_sent_again_and_its_message_is_removed()
    {
        _records.Put(Record(DeliveryState.Sent, attempts: 1), reported: true);

        Assert.True(await Attempt().RunAsync(_message, Work, new FakeKind(_log, reportsSettlement: true), default));

        Assert.Equal(["complete"], _log.Events);
    }

    [Fact]
    public async Task A_settlement_whose_owner_was_not_told_is_told_when_the_card_is_seen_again()
    {
        _records.Put(Record(DeliveryState.Unreachable, attempts: 1));
        var kind = new FakeKind(_log, reportsSettlement: true);

        await Attempt().RunAsync(_message, Work, kind, default);

        Assert.Equal(["told Unreachable", "reported", "complete"], _log.Events);
        Assert.True(_records[Nurse]!.Reported);
    }

    [Fact]
    public async Task A_card_another_host_holds_is_looked_at_again_when_its_claim_runs_out()
    {
        _records.Put(Record(DeliveryState.Pending, attempts: 1, claimedUntil: Now.AddSeconds(20)));

        var moved = await Attempt().RunAsync(_message, Work, new FakeKind(_log), default);

        Assert.False(moved);
        Assert.Equal(["hide 20 s"], _log.Events);
        Assert.Equal(1, _queue.Hidden[0].Replacement!.Handled);
    }

    [Fact]
    public async Task A_claim_another_host_wrote_first_sends_nothing()
    {
        // Both hosts read no record; the other host's claim lands first.
        _records.WrittenMeanwhile = Record(DeliveryState.Pending, attempts: 1, claimedUntil: Now.AddSeconds(60));

        var moved = await Attempt().RunAsync(_message, Work, new FakeKind(_log), default);

        Assert.False(moved);
        Assert.Equal(["write Pending lost", "hide 1 s"], _log.Events);
    }

    [Fact]
    public async Task A_card_Teams_throttles_gives_its_claim_back_and_waits_for_the_retry_after()
    {
        _sender.Answers.Enqueue(new SendAnswer.Throttled(TimeSpan.FromSeconds(45)));

        Assert.True(await Attempt().RunAsync(_message, Work, new FakeKind(_log), default));

        var waiting = _records[Nurse]!.Record;
        Assert.Equal((DeliveryState.Pending, 1, 429), (waiting.State, waiting.Attempts, waiting.LastStatus));
        Assert.Null(waiting.ClaimedUntil);
        // Its Retry-After and up to a tenth more (at most a second).
        Assert.InRange(waiting.NextAttemptAt!.Value, Now.AddSeconds(45), Now.AddSeconds(46));
        Assert.Equal(waiting.NextAttemptAt - Now, _queue.Hidden.Single().Delay);
        Assert.Empty(_queue.Completed);
    }

    [Fact]
    public async Task A_card_Teams_refuses_is_settled_not_delivered_and_kept_in_the_poison_queue()
    {
        _sender.Answers.Enqueue(new SendAnswer.Rejected(400));

        await Attempt().RunAsync(_message, Work, new FakeKind(_log), default);

        var settled = _records[Nurse]!.Record;
        Assert.Equal((DeliveryState.NotDelivered, DeliveryFailure.Refused, 400), (settled.State, settled.Failure, settled.LastStatus));
        Assert.Equal(["write Pending", "compose", "send", "write NotDelivered", "poison"], _log.Events);
    }

    [Fact]
    public async Task A_card_no_longer_needed_is_settled_without_a_send()
    {
        var kind = new FakeKind(_log) { Next = new Composition.NotNeeded() };

        Assert.True(await Attempt().RunAsync(_message, Work, kind, default));

        Assert.Equal(["write Pending", "compose", "write NotNeeded", "complete"], _log.Events);
    }

    [Fact]
    public async Task A_card_that_must_wait_gives_its_claim_back_without_counting_a_try()
    {
        _records.Put(Record(DeliveryState.Pending, attempts: 2, nextAttemptAt: Now.AddSeconds(-1)));
        var kind = new FakeKind(_log) { Next = new Composition.Later(TimeSpan.FromSeconds(30)) };

        Assert.False(await Attempt().RunAsync(_message, Work, kind, default));

        var waiting = _records[Nurse]!.Record;
        Assert.Equal((2, (DateTimeOffset?)null, Now.AddSeconds(30)), (waiting.Attempts, waiting.ClaimedUntil, waiting.NextAttemptAt));
        Assert.Equal(["write Pending", "compose", "write Pending", "hide 30 s"], _log.Events);
    }

    [Fact]
    public async Task The_card_is_composed_in_the_recipients_culture_and_the_caller_keeps_its_own()
    {
        _sender.Culture = "de-DE";
        var kind = new FakeKind(_log);
        using var _ = new InCulture("ja-JP");

        await Attempt().RunAsync(_message, Work, kind, default);

        Assert.Equal(["de-DE"], kind.ComposedIn);
        Assert.Equal("ja-JP", System.Globalization.CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public async Task A_send_whose_turn_would_leave_less_than_half_the_lease_renews_the_claim_and_the_message_first()
    {
        // One slot a second, three hosts: a send's turn is about three seconds away, more than half a five-second lease.
        var throttle = new SendThrottle(Options(lease: 5, perSecond: 1), _clock);
        throttle.SetShare(0, 3);

        await Attempt(Options(lease: 5, perSecond: 1), throttle).RunAsync(_message, Work, new FakeKind(_log), default);

        Assert.Equal(["write Pending", "compose", "write Pending", "hide 8.03 s", "send", "write Sent", "complete"], _log.Events);
        Assert.Equal(Now + throttle.ExpectedWait(Tenant.Value) + TimeSpan.FromSeconds(5), _records.Written[1].ClaimedUntil);
        Assert.Equal("pop 1", _queue.Completed.Single().PopReceipt);
    }

    [Fact]
    public async Task A_card_Teams_took_is_recorded_though_storage_fails_for_a_while_as_long_as_the_claim_holds()
    {
        _records.SettlementFailures.Enqueue(new RequestFailedException(503, "Server busy"));
        _records.SettlementFailures.Enqueue(new RequestFailedException(503, "Server busy"));

        var run = OnContextFree(() => Attempt().RunAsync(_message, Work, new FakeKind(_log), default));
        Assert.False(run.IsCompleted);
        Advance(TimeSpan.FromMilliseconds(250));
        Advance(TimeSpan.FromMilliseconds(500));

        Assert.True(await run);
        Assert.Equal(["write Pending", "compose", "send", "write Sent failed", "write Sent failed", "write Sent", "complete"], _log.Events);
    }

    [Fact]
    public async Task A_record_that_cannot_be_written_before_the_claim_runs_short_is_left_to_the_claims_end()
    {
        // Teams took a second over the send of a card claimed for five: four are left, less than the margin a write
        // started now may need to land before another host may take the card over. Not retried: the lease decides.
        _records.SettlementFailures.Enqueue(new RequestFailedException(503, "Server busy"));
        _sender.WhileSending = () => _clock.Advance(TimeSpan.FromSeconds(1));

        var attempt = Attempt(Options(lease: 5));

        await Assert.ThrowsAsync<RequestFailedException>(() => attempt.RunAsync(_message, Work, new FakeKind(_log), default));

        Assert.Equal(["write Pending", "compose", "send", "write Sent failed"], _log.Events);
    }

    [Fact]
    public async Task Work_given_up_is_recorded_not_delivered_and_its_owner_told()
    {
        _records.Put(Record(DeliveryState.Pending, attempts: 3, nextAttemptAt: Now.AddMinutes(5)));
        var kind = new FakeKind(_log, reportsSettlement: true);

        await Attempt().GiveUpAsync(Work, kind, default);

        var settled = _records[Nurse]!.Record;
        Assert.Equal((DeliveryState.NotDelivered, DeliveryFailure.Unprocessable, 3), (settled.State, settled.Failure, settled.Attempts));
        Assert.Equal(["write NotDelivered", "told NotDelivered", "reported"], _log.Events);
    }

    private static IOptions<DeliveryOptions> Options(int lease = 60, double perSecond = 30) =>
        Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { LeaseSeconds = lease, TenantSendsPerSecond = perSecond });

    private static DeliveryRecord Record(
        DeliveryState state, int attempts, DateTimeOffset? claimedUntil = null, DateTimeOffset? nextAttemptAt = null) =>
        new(Topic, Nurse, state, attempts, claimedUntil, nextAttemptAt, null, null, Now.AddMinutes(-1));

    private DeliveryAttempt Attempt(IOptions<DeliveryOptions>? options = null, SendThrottle? throttle = null)
    {
        options ??= Options();
        throttle ??= new SendThrottle(options, _clock);
        return new(_queue, _records, _sender, throttle, options, _clock, NullLogger<DeliveryAttempt>.Instance);
    }

    private void Advance(TimeSpan by) => OnContextFree(() =>
    {
        _clock.Advance(by);
        return by;
    });

    /// <summary>With no synchronization context, what waits on the fake clock goes on inside Advance, as in the host.</summary>
    private static T OnContextFree<T>(Func<T> run)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return run();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
