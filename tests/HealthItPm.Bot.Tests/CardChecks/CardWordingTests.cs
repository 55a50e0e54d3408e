using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>Card wording a CIO reads at a glance: who a risk went to, an acknowledgement said once, legible amber, a PM without a discipline.</summary>
public class CardWordingTests
{
    private static readonly PersonId Cio = new("886313e1-3b8a-4372-9b90-0c9aee199e5d");

    private static Project WithChain()
    {
        var project = CardFixtures.Project();
        project.SetEscalation([Cio], TimeSpan.FromHours(2), inBusinessHours: false);
        return project;
    }

    [Fact]
    public void An_escalation_in_the_history_names_the_leader_it_went_to()
    {
        var card = CardText.Of(RiskCard.Build(RiskViews.Of(WithChain(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now)));

        Assert.Contains("Escalated to Dr. Marcus Lee (CIO) (level 1): critical risk", card, StringComparison.Ordinal);
        Assert.DoesNotContain("level 0", card, StringComparison.Ordinal);
        Assert.DoesNotContain("→ 1", card, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acknowledged_risk_card_says_who_acknowledged_it_once()
    {
        var card = CardText.Of(RiskCard.Build(RiskViews.Of(WithChain(), CardFixtures.EscalatedRisk(acknowledged: true), CardFixtures.Now)));

        Assert.Single(card.Split("Acknowledged by", StringSplitOptions.None).Skip(1));
        Assert.Contains("✔ Acknowledged by Dr. Marcus Lee (CIO) at {{DATE(", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledged · by", card, StringComparison.Ordinal);
        Assert.Contains("Status\nAcknowledged\n", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_risk_card_with_more_changes_than_it_shows_says_how_many_it_shows()
    {
        var shortCard = CardText.Of(RiskCard.Build(RiskViews.Of(WithChain(), CardFixtures.LowRisk(), CardFixtures.Now)));
        var longCard = CardText.Of(RiskCard.Build(RiskViews.Of(WithChain(), CardFixtures.OftenRatedRisk(), CardFixtures.Now)));

        Assert.Contains("History\nThe 4 latest of 6 changes.\n", longCard, StringComparison.Ordinal);
        Assert.DoesNotContain("latest of", shortCard, StringComparison.Ordinal);
    }

    // Teams' light theme draws Warning in #f8d22a, about 1.5:1 against white: no text of the bot's is in it.
    [Fact]
    public void No_card_shows_text_in_teams_unreadable_warning_yellow()
    {
        var cards = CardFixtures.All.Select(f => (f.Name, Card: f.Build())).ToList();

        foreach (var (name, card) in cards)
        {
            var yellow = card.Descendants().OfType<JProperty>().Any(p => p.Name == "color" && string.Equals((string?)p.Value, "Warning", StringComparison.OrdinalIgnoreCase));
            Assert.False(yellow, $"The card {name} has text in Warning yellow.");
        }
    }

    [Fact]
    public void Amber_and_medium_read_as_bold_default_text_after_an_amber_marker()
    {
        var amber = ProjectElements.RagBadge(new RagStatus(Rag.Amber, []));
        var medium = RiskLabels.Badge(new RiskRating(2, 3));

        Assert.Null(amber.Color);
        Assert.Null(medium.Color);
        Assert.Equal("🟠 Status: Amber", amber.Text.Text);
        Assert.StartsWith("🟠 Medium 6", medium.Text.Text, StringComparison.Ordinal);
        Assert.Equal(Cards.Elements.TextWeight.Bolder, medium.Weight);
    }

    [Fact]
    public void The_pm_who_created_the_project_is_listed_without_the_it_discipline()
    {
        var card = CardText.Of(StakeholdersCard.Build(StakeholdersModel.From(CardFixtures.Project())));

        Assert.Contains("Priya Shah — Health IT\n", card + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Shah — IT", card, StringComparison.Ordinal);
        Assert.Contains("Nina Patel (RN) — Nurse, ICU", card, StringComparison.Ordinal);
    }
}
