using System.Text;
using HealthItPm.Bot.Tests.GoLive;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;
using Newtonsoft.Json;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>The go-live scorecard at its largest, as the official renderer draws it on a phone and on a desktop.</summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class ScorecardOnPhoneTests(OfficialCardRenderer renderer)
{
    [Theory]
    [InlineData(360)]
    [InlineData(480)]
    public async Task Sixty_criteria_render_within_the_width_and_under_28_KB(int width)
    {
        using var _ = new InCulture("en-US");
        var card = GoLiveFixtures.Largest();

        var check = await renderer.CheckAsync(
            card.ToString(), Path.Combine(RepositoryLayout.TestOutput("cards"), $"golive-scorecard-60-{width}.png"), width: width);

        Assert.True(check.Rendered);
        Assert.False(check.WiderThanCard, "Something on the scorecard is wider than the card.");
        Assert.Empty(check.CutTexts);
        Assert.Contains("Recommendation: no-go", check.Text, StringComparison.Ordinal);
        Assert.Contains("#60 Criterion 60", check.Text, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToString(Formatting.None)) < 28 * 1024);
    }
}
