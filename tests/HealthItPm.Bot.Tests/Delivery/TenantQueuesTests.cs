using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>
/// The queues on Azurite (docs/decisions/tenant-queues.md): each tenant's cards wait on its own queue, which a host that
/// did not create it finds; a tenant's backlog does not stand before another tenant's cards; a fan-out is held for
/// seconds and renewed while its holder writes, and other tenants' people flow meanwhile. The delivery records are
/// the Azurite table; only Teams (the sender) and the kind of card are stand-ins.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class TenantQueuesTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private static readonly TenantId First = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly TenantId Second = new("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");
    private static readonly DeliveryTopic Topic = new(FakeKind.Name, "EHR|20261130T1200Z");

    // Azure's queue names: 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no "--".
    private static readonly Regex AzureQueueName = new("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private readonly PortLog _log = new();
    private readonly List<DeliveryReceiver> _receivers = [];

    public async Task InitializeAsync()
    {
        await azurite.StartAsync();
        await azurite.ClearTablesAsync();
    }

    public Task DisposeAsync()
    {
        _receivers.ForEach(r => r.Dispose());
        return Task.CompletedTask;
    }

    private DeliveryQueues Queues() => new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));

    private static PersonId Person(int tenant, int i) => new(new Guid(i, (short)tenant, 0, new byte[8]).ToString());

    private static IEnumerable<DeliveryWork> Cards(TenantId tenant, int count) =>
        Enumerable.Range(1, count).Select(i => DeliveryWork.To(tenant, Topic, Person(tenant == First ? 1 : 2, i)));

    [Fact]
    public async Task Each_tenants_cards_wait_on_its_own_queue_which_a_host_that_did_not_create_it_finds()
    {
        var adding = Queues();
        await adding.EnqueueAsync([.. Cards(First, 2), .. Cards(Second, 1), DeliveryWork.FanOut(First, Topic)], default);

        var other = Queues();
        // A host's first look lists the queues, then at most once a second.
        var found = await other.TenantQueuesAsync(fresh: false, default);

        Assert.Equal(
            new[] { DeliveryQueues.TenantQueue(First), DeliveryQueues.TenantQueue(Second) }.Order(StringComparer.Ordinal),
            found.Where(q => q == DeliveryQueues.TenantQueue(First) || q == DeliveryQueues.TenantQueue(Second)));
        Assert.All(found.Concat(DeliveryQueues.Fixed), name => Assert.Matches(AzureQueueName, name));
        var second = await other.ReceiveAsync(DeliveryQueues.TenantQueue(Second), 32, TimeSpan.FromSeconds(30), default);
        Assert.Equal([Second.Value], second.Select(m => m.Work!.Tenant));
        var fanOuts = await other.ReceiveAsync(DeliveryQueues.FanOutQueue, 32, TimeSpan.FromSeconds(30), default);
        Assert.True(Assert.Single(fanOuts).Work!.IsFanOut);
        Assert.Equal(2, await other.CountAsync(DeliveryQueues.TenantQueue(First), default));
    }

    [Fact]
    public async Task A_tenants_backlog_does_not_stand_before_another_tenants_card()
    {
        var queues = Queues();
        await queues.EnqueueAsync([.. Cards(First, 120)], default);
        await queues.EnqueueAsync([.. Cards(Second, 1)], default);
        var (receiver, sender) = Receiver(queues, new FakeKind(_log), maxInFlight: 8);

        await receiver.DrainAsync(default);

        // The second tenant's card went while the first tenant's backlog was still on its queue: at most one host's room
        // of the first tenant's cards went before it, not the 120 queued before it.
        Assert.Equal(121, sender.Tries.Count);
        var before = sender.Tries.FindIndex(t => t.Tenant == Second);
        Assert.InRange(before, 0, 8);
        Assert.Equal(0, await queues.WaitingAsync(default));
    }

    [Fact]
    public async Task While_a_host_holds_a_tenants_fan_out_past_its_hold_it_keeps_it_and_another_tenants_people_are_sent()
    {
        var queues = Queues();
        var kind = new FakeKind(_log) { Audience = [.. Enumerable.Range(1, 3).Select(i => Person(0, i))] };
        var firstHeld = new TaskCompletionSource();
        kind.AudienceWaitsFor[First.Value] = firstHeld.Task;
        await queues.EnqueueAsync([DeliveryWork.FanOut(First, Topic), DeliveryWork.FanOut(Second, Topic)], default);
        var (receiver, sender) = Receiver(queues, kind, maxInFlight: 8);

        var draining = receiver.DrainAsync(default);
        var fanOuts = new QueueClient(azurite.ConnectionString, DeliveryQueues.FanOutQueue);
        await Eventually(() => sender.Tries.Count(t => t.Tenant == Second) == 3, "The second tenant's three people sent");

        // Past the first tenant's hold, its holder still writing: renewed, so no other host takes it.
        await Task.Delay(AudienceFanOut.Hold * 1.5);
        Assert.Empty((await fanOuts.PeekMessagesAsync(32)).Value);
        Assert.Equal(1, (await fanOuts.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.DoesNotContain(sender.Tries, t => t.Tenant == First);

        firstHeld.SetResult();
        await draining;

        Assert.Equal(3, sender.Tries.Count(t => t.Tenant == First));
        Assert.Equal(0, await queues.WaitingAsync(default));
    }

    [Fact]
    public async Task The_health_check_creates_again_every_fixed_queue_that_vanished_the_poison_queue_too()
    {
        var queues = Queues();
        var check = new QueueHealthCheck(queues);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        var service = new QueueServiceClient(azurite.ConnectionString);
        foreach (var name in DeliveryQueues.Fixed)
        {
            // As an account reset or an emulator restarted empty would leave them.
            await service.GetQueueClient(name).DeleteIfExistsAsync();
        }

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        foreach (var name in DeliveryQueues.Fixed)
        {
            Assert.True((await service.GetQueueClient(name).ExistsAsync()).Value, $"{name} was not created again.");
        }
    }

    private (DeliveryReceiver Receiver, FakeSender Sender) Receiver(DeliveryQueues queues, FakeKind kind, int maxInFlight)
    {
        var options = Options.Create(new DeliveryOptions { MaxInFlight = maxInFlight, BatchSize = maxInFlight });
        var clock = TimeProvider.System;
        var tables = new StorageTables(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));
        var records = new DeliveryTable(tables, clock);
        var throttle = new SendThrottle(options, clock);
        var sender = new FakeSender(_log);
        var attempt = new DeliveryAttempt(queues, records, sender, throttle, options, clock, NullLogger<DeliveryAttempt>.Instance);
        var membership = new HostMembership(new AloneLiveHosts(), throttle, options, clock, NullLogger<HostMembership>.Instance);
        var logger = NullLogger<DeliveryReceiver>.Instance;
        var fanOut = new AudienceFanOut(queues, options);
        var receiver = new DeliveryReceiver(queues, attempt, fanOut, membership, throttle, [kind], options, logger);
        _receivers.Add(receiver);
        return (receiver, sender);
    }

    private static async Task Eventually(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen in 30 s.");
            await Task.Delay(100);
        }
    }
}
