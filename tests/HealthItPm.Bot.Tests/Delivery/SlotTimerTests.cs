using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Messaging.Delivery;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>Sends wake at their slots, in slot order, and go on on the timer's own thread rather than wait for the thread pool.</summary>
public sealed class SlotTimerTests : IDisposable
{
    private readonly SlotTimer _timer = new(TimeProvider.System);

    public void Dispose() => _timer.Dispose();

    [Fact]
    public async Task Each_send_wakes_at_its_slot_not_before_and_in_slot_order()
    {
        var start = DateTimeOffset.UtcNow;
        var woken = new List<(int Slot, DateTimeOffset At)>();
        async Task WaitAsync(int slot)
        {
            await _timer.At(start + TimeSpan.FromMilliseconds(60 * slot), default);
            lock (woken)
            {
                woken.Add((slot, DateTimeOffset.UtcNow));
            }
        }

        // Reserved out of order: the later slots first.
        await Task.WhenAll(WaitAsync(3), WaitAsync(1), WaitAsync(2));

        Assert.Equal([1, 2, 3], woken.Select(w => w.Slot));
        Assert.All(woken, w => Assert.True(w.At >= start + TimeSpan.FromMilliseconds(60 * w.Slot), $"slot {w.Slot} woke early"));
    }

    [Fact]
    public async Task The_send_goes_on_on_the_timers_thread_not_a_pool_thread()
    {
        // As in the delivery worker: on the thread pool, with no synchronization context to post the continuation to.
        var (name, pooled) = await Task.Run(async () =>
        {
            await _timer.At(DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(30), default);
            return (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread);
        });

        Assert.Equal(nameof(SlotTimer), name);
        Assert.False(pooled);
    }

    [Fact]
    public async Task A_slot_already_passed_is_no_wait()
    {
        var passed = _timer.At(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1), default);

        Assert.True(passed.IsCompletedSuccessfully);
        await passed;
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once_and_the_slots_after_it_still_wake()
    {
        using var stop = new CancellationTokenSource();
        var cancelled = _timer.At(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5), stop.Token);
        var next = _timer.At(DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50), default);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await next;
    }

    [Fact]
    public async Task A_send_it_woke_may_stop_it()
    {
        var timer = new SlotTimer(TimeProvider.System);
        var stopped = Task.Run(async () =>
        {
            await timer.At(DateTimeOffset.UtcNow.AddMilliseconds(30), default);
            timer.Dispose();
        });

        // Waiting for its own thread to end, it would never return.
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
