using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.GoLive;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>One of the owner's criteria on their card: its number, name, must/should and their last attestation, if any.</summary>
public sealed record AttestItem(int Number, string Name, Importance Importance, Attestation? Last);

/// <summary>
/// An attestation card: the owner's criteria asked, who sees the answer, the criterion, met / at risk / not met and the
/// evidence; what was entered and what needs changing when it comes back. <paramref name="NoneYours"/>: the owner's criteria
/// on the card were all handed to others since it was sent (a card without a form).
/// </summary>
public sealed record AttestModel(
    string ProjectCode,
    string ProjectName,
    string RoundId,
    DateTimeOffset ClosesAt,
    IReadOnlyList<AttestItem> Items,
    bool Reminder = false,
    AttestChoice? Choice = null,
    string? Evidence = null,
    IReadOnlyList<string>? Problems = null,
    string? PhiFound = null,
    string? Refused = null,
    bool NoneYours = false);

/// <summary>The attestation card, the owner's answered card, and the PMs' card when the round ends.</summary>
public static class AttestCard
{
    public const string CriterionInput = "criterion";
    public const string StateInput = "state";
    public const string EvidenceInput = "evidence";
    public const string RoundInput = GoLiveVoteCard.RoundInput;

    private static TextResource Texts => GoLiveTexts.Attest;

    public static JObject Build(AttestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown(model.Reminder ? "Attest_Title_Reminder" : "Attest_Title", model.ProjectCode)),
            CardElements.Text(
                Texts.Markdown("Attest_Line", model.ProjectName, Markdown.When(model.ClosesAt)), subtle: true, spacing: Spacing.None),
            CardElements.Text(Texts.Markdown("Attest_WhoSees"), subtle: true, spacing: Spacing.None),
        };
        if (model.NoneYours)
        {
            body.Add(CardElements.Text(Texts.Markdown("Attest_NoneYours")));
            return new AdaptiveCard(body, [CardElements.Command(Texts["Attest_Scorecard"], "golive status")]).ToJObject();
        }

        foreach (var item in model.Items)
        {
            body.Add(CardElements.Text(
                Texts.Markdown("Attest_Item", item.Number, item.Name, GoLiveTexts.Cards[$"Importance_{item.Importance}"]),
                spacing: Spacing.Small));
            body.Add(CardElements.Text(
                item.Last is { } last
                    ? Texts.Markdown("Attest_Last", GoLiveTexts.Cards[$"State_{last.State}"], CardFormat.Date(last.On))
                    : Texts.Markdown("Attest_Never"),
                subtle: true,
                spacing: Spacing.None));
        }

        if (model.Problems is { Count: > 0 } problems)
        {
            body.Add(CardElements.Warning(
                CardTexts.Common.Markdown("PleaseCheck", Markdown.Worded(string.Join(CardTexts.Common["ListSeparator"], problems)))));
        }

        if (model.Refused is { } refused)
        {
            body.Add(CardElements.Warning(Markdown.Worded(refused)));
        }

        body.Add(new ChoiceSetInput(
            CriterionInput, [.. model.Items.Select(i => new Choice(Texts.Format("Attest_Choice", i.Number, i.Name), Number(i.Number)))])
        {
            Label = Texts["Attest_Criterion"],
            Style = model.Items.Count > 3 ? ChoiceStyle.Compact : ChoiceStyle.Expanded,
            Wrap = true,
            IsRequired = true,
            ErrorMessage = Texts["Problem_NoCriterion"],
            Value = model.Choice?.Criterion is { } chosen ? Number(chosen) : model.Items.Count == 1 ? Number(model.Items[0].Number) : null,
        });
        body.Add(new ChoiceSetInput(StateInput, [.. Enum.GetValues<AttestedState>().Select(s => new Choice(StateText(s), s.ToString()))])
        {
            Label = Texts["Attest_State"],
            Style = ChoiceStyle.Expanded,
            Wrap = true,
            IsRequired = true,
            ErrorMessage = Texts["Problem_NoState"],
            Value = model.Choice?.State?.ToString(),
        });
        body.Add(new TextInput(EvidenceInput)
        {
            Label = Texts.Format("Attest_Evidence", Attestation.MaxEvidenceLength),
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = Texts["Problem_NoEvidence"],
            MaxLength = Attestation.MaxEvidenceLength,
            Value = model.Evidence,
        });
        return GoLiveCardParts.Form(
            body,
            model.PhiFound,
            model.ProjectCode,
            model.RoundId,
            Texts["Attest_Submit"],
            AttestRoundKind.Submit,
            Texts["Attest_Scorecard"]);
    }

    public static JObject Answered(string project, string roundId, AttestAnswer answer, DateTimeOffset closesAt, bool open)
    {
        ArgumentNullException.ThrowIfNull(answer);
        List<Element> body =
        [
            CardElements.Heading(Texts.Markdown("Attested_Title", project)),
            CardElements.Text(Texts.Markdown("Attested_Line", answer.Criterion, StateText(answer.State))),
            CardElements.UserText(answer.Evidence.Value, italic: true),
            CardElements.Text(Texts.Markdown("Attest_WhoSees"), subtle: true),
            CardElements.Text(Texts.Markdown(open ? "Attested_Open" : "Attested_Closed", Markdown.When(closesAt)), subtle: true),
        ];
        var data = GoLiveCardParts.RoundData(project, roundId);
        var change = CardElements.Execute(Texts["Attested_Another"], AttestRoundKind.Change, data);
        return new AdaptiveCard(body, open ? [change] : null).ToJObject();
    }

    /// <summary>What the PMs get when an attestation round ends: how many owners answered, and the criteria still not met.</summary>
    public static JObject Result(string project, string projectName, AttestTally tally, IReadOnlyList<AttestItem> stillOpen)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(stillOpen);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("AttestResult_Title", project, projectName)),
            CardElements.Text(Texts.Markdown("AttestResult_Counts", tally.Answered, tally.Asked)),
        };
        if (stillOpen.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("AttestResult_StillOpen")));
            foreach (var item in stillOpen)
            {
                body.Add(CardElements.Text(
                    Texts.Markdown("Attest_Item", item.Number, item.Name, GoLiveTexts.Cards[$"Importance_{item.Importance}"]),
                    spacing: Spacing.Small));
            }
        }

        return new AdaptiveCard(body, [CardElements.Command(Texts["Attest_Scorecard"], "golive status")]).ToJObject();
    }

    public static string StateText(AttestedState state) => GoLiveTexts.Cards[$"State_{state}"];

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
