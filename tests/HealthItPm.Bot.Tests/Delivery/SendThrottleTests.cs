using HealthItPm.Bot.Messaging.Delivery;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>A host's sends take its share of the tenant's slots, each far enough ahead that the work before the send does not miss it.</summary>
public sealed class SendThrottleTests : IDisposable
{
    private readonly SendThrottle _throttle = new(Options.Create(new DeliveryOptions { TenantSendsPerSecond = 30 }));

    public void Dispose() => _throttle.Dispose();

    [Fact]
    public void Even_the_first_send_of_an_idle_host_gets_a_slot_its_preparation_ahead()
    {
        var slots = Enumerable.Range(0, 5).Select(_ => _throttle.Reserve("tenant")).ToList();

        Assert.All(slots, s => Assert.True(s.In >= SendThrottle.Preparation, $"a slot {s.In.TotalMilliseconds} ms ahead"));
        var interval = TimeSpan.FromSeconds(1 / SendBudget.Paced(30));
        Assert.All(slots.Zip(slots.Skip(1)), p => Assert.True(p.Second.At - p.First.At >= interval - TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void The_second_of_two_hosts_takes_every_other_slot()
    {
        _throttle.SetShare(1, 2);

        var slots = Enumerable.Range(0, 4).Select(_ => _throttle.Reserve("tenant")).ToList();

        var interval = TimeSpan.FromSeconds(1 / SendBudget.Paced(30));
        Assert.All(slots.Zip(slots.Skip(1)), p => Assert.InRange((p.Second.At - p.First.At) / interval, 1.99, 2.01));
    }
}
