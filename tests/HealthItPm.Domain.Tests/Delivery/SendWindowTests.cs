using HealthItPm.Domain.Delivery;

namespace HealthItPm.Domain.Tests.Delivery;

/// <summary>A host never makes more than its share of a second's sends, however late its timers wake.</summary>
public class SendWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static int MostInAnySecond(IReadOnlyList<DateTimeOffset> sent) =>
        sent.Select(t => sent.Count(u => u >= t && u < t + SendWindow.Span)).Max();

    [Fact]
    public void Sends_on_their_slots_go_at_once()
    {
        var window = new SendWindow(15);
        var slots = Enumerable.Range(0, 60).Select(i => Start.AddMilliseconds(i * 68)).ToList();

        Assert.Equal(slots, slots.Select(window.Admit));
    }

    [Fact]
    public void A_late_send_holds_back_the_send_a_second_after_it_by_its_lateness_only()
    {
        var window = new SendWindow(15);
        var slots = Enumerable.Range(0, 30).Select(i => Start.AddMilliseconds(i * 68)).ToList();
        // The first send woke 50 ms late; the sixteenth is on its slot, 1,020 ms after the first's.
        slots[0] = slots[0].AddMilliseconds(50);

        var admitted = slots.Select(window.Admit).ToList();

        Assert.Equal(slots[0] + SendWindow.Span, admitted[15]);
        Assert.Equal(slots.Skip(16), admitted.Skip(16));
        Assert.Equal(15, MostInAnySecond(admitted));
    }

    [Fact]
    public void However_late_the_timers_wake_no_second_has_more_than_the_limit()
    {
        var window = new SendWindow(15);
        var random = new Random(7);
        var wanted = Enumerable.Range(0, 600)
            .Select(i => Start.AddMilliseconds((i * 68) + (random.NextDouble() < 0.1 ? random.Next(0, 120) : 0)))
            .ToList();

        var admitted = wanted.Select(window.Admit).ToList();

        Assert.Equal(15, MostInAnySecond(admitted));
        Assert.All(admitted.Zip(wanted), p => Assert.True(p.First >= p.Second));
        // Held back by lateness only: the last send goes within its own lateness of its slot.
        Assert.True(admitted[^1] - wanted[^1] < TimeSpan.FromMilliseconds(120), $"{(admitted[^1] - wanted[^1]).TotalMilliseconds} ms");
    }

    [Fact]
    public void Sends_are_admitted_in_order()
    {
        var window = new SendWindow(2);

        var first = window.Admit(Start.AddMilliseconds(500));
        var second = window.Admit(Start);

        Assert.Equal(first, second);
        Assert.Equal(first + SendWindow.Span, window.Admit(Start));
    }

    [Fact]
    public void A_smaller_share_counts_the_newest_sends()
    {
        var window = new SendWindow(4);
        foreach (var ms in new[] { 0, 100, 200, 300 })
        {
            window.Admit(Start.AddMilliseconds(ms));
        }

        window.SetLimit(2);

        Assert.Equal(Start.AddMilliseconds(1200), window.Admit(Start.AddMilliseconds(400)));
    }

    [Theory]
    [InlineData(30, 1, 30)]
    [InlineData(30, 2, 15)]
    [InlineData(50, 3, 16)]
    [InlineData(1, 2, 1)]
    [InlineData(300, 0, 300)]
    public void A_hosts_share_of_a_second_is_the_rate_split_evenly_and_rounded_down(double rate, int hosts, int share) =>
        Assert.Equal(share, SendWindow.Share(rate, hosts));

    [Fact]
    public void A_share_is_at_least_one_send() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendWindow(0));
}
