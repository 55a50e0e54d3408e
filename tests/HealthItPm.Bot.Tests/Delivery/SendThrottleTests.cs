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

    [Fact]
    public async Task Sends_that_all_went_late_still_keep_the_host_within_its_share_of_a_second()
    {
        using var throttle = new SendThrottle(Options.Create(new DeliveryOptions { TenantSendsPerSecond = 4 }));
        var slots = Enumerable.Range(0, 5).Select(_ => throttle.Reserve("tenant")).ToList();
        // The host was busy: every slot has passed by the time its send gets to wait.
        await Task.Delay(slots[^1].At - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50));

        var first = DateTimeOffset.UtcNow;
        var went = new List<DateTimeOffset>();
        foreach (var (slot, i) in slots.Select((s, i) => (s, i)))
        {
            await throttle.WaitForAsync(slot, $"chat {i}", default);
            went.Add(DateTimeOffset.UtcNow);
        }

        Assert.True(went[4] - first >= SendWindow.Span, $"the fifth send went {(went[4] - first).TotalMilliseconds} ms after the first");
    }
}
