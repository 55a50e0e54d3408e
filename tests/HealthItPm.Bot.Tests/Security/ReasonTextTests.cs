using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// Every reason the domain gives (why a project is amber or red, why a risk was escalated) is worded from
/// Reasons.resx in the reader's culture, reads as it always has in English, and a name people typed in it
/// cannot turn into a link or formatting. A new kind of reason fails here until it has a sample and words.
/// </summary>
public partial class ReasonTextTests
{
    // Guarded text cannot hold a web address, so the hostile name is a link without one, and bold.
    private const string Link = "[Sign in again](login) **now**";

    [GeneratedRegex(@"(?<!\\)\]\(|(?<!\\)\[")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static IReadOnlyList<RagReason> RagSamples(string typed) =>
    [
        new RagReason.IndexBelow(PerformanceIndex.Spi, 0.85m, RagRules.AmberBelow),
        new RagReason.IndexBelow(PerformanceIndex.Cpi, 0.5m, RagRules.RedBelow),
        new RagReason.RiskOpen(typed, Guarded.From(typed), 20, Critical: true),
        new RagReason.RiskOpen("EHR-R2", Guarded.From(typed), 12, Critical: false),
        new RagReason.MilestoneLate(Guarded.From(typed), 3),
        new ReadinessReason.StuckAtAwarenessOrDesire(0.35m, typed, 10),
        new ReadinessReason.DominantBarrier(AdkarElement.Knowledge, typed, -3),
    ];

    private static IReadOnlyList<EscalationReason> EscalationSamples() =>
    [
        new EscalationReason.CriticalRisk(),
        new EscalationReason.SevereImpact(RiskCategory.PrivacyRegulatory, 4),
        new EscalationReason.NotAcknowledged(TimeSpan.FromHours(4), InBusinessHours: true),
        new EscalationReason.NotAcknowledged(TimeSpan.FromMinutes(30), InBusinessHours: false),
        new EscalationReason.MitigationPastDue(new DateOnly(2026, 11, 20)),
    ];

    [Fact]
    public void Every_kind_of_reason_has_a_sample()
    {
        // Every kind the domain declares, wherever: readiness adds its reasons to the RAG's from its own folder.
        static IEnumerable<Type> Kinds(Type reason) =>
            reason.Assembly.GetTypes().Where(t => t.IsSubclassOf(reason) && !t.IsAbstract).OrderBy(t => t.Name);

        Assert.Equal(Kinds(typeof(RagReason)), RagSamples(Link).Select(r => r.GetType()).Distinct().OrderBy(t => t.Name));
        Assert.Equal(Kinds(typeof(EscalationReason)), EscalationSamples().Select(r => r.GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public void Every_reason_has_words_and_a_typed_name_stays_text(string locale)
    {
        using var _ = new InCulture(locale);

        foreach (var text in RagSamples(Link).Select(ReasonText.Of).Concat(EscalationSamples().Select(ReasonText.Of)))
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotMatch(Placeholder(), text);
            Assert.DoesNotMatch(MarkdownLink(), text);
            Assert.DoesNotContain("**now**", text, StringComparison.Ordinal);
        }

        Assert.All(RagSamples(Link).Where(r => r is not RagReason.IndexBelow), r => Assert.Contains(CardElements.Escape(Link), ReasonText.Of(r), StringComparison.Ordinal));
    }

    [Fact]
    public void Rag_reasons_read_as_they_always_have()
    {
        using var _ = new InCulture("en-US");

        Assert.Equal(
            [
                "Schedule: SPI 0.85 is below 0.90",
                "Cost: CPI 0.50 is below 0.80",
                "Risk Scanners fail (critical, score 20) is open: Scanners fail",
                "Risk EHR-R2 (high, score 12) is open: Scanners fail",
                "Milestone \u201cScanners fail\u201d is 3 days late",
                "Readiness: 35% of respondents stop at Awareness or Desire in \u201cScanners fail\u201d, 10 days before go-live",
                "Readiness: the dominant barrier in \u201cScanners fail\u201d is Knowledge, 3 days after go-live",
            ],
            RagSamples("Scanners fail").Select(ReasonText.Of));
        Assert.Equal("Milestone \u201cBuild\u201d is 1 day late", ReasonText.Of(new RagReason.MilestoneLate(Guarded.From("Build"), 1)));
        Assert.EndsWith(
            ", go-live is today",
            ReasonText.Of(new ReadinessReason.DominantBarrier(AdkarElement.Ability, "pre go-live", 0)),
            StringComparison.Ordinal);
        Assert.EndsWith(
            ", 1 day before go-live",
            ReasonText.Of(new ReadinessReason.StuckAtAwarenessOrDesire(0.5m, "pre go-live", 1)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reason_a_figure_is_missing_has_words()
    {
        using var _ = new InCulture("en-US");

        Assert.All(Enum.GetValues<RatioUndefined>(), because => Assert.False(string.IsNullOrWhiteSpace(ReasonText.Of(because))));
        Assert.Equal("no spend recorded yet", ReasonText.Of(RatioUndefined.NoSpend));
    }

    [Fact]
    public void Figures_are_written_the_way_the_reader_writes_them()
    {
        using var _ = new InCulture("de-DE");

        Assert.Equal("Schedule: SPI 0,85 is below 0,90", ReasonText.Of(new RagReason.IndexBelow(PerformanceIndex.Spi, 0.85m, RagRules.AmberBelow)));
    }

    [Theory]
    [InlineData(30, false, "not acknowledged within 30 minutes")]
    [InlineData(60, false, "not acknowledged within 1 hour")]
    [InlineData(90, false, "not acknowledged within 90 minutes")]
    [InlineData(1440, false, "not acknowledged within 24 hours")]
    [InlineData(60, true, "not acknowledged within 1 business hour")]
    [InlineData(240, true, "not acknowledged within 4 business hours")]
    [InlineData(90, true, "not acknowledged within 90 business minutes")]
    public void An_escalation_says_the_sla_as_people_would(int minutes, bool inBusinessHours, string expected)
    {
        using var _ = new InCulture("en-US");

        Assert.Equal(expected, ReasonText.Of(new EscalationReason.NotAcknowledged(TimeSpan.FromMinutes(minutes), inBusinessHours)));
    }

    [Fact]
    public void Escalation_reasons_read_as_in_the_history()
    {
        using var _ = new InCulture("en-US");

        Assert.Equal(
            ["critical risk", "Privacy / regulatory risk with impact 4", "not acknowledged within 4 business hours", "not acknowledged within 30 minutes", "mitigation past due since Fri 20 Nov 2026"],
            EscalationSamples().Select(ReasonText.Of));
    }
}
