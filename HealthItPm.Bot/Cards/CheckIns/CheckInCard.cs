using HealthItPm.Domain.CheckIns;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.CheckIns;

/// <summary>A check-in card: the round, the answer to show in it (when changing one), and suspected PHI to point out.</summary>
public sealed record CheckInCardModel(
    string ProjectCode,
    string ProjectName,
    string RoundId,
    DateTimeOffset ClosesAt,
    bool Reminder,
    CheckInStatus? Status = null,
    int? Impact = null,
    string? Blockers = null,
    bool TrainingNeeded = false,
    IReadOnlyList<string>? PhiFound = null);

/// <summary>
/// The stakeholder's check-in: one tap on a status, the impact, optional blockers, training — and
/// Submit. Answered cards are replaced in place by <see cref="CheckInAnsweredCard"/>.
/// </summary>
public static class CheckInCard
{
    /// <summary>Teams shows no counter on a text input: the label says how much fits, so nobody types past it unaware.</summary>
    public static readonly string BlockersLabel = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"What is blocking you? (optional, up to {CheckInAnswer.MaxBlockersLength:#,0} characters — no patient details)");

    public static JObject Build(CheckInCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject>
        {
            CardElements.Heading(model.Reminder ? $"Reminder: {model.ProjectCode} check-in" : $"{model.ProjectCode} check-in"),
            CardElements.Text($"{CardElements.Escape(model.ProjectName)} · takes 10 seconds · open until {CardElements.When(model.ClosesAt)}", subtle: true, spacing: "None"),
        };

        body.Add(Choice("status", "How is it going?", model.Status?.ToString() ?? nameof(CheckInStatus.OnTrack), [("On track", nameof(CheckInStatus.OnTrack)), ("Some concerns", nameof(CheckInStatus.SomeConcerns)), ("Blocked", nameof(CheckInStatus.Blocked))]));
        body.Add(Choice("impact", "Impact on your workflow (1 none – 5 severe)", (model.Impact ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture), [.. Enumerable.Range(1, 5).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]));
        var blockers = new JObject
        {
            ["type"] = "Input.Text",
            ["id"] = "blockers",
            ["label"] = BlockersLabel,
            ["placeholder"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Up to {CheckInAnswer.MaxBlockersLength:#,0} characters"),
            ["isMultiline"] = true,
            ["maxLength"] = CheckInAnswer.MaxBlockersLength,
        };
        if (model.Blockers is not null)
        {
            blockers["value"] = model.Blockers;
        }

        body.Add(blockers);
        if (model.PhiFound is { Count: > 0 } phi)
        {
            // Beside the text it is about, as every form shows a field's problem.
            body.Add(new JObject
            {
                ["type"] = "TextBlock",
                ["color"] = "Attention",
                ["wrap"] = true,
                ["spacing"] = "Small",
                ["text"] = "Please remove patient information before submitting — nothing was saved. It looks like your text has " + string.Join("; ", phi) + ".",
            });
        }

        body.Add(new JObject
        {
            ["type"] = "Input.Toggle",
            ["id"] = "training",
            ["title"] = "I need more training",
            ["value"] = model.TrainingNeeded ? "true" : "false",
            ["valueOn"] = "true",
            ["valueOff"] = "false",
        });

        return AdaptiveCard.Create(body, [CardElements.Execute("Submit", CardVerbs.SubmitCheckIn, new JObject { ["project"] = model.ProjectCode, ["round"] = model.RoundId }, primary: true)]);
    }

    private static JObject Choice(string id, string label, string value, IReadOnlyList<(string Title, string Value)> choices) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = id,
        ["label"] = label,
        ["style"] = "expanded",
        ["isRequired"] = true,
        ["errorMessage"] = "Pick one.",
        ["value"] = value,
        ["choices"] = new JArray(choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value })),
    };
}
