using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// A check-in card: the round, the answer to show in it (when changing one), suspected PHI to point out, and what needs
/// changing.
/// </summary>
public sealed record CheckInCardModel(
    string ProjectCode,
    string ProjectName,
    string RoundId,
    DateTimeOffset ClosesAt,
    bool Reminder,
    bool Anonymous,
    CheckInStatus? Status = null,
    int? Impact = null,
    string? Blockers = null,
    bool TrainingNeeded = false,
    string? PhiFound = null,
    IReadOnlyList<string>? Problems = null,
    string? Refused = null);

/// <summary>
/// The stakeholder's check-in. "On track" answers in one tap; otherwise the status, the impact (both
/// chosen by the person, never pre-selected), optional blockers, training — and Submit. Answered cards
/// are replaced in place by <see cref="CheckInAnsweredCard"/>.
/// </summary>
public static class CheckInCard
{
    private static TextResource Texts => CheckInTexts.Cards;

    /// <summary>Teams shows no counter on a text input: the label says how much fits, so nobody types past it unaware.</summary>
    public static string BlockersLabel => Texts.Format("Card_BlockersLabel", CheckInAnswer.MaxBlockersLength);

    public static JObject Build(CheckInCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown(model.Reminder ? "Card_Title_Reminder" : "Card_Title", model.ProjectCode)),
            CardElements.Text(
                Texts.Markdown("Card_Line", model.ProjectName, Markdown.When(model.ClosesAt)),
                subtle: true,
                spacing: Spacing.None),
            CardElements.Text(
                Texts.Markdown(model.Anonymous ? "Card_WhoSees_Anonymous" : "Card_WhoSees_Named", AnswerGroups.MinimumSize),
                subtle: true,
                spacing: Spacing.None),
        };

        if (model.Problems is { Count: > 0 } problems)
        {
            body.Add(CardElements.Warning(
                CardTexts.Common.Markdown("PleaseCheck", Markdown.Worded(string.Join(CardTexts.Common["ListSeparator"], problems)))));
        }

        if (model.Refused is { } refused)
        {
            body.Add(CardElements.Warning(Markdown.Worded(refused)));
        }

        var target = CardElements.Data((CheckInInputs.Project, model.ProjectCode), (CheckInInputs.Round, model.RoundId));
        var onTrack = CardElements.Execute(
            Texts["Card_OnTrackButton"],
            CardVerbs.SubmitCheckIn,
            CardElements.Data(
                (CheckInInputs.Project, model.ProjectCode),
                (CheckInInputs.Round, model.RoundId),
                (CheckInInputs.Status, nameof(CheckInStatus.OnTrack))),
            primary: true);
        // One tap: the button sends only "on track", whatever the inputs below hold.
        body.Add(new ActionSet([onTrack with { AssociatedInputs = AssociatedInputs.None }]));
        body.Add(CardElements.Text(Texts.Markdown("Card_OrTellUs"), subtle: true));
        body.Add(Choice(
            CheckInInputs.Status,
            Texts["Card_StatusLabel"],
            model.Status?.ToString(),
            [.. Enum.GetValues<CheckInStatus>().Select(s => (CheckInFormat.Status(s), s.ToString()))],
            required: true));
        body.Add(Choice(
            CheckInInputs.Impact,
            Texts["Card_ImpactLabel"],
            model.Impact?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [
                .. Enumerable.Range(1, 5).Select(i => (
                    i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ],
            required: false));
        body.Add(new TextInput(CheckInInputs.Blockers)
        {
            Label = BlockersLabel,
            Placeholder = Texts.Format("Card_BlockersPlaceholder", CheckInAnswer.MaxBlockersLength),
            IsMultiline = true,
            MaxLength = CheckInAnswer.MaxBlockersLength,
            Value = model.Blockers,
        });
        if (model.PhiFound is { } phi)
        {
            // Beside the text it is about, as every form shows a field's problem.
            body.Add(CardElements.FieldProblem(phi));
        }

        body.Add(new ToggleInput(CheckInInputs.Training, Texts["Card_TrainingToggle"])
        {
            Value = model.TrainingNeeded ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
        });

        return new AdaptiveCard(body, [CardElements.Execute(CardTexts.Common["Submit"], CardVerbs.SubmitCheckIn, target)]).ToJObject();
    }

    private static ChoiceSetInput Choice(
        string id, string label, string? value, IReadOnlyList<(string Title, string Value)> choices, bool required) =>
        new(id, [.. choices.Select(c => new Choice(c.Title, c.Value))])
        {
            Label = label,
            Style = ChoiceStyle.Expanded,
            IsRequired = required ? true : null,
            ErrorMessage = required ? Texts["Card_PickOne"] : null,
            Value = value,
        };
}
