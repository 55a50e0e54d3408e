using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Bot.Tests.Privacy;

/// <summary>The cards around a removal of patient details: what they offer and how they name things.</summary>
public sealed class RemovalCardsTests
{
    [Fact]
    public void Change_answer_does_not_offer_the_removed_marker_back_as_text()
    {
        var kind = new CheckInRoundKind();
        var answer = CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), RemovedText.Marker, false);

        var entry = kind.EntryOf(answer);

        Assert.Null(entry.TextOf(CheckInRounds.Blockers));
        Assert.Equal(CheckInStatus.Blocked, entry.Choices.Status);
    }

    [Fact]
    public void The_round_confirmation_has_cancel_that_brings_the_summary_back()
    {
        var card = RoundRemovalCard.Confirm(CheckInRounds.Kind, "EHR", "20261201T1600Z", ["Scanners drop"]);

        var cancel = Assert.Single(card["actions"]!, a => (string?)a["title"] == "Cancel");
        Assert.Equal(CardVerbs.ViewRoundResults, (string?)cancel["verb"]);
        Assert.Equal("CheckIn", (string?)cancel["data"]!["kind"]);
        Assert.Equal("EHR", (string?)cancel["data"]!["project"]);
        Assert.Equal("20261201T1600Z", (string?)cancel["data"]!["round"]);
    }

    [Fact]
    public void The_risk_confirmation_names_each_text_by_its_forms_label()
    {
        var card = RiskCard.ConfirmRemoval(CardFixtures.AcceptedRisk());

        var texts = card["body"]!.Select(e => (string?)e["text"]).OfType<string>().ToList();
        Assert.Contains(texts, t => t.Contains("Description (no patient details)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("To accept the risk, say why", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("description", StringComparison.Ordinal) && !t.Contains("Description", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_summary_offers_removal_only_to_a_reader_who_may_remove(bool may)
    {
        var anyOne = CardFixtures.All.Single(f => f.Name == "round-summary-pm-can-remove").Build();
        Assert.Contains(CardVerbs.AskRemoveFromRoundAnswers, anyOne.ToString(), StringComparison.Ordinal);
        var model = new RoundSummaryModel("EHR", "Epic EHR go-live", CardFixtures.CheckInSummary(), "America/Chicago")
        {
            CanRemovePatientDetails = may,
        };

        var card = RoundSummaryCard.Build(model).ToString();

        Assert.Equal(may, card.Contains(CardVerbs.AskRemoveFromRoundAnswers, StringComparison.Ordinal));
    }
}
