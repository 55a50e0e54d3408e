using HealthItPm.Bot.Teams;

namespace HealthItPm.Bot.Tests.Teams;

/// <summary>A throttled caller is logged once a minute, not once a refused request, and the memory of it stays bounded.</summary>
public class OncePerPeriodTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_is_first_once_a_period()
    {
        var once = new OncePerPeriod(TimeSpan.FromMinutes(1));

        Assert.True(once.FirstIn("t|p", Start));
        Assert.False(once.FirstIn("t|p", Start.AddSeconds(59)));
        Assert.True(once.FirstIn("other", Start.AddSeconds(59)));
        Assert.True(once.FirstIn("t|p", Start.AddMinutes(1)));
    }

    [Fact]
    public void Past_its_most_keys_it_starts_afresh_rather_than_growing()
    {
        var once = new OncePerPeriod(TimeSpan.FromMinutes(1));
        for (var i = 0; i < OncePerPeriod.MostKeys; i++)
        {
            Assert.True(once.FirstIn($"k{i}", Start));
        }

        Assert.True(once.FirstIn("one more", Start));
        Assert.True(once.FirstIn("k0", Start));
    }
}
