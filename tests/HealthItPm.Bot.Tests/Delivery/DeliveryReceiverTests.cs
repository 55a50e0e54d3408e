using HealthItPm.Bot.Delivery;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>
/// The receiver's one path, the drain a host loops and a test calls, over fakes of the ports: it works on what
/// the queue holds until nothing on it can move on now, and triages what it cannot deliver.
/// </summary>
public sealed class DeliveryReceiverTests : IDisposable
{
    private static readonly TenantId Tenant = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly DeliveryTopic Topic = new(FakeKind.Name, "EHR|20261130T1200Z");

    private readonly PortLog _log = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeQueues _queue;
    private readonly FakeRecords _records;
    private readonly FakeKind _kind;
    private readonly DeliveryReceiver _receiver;

    public DeliveryReceiverTests()
    {
        (_queue, _records, _kind) = (new FakeQueues(_log), new FakeRecords(_log), new FakeKind(_log));
        // Waits are looked at again at once, as in the in-process tests: only the drain's own rule ends it.
        var options = Options.Create(new DeliveryOptions { FanOutSlice = 2, MaxSleepSeconds = 0 });
        var throttle = new SendThrottle(options, _clock);
        var sender = new FakeSender(_log);
        var attempt = new DeliveryAttempt(_queue, _records, sender, throttle, options, _clock, NullLogger<DeliveryAttempt>.Instance);
        var membership = new HostMembership(new AloneLiveHosts(), throttle, options, _clock, NullLogger<HostMembership>.Instance);
        var fanOut = new AudienceFanOut(_queue, options);
        var logger = NullLogger<DeliveryReceiver>.Instance;
        _receiver = new DeliveryReceiver(_queue, attempt, fanOut, membership, throttle, [_kind], options, logger);
    }

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task A_drain_slices_a_fan_out_and_delivers_every_card_then_ends()
    {
        var people = Enumerable.Range(1, 3).Select(i => new PersonId(new Guid(i, 0, 0, new byte[8]).ToString())).ToArray();
        _kind.Audience = people;
        await _queue.EnqueueAsync([DeliveryWork.FanOut(Tenant, Topic)], default);

        var moved = await _receiver.DrainAsync(default);

        // Two slices (two people, then one), three cards.
        Assert.Equal(5, moved);
        Assert.All(people, p => Assert.Equal(DeliveryState.Sent, _records[p]!.Record.State));
        Assert.Equal(3, _log.Events.Count(e => e == "send"));
    }

    [Fact]
    public async Task A_drain_ends_when_what_is_left_only_waits_though_it_is_visible_again_at_once()
    {
        var held = new PersonId(Guid.NewGuid().ToString());
        var now = _clock.GetUtcNow();
        _records.Put(new DeliveryRecord(Topic, held, DeliveryState.Pending, 1, now.AddMinutes(1), null, null, null, now));
        await _queue.EnqueueAsync([DeliveryWork.To(Tenant, Topic, held)], default);

        Assert.Equal(0, await _receiver.DrainAsync(default));

        // Hidden for no time, it was visible again at once: once the drain had seen it wait, it took it at most once more.
        Assert.InRange(_queue.Hidden.Count, 1, 2);
    }

    [Fact]
    public async Task Unreadable_work_and_work_of_an_unknown_kind_go_to_the_poison_queue_and_the_rest_is_delivered()
    {
        var nurse = new PersonId(Guid.NewGuid().ToString());
        _queue.Put(new ReceivedWork(null, "not json", "unreadable", "pop 0", 0, DeliveryQueues.TenantQueue(Tenant)));
        var unknown = new DeliveryWork("no.such.kind", Tenant.Value, "x", nurse.Value);
        await _queue.EnqueueAsync([unknown, DeliveryWork.To(Tenant, Topic, nurse)], default);

        Assert.Equal(3, await _receiver.DrainAsync(default));

        Assert.Equal(2, _queue.Poisoned.Count);
        Assert.Equal(DeliveryState.Sent, _records[nurse]!.Record.State);
    }

    [Fact]
    public async Task Work_received_too_often_without_ending_normally_is_given_up_and_recorded()
    {
        var nurse = new PersonId(Guid.NewGuid().ToString());
        var work = DeliveryWork.To(Tenant, Topic, nurse);
        _queue.Put(new ReceivedWork(work, string.Empty, "crashing", "pop 0", 20, DeliveryQueues.QueueOf(work)));

        await _receiver.DrainAsync(default);

        Assert.Single(_queue.Poisoned);
        var record = _records[nurse]!.Record;
        Assert.Equal((DeliveryState.NotDelivered, DeliveryFailure.Unprocessable), (record.State, record.Failure));
        Assert.DoesNotContain("send", _log.Events);
    }

    [Fact]
    public async Task Cards_for_a_queue_that_appears_while_the_host_slices_all_the_fan_outs_it_takes_are_sent_before_those_end()
    {
        var other = new TenantId("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        var slicing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _kind.Audience = [new PersonId(Guid.NewGuid().ToString())];
        _kind.AudienceWaitsFor[Tenant.Value] = slicing.Task;
        await _queue.EnqueueAsync([DeliveryWork.FanOut(Tenant, Topic), DeliveryWork.FanOut(Tenant, Topic with { Subject = "PACS|1" })], default);
        var draining = _receiver.DrainAsync(default);
        while (!_queue.Received.Any(r => r.Queue == DeliveryQueues.FanOutQueue) || _queue.Count(DeliveryQueues.FanOutQueue) > 0)
        {
            await Task.Delay(10);
        }

        // Both fan-outs in hand, no tenant's queue known: a card added now for another tenant goes while they are.
        await _queue.EnqueueAsync([DeliveryWork.To(other, Topic, new PersonId(Guid.NewGuid().ToString()))], default);
        var sent = await Eventually(() => _log.Events.Contains("send"), TimeSpan.FromSeconds(10));
        slicing.SetResult();
        await draining;

        Assert.True(sent, "The card waited for the fan-outs in hand to end.");
    }

    [Theory]
    [InlineData(30, 500, 11.667)]
    [InlineData(50, 500, 5)]
    [InlineData(300, 500, 0)]
    public async Task A_fan_out_writes_its_next_slice_shortly_before_its_tenant_could_have_sent_the_last(
        double perSecond, int slice, double dueInSeconds)
    {
        var options = Options.Create(new DeliveryOptions { FanOutSlice = slice, TenantSendsPerSecond = perSecond });
        _kind.Audience = [.. Enumerable.Range(1, slice + 1).Select(i => new PersonId(new Guid(i, 0, 0, new byte[8]).ToString()))];
        await _queue.EnqueueAsync([DeliveryWork.FanOut(Tenant, Topic)], default);
        var fanOut = (await _queue.ReceiveAsync(DeliveryQueues.FanOutQueue, 1, AudienceFanOut.Hold, default)).Single();

        await new AudienceFanOut(_queue, options).SliceAsync(fanOut, fanOut.Work!, _kind, default);

        var (_, delay, next) = Assert.Single(_queue.Hidden);
        Assert.Equal(dueInSeconds, delay.TotalSeconds, 0.001);
        Assert.Equal(slice, next!.Offset);
        Assert.Equal(slice, _queue.Count(DeliveryQueues.TenantQueue(Tenant)));
    }

    private static async Task<bool> Eventually(Func<bool> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!done() && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return done();
    }
}
