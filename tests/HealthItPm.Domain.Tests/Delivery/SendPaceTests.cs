using HealthItPm.Domain.Delivery;

namespace HealthItPm.Domain.Tests.Delivery;

/// <summary>One host's sends to a tenant, spaced evenly at its share of the rate.</summary>
public class SendPaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sends_asked_for_at_once_take_slots_one_interval_apart()
    {
        var pace = new SendPace(15);

        var waits = Enumerable.Range(0, 4).Select(_ => pace.Take(Start).TotalMilliseconds).ToList();

        Assert.Equal([0, 66.7, 133.3, 200], waits.Select(w => Math.Round(w, 1)));
    }

    [Fact]
    public void A_waiter_that_wakes_late_does_not_push_the_schedule_back()
    {
        var pace = new SendPace(10);
        pace.Take(Start);
        pace.Take(Start);

        // The second send's waiter woke 40 ms late and asks for the third slot then: it is still at 200 ms.
        var third = pace.Take(Start.AddMilliseconds(140));

        Assert.Equal(TimeSpan.FromMilliseconds(60), third);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(7.5)]
    public void Over_a_busy_minute_the_rate_holds_exactly_and_no_second_holds_more_than_one_send_over_it(double perSecond)
    {
        var pace = new SendPace(perSecond);
        var sent = new List<DateTimeOffset>();
        var now = Start;
        while (now < Start.AddMinutes(1))
        {
            // Every waiter wakes up to 30 ms late, as timers on a busy host do.
            var at = now + pace.Take(now);
            sent.Add(at);
            now = at.AddMilliseconds(sent.Count % 4 * 10);
        }

        Assert.InRange(sent.Count, (int)(perSecond * 60) - 1, (int)(perSecond * 60) + 1);
        Assert.All(sent, s => Assert.True(sent.Count(t => t >= s && t < s.AddSeconds(1)) <= Math.Ceiling(perSecond) + 1));
    }

    [Fact]
    public void A_pace_left_idle_saves_up_no_burst()
    {
        var pace = new SendPace(10);
        pace.Take(Start);

        var later = Start.AddMinutes(5);

        Assert.Equal([0, 100, 200], Enumerable.Range(0, 3).Select(_ => pace.Take(later).TotalMilliseconds));
    }

    [Fact]
    public void A_new_share_spaces_the_slots_after_the_next_one()
    {
        var pace = new SendPace(10);
        pace.Take(Start);
        pace.Take(Start);

        pace.SetRate(20);

        Assert.Equal([200, 250, 300], Enumerable.Range(0, 3).Select(_ => pace.Take(Start).TotalMilliseconds));
    }

    [Fact]
    public void A_rate_must_be_positive() => Assert.Throws<ArgumentOutOfRangeException>(() => new SendPace(0));
}
