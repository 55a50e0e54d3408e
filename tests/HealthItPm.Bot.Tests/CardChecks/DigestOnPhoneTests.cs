using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Tests.Digests;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// The weekly digest as the official renderer draws it on a phone: titled by the week's days in the reader's culture, no chart
/// of a single project, and a risk's week said once with its steps.
/// </summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class DigestOnPhoneTests(OfficialCardRenderer renderer)
{
    private const int Phone = 360;
    private static readonly RiskId R3 = new(new ProjectCode("P000X"), 3);
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DigestPerson Lee = new(new PersonId("886313e1-3b8a-4372-9b90-0c9aee199e5d"), "Dr. Marcus Lee");

    private async Task<string> RenderedAsync(PortfolioDigest digest, string name)
    {
        var check = await renderer.CheckAsync(DigestCard.Build(new DigestCardModel(digest)).ToString(), Path.Combine(RepositoryLayout.TestOutput("cards"), name + "-phone.png"), width: Phone);
        Assert.True(check.Rendered);
        return check.Text;
    }

    [Fact]
    public async Task The_digest_is_titled_by_the_weeks_days_not_its_iso_number()
    {
        using var _ = new InCulture("en-US");

        var text = await RenderedAsync(DigestFixtures.Portfolio(6), "digest-title");

        Assert.StartsWith("Weekly digest · week of 30 Nov – 6 Dec 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-W49", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", 2026, 50, "7–13 Dec 2026")]
    [InlineData("en-US", 2026, 49, "30 Nov – 6 Dec 2026")]
    [InlineData("en-US", 2026, 1, "29 Dec 2025 – 4 Jan 2026")]
    [InlineData("de-DE", 2026, 50, "7–13 Dez. 2026")]
    [InlineData("fr-FR", 2026, 50, "7–13 déc. 2026")]
    public void The_weeks_days_read_in_the_readers_culture(string locale, int year, int week, string expected)
    {
        using var _ = new InCulture(locale);

        Assert.Equal(expected, DigestCard.WeekOf(new IsoWeek(year, week)));
    }

    [Fact]
    public async Task One_project_gets_no_chart_its_section_says_its_status()
    {
        var digest = DigestFixtures.Portfolio(1);

        var card = DigestCard.Build(new DigestCardModel(digest));
        var text = await RenderedAsync(digest, "digest-one-project");

        Assert.DoesNotContain(card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>(), o => ((string?)o["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("Projects by status", text, StringComparison.Ordinal);
        Assert.Contains("P000X", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_risks_week_is_said_once_with_its_steps()
    {
        using var _ = new InCulture("en-US");
        var title = Guarded.From("Interface downtime");
        var other = new RiskId(new ProjectCode("P000X"), 4);
        var digest = DigestFixtures.Portfolio(1) with
        {
            Changes =
            [
                new DigestChange.RiskLogged(R3, title, At, new RiskRating(4, 5)),
                new DigestChange.RiskLogged(other, Guarded.From("Scanner batteries"), At.AddMinutes(5), new RiskRating(2, 2)),
                new DigestChange.RiskEscalated(R3, title, At.AddMinutes(10), 1, Lee),
                new DigestChange.RiskAcknowledged(R3, title, At.AddHours(2), Lee),
            ],
        };

        var text = await RenderedAsync(digest, "digest-risk-steps");

        Assert.Contains("• P000X-R3 Interface downtime: logged (critical, score 20), escalated to Dr. Marcus Lee (level 1), acknowledged by Dr. Marcus Lee\n• P000X-R4 logged: Scanner batteries (low, score 4)", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), line => line.Contains("Interface downtime", StringComparison.Ordinal));
    }
}
