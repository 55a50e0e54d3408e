using HealthItPm.Domain.Delivery;

namespace HealthItPm.Domain.Tests.Delivery;

/// <summary>A tenant's sends from every host, spaced evenly at the tenant's rate on one schedule fixed to the clock.</summary>
public class SendPaceTests
{
    // On a whole second, so on a slot of every rate that divides a second.
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static List<DateTimeOffset> Busy(SendPace pace, TimeSpan length, int lateMs)
    {
        var sent = new List<DateTimeOffset>();
        var now = Start;
        while (now < Start + length)
        {
            // Every waiter wakes up to lateMs late, as timers on a busy host do.
            var at = now + pace.Take(now);
            sent.Add(at);
            now = at.AddMilliseconds(sent.Count % 4 * lateMs / 3.0);
        }

        return sent;
    }

    [Fact]
    public void Sends_asked_for_at_once_take_slots_one_interval_apart()
    {
        var pace = new SendPace(20);

        Assert.Equal([0, 50, 100, 150], Enumerable.Range(0, 4).Select(_ => pace.Take(Start).TotalMilliseconds));
    }

    [Fact]
    public void A_slot_is_on_the_shared_schedule_not_at_the_moment_asked()
    {
        var pace = new SendPace(10);

        Assert.Equal(TimeSpan.FromMilliseconds(70), pace.Take(Start.AddMilliseconds(30)));
    }

    [Fact]
    public void Two_hosts_take_every_other_slot_so_together_they_send_at_the_rate_evenly()
    {
        var first = new SendPace(10);
        var second = new SendPace(10);
        first.SetShare(0, 2);
        second.SetShare(1, 2);

        var one = Enumerable.Range(0, 3).Select(_ => (Start + first.Take(Start)).Subtract(Start).TotalMilliseconds);
        var two = Enumerable.Range(0, 3).Select(_ => (Start + second.Take(Start)).Subtract(Start).TotalMilliseconds);

        Assert.Equal([0, 200, 400], one);
        Assert.Equal([100, 300, 500], two);
    }

    [Fact]
    public void A_waiter_that_wakes_late_does_not_push_the_schedule_back()
    {
        var pace = new SendPace(10);
        pace.Take(Start);
        pace.Take(Start);

        // The second send's waiter woke 40 ms late and asks for the third slot then: it is still at 200 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(60), pace.Take(Start.AddMilliseconds(140)));
    }

    [Theory]
    [InlineData(30, 1)]
    [InlineData(30, 2)]
    [InlineData(30, 3)]
    [InlineData(29.4, 2)]
    [InlineData(50, 2)]
    public void Over_a_busy_minute_all_hosts_together_send_the_tenants_rate_and_no_second_more_than_one_over_it(double perSecond, int hosts)
    {
        var sent = Enumerable.Range(0, hosts).SelectMany(i =>
        {
            var pace = new SendPace(perSecond);
            pace.SetShare(i, hosts);
            return Busy(pace, TimeSpan.FromMinutes(1), lateMs: 30);
        }).Where(s => s < Start.AddMinutes(1)).Order().ToList();

        Assert.InRange(sent.Count, (int)(perSecond * 60) - hosts, (int)(perSecond * 60) + hosts);
        Assert.Equal(sent.Count, sent.Distinct().Count());
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
    public void A_new_share_takes_effect_from_the_next_free_slot()
    {
        var pace = new SendPace(10);
        pace.Take(Start);
        pace.Take(Start);

        // A second host joined and this one is now number 1 of 2: the odd slots from 200 ms on.
        pace.SetShare(1, 2);

        Assert.Equal([300, 500, 700], Enumerable.Range(0, 3).Select(_ => pace.Take(Start).TotalMilliseconds));
    }

    [Fact]
    public void A_rate_must_be_positive_and_a_share_one_of_the_hosts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPace(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPace(10).SetShare(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPace(10).SetShare(0, 0));
    }
}
