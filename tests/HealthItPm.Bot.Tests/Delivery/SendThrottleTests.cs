using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Messaging.Delivery;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>A host's sends wait in line and each takes the host's next slot of the tenant's schedule, as the live hosts are when it comes.</summary>
public sealed class SendThrottleTests
{
    // A send never goes before its slot; how late a busy test machine wakes it is generous (tests run side by side).
    private static readonly TimeSpan Late = TimeSpan.FromMilliseconds(500);

    // The schedule's interval is whole ticks.
    private static readonly TimeSpan Rounding = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Sends_in_line_go_in_order_one_slot_apart()
    {
        using var throttle = Throttle(10);
        var joined = DateTimeOffset.UtcNow;

        var went = await GoAsync(throttle, 5);

        Assert.Equal([0, 1, 2, 3, 4], went.Select(w => w.Index));
        // The first slot is at or after the moment they joined, and each next one a slot later.
        var interval = TimeSpan.FromSeconds(1 / SendBudget.Paced(10));
        Assert.InRange(went[^1].At - joined, (4 * interval) - Rounding, (5 * interval) + Late);
    }

    [Fact]
    public async Task A_change_in_the_live_hosts_applies_to_the_sends_already_waiting()
    {
        using var throttle = Throttle(30);
        var joined = DateTimeOffset.UtcNow;
        var waiting = Line(throttle, 6);

        // Another host joined while six sends waited: from the next slot on, this host takes every other one.
        throttle.SetShare(1, 2);
        var went = await Task.WhenAll(waiting);

        // The first had its slot already; the next is at least a slot after it, and the other four two slots apart
        // (alone, the sixth would have gone five slots after they joined).
        var interval = TimeSpan.FromSeconds(1 / SendBudget.Paced(30));
        Assert.InRange(went.Max() - joined, (9 * interval) - Rounding, (11 * interval) + Late);
    }

    [Fact]
    public async Task A_send_cancelled_in_line_gives_its_slot_to_the_next()
    {
        using var throttle = Throttle(4);
        using var cancelled = new CancellationTokenSource();
        var first = throttle.WaitForTurnAsync("tenant", "chat 0", default);
        var gone = throttle.WaitForTurnAsync("tenant", "chat 1", cancelled.Token);
        var third = throttle.WaitForTurnAsync("tenant", "chat 2", default);

        // At once, on this thread: long before the first slot has passed.
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        await Task.WhenAll(first, third).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static SendThrottle Throttle(double perSecond) => new(Options.Create(new DeliveryOptions { TenantSendsPerSecond = perSecond }));

    private static List<Task<DateTimeOffset>> Line(SendThrottle throttle, int count) =>
        [.. Enumerable.Range(0, count).Select(async i =>
        {
            await throttle.WaitForTurnAsync("tenant", $"chat {i}", default);
            return DateTimeOffset.UtcNow;
        })];

    private static async Task<List<(int Index, DateTimeOffset At)>> GoAsync(SendThrottle throttle, int count)
    {
        var went = await Task.WhenAll(Line(throttle, count));
        return [.. went.Select((at, i) => (i, at)).OrderBy(w => w.at)];
    }
}
