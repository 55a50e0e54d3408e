using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>
/// The throttle's one model on a fake clock: a tenant's slots fixed to the clock, host i of n taking every
/// n-th, the first send in line going at each slot the host owns; per conversation a burst of four, then
/// one every half second. Every time asserted is exact: nothing waits on the wall clock.
/// </summary>
public sealed class SendThrottleTests
{
    private const string Tenant = "tenant";

    // 123 ms past a second: the first slot of a 100 ms schedule is at .200.
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, 123, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void Sends_in_line_go_in_order_one_slot_apart_from_the_first_slot_after_they_joined()
    {
        var throttle = Throttle(slotsPerSecond: 10);
        var sends = Line(throttle, 4);

        Elapse(TimeSpan.FromSeconds(1));

        Assert.Equal([At(200), At(300), At(400), At(500)], Released(sends));
    }

    [Fact]
    public void A_send_waits_for_its_slot_and_not_a_millisecond_longer()
    {
        var throttle = Throttle(slotsPerSecond: 10);
        var send = Line(throttle, 1);

        Elapse(TimeSpan.FromMilliseconds(76));
        Assert.False(send[0].IsCompleted);
        Elapse(TimeSpan.FromMilliseconds(1));
        Assert.Equal([At(200)], Released(send));
    }

    [Fact]
    public void Two_hosts_take_every_other_slot_so_together_they_fill_the_schedule_once()
    {
        var (first, second) = (Throttle(slotsPerSecond: 20), Throttle(slotsPerSecond: 20));
        first.SetShare(0, 2);
        second.SetShare(1, 2);
        var (ones, twos) = (Line(first, 3), Line(second, 3));

        Elapse(TimeSpan.FromSeconds(1));

        // Slots every 50 ms from .150 (slot numbers: even ones the first host's, odd ones the second's).
        Assert.Equal([At(200), At(300), At(400)], Released(ones));
        Assert.Equal([At(150), At(250), At(350)], Released(twos));
    }

    [Fact]
    public void A_change_in_the_live_hosts_applies_to_the_sends_already_waiting()
    {
        var throttle = Throttle(slotsPerSecond: 20);
        var sends = Line(throttle, 5);
        Elapse(TimeSpan.FromMilliseconds(27));
        Assert.Equal([At(150)], Released(sends.Take(1)));

        // Another host joined while four sends waited: the slot already chosen (.200) is kept, and from the
        // next on this host takes every other slot of the schedule.
        throttle.SetShare(1, 2);
        Elapse(TimeSpan.FromSeconds(1));

        Assert.Equal([At(150), At(200), At(250), At(350), At(450)], Released(sends));
    }

    [Fact]
    public void A_line_left_idle_saves_up_no_burst()
    {
        var throttle = Throttle(slotsPerSecond: 10);
        Line(throttle, 1);
        Elapse(TimeSpan.FromSeconds(1));

        // Ten seconds with nothing to send, then three sends at once: still one slot apart.
        Elapse(TimeSpan.FromSeconds(10));
        var sends = Line(throttle, 3);
        Elapse(TimeSpan.FromSeconds(1));

        Assert.Equal([At(11_200), At(11_300), At(11_400)], Released(sends));
    }

    [Fact]
    public void A_conversation_gets_a_burst_of_four_then_one_every_half_second()
    {
        var throttle = Throttle(slotsPerSecond: 40);
        var sends = Enumerable.Range(0, 7).Select(_ => Send(throttle, "the PM's chat")).ToList();

        Elapse(TimeSpan.FromSeconds(2));

        // Four in the tenant's next four slots (every 25 ms), then each half a second after the one before it
        // joined, in the first slot after that.
        Assert.Equal([At(125), At(150), At(175), At(200), At(625), At(1125), At(1625)], Released(sends));
    }

    [Fact]
    public void A_send_cancelled_in_line_gives_its_slot_to_the_next()
    {
        var throttle = Throttle(slotsPerSecond: 10);
        using var cancelled = new CancellationTokenSource();
        var first = Send(throttle, "chat 0");
        var gone = Send(throttle, "chat 1", cancellationToken: cancelled.Token);
        var third = Send(throttle, "chat 2");

        OnContextFree(cancelled.Cancel);
        Elapse(TimeSpan.FromSeconds(1));

        Assert.True(gone.IsCanceled);
        Assert.Equal([At(200), At(300)], Released([first, third]));
    }

    [Fact]
    public void The_expected_wait_is_the_line_ahead_at_this_hosts_share()
    {
        var throttle = Throttle(slotsPerSecond: 10);
        throttle.SetShare(1, 2);
        Line(throttle, 3);

        // Three ahead and itself, each two slots of 100 ms apart.
        Assert.Equal(TimeSpan.FromMilliseconds(800), throttle.ExpectedWait(Tenant));
        Assert.Equal(TimeSpan.FromMilliseconds(200), throttle.ExpectedWait("a tenant with no line"));
    }

    [Fact]
    public void A_hosts_share_of_a_tenants_rate_is_its_slots_whatever_other_tenants_have_in_line()
    {
        var throttle = Throttle(slotsPerSecond: 30);
        throttle.SetShare(0, 3);
        Assert.Equal(10, throttle.PerHostTenantRate, 9);

        Send(throttle, "chat", tenant: "one");
        Send(throttle, "chat", tenant: "two");

        Assert.Equal(10, throttle.PerHostTenantRate, 9);
    }

    private static DateTimeOffset At(int millisecondsAfterNine) =>
        new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero).AddMilliseconds(millisecondsAfterNine);

    private static List<DateTimeOffset> Released(IEnumerable<Task<DateTimeOffset>> sends) =>
        [.. sends.Select((s, i) => s.IsCompletedSuccessfully ? s.Result : throw new InvalidOperationException($"Send {i} has not gone."))];

    /// <summary>
    /// A throttle whose slots, all hosts together, come <paramref name="slotsPerSecond"/> times a second (the tenant's rate less the
    /// headroom).
    /// </summary>
    private SendThrottle Throttle(double slotsPerSecond) =>
        new(Options.Create(new DeliveryOptions { TenantSendsPerSecond = slotsPerSecond / SendThrottle.Headroom }), _clock);

    private List<Task<DateTimeOffset>> Line(SendThrottle throttle, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Send(throttle, $"chat {i}"))];

    /// <summary>Joins the line; the task gives the (fake) moment the send was let go.</summary>
    private Task<DateTimeOffset> Send(
        SendThrottle throttle, string conversation, string tenant = Tenant, CancellationToken cancellationToken = default)
    {
        async Task<DateTimeOffset> GoAsync()
        {
            await throttle.WaitForTurnAsync(tenant, conversation, cancellationToken);
            return _clock.GetUtcNow();
        }

        Task<DateTimeOffset>? going = null;
        OnContextFree(() => going = GoAsync());
        return going!;
    }

    /// <summary>
    /// Time passes a millisecond at a time (the fake clock's timers count whole milliseconds), each slot's send let go in it.
    /// </summary>
    private void Elapse(TimeSpan span) => OnContextFree(() =>
    {
        for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromMilliseconds(1))
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }
    });

    /// <summary>
    /// As in the host, with no synchronization context: a released send goes on at once on the thread that released
    /// it, here the test's, inside Advance (under the test framework's context it would be posted elsewhere).
    /// </summary>
    private static void OnContextFree(Action action)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
