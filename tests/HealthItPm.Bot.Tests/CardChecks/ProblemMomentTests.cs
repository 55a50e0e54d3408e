using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>A moment in a problem told in a notice ("this survey closed on …") shows as a date in the reader's zone, not as UTC text.</summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class ProblemMomentTests(OfficialCardRenderer renderer)
{
    [Fact]
    public async Task An_answer_to_a_closed_survey_is_told_when_it_closed_as_a_date_teams_shows_in_the_readers_zone()
    {
        using var _ = new InCulture("en-US");
        var closed = new DateTimeOffset(2026, 12, 6, 5, 48, 0, TimeSpan.Zero);
        var card = ProjectOutcomes.Card<int>(new Outcome<int>.Invalid(Problem.RoundClosed(AdkarRounds.Kind, closed)),
            _ => throw new InvalidOperationException(), "Survey closed");

        var check = await renderer.CheckAsync(card.ToString());

        Assert.Contains("{{DATE(2026-12-06T05:48", card.ToString(), StringComparison.Ordinal);
        Assert.Contains("closed on", check.Text, StringComparison.Ordinal);
        Assert.Contains("2026", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", check.Text, StringComparison.Ordinal);
    }
}
